#include "importers/internal/clauses.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "importers/internal/dates.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

bool IsOpeningQuote(const Token& t) { return t.text == "\u201c" || t.text == "\u00ab"; }
bool IsClosingQuote(const Token& t) { return t.text == "\u201d" || t.text == "\u00bb"; }

class ClauseFinder {
 public:
  ClauseFinder(const std::vector<Token>& t, SentenceParse& parse,
               const std::vector<bool>& quoted_before)
      : t_(t), p_(parse), n_(static_cast<int>(t.size())) {
    MarkQuotes(quoted_before);
  }

  void Run() {
    // Room for the clauses of a typical sentence, so that few vectors grow.
    p_.clauses.reserve(n_ / 4 + 2);
    stack_.reserve(n_ / 4 + 2);
    Open(ClauseKind::kMain, 0, -1, -1);
    for (int i = 0; i < n_; ++i) Step(i);
    for (int c : stack_) Close(c, n_);
    Finish();
  }

 private:
  const PrepPhrase* PpAt(int i) const {
    for (const PrepPhrase& pp : p_.phrases.pps) {
      if (pp.prep == i) return &pp;
    }
    return nullptr;
  }

  // Quotation marks: typographic ones pair by direction, straight ones alternate.
  // Short quoted names inside noun phrases are not speech.
  void MarkQuotes(const std::vector<bool>& quoted_before) {
    quoted_.assign(n_, false);
    bool inside = !quoted_before.empty() && quoted_before[0];
    for (int i = 0; i < n_; ++i) {
      const Token& tok = t_[i];
      if (tok.tag == Tag::kQuote && p_.phrases.np_at[i] < 0) {
        quoted_[i] = inside;  // A closing mark belongs to the speech it closes.
        if (IsOpeningQuote(tok)) {
          inside = true;
        } else if (IsClosingQuote(tok)) {
          if (!inside) {
            for (int k = 0; k < i; ++k) quoted_[k] = true;  // Opened before.
          }
          inside = false;
        } else if (tok.text == "\"") {
          inside = !inside;
        }
        continue;
      }
      quoted_[i] = inside;
    }
    UnquoteScareQuotes();
  }

  // 'condemned "in the strongest terms" the takeover': a few quoted words with no
  // verb in the middle of a clause are a phrase of it, not speech.
  void UnquoteScareQuotes() {
    constexpr int kScareQuoteWords = 6;
    for (int i = 1; i < n_; ++i) {
      if (!quoted_[i] || quoted_[i - 1] || t_[i].tag == Tag::kQuote) continue;
      const int open = i - 1;  // The opening mark.
      if (t_[open].tag != Tag::kQuote || open == 0 || t_[open - 1].tag == Tag::kPunct ||
          t_[open - 1].tag == Tag::kComma || t_[open - 1].tag == Tag::kQuote) {
        continue;
      }
      int close = i;
      bool verb = false;
      while (close < n_ && t_[close].tag != Tag::kQuote) {
        verb |= p_.phrases.verb_at[close] >= 0;
        ++close;
      }
      const bool mid_clause = close + 1 < n_ && t_[close + 1].tag != Tag::kPunct &&
                              t_[close + 1].tag != Tag::kComma &&
                              t_[close + 1].tag != Tag::kQuote;
      if (close >= n_ || verb || close - i > kScareQuoteWords || !mid_clause) continue;
      for (int k = open; k <= close; ++k) quoted_[k] = quoted_[open - 1];
      i = close;
    }
  }

  int Open(ClauseKind kind, int begin, int parent, int subordinator) {
    Clause c;
    c.kind = kind;
    c.range.begin = begin;
    c.range.end = begin;
    c.parent = parent;
    c.subordinator = subordinator;
    c.quoted = begin < n_ && quoted_[begin];
    p_.clauses.push_back(c);
    int index = static_cast<int>(p_.clauses.size()) - 1;
    stack_.push_back(index);
    return index;
  }

  void Close(int c, int end) {
    p_.clauses[c].range.end = std::max(p_.clauses[c].range.end, end);
  }
  // Ends clause c right before token `end`, undoing Step's extension to it.
  void EndBefore(int c, int end) { p_.clauses[c].range.end = end; }

  int Top() const { return stack_.back(); }
  Clause& TopClause() { return p_.clauses[Top()]; }

  // True when token k lies in a clause opened after clause c (nested in it).
  bool InNestedClause(int k, int c) const {
    for (size_t j = c + 1; j < p_.clauses.size(); ++j) {
      const Clause& inner = p_.clauses[j];
      if (k >= inner.range.begin && k < inner.range.end) return true;
    }
    return false;
  }

  // Whether clause c is a report inserted after what it reports (", officials said,"):
  // a verb of speech with no object, under another clause.
  bool InsertedReport(int c) const {
    if (c < 0) return false;
    const Clause& k = p_.clauses[c];
    return k.parent >= 0 && k.verb >= 0 && k.object < 0 &&
           (t_[p_.phrases.verbs[k.verb].head].verb_forms & kSpeech) &&
           k.kind == ClauseKind::kRelative;
  }

  // The last free noun phrase (not a preposition's object) ending before `i` inside
  // the current clause; skips appositions.
  int SubjectBefore(int i, int clause_begin, int c = -1) const {
    for (int k = i - 1; k >= clause_begin; --k) {
      if (c >= 0 && InNestedClause(k, c)) continue;
      int np = p_.phrases.np_at[k];
      if (np < 0) {
        Tag tag = t_[k].tag;
        if (tag == Tag::kConjunction) return -1;
        continue;  // Adverbs, commas, quotes, a preposition whose object is nested.
      }
      // An appositive describes the phrase before it.
      for (size_t a = 0; a < p_.phrases.nps.size(); ++a) {
        if (p_.phrases.nps[a].apposition == np) {
          np = static_cast<int>(a);
          break;
        }
      }
      const NounPhrase& phrase = p_.phrases.nps[np];
      // "Trade between X and Y, worth $40 million in 2000, reached ...": a value set
      // off by commas describes the subject before it.
      if (t_[phrase.range.begin].LowerIs("worth") && phrase.range.begin > clause_begin &&
          t_[phrase.range.begin - 1].tag == Tag::kComma) {
        k = phrase.range.begin - 1;
        continue;
      }
      // "Japan last month pledged ...": a time told by an adverb and its noun between
      // a subject and its verb is no subject, when a phrase stands before it.
      if (phrase.range.end - phrase.range.begin == 2 &&
          t_[phrase.range.begin].tag == Tag::kAdverb &&
          phrase.range.begin > clause_begin &&
          p_.phrases.np_at[phrase.range.begin - 1] >= 0) {
        k = phrase.range.begin;
        continue;
      }
      if (phrase.pp >= 0) {
        // A phrase inside a prepositional phrase: the subject may stand before it
        // ("the leaders of both countries signed": "leaders").
        k = p_.phrases.pps[phrase.pp].range.begin;
        continue;
      }
      return np;
    }
    return -1;
  }

