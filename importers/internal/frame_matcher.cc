#include "importers/internal/frame_matcher.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "importers/internal/numbers.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

// Types whose parties are states and organizations only, never companies.
bool StatesOnly(RelationType type) {
  return type != RelationType::kAgreement && type != RelationType::kInvestment;
}

// Types whose target is the thing a phrase names (an event, a site).
bool TargetIsThing(RelationType type) {
  return type == RelationType::kForum || type == RelationType::kSite;
}

// How many tokens before the head it covers a noun trigger's phrase may start.
constexpr int kLongestNounTrigger = 4;
// The tokens a noun trigger's phrase may start from, before and at its head.
using TriggerStarts = absl::InlinedVector<int, kLongestNounTrigger + 1>;

// A few party ids, each once: the sets a frame's party alternatives build hold one
// to a handful, so a flat list beats a tree of nodes. Iteration follows insertion.
class PartySet {
 public:
  void insert(absl::string_view party) {
    if (!contains(party)) parties_.emplace_back(party);
  }
  bool contains(absl::string_view party) const {
    return absl::c_linear_search(parties_, party);
  }
  size_t size() const { return parties_.size(); }
  bool empty() const { return parties_.empty(); }
  auto begin() const { return parties_.begin(); }
  auto end() const { return parties_.end(); }

 private:
  absl::InlinedVector<std::string, 4> parties_;
};

struct Mood {
  bool blocked = false;
  bool irrealis = false;  // Not (yet) a fact: future, modal, wished, hedged, conditional.
  bool wished = false;    // Irrealis by a wish, a plan, a hedge or a condition.
  bool pledged = false;   // Under a pledge: wished, except for mood=pledged frames.
  int wisher = -1;  // The clause whose verb wishes it ("Egypt hopes to ..."), if any.
  bool weighed = false;  // Only considered: "is considering investing".
};

class SentenceMatcher {
 public:
  SentenceMatcher(const Knowledge& k, const Discourse& d, const ItemText& item, int s)
      : k_(k),
        x_(k.lexicon()),
        c_(k.classes()),
        d_(d),
        item_(item),
        s_(s),
        sentence_(item.sentences[s]),
        t_(sentence_.tokens),
        ph_(sentence_.parse.phrases),
        clauses_(sentence_.parse.clauses) {}

  std::vector<FrameMatch> Run() {
    for (size_t c = 0; c < clauses_.size(); ++c) {
      if (clauses_[c].verb >= 0) MatchVerb(static_cast<int>(c));
    }
    for (size_t x = 0; x < ph_.nps.size(); ++x) MatchNoun(static_cast<int>(x));
    // "launched the Comprehensive Partnership in July 2013": the verb's match says
    // it all; the noun's own match of the same type on that phrase in that clause
    // goes, unless it names parties the verb's does not ("at the summit hosted by X,
    // the leaders of Y and Z agreed": Y and Z took part).
    std::vector<bool> covered(out_.size(), false);
    for (size_t i = 0; i < out_.size(); ++i) {
      const FrameMatch& m = out_[i];
      if (m.np < 0) continue;
      for (const FrameMatch& v : out_) {
        if (v.np < 0 && v.frame->type == m.frame->type && v.object_np == m.np &&
            v.clause == m.clause && PartiesWithin(m, v)) {
          covered[i] = true;
          break;
        }
      }
    }
    std::vector<FrameMatch> kept;
    for (size_t i = 0; i < out_.size(); ++i) {
      if (!covered[i]) kept.push_back(std::move(out_[i]));
    }
    out_ = std::move(kept);
    std::stable_sort(out_.begin(), out_.end(),
                     [](const FrameMatch& a, const FrameMatch& b) {
                       return a.trigger.begin < b.trigger.begin;
                     });
    return std::move(out_);
  }

 private:
  // Every party match `m` names is named by `by` too.
  static bool PartiesWithin(const FrameMatch& m, const FrameMatch& by) {
    auto named = [&](const std::string& party) {
      if (party.empty()) return true;
      for (const auto& [a, b] : by.pairs) {
        if (a.party == party || b.party == party) return true;
      }
      return false;
    };
    for (const auto& [a, b] : m.pairs) {
      if (!named(a.party) || !named(b.party)) return false;
    }
    return true;
  }

  // ---- Triggers ------------------------------------------------------------------
  void MatchVerb(int c) {
    const VerbGroup& g = ph_.verbs[clauses_[c].verb];
    const FrameBook& book = k_.frames();
    // A copula triggers only the frames that name "be" ("was last in Rome in 2024").
    if (g.copula) {
      if (const std::vector<int>* f = book.VerbFrames("be")) {
        for (int index : *f) TryFrame(book.frames()[index], c, {g.head, g.head + 1}, -1);
      }
      return;
    }
    // A verb triggers a few frames: their indices fit inline, with no allocation.
    absl::InlinedVector<int, 16> frames;
    if (const std::vector<int>* f = book.VerbFrames(g.lemma)) {
      frames.assign(f->begin(), f->end());
    }
    const std::string& head_lemma = t_[g.head].lemma;
    if (head_lemma != g.lemma) {
      if (const std::vector<int>* f = book.VerbFrames(head_lemma)) {
        frames.insert(frames.end(), f->begin(), f->end());
      }
    }
    // Most verbs start no trigger class: one test rules all those frames out.
    const bool class_frames = x_.MayMatchAny(book.VerbTriggerClasses(), t_[g.head]);
    for (size_t k = 0; class_frames && k < book.VerbClassFrames().size(); ++k) {
      const int index = book.VerbClassFrames()[k];
      for (ClassId cls : book.frames()[index].trigger_classes) {
        if (x_.MatchAt(cls, t_, g.head, std::min<int>(g.range.end, t_.size())).length >
            0) {
          frames.push_back(index);
          break;
        }
      }
    }
    std::sort(frames.begin(), frames.end());
    frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
    for (int index : frames) {
      TryFrame(book.frames()[index], c, {g.head, g.head + 1}, -1);
    }
  }

  int HeadOf(const TokenRange& r) const {
    for (int k = r.end - 1; k >= r.begin; --k) {
      Tag tag = t_[k].tag;
      if (tag == Tag::kNoun || tag == Tag::kProper || tag == Tag::kAdjective) return k;
    }
    return r.end - 1;
  }

  // True when the words of `phrase` (split at spaces) are the lemmas or forms of the
  // tokens from `start` on; the caller makes sure that many tokens follow.
  bool WordsAt(absl::string_view phrase, int start) const {
    int k = start;
    for (absl::string_view word : absl::StrSplit(phrase, ' ')) {
      const Token& tok = t_[k++];
      if (tok.lemma != word && tok.lower != word) return false;
    }
    return true;
  }

  // The first token from which a noun trigger's phrase may cover `head`.
  static int FirstTriggerStart(int head, const TokenRange& conjunct) {
    return std::max(conjunct.begin, head - kLongestNounTrigger);
  }

  // The tokens from which Covers looks for a noun frame's trigger class where one of
  // those classes may start (Lexicon::MayMatchAny), in order: at the others every
  // class's MatchAt finds nothing. Empty when only their lemmas may cover the head.
  TriggerStarts NounTriggerStarts(int head, const TokenRange& conjunct) const {
    const ClassSet& classes = k_.frames().NounTriggerClasses();
    TriggerStarts starts;
    for (int start = FirstTriggerStart(head, conjunct); start <= head; ++start) {
      if (x_.MayMatchAny(classes, t_[start])) starts.push_back(start);
    }
    return starts;
  }

  // True when the frame's noun trigger covers the head: its lemma, or a phrase of its
  // class that starts before the head and reaches it ("joint statement").
  // `lemmas` false skips the lemmas, when no noun frame's lemma can end at the head;
  // the classes are tried at `starts` alone (NounTriggerStarts).
  bool Covers(const Frame& f, int head, const TokenRange& conjunct, bool lemmas,
              const TriggerStarts& starts, TokenRange* r) const {
    for (size_t k = 0; lemmas && k < f.lemmas.size(); ++k) {
      // Whether it is one word or several, the lemma's last word is the head's.
      if (f.lemma_ends[k] != t_[head].lemma_hash && f.lemma_ends[k] != t_[head].hash) {
        continue;
      }
      const std::string& lemma = f.lemmas[k];
      if (t_[head].lemma == lemma || t_[head].lower == lemma) {
        *r = {head, head + 1};
        return true;
      }
      // "joint statement": the words end at the head.
      const int words = 1 + static_cast<int>(std::count(lemma.begin(), lemma.end(), ' '));
      int start = head + 1 - words;
      if (words < 2 || start < conjunct.begin) continue;
      if (WordsAt(lemma, start)) {
        *r = {start, head + 1};
        return true;
      }
    }
    for (size_t k = 0; !starts.empty() && k < f.trigger_classes.size(); ++k) {
      const ClassId cls = f.trigger_classes[k];
      for (int start : starts) {
        PhraseMatch m = x_.MatchAt(cls, t_, start, static_cast<int>(t_.size()));
        if (m.length > 0 && start + m.length > head) {
          *r = {start, start + m.length};
          return true;
        }
      }
    }
    return false;
  }

  // "the Summit of the Forum on China-Africa Cooperation": the forum here names
  // the summit; it is no event of its own.
  bool OfAnEvent(int x) const {
    const int pp = ph_.nps[x].pp;
    if (pp < 0 || Prep(ph_.pps[pp]) != "of" || ph_.pps[pp].attached_np < 0) return false;
    const NounPhrase& owner = ph_.nps[ph_.pps[pp].attached_np];
    return x_.FindIn(c_.event_noun, t_, owner.range.begin, owner.range.end, nullptr,
                     nullptr);
  }

  // "the visiting Iraqi minister": frames triggered by a word before the head, when
  // the head names someone (a name, a title, an agent: "the visiting delegation"),
  // not a thing ("visiting forces agreements").
  void MatchModifiers(int x, const TokenRange& conjunct, int head) {
    auto names_someone = [&](int k) {
      for (int j = k + 1; j <= head; ++j) {
        if (t_[j].capitalized || sentence_.mention_at[j] >= 0) return true;
      }
      return In(c_.titles.leader_title, head) || In(c_.titles.title, head) ||
             In(c_.agent_noun, head);
    };
    for (int index : k_.frames().ModifierFrames()) {
      const Frame& f = k_.frames().frames()[index];
      auto trigger_at = [&](int k) {
        for (size_t j = 0; j < f.lemmas.size(); ++j) {
          if (f.lemma_ends[j] == t_[k].hash && f.lemmas[j] == t_[k].lower) return true;
        }
        return false;
      };
      for (int k = conjunct.begin; k < head; ++k) {
        if (!trigger_at(k)) continue;
        if (names_someone(k)) {
          TryFrame(f, sentence_.parse.clause_at[head], TokenRange{k, k + 1}, x);
        }
        break;
      }
    }
  }

  void MatchNoun(int x) {
    const NounPhrase& np = ph_.nps[x];
    const FrameBook& book = k_.frames();
    const bool of_an_event = OfAnEvent(x);
    for (const TokenRange& conjunct : np.conjuncts) {
      int head = HeadOf(conjunct);
      if (head >= 0 && !book.ModifierFrames().empty()) MatchModifiers(x, conjunct, head);
      if (head < 0 || sentence_.mention_at[head] >= 0) continue;
      const bool lemmas = book.MayEndNounLemma(t_[head].hash) ||
                          book.MayEndNounLemma(t_[head].lemma_hash);
      const TriggerStarts starts = NounTriggerStarts(head, conjunct);
      if (!lemmas && starts.empty()) continue;  // No noun frame's trigger can cover it.
      for (int index : book.NounFrames()) {
        const Frame& f = book.frames()[index];
        if (of_an_event && f.type == RelationType::kForum) continue;
        TokenRange trigger;
        if (!Covers(f, head, conjunct, lemmas, starts, &trigger)) continue;
        if (f.type == RelationType::kPartnership &&
            (OfOneSector(trigger.end) || PartnersActing(x, head))) {
          continue;
        }
        int c = sentence_.parse.clause_at[head];
        TryFrame(f, c, trigger, x);
      }
    }
  }

  // "The two CARICOM partners signed a memorandum": a @partner_word heading the
  // subject of a clause with a verb of its own (no copula) names who acts.
  bool PartnersActing(int x, int head) const {
    if (!In(c_.partner_word, head)) return false;
    const int c = sentence_.parse.clause_at[head];
    if (c < 0 || SubjectOf(sentence_.parse, c) != x) return false;
    const Clause& clause = clauses_[c];
    return clause.verb >= 0 && !ph_.verbs[clause.verb].copula;
  }

  // ---- Mood ----------------------------------------------------------------------
  bool In(ClassId cls, int i) const {
    return x_.MatchAt(cls, t_, i, t_.size()).length > 0;
  }

  bool GovernorLemma(ClassId cls, const VerbGroup& g) const {
    const std::string& head = t_[g.head].lemma;  // Most groups' lemma is the head's.
    return x_.Contains(cls, g.lemma) || (head != g.lemma && x_.Contains(cls, head));
  }

  // MoodOf reads only the clause, the trigger's first token and the phrase: the
  // frames tried at one trigger share it.
  Mood MemoMoodOf(int c, const TokenRange& trigger, int np) {
    auto [it, added] = moods_.try_emplace(std::make_tuple(c, trigger.begin, np));
    if (added) it->second = MoodOf(c, trigger, np);
    return it->second;
  }

  // The sentence opens with "Had", "Were" or "Should" before a name or a phrase.
  bool InvertedCondition() const {
    size_t k = 0;
    while (k < t_.size() && (t_[k].tag == Tag::kQuote || t_[k].tag == Tag::kPunct)) ++k;
    if (k + 1 >= t_.size() || t_[k].tag != Tag::kAux) return false;
    const std::string& w = t_[k].lower;
    if (w != "had" && w != "were" && w != "should") return false;
    const Tag next = t_[k + 1].tag;
    return next == Tag::kProper || next == Tag::kDeterminer || next == Tag::kPronoun ||
           next == Tag::kPossessive;
  }

  // Phrase np is `outer` or the object of one of its prepositional phrases.
  bool InPhrase(int np, int outer) const {
    if (np == outer) return true;
    for (int pp : Chain(outer)) {
      if (ph_.pps[pp].np == np) return true;
    }
    return false;
  }

  // Whether np is the object of a preposition of class `cls`.
  bool ObjectOfPrep(int np, ClassId cls) const {
    const int pp = ph_.nps[np].pp;
    if (pp < 0) return false;
    const PrepPhrase& p = ph_.pps[pp];
    return x_.MatchAt(cls, t_, p.prep, p.prep + p.prep_length).length == p.prep_length;
  }
  // "floated a draft pact during talks": np is the occasion of the clause's act;
  // "agreed to reopen the crossing after talks": one held before it.
  bool OccasionOf(int np) const { return ObjectOfPrep(np, c_.occasion_prep); }
  bool PriorOccasion(int np) const { return ObjectOfPrep(np, c_.prior_occasion_prep); }

  // "A visit by Modi is expected next week", "a summit is being considered": a noun
  // trigger in the subject of a passive that awaits or plans it. Not "talks are set
  // to begin on Friday": a date set is a fact of its own.
  bool ExpectedSubject(const Clause& clause, int np) const {
    if (np < 0 || clause.subject < 0 || clause.verb < 0 ||
        !InPhrase(np, clause.subject)) {
      return false;
    }
    const VerbGroup& g = ph_.verbs[clause.verb];
    return g.passive &&
           (GovernorLemma(c_.plan_governor, g) || GovernorLemma(c_.awaiting_governor, g));
  }

  // "ruled out joining the SCO": a gerund right after its parent's verb is its object.
  bool GerundObject(int c) const {
    const Clause& k = clauses_[c];
    if (k.kind != ClauseKind::kParticipial || k.verb < 0 || k.parent < 0) return false;
    const Clause& parent = clauses_[k.parent];
    if (parent.verb < 0) return false;
    int after = ph_.verbs[parent.verb].range.end;
    while (after < static_cast<int>(t_.size()) && t_[after].tag == Tag::kAdverb) ++after;
    // "stopped short of suspending it", "refrained from signing": one preposition
    // may stand between the verb and its gerund.
    if (after < static_cast<int>(t_.size()) && t_[after].tag == Tag::kPreposition &&
        ph_.verbs[k.verb].range.begin == after + 1) {
      return true;
    }
    // "look forward to the Philippines assuming the chair": the gerund with its own
    // subject after the preposition.
    if (after + 1 < static_cast<int>(t_.size()) && t_[after].tag == Tag::kPreposition &&
        ph_.np_at[after + 1] >= 0 &&
        ph_.nps[ph_.np_at[after + 1]].range.end == ph_.verbs[k.verb].range.begin &&
        absl::EndsWith(t_[ph_.verbs[k.verb].head].lower, "ing")) {
      return true;
    }
    // "were discussing the possibility of elevating their ties": the gerund after
    // the verb's object and "of" says what the object is of.
    const int gerund = ph_.verbs[k.verb].range.begin;
    if (parent.object >= 0 && gerund > 0 && t_[gerund - 1].LowerIs("of") &&
        ph_.nps[parent.object].range.end == gerund - 1) {
      return true;
    }
    return gerund == after;
  }

  // "denied reports that it had signed a pact": a "that" clause with a subject and
  // an object of its own fills no gap; it says what the noun before it holds.
  bool NounContent(int c) const {
    const Clause& k = clauses_[c];
    // "reports that Jakarta was about to establish ties": after a word for hearsay,
    // a "that" clause with no object of its own is content too.
    return k.kind == ClauseKind::kRelative && k.subject >= 0 &&
           k.subject != k.antecedent && k.antecedent >= 0 &&
           t_[k.range.begin].LowerIs("that") &&
           (k.object >= 0 || In(c_.hearsay_noun, ph_.nps[k.antecedent].head));
  }

  // "Reports that X and Y had signed a deal were premature": a report's content that
  // the predicate right after it denies.
  bool DeniedReport(int c) const {
    constexpr int kPredicateWindow = 4;  // "were not", "were \"premature\"".
    const Clause& k = clauses_[c];
    if (!In(c_.hearsay_noun, ph_.nps[k.antecedent].head)) return false;
    const int end = std::min<int>(k.range.end + kPredicateWindow, t_.size());
    for (int i = k.range.end; i < end; ++i) {
      if (t_[i].tag == Tag::kComma) break;
      if (In(c_.cancel_cue, i)) return true;
    }
    return false;
  }

  // "the only Kenyan leader ever to make a state visit": an ordinal in the noun's
  // phrase (ending at `noun`) makes the infinitive after it a record, not a plan.
  bool RecordBefore(int noun) const {
    constexpr int kRecordWindow = 5;
    // "the first prime minister in seven years to visit", "since 2016": past the time
    // phrase that bounds the record.
    constexpr int kTimePhrase = 4;
    for (int k = noun, skipped = 0; k > 0 && skipped < kTimePhrase; --k, ++skipped) {
      const Token& w = t_[k];
      if (!(IsTimeWord(w) || w.kind == TokenKind::kNumber || w.tag == Tag::kNumber ||
            w.LowerIs("a") || w.LemmaIs("year") || w.LemmaIs("decade"))) {
        break;
      }
      if (t_[k - 1].LowerIs("in") || t_[k - 1].LowerIs("since") ||
          t_[k - 1].LowerIs("for")) {
        noun = k - 2;
        break;
      }
    }
    for (int k = noun; k >= 0 && k > noun - kRecordWindow; --k) {
      if (x_.OneWordAt(c_.record_ordinal, t_, k)) return true;
      if (t_[k].tag == Tag::kDeterminer || t_[k].tag == Tag::kVerb ||
          t_[k].tag == Tag::kComma)
        return false;
    }
    return false;
  }

  // "confirmed that X would take over the chair on Jan. 1": "would" in what a past
  // verb of saying reports is that report's future, not a hedge.
  bool ReportedFuture(int c, int i) const {
    if (!t_[i].LowerIs("would") || !clauses_[c].content || clauses_[c].parent < 0) {
      return false;
    }
    const Clause& parent = clauses_[clauses_[c].parent];
    if (parent.verb < 0) return false;
    const Token& said = t_[ph_.verbs[parent.verb].head];
    if (!(said.verb_forms & kSpeech) || !(said.verb_forms & kPastTense)) return false;
    // "would take over if Y stepped aside" is a condition still.
    for (const Clause& child : clauses_) {
      if (child.parent != c || child.subordinator < 0) continue;
      const absl::string_view sub = t_[child.subordinator].lower;
      if (sub == "if" || sub == "unless" || sub == "whether") return false;
    }
    return true;
  }

  // A verb group told in the present: "is on a visit", "are holding talks".
  // A verb of talks as a process (@process_verb) in the progressive ("is negotiating",
  // "have been discussing").
  bool OngoingTalk(int c) const {
    if (clauses_[c].verb < 0) return false;
    const VerbGroup& g = ph_.verbs[clauses_[c].verb];
    const Token& head = t_[g.head];
    if (g.head == g.range.begin || !absl::EndsWith(head.lower, "ing")) return false;
    return x_.Contains(c_.process_verb, head.lemma);
  }

  bool ScheduledJourney(int c) const {
    if (sentence_.headline || clauses_[c].verb < 0) return false;
    const VerbGroup& g = ph_.verbs[clauses_[c].verb];
    return !g.copula && g.range.end - g.range.begin == 1 &&
           (t_[g.head].verb_forms & kThirdPerson) &&
           !(t_[g.head].verb_forms & kPastTense);
  }

  bool PresentGroup(const VerbGroup& g) const {
    const absl::string_view first = t_[g.range.begin].lower;
    if (first == "is" || first == "are" || first == "am" || first == "has" ||
        first == "have") {
      return true;
    }
    const Token& head = t_[g.head];
    return g.range.end - g.range.begin == 1 && !(head.verb_forms & kPastTense) &&
           (head.verb_forms & (kThirdPerson | kBaseForm));
  }

  // "Is a visit by Ruto to Moscow being planned?", "Will Chile join the bloc?": a
  // yes-no question (an auxiliary first, a question mark last) asserts nothing, nor
  // does a statement asked as one ("Q: Reports say Laos recalled its envoy?"). A
  // wh-question may take its event for granted ("Why did Chile sign?"). A label
  // before a colon ("Q:", "Question:") is not the question's first word.
  ABSL_ATTRIBUTE_NOINLINE bool YesNoQuestion() const {
    const int n = static_cast<int>(t_.size());
    if (n == 0 || t_.back().text != "?") return false;
    int first = 0;
    for (int k = 0; k + 1 < n && k < 3; ++k) {
      if (t_[k + 1].text == ":") first = k + 2;
    }
    for (int k = first; k < n; ++k) {
      const Token& t = t_[k];
      if (t.tag == Tag::kPunct || t.tag == Tag::kQuote || t.text == "Q") continue;
      if (t.tag == Tag::kAux || t.tag == Tag::kModal) return true;
      // A headline may pose a question after its news ("X and Y sign deal: what
      // next?"); a body sentence, or a line labelled as a question, asks one whole.
      return (first > 0 || !sentence_.headline) && !IsWhWord(t);
    }
    return false;
  }

