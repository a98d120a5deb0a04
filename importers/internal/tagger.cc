#include "importers/internal/tagger.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "importers/internal/dates.h"
#include "importers/internal/numbers.h"
#include "importers/internal/word_filter.h"

namespace entente::importers::internal {
bool IsQuoteMark(absl::string_view text) {
  return text == "\"" || text == "\u201c" || text == "\u201d" || text == "'" ||
         text == "\u2018" || text == "\u2019" || text == "\u00ab" || text == "\u00bb";
}

namespace {

bool IsNumberLike(absl::string_view text) {
  return text == "$" || text == "\u20ac" || text == "\u00a3" || text == "\u00a5" ||
         text == "%" || text == "\u20b9";
}

// Pass 1: what each word is out of context.
class LexicalPass {
 public:
  LexicalPass(const Lexicon& x, const ClosedClasses& c, std::vector<Token>& t)
      : x_(x), c_(c), t_(t), n_(static_cast<int>(t.size())) {}

  void Run() {
    for (int i = 0; i < n_; ++i) {
      Token& t = t_[i];
      t.lemma = t.lower;
      t.lemma_hash = t.hash;
      t.span = 1;
      if (t.kind == TokenKind::kPunct) {
        t.tag = t.text == ","          ? Tag::kComma
                : IsQuoteMark(t.text)  ? Tag::kQuote
                : IsNumberLike(t.text) ? Tag::kNumber
                                       : Tag::kPunct;
        if (t.tag == Tag::kQuote && PluralPossessive(i)) {
          t.tag = Tag::kPossessive;
          t.lower = "'s";
          t.hash = WordHash(t.lower);
          t.lemma = t.lower;
          t.lemma_hash = t.hash;
        }
        continue;
      }
      if (t.kind == TokenKind::kNumber) {
        t.tag = Tag::kNumber;
        continue;
      }
      // Pre-tagged: a demonym, or a name opening the sentence.
      if (t.tag == Tag::kAdjective || t.tag == Tag::kProper) continue;
      // Most words start no closed item: one test rules out every class at once.
      const bool may_be_closed = x_.MayMatchAny(c_.word_classes, t);
      if (int span = may_be_closed ? MultiWord(i) : 1; span > 1) {
        i += span - 1;
        continue;
      }
      Word(i, may_be_closed);
    }
  }

 private:
  // Multi-word closed items ("according to", "no longer"): tags every token.
  int MultiWord(int i) {
    struct Option {
      ClassId id;
      Tag tag;
    };
    const Option options[] = {{c_.prep, Tag::kPreposition},
                              {c_.sub, Tag::kSubordinator},
                              {c_.neg, Tag::kNegation},
                              {c_.adverb, Tag::kAdverb}};
    for (const Option& o : options) {
      PhraseMatch m = x_.MatchAt(o.id, t_, i, n_);
      if (m.length < 2) continue;
      for (int k = i; k < i + m.length; ++k) {
        t_[k].tag = o.tag;
        t_[k].span = 1;
      }
      t_[i].span = static_cast<uint8_t>(m.length);
      return m.length;
    }
    return 1;
  }

  // "the G20 Leaders' Summit", "the United States' 25% tariffs": an apostrophe
  // written onto a word in -s, before a word or a number, that closes no quotation
  // opened with a single mark.
  bool PluralPossessive(int i) const {
    const Token& t = t_[i];
    if ((t.text != "'" && t.text != "\u2019") || i == 0 || i + 1 >= n_) return false;
    const Token& before = t_[i - 1];
    const Token& after = t_[i + 1];
    if (before.end != t.begin || after.begin == t.end ||
        (after.kind != TokenKind::kWord && after.kind != TokenKind::kNumber) ||
        before.kind != TokenKind::kWord || before.lower.empty() ||
        before.lower.back() != 's')
      return false;
    // An opening single mark before it: written before a word, after a space.
    for (int k = i - 1; k >= 0; --k) {
      const Token& q = t_[k];
      if (q.text != "'" && q.text != "\u2018" && q.text != "\u2019") continue;
      bool opens =
          k + 1 < n_ && t_[k + 1].begin == q.end && (k == 0 || t_[k - 1].end < q.begin);
      if (opens) return false;
    }
    return true;
  }

  bool In(ClassId id, int i) const { return x_.OneWordAt(id, t_, i); }

  bool TakesContent(int i) const {
    for (ClassId id : {c_.speech_verb, c_.irrealis_governor, c_.content_verb}) {
      if (id >= 0 && In(id, i)) return true;
    }
    return false;
  }

  void Word(int i, bool may_be_closed) {
    Token& t = t_[i];
    // Views compare lengths before bytes (std::string against a literal calls
    // memcmp whatever the lengths), and this runs for every word.
    const absl::string_view word = t.lower;
    if (word == "'s") {
      t.tag = Tag::kPossessive;
      return;
    }
    // "US", "IT": upper-case words are names, not pronouns (not in a sentence all in
    // capitals, whose common words are no longer capitalized: item_reader.cc).
    bool closed =
        may_be_closed && !(t.capitalized && t.text.size() >= 2 && AllUpper(t.text));
    // "the seventh such meeting", "two such summits": after a count, "such" only
    // modifies the noun, in the same phrase.
    if (word == "such" && i > 0 &&
        (ParseOrdinal(t_[i - 1]).has_value() || t_[i - 1].tag == Tag::kNumber)) {
      return Set(t, Tag::kAdjective);
    }
    if (closed) {
      if (In(c_.det, i)) return Set(t, Tag::kDeterminer);
      if (In(c_.poss, i)) return Set(t, Tag::kPossessive);
      if (In(c_.pron, i)) return Set(t, Tag::kPronoun);
      if (In(c_.rel, i)) return Set(t, Tag::kRelative);
      if (In(c_.modal, i)) return Set(t, Tag::kModal);
      if (In(c_.aux, i)) return SetVerbLemma(t, Tag::kAux);
      if (In(c_.neg, i)) return Set(t, Tag::kNegation);
      if (In(c_.conj, i)) return Set(t, Tag::kConjunction);
      if (In(c_.to, i)) return Set(t, Tag::kTo);
      if (In(c_.prep, i)) return Set(t, Tag::kPreposition);
      if (In(c_.sub, i)) return Set(t, Tag::kSubordinator);
      if (In(c_.adverb, i)) return Set(t, Tag::kAdverb);
    }
    if (ParseCount(t) || ParseOrdinal(t)) {  // "two", "third"
      t.tag = Tag::kNumber;
      return;
    }
    if (const VerbEntry* v = x_.Verb(t)) {
      t.verb_forms = v->forms;
      t.lemma = v->lemma;
      t.lemma_hash = v->lemma_hash;
      if (TakesContent(i)) t.verb_forms |= kTakesContent;
      if (c_.speech_verb >= 0 && In(c_.speech_verb, i)) t.verb_forms |= kSpeech;
      if ((c_.praise_verb >= 0 && In(c_.praise_verb, i)) ||
          (c_.causative_verb >= 0 && In(c_.causative_verb, i))) {
        t.verb_forms |= kObjectControl;
      }
    } else if (std::string past = Lexicon::RegularPastLemma(t.lower);
               !past.empty() && !x_.ContainsWord(c_.adjective, t)) {
      // A verb the lexicon does not list still reads as one in its past form
      // ("the two sides spelled out"); context decides as for any other.
      t.verb_forms = kPastTense | kPastParticiple;
      t.lemma = std::move(past);
      t.lemma_hash = WordHash(t.lemma);
    } else {
      x_.SetNounLemma(t);
      // "swiftly", not "Italy" or "Sicily": a capital inside the sentence is a name.
      if (t.lower.size() > 4 && t.lower.ends_with("ly") &&
          !(t.capitalized && !SentenceStart(i))) {
        t.tag = Tag::kAdverb;
        return;
      }
    }
    t.tag = t.capitalized && !SentenceStart(i) ? Tag::kProper : Tag::kNoun;
    // "its own enhanced agreement": a word that only modifies.
    bool in_phrase =
        i > 0 && (t_[i - 1].tag == Tag::kDeterminer || t_[i - 1].tag == Tag::kPossessive);
    // The word as written: "officials" is no adjective though "official" is.
    if (t.tag == Tag::kNoun && (t.verb_forms == 0 || in_phrase) &&
        x_.ContainsWord(c_.adjective, t)) {
      t.tag = Tag::kAdjective;
    }
    // "the six-month rotating presidency", "a treaty-level pact": a hyphenated word
    // that describes the noun after it.
    if (t.tag == Tag::kNoun && in_phrase && i + 1 < n_ &&
        t_[i + 1].kind == TokenKind::kWord && CompoundAdjective(word)) {
      t.tag = Tag::kAdjective;
    }
  }

