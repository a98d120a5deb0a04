#include "importers/internal/dating.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "importers/internal/numbers.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

using graph::DatePrecision;
using graph::DateWithPrecision;
using graph::RelationType;

// A visit keeps its day only when the date follows the trigger this closely.
constexpr int kPinnedVisitWindow = 6;
// How far after "next" or "within" the count of years may stand ("over the next
// five years").
constexpr int kYearsWindow = 4;

bool IsStateType(RelationType type) {
  return type == RelationType::kPartnership ||
         type == RelationType::kDiplomaticRelations || type == RelationType::kMembership;
}

// The match tells a state that still holds: a state's type, or a frame with
// date=since ("has remained suspended since 2016").
bool TellsState(const MatchContext& ctx) {
  return IsStateType(ctx.match.frame->type) || ctx.match.frame->since_state;
}

bool BeforeIs(const std::vector<Token>& t, int i, absl::string_view word) {
  return i > 0 && t[i - 1].lower == word;
}

// "since 2022", "since last August", "since early March": the date right after
// "since" (not "since the 1989 embargo", a span from a thing the date names).
bool SinceRightBefore(const std::vector<Token>& t, const DateMention& d) {
  int k = d.begin - 1;
  if (k >= 0 && (t[k].LowerIs("last") || t[k].LowerIs("early") || t[k].LowerIs("late") ||
                 t[k].LowerIs("mid"))) {
    --k;
  }
  return k >= 0 && t[k].LowerIs("since");
}

// "his first trip since the clashes of September 2022": a date inside a "since"
// phrase is where a span starts, as "since 2022" is; a verb or comma between ends
// the phrase.
constexpr int kSincePhraseWindow = 8;
bool InSincePhrase(const std::vector<Token>& t, const DateMention& d) {
  for (int k = d.begin - 1; k >= 0 && k >= d.begin - kSincePhraseWindow; --k) {
    if (t[k].LowerIs("since")) return true;
    if (t[k].tag == Tag::kVerb || t[k].tag == Tag::kComma || t[k].tag == Tag::kAux)
      return false;
  }
  return false;
}

// "in October 2023, when the five signed ...": the date the when-clause describes.
const DateMention* WhenDate(const Sentence& s, int c) {
  // "when they set the goal of bringing ...": from a clause without its own time.
  for (int guard = 0; guard < 4 && c >= 0; ++guard) {
    ClauseKind kind = s.parse.clauses[c].kind;
    if (kind != ClauseKind::kParticipial && kind != ClauseKind::kComplement) break;
    c = s.parse.clauses[c].parent;
  }
  if (c < 0) return nullptr;
  const Clause& clause = s.parse.clauses[c];
  int sub = clause.subordinator;
  if (clause.kind != ClauseKind::kSubordinate || sub <= 0 ||
      !s.tokens[sub].LowerIs("when")) {
    return nullptr;
  }
  int end = sub;
  if (s.tokens[end - 1].tag == Tag::kComma) --end;
  for (const DateMention& d : s.dates) {
    if (d.end == end) return &d;  // "since July 2024, when ...": that month.
  }
  return nullptr;
}

// "set a goal of $4 billion when their presidents met in Lusaka last March": a clause
// with no time of its own happened when its "when" clause says; so does a participle
// or infinitive, when the clause it completes has one ("When X visited Cairo in
// February, the two set a target of raising trade ...").
const DateMention* DateOfWhenClause(const Sentence& s, int c) {
  for (int guard = 0; guard < 4 && c >= 0; ++guard) {
    for (size_t k = 0; k < s.parse.clauses.size(); ++k) {
      const Clause& clause = s.parse.clauses[k];
      if (clause.parent != c || clause.kind != ClauseKind::kSubordinate ||
          clause.subordinator < 0 || !s.tokens[clause.subordinator].LowerIs("when")) {
        continue;
      }
      for (const DateMention& d : s.dates) {
        if (s.parse.clause_at[d.begin] == static_cast<int>(k) &&
            !IsTargetDate(s.tokens, d))
          return &d;
      }
    }
    const ClauseKind kind = s.parse.clauses[c].kind;
    if (kind != ClauseKind::kParticipial && kind != ClauseKind::kComplement) break;
    c = s.parse.clauses[c].parent;
  }
  return nullptr;
}

// "raise trade to $30 billion by 2030, a target the two governments set in
// September last year", "the goal ..., which was set when X visited Y in 2025": a
// later clause that tells when the target was set dates it; null when none.
const DateMention* TargetSettingDate(const Sentence& s, int c) {
  for (size_t k = 0; k < s.parse.clauses.size(); ++k) {
    const Clause& clause = s.parse.clauses[k];
    if (static_cast<int>(k) == c || clause.verb < 0 ||
        (clause.kind != ClauseKind::kRelative &&
         clause.kind != ClauseKind::kParticipial)) {
      continue;
    }
    const Token& verb = s.tokens[s.parse.phrases.verbs[clause.verb].head];
    if (!verb.LemmaIs("set") || clause.range.begin < s.parse.clauses[c].range.begin) {
      continue;
    }
    // "..., doubling the $2.5 billion goal set in 2022": a goal another participle
    // acts on is an older one, set at its own time.
    if (clause.parent >= 0 && clause.parent != c &&
        s.parse.clauses[clause.parent].kind == ClauseKind::kParticipial) {
      continue;
    }
    for (const DateMention& d : s.dates) {
      if (s.parse.clause_at[d.begin] == static_cast<int>(k) && !IsTargetDate(s.tokens, d))
        return &d;
    }
    if (const DateMention* d = DateOfWhenClause(s, static_cast<int>(k))) return d;
  }
  return nullptr;
}

// The first date of the clause that reports quoted clause c, if any.
const DateMention* SpeechDate(const Sentence& s, int c) {
  for (int guard = 0; guard < 4 && c >= 0 && !s.parse.clauses[c].quoted; ++guard) {
    c = s.parse.clauses[c].parent;
  }
  if (c < 0 || !s.parse.clauses[c].quoted || s.parse.clauses[c].speech < 0)
    return nullptr;
  const Clause& speech = s.parse.clauses[s.parse.clauses[c].speech];
  for (const DateMention& d : s.dates) {
    if (speech.range.Contains(d.begin) &&
        !s.parse.clauses[s.parse.clause_at[d.begin]].quoted &&
        d.kind != DateKind::kSince && !IsTargetDate(s.tokens, d)) {
      return &d;
    }
  }
  return nullptr;
}

// "Japan said on Monday it would invest $1bn in Kenya": what a state says it will do
// is announced on the day of the saying. The date of the clause of saying (not of
// the content) when clause c is future or modal content of a verb of saying; null
// otherwise.
const DateMention* AnnouncementDate(const Sentence& s, int c) {
  const Clause& clause = s.parse.clauses[c];
  if (clause.verb < 0 || clause.parent < 0) return nullptr;
  const VerbGroup& g = s.parse.phrases.verbs[clause.verb];
  if (!g.future && !g.modal) return nullptr;
  const Clause& parent = s.parse.clauses[clause.parent];
  if (parent.verb < 0 || clause.kind != ClauseKind::kSubordinate) return nullptr;
  const VerbGroup& said = s.parse.phrases.verbs[parent.verb];
  if (!(s.tokens[said.head].verb_forms & kSpeech)) return nullptr;
  for (const DateMention& d : s.dates) {
    if (s.parse.clause_at[d.begin] == clause.parent && d.kind != DateKind::kSince &&
        d.date.precision == DatePrecision::kDay && !IsTargetDate(s.tokens, d)) {
      return &d;
    }
  }
  return nullptr;
}

// The trigger's clause is in the past perfect ("had signed").
bool Pluperfect(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  if (clause.verb < 0) return false;
  const VerbGroup& g = s.parse.phrases.verbs[clause.verb];
  bool had = false;
  for (int k = g.range.begin; k < g.range.end; ++k) had |= s.tokens[k].LowerIs("had");
  return had && g.perfect;
}

// "Daily Sabah reported on Tuesday that X and Y had signed": what the press reports
// (@press_report_verb) had happened some time before the report. What a party says
// it had done ("said on Tuesday it had barred entry") is dated by the saying.
bool ReportedEarlier(const MatchContext& ctx) {
  if (!Pluperfect(ctx)) return false;
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  if (clause.parent < 0) return false;
  const Clause& parent = s.parse.clauses[clause.parent];
  if (parent.verb < 0) return false;
  const VerbGroup& said = s.parse.phrases.verbs[parent.verb];
  return ctx.lexicon().Contains(ctx.classes().press_report_verb, said.lemma);
}

// The first date of clause c that tells when it happened (not a target's year nor a
// "since"); null when none.
const DateMention* OwnDateOfClause(const Sentence& s, int c) {
  for (const DateMention& d : s.dates) {
    if (s.parse.clause_at[d.begin] != c) continue;
    if (IsTargetDate(s.tokens, d) || d.kind == DateKind::kSince) continue;
    return &d;
  }
  return nullptr;
}

// The date of the trigger's own phrase, else of its own clause (the first after the
// trigger, else the last before), else of the clauses that share its time.
// "the partnership their governments forged in 2011", "the partnership
// launched in July 2013": a relative or participial clause describing a noun
// trigger's phrase tells its date, as the phrase's own words would.
const DateMention* DescribingClauseDate(const MatchContext& ctx) {
  if (ctx.match.np < 0) return nullptr;
  const Sentence& s = ctx.sentence();
  for (size_t c = 0; c < s.parse.clauses.size(); ++c) {
    const Clause& clause = s.parse.clauses[c];
    // A participle describes the phrase it follows right after ("the partnership
    // launched in 2013"), not one further back whose chain it ends ("a partnership,
    // building on the committee established in 2021").
    const bool describes =
        clause.kind == ClauseKind::kRelative ||
        (clause.kind == ClauseKind::kParticipial &&
         clause.range.begin == s.parse.phrases.nps[ctx.match.np].range.end);
    if (!describes || clause.antecedent != ctx.match.np) continue;
    if (const DateMention* d = OwnDateOfClause(s, static_cast<int>(c))) return d;
  }
  return nullptr;
}

