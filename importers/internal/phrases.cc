#include "importers/internal/phrases.h"

#include <algorithm>
#include <cstdint>

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "importers/internal/dates.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

// A quoted name inside a noun phrase is at most this long ("an \"all-weather\"
// partnership"); longer quotes are speech.
constexpr int kQuotedNameWindow = 8;
// After a determiner ("a \"partnership for growth and security ...\"") a quote
// opens a name, not speech, and may run longer.
constexpr int kQuotedNameAfterDeterminerWindow = 14;

bool Adjacent(const Token& a, const Token& b) { return a.end == b.begin; }

bool IsDash(const Token& t) {
  return t.text == "-" || t.text == "\u2013" || t.text == "\u2014" || t.text == "/";
}

class PhraseFinder {
 public:
  PhraseFinder(const std::vector<Token>& t, const std::vector<int>& atom_end)
      : t_(t), atom_end_(atom_end), n_(static_cast<int>(t.size())) {
    // Room for the phrases of a typical sentence, so that few vectors grow.
    out_.verbs.reserve(n_ / 4 + 1);
    out_.nps.reserve(n_ / 2 + 1);
    out_.pps.reserve(n_ / 4 + 1);
    out_.np_at.assign(n_, -1);
    out_.verb_at.assign(n_, -1);
    in_atom_.assign(n_, false);
    in_name_.assign(n_, false);
    for (int i = 0; i < static_cast<int>(atom_end_.size()) && i < n_; ++i) {
      for (int k = i; k < atom_end_[i] && k < n_; ++k) {
        in_atom_[k] = atom_end_[i] > i + 1;
        in_name_[k] = true;
      }
    }
  }

  Phrases Run() {
    FindVerbGroups();
    FindNounPhrases();
    Coordinate();
    FindPrepPhrases();
    FindAppositions();
    LinkAcrossRelatives();
    return std::move(out_);
  }

 private:
  Tag TagAt(int i) const { return i >= 0 && i < n_ ? t_[i].tag : Tag::kPunct; }
  int AtomEnd(int i) const {
    return i < static_cast<int>(atom_end_.size()) && atom_end_[i] > i + 1 ? atom_end_[i]
                                                                          : i + 1;
  }

  // ---- Verb groups ----------------------------------------------------------------
  bool StartsVerbGroup(int i) const {
    Tag tag = TagAt(i);
    if (tag == Tag::kAux || tag == Tag::kModal || tag == Tag::kVerb) return true;
    if (tag == Tag::kTo) {
      int k = i + 1;
      while (TagAt(k) == Tag::kAdverb && k < i + 3) ++k;
      return TagAt(k) == Tag::kVerb || TagAt(k) == Tag::kAux;
    }
    if (tag == Tag::kNegation) {
      return TagAt(i + 1) == Tag::kVerb || TagAt(i + 1) == Tag::kAux;
    }
    return false;
  }

  // True when the words before position i hold two noun phrases in a row: a phrase
  // that starts with an article or a possessive right after a noun.
  bool TwoPhrasesBefore(int i) const {
    int k = i - 1;
    while (k >= 0 && IsNominal(TagAt(k)) && TagAt(k) != Tag::kDeterminer &&
           !(TagAt(k) == Tag::kPossessive && !t_[k].LowerIs("'s")))
      --k;
    if (k < 0 || !(TagAt(k) == Tag::kDeterminer || TagAt(k) == Tag::kPossessive))
      return false;
    return k > 0 && (TagAt(k - 1) == Tag::kNoun || TagAt(k - 1) == Tag::kProper);
  }

  void FindVerbGroups() {
    for (int i = 0; i < n_;) {
      if (!StartsVerbGroup(i) || in_atom_[i]) {
        ++i;
        continue;
      }
      VerbGroup g;
      g.range.begin = i;
      int last_aux = -1;
      bool be_aux = false;
      const int k = ScanVerbGroup(i, &g, &last_aux, &be_aux);
      if (g.head < 0) {
        if (last_aux < 0) {  // A lone modal or negation: not a verb group.
          i = std::max(k, i + 1);
          continue;
        }
        g.head = last_aux;
        g.copula = t_[last_aux].LemmaIs("be");
        be_aux = false;
      }
      g.range.end = k;
      const Token& head = t_[g.head];
      g.lemma = head.lemma;
      for (int p = g.head + 1; p < k && TagAt(p) == Tag::kParticle; ++p) {
        absl::StrAppend(&g.lemma, " ", t_[p].lower);
      }
      g.passive = be_aux && (head.verb_forms & kPastParticiple) && head.tag == Tag::kVerb;
      bool has_aux = last_aux >= 0 || g.modal || g.infinitive;
      if (!has_aux && head.tag == Tag::kVerb) MarkNonfinite(&g);
      // "having obtained the label", "being the first to": a group opened by a gerund
      // auxiliary is a participle.
      const absl::string_view first = t_[g.range.begin].lower;
      if (g.range.begin != g.head && (first == "having" || first == "being")) {
        g.nonfinite = true;
      }
      int index = static_cast<int>(out_.verbs.size());
      for (int j = g.range.begin; j < g.range.end; ++j) out_.verb_at[j] = index;
      out_.verbs.push_back(std::move(g));
      i = k;
    }
  }

  // "..., the Egyptian cabinet said on Thursday": a verb of saying after a phrase
  // that a comma or quotation mark opens is that phrase's own verb, not a participle
  // describing it.
  bool SpeakerBefore(int i, const Token& verb) const {
    if (!(verb.verb_forms & kSpeech) || !(verb.verb_forms & kPastTense)) return false;
    constexpr int kSpeakerWindow = 8;  // "Malaysian Prime Minister Anwar Ibrahim"
    // "the Turkish ambassador in Cairo said": a plain verb of saying lets one
    // preposition into the speaker's phrase ("a deal with Iran announced" stays a
    // participle).
    const bool plain_saying = verb.LemmaIs("say") || verb.LemmaIs("tell");
    int k = i - 1;
    bool crossed = false;
    while (k >= 0 && k >= i - kSpeakerWindow - (crossed ? 2 : 0)) {
      if (IsNominal(TagAt(k))) {
        --k;
      } else if (plain_saying && !crossed && TagAt(k) == Tag::kPreposition && k < i - 1 &&
                 k > 0 && IsNominal(TagAt(k - 1))) {
        crossed = true;
        --k;
      } else {
        break;
      }
    }
    return k >= 0 && k < i - 1 && (TagAt(k) == Tag::kComma || TagAt(k) == Tag::kQuote);
  }

  // Reads the verb group starting at i into *g (its head, if it has a main verb, and
  // its auxiliaries' marks); sets *last_aux to its last auxiliary (-1 for none) and
  // *be_aux when a "be" or "get" auxiliary makes it passive. Returns its end.
  int ScanVerbGroup(int i, VerbGroup* g, int* last_aux, bool* be_aux) const {
    int k = i;
    while (k < n_) {
      Tag tag = TagAt(k);
      if (tag == Tag::kAux || tag == Tag::kModal || tag == Tag::kNegation) {
        if (tag == Tag::kAux) {
          *last_aux = k;
          *be_aux |= t_[k].LemmaIs("be") || t_[k].LemmaIs("get");
          g->perfect |= t_[k].LemmaIs("have");
        }
        if (tag == Tag::kModal) {
          g->modal = true;
          g->future |=
              t_[k].LowerIs("will") || t_[k].LowerIs("shall") || t_[k].LowerIs("'ll");
        }
        g->negated |= tag == Tag::kNegation;
        ++k;
        continue;
      }
      if (tag == Tag::kAdverb && StartsVerbGroup(k + 1) && TagAt(k + 1) != Tag::kTo) {
        ++k;
        continue;
      }
      if (tag == Tag::kTo && k == i) {
        g->infinitive = true;
        ++k;
        continue;
      }
      // "is to visit", "is to be hosted by": a scheduled event.
      if (tag == Tag::kTo && *last_aux == k - 1 && t_[*last_aux].LemmaIs("be") &&
          (TagAt(k + 1) == Tag::kVerb ||
           (TagAt(k + 1) == Tag::kAux && t_[k + 1].LowerIs("be")))) {
        g->future = true;
        ++k;
        continue;
      }
      if (tag == Tag::kVerb) {
        g->head = k;
        ++k;
        while (TagAt(k) == Tag::kParticle) ++k;
      }
      break;
    }
    return k;
  }