  void AttachVerb(int c, int v) {
    Clause& clause = p_.clauses[c];
    clause.verb = v;
    const VerbGroup& g = p_.phrases.verbs[v];
    int scan_from =
        clause.subordinator >= 0 ? clause.subordinator + 1 : clause.range.begin;
    if (clause.kind == ClauseKind::kRelative) {
      clause.subject = SubjectBefore(g.range.begin, scan_from);
      if (clause.subject < 0) clause.shares_subject = true;
    } else if (clause.kind == ClauseKind::kComplement ||
               clause.kind == ClauseKind::kParticipial) {
      clause.shares_subject = true;
      // "The EU extended its sanctions, officials said, keeping curbs in place": a
      // participle after an inserted report describes what the clause reported did.
      if (clause.kind == ClauseKind::kParticipial && g.range.begin > 0 &&
          t_[g.range.begin - 1].tag == Tag::kComma && InsertedReport(clause.parent)) {
        clause.parent = p_.clauses[clause.parent].parent;
      }
      // "welcomed Peru's decision to join the alliance": after a noun that has an
      // owner, the owner does what the infinitive says.
      if (clause.kind == ClauseKind::kComplement) {
        int time_begin = -1;
        if (const int owner = OwnedNounBefore(g.range.begin, &time_begin); owner >= 0) {
          clause.subject = owner;
          clause.shares_subject = false;
          // "Khartoum's decision in May 2025 to sever ties": the time dates the act.
          if (time_begin >= 0) clause.range.begin = time_begin;
        }
      }
      // "thanked Tajikistan for chairing the CIS": after "for", the doer of a gerund
      // is the object of the verb before it; so after "on" for a verb of praise
      // ("congratulated Indonesia on joining BRICS", @praise_verb).
      const bool praise_on =
          g.range.begin > 0 && t_[g.range.begin - 1].LowerIs("on") &&
          clause.parent >= 0 && p_.clauses[clause.parent].verb >= 0 &&
          (t_[p_.phrases.verbs[p_.clauses[clause.parent].verb].head].verb_forms &
           kObjectControl);
      if (clause.kind == ClauseKind::kParticipial && g.range.begin > 0 &&
          (t_[g.range.begin - 1].LowerIs("for") || praise_on) && clause.parent >= 0 &&
          p_.clauses[clause.parent].object >= 0) {
        clause.subject = p_.clauses[clause.parent].object;
        clause.shares_subject = false;
      }
      // "The row prompted China to sever ties", "led Jakarta to recall its envoy":
      // the object of a causative verb does what the infinitive right after it says.
      if (clause.kind == ClauseKind::kComplement && clause.parent >= 0) {
        const Clause& parent = p_.clauses[clause.parent];
        if (parent.verb >= 0 && parent.object >= 0 &&
            (t_[p_.phrases.verbs[parent.verb].head].verb_forms & kObjectControl) &&
            p_.phrases.nps[parent.object].range.end == clause.range.begin) {
          clause.subject = parent.object;
          clause.shares_subject = false;
        }
      }
    } else {
      clause.subject = SubjectBefore(g.range.begin, scan_from, c);
      // "At the invitation of X, Y, the President of Z, W, paid a visit": after an
      // opening phrase of appositions, the phrase right before the verb.
      if (clause.subject < 0 && scan_from < n_ &&
          t_[scan_from].tag == Tag::kPreposition) {
        int k = g.range.begin - 1;
        if (k >= 0 && t_[k].tag == Tag::kComma) --k;
        if (k >= 0 && p_.phrases.np_at[k] >= 0 &&
            p_.phrases.nps[p_.phrases.np_at[k]].pp < 0) {
          clause.subject = p_.phrases.np_at[k];
        }
      }
      if (clause.subject < 0 && clause.kind == ClauseKind::kCoordinate) {
        clause.shares_subject = true;
      }
    }
    int after = g.range.end;
    while (after < n_ &&
           (t_[after].tag == Tag::kAdverb || t_[after].tag == Tag::kParticle))
      ++after;
    if (after < n_ && p_.phrases.np_at[after] >= 0) {
      int np = p_.phrases.np_at[after];
      // "are now strategic partners": after a copula the phrase may hold the
      // adverbs before it.
      const int begin = p_.phrases.nps[np].range.begin;
      const int earliest = g.copula ? g.range.end : after;
      if (begin >= earliest && begin <= after && p_.phrases.nps[np].pp < 0 &&
          !RelativeDay(np)) {
        clause.object = np;
      }
    }
    if (clause.object < 0 && !g.copula) clause.object = ShiftedObject(after);
    // Not in a relative clause, whose object is its antecedent ("the pact that Chile
    // signed in 2002, the first of its kind"), nor in a passive.
    if (clause.object < 0 && !g.copula && !g.passive &&
        clause.kind != ClauseKind::kRelative) {
      clause.object = ObjectAfterSetOffPhrases(after);
      if (clause.object < 0) clause.object = NameAfterPlaceAndTime(after);
    }
  }

  // "retaliated the next day", "signed the same day": a day told from another is
  // when, not what.
  bool RelativeDay(int np) const {
    const NounPhrase& x = p_.phrases.nps[np];
    if (x.range.end - x.range.begin != 3 || !t_[x.range.begin].LowerIs("the"))
      return false;
    const Token& which = t_[x.range.begin + 1];
    const Token& unit = t_[x.range.begin + 2];
    return (which.LowerIs("next") || which.LowerIs("same") ||
            which.LowerIs("following") || which.LowerIs("previous")) &&
           (unit.LowerIs("day") || unit.LowerIs("week") || unit.LowerIs("month") ||
            unit.LowerIs("year") || unit.LowerIs("morning") || unit.LowerIs("evening"));
  }

  // The phrase ending right before the infinitive at `verb` ("to" between) whose
  // head has an owner before it ("Peru's decision"); -1 when none.
  int OwnedNounBefore(int verb, int* time_begin = nullptr) const {
    int k = verb - 1;
    if (k >= 0 && t_[k].LowerIs("to")) --k;
    // "the EU's decision on Monday to suspend ...", "Peru's decision last week to":
    // a time between the noun and its infinitive (*time_begin: where it starts).
    if (k >= 1 && p_.phrases.np_at[k] >= 0 &&
        IsTimeWord(t_[p_.phrases.nps[p_.phrases.np_at[k]].head])) {
      k = p_.phrases.nps[p_.phrases.np_at[k]].range.begin - 1;
      if (k >= 0 && t_[k].tag == Tag::kPreposition) --k;
      if (time_begin != nullptr) *time_begin = k + 1;
    }
    if (k < 1 || p_.phrases.np_at[k] < 0) return -1;
    const int np = p_.phrases.np_at[k];
    const NounPhrase& phrase = p_.phrases.nps[np];
    if (phrase.head != k || phrase.range.end != k + 1) return -1;
    for (int i = phrase.range.begin; i < k; ++i) {
      if (t_[i].tag == Tag::kPossessive) return np;
    }
    return -1;
  }

  // The phrase that starts at token `at` and may be a shifted object: no
  // preposition's, no time ("the day before"); -1 when none.
  int ObjectStartingAt(int at) const {
    const int np = at < n_ ? p_.phrases.np_at[at] : -1;
    if (np < 0 || p_.phrases.nps[np].range.begin != at || p_.phrases.nps[np].pp >= 0 ||
        IsTimeWord(t_[p_.phrases.nps[np].head])) {
      return -1;
    }
    return np;
  }

  // "received at Al-Yamamah Palace in Riyadh today His Excellency X": a name after
  // the place and the time where a verb's object stands; -1 when none.
  int NameAfterPlaceAndTime(int after) const {
    constexpr int kMostSteps = 4;
    int next = after;
    int steps = 0;
    for (; steps < kMostSteps && next + 1 < n_; ++steps) {
      if (t_[next].tag == Tag::kAdverb && IsTimeWord(t_[next])) {
        ++next;
        continue;
      }
      if (t_[next].tag != Tag::kPreposition) break;
      const int np = p_.phrases.np_at[next + 1];
      if (np < 0 || !t_[p_.phrases.nps[np].head].capitalized) return -1;
      next = p_.phrases.nps[np].range.end;
    }
    if (steps == 0 || next >= n_ || !t_[next].capitalized) return -1;
    const int np = ObjectStartingAt(next);
    return np >= 0 && t_[p_.phrases.nps[np].head].capitalized ? np : -1;
  }

  // "decided to extend by one year, until 15 October 2026, the measures against X": an
  // object led by an article after prepositional phrases closed by a comma; -1 when
  // none. The phrases may be opened by a comma too ("suspended, with immediate
  // effect, the export of electricity").
  int ObjectAfterSetOffPhrases(int after) const {
    constexpr int kMostPhrases = 3;
    int next = after;
    if (next + 1 < n_ && t_[next].tag == Tag::kComma &&
        t_[next + 1].tag == Tag::kPreposition) {
      ++next;
    }
    bool comma = false;
    for (int k = 0; k < kMostPhrases && next + 1 < n_; ++k) {
      if (t_[next].tag != Tag::kPreposition) break;
      const int np = p_.phrases.np_at[next + 1];
      if (np < 0) return -1;
      next = p_.phrases.nps[np].range.end;
      if (next < n_ && t_[next].tag == Tag::kComma) {
        comma = true;
        ++next;
      }
    }
    if (!comma || next >= n_ || t_[next].tag != Tag::kDeterminer || next == after)
      return -1;
    // Not "met with the minister, the envoy said": a phrase its own verb follows is
    // that verb's subject.
    const int object = ObjectStartingAt(next);
    if (object >= 0 && FiniteVerbAt(p_.phrases.nps[object].range.end)) return -1;
    return object;
  }