// "lift trade to $20bn, up from $16.5bn last year": the date of the amount a change
// starts from is that amount's, not the target's or the new figure's.
bool DatesABaseline(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.tokens();
  int end = d.begin;  // "from $16.5bn in 2023", "from $16.5bn last year".
  // "with $3.9bn in the same period a year earlier": the period's words between.
  if (end >= 3 && t[end - 1].LowerIs("period") && t[end - 3].LowerIs("the") &&
      (t[end - 2].LowerIs("same") || t[end - 2].LowerIs("corresponding") ||
       t[end - 2].LowerIs("comparable"))) {
    end -= 3;
  }
  // "after $22.7bn in the whole of 2024", "in all of 2024".
  if (end >= 3 && t[end - 1].LowerIs("of") && t[end - 2].LowerIs("whole") &&
      t[end - 3].LowerIs("the")) {
    end -= 3;
  } else if (end >= 2 && t[end - 1].LowerIs("of") && t[end - 2].LowerIs("all")) {
    end -= 2;
  }
  if (end > 0 && t[end - 1].LowerIs("in")) --end;
  // "from last year's $4bn": the date as the amount's possessive.
  const bool possessive = d.end < static_cast<int>(t.size()) && t[d.end].LowerIs("'s");
  for (const MoneyMention& m : ctx.sentence().money) {
    if (m.end != end && !(possessive && m.begin == d.end + 1)) continue;
    return BaselineAmount(ctx.lexicon(), ctx.classes().amount_hedge,
                          ctx.classes().baseline_opener, t, ctx.sentence().money, m.begin,
                          m.begin + 1) == &m;
  }
  return false;
}

// Phrase np is a description set off by a comma, opened by an article, after a
// named phrase that is neither the trigger's nor its clause's object: "co-chaired
// the 14th meeting of the Cooperation Committee, a ministerial mechanism set up in
// 2007" describes the committee. (A membership's body is its target: "founding
// members of MIKTA, the grouping launched in 2013" dates the membership.)
bool SetOffDescription(const MatchContext& ctx, int np) {
  const Phrases& ph = ctx.sentence().parse.phrases;
  const std::vector<Token>& t = ctx.tokens();
  const int begin = ph.nps[np].range.begin;
  if (ctx.match.frame->type == RelationType::kMembership || begin < 2 ||
      t[begin - 1].tag != Tag::kComma || t[begin].tag != Tag::kDeterminer ||
      !t[begin - 2].capitalized) {
    return false;
  }
  const int described = ph.np_at[begin - 2];
  return described >= 0 && described != ctx.match.np &&
         described != ctx.sentence().parse.clauses[ctx.match.clause].object;
}

// Clause c is a participle describing a thing named in another participle's
// clause ("the partnership, building on the committee established in 2021"): its
// date is that thing's. (A participle right under the trigger's clause may be its speech:
// "X and Y will ..., the cabinet said on Thursday" parses as one.)
bool DescribesAnotherThing(const MatchContext& ctx, int c) {
  if (c < 0 || c == ctx.match.clause) return false;
  const SentenceParse& parse = ctx.sentence().parse;
  const Clause& clause = parse.clauses[c];
  // "agreed to restore the ties severed in 2016": a participle describing the
  // trigger's object tells that object's past.
  const int object = parse.clauses[ctx.match.clause].object;
  if (clause.kind == ClauseKind::kParticipial && clause.verb >= 0 &&
      parse.phrases.verbs[clause.verb].passive && object >= 0 &&
      clause.antecedent == object && clause.parent == ctx.match.clause &&
      ctx.match.np < 0) {
    return true;
  }
  // "up from the $10 billion goal set in 2021", "with the bloc founded in 1967": a
  // participle describing what a "from", "with" or "to" phrase names tells that
  // thing's past (not "at the summit held on Monday", where the clause's event is).
  if (clause.kind == ClauseKind::kParticipial && clause.verb >= 0 &&
      parse.phrases.verbs[clause.verb].passive && clause.antecedent >= 0 &&
      clause.antecedent != ctx.match.np && clause.parent == ctx.match.clause) {
    const int pp = parse.phrases.nps[clause.antecedent].pp;
    if (pp >= 0) {
      const Token& prep = ctx.tokens()[parse.phrases.pps[pp].prep];
      if (prep.LowerIs("from") || prep.LowerIs("with") || prep.LowerIs("to")) return true;
    }
  }
  // "the Cooperation Committee, a ministerial mechanism set up in 2007,": a
  // participle describing a description set off by commas tells the described
  // thing's past, not the trigger's.
  if (clause.kind == ClauseKind::kParticipial && clause.verb >= 0 &&
      parse.phrases.verbs[clause.verb].passive && clause.antecedent >= 0 &&
      clause.antecedent != ctx.match.np && SetOffDescription(ctx, clause.antecedent)) {
    return true;
  }
  return clause.kind == ClauseKind::kParticipial && clause.verb >= 0 &&
         parse.phrases.verbs[clause.verb].passive && clause.antecedent >= 0 &&
         clause.antecedent != ctx.match.np && clause.parent >= 0 &&
         clause.parent != ctx.match.clause &&
         parse.clauses[clause.parent].kind == ClauseKind::kParticipial;
}

// A date the sentence gives for something other than the trigger's event: a target
// ("by 2030"), an amount's or a baseline's year, the start of a running span.
// "an increase of 11.4% compared to 2023", "12% more than in 2022", "up 8% over
// 2023": the period a change is measured against.
bool ComparedPeriod(const std::vector<Token>& t, const DateMention& d) {
  int k = d.begin - 1;
  if (k >= 0 && t[k].LowerIs("in")) --k;  // "than in 2023"
  if (k < 0) return false;
  // "up 9 percent from the same period of 2025": the period compared with.
  if ((t[k].LowerIs("of") || t[k].LowerIs("in")) && k >= 2 &&
      (t[k - 1].LowerIs("period") || t[k - 1].LowerIs("months") ||
       t[k - 1].LowerIs("quarter")) &&
      (t[k - 2].LowerIs("same") || (k >= 3 && t[k - 3].LowerIs("same")))) {
    return true;
  }
  const absl::string_view w = t[k].lower;
  if (w == "than" || w == "over" || w == "versus") return true;
  // "2.3 times the level of September 2024", "double that of 2023".
  if (w == "of" && k >= 1 &&
      (t[k - 1].LowerIs("level") || t[k - 1].LowerIs("levels") ||
       (t[k - 1].LowerIs("that") && k >= 2 && t[k - 2].tag != Tag::kDeterminer))) {
    return true;
  }
  // "rose 12% on 2024", "up 5 percent from 2023": after a percentage, the year it is
  // measured against (not "tariffs of 25% from March 4": a day they start on).
  if ((w == "on" || w == "from" || w == "against") &&
      d.date.precision == DatePrecision::kYear) {
    constexpr int kPercentWindow = 3;
    for (int j = k - 1; j >= 0 && j >= k - kPercentWindow; --j) {
      if (t[j].text == "%" || t[j].LowerIs("percent") || t[j].LowerIs("cent") ||
          absl::EndsWith(t[j].text, "%")) {
        return true;
      }
    }
  }
  return (w == "to" || w == "with") && k > 0 && t[k - 1].LowerIs("compared");
}

// "provides for gas supplies from 2027": the start of something still to come.
bool StartToCome(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.tokens();
  if (d.begin <= 0 || !ctx.item.reported.known()) return false;
  const absl::string_view w = t[d.begin - 1].lower;
  return (w == "from" || w == "starting" || w == "beginning") &&
         d.date.FirstDay() > ctx.item.reported.FirstDay();
}

// "Turkey's 2025 trade", "amending their 2009 convention": a year after a possessive
// is the year of its own noun. Not "India's 2023-24 financial year", a period that
// dates what the clause measures.
bool OwnedYear(const Sentence& s, const DateMention& d) {
  const std::vector<Token>& t = s.tokens;
  const int n = static_cast<int>(t.size());
  if (d.end != d.begin + 1 || d.begin == 0 || t[d.begin].kind != TokenKind::kNumber ||
      t[d.begin].text.size() != 4 || t[d.begin - 1].tag != Tag::kPossessive) {
    return false;
  }
  constexpr int kPeriodWindow = 2;  // "2024 fiscal year".
  for (int k = d.end; k < n && k < d.end + kPeriodWindow; ++k) {
    if (IsTimeWord(t[k])) return false;
  }
  return true;
}

// "a protocol amending the Transit Agreement of 2001": a year after "of" and a
// capitalized document's kind names that document; the first token of the kind, or
// -1 when d is no such year.
int DocumentOfYear(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.tokens();
  if (d.end != d.begin + 1 || d.begin < 2 || !YearToken(t[d.begin]) ||
      !t[d.begin - 1].LowerIs("of") || !t[d.begin - 2].capitalized) {
    return -1;
  }
  constexpr int kKindWords = 3;  // "Memorandum of Understanding of 2019".
  for (int k = d.begin - 2; k >= 0 && k >= d.begin - 1 - kKindWords; --k) {
    if (ctx.lexicon().MatchAt(ctx.classes().agreement_kind, t, k, d.begin - 1).length ==
        d.begin - 1 - k) {
      return k;
    }
  }
  return -1;
}