  // For a verb group *g with no auxiliary (ending at g->range.end): whether it is a
  // gerund or a participle reducing a relative clause ("the treaty signed in 2009"),
  // which has no tense of its own.
  void MarkNonfinite(VerbGroup* g) const {
    const int k = g->range.end;
    const Token& head = t_[g->head];
    bool gerund = (head.verb_forms & kGerund) && !(head.verb_forms & kPastTense);
    // "the sanctions, first imposed in 2020,": adverbs after a comma change nothing.
    int opened = g->range.begin;
    while (opened > 0 && TagAt(opened - 1) == Tag::kAdverb && opened - 1 > 0 &&
           TagAt(opened - 2) == Tag::kComma) {
      --opened;
    }
    bool after_break = g->range.begin == 0 || TagAt(opened - 1) == Tag::kComma ||
                       TagAt(g->range.begin - 1) == Tag::kPreposition ||
                       TagAt(g->range.begin - 1) == Tag::kSubordinator ||
                       TagAt(g->range.begin - 1) == Tag::kConjunction;
    // "the treaty, signed in 2009," and "a visit aimed at": a participle that
    // describes the phrase before it.
    Tag before = g->range.begin > 0 ? TagAt(g->range.begin - 1) : Tag::kPunct;
    // Only after the sentence has had its verb ("X arrived in Astana" is X's
    // verb), and after one phrase, not two ("the partnership their countries
    // concluded" is an active clause with its own subject).
    // Not "the two ministers on Thursday agreed": a day or month describes nothing
    // with a participle, unless its agent follows ("the talks on Friday attended by").
    const bool after_time = g->range.begin > 0 && IsTimeWord(t_[g->range.begin - 1]) &&
                            !(k < n_ && t_[k].LowerIs("by"));
    bool after_noun =
        (before == Tag::kNoun || before == Tag::kProper) && !after_time &&
        VerbSinceQuote(g->range.begin) && !TwoPhrasesBefore(g->range.begin) &&
        !RelativeSubjectBefore(g->range.begin) && !SpeakerBefore(g->range.begin, head) &&
        !SubjectOfSubordinateBefore(g->range.begin);
    // "The border treaty signed by X and Y ended a dispute": a participle with its
    // agent after a thing, before the sentence's tensed verb.
    // "At the summit hosted by Senegal, the leaders ...": the same inside the
    // phrase that opens the sentence.
    bool agent_before_verb =
        k < n_ && t_[k].LowerIs("by") && before == Tag::kNoun && TensedVerbAfter(k);
    // "after the accord signed by Sudan and Chad on Dec. 11.", "The Cairo Declaration
    // signed by X eased ...": before "by" and a name, with or without a tensed verb
    // after it ("the minister said by phone" names no agent). Not when the agent's
    // name is set off before a verb ("A delegation led by the Minister of Trade,
    // Industry and Competition, X, held talks"): the rules for verbs before commas
    // read that one.
    agent_before_verb |=
        k + 1 < n_ && t_[k].LowerIs("by") &&
        (before == Tag::kNoun || before == Tag::kProper) &&
        (t_[k + 1].capitalized ||
         (k + 2 < n_ && t_[k + 1].LowerIs("the") && t_[k + 2].capitalized)) &&
        !head.LemmaIs("stand") && !head.LemmaIs("abide") && !NameSetOffBeforeVerb(k);
    // "In a communique issued at the end of the meeting, the bloc ...": with any
    // preposition.
    // Not "In July X travelled to Baku and signed": the phrase must close with a
    // comma before any tensed verb.
    agent_before_verb |= k < n_ && TagAt(k) == Tag::kPreposition &&
                         (before == Tag::kNoun || before == Tag::kProper) &&
                         InOpeningPhrase(g->range.begin) && CommaBeforeVerb(k);
    // "The value of goods traded between X and Y slipped": any preposition after a
    // thing, when the tensed verb after it is no second verb of the same subject
    // ("the sides met in Lima and signed").
    // Not "the deal the two sides signed in 2016 has lapsed": a zero relative's verb.
    // Not "The ministry said on Tuesday it would ...": a verb of saying whose
    // clause's own subject comes before that tensed verb.
    agent_before_verb |=
        k < n_ && before == Tag::kNoun && TagAt(k) == Tag::kPreposition &&
        TensedVerbAfter(k, /*after_and=*/false) && !TwoPhrasesBefore(g->range.begin) &&
        !RelativeSubjectBefore(g->range.begin) &&
        !SubjectOfSubordinateBefore(g->range.begin) && !SaidClauseAfter(head, k);
    // "Brussels responded by expelling ...": "by" before a gerund says how, it
    // names no agent.
    const bool by_gerund = k + 1 < n_ && t_[k].LowerIs("by") &&
                           (t_[k + 1].verb_forms & kGerund) &&
                           absl::EndsWith(t_[k + 1].lower, "ing");
    // "trade increased by 17 percent": "by" before an amount measures a change.
    const bool by_amount = k + 1 < n_ && t_[k].LowerIs("by") &&
                           (t_[k + 1].kind == TokenKind::kNumber ||
                            TagAt(k + 1) == Tag::kNumber || t_[k + 1].text == "$");
    // "Prince X, Crown Prince and Prime Minister, received at the palace today Y, who
    // arrived ...": after a comma, with no tensed verb before it or after it outside a
    // relative clause, a past form is the sentence's verb, not a participle.
    const bool sole_verb = g->range.begin > 0 &&
                           TagAt(g->range.begin - 1) == Tag::kComma &&
                           (head.verb_forms & kPastTense) &&
                           !VerbSinceQuote(g->range.begin) && !MainVerbLater(k);
    // "The visit, postponed twice since the spring, took place": adverbs may stand
    // between the participle and its preposition.
    int prep = k;
    while (prep < n_ && prep < k + 2 && TagAt(prep) == Tag::kAdverb) ++prep;
    bool reduced = (head.verb_forms & kPastParticiple) && !sole_verb &&
                   (after_break || after_noun || agent_before_verb) &&
                   TagAt(prep) == Tag::kPreposition && !by_gerund && !by_amount &&
                   !ActiveAfterAnd(g->range.begin, head) &&
                   !NameAfterDatedAnd(g->range.begin, head);
    // "Among the documents signed was a visa accord": after the opening "among"
    // phrase's noun, a participle right before a form of "be" describes that noun.
    reduced |= (head.verb_forms & kPastParticiple) && before == Tag::kNoun && k < n_ &&
               t_[k].LemmaIs("be") && t_[0].LowerIs("among") && !sole_verb;
    g->nonfinite = gerund || reduced;
    g->passive = reduced;
  }
  // "since Venezuela joined in 2012": the phrase before i follows a subordinator,
  // so it is the subject of a clause of its own and the verb its tensed verb.
  // "as ministers from the two countries met", "that trade between X and Y amounted
  // to": the subject may hold one "of", "from", "with" or "between" phrase.
  bool SubjectOfSubordinateBefore(int i) const {
    int k = i - 1;
    auto nominal = [&](int at) {
      const Tag tag = TagAt(at);
      return tag == Tag::kProper || tag == Tag::kNoun || tag == Tag::kAdjective ||
             tag == Tag::kDeterminer || tag == Tag::kNumber || tag == Tag::kPossessive;
    };
    // "when Ruto and Lula met": a subject of several names joined by "and".
    while (k >= 0 &&
           (nominal(k) || (TagAt(k) == Tag::kConjunction && k > 0 && nominal(k - 1)))) {
      --k;
    }
    if (k > 0 && k < i - 1 &&
        (t_[k].LowerIs("of") || t_[k].LowerIs("from") || t_[k].LowerIs("with") ||
         t_[k].LowerIs("between")) &&
        nominal(k - 1)) {
      for (--k; k >= 0 && nominal(k);) --k;
    }
    if (k < 0 || k >= i - 1) return false;
    // "that in January 2026 trade between X and Y amounted to": a date may stand
    // between the subordinator and the subject.
    if (k > 0 && TagAt(k) == Tag::kPreposition && TagAt(k - 1) == Tag::kSubordinator &&
        (MonthFromWord(t_[k + 1].lower) > 0 || t_[k + 1].kind == TokenKind::kNumber)) {
      return true;
    }
    // ", and Norway's trade with Ghana amounted to": after a comma and a conjunction
    // the phrase opens a clause of its own too.
    if (TagAt(k) == Tag::kConjunction && k > 0 && TagAt(k - 1) == Tag::kComma)
      return true;
    return TagAt(k) == Tag::kSubordinator;
  }

  // The words before i are a relative clause's subject ("the treaty that Argentina,
  // Brazil and Uruguay signed in 1991"): the verb is that subject's, not a participle.
  bool RelativeSubjectBefore(int i) const {
    constexpr int kSubjectWindow = 14;
    for (int k = i - 1; k >= 0 && k >= i - kSubjectWindow; --k) {
      Tag tag = TagAt(k);
      if (tag == Tag::kRelative) return true;
      if (!IsNominal(tag) && tag != Tag::kComma && tag != Tag::kConjunction) return false;
    }
    return false;
  }

