#ifndef ENTENTE_IMPORTERS_INTERNAL_FRAMES_H_
#define ENTENTE_IMPORTERS_INTERNAL_FRAMES_H_

// Frames: the pattern language of the extractor. A frame says how English states a
// relation: a trigger word, where its parties sit around it, what must (or must not)
// be there, and what it adds. Frames live in importers/data/frames/*.txt, one per
// line, and are compiled when the Extractor is created; a bad line is an error that
// names its file and line.
//
//   # TYPE     TRIGGER              FIELDS...
//   visit      v:visit              source=subj target=obj|to|in
//   visit      n:@visit_noun        source=subj|poss|mod|by|of target=to|in
//   agreement  v:@sign_verb         obj=@agreement_kind
//   parties=subj+with|between|subj|group sanction   v:impose|slap obj=@sanction_measure
//   source=subj target=on|against
//                                   attr.action=imposed
//
// TYPE is a relation type of ../shared/spec/relations.md ("agreement", "visit", ...).
//
// TRIGGER is "v:" (the lemma of a clause's main verb, with its particle: "set_up";
// a copula triggers only frames that name "be") or
// "n:" (a word of a noun phrase: its head, or a phrase that covers the head), followed
// by lemmas or @classes separated by '|' ("v:sign|ink|@sign_verb").
//
// FIELDS are "key=value" (no spaces):
//   source=SLOTS, target=SLOTS  the parties of a directed relation;
//   parties=SLOTS               the parties of a symmetric one.
//       SLOTS are alternatives separated by '|', tried in order; an alternative is a
//       slot ("subj") or two joined by '+' ("subj+with": every party of the first
//       with every party of the second). A single slot for `parties` pairs its own
//       parties ("Chile and Peru signed"). Slots:
//         subj   the doer: a verb's subject (its "by" phrase when passive); for a
//                noun, the subject of the clause around it ("X paid a visit");
//         obj    a verb's object (its subject when passive);
//         poss   a noun's possessor ("Modi's visit", "their talks");
//         mod    names before a noun ("Kazakh-Chinese talks", "the EU-Egypt summit");
//         group  "the two countries", "both sides", "bilateral": the item's pair;
//         loc    the place of the clause ("in Astana": its country);
//         self   a noun trigger's own phrase, as the event or site it names
//                ("the 10th summit of the OTS"); for a verb, `obj` names one too;
//         after  the phrase right after a verb as written (a passive's second
//                object: "was granted [observer status in the OTS]");
//         event  the item's main event ("X took part by video link");
//         people the people the clause names ("Also present were the presidents
//                of X and Y");
//         appos  the phrase a noun trigger's phrase stands in apposition to
//                ("Chile, the chair of the forum in 2025,": Chile);
//         part   the object of a participle that describes a verb's object
//                ("prolonged the measures [targeting the Russian economy]");
//         speaker  who says the clause: the subject of the clause that reports it
//                ("Kenya's minister said trade with Uganda had reached ...": Kenya),
//                for a verb;
//         helped the object of a purpose infinitive of helping under the clause
//                ("pledged $400 million in loans to help [Manila] build a subway");
//         org    the organization among the item's parties named last before
//                the trigger ("assumes the chairmanship next year" in an
//                item on a bloc's summit);
//         host   the item's host: the country of its dateline (not a visit's host:
//                a site or visit without a place is not thereby in it);
//         item   the item's two principal parties (for a directed type: the one
//                that is not the source, when the source is one of them);
//         any preposition ("with", "to", "between", "on", "against", ...): the
//                phrases it opens after the trigger (a verb's clause, or a noun's own
//                chain: "visit to Brazil by Modi").
//   obj=@class, subj=@class      that slot's phrase must hold a phrase of the class;
//   near=@class                  the trigger's clause must hold one;
//   not=@class                   the trigger's clause must not hold one;
//   self_not=@class              a noun trigger's own phrase must not hold one
//                                ("Moldova's accession talks": no sitting), where
//                                not= would rule out the whole clause;
//   verb_not=@class              the verb of the trigger's clause (its lemma) must
//                                not be of the class ("reviewed the partnership");
//   through=PREP|PREP            a preposition slot's phrase that names no party may
//                                name it in these phrases after it ("a ban on
//                                exports to Y", "curbs on cooperation with Y");
//   under=PREP|PREP              a noun trigger's phrase must be the object of one of
//                                these prepositions ("under=at|during": "at the
//                                summit"; write "on_the_sidelines_of" for a phrase);
//   needs=money|percent|date     the clause must state an amount, a percentage or a
//                                date of its own;
//   needs=own_money              an amount not inside an infinitive under the clause
//                                ("pledged $5 million", not "pledged to lift trade
//                                to $1 billion");
//   trigger=modifier             an n: trigger is a word before its phrase's head,
//                                not the head ("the visiting Iraqi minister"); the
//                                slot `self` then names the phrase's own parties;
//   needs=baseline               the clause must state the amount a change starts
//                                from ("to $1 billion, up from $600 million last
//                                year"): the relation is that amount, dated by its
//                                own date;
//   needs=later_figure           the clause must state a second figure joined by
//                                "and", each with its date ("$2 billion in 2024 and
//                                $1.9 billion in 2025"): the relation is the later
//                                one, dated by its own date;
//   needs=signed_list            the trigger's sentence has no verb and follows,
//                                across other such lines, one that tells of a
//                                signing (@signed_list_cue): "Documents signed: /
//                                1. Memorandum between X and Y on ..."; dated as
//                                the story runs (the intro's day);
//   needs=name                   a noun trigger's phrase (a verb's object) must have
//                                a name of its own
//                                (a capital, an ordinal: "the 10th summit", not
//                                "the summit");
//   needs=indefinite_target      the target's phrase (the first preposition slot of
//                                `target`) opens with "a" or "an": a thing new to
//                                the text ("invest $2 billion in a urea plant"), not
//                                one that stands ("in the Hualing zone");
//   needs=counted_object         the verb's object (a passive's subject) opens with a
//                                count ("Nine agreements were signed");
//   needs=own_date               a noun trigger's phrase (a verb's object) must hold
//                                a date of its own ("the Lima Declaration of 2001",
//                                "the 2015 treaty");
//   needs=unplaced_main_event    a noun trigger's phrase is the item's main event
//                                (its first named one) and no place is given for
//                                it in its clause ("KAZAN -- ... at the bloc's
//                                16th summit");
//   needs=state_source           the source is a state, not a body ("Chile and Peru
//                                formed the Pacific Alliance", not "BRICS set up the
//                                bank");
//   needs=states                 every party is a state ("the Italy-Algeria summit",
//                                not "the ASEAN-Australia summit" of eleven);
//   needs=named_subject          the subject must name its parties itself: "officials
//                                discussed" does not stand for the item's pair;
//   needs=named_object           the object must name its party itself: "backed Chile"
//                                and "backed Chile's bid", not "backed talks between
//                                Chile and Peru";
//   needs=acting_subject         the subject (a passive's "by" phrase) must not be
//                                a demonym or name on a noun that is no state,
//                                office or agent ("two Indian firms signed", "UN
//                                votes condemning"; "the Kenyan government" and
//                                "China's statement" act);
//   needs=person                 the second party must be named through a person
//                                ("received the minister", not "received support");
//   needs=person_object          the verb's object (a passive's subject) is a person:
//                                "the host was joined by X", not "the bloc was";
//   needs=no_object              the verb has no object ("X, Y and Z attended.");
//   needs=thing_object           the verb's object, if any, is no person nor office:
//                                "joined the bloc", not "leaders ... joined by X";
//   date=since                   the frame tells a state that still holds ("has
//                                remained suspended since 2016"): "since YEAR" dates
//                                it, as it does a partnership;
//   date=anniversary             the trigger is an "Nth anniversary": the date is the
//                                year the text gives (else the report's) minus N;
//   mood=future                  also in future or modal statements ("will become a
//                                member on 1 January"), not in wished, hedged or
//                                conditional ones ("would like it to become");
//   mood=pledged                 also under a pledge ("pledged to back X's bid":
//                                the pledge is the stance);
//   mood=any                     also in future, modal or hoped-for statements
//                                (targets, pledges); the default is factual only;
//   max_parties=3                a match naming more parties gives nothing (six
//                                leaders "meeting" at a summit are a forum, not
//                                fifteen bilateral meetings), unless its clause
//                                says they were separate (@separate_cue);
//                                max_parties=2 allows no such exception: a pair;
//   confidence=0.6               the confidence of what it emits (default 0.8);
//   attr.KEY=VALUE               a constant attribute ("attr.stance=support").
// Attributes the text states (amounts, levels, kinds, dates) are read by the
// relation builder for every frame of a type; frames add only constants.
//
// Thread-safety: a compiled FrameBook is immutable; share it const.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/internal/lexicon.h"

