// agreement, partnership and diplomatic_relations: the rules of accords.
#include <algorithm>

#include "absl/strings/match.h"
#include "importers/internal/rule_helpers.h"
#include "importers/internal/rules.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

void AddUnique(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const std::string& id : from) {
    if (std::find(to->begin(), to->end(), id) == to->end()) to->push_back(id);
  }
}

// The kind of an accord noun at token i ("joint statement", "treaty", ...);
// *last is the noun's last token. "" when token i starts none.
std::string AccordKind(const Sentence& s, int i, int* last) {
  *last = i;
  absl::string_view w = s.tokens[i].lower;
  if (w == "joint" && IsAny(s, i + 1, {"declaration", "declarations"})) {
    *last = i + 1;
    return "joint_declaration";
  }
  if (w == "joint" &&
      IsAny(s, i + 1, {"statement", "statements", "communique", "communiqué"})) {
    *last = i + 1;
    return "joint_statement";
  }
  if (Is(s, i - 1, "joint")) return "";
  if (w == "declaration" && Is(s, i + 1, "of") && Is(s, i + 2, "intent")) {
    *last = i + 2;
    return "memorandum";
  }
  if (w == "declaration" && s.tokens[i].capitalized && i > 0 &&
      s.tokens[i - 1].capitalized)
    return "joint_declaration";  // "the Tokyo Declaration"
  if ((w == "declaration" || w == "declarations") && !Is(s, i - 1, "written"))
    return "joint_declaration";  // Signed by two or more parties.
  if (w == "agreement" || w == "agreements") return "agreement";
  if (w == "treaty" || w == "treaties") return "treaty";
  if (w == "memorandum" || w == "memorandums" || w == "memoranda" || w == "mou" ||
      w == "mous")
    return "memorandum";
  if (w == "protocol" || w == "protocols") return "protocol";
  if (w == "roadmap" || w == "roadmaps") return "roadmap";
  if (w == "road" && Is(s, i + 1, "map")) {
    *last = i + 1;
    return "roadmap";
  }
  if (w == "documents" || w == "document") return "documents";
  return "";
}

std::optional<int64_t> CountBefore(const Sentence& s, int i) {
  for (int k = i - 1; k >= std::max(0, i - 4); --k) {
    if (auto n = ParseCount(s.tokens[k])) {
      if (s.tokens[k].text.size() == 4 && *n > 1900) return std::nullopt;  // a year
      return n;
    }
    if (!IsAny(s, k,
               {"bilateral", "cooperation", "intergovernmental", "interdepartmental",
                "more", "than", "nearly", "over", "about", "some", "almost", "new",
                "commercial", "investment", "other", "another", "framework"}))
      break;
  }
  // "the number of documents signed ... to eight"
  if (Is(s, i - 1, "of") && Is(s, i - 2, "number")) {
    int to = Find(s, i, i + 10, {"to"});
    if (to >= 0 && to + 1 < static_cast<int>(s.tokens.size())) {
      return ParseCount(s.tokens[to + 1]);
    }
  }
  return std::nullopt;
}