  // The sentence is in a journalist's turn of a transcript: its paragraph opens with
  // a @question_label and a colon ("Q: Reports say ... Can you confirm?").
  bool QuestionTurn() const {
    // A question on a line of its own reads as a headline; it is one turn.
    int first = s_;
    while (!sentence_.headline && first > 0 &&
           item_.sentences[first - 1].paragraph == sentence_.paragraph &&
           !item_.sentences[first - 1].headline) {
      --first;
    }
    const std::vector<Token>& t = item_.sentences[first].tokens;
    const int n = static_cast<int>(t.size());
    int after = x_.MatchAt(c_.question_label, t, 0, t.size()).length;
    if (after == 0) return false;
    // "Q (Daily Inquirer):", "Journalist (Folha):": the asker's outlet in brackets.
    constexpr int kMaxOutletWords = 8;
    if (after < n && t[after].text == "(") {
      int close = after + 1;
      while (close < n && close <= after + kMaxOutletWords && t[close].text != ")")
        ++close;
      if (close >= n || t[close].text != ")") return false;
      after = close + 1;
    }
    // "Q:", "Q -", "Q \u2013": a colon or a dash closes the label.
    return after < n && (t[after].text == ":" || t[after].text == "-" ||
                         t[after].text == "\u2013" || t[after].text == "\u2014");
  }

  static bool IsWhWord(const Token& t) {
    for (absl::string_view w : {"why", "what", "when", "where", "who", "how", "which"}) {
      if (t.LowerIs(w)) return true;
    }
    return false;
  }

  // A meeting, visit or gathering agreed on takes place later: the verb agreed on,
  // or its object ("agreed to hold the next session"), not the talks in which the
  // agreeing was done ("agreed, in their first talks, to ...", "agreed to reopen the
  // crossing after talks in Vientiane").
  bool EventForLater(const Frame& f, int c, int np) const {
    const bool event = f.type == RelationType::kMeeting ||
                       f.type == RelationType::kVisit || f.type == RelationType::kForum;
    // "agreed to sign a framework agreement by the end of the year": so is a signing.
    if (f.type == RelationType::kAgreement && np < 0 && clauses_[c].verb >= 0 &&
        ph_.verbs[clauses_[c].verb].infinitive &&
        GovernorLemma(c_.concluding_verb, ph_.verbs[clauses_[c].verb]) &&
        ArrangedForLater(c)) {
      return true;
    }
    return event && ArrangedForLater(c) &&
           (np < 0 || (clauses_[c].object >= 0 && InPhrase(np, clauses_[c].object) &&
                       !PriorOccasion(np)));
  }

  // "agreed to hold the next session in Dakar", "decided to meet again": clause c is
  // the infinitive of a governor that settles it for later.
  bool ArrangedForLater(int c) const {
    const Clause& k = clauses_[c];
    if (k.kind != ClauseKind::kComplement || k.parent < 0) return false;
    const int verb = clauses_[k.parent].verb;
    return verb >= 0 && GovernorLemma(c_.arrangement_governor, ph_.verbs[verb]);
  }

  // "Chile, Peru to sign fisheries pact": a headline's infinitive is its future.
  ABSL_ATTRIBUTE_NOINLINE bool HeadlineFuture(const Clause& clause) const {
    return sentence_.headline && clause.parent < 0 && clause.verb >= 0 &&
           ph_.verbs[clause.verb].infinitive;
  }

  Mood MoodOf(int c, const TokenRange& trigger, int np) const {
    // "pledged to deepen ties during a meeting in Rabat on Monday": the meeting is
    // the occasion of the past pledge, as real as the pledging.
    if (np >= 0 && OccasionOf(np) && clauses_[c].kind == ClauseKind::kComplement &&
        clauses_[c].parent >= 0 && clauses_[clauses_[c].parent].verb >= 0) {
      const VerbGroup& g = ph_.verbs[clauses_[clauses_[c].parent].verb];
      if ((t_[g.head].verb_forms & kPastTense) && !g.modal && !g.future && !g.negated)
        return MoodOf(clauses_[c].parent, trigger, -1);
    }
    Mood mood;
    const Clause& clause = clauses_[c];
    if (clause.verb >= 0) {
      const VerbGroup& g = ph_.verbs[clause.verb];
      mood.blocked |= g.negated;
      // "held no bilateral meeting with his hosts", "signed no agreement", "found no
      // record of any envoy being expelled".
      auto denied = [&](int phrase) {
        return phrase >= 0 && t_[ph_.nps[phrase].range.begin].LowerIs("no");
      };
      const int above = clause.kind == ClauseKind::kParticipial && clause.parent >= 0
                            ? clauses_[clause.parent].object
                            : -1;
      if (np < 0 &&
          (denied(clause.object) || denied(clause.antecedent) || denied(above))) {
        mood.blocked = true;
      }
      // "No other country has signed such a pact", "Neither side signed", "None of
      // them attended": a subject that denies.
      const int subject = SubjectOf(sentence_.parse, c);
      if (subject >= 0) {
        const Token& first = t_[ph_.nps[subject].range.begin];
        mood.blocked |= first.LowerIs("no") || first.LowerIs("neither") ||
                        first.LowerIs("none") || first.LowerIs("nobody");
      }
      mood.irrealis |= g.future || g.modal;
      mood.irrealis |= HeadlineFuture(clause);
      // "Ghana may build its first nuclear plant": a guess, not a plan.
      mood.weighed |= g.modal && RangeHas(c_.speculative_modal, g.range);
    }
    if (YesNoQuestion()) mood.wished = true;
    // "is on a visit to Britain before travelling to the Maldives": what comes after
    // a present stay is still to come.
    if (clause.kind == ClauseKind::kParticipial && clause.verb >= 0 &&
        clause.parent >= 0) {
      const int first = ph_.verbs[clause.verb].range.begin;
      const Clause& parent = clauses_[clause.parent];
      if (first > 0 && t_[first - 1].LowerIs("before") && parent.verb >= 0 &&
          PresentGroup(ph_.verbs[parent.verb])) {
        mood.irrealis = true;
      }
      // "advised its citizens against travelling to Japan": not done.
      if (first > 0 && In(c_.averting_prep, first - 1)) mood.blocked = true;
    }
    // "Should X and Y sign a treaty, ...", "Had X signed the treaty, ...": a clause
    // opened by an inverted auxiliary is a condition.
    if (InvertedCondition(c)) mood.wished = true;
    // "will impose tariffs if talks fail", "once he takes office": what is still to
    // come under a condition is no decision.
    if (clause.verb >= 0 &&
        (ph_.verbs[clause.verb].future || ph_.verbs[clause.verb].modal)) {
      for (size_t k = c + 1; k < clauses_.size(); ++k) {
        const Clause& child = clauses_[k];
        if (child.parent != c || child.kind != ClauseKind::kSubordinate ||
            child.subordinator < 0) {
          continue;
        }
        const absl::string_view sub = t_[child.subordinator].lower;
        if (sub == "if" || sub == "unless" || sub == "once") mood.wished = true;
      }
    }
    if (QuestionTurn()) mood.blocked = true;
    // "CLAIM: X and Y signed a secret pact": what a fact-check sets out to judge.
    if (const int label = x_.MatchAt(c_.claim_label, t_, 0, t_.size()).length;
        label > 0 && label < static_cast<int>(t_.size()) && t_[label].text == ":") {
      mood.blocked = true;
    }
    for (int cc = c, depth = 0; cc >= 0 && depth < 4; cc = clauses_[cc].parent, ++depth) {
      const Clause& k = clauses_[cc];
      bool that = k.content;
      if (k.kind == ClauseKind::kSubordinate && k.subordinator >= 0) {
        absl::string_view sub = t_[k.subordinator].lower;
        if (sub == "if" || sub == "unless" || sub == "whether") mood.wished = true;
      }
      // "Azerbaijan's application to join BRICS": an infinitive after a noun is a plan.
      // Not "decided on Thursday to lift": a time is no noun with a plan; nor "arrived
      // on a visit to attend the summit": a trip's purpose is what it was made for.
      if (k.kind == ClauseKind::kComplement && k.range.begin > 0) {
        // "is in talks to invest": the phrase that opens the infinitive weighs it.
        constexpr int kCueWindow = 3;
        for (int j = std::max(0, k.range.begin - kCueWindow); j < k.range.begin; ++j) {
          mood.weighed |= In(c_.deliberation_cue, j);
        }
        const Token& before = t_[k.range.begin - 1];
        // "is due to fly to Hanoi", "is slated to visit": a plan by its adjective.
        if (In(c_.plan_adjective, k.range.begin - 1)) mood.wished = true;
        // Nor "used the occasion to sign": an occasion is taken for what was done.
        // Nor "flew to Riyadh to attend the forum", "is in Riyadh to attend": the
        // place a trip reached, and what the trip was for.
        // Nor "agreed the same day to extend": a date is no noun with a plan.
        const bool date_before =
            std::any_of(sentence_.dates.begin(), sentence_.dates.end(),
                        [&](const DateMention& d) { return d.end == k.range.begin; });
        if ((before.tag == Tag::kNoun || before.tag == Tag::kProper) &&
            !IsTimeWord(before) && !date_before && !RecordBefore(k.range.begin - 1) &&
            !In(c_.visit_noun, k.range.begin - 1) &&
            !In(c_.occasion_noun, k.range.begin - 1) && !DecisionBefore(k.range.begin) &&
            !TripPurpose(k) && !Caused(k)) {
          mood.wished = true;
        }
      }
      // "resume talks on upgrading their trade agreement": what talks are about
      // is not done.
      if (k.range.begin >= 2 && t_[k.range.begin - 1].tag == Tag::kPreposition &&
          In(c_.talks_noun, k.range.begin - 2)) {
        mood.wished = true;
      }
      if (NounContent(cc) && DeniedReport(cc)) mood.blocked = true;
      bool governed = k.kind == ClauseKind::kComplement || that || GerundObject(cc) ||
                      NounContent(cc);
      if (!governed || k.parent < 0) {
        if (k.kind == ClauseKind::kCoordinate || k.kind == ClauseKind::kParticipial) {
          continue;  // "will visit X and sign ...": look at the first clause too.
        }
        break;
      }
      const Clause& parent = clauses_[k.parent];
      if (parent.verb < 0) continue;
      const VerbGroup& pg = ph_.verbs[parent.verb];
      mood.blocked |= pg.negated || GovernorLemma(c_.denial_governor, pg);
      // "continues to apply its ban on Ukrainian grain": a measure kept up, no new act.
      mood.blocked |=
          k.kind == ClauseKind::kComplement && GovernorLemma(c_.continuing_governor, pg);
      // "wrongly reported that X and Y had signed", "An earlier version of this
      // story said that ...": a report taken back, by its verb's words or its subject.
      mood.blocked |= that && RangeHas(c_.false_report_word,
                                       {std::max(0, pg.range.begin - 2), pg.range.end});
      if (that && parent.subject >= 0) {
        mood.blocked |= RangeHas(c_.false_report_word, ph_.nps[parent.subject].range);
      }
      // "had no intention of breaking off relations", "has no plans to join": an
      // object that "no" opens negates what completes it.
      if (parent.object >= 0 && (k.kind == ClauseKind::kComplement || GerundObject(cc)) &&
          t_[ph_.nps[parent.object].range.begin].LowerIs("no")) {
        mood.blocked = true;
      }
      mood.irrealis |= pg.future || pg.modal;
      if (GovernorLemma(c_.pledge_governor, pg)) {
        mood.pledged = true;
      } else if (GovernorLemma(c_.irrealis_governor, pg)) {
        mood.wished = true;
        if (mood.wisher < 0) mood.wisher = k.parent;
      }
      mood.weighed |= GovernorLemma(c_.deliberation_governor, pg);
    }
    // "Had Brazil and Chile signed a free trade agreement, ...": an auxiliary before
    // its subject at the start of the sentence makes a condition.
    if (InvertedCondition()) mood.wished = true;
    // "are considering an upgrade of ties to a partnership", "denied the visit": a
    // noun trigger in the object of a governor.
    // Not "discussed ties with his visiting counterpart": a trigger that only
    // describes its phrase's noun is no object of the verb.
    if (np >= 0 && clause.verb >= 0 && clause.object >= 0 &&
        InPhrase(np, clause.object) && !OccasionOf(np) &&
        ph_.nps[np].head >= trigger.begin && ph_.nps[np].head < trigger.end) {
      const VerbGroup& g = ph_.verbs[clause.verb];
      mood.blocked |= GovernorLemma(c_.denial_governor, g);
      mood.wished |= GovernorLemma(c_.plan_governor, g);
      // "put its talks with Togo on hold": the object is suspended.
      mood.blocked |= RangeHas(c_.abeyance, clause.range);
    }
    // "pushed for talks with Chile", "called for a summit": a noun trigger right after
    // a verb and the preposition a governor of plans takes (@plan_governor "push for"),
    // itself or through "of" phrases ("hoped for an upgrade of their partnership").
    int governed = np;
    while (governed >= 0 && ph_.nps[governed].pp >= 0 &&
           Prep(ph_.pps[ph_.nps[governed].pp]) == "of" &&
           ph_.pps[ph_.nps[governed].pp].attached_np >= 0) {
      governed = ph_.pps[ph_.nps[governed].pp].attached_np;
    }
    if (governed >= 0 && clause.verb >= 0 && ph_.nps[governed].pp >= 0) {
      const PrepPhrase& pp = ph_.pps[ph_.nps[governed].pp];
      const VerbGroup& g = ph_.verbs[clause.verb];
      // Past adverbs and a time ("pushed on Tuesday for talks").
      int after = g.range.end;
      while (after < pp.prep) {
        if (t_[after].tag == Tag::kAdverb) {
          ++after;
          continue;
        }
        const int time = after + 1 < pp.prep ? ph_.np_at[after + 1] : -1;
        if (t_[after].tag != Tag::kPreposition || time < 0 ||
            !IsTimeWord(t_[ph_.nps[time].head])) {
          break;
        }
        after = ph_.nps[time].range.end;
      }
      if (pp.prep == after && pp.prep_length == 1) {
        const std::string phrase = absl::StrCat(t_[g.head].lemma, " ", t_[pp.prep].lower);
        mood.wished |= x_.Contains(c_.plan_governor, phrase);
        mood.blocked |= x_.Contains(c_.denial_governor, phrase);
      }
    }
    mood.wished |= ExpectedSubject(clause, np);
    // "to begin consultations on a possible upgrade of their relations to a strategic
    // partnership": what talks are about, or what is called possible, is not done.
    if (np >= 0) mood.wished |= TopicOfTalksOrPossible(np);
    // What other clauses say of the trigger's phrase as their subject:
    for (size_t k = 0; np >= 0 && k < clauses_.size(); ++k) {
      const Clause& d = clauses_[k];
      if (d.verb < 0 || SubjectOf(sentence_.parse, static_cast<int>(k)) != np) continue;
      const VerbGroup& g = ph_.verbs[d.verb];
      // "A trip to Seoul by Tusk was discussed but has not been scheduled", "the
      // summit never took place": a negated verb of occurrence (@occurrence_verb)
      // denies the event.
      if (g.negated) mood.blocked |= GovernorLemma(c_.occurrence_verb, g);
      // "a meeting between the two premiers, floated for January, looked unlikely":
      // a participle that tells the phrase proposed (or rejected) describes a plan.
      if (d.kind == ClauseKind::kParticipial) {
        mood.wished |= GovernorLemma(c_.plan_governor, g);
        mood.blocked |= GovernorLemma(c_.denial_governor, g);
      }
    }
    // "met without signing a deal": a cue right before a participle negates it.
    if (clause.kind == ClauseKind::kParticipial) {
      constexpr int kCueWords = 3;  // "rather than", "instead of".
      for (int k = std::max(0, clause.range.begin - kCueWords); k < clause.range.begin;
           ++k) {
        if (x_.MatchAt(c_.cancel_cue, t_, k, clause.range.begin).length ==
            clause.range.begin - k) {
          mood.blocked = true;
        }
      }
    }
    // Cancelled or denied events: cues anywhere in the clause's own words.
    for (int i = clause.range.begin;
         i < clause.range.end && i < static_cast<int>(t_.size()); ++i) {
      if (sentence_.parse.clause_at[i] != c) continue;
      // "The Emir is in Nairobi next week": a time to come makes a present or past
      // tense tell a plan; not a time a phrase is for ("quotas for next year").
      if (In(c_.future_time, i) && (i == 0 || t_[i - 1].tag != Tag::kPreposition)) {
        mood.irrealis = true;
      }
      // "scrapped the restrictions": a cue that is the trigger itself is the act.
      if (i == trigger.begin) continue;
      // "after a delayed flight": a cue describing another thing than the trigger's.
      const int phrase = ph_.np_at[i];
      if (phrase >= 0 && t_[i].tag == Tag::kAdjective && phrase != np &&
          !ph_.nps[phrase].range.Contains(trigger.begin)) {
        continue;
      }
      if (const int cue = x_.MatchAt(c_.cancel_cue, t_, i, t_.size()).length; cue > 0) {
        const int after = i + cue;
        // "talks ended without a deal": a scoped cue negates the phrase after it only.
        if (x_.MatchAt(c_.scoped_cue, t_, i, after).length == cue &&
            after < static_cast<int>(t_.size()) && ph_.np_at[after] >= 0 &&
            !ph_.nps[ph_.np_at[after]].range.Contains(trigger.begin)) {
          continue;
        }
        // "signed ... without consulting Wellington": a cue that opens a participle
        // negates that participle's act, not the clause's.
        if (after < static_cast<int>(t_.size()) &&
            sentence_.parse.clause_at[after] != c &&
            sentence_.parse.clause_at[after] >= 0 &&
            clauses_[sentence_.parse.clause_at[after]].kind == ClauseKind::kParticipial) {
          continue;
        }
        mood.blocked = true;
        break;
      }
    }
    // "No meeting between them is planned".
    if (np >= 0 && t_[ph_.nps[np].range.begin].LowerIs("no")) mood.blocked = true;
    // Hedges right before the trigger or inside its phrase: "a possible visit".
    int from = std::max(clause.range.begin, trigger.begin - kHedgeWindow);
    if (np >= 0) from = std::min(from, ph_.nps[np].range.begin);
    // "has shown no interest in joining the EU": a gerund's clause opened by its
    // trigger takes the cues before its preposition.
    // "open to eventually joining": past adverbs before it.
    int before_gerund = trigger.begin - 1;
    while (before_gerund > clause.range.begin - kHedgeWindow && before_gerund > 0 &&
           t_[before_gerund].tag == Tag::kAdverb) {
      --before_gerund;
    }
    if (np < 0 && clause.kind == ClauseKind::kParticipial && before_gerund >= 0 &&
        clause.range.begin <= trigger.begin && clause.range.begin > before_gerund &&
        t_[before_gerund].tag == Tag::kPreposition) {
      from = std::max(0, before_gerund + 1 - kHedgeWindow);
    }
    // "voiced interest in launching negotiations": so does a noun trigger that is
    // the object of such a gerund.
    const int opened = clause.range.begin;
    if (np >= 0 && clause.kind == ClauseKind::kParticipial && opened > 0 &&
        opened <= trigger.begin && t_[opened - 1].tag == Tag::kPreposition &&
        clause.verb >= 0 && ph_.verbs[clause.verb].range.begin == opened) {
      from = std::min(from, std::max(0, opened - kHedgeWindow));
    }
    for (int i = std::max(from, 0); i < trigger.begin; ++i) {
      // "floated a draft pact during talks": a cue that modifies another noun is
      // that noun's.
      const int phrase = ph_.np_at[i];
      if (phrase >= 0 && phrase != np && ph_.nps[phrase].head != i &&
          !ph_.nps[phrase].range.Contains(trigger.begin)) {
        continue;
      }
      // Not "in May": a cue the tagger took for a name is none, nor one in the
      // provenance ("reported on 7 May that ...").
      if (In(c_.hedge_cue, i) && t_[i].tag != Tag::kProper && t_[i].tag != Tag::kPunct &&
          !ReportedFuture(c, i)) {
        mood.wished = true;
      }
      mood.weighed |= In(c_.deliberation_cue, i);
    }
    // "A visit to Japan has been mooted for 2027", "a trade mission is pencilled in":
    // a passive verb that hedges says so of its subject, the trigger's phrase (not
    // "talks are set to begin on Friday", a time to come that the date rules read).
    if (np >= 0 && clause.verb >= 0 && SubjectOf(sentence_.parse, c) == np) {
      const VerbGroup& verb = ph_.verbs[clause.verb];
      const int after = verb.range.end;
      if (verb.passive && In(c_.hedge_cue, verb.head) &&
          !(after < static_cast<int>(t_.size()) && t_[after].LowerIs("to"))) {
        mood.wished = true;
      }
    }
    mood.irrealis |= mood.wished;
    return mood;
  }

  // ---- Referents ----------------------------------------------------------------
  // The Discourse's answers for this sentence, memoized: the frames of one trigger
  // ask about the same phrases and ranges again and again, and the Discourse does
  // not change while a sentence is matched.
  const std::vector<Referent>& OfPhrase(int np, bool as_place) const {
    auto [it, added] = of_phrase_.try_emplace({np, as_place});
    if (added) it->second = d_.OfPhrase(s_, np, as_place);
    return it->second;
  }

  bool AboutTheVisit() const {
    if (!about_the_visit_) about_the_visit_ = d_.AboutTheVisit(s_);
    return *about_the_visit_;
  }

  const std::vector<Referent>& InRange(int begin, int end) const {
    auto [it, added] = in_range_.try_emplace({begin, end});
    if (added) it->second = d_.InRange(s_, begin, end);
    return it->second;
  }

  // ---- Slots ---------------------------------------------------------------------
  // A slot's phrase ranges: one or two mostly, kept inline.
  using Ranges = absl::InlinedVector<TokenRange, 4>;

  // The phrase ranges a slot covers (for class conditions) and its referents.
  struct SlotView {
    Ranges ranges;
    std::vector<Referent> referents;
  };

  bool Passive(int c) const {
    return clauses_[c].verb >= 0 && ph_.verbs[clauses_[c].verb].passive;
  }

  // The preposition of a phrase as a frame names it. A one-word preposition is its
  // token's lower-case form; a longer one is spelled once per sentence (the frames
  // ask for the same phrases again and again).
  absl::string_view Prep(const PrepPhrase& pp) const {
    if (pp.prep_length == 1) return t_[pp.prep].lower;
    auto [it, added] = long_preps_.try_emplace({pp.prep, pp.prep_length});
    if (added) it->second = LongPrep(pp);
    return it->second;
  }

  // "together with X" is "with X" to a frame.
  std::string LongPrep(const PrepPhrase& pp) const {
    if (x_.MatchAt(c_.comitative_prep, t_, pp.prep, pp.prep + pp.prep_length).length ==
        pp.prep_length) {
      return "with";
    }
    return PrepositionOf(t_, pp);
  }

  // A phrase that names a time: its head a time word or a year ("in March 2024").
  bool IsTimePhrase(int np) const {
    const Token& head = t_[ph_.nps[np].head];
    return IsTimeWord(head) || YearToken(head).has_value();
  }

  bool IsLocationPrep(const PrepPhrase& pp) const {
    if (x_.MatchAt(c_.location_prep, t_, pp.prep, pp.prep + pp.prep_length).length !=
        pp.prep_length)
      return false;
    // "in the C5+1 format" is no place.
    if (pp.np >= 0) {
      int head = ph_.nps[pp.np].head;
      if (x_.OneWordAt(c_.event_format, t_, head)) return false;
    }
    return true;
  }