namespace entente::importers::internal {

// Where a party may sit, as a frame names it.
struct Slot {
  enum Kind : uint8_t {
    kSubject,
    kObject,
    kPossessor,
    kModifier,
    kGroup,
    kLocation,
    kSelf,
    kHost,
    kItem,
    kAfter,
    kEvent,
    kPeople,
    kApposed,
    kOrganization,
    kParticipleObject,
    kHelped,
    kSpeaker,
    kPrep
  };
  Kind kind = kSubject;
  std::string prep;  // For kPrep: "with", "to", "between", ...
};

// One alternative: one slot, or two whose parties are crossed.
struct SlotChoice {
  Slot first;
  bool crossed = false;
  Slot second;
};

struct Frame {
  graph::RelationType type = graph::RelationType::kUnspecified;
  bool verbal = true;                // v: or n:
  std::vector<std::string> lemmas;   // Trigger lemmas ("set up" for "set_up").
  std::vector<uint32_t> lemma_ends;  // Per lemma: WordHash of its last word.
  std::vector<ClassId> trigger_classes;
  std::vector<SlotChoice> source, target, parties;
  struct Condition {
    Slot slot;
    ClassId cls = -1;
  };
  std::vector<Condition> requires_in_slot;  // obj=@x, subj=@x, with=@x ...
  std::vector<ClassId> near, absent;
  std::vector<ClassId> verb_not;   // verb_not=@x: classes the clause's verb is not of.
  std::vector<ClassId> self_not;   // self_not=@x: not in a noun trigger's phrase.
  std::vector<std::string> under;  // Prepositions a noun trigger's phrase must follow.
  // Prepositions after a party phrase that names no party, which may name it.
  std::vector<std::string> through;
  bool needs_money = false, needs_percent = false, needs_date = false;
  bool needs_own_money = false;     // needs=own_money: not in an infinitive below
  bool needs_baseline = false;      // needs=baseline
  bool needs_later_figure = false;  // needs=later_figure
  bool needs_signed_list = false;   // needs=signed_list
  bool modifier_trigger = false;    // trigger=modifier
  bool needs_person = false;
  bool needs_person_object = false;  // needs=person_object
  bool needs_thing_object = false;   // needs=thing_object
  bool needs_no_object = false;      // needs=no_object
  bool needs_name = false;
  bool needs_own_date = false;             // needs=own_date
  bool needs_counted_object = false;       // needs=counted_object
  bool needs_indefinite_target = false;    // needs=indefinite_target
  bool needs_unplaced_main_event = false;  // needs=unplaced_main_event
  bool needs_named_subject = false;        // needs=named_subject
  bool needs_state_source = false;         // needs=state_source
  bool needs_states = false;               // needs=states
  bool needs_named_object = false;         // needs=named_object
  bool needs_acting_subject = false;       // needs=acting_subject
  bool any_mood = false;
  bool future_mood = false;   // mood=future
  bool pledged_mood = false;  // mood=pledged
  bool anniversary = false;   // date=anniversary
  bool since_state = false;   // date=since
  int max_parties = 0;        // 0: no limit.
  double confidence = 0.8;
  std::vector<std::pair<std::string, std::string>> constants;  // attr.KEY=VALUE
  std::string file;  // Where it is written, for --explain and errors.
  int line = 0;
};

// The compiled frames, indexed by trigger.
class FrameBook {
 public:
  // Compiles frame files (name, content). `lexicon` resolves @classes. Errors are
  // InvalidArgument "FILE:LINE: why" (unknown type, class, slot or key; a frame
  // without parties).
  static absl::StatusOr<std::unique_ptr<FrameBook>> Compile(
      const std::vector<std::pair<std::string, std::string>>& files,
      const Lexicon& lexicon);