std::string TitleAfter(const Sentence& s, int noun, int last, Range clause) {
  const int n = clause.end;
  if (s.tokens[noun].capitalized && noun > 0 && s.tokens[noun - 1].capitalized &&
      !Is(s, noun - 1, "the"))
    return TextOf(s, noun - 1, last + 1);  // "Tokyo Declaration"
  int k = last + 1;
  if (s.tokens[noun].capitalized && Is(s, k, "on")) {
    int e = k + 1;
    while (e < n &&
           (s.tokens[e].capitalized || IsAny(s, e, {"on", "of", "and", ",", "the"})))
      ++e;
    while (e > k && IsAny(s, e - 1, {",", "and", "the", "of"})) --e;
    return TextOf(s, noun, e);
  }
  if (Is(s, k, "titled") || Is(s, k, "entitled")) {
    int e = n;
    while (e > k + 1 && IsAny(s, e - 1, {".", ","})) --e;
    return TextOf(s, k + 1, e);
  }
  for (const DateMention& d : s.dates) {
    if (d.begin == k + 1) return "";  // "signed 24 agreements on Monday"
  }
  if (Is(s, k, "on") || Is(s, k, "for")) {
    int e = k + 1;
    while (e < n &&
           !IsAny(s, e, {",",     ".",     "in",    "at", "during", "after",   "with",
                         "and",   "which", "while", "on", "among",  "between", "last",
                         "worth", "was",   "were",  "is", "are",    "by"}))
      ++e;
    // "a roadmap for the plant" refers back to something, it names nothing.
    if (e == k + 3 && Is(s, k + 1, "the")) return "";
    // "documents on trade, transport and education" lists fields, not a title.
    bool list = e + 1 < n && ((Is(s, e, ",") && !s.tokens[e + 1].capitalized &&
                               Find(s, e + 1, std::min(n, e + 5), {"and"}) >= 0) ||
                              (Is(s, e, "and") && s.tokens[noun].lower.back() == 's'));
    if (e > k + 1 && !list) return TextOf(s, k + 1, e);
  }
  return "";
}

// Actors of an accord: "X and Y signed", "... with Z", "between X and Y", or
// the item's parties for "the two sides", "bilateral", "Ministers signed".
std::vector<std::string> AccordParties(const ItemContext& ctx, const Sentence& s,
                                       int verb, int noun, Range clause,
                                       bool allow_implicit) {
  int subject_from = clause.begin;
  int that = FindLast(s, clause.begin, verb, {"that"});
  if (that >= 0) subject_from = that + 1;
  std::vector<std::string> parties;
  int between = Find(s, noun, clause.end, {"between"});
  if (between >= 0) {
    parties = PartiesIn(s, between + 1, std::min(clause.end, between + 12), true);
    if (parties.size() >= 2) return parties;
    parties.clear();
  }
  parties = PartiesIn(s, subject_from, std::min(verb, noun));
  // Companies as actors: "Hyundai Engineering signed ... with Turkmengaz".
  for (const Mention& m : s.mentions) {
    if (m.begin >= subject_from && m.begin < std::min(verb, noun) &&
        m.entity->kind == graph::EntityKind::kCompany && m.preposition != "of")
      parties.insert(parties.begin(), m.entity->id);
  }
  int with = Find(s, std::min(verb, noun), clause.end, {"with"});
  if (with >= 0 && !Is(s, with - 1, "ended")) {
    int stop =
        Find(s, with + 1, clause.end, {",", "on", "in", "to", "at", "for", "after"});
    if (stop < 0) stop = clause.end;
    for (const Mention& m : s.mentions) {
      if (m.begin <= with || m.begin >= stop) continue;
      std::string id =
          m.entity->kind == graph::EntityKind::kCompany ? m.entity->id : m.country;
      if (m.entity->kind == graph::EntityKind::kOrganization) id = m.entity->id;
      if (!id.empty() && std::find(parties.begin(), parties.end(), id) == parties.end())
        parties.push_back(id);
    }
  }
  if (parties.size() >= 2) return parties;
  int group = GroupAnaphor(s, subject_from, std::min(verb, noun) + 1);
  if (group >= 0) {
    AddUnique(&parties, ResolveGroup(ctx, group));
  } else if (parties.empty() && allow_implicit) {
    parties = ResolveGroup(ctx, 2);
  }
  return parties;
}