  // The group referents of `range` ("the two countries", "the Central Asian
  // states"); not an area named as a place ("with anyone else in Central Asia": where,
  // not who).
  void AddGroup(const TokenRange& range, SlotView* view) const {
    absl::flat_hash_set<absl::string_view> placed;
    for (const PrepPhrase& pp : ph_.pps) {
      if (pp.np < 0 || !range.Contains(pp.prep)) continue;
      // "electricity from Central Asia", "gas via the Caucasus": where a thing comes
      // from or passes (not "leaders from Central Asia", who act).
      const absl::string_view prep = Prep(pp);
      const bool passage =
          (prep == "from" || prep == "via" || prep == "through" || prep == "across") &&
          pp.attached_np >= 0 && ph_.nps[pp.attached_np].head >= 0 &&
          !x_.OneWordAt(c_.agent_noun, t_, ph_.nps[pp.attached_np].head);
      if (!IsLocationPrep(pp) && !passage) continue;
      const NounPhrase& place = ph_.nps[pp.np];
      for (const Referent& r : InRange(place.range.begin, place.range.end)) {
        if (r.area) placed.insert(r.party);
      }
    }
    // "relations with Central Asia's most populous country": one of the area's
    // states, not all of them.
    for (const Mention& m : sentence_.mentions) {
      if (m.possessive && range.Contains(m.begin) && absl::StartsWith(m.id, "area:")) {
        for (const Referent& r : InRange(m.begin, m.end)) placed.insert(r.party);
      }
    }
    for (const Referent& r : InRange(range.begin, range.end)) {
      if (r.group && !(r.area && placed.contains(r.party))) view->referents.push_back(r);
    }
  }

  void AddPhrase(int np, bool as_place, SlotView* view) const {
    if (np < 0) return;
    if (thing_target_) {  // An event or a site is the phrase itself.
      AddThing(np, view);
      return;
    }
    view->ranges.push_back(ChainRange(np));
    const std::vector<Referent>& r = OfPhrase(np, as_place);
    view->referents.insert(view->referents.end(), r.begin(), r.end());
    // "held in Koror, Palau": a town the gazetteer lacks is placed by the country
    // named right after its comma.
    if (as_place && r.empty()) AddCountryOfTown(np, view);
    if (as_place && view->referents.empty()) AddOwnerOfPlace(np, view);
    if (!as_place && !r.empty()) AddJoinedPhrases(np, view);
  }

  // "the presidents of Brazil and South Africa as well as the prime minister of
  // Australia": a phrase a @list_joiner adds to the phrase (or to its "of" chain)
  // is one more member of it.
  void AddJoinedPhrases(int np, SlotView* view) const {
    for (int depth = 0; depth < kChainDepth && np >= 0; ++depth) {
      int next = -1;
      for (int pp : ph_.nps[np].pps) {
        const PrepPhrase& p = ph_.pps[pp];
        if (p.np < 0) continue;
        if (t_[p.prep].LowerIs("of")) {
          next = p.np;
        } else if (x_.MatchAt(c_.list_joiner, t_, p.prep, p.prep + p.prep_length)
                       .length == p.prep_length) {
          const std::vector<Referent>& joined = OfPhrase(p.np, false);
          view->referents.insert(view->referents.end(), joined.begin(), joined.end());
        }
      }
      np = next;
    }
  }

  // "condemned the drone attack that targeted Saudi Arabia", "... targeting a
  // Saudi oil facility": what a clause of harm (@harm_verb) describing the object
  // harms is what a statement about the object is about.
  void AddDescribedTarget(int c, int np, SlotView* view) const {
    for (size_t k = c + 1; k < clauses_.size(); ++k) {
      const Clause& child = clauses_[k];
      if (child.parent != c || child.antecedent != np || child.object < 0 ||
          child.verb < 0 ||
          (child.kind != ClauseKind::kRelative &&
           child.kind != ClauseKind::kParticipial) ||
          !x_.Contains(c_.harm_verb, ph_.verbs[child.verb].lemma)) {
        continue;
      }
      AddPhrase(child.object, false, view);
      if (view->referents.empty()) AddFromChain(child.object, nullptr, view, false);
      if (!view->referents.empty()) return;
    }
  }

  // The end of a date phrase ("on Monday", "in May") at token k, or -1.
  int DatePhraseEnd(int k) const {
    if (k + 1 >= static_cast<int>(t_.size()) ||
        !(t_[k].LowerIs("on") || t_[k].LowerIs("in"))) {
      return -1;
    }
    for (const DateMention& d : sentence_.dates) {
      if (d.begin == k + 1) return d.end;
    }
    return -1;
  }

  // "visited Japan on Monday, Korea on Wednesday and Vietnam on Friday": the names
  // that follow a dated object, each with a date of its own, are objects too (the
  // verb is left out between them).
  void AddGappedObjects(int np, SlotView* view) const {
    constexpr int kGappedObjects = 6;
    const int n = static_cast<int>(t_.size());
    int at = DatePhraseEnd(ph_.nps[np].range.end);
    for (int k = 0; k < kGappedObjects && at > 0; ++k) {
      if (at < n && t_[at].tag == Tag::kComma) ++at;
      if (at < n && t_[at].LowerIs("and")) ++at;
      const int next = at < n ? ph_.np_at[at] : -1;
      if (next < 0 || ph_.nps[next].range.begin != at) return;
      const int end = DatePhraseEnd(ph_.nps[next].range.end);
      if (end < 0) return;
      const std::vector<Referent>& r = OfPhrase(next, false);
      if (r.empty()) return;
      view->referents.insert(view->referents.end(), r.begin(), r.end());
      at = end;
    }
  }

  // "in Sri Lanka's Trincomalee": a place the gazetteer lacks, owned by a country,
  // is in it (not "Russia's Gazprom" as a party: only a place).
  void AddOwnerOfPlace(int np, SlotView* view) const {
    const NounPhrase& place = ph_.nps[np];
    if (place.possessor_end <= place.range.begin || place.head < place.possessor_end ||
        !t_[place.head].capitalized || t_[place.head].tag != Tag::kProper ||
        IsTimeWord(t_[place.head]) || sentence_.mention_at[place.head] >= 0) {
      return;
    }
    for (const Referent& owner : InRange(place.range.begin, place.possessor_end)) {
      if (absl::StartsWith(owner.party, "country:")) view->referents.push_back(owner);
    }
  }

  void AddCountryOfTown(int np, SlotView* view) const {
    const NounPhrase& town = ph_.nps[np];
    const int end = town.range.end;
    if (end + 1 >= static_cast<int>(t_.size()) || t_[end].tag != Tag::kComma ||
        !t_[town.head].capitalized || IsTimeWord(t_[town.head]) ||
        t_[town.head].tag != Tag::kProper) {
      return;
    }
    const int m = sentence_.mention_at[end + 1];
    const int country = ph_.np_at[end + 1];
    if (m < 0 || country < 0 || ph_.nps[country].range.begin != end + 1 ||
        sentence_.mentions[m].kind != graph::EntityKind::kCountry) {
      return;
    }
    const std::vector<Referent>& c = OfPhrase(country, true);
    view->referents.insert(view->referents.end(), c.begin(), c.end());
  }

  // A phrase with the prepositional phrases that follow it: what a condition on a
  // slot searches ("commissioned the last units of a wind farm").
  TokenRange ChainRange(int np) const {
    TokenRange r = ph_.nps[np].range;
    for (int depth = 0; depth < kChainDepth; ++depth) {
      int next = -1;
      for (int pp : ph_.nps[np].pps) {
        if (ph_.pps[pp].np >= 0 && t_[ph_.pps[pp].prep].LowerIs("of"))
          next = ph_.pps[pp].np;
      }
      if (next < 0) break;
      r.end = std::max(r.end, ph_.nps[next].range.end);
      np = next;
    }
    return r;
  }

  // A capitalized word in [begin, end) that is not a determiner.
  bool CapitalAfter(int begin, int end) const {
    for (int k = begin; k < end && k < static_cast<int>(t_.size()); ++k) {
      if (t_[k].capitalized && t_[k].tag == Tag::kProper) return true;
    }
    return false;
  }

  // Words of the class end at token `last` ("news conference" at "conference").
  bool EndsAt(ClassId cls, int last) const {
    constexpr int kLongestClassPhrase = 4;
    for (int start = std::max(0, last - kLongestClassPhrase); start <= last; ++start) {
      if (x_.MatchAt(cls, t_, start, last + 1).length == last + 1 - start) return true;
    }
    return false;
  }

  void AddThing(int np, SlotView* view) const {
    if (np < 0) return;
    // An event is a phrase with an event noun, a site one with a facility noun.
    ClassId cls = thing_class_;
    if (cls >= 0 && !x_.FindIn(cls, t_, ph_.nps[np].range.begin, ChainRange(np).end,
                               nullptr, nullptr)) {
      return;
    }
    // "the rounds of dialogue": an event noun after a head that counts sittings is
    // talks, not the event; "the plenary session of the St Petersburg Forum" is a
    // sitting of a named event, so that event.
    const int head = ph_.nps[np].head;
    if (cls == c_.event_noun && head >= 0 && In(c_.talks_round, head) &&
        !x_.FindIn(cls, t_, ph_.nps[np].range.begin, ph_.nps[np].range.end, nullptr,
                   nullptr) &&
        !CapitalAfter(ph_.nps[np].range.end, ChainRange(np).end)) {
      return;
    }
    if (cls == c_.event_noun && head >= 0 && In(c_.talks_round, head)) {
      // The sitting's event: the "of" phrase that holds the event noun.
      for (int pp : ph_.nps[np].pps) {
        const int of = ph_.pps[pp].np;
        if (of >= 0 && Prep(ph_.pps[pp]) == "of" &&
            x_.FindIn(cls, t_, ph_.nps[of].range.begin, ph_.nps[of].range.end, nullptr,
                      nullptr)) {
          AddThing(of, view);
          return;
        }
      }
    }
    // "at a joint press conference": what the leaders told the press.
    if (cls == c_.event_noun && head >= 0 && EndsAt(c_.aside_event, head)) return;
    // "built roads, hospitals and housing": a kind of thing, not one site; nor are
    // "two fertiliser plants" or "Vietnamese factories".
    if (cls == c_.facility && (BarePlural(np) || PluralFacility(np))) return;
    // "the Tbilisi Silk Road Forum", "the Lobito Corridor Investment Conference": a
    // gathering named after a facility is no site.
    if (cls == c_.facility && head >= 0 && EndsAt(c_.event_noun, head)) return;
    view->ranges.push_back(ChainRange(np));
    // "The summit was chaired by ...", "attended their first summit": an event noun
    // without a name of its own is the item's main event.
    if (cls == c_.event_noun && (BareNoun(np) || OwnersEvent(np))) {
      auto [s, main] = d_.MainEvent();
      if (s >= 0 && !(s == s_ && main == np)) {
        EventSlot(view);
        return;
      }
    }
    Referent r;
    r.thing = np;
    view->referents.push_back(std::move(r));
  }

  // A phrase of a determiner and its head alone ("the summit"), or with how long
  // it lasts ("the two-day gathering"), with nothing after it but where it is ("in
  // the port city").
  bool BareNoun(int np) const {
    const NounPhrase& x = ph_.nps[np];
    if (x.conjuncts.size() > 1) return false;
    for (int pp : x.pps) {
      if (!IsLocationPrep(ph_.pps[pp])) return false;
    }
    for (int k = x.range.begin; k < x.range.end; ++k) {
      if (k != x.head && t_[k].tag != Tag::kDeterminer &&
          !absl::EndsWith(t_[k].lower, "-day"))
        return false;
    }
    return x.head == x.range.end - 1;
  }

  // "their first summit", "its annual forum": after a possessive pronoun, with no
  // capitalized word (an ordinal counts the owner's summits, not the event's).
  bool OwnersEvent(int np) const {
    const NounPhrase& x = ph_.nps[np];
    const Token& first = t_[x.range.begin];
    if (first.tag != Tag::kPossessive || first.capitalized) return false;
    for (int k = x.range.begin + 1; k < x.range.end; ++k) {
      if (t_[k].capitalized) return false;
    }
    // Not "their summit of Andean leaders".
    for (int pp : x.pps) {
      if (ph_.pps[pp].np < 0 || Prep(ph_.pps[pp]) != "of") continue;
      const NounPhrase& of = ph_.nps[ph_.pps[pp].np];
      for (int k = of.range.begin; k < of.range.end; ++k) {
        if (t_[k].capitalized) return false;
      }
    }
    return true;
  }

  // The object of a noun's "of" phrase starting at pp, or after interposed phrases:
  // "the imposition by the United States of 50% tariffs", "the signing on Monday in
  // Athens of an agreement". -1 when there is none.
  int InterposedOf(int pp) const {
    constexpr int kMostInterposed = 3;
    for (int depth = 0; depth <= kMostInterposed && pp >= 0; ++depth) {
      const PrepPhrase& p = ph_.pps[pp];
      if (p.np < 0) return -1;
      const absl::string_view prep = Prep(p);
      if (prep == "of") return p.np;
      if (prep != "by" && prep != "on" && prep != "in" && prep != "at") return -1;
      int inner_of = -1;
      for (int inner : ph_.nps[p.np].pps) {
        if (ph_.pps[inner].np >= 0 && inner_of < 0) inner_of = inner;
      }
      pp = inner_of;
    }
    return -1;
  }

  // "talks about the border dispute between Guyana and Venezuela": a "between"
  // phrase in np's chain that hangs on the topic of np ("about", "on", "over" a
  // common noun) names that topic's sides, not those at the talks ("talks in Geneva
  // between X and Y" are X's and Y's).
  bool BetweenOfTopic(int np, int pp) const {
    const int on = ph_.pps[pp].attached_np;
    if (on < 0 || on == np || ph_.nps[on].pp < 0) return false;
    const absl::string_view topic = Prep(ph_.pps[ph_.nps[on].pp]);
    const Token& head = t_[ph_.nps[on].head];
    return head.tag == Tag::kNoun && !IsTimeWord(head) &&
           (topic == "about" || topic == "on" || topic == "over");
  }

  // The prepositional phrases after a noun trigger's phrase: none when the trigger
  // is not its last conjunct ("a visit and the summit of the SCO").
  const std::vector<int>& TriggerChain(int np, const TokenRange& trigger) const {
    static const std::vector<int>* const kNone = new std::vector<int>();
    const NounPhrase& x = ph_.nps[np];
    if (!x.conjuncts.back().Contains(trigger.begin)) return *kNone;
    return Chain(np);
  }

  // The prepositional phrases after a noun phrase, following each object's own.
  // Memoized: the frames of a sentence follow the same chains again and again.
  const std::vector<int>& Chain(int np) const {
    if (chains_.empty()) chains_.resize(ph_.nps.size());
    std::optional<std::vector<int>>& chain = chains_[np];
    if (!chain) chain = FollowChain(np);
    return *chain;
  }

  std::vector<int> FollowChain(int np) const {
    std::vector<int> out;
    using Frontier = absl::InlinedVector<int, 8>;  // One depth's phrases, inline.
    Frontier frontier = {np};
    for (int depth = 0; depth < kChainDepth && !frontier.empty(); ++depth) {
      Frontier next;
      for (int x : frontier) {
        for (int pp : ph_.nps[x].pps) {
          out.push_back(pp);
          if (ph_.pps[pp].np >= 0) next.push_back(ph_.pps[pp].np);
        }
      }
      frontier = std::move(next);
    }
    return out;
  }

  // What the clause's verb acts on; for a participle that could describe either the
  // nearest phrase or the head of its chain, the one holding the frame's object
  // class ("the accord between Brazil and Angola, signed ...").
  int ClauseObject(int c) const {
    int np = LogicalObject(sentence_.parse, c);
    const Clause& clause = clauses_[c];
    // "the Treaty of Asuncion that four states signed": the same for a relative clause.
    bool describes = clause.kind == ClauseKind::kParticipial ||
                     (clause.kind == ClauseKind::kRelative && np == clause.antecedent);
    if (object_class_ < 0 || np < 0 || !describes || clause.antecedent_top < 0 ||
        RangeHas(object_class_, ChainRange(np))) {
      return np;
    }
    // The nearest phrase up the chain that holds the class.
    for (int x = np, guard = 0; guard < kChainDepth && ph_.nps[x].pp >= 0; ++guard) {
      x = ph_.pps[ph_.nps[x].pp].attached_np;
      if (x < 0) break;
      if (RangeHas(object_class_, ChainRange(x))) return x;
    }
    return np;
  }

  // "the agreement on avoiding double taxation": a gerund's clause right after a
  // preposition of the phrase `np`.
  bool GerundOfPhrase(const Clause& child, int np) const {
    if (child.kind != ClauseKind::kParticipial || child.verb < 0) return false;
    const int before = ph_.verbs[child.verb].range.begin - 1;
    if (before < 0 || t_[before].tag != Tag::kPreposition) return false;
    for (int pp : Chain(np)) {
      if (ph_.pps[pp].prep == before) return true;
    }
    return false;
  }

  // "Nine agreements", "11 memoranda": a phrase that opens with a count.
  bool CountedPhrase(int np) const {
    const TokenRange& r = ph_.nps[np].range;
    int k = r.begin;
    if (k < r.end && (t_[k].LowerIs("some") || t_[k].LowerIs("another"))) ++k;
    if (k >= r.end) return false;
    const std::optional<int64_t> n = ParseCount(t_[k]);
    return n.has_value() && *n >= 2;
  }

  // "froze their assets over the drone attack on Israel": for a measure, a phrase
  // inside the cause or topic of the clause ("over", "about", "amid", ...) is none
  // of the verb's own (but "after the talks between X and Y" names who signed).
  static bool MeasureType(RelationType type) {
    return type == RelationType::kSanction || type == RelationType::kDowngrade;
  }
  // "over its support for Russia's war against Ukraine": any phrase up the chain.
  // "in solidarity with Azerbaijan", "in coordination with the EU" name allies.
  bool InCauseOrTopic(const PrepPhrase& pp) const {
    constexpr int kChainDepth = 4;
    const PrepPhrase* at = &pp;
    for (int depth = 0; depth < kChainDepth && at->attached_np >= 0; ++depth) {
      const NounPhrase& owner = ph_.nps[at->attached_np];
      const int outer = owner.pp;
      if (outer < 0) return false;
      if (In(c_.ally_noun, owner.head) && Prep(ph_.pps[outer]) == "in") return true;
      const absl::string_view word = Prep(ph_.pps[outer]);
      if (word == "over" || word == "about" || word == "amid" || word == "despite" ||
          word == "regarding" || word == "concerning") {
        return true;
      }
      at = &ph_.pps[outer];
    }
    return false;
  }

  // `agents_act` lets officials of no named state act for the item's pair; not for
  // a directed noun's clause ("During the visit, governments signed": who signed
  // is not who visited; "After the talks, delegations signed" still met).
  SlotView VerbSlot(const Frame& f, const Slot& slot, int c, bool target,
                    bool agents_act = true) const {
    SlotView view;
    const Clause& clause = clauses_[c];
    bool passive = Passive(c);
    auto pps_with = [&](absl::string_view prep, bool as_place) {
      auto add_one = [&](int pp) {
        if (MeasureType(f.type) && InCauseOrTopic(ph_.pps[pp])) return;
        // "on the anniversary of the invasion of Ukraine": a day, not a target.
        if (MeasureType(f.type) && ph_.pps[pp].np >= 0 &&
            In(c_.dating_occasion, ph_.nps[ph_.pps[pp].np].head)) {
          return;
        }
        // "flew to Astana for talks with Japarov", "for a summit with the five
        // presidents": whom the talks are with did not travel with the visitor.
        if (f.type == RelationType::kVisit && prep == "with" &&
            ph_.pps[pp].attached_np >= 0) {
          const int head = ph_.nps[ph_.pps[pp].attached_np].head;
          if (In(c_.talks_noun, head) || In(c_.event_noun, head)) return;
        }
        if (ph_.pps[pp].np >= 0 && Prep(ph_.pps[pp]) == prep &&
            !GoalOfCandidacy(ph_.pps[pp])) {
          // "in a plant in the Aegean Free Zone": the new thing, not where it is
          // (nor is the thing a place: "in an India-Kenya dairy plant"); "in a
          // second phase of the port": a stage of a thing that stands.
          if (f.needs_indefinite_target && thing_target_ && !NewThing(ph_.pps[pp].np)) {
            return;
          }
          if (f.needs_indefinite_target && !thing_target_ && Indefinite(ph_.pps[pp].np)) {
            AddPlaceOfNewThing(ph_.pps[pp].np, &view);
            return;
          }
          AddPhrase(ph_.pps[pp].np, as_place, &view);
          if (view.referents.empty()) AddThrough(f, ph_.pps[pp].np, &view);
          // "took him to Ashgabat on November 9, Tashkent on November 11 ...".
          if (!thing_target_ && !view.referents.empty()) {
            AddGappedObjects(ph_.pps[pp].np, &view);
          }
        }
      };
      auto add = [&](absl::Span<const int> from) {
        for (int pp : from) add_one(pp);
      };
      add(clause.pps);
      // "Lourenco, with whom he signed a memorandum": the preposition before the
      // relative pronoun opens a phrase of the antecedent.
      if (clause.kind == ClauseKind::kRelative && clause.antecedent >= 0 &&
          clause.range.begin > 0 && t_[clause.range.begin - 1].LowerIs(prep) &&
          t_[clause.range.begin].LowerIs("whom")) {
        AddPhrase(clause.antecedent, as_place, &view);
      }
      // "a free trade agreement with China, signed in 2017": the phrases of the
      // participle's object count too, after the clause's and once each.
      if (const int object = ClauseObject(c); object >= 0 &&
                                              clause.kind != ClauseKind::kMain &&
                                              clause.kind != ClauseKind::kCoordinate) {
        const std::vector<int>& chain = Chain(object);
        for (size_t k = 0; k < chain.size(); ++k) {
          const int pp = chain[k];
          if (absl::c_linear_search(clause.pps, pp) ||
              std::find(chain.begin(), chain.begin() + k, pp) != chain.begin() + k) {
            continue;
          }
          add_one(pp);
        }
      }
      // "recalled its ambassadors accredited in Algeria", "scrapped the curbs it had
      // placed on Chile", "the accord on avoiding double taxation between X and Y
      // was signed": when the clause has no such phrase, a participle or a relative
      // clause describing its object, or a gerund after its preposition, may.
      const int object = passive ? ClauseObject(c) : clause.object;
      if (!view.referents.empty() || object < 0) return;
      for (size_t k = c + 1; k < clauses_.size(); ++k) {
        const Clause& child = clauses_[k];
        if (child.parent != c) continue;
        bool describes = (child.kind == ClauseKind::kParticipial ||
                          child.kind == ClauseKind::kRelative) &&
                         child.antecedent == object;
        // "signed a peace agreement, witnessed by the king": the agent of another
        // verb's participle is that verb's (a witness, a broker), not a party to the
        // document (a meeting "hosted by" a state has it as a party).
        if (prep == "by" && f.type == RelationType::kAgreement && !SameVerb(c, k))
          continue;
        if (describes || GerundOfPhrase(child, object)) add(child.pps);
        // "will invest $300 million to develop a hub in Kenya's Lamu": money's purpose
        // says where it goes.
        if (f.type == RelationType::kInvestment &&
            child.kind == ClauseKind::kComplement &&
            child.range.begin >= ph_.nps[object].range.end) {
          add(child.pps);
        }
        // "pour $3 billion into rebuilding Syria's grid": what the gerund after the
        // preposition acts on.
        if (child.kind == ClauseKind::kParticipial && child.verb >= 0 &&
            child.object >= 0) {
          const int first = ph_.verbs[child.verb].range.begin;
          if (first > 0 && t_[first - 1].lower == prep) {
            AddPhrase(child.object, as_place, &view);
          }
        }
      }
    };
    switch (slot.kind) {
      case Slot::kSubject:
        if (passive) {
          pps_with("by", false);
        } else if (clause.kind != ClauseKind::kParticipial || !Passive(c)) {
          int np = SubjectOf(sentence_.parse, c);
          AddPhrase(np, false, &view);
          if (np >= 0) AddAsDidSubject(c, &view);
          // "Ministers signed", "delegations exchanged": officials of no named state
          // act for the item's pair.
          if (view.referents.empty() && np >= 0 && !f.needs_named_subject && agents_act &&
              d_.IsAgentPhrase(s_, np) &&
              t_[ph_.nps[np].head].lower != t_[ph_.nps[np].head].lemma) {
            ItemSlot(Slot{Slot::kItem, ""}, &view);
          }
          // "adopted a resolution voicing concern over ...", "adopted a package that
          // bans imports of ...": what the document says or does, its issuer does.
          if (view.referents.empty() && np >= 0 &&
              (clause.kind == ClauseKind::kParticipial ||
               clause.kind == ClauseKind::kRelative) &&
              clause.parent >= 0 && ClauseObject(clause.parent) == np &&
              In(c_.resolution_noun, ph_.nps[np].head)) {
            AddPhrase(SubjectOf(sentence_.parse, clause.parent), false, &view);
          }
          // "Soares became the first Portuguese head of state to visit India": the
          // one the subject is said to be does what the infinitive says.
          if (view.referents.empty()) AddPredicateNominal(c, &view);
        }
        break;
      case Slot::kObject: {
        int np = ClauseObject(c);
        if (target && TargetIsThing(f.type)) {
          AddThing(np, &view);
        } else if (f.needs_person && np >= 0 && !HeadIsPerson(np)) {
          break;  // "welcomed Trump's suggestion" received no one.
        } else {
          AddPhrase(np, false, &view);
          if (!passive && np >= 0 && !thing_target_) AddGappedObjects(np, &view);
          // "condemned the takeover in Niger": whom the object is about. For an
          // amount, every phrase of the first one's preposition: "pledged $4bn for
          // Morocco and $2bn for Tunisia".
          if (view.referents.empty() && np >= 0 && !f.needs_named_object) {
            AddFromChain(np, nullptr, &view, /*alike=*/AmountPhrase(np));
          }
          if (view.referents.empty() && np >= 0 && f.type == RelationType::kDeclaration) {
            AddDescribedTarget(c, np, &view);
          }
          if (passive && !view.referents.empty()) AddGappedSubjects(c, &view);
        }
        break;
      }
      case Slot::kPrep:
        pps_with(slot.prep, x_.Contains(c_.location_prep, slot.prep));
        break;
      case Slot::kPossessor:
      case Slot::kModifier: {
        int np = ClauseObject(c);
        if (np >= 0) {
          const NounPhrase& x = ph_.nps[np];
          int end = slot.kind == Slot::kPossessor ? x.possessor_end : x.head;
          int begin = slot.kind == Slot::kPossessor
                          ? x.range.begin
                          : std::max(x.range.begin, x.possessor_end);
          if (end > begin) {
            view.ranges.push_back({begin, end});
            view.referents = InRange(begin, end);
          }
        }
        break;
      }
      case Slot::kGroup:
        view.ranges.push_back(clause.range);
        // "Companies from the three countries signed deals": the group names whose
        // companies acted, not who did.
        if (PrivateSubject(c)) break;
        AddGroup(clause.range, &view);
        break;
      case Slot::kLocation:
        for (int pp : clause.pps) {
          if (ph_.pps[pp].np >= 0 && IsLocationPrep(ph_.pps[pp])) {
            AddPhrase(ph_.pps[pp].np, true, &view);
          }
        }
        if (view.referents.empty()) AddDatelinePlace(clause.range, &view);
        break;
      case Slot::kSelf:
        break;
      case Slot::kHost:
      case Slot::kItem:
        ItemSlot(slot, &view);
        break;
      case Slot::kAfter:
        AddPhrase(clause.object, false, &view);
        break;
      case Slot::kSpeaker: {
        // "Kenya's minister said that trade with Uganda had reached ...", "Trade with
        // Uganda reached ..., Kenya's minister said".
        int speech = clause.speech != c ? clause.speech : -1;
        if (speech < 0) speech = TrailingSpeech(sentence_.parse, t_, c);
        if (speech >= 0) AddPhrase(SubjectOf(sentence_.parse, speech), false, &view);
        break;
      }
      case Slot::kEvent:
        // "attended the opening session of the Sahel summit": the event its own
        // clause names, before the item's.
        if (c >= 0) ClauseEvent(c, clause.range, &view, /*own_clause=*/true);
        if (view.referents.empty()) EventSlot(&view);
        if (view.referents.empty()) ClauseEvent(c, clause.range, &view);
        break;
      case Slot::kPeople:
        PeopleSlot(clause.range, &view);
        break;
      case Slot::kApposed:
        break;
      case Slot::kOrganization:
        OrganizationSlot(clause.range.begin, &view);
        break;
      case Slot::kParticipleObject:
        ParticipleObjectSlot(c, &view);
        break;
      case Slot::kHelped:
        HelpedSlot(c, &view);
        break;
    }
    return view;
  }

