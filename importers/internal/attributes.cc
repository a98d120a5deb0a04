#include "importers/internal/attributes.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "importers/internal/meeting_place.h"
#include "importers/internal/numbers.h"

namespace entente::importers::internal {
namespace {

using graph::Attributes;
using graph::RelationType;

// How far before a kind noun its count may stand ("18 cooperation documents").
constexpr int kCountWindow = 4;

std::string Text(const std::vector<Token>& t, int begin, int end) {
  std::string out;
  for (int k = begin; k < end; ++k) {
    if (k > begin && t[k - 1].end != t[k].begin) out.push_back(' ');
    out.append(t[k].text.data(), t[k].text.size());
  }
  return out;
}

bool FindClass(const MatchContext& ctx, ClassId cls, const TokenRange& r, int* at,
               PhraseMatch* m) {
  return ctx.lexicon().FindIn(cls, ctx.tokens(), r.begin,
                              std::min<int>(r.end, ctx.tokens().size()), at, m);
}

// The first money amount in the trigger's clause after it, else the last before.
const MoneyMention* MoneyNear(const MatchContext& ctx) {
  const MoneyMention* after = nullptr;
  const MoneyMention* before = nullptr;
  const SentenceParse& parse = ctx.sentence().parse;
  for (const MoneyMention& m : ctx.sentence().money) {
    if (!ctx.InClauseScope(m.begin) && !ctx.ClauseRange().Contains(m.begin)) continue;
    // "raise trade, which reached $720 million, to $1 billion": the relative clause's
    // amount is another fact's.
    int c = parse.clause_at[m.begin];
    if (c != ctx.match.clause && parse.clauses[c].kind == ClauseKind::kRelative) continue;
    if (m.begin >= ctx.match.trigger.begin) {
      if (after == nullptr) after = &m;
    } else {
      before = &m;
    }
  }
  return after != nullptr ? after : before;
}

// "Brazil's trade with Chile, Peru and Colombia reached $13 billion, $5 billion and
// $7 billion respectively": the k-th amount of the clause is the k-th member's of
// the list with as many members; null when the clause says no "respectively" or
// the pair has no member in such a list.
const MoneyMention* RespectiveMoney(const MatchContext& ctx, const Referent& source,
                                    const Referent& target) {
  const TokenRange clause = ctx.ClauseRange();
  const std::vector<Token>& t = ctx.tokens();
  bool respectively = false;
  for (int k = clause.begin; k < clause.end && k < static_cast<int>(t.size()); ++k) {
    respectively |= t[k].lower == "respectively";
  }
  if (!respectively) return nullptr;
  std::vector<const MoneyMention*> amounts;
  for (const MoneyMention& m : ctx.sentence().money) {
    if (clause.Contains(m.begin)) amounts.push_back(&m);
  }
  if (amounts.size() < 2) return nullptr;
  for (const NounPhrase& np : ctx.sentence().parse.phrases.nps) {
    if (np.conjuncts.size() != amounts.size() || !clause.Contains(np.range.begin))
      continue;
    int member = -1, found = 0;
    for (size_t k = 0; k < np.conjuncts.size(); ++k) {
      for (const Referent& r : ctx.discourse.InRange(
               ctx.match.sentence, np.conjuncts[k].begin, np.conjuncts[k].end)) {
        if (r.party.empty() || (r.party != source.party && r.party != target.party))
          continue;
        member = static_cast<int>(k);
        ++found;
        break;
      }
    }
    if (found == 1) return amounts[member];
  }
  return nullptr;
}

void AddMoney(const MatchContext& ctx, const Referent& source, const Referent& target,
              Attributes* a) {
  const MoneyMention* respective = RespectiveMoney(ctx, source, target);
  if (const MoneyMention* m = respective != nullptr ? respective : MoneyNear(ctx)) {
    (*a)["amount"] = m->amount;
    (*a)["currency"] = m->currency;
  }
}

// ---- agreement -------------------------------------------------------------------

bool TitleWord(const Token& t) {
  return t.capitalized || t.lower == "of" || t.lower == "on" || t.lower == "and" ||
         t.lower == "for" || t.lower == "in" || t.lower == "the" || t.lower == "to" ||
         t.kind == TokenKind::kNumber;
}

// Prepositions that open who signed, when or where, not what the document is about.
bool EndsTitle(const Token& t) {
  static constexpr absl::string_view kWords[] = {
      "between", "among", "with", "after", "before", "during", "following", "at",
      "by",      "amid",  "when", "while", "as",     "since",  "from",      "signed"};
  for (absl::string_view w : kWords) {
    if (t.lower == w) return true;
  }
  return false;
}

// "Treaty on Deepening and Expanding Allied Relations"; "agreement on mutual legal
// assistance in criminal matters". Empty when the document has no name of its own.
std::string AgreementTitle(const MatchContext& ctx, int kind_at, int kind_length,
                           const TokenRange& phrase) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  if (t[kind_at].capitalized && kind_at > 0) {
    int b = kind_at;
    while (b > phrase.begin && t[b - 1].capitalized && t[b - 1].tag != Tag::kDeterminer &&
           ctx.sentence().mention_at[b - 1] < 0)
      --b;
    int e = kind_at + kind_length;
    auto is_date = [&](int k) {
      return std::any_of(ctx.sentence().dates.begin(), ctx.sentence().dates.end(),
                         [&](const DateMention& d) { return d.begin <= k && k < d.end; });
    };
    // "the Treaty on Friendship signed in Lima": "in" before a place says where.
    auto where = [&](int k) {
      return (t[k].lower == "in" || t[k].lower == "at") && k + 1 < n &&
             ctx.sentence().mention_at[k + 1] >= 0;
    };
    while (e < n && TitleWord(t[e]) && !is_date(e) && !where(e) &&
           (t[e].capitalized || (e + 1 < n && t[e + 1].capitalized && !is_date(e + 1))))
      ++e;
    if (e - b >= 2) return Text(t, b, e);
  }
  int e = kind_at + kind_length;
  if (e >= n) return "";
  absl::string_view next = t[e].lower;
  bool complement = next == "on" || next == "regulating" || next == "upgrading" ||
                    next == "establishing" || next == "concerning" || next == "for" ||
                    next == "covering";
  // The complement needs words of its own: "agreement on Tuesday" names nothing.
  if (!complement || e + 1 >= n || t[e + 1].tag == Tag::kComma ||
      std::any_of(ctx.sentence().dates.begin(), ctx.sentence().dates.end(),
                  [&](const DateMention& d) { return d.begin == e + 1; }))
    return "";
  int b = kind_at;
  while (b > phrase.begin &&
         (t[b - 1].tag == Tag::kNoun || t[b - 1].tag == Tag::kAdjective) &&
         ctx.sentence().mention_at[b - 1] < 0)
    --b;
  int end = e + 1;
  while (
      end < n && t[end].tag != Tag::kComma && t[end].tag != Tag::kPunct &&
      !(t[end].tag == Tag::kQuote && (end + 1 >= n || t[end + 1].tag == Tag::kComma)) &&
      (ctx.sentence().parse.phrases.verb_at[end] < 0 ||
       (t[end].verb_forms & kGerund && absl::EndsWith(t[end].lower, "ing"))) &&
      t[end].tag != Tag::kSubordinator && t[end].tag != Tag::kRelative &&
      !(t[end].lower == "and" && end + 1 < n && t[end + 1].tag == Tag::kDeterminer) &&
      // "a treaty on allied relations in Tashkent": where it was signed.
      !((t[end].lower == "in" || t[end].lower == "at") && end + 1 < n &&
        ctx.sentence().mention_at[end + 1] >= 0) &&
      !EndsTitle(t[end]) &&
      ctx.sentence().dates.end() ==
          std::find_if(ctx.sentence().dates.begin(), ctx.sentence().dates.end(),
                       [&](const DateMention& d) { return d.begin == end; }))
    ++end;
  // Drop a trailing "in CITY" / "on DATE" the phrase picked up.
  while (end > e + 1 && (t[end - 1].tag == Tag::kPreposition)) --end;
  std::string title = Text(t, b, end);
  // Quotation marks inside a title are the writer's, not the document's.
  title.erase(
      std::remove_if(title.begin(), title.end(), [](char ch) { return ch == '"'; }),
      title.end());
  for (const std::string mark : {"\u201c", "\u201d"}) {
    for (size_t at; (at = title.find(mark)) != std::string::npos;)
      title.erase(at, mark.size());
  }
  return title;
}

void AgreementAttributes(const MatchContext& ctx, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.ThingPhrase();
  if (ctx.match.np >= 0) phrase = ctx.TriggerPhrase();
  int at = -1;
  PhraseMatch kind;
  if (!FindClass(ctx, c.agreement_kind, phrase, &at, &kind)) {
    (*a)["kind"] = std::string("agreement");
    return;
  }
  const std::vector<Token>& t = ctx.tokens();
  std::string value = kind.value.empty() ? "agreement" : std::string(kind.value);
  // "six agreements", "more than 30 documents".
  int64_t count = 0;
  for (int k = at - 1; k >= std::max(phrase.begin, at - kCountWindow); --k) {
    if (std::optional<int64_t> n = ParseCount(t[k]); n && *n > 1 && *n < 1000) {
      count = *n;
      break;
    }
    if (t[k].tag == Tag::kDeterminer && t[k].lower != "more") break;
  }
  const Token& last = t[at + kind.length - 1];
  bool plural = last.lower != last.lemma && last.lower.back() == 's';
  bool bundle =
      FindClass(ctx, c.document_bundle, {at, at + kind.length}, nullptr, nullptr);
  if (plural && (value == "agreement" || bundle)) value = "documents";
  if (value == "documents" && !plural && count == 0) value = "agreement";
  (*a)["kind"] = value;
  if (count > 1) (*a)["count"] = count;
  if (!plural) {
    std::string title = AgreementTitle(ctx, at, kind.length, phrase);
    if (!title.empty()) (*a)["title"] = title;
  }
}

// ---- partnership, visit ------------------------------------------------------------

void PartnershipAttributes(const MatchContext& ctx, Attributes* a) {
  const std::vector<Token>& t = ctx.tokens();
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ThingPhrase();
  // A noun trigger's own words may hold its level ("allied relations").
  int level_end = ctx.match.np >= 0 ? ctx.match.trigger.end : phrase.end;
  // "a strategic partnership on migration and green hydrogen": the levels stand
  // before the partnership noun, not in what it is about.
  PhraseMatch noun;
  // "the upgrade of ties to a strategic partnership": a noun trigger that is no
  // partnership itself takes the levels of the partnership after it.
  const bool other_noun =
      ctx.match.np >= 0 &&
      ctx.lexicon()
              .MatchAt(c.partnership_noun, t, ctx.match.trigger.begin, t.size())
              .length == 0;
  int at = -1;
  if (other_noun &&
      FindClass(ctx, c.partnership_noun, {ctx.match.trigger.end, ctx.ClauseRange().end},
                &at, &noun)) {
    const int np = ctx.sentence().parse.phrases.np_at[at];
    if (np >= 0) {
      phrase = ctx.sentence().parse.phrases.nps[np].range;
      level_end = at + noun.length;
    }
  } else if (ctx.match.np < 0 && FindClass(ctx, c.partnership_noun, phrase, &at, &noun)) {
    level_end = at + noun.length;  // "allied relations" holds its own level.
  } else if (ctx.match.np < 0 &&
             FindClass(ctx, c.partnership_noun, ctx.ClauseRange(), &at, &noun)) {
    // "ties were raised to a special strategic partnership": the levels are in the
    // phrase of the partnership noun, not in the ties.
    const int np = ctx.sentence().parse.phrases.np_at[at];
    if (np >= 0) {
      phrase = ctx.sentence().parse.phrases.nps[np].range;
      level_end = at + noun.length;
    }
  }
  std::vector<std::string> levels;
  bool joined = false;  // "strategic and comprehensive"
  for (int k = phrase.begin; k < level_end;) {
    PhraseMatch m = ctx.lexicon().MatchAt(c.partnership_level, t, k, level_end);
    if (m.length == 0) {
      joined |= !levels.empty() && t[k].lower == "and";
      ++k;
      continue;
    }
    std::string value = m.value.empty() ? t[k].lower : std::string(m.value);
    if (std::find(levels.begin(), levels.end(), value) == levels.end())
      levels.push_back(value);
    k += m.length;
  }
  // "a strategic and comprehensive partnership" is the comprehensive strategic one:
  // the spec's levels name a kind before "strategic". Written order otherwise ("a
  // special strategic and global partnership").
  if (joined && levels.size() > 1 && levels.front() == "strategic") {
    std::rotate(levels.begin(), levels.begin() + 1, levels.end());
  }
  if (!levels.empty()) (*a)["level"] = absl::StrJoin(levels, "_");
}

void VisitAttributes(const MatchContext& ctx, const Referent& source, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ClauseRange();
  int at = -1;
  PhraseMatch m;
  int end = ctx.match.np >= 0 ? ctx.match.trigger.end : phrase.end;
  if (FindClass(ctx, c.visit_level, {phrase.begin, end}, &at, &m)) {
    (*a)["level"] = m.value.empty() ? ctx.tokens()[at].lower : std::string(m.value);
  }
  if (!source.person.empty()) (*a)["visitor"] = source.person;
}

// ---- meeting, forum ------------------------------------------------------------------

// The person who met for `r`: the one its phrase names, or for a group ("the two
// leaders") the one the item named last for its party.
std::string Participant(const MatchContext& ctx, const Referent& r) {
  if (!r.person.empty() || !r.group || r.party.empty()) return r.person;
  return ctx.discourse.LastPersonOf(ctx.match.sentence, ctx.match.trigger.begin, r.party);
}

// "the three leaders met", "X jointly met Y and Z": a match that pairs each of three
// or more parties with every other, or says they met as one, is one meeting of all.
bool JointMeeting(const MatchContext& ctx) {
  std::vector<std::string> parties;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [p, q] : ctx.match.pairs) {
    for (const std::string& party : {p.party, q.party}) {
      if (std::find(parties.begin(), parties.end(), party) == parties.end())
        parties.push_back(party);
    }
    std::pair<std::string, std::string> pair = std::minmax(p.party, q.party);
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end())
      pairs.push_back(std::move(pair));
  }
  const size_t n = parties.size();
  if (n < 3) return false;
  return pairs.size() == n * (n - 1) / 2 ||
         FindClass(ctx, ctx.classes().joint_cue, ctx.ClauseRange(), nullptr, nullptr);
}