// Whether d lies in the trigger's own phrase, or for a verb in its subject ("Turkey's
// 2025 trade with Egypt reached") or in the object it must find dated.
bool OwnPhraseOfTrigger(const MatchContext& ctx, const DateMention& d) {
  const Sentence& s = ctx.sentence();
  // Its own words, not its "of" phrase ("the suspension of its 2002 treaty").
  if (ctx.match.np >= 0) return s.parse.phrases.nps[ctx.match.np].range.Contains(d.begin);
  // "reaffirmed their 2019 accord": a frame that wants its object dated is dated there.
  if (ctx.match.frame->needs_own_date && ctx.match.object_np >= 0 &&
      s.parse.phrases.nps[ctx.match.object_np].range.Contains(d.begin)) {
    return true;
  }
  const int subject = s.parse.clauses[ctx.match.clause].subject;
  return subject >= 0 && s.parse.phrases.nps[subject].range.Contains(d.begin);
}

// Whether phrase np of the match's sentence is headed by a document's word ("the
// treaty", "two accords").
bool NamesDocument(const MatchContext& ctx, int np) {
  const Sentence& s = ctx.sentence();
  const Phrases& ph = s.parse.phrases;
  if (np < 0 || ph.nps[np].head < 0) return false;
  const Token& head = s.tokens[ph.nps[np].head];
  const ClassId kind = ctx.classes().agreement_kind;
  return ctx.lexicon().ContainsWord(kind, head) ||
         ctx.lexicon().Contains(kind, head.lemma);
}

// "discussed their 2019 fisheries accord", "reviewed the treaty of 1998", "discussed
// the agreements signed in 2019": a date in a document's own phrase, in its "of"
// phrase, or in a clause describing it, is the document's. A verb's relation other
// than the signing itself (talks about the document, a partnership under it) is not
// dated by it.
bool DateOfDocumentTalkedOf(const MatchContext& ctx, const DateMention& d) {
  const RelationType type = ctx.match.frame->type;
  // "the suspension of the 2017 bilateral agreement": a measure's noun acting on a
  // dated document is not dated by it either.
  const bool measure =
      type == RelationType::kDowngrade || type == RelationType::kSanction;
  if ((ctx.match.np >= 0 && !measure) || type == RelationType::kAgreement) return false;
  const Sentence& s = ctx.sentence();
  const Phrases& ph = s.parse.phrases;
  if (ctx.match.np >= 0 && d.begin < static_cast<int>(ph.np_at.size()) &&
      ph.np_at[d.begin] == ctx.match.np) {
    return false;
  }
  if (d.begin >= static_cast<int>(ph.np_at.size())) return false;
  int np = ph.np_at[d.begin];
  if (NamesDocument(ctx, np)) return true;
  if (np >= 0 && ph.nps[np].pp >= 0) {
    const PrepPhrase& of = ph.pps[ph.nps[np].pp];
    if (s.tokens[of.prep].LowerIs("of") && NamesDocument(ctx, of.attached_np)) {
      return true;
    }
  }
  const int c = s.parse.clause_at[d.begin];
  if (c < 0 || c == ctx.match.clause) return false;
  const Clause& clause = s.parse.clauses[c];
  return (clause.kind == ClauseKind::kParticipial ||
          clause.kind == ClauseKind::kRelative) &&
         NamesDocument(ctx, clause.antecedent);
}

bool OfSomethingElse(const MatchContext& ctx, const DateMention& d, bool state) {
  const Sentence& s = ctx.sentence();
  if (IsTargetDate(s.tokens, d) || DatesAnAmount(s.tokens, d) || DatesABaseline(ctx, d) ||
      ComparedPeriod(s.tokens, d) || StartToCome(ctx, d)) {
    return true;
  }
  // "placed the 1960 treaty in abeyance on Wednesday": a year written inside the
  // object's own words dates the document a measure acts on, not the measure (a
  // signing or a summit hosted is its object's own date).
  // "condemned Sunday's attack on Tuesday", "condemned the 2021 coup": so for what a
  // statement is about, and a date with "'s" is its phrase's own.
  const RelationType type = ctx.match.frame->type;
  if (ctx.match.np < 0 && ctx.match.object_np >= 0 &&
      (type == RelationType::kDowngrade || type == RelationType::kSanction ||
       type == RelationType::kDeclaration)) {
    const NounPhrase& object = s.parse.phrases.nps[ctx.match.object_np];
    const bool possessor = d.end < static_cast<int>(s.tokens.size()) &&
                           s.tokens[d.end].tag == Tag::kPossessive;
    if (object.range.Contains(d.begin) &&
        ((d.begin > object.range.begin || possessor) && d.begin < object.head)) {
      return true;
    }
  }
  if (OtherDocumentYear(ctx, d) || DateOfDocumentTalkedOf(ctx, d)) return true;
  if (OwnedYear(s, d)) return !OwnPhraseOfTrigger(ctx, d);
  // "froze the assets of officials accused of rigging last year's election": a
  // date as the possessor of a noun in a clause that describes something dates that
  // noun.
  if (d.end < static_cast<int>(s.tokens.size()) &&
      s.tokens[d.end].tag == Tag::kPossessive &&
      d.begin < static_cast<int>(s.parse.clause_at.size())) {
    const int c = s.parse.clause_at[d.begin];
    if (c >= 0 && c != ctx.match.clause &&
        (s.parse.clauses[c].kind == ClauseKind::kParticipial ||
         s.parse.clauses[c].kind == ClauseKind::kRelative)) {
      return true;
    }
  }
  // "upgraded ties to a partnership, building on relations since 1989": a span's
  // start told in a participle is that participle's phrase's, not the trigger's.
  if (d.kind == DateKind::kSince && !ctx.match.frame->since_state &&
      d.begin < static_cast<int>(s.parse.clause_at.size())) {
    const int c = s.parse.clause_at[d.begin];
    if (c >= 0 && c != ctx.match.clause &&
        s.parse.clauses[c].kind == ClauseKind::kParticipial) {
      return true;
    }
  }
  // "since 2017" dates a state; for an event it is a running total's start. A
  // measure in force "since last August" was imposed then (not "its first measures
  // since the 1989 embargo", a span from another thing).
  if (state) return false;
  if (ctx.match.frame->type == RelationType::kSanction && SinceRightBefore(s.tokens, d))
    return false;
  if (d.kind == DateKind::kSince) return true;
  // "since Soto's trip to Santiago in October 2022": "since" names the trip itself,
  // and the date of the trip's own phrase is the trip's.
  const TokenRange phrase = ctx.TriggerPhrase();
  const bool since_names_trigger = ctx.match.np >= 0 && phrase.Contains(d.begin) &&
                                   BeforeIs(s.tokens, phrase.begin, "since");
  return !since_names_trigger && InSincePhrase(s.tokens, d);
}

// "the premier's May 2019 tour, which took her to Quito", "the summit of 9 June 2020 at
// which ties were raised": the phrase a relative clause describes dates it.
const DateMention* AntecedentDate(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  if (clause.kind != ClauseKind::kRelative || clause.antecedent < 0) return nullptr;
  const NounPhrase& x = s.parse.phrases.nps[clause.antecedent];
  TokenRange r = x.range;
  for (int pp : x.pps) r.end = std::max(r.end, s.parse.phrases.pps[pp].range.end);
  for (const DateMention& d : s.dates) {
    // "in September, which ...": the date's preposition stands before the phrase.
    const bool in_phrase = r.Contains(d.begin) || (d.begin < r.begin && d.end > r.begin);
    if (in_phrase && !IsTargetDate(s.tokens, d)) return &d;
  }
  return nullptr;
}

// Whether noun phrase np stands in apposition to another ("X, the chair of Y,").
bool IsApposition(const Phrases& phrases, int np) {
  if (np < 0) return false;
  for (const NounPhrase& x : phrases.nps) {
    if (x.apposition == np) return true;
  }
  return false;
}

// "On June 4, ...", "2021 — In March, ...": d opens the trigger's clause, with only
// prepositions, adverbs and headings before it, and a comma ends it.
bool FrontedTime(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.sentence().tokens;
  if (d.end >= static_cast<int>(t.size()) || t[d.end].tag != Tag::kComma) return false;
  for (int k = ctx.ClauseRange().begin; k < d.begin; ++k) {
    switch (t[k].tag) {
      case Tag::kPreposition:
      case Tag::kPunct:
      case Tag::kNumber:
      case Tag::kAdverb:
      case Tag::kComma:
        continue;
      default:
        return false;
    }
  }
  return true;
}