  void Set(Token& t, Tag tag) { t.tag = tag; }
  void SetVerbLemma(Token& t, Tag tag) {
    t.tag = tag;
    if (const VerbEntry* v = x_.Verb(t)) {
      t.lemma = v->lemma;
      t.lemma_hash = v->lemma_hash;
      t.verb_forms = v->forms;
    }
  }

  // "two-day", "treaty-level": the part after the last hyphen is of @compound_end.
  bool CompoundAdjective(absl::string_view word) const {
    const size_t hyphen = word.rfind('-');
    if (hyphen == absl::string_view::npos || hyphen == 0) return false;
    return x_.Contains(c_.compound_end, word.substr(hyphen + 1));
  }

  bool SentenceStart(int i) const {
    if (i == 0) return true;
    const Token& p = t_[i - 1];
    // "ANKARA (AA) - Bilateral trade ...": a hyphen standing alone is a dash.
    return p.kind == TokenKind::kPunct &&
           ((IsQuoteMark(p.text) && !QuotedTitleAt(i - 1)) || p.text == ":" ||
            p.text == "\u2013" || p.text == "\u2014" || p.text == "(" || p.text == "-" ||
            p.text == "--");
  }

  // 'under the theme "Shared Prosperity"', 'the "Bridge to the Future" plan': quoted
  // words that are all capitalized or numbers, but for articles, prepositions and
  // conjunctions between them, are a title. Its opening mark starts no speech, so its
  // first word is a name like the others.
  bool QuotedTitleAt(int open) const {
    constexpr int kMaxTitleWords = 10;
    int named = 0;
    for (int k = open + 1; k < n_ && k <= open + kMaxTitleWords + 1; ++k) {
      const Token& w = t_[k];
      if (w.kind == TokenKind::kPunct) {
        const Token& last = t_[k - 1];
        return IsQuoteMark(w.text) && named >= 2 &&
               (last.capitalized || last.kind == TokenKind::kNumber);
      }
      if (w.capitalized || w.kind == TokenKind::kNumber) {
        ++named;
        continue;
      }
      const bool joining = x_.ContainsWord(c_.det, w) || x_.ContainsWord(c_.prep, w) ||
                           x_.ContainsWord(c_.conj, w) || x_.ContainsWord(c_.to, w);
      if (k == open + 1 || !joining) return false;
    }
    return false;
  }

  const Lexicon& x_;
  const ClosedClasses& c_;
  std::vector<Token>& t_;
  const int n_;
};

// Pass 2: verb or noun, "to" before a verb, phrasal particles, "that".
class ContextPass {
 public:
  ContextPass(const Lexicon& x, const ClosedClasses& c, std::vector<Token>& t)
      : x_(x), c_(c), t_(t), n_(static_cast<int>(t.size())) {}

  void Run() {
    for (int i = 0; i < n_; ++i) {
      Token& t = t_[i];
      if (t.tag == Tag::kTo) {
        // "to raise", "to roughly double", "to be admitted".
        int k = i + 1;
        while (k < n_ && k <= i + kContextWindow && t_[k].tag == Tag::kAdverb) ++k;
        bool verb_next = k < n_ && (t_[k].verb_forms & kBaseForm) && !t_[k].capitalized &&
                         (t_[k].tag == Tag::kNoun || t_[k].tag == Tag::kAux);
        if (!verb_next) t.tag = Tag::kPreposition;
        continue;
      }
      // "is studying whether to build a smelter": before an infinitive, "whether"
      // opens no clause of its own; it stays in the one it weighs.
      if (t.tag == Tag::kSubordinator && t.LowerIs("whether") && i + 1 < n_ &&
          t_[i + 1].tag == Tag::kTo) {
        t.tag = Tag::kAdverb;
        continue;
      }
      if (t.tag == Tag::kDeterminer && t.LowerIs("that")) {
        ResolveThat(i);
        continue;
      }
      // "Jakarta has long prided itself": inside a verb group.
      if (i > 0 && i + 1 < n_ &&
          (t_[i - 1].tag == Tag::kAux || t_[i - 1].tag == Tag::kModal) &&
          t_[i + 1].verb_forms != 0 && x_.OneWordAt(c_.group_adverb, t_, i)) {
        t.tag = Tag::kAdverb;
        continue;
      }
      // "in May the two leaders", "the will of the people": a modal governs a verb, so
      // one before a determiner, number, preposition or the end of a phrase is a noun.
      if (t.tag == Tag::kModal && !ModalGovernsNext(i)) {
        t.tag = t.capitalized && i > 0 ? Tag::kProper : Tag::kNoun;
        continue;
      }
      // A capitalized word inside a sentence is a name ("the Reciprocal Access
      // Agreement"), never a verb; only a sentence's first word may be both.
      if (t.verb_forms == 0 || t.tag != Tag::kNoun) continue;
      t.tag = Decide(i);
      if (t.tag == Tag::kVerb) {
        MarkParticle(i);
      } else if (t.tag == Tag::kNoun) {
        // "the talks", "the forces": the noun's own lemma, not the verb's.
        x_.SetNounLemma(t);
      }
    }
    for (int i = 0; i < n_; ++i) {
      // "the following day", "the past week": after an article, no preposition.
      if (i > 0 && t_[i].tag == Tag::kPreposition && t_[i - 1].tag == Tag::kDeterminer &&
          (t_[i].LowerIs("following") || t_[i].LowerIs("past"))) {
        t_[i].tag = Tag::kAdjective;
      }
      // "100 per cent duties": "per cent" is one noun, as "percent" is, not a
      // preposition that ends the phrase.
      if (i > 0 && i + 1 < n_ && t_[i].LowerIs("per") && t_[i + 1].LowerIs("cent") &&
          (t_[i - 1].kind == TokenKind::kNumber || t_[i - 1].tag == Tag::kNumber)) {
        t_[i].tag = Tag::kNoun;
        t_[i + 1].tag = Tag::kNoun;
      }
      if (ListSemicolon(i)) t_[i].tag = Tag::kComma;
      // "barred 20 more Serbian officials": one phrase, the number's.
      if (i > 0 && t_[i].tag == Tag::kDeterminer && t_[i - 1].tag == Tag::kNumber &&
          x_.OneWordAt(c_.count_quantifier, t_, i)) {
        t_[i].tag = Tag::kAdjective;
      }
      if (t_[i].tag == Tag::kPreposition && x_.OneWordAt(c_.sub, t_, i) &&
          t_[i].span == 1 && ClauseFollows(i)) {
        t_[i].tag = Tag::kSubordinator;
      }
      if (TimeDegreeAt(i)) t_[i].tag = Tag::kAdverb;
      ApproximationAt(i);
      ScareQuotesAt(i);
      DatedPossessorAt(i);
      DatedObjectAt(i);
    }
    VerbOfVerblessSentence();
  }

  // "The two established diplomatic relations in 1990", "..., and both signed a
  // pact": when nothing in a sentence, or in its part after ", and" or ";", is a
  // verb, a past form read as a noun or an adjective after a number or "both" ("the
  // two", "both") or a pronoun is its verb.
  void VerbOfVerblessSentence() {
    int begin = 0;
    for (int i = 0; i <= n_; ++i) {
      const bool part_ends =
          i == n_ || t_[i].text == ";" ||
          (t_[i].tag == Tag::kComma && i + 1 < n_ && t_[i + 1].tag == Tag::kConjunction);
      if (!part_ends) continue;
      VerbOfVerblessPart(begin, i);
      begin = i + 1;
    }
  }