  // "signed with Togo a memorandum", "discussed with him the crisis": an object that
  // follows one "with" phrase, starting with a determiner right after it; after any
  // one prepositional phrase, an object opened by a named possessor ("condemned in
  // the strongest terms Togo's attack"); -1 when none.
  // The phrase may be quoted: 'condemned "in the strongest terms" the takeover';
  // then an object opened by a determiner follows any preposition, unless it tells
  // a time ("arrived in Lima the day before").
  int ShiftedObject(int after) const {
    // "renewed, last March, its asset freezes": a time set off by commas before it.
    if (const int set_off = AfterSetOffTime(after); set_off > after) {
      const int np = set_off < n_ ? p_.phrases.np_at[set_off] : -1;
      if (np >= 0 && p_.phrases.nps[np].range.begin == set_off &&
          (t_[set_off].tag == Tag::kDeterminer || t_[set_off].tag == Tag::kPossessive)) {
        return np;
      }
    }
    const bool quoted = after < n_ && t_[after].tag == Tag::kQuote;
    if (quoted) ++after;
    if (after + 1 >= n_ || t_[after].tag != Tag::kPreposition) return -1;
    const int with_np = p_.phrases.np_at[after + 1];
    if (with_np < 0) return -1;
    int next = p_.phrases.nps[with_np].range.end;
    if (quoted && next < n_ && t_[next].tag == Tag::kQuote) ++next;
    // "condemned in the strongest terms on Sunday the vote": a time after the first.
    bool then_time = false;
    if (next + 1 < n_ && t_[next].tag == Tag::kPreposition &&
        p_.phrases.np_at[next + 1] >= 0 &&
        IsTimeWord(t_[p_.phrases.nps[p_.phrases.np_at[next + 1]].head])) {
      next = p_.phrases.nps[p_.phrases.np_at[next + 1]].range.end;
      then_time = true;
    }
    // "signed on Thursday in Abu Dhabi an investment agreement": a named place after
    // the time.
    if (IsTimeWord(t_[p_.phrases.nps[with_np].head]) && !then_time && next + 1 < n_ &&
        (t_[next].LowerIs("in") || t_[next].LowerIs("at")) &&
        p_.phrases.np_at[next + 1] >= 0 &&
        t_[p_.phrases.nps[p_.phrases.np_at[next + 1]].head].capitalized) {
      next = p_.phrases.nps[p_.phrases.np_at[next + 1]].range.end;
    }
    if (next + 1 >= n_) return -1;
    // "Chile's", "Burkina Faso's": a phrase that opens with its owner's name.
    constexpr int kOwnerWords = 4;
    int mark = next + 1;
    while (mark < n_ && mark <= next + kOwnerWords && t_[mark].tag == Tag::kProper)
      ++mark;
    const bool possessor = t_[next].tag == Tag::kProper && mark < n_ &&
                           mark <= next + kOwnerWords && t_[mark].LowerIs("'s");
    // "announced on Tuesday the withdrawal of its ambassador": after a time too.
    const bool time = IsTimeWord(t_[p_.phrases.nps[with_np].head]) || then_time;
    // "received at the palace the Minister of Foreign Affairs", "signed in Astana the
    // Treaty on ...": an article and a name or an office after any place.
    const int shifted = p_.phrases.np_at[next];
    const bool named = t_[next].LowerIs("the") && shifted >= 0 &&
                       t_[p_.phrases.nps[shifted].head].capitalized;
    // "condemned in the strongest terms the seizure of power": a manner of saying.
    const bool manner = t_[p_.phrases.nps[with_np].head].LowerIs("terms");
    // "extended by six months the sanctions": how long for.
    const Token& unit = t_[p_.phrases.nps[with_np].head];
    const bool duration = (t_[after].LowerIs("by") || t_[after].LowerIs("for")) &&
                          (unit.LemmaIs("day") || unit.LemmaIs("week") ||
                           unit.LemmaIs("month") || unit.LemmaIs("year"));
    // "recalled for consultations its ambassadors to Mali and Niger": why.
    const bool consulting = t_[after].LowerIs("for") && unit.LemmaIs("consultation");
    const bool determiner =
        ((t_[after].LowerIs("with") || quoted || time || named || manner || duration) &&
         t_[next].tag == Tag::kDeterminer) ||
        (consulting &&
         (t_[next].tag == Tag::kDeterminer || t_[next].tag == Tag::kPossessive));
    if (!possessor && !determiner) return -1;
    return ObjectStartingAt(next);
  }

  // ", last March," or ", on Tuesday," at i: the token after its closing comma; i when
  // there is none.
  int AfterSetOffTime(int i) const {
    if (i + 2 >= n_ || t_[i].tag != Tag::kComma) return i;
    int k = i + 1;
    if (t_[k].tag == Tag::kPreposition) ++k;
    if (k < n_ && t_[k].tag == Tag::kAdverb && k + 1 < n_ && IsTimeWord(t_[k + 1])) ++k;
    const int np = k < n_ ? p_.phrases.np_at[k] : -1;
    if (np < 0 || !IsTimeWord(t_[p_.phrases.nps[np].head])) return i;
    const int end = p_.phrases.nps[np].range.end;
    return end < n_ && t_[end].tag == Tag::kComma ? end + 1 : i;
  }

  // "and in 2024 the railways registered": past a clause's opening prepositional
  // phrase (and its comma) to where its subject starts; i itself when there is none.
  int AfterOpeningPhrase(int i) const {
    if (i + 1 >= n_ || t_[i].tag != Tag::kPreposition) return i;
    int np = p_.phrases.np_at[i + 1];
    if (np < 0) return i;
    int k = p_.phrases.nps[np].range.end;
    // "in March last year it suspended": a time phrase may follow the object.
    if (const int time = k < n_ ? p_.phrases.np_at[k] : -1;
        time >= 0 && p_.phrases.nps[time].range.begin == k &&
        IsTimeWord(t_[p_.phrases.nps[time].head])) {
      k = p_.phrases.nps[time].range.end;
    } else if (k + 1 < n_ && t_[k].tag == Tag::kAdverb && IsTimeWord(t_[k + 1])) {
      k += 2;
    }
    if (k < n_ && t_[k].tag == Tag::kComma) ++k;
    return k;
  }

  // True when a verb group opens at `i` with a finite verb.
  // The open clause has a subject before i whose head is a common noun, and a
  // tensed verb group starts at or after `from`.
  bool NounSubjectAwaitingVerb(int i, int from) const {
    const int subject = SubjectBefore(i, p_.clauses[stack_.back()].range.begin);
    // The phrase's last word: "Jordan and Iraq's decision" ends in its noun.
    if (subject < 0 || t_[p_.phrases.nps[subject].range.end - 1].tag != Tag::kNoun) {
      return false;
    }
    for (int k = from; k < n_; ++k) {
      if (FiniteVerbAt(k)) return true;
    }
    return false;
  }

  bool FiniteVerbAt(int i) const {
    int v = i < n_ ? p_.phrases.verb_at[i] : -1;
    if (v < 0 || p_.phrases.verbs[v].range.begin != i) return false;
    const VerbGroup& g = p_.phrases.verbs[v];
    return !g.infinitive && !g.nonfinite;
  }

  // The next verb group's first token after a noun phrase starting at i, or -1.
  int VerbAfterPhrase(int i) const {
    int np = i < n_ ? p_.phrases.np_at[i] : -1;
    if (np < 0) return -1;
    int k = p_.phrases.nps[np].range.end;
    // "the railways of Kazakhstan and Georgia registered", "officials on both sides
    // are preparing": past its prepositional phrases.
    for (int guard = 0; guard < 4 && k + 1 < n_ && t_[k].tag == Tag::kPreposition &&
                        !t_[k].LowerIs("by") && p_.phrases.np_at[k + 1] >= 0;
         ++guard) {
      k = p_.phrases.nps[p_.phrases.np_at[k + 1]].range.end;
    }
    while (k < n_ && t_[k].tag == Tag::kAdverb) ++k;
    if (FiniteVerbAt(k)) return k;
    // "Hungary, which holds observer status, was represented", "the summit, chaired
    // by Peru, took place".
    constexpr int kParenthetical = 30;
    auto opens_parenthetical = [&](int j) {
      if (t_[j].tag == Tag::kRelative) return true;
      const int v = p_.phrases.verb_at[j];
      return v >= 0 && p_.phrases.verbs[v].range.begin == j &&
             p_.phrases.verbs[v].nonfinite;
    };
    if (k + 1 < n_ && t_[k].tag == Tag::kComma && opens_parenthetical(k + 1)) {
      for (int j = k + 2; j < n_ && j < k + kParenthetical; ++j) {
        if (t_[j].tag == Tag::kPunct) break;
        if (t_[j].tag != Tag::kComma) continue;
        ++j;
        while (j < n_ && t_[j].tag == Tag::kAdverb) ++j;
        return FiniteVerbAt(j) ? j : -1;
      }
    }
    return -1;
  }

  // Pops clauses that already have a verb until one without; for a finite verb
  // after a comma that resumes an outer clause.
  void ResumeOuter(int i) {
    for (size_t depth = stack_.size(); depth > 1; --depth) {
      int c = stack_[depth - 1];
      if (p_.clauses[c].verb < 0) return;
      bool outer_open = false;
      for (size_t d = 0; d + 1 < depth; ++d) outer_open |= p_.clauses[stack_[d]].verb < 0;
      if (!outer_open) return;
      EndBefore(c, ParticipleEnd(c, i));
      stack_.pop_back();
    }
  }

  // Where a participle's clause ends when a tensed verb at i resumes the clause
  // around it: "At the summit hosted by Senegal, the leaders of Gambia announced":
  // at the comma before the verb's subject, not at the verb. So does an adverbial
  // clause's: "Although X values Y, its pact with Z, in place since 2019, has grown".
  // So does a relative clause's in an opening phrase: "After a vote that observers
  // say was rigged, the EU imposed ..." (and a clause joined to it).
  int ParticipleEnd(int c, int i) const {
    const Clause& clause = p_.clauses[c];
    const bool adverbial = clause.kind == ClauseKind::kSubordinate && !clause.content &&
                           clause.subordinator >= 0;
    const auto relative = [&](const Clause& r) {
      return r.kind == ClauseKind::kRelative && r.antecedent >= 0;
    };
    const bool in_relative =
        relative(clause) || (clause.kind != ClauseKind::kMain && clause.parent >= 0 &&
                             relative(p_.clauses[clause.parent]));
    if (clause.kind != ClauseKind::kParticipial && !adverbial && !in_relative) return i;
    const int verb_end = p_.phrases.verbs[clause.verb].range.end;
    const int subject = SubjectBefore(i, verb_end);
    if (subject < 0) return i;
    const int begin = p_.phrases.nps[subject].range.begin;
    if (begin - 1 > verb_end && t_[begin - 1].tag == Tag::kComma) return begin - 1;
    return i;
  }