// The people of the meeting of x and y, when both name theirs: with those of every
// other pair the match makes of the two parties ("met the premier and the
// speaker"), or of all its pairs for a joint meeting.
std::vector<std::string> Participants(const MatchContext& ctx, const Referent& x,
                                      const Referent& y) {
  std::vector<std::string> people;
  auto add = [&](const Referent& r) {
    std::string person = Participant(ctx, r);
    if (!person.empty() &&
        std::find(people.begin(), people.end(), person) == people.end())
      people.push_back(std::move(person));
  };
  add(x);
  add(y);
  if (people.size() < 2) return {};
  const bool joint = JointMeeting(ctx);
  for (const auto& [p, q] : ctx.match.pairs) {
    if (joint || std::minmax(p.party, q.party) == std::minmax(x.party, y.party)) {
      add(p);
      add(q);
    }
  }
  return people;
}

void MeetingAttributes(const MatchContext& ctx, const Referent& x, const Referent& y,
                       const EventDate& date, Attributes* a) {
  std::vector<std::string> people = Participants(ctx, x, y);
  if (!people.empty()) (*a)["participants"] = people;
  std::string city = MeetingCity(ctx, {x.party, y.party}, date);
  if (!city.empty()) (*a)["city"] = city;
}

// The edition an ordinal in phrase np states ("the second forum"); 0 when none.
int64_t EditionIn(const Sentence& s, const NounPhrase& np) {
  const std::vector<Token>& t = s.tokens;
  for (int k = np.range.begin; k < np.range.end; ++k) {
    absl::string_view w = t[k].lower;
    if (absl::StartsWith(w, "first-") || w == "first" || w == "inaugural") return 1;
    if (std::optional<int> n = ParseOrdinal(t[k])) return *n;
  }
  return 0;
}