  void VerbOfVerblessPart(int begin, int end) {
    for (int i = begin; i < end; ++i) {
      const Tag tag = t_[i].tag;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal) return;
    }
    for (int i = std::max(begin, 1); i + 1 < end; ++i) {
      const Token& t = t_[i];
      if ((t.tag != Tag::kAdjective && t.tag != Tag::kNoun) ||
          !(t.verb_forms & kPastTense))
        continue;
      const Token& before = t_[i - 1];
      // "the two", not a bare count ("About 40 signed the letter").
      const bool counted =
          before.tag == Tag::kNumber && i >= 2 && t_[i - 2].LowerIs("the");
      const bool subject_end = counted || before.tag == Tag::kPronoun ||
                               (before.tag == Tag::kDeterminer && before.LowerIs("both"));
      if (!subject_end) continue;
      // The only word of the part that may be a verb ("The two signed treaties remain
      // in force" has another).
      bool other = false;
      for (int k = i + 1; k < end && !other; ++k) other = t_[k].verb_forms != 0;
      if (other) return;
      t_[i].tag = Tag::kVerb;
      if (const VerbEntry* v = x_.Verb(t_[i])) {  // Not the noun's lemma.
        t_[i].lemma = v->lemma;
        t_[i].lemma_hash = v->lemma_hash;
      }
      return;
    }
  }

 private:
  // Whether the modal at i can govern what follows it: a verb, an adverb, a negation,
  // or a subject in a question ("May I"). Lexical tags only.
  bool ModalGovernsNext(int i) const {
    if (i + 1 >= n_) return false;
    // "in May last year": after a preposition it is the month.
    if (i > 0 && t_[i - 1].tag == Tag::kPreposition && t_[i].capitalized) return false;
    // "on 7 May Chile signed": after a day's number too.
    if (i > 0 && t_[i - 1].tag == Tag::kNumber && t_[i].capitalized) return false;
    const Tag next = t_[i + 1].tag;
    // "could one day be built": a time phrase between the modal and its verb.
    if (t_[i + 1].LowerIs("one") && i + 2 < n_ && t_[i + 2].LowerIs("day")) return true;
    // "Theresa May met": no past form follows a modal.
    const uint8_t forms = t_[i + 1].verb_forms;
    if (next == Tag::kNoun && forms != 0 && !(forms & kBaseForm)) return false;
    return !(next == Tag::kDeterminer || next == Tag::kNumber || next == Tag::kPunct ||
             next == Tag::kComma || next == Tag::kPreposition ||
             next == Tag::kPossessive || next == Tag::kConjunction ||
             next == Tag::kQuote);
  }

  // The nearest token before i that is not an adverb (within kContextWindow).
  int Previous(int i) const {
    int p = i - 1;
    for (int k = 0; k < kContextWindow && p >= 0 && t_[p].tag == Tag::kAdverb; ++k) --p;
    // "a \"reinforced\" partnership": an opening quote inside a phrase is no break.
    if (p > 0 && t_[p].tag == Tag::kQuote) {
      Tag before = t_[p - 1].tag;
      if (before == Tag::kDeterminer || before == Tag::kPossessive ||
          before == Tag::kAdjective || before == Tag::kNumber) {
        return p - 1;
      }
    }
    return p;
  }

  bool StartsObject(int i) const {
    if (i >= n_) return false;
    Tag tag = t_[i].tag;
    // "a memorandum of understanding that Peru and Chile signed": a "that" before a
    // name, a pronoun or an article opens a clause; it determines no object.
    if (t_[i].LowerIs("that") && i + 1 < n_ &&
        (t_[i + 1].tag == Tag::kProper || t_[i + 1].tag == Tag::kPronoun ||
         t_[i + 1].tag == Tag::kDeterminer)) {
      return false;
    }
    return tag == Tag::kDeterminer || tag == Tag::kProper || tag == Tag::kPossessive ||
           tag == Tag::kNumber || tag == Tag::kPronoun ||
           (tag == Tag::kAdjective && t_[i].capitalized);
  }

  // "the curbs it had placed": a pronoun before an auxiliary or a past tense is the
  // subject of a clause of its own, not the object of the word before it.
  bool SubjectPronounAt(int i) const {
    if (i + 1 >= n_ || t_[i].tag != Tag::kPronoun) return false;
    const Token& next = t_[i + 1];
    return next.tag == Tag::kAux || next.tag == Tag::kModal ||
           (next.verb_forms & kPastTense);
  }

  // A word that can start a noun phrase: "sign [fisheries pact]", "sign [17 deals]".
  bool StartsPhrase(int i) const {
    if (i >= n_) return false;
    const Tag tag = t_[i].tag;
    return tag == Tag::kNoun || tag == Tag::kAdjective || tag == Tag::kNumber ||
           tag == Tag::kDeterminer || tag == Tag::kProper || tag == Tag::kPossessive;
  }

  bool ParticipleWithAgent(int i) const {
    return i + 1 < n_ && (t_[i].verb_forms & kPastParticiple) && t_[i + 1].LowerIs("by");
  }

  bool NominalNext(int i) const {
    return i < n_ && (t_[i].tag == Tag::kNoun || t_[i].tag == Tag::kProper ||
                      t_[i].tag == Tag::kAdjective);
  }

  // "Kazakhstan and Uzbekistan each signed", "the three all established": a
  // quantifier that floats after its subject is no determiner of what follows.
  void FloatQuantifier(int p) {
    if (p <= 0 || t_[p].tag != Tag::kDeterminer) return;
    const std::string& w = t_[p].lower;
    if (w != "all" && w != "each" && w != "both") return;
    Tag before = t_[p - 1].tag;
    // "X and Y both signed", "the envoys all left"; "X and Y have both signed".
    if (before == Tag::kProper ||
        (before == Tag::kNoun && t_[p - 1].lower.back() == 's') ||
        (before == Tag::kAux && (t_[p - 1].LemmaIs("have") || t_[p - 1].LemmaIs("be")))) {
      t_[p].tag = Tag::kAdverb;
    }
  }

  // "The two signed an agreement", "the three met in Baku": "the" and a count stand
  // for the parties, and a past form after them is their verb when what follows
  // opens an object or a phrase (not "the two signed agreements").
  bool CountAsSubject(int count, int next) const {
    if (count < 1 || !t_[count - 1].LowerIs("the") || !ParseCount(t_[count]) ||
        next >= static_cast<int>(t_.size())) {
      return false;
    }
    // "between the two reached $1.1 billion": an amount after it too.
    const Tag after = t_[next].tag;
    return after == Tag::kDeterminer || after == Tag::kPossessive ||
           after == Tag::kPreposition || after == Tag::kTo || after == Tag::kPunct ||
           after == Tag::kComma || after == Tag::kNumber;
  }