  const std::vector<Frame>& frames() const { return frames_; }
  // Frames whose verb trigger is this lemma ("sign", "set up").
  const std::vector<int>* VerbFrames(absl::string_view lemma) const;
  // The classes and lemmas that can trigger noun frames, for the matcher.
  const std::vector<int>& NounFrames() const { return noun_frames_; }
  // False when no noun frame's trigger lemma ends in the word with this WordHash:
  // then only their trigger classes can cover a noun (Frame::lemma_ends).
  bool MayEndNounLemma(uint32_t hash) const { return noun_lemma_ends_.contains(hash); }
  // Frames whose verb trigger is a class (checked by class match).
  const std::vector<int>& VerbClassFrames() const { return verb_class_frames_; }
  // The trigger classes of VerbClassFrames: where Lexicon::MayMatchAny rules them out,
  // none of those frames is triggered.
  const ClassSet& VerbTriggerClasses() const { return verb_trigger_classes_; }
  // Noun frames triggered by a word before a phrase's head (trigger=modifier).
  const std::vector<int>& ModifierFrames() const { return modifier_frames_; }
  // The trigger classes of all noun frames: where Lexicon::MayMatchAny rules them
  // out, no noun frame's class can start.
  const ClassSet& NounTriggerClasses() const { return noun_trigger_classes_; }

 private:
  std::vector<Frame> frames_;
  absl::flat_hash_map<std::string, std::vector<int>> by_verb_;
  std::vector<int> verb_class_frames_;
  std::vector<int> noun_frames_;
  std::vector<int> modifier_frames_;
  absl::flat_hash_set<uint32_t> noun_lemma_ends_;
  ClassSet noun_trigger_classes_;
  ClassSet verb_trigger_classes_;
};

// Parses one frame line (for tests and the compiler). `file`/`line` go into errors.
absl::StatusOr<Frame> ParseFrame(absl::string_view text, const Lexicon& lexicon,
                                 absl::string_view file, int line);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_FRAMES_H_