const DateMention* ChooseDate(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  // "up from $600 million last year": a baseline is dated by its own date.
  if (ctx.match.frame->needs_baseline) {
    for (const DateMention& d : s.dates) {
      if (ctx.ClauseRange().Contains(d.begin) && DatesABaseline(ctx, d)) return &d;
    }
    return nullptr;
  }
  // "... and $1.9 billion in January-August 2025": a later figure, by its own date.
  if (ctx.match.frame->needs_later_figure) {
    const TokenRange clause = ctx.ClauseRange();
    const DateMention* date = nullptr;
    LaterFigure(s.tokens, s.money, s.dates, clause.begin, clause.end, &date);
    return date;
  }
  const TokenRange phrase = ctx.TriggerPhrase();
  const TokenRange trigger = ctx.match.trigger;
  const bool state = TellsState(ctx);
  // "reported on Wednesday that they had signed": the past perfect tells of a time
  // before the clause that reports it, so that clause's date is not its own.
  const bool pluperfect = ReportedEarlier(ctx);
  const DateMention* after[2] = {nullptr, nullptr};  // [own clause, shared scope]
  const DateMention* before[2] = {nullptr, nullptr};
  const DateMention* own_phrase = nullptr;
  const int trailing_speech = TrailingSpeech(s.parse, s.tokens, ctx.match.clause);
  for (const DateMention& d : s.dates) {
    if (OfSomethingElse(ctx, d, state)) continue;
    if (ctx.match.np >= 0 && phrase.Contains(d.begin)) {
      // "the Lima Declaration of 2011 and the Quito Protocol of 2016": the first
      // date after the trigger, else the phrase's first.
      if (own_phrase == nullptr ||
          (own_phrase->begin < trigger.begin && d.begin >= trigger.end)) {
        own_phrase = &d;
      }
      continue;
    }
    if (!ctx.InClauseScope(d.begin) && s.parse.clause_at[d.begin] != trailing_speech) {
      continue;
    }
    // "kept its talks with Thailand suspended since 2014": a frame of a state held
    // since a date takes that date wherever the participle hangs.
    const bool state_since = ctx.match.frame->since_state && d.kind == DateKind::kSince;
    if (!state_since && DescribesAnotherThing(ctx, s.parse.clause_at[d.begin])) continue;
    int scope = s.parse.clause_at[d.begin] == ctx.match.clause ? 0 : 1;
    if (scope == 1 && pluperfect) continue;
    if (d.begin >= trigger.end) {
      // "hosted the 2024 Summit ... on Thursday": a finer date of the same year.
      const DateMention* first = after[scope];
      if (first == nullptr ||
          (first->date.precision == DatePrecision::kYear &&
           d.date.year == first->date.year && d.date.precision > DatePrecision::kYear)) {
        after[scope] = &d;
      }
    } else {
      // "in Tianjin on Sunday and Monday for the summit": days joined by "and" are
      // a gathering that began on the first.
      const DateMention* earlier = before[scope];
      const bool joined_days = ctx.match.frame->type == RelationType::kForum &&
                               earlier != nullptr && earlier->end + 1 == d.begin &&
                               s.tokens[earlier->end].LowerIs("and") &&
                               earlier->date.precision == DatePrecision::kDay &&
                               d.date.precision == DatePrecision::kDay;
      if (!joined_days) before[scope] = &d;
    }
  }
  if (own_phrase == nullptr) own_phrase = DescribingClauseDate(ctx);
  // "the 2024 Summit ... on Thursday": the phrase's own year, unless its clause
  // tells the day or month within it. An apposition only describes ("X, this
  // year's chair, arrived on Monday"): its clause tells of something else.
  if (own_phrase != nullptr) {
    if (IsApposition(s.parse.phrases, ctx.match.np)) return own_phrase;
    for (const DateMention* own : {after[0], before[0]}) {
      if (own != nullptr && own_phrase->date.precision == DatePrecision::kYear &&
          own->date.year == own_phrase->date.year &&
          own->date.precision > DatePrecision::kYear) {
        return own;
      }
    }
    return own_phrase;
  }
  // "\"Today we decided ...,\" the president said on Wednesday": speech is dated by
  // the clause that reports it.
  // "reported on Wednesday that they had signed": not the day it was said either.
  const DateMention* speech = pluperfect ? nullptr : SpeechDate(s, ctx.match.clause);
  // "On June 4, X signed a treaty after the May 23 vote": a time set before the
  // clause, by a comma, is the clause's time; a later date that does not narrow it
  // dates something the clause mentions.
  if (before[0] != nullptr && after[0] != nullptr && FrontedTime(ctx, *before[0]) &&
      !Narrows(after[0]->date, before[0]->date)) {
    return before[0];
  }
  // "The G7 on Monday condemned North Korea's launch of a missile on 31 October":
  // a statement's own time before its verb; a date past the start of what it is
  // about dates that.
  if (ctx.match.frame->type == RelationType::kDeclaration && before[0] != nullptr &&
      after[0] != nullptr && ctx.match.np < 0 && ctx.match.object_np >= 0 &&
      before[0]->begin < trigger.begin &&
      after[0]->begin > s.parse.phrases.nps[ctx.match.object_np].range.begin) {
    return before[0];
  }
  for (const DateMention* own : {after[0], before[0]}) {
    if (own == nullptr) continue;
    return own->kind == DateKind::kNow && speech != nullptr ? speech : own;
  }
  if (speech != nullptr) return speech;
  if (ctx.match.frame->type == RelationType::kTradeTarget) {
    if (const DateMention* d = TargetSettingDate(s, ctx.match.clause)) return d;
  }
  if (const DateMention* d = AnnouncementDate(s, ctx.match.clause)) return d;
  if (const DateMention* d = WhenDate(s, ctx.match.clause)) return d;
  if (const DateMention* d = DateOfWhenClause(s, ctx.match.clause)) return d;
  if (after[1] != nullptr) return after[1];
  if (before[1] != nullptr) return before[1];
  return AntecedentDate(ctx);
}

// "the 75th anniversary": the ordinal right before the trigger; for a trigger
// "years", the count ("65 years of diplomatic relations"); 0 when none.
int AnniversaryCount(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  constexpr int kCountWindow = 2;  // "the 75th anniversary", "some 65 years"
  const bool years = t[ctx.match.trigger.end - 1].LemmaIs("year");
  for (int k = ctx.match.trigger.begin - 1;
       k >= 0 && k >= ctx.match.trigger.begin - kCountWindow; --k) {
    if (std::optional<int> n = ParseOrdinal(t[k])) return *n;
    if (!years) continue;
    if (std::optional<int64_t> n = ParseCount(t[k]); n && *n > 0 && *n < 400) {
      return static_cast<int>(*n);
    }
  }
  return 0;
}

// "32 years of ... since diplomatic ties were established": 32.
int YearsSinceIn(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  bool since = false;
  for (const Token& tok : t) since |= tok.LowerIs("since");
  if (!since) return 0;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (!t[i + 1].LowerIs("years")) continue;
    if (std::optional<int64_t> n = ParseCount(t[i]); n && *n > 0 && *n < 400) {
      return static_cast<int>(*n);
    }
  }
  return 0;
}

bool PastOrPerfect(const MatchContext& ctx) {
  const SentenceParse& parse = ctx.sentence().parse;
  // "Australia imposes travel bans on Iran": a headline tells past news in the
  // present (its future is an infinitive: "Chile, Peru to sign pact").
  const bool headline = ctx.sentence().headline;
  for (int c = ctx.match.clause, guard = 0; c >= 0 && guard < 4;
       c = parse.clauses[c].parent, ++guard) {
    const Clause& clause = parse.clauses[c];
    if (clause.verb < 0) continue;
    const VerbGroup& g = parse.phrases.verbs[clause.verb];
    if (g.perfect) return true;
    const Token& head = ctx.tokens()[g.head];
    if (g.future || g.modal) return false;
    if (headline && g.infinitive) return false;
    if (g.copula || g.infinitive || g.nonfinite) {
      if (g.copula) return headline || (head.verb_forms & kPastTense) != 0;
      continue;
    }
    // "watched their ministers exchange ...": a bare verb takes its parent's time.
    bool bare = head.verb_forms == kBaseForm || (head.verb_forms & kPastTense) == 0;
    if (bare && g.head == g.range.begin && clause.parent >= 0 &&
        clause.kind != ClauseKind::kMain) {
      continue;
    }
    return headline || (head.verb_forms & kPastTense) != 0;
  }
  return true;  // A verbless headline-like clause: news of the item's event.
}

// "Indonesia strongly condemns the attack": a statement in the simple present of
// the trigger's own clause, made as the report is.
bool PresentStatement(const MatchContext& ctx) {
  const SentenceParse& parse = ctx.sentence().parse;
  const Clause& clause = parse.clauses[ctx.match.clause];
  if (clause.verb < 0 || clause.kind != ClauseKind::kMain) return false;
  const VerbGroup& g = parse.phrases.verbs[clause.verb];
  if (g.perfect || g.future || g.modal || g.infinitive || g.nonfinite || g.negated ||
      g.passive || g.head != g.range.begin) {
    return false;
  }
  return (ctx.tokens()[g.head].verb_forms & kThirdPerson) != 0;
}

// "three-day", "two-week": a stay of several days.
bool SeveralDaysWord(const Token& t) {
  return (absl::EndsWith(t.lower, "-day") && !t.LowerIs("one-day")) ||
         absl::EndsWith(t.lower, "-week");
}

// "a one-day visit", "a day-long trip": a stay of a single day.
bool OneDayWord(const Token& t) {
  return t.LowerIs("one-day") || t.LowerIs("day-long") || t.LowerIs("daylong");
}

// Between `from` and `to`, a word of several days right before the noun of a stay:
// "for a three-day state visit", "on a two-day official trip".
bool StayOfDaysAfter(const std::vector<Token>& t, int from, int to) {
  constexpr int kNounWindow = 3;  // "two-day official working visit"
  for (int k = from; k < to && k < static_cast<int>(t.size()); ++k) {
    if (!SeveralDaysWord(t[k])) continue;
    for (int j = k + 1; j <= k + kNounWindow && j < to; ++j) {
      if (t[j].LemmaIs("visit") || t[j].LemmaIs("stay") || t[j].LemmaIs("trip")) {
        return true;
      }
    }
  }
  return false;
}

// "flew to Jakarta", "travelled to Indonesia": the trigger's "to" names a capital or a
// state.
bool ToCapitalOrState(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  const int to = ctx.match.trigger.end;
  if (to + 1 >= static_cast<int>(t.size()) || !t[to].LowerIs("to")) return false;
  const Sentence& sentence = ctx.sentence();
  const int m = sentence.mention_at[to + 1];
  if (m < 0) return false;
  const Mention& mention = sentence.mentions[m];
  return mention.form == AliasForm::kCapital ||
         mention.kind == graph::EntityKind::kCountry;
}

// "On Tuesday, the Kenyan president arrived": the day d, after "on", opens the match's
// clause, and only the clause's subject (and adverbs) stand between it and the trigger.
bool FrontedDay(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.tokens();
  if (d.date.precision != DatePrecision::kDay || d.begin < 1 ||
      !t[d.begin - 1].LowerIs("on") || d.begin - 1 != ctx.ClauseRange().begin) {
    return false;
  }
  const SentenceParse& parse = ctx.sentence().parse;
  const int subject = SubjectOf(parse, ctx.match.clause);
  if (subject < 0) return false;
  const TokenRange s = parse.phrases.nps[subject].range;
  const int after = d.end < static_cast<int>(t.size()) && t[d.end].tag == Tag::kComma
                        ? d.end + 1
                        : d.end;
  if (s.begin != after) return false;
  for (int k = s.end; k < ctx.match.trigger.begin; ++k) {
    if (t[k].tag != Tag::kAdverb && t[k].tag != Tag::kAux) return false;
  }
  return true;
}