  // Verb, noun or adjective for word i, which can be a verb or a noun, chiefly by
  // the word before it.
  Tag Decide(int i) {
    const uint8_t f = t_[i].verb_forms;
    const bool participle = f & (kPastParticiple | kGerund);
    if (f & (kPastTense | kThirdPerson | kBaseForm)) FloatQuantifier(i - 1);
    const int p = Previous(i);
    const Tag pt = p >= 0 ? t_[p].tag : Tag::kPunct;
    const bool start = p < 0 || pt == Tag::kQuote || pt == Tag::kPunct;
    // "the Group of Twenty concluded": a capitalized number is part of a name.
    // "in October 2022 opened", "on 08.07.2025 signed": a past tense after a date's
    // year is its verb.
    // "signed in 2001 remains in force": so is a linking verb's present form (not
    // "the 2030 targets").
    // "The EU on January 29 extended", "a statement on March 17 condemning": so is
    // a past form or a gerund after a month's day.
    const bool day_of_month = p >= 0 && DayOfMonth(t_, p) && (f & (kPastTense | kGerund));
    const bool after_year =
        (pt == Tag::kNumber && YearEndingToken(t_[p]).has_value() &&
         ((f & kPastTense) || ((f & kThirdPerson) && LinkingVerbAt(i)))) ||
        day_of_month;
    if (pt == Tag::kNumber && (f & kPastTense) && CountAsSubject(p, i + 1)) {
      return Tag::kVerb;
    }
    // "Frei arrives and holds talks": the present form joined to a name's verb.
    if ((f & kThirdPerson) && !(f & kPastTense) && p >= 2 && t_[p].LowerIs("and") &&
        t_[p - 1].tag == Tag::kVerb && (t_[p - 1].verb_forms & kThirdPerson) &&
        t_[p - 2].tag == Tag::kProper && StartsPhrase(i + 1)) {
      return Tag::kVerb;
    }
    // "Both imposed travel bans on ...": "both" opening a sentence, or a part of one
    // after a comma or "and", stands for the parties, and a past form after it is
    // their verb.
    if (pt == Tag::kDeterminer && t_[p].LowerIs("both") && (f & kPastTense)) {
      const int q = Previous(p);
      if (q < 0 || t_[q].tag == Tag::kPunct || t_[q].tag == Tag::kQuote ||
          t_[q].tag == Tag::kComma || t_[q].tag == Tag::kConjunction) {
        return Tag::kVerb;
      }
    }
    // "The former signed ...": "the former" and "the latter" stand for a noun.
    if (p > 0 && (t_[p].LowerIs("former") || t_[p].LowerIs("latter")) &&
        t_[p - 1].LowerIs("the")) {
      t_[p].tag = Tag::kNoun;
      return DecideAfterNominal(i, p);
    }
    // "the leaders' meeting hosted by Peru": a participle with its agent after it
    // is a verb of its own, not a noun the gerund modifies.
    if (pt == Tag::kDeterminer || pt == Tag::kPossessive ||
        (pt == Tag::kNumber && !t_[p].capitalized && !after_year) ||
        pt == Tag::kAdjective) {
      return participle && NominalNext(i + 1) && !ParticipleWithAgent(i + 1)
                 ? Tag::kAdjective
                 : Tag::kNoun;
    }
    // "already has visiting forces agreements": a gerund right after a form of
    // "have" is no verb of it (that takes a participle: "has visited").
    if (pt == Tag::kAux && (f & kGerund) && !(f & kPastParticiple) &&
        t_[p].LemmaIs("have")) {
      return NominalNext(i + 1) ? Tag::kAdjective : Tag::kNoun;
    }
    // "a referendum that monitors say was rigged": after "that", a plural before a
    // verb of saying or a past form is the relative clause's subject.
    if (pt == Tag::kRelative && t_[p].LowerIs("that") && (f & kThirdPerson) &&
        i + 1 < n_ &&
        ((t_[i + 1].verb_forms & kPastTense) || x_.OneWordAt(c_.speech_verb, t_, i + 1) ||
         x_.OneWordAt(c_.content_verb, t_, i + 1))) {
      return Tag::kNoun;
    }
    if (pt == Tag::kModal || pt == Tag::kAux || pt == Tag::kNegation ||
        pt == Tag::kPronoun || pt == Tag::kRelative) {
      return Tag::kVerb;
    }
    if (pt == Tag::kTo) return (f & kBaseForm) ? Tag::kVerb : Tag::kNoun;
    if (GuestModifier(i, p) || GuestBeforePeople(i, pt)) return Tag::kAdjective;
    if (pt == Tag::kPreposition) {
      // "by signing the accord" acts; "a memorandum of understanding in Brussels" names.
      if (!(f & kGerund)) return Tag::kNoun;
      if (!t_[p].LowerIs("of") || StartsObject(i + 1)) return Tag::kVerb;
      return NominalNext(i + 1) && !t_[i + 1].capitalized ? Tag::kVerb : Tag::kNoun;
    }
    // "agreed to: - raise bilateral trade to $5 billion": a bullet's bare verb
    // before its object, completing the sentence the list follows.
    if (start && p >= 0 && (f & kBaseForm) && !(f & kPastTense) &&
        (t_[p].text == "-" || t_[p].text == "\u2013" || t_[p].text == "\u2022" ||
         t_[p].text == "*") &&
        (StartsObject(i + 1) || NominalNext(i + 1))) {
      return Tag::kVerb;
    }
    if (pt == Tag::kComma || start) {
      if (f & (kGerund | kPastParticiple)) return Tag::kVerb;  // ", marking ..."
      // "the summit, chaired by Peru, took place": a past tense resumes the clause.
      if ((f & kPastTense) && pt == Tag::kComma) return Tag::kVerb;
      // "The meeting, which Peru hosts, takes place in Lima": a present form after
      // the comma that closes a relative clause is the verb its subject waited for.
      if ((f & kThirdPerson) && pt == Tag::kComma &&
          (ClosesRelativeInsertion(p) || ClosesParticipleInsertion(p) ||
           ClosesPhraseInsertion(p))) {
        return Tag::kVerb;
      }
      return Tag::kNoun;
    }
    if (pt == Tag::kConjunction) return DecideAfterConjunction(i, p);
    if (pt == Tag::kVerb) {
      return (f & kGerund) && StartsObject(i + 1) ? Tag::kVerb : Tag::kNoun;
    }
    return DecideAfterNominal(i, p);
  }

  // "The ban China imposed on Peru remains": the verb before i is the only one, and
  // it follows a name right after the sentence's first noun, a relative clause
  // without pronoun; i may be the main verb the noun waits for.
  bool LinkingVerbAt(int i) const {
    const VerbEntry* verb = x_.Verb(t_[i]);
    return verb != nullptr && x_.Contains(c_.linking_verb, verb->lemma);
  }

  // "The treaty signed by X and Y in 2001 remains in force": the clause's only verb
  // before i is a past participle right after a common noun and before a
  // preposition, which describes the noun.
  bool ParticipleOfNounBefore(int i) const {
    int verb = -1;
    for (int k = i - 1; k >= 0; --k) {
      if (ClauseBreak(t_[k])) break;
      const Tag tag = t_[k].tag;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal) {
        if (verb >= 0) return false;
        verb = k;
      }
    }
    return verb >= 1 && verb + 1 < i && (t_[verb].verb_forms & kPastParticiple) &&
           t_[verb - 1].tag == Tag::kNoun && !t_[verb - 1].capitalized &&
           t_[verb + 1].tag == Tag::kPreposition;
  }