  // Extends the open clause to token i, then lets the token end, open or resume
  // clauses.
  void Step(int i) {
    Close(Top(), i + 1);
    CrossQuoteBoundary(i);
    if (StepMarker(i)) return;
    int v = p_.phrases.verb_at[i];
    if (v < 0 || p_.phrases.verbs[v].range.begin != i) return;
    StepVerb(i, v);
  }

  // Quote boundaries: speech starts and ends a clause.
  void CrossQuoteBoundary(int i) {
    const Token& tok = t_[i];
    if (i > 0 && quoted_[i] != quoted_[i - 1] && tok.tag != Tag::kQuote) {
      if (TopClause().verb >= 0) {
        int parent = quoted_[i] ? Top() : -1;
        Close(Top(), i);
        stack_.pop_back();
        // Leaving a quotation leaves every clause inside it.
        while (!quoted_[i] && !stack_.empty() && TopClause().quoted) stack_.pop_back();
        if (stack_.empty()) {
          Open(ClauseKind::kMain, i, parent, -1);
        } else {
          Open(ClauseKind::kCoordinate, i, Top(), -1);
        }
      } else {
        TopClause().quoted = quoted_[i];
      }
    }
  }

  // "two decades after it joined the EU and a year after it joined Schengen": a
  // subordinator after "and" (and a measure of time) that repeats the open
  // subordinate clause's own starts a sibling of it, not a clause inside it.
  void CloseJoinedSubordinate(int i) {
    constexpr int kMeasureWindow = 5;  // "and exactly a year after"
    if (stack_.size() < 2) return;
    const Clause& top = TopClause();
    if (top.kind != ClauseKind::kSubordinate || top.verb < 0 || top.subordinator < 0 ||
        t_[top.subordinator].lower != t_[i].lower) {
      return;
    }
    for (int k = i - 1; k > top.subordinator && k >= i - kMeasureWindow; --k) {
      if (t_[k].LowerIs("and") || t_[k].LowerIs("or")) {
        if (p_.phrases.verbs[top.verb].range.end > k) return;
        EndBefore(Top(), k);
        stack_.pop_back();
        return;
      }
    }
  }

  // A token that marks clauses (punctuation, a comma, a subordinator, a relative
  // pronoun, a conjunction): acts on it and returns true; false for any other.
  bool StepMarker(int i) {
    const Token& tok = t_[i];
    switch (tok.tag) {
      case Tag::kPunct:
        // "visited three countries: Ghana, Senegal and Nigeria": a colon before the
        // list that names a phrase opens no clause.
        if (tok.text == ":" && ColonList(i)) return true;
        // "was attended by: President X of Ghana, ...": a colon after a preposition
        // opens its object.
        if (tok.text == ":" && i > 0 && t_[i - 1].tag == Tag::kPreposition) return true;
        if (tok.text == ";" || tok.text == ":") StepSemicolon(i);
        return true;
      case Tag::kComma:
        StepComma(i);
        return true;
      case Tag::kSubordinator:
        CloseJoinedSubordinate(i);
        Open(ClauseKind::kSubordinate, i, Top(), i);
        return true;
      case Tag::kRelative:
        StepRelative(i);
        return true;
      case Tag::kPossessive:
        // "Malaysia and Brazil, whose leaders elevated ...": "whose" opens a relative
        // clause; it stays the possessor of its phrase.
        if (tok.LowerIs("whose") && i > 0) StepRelative(i);
        return false;
      case Tag::kConjunction:
        StepConjunction(i);
        return true;
      default:
        return false;
    }
  }

  // The colon at i stands between a phrase and the list in apposition to it.
  bool ColonList(int i) const {
    if (i + 1 >= n_) return false;
    const int list = p_.phrases.np_at[i + 1];
    if (list < 0) return false;
    for (const NounPhrase& np : p_.phrases.nps) {
      if (np.apposition == list && np.range.end <= i) return true;
    }
    return false;
  }

  // ";" or ":" at i ends every open clause and starts a new main one.
  void StepSemicolon(int i) {
    while (stack_.size() > 1) {
      Close(Top(), i);
      stack_.pop_back();
    }
    if (TopClause().verb >= 0) {
      Close(Top(), i);
      stack_.pop_back();
      Open(ClauseKind::kMain, i + 1, -1, -1);
    }
  }

  void StepComma(int i) {
    // "raise trade, which reached $720 million, to $1 billion": a relative clause
    // set off by commas ends at its second comma once it has its verb.
    if (stack_.size() > 1 && TopClause().kind == ClauseKind::kRelative &&
        TopClause().verb >= 0 && TopClause().subordinator > 0 &&
        t_[TopClause().subordinator - 1].tag == Tag::kComma &&
        p_.phrases.verbs[TopClause().verb].range.end <= i) {
      EndBefore(Top(), i);
      stack_.pop_back();
      return;
    }
    // "Meeting in Khujand on Monday, the three presidents signed ...": an opening
    // participle ends at the comma before the subject and its verb.
    if (stack_.size() > 1 && TopClause().kind == ClauseKind::kParticipial &&
        TopClause().verb >= 0 && TopClause().range.begin <= 1 &&
        VerbAfterPhrase(i + 1) >= 0) {
      EndBefore(Top(), i);
      stack_.pop_back();
    }
  }

  // A relative pronoun at i opens a relative clause about the phrase just before.
  void StepRelative(int i) {
    const Token& tok = t_[i];
    // The antecedent stands at most this many tokens before the pronoun.
    constexpr int kAntecedentWindow = 2;
    // "Lourenco, with whom": a preposition may stand before "whom" too.
    const int window =
        kAntecedentWindow +
        (tok.LowerIs("whom") && i > 0 && t_[i - 1].tag == Tag::kPreposition ? 1 : 0);
    int antecedent = -1;
    for (int k = i - 1; k >= 0 && k >= i - window; --k) {
      if (p_.phrases.np_at[k] >= 0) {
        antecedent = p_.phrases.np_at[k];
        break;
      }
    }
    // "said on Tuesday that Sudan had recalled ...": no time is described by a
    // "that" clause; it is what the verb before says.
    if (tok.LowerIs("that") && antecedent >= 0 &&
        IsTimeWord(t_[p_.phrases.nps[antecedent].head]) && TopClause().verb >= 0) {
      Open(ClauseKind::kSubordinate, i, Top(), i);
      return;
    }
    // "the summit held in Quito on Monday, which X attended": no day is attended; the
    // phrase the participle describes is.
    if (tok.LowerIs("which") && antecedent >= 0 && i > 0 && t_[i - 1].text == "," &&
        IsTimeWord(t_[p_.phrases.nps[antecedent].head]) &&
        t_[p_.phrases.nps[antecedent].head].kind == TokenKind::kWord &&
        TopClause().kind == ClauseKind::kParticipial && TopClause().antecedent >= 0) {
      antecedent = TopClause().antecedent;
    }
    // "Ghana was among the countries that took part", "Chile is one of the states
    // that signed": the subject is one of those the relative clause tells of.
    if (const int member = MemberOfGroup(antecedent); member >= 0) antecedent = member;
    int c = Open(ClauseKind::kRelative, i, Top(), i);
    p_.clauses[c].antecedent = antecedent;
    p_.clauses[c].antecedent_top = ChainTop(antecedent);
  }

  // The subject of the open clause, when its verb is "be" and `group` is the object
  // of its "among" ("was among the countries") or of "one of"; -1 otherwise.
  int MemberOfGroup(int group) {
    if (group < 0) return -1;
    const Clause& top = TopClause();
    if (top.subject < 0 || top.verb < 0 ||
        t_[p_.phrases.verbs[top.verb].head].lemma != "be") {
      return -1;
    }
    const int pp = p_.phrases.nps[group].pp;
    if (pp < 0) return -1;
    const PrepPhrase& phrase = p_.phrases.pps[pp];
    const Token& prep = t_[phrase.prep];
    const bool among = prep.LowerIs("among");
    const bool one_of = prep.LowerIs("of") && phrase.attached_np >= 0 &&
                        t_[p_.phrases.nps[phrase.attached_np].head].LowerIs("one");
    return among || one_of ? top.subject : -1;
  }