  // "pledged $400 million in loans to help Manila build a subway": the object of an
  // infinitive of helping (@help_verb) under clause c.
  // "pledged $800 million to build two grain terminals in Tanzania": where an
  // infinitive of building (@purpose_build_verb) puts its object.
  void HelpedSlot(int c, SlotView* view) const {
    static const std::vector<std::string> kPlaces = {"in", "at", "near"};
    for (const Clause& k : clauses_) {
      if (k.kind != ClauseKind::kComplement || k.parent != c || k.verb < 0 ||
          k.object < 0) {
        continue;
      }
      const int head = ph_.verbs[k.verb].head;
      if (x_.OneWordAt(c_.help_verb, t_, head)) {
        AddPhrase(k.object, false, view);
      } else if (x_.OneWordAt(c_.purpose_build_verb, t_, head)) {
        AddFromChain(k.object, &kPlaces, view);
      }
    }
  }

  // "prolonged the measures targeting specific sectors of the economy of Russia":
  // the object of an active participle that describes the clause's object.
  void ParticipleObjectSlot(int c, SlotView* view) const {
    const int object = ClauseObject(c);
    if (object < 0) return;
    for (size_t k = 0; k < clauses_.size(); ++k) {
      const Clause& part = clauses_[k];
      if (part.kind != ClauseKind::kParticipial || part.parent != c || part.verb < 0 ||
          ph_.verbs[part.verb].passive ||
          (part.antecedent != object && part.subject != object) || part.object < 0) {
        continue;
      }
      // "welcoming the launch of a trilateral secretariat": what the participle is
      // about must be named, not the item's group.
      SlotView named;
      AddPhrase(part.object, false, &named);
      // "condemning violations by the military in Myanmar": whom the object is about.
      if (named.referents.empty()) AddFromChain(part.object, nullptr, &named);
      for (Referent& r : named.referents) {
        if (!r.group) view->referents.push_back(std::move(r));
      }
      view->ranges.insert(view->ranges.end(), named.ranges.begin(), named.ranges.end());
    }
  }

  // The parties of the first phrase after `np` that names any, among those opened by
  // one of `preps` (any preposition when null).
  // With `alike`, the phrases after the first that names a party and open with its
  // preposition add theirs too.
  void AddFromChain(int np, const std::vector<std::string>* preps, SlotView* view,
                    bool alike = false) const {
    absl::string_view found;
    for (int pp : Chain(np)) {
      if (ph_.pps[pp].np < 0) continue;
      if (preps != nullptr &&
          std::find(preps->begin(), preps->end(), Prep(ph_.pps[pp])) == preps->end())
        continue;
      if (!found.empty() && Prep(ph_.pps[pp]) != found) continue;
      const std::vector<Referent>& r = OfPhrase(ph_.pps[pp].np, false);
      view->referents.insert(view->referents.end(), r.begin(), r.end());
      if (view->referents.empty()) continue;
      if (!alike) return;
      found = Prep(ph_.pps[pp]);
    }
  }

  // "a ban on exports to Peru": the party of a phrase after `np` that opens with one
  // of the frame's `through` prepositions.
  void AddThrough(const Frame& f, int np, SlotView* view) const {
    if (f.through.empty()) return;
    AddFromChain(np, &f.through, view);
    if (view->referents.empty()) AddOrigin(np, view);
  }

  // "a duty on cars made in China", "curbs on steel imported from India": the state
  // a participle of origin (@origin_participle) after the goods names.
  void AddOrigin(int np, SlotView* view) const {
    const int verb = ChainEnd(ph_, np);
    if (verb + 2 >= static_cast<int>(t_.size()) || t_[verb].tag != Tag::kVerb) return;
    const Token& w = t_[verb];
    if (!(w.verb_forms & kPastParticiple) || !x_.Contains(c_.origin_participle, w.lemma))
      return;
    const int prep = verb + 1;
    if (!t_[prep].LowerIs("in") && !t_[prep].LowerIs("from")) return;
    const int origin = ph_.np_at[prep + 1];
    if (origin < 0 || ph_.nps[origin].range.begin != prep + 1) return;
    const std::vector<Referent>& r = OfPhrase(origin, false);
    view->referents.insert(view->referents.end(), r.begin(), r.end());
  }

  // "Chile was represented by its foreign minister, Peru by its vice president and
  // Bolivia by its envoy": the subjects of the passive's gapped repetitions, each the
  // phrase (or last conjunct) right before a later "by".
  void AddGappedSubjects(int c, SlotView* view) const {
    bool agent_seen = false;
    for (int pp : clauses_[c].pps) {
      const PrepPhrase& by = ph_.pps[pp];
      if (by.np < 0 || Prep(by) != "by") continue;
      if (!agent_seen) {
        agent_seen = true;
        continue;
      }
      const int before = by.prep - 1;
      const int np = before >= 0 ? ph_.np_at[before] : -1;
      if (np < 0 || t_[before].tag == Tag::kComma) continue;
      for (const TokenRange& part : ph_.nps[np].conjuncts) {
        if (part.begin > before || part.end <= before) continue;
        for (const Referent& r : InRange(part.begin, part.end)) {
          if (!r.human && !r.party.empty()) view->referents.push_back(r);
        }
      }
    }
  }

  // "the summit held here": an adverb that places the clause where the item was
  // filed, whose country is the dateline's.
  void AddDatelinePlace(const TokenRange& range, SlotView* view) const {
    if (d_.dateline_host().empty()) return;
    const int end = std::min<int>(range.end, t_.size());
    for (int k = range.begin; k < end; ++k) {
      if (t_[k].tag != Tag::kAdverb || !In(c_.dateline_adverb, k)) continue;
      Referent r;
      r.party = d_.dateline_host();
      r.anaphor = true;
      view->referents.push_back(std::move(r));
      return;
    }
  }

  // "the candidature of Chile for a seat on the Council", "Samoa's bid for
  // membership": a phrase after a bid (or after its "of" phrase) is what the bid
  // seeks, no party of the clause.
  bool GoalOfCandidacy(const PrepPhrase& pp) const {
    constexpr int kOfSteps = 2;
    int at = pp.attached_np;
    for (int step = 0; step < kOfSteps && at >= 0; ++step) {
      const NounPhrase& x = ph_.nps[at];
      if (x.head >= 0 && In(c_.candidacy_noun, x.head)) return true;
      if (x.pp < 0 || Prep(ph_.pps[x.pp]) != "of") return false;
      at = ph_.pps[x.pp].attached_np;
    }
    return false;
  }

  // "gathered for a summit Peru chaired, with the presidents of X and Y in
  // attendance": in an item with no named event, the event that clause c (or a
  // clause it hangs on) names; `range` when there is no clause.
  void ClauseEvent(int c, const TokenRange& range, SlotView* view,
                   bool own_clause = false) const {
    if (thing_class_ != c_.event_noun) return;
    for (int k = c; view->referents.empty(); k = clauses_[k].parent) {
      if (own_clause && k != c) break;
      const TokenRange r = k >= 0 ? clauses_[k].range : range;
      for (size_t np = 0; np < ph_.nps.size() && view->referents.empty(); ++np) {
        const NounPhrase& x = ph_.nps[np];
        if (x.range.begin < r.begin || x.range.end > r.end || x.head < 0) continue;
        // Its own clause's event only when it has a name ("the Sahel summit", not
        // "a trilateral summit", which the item's naming may take for another).
        if (own_clause && (sentence_.parse.clause_at[x.head] != c ||
                           std::none_of(t_.begin() + std::max(x.range.begin, 1),
                                        t_.begin() + x.head + 1,
                                        [](const Token& w) { return w.capitalized; }))) {
          continue;
        }
        // Not "the National Assembly of Morocco": a legislature is no event.
        if (EndsAt(c_.event_noun, x.head) && !RangeHas(c_.legislature, x.range)) {
          AddThing(static_cast<int>(np), view);
        }
      }
      if (k < 0) break;
    }
  }

  void EventSlot(SlotView* view) const {
    auto [s, np] = d_.MainEvent();
    // "received a delegation led by its speaker. ... which Ghana assumed at the
    // ECOWAS summit": an event the item names only later is not the one meant yet.
    if (s < 0 || s > s_) return;
    Referent r;
    r.thing = np;
    r.thing_sentence = s;
    view->referents.push_back(std::move(r));
  }

  // Everyone the range names through a person or an office, and the states whose
  // leaders it names ("the presidents of X, Y and Z").
  void PeopleSlot(const TokenRange& range, SlotView* view) const {
    view->ranges.push_back(range);
    for (const Referent& r : InRange(range.begin, range.end)) {
      if (r.human) view->referents.push_back(r);
    }
    for (size_t np = 0; np < ph_.nps.size(); ++np) {
      const NounPhrase& x = ph_.nps[np];
      if (x.range.begin < range.begin || x.range.end > range.end || x.head < 0) continue;
      if (!In(c_.titles.leader_title, x.head) && !In(c_.titles.title, x.head)) continue;
      if (sentence_.mention_at[x.head] >= 0) continue;  // A named office: above.
      for (int pp : x.pps) {
        if (ph_.pps[pp].np < 0 || Prep(ph_.pps[pp]) != "of") continue;
        const NounPhrase& of = ph_.nps[ph_.pps[pp].np];
        for (const Referent& r : InRange(of.range.begin, of.range.end)) {
          if (!r.human && !r.place && !r.party.empty()) view->referents.push_back(r);
        }
      }
    }
  }

  // The organization among the item's parties that the text named last before
  // token `before`; the only one when none was named yet.
  void OrganizationSlot(int before, SlotView* view) const {
    std::vector<std::string> orgs;
    for (const std::string& p : d_.principal()) {
      if (absl::StartsWith(p, "org:")) orgs.push_back(p);
    }
    if (orgs.empty()) return;
    std::string last = d_.LastNamedOf(s_, before, orgs);
    if (last.empty() && orgs.size() == 1) last = orgs[0];
    if (last.empty()) return;
    Referent r;
    r.party = std::move(last);
    r.anaphor = true;
    view->referents.push_back(std::move(r));
  }

  void ItemSlot(const Slot& slot, SlotView* view) const {
    std::vector<std::string> parties;
    if (slot.kind == Slot::kHost) {
      if (!d_.dateline_host().empty()) parties.push_back(d_.dateline_host());
    } else if (AboutTheVisit()) {
      // "During the visit, governments and businesses signed ...": the visit's pair.
      parties = d_.VisitParties();
    } else if (d_.clear_pair()) {
      for (size_t k = 0; k < d_.principal().size() && k < 2; ++k) {
        parties.push_back(d_.principal()[k]);
      }
    }
    for (const std::string& p : parties) {
      Referent r;
      r.party = p;
      r.anaphor = true;
      r.group = slot.kind == Slot::kItem;
      view->referents.push_back(std::move(r));
    }
  }

  // True when the phrase's head word lies in a mention of a person or an office.
  // "a Chinese contractor", "Turkish firms", "Security Council resolutions": a demonym or
  // a name on a noun that is no state, no office and no agent of one (not "the Kenyan
  // government").
  // "a protocol upgrading the free trade agreement": a participle that describes a
  // document tells what the document does to another; nobody signs that one.
  bool DocumentActs(int c) const {
    // Not "an agreement signed in 2017": that participle is done to the document.
    if (clauses_[c].kind != ClauseKind::kParticipial || Passive(c)) return false;
    const int subject = SubjectOf(sentence_.parse, c);
    if (subject < 0) return false;
    const int head = ph_.nps[subject].head;
    return head >= 0 && x_.OneWordAt(c_.agreement_kind, t_, head);
  }

  bool DemonymOnThing(int np) const {
    if (np < 0) return false;
    // "Kenyan and Indian companies": bare demonyms joined share the last one's noun.
    const NounPhrase& x = ph_.nps[np];
    bool demonyms = x.conjuncts.size() > 1;
    for (size_t k = 0; demonyms && k + 1 < x.conjuncts.size(); ++k) {
      const TokenRange& r = x.conjuncts[k];
      demonyms = r.end == r.begin + 1 && sentence_.mention_at[r.begin] >= 0 &&
                 t_[r.begin].tag == Tag::kAdjective;
    }
    const int head = demonyms ? x.conjuncts.back().end - 1 : x.head;
    if (head < 0 || sentence_.mention_at[head] >= 0) return false;
    if (x_.OneWordAt(c_.agent_noun, t_, head)) return false;
    for (int i = ph_.nps[np].range.begin; i < head; ++i) {
      const int m = sentence_.mention_at[i];
      // "Security Council resolutions" too; not "China's statement", which China made.
      if (m >= 0 && !sentence_.mentions[m].possessive &&
          (i + 1 >= head || !t_[i + 1].LowerIs("'s"))) {
        return true;
      }
    }
    return false;
  }

  // Where the new thing `thing` ("a plant near Salta, in Argentina") is: its own
  // phrases of place, else what its chain names after its head; its range stands in
  // the view for the slot's condition.
  void AddPlaceOfNewThing(int thing, SlotView* view) const {
    view->ranges.push_back(ChainRange(thing));
    const size_t before = view->referents.size();
    for (int own : ph_.nps[thing].pps) {
      if (ph_.pps[own].np >= 0 && IsLocationPrep(ph_.pps[own])) {
        AddPhrase(ph_.pps[own].np, true, view);
      }
    }
    if (view->referents.size() == before) {
      const std::vector<Referent>& placed =
          InRange(ph_.nps[thing].head + 1, ChainRange(thing).end);
      view->referents.insert(view->referents.end(), placed.begin(), placed.end());
    }
  }

  // Whether the phrase of the first preposition slot of the frame's target opens
  // with "a" or "an".
  bool IndefiniteTarget(const Frame& f, int c) const {
    for (const SlotChoice& choice : f.target) {
      if (choice.first.kind != Slot::kPrep) continue;
      const int np = PrepObject(c, choice.first.prep);
      return np >= 0 && Indefinite(np);
    }
    return false;
  }

  // An indefinite phrase whose head is of the frame's thing class: "a urea plant".
  bool NewThing(int np) const {
    const int head = ph_.nps[np].head;
    return Indefinite(np) && head >= 0 && thing_class_ >= 0 && EndsAt(thing_class_, head);
  }

  bool Indefinite(int np) const {
    const Token& first = t_[ph_.nps[np].range.begin];
    return first.LowerIs("a") || first.LowerIs("an");
  }

  // A phrase whose head is a plural common noun ("two new plants", "Korean
  // factories"), not a name ("the Three Gorges Dams") nor the parts of one facility
  // (@facility_part: "four small reactors", "the last units of a wind farm").
  bool PluralFacility(int np) const {
    const NounPhrase& x = ph_.nps[np];
    if (x.head < 0) return false;
    const Token& head = t_[x.head];
    return head.tag == Tag::kNoun && head.lower != head.lemma && !head.capitalized &&
           !In(c_.facility_part, x.head);
  }

  // A plural common noun with no determiner, number or name before it: "roads".
  bool BarePlural(int np) const {
    const NounPhrase& x = ph_.nps[np];
    if (x.head < 0 || x.range.begin != x.head) return false;
    const Token& head = t_[x.head];
    return head.tag == Tag::kNoun && head.lower != head.lemma &&
           sentence_.mention_at[x.head] < 0;
  }

  // The object of the clause's phrase with preposition `prep`; -1 when none.
  int PrepObject(int c, absl::string_view prep) const {
    for (int pp : clauses_[c].pps) {
      if (ph_.pps[pp].np >= 0 && Prep(ph_.pps[pp]) == prep) return ph_.pps[pp].np;
    }
    return -1;
  }

  // For an infinitive right after what a linking verb says its subject is ("became
  // the first Portuguese president to visit"), that phrase's parties.
  void AddPredicateNominal(int c, SlotView* view) const {
    const Clause& clause = clauses_[c];
    if (clause.kind != ClauseKind::kComplement || clause.parent < 0) return;
    const Clause& parent = clauses_[clause.parent];
    if (parent.verb < 0 || parent.object < 0) return;
    const absl::string_view lemma = ph_.verbs[parent.verb].lemma;
    if (lemma != "become" && lemma != "be" && lemma != "remain") return;
    const int to = ph_.verbs[clause.verb].range.begin;
    if (ChainEnd(ph_, parent.object) != to && ChainEnd(ph_, parent.object) + 1 != to)
      return;
    AddPhrase(parent.object, false, view);
  }

  // The sentence opens with "should", "had" or "were" before a subject, and clause
  // c's verb stands before the comma that ends that condition: "Should X and Y sign a
  // treaty, the balance would shift".
  bool InvertedCondition(int c) const {
    const int n = static_cast<int>(t_.size());
    if (n < 4 || !(t_[0].tag == Tag::kModal || t_[0].tag == Tag::kAux) ||
        !(t_[0].LowerIs("should") || t_[0].LowerIs("had") || t_[0].LowerIs("were")) ||
        !(t_[1].tag == Tag::kProper || t_[1].tag == Tag::kDeterminer ||
          t_[1].tag == Tag::kNoun || t_[1].tag == Tag::kPronoun)) {
      return false;
    }
    int comma = -1;
    for (int k = 2; k < n && comma < 0; ++k) {
      if (t_[k].tag == Tag::kComma) comma = k;
    }
    if (comma < 0 || c < 0 || clauses_[c].verb < 0) return false;
    return ph_.verbs[clauses_[c].verb].range.begin < comma;
  }

  // Clauses a and b have verbs of one lemma ("signed ..., signed by").
  bool SameVerb(int a, int b) const {
    const int va = clauses_[a].verb;
    const int vb = clauses_[b].verb;
    if (va < 0 || vb < 0) return false;
    return t_[ph_.verbs[va].head].lemma == t_[ph_.verbs[vb].head].lemma;
  }

  // The object of a passive clause's "by" phrase; -1 when none.
  int ByPhrase(int c) const { return PrepObject(c, "by"); }

  // "Leaders of the GCC", "the two presidents": a phrase headed by an office.
  bool HeadIsOffice(int np) const {
    const int head = ph_.nps[np].head;
    return In(c_.titles.leader_title, head) || In(c_.titles.title, head);
  }

  bool HeadIsPerson(int np) const {
    for (const TokenRange& conjunct : ph_.nps[np].conjuncts) {
      int m = sentence_.mention_at[conjunct.end - 1];
      if (m >= 0 && sentence_.mentions[m].kind == graph::EntityKind::kPerson) return true;
      // "the visiting president, Lula": the apposition is the person.
    }
    if (ph_.nps[np].apposition >= 0) return HeadIsPerson(ph_.nps[np].apposition);
    // "received the emir": an office that stands for its holder; "received a
    // delegation led by the emir": an agent that stands for its leader.
    if (HeadIsOffice(np) || In(c_.agent_noun, ph_.nps[np].head)) {
      for (const Referent& r : OfPhrase(np, false)) {
        if (r.human) return true;
      }
    }
    // "hosted them", "received him": pronouns here stand for people.
    int head = ph_.nps[np].head;
    if (t_[head].tag == Tag::kPronoun && (x_.OneWordAt(c_.person_pronoun, t_, head) ||
                                          x_.OneWordAt(c_.plural_pronoun, t_, head))) {
      return true;
    }
    return x_.MatchAt(c_.guest_anaphor, t_, ph_.nps[np].range.begin,
                      ph_.nps[np].range.end)
               .length > 0;
  }