  bool ZeroRelativeVerbBefore(int i) const {
    int verb = -1;
    for (int k = i - 1; k >= 0; --k) {
      const Tag tag = t_[k].tag;
      if (tag == Tag::kComma || tag == Tag::kPunct || tag == Tag::kRelative) return false;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal) {
        if (verb >= 0) return false;  // Two verbs before: not this shape.
        verb = k;
      }
    }
    if (verb < 2) return false;
    const Tag subject = t_[verb - 1].tag;
    if (subject != Tag::kProper && subject != Tag::kPronoun) return false;
    int k = verb - 2;
    while (k >= 0 && t_[k].tag == Tag::kProper) --k;  // A name of several words.
    return k >= 1 && t_[k].tag == Tag::kNoun && !t_[k].capitalized &&
           t_[k - 1].tag == Tag::kDeterminer;
  }

  // The comma at p closes ", which ..." (or who, where) inserted after a subject
  // that has no verb yet.
  bool ClosesRelativeInsertion(int p) const {
    for (int k = p - 1; k > 0; --k) {
      const Tag tag = t_[k].tag;
      if (tag == Tag::kRelative && t_[k - 1].tag == Tag::kComma) {
        for (int j = k - 2; j >= 0; --j) {
          const Tag before = t_[j].tag;
          if (before == Tag::kVerb || before == Tag::kAux || before == Tag::kModal ||
              before == Tag::kComma || before == Tag::kPunct) {
            return false;
          }
        }
        return true;
      }
      if (tag == Tag::kComma || tag == Tag::kPunct) return false;
    }
    return false;
  }

  // The comma at p closes a participle set off after a subject that has no verb yet
  // ("the accord, signed by Chile, Peru and Bolivia in May, opens ...").
  bool ClosesParticipleInsertion(int p) const {
    for (int k = p - 1; k > 0; --k) {
      const Tag tag = t_[k].tag;
      if (tag == Tag::kAux || tag == Tag::kModal || tag == Tag::kPunct) return false;
      if (tag != Tag::kVerb) continue;
      if (!(t_[k].verb_forms & (kPastParticiple | kGerund)) ||
          t_[k - 1].tag != Tag::kComma) {
        return false;
      }
      return SubjectWithoutVerbBefore(k - 2, /*names_only=*/false);
    }
    return false;
  }

  // The words from j back to the sentence's start or a subordinator are a subject
  // with no verb yet: no verb, auxiliary, comma or stop among them (`names_only`:
  // only names, nouns and "and", as before a prepositional insertion).
  bool SubjectWithoutVerbBefore(int j, bool names_only) const {
    for (; j >= 0; --j) {
      const Tag before = t_[j].tag;
      if (before == Tag::kSubordinator) return true;
      const bool stop = names_only ? !IsNominal(before) && before != Tag::kConjunction
                                   : before == Tag::kVerb || before == Tag::kAux ||
                                         before == Tag::kModal || before == Tag::kComma ||
                                         before == Tag::kPunct;
      if (stop) return false;
    }
    return true;
  }

  // The comma at p closes a prepositional phrase set off after a subject that has no
  // verb yet ("Boric, on a three-day state visit, travels on to Paris").
  bool ClosesPhraseInsertion(int p) const {
    int open = p - 1;
    while (open >= 0 && t_[open].tag != Tag::kComma) {
      const Tag tag = t_[open].tag;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal ||
          tag == Tag::kPunct || tag == Tag::kQuote) {
        return false;
      }
      --open;
    }
    if (open < 1 || open + 1 >= p || t_[open + 1].tag != Tag::kPreposition) return false;
    return SubjectWithoutVerbBefore(open - 1, /*names_only=*/true);
  }

  // "received visiting Chilean Foreign Minister Rojas", "talks with visiting King X":
  // a @guest_gerund before a capitalized word, right after a verb or a
  // @guest_preposition, describes the guest who follows.
  // "met acting Defence Minister X": a @title_gerund before a capitalized word, after
  // anything, describes the office that follows.
  bool GuestModifier(int i, int p) const {
    if (i + 1 >= static_cast<int>(t_.size()) || !t_[i + 1].capitalized) return false;
    if (x_.OneWordAt(c_.title_gerund, t_, i)) return true;
    if (p < 0 || !x_.OneWordAt(c_.guest_gerund, t_, i)) return false;
    return t_[p].tag == Tag::kVerb ||
           (t_[p].tag == Tag::kPreposition && x_.OneWordAt(c_.guest_preposition, t_, p));
  }

  // "a status of visiting forces agreement", "met visiting officials": after a
  // preposition or a verb, a @guest_gerund before a @guest_noun describes them.
  bool GuestBeforePeople(int i, Tag pt) const {
    return (pt == Tag::kPreposition || pt == Tag::kVerb) &&
           i + 1 < static_cast<int>(t_.size()) && !t_[i + 1].capitalized &&
           x_.OneWordAt(c_.guest_gerund, t_, i) && x_.OneWordAt(c_.guest_noun, t_, i + 1);
  }

  // Decide for word i after a conjunction at p.
  Tag DecideAfterConjunction(int i, int p) const {
    const uint8_t f = t_[i].verb_forms;
    const bool participle = f & (kPastParticiple | kGerund);
    // "narrow and expanded formats": a participle between a modifier and its noun;
    // not "talks and signed agreements" or "in January and raised ties".
    const Token* before = p > 0 ? &t_[p - 1] : nullptr;
    bool modifier_before =
        before != nullptr && !before->capitalized &&
        (before->tag == Tag::kNoun || before->tag == Tag::kAdjective) &&
        before->lower.back() != 's';
    if (modifier_before && participle && NominalNext(i + 1) && !StartsObject(i + 1)) {
      return Tag::kAdjective;
    }
    // "Sultan Haitham and visiting Turkmen President Serdar ...": after a name and
    // "and", a gerund before a capitalized title or name describes the next member.
    if (before != nullptr && before->tag == Tag::kProper && (f & kGerund) &&
        !(f & kPastTense) && i + 1 < static_cast<int>(t_.size()) &&
        t_[i + 1].capitalized && t_[i + 1].tag == Tag::kProper) {
      return Tag::kAdjective;
    }
    if (f & kPastTense) return Tag::kVerb;  // "met and signed"
    return StartsObject(i + 1) ? Tag::kVerb : Tag::kNoun;
  }

  // Decide for word i after a noun, a name or another word at p (-1 for none) that
  // settles nothing by itself.
  Tag DecideAfterNominal(int i, int p) const {
    const uint8_t f = t_[i].verb_forms;
    const Tag pt = p >= 0 ? t_[p].tag : Tag::kPunct;
    // "a Gulf state", "an EU report": after "a" and a name, a noun the name modifies;
    // not a gerund with an object of its own ("a Protocol amending the Treaty").
    if (pt == Tag::kProper && p > 0 &&
        (t_[p - 1].LowerIs("a") || t_[p - 1].LowerIs("an")) &&
        !((f & kGerund) && StartsObject(i + 1))) {
      return Tag::kNoun;
    }
    // "as the African co-chair of the council": after "the" and one name, a word
    // with an "of" phrase is the noun the name modifies.
    if (pt == Tag::kProper && p > 0 && t_[p - 1].LowerIs("the") && i + 1 < n_ &&
        t_[i + 1].LowerIs("of") && !(f & kPastTense)) {
      return Tag::kNoun;
    }
    // "according to government figures", "on behalf of member states": the object
    // of a multi-word preposition is an adjunct, with no verb of its own.
    if ((f & (kThirdPerson | kBaseForm)) && !(f & kPastTense) &&
        InMultiWordPrepositionObject(i)) {
      return Tag::kNoun;
    }
    // "denied media reports that ...": a word for hearsay after a verb's object noun
    // continues that object.
    if ((f & kThirdPerson) && pt == Tag::kNoun && p > 0 && t_[p - 1].tag == Tag::kVerb &&
        x_.OneWordAt(c_.hearsay_noun, t_, i)) {
      return Tag::kNoun;
    }
    // After a noun or a name: a verb when it is tensed, or when an object or an
    // infinitive follows ("the two countries intend to sign").
    if (f & kPastTense) return Tag::kVerb;
    // "renewed its export controls on Russia", "lifted Canada's travel bans on": a
    // plural after a possessive and a noun closes that compound noun.
    if ((f & kThirdPerson) && pt == Tag::kNoun && p > 0 &&
        t_[p - 1].tag == Tag::kPossessive && t_[i].lower.back() == 's' && i + 1 < n_ &&
        t_[i + 1].tag == Tag::kPreposition) {
      return Tag::kNoun;
    }
    // "condemned in the strongest possible terms X's attack": a present form that
    // closes a preposition's article and modifiers is that phrase's noun.
    if (ClosesPrepositionalPhrase(i)) return Tag::kNoun;
    // "Analysts expect trade to ...", "Officials say": a plural noun, then the bare
    // form of a verb of saying or thinking, which no noun compound holds.
    if ((f & kBaseForm) && !(f & (kThirdPerson | kPastTense)) && pt == Tag::kNoun &&
        t_[p].lower != t_[p].lemma && t_[p].lower.back() == 's' &&
        (x_.OneWordAt(c_.speech_verb, t_, i) || x_.OneWordAt(c_.content_verb, t_, i))) {
      return Tag::kVerb;
    }
    // "The peace accord that ...": a bare form cannot agree with a singular noun
    // right after an article, so it is that noun's head.
    if ((f & kBaseForm) && !(f & (kThirdPerson | kPastTense)) && pt == Tag::kNoun &&
        t_[p].lower.back() != 's' && p > 0 && t_[p - 1].tag == Tag::kDeterminer &&
        (t_[p - 1].LowerIs("the") || t_[p - 1].LowerIs("a") || t_[p - 1].LowerIs("an"))) {
      return Tag::kNoun;
    }
    // "want to (roughly) double": adverbs may stand between "to" and its verb.
    int inf = i + 2;
    while (inf + 1 < n_ && inf <= i + 3 && t_[inf].tag == Tag::kAdverb) ++inf;
    if ((f & (kThirdPerson | kBaseForm)) && inf < n_ && t_[i + 1].LowerIs("to") &&
        (t_[inf].verb_forms & kBaseForm) && !t_[inf].capitalized) {
      return Tag::kVerb;
    }
    if ((f & (kThirdPerson | kBaseForm)) && StartsObject(i + 1) &&
        !SubjectPronounAt(i + 1))
      return Tag::kVerb;
    if ((f & (kThirdPerson | kBaseForm)) && pt == Tag::kProper && VerbAfterNames(i)) {
      return Tag::kVerb;
    }
    // "Frei arrives and holds talks with Shipley": a present form after a name, joined
    // to another that takes a phrase, when the clause has no verb yet.
    if ((f & kThirdPerson) && !(f & kPastTense) && pt == Tag::kProper && i + 3 < n_ &&
        t_[i + 1].LowerIs("and") && (t_[i + 2].verb_forms & kThirdPerson) &&
        StartsPhrase(i + 3) && !VerbBefore(i)) {
      return Tag::kVerb;
    }
    // (A name opening the sentence is still a capitalized noun here.)
    if ((f & (kThirdPerson | kBaseForm)) && !(f & kPastTense) &&
        (pt == Tag::kProper || (pt == Tag::kNoun && t_[p].capitalized)) &&
        VerbBeforeBareObject(i)) {
      return Tag::kVerb;
    }
    if ((f & kGerund) && StartsObject(i + 1)) return Tag::kVerb;
    // "measures targeting specific sectors": a gerund after a plural noun, before a
    // phrase of its own, describes that noun (not "a gas sharing agreement": a
    // plural is a noun whose lemma differs).
    if ((f & kGerund) && pt == Tag::kNoun && t_[p].lemma != t_[p].lower &&
        StartsPhrase(i + 1) && t_[i + 1].verb_forms == 0) {
      return Tag::kVerb;
    }
    // "a resolution condemning human rights violations": a gerund of stance after
    // any noun says what the noun does.
    if ((f & kGerund) && pt == Tag::kNoun && StartsPhrase(i + 1) &&
        x_.OneWordAt(c_.stance_gerund, t_, i)) {
      return Tag::kVerb;
    }
    // "with Mongolia's premier taking part".
    if ((f & kGerund) && x_.MatchAt(c_.phrasal, t_, i, i + 2).length == 2)
      return Tag::kVerb;
    // "Trade between Armenia and Qatar remains small": a linking verb after a name or
    // a noun, when the clause has no verb yet.
    if ((f & kThirdPerson) && (!VerbBefore(i) || ParticipleOfNounBefore(i))) {
      const VerbEntry* verb = x_.Verb(t_[i]);
      if (verb != nullptr && x_.Contains(c_.linking_verb, verb->lemma)) return Tag::kVerb;
    }
    // "The bloc rests on ...", "the framework dates to 2023": a singular subject with
    // no other verb before the clause ends.
    const bool after_noun = pt == Tag::kNoun || (pt == Tag::kProper && IsTimeWord(t_[p]));
    if ((f & kThirdPerson) && after_noun && t_[p].lower.back() != 's' &&
        (!VerbBefore(i) || ZeroRelativeVerbBefore(i)) && !VerbCandidateAfter(i)) {
      return Tag::kVerb;
    }
    return Tag::kNoun;
  }

  // The words before i back to an article are modifiers, and a preposition stands
  // before the article: i can only be the phrase's noun.
  bool ClosesPrepositionalPhrase(int i) const {
    constexpr int kModifierWindow = 3;  // "in the most forceful terms"
    int k = i - 1;
    bool joined = false;
    for (; k >= 0 && k >= i - kModifierWindow - (joined ? 1 : 0); --k) {
      const Tag tag = t_[k].tag;
      // "the closure of land and air borders": modifiers joined by "and", when
      // none after the "and" is a plural that could be the verb's subject
      // ("of both countries and officials say").
      if (!joined && k < i - 1 && (t_[k].LowerIs("and") || t_[k].LowerIs("or")) &&
          std::all_of(t_.begin() + k + 1, t_.begin() + i,
                      [](const Token& w) { return w.lower == w.lemma; })) {
        joined = true;
        continue;
      }
      if (tag != Tag::kNoun && tag != Tag::kAdjective && tag != Tag::kAdverb) break;
      if (t_[k].capitalized) return false;
    }
    if (k >= i - 1 || k < 0) return false;
    // "in criminal matters": with no article, a preposition that cannot open a
    // clause ("after trade rises") right before the modifiers.
    if (t_[k].tag == Tag::kPreposition) {
      return !x_.OneWordAt(c_.sub, t_, k);
    }
    if (k < 1 || t_[k].tag != Tag::kDeterminer) return false;
    while (k >= 1 && t_[k - 1].tag == Tag::kDeterminer) --k;  // "the most"
    return k >= 1 && t_[k - 1].tag == Tag::kPreposition;
  }

  // A present form at i right after a name is the names' verb.
  bool VerbAfterNames(int i) const {
    // "the lifting of ECOWAS sanctions on Niger", "in response to US tariffs on
    // steel": names that a preposition governs are a phrase's modifiers, and the
    // word after them is its noun.
    // Back over the names: "Chile and the Republic of Korea".
    int first = i - 1;
    while (first > 0) {
      const Token& w = t_[first - 1];
      const bool joins = first > 1 && t_[first - 2].tag == Tag::kProper &&
                         (w.LowerIs("and") || w.LowerIs("of"));
      const bool article = w.LowerIs("the") && first > 1 && t_[first - 2].LowerIs("and");
      if (w.tag != Tag::kProper && !joins && !article) break;
      --first;
    }
    if (first > 0 && t_[first - 1].tag == Tag::kPreposition &&
        !SubordinatorBeforeNames(i)) {
      return false;
    }
    // "Chile and Peru meet in Lima"; not "declared a partnership with Angola back in
    // 2010", where the clause has its verb already.
    // "weeks before Chile takes over the chair": a subordinator before the names
    // opens a clause of their own.
    // Not "the EU sanctions against Belarus took effect": a tensed verb still to come
    // in the clause makes the names and the word the subject's phrase.
    if (i + 1 < n_ && t_[i + 1].tag == Tag::kPreposition &&
        (!VerbBefore(i) || SubordinatorBeforeNames(i))) {
      return !VerbAfterPhrase(i + 1);
    }
    // "Chile, Peru sign fisheries pact": a headline's names are followed by its verb.
    if (IsHeadline(t_) && StartsPhrase(i + 1) && !VerbBefore(i)) return true;
    // "Egypt and Italy want bilateral trade to ...": after names, before a modifier
    // (not "Chile and Peru trade ties", where a noun follows).
    return i + 1 < n_ &&
           (t_[i + 1].tag == Tag::kAdjective || t_[i + 1].tag == Tag::kDeterminer) &&
           !t_[i + 1].capitalized && !VerbBefore(i);
  }
  // "In 2004, Chile imposes sanctions on Peru", "Oman hosts talks with Iran": a
  // clause with no verb yet, a name, an "-s" form, then a bare phrase of nouns that a
  // preposition or the clause's end closes, and no verb to come: the form is the
  // verb and the phrase its object (not "China exports rose", where one comes).
  bool VerbBeforeBareObject(int i) const {
    constexpr int kObjectWindow = 3;  // "imposes new export controls on"
    if (VerbBefore(i)) return false;
    // A bare form agrees with names joined by "and" ("Chile and Peru sign ...").
    if (t_[i].lower.back() != 's' && !NamesJoinedBefore(i)) return false;
    int k = i + 1;
    while (k < n_ && k <= i + kObjectWindow && !t_[k].capitalized &&
           (t_[k].tag == Tag::kNoun || t_[k].tag == Tag::kAdjective) &&
           !(t_[k].verb_forms & kPastTense)) {
      ++k;
    }
    if (k == i + 1 || t_[k - 1].lower.back() != 's') return false;
    if (k < n_ && t_[k].tag != Tag::kPreposition && !ClauseBreak(t_[k])) return false;
    return !VerbCandidateAfter(k - 1);
  }

  // "Chile and Peru" right before i: names (and commas) back to an "and" that joins
  // them, at the clause's start.
  bool NamesJoinedBefore(int i) const {
    bool joined = false;
    for (int k = i - 1; k >= 0 && !ClauseBreak(t_[k]); --k) {
      if (t_[k].LowerIs("and")) {
        joined = true;
      } else if (t_[k].tag != Tag::kProper && t_[k].tag != Tag::kComma) {
        break;
      }
    }
    return joined;
  }

  // The preposition at p opens a short phrase that a tensed verb follows at once
  // ("against Belarus took", "on Chinese steel are").
  bool VerbAfterPhrase(int p) const {
    constexpr int kPhraseWindow = 6;  // "on South African citrus and car exports"
    int k = p + 1;
    // Words not yet decided are nouns here: a past form ends the phrase.
    while (k < n_ && k <= p + kPhraseWindow && !(t_[k].verb_forms & kPastTense) &&
           (IsNominal(t_[k].tag) || t_[k].tag == Tag::kDeterminer ||
            t_[k].tag == Tag::kNumber || t_[k].tag == Tag::kPossessive)) {
      ++k;
    }
    if (k == p + 1 || k >= n_) return false;
    const Token& t = t_[k];
    // Not "on the accord signed in May": a form that may be a participle describes
    // the phrase.
    return t.tag == Tag::kAux || t.tag == Tag::kModal ||
           ((t.verb_forms & kPastTense) && !(t.verb_forms & kPastParticiple) &&
            !t.capitalized);
  }

  // The names right before i follow a subordinator ("before", "once", "until").
  bool SubordinatorBeforeNames(int i) const {
    int k = i - 1;
    while (k >= 0 && (t_[k].tag == Tag::kProper || t_[k].tag == Tag::kConjunction ||
                      t_[k].LowerIs("the"))) {
      --k;
    }
    return k >= 0 && k < i - 1 && t_[k].span == 1 && x_.OneWordAt(c_.sub, t_, k);
  }

  // The words before i, back to a multi-word preposition, are all of one noun
  // phrase: i continues that preposition's object.
  bool InMultiWordPrepositionObject(int i) const {
    constexpr int kObjectWindow = 5;  // "according to the Malaysian trade ministry"
    int k = i - 1;
    for (; k >= 0 && k >= i - kObjectWindow && IsNominal(t_[k].tag); --k) {
    }
    if (k < 0 || k == i - 1 || t_[k].tag != Tag::kPreposition) return false;
    constexpr int kLongestPreposition = 4;  // "on the sidelines of"
    for (int start = k - 1; start >= 0 && start >= k - kLongestPreposition; --start) {
      if (t_[start].tag != Tag::kPreposition) return false;
      if (start + t_[start].span - 1 == k) return true;
    }
    return false;
  }

  bool ClauseBreak(const Token& t) const {
    if (t.tag == Tag::kComma || t.tag == Tag::kPunct || t.tag == Tag::kRelative ||
        t.tag == Tag::kSubordinator || t.tag == Tag::kQuote) {
      return true;
    }
    // Views compare lengths first: most words are none of these.
    const absl::string_view w = t.lower;
    return w == "that" || w == "which" || w == "who" || w == "when";
  }

  // A verb already stands in this clause.
  bool VerbBefore(int i) const {
    for (int k = i - 1; k >= 0; --k) {
      if (ClauseBreak(t_[k])) return false;
      Tag tag = t_[k].tag;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal) return true;
    }
    return false;
  }

  // A word later in the clause could be its verb: an auxiliary, or a lower-case
  // tensed form that no article or possessive introduces.
  bool VerbCandidateAfter(int i) const {
    for (int k = i + 1; k < n_; ++k) {
      const Token& t = t_[k];
      if (ClauseBreak(t) || SubordinateClauseAt(k)) return false;
      // Not "in May": a capitalized modal inside a clause is the month.
      if (t.tag == Tag::kAux || (t.tag == Tag::kModal && !t.capitalized)) return true;
      Tag before = t_[k - 1].tag;
      if ((t.verb_forms & (kPastTense | kThirdPerson)) && !t.capitalized &&
          before != Tag::kDeterminer && before != Tag::kPossessive &&
          before != Tag::kAdjective && before != Tag::kNumber &&
          !ZeroRelativeVerb(i, k)) {
        return true;
      }
    }
    return false;
  }

  // "comes ten months after the two countries became partners": a preposition that
  // can open a clause, followed by a phrase and a tensed verb, opens one; its verb is
  // not the outer clause's.
  bool SubordinateClauseAt(int k) const {
    constexpr int kLookahead = 6;
    if (t_[k].tag != Tag::kPreposition || !x_.OneWordAt(c_.sub, t_, k)) return false;
    for (int j = k + 2; j < n_ && j <= k + kLookahead; ++j) {
      const Tag before = t_[j - 1].tag;
      if (t_[j].tag == Tag::kComma || t_[j].tag == Tag::kPunct) return false;
      // "after the vote was held", "after the election is postponed".
      const bool tensed = ((t_[j].verb_forms & kPastTense) && !t_[j].capitalized) ||
                          t_[j].tag == Tag::kAux || t_[j].tag == Tag::kModal;
      if (tensed && (before == Tag::kNoun || before == Tag::kProper)) return true;
    }
    return false;
  }

  // "builds on the partnership [the two countries set up]": the verb at k closes a
  // relative clause without pronoun, a phrase with an article right after a noun
  // (both after i), and is no verb of the clause around it.
  bool ZeroRelativeVerb(int i, int k) const {
    int j = k - 1;
    while (j > i && (t_[j].tag == Tag::kNoun || t_[j].tag == Tag::kAdjective ||
                     t_[j].tag == Tag::kNumber)) {
      --j;
    }
    if (j <= i + 1 || j == k - 1 || t_[j].tag != Tag::kDeterminer) return false;
    const Tag antecedent = t_[j - 1].tag;
    return antecedent == Tag::kNoun || antecedent == Tag::kProper;
  }

  // "set up", "put on hold": the words after the verb are its particles.
  void MarkParticle(int i) {
    constexpr int kPhrasalWords = 3;  // "put on hold"
    if (i + 1 >= n_) return;
    const int length =
        x_.MatchAt(c_.phrasal, t_, i, std::min(n_, i + kPhrasalWords)).length;
    for (int k = i + 1; k < i + length; ++k) t_[k].tag = Tag::kParticle;
  }

  void ResolveThat(int i) {
    int p = i - 1;
    Tag pt = p >= 0 ? t_[p].tag : Tag::kPunct;
    // "said that ...", "pointed out that ...".
    if (pt == Tag::kVerb ||
        (pt == Tag::kParticle && p > 0 && t_[p - 1].tag == Tag::kVerb)) {
      t_[i].tag = Tag::kSubordinator;
      return;
    }
    // "noted that X ... and that Y ...": a second content clause of the same verb.
    if (pt == Tag::kConjunction) {
      for (int k = p - 1; k >= 0; --k) {
        if (t_[k].LowerIs("that") && t_[k].tag == Tag::kSubordinator) {
          t_[i].tag = Tag::kSubordinator;
          return;
        }
      }
    }
    bool after_noun = pt == Tag::kNoun || pt == Tag::kProper;
    if (after_noun && (ToldBefore(p) || SaidWithPhrase(p))) {
      t_[i].tag = Tag::kSubordinator;  // "told reporters that ..."
      return;
    }
    if (after_noun && i + 1 < n_) {
      Tag nt = t_[i + 1].tag;
      // "a vote that observers called flawed", "that analysts say": "that" determines
      // no plural, and a plural before a past form or a verb of saying is the subject
      // of a clause (not "a tie that dates back", where the plural is the verb).
      const Token& next = t_[i + 1];
      const bool plural = nt == Tag::kNoun && next.lemma != next.lower &&
                          absl::EndsWith(next.lower, "s") && i + 2 < n_ &&
                          ((t_[i + 2].verb_forms & kPastTense) ||
                           x_.OneWordAt(c_.speech_verb, t_, i + 2) ||
                           x_.OneWordAt(c_.content_verb, t_, i + 2));
      if (nt == Tag::kDeterminer || nt == Tag::kPronoun || nt == Tag::kProper ||
          nt == Tag::kAux || nt == Tag::kModal || next.verb_forms != 0 || plural) {
        t_[i].tag = Tag::kRelative;
      }
    }
  }

  // The phrase ending at p is a preposition's, right after a verb that takes a clause
  // ("said in a statement", "noted with satisfaction", "stressed during the talks").
  bool SaidWithPhrase(int p) const {
    constexpr int kPhraseWindow = 5;
    for (int k = p; k > 0 && k >= p - kPhraseWindow; --k) {
      if (t_[k].tag == Tag::kPreposition) {
        int v = k - 1;
        while (v > 0 && t_[v].tag == Tag::kAdverb) --v;
        return t_[v].tag == Tag::kVerb && (t_[v].verb_forms & kTakesContent);
      }
      if (!IsNominal(t_[k].tag)) return false;
    }
    return false;
  }

  // The phrase ending at p is the object of a verb of telling ("assured his
  // counterpart", "told the newspaper").
  bool ToldBefore(int p) const {
    constexpr int kObjectWindow = 4;
    for (int k = p; k >= 0 && k >= p - kObjectWindow; --k) {
      if (t_[k].tag == Tag::kVerb) {
        return x_.OneWordAt(c_.tell, t_, k) ||
               (t_[k].lemma != t_[k].lower && x_.Contains(c_.tell, t_[k].lemma));
      }
      if (!IsNominal(t_[k].tag)) return false;
    }
    return false;
  }

  // "late on Monday", "early in March", "late last year": a degree of a time phrase
  // that follows, not a noun of the phrase before.
  // "this year's chair", "last week's talks": a time adverb before "'s" is a
  // determiner and a noun, the possessor of the phrase that follows.
  // "at the start of this month China imposed": a time adverb after a preposition
  // is that preposition's object (a determiner and a noun), so the name after it is
  // not. (Not before a pronoun: "in the first months of this year it has grown".)
  void DatedObjectAt(int i) {
    if (i < 1 || i + 2 >= n_ || t_[i - 1].tag != Tag::kPreposition ||
        t_[i + 2].tag == Tag::kPronoun || t_[i].tag != Tag::kAdverb ||
        t_[i + 1].tag != Tag::kAdverb ||
        !(t_[i].LowerIs("this") || t_[i].LowerIs("last") || t_[i].LowerIs("next")) ||
        !IsTimeWord(t_[i + 1])) {
      return;
    }
    t_[i].tag = Tag::kDeterminer;
    t_[i + 1].tag = Tag::kNoun;
  }

  void DatedPossessorAt(int i) {
    if (i < 2 || t_[i].tag != Tag::kPossessive || !t_[i].LowerIs("'s")) return;
    Token& time = t_[i - 1];
    Token& deictic = t_[i - 2];
    if (deictic.tag != Tag::kAdverb || !IsTimeWord(time)) {
      return;
    }
    deictic.tag = Tag::kDeterminer;
    time.tag = Tag::kNoun;
  }

  // "Norway 'strongly condemned' the strike": quotation marks around a verb and its
  // adverbs mark the words, not a quotation ("said 'we will sign'" is one); they
  // stand aside like adverbs so the verb keeps its subject and object.
  void ScareQuotesAt(int i) {
    constexpr int kMaxWords = 3;
    if (t_[i].tag != Tag::kQuote || i == 0 || t_[i - 1].kind != TokenKind::kWord) return;
    int close = -1;
    bool verb = false;
    for (int k = i + 1; k < n_ && k <= i + kMaxWords + 1; ++k) {
      if (t_[k].tag == Tag::kQuote) {
        close = k;
        break;
      }
      if (t_[k].tag != Tag::kVerb && t_[k].tag != Tag::kAdverb) return;
      verb |= t_[k].tag == Tag::kVerb;
    }
    if (close < 0 || close == i + 1 || !verb) return;
    if (close + 1 >= n_ || t_[close + 1].kind != TokenKind::kWord) return;
    t_[i].tag = Tag::kAdverb;
    t_[close].tag = Tag::kAdverb;
  }

  // "duties of up to 30%", "trade to about $80 billion": a preposition of degree
  // between a preposition and an amount qualifies the amount; it opens no phrase.
  void ApproximationAt(int i) {
    if (i == 0 || t_[i - 1].tag != Tag::kPreposition || t_[i].tag != Tag::kPreposition)
      return;
    const absl::string_view w = t_[i].lower;
    const int words = w == "up" && i + 1 < n_ && t_[i + 1].LowerIs("to") ? 2 : 1;
    if (words == 1 && w != "about" && w != "around" && w != "over" && w != "under" &&
        w != "nearly" && w != "almost")
      return;
    const int next = i + words;
    if (next >= n_ ||
        !(t_[next].tag == Tag::kNumber || t_[next].kind == TokenKind::kNumber))
      return;
    for (int k = i; k < next; ++k) t_[k].tag = Tag::kAdverb;
  }

  bool TimeDegreeAt(int i) const {
    const absl::string_view w = t_[i].lower;  // A view compares lengths first.
    if (w != "late" && w != "early") return false;
    int k = i + 1;
    if (k < n_ && (t_[k].tag == Tag::kPreposition || t_[k].tag == Tag::kDeterminer ||
                   t_[k].LowerIs("last") || t_[k].LowerIs("next"))) {
      ++k;
    }
    // "late Tuesday", "late on Tuesday", "early last year".
    return k < n_ && IsTimeWord(t_[k]);
  }

  // A tensed verb follows within the next few words before any comma or
  // preposition: "after the two leaders met" opens a clause, "after the talks" not.
  // "together with X, Prime Minister of Belgium; Y, Prime Minister of Italy; and Z":
  // a semicolon between the members of a list of names, whose pieces after it hold
  // no verb up to the sentence's end.
  bool ListSemicolon(int i) const {
    if (t_[i].text != ";" || i == 0 || i + 1 >= n_) return false;
    int k = i + 1;
    if (t_[k].tag == Tag::kConjunction) ++k;
    if (k >= n_ || !t_[k].capitalized) return false;
    for (; k < n_; ++k) {
      const Tag tag = t_[k].tag;
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal ||
          tag == Tag::kQuote || (tag == Tag::kPunct && t_[k].text == ":")) {
        return false;
      }
    }
    return true;
  }

  // "as ministers from the two countries met": a subject with one "of" or "from"
  // phrase may come between.
  bool ClauseFollows(int i) const {
    constexpr int kLookahead = 8;
    constexpr int kListReach = 3;  // "between Chile and Vietnam": two names and "and".
    bool of_phrase = false;
    int reach = i + kLookahead;
    for (int k = i + 1; k < n_ && k <= reach; ++k) {
      Tag tag = t_[k].tag;
      // "after Egypt, Ethiopia, Iran and the UAE had joined": a comma between names
      // of a list subject.
      if (tag == Tag::kComma && k > i + 1 && t_[k - 1].tag == Tag::kProper &&
          k + 1 < n_ && t_[k + 1].tag == Tag::kProper) {
        reach += 2;
        continue;
      }
      // "took over as ASEAN chair from Laos": a base form right after one name is
      // that name's noun, not its verb (which would be "chairs").
      if (tag == Tag::kVerb && k == i + 2 && t_[k - 1].tag == Tag::kProper &&
          (t_[k].verb_forms & (kBaseForm | kThirdPerson | kPastTense | kPastParticiple |
                               kGerund)) == kBaseForm) {
        continue;
      }
      if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal) return k > i + 1;
      // "after the leaders of ...", "since the agreement between Chile and Vietnam
      // was signed": one phrase of the subject's own, which may be a list of names.
      if (tag == Tag::kPreposition && !of_phrase && k > i + 1 &&
          (t_[k].LowerIs("of") || t_[k].LowerIs("from") || t_[k].LowerIs("between")) &&
          t_[k - 1].tag == Tag::kNoun) {
        of_phrase = true;
        if (t_[k].LowerIs("between")) reach += kListReach;
        continue;
      }
      if (tag == Tag::kComma || tag == Tag::kPunct || tag == Tag::kPreposition ||
          tag == Tag::kSubordinator || tag == Tag::kRelative)
        return false;
    }
    return false;
  }

  const Lexicon& x_;
  const ClosedClasses& c_;
  std::vector<Token>& t_;
  const int n_;
};

}  // namespace