  // A conjunction at i followed by a verb of its own starts a clause coordinate
  // with the open one.
  void StepConjunction(int i) {
    // An "and" inside a list of names joins names, not clauses.
    if (p_.phrases.np_at[i] >= 0) return;
    // "noted that X ... and that Y ...": the first content clause ends here, and the
    // subordinator opens the second beside it.
    if (i + 1 < static_cast<int>(t_.size()) && t_[i + 1].tag == Tag::kSubordinator &&
        stack_.size() > 1 && TopClause().kind == ClauseKind::kSubordinate &&
        TopClause().verb >= 0) {
      Close(Top(), i);
      stack_.pop_back();
      return;
    }
    // "thanked Peru for chairing the bloc and wished Chile success": a past form after
    // "and" joins no gerund; the gerund's clause ends, and the verb joins the clause
    // above it.
    if (stack_.size() > 1 && TopClause().kind == ClauseKind::kParticipial &&
        TopClause().verb >= 0 && i + 1 < static_cast<int>(t_.size()) &&
        absl::EndsWith(t_[p_.phrases.verbs[TopClause().verb].head].lower, "ing") &&
        (t_[i + 1].verb_forms & kPastTense) && t_[i + 1].tag == Tag::kVerb) {
      Close(Top(), i);
      stack_.pop_back();
    }
    // "pledged to strengthen their ties and welcomed the treaty": a past form (that is
    // no bare form too) after "and" continues no infinitive; it joins the clause above.
    if (stack_.size() > 1 && TopClause().kind == ClauseKind::kComplement &&
        TopClause().verb >= 0 && i + 1 < static_cast<int>(t_.size()) &&
        (t_[i + 1].verb_forms & kPastTense) && !(t_[i + 1].verb_forms & kBaseForm) &&
        t_[i + 1].tag == Tag::kVerb) {
      Close(Top(), i);
      stack_.pop_back();
    }
    const bool clause_follows = FiniteVerbAt(i + 1) || VerbAfterPhrase(i + 1) >= 0 ||
                                VerbAfterPhrase(AfterOpeningPhrase(i + 1)) >= 0;
    // "The pact was signed after talks held in Lima, and ten deals were exchanged":
    // after a comma, a new subject and its verb go with the clause the adverbial
    // clause hangs from (not a "that" clause: "said that X ..., and Y ...").
    if (clause_follows && i > 0 && t_[i - 1].tag == Tag::kComma && stack_.size() > 1 &&
        TopClause().kind == ClauseKind::kSubordinate && !TopClause().content &&
        TopClause().verb >= 0 && TopClause().subordinator >= 0 &&
        !t_[TopClause().subordinator].LowerIs("that") && TopClause().parent >= 0 &&
        TopClause().parent == stack_[stack_.size() - 2] &&
        p_.clauses[TopClause().parent].verb >= 0) {
      Close(Top(), i);
      stack_.pop_back();
    }
    if (TopClause().verb >= 0 && clause_follows) {
      int parent = TopClause().parent;
      ClauseKind kind = TopClause().kind == ClauseKind::kMain ? ClauseKind::kCoordinate
                                                              : TopClause().kind;
      int sibling = Top();
      Close(Top(), i);
      stack_.pop_back();
      int c = Open(kind, i + 1, kind == ClauseKind::kCoordinate ? sibling : parent,
                   p_.clauses[sibling].subordinator);
      if (kind == ClauseKind::kRelative) {
        p_.clauses[c].antecedent = p_.clauses[sibling].antecedent;
        p_.clauses[c].antecedent_top = p_.clauses[sibling].antecedent_top;
      }
      if (kind != ClauseKind::kCoordinate) p_.clauses[c].conjunct_of = sibling;
    }
  }

  // The verb group v starting at i: attaches it to the open clause, or opens the
  // clause it heads.
  void StepVerb(int i, int v) {
    const VerbGroup& g = p_.phrases.verbs[v];
    // "The levy Chile imposed in May still applies": adverbs between a phrase and
    // the verb change nothing.
    int before = i - 1;
    while (before > 0 && t_[before].tag == Tag::kAdverb) --before;
    if (!g.infinitive && !g.nonfinite && before >= 0 &&
        (t_[before].tag == Tag::kComma || p_.phrases.np_at[before] >= 0)) {
      ResumeOuter(i);
    }
    // "Trade, driven by copper, amounted to $3 billion": a past form after the
    // comma that closes a participle is the verb the outer subject waited for.
    // "Lula, on a tour that took him to Angola, arrived in Kenya": so after the comma
    // that closes a relative clause inside a phrase set off after the subject.
    if (g.nonfinite && (t_[g.head].verb_forms & kPastTense) && before >= 0 &&
        t_[before].tag == Tag::kComma && stack_.size() > 1 &&
        (TopClause().kind == ClauseKind::kParticipial ||
         TopClause().kind == ClauseKind::kRelative) &&
        TopClause().verb >= 0 &&
        p_.clauses[TopClause().parent >= 0 ? TopClause().parent : Top()].verb < 0) {
      ResumeOuter(i);
      if (TopClause().verb < 0) {
        VerbGroup& tensed = p_.phrases.verbs[v];
        tensed.nonfinite = false;
        tensed.passive = false;
        AttachVerb(Top(), v);
        return;
      }
    }
    // A tensed verb cannot belong to an infinitive or a participle's clause: it
    // ends them ("talks on enlarging the loan could resume").
    if (!g.infinitive && !g.nonfinite) {
      while (stack_.size() > 1 && TopClause().verb >= 0 &&
             (TopClause().kind == ClauseKind::kParticipial ||
              TopClause().kind == ClauseKind::kComplement)) {
        EndBefore(Top(), i);
        stack_.pop_back();
      }
    }
    if (TopClause().verb < 0 && !g.infinitive && !g.nonfinite && OpenZeroRelative(i, v)) {
      return;
    }
    if (!g.infinitive && !g.nonfinite && ContentAfterRelative(i, before)) return;
    if (!g.infinitive && !g.nonfinite && VerbAfterObjectRelative(i, before, v)) return;
    // "Jordan and Iraq's decision earlier this month to raise their ties ... has been
    // welcomed": an infinitive after the subject's noun, with the tensed verb still to
    // come, completes that noun; it is not the sentence's verb.
    if (TopClause().verb < 0 && g.infinitive && stack_.size() == 1 &&
        NounSubjectAwaitingVerb(i, g.range.end)) {
      int c = Open(ClauseKind::kComplement, i, Top(), -1);
      AttachVerb(c, v);
      return;
    }
    if (TopClause().verb < 0) {
      // "that the treaty, signed in May, has lifted trade": set off by a comma after
      // the subject, a participle describes it in a subordinate clause as in a main one.
      const bool set_off = TopClause().kind == ClauseKind::kSubordinate && before >= 0 &&
                           t_[before].tag == Tag::kComma &&
                           SubjectBefore(before, TopClause().range.begin) >= 0;
      if (g.nonfinite && ((TopClause().kind != ClauseKind::kSubordinate &&
                           TopClause().kind != ClauseKind::kRelative) ||
                          set_off)) {
        Open(ClauseKind::kParticipial, i, Top(), -1);
      }
      AttachVerb(Top(), v);
      MarkReducedRelative(Top(), i);
      return;
    }
    if (!g.infinitive && (!g.nonfinite || (t_[g.head].verb_forms & kPastTense)) &&
        SetOffParticipleBefore(i)) {
      VerbGroup& tensed = p_.phrases.verbs[v];
      tensed.nonfinite = false;
      tensed.passive = false;
      AttachVerb(Top(), v);
      return;
    }
    // "X chose China for a visit, held talks with Y and raised ties": after a comma, a
    // tensed verb with an object of its own continues a list of the subject's acts
    // (", also banned the export of ...": adverbs between change nothing).
    if (!g.infinitive && !g.nonfinite && before >= 0 && t_[before].tag == Tag::kComma &&
        (TopClause().kind == ClauseKind::kMain ||
         TopClause().kind == ClauseKind::kCoordinate) &&
        SubjectOf(p_, Top()) >= 0 && ObjectRightAfter(g)) {
      int sibling = Top();
      Close(sibling, i);
      stack_.pop_back();
      int c = Open(ClauseKind::kCoordinate, i, sibling, -1);
      AttachVerb(c, v);
      return;
    }
    OpenSecondVerbClause(i, v);
  }

  // "An agreement between Chile and Peru, signed last month, entered into force": a
  // past form set off by commas right after the subject, with no object, is a
  // participle describing it when a tensed verb follows its closing comma (at i).
  // Makes the main clause's verb that participle's clause and returns true, leaving
  // the main clause to take the verb at i; false when the clause is not so.
  // "The forum, themed \"Open Doors\", opened": the participle may name a complement
  // that runs up to the comma.
  bool SetOffParticipleBefore(int i) {
    if (stack_.size() != 1 || i == 0 || t_[i - 1].tag != Tag::kComma) return false;
    const int c = Top();
    Clause& main = p_.clauses[c];
    const bool complement_to_comma =
        main.object >= 0 && p_.phrases.nps[main.object].range.end == i - 1;
    if (main.kind != ClauseKind::kMain || main.verb < 0 ||
        (main.object >= 0 && !complement_to_comma) || main.subject < 0) {
      return false;
    }
    VerbGroup& first = p_.phrases.verbs[main.verb];
    const int at = first.range.begin;
    if (first.range.end - at != 1 || at == 0 || t_[at - 1].tag != Tag::kComma ||
        !(t_[at].verb_forms & kPastParticiple)) {
      return false;
    }
    // Only phrases (a subject and its prepositional phrases) before that comma.
    for (int k = p_.phrases.nps[main.subject].range.begin; k < at - 1; ++k) {
      if (p_.phrases.verb_at[k] >= 0 || t_[k].tag == Tag::kComma) return false;
    }
    first.nonfinite = true;
    first.passive = true;
    const int subject = main.subject;
    const int complement = main.object;
    main.verb = -1;
    main.object = -1;
    const int participle = Open(ClauseKind::kParticipial, at, c, -1);
    Clause& described = p_.clauses[participle];
    described.object = complement;
    described.verb = static_cast<int>(&first - p_.phrases.verbs.data());
    described.antecedent = subject;
    described.antecedent_top = ChainTop(subject);
    described.shares_subject = true;
    EndBefore(participle, i - 1);
    stack_.pop_back();
    return true;
  }