void ForumAttributes(const MatchContext& ctx, const Referent& source,
                     const Referent& target, const EventDate& date, Attributes* a) {
  const Sentence& s = target.thing_sentence >= 0
                          ? ctx.item.sentences[target.thing_sentence]
                          : ctx.sentence();
  const Phrases& ph = s.parse.phrases;
  if (target.thing >= 0) {
    const NounPhrase& np = ph.nps[target.thing];
    int64_t edition = EditionIn(s, np);
    // "the fifth session of the Business Forum": the session counts the forum's.
    if (edition == 0 && np.pp >= 0 && ph.pps[np.pp].attached_np >= 0 &&
        PrepositionOf(s.tokens, ph.pps[np.pp]) == "of") {
      edition = EditionIn(s, ph.nps[ph.pps[np.pp].attached_np]);
    }
    if (edition > 0) (*a)["edition"] = edition;
  }
  std::string city = MeetingCity(ctx, {source.party}, date);
  if (!city.empty()) (*a)["city"] = city;
}

// ---- trade, investment ---------------------------------------------------------------

void TradeVolumeAttributes(const MatchContext& ctx, const Referent& source,
                           const Referent& target, Attributes* a) {
  AddMoney(ctx, source, target, a);
  for (const PercentMention& p : ctx.sentence().percents) {
    if (!ctx.InClauseScope(p.begin)) continue;
    double value = p.value;
    if (FindClass(ctx, ctx.classes().decrease_verb, ctx.ClauseRange(), nullptr,
                  nullptr)) {
      value = -value;
    }
    if (value == std::floor(value)) {
      (*a)["change_pct"] = static_cast<int64_t>(value);
    } else {
      (*a)["change_pct"] = value;
    }
    break;
  }
}