  // Is noun phrase `np` something the clause's subject does ("X paid a visit", "X
  // is on a visit", "X arrived for talks")? A verb that takes the noun as its object
  // must be a light verb (@light_verb: pay, hold, sign ...), not "presented the visit
  // as proof".
  // "signed 11 documents covering farming during talks in Hanoi": a scene phrase
  // ("during", "at", "after") closing a participle that describes the object is
  // the scene of the clause above, whose subject acts in it.
  int SceneClause(int c, int np) const {
    const Clause& clause = clauses_[c];
    if (clause.kind != ClauseKind::kParticipial || clause.parent < 0 ||
        ph_.nps[np].pp < 0 ||
        SubjectOf(sentence_.parse, c) != ClauseObject(clause.parent)) {
      return c;
    }
    const absl::string_view prep = Prep(ph_.pps[ph_.nps[np].pp]);
    return prep == "during" || prep == "at" || prep == "after" ? clause.parent : c;
  }

  bool SubjectActs(int c, int np) const {
    const Clause& clause = clauses_[c];
    if (ClauseObject(c) == np) {
      if (clause.verb < 0) return false;
      const VerbGroup& g = ph_.verbs[clause.verb];
      return g.copula || x_.Contains(c_.light_verb, g.lemma) ||
             x_.Contains(c_.light_verb, t_[g.head].lemma);
    }
    const NounPhrase& x = ph_.nps[np];
    if (clause.verb < 0) return false;
    // "called themselves partners", "regard each other as allies": the noun after a
    // reciprocal object says what the subject is.
    if (const int object = ClauseObject(c);
        object >= 0 && object != np && ph_.nps[object].range.end <= x.range.begin &&
        x.range.begin <= ph_.nps[object].range.end + 1 &&
        x_.MatchAt(c_.reciprocal, t_, ph_.nps[object].range.begin,
                   ph_.nps[object].range.end)
                .length == ph_.nps[object].range.end - ph_.nps[object].range.begin) {
      return true;
    }
    if (x.pp < 0) return false;
    const PrepPhrase* in = &ph_.pps[x.pp];
    // "at the end of a visit", "in the course of the talks": the phrase of the
    // event's phase stands where the event would ("during a visit").
    if (Prep(*in) == "of" && in->attached_np >= 0) {
      const NounPhrase& phase = ph_.nps[in->attached_np];
      // "the end", "the first day": one word, or words that end at the head.
      const bool of_phase = x_.Contains(c_.phase_noun, t_[phase.head].lemma) ||
                            EndsAt(c_.phase_noun, phase.head);
      // "concluded two days of talks": the phase as the object of a verb that only
      // carries it (not "hosting the rounds of dialogue": a host holds no talks).
      if (of_phase && in->attached_np == ClauseObject(c)) {
        const VerbGroup& g = ph_.verbs[clause.verb];
        if (t_[g.head].LemmaIs("host") || t_[g.head].LemmaIs("co-host")) return false;
        return x_.Contains(c_.light_verb, g.lemma) ||
               x_.Contains(c_.light_verb, t_[g.head].lemma);
      }
      if (phase.pp >= 0 && of_phase) in = &ph_.pps[phase.pp];
    }
    const PrepPhrase& pp = *in;
    const absl::string_view early = Prep(pp);
    // "At the summit, the leaders of X and Y announced": a phrase of the clause, not
    // of a noun ("leaders at the summit"), may open it.
    // "In a joint statement, X and Y said": a fronted "in" too.
    // "Boric, on a three-day state visit, travels on": set off after the subject.
    const bool set_off = pp.prep > 0 && t_[pp.prep - 1].tag == Tag::kComma;
    // "On the second day of a state visit to Ghana, X met Y": "on" opening the
    // sentence with the phase of an event.
    const bool opens_with_phase = pp.prep == 0 && in != &ph_.pps[x.pp];
    bool fronted = early == "after" || early == "following" || early == "during" ||
                   ((early == "at" || early == "in") && pp.attached_np < 0) ||
                   (early == "on" && (set_off || opens_with_phase));
    // "Ecuador's foreign minister at the summit said": the subject's own phrase.
    if (early == "at" && pp.attached_np >= 0 &&
        pp.attached_np == SubjectOf(sentence_.parse, c)) {
      return true;
    }
    if (pp.prep < ph_.verbs[clause.verb].range.end && !fronted) return false;
    const absl::string_view prep = Prep(pp);
    return prep == "on" || prep == "for" || prep == "in" || prep == "at" ||
           prep == "to" || prep == "after" || prep == "following" || prep == "during" ||
           prep == "from" ||
           // "announced $2.5 billion of investments": what the amount the doer acts
           // on is of.
           (prep == "of" && pp.attached_np >= 0 && pp.attached_np == ClauseObject(c) &&
            AmountPhrase(pp.attached_np)) ||
           // "hit back with the suspension of the accord": the doer's own means.
           (prep == "with" && (pp.attached_np < 0 || IsTimePhrase(pp.attached_np))) ||
           // "presided over the signing of nine agreements": what the doer oversaw.
           (prep == "over" && pp.prep == ph_.verbs[clause.verb].range.end &&
            GovernorLemma(c_.light_verb, ph_.verbs[clause.verb])) ||
           // "hosts as chair", not "X's role as a partner": the role of the doer;
           // so is the role a span of its own names ("began a term as a member").
           (prep == "as" && (pp.attached_np < 0 || TenureObject(c, pp.attached_np))) ||
           // "X and Y were among the founding members of Mercosur", "among its
           // founding members": what a copula's subject is, in the body its "of" or
           // possessor names (not "among the observers at the summit").
           (prep == "among" && pp.attached_np < 0 && ph_.verbs[clause.verb].copula &&
            (x.possessor_end > x.range.begin ||
             std::any_of(x.pps.begin(), x.pps.end(),
                         [&](int k) { return Prep(ph_.pps[k]) == "of"; })));
  }

  // Phrase np is clause c's object and a span in a role, with no possessor but
  // the subject's ("began a two-year term", "took its seat").
  bool TenureObject(int c, int np) const {
    if (np != ClauseObject(c) || !In(c_.tenure_noun, ph_.nps[np].head)) return false;
    const NounPhrase& x = ph_.nps[np];
    return x.possessor_end <= x.range.begin || t_[x.range.begin].tag == Tag::kPossessive;
  }

  SlotView NounSlot(const Frame& f, const Slot& slot, int c, int np,
                    const TokenRange& trigger, bool target) const {
    SlotView view;
    const NounPhrase& x = ph_.nps[np];
    switch (slot.kind) {
      case Slot::kPossessor:
        if (x.possessor_end > x.range.begin) {
          view.ranges.push_back({x.range.begin, x.possessor_end});
          view.referents = InRange(x.range.begin, x.possessor_end);
        }
        break;
      case Slot::kModifier: {
        int begin = std::max(x.range.begin, x.possessor_end);
        for (const TokenRange& conj : x.conjuncts) {
          if (conj.Contains(trigger.begin)) begin = std::max(begin, conj.begin);
        }
        if (trigger.begin > begin) {
          view.ranges.push_back({begin, trigger.begin});
          // "a Central Asian tour" is where, not who: an area's members name no side.
          for (const Referent& r : InRange(begin, trigger.begin)) {
            if (!r.area) view.referents.push_back(r);
          }
        }
        break;
      }
      case Slot::kPrep:
        // "a visit to Lima at the invitation of his counterpart": an "of" phrase
        // belongs to the noun right before it, so only the trigger's own counts,
        // and none when another conjunct stands between ("a visit and the summit
        // of the SCO").
        if (slot.prep == "of" && !x.conjuncts.back().Contains(trigger.begin)) break;
        for (int pp : slot.prep == "of"
                          ? absl::Span<const int>(x.pps)
                          : absl::Span<const int>(TriggerChain(np, trigger))) {
          if (ph_.pps[pp].np >= 0 && Prep(ph_.pps[pp]) == slot.prep &&
              !(slot.prep == "between" && f.type == RelationType::kMeeting &&
                BetweenOfTopic(np, pp))) {
            AddPhrase(ph_.pps[pp].np, x_.Contains(c_.location_prep, slot.prep), &view);
          }
        }
        break;
      case Slot::kObject:
        for (int pp : x.pps) {
          if (ph_.pps[pp].np < 0) continue;
          // "the imposition by the United States of 50% tariffs": the "of" phrase
          // after an interposed "by" phrase is still the noun's.
          const int of = InterposedOf(pp);
          if (of < 0) continue;
          if (target && TargetIsThing(f.type)) {
            AddThing(of, &view);
          } else {
            AddPhrase(of, false, &view);
          }
        }
        break;
      case Slot::kSubject:
        // "An investment of $1 billion was announced by Saudi Arabia": a passive's
        // "by" phrase is the doer of the noun it announces.
        if (c >= 0 && (SubjectOf(sentence_.parse, c) != np || Passive(c)) &&
            SubjectActs(c, np)) {
          return VerbSlot(f, slot, SceneClause(c, np), target,
                          graph::IsSymmetric(f.type));
        }
        break;
      case Slot::kGroup:
        view.ranges.push_back(x.range);
        AddGroup(x.range, &view);
        break;
      case Slot::kLocation: {
        bool placed = false;  // The phrase says where, even if not whose.
        for (int pp : TriggerChain(np, trigger)) {
          // "a visit by X in March": a time, no place.
          if (ph_.pps[pp].np >= 0 && IsLocationPrep(ph_.pps[pp]) &&
              !IsTimePhrase(ph_.pps[pp].np)) {
            AddPhrase(ph_.pps[pp].np, true, &view);
            placed = true;
          }
        }
        // "The Brazil-Africa Forum, held in Sao Paulo on Friday, drew ...": the
        // place of a clause that describes the event.
        if (!placed && np >= 0) placed = AddDescribedPlace(np, &view);
        // "At the Mercosur summit, ...": the clause's place, not the event itself.
        if (!placed && c >= 0) {
          for (int pp : clauses_[c].pps) {
            // Not the place of what the event, as subject, acts on: "the summit
            // discussed the crisis in Myanmar".
            // ("took place in Astana" places the event itself).
            if (np >= 0 && np == clauses_[c].subject && clauses_[c].object >= 0 &&
                ph_.pps[pp].attached_np >= 0 &&
                ph_.pps[pp].attached_np == clauses_[c].object &&
                !t_[ph_.nps[clauses_[c].object].head].LowerIs("place")) {
              continue;
            }
            if (ph_.pps[pp].np >= 0 && ph_.pps[pp].np != np &&
                IsLocationPrep(ph_.pps[pp])) {
              AddPhrase(ph_.pps[pp].np, true, &view);
            }
          }
          if (view.referents.empty()) AddDatelinePlace(clauses_[c].range, &view);
        }
        // "The 12th Tashkent Investment Forum was held on 9-11 June": nowhere else,
        // the city its own name opens with.
        if (!placed && view.referents.empty() && np >= 0 &&
            f.type == RelationType::kForum && EventTakesPlace(c, np)) {
          AddNamingCity(np, trigger, &view);
        }
        break;
      }
      case Slot::kSelf:
        if (f.modifier_trigger) {
          // "the visiting Iraqi minister": the state its own words name, in the
          // trigger's member of a list ("the visiting leader and his host" is two).
          TokenRange own = x.range;
          for (const TokenRange& conj : x.conjuncts) {
            if (conj.Contains(trigger.begin)) own = conj;
          }
          view.ranges.push_back(own);
          for (const Referent& r : InRange(own.begin, own.end)) {
            if (!r.anaphor) view.referents.push_back(r);
          }
        } else {
          AddThing(np, &view);
        }
        break;
      case Slot::kHost:
      case Slot::kItem:
        ItemSlot(slot, &view);
        break;
      case Slot::kAfter:
      case Slot::kSpeaker:
        break;
      case Slot::kEvent:
        EventSlot(&view);
        if (view.referents.empty()) ClauseEvent(c, x.range, &view);
        break;
      case Slot::kPeople:
        PeopleSlot(c >= 0 ? clauses_[c].range : x.range, &view);
        break;
      case Slot::kApposed:
        for (size_t k = 0; k < ph_.nps.size(); ++k) {
          if (ph_.nps[k].apposition == np) AddPhrase(static_cast<int>(k), false, &view);
        }
        break;
      case Slot::kParticipleObject:
      case Slot::kHelped:
        break;
      case Slot::kOrganization:
        OrganizationSlot(trigger.begin, &view);
        break;
    }
    return view;
  }

  // "X attended the summit, as did Y": Y, after ", as" and a form of "do", "have" or
  // "be" that closes clause c's sentence, does what the clause's subject does.
  // Memoized per clause: subject slots are read for every frame tried.
  void AddAsDidSubject(int c, SlotView* view) const {
    if (as_did_.empty()) as_did_.assign(clauses_.size(), kUnread);
    if (as_did_[c] == kUnread) as_did_[c] = AsDidPhrase(c);
    if (as_did_[c] >= 0) AddPhrase(as_did_[c], false, view);
  }
  static constexpr int kUnread = -2;

  int AsDidPhrase(int c) const {
    const TokenRange r = clauses_[c].range;
    const int n = static_cast<int>(t_.size());
    for (int k = std::max(r.begin, 1); k + 2 < n && k < r.end; ++k) {
      if (!t_[k].LowerIs("as") || t_[k - 1].tag != Tag::kComma) continue;
      const Token& aux = t_[k + 1];
      if (!aux.LemmaIs("do") && !aux.LemmaIs("have") && !aux.LemmaIs("be")) continue;
      const int np = ph_.np_at[k + 2];
      if (np < 0 || ph_.nps[np].range.begin != k + 2) continue;
      const int end = ph_.nps[np].range.end;
      if (end < n && t_[end].tag != Tag::kPunct && t_[end].tag != Tag::kComma) continue;
      return np;
    }
    return -1;
  }

  SlotView SlotOf(const Frame& f, const Slot& slot, int c, int np,
                  const TokenRange& trigger, bool target) const {
    thing_target_ = target && TargetIsThing(f.type);
    thing_class_ = f.type == RelationType::kForum  ? c_.event_noun
                   : f.type == RelationType::kSite ? c_.facility
                                                   : -1;
    SlotView view = np >= 0 ? NounSlot(f, slot, c, np, trigger, target)
                            : VerbSlot(f, slot, c, target);
    thing_target_ = false;
    return view;
  }

  // ---- Conditions and parties ------------------------------------------------------
  // Memoized: the frames tried in a sentence scan its clauses for the same classes
  // (near=, not=, cues) again and again.
  bool RangeHas(ClassId cls, const TokenRange& r) const {
    if (cls < 0) return false;
    const int begin = std::max(r.begin, 0);
    const int end = std::min<int>(r.end, t_.size());
    if (end <= begin) return false;
    // Token positions fit in 20 bits (a sentence is far shorter).
    const uint64_t key = (static_cast<uint64_t>(cls) << 40) |
                         (static_cast<uint64_t>(begin) << 20) |
                         static_cast<uint64_t>(end);
    auto [it, added] = range_has_.try_emplace(key, false);
    if (added) it->second = x_.FindIn(cls, t_, begin, end, nullptr, nullptr);
    return it->second;
  }

  // The clause's range without an opening connective set off by a comma:
  // "Separately, the two governments signed ..." tells of another story, not of
  // parties that acted apart.
  TokenRange ApartScope(TokenRange r) const {
    if (r.begin == 0 && r.end > 2 && OpensWithConnective(t_)) r.begin = 2;
    return r;
  }

  // "a strategic partnership in the field of green energy": the words from `after`
  // keep what ends there to one sector; it is no partnership of the states' ties.
  bool OfOneSector(int after) const {
    return x_.MatchAt(c_.sector_scope, t_, after, static_cast<int>(t_.size())).length > 0;
  }

  // A phrase of the class in `r` that is not a word inside a longer name or a
  // document's name: "the Digital Economy Partnership Agreement" holds no
  // partnership, only an agreement.
  // "expelled Peruvian Ambassador Juan Perez": a diplomat's office [at, after) before
  // his name, inside the mention of the named person, is what he is.
  bool EnvoysOffice(ClassId cls, int at, int after) const {
    if (cls != c_.diplomat_noun) return false;
    const int m = sentence_.mention_at[at];
    if (m < 0) return false;
    const Mention& person = sentence_.mentions[m];
    return person.kind == graph::EntityKind::kPerson && !person.role.empty() &&
           !person.titled && after < person.end;
  }

  bool RangeHasHead(ClassId cls, const TokenRange& r) const {
    const int end = std::min<int>(r.end, t_.size());
    for (int from = r.begin; from < end;) {
      int at = -1;
      PhraseMatch match;
      if (!x_.FindIn(cls, t_, from, end, &at, &match)) return false;
      const int after = at + match.length;
      // "a comprehensive economic partnership agreement": a document's kind word
      // after it makes it a modifier of the document, in lower case too.
      const bool document = cls != c_.agreement_kind && after < end &&
                            x_.MatchAt(c_.agreement_kind, t_, after, end).length > 0;
      // "the Bharat Mandapam convention centre": a building's noun after an event's
      // makes the event word a modifier of a place.
      const bool building = cls == c_.event_noun && after < end &&
                            (x_.MatchAt(c_.building_noun, t_, after, end).length > 0 ||
                             BuildingNameGoesOn(at, after, end));
      // "suspended trade talks": a word for talks after it makes it what they are on.
      const bool talks = cls != c_.talks_noun && after < end &&
                         x_.MatchAt(c_.talks_noun, t_, after, end).length > 0;
      const bool modifies = after < end && ph_.np_at[after] >= 0 &&
                            ph_.np_at[after] == ph_.np_at[at] &&
                            ((t_[after - 1].capitalized && t_[after].capitalized &&
                              t_[after].kind == TokenKind::kWord) ||
                             document || building || talks);
      const bool sectoral = cls == c_.partnership_noun && OfOneSector(after);
      // "signed a memorandum on a strategic partnership": a partnership the object
      // is about is not what was acted on.
      const bool inner =
          cls == c_.partnership_noun && ph_.np_at[at] != ph_.np_at[r.begin];
      if (!sectoral && !inner && (!modifies || EnvoysOffice(cls, at, after))) return true;
      from = at + 1;
    }
    return false;
  }

  // "the Oman Convention and Exhibition Centre": a capitalized name that goes on
  // through "and" to a building's noun.
  bool BuildingNameGoesOn(int at, int after, int end) const {
    if (!t_[at].capitalized || !t_[after].LowerIs("and")) return false;
    int last = -1;
    for (int k = after + 1;
         k < end && t_[k].kind == TokenKind::kWord && t_[k].capitalized; ++k) {
      last = k;
    }
    return last >= 0 && x_.MatchAt(c_.building_noun, t_, last, last + 1).length > 0;
  }

  // The frame's conditions: the cheap ones on the clause and phrase first, then
  // those on slots (obj=@class), which read the slot's referents too.
  bool ConditionsHold(const Frame& f, int c, int np, const TokenRange& trigger) const {
    return ClauseConditionsHold(f, c, np, trigger) &&
           SlotConditionsHold(f, c, np, trigger);
  }

  bool SlotConditionsHold(const Frame& f, int c, int np,
                          const TokenRange& trigger) const {
    for (const Frame::Condition& cond : f.requires_in_slot) {
      bool found = false;
      // What a verb acts on is a name's head, not a word inside it; so is the event
      // a preposition names ("at the convention centre" is at no convention).
      const bool object = cond.slot.kind == Slot::kObject || cond.cls == c_.event_noun;
      for (const TokenRange& r : SlotRanges(f, cond.slot, c, np, trigger)) {
        found |= object ? RangeHasHead(cond.cls, r) : RangeHas(cond.cls, r);
      }
      // "the memorandum on a strategic partnership the two sides signed": a
      // partnership that a described phrase's chain is about was set up by the
      // document, but is not the document signed.
      const Clause& clause = clauses_[c];
      if (found && f.type == RelationType::kAgreement &&
          cond.slot.kind == Slot::kObject && cond.cls == c_.partnership_noun && np < 0 &&
          clause.antecedent >= 0 && clause.antecedent_top >= 0 &&
          clause.antecedent_top != clause.antecedent) {
        found = RangeHasHead(cond.cls, ph_.nps[clause.antecedent_top].range);
      }
      // "Trade reached $500 million last year. The two sides agreed to double it":
      // a lone "it" as the object stands for the sentence before's subject.
      // So does a lone "it" as the subject ("Trade peaked in 2008. Last year it came
      // to $1 billion").
      found |= np < 0 &&
               ((cond.slot.kind == Slot::kObject && LoneIt(ClauseObject(c))) ||
                (cond.slot.kind == Slot::kSubject && clauses_[c].subject >= 0 &&
                 LoneIt(clauses_[c].subject))) &&
               PreviousSubjectHas(cond.cls);
      if (!found) return false;
    }
    return true;
  }

  // The first phrase after a preposition that one of the frame's class conditions
  // names ("on=@agreement_kind"), in clause c; -1 when none.
  int ConditionPhrase(const Frame& f, int c) const {
    for (const Frame::Condition& cond : f.requires_in_slot) {
      if (cond.slot.kind != Slot::kPrep) continue;
      for (int pp : clauses_[c].pps) {
        const PrepPhrase& p = ph_.pps[pp];
        if (p.np >= 0 && Prep(p) == cond.slot.prep &&
            RangeHas(cond.cls, ChainRange(p.np))) {
          return p.np;
        }
      }
    }
    return -1;
  }

  // The ranges SlotOf gives for a slot as a party (not a target). An object's are
  // its phrases' chains, found without resolving who they name: most frames fail
  // their object's condition, and need no referents. Not inlined: GCC 12 takes the
  // inlined copy of the slot's ranges for uninitialized.
  ABSL_ATTRIBUTE_NOINLINE Ranges SlotRanges(const Frame& f, const Slot& slot, int c,
                                            int np, const TokenRange& trigger) const {
    if (slot.kind != Slot::kObject) {
      Ranges ranges = SlotOf(f, slot, c, np, trigger, false).ranges;
      // "Trade has grown sixfold, and last year it reached $40 billion": "it" is the
      // subject of the clause it is joined to.
      if (slot.kind == Slot::kSubject && np < 0) {
        const int subject = SubjectOf(sentence_.parse, c);
        if (const int before = ItStandsFor(c, subject, /*subject=*/true); before >= 0) {
          ranges.push_back(ChainRange(before));
        }
        // "trade between Ghana and Togo, which reached $2 billion": "which" may stand
        // for the head of the chain before it, not its nearest phrase.
        const Clause& clause = clauses_[c];
        if (clause.kind == ClauseKind::kRelative && subject >= 0 &&
            subject == clause.antecedent && clause.antecedent_top >= 0 &&
            clause.antecedent_top != subject) {
          ranges.push_back(ChainRange(clause.antecedent_top));
        }
      }
      return ranges;
    }
    Ranges ranges;
    if (np >= 0) {  // A noun's object: its "of" phrases (NounSlot).
      // Also after interposed phrases ("the imposition by X of tariffs").
      for (int pp : ph_.nps[np].pps) {
        if (const int of = InterposedOf(pp); of >= 0) ranges.push_back(ChainRange(of));
      }
      return ranges;
    }
    const int object = ClauseObject(c);  // A verb's (VerbSlot).
    if (object >= 0 && !(f.needs_person && !HeadIsPerson(object))) {
      ranges.push_back(ChainRange(object));
      // "suspended $18 million in aid": an amount's "in" phrase says what it is.
      if (MoneyOfPhrase(object)) {
        const int end = ph_.nps[object].range.end;
        if (end + 1 < static_cast<int>(t_.size()) && t_[end].LowerIs("in") &&
            ph_.np_at[end + 1] >= 0) {
          ranges.push_back(ph_.nps[ph_.np_at[end + 1]].range);
        }
      }
    }
    // "imposed a surtax in 2024 and extended it on Tuesday": "it" is the object the
    // clause it is joined to acts on.
    if (const int before = ObjectItStandsFor(c); before >= 0) {
      ranges.push_back(ChainRange(before));
    }
    // "Trade amounted to $320 million, and both sides agreed to raise it to $1
    // billion": "it", deeper in a clause joined by "and", is the subject of the
    // clause before.
    if (const int before = DeepObjectItStandsFor(c); before >= 0) {
      ranges.push_back(ChainRange(before));
    }
    return ranges;
  }