  // "will build and operate a refinery", "designed and built the plant": a verb
  // right before "and" and the coordinate verb after it, with no object of its own,
  // shares that verb's object (not one before "or": "removes or reduces tariffs"
  // says neither for sure).
  // Returns the (first, second) clauses that now share an object.
  std::vector<std::pair<int, int>> ShareCoordinatedObjects() {
    std::vector<std::pair<int, int>> shared;
    for (Clause& c : p_.clauses) {
      if (c.kind != ClauseKind::kCoordinate || c.parent < 0 || c.verb < 0 ||
          c.object < 0) {
        continue;
      }
      Clause& first = p_.clauses[c.parent];
      if (first.verb < 0 || first.object >= 0) continue;
      const int conj = p_.phrases.verbs[first.verb].range.end;
      const int second = p_.phrases.verbs[c.verb].range.begin;
      if (conj + 1 != second || t_[conj].tag != Tag::kConjunction ||
          !t_[conj].LowerIs("and")) {
        continue;
      }
      first.object = c.object;
      shared.emplace_back(c.parent, static_cast<int>(&c - p_.clauses.data()));
    }
    return shared;
  }

  // "The partnership the two countries set up in 2016 has deepened": a phrase
  // right after the clause's first phrase, with a verb of its own and the
  // clause's verb still to come, is a relative clause without pronoun. Opens it
  // for the tensed verb group v at i and returns true; false when there is none.
  bool OpenZeroRelative(int i, int v) {
    int antecedent = ZeroRelativeAntecedent(i, v);
    if (antecedent < 0) return false;
    int subject = SubjectBefore(i, TopClause().range.begin);
    int c = Open(ClauseKind::kRelative, p_.phrases.nps[subject].range.begin, Top(), -1);
    p_.clauses[c].antecedent = antecedent;
    p_.clauses[c].antecedent_top = ChainTop(antecedent);
    AttachVerb(c, v);
    return true;
  }

  // "Chile said the partnership (that) the two governments declared in 2019 has
  // deepened": a tensed verb right after a relative clause describing the object of a
  // verb of saying is the verb of what was said, whose subject that object is. Ends
  // the relative clause and opens the content clause for the verb group at i; false
  // when the clauses are not so.
  bool ContentAfterRelative(int i, int before) {
    if (stack_.size() < 2 || before < 0 || t_[before].tag == Tag::kComma ||
        t_[before].tag == Tag::kConjunction) {
      return false;
    }
    const Clause& relative = TopClause();
    if (relative.kind != ClauseKind::kRelative || relative.verb < 0 ||
        relative.antecedent < 0 || relative.parent < 0) {
      return false;
    }
    const Clause& parent = p_.clauses[relative.parent];
    if (parent.verb < 0 || parent.object != relative.antecedent) return false;
    const int head = p_.phrases.verbs[parent.verb].head;
    if (head < 0 || !(t_[head].verb_forms & kTakesContent)) return false;
    const int antecedent = relative.antecedent;
    const int parent_id = relative.parent;
    EndBefore(Top(), i);
    stack_.pop_back();
    int c = Open(ClauseKind::kSubordinate, i, parent_id, -1);
    p_.clauses[c].content = true;
    AttachVerb(c, p_.phrases.verb_at[i]);
    p_.clauses[c].subject = antecedent;
    p_.clauses[c].shares_subject = false;
    return true;
  }

  // "The treaty that diplomats drafted was signed in May": a tensed verb right after
  // the verb of a relative clause with a subject of its own (its antecedent is its
  // object) is the verb the outer clause awaits. So it is after a relative clause
  // whose subject is its antecedent: "Among those who came were X and Y". Ends the
  // relative clause and gives the verb group v at i to that clause; false when the
  // clauses are not so.
  bool VerbAfterObjectRelative(int i, int before, int v) {
    if (stack_.size() != 2 || before < 0) return false;
    const Clause& relative = TopClause();
    if (relative.kind != ClauseKind::kRelative || relative.verb < 0 ||
        relative.antecedent < 0 || relative.object >= 0 || relative.subordinator < 0 ||
        t_[relative.subordinator].tag != Tag::kRelative ||
        p_.phrases.verbs[relative.verb].range.end != before + 1 ||
        p_.clauses[stack_[0]].verb >= 0) {
      return false;
    }
    EndBefore(Top(), i);
    stack_.pop_back();
    AttachVerb(Top(), v);
    return true;
  }

  // A second verb in the same clause: the verb group v at i opens a clause of its own.
  void OpenSecondVerbClause(int i, int v) {
    const VerbGroup& g = p_.phrases.verbs[v];
    // "Canada imposed sanctions on Iran, as did Australia": "as" and a bare "did",
    // "has" or "was" after a comma start a clause that repeats the one before; it
    // describes no phrase of it.
    if (i >= 2 && t_[i - 1].LowerIs("as") && t_[i - 2].tag == Tag::kComma &&
        g.range.end - g.range.begin == 1 &&
        (t_[i].LemmaIs("do") || t_[i].LemmaIs("have") || t_[i].LemmaIs("be"))) {
      int c = Open(ClauseKind::kSubordinate, i - 1, Top(), i - 1);
      AttachVerb(c, v);
      return;
    }
    ClauseKind kind = g.infinitive  ? ClauseKind::kComplement
                      : g.nonfinite ? ClauseKind::kParticipial
                                    : ClauseKind::kRelative;  // "the deal Japan signed"
    if (kind == ClauseKind::kRelative && ContentAfterVerb(i)) {
      // "officials said talks could resume": the subject right after the first verb.
      int c = Open(ClauseKind::kSubordinate, SubjectStart(i), Top(), -1);
      p_.clauses[c].content = true;
      AttachVerb(c, v);
      return;
    }
    // "under a trade deal announced on Tuesday": a past participle right after the
    // object of a preposition describes that phrase; it starts no clause of its own.
    if (kind == ClauseKind::kRelative && (t_[i].verb_forms & kPastParticiple) &&
        g.range.end - g.range.begin == 1 && p_.phrases.np_at[i - 1] >= 0 &&
        p_.phrases.nps[p_.phrases.np_at[i - 1]].pp >= 0 &&
        p_.phrases.nps[p_.phrases.np_at[i - 1]].range.end == i && !ObjectRightAfter(g) &&
        !(IsTimeWord(t_[i - 1]) && !(i + 1 < n_ && t_[i + 1].LowerIs("by")))) {
      const int described = p_.phrases.np_at[i - 1];
      // ", the Turkish ambassador in Cairo said": a plain verb of saying after a
      // phrase that a comma opens is that speaker's verb.
      if (t_[i].LemmaIs("say") || t_[i].LemmaIs("tell")) {
        const int speaker = ChainTop(described);
        const int start = p_.phrases.nps[speaker].range.begin;
        if (speaker != described && start > 0 && t_[start - 1].tag == Tag::kComma) {
          int c = Open(ClauseKind::kRelative, start, Top(), -1);
          AttachVerb(c, v);
          p_.clauses[c].subject = speaker;
          p_.clauses[c].shares_subject = false;
          return;
        }
      }
      int c = Open(ClauseKind::kParticipial, i, Top(), -1);
      p_.clauses[c].antecedent = described;
      p_.clauses[c].antecedent_top = ChainTop(described);
      AttachVerb(c, v);
      p_.clauses[c].subject = -1;
      p_.clauses[c].shares_subject = false;
      return;
    }
    int c = Open(kind, i, Top(), -1);
    if (kind == ClauseKind::kRelative) FindRelativeWithoutPronoun(c, i);
    AttachVerb(c, v);
    MarkReducedRelative(c, i);
  }

  // A relative without pronoun (clause c, its verb at i): the phrase before its
  // subject.
  void FindRelativeWithoutPronoun(int c, int i) {
    int subject = SubjectBefore(i, p_.clauses[p_.clauses[c].parent].range.begin);
    p_.clauses[c].range.begin = subject >= 0 ? p_.phrases.nps[subject].range.begin : i;
    if (subject >= 0) {
      int before = p_.phrases.nps[subject].range.begin - 1;
      // "the duties on Chinese cars the EU imposed": the chain's head is described
      // as much as its last phrase.
      if (before >= 0 && p_.phrases.np_at[before] >= 0) {
        p_.clauses[c].antecedent = p_.phrases.np_at[before];
        p_.clauses[c].antecedent_top = ChainTop(p_.phrases.np_at[before]);
      }
    }
    // "said on Thursday it was ending the pact": no time is described by a clause;
    // after a verb of saying it is what was said.
    const int ante = p_.clauses[c].antecedent;
    const int parent_verb = p_.clauses[p_.clauses[c].parent].verb;
    if (ante >= 0 && IsTimeWord(t_[p_.phrases.nps[ante].head]) && parent_verb >= 0 &&
        (t_[p_.phrases.verbs[parent_verb].head].verb_forms & kSpeech)) {
      p_.clauses[c].kind = ClauseKind::kSubordinate;
      p_.clauses[c].content = true;
      p_.clauses[c].antecedent = -1;
      return;
    }
    if (subject >= 0 && p_.clauses[p_.clauses[c].parent].subject == subject) {
      // "X visited Y signed ..." is no relative: treat as coordination.
      p_.clauses[c].kind = ClauseKind::kCoordinate;
    }
    // "Trade has grown, and last year alone it reached ...": a time phrase right after
    // "and" opens a new clause's words; it is no antecedent.
    if (ante >= 0) {
      const TokenRange last = p_.phrases.nps[ante].conjuncts.empty()
                                  ? p_.phrases.nps[ante].range
                                  : p_.phrases.nps[ante].conjuncts.back();
      if (TimePhrase(last) && last.begin > 0 &&
          t_[last.begin - 1].tag == Tag::kConjunction) {
        p_.clauses[c].kind = ClauseKind::kCoordinate;
        p_.clauses[c].antecedent = -1;
        p_.clauses[c].range.begin = last.begin;
      }
    }
  }
  // A phrase of time: "last year", "last year alone", "this week".
  bool TimePhrase(const TokenRange& r) const {
    for (int k = r.begin; k < r.end; ++k) {
      if (IsTimeWord(t_[k])) return true;
    }
    return false;
  }

