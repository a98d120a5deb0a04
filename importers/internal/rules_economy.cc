// trade_target, trade_volume, investment and declaration.
#include <algorithm>

#include "importers/internal/rule_helpers.h"
#include "importers/internal/rules.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

std::vector<std::string> PairOrItem(const ItemContext& ctx, const Sentence& s,
                                    Range clause) {
  std::vector<std::string> parties;
  int between = Find(s, clause.begin, clause.end, {"between"});
  if (between >= 0)
    parties = PartiesIn(s, between + 1, std::min(clause.end, between + 8), true);
  if (parties.size() >= 2) {
    parties.resize(2);
    return parties;
  }
  parties = PartiesIn(s, clause.begin, clause.end);
  parties.erase(std::remove_if(parties.begin(), parties.end(),
                               [](const std::string& id) {
                                 return graph::KindOfId(id) !=
                                        graph::EntityKind::kCountry;
                               }),
                parties.end());
  if (parties.size() < 2) {
    for (const std::string& p : ResolveGroup(ctx, 2)) {
      if (parties.size() < 2 &&
          std::find(parties.begin(), parties.end(), p) == parties.end())
        parties.push_back(p);
    }
  }
  if (parties.size() > 2) parties.resize(2);
  return parties;
}

}  // namespace

void TradeRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {"trade", "turnover"};
  if (!kTriggers.AnyIn(s)) return;
  for (const MoneyMention& m : s.money) {
    if (m.begin < ContentOf(ctx, s).begin || m.end > ContentOf(ctx, s).end) continue;
    Range clause = ClauseOf(ctx, s, m.begin);
    // "discussed trade, which reached $150 million in 2025": the aside's
    // antecedent is the trade.
    int which = Find(s, std::max(0, clause.begin - 2), clause.begin + 1, {"which"});
    bool trade_aside =
        which >= 2 && Is(s, which - 1, ",") && IsAny(s, which - 2, {"trade", "turnover"});
    if (!trade_aside && Find(s, clause.begin, clause.end, {"trade", "turnover"}) < 0)
      continue;
    if (IsAny(s, m.begin - 1, {"worth", "of"}) && !Is(s, m.begin - 2, "target") &&
        !Is(s, m.begin - 2, "goal"))
      continue;
    int before = m.begin - 1;
    while (before > clause.begin &&
           IsAny(s, before,
                 {"about", "around", "nearly", "almost", "some", "over", "than", "more",
                  "record", "a", "roughly"}))
      --before;
    bool up_from = Is(s, before, "from");
    bool target =
        !up_from && (Find(s, clause.begin, m.begin,
                          {"goal", "target", "aim", "aims", "aiming", "vowed", "ambition",
                           "sights", "pledged", "targets"}) >= 0 ||
                     (Is(s, before, "to") &&
                      Find(s, clause.begin, before,
                           {"take", "bring", "bringing", "lift", "raise", "increase",
                            "boost", "taking", "double", "expand"}) >= 0));
    bool volume = up_from ||
                  Find(s, clause.begin, m.begin,
                       {"reached", "reaching", "grew", "amounted", "amounting", "totaled",
                        "totalled", "totaling", "totalling", "stood", "standing", "rose",
                        "increased", "was", "hit", "exceeded", "fell", "reach"}) >= 0;
    if (!target && !volume) continue;
    std::vector<std::string> parties = PairOrItem(ctx, s, clause);
    if (parties.size() != 2) continue;
    graph::Attributes attributes{{"amount", m.amount}, {"currency", m.currency}};
    if (target) {
      int by = Find(s, m.end, std::min(clause.end, m.end + 3), {"by"});
      if (by >= 0 && by + 1 < clause.end && s.tokens[by + 1].text.size() == 4) {
        if (auto year = ParseCount(s.tokens[by + 1]);
            year && *year > 1900 && *year < 2200)
          attributes["by_year"] = *year;
      }
      ctx.Emit(RelationType::kTradeTarget, parties[0], parties[1],
               DateNear(ctx, s, m.begin, clause), attributes, s);
      continue;
    }
    graph::DateWithPrecision period;
    for (const DateMention& d : s.dates) {
      if (d.begin == m.end) period = d.date;
    }
    bool explicit_date = period.known();
    if (!explicit_date) period = DateNear(ctx, s, m.begin, clause, &explicit_date);
    if (!explicit_date) continue;  // A volume says which period it measures.
    ctx.Emit(RelationType::kTradeVolume, parties[0], parties[1], period, attributes, s);
  }
}