bool PinnedVisitDay(const MatchContext& ctx, const DateMention& d) {
  const std::vector<Token>& t = ctx.tokens();
  const TokenRange trigger = ctx.match.trigger;
  // "hosted him on Thursday for a one-day working visit": the day the clause gives,
  // wherever it stands.
  const TokenRange scope = ctx.ClauseRange();
  for (int k = scope.begin; k < scope.end && k < static_cast<int>(t.size()); ++k) {
    if (OneDayWord(t[k])) return d.date.precision == graph::DatePrecision::kDay;
  }
  // "spent Monday in Suva": a stay of that one day.
  if (t[trigger.end - 1].LemmaIs("spend")) {
    return d.begin == trigger.end && d.end == d.begin + 1 &&
           d.date.precision == graph::DatePrecision::kDay;
  }
  // "visited", "a visit", "a state visit", "a stop in Windhoek on Wednesday": the
  // trigger's last word.
  const absl::string_view last = t[trigger.end - 1].lemma;
  // "arrived in Lima on 3 October 2018", "landed in Ankara on Sunday on an official
  // visit": a visit takes place from the day of the arrival; not "arrived on Sunday
  // for a three-day state visit", a stay of days the clause calls so (its month).
  const bool arrival =
      (last == "arrive" || last == "fly" || last == "travel" || last == "land") &&
      !StayOfDaysAfter(t, trigger.end, scope.end);
  if (last != "visit" && last != "stop" && last != "stopover" && !arrival) return false;
  // "The visit to Ottawa by X, postponed twice, finally took place on Thursday": the
  // day the visit took place on, however far the verb stands from it.
  if (const Clause& clause = ctx.sentence().parse.clauses[ctx.match.clause];
      clause.verb >= 0 && clause.object >= 0 && d.date.precision == DatePrecision::kDay) {
    const VerbGroup& g = ctx.sentence().parse.phrases.verbs[clause.verb];
    const NounPhrase& object = ctx.sentence().parse.phrases.nps[clause.object];
    if (t[g.head].LemmaIs("take") && t[object.head].LowerIs("place") &&
        d.begin >= g.range.end && d.begin <= object.range.end + 2 &&
        ctx.sentence().parse.phrases.np_at[trigger.begin] ==
            SubjectOf(ctx.sentence().parse, ctx.match.clause)) {
      return true;
    }
  }
  // "On Tuesday, the president arrived in Kampala", "On 6 February, Albanese flew to
  // Jakarta": a day that opens the clause, with only the subject between it and the
  // arrival, pins it as a following one does; a flight to a city that is no capital
  // ("On Tuesday he flew to Erbil") is a leg within the visit as often as its start.
  if (arrival && (last == "arrive" || last == "land" || ToCapitalOrState(ctx)) &&
      d.end <= trigger.begin && FrontedDay(ctx, d)) {
    return true;
  }
  if (d.begin < trigger.end || d.begin > trigger.end + kPinnedVisitWindow) return false;
  for (int k = trigger.end; k < d.begin; ++k) {
    if (t[k].tag == Tag::kComma || t[k].tag == Tag::kConjunction) return false;
  }
  // "on Feb. 13-14" is a stay of days: its month.
  if (d.end < static_cast<int>(t.size()) &&
      (t[d.end].text == "\u2013" || t[d.end].text == "-")) {
    return false;
  }
  for (int k = d.begin; k < d.end; ++k) {
    if (t[k].kind == TokenKind::kNumber &&
        (absl::StrContains(t[k].text, "-") || absl::StrContains(t[k].text, "\u2013"))) {
      return false;
    }
  }
  // "wrapped up a visit on Friday": its last day.
  if (const Clause& clause = ctx.sentence().parse.clauses[ctx.match.clause];
      clause.verb >= 0) {
    const VerbGroup& g = ctx.sentence().parse.phrases.verbs[clause.verb];
    if (ctx.lexicon().Contains(ctx.classes().visit_end_verb, g.lemma)) return false;
  }
  // "a three-day state visit": several days, so its month.
  for (int k = std::max(0, trigger.begin - kPinnedVisitWindow); k < trigger.begin; ++k) {
    if (SeveralDaysWord(t[k])) {
      return false;
    }
  }
  return true;
}

// The event word at k ends a phrase after "the second day of", "the opening day of":
// a day of the event named with an ordinal or a describing word.
bool OneDayOf(const std::vector<Token>& t, int k) {
  constexpr int kPhraseWindow = 5;  // "of the 47th annual ASEAN Summit"
  int of = k - 1;
  while (of > 0 && of >= k - kPhraseWindow && !t[of].LowerIs("of") &&
         (IsNominal(t[of].tag) || t[of].tag == Tag::kNumber)) {
    --of;
  }
  if (of < 2 || !t[of].LowerIs("of") || !t[of - 1].LemmaIs("day")) return false;
  const Token& q = t[of - 2];
  return q.tag == Tag::kAdjective || ParseOrdinal(q).has_value() || q.verb_forms != 0;
}

// The trigger's clause calls its event one of several days ("a three-day
// summit", "the two-day forum").
bool SeveralDays(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  // "on the opening day of the 47th summit", "the second day of the forum": one of
  // its days, so it has several. The event's head word, wherever the sentence names
  // it so.
  const TokenRange event = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ThingPhrase();
  if (event.end > event.begin && event.end <= static_cast<int>(t.size())) {
    const std::string& head = t[event.end - 1].lemma;
    for (int k = 3; k < static_cast<int>(t.size()); ++k) {
      if (t[k].lemma == head && OneDayOf(t, k)) return true;
    }
  }
  const TokenRange clause = ctx.ClauseRange();
  for (int k = clause.begin; k < clause.end && k < static_cast<int>(t.size()); ++k) {
    if (SeveralDaysWord(t[k])) {
      return true;
    }
    // "the summit drew to a close on Sunday": its last day.
    if (k + 2 < clause.end && t[k].LowerIs("to") && t[k + 1].LowerIs("a") &&
        t[k + 2].LowerIs("close")) {
      return true;
    }
  }
  // "The BRICS summit ended on Thursday", "closed on Sunday": its last day.
  if (const Clause& c = ctx.sentence().parse.clauses[ctx.match.clause]; c.verb >= 0) {
    const VerbGroup& g = ctx.sentence().parse.phrases.verbs[c.verb];
    if (ctx.lexicon().Contains(ctx.classes().visit_end_verb, g.lemma)) return true;
  }
  return false;
}

// "Separately, the two governments signed ...": a sentence that opens by setting
// itself apart tells of another event than the story's, undated.
bool OpensApart(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  return OpensWithConnective(t) &&
         ctx.lexicon().MatchAt(ctx.classes().apart_cue, t, 0, 1).length == 1;
}

// "During the visit, the two countries signed ...": a clause set in a stay the text
// told of before, with no date of its own, is some day of the stay.
bool DuringTheStay(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  const TokenRange clause = ctx.ClauseRange();
  for (const DateMention& d : ctx.sentence().dates) {
    if (clause.Contains(d.begin)) return false;  // "During the visit, on Tuesday, ...".
  }
  for (int k = clause.begin; k + 2 < clause.end; ++k) {
    if (!t[k].LowerIs("during") || !t[k + 1].LowerIs("the")) continue;
    const absl::string_view noun = t[k + 2].lower;
    if (noun == "visit" || noun == "trip" || noun == "stay" || noun == "tour")
      return true;
  }
  return false;
}

// The trigger's clause is a relative one opened by "during which", "over which",
// "throughout which", or a clause set "during the visit" (DuringTheStay).
bool DuringWhich(const MatchContext& ctx) {
  const Clause& clause = ctx.sentence().parse.clauses[ctx.match.clause];
  const std::vector<Token>& t = ctx.tokens();
  if (clause.kind != ClauseKind::kRelative || clause.subordinator < 1) {
    return DuringTheStay(ctx);
  }
  const absl::string_view before = t[clause.subordinator - 1].lower;
  return before == "during" || before == "over" || before == "throughout";
}

// The trigger's clause is opened by "after" right after a span ("days after the US
// tightened its controls", "weeks after"), with no date of its own: it happened
// some days before the date of the clause it hangs on (a counted span, "two days
// after", is ShiftBySubordinate's).
bool SpanAfterClause(const MatchContext& ctx, const DateMention* chosen) {
  const SentenceParse& parse = ctx.sentence().parse;
  const Clause& clause = parse.clauses[ctx.match.clause];
  const std::vector<Token>& t = ctx.tokens();
  if (clause.subordinator < 1 || !t[clause.subordinator].LowerIs("after")) return false;
  if (chosen != nullptr && parse.clause_at[chosen->begin] == ctx.match.clause)
    return false;
  const Token& span = t[clause.subordinator - 1];
  // "nine days after", "48 hours after": a counted span says how long before.
  if (clause.subordinator >= 2 && ParseCount(t[clause.subordinator - 2]).has_value())
    return false;
  return span.LowerIs("days") || span.LowerIs("weeks") || span.LowerIs("hours") ||
         span.LowerIs("months");
}

// Whether words r of sentence s name talks ("held bilateral talks", "the
// negotiations").
bool TalksIn(const MatchContext& ctx, const Sentence& s, const TokenRange& r) {
  int at = -1;
  PhraseMatch m;
  return ctx.lexicon().FindIn(ctx.classes().talks_noun, s.tokens, r.begin,
                              std::min<int>(r.end, s.tokens.size()), &at, &m);
}