// ---- site --------------------------------------------------------------------------

void SiteAttributes(const MatchContext& ctx, const Referent& target, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.ThingPhrase();
  if (target.thing >= 0) phrase = ctx.sentence().parse.phrases.nps[target.thing].range;
  int at = -1;
  PhraseMatch m;
  if (FindClass(ctx, c.facility, phrase, &at, &m)) {
    (*a)["facility"] =
        m.value.empty() ? Text(ctx.tokens(), at, at + m.length) : std::string(m.value);
  }
  if (FindClass(ctx, c.status_cue, ctx.ClauseRange(), &at, &m) && !m.value.empty()) {
    (*a)["status"] = std::string(m.value);
  }
  // Where: regions and cities named as places in the clause.
  const Sentence& s = ctx.sentence();
  std::vector<std::string> places;
  const TokenRange clause = ctx.ClauseRange();
  for (const Mention& mention : s.mentions) {
    if (!clause.Contains(mention.begin)) continue;
    bool place = mention.kind == graph::EntityKind::kCity ||
                 absl::StartsWith(mention.id, "region:");
    if (place) places.push_back(mention.name);
  }
  if (!places.empty()) (*a)["location"] = places;
}

void MeasureFrom(const MatchContext& ctx, ClassId cls, Attributes* a) {
  int at = -1;
  PhraseMatch m;
  TokenRange scope = ctx.ClauseRange();
  if (FindClass(ctx, cls, scope, &at, &m) && !m.value.empty()) {
    (*a)["measure"] = std::string(m.value);
  }
}

}  // namespace