  // Adds the places a participle describing phrase np gives ("the forum, held in
  // Lima"); true when there is one.
  bool AddDescribedPlace(int np, SlotView* view) const {
    bool placed = false;
    for (const Clause& k : clauses_) {
      // "..., held in Sao Paulo on Friday", "..., which opened in Jakarta on Tuesday"
      // (not one still to come: "which Chile will host in Santiago").
      const bool relative = k.kind == ClauseKind::kRelative && k.verb >= 0 &&
                            !ph_.verbs[k.verb].future && !ph_.verbs[k.verb].modal;
      if (k.antecedent != np || (k.kind != ClauseKind::kParticipial && !relative)) {
        continue;
      }
      for (int pp : k.pps) {
        if (ph_.pps[pp].np >= 0 && IsLocationPrep(ph_.pps[pp]) &&
            !IsTimePhrase(ph_.pps[pp].np)) {
          AddPhrase(ph_.pps[pp].np, true, view);
          placed = true;
        }
      }
    }
    return placed;
  }

  bool LoneIt(int np) const {
    return np >= 0 && ph_.nps[np].range.end - ph_.nps[np].range.begin == 1 &&
           t_[ph_.nps[np].head].LowerIs("it");
  }

  // Whether the subject of the sentence before this one (its first clause's) has a
  // word of class cls.
  bool PreviousSubjectHas(ClassId cls) const {
    if (s_ == 0) return false;
    const Sentence& before = item_.sentences[s_ - 1];
    if (before.parse.clauses.empty()) return false;
    const int subject = SubjectOf(before.parse, 0);
    if (subject < 0) return false;
    const TokenRange r = before.parse.phrases.nps[subject].range;
    for (int k = r.begin; k < r.end; ++k) {
      if (x_.MatchAt(cls, before.tokens, k, r.end).length > 0) return true;
    }
    return false;
  }

  // Clause c's object is "it" and c lies (through infinitives) under a clause joined
  // by "and" to the sentence's first: that first clause's subject; -1 otherwise.
  int DeepObjectItStandsFor(int c) const {
    const int object = ClauseObject(c);
    if (object < 0) return -1;
    const NounPhrase& x = ph_.nps[object];
    if (x.range.end - x.range.begin != 1 || !t_[x.head].LowerIs("it")) return -1;
    int k = c;
    for (int guard = 0; guard < 4 && k >= 0; ++guard) {
      const Clause& clause = clauses_[k];
      if (clause.kind == ClauseKind::kCoordinate && clause.parent >= 0) {
        return SubjectOf(sentence_.parse, clause.parent);
      }
      if (clause.kind != ClauseKind::kComplement) return -1;
      k = clause.parent;
    }
    return -1;
  }

  int ObjectItStandsFor(int c) const {
    return ItStandsFor(c, ClauseObject(c), /*subject=*/false);
  }

  // When phrase np of coordinate clause c is "it" or "them", the same part (subject
  // or object) of the clause c is joined to; -1 otherwise.
  int ItStandsFor(int c, int np, bool subject) const {
    const Clause& clause = clauses_[c];
    if (clause.kind != ClauseKind::kCoordinate || clause.parent < 0 || np < 0) return -1;
    const NounPhrase& x = ph_.nps[np];
    if (x.range.end - x.range.begin != 1 || t_[x.head].tag != Tag::kPronoun ||
        (!t_[x.head].LowerIs("it") && !t_[x.head].LowerIs("them"))) {
      return -1;
    }
    return subject ? SubjectOf(sentence_.parse, clause.parent)
                   : ClauseObject(clause.parent);
  }

  // Token k lies in a relative clause other than c that a relative word opens
  // ("which stood at ...").
  bool InRelativeBelow(int k, int c) const {
    const int at = sentence_.parse.clause_at[k];
    return at >= 0 && at != c && clauses_[at].kind == ClauseKind::kRelative &&
           t_[clauses_[at].range.begin].tag == Tag::kRelative;
  }

  // The amount at k is where a change starts: "from $680 million", "from about".
  bool StartingPoint(int k) const {
    constexpr int kHedgeWords = 2;  // "from about", "from just over".
    for (int j = k - 1; j >= 0 && j >= k - 1 - kHedgeWords; --j) {
      if (t_[j].LowerIs("from")) return true;
      if (t_[j].tag != Tag::kAdverb && t_[j].tag != Tag::kPreposition &&
          t_[j].tag != Tag::kAdjective) {
        return false;
      }
    }
    return false;
  }

  // The amount, percentage and date the frame needs lie in the clause's `scope`:
  // tests on the sentence's short lists, cheaper than the scans for classes.
  bool NeedsInScope(const Frame& f, const TokenRange& scope, int c) const {
    auto any_in_scope = [&](const auto& list) {
      for (const auto& m : list) {
        if (scope.Contains(m.begin)) return true;
      }
      return false;
    };
    // "pledged to lift trade to $1 billion": for needs=own_money, an amount in an
    // infinitive below the clause is the infinitive's.
    // Nor "expand commerce, which stood at $1 billion", "raise trade from $680
    // million": an amount a relative clause below gives, or a starting point, is no
    // amount of the frame's.
    auto own_money = [&]() {
      for (const MoneyMention& m : sentence_.money) {
        if (scope.Contains(m.begin) &&
            !(f.needs_own_money && InComplementBelow(m.begin, c)) &&
            !InRelativeBelow(m.begin, c) && !StartingPoint(m.begin))
          return true;
      }
      return false;
    };
    return (!f.needs_money || own_money()) &&
           (!f.needs_percent || any_in_scope(sentence_.percents)) &&
           (!f.needs_date || any_in_scope(sentence_.dates));
  }

  // A word of class cls in the scope of clause c that is not told by a speech tag
  // below c (in "trade rose to $8 billion, the envoy said, adding that they aim for
  // $15 billion", the aim is the speaker's addition, not part of the rise) nor part
  // of a name.
  bool HasOutsideSpeechTag(ClassId cls, const TokenRange& scope, int c,
                           const TokenRange& trigger) const {
    const int end = std::min<int>(scope.end, t_.size());
    for (int from = std::max(scope.begin, 0); from < end;) {
      int at = -1;
      PhraseMatch match;
      if (!x_.FindIn(cls, t_, from, end, &at, &match)) return false;
      if (!InSpeechTagBelow(at, c, trigger) && !InsideName(at, at + match.length)) {
        return true;
      }
      from = at + 1;
    }
    return false;
  }

  // Tokens [begin, end) are words inside a name, with words of it on both sides:
  // "the Korea International Trade Association" holds no cue of world trade (a title
  // before a name, "Ambassador Kazuhiro Hayashi", still counts).
  bool InsideName(int begin, int end) const {
    const int n = static_cast<int>(t_.size());
    if (end <= begin || begin == 0 || end >= n) return false;
    for (int k = begin; k < end; ++k) {
      if (t_[k].tag != Tag::kProper) return false;
    }
    // "Chamber of International Trade and Commerce": a connective inside the name.
    auto connective = [&](int k) {
      return t_[k].LowerIs("of") || t_[k].LowerIs("for") || t_[k].LowerIs("and") ||
             t_[k].text == "&";
    };
    const bool left =
        t_[begin - 1].tag == Tag::kProper ||
        (begin >= 2 && connective(begin - 1) && t_[begin - 2].tag == Tag::kProper);
    const bool right = t_[end].tag == Tag::kProper || (end + 1 < n && connective(end) &&
                                                       t_[end + 1].tag == Tag::kProper);
    return left && right;
  }

  // Token k lies in a clause under c whose verb is one of saying and which does not
  // hold the trigger, or in a clause below that one.
  bool InSpeechTagBelow(int k, int c, const TokenRange& trigger) const {
    if (c < 0) return false;
    for (int cc = sentence_.parse.clause_at[k], depth = 0;
         cc >= 0 && cc != c && depth < 8; cc = clauses_[cc].parent, ++depth) {
      const Clause& clause = clauses_[cc];
      if (clause.verb >= 0 && !clause.range.Contains(trigger.begin) &&
          (t_[ph_.verbs[clause.verb].head].verb_forms & kSpeech) &&
          clause.kind == ClauseKind::kRelative) {
        return true;
      }
    }
    return false;
  }

  // Noun phrase np, or a phrase its chain hangs on, is the "on"/"about"/"over" topic
  // of a noun of talks or what an application "for" asks, or is called possible or
  // potential.
  bool TopicOfTalksOrPossible(int np) const {
    constexpr int kChainDepth = 5;
    for (int x = np, depth = 0; x >= 0 && depth < kChainDepth; ++depth) {
      const NounPhrase& phrase = ph_.nps[x];
      for (int k = phrase.range.begin; k < phrase.head && k < static_cast<int>(t_.size());
           ++k) {
        if (t_[k].LowerIs("possible") || t_[k].LowerIs("potential") ||
            t_[k].LowerIs("eventual")) {
          return true;
        }
      }
      if (phrase.pp < 0) return false;
      const PrepPhrase& pp = ph_.pps[phrase.pp];
      if (pp.attached_np < 0) return false;
      const absl::string_view prep = Prep(pp);
      if ((prep == "on" || prep == "about" || prep == "over") &&
          In(c_.talks_noun, ph_.nps[pp.attached_np].head)) {
        return true;
      }
      // "submitted an application for observer status": what is applied for.
      const Token& asked = t_[ph_.nps[pp.attached_np].head];
      if (prep == "for" && (asked.LemmaIs("application") || asked.LemmaIs("request") ||
                            asked.LemmaIs("bid") || asked.LemmaIs("candidacy") ||
                            asked.LemmaIs("petition"))) {
        return true;
      }
      x = pp.attached_np;
    }
    return false;
  }

  // The infinitive clause k says what the object of a causative verb was made to do
  // ("prompted China to sever ties"): done, as the causing was.
  bool Caused(const Clause& k) const {
    if (k.parent < 0 || clauses_[k.parent].verb < 0 || clauses_[k.parent].object < 0)
      return false;
    const VerbGroup& g = ph_.verbs[clauses_[k.parent].verb];
    return (t_[g.head].verb_forms & kObjectControl) && !g.future && !g.modal &&
           !g.negated && ph_.nps[clauses_[k.parent].object].range.end == k.range.begin;
  }

  // The infinitive clause k tells what a trip was for: its parent travelled ("flew to
  // Riyadh to attend") or is somewhere ("is in Riyadh to attend"), in the past or now.
  bool TripPurpose(const Clause& k) const {
    if (k.parent < 0 || clauses_[k.parent].verb < 0) return false;
    const VerbGroup& g = ph_.verbs[clauses_[k.parent].verb];
    if (g.future || g.modal || g.negated) return false;
    if (g.copula) {
      // The place right before the infinitive is opened by "in" ("is in Riyadh to").
      // A named place: not "is in line to take the chair".
      const int np = ph_.np_at[k.range.begin - 1];
      return np >= 0 && ph_.nps[np].range.begin > 0 && ph_.nps[np].head >= 0 &&
             t_[ph_.nps[np].head].tag == Tag::kProper &&
             (t_[ph_.nps[np].range.begin - 1].LowerIs("in") ||
              t_[ph_.nps[np].range.begin - 1].LowerIs("at"));
    }
    return x_.Contains(c_.journey_verb, g.lemma);
  }

  // "Jordan and Iraq's decision (earlier this month) to raise": a noun of a choice
  // made stands before the infinitive at i, time words between.
  bool DecisionBefore(int i) const {
    constexpr int kTimeWords = 3;  // "earlier this month"
    int k = i - 1;
    while (k > 0 && k >= i - kTimeWords &&
           (IsTimeWord(t_[k]) || t_[k].tag == Tag::kAdverb))
      --k;
    return k >= 0 && In(c_.decision_noun, k);
  }

  // Token k lies in an infinitive (complement) clause under clause c.
  bool InComplementBelow(int k, int c) const {
    for (int cc = sentence_.parse.clause_at[k], depth = 0;
         cc >= 0 && cc != c && depth < 8; cc = clauses_[cc].parent, ++depth) {
      if (clauses_[cc].kind == ClauseKind::kComplement) return true;
    }
    return false;
  }

  bool ClauseConditionsHold(const Frame& f, int c, int np,
                            const TokenRange& trigger) const {
    const TokenRange scope = c >= 0 ? clauses_[c].range : TokenRange{0, 0};
    if (!NeedsInScope(f, scope, c)) return false;
    // "pledged to lift trade to $1 billion": the trigger is not what it must be near.
    // The whole clause first: its answer is shared by every frame of the clause, and
    // most clauses hold none.
    for (ClassId cls : f.near) {
      // "trade climbed to $3 billion, and the two governments set a target of $10
      // billion": a clause joined by "and" shares the topic of the one before it.
      if (c >= 0 && clauses_[c].kind == ClauseKind::kCoordinate &&
          clauses_[c].parent >= 0 && !RangeHas(cls, scope) &&
          RangeHas(cls, {clauses_[clauses_[c].parent].range.begin, scope.begin})) {
        continue;
      }
      if (!RangeHas(cls, scope)) return false;
      if (!RangeHas(cls, {scope.begin, std::min(scope.end, trigger.begin)}) &&
          !RangeHas(cls, {std::max(scope.begin, trigger.end), scope.end})) {
        return false;
      }
    }
    for (ClassId cls : f.absent) {
      if (RangeHas(cls, scope) && HasOutsideSpeechTag(cls, scope, c, trigger))
        return false;
    }
    if (np >= 0) {
      for (ClassId cls : f.self_not) {
        if (RangeHas(cls, ph_.nps[np].range)) return false;
      }
    }
    if (c >= 0 && clauses_[c].verb >= 0) {
      for (ClassId cls : f.verb_not) {
        if (GovernorLemma(cls, ph_.verbs[clauses_[c].verb])) return false;
      }
    }
    if (f.needs_money && np >= 0 && !MoneyOfPhrase(np)) return false;
    if (f.needs_baseline &&
        BaselineAmount(x_, c_.amount_hedge, c_.baseline_opener, t_, sentence_.money,
                       scope.begin, scope.end) == nullptr) {
      return false;
    }
    if (f.needs_later_figure) {
      const DateMention* date = nullptr;
      if (LaterFigure(t_, sentence_.money, sentence_.dates, scope.begin, scope.end,
                      &date) == nullptr) {
        return false;
      }
    }
    if (f.needs_name) {
      // "The second Africa Business Forum opened": a verb's target that is its
      // subject must have the name.
      const bool subject_target =
          !f.target.empty() && f.target[0].first.kind == Slot::kSubject;
      const int named = np >= 0          ? np
                        : subject_target ? SubjectOf(sentence_.parse, c)
                                         : ClauseObject(c);
      if (named < 0 || !Named(named)) return false;
    }
    if (f.needs_unplaced_main_event && !UnplacedMainEvent(c, np)) return false;
    // "Protocol amending the Air Services Agreement": the line's document, not one a
    // participle after it names.
    if (f.needs_signed_list &&
        (!InSignedList() || clauses_[c].kind == ClauseKind::kParticipial ||
         !(OpensLine(np) || (np >= 0 && ph_.nps[np].pp < 0)))) {
      return false;
    }
    if (f.needs_counted_object) {
      const int counted = np < 0 ? ClauseObject(c) : -1;
      if (counted < 0 || !CountedPhrase(counted)) return false;
    }
    if (f.needs_indefinite_target && (c < 0 || !IndefiniteTarget(f, c))) return false;
    if (f.needs_own_date) {
      const int dated = np >= 0 ? np : ClauseObject(c);
      if (dated < 0 || !DatedPhrase(dated)) return false;
    }
    // "signed contracts with Swedish firms": the partner must act as well.
    if (f.needs_acting_subject && c >= 0 &&
        (DemonymOnThing(Passive(c) ? ByPhrase(c) : SubjectOf(sentence_.parse, c)) ||
         DemonymOnThing(PrepObject(c, "with")) || DocumentActs(c))) {
      return false;
    }
    if (f.needs_person_object) {
      const int object = np < 0 ? ClauseObject(c) : -1;
      if (object < 0 || !HeadIsPerson(object)) return false;
    }
    if (f.needs_thing_object) {
      const int object = np < 0 ? ClauseObject(c) : -1;
      if (object >= 0 && (HeadIsPerson(object) || HeadIsOffice(object))) return false;
    }
    if (f.needs_no_object && np < 0 && ClauseObject(c) >= 0) return false;
    if (!f.under.empty()) {
      int pp = np >= 0 ? ph_.nps[np].pp : -1;
      if (pp < 0) return false;
      const absl::string_view prep = Prep(ph_.pps[pp]);
      if (std::find(f.under.begin(), f.under.end(), prep) == f.under.end()) return false;
    }
    return true;
  }

  // An amount that belongs to a noun phrase: inside it or its prepositional phrases
  // ("trade of $36 billion"), or right before it ("$5 billion in trade").
  // The sentence has no verb and follows, across other verbless lines, one with a
  // @signed_list_cue ("Documents signed:"): a line of a list of documents signed.
  // Phrase np opens its line, after any number, bullet or dash ("1. Memorandum of
  // ...", "- Agreement on ..."): the line names that document. A document inside a
  // prepositional phrase elsewhere ("Much of the money lies in company deals") does
  // not.
  bool OpensLine(int np) const {
    if (np < 0) return false;
    int k = 0;
    const int n = static_cast<int>(t_.size());
    while (k < n && (t_[k].kind != TokenKind::kWord || t_[k].LowerIs("the") ||
                     t_[k].LowerIs("a") || t_[k].LowerIs("an"))) {
      ++k;
    }
    return ph_.nps[np].range.begin <= k && ph_.nps[np].range.end > k;
  }

  bool InSignedList() const {
    constexpr int kListWindow = 12;  // Lines of one list.
    // "Protocol amending the Air Services Agreement": a participle is no verb of
    // the line's own.
    auto verbless = [](const Sentence& x) {
      return std::all_of(x.parse.clauses.begin(), x.parse.clauses.end(),
                         [](const Clause& c) {
                           return c.verb < 0 || c.kind == ClauseKind::kParticipial;
                         });
    };
    if (!verbless(sentence_)) return false;
    for (int s = s_ - 1; s >= 0 && s >= s_ - kListWindow; --s) {
      const Sentence& x = item_.sentences[s];
      const int n = static_cast<int>(x.tokens.size());
      for (int k = 0; k < n; ++k) {
        if (x_.MatchAt(c_.signed_list_cue, x.tokens, k, n).length > 0) return true;
      }
      if (!verbless(x)) return false;
    }
    return false;
  }

  // The clause tells that event np takes place: np is the subject of a verb of
  // happening ("was held", "opened", @event_happening), or of the participle that
  // describes it ("the forum, held on 9-11 June, ...").
  bool EventTakesPlace(int c, int np) const {
    auto happens = [&](int clause) {
      const int verb = clauses_[clause].verb;
      return verb >= 0 && GovernorLemma(c_.event_happening, ph_.verbs[verb]);
    };
    if (c >= 0 && SubjectOf(sentence_.parse, c) == np && happens(c)) return true;
    for (size_t k = 0; k < clauses_.size(); ++k) {
      if (clauses_[k].kind == ClauseKind::kParticipial && clauses_[k].antecedent == np &&
          happens(static_cast<int>(k))) {
        return true;
      }
    }
    return false;
  }

  // A city mention among the capitalized words before the trigger in phrase np
  // ("the Tashkent Investment Forum"), as a place.
  void AddNamingCity(int np, const TokenRange& trigger, SlotView* view) const {
    const NounPhrase& x = ph_.nps[np];
    for (int k = std::max(x.range.begin, x.possessor_end); k < trigger.begin; ++k) {
      const int at = sentence_.mention_at[k];
      if (at < 0 || sentence_.mentions[at].kind != graph::EntityKind::kCity) continue;
      const Mention& m = sentence_.mentions[at];
      for (int j = m.end; j < trigger.begin; ++j) {
        if (!t_[j].capitalized) return;  // "Tashkent's new forum" names no forum.
      }
      for (Referent r : d_.InRange(s_, m.begin, m.end, /*as_place=*/true)) {
        view->referents.push_back(std::move(r));
      }
      return;
    }
  }

  // Phrase np is an amount of money ("$4 billion", "EUR 2 billion in loans").
  bool AmountPhrase(int np) const {
    const int head = ph_.nps[np].head;
    for (const MoneyMention& m : sentence_.money) {
      if (m.begin <= head && head < m.end) return true;
    }
    return false;
  }

  bool MoneyOfPhrase(int np) const {
    TokenRange r = ChainRange(np);
    for (const MoneyMention& m : sentence_.money) {
      if (r.Contains(m.begin)) return true;
      int gap = r.begin - m.end;
      if (gap >= 0 && gap <= 1) return true;
      // "set their sights on $10 billion", "put the target at $5 billion": the
      // amount in the preposition right after the phrase.
      // Not "to": "bringing trade to $10 billion" is where it is to go; but "the
      // doubling of trade to $65 billion" is where it went.
      if (m.begin == r.end + 1 && (t_[r.end].LowerIs("on") || t_[r.end].LowerIs("at") ||
                                   (t_[r.end].LowerIs("to") && OfAChange(np)))) {
        return true;
      }
      // "two-way trade of about $5.1 billion": "of" and a hedge before the amount.
      if (r.end + 2 == m.begin && t_[r.end].LowerIs("of") &&
          x_.ContainsWord(c_.amount_hedge, t_[r.end + 1])) {
        return true;
      }
    }
    return false;
  }

  // Phrase np is the "of" phrase of a noun of change: "the near-doubling of trade".
  bool OfAChange(int np) const {
    const int pp = ph_.nps[np].pp;
    if (pp < 0 || Prep(ph_.pps[pp]) != "of" || ph_.pps[pp].attached_np < 0) return false;
    const NounPhrase& owner = ph_.nps[ph_.pps[pp].attached_np];
    return x_.ContainsWord(c_.change_noun, t_[owner.head]) ||
           x_.Contains(c_.change_noun, t_[owner.head].lemma);
  }

  // A date inside a noun phrase or its prepositional phrases, not a deadline ("the
  // treaty of 2001", "the 2015 accord"; not "a plan for trade by 2030").
  bool DatedPhrase(int np) const {
    TokenRange r = ChainRange(np);
    for (const DateMention& d : sentence_.dates) {
      if (r.Contains(d.begin) && !IsTargetDate(t_, d)) return true;
    }
    return false;
  }

  // A phrase with a name of its own: a capitalized word or an ordinal after its
  // article ("the 10th summit", "the Astana International Forum").
  // Phrase np is the item's main event, its sentence says nowhere where a place is,
  // and its clause dates it within days of the report ("on Wednesday"), not in
  // another year ("the 1982 convention").
  bool UnplacedMainEvent(int c, int np) const {
    constexpr int kNearReportDays = 7;
    auto [s, main] = d_.MainEvent();
    if (np < 0 || s != s_ || main != np || !d_.reported().known()) return false;
    for (const PrepPhrase& pp : ph_.pps) {
      if (pp.np < 0 || pp.np == np || !IsLocationPrep(pp)) continue;
      for (const Referent& r : OfPhrase(pp.np, true)) {
        if (!r.party.empty() || !r.city.empty()) return false;
      }
    }
    const TokenRange scope = c >= 0 ? clauses_[c].range : ph_.nps[np].range;
    for (const DateMention& d : sentence_.dates) {
      if (!scope.Contains(d.begin) || d.date.precision != graph::DatePrecision::kDay)
        continue;
      const int64_t apart = d_.reported().FirstDay() - d.date.FirstDay();
      if (apart >= 0 && apart <= kNearReportDays) return true;
    }
    return false;
  }