// Whether words r of sentence s name talks as ones told already: "the talks".
bool DefiniteTalksIn(const MatchContext& ctx, const Sentence& s, const TokenRange& r) {
  const int end = std::min<int>(r.end, s.tokens.size());
  for (int from = r.begin; from < end;) {
    int at = -1;
    PhraseMatch m;
    if (!ctx.lexicon().FindIn(ctx.classes().talks_noun, s.tokens, from, end, &at, &m)) {
      return false;
    }
    if (at > 0 && s.tokens[at - 1].LowerIs("the")) return true;
    from = at + 1;
  }
  return false;
}

// How far back from the report an event told as news may lie.
constexpr int kNewsDays = 31;

// The date of the item's latest news before the trigger: the last day-precise date
// of the preceding sentences that falls in the month before the report ("held talks
// on Wednesday. After the talks, the two sides signed ..."); the anchor when none.
DateWithPrecision RunningAnchor(const MatchContext& ctx) {
  const ItemText& item = ctx.item;
  const DateWithPrecision& reported = item.reported;
  DateWithPrecision found = item.anchor;
  if (!reported.known()) return found;
  // A later section of the story tells of the days around the lead's, not of it.
  if (ctx.sentence().section > 0 && found.precision == DatePrecision::kDay) {
    found = DateWithPrecision::Month(found.year, found.month);
  }
  int32_t last = reported.FirstDay();
  // "At the conclusion of the talks, the two signed ...": the talks told before.
  const bool the_talks = DefiniteTalksIn(ctx, ctx.sentence(), ctx.ClauseRange());
  for (int s = 0; s <= ctx.match.sentence; ++s) {
    const Sentence& sentence = item.sentences[s];
    if (sentence.headline) continue;
    // "ON THE SIDELINES": a section's days start over from the lead's.
    if (sentence.section != ctx.sentence().section) continue;
    const bool told_talks =
        the_talks && s < ctx.match.sentence &&
        TalksIn(ctx, sentence, {0, static_cast<int>(sentence.tokens.size())});
    const bool earlier_paragraph =
        sentence.paragraph != ctx.sentence().paragraph && !told_talks;
    for (const DateMention& d : sentence.dates) {
      if (s == ctx.match.sentence && d.begin >= ctx.match.trigger.begin) break;
      if (d.date.precision != DatePrecision::kDay || d.kind == DateKind::kSince) continue;
      // A relative clause dates something else ("Xi, who arrived on Tuesday, ...").
      int clause = sentence.parse.clause_at[d.begin];
      if (sentence.parse.clauses[clause].kind == ClauseKind::kRelative) continue;
      // "a state visit from March 9 to 11": a span dates a stay, not the day the
      // story moves on from.
      if (BeforeIs(sentence.tokens, d.begin, "from") ||
          BeforeIs(sentence.tokens, d.begin, "between")) {
        continue;
      }
      int32_t day = d.date.FirstDay();
      // A paragraph told before this one goes back to the lead's news unless it
      // moved the story on: "flew in on Thursday" is background to Friday's talks.
      if (earlier_paragraph && item.anchor.precision == DatePrecision::kDay &&
          day < item.anchor.FirstDay()) {
        continue;
      }
      if (day <= last && day >= last - kNewsDays) found = d.date;
    }
  }
  return found;
}

// "Trade with China rose 6% in 2023 to $180bn ... trade with the US came to $75bn":
// figures given without a period are of the period the lead gives, its first year
// (not a target, not "since"), when that year is the report's or the one before.
std::optional<DateWithPrecision> LeadYear(const MatchContext& ctx) {
  const ItemText& item = ctx.item;
  for (const Sentence& sentence : item.sentences) {
    if (sentence.headline) continue;
    if (sentence.paragraph != 0) break;
    for (const DateMention& d : sentence.dates) {
      if (d.date.precision != DatePrecision::kYear || d.kind == DateKind::kSince ||
          IsTargetDate(sentence.tokens, d)) {
        continue;
      }
      const int year = d.date.year;
      if (year == item.reported.year || year + 1 == item.reported.year) return d.date;
    }
  }
  return std::nullopt;
}

// "The summit opened on Friday. ... The summit brought X together with Y": an event
// named in an earlier sentence is dated where it was named, by its own phrase or,
// else, by the clause holding it.
const DateMention* EventNamedDate(const MatchContext& ctx) {
  for (const auto& [a, b] : ctx.match.pairs) {
    for (const Referent* r : {&a, &b}) {
      if (r->thing < 0 || r->thing_sentence < 0 ||
          r->thing_sentence == ctx.match.sentence)
        continue;
      const Sentence& s = ctx.item.sentences[r->thing_sentence];
      const NounPhrase& x = s.parse.phrases.nps[r->thing];
      // Its clause, or the nearest clause above it that is dated.
      const int own = s.parse.clause_at[x.range.begin];
      int clause = own;
      for (int c = own, guard = 0; c >= 0 && guard < 8;
           c = s.parse.clauses[c].parent, ++guard) {
        bool dated = false;
        for (const DateMention& d : s.dates) dated |= s.parse.clause_at[d.begin] == c;
        if (dated) {
          clause = c;
          break;
        }
      }
      const DateMention* in_clause = nullptr;
      for (const DateMention& d : s.dates) {
        if (IsTargetDate(s.tokens, d) || d.kind == DateKind::kSince) continue;
        // "will host a conference in 2024": an event still to come dates nothing.
        if (ctx.item.reported.known() && d.date.FirstDay() > ctx.item.reported.FirstDay())
          continue;
        if (x.range.Contains(d.begin)) return &d;
        if (in_clause == nullptr && s.parse.clause_at[d.begin] == clause) in_clause = &d;
      }
      if (in_clause != nullptr) return in_clause;
    }
  }
  return nullptr;
}

// "attended the SCO summit held in Astana on 3-4 July": the date of a clause that
// describes the event a pair's thing names in the trigger's sentence.
const DateMention* EventDescribedDate(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  for (const auto& [a, b] : ctx.match.pairs) {
    for (const Referent* r : {&a, &b}) {
      if (r->thing < 0 ||
          (r->thing_sentence >= 0 && r->thing_sentence != ctx.match.sentence)) {
        continue;
      }
      for (size_t c = 0; c < s.parse.clauses.size(); ++c) {
        const Clause& clause = s.parse.clauses[c];
        if ((clause.kind != ClauseKind::kRelative &&
             clause.kind != ClauseKind::kParticipial) ||
            clause.antecedent != r->thing || static_cast<int>(c) == ctx.match.clause) {
          continue;
        }
        if (const DateMention* d = OwnDateOfClause(s, static_cast<int>(c))) return d;
      }
    }
  }
  return nullptr;
}

// The event a pair's thing names in another sentence is one of several days ("a
// two-day BRICS summit").
bool NamedEventSpansDays(const MatchContext& ctx) {
  for (const auto& [a, b] : ctx.match.pairs) {
    for (const Referent* r : {&a, &b}) {
      if (r->thing < 0 || r->thing_sentence < 0) continue;
      const Sentence& s = ctx.item.sentences[r->thing_sentence];
      const TokenRange range = s.parse.phrases.nps[r->thing].range;
      for (int k = range.begin; k < range.end; ++k) {
        if (SeveralDaysWord(s.tokens[k])) return true;
      }
    }
  }
  return false;
}

// The other dates of the list `chosen` is in, joined by "and" or commas ("in 2014,
// 2015 and 2019"), of its kind and precision.
std::vector<DateWithPrecision> ListedWith(const Sentence& s, const DateMention& chosen) {
  auto joined = [&](const DateMention& a, const DateMention& b) {
    if (b.begin <= a.end || a.kind != b.kind || a.date.precision != b.date.precision)
      return false;
    for (int k = a.end; k < b.begin; ++k) {
      if (s.tokens[k].tag != Tag::kComma && !s.tokens[k].LowerIs("and")) return false;
    }
    return true;
  };
  std::vector<DateWithPrecision> run;
  bool has_chosen = false;
  for (size_t i = 0; i < s.dates.size(); ++i) {
    if (i == 0 || !joined(s.dates[i - 1], s.dates[i])) {
      if (has_chosen) break;
      run.clear();
    }
    if (&s.dates[i] == &chosen) {
      has_chosen = true;
    } else {
      run.push_back(s.dates[i].date);
    }
  }
  if (!has_chosen) run.clear();
  return run;
}

// "his first visit to Chile since 2015", "their first talks since May 2019": the
// time of the one before, when a noun trigger is the first since a date.
std::optional<DateWithPrecision> LastOneBefore(const MatchContext& ctx) {
  if (ctx.match.np < 0) return std::nullopt;
  const Sentence& s = ctx.sentence();
  const TokenRange phrase = ctx.TriggerPhrase();
  bool first = false;
  for (int k = phrase.begin; k < ctx.match.trigger.begin; ++k) {
    first |= s.tokens[k].LowerIs("first");
  }
  if (!first) return std::nullopt;
  for (const DateMention& d : s.dates) {
    if (d.begin < ctx.match.trigger.end) continue;
    if (!phrase.Contains(d.begin) && !ctx.InClauseScope(d.begin)) continue;
    // Not "since the clashes of September 2022": that date is another event's.
    if (d.kind == DateKind::kSince || BeforeIs(s.tokens, d.begin, "since")) return d.date;
  }
  return std::nullopt;
}

// A decade ("the 1990s") in the trigger's clause.
bool DecadeInClause(const MatchContext& ctx) {
  const TokenRange clause = ctx.ClauseRange();
  const std::vector<Token>& t = ctx.tokens();
  constexpr size_t kDecadeLength = 5;  // "1990s"
  for (int k = clause.begin; k < clause.end && k < static_cast<int>(t.size()); ++k) {
    const std::string& w = t[k].lower;
    if (w.size() == kDecadeLength && w.back() == 's' && absl::ascii_isdigit(w[0]) &&
        absl::ascii_isdigit(w[1]) && absl::ascii_isdigit(w[2]) && w[3] == '0') {
      return true;
    }
  }
  return false;
}