graph::Attributes ReadAttributes(const MatchContext& ctx, const Referent& source,
                                 const Referent& target, const EventDate& date) {
  Attributes a;
  const KnownClasses& c = ctx.classes();
  switch (ctx.match.frame->type) {
    case RelationType::kAgreement:
      AgreementAttributes(ctx, &a);
      break;
    case RelationType::kPartnership:
      PartnershipAttributes(ctx, &a);
      break;
    case RelationType::kDiplomaticRelations:
      if (date.anniversary > 0) a["anniversary"] = int64_t{date.anniversary};
      break;
    case RelationType::kVisit:
      VisitAttributes(ctx, source, &a);
      break;
    case RelationType::kMeeting:
      MeetingAttributes(ctx, source, target, date, &a);
      break;
    case RelationType::kForum:
      ForumAttributes(ctx, source, target, date, &a);
      break;
    case RelationType::kTradeTarget: {
      AddMoney(ctx, source, target, &a);
      if (std::optional<int> year = TargetYear(ctx)) a["by_year"] = int64_t{*year};
      break;
    }
    case RelationType::kTradeVolume:
      TradeVolumeAttributes(ctx, source, target, &a);
      break;
    case RelationType::kInvestment:
      AddMoney(ctx, source, target, &a);
      break;
    case RelationType::kSite:
      SiteAttributes(ctx, target, &a);
      break;
    case RelationType::kSanction:
      MeasureFrom(ctx, c.sanction_measure, &a);
      if (!a.contains("measure")) a["measure"] = std::string("other");
      break;
    case RelationType::kDowngrade:
      MeasureFrom(ctx, c.downgrade_measure, &a);
      break;
    case RelationType::kMembership: {
      int at = -1;
      PhraseMatch m;
      TokenRange scope = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ClauseRange();
      if (FindClass(ctx, c.membership_role, scope, &at, &m) && !m.value.empty()) {
        a["role"] = std::string(m.value);
      }
      break;
    }
    default:
      break;
  }
  for (const auto& [key, value] : ctx.match.frame->constants) {
    int64_t number = 0;
    if (absl::SimpleAtoi(value, &number)) {
      a[key] = number;
    } else {
      a[key] = value;
    }
  }
  return a;
}

}  // namespace entente::importers::internal