  // i is inside a prepositional phrase that opens the sentence ("At the summit in
  // Lima ..."), before any verb or comma; a dateline before it is punctuation.
  // From token i, a comma comes before any verb.
  bool CommaBeforeVerb(int i) const {
    for (int k = i; k < n_; ++k) {
      const Tag tag = TagAt(k);
      if (tag == Tag::kComma) return true;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal ||
          tag == Tag::kPunct || tag == Tag::kQuote)
        return false;
    }
    return false;
  }

  // The first word after a dateline's punctuation or an opening quotation mark
  // (before `limit`).
  int SentenceStart(int limit) const {
    int k = 0;
    while (k < limit && (TagAt(k) == Tag::kPunct || TagAt(k) == Tag::kQuote)) ++k;
    return k;
  }

  bool InOpeningPhrase(int i) const {
    int k = SentenceStart(i);
    if (k >= i || TagAt(k) != Tag::kPreposition) return false;
    for (++k; k < i; ++k) {
      Tag tag = TagAt(k);
      if (tag == Tag::kComma || tag == Tag::kVerb || tag == Tag::kAux ||
          tag == Tag::kQuote || tag == Tag::kPunct)
        return false;
      // "On Wednesday the delegation moved to ...": an article after the opening
      // phrase's day or year starts the subject; the phrase has closed.
      if ((tag == Tag::kDeterminer || tag == Tag::kPossessive) &&
          (IsTimeWord(t_[k - 1]) || t_[k - 1].kind == TokenKind::kNumber))
        return false;
    }
    return true;
  }

  // A tensed verb follows i in the same stretch of text (no comma, colon or quote
  // between): the sentence's own verb after a reduced relative.
  // A tensed verb after token i before the clause breaks; with after_and false, not
  // one right after a conjunction (a verb coordinated with the one before i).
  // Token k is tensed: an auxiliary, a modal, or a verb in the past or third person.
  bool Tensed(int k) const {
    const Tag tag = TagAt(k);
    return (tag == Tag::kVerb && (t_[k].verb_forms & (kPastTense | kThirdPerson))) ||
           tag == Tag::kAux || tag == Tag::kModal;
  }

  // A tensed verb after i outside a relative or subordinate clause (one opened by
  // "who", "which", "when", ..., up to its next comma).
  bool MainVerbLater(int i) const {
    bool inside = false;
    for (int k = i; k < n_; ++k) {
      const Tag tag = TagAt(k);
      if (tag == Tag::kComma) inside = false;
      if (tag == Tag::kRelative || tag == Tag::kSubordinator) inside = true;
      // "..., participated in the forum held in Cape Town": a participle after a
      // noun, before its preposition, describes the noun.
      if (Tensed(k) && (t_[k].verb_forms & kPastParticiple) && k > 0 && k + 1 < n_ &&
          (TagAt(k - 1) == Tag::kNoun || TagAt(k - 1) == Tag::kProper) &&
          TagAt(k + 1) == Tag::kPreposition) {
        continue;
      }
      if (Tensed(k) && !inside) return true;
    }
    return false;
  }

  // "said on Tuesday it would": a verb of saying, and a subject pronoun right
  // before the first tensed verb after token i.
  bool SaidClauseAfter(const Token& head, int i) const {
    if (!(head.verb_forms & kTakesContent)) return false;
    for (int k = i + 1; k < n_; ++k) {
      if (!Tensed(k)) continue;
      const Token& w = t_[k - 1];
      return w.LowerIs("it") || w.LowerIs("he") || w.LowerIs("she") ||
             w.LowerIs("they") || w.LowerIs("we");
    }
    return false;
  }

  // After token i, the first verb follows a name set off by commas (", Parks Tau,
  // held").
  bool NameSetOffBeforeVerb(int i) const {
    constexpr int kNameWords = 6;
    int verb = i + 1;
    while (verb < n_ && TagAt(verb) != Tag::kVerb) ++verb;
    if (verb >= n_ || TagAt(verb - 1) != Tag::kComma) return false;
    int k = verb - 2;
    while (k > i && k >= verb - 1 - kNameWords && TagAt(k) == Tag::kProper) --k;
    return k < verb - 2 && k > i && TagAt(k) == Tag::kComma;
  }

  bool TensedVerbAfter(int i, bool after_and = true) const {
    for (int k = i + 1; k < n_; ++k) {
      Tag tag = TagAt(k);
      if (tag == Tag::kComma || tag == Tag::kQuote || tag == Tag::kPunct ||
          tag == Tag::kRelative || tag == Tag::kSubordinator)
        return false;
      // "focused on the treaty signed by X and Y": a participle after a noun, with
      // its agent, is no tensed verb.
      if (Tensed(k) && (t_[k].verb_forms & kPastParticiple) &&
          TagAt(k - 1) == Tag::kNoun && k + 1 < n_ && t_[k + 1].LowerIs("by")) {
        continue;
      }
      if (Tensed(k)) return after_and || TagAt(k - 1) != Tag::kConjunction;
      // "The documents signed by X and Y on Monday include ...": a plural present
      // after a name or a noun.
      if (TagAt(k) == Tag::kVerb && (t_[k].verb_forms & kBaseForm) &&
          (TagAt(k - 1) == Tag::kProper || TagAt(k - 1) == Tag::kNoun)) {
        return after_and;
      }
    }
    return false;
  }

  // "flew to Lima and signed with X a protocol": after "and", a past form
  // that continues an active verb in the past (not "was negotiated in 2019 and
  // signed in 2021", not "the treaty, negotiated ... and signed") is active too.
  bool ActiveAfterAnd(int i, const Token& head) const {
    if (i == 0 || TagAt(i - 1) != Tag::kConjunction || !(head.verb_forms & kPastTense))
      return false;
    if (out_.verbs.empty()) return false;
    const VerbGroup& last = out_.verbs.back();
    if (last.nonfinite || last.passive || last.infinitive || last.copula) return false;
    return (t_[last.head].verb_forms & kPastTense) != 0;
  }

  // "Finland joined NATO in April 2023 and Sweden followed in March 2024": a past
  // form after a name that follows a date and "and" is that name's tensed verb (a
  // date and a state make no list).
  bool NameAfterDatedAnd(int i, const Token& head) const {
    if (i < 3 || !(head.verb_forms & kPastTense) || TagAt(i - 1) != Tag::kProper ||
        !t_[i - 2].LowerIs("and")) {
      return false;
    }
    return IsTimeWord(t_[i - 3]) || YearToken(t_[i - 3]).has_value();
  }

  // A verb group stands before i, after the last quotation mark: "\"...,\" the
  // president said after the talks" has no verb before "said" in its own clause.
  // Participles do not count: "At the summit hosted by X, the leaders of Y agreed
  // on ..." has its tensed verb still to come.
  bool VerbSinceQuote(int i) const {
    auto finite = std::find_if(out_.verbs.rbegin(), out_.verbs.rend(),
                               [](const VerbGroup& g) { return !g.nonfinite; });
    if (finite == out_.verbs.rend()) return false;
    int last_verb = finite->range.begin;
    for (int k = i - 1; k > last_verb; --k) {
      // A quotation mark, or a colon or semicolon ("is attributable to the
      // Spokesperson: X met Y"), starts a stretch that needs its own verb.
      if (TagAt(k) == Tag::kQuote) return false;
      if (TagAt(k) == Tag::kPunct && (t_[k].text == ":" || t_[k].text == ";"))
        return false;
    }
    return true;
  }

  // ---- Noun phrases ---------------------------------------------------------------
  // A day and month, a year after a month or a preposition, or a weekday after a
  // preposition ("On Thursday Türkiye signed"), ends right before k.
  bool DateEndsAt(int k) const {
    if (k < 2) return false;
    const Token& last = t_[k - 1];
    const Token& before = t_[k - 2];
    if (last.capitalized && WeekdayFromWord(last.lower) >= 0 &&
        TagAt(k - 2) == Tag::kPreposition) {
      return true;
    }
    // "On 7 May Chile", "In May Chile and Peru signed".
    if (last.capitalized && MonthFromWord(last.lower) > 0)
      return before.kind == TokenKind::kNumber || TagAt(k - 2) == Tag::kPreposition;
    if (last.kind != TokenKind::kNumber) return false;
    // "On 05.03.2026 Chile", "On 2026-03-05 Chile".
    if (IsNumericDate(last)) return true;
    // "On December 29 Chile": a month's day before a name (not "June 5-6").
    int number = 0;
    if (!absl::SimpleAtoi(last.text, &number)) return false;
    if (number >= 1 && number <= 31 && last.text.size() <= 2) {
      return MonthFromWord(before.lower) > 0 && before.capitalized && k < n_ &&
             t_[k].kind == TokenKind::kWord && t_[k].capitalized;
    }
    if (number < 1000 || number > 2199) return false;
    // "in 2025 Chile", "in May 2025 Chile", "on 5/3/2026 Chile".
    return TagAt(k - 2) == Tag::kPreposition || MonthFromWord(before.lower) > 0 ||
           (before.text == "/" && before.end == last.begin);
  }

  // [begin, end) is a lone year after a preposition of time: "in 2025 trade rose" is
  // trade in 2025, where "for 2025 trade" is the year's trade.
  bool YearOfTimePreposition(int begin, int end) const {
    if (end != begin + 1 || begin < 1) return false;
    const Token& prep = t_[begin - 1];
    return prep.LowerIs("in") || prep.LowerIs("since") || prep.LowerIs("during") ||
           prep.LowerIs("until") || prep.LowerIs("by");
  }

  // [begin, end) is a month's name with numbers ("January 2026", "4 May"); not a
  // bare year, which may modify a noun ("for 2022 trade").
  bool OnlyDateWords(int begin, int end) const {
    bool month = false;
    for (int k = begin; k < end; ++k) {
      const bool is_month = MonthFromWord(t_[k].lower) > 0;
      if (t_[k].kind != TokenKind::kNumber && !is_month) return false;
      month |= is_month;
    }
    return month;
  }

  // A name at k after a lower-case noun, followed by a tensed verb.
  bool ZeroRelativeSubjectAt(int k) const {
    if (TagAt(k) != Tag::kProper || TagAt(k - 1) != Tag::kNoun || t_[k - 1].capitalized)
      return false;
    int end = AtomEnd(k) > k + 1 ? AtomEnd(k) : k + 1;
    while (end < n_ && TagAt(end) == Tag::kProper) ++end;
    if (end >= n_ || out_.verb_at[end] < 0) return false;
    const VerbGroup& g = out_.verbs[out_.verb_at[end]];
    return g.range.begin == end && !g.nonfinite && !g.infinitive;
  }

  bool Material(int i) const {
    if (i >= n_) return false;
    if (in_atom_[i]) return true;
    if (out_.verb_at[i] >= 0) return false;
    Tag tag = TagAt(i);
    return IsNominal(tag) || tag == Tag::kPronoun;
  }

  // Length of a short quoted name at i ("“all-weather”"), 0 if none.
  // A quote that closes the phrase ("a \"reinforced exceptional partnership\"") must
  // hold only nominal words.
  // *is_title says whether it is a title that may open a phrase ('themed "Shared
  // Prosperity"').
  int QuotedName(int i, bool* is_title = nullptr) const {
    if (is_title != nullptr) *is_title = false;
    if (TagAt(i) != Tag::kQuote) return 0;
    const bool named =
        i > 0 && (TagAt(i - 1) == Tag::kDeterminer || TagAt(i - 1) == Tag::kPossessive);
    const int window = named ? kQuotedNameAfterDeterminerWindow : kQuotedNameWindow;
    bool nominal = true;
    // '"Partnership for Shared Prosperity"': names joined by prepositions, a title.
    bool title = TagAt(i + 1) == Tag::kProper;
    for (int k = i + 1; k < n_ && k <= i + window; ++k) {
      if (TagAt(k) == Tag::kQuote) {
        if (k == i + 1) return 0;
        title &= TagAt(k - 1) == Tag::kProper || TagAt(k - 1) == Tag::kNumber;
        if (is_title != nullptr) *is_title = title;
        return Material(k + 1) || nominal || title ? k - i + 1 : 0;
      }
      title &= TagAt(k) == Tag::kProper || TagAt(k) == Tag::kNumber ||
               TagAt(k) == Tag::kPreposition || TagAt(k) == Tag::kConjunction ||
               TagAt(k) == Tag::kDeterminer;
      // "a \"partnership for peace and the world,\"": a comma closing the name
      // inside its quotes, as American style puts it.
      const bool closing_comma =
          named && TagAt(k) == Tag::kComma && k + 1 < n_ && TagAt(k + 1) == Tag::kQuote;
      const bool determiner = named && TagAt(k) == Tag::kDeterminer;
      if (!Material(k) && TagAt(k) != Tag::kPreposition &&
          TagAt(k) != Tag::kConjunction && !determiner && !closing_comma)
        return 0;
      if (closing_comma) continue;
      nominal &= (Material(k) || named) && TagAt(k) != Tag::kPronoun;
    }
    return 0;
  }

  bool QuotedTitleAt(int i) const {
    bool title = false;
    return QuotedName(i, &title) > 0 && title;
  }

  void FindNounPhrases() {
    for (int i = 0; i < n_;) {
      // Not a quotation mark set aside as an adverb ('"condemned" the attack').
      bool starts =
          Material(i) || AtomEnd(i) > i + 1 ||
          (TagAt(i) == Tag::kAdverb && !IsQuoteMark(t_[i].text) && Material(i + 1)) ||
          QuotedTitleAt(i);
      if (!starts) {
        ++i;
        continue;
      }
      // "their agreement": a possessive pronoun is the phrase's possessor.
      int head = -1;
      int possessor_end =
          TagAt(i) == Tag::kPossessive && !t_[i].LowerIs("'s") ? i + 1 : -1;
      const int k = ScanNounPhrase(i, &head, &possessor_end);
      if (k == i) {  // Nothing nominal after all: never loop in place.
        ++i;
        continue;
      }
      // Built in place: a NounPhrase on the stack trips GCC's maybe-uninitialized
      // warning on its inline vector.
      const int index = static_cast<int>(out_.nps.size());
      NounPhrase& np = out_.nps.emplace_back();
      np.range = {i, k};
      np.head = head < 0 ? k - 1 : head;  // Only determiners: "both", "all".
      np.possessor_end = possessor_end;
      np.conjuncts.push_back(np.range);
      for (int j = np.range.begin; j < np.range.end; ++j) out_.np_at[j] = index;
      i = k;
    }
  }

  // A name at k followed by "'s".
  ABSL_ATTRIBUTE_NOINLINE bool NamedPossessorAt(int k) const {
    if (!t_[k].capitalized || TagAt(k) != Tag::kProper) return false;
    const int end = AtomEnd(k);
    return end < n_ && t_[end].LowerIs("'s");
  }

  // Reads the noun phrase starting at i, setting *head to its head and
  // *possessor_end past a "'s" possessor; returns its end (i when nothing nominal
  // starts there).
  int ScanNounPhrase(int i, int* head, int* possessor_end) const {
    int k = i;
    while (k < n_) {
      // "September 23, 2025": the year after a month's day and its comma is the
      // date's, not a phrase of its own.
      if (k >= i + 2 && k + 1 < n_ && TagAt(k) == Tag::kComma &&
          t_[k - 1].kind == TokenKind::kNumber && t_[k - 1].text.size() <= 2 &&
          t_[k - 2].capitalized && MonthFromWord(t_[k - 2].lower) > 0 &&
          YearToken(t_[k + 1])) {
        k += 2;  // The head stays the day, as in "May 13".
        continue;
      }
      // "On 1 January Egypt became", "in June 2023 Chile and Peru": a name after a
      // date starts another phrase.
      // "in January 2026 trade turnover ...": so does any word after a date that is
      // all of the phrase so far.
      if (k > i && DateEndsAt(k) &&
          (t_[k].capitalized || (t_[k].kind != TokenKind::kNumber &&
                                 (OnlyDateWords(i, k) || YearOfTimePreposition(i, k))))) {
        break;
      }
      // "the ban Chile imposed on Peru": a name between a noun and a verb is the
      // subject of a clause that describes the noun.
      if (k > i && ZeroRelativeSubjectAt(k)) break;
      // "closed its airspace to Indian aircraft days later": a span of time told
      // from another is no word of the phrase before it.
      if (k > i && (TagAt(k - 1) == Tag::kNoun || TagAt(k - 1) == Tag::kProper) &&
          SpanBackOrAhead(k)) {
        break;
      }
      // "condemned in the strongest terms Peru's move": a named possessor after a
      // common noun starts a phrase of its own.
      if (k > i && NamedPossessorAt(k) && TagAt(k - 1) == Tag::kNoun &&
          !t_[k - 1].capitalized) {
        break;
      }
      if (int atom = AtomEnd(k); atom > k + 1) {
        // "the Presidential Complex the Minister of ...": a name opened by an article
        // after a noun starts another phrase.
        if (k > i && TagAt(k) == Tag::kDeterminer &&
            (TagAt(k - 1) == Tag::kNoun || TagAt(k - 1) == Tag::kProper)) {
          break;
        }
        *head = atom - 1;
        k = atom;
        continue;
      }
      // "more than 20 documents", "fewer than ten": a comparative before a number is
      // part of the phrase it counts.
      // "more than a dozen": the article of a counted word too.
      if (k + 2 < n_ && t_[k + 1].LowerIs("than") &&
          (t_[k].LowerIs("more") || t_[k].LowerIs("fewer") || t_[k].LowerIs("less"))) {
        if (TagAt(k + 2) == Tag::kNumber) {
          k += 2;
          continue;
        }
        if (k + 3 < n_ && t_[k + 2].LowerIs("a") && TagAt(k + 3) == Tag::kNumber) {
          k += 3;
          continue;
        }
      }
      if (Material(k)) {
        Tag tag = TagAt(k);
        if (k > i && ArticleAfterNoun(k)) break;
        if (tag == Tag::kPossessive && t_[k].LowerIs("'s")) {
          *possessor_end = k + 1;
        } else if (tag == Tag::kPronoun && k > i) {
          break;  // "the talks they held": a new subject.
        } else if (tag != Tag::kDeterminer && tag != Tag::kPossessive) {
          *head = k;
        }
        ++k;
        // A pronoun is a phrase of its own.
        if (tag == Tag::kPronoun) break;
        continue;
      }
      if (JoinsNominals(i, k)) {
        ++k;
        continue;
      }
      bool title = false;
      if (int q = QuotedName(k, &title); q > 0 && (k > i || title)) {
        k += q;
        // A comma inside the closing quote ends the phrase there.
        const bool closed = TagAt(k - 2) == Tag::kComma;
        if (closed || !Material(k)) {  // The quote ends the phrase: its last word.
          *head = closed ? k - 3 : k - 2;
        }
        if (closed) break;
        continue;
      }
      break;
    }
    return k;
  }

  // "days later", "weeks earlier", "months ago": a plural unit of time at k told as a
  // span from another time.
  bool SpanBackOrAhead(int k) const {
    if (k + 1 >= n_ || !(t_[k + 1].LowerIs("later") || t_[k + 1].LowerIs("earlier") ||
                         t_[k + 1].LowerIs("ago"))) {
      return false;
    }
    const absl::string_view w = t_[k].lower;
    return w == "days" || w == "weeks" || w == "months" || w == "years" || w == "hours" ||
           w == "decades";
  }

  // "On Tuesday her country ...": an article or a possessive after a noun starts
  // another phrase (k is a nominal token past the phrase's first).
  bool ArticleAfterNoun(int k) const {
    Tag tag = TagAt(k);
    return (tag == Tag::kDeterminer ||
            (tag == Tag::kPossessive && !t_[k].LowerIs("'s"))) &&
           (TagAt(k - 1) == Tag::kNoun || TagAt(k - 1) == Tag::kProper ||
            TagAt(k - 1) == Tag::kNumber) &&
           !in_atom_[k];
  }

  // Token k (not nominal) continues the phrase begun at i, joining the nominal words
  // around it: an adverb before a noun, a dash or a "+" inside a name.
  bool JoinsNominals(int i, int k) const {
    // "its ambassador last month": a time after a phrase is none of its words.
    // Nor is one written as an adverb: "in Riyadh today His Excellency X".
    if (TagAt(k) == Tag::kAdverb && Material(k + 1)) {
      if (IsTimeWord(t_[k])) return false;
      return k == i || k + 1 >= n_ || !IsTimeWord(t_[k + 1]);
    }
    if (IsDash(t_[k]) && k > i && k + 1 < n_ && Adjacent(t_[k - 1], t_[k]) &&
        Adjacent(t_[k], t_[k + 1]) && Material(k + 1)) {
      return true;  // "China–Central Asia summit"
    }
    // "the Central Asia + Japan Dialogue", "Trade & Investment Forum".
    return (t_[k].text == "+" || t_[k].text == "&") && k > i && k + 1 < n_ &&
           t_[k - 1].capitalized && t_[k + 1].capitalized && Material(k + 1);
  }
  // "the Belt and Road Forum", "Ministry of Energy and Natural Resources": an "and"
  // between capitalized words that name no known entity is inside a name; the two
  // phrases become one, before any list is read.
  void JoinNames() {
    std::vector<NounPhrase> joined;
    joined.reserve(out_.nps.size());
    for (size_t a = 0; a < out_.nps.size(); ++a) {
      if (!joined.empty()) {
        NounPhrase& last = joined.back();
        const NounPhrase& next = out_.nps[a];
        int gap = last.range.end;
        // Not the closing "and" of a list ("Friendship, Good-Neighbourliness and
        // Cooperation").
        // A phrase opened by an article after a comma starts anew ("On Sunday, the
        // African Union Peace and Security Council").
        bool in_list = last.range.begin > 0 &&
                       TagAt(last.range.begin - 1) == Tag::kComma &&
                       TagAt(last.range.begin) != Tag::kDeterminer;
        if (!in_list && next.range.begin == gap + 1 && TagAt(gap) == Tag::kConjunction &&
            (t_[gap].LowerIs("and") || t_[gap].text == "&") && t_[gap - 1].capitalized &&
            t_[gap + 1].capitalized && !in_name_[gap - 1] && !in_name_[gap + 1] &&
            TagAt(gap + 1) != Tag::kDeterminer) {
          last.range.end = next.range.end;
          last.head = next.head;
          last.conjuncts.front().end = next.range.end;
          continue;
        }
      }
      joined.push_back(std::move(out_.nps[a]));
    }
    out_.nps = std::move(joined);
    IndexPhrases();
  }

  // np_at after the phrases changed: which phrase holds each token.
  void IndexPhrases() {
    out_.np_at.assign(n_, -1);
    for (size_t x = 0; x < out_.nps.size(); ++x) {
      for (int j = out_.nps[x].range.begin; j < out_.nps[x].range.end; ++j) {
        out_.np_at[j] = static_cast<int>(x);
      }
    }
  }

  // Each member of a list: its first and last phrase ("Tokayev of Kazakhstan" is two).
  // Most lists are short: kept inline.
  using Members = absl::InlinedVector<std::pair<size_t, size_t>, 8>;

  // Merges "A, B and C" and "A and B" into one phrase with several conjuncts.
  void Coordinate() {
    JoinNames();
    std::vector<NounPhrase> merged;
    merged.reserve(out_.nps.size());
    Members members;
    for (size_t a = 0; a < out_.nps.size();) {
      // Only the ranges and heads of phrases from `a` on are read below, so the
      // phrase's own lists can move.
      NounPhrase np = std::move(out_.nps[a]);
      if (!ListFrom(a, &members)) {
        merged.push_back(std::move(np));
        ++a;
        continue;
      }
      np.conjuncts.clear();
      for (const auto& m : members) {
        np.conjuncts.push_back(
            {out_.nps[m.first].range.begin, out_.nps[m.second].range.end});
      }
      np.range.end = np.conjuncts.back().end;
      merged.push_back(std::move(np));
      a = members.back().second + 1;
    }
    out_.nps = std::move(merged);
    IndexPhrases();
  }

  // "X, who arrived on Monday, and Y signed", "signed by X, whose country chairs the
  // bloc, Y and Z.": a relative clause set off by commas stands inside a list of two
  // parties; links the phrases on its two sides (NounPhrase::across).
  void LinkAcrossRelatives() {
    for (size_t a = 0; a < out_.nps.size(); ++a) {
      const int second = PhraseAfterRelative(static_cast<int>(a));
      if (second < 0) continue;
      out_.nps[a].across = second;
      out_.nps[second].across = static_cast<int>(a);
    }
  }

  // The phrase that continues phrase a's list after the relative clause that follows
  // a; -1 when there is none.
  int PhraseAfterRelative(int a) const {
    // The longest relative clause between the two commas, in tokens.
    constexpr int kRelativeClause = 30;
    const NounPhrase& first = out_.nps[a];
    const int comma = first.range.end;
    if (comma + 2 >= n_ || TagAt(comma) != Tag::kComma || IsTimeWord(t_[first.head]) ||
        !(t_[comma + 1].LowerIs("who") || t_[comma + 1].LowerIs("whose") ||
          t_[comma + 1].LowerIs("which"))) {
      return -1;
    }
    int close = -1;
    bool verb = false;
    for (int k = comma + 2; k < n_ && k < comma + kRelativeClause; ++k) {
      if (TagAt(k) == Tag::kPunct || TagAt(k) == Tag::kQuote) return -1;
      if (TagAt(k) == Tag::kComma) {
        close = k;
        break;
      }
      verb |= out_.verb_at[k] >= 0;
    }
    if (close < 0 || !verb) return -1;
    int begin = close + 1;
    const bool joined = begin < n_ && t_[begin].LowerIs("and");
    if (joined) ++begin;
    const int second = begin < n_ ? out_.np_at[begin] : -1;
    if (second < 0 || out_.nps[second].range.begin != begin ||
        IsTimeWord(t_[out_.nps[second].head])) {
      return -1;
    }
    // Without its "and" the rest must be a list of its own: "..., Y and Z".
    if (!joined && out_.nps[second].conjuncts.size() < 2) return -1;
    int after = ChainEnd(out_, second);
    while (after < n_ && TagAt(after) == Tag::kAdverb) ++after;
    // Either the sentence ends with the list ("signed by X, ..., and Y."), or the
    // list is the subject of the verb after it, which then cannot follow a verb.
    if (after >= n_ || (TagAt(after) == Tag::kPunct && t_[after].text != ":")) {
      return second;
    }
    const bool subject =
        first.range.begin == 0 || out_.verb_at[first.range.begin - 1] < 0;
    return subject && out_.verb_at[after] >= 0 ? second : -1;
  }

  // A phrase that names a time: "Monday", "last week", "the following day".
  bool TimeHead(const NounPhrase& x) const {
    // "January 1": a day's number after its month.
    const bool day_of_month = x.head > x.range.begin && t_[x.head].tag == Tag::kNumber &&
                              IsTimeWord(t_[x.head - 1]);
    return IsTimeWord(t_[x.head]) || t_[x.head].LowerIs("day") || day_of_month;
  }

  // True when phrase a starts a list; sets *members to the list's members (when it
  // does not, *members holds what was read).
  bool ListFrom(size_t a, Members* members) const {
    bool closed = ReadMembers(a, members);
    // "Chile, Peru sign fisheries pact": a headline lists names with commas alone.
    if (!closed && members->size() >= 2 && IsHeadline(t_) && AllNamed(*members) &&
        VerbAfter(out_.nps[members->back().second].range.end) >= 0) {
      closed = true;
    }
    // A list needs its closing "and"; two items joined by ", and" before a verb
    // are two clauses ("X met Y, and the leaders signed").
    bool list = closed && members->size() >= 2;
    if (list && CommaAndOpensClause(a, *members)) list = false;
    // "signed by Chile, which holds the presidency, and Peru", "by Chile, which
    // hosted the talks, Peru and Bolivia": the comma closes the relative clause
    // around the first phrase, which is not listed with the names after it.
    if (list && InRelativeSetOff(out_.nps[a].range.begin) &&
        ((members->size() == 2 && CommaAnd(out_.nps[a].range.end)) ||
         (TagAt(out_.nps[a].range.end) == Tag::kComma &&
          !t_[out_.nps[a].head].capitalized &&
          AllNamed(Members(members->begin() + 1, members->end()))))) {
      list = false;
    }
    // "According to the ministry, Chile and Peru signed", "Alongside the memorandum,
    // Ankara and Baghdad signed": the object of an opening preposition is no member
    // of the list after its comma.
    if (list && members->size() >= 3 && OpeningObject(out_.nps[a].range.begin) &&
        TagAt(out_.nps[members->front().second].range.end) == Tag::kComma &&
        VerbAfter(out_.nps[members->back().second].range.end) >= 0) {
      return false;
    }
    // Only a list of names joins a name and its "of" phrase.
    bool extended = false;
    for (const auto& m : *members) extended |= m.second != m.first;
    if (extended && (!list || !AllNamed(*members))) list = false;
    return list;
  }

  // Reads into *members the phrases from a that commas and conjunctions join, each
  // with its "of" name. Returns true when the final "and"/"or" closed them.
  bool ReadMembers(size_t a, Members* members) const {
    size_t b = a;
    bool closed = false;  // Saw the final "and"/"or".
    members->assign(1, {a, a});
    while (b + 1 < out_.nps.size() && !closed) {
      int gap_begin = out_.nps[b].range.end;
      int gap_end = out_.nps[b + 1].range.begin;
      if (NameOfName(b)) {
        members->back().second = b + 1;
        ++b;
        continue;
      }
      bool comma = false, conj = false, other = false;
      for (int k = gap_begin; k < gap_end; ++k) {
        if (TagAt(k) == Tag::kComma) {
          comma = true;
        } else if (TagAt(k) == Tag::kConjunction &&
                   (t_[k].LowerIs("and") || t_[k].LowerIs("or"))) {
          conj = true;
        } else {
          other = true;
        }
      }
      if (other || gap_end == gap_begin || (!comma && !conj)) break;
      // "on Monday, Rahmon, Japarov and Mirziyoyev signed": a time is no member of a
      // list of names.
      if (TimeHead(out_.nps[b]) != TimeHead(out_.nps[b + 1])) break;
      if (conj) closed = true;
      members->push_back({b + 1, b + 1});
      ++b;
      // "Ana Lopez, the trade minister of Spain, and ...": a name's description keeps
      // its prepositional phrases up to the comma that closes it.
      const Token& name = t_[out_.nps[b - 1].head];
      if (!conj && name.capitalized && !IsTimeWord(name)) {
        const size_t end = DescriptionEnd(b);
        members->back().second = end;
        b = end;
      }
    }
    // The last member keeps its own "of" phrase too ("... and Rahmon of Tajikistan",
    // "... and the prime minister of Guinea" after names with theirs).
    while (b + 1 < out_.nps.size() && closed &&
           (NameOfName(b) ||
            (members->size() >= 2 && members->front().second != members->front().first &&
             OfName(b)))) {
      members->back().second = b + 1;
      ++b;
      // "... and the prime ministers of Nepal and Bhutan": the last member's plural
      // office takes the names listed in its "of" phrase.
      const NounPhrase& office = out_.nps[members->back().first];
      const bool plural = t_[office.head].lemma != t_[office.head].lower;
      while (plural && b + 1 < out_.nps.size() && OfListGoesOn(b)) {
        const bool ends = TagAt(out_.nps[b].range.end) == Tag::kConjunction;
        members->back().second = b + 1;
        ++b;
        if (ends) break;
      }
    }
    return closed;
  }

  // Phrase b + 1 is a name that a comma or a bare "and"/"or" joins to phrase b.
  bool OfListGoesOn(size_t b) const {
    const int gap = out_.nps[b].range.end;
    if (out_.nps[b + 1].range.begin != gap + 1) return false;
    const bool joins =
        TagAt(gap) == Tag::kComma || (TagAt(gap) == Tag::kConjunction &&
                                      (t_[gap].LowerIs("and") || t_[gap].LowerIs("or")));
    return joins && t_[out_.nps[b + 1].head].capitalized &&
           out_.nps[b + 1].conjuncts.size() == 1;
  }

  // Tokens i and i + 1 are ", and".
  bool CommaAnd(int i) const {
    return TagAt(i) == Tag::kComma && TagAt(i + 1) == Tag::kConjunction &&
           t_[i + 1].LowerIs("and");
  }

  // Token i lies in a relative clause opened by ", who", ", whose" or ", which"
  // with no comma between.
  bool InRelativeSetOff(int i) const {
    for (int k = i - 1; k > 0; --k) {
      if (TagAt(k) == Tag::kComma || TagAt(k) == Tag::kPunct) return false;
      if ((t_[k].LowerIs("who") || t_[k].LowerIs("whose") || t_[k].LowerIs("which")) &&
          TagAt(k - 1) == Tag::kComma) {
        return true;
      }
    }
    return false;
  }

  // The closing ", and" of the members starting at phrase a opens a clause: a verb
  // follows the last member, and the list has two members or a verb before it.
  bool CommaAndOpensClause(size_t a, const Members& members) const {
    int gap_begin = out_.nps[members[members.size() - 2].second].range.end;
    bool comma_and = TagAt(gap_begin) == Tag::kComma && gap_begin + 1 < n_ &&
                     TagAt(gap_begin + 1) == Tag::kConjunction;
    size_t last = members.back().second;
    int after = VerbAfter(out_.nps[last].range.end);
    // "..., and Hungary and Turkmenistan were represented".
    if (after < 0 && last + 1 < out_.nps.size() &&
        out_.nps[last + 1].range.begin == out_.nps[last].range.end + 1 &&
        t_[out_.nps[last].range.end].LowerIs("and")) {
      after = VerbAfter(out_.nps[last + 1].range.end);
    }
    // "..., and Hungary, which holds observer status, was represented": after a
    // verb of its own, a ", and" before a phrase and a verb opens a clause.
    bool verb_before = false;
    for (int k = out_.nps[a].range.begin - 1; k >= 0 && !verb_before; --k) {
      verb_before = out_.verb_at[k] >= 0;
    }
    // "talks between Chile's president, Ana Ruiz, and Peru's premier focused ...":
    // "between" one named side takes a second, so its ", and" joins them (not after
    // "between the two sides, and ...").
    const int begin = out_.nps[a].range.begin;
    if (begin > 0 && t_[begin - 1].LowerIs("between") && t_[out_.nps[a].head].capitalized)
      return false;
    return comma_and && after >= 0 && (members.size() == 2 || verb_before);
  }
  // The first token of a verb group at i, after adverbs and a parenthetical relative
  // clause (", which hold observer status,"); -1 when none.
  int VerbAfter(int i) const {
    constexpr int kParenthetical = 30;
    auto verb_at = [&](int k) {
      while (k < n_ && TagAt(k) == Tag::kAdverb) ++k;
      return k < n_ && out_.verb_at[k] >= 0 ? k : -1;
    };
    if (int k = verb_at(i); k >= 0) return k;
    // "..., and officials on both sides are preparing": past the phrase's own
    // prepositional phrases.
    for (int k = i, guard = 0; guard < 3 && k + 1 < n_ && TagAt(k) == Tag::kPreposition &&
                               !t_[k].LowerIs("by") && out_.np_at[k + 1] >= 0;
         ++guard) {
      k = out_.nps[out_.np_at[k + 1]].range.end;
      if (int v = verb_at(k); v >= 0) return v;
    }
    if (i + 1 < n_ && TagAt(i) == Tag::kComma && TagAt(i + 1) == Tag::kRelative) {
      for (int k = i + 2; k < n_ && k < i + kParenthetical; ++k) {
        if (TagAt(k) == Tag::kComma) return verb_at(k + 1);
        if (TagAt(k) == Tag::kPunct) break;
      }
    }
    return -1;
  }

  // A phrase starting at `begin` is inside the prepositional phrase that opens the
  // sentence (after a dateline's punctuation): "According to [the ministry]", "At
  // the end of the talks in [Brasília]".
  bool OpeningObject(int begin) const {
    int k = OpeningPreposition(SentenceStart(begin), begin);
    if (k >= begin || TagAt(k) != Tag::kPreposition) return false;
    for (k += t_[k].span; k < begin; ++k) {
      if (TagAt(k) != Tag::kPreposition && !IsNominal(TagAt(k))) return false;
    }
    return TagAt(begin - 1) == Tag::kPreposition;
  }

  // The preposition that opens a sentence at k, or after a measure of time before it
  // ("A week after the vote, Chile and Peru signed", "Days before the summit, ..."):
  // a few common words, then "after" or "before". Else k.
  int OpeningPreposition(int k, int limit) const {
    constexpr int kLongestMeasure = 3;
    for (int m = k; m < limit && m < k + kLongestMeasure; ++m) {
      const Tag tag = TagAt(m);
      if (tag == Tag::kPreposition) {
        return m > k && (t_[m].LowerIs("after") || t_[m].LowerIs("before")) ? m : k;
      }
      if (tag != Tag::kDeterminer && tag != Tag::kNumber && tag != Tag::kNoun &&
          !(m == k && tag == Tag::kProper)) {
        return k;
      }
    }
    return k;
  }

  // Phrase b describes the name before it and runs through prepositional phrases to
  // a named phrase and the ", and" of a list ("a minister of state in Germany's
  // Foreign Office, and"): the last phrase of the description; else b.
  size_t DescriptionEnd(size_t b) const {
    constexpr size_t kLongestDescription = 3;  // Prepositional phrases in it.
    if (t_[out_.nps[b].head].capitalized) return b;
    size_t end = b;
    while (end + 1 < out_.nps.size() && end < b + kLongestDescription) {
      const NounPhrase& x = out_.nps[end];
      const NounPhrase& y = out_.nps[end + 1];
      const absl::string_view prep = t_[x.range.end].lower;
      if (y.range.begin != x.range.end + 1 || y.conjuncts.size() > 1 ||
          (prep != "of" && prep != "in" && prep != "at")) {
        break;
      }
      ++end;
    }
    // The comma closes the description and the list: ", and" follows.
    const NounPhrase& last = out_.nps[end];
    const int after = last.range.end;
    const bool closed = after + 1 < n_ && TagAt(after) == Tag::kComma &&
                        TagAt(after + 1) == Tag::kConjunction;
    bool named = false;
    for (int k = last.range.begin; k < last.range.end; ++k) named |= t_[k].capitalized;
    return end > b && closed && named ? end : b;
  }

  // "Tokayev of Kazakhstan": phrase b is a name and b + 1 its "of" name.
  bool NameOfName(size_t b) const {
    const NounPhrase& x = out_.nps[b];
    const NounPhrase& y = out_.nps[b + 1];
    if (y.range.begin != x.range.end + 1 || !t_[x.range.end].LowerIs("of")) return false;
    return t_[x.head].capitalized && t_[y.head].capitalized && y.conjuncts.size() == 1;
  }

  // "the prime minister of Guinea": phrase b is followed by its "of" name.
  bool OfName(size_t b) const {
    const NounPhrase& x = out_.nps[b];
    const NounPhrase& y = out_.nps[b + 1];
    if (y.range.begin != x.range.end + 1 || !t_[x.range.end].LowerIs("of")) return false;
    return t_[y.head].capitalized && y.conjuncts.size() == 1;
  }

  // Every member is a name; the last may be a noun with its "of" name ("President
  // Barrow of Gambia and the prime minister of Guinea").
  bool AllNamed(const Members& members) const {
    for (size_t k = 0; k < members.size(); ++k) {
      const auto& m = members[k];
      // The last member with its "of" name, or a name's description between commas.
      bool with_phrases = k > 0 && m.second != m.first;
      if (!t_[out_.nps[m.first].head].capitalized && !with_phrases) return false;
    }
    return true;
  }

  // ---- Prepositional phrases --------------------------------------------------------
  // The phrase a preposition at i describes, when phrase `np` stands right before it:
  // no time is "between" two sides, so "talks last Tuesday between X and Y" and "the
  // summit on Monday between X and Y" describe the talks and the summit.
  int TimeSkipped(int np, int i) const {
    const NounPhrase& time = out_.nps[np];
    if (!t_[i].LowerIs("between") || !IsTimeWord(t_[time.head]) ||
        time.conjuncts.size() > 1) {
      return np;
    }
    int before = -1;
    if (time.pp >= 0) {
      before = out_.pps[time.pp].attached_np;
    } else if (time.range.begin > 0) {
      before = out_.np_at[time.range.begin - 1];
    }
    return before >= 0 && !IsTimeWord(t_[out_.nps[before].head]) ? before : np;
  }

  void FindPrepPhrases() {
    for (int i = 0; i < n_; ++i) {
      if (TagAt(i) != Tag::kPreposition || out_.np_at[i] >= 0) continue;
      PrepPhrase pp;
      pp.prep = i;
      pp.prep_length = t_[i].span;
      int after = i + pp.prep_length;
      pp.range.begin = i;
      pp.range.end = after;
      // "attended by: President X of Ghana": a colon (and a list's dash) before the
      // object.
      if (after < n_ && t_[after].text == ":") {
        ++after;
        if (after < n_ && IsDash(t_[after])) ++after;
      }
      // "duties of up to 30% on imports": an adverb of degree outside the phrase.
      while (after < n_ && after < i + pp.prep_length + 2 &&
             TagAt(after) == Tag::kAdverb && out_.np_at[after] < 0) {
        ++after;
      }
      if (after < n_ && out_.np_at[after] >= 0 &&
          out_.nps[out_.np_at[after]].range.begin == after) {
        pp.np = out_.np_at[after];
        pp.range.end = out_.nps[pp.np].range.end;
      }
      if (i > 0 && out_.np_at[i - 1] >= 0) {
        pp.attached_np = TimeSkipped(out_.np_at[i - 1], i);
      } else if (i > 0) {
        pp.attached_np = PhraseBeforeBracket(t_, out_, i - 1);
      }
      int index = static_cast<int>(out_.pps.size());
      if (pp.np >= 0) out_.nps[pp.np].pp = index;
      if (pp.attached_np >= 0) out_.nps[pp.attached_np].pps.push_back(index);
      out_.pps.push_back(pp);
      i += pp.prep_length - 1;
    }
  }

  bool SpacedDash(int i) const {
    return i > 0 && i + 1 < n_ && IsDash(t_[i]) && !Adjacent(t_[i - 1], t_[i]);
  }

  // "Sadyr Japarov, the Kyrgyz president, ...": the second phrase describes the first;
  // "the four members of EFTA – Switzerland, Norway and Iceland –": a dashed list too.
  void FindAppositions() {
    for (size_t a = 0; a + 1 < out_.nps.size(); ++a) {
      NounPhrase& first = out_.nps[a];
      const NounPhrase& second = out_.nps[a + 1];
      int gap = first.range.end;
      if (SpacedDash(gap) && second.range.begin == gap + 1 &&
          second.conjuncts.size() > 1) {
        int after = second.range.end;
        if (after >= n_ || SpacedDash(after) || TagAt(after) == Tag::kComma ||
            TagAt(after) == Tag::kPunct) {
          first.apposition = static_cast<int>(a + 1);
        }
      }
    }
    // "The trade ministers of Chile and Korea, Ana Lopez and Kim Jun, met": a list of
    // names set off by commas after a plural phrase and its "of" list names its
    // people.
    for (size_t a = 0; a < out_.nps.size(); ++a) {
      NounPhrase& first = out_.nps[a];
      if (first.apposition >= 0 || t_[first.head].lower == t_[first.head].lemma ||
          TagAt(first.head) != Tag::kNoun) {
        continue;
      }
      const int comma = OfChainEnd(static_cast<int>(a));
      if (comma + 1 >= n_ || TagAt(comma) != Tag::kComma || out_.np_at[comma + 1] < 0)
        continue;
      const int b = out_.np_at[comma + 1];
      const NounPhrase& names = out_.nps[b];
      if (names.range.begin != comma + 1 || names.conjuncts.size() < 2 ||
          names.range.end >= n_ || TagAt(names.range.end) != Tag::kComma) {
        continue;
      }
      bool all_names = true;
      for (int k = names.range.begin; k < names.range.end; ++k) {
        all_names &= TagAt(k) == Tag::kProper || TagAt(k) == Tag::kConjunction ||
                     TagAt(k) == Tag::kComma;
      }
      if (all_names) first.apposition = b;
    }
    // "visited three West African countries this month: Ghana, Senegal and Nigeria":
    // a list after a colon that ends the sentence names the plural phrase before it.
    for (size_t a = 0; a + 1 < out_.nps.size(); ++a) {
      NounPhrase& first = out_.nps[a];
      size_t b = a + 1;  // "... nations last week: Fiji and ...": past a time.
      if (b + 1 < out_.nps.size() && TimeHead(out_.nps[b])) ++b;
      const NounPhrase& second = out_.nps[b];
      int colon = b == a + 1 ? first.range.end : out_.nps[a + 1].range.end;
      while (colon < n_ && TagAt(colon) == Tag::kAdverb) ++colon;
      if (first.apposition >= 0 || colon >= n_ || t_[colon].text != ":" ||
          second.range.begin != colon + 1 || second.conjuncts.size() < 2 ||
          t_[first.head].lower == t_[first.head].lemma) {
        continue;
      }
      const int after = second.range.end;
      if (after >= n_ || (TagAt(after) == Tag::kPunct && after + 1 >= n_)) {
        first.apposition = static_cast<int>(b);
      }
    }
    // "the Department of International Relations and Cooperation (DIRCO)": a phrase
    // alone in brackets right after another names it again.
    for (size_t a = 0; a + 1 < out_.nps.size(); ++a) {
      NounPhrase& first = out_.nps[a];
      const NounPhrase& second = out_.nps[a + 1];
      const int open = first.range.end;
      if (first.apposition < 0 && open < n_ && t_[open].text == "(" &&
          second.range.begin == open + 1 && second.range.end < n_ &&
          t_[second.range.end].text == ")") {
        first.apposition = static_cast<int>(a + 1);
      }
    }
    for (size_t a = 0; a + 1 < out_.nps.size(); ++a) {
      NounPhrase& first = out_.nps[a];
      const NounPhrase& second = out_.nps[a + 1];
      // "X, Y and Z, the three leaders,": a list may have one too, opened by an
      // article or a possessive.
      const bool list = first.conjuncts.size() > 1;
      if (second.conjuncts.size() > 1) continue;
      if (list && BarePluralSetOff(first, static_cast<int>(a + 1))) {
        first.apposition = static_cast<int>(a + 1);
        continue;
      }
      if (list && TagAt(second.range.begin) != Tag::kDeterminer &&
          TagAt(second.range.begin) != Tag::kPossessive) {
        continue;
      }
      if (first.range.end >= n_ || TagAt(first.range.end) != Tag::kComma) continue;
      // "X, last year's host of the games,": a time word before a possessor.
      const bool dated_possessor = second.range.begin == first.range.end + 2 &&
                                   TagAt(first.range.end + 1) == Tag::kAdverb &&
                                   second.possessor_end > second.range.begin;
      // "Mexico's trade with Canada, mostly imports, came to": an adverb and a bare
      // noun set off by commas say what the phrase before is made of.
      const bool qualified = second.range.begin == first.range.end + 1 &&
                             TagAt(second.range.begin) == Tag::kAdverb &&
                             TagAt(second.head) == Tag::kNoun;
      // "Jane Doe, Fiji's foreign minister,": a named owner opens the description.
      const bool named_owner = OpensWithNamedOwner(second);
      if (second.range.begin != first.range.end + 1 && !dated_possessor && !qualified) {
        continue;
      }
      int after = OfChainEnd(static_cast<int>(a + 1));
      // "one of the biggest lenders to the region": any phrases the kind takes.
      if (OneOf(second)) after = ChainEnd(out_, static_cast<int>(a + 1));
      // "Mongolia, an observer to the SCO,", "an observer in the SCO": a role held
      // towards a named party ("in" right after the role: not "the chair of the
      // council in Oslo", a place).
      const bool in_body =
          after < n_ && t_[after].LowerIs("in") && after == second.range.end;
      if (after + 1 < n_ && (t_[after].LowerIs("to") || in_body) &&
          out_.np_at[after + 1] >= 0) {
        const int to = out_.np_at[after + 1];
        if (out_.nps[to].range.begin == after + 1 && Named(out_.nps[to])) {
          after = OfChainEnd(to);
        }
      }
      // "Indonesia, a full member of BRICS since January 2025,": a time of the role.
      if (after + 1 < n_ && (t_[after].LowerIs("since") || t_[after].LowerIs("in")) &&
          out_.np_at[after + 1] >= 0 &&
          out_.nps[out_.np_at[after + 1]].range.begin == after + 1 &&
          (TimeHead(out_.nps[out_.np_at[after + 1]]) ||
           t_[after + 1].kind == TokenKind::kNumber)) {
        after = out_.nps[out_.np_at[after + 1]].range.end;
      }
      // "the Alliance of Sahel States (AES),": past the short name in brackets.
      if (after + 3 < n_ && t_[after].text == "(" && t_[after + 2].text == ")" &&
          (TagAt(after + 3) == Tag::kComma || TagAt(after + 3) == Tag::kPunct)) {
        after += 3;
      }
      // "Norway, a NATO member that shares a border with Russia, expelled": past a
      // relative clause about the description, to its closing comma.
      if (after < n_ && TagAt(after) == Tag::kRelative && Named(first)) {
        after = RelativeClauseEnd(after);
      }
      bool closes =
          after >= n_ || TagAt(after) == Tag::kComma || TagAt(after) == Tag::kPunct;
      // "Kenya and Uganda, the largest flow within the bloc,": a list's description
      // may hold any phrases, up to its closing comma.
      if (!closes && list && TagAt(after) == Tag::kPreposition) {
        const int chain_end = ChainEnd(out_, static_cast<int>(a + 1));
        closes = chain_end < n_ && TagAt(chain_end) == Tag::kComma;
      }
      if (!closes) continue;
      Tag start = TagAt(second.range.begin);
      if (CarriesOwnName(second)) continue;
      if (qualified) {
        first.apposition = static_cast<int>(a + 1);
      } else if ((start == Tag::kDeterminer || start == Tag::kPossessive ||
                  dated_possessor || named_owner || OneOf(second)) &&
                 Named(first)) {
        first.apposition = static_cast<int>(a + 1);
      } else if (DescribedName(first, second)) {
        first.apposition = static_cast<int>(a + 1);
      } else if (BareOffice(second, after) && Named(first)) {
        first.apposition = static_cast<int>(a + 1);
      } else if (OwnedInstitutionNamed(first, second)) {
        first.apposition = static_cast<int>(a + 1);
      } else if (OfficeThenName(first, second)) {
        first.apposition = static_cast<int>(a + 1);
      } else if (PlaceThenItsState(first, second)) {
        first.apposition = static_cast<int>(a + 1);
      }
    }
  }

  // "a plant in Dire Dawa, Ethiopia,": a place after "in", "at" or "near", then one
  // name set off by commas, which says where the place is.
  bool PlaceThenItsState(const NounPhrase& first, const NounPhrase& second) const {
    if (first.range.begin == 0 || first.conjuncts.size() > 1) return false;
    const Token& prep = t_[first.range.begin - 1];
    if (!prep.LowerIs("in") && !prep.LowerIs("at") && !prep.LowerIs("near")) return false;
    auto all_proper = [&](const NounPhrase& x) {
      for (int k = x.range.begin; k < x.range.end; ++k) {
        if (TagAt(k) != Tag::kProper) return false;
      }
      return true;
    };
    return all_proper(first) && all_proper(second) &&
           AtomEnd(second.range.begin) >= second.range.end;
  }

  // The comma that closes the relative clause opened at token i, when a verb stands
  // inside it; else i (no closing found).
  int RelativeClauseEnd(int i) const {
    constexpr int kRelativeClause = 30;
    bool verb = false;
    for (int k = i + 1; k < n_ && k < i + kRelativeClause; ++k) {
      const Tag tag = TagAt(k);
      if (tag == Tag::kComma) return verb ? k : i;
      // "(123-mile)": brackets stay inside.
      if (t_[k].text == "(" || t_[k].text == ")") continue;
      if (tag == Tag::kPunct || tag == Tag::kQuote || tag == Tag::kRelative) return i;
      verb |= out_.verb_at[k] >= 0;
    }
    return i;
  }

  // "the UAE, one of Africa's largest investors, pledged": "one of" a kind describes
  // the name as an article's phrase does.
  bool OneOf(const NounPhrase& second) const {
    const int one = second.range.begin;
    return second.range.end == one + 1 && t_[one].LowerIs("one") && one + 1 < n_ &&
           t_[one + 1].LowerIs("of");
  }

  // "Chile and Korea, strategic partners since 2015, signed": a bare plural set off
  // by commas after a list of names describes the list, with the phrases it takes.
  bool BarePluralSetOff(const NounPhrase& first, int second_np) const {
    const NounPhrase& second = out_.nps[second_np];
    if (first.range.end >= n_ || TagAt(first.range.end) != Tag::kComma ||
        second.range.begin != first.range.end + 1 || !Named(first)) {
      return false;
    }
    const Tag start = TagAt(second.range.begin);
    if ((start != Tag::kAdjective && start != Tag::kNoun) ||
        TagAt(second.head) != Tag::kNoun || t_[second.head].lower.back() != 's') {
      return false;
    }
    int after = second.range.end;
    for (bool more = true; more;) {
      more = false;
      for (int pp : second.pps) {
        if (out_.pps[pp].prep == after && out_.pps[pp].range.end > after) {
          after = out_.pps[pp].range.end;
          more = true;
        }
      }
    }
    return after < n_ && TagAt(after) == Tag::kComma;
  }

  // "the President of Brazil, Lula" read as one name: it describes its own name,
  // so it is no apposition to the name before it ("..., Anwar Ibrahim, the
  // President of Brazil, Lula, paid").
  bool CarriesOwnName(const NounPhrase& x) const {
    for (int k = x.range.begin + 1; k + 1 < x.range.end; ++k) {
      if (TagAt(k) == Tag::kComma && in_atom_[k]) return true;
    }
    return false;
  }

  // "Fiji's foreign minister", "South Korea's envoy": a name and its "'s", then at
  // least one more word, even where the whole is one mention.
  bool OpensWithNamedOwner(const NounPhrase& x) const {
    for (int k = x.range.begin; k + 1 < x.range.end; ++k) {
      if (t_[k].LowerIs("'s")) return k > x.range.begin;
      if (TagAt(k) != Tag::kProper || !t_[k].capitalized) return false;
    }
    return false;
  }

  // "Dilma Rousseff, president of the New Development Bank,": a bare noun with an
  // "of" name is an office without its article.
  bool BareOffice(const NounPhrase& x, int of_chain_end) const {
    if (of_chain_end <= x.range.end || TagAt(x.range.begin) != Tag::kNoun ||
        t_[x.range.begin].capitalized || !t_[x.range.end].LowerIs("of")) {
      return false;
    }
    const int named = out_.np_at[x.range.end + 1];
    return named >= 0 && t_[out_.nps[named].head].capitalized;
  }

  // "Latvia's parliament, the Saeima,": a named owner's common noun, then its own
  // name with the article.
  bool OwnedInstitutionNamed(const NounPhrase& first, const NounPhrase& second) const {
    if (first.possessor_end <= first.range.begin + 1 ||
        first.possessor_end >= first.range.end || !t_[first.range.begin].capitalized ||
        t_[first.head].capitalized) {
      return false;
    }
    if (!t_[second.range.begin].LowerIs("the") ||
        second.range.end - second.range.begin < 2)
      return false;
    for (int k = second.range.begin + 1; k < second.range.end; ++k) {
      if (TagAt(k) != Tag::kProper) return false;
    }
    return true;
  }

  bool Named(const NounPhrase& x) const {
    return TagAt(x.head) == Tag::kProper || AtomEnd(x.range.begin) > x.range.begin + 1 ||
           t_[x.head].capitalized;
  }

  // "joined their host, Dina Boluarte": a description after its determiner or
  // possessor, then the name it describes. Not after a preposition: "Chile's
  // president at the summit, Gabriel Boric," describes the phrase before it.
  bool DescribedName(const NounPhrase& first, const NounPhrase& second) const {
    const Tag start = TagAt(first.range.begin);
    if (start != Tag::kDeterminer && start != Tag::kPossessive) return false;
    if (first.range.begin > 0 && TagAt(first.range.begin - 1) == Tag::kPreposition)
      return false;
    if (Named(first) || first.possessor_end > first.range.begin + 1) return false;
    // "their own confederation, the Alliance of Sahel States,": a name the mention
    // finder knows as a whole may keep its article.
    int k = second.range.begin;
    if (t_[k].LowerIs("the") && k + 1 < second.range.end && in_atom_[k + 1]) ++k;
    for (; k < second.range.end; ++k) {
      if (TagAt(k) != Tag::kProper && !in_atom_[k]) return false;
    }
    return true;
  }

  // "talks with the host country's President, Alassane Ouattara,": an office with
  // its article or possessor, whose capitalized head is no name itself, and then a
  // name the mention finder knows as a whole.
  bool OfficeThenName(const NounPhrase& first, const NounPhrase& second) const {
    const Tag start = TagAt(first.range.begin);
    if (start != Tag::kDeterminer && start != Tag::kPossessive) return false;
    if (!t_[first.head].capitalized || in_atom_[first.head]) return false;
    return AtomEnd(second.range.begin) == second.range.end &&
           second.range.end > second.range.begin + 1;
  }

  // Where a phrase ends with the "of" phrases after it: "the chair of the council
  // of ministers".
  int OfChainEnd(int np) const {
    int end = out_.nps[np].range.end;
    for (bool more = true; more;) {
      more = false;
      for (int pp : out_.nps[np].pps) {
        const PrepPhrase& p = out_.pps[pp];
        if (p.prep == end && p.np >= 0 && t_[p.prep].LowerIs("of") &&
            p.prep_length == 1) {
          end = p.range.end;
          np = p.np;
          more = true;
          break;
        }
      }
    }
    return end;
  }

  const std::vector<Token>& t_;
  const std::vector<int>& atom_end_;
  const int n_;
  // Per token, as bytes (set and read at every token, no bit packing):
  std::vector<uint8_t> in_atom_;  // Inside a name of several words.
  std::vector<uint8_t> in_name_;  // Inside any name the gazetteer knows.
  Phrases out_;
};

}  // namespace