  bool Named(int np) const {
    const NounPhrase& x = ph_.nps[np];
    for (int k = x.range.begin; k < x.range.end; ++k) {
      if (t_[k].tag == Tag::kDeterminer || t_[k].tag == Tag::kPossessive) continue;
      if (t_[k].capitalized || ParseOrdinal(t_[k])) return true;
    }
    return false;
  }

  bool Acceptable(const Frame& f, const Referent& r, bool target = false) const {
    if (r.thing >= 0) return true;
    // A state is a member of an organization, not of another state.
    if (target && f.type == RelationType::kMembership &&
        !absl::StartsWith(r.party, "org:")) {
      return false;
    }
    // A visit is to a host country ("flew to the G20" visits no one; its summit's
    // host is a forum's).
    if (target && f.type == RelationType::kVisit && !r.party.empty() &&
        !absl::StartsWith(r.party, "country:")) {
      return false;
    }
    if (r.party.empty()) return r.counterpart;
    if (f.needs_state_source && !target && !absl::StartsWith(r.party, "country:")) {
      return false;
    }
    if (f.needs_states && !absl::StartsWith(r.party, "country:")) return false;
    if (StatesOnly(f.type) && absl::StartsWith(r.party, "company:")) return false;
    // "the World Bank approved $250 million for the highway": a lender hosts no site.
    if (f.type == RelationType::kSite && !target &&
        !absl::StartsWith(r.party, "country:"))
      return false;
    // "Qatari companies will invest", "sanctions on Russian shipping firms": a state's
    // companies stand for it as an investor and as a measure's target, in no other act.
    if (r.unlisted_company && f.type != RelationType::kInvestment) return false;
    if (r.companies && f.type != RelationType::kInvestment &&
        !(target && f.type == RelationType::kSanction)) {
      return false;
    }
    // "trade with the five Central Asian states reached $95 billion": an amount
    // for an area as a whole is no member's.
    if (r.area &&
        (f.type == RelationType::kTradeVolume || f.type == RelationType::kTradeTarget ||
         f.type == RelationType::kInvestment)) {
      return false;
    }
    return absl::StartsWith(r.party, "country:") || absl::StartsWith(r.party, "org:") ||
           absl::StartsWith(r.party, "company:");
  }

  std::vector<Referent> Filter(const Frame& f, std::vector<Referent> in,
                               bool target = false) const {
    in.erase(std::remove_if(in.begin(), in.end(),
                            [&](const Referent& r) { return !Acceptable(f, r, target); }),
             in.end());
    return in;
  }

  // "his counterpart": the principal party the other side is not.
  void FillCounterparts(std::vector<Referent>& side,
                        const std::vector<Referent>& other) const {
    for (Referent& r : side) {
      if (!r.counterpart || !r.party.empty()) continue;
      for (const std::string& p : d_.principal()) {
        bool taken = false;
        for (const Referent& o : other) taken |= o.party == p;
        if (!taken && absl::StartsWith(p, "country:")) {
          r.party = p;
          break;
        }
      }
    }
  }

  static bool Same(const Referent& a, const Referent& b) {
    if (a.thing >= 0 || b.thing >= 0) return false;
    return a.party == b.party;
  }

  // Clause c is a past participle describing a phrase ("built by Rosatom", "which
  // was built by"), not one after "being".
  bool BuiltDescription(int c) const {
    const Clause& clause = clauses_[c];
    // "a wind farm, which was built by a consortium, began operation" too.
    if ((clause.kind != ClauseKind::kParticipial &&
         clause.kind != ClauseKind::kRelative) ||
        clause.verb < 0) {
      return false;
    }
    const VerbGroup& g = ph_.verbs[clause.verb];
    if (!g.passive || !(t_[g.head].verb_forms & kPastParticiple)) return false;
    for (int k = g.range.begin; k < g.head; ++k) {
      if (t_[k].LowerIs("being")) return false;
    }
    return g.range.begin == g.head || !t_[g.range.begin].LowerIs("being");
  }

  static int DistinctParties(const std::vector<Referent>& refs) {
    std::vector<absl::string_view> seen;
    for (const Referent& r : refs) {
      if (!r.party.empty() && std::find(seen.begin(), seen.end(), r.party) == seen.end())
        seen.push_back(r.party);
    }
    return static_cast<int>(seen.size());
  }

  // Every "with" phrase of clause c hangs on a noun inside another phrase of the
  // verb's object ("discussed the next steps in the peace process with X"), none
  // on the verb ("met with X") or on its object ("held talks with X").
  bool WithOnlyDeepInObject(int c) const {
    if (c < 0 || clauses_[c].verb < 0) return false;
    const Clause& clause = clauses_[c];
    bool any = false;
    for (int pp : clause.pps) {
      const PrepPhrase& with = ph_.pps[pp];
      if (Prep(with) != "with") continue;
      any = true;
      // Not after a time or a place ("signed on Thursday with X", "held talks in
      // Beijing with X"): those phrases are the verb's, and so is the "with".
      const int on = with.attached_np;
      if (on < 0 || on == clause.object || ph_.nps[on].pp < 0) return false;
      const Token& head = t_[ph_.nps[on].head];
      if (head.tag != Tag::kNoun || IsTimeWord(head)) return false;
    }
    return any;
  }

  // The distinct parties of a list in the order written; empty when a thing or a
  // nameless referent is among them.
  static std::vector<Referent> InListOrder(const std::vector<Referent>& list) {
    std::vector<Referent> out;
    for (const Referent& r : list) {
      if (r.party.empty()) return {};
      if (std::none_of(out.begin(), out.end(),
                       [&](const Referent& x) { return x.party == r.party; })) {
        out.push_back(r);
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Referent& x, const Referent& y) {
      return x.conjunct < y.conjunct;
    });
    return out;
  }

  // "Chad, Niger and Mali signed pacts with Togo, Benin and Ghana respectively": two
  // lists of as many parties, each paired with the one in its place. False when the
  // clause says no "respectively" or the lists differ in length.
  bool PairRespectively(int c, const std::vector<Referent>& a,
                        const std::vector<Referent>& b,
                        std::vector<std::pair<Referent, Referent>>* pairs) const {
    const TokenRange r = clauses_[c].range;
    bool respectively = false;
    for (int k = r.begin; k < r.end && k < static_cast<int>(t_.size()); ++k) {
      respectively |= t_[k].LowerIs("respectively");
    }
    if (!respectively) return false;
    std::vector<Referent> first = InListOrder(a), second = InListOrder(b);
    if (first.size() < 2 || first.size() != second.size()) return false;
    for (size_t k = 0; k < first.size(); ++k) {
      if (!Same(first[k], second[k])) pairs->emplace_back(first[k], second[k]);
    }
    return true;
  }

  void Cross(std::vector<Referent> a, std::vector<Referent> b,
             std::vector<std::pair<Referent, Referent>>* pairs) const {
    FillCounterparts(a, b);
    FillCounterparts(b, a);
    for (const Referent& x : a) {
      for (const Referent& y : b) {
        if ((x.party.empty() && x.thing < 0) || (y.party.empty() && y.thing < 0))
          continue;
        if (!Same(x, y)) pairs->emplace_back(x, y);
      }
    }
  }

  // "talks were held between Oman and Jordan, and between Iraq and Egypt": with two
  // or more "between" phrases, each pairs its own parties, not all with all. False
  // (and nothing added) when the slot is no "between", there is one phrase, or one of
  // them pairs nothing by itself.
  bool PairEachBetween(const Frame& f, const SlotChoice& choice, int c, int np,
                       std::vector<std::pair<Referent, Referent>>* pairs) const {
    if (choice.crossed || choice.first.kind != Slot::kPrep ||
        choice.first.prep != "between")
      return false;
    std::vector<int> between;
    auto collect = [&](const auto& pps) {
      for (int pp : pps) {
        if (ph_.pps[pp].np >= 0 && Prep(ph_.pps[pp]) == "between" &&
            std::find(between.begin(), between.end(), pp) == between.end()) {
          between.push_back(pp);
        }
      }
    };
    if (c >= 0) collect(clauses_[c].pps);
    if (np >= 0) collect(ph_.nps[np].pps);
    if (between.size() < 2) return false;
    std::vector<std::pair<Referent, Referent>> own;
    for (int pp : between) {
      std::vector<std::pair<Referent, Referent>> one;
      PairWithin(Filter(f, OfPhrase(ph_.pps[pp].np, false)), &one);
      if (one.empty()) return false;  // A phrase of one party: no pairs of its own.
      own.insert(own.end(), one.begin(), one.end());
    }
    pairs->insert(pairs->end(), own.begin(), own.end());
    apart_pairs_ = true;
    return true;
  }

  // The parties of one slot with each other: "Chile, Peru and Ghana signed" is three
  // pairs; "Germany and the five Central Asian states" is Germany with each of the
  // five, not the five among themselves.
  void PairWithin(const std::vector<Referent>& a,
                  std::vector<std::pair<Referent, Referent>>* pairs) const {
    std::map<int, int> per_conjunct;
    for (const Referent& r : a) ++per_conjunct[r.conjunct];
    bool mixed = per_conjunct.size() > 1;
    for (size_t i = 0; i < a.size(); ++i) {
      for (size_t j = i + 1; j < a.size(); ++j) {
        if (Same(a[i], a[j])) continue;
        // "between China and the five states", "between China and both countries":
        // a list or a group inside one conjunct pairs with the others, not within.
        bool same_group =
            a[i].conjunct == a[j].conjunct && a[i].conjunct >= 0 &&
            (per_conjunct[a[i].conjunct] >= 3 || (a[i].group && a[j].group));
        if (mixed && same_group) continue;
        pairs->emplace_back(a[i], a[j]);
      }
    }
  }

  // The referents of the first of `choices` that names any. For a target, the one
  // party of `source` named again through a pronoun does not count: "closed its embassy
  // in Paris" is no closure on itself, so the next choice ("in Paris") names the target.
  std::vector<Referent> FirstNonEmpty(
      const Frame& f, const std::vector<SlotChoice>& choices, int c, int np,
      const TokenRange& trigger, bool target,
      const std::vector<Referent>* source = nullptr) const {
    auto self = [&](const Referent& r) {
      return source != nullptr && source->size() == 1 && r.anaphor &&
             r.party == source->front().party;
    };
    for (const SlotChoice& choice : choices) {
      if (choice.first.kind == Slot::kItem && named_any_) continue;
      SlotView view = SlotOf(f, choice.first, c, np, trigger, target);
      // "the emir's trip" with no emir the item names is no one else's trip: a
      // noun's possessor that is no date settles who, named or not.
      if (choice.first.kind == Slot::kPossessor && np >= 0 && view.referents.empty() &&
          !view.ranges.empty() && !DatedRange(view.ranges.front())) {
        return {};
      }
      std::vector<Referent> r = Filter(f, std::move(view.referents), target);
      if (choice.crossed) {
        std::vector<Referent> more =
            Filter(f, SlotOf(f, choice.second, c, np, trigger, target).referents, target);
        r.insert(r.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
      }
      if (!r.empty() && std::all_of(r.begin(), r.end(), self)) continue;
      if (!r.empty()) return r;
    }
    return {};
  }

  // A date lies in `r`: "last year's visit", "Monday's talks".
  bool DatedRange(const TokenRange& r) const {
    return std::any_of(
        sentence_.dates.begin(), sentence_.dates.end(),
        [&](const DateMention& d) { return d.begin < r.end && d.end > r.begin; });
  }

  // "The EU-Indonesia agreement, signed on ...": the document (the noun trigger's
  // phrase, else the verb's object) names two parties of its own, and the item's
  // pair does not stand in for who signed it.
  bool DocumentNamesPair(int c, int np) const {
    const int document = np >= 0 ? np : ClauseObject(c);
    if (document < 0) return false;
    PartySet parties;
    auto add = [&](const TokenRange& r) {
      for (const Referent& x : InRange(r.begin, r.end)) {
        if (!x.party.empty() && !x.anaphor) parties.insert(x.party);
      }
    };
    add(ph_.nps[document].range);
    // "the Reciprocal Access Agreement between Tokyo and Manila".
    for (int pp : ph_.nps[document].pps) {
      if (Prep(ph_.pps[pp]) == "between" && ph_.pps[pp].np >= 0)
        add(ph_.nps[ph_.pps[pp].np].range);
    }
    return parties.size() >= 2;
  }

  // `named` is a single party of the item's principal pair.
  bool OneOfTheItemPair(const PartySet& named) const {
    if (named.size() != 1 || d_.principal().size() < 2) return false;
    const std::vector<std::string>& pair = d_.principal();
    return *named.begin() == pair[0] || *named.begin() == pair[1];
  }

  // The clause, or a noun trigger's own phrase, names a partner, resolved or not
  // ("with its neighbour", "between the two blocs").
  bool HasPartnerPhrase(int c, int np, const TokenRange& trigger) const {
    auto partner = [&](int pp) {
      const absl::string_view prep = Prep(ph_.pps[pp]);
      return prep == "with" || prep == "between";
    };
    for (int pp : clauses_[c].pps) {
      if (partner(pp)) return true;
    }
    if (np >= 0) {
      for (int pp : TriggerChain(np, trigger)) {
        if (partner(pp)) return true;
      }
    }
    return false;
  }

  // The state that owns a trade phrase earlier in the sentence than token `before`
  // ("Kazakhstan's trade with China ..."); "" when none.
  std::string EarlierTradeOwner(int before) const {
    for (const NounPhrase& x : ph_.nps) {
      if (x.range.begin >= before || x.possessor_end <= x.range.begin) continue;
      if (!In(c_.trade_noun, x.head)) continue;
      for (int k = x.range.begin; k < x.possessor_end; ++k) {
        const int m = sentence_.mention_at[k];
        if (m >= 0 && absl::StartsWith(sentence_.mentions[m].country, "country:")) {
          return sentence_.mentions[m].country;
        }
      }
    }
    return "";
  }

  // The clause's subject is a company or other body that acts for no state ("the
  // companies said in a joint statement"): the item's pair does not stand in for it.
  bool PrivateSubject(int c) const {
    const int subject = c >= 0 ? SubjectOf(sentence_.parse, c) : -1;
    if (subject < 0) return false;
    const NounPhrase& x = ph_.nps[subject];
    return ActsForNoState(k_, t_, x.conjuncts.empty() ? x.range : x.conjuncts.back());
  }

  std::vector<std::pair<Referent, Referent>> Parties(const Frame& f, int c, int np,
                                                     const TokenRange& trigger) const {
    std::vector<std::pair<Referent, Referent>> pairs;
    const bool private_subject = PrivateSubject(c);
    named_any_ = private_subject;
    apart_pairs_ = false;
    if (!f.parties.empty()) {
      PartySet named;  // Parties the alternatives tried so far named.
      PartySet said;   // The same, with those named through anaphora.
      // Whether a slot other than a crossed choice's partner ("with") named a party:
      // "Trade with Argentina totalled ..." names the partner only, and leaves the
      // home state to the item.
      bool owner_named = false;
      for (const SlotChoice& choice : f.parties) {
        // "A Kenyan exporter signed a contract with a Dutch firm": the item's other
        // party is not who signed with the Dutch side.
        if (choice.crossed && choice.second.kind == Slot::kItem && private_subject) {
          continue;
        }
        // The item's pair stands in when the text names no party at all, or only one
        // of the pair with no partner phrase ("Kenya aims to raise trade to $5
        // billion" in an item on Kenya and Peru); "X's trade with its neighbour" is
        // not trade between the item's two countries.
        if (choice.first.kind == Slot::kItem &&
            ((named_any_ && !(OneOfTheItemPair(said) &&
                              (!HasPartnerPhrase(c, np, trigger) || !owner_named))) ||
             DocumentNamesPair(c, np))) {
          continue;
        }
        std::vector<Referent> a =
            Filter(f, SlotOf(f, choice.first, c, np, trigger, false).referents);
        // "Trump and an unnamed premier held a bilateral meeting": "bilateral" stands
        // for a pair that holds the parties the clause names, or for none.
        if (choice.first.kind == Slot::kGroup && !choice.crossed && !named.empty()) {
          bool covers = true;
          for (const std::string& party : named) {
            covers &= std::any_of(a.begin(), a.end(),
                                  [&](const Referent& r) { return r.party == party; });
          }
          if (!covers) continue;
        }
        for (const Referent& r : a) {
          if (!r.party.empty() && !r.anaphor) named.insert(r.party);
          if (!r.party.empty()) said.insert(r.party);
        }
        // The dateline's country names no party by itself ("host+with" without a
        // "with" phrase leaves the item's pair to stand in).
        if (choice.first.kind != Slot::kHost) named_any_ |= !a.empty();
        if (choice.first.kind != Slot::kHost && choice.first.kind != Slot::kItem)
          owner_named |= !a.empty();
        // "The two discussed the next steps in the peace process with Azerbaijan": when
        // the subject already names both sides, a "with" phrase past the verb's object
        // is about the topic, not a third side at the table.
        if (choice.crossed && np < 0 && graph::IsSymmetric(f.type) &&
            choice.first.kind == Slot::kSubject && choice.second.kind == Slot::kPrep &&
            choice.second.prep == "with" && DistinctParties(a) >= 2 &&
            WithOnlyDeepInObject(c)) {
          continue;
        }
        if (choice.crossed) {
          std::vector<Referent> b =
              Filter(f, SlotOf(f, choice.second, c, np, trigger, false).referents);
          if (choice.second.kind != Slot::kItem) {
            named_any_ |= !b.empty();
            for (const Referent& r : b) {
              if (!r.party.empty()) said.insert(r.party);
            }
          }
          if (choice.first.kind == Slot::kHost && !b.empty()) named_any_ = true;
          if (a.empty() || b.empty()) continue;
          if (choice.second.kind == Slot::kItem && b.size() > 1) {
            // "an agreement with China" in an item about two others: with the one of
            // them the text spoke of last, not with both.
            std::vector<std::string> options;
            for (const Referent& r : b) {
              bool named_in_a = std::any_of(a.begin(), a.end(), [&](const Referent& x) {
                return x.party == r.party;
              });
              if (!named_in_a) options.push_back(r.party);
            }
            if (options.size() > 1) {
              std::string last = d_.LastNamedOf(s_, trigger.begin, options);
              if (!last.empty()) {
                b.erase(std::remove_if(b.begin(), b.end(),
                                       [&](const Referent& r) {
                                         return r.party != last &&
                                                std::find(options.begin(), options.end(),
                                                          r.party) != options.end();
                                       }),
                        b.end());
              }
            }
          }
          // "Azerbaijan, along with Kazakhstan and Uzbekistan, signed": those
          // "along with" or "together with" the subject act with each other too.
          const bool comitative = graph::IsSymmetric(f.type) &&
                                  choice.second.kind == Slot::kPrep &&
                                  choice.second.prep == "with" && b.size() > 1 &&
                                  RangeHas(c_.comitative_prep, clauses_[c].range);
          if (comitative) PairWithin(b, &pairs);
          if (!PairRespectively(c, a, b, &pairs))
            Cross(std::move(a), std::move(b), &pairs);
        } else if (PairEachBetween(f, choice, c, np, &pairs)) {
          // Each "between" phrase paired its own parties.
        } else if (!RangeHas(c_.apart_cue, ApartScope(clauses_[c].range))) {
          PairWithin(a, &pairs);
        }
        if (f.needs_person) {
          pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                                     [](const auto& p) {
                                       return !p.second.human && !p.first.human;
                                     }),
                      pairs.end());
        }
        if (!pairs.empty()) break;
      }
      // "Kazakhstan's trade with China reached $44 billion, while trade with Russia
      // stood at $28 billion": a figure for trade with a partner only, after one
      // for a state's trade in the same sentence, is that state's.
      if (pairs.empty() && !owner_named && said.size() == 1 &&
          (f.type == RelationType::kTradeVolume ||
           f.type == RelationType::kTradeTarget)) {
        const std::string owner = EarlierTradeOwner(trigger.begin);
        const std::string& partner = *said.begin();
        if (!owner.empty() && owner != partner) {
          Referent home, other;
          home.party = owner;
          home.anaphor = true;
          other.party = partner;
          pairs.emplace_back(std::move(home), std::move(other));
        }
      }
      return pairs;
    }
    std::vector<Referent> source = FirstNonEmpty(f, f.source, c, np, trigger, false);
    if (source.empty()) return pairs;
    // "The ministries of Kyrgyzstan, Kazakhstan and Uzbekistan agreed on building the
    // plant": a site stands in one state; of a list of builders, the one whose city or
    // region the text names with it, else the item's host, else none.
    if (f.type == RelationType::kSite && DistinctParties(source) >= 2) {
      std::vector<std::string> states;
      for (const Referent& r : source) states.push_back(r.party);
      std::string placed = d_.PlacedIn(s_, states);
      // "The two leaders agreed to develop the port" in a report of a visit or from a
      // dateline: the host's or the dateline's state, when it is one of them.
      for (const std::string& host : {d_.dateline_host(), VisitHost()}) {
        if (placed.empty() && !host.empty() &&
            std::find(states.begin(), states.end(), host) != states.end()) {
          placed = host;
        }
      }
      source.erase(std::remove_if(source.begin(), source.end(),
                                  [&](const Referent& r) { return r.party != placed; }),
                   source.end());
      if (source.empty()) return pairs;
    }
    named_any_ = PrivateSubject(c);
    std::vector<Referent> target =
        FirstNonEmpty(f, f.target, c, np, trigger, true, &source);
    bool item_target = !target.empty() && target[0].group && target[0].anaphor;
    if (item_target) {
      // "item" names the other side of the pair: only when the source is in it.
      bool source_in_pair = false;
      for (const Referent& s : source) {
        for (const Referent& u : target) source_in_pair |= u.party == s.party;
      }
      if (!source_in_pair) target.clear();
    }
    // "New Delhi and Ottawa each expelled six diplomats": each did it to the other.
    if (target.empty() && f.type == RelationType::kDowngrade && EachOfSubject(c) &&
        DistinctParties(source) >= 2) {
      for (const Referent& a : source) {
        for (const Referent& b : source) {
          if (!a.party.empty() && !b.party.empty() && a.party != b.party)
            pairs.emplace_back(a, b);
        }
      }
      return pairs;
    }
    // "Kazakhstan and Kyrgyzstan visited Tehran and Baku, respectively".
    if (!PairRespectively(c, source, target, &pairs))
      Cross(std::move(source), std::move(target), &pairs);
    if (f.needs_person) {
      pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                                 [](const auto& p) { return !p.second.human; }),
                  pairs.end());
    }
    return pairs;
  }

  // The host of the item's visit; "" before one is noted.
  std::string VisitHost() const {
    const std::vector<std::string> parties = d_.VisitParties();
    return parties.size() == 2 ? parties[1] : "";
  }

  // "each" right after a conjoined subject of clause c: "X and Y each recalled".
  bool EachOfSubject(int c) const {
    if (c < 0) return false;
    const int subject = clauses_[c].subject;
    if (subject < 0 || ph_.nps[subject].conjuncts.size() < 2) return false;
    const int after = ph_.nps[subject].range.end;
    return after < static_cast<int>(t_.size()) && t_[after].LowerIs("each");
  }

  // "The EU's envoy held talks with the ministers of the five Central Asian states":
  // one party in every pair, an organization meeting each of a group, is so many
  // meetings of two, not a gathering of all.
  static bool OneHub(const std::vector<std::pair<Referent, Referent>>& pairs) {
    return OneSource(pairs) && absl::StartsWith(pairs[0].first.party, "org:");
  }

  // Two pairs or more, all with the same first party.
  static bool OneSource(const std::vector<std::pair<Referent, Referent>>& pairs) {
    if (pairs.size() < 2) return false;
    for (const auto& [a, b] : pairs) {
      if (a.party != pairs[0].first.party) return false;
    }
    return true;
  }

  // One party meets several, each of them apart: "The Indian minister met (held
  // talks with) his counterparts from Chile, Peru and Ghana"; one person "met the
  // presidents of Brazil and South Africa" or "met Putin, Modi and Erdogan". Not "X
  // and his counterparts from A and B met" (one meeting of them all), nor a host
  // receiving several ("hosted the presidents of ..." holds a summit).
  bool CounterpartsMet(int c,
                       const std::vector<std::pair<Referent, Referent>>& pairs) const {
    if (!OneSource(pairs)) return false;
    const TokenRange& range = clauses_[c].range;
    const int subject = SubjectOf(sentence_.parse, c);
    for (int k = range.begin; k < range.end; ++k) {
      if (subject >= 0 && ph_.nps[subject].range.Contains(k)) continue;
      if (t_[k].LowerIs("counterparts")) return true;
    }
    const int verb = clauses_[c].verb;
    const int object = ClauseObject(c);
    if (verb < 0 || ph_.verbs[verb].lemma != "meet" || subject < 0 || object < 0 ||
        ph_.nps[subject].conjuncts.size() > 1 || !HeadIsPerson(subject)) {
      return false;
    }
    return HeadIsOffice(object) ||
           (ph_.nps[object].conjuncts.size() >= 2 && HeadIsPerson(object));
  }

  // "export controls on Russia and Belarus, but not on Kazakhstan": the parties
  // named only after an exclusion cue of the clause take no part.
  void DropExcluded(int c, std::vector<std::pair<Referent, Referent>>* pairs) const {
    const TokenRange& range = clauses_[c].range;
    int cue = -1;
    const int end = std::min<int>(range.end, t_.size());
    if (!x_.FindIn(c_.exclusion_cue, t_, range.begin, end, &cue, nullptr)) return;
    std::set<std::string> before, after;
    for (const Referent& r : InRange(range.begin, cue)) before.insert(r.party);
    for (const Referent& r : InRange(cue, end)) after.insert(r.party);
    auto excluded = [&](const Referent& r) {
      return !r.party.empty() && after.contains(r.party) && !before.contains(r.party);
    };
    pairs->erase(std::remove_if(pairs->begin(), pairs->end(),
                                [&](const auto& p) {
                                  return excluded(p.first) || excluded(p.second);
                                }),
                 pairs->end());
  }

  // "Egypt hopes to attract Saudi investment": a wish stands for a pledge only when
  // it is the source's own; the target wishing for it promises nothing.
  void DropOthersWishes(const Frame& f, int wisher,
                        std::vector<std::pair<Referent, Referent>>* pairs) const {
    if (wisher < 0 || graph::IsSymmetric(f.type)) return;
    const int np = SubjectOf(sentence_.parse, wisher);
    if (np < 0) return;
    std::set<std::string> wishing;
    for (const Referent& r : OfPhrase(np, false)) wishing.insert(r.party);
    pairs->erase(std::remove_if(pairs->begin(), pairs->end(),
                                [&](const auto& p) {
                                  return wishing.count(p.second.party) > 0 &&
                                         wishing.count(p.first.party) == 0;
                                }),
                 pairs->end());
  }

  // A @partnership_stage phrase ends right before phrase np ("a new stage in [the
  // partnership]").
  bool StageOfPartnership(int np) const {
    constexpr int kStageWindow = 4;  // "new stage of", "fresh impetus to"
    const int begin = ph_.nps[np].range.begin;
    for (int k = std::max(0, begin - kStageWindow); k < begin; ++k) {
      if (x_.MatchAt(c_.partnership_stage, t_, k, begin).length == begin - k) return true;
    }
    return false;
  }

  // A relative or participial clause describing phrase np gives a date.
  bool DescribedWithDate(int np) const {
    for (size_t c = 0; c < clauses_.size(); ++c) {
      if (clauses_[c].antecedent != np) continue;
      for (const DateMention& d : sentence_.dates) {
        if (clauses_[c].range.Contains(d.begin)) return true;
      }
    }
    return false;
  }

  // "the Enhanced Partnership and Cooperation Agreement": phrase np is headed by a
  // capitalized document's kind with a capitalized word before it, a document's
  // title, whatever partnership word it holds.
  bool DocumentTitle(int np) const {
    const NounPhrase& x = ph_.nps[np];
    const int head = x.head;
    return head > x.range.begin && t_[head].capitalized && t_[head - 1].capitalized &&
           x_.OneWordAt(c_.agreement_kind, t_, head);
  }

  // The capitalized trigger at `trigger` of phrase np is in the name of a programme
  // of many parties ("the Regional Comprehensive Economic Partnership", @programme_word)
  // or a name going on after it with words of its own ("a Partnership for Growth"; not
  // "the China-Peru Comprehensive Strategic Partnership").
  bool NamedProgramme(int np, const TokenRange& trigger) const {
    if (!t_[trigger.begin].capitalized) return false;
    const TokenRange r = ChainRange(np);
    int end = r.end;
    // "for Growth": a capitalized phrase right after the name goes with it.
    for (int pp : ph_.nps[np].pps) {
      const PrepPhrase& p = ph_.pps[pp];
      if (p.np >= 0 && t_[ph_.nps[p.np].head].capitalized)
        end = std::max(end, ph_.nps[p.np].range.end);
    }
    for (int k = ph_.nps[np].range.begin; k < end; ++k) {
      const Token& w = t_[k];
      if (trigger.Contains(k) || !w.capitalized || w.tag == Tag::kDeterminer) continue;
      // Before the trigger, only words of many parties' programmes ("Regional",
      // "Trans-Pacific") name one: "a Comprehensive Economic and Maritime Security
      // Partnership" is the parties' own.
      if (k < trigger.begin) {
        if (In(c_.programme_word, k)) return true;
        continue;
      }
      if (sentence_.mention_at[k] >= 0 || IsTimeWord(w)) continue;
      const int level = x_.MatchAt(c_.partnership_level, t_, k, end).length;
      if (level > 0) {
        k += level - 1;
        continue;
      }
      return true;
    }
    return false;
  }

  void TryFrame(const Frame& f, int c, const TokenRange& trigger, int np) {
    if (c < 0) return;
    object_class_ = -1;
    for (const Frame::Condition& cond : f.requires_in_slot) {
      if (cond.slot.kind == Slot::kObject) object_class_ = cond.cls;
    }
    if (sentence_.attribution.Contains(trigger.begin) ||
        sentence_.dateline.Contains(trigger.begin))
      return;
    // "formed the Alliance of Sahel States": a partnership's word in the name of an
    // organization the clause acts on names that body, not a partnership.
    if (f.type == RelationType::kPartnership && np < 0 && clauses_[c].object >= 0) {
      const int head = ph_.nps[clauses_[c].object].head;
      const int m = head >= 0 ? sentence_.mention_at[head] : -1;
      if (m >= 0 && sentence_.mentions[m].kind == graph::EntityKind::kOrganization)
        return;
    }
    // "Merz travels on Thursday to Ghana": a journey told in the simple present in a
    // report's body is one still on the schedule (a headline's present is its news).
    if (f.type == RelationType::kVisit && np < 0 && ScheduledJourney(c)) return;
    // "India is also negotiating with the EU": talks under way are a process, not a
    // meeting on a day.
    if (f.type == RelationType::kMeeting && np < 0 && OngoingTalk(c)) return;
    // "the Rooppur plant, built by Rosatom, was commissioned": a facility described
    // as built is no construction under way ("being built by" is).
    if (f.type == RelationType::kSite && np < 0 && BuiltDescription(c)) return;
    // "the Regional Comprehensive Economic Partnership", "a Partnership for Growth":
    // a programme's or a bloc's name, no partnership of the parties; "upgraded ties
    // from a strategic partnership to ...": the level they leave.
    // "signed the Enhanced Partnership and Cooperation Agreement", "the Strategic
    // Partnership Agreement was signed": a partnership word in a document's title
    // (the trigger's phrase, or the object a verb acts on) makes no partnership.
    if (f.type == RelationType::kPartnership) {
      const int named = np >= 0 ? np : ClauseObject(c);
      if (named >= 0 && DocumentTitle(named)) return;
    }
    if (f.type == RelationType::kPartnership && np >= 0 &&
        (NamedProgramme(np, trigger) ||
         (ph_.nps[np].pp >= 0 && t_[ph_.pps[ph_.nps[np].pp].prep].LowerIs("from")))) {
      return;
    }
    // "the visit marks a new stage in the strategic partnership": one that stands
    // already, unless a clause describing it tells when it was made ("... the
    // partnership they concluded in 2008").
    if (f.type == RelationType::kPartnership && np >= 0 && StageOfPartnership(np) &&
        !DescribedWithDate(np)) {
      return;
    }
    // Most frames tried fail a condition: the clause's mood, which costs more, is
    // read only for those that hold (both are pure tests, so the order changes
    // nothing but the work).
    if (!ConditionsHold(f, c, np, trigger)) return;
    Mood mood = MemoMoodOf(c, trigger, np);
    const bool wished =
        mood.wished || EventForLater(f, c, np) || (mood.pledged && !f.pledged_mood);
    const bool irrealis = mood.irrealis || wished;
    if (mood.blocked || mood.weighed ||
        (irrealis && !f.any_mood && !(f.future_mood && !wished))) {
      return;
    }
    std::vector<std::pair<Referent, Referent>> pairs = Parties(f, c, np, trigger);
    DropExcluded(c, &pairs);
    if (wished && f.any_mood) DropOthersWishes(f, mood.wisher, &pairs);
    if (pairs.empty()) return;
    // "held separate talks with X, Y and Z" is three meetings after all; not under a
    // frame of two parties at most ("the summit between Central Asia and the GCC").
    constexpr int kPairOnly = 2;
    if (f.max_parties > 0 &&
        (f.max_parties <= kPairOnly ||
         (!apart_pairs_ && !RangeHas(c_.separate_cue, clauses_[c].range) &&
          !OneHub(pairs) && !CounterpartsMet(c, pairs)))) {
      PartySet parties;
      for (const auto& [a, b] : pairs) {
        parties.insert(a.party);
        parties.insert(b.party);
      }
      if (static_cast<int>(parties.size()) > f.max_parties) return;
    }
    FrameMatch m;
    m.frame = &f;
    m.sentence = s_;
    m.clause = c;
    m.trigger = trigger;
    m.np = np;
    m.irrealis = irrealis;
    m.object_np = np < 0 ? ClauseObject(c) : -1;
    if (const int before = np < 0 ? ObjectItStandsFor(c) : -1; before >= 0) {
      m.object_np = before;  // "extended it": what "it" stands for.
    }
    // "agreed on a roadmap", "entered into an agreement": with no object, the phrase
    // the frame's class condition found after its preposition is what was agreed.
    if (np < 0 && m.object_np < 0) m.object_np = ConditionPhrase(f, c);
    m.pairs = std::move(pairs);
    out_.push_back(std::move(m));
  }

  const Knowledge& k_;
  const Lexicon& x_;
  const KnownClasses& c_;
  const Discourse& d_;
  const ItemText& item_;
  const int s_;
  const Sentence& sentence_;
  const std::vector<Token>& t_;
  const Phrases& ph_;
  const std::vector<Clause>& clauses_;
  std::vector<FrameMatch> out_;
  // While a forum's or site's target slot is read: phrases are things, not parties.
  mutable bool thing_target_ = false;
  // While a frame's alternatives are tried: some slot named a party.
  mutable bool named_any_ = false;
  // The pairs Parties gave are each a phrase's own ("between A and B, and between C
  // and D"): so many meetings of two, whatever the parties in all.
  mutable bool apart_pairs_ = false;
  // The class an event or site target's phrase must hold.
  mutable ClassId thing_class_ = -1;
  // The class the frame wants its object to hold (obj=@class), or -1.
  ClassId object_class_ = -1;
  // Memoized Discourse answers (OfPhrase, InRange above); std::map keeps the
  // references it hands out valid.
  mutable std::map<std::pair<int, bool>, std::vector<Referent>> of_phrase_;
  mutable std::map<std::pair<int, int>, std::vector<Referent>> in_range_;
  mutable std::vector<std::optional<std::vector<int>>> chains_;  // Chain's, per phrase.
  // Prep's spelling of the prepositions of several words, by (first token, words);
  // std::map keeps the views it hands out valid.
  mutable std::map<std::pair<int, int>, std::string> long_preps_;
  std::map<std::tuple<int, int, int>, Mood> moods_;  // MemoMoodOf's.
  mutable std::optional<bool> about_the_visit_;      // AboutTheVisit's.
  // RangeHas's, by class, first token and end (see its key).
  mutable absl::flat_hash_map<uint64_t, bool> range_has_;
  mutable std::vector<int> as_did_;  // AsDidPhrase per clause, kUnread until asked.
};

}  // namespace