  // The first token of the subject phrase of the verb at i, or i.
  int SubjectStart(int i) const {
    int subject = SubjectBefore(i, p_.clauses[Top()].range.begin);
    return subject >= 0 ? p_.phrases.nps[subject].range.begin : i;
  }

  // True when the verb at i has its own subject right after the clause's verb, with
  // nothing between: a that-less content clause, not a relative one.
  // For the verb group v starting at i, the first verb of its clause: the phrase its
  // subject describes when the two phrases stand side by side at the clause's start
  // and a tensed verb follows for the clause ("The deal [the two sides signed] has
  // lapsed"); -1 otherwise.
  int ZeroRelativeAntecedent(int i, int v) const {
    const Clause& top = p_.clauses[Top()];
    if (top.kind != ClauseKind::kMain) return -1;
    int subject = SubjectBefore(i, top.range.begin);
    if (subject < 0) return -1;
    const NounPhrase& s = p_.phrases.nps[subject];
    if (s.range.begin == 0 || s.pp >= 0 || s.range.end != i) return -1;
    int before = p_.phrases.np_at[s.range.begin - 1];
    if (before < 0) return -1;
    const NounPhrase& a = p_.phrases.nps[before];
    // "Spokesperson: The deal we concluded ...": a speaker's label opens no phrase.
    int start = top.range.begin;
    constexpr int kLabelWords = 3;
    for (int k = start + 1; k <= start + kLabelWords && k < n_; ++k) {
      if (t_[k].text == ":") {
        start = k + 1;
        break;
      }
    }
    if (a.range.end != s.range.begin || a.pp >= 0 || a.range.begin != start ||
        t_[a.head].capitalized || IsTimeWord(t_[a.head])) {
      return -1;
    }
    Tag first = t_[s.range.begin].tag;
    if (first != Tag::kDeterminer && first != Tag::kNumber && first != Tag::kProper &&
        first != Tag::kPronoun && first != Tag::kPossessive) {
      return -1;
    }
    for (size_t w = v + 1; w < p_.phrases.verbs.size(); ++w) {
      const VerbGroup& later = p_.phrases.verbs[w];
      if (later.infinitive || later.nonfinite) continue;
      int b = later.range.begin;
      if (b > 0 && (t_[b - 1].tag == Tag::kConjunction || t_[b - 1].tag == Tag::kComma ||
                    t_[b - 1].tag == Tag::kRelative)) {
        return -1;
      }
      if (SaysClauseBefore(p_.phrases.verbs[v], b) && !TensedVerbAfter(w)) return -1;
      return before;
    }
    return -1;
  }

  // "The carmaker Chery said it would invest": a verb of saying whose own subject
  // phrase runs up to the tensed verb at `later` has said a clause, and leaves no
  // gap for a relative clause.
  bool SaysClauseBefore(const VerbGroup& g, int later) const {
    if (g.head < 0 || !(t_[g.head].verb_forms & kTakesContent)) return false;
    int k = g.range.end;
    if (k < n_ && t_[k].LowerIs("that")) ++k;
    if (k >= n_ || p_.phrases.np_at[k] < 0) return false;
    const NounPhrase& x = p_.phrases.nps[p_.phrases.np_at[k]];
    return x.range.begin == k && x.range.end == later;
  }

  // True when a tensed verb group after group w opens no clause of its own (no
  // conjunction, comma or relative word before it): "the deal Peru said it signed
  // has lapsed".
  bool TensedVerbAfter(size_t w) const {
    for (size_t k = w + 1; k < p_.phrases.verbs.size(); ++k) {
      const VerbGroup& g = p_.phrases.verbs[k];
      if (g.infinitive || g.nonfinite) continue;
      const int b = g.range.begin;
      if (b > 0 && (t_[b - 1].tag == Tag::kConjunction || t_[b - 1].tag == Tag::kComma ||
                    t_[b - 1].tag == Tag::kRelative)) {
        continue;
      }
      return true;
    }
    return false;
  }

  // True when a noun phrase that is no time word starts right after verb group g.
  bool ObjectRightAfter(const VerbGroup& g) const {
    int k = g.range.end;
    while (k < n_ && (t_[k].tag == Tag::kAdverb || t_[k].tag == Tag::kParticle)) ++k;
    if (k >= n_ || p_.phrases.np_at[k] < 0) return false;
    const NounPhrase& x = p_.phrases.nps[p_.phrases.np_at[k]];
    return x.range.begin == k && x.pp < 0 && !IsTimeWord(t_[x.head]);
  }

  bool ContentAfterVerb(int i) const {
    const Clause& top = p_.clauses[Top()];
    if (top.verb < 0) return false;
    // "will invest $5 billion in X under a deal announced ...": only a verb of saying,
    // thinking or wanting takes a clause as its object.
    const int head = p_.phrases.verbs[top.verb].head;
    if (head < 0 || !(t_[head].verb_forms & kTakesContent)) return false;
    int subject = SubjectBefore(i, top.range.begin);
    if (subject < 0 || subject != top.object) return false;
    int k = p_.phrases.verbs[top.verb].range.end;
    while (k < n_ && t_[k].tag == Tag::kAdverb) ++k;
    return p_.phrases.nps[subject].range.begin == k;
  }

  // "the agreement, signed in 2009, ...": a passive participle describes the phrase
  // before it, which is its object.
  void MarkReducedRelative(int c, int i) {
    Clause& clause = p_.clauses[c];
    if (clause.verb < 0 || clause.kind != ClauseKind::kParticipial) return;
    const VerbGroup& g = p_.phrases.verbs[clause.verb];
    if (!g.passive) {
      // "votes condemning Moscow": an -ing form right after a noun, with no comma,
      // is what that noun does, not what the clause's subject does.
      int b = i;  // "the premier also taking part": past adverbs.
      while (b > 0 && t_[b - 1].tag == Tag::kAdverb && b > i - 3) --b;
      if (b > 0 && p_.phrases.np_at[b - 1] >= 0 && t_[b - 1].tag != Tag::kPronoun) {
        int np = p_.phrases.np_at[b - 1];
        // "issued statements on Thursday condemning ...": a time or place phrase of
        // the clause does not act.
        // "issued a statement on March 17 condemning ...": a month's day is one too.
        const int head = p_.phrases.nps[np].head;
        bool adverbial = IsTimeWord(t_[head]) || DayOfMonth(t_, head);
        if (p_.phrases.nps[np].range.end == b && !adverbial) {
          clause.subject = np;
          clause.shares_subject = false;
        }
      }
      return;
    }
    int k = i - 1;
    // "the sanctions, first imposed in 2020,": past adverbs after the comma.
    while (k > 0 && t_[k].tag == Tag::kAdverb && t_[k - 1].tag == Tag::kComma) --k;
    // "hosted by Peru and attended by the presidents of ...": a participle joined to
    // another describes the same phrase.
    if (k >= 0 && t_[k].tag == Tag::kConjunction && clause.parent >= 0) {
      const Clause& sibling = p_.clauses[clause.parent];
      if (sibling.kind == ClauseKind::kParticipial && sibling.antecedent >= 0 &&
          sibling.verb >= 0 && p_.phrases.verbs[sibling.verb].passive) {
        clause.antecedent = sibling.antecedent;
        clause.antecedent_top = sibling.antecedent_top;
        return;
      }
    }
    if (k >= 0 && t_[k].tag == Tag::kComma) --k;
    // "the Free Trade Agreement (FTA), signed in 2003": a short name in brackets
    // after the phrase leaves the phrase described.
    int before = k >= 0 ? p_.phrases.np_at[k] : -1;
    if (before < 0) before = PhraseBeforeBracket(t_, p_.phrases, k);
    if (before >= 0) {
      int np = before;
      // "the treaty of 2000, signed in Moscow", "the summit in Belem on 8-9 August,
      // attended by ...": a date or a place describes nothing; climb past them.
      auto circumstance = [&](int x) {
        const NounPhrase& phrase = p_.phrases.nps[x];
        if (t_[phrase.head].tag == Tag::kNumber) return true;
        if (phrase.pp < 0) return false;
        absl::string_view prep = t_[p_.phrases.pps[phrase.pp].prep].lower;
        return prep == "in" || prep == "at" || prep == "on" || prep == "near";
      };
      auto bare = [&](int x) {
        const NounPhrase& phrase = p_.phrases.nps[x];
        return t_[phrase.range.begin].tag != Tag::kDeterminer &&
               t_[phrase.range.begin].tag != Tag::kPossessive;
      };
      // "The forum was held on Thursday, hosted by ...", "opened in Lima on Monday,
      // attended by ...": after phrases of the clause itself (not of a noun), the
      // participle describes the clause's subject. Not "builds on the Association
      // Agreement, signed in 2001": a phrase with an article is a thing the
      // participle can describe; "on Thursday" is not.
      auto of_the_clause = [&](int x) {
        const NounPhrase& phrase = p_.phrases.nps[x];
        return bare(x) && phrase.pp >= 0 && p_.phrases.pps[phrase.pp].attached_np < 0;
      };
      int first = np;
      while (circumstance(np) && bare(np) && p_.phrases.nps[np].pp >= 0 &&
             p_.phrases.pps[p_.phrases.nps[np].pp].attached_np >= 0) {
        np = p_.phrases.pps[p_.phrases.nps[np].pp].attached_np;
      }
      if (of_the_clause(np) && (np == first || circumstance(np)) && clause.parent >= 0) {
        int subject = p_.clauses[clause.parent].subject;
        if (subject >= 0) {
          clause.antecedent = subject;
          return;
        }
      }
      // "building on the partnership launched in 2013": a gerund is no thing a
      // participle describes; the phrase after it is.
      auto gerund = [&](int x) {
        const Token& head = t_[p_.phrases.nps[x].head];
        return (head.verb_forms & kGerund) && absl::EndsWith(head.lower, "ing");
      };
      np = first;
      while (circumstance(np) && p_.phrases.nps[np].pp >= 0 &&
             p_.phrases.pps[p_.phrases.nps[np].pp].attached_np >= 0 &&
             !gerund(p_.phrases.pps[p_.phrases.nps[np].pp].attached_np)) {
        np = p_.phrases.pps[p_.phrases.nps[np].pp].attached_np;
      }
      clause.antecedent = np;
      clause.antecedent_top = ChainTop(np);
    }
  }