// The signing that a ratification dates: ", which was signed in CITY on DATE"
// or "signed in CITY on DATE" right after the accord [noun, last]. Nothing
// without a date.
void RatifiedSigning(ItemContext& ctx, const Sentence& s, int verb, int noun, int last,
                     const std::string& kind, Range clause) {
  const int n = static_cast<int>(s.tokens.size());
  int which = Find(s, last + 1, std::min(n, last + 12), {"signed"});
  if (which < 0) return;
  bool relative = which >= 3 && Is(s, which - 1, "was") && Is(s, which - 2, "which") &&
                  Is(s, which - 3, ",");
  bool participle = which <= last + 4 && !IsAny(s, which - 1, {"was", "were", "is"});
  if (!relative && !participle) return;
  int close = Find(s, which + 1, n, {",", ";"});
  int aside_end = close > 0 ? close : n;
  const DateMention* when = nullptr;
  for (const DateMention& d : s.dates) {
    if (when == nullptr && d.begin > which && d.begin < aside_end &&
        !ctx.InAttribution(s, d.begin))
      when = &d;
  }
  if (when == nullptr) return;
  // "was signed" is past: a day read as next year's is last year's.
  graph::DateWithPrecision date = when->date;
  if (ctx.reported().known() && date.FirstDay() > ctx.reported().FirstDay())
    date.year -= 1;
  std::vector<std::string> parties = AccordParties(ctx, s, verb, noun, clause, false);
  if (parties.size() < 2) return;
  graph::Attributes attributes;
  attributes["kind"] = kind;
  std::string title = TitleAfter(s, noun, last, clause);
  if (!title.empty()) attributes["title"] = title;
  EmitPairs(ctx, RelationType::kAgreement, parties, date, attributes, s);
}

}  // namespace

void AgreementRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {
      "agreement", "agreements", "treaty",    "treaties", "memorandum",  "memorandums",
      "memoranda", "mou",        "mous",      "protocol", "protocols",   "roadmap",
      "roadmaps",  "road",       "documents", "document", "declaration", "declarations",
      "statement", "statements", "communique"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    int last = i;
    std::string kind = AccordKind(s, i, &last);
    if (kind.empty()) continue;
    Range clause = ClauseOf(ctx, s, i);
    // "The document was signed", "The treaty signed on Tuesday": a back-reference,
    // unless its signatories follow ("The agreement was signed by X and Y").
    int signed_by = Find(s, last + 1, std::min(clause.end, last + 4), {"by"});
    // "An agreement on visa-free travel was signed by ...": the passive verb
    // may follow the accord's title.
    int passive = Find(s, last + 1, std::min(clause.end, last + 10), {"was", "were"});
    if (signed_by < 0 && passive >= 0 &&
        IsAny(s, passive + 1, {"signed", "adopted", "concluded", "inked"}) &&
        Is(s, passive + 2, "by"))
      signed_by = passive + 2;
    bool named_signers =
        signed_by >= 0 && PartiesIn(s, signed_by + 1, clause.end).size() >= 2;
    // ... but "ratified the agreement signed in 2023" dates that signing.
    bool ratified = FindLast(s, std::max(clause.begin, i - 4), i,
                             {"ratified", "ratify", "ratifies"}) >= 0;
    if (IsAny(s, i - 1, {"the", "this", "that"}) &&
        IsAny(s, last + 1, {"was", "signed", "is"}) && !named_signers && !ratified)
      continue;
    if (IsAny(s, i - 1, {"the", "this"}) && kind == "documents" && !Is(s, i - 2, "of"))
      continue;
    int verb = FindLast(
        s, std::max(clause.begin, i - 10), i,
        {"signed", "sign", "signing", "adopted", "adopt", "adopting", "concluded",
         "conclude", "issued", "inked", "exchanged", "exchange", "ended", "reached",
         "struck", "approved", "ratified", "ratify", "ratifies"});
    if (verb < 0 && named_signers && signed_by > last + 3) verb = signed_by - 1;
    if (verb < 0) {
      int after = Find(s, last + 1, std::min(clause.end, last + 4),
                       {"signed", "issued", "adopted"});
      if (after < 0) continue;
      verb = after;
    }
    if (Find(s, clause.begin, i, {"among", "including"}) >= 0) continue;
    if (Historical(s, clause)) continue;
    // "Kazakhstan has signed agreements with both Beijing and Moscow": a
    // generic record (perfect tense, plural, no count, no date), not an event.
    bool explicit_when = false;
    DateNear(ctx, s, i, clause, &explicit_when);
    if (IsAny(s, verb - 1, {"has", "have"}) &&
        absl::EndsWith(s.tokens[last].lower, "s") && !CountBefore(s, i) && !explicit_when)
      continue;
    if (verb < i && IsAny(s, verb, {"ratified", "ratify", "ratifies"})) {
      // "X and Y ratified the treaty on ..., which was signed in Bishkek on
      // March 13": the aside dates the signing by the same parties.
      RatifiedSigning(ctx, s, verb, i, last, kind, clause);
      i = last;
      continue;
    }
    // "signed a law ratifying the agreement": a ratification, not a signing.
    if (Find(s, std::min(verb, i), std::max(verb, i),
             {"ratifying", "ratified", "ratify", "ratification"}) >= 0)
      continue;
    if (Hedged(s, std::max(clause.begin, std::min(verb, i) - 4), std::min(verb, i)))
      continue;
    std::vector<std::string> parties = named_signers
                                           ? PartiesIn(s, signed_by + 1, clause.end)
                                           : AccordParties(ctx, s, verb, i, clause, true);
    if (parties.size() < 2) continue;
    graph::Attributes attributes;
    attributes["kind"] = kind;
    if (auto count = CountBefore(s, i)) attributes["count"] = *count;
    std::string title = TitleAfter(s, i, last, clause);
    if (!title.empty()) attributes["title"] = title;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause);
    EmitPairs(ctx, RelationType::kAgreement, parties, date, attributes, s);
    // An investment agreement of a company with a government is an investment.
    if (kind == "agreement" && Is(s, i - 1, "investment") && parties.size() == 2 &&
        graph::KindOfId(parties[0]) == graph::EntityKind::kCompany &&
        graph::KindOfId(parties[1]) == graph::EntityKind::kCountry) {
      ctx.Emit(RelationType::kInvestment, parties[0], parties[1], date, {}, s);
    }
    i = last;
  }
}

void PartnershipRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {"partnership", "partners"};
  if (!kTriggers.AnyIn(s)) return;
  static constexpr absl::string_view kLevels[] = {
      "comprehensive", "strategic", "enhanced", "special", "expanded", "extended",
      "privileged",    "allied",    "eternal",  "global",  "deepened", "multifaceted"};
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    if (!IsAny(s, i, {"partnership", "partners"})) continue;
    std::vector<std::string> levels;
    for (int k = i - 1; k >= content.begin; --k) {
      absl::string_view w = s.tokens[k].lower;
      bool level = false;
      for (absl::string_view l : kLevels) level |= w == l;
      if (level) {
        levels.insert(levels.begin(), std::string(w));
        continue;
      }
      if (IsAny(s, k,
                {"permanent", "regional", "bilateral", "long-term", "and", ",", "\u201c",
                 "\u201d", "\"", "all-round", "all-weather", "new"}))
        continue;
      break;
    }
    if (levels.empty()) continue;
    std::string level;
    for (const std::string& l : levels) level += (level.empty() ? "" : "_") + l;
    Range clause = ClauseOf(ctx, s, i);
    int upgrade = FindLast(
        s, clause.begin, i,
        {"elevate",  "elevated", "elevating", "elevation", "raise",       "raised",
         "raising",  "upgrade",  "upgraded",  "establish", "established", "concluded",
         "become",   "became",   "move",      "moved",     "moves",       "forged",
         "launched", "signed",   "level",     "agreed"});
    bool explicit_date = false;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause, &explicit_date);
    if (upgrade < 0 && !explicit_date) continue;
    if (upgrade < 0 &&
        Find(s, clause.begin, clause.end, {"since", "concluded", "in"}) < 0)
      continue;
    std::vector<std::string> parties;
    int between = Find(s, clause.begin, clause.end, {"between"});
    if (between >= 0)
      parties = PartiesIn(s, between + 1, std::min(clause.end, between + 8), true);
    if (parties.size() < 2) {
      parties = PartiesIn(s, clause.begin, i);
      int group = GroupAnaphor(s, clause.begin, i);
      if (parties.size() == 1 && group > 2) {
        // "Germany and the five states": the one named with each of the others.
        std::vector<std::string> others = ResolveGroup(ctx, group + 1);
        others.erase(std::remove(others.begin(), others.end(), parties[0]), others.end());
        if (static_cast<int>(others.size()) > group) others.resize(group);
        for (const std::string& o : others) {
          if (o != parties[0])
            ctx.Emit(RelationType::kPartnership, parties[0], o, date, {{"level", level}},
                     s);
        }
        continue;
      }
      if (parties.size() < 2)
        AddUnique(&parties, ResolveGroup(ctx, group >= 0 ? group : 2));
      if (parties.size() > 2 && group < 0) parties.resize(2);
    }
    EmitPairs(ctx, RelationType::kPartnership, parties, date, {{"level", level}}, s);
  }
}

void DiplomaticRelationsRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {"diplomatic"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i + 1 < content.end; ++i) {
    if (!Is(s, i, "diplomatic") || !IsAny(s, i + 1, {"relations", "ties"})) continue;
    Range clause = ClauseOf(ctx, s, i);
    int year = 0;
    graph::DateWithPrecision established;
    graph::Attributes attributes;
    int anniversary = FindLast(s, std::max(clause.begin, i - 9), i, {"anniversary"});
    int since = FindLast(s, std::max(clause.begin, i - 9), i, {"since"});
    if (anniversary > 0) {
      std::optional<int> nth = ParseOrdinal(s.tokens[anniversary - 1]);
      if (!nth) continue;
      bool explicit_date = false;
      Range near{std::max(clause.begin, anniversary - 3), std::min(clause.end, i + 5)};
      graph::DateWithPrecision when = DateNear(ctx, s, anniversary, near, &explicit_date);
      int base = explicit_date ? when.year : ctx.reported().year;
      year = base - *nth;
      attributes["anniversary"] = int64_t{*nth};
    } else if (since > 1 && Is(s, since - 1, "years")) {
      std::optional<int64_t> n = ParseCount(s.tokens[since - 2]);
      if (!n) continue;
      year = ctx.reported().year - static_cast<int>(*n);
    } else if (i >= 3 && Is(s, i - 1, "of") && Is(s, i - 2, "years") &&
               ParseCount(s.tokens[i - 3])) {
      // "celebrated 33 years of diplomatic relations"
      year = ctx.reported().year - static_cast<int>(*ParseCount(s.tokens[i - 3]));
      attributes["anniversary"] = *ParseCount(s.tokens[i - 3]);
    } else {
      bool explicit_date = false;
      graph::DateWithPrecision when = DateNear(ctx, s, i, clause, &explicit_date);
      if (!explicit_date ||
          Find(s, clause.begin, i + 3, {"established", "establish", "establishment"}) < 0)
        continue;
      year = when.year;
      established = when;  // "established diplomatic relations on Jan. 22, 1992"
    }
    if (year < 1800) continue;
    std::vector<std::string> parties;
    int between = Find(s, i, clause.end, {"between"});
    if (between >= 0)
      parties = PartiesIn(s, between + 1, std::min(clause.end, between + 8), true);
    if (parties.size() < 2) {
      parties = PartiesIn(s, clause.begin, i);
      int group = GroupAnaphor(s, clause.begin, i + 4);
      if (parties.size() < 2)
        AddUnique(&parties, ResolveGroup(ctx, group >= 0 ? group : 2));
      if (parties.size() > 2) parties.resize(2);
    }
    if (parties.size() != 2) continue;
    ctx.Emit(RelationType::kDiplomaticRelations, parties[0], parties[1],
             established.known() ? established : graph::DateWithPrecision::Year(year),
             attributes, s);
  }
}

}  // namespace entente::importers::internal