void InvestmentRule(ItemContext& ctx, const Sentence& s) {
  if (s.money.empty()) return;
  for (const MoneyMention& m : s.money) {
    Range clause = ClauseOf(ctx, s, m.begin);
    int verb = FindLast(
        s, std::max(clause.begin, m.begin - 5), m.begin,
        {"invested", "invest",    "invests",   "investing", "approved",    "allocated",
         "pledged",  "provided",  "committed", "granted",   "investments", "investment",
         "extended", "disbursed", "provide",   "lend",      "lent",        "loan",
         "loans",    "allocate",  "finance",   "financed"});
    if (verb < 0) continue;
    if (Find(s, std::max(clause.begin, verb - 3), std::min(clause.end, m.end + 2),
             {"trade", "turnover"}) >= 0)
      continue;
    // An investment is dated when announced: "will invest $2 billion" is the
    // announcement, while "could", "plans to" or "expected to" stay hedges.
    int hedge_end = verb;
    if (Is(s, verb - 1, "will")) hedge_end = verb - 1;
    if (Hedged(s, std::max(clause.begin, verb - 3), hedge_end) || Historical(s, clause))
      continue;
    // Investor: the nearest actor before the verb.
    // "Saudi Arabia's ACWA Power", "Hungary's Eximbank": a country's company,
    // bank or fund invests for the country.
    std::string investor;
    const Mention* owner = nullptr;
    for (const Mention& mention : s.mentions) {
      if (mention.begin < clause.begin || mention.begin >= verb) continue;
      if (IsLocationPreposition(mention.preposition)) continue;
      bool owned = owner != nullptr && mention.begin - owner->end <= 1;
      if (owned && mention.entity->kind == graph::EntityKind::kCompany) {
        investor = owner->country;
      } else if (mention.entity->kind == graph::EntityKind::kCompany ||
                 mention.entity->kind == graph::EntityKind::kOrganization) {
        investor = mention.entity->id;
      } else if (!mention.country.empty()) {
        investor = mention.country;
      }
      owner = mention.possessive &&
                      absl::string_view(mention.country).substr(0, 8) == "country:"
                  ? &mention
                  : nullptr;
    }
    // "with investment of $1.2 billion from the United Arab Emirates": the
    // money comes from the one named after "from"; the subject receives it.
    std::string from_investor;
    int from = Find(s, m.end, std::min(clause.end, m.end + 3), {"from"});
    if (from >= 0) {
      for (const Mention& mention : s.mentions) {
        if (from_investor.empty() && mention.begin > from && mention.begin <= from + 4 &&
            !mention.country.empty())
          from_investor = mention.entity->kind == graph::EntityKind::kCompany
                              ? mention.entity->id
                              : mention.country;
      }
    }
    std::string recipient;
    if (!from_investor.empty()) {
      recipient = std::string(ctx.gazetteer().CountryOf(investor));
      investor = from_investor;
    }
    if (investor.empty()) continue;
    std::string investor_country(ctx.gazetteer().CountryOf(investor));
    for (const Mention& mention : s.mentions) {
      if (!recipient.empty()) break;
      if (mention.begin < m.end || mention.begin >= clause.end) continue;
      if (!mention.country.empty() && mention.country != investor_country &&
          absl::string_view(mention.country).substr(0, 8) == "country:") {
        recipient = mention.country;
        break;
      }
    }
    if (recipient.empty()) {
      // Only an item party invests in "the" other party without naming it.
      std::vector<std::string> pair = ResolveGroup(ctx, 2);
      if (std::find(pair.begin(), pair.end(), investor_country) != pair.end()) {
        for (const std::string& p : pair) {
          if (p != investor_country && recipient.empty()) recipient = p;
        }
      }
    }
    if (recipient.empty()) continue;
    graph::Attributes attributes{{"amount", m.amount}, {"currency", m.currency}};
    int sector = Find(s, m.end, clause.end, {"for", "in"});
    if (sector >= 0 && Is(s, sector, "for")) {
      int e = sector + 1;
      // The sector ends before a place, a list, a recipient or a date.
      auto date_at = [&](int k) {
        for (const DateMention& d : s.dates) {
          if (d.begin == k || d.begin == k + 1) return true;
        }
        return false;
      };
      while (e < clause.end && !IsAny(s, e, {"in", ",", "and", "to", "since"}) &&
             !date_at(e))
        ++e;
      if (e > sector + 1) attributes["sector"] = TextOf(s, sector + 1, e);
    }
    ctx.Emit(RelationType::kInvestment, investor, recipient,
             DateNear(ctx, s, verb, clause), attributes, s);
  }
}

void DeclarationRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {
      "condemned", "condemn",  "condemns", "condemning",  "concern",    "concerns",
      "supports",  "support",  "back",     "backs",       "backed",     "supported",
      "welcome",   "welcomed", "welcomes", "declaration", "resolution", "statement"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    std::string stance;
    bool mutual = false;
    absl::string_view w = s.tokens[i].lower;
    if (w == "condemned" || w == "condemn" || w == "condemns" || w == "condemning") {
      stance = "condemnation";
    } else if ((w == "concern" || w == "concerns") &&
               IsAny(s, i - 1, {"expressed", "voiced", "raised", "deep", "serious"})) {
      stance = "concern";
    } else if (w == "support" && IsAny(s, i + 1, {"for", "of"}) &&
               IsAny(s, i - 1,
                     {"expressed", "voiced", "reaffirmed", "its", "their", "his", "her",
                      "steady", "full", "strong", "unwavering", "continued", "firm",
                      "titled", "confirmed"})) {
      stance = "support";
    } else if ((w == "back" || w == "backs" || w == "backed" || w == "support" ||
                w == "supported") &&
               Is(s, i + 1, "each") && Is(s, i + 2, "other")) {
      stance = "support";
      mutual = true;
    } else if ((w == "supports" || w == "supported") && MentionAt(s, i + 1) >= 0) {
      stance = "support";  // "Beijing supports Kazakhstan's initiatives"
    } else if ((w == "welcome" || w == "welcomed" || w == "welcomes") &&
               !(MentionAt(s, i + 1) >= 0 && s.mentions[MentionAt(s, i + 1)].leader) &&
               !(MentionAt(s, i + 2) >= 0 && s.mentions[MentionAt(s, i + 2)].leader)) {
      // "welcomed the steps" is support; "welcomed President X" is hosting.
      stance = "support";
    } else if (IsAny(s, i, {"declaration", "resolution", "statement"}) &&
               FindLast(s, std::max(content.begin, i - 4), i,
                        {"adopted", "issued", "passed", "approved"}) >= 0 &&
               !Is(s, i - 1, "joint")) {
      // An organization's own text about a country: "PACE adopted a written
      // declaration on Kazakhstan's reforms". Countries' joint texts are accords.
      std::vector<std::string> before = PartiesIn(s, ClauseOf(ctx, s, i).begin, i);
      if (before.size() != 1 ||
          graph::KindOfId(before[0]) != graph::EntityKind::kOrganization)
        continue;
      Range r = ClauseOf(ctx, s, i);
      stance = Find(s, i, r.end, {"condemning", "condemns", "condemnation"}) >= 0
                   ? "condemnation"
               : Find(s, i, r.end, {"concern", "concerns"}) >= 0 ? "concern"
                                                                 : "support";
    } else {
      continue;
    }
    Range clause = ClauseOf(ctx, s, i);
    if (Negated(s, std::max(clause.begin, i - 3), i)) continue;
    int subject_from = clause.begin;
    int cut = FindLast(s, clause.begin, i, {",", "that", "for"});
    if (cut >= 0) subject_from = cut + 1;
    std::vector<std::string> issuers = PartiesIn(s, subject_from, i);
    if (issuers.empty()) {
      int group = GroupAnaphor(s, subject_from, i);
      if (group >= 0) {
        issuers = ResolveGroup(ctx, group);
      } else {
        std::vector<std::string> before = PartiesIn(s, clause.begin, i);
        if (!before.empty()) issuers.push_back(before.back());
      }
    }
    if (issuers.empty()) continue;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause);
    graph::Attributes attributes{{"stance", stance}};
    if (Is(s, i - 1, "titled")) {
      int e = content.end;
      while (e > i + 1 && Is(s, e - 1, ".")) --e;  // The sentence's full stop.
      attributes["title"] = TextOf(s, i, e);
    }
    if (mutual) {
      for (const std::string& a : issuers) {
        for (const std::string& b : issuers) {
          if (a != b) ctx.Emit(RelationType::kDeclaration, a, b, date, attributes, s);
        }
      }
      continue;
    }
    // The subject is named, not a place: "condemned the attack in X" is no
    // condemnation of X.
    std::vector<std::string> after;
    for (const Mention& m : s.mentions) {
      if (m.begin <= i || m.begin >= clause.end || m.country.empty() ||
          IsAny(s, m.begin - 1,
                {"in", "at", "near", "across", "through", "from", "into"}) ||
          (Is(s, m.begin - 1, "the") && IsAny(s, m.begin - 2, {"in", "at", "near"})))
        continue;
      after.push_back(m.country);
    }
    std::string subject;
    for (const std::string& a : after) {
      if (subject.empty() && graph::KindOfId(a) == graph::EntityKind::kCountry &&
          std::find(issuers.begin(), issuers.end(), a) == issuers.end())
        subject = a;
    }
    if (subject.empty()) continue;
    for (const std::string& issuer : issuers) {
      ctx.Emit(RelationType::kDeclaration, issuer, subject, date, attributes, s);
    }
  }
}

}  // namespace entente::importers::internal