Phrases FindPhrases(const std::vector<Token>& tokens, const std::vector<int>& atom_end) {
  return PhraseFinder(tokens, atom_end).Run();
}

std::string PrepositionOf(const std::vector<Token>& tokens, const PrepPhrase& pp) {
  std::string out;
  for (int k = pp.prep; k < pp.prep + pp.prep_length; ++k) {
    if (!out.empty()) out.push_back(' ');
    out.append(tokens[k].lower);
  }
  return out;
}

int ChainEnd(const Phrases& ph, int np) {
  int end = ph.nps[np].range.end;
  // Chains are short: the phrases of one depth fit inline, with no allocation.
  using Frontier = absl::InlinedVector<int, 8>;
  Frontier frontier = {np};
  for (int depth = 0; depth < kChainDepth && !frontier.empty(); ++depth) {
    Frontier next;
    for (int x : frontier) {
      for (int pp : ph.nps[x].pps) {
        end = std::max(end, ph.pps[pp].range.end);
        if (ph.pps[pp].np >= 0) next.push_back(ph.pps[pp].np);
      }
    }
    frontier = std::move(next);
  }
  return end;
}

int PhraseBeforeBracket(const std::vector<Token>& tokens, const Phrases& ph, int close) {
  constexpr int kBracketedName = 6;
  if (close <= 0 || close >= static_cast<int>(tokens.size()) || tokens[close].text != ")")
    return -1;
  for (int open = close - 1; open > 0 && open >= close - kBracketedName; --open) {
    if (tokens[open].text == "(") return ph.np_at[open - 1];
  }
  return -1;
}

}  // namespace entente::importers::internal