// What the kind of event makes of its date: a visit or a forum of several days is
// known to its month, and a visit or meeting may be one of several ("in 2014 and
// 2016"; "the first since 2015").
void FitToEvent(const MatchContext& ctx, const DateMention* chosen, EventDate* out) {
  const RelationType type = ctx.match.frame->type;
  if (type == RelationType::kVisit && out->date.precision == DatePrecision::kDay &&
      !(chosen != nullptr && PinnedVisitDay(ctx, *chosen))) {
    out->date = DateWithPrecision::Month(out->date.year, out->date.month);
  }
  // "the four-day forum", "the BRICS summit, which ended on Thursday": an event
  // of several days is known to its month.
  if (type == RelationType::kForum && out->date.precision == DatePrecision::kDay &&
      SeveralDays(ctx)) {
    out->date = DateWithPrecision::Month(out->date.year, out->date.month);
  }
  if (type != RelationType::kVisit && type != RelationType::kMeeting) return;
  if (chosen != nullptr && out->stated && out->anniversary == 0) {
    out->also = ListedWith(ctx.sentence(), *chosen);
    // "met on Thursday and Friday": days in a row are one stay, of their month.
    if (!out->also.empty() && out->date.precision == DatePrecision::kDay) {
      out->date = DateWithPrecision::Month(out->date.year, out->date.month);
      out->also.clear();
    }
  }
  std::optional<DateWithPrecision> before = LastOneBefore(ctx);
  if (before && !(*before == out->date)) out->also.push_back(*before);
}

// "arrived on Thursday to attend the summit": the date of the clause a forum's
// infinitive of purpose hangs on is the trip's, not the event's, which an earlier
// sentence may give.
bool ArrivalForEvent(const MatchContext& ctx, const DateMention& chosen) {
  if (ctx.match.frame->type != RelationType::kForum || ctx.match.np >= 0) return false;
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  return clause.kind == ClauseKind::kComplement &&
         s.parse.clause_at[chosen.begin] != ctx.match.clause;
}

// "the forum staged in Lima last Friday, which the premier attended after the
// storm of 9 May": a forum told in a relative clause on an event is dated
// by the participle that describes the event, not by what the relative clause adds.
const DateMention* AttendedEventDate(const MatchContext& ctx) {
  if (ctx.match.frame->type != RelationType::kForum || ctx.match.np >= 0) return nullptr;
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  if (clause.kind != ClauseKind::kRelative || clause.antecedent < 0) return nullptr;
  for (size_t c = 0; c < s.parse.clauses.size(); ++c) {
    const Clause& other = s.parse.clauses[c];
    if (other.kind != ClauseKind::kParticipial || other.antecedent != clause.antecedent)
      continue;
    if (const DateMention* d = OwnDateOfClause(s, static_cast<int>(c))) return d;
  }
  return nullptr;
}

}  // namespace

namespace {

// "a day after Caracas expelled ...", "34 years after the two established ties": the
// span between the trigger's subordinate clause and the clause it hangs on, in days
// or in years (negative for "after": the clause's event came first); zero when it
// is no such clause.
struct Shift {
  int days = 0;
  int years = 0;
};
Shift SubordinateShift(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  const int sub = clause.subordinator;
  if (clause.kind != ClauseKind::kSubordinate || sub < 2) return {};
  const std::vector<Token>& t = s.tokens;
  const absl::string_view word = t[sub].lower;
  if (word != "after" && word != "before") return {};
  // "two weeks after", read as a date of its own, is counted already.
  for (const DateMention& d : s.dates) {
    if (d.begin <= sub && sub < d.end) return {};
  }
  const absl::string_view unit = t[sub - 1].lower;
  const int per = unit == "day" || unit == "days"     ? 1
                  : unit == "week" || unit == "weeks" ? 7
                  : unit == "year" || unit == "years" ? -1
                                                      : 0;
  if (per == 0) return {};
  const Token& count = t[sub - 2];
  int n = count.LowerIs("a") || count.LowerIs("one") ? 1 : 0;
  if (n == 0) {
    constexpr int64_t kLongestSpan = 400;  // Days, weeks or years.
    std::optional<int64_t> parsed = ParseCount(count);
    if (!parsed || *parsed <= 0 || *parsed > kLongestSpan) return {};
    n = static_cast<int>(*parsed);
  }
  const int sign = word == "after" ? -1 : 1;
  if (per < 0) return {0, sign * n};
  return {sign * n * per, 0};
}

// "reached $2.9 billion, 11.4% more than in 2024": the year after the one the change
// is measured against, when the clause names one.
std::optional<DateWithPrecision> YearAfterCompared(const MatchContext& ctx) {
  for (const DateMention& d : ctx.sentence().dates) {
    if (ComparedPeriod(ctx.tokens(), d) && d.date.precision == DatePrecision::kYear &&
        ctx.InClauseScope(d.begin)) {
      return DateWithPrecision::Year(d.date.year + 1);
    }
  }
  return std::nullopt;
}

// "a day after Caracas expelled ...": the day of the clause this one hangs on,
// shifted by the span between them, unless the clause gives its own.
void ShiftBySubordinate(const MatchContext& ctx, const DateMention* chosen,
                        EventDate* out) {
  const Shift shift = SubordinateShift(ctx);
  if (shift.days == 0 && shift.years == 0) return;
  if (chosen != nullptr && ctx.ClauseRange().Contains(chosen->begin)) return;
  // "34 years after ...": the year, whatever the precision of the clause's date.
  if (shift.years != 0 && out->date.known()) {
    out->date = DateWithPrecision::Year(out->date.year + shift.years);
    out->stated = true;
    return;
  }
  if (shift.days == 0 || out->date.precision != DatePrecision::kDay) return;
  out->date = DayFromDays(out->date.FirstDay() + shift.days);
}

}  // namespace

// The match's own clause tells of the past: its verb is past or perfect ("marked",
// "have marked"), whatever the clauses above it say.
bool OwnVerbPast(const MatchContext& ctx) {
  const Clause& clause = ctx.sentence().parse.clauses[ctx.match.clause];
  if (clause.verb < 0) return false;
  const VerbGroup& g = ctx.sentence().parse.phrases.verbs[clause.verb];
  if (g.perfect) return true;
  if (g.future || g.modal) return false;
  return (ctx.tokens()[g.head].verb_forms & kPastTense) != 0 &&
         !(g.infinitive || (g.nonfinite && !g.passive));
}

// The date mention writes its year ("March 2025", "in 2019"), not only a month,
// a day or a weekday.
bool YearWritten(const std::vector<Token>& t, const DateMention& d) {
  for (int k = d.begin; k < d.end && k < static_cast<int>(t.size()); ++k) {
    if (t[k].kind == TokenKind::kNumber && t[k].text.size() == 4) return true;
  }
  return false;
}

// "the 20th anniversary, which falls on 3 May 2027": a date with its year in a
// relative clause describing the anniversary is the anniversary's.
const DateMention* AnniversaryFallsOn(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  const Phrases& phrases = s.parse.phrases;
  for (const Clause& clause : s.parse.clauses) {
    if (clause.kind != ClauseKind::kRelative || clause.antecedent < 0) continue;
    // "the 20th anniversary of relations, which ...": the phrase heading the
    // antecedent may hold the trigger.
    const int top =
        clause.antecedent_top >= 0 ? clause.antecedent_top : clause.antecedent;
    const TokenRange described = {phrases.nps[top].range.begin,
                                  phrases.nps[clause.antecedent].range.end};
    if (!described.Contains(ctx.match.trigger.begin)) continue;
    for (const DateMention& d : s.dates) {
      if (clause.range.Contains(d.begin) && YearWritten(s.tokens, d)) return &d;
    }
  }
  return nullptr;
}

// "the first anniversary of its admission": N when the trigger's phrase is the "of"
// phrase of an Nth anniversary; 0 otherwise.
int AnniversaryOf(const MatchContext& ctx) {
  const SentenceParse& parse = ctx.sentence().parse;
  const std::vector<Token>& t = ctx.tokens();
  if (ctx.match.np < 0) return 0;
  const int pp = parse.phrases.nps[ctx.match.np].pp;
  if (pp < 0) return 0;
  const int prep = parse.phrases.pps[pp].prep;
  if (prep < 2 || !t[prep].LowerIs("of") || !t[prep - 1].LemmaIs("anniversary")) return 0;
  const std::optional<int> n = ParseOrdinal(t[prep - 2]);
  return n.value_or(0);
}

// The relations an "Nth anniversary" dates: counted back from the year the text
// gives, else from the report's. False when there is no count to go by.
bool AnniversaryDate(const MatchContext& ctx, const DateMention* chosen,
                     bool named_elsewhere, EventDate* out) {
  const DateWithPrecision& reported = ctx.item.reported;
  if (!out->stated) {
    if (const DateMention* falls_on = AnniversaryFallsOn(ctx)) {
      chosen = falls_on;
      out->date = falls_on->date;
      out->stated = true;
    }
  }
  int base = out->stated ? out->date.year : reported.year;
  // "mark 107 years of relations in March": a month or weekday with no year of
  // its own, in a clause not told in the past, names the anniversary of the
  // report's year, not a past one ("marked ... in November" keeps last year's).
  if (out->stated && chosen != nullptr && reported.known() && !OwnVerbPast(ctx) &&
      chosen->date.precision != DatePrecision::kYear && !named_elsewhere &&
      !YearWritten(ctx.tokens(), *chosen)) {
    base = reported.year;
  }
  const int n = AnniversaryCount(ctx);
  if (n <= 0 || base <= n) return false;
  out->anniversary = n;
  // "the 55th anniversary of relations, established on 15 December 1970": a date
  // N years before the report is the founding itself.
  if (out->stated && reported.known() && std::abs(reported.year - n - base) <= 1) {
    return true;
  }
  out->date = DateWithPrecision::Year(base - n);
  out->stated = true;
  return true;
}