  // The head of the chain of prepositional phrases a phrase ends ("the accord between
  // Brazil and Angola").
  int ChainTop(int np) const {
    if (np < 0) return -1;
    int top = np;
    for (int guard = 0; guard < 8; ++guard) {
      int pp = p_.phrases.nps[top].pp;
      if (pp < 0 || p_.phrases.pps[pp].attached_np < 0) break;
      top = p_.phrases.pps[pp].attached_np;
    }
    return top;
  }

  void Finish() {
    const std::vector<std::pair<int, int>> shared = ShareCoordinatedObjects();
    p_.clause_at.assign(n_, 0);
    // Innermost clause per token: later (nested) clauses overwrite earlier ones, but
    // not a later one that holds the earlier one whole ("their accord, signed in
    // 2017, has been in force": the relative clause reaches back over the
    // participle inside it).
    auto inside = [&](int a, int b) {  // Clause a lies within clause b, and is smaller.
      const TokenRange& x = p_.clauses[a].range;
      const TokenRange& y = p_.clauses[b].range;
      return x.begin >= y.begin && x.end <= y.end && x.end - x.begin < y.end - y.begin;
    };
    std::vector<bool> set(n_, false);
    for (size_t c = 0; c < p_.clauses.size(); ++c) {
      const Clause& clause = p_.clauses[c];
      for (int k = clause.range.begin; k < clause.range.end && k < n_; ++k) {
        if (set[k] && inside(p_.clause_at[k], static_cast<int>(c))) continue;
        p_.clause_at[k] = static_cast<int>(c);
        set[k] = true;
      }
    }
    for (size_t x = 0; x < p_.phrases.pps.size(); ++x) {
      const PrepPhrase& pp = p_.phrases.pps[x];
      p_.clauses[p_.clause_at[pp.prep]].pps.push_back(static_cast<int>(x));
    }
    // The shared object's phrases ("a refinery in Gwadar") are the first verb's too.
    for (const auto& [first, second] : shared) {
      const int object_end = p_.phrases.nps[p_.clauses[second].object].range.begin;
      for (int x : p_.clauses[second].pps) {
        if (p_.phrases.pps[x].prep > object_end) p_.clauses[first].pps.push_back(x);
      }
    }
    InvertedParticiples();
    InvertedSpeech();
    LinkSpeech();
  }

  // "'We have signed an agreement,' said the Georgian minister": a verb of speech
  // right after a quotation, with no subject before it, has its speaker after it.
  void InvertedSpeech() {
    for (Clause& clause : p_.clauses) {
      if (clause.quoted || clause.subject >= 0 || clause.object < 0 || clause.verb < 0) {
        continue;
      }
      const int first = p_.phrases.verbs[clause.verb].range.begin;
      if (first < 1 || first != clause.range.begin ||
          !(t_[p_.phrases.verbs[clause.verb].head].verb_forms & kSpeech)) {
        continue;
      }
      if (t_[first - 1].tag != Tag::kQuote) continue;
      clause.subject = clause.object;
      clause.object = -1;
    }
  }

  // "Joining the host by video link were the presidents of X and Y": a participle
  // that opens a clause whose copula has no subject before it acts for the phrase
  // after the copula.
  void InvertedParticiples() {
    for (Clause& inner : p_.clauses) {
      if (inner.kind != ClauseKind::kParticipial || inner.parent < 0 ||
          inner.subject >= 0 || inner.verb < 0) {
        continue;
      }
      const Clause& outer = p_.clauses[inner.parent];
      if (outer.verb < 0 || !p_.phrases.verbs[outer.verb].copula || outer.subject >= 0 ||
          outer.object < 0 ||
          p_.phrases.verbs[inner.verb].range.begin != outer.range.begin ||
          p_.phrases.verbs[outer.verb].range.begin < inner.range.end) {
        continue;
      }
      inner.subject = outer.object;
      inner.shares_subject = false;
    }
  }

  // Quoted clauses and "said that" content point to the clause that says them.
  void LinkSpeech() {
    int outside = -1;
    for (size_t c = 0; c < p_.clauses.size(); ++c) {
      if (!p_.clauses[c].quoted && p_.clauses[c].verb >= 0) {
        outside = static_cast<int>(c);
        break;
      }
    }
    for (size_t c = 0; c < p_.clauses.size(); ++c) {
      Clause& clause = p_.clauses[c];
      if (clause.quoted) {
        clause.speech = outside;
      } else if (clause.kind == ClauseKind::kSubordinate && clause.subordinator >= 0 &&
                 t_[clause.subordinator].LowerIs("that")) {
        clause.content = true;
        clause.speech = clause.parent;
      } else if (clause.content) {
        clause.speech = clause.parent;
      }
    }
  }

  const std::vector<Token>& t_;
  SentenceParse& p_;
  const int n_;
  std::vector<bool> quoted_;
  std::vector<int> stack_;
};

}  // namespace

SentenceParse ParseSentence(const std::vector<Token>& tokens,
                            const std::vector<int>& atom_end,
                            const std::vector<bool>& quoted_before) {
  SentenceParse parse;
  parse.phrases = FindPhrases(tokens, atom_end);
  ClauseFinder(tokens, parse, quoted_before).Run();
  return parse;
}

int LogicalObject(const SentenceParse& parse, int c) {
  const Clause& clause = parse.clauses[c];
  bool passive = clause.verb >= 0 && parse.phrases.verbs[clause.verb].passive;
  if (passive) {
    // "Founded in 2011 by Chile and Peru, the Pacific Alliance ...": a participle
    // that opens the sentence describes the main clause's subject.
    if (clause.kind == ClauseKind::kParticipial && clause.antecedent >= 0)
      return clause.antecedent;
    return SubjectOf(parse, c);
  }
  if (clause.object >= 0) return clause.object;
  if (clause.kind == ClauseKind::kRelative && clause.subject >= 0)
    return clause.antecedent;
  return -1;
}

int TrailingSpeech(const SentenceParse& parse, const std::vector<Token>& tokens, int c) {
  for (int k = static_cast<int>(parse.clauses.size()) - 1; k > c; --k) {
    const Clause& clause = parse.clauses[k];
    if (clause.verb < 0 || clause.subject < 0 || clause.range.begin == 0) continue;
    const VerbGroup& g = parse.phrases.verbs[clause.verb];
    if (!(tokens[g.head].verb_forms & kSpeech) ||
        tokens[clause.range.begin - 1].tag != Tag::kComma ||
        parse.clauses[c].range.begin >= clause.range.begin) {
      continue;
    }
    return k;
  }
  return -1;
}

int SubjectOf(const SentenceParse& parse, int c) {
  for (int guard = 0; c >= 0 && guard < 8; ++guard) {
    const Clause& clause = parse.clauses[c];
    if (clause.subject >= 0) return clause.subject;
    if (clause.kind == ClauseKind::kRelative && clause.antecedent >= 0) {
      return clause.antecedent;
    }
    if (clause.conjunct_of >= 0) {
      c = clause.conjunct_of;
      continue;
    }
    if (!clause.shares_subject) return -1;
    c = clause.parent;
  }
  return -1;
}

}  // namespace entente::importers::internal