bool IsTimeWord(const Token& t) {
  static constexpr absl::string_view kWords[] = {
      "monday",   "tuesday", "wednesday", "thursday",  "friday",  "saturday",
      "sunday",   "january", "february",  "march",     "april",   "may",
      "june",     "july",    "august",    "september", "october", "november",
      "december", "week",    "month",     "year",      "today",   "yesterday",
      "weekend",  "morning", "afternoon", "evening",   "night"};
  // Their hashes (Token::hash) rule out most words without reading the text.
  static const auto* kHashes = new WordFilter(kWords);
  if (kHashes->MayContain(t.hash)) {
    const absl::string_view lower = t.lower;
    for (absl::string_view w : kWords) {
      if (lower == w) return true;
    }
  }
  int year = 0;
  return t.kind == TokenKind::kNumber && absl::SimpleAtoi(t.text, &year) &&
         year >= 1900 && year <= 2100;
}

bool OpensWithConnective(const std::vector<Token>& tokens) {
  return tokens.size() > 2 && tokens[0].tag == Tag::kAdverb &&
         tokens[1].tag == Tag::kComma;
}

bool IsHeadline(const std::vector<Token>& tokens) {
  if (tokens.empty()) return false;
  const absl::string_view last = tokens.back().text;
  return last != "." && last != "?" && last != "!" && last != "\"" && last != "\u201d";
}

bool IsNominal(Tag tag) {
  return tag == Tag::kNoun || tag == Tag::kProper || tag == Tag::kAdjective ||
         tag == Tag::kNumber || tag == Tag::kDeterminer || tag == Tag::kPossessive;
}

void TagTokens(const Lexicon& lexicon, std::vector<Token>& tokens) {
  const ClosedClasses& classes = lexicon.closed();
  for (Token& t : tokens) {
    if (!t.annotated) lexicon.Annotate(t);
  }
  // After each pass, the tokens whose lemma changed are annotated again.
  LexicalPass(lexicon, classes, tokens).Run();
  for (Token& t : tokens) {
    if (t.lemma_starts_of != t.lemma_hash) lexicon.Annotate(t);
  }
  ContextPass(lexicon, classes, tokens).Run();
  for (Token& t : tokens) {
    if (t.lemma_starts_of != t.lemma_hash) lexicon.Annotate(t);
  }
}

}  // namespace entente::importers::internal