EventDate DateOf(const MatchContext& ctx) {
  EventDate out;
  const RelationType type = ctx.match.frame->type;
  const DateWithPrecision& reported = ctx.item.reported;
  const DateMention* chosen = AttendedEventDate(ctx);
  if (chosen == nullptr) chosen = ChooseDate(ctx);
  bool named_elsewhere = false;
  if (chosen == nullptr && type == RelationType::kForum) chosen = EventDescribedDate(ctx);
  if (chosen == nullptr || ArrivalForEvent(ctx, *chosen)) {
    if (const DateMention* event = EventNamedDate(ctx)) {
      chosen = event;
      named_elsewhere = true;
    }
  }
  if (chosen != nullptr) {
    out.date = chosen->date;
    // "a two-day summit ... on Monday": its participants, told of later, are
    // known to the month, as its host is.
    if (named_elsewhere && out.date.precision == DatePrecision::kDay &&
        NamedEventSpansDays(ctx)) {
      out.date = DateWithPrecision::Month(out.date.year, out.date.month);
    }
    out.stated = true;
    if (chosen->kind == DateKind::kSince) {
      out.since = true;
      out.historical = !TellsState(ctx);
    }
    if (chosen->kind == DateKind::kNow) out.stated = false;
  }
  if (ctx.match.frame->anniversary) {
    if (!AnniversaryDate(ctx, chosen, named_elsewhere, &out)) return EventDate();
  } else if (const int n = AnniversaryOf(ctx);
             n > 0 && (chosen == nullptr || chosen->begin < ctx.match.trigger.begin)) {
    // "celebrated the first anniversary of its admission": the admission lies that
    // many years before (not when the phrase dates itself: "of their partnership,
    // established in March 2024").
    const int base = out.stated ? out.date.year : reported.year;
    if (base > n) {
      out.date = DateWithPrecision::Year(base - n);
      out.stated = true;
    }
  } else if (type == RelationType::kDiplomaticRelations) {
    // "32 years of cooperation since ties were established": the report's year is
    // the 32nd anniversary.
    // "This year marks 65 years since ...": a present date is the anniversary's.
    const bool present =
        out.stated && reported.known() && std::abs(out.date.year - reported.year) <= 1;
    if (int years = YearsSinceIn(ctx);
        years > 0 && (!out.stated || present) && reported.known()) {
      const int base = out.stated ? out.date.year : reported.year;
      out.date = DateWithPrecision::Year(base - years);
      out.stated = true;
      out.anniversary = years;
    }
  }
  // An entry under a timeline's heading ("2023" over "Ghana and Togo signed a
  // memorandum") happened in the heading's period, or on its own opening date.
  const Sentence& s = ctx.sentence();
  if (!out.stated && (s.entry.known() || s.heading.known())) {
    out.date = s.entry.known() ? s.entry : s.heading;
    out.stated = true;
  }
  if (!out.stated) {
    if (!reported.known()) return out;
    // "established ties in the early 1990s": a decade is no date the spec can
    // hold, and the report's would be wrong.
    if (DecadeInClause(ctx)) return EventDate();
    // "a paper reported that Sudan had recalled its ambassador": some time before
    // the news, so the report's month.
    const bool told_before =
        ReportedEarlier(ctx) && ctx.sentence().parse.clauses[ctx.match.clause].content;
    // "Under the pact, Jordan will invest $80 million": a pledge is announced at the
    // item's event, as a past act is (a goal to reach is set as the report tells it:
    // DateOf.AFutureStatementTakesTheReportsMonthNotTheLeadsDate).
    const bool announced = type == RelationType::kInvestment;
    out.date = (PastOrPerfect(ctx) || announced) && !told_before && !OpensApart(ctx)
                   ? RunningAnchor(ctx)
                   : DateWithPrecision::Month(reported.year, reported.month);
    // "Aliyev came to Tashkent in August. The two leaders signed ...": an undated past
    // act in a paragraph that recounts an earlier month took place then.
    if (s.recounted.known() && s.dates.empty() && PastOrPerfect(ctx) && !told_before) {
      out.date = s.recounted;
    }
    if (type == RelationType::kDeclaration && PresentStatement(ctx)) out.date = reported;
    if (type == RelationType::kTradeVolume) {
      if (std::optional<DateWithPrecision> year = LeadYear(ctx)) out.date = *year;
      if (std::optional<DateWithPrecision> year = YearAfterCompared(ctx)) {
        out.date = *year;
        out.stated = true;
      }
    }
  }
  FitToEvent(ctx, chosen, &out);
  // "a four-day visit that ended on Wednesday, during which they signed ...":
  // some day of the span, known to the month.
  if (DuringWhich(ctx) && out.date.precision == DatePrecision::kDay) {
    out.date = DateWithPrecision::Month(out.date.year, out.date.month);
  }
  // "days after the US tightened its controls": some days before, known to the month.
  if (SpanAfterClause(ctx, chosen) && out.date.precision == DatePrecision::kDay &&
      SubordinateShift(ctx).days == 0) {
    out.date = DateWithPrecision::Month(out.date.year, out.date.month);
  }
  ShiftBySubordinate(ctx, chosen, &out);
  return out;
}

namespace {

// A date right after token k, or after a comma or "and" there.
bool DateFollows(const Sentence& s, int k) {
  const int n = static_cast<int>(s.tokens.size());
  if (k < n && (s.tokens[k].tag == Tag::kComma || s.tokens[k].LowerIs("and"))) ++k;
  if (k < n && s.tokens[k].LowerIs("and")) ++k;
  for (const DateMention& d : s.dates) {
    if (d.begin == k) return true;
  }
  return false;
}

}  // namespace

std::optional<graph::DateWithPrecision> PartyDate(const MatchContext& ctx,
                                                  const Referent& a, const Referent& b) {
  const Sentence& s = ctx.sentence();
  const TokenRange clause = ctx.ClauseRange();
  int dates = 0;
  for (const DateMention& d : s.dates) {
    dates += clause.Contains(d.begin) && !IsTargetDate(s.tokens, d) ? 1 : 0;
  }
  if (dates < 2) return std::nullopt;
  for (const Mention& m : s.mentions) {
    if (!clause.Contains(m.begin) || m.country.empty() ||
        m.kind == graph::EntityKind::kCity ||
        (m.country != a.party && m.country != b.party)) {
      continue;
    }
    // Only a partner named after "with" ("the second with Peru in 2023"), or one of
    // a verb's gapped objects ("visited Japan on Monday, Korea on Wednesday").
    int before = m.begin - 1;
    if (before >= 0 && s.tokens[before].LowerIs("the")) --before;
    if (before < 0) continue;
    const Token& opener = s.tokens[before];
    const bool with = opener.LowerIs("with");
    // The gapped objects of the trigger's own clause (not "Abiy, who last visited
    // Kenya in 2023, held talks ... on Monday").
    const bool gapped = (opener.tag == Tag::kVerb || opener.tag == Tag::kComma ||
                         opener.LowerIs("and")) &&
                        s.parse.clause_at[m.begin] == ctx.match.clause;
    if (!with && !gapped) continue;
    int next = m.end;
    if (next < clause.end &&
        (s.tokens[next].LowerIs("in") || s.tokens[next].LowerIs("on")))
      ++next;
    for (const DateMention& d : s.dates) {
      if (d.begin != next) continue;
      // "visited China in 2014 and 2015": dates listed for one party are each a
      // relation of their own (EventDate::also), not this party's one date.
      if (!with && DateFollows(s, d.end)) return std::nullopt;
      return d.date;
    }
  }
  return std::nullopt;
}

std::optional<int> TargetYear(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  for (const DateMention& d : s.dates) {
    if (!ctx.InClauseScope(d.begin) && !ctx.ClauseRange().Contains(d.begin)) continue;
    if (IsTargetDate(s.tokens, d) ||
        (BeforeIs(s.tokens, d.begin, "for") &&
         ctx.match.frame->type == RelationType::kTradeTarget)) {
      return d.date.year;
    }
  }
  // "over the next five years", "within five years".
  const std::vector<Token>& t = s.tokens;
  const TokenRange clause = ctx.ClauseRange();
  for (int i = clause.begin; i < clause.end && i < static_cast<int>(t.size()); ++i) {
    if (!t[i].LowerIs("next") && !t[i].LowerIs("within")) continue;
    for (int k = i + 1; k < i + kYearsWindow && k + 1 < static_cast<int>(t.size()); ++k) {
      if (!t[k + 1].LowerIs("years") && !t[k + 1].LowerIs("year")) continue;
      if (std::optional<int64_t> n = ParseCount(t[k]); n && *n > 0 && *n < 100) {
        if (ctx.item.reported.known())
          return ctx.item.reported.year + static_cast<int>(*n);
      }
    }
  }
  return std::nullopt;
}

bool OtherDocumentYear(const MatchContext& ctx, const DateMention& d) {
  // "signed a joint statement reaffirming the 1977 treaty": a document named in a
  // clause that describes the signing's own is another document.
  const Sentence& s = ctx.sentence();
  const Phrases& ph = s.parse.phrases;
  if (d.begin < static_cast<int>(ph.np_at.size())) {
    const int c = s.parse.clause_at[d.begin];
    if (c >= 0 && c != ctx.match.clause &&
        s.parse.clauses[c].kind == ClauseKind::kParticipial &&
        s.parse.clauses[c].parent == ctx.match.clause &&
        NamesDocument(ctx, ph.np_at[d.begin]) && !ctx.ThingPhrase().Contains(d.begin)) {
      return true;
    }
  }
  const int kind = DocumentOfYear(ctx, d);
  if (kind < 0) return false;
  const TokenRange own = ctx.document.empty() ? ctx.ThingPhrase() : ctx.document;
  int first = -1;
  PhraseMatch m;
  ctx.lexicon().FindIn(ctx.classes().agreement_kind, ctx.tokens(), own.begin,
                       std::min<int>(own.end, ctx.tokens().size()), &first, &m);
  return first >= 0 && first != kind;
}

}  // namespace entente::importers::internal