std::vector<FrameMatch> MatchFrames(const Knowledge& knowledge,
                                    const Discourse& discourse, const ItemText& item,
                                    int s, bool headline_too) {
  if (item.sentences[s].headline && !headline_too) return {};
  return SentenceMatcher(knowledge, discourse, item, s).Run();
}

namespace {

// Relations a state that "follows" takes over: a measure or a step of its own
// toward the same counterpart.
bool Followable(RelationType type) {
  return type == RelationType::kMembership || type == RelationType::kSanction ||
         type == RelationType::kDowngrade || type == RelationType::kDeclaration;
}

// A clause of the sentence holds a date of its own.
bool ClauseDated(const Sentence& sentence, const Clause& clause) {
  return std::any_of(
      sentence.dates.begin(), sentence.dates.end(),
      [&](const DateMention& d) { return clause.range.Contains(d.begin); });
}

// The model's match told again by clause c of sentence s, whose verb group is
// `trigger`, with the model's parties until the caller sets others.
FrameMatch RetoldAt(const FrameMatch& model, int s, int c, const TokenRange& trigger) {
  FrameMatch copy = model;
  copy.sentence = s;
  copy.clause = c;
  copy.trigger = trigger;
  copy.np = -1;
  copy.object_np = -1;
  copy.irrealis = false;
  return copy;
}

// How clause c of a sentence takes up the model: as a follower that repeats it
// for itself, as its target answering back, or not at all.
enum class Follow { kNone, kRepeats, kAnswers };

Follow FollowOf(const Sentence& sentence, int c, const std::vector<FrameMatch>& matches,
                const FrameMatch& model) {
  const SentenceParse& parse = sentence.parse;
  const std::vector<Token>& t = sentence.tokens;
  const int n = static_cast<int>(t.size());
  const Clause& clause = parse.clauses[c];
  const VerbGroup& g = parse.phrases.verbs[clause.verb];
  // "Kuwait did the same", "took the same step", "did likewise": so does one who
  // repeats it.
  auto object_says_same = [&] {
    if (clause.object < 0) return false;
    const TokenRange& o = parse.phrases.nps[clause.object].range;
    for (int k = o.begin; k < o.end; ++k) {
      if (t[k].LowerIs("same") || t[k].LowerIs("similar") || t[k].LowerIs("likewise"))
        return true;
    }
    return false;
  };
  const bool likewise = g.range.end < n && t[g.range.end].LowerIs("likewise");
  const bool repeats = g.lemma == "follow" || ((g.lemma == "do" || g.lemma == "take") &&
                                               (object_says_same() || likewise));
  // "Moscow retaliated the same day", "Ottawa reciprocated on Friday", "responded in
  // kind": the target of a measure answers with the same one, back.
  const bool in_kind = g.range.end + 1 < n && t[g.range.end].LowerIs("in") &&
                       t[g.range.end + 1].LowerIs("kind");
  const bool answers = (g.lemma == "retaliate" || g.lemma == "reciprocate" ||
                        (g.lemma == "respond" && in_kind)) &&
                       (model.frame->type == RelationType::kSanction ||
                        model.frame->type == RelationType::kDowngrade);
  // Not "is expected to follow": a plan; nor a follower with no time of its own
  // ("Niger followed within days"), whose date the text leaves to guess.
  if (!(repeats || answers) || g.negated || g.future || g.modal || g.passive ||
      g.infinitive || g.nonfinite) {
    return Follow::kNone;
  }
  if (!ClauseDated(sentence, clause)) return Follow::kNone;
  if (answers) {
    // "retaliated with duties on Canadian peas": the answer is the measure it names.
    const bool names_its_own =
        clause.object >= 0 ||
        std::any_of(matches.begin(), matches.end(), [&](const FrameMatch& m) {
          return clause.range.Contains(m.trigger.begin);
        });
    return names_its_own ? Follow::kNone : Follow::kAnswers;
  }
  // "followed suit", "followed a month later": no object but these.
  if (g.lemma == "follow" && clause.object >= 0) {
    const int object_head = parse.phrases.nps[clause.object].head;
    if (object_head < 0) return Follow::kNone;
    const Token& head = t[object_head];
    if (!head.LowerIs("suit") && !head.LemmaIs("day") && !head.LemmaIs("week") &&
        !head.LemmaIs("month") && !head.LemmaIs("year") && !head.LemmaIs("decade")) {
      return Follow::kNone;
    }
  }
  return Follow::kRepeats;
}

// The model's pairs taken up by the parties of `followers`: each repeats the measure
// on the model's target, or, answering, turns it back on the model's source.
std::vector<std::pair<Referent, Referent>> FollowerPairs(
    const std::vector<Referent>& followers, const FrameMatch& model, Follow follow) {
  std::vector<std::pair<Referent, Referent>> pairs;
  for (const Referent& follower : followers) {
    if (follower.party.empty()) continue;
    for (const auto& [source, target] : model.pairs) {
      if (follower.party == source.party) continue;
      if (follow == Follow::kAnswers) {
        if (follower.party != target.party) continue;
        pairs.emplace_back(follower, source);
        break;
      }
      if (follower.party == target.party) continue;
      pairs.emplace_back(follower, target);
      break;
    }
  }
  return pairs;
}

// "Kazakhstan joined the OSCE in 1992, and Uzbekistan followed a month later",
// "Canada imposed sanctions on X. Britain followed suit on Friday": a clause whose
// verb is "follow", with no object but "suit", tells that its subject did what
// the last followable match did, to the same counterpart. `model` is that match
// (from this sentence or one before), updated as the sentence's matches pass.
void AddFollowers(const Discourse& discourse, const ItemText& item, int s,
                  std::vector<FrameMatch>* matches, std::optional<FrameMatch>* model) {
  const Sentence& sentence = item.sentences[s];
  if (sentence.headline) return;
  const SentenceParse& parse = sentence.parse;
  std::vector<FrameMatch> followers;
  size_t next = 0;
  for (size_t c = 0; c < parse.clauses.size(); ++c) {
    const Clause& clause = parse.clauses[c];
    if (clause.verb < 0) continue;
    const VerbGroup& g = parse.phrases.verbs[clause.verb];
    // The matches told before this clause's verb are the ones it may follow.
    for (; next < matches->size() && (*matches)[next].trigger.begin < g.range.begin;
         ++next) {
      if (Followable((*matches)[next].frame->type)) *model = (*matches)[next];
    }
    if (!model->has_value()) continue;
    const Follow follow = FollowOf(sentence, static_cast<int>(c), *matches, **model);
    if (follow == Follow::kNone) continue;
    // The subject is a state or a body itself ("Latvia followed"), not a thing of
    // one ("Egyptian arms shipments followed").
    const int subject = SubjectOf(parse, static_cast<int>(c));
    if (subject < 0) continue;
    const int head = parse.phrases.nps[subject].head;
    if (head < 0 || sentence.mention_at[head] < 0) continue;
    FrameMatch copy = RetoldAt(**model, s, static_cast<int>(c), g.range);
    copy.pairs = FollowerPairs(discourse.OfPhrase(s, subject), **model, follow);
    if (!copy.pairs.empty()) followers.push_back(std::move(copy));
  }
  for (; next < matches->size(); ++next) {
    if (Followable((*matches)[next].frame->type)) *model = (*matches)[next];
  }
  for (FrameMatch& f : followers) matches->push_back(std::move(f));
}

// "imposed definitive duties on Chinese plywood, confirming provisional levies it
// introduced in July", "doubling the 10% duty imposed on Feb. 4": a clause that
// describes an earlier measure of the sentence's own sanction (a participle or relative
// clause of imposing, with a date of its own and no match of its own) tells when that
// earlier measure was imposed, between the same parties.
void AddDescribedMeasures(const Knowledge& knowledge, const ItemText& item, int s,
                          std::vector<FrameMatch>* matches) {
  const Sentence& sentence = item.sentences[s];
  const SentenceParse& parse = sentence.parse;
  const Lexicon& x = knowledge.lexicon();
  const KnownClasses& k = knowledge.classes();
  // A model that imposes: one that extends or lifts would pass its action on.
  auto imposes = [](const Frame& f) {
    return std::none_of(f.constants.begin(), f.constants.end(), [](const auto& kv) {
      return kv.first == "action" && kv.second != "imposed";
    });
  };
  auto model = std::find_if(matches->begin(), matches->end(), [&](const FrameMatch& m) {
    return m.frame->type == RelationType::kSanction && !m.pairs.empty() && !m.irrealis &&
           imposes(*m.frame);
  });
  if (model == matches->end()) return;
  std::vector<FrameMatch> described;
  for (size_t c = 0; c < parse.clauses.size(); ++c) {
    const Clause& clause = parse.clauses[c];
    if (static_cast<int>(c) == model->clause || clause.verb < 0 ||
        (clause.kind != ClauseKind::kParticipial &&
         clause.kind != ClauseKind::kRelative)) {
      continue;
    }
    const VerbGroup& g = parse.phrases.verbs[clause.verb];
    if (g.negated || g.future || g.modal || !x.Contains(k.impose_verb, g.lemma)) continue;
    // What it imposed: the noun it describes, or its object.
    const int measure = clause.antecedent >= 0 ? clause.antecedent : clause.object;
    if (measure < 0) continue;
    const NounPhrase& phrase = parse.phrases.nps[measure];
    if (x.MatchAt(k.sanction_noun, sentence.tokens, phrase.head, phrase.head + 1)
            .length == 0)
      continue;
    const bool matched =
        std::any_of(matches->begin(), matches->end(),
                    [&](const FrameMatch& m) { return m.clause == static_cast<int>(c); });
    if (!ClauseDated(sentence, clause) || matched) continue;
    described.push_back(RetoldAt(*model, s, static_cast<int>(c), g.range));
  }
  for (FrameMatch& m : described) matches->push_back(std::move(m));
}

}  // namespace

void MatchItem(const Knowledge& knowledge, const Discourse& discourse,
               const ItemText& item, absl::FunctionRef<void(const FrameMatch&)> use) {
  bool any = false;
  std::optional<FrameMatch> model;
  for (size_t s = 0; s < item.sentences.size(); ++s) {
    std::vector<FrameMatch> matches =
        MatchFrames(knowledge, discourse, item, static_cast<int>(s));
    AddDescribedMeasures(knowledge, item, static_cast<int>(s), &matches);
    AddFollowers(discourse, item, static_cast<int>(s), &matches, &model);
    for (const FrameMatch& m : matches) {
      use(m);
      any = true;
    }
  }
  if (any) return;
  for (size_t s = 0; s < item.sentences.size(); ++s) {
    if (!item.sentences[s].headline) continue;
    for (const FrameMatch& m :
         MatchFrames(knowledge, discourse, item, static_cast<int>(s), true)) {
      use(m);
    }
  }
}

}  // namespace entente::importers::internal
