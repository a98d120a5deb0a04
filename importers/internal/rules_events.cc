// forum, membership and site: events, roles and places.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "importers/internal/rule_helpers.h"
#include "importers/internal/rules.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

std::vector<std::string> Countries(std::vector<std::string> ids) {
  ids.erase(std::remove_if(ids.begin(), ids.end(),
                           [](const std::string& id) {
                             return graph::KindOfId(id) != graph::EntityKind::kCountry;
                           }),
            ids.end());
  return ids;
}

// A format named "Central Asia–Germany", "China–Central Asia", "Central Asia +
// Japan" in s; "" when none.
std::string FormatName(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i + 1 < n; ++i) {
    if (!(Is(s, i, "central") && Is(s, i + 1, "asia"))) continue;
    auto joiner = [&](int k) {
      return IsAny(s, k, {"\u2013", "-", "+", "\u2014", "and"});
    };
    if (joiner(i + 2) && MentionAt(s, i + 3) >= 0) {
      const Mention& m = s.mentions[MentionAt(s, i + 3)];
      return TextOf(s, i, m.end);
    }
    if (i >= 2 && joiner(i - 1) && MentionAt(s, i - 2) >= 0) {
      const Mention& m = s.mentions[MentionAt(s, i - 2)];
      return TextOf(s, m.begin, i + 2);
    }
  }
  return "";
}

std::string OrgNear(const Sentence& s, int from, int to) {
  for (const Mention& m : s.mentions) {
    if (m.begin >= from && m.begin < to &&
        m.entity->kind == graph::EntityKind::kOrganization)
      return m.entity->name;
  }
  return "";
}

bool ParticipationCue(const Sentence& s) {
  for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i) {
    if (IsAny(s, i,
              {"attend", "attended", "attending", "represented", "attendance",
               "participated"}) ||
        (Is(s, i, "took") && Is(s, i + 1, "part")))
      return true;
    if (IsAny(s, i, {"joined", "join"}) && IsAny(s, i + 1, {"their", "the"}) &&
        IsAny(s, i + 2, {"host", "summit", "meeting", "talks", "leaders"}))
      return true;
    if (Is(s, i, "chaired") && IsAny(s, i + 2, {"meeting", "summit", "session"}))
      return true;
  }
  return false;
}

}  // namespace

void ForumRule(ItemContext& ctx, const Sentence& s, bool main_forum_done) {
  static const WordSet kTriggers = {"summit",  "forum", "council", "conference",
                                    "leaders", "heads", "meeting"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    std::string noun = s.tokens[i].lower;
    bool leaders_of = false;
    if (IsAny(s, i, {"leaders", "heads"}) && Is(s, i + 1, "of") &&
        IsAny(s, i + 2, {"the"}) && MentionAt(s, i + 3) >= 0 &&
        s.mentions[MentionAt(s, i + 3)].entity->kind ==
            graph::EntityKind::kOrganization) {
      int after = s.mentions[MentionAt(s, i + 3)].end;
      if (Is(s, after, "(")) {
        int close = Find(s, after, after + 4, {")"});
        if (close > 0) after = close + 1;
      }
      if (!IsAny(s, after, {"met", "gathered", "convened"})) continue;
      leaders_of = true;
      noun = "summit";
    } else if (Is(s, i, "meeting") && s.tokens[i].capitalized && i > content.begin &&
               s.tokens[i - 1].capitalized) {
      // A named meeting is an event: "the Consultative Meeting of the Heads of
      // State of Central Asia".
    } else if (!IsAny(s, i, {"summit", "forum", "council", "conference"})) {
      continue;
    } else if (IsAny(s, i, {"council", "conference"}) && MentionAt(s, i) >= 0 &&
               s.mentions[MentionAt(s, i)].entity->kind ==
                   graph::EntityKind::kOrganization) {
      continue;  // "the Gulf Cooperation Council held talks": a name, not a meeting.
    } else if (IsAny(s, i, {"council", "conference"}) &&
               (Find(s, content.begin, content.end, {"summit", "forum"}) >= 0 ||
                (i + 1 < content.end && s.tokens[i + 1].capitalized))) {
      continue;  // "European Council President ... for the first summit": the summit.
    }
    // "Kazakhstan will host the informal summit of the OTS in Turkestan in
    // October": an announced hosting with its date is the forum, in the future.
    int host_verb = FindLast(s, std::max(content.begin, i - 5), i, {"host", "hosts"});
    std::string future_host;
    if (host_verb > content.begin && IsAny(s, host_verb - 1, {"will", "to"}) &&
        !Hedged(s, content.begin, host_verb - 1)) {
      std::vector<std::string> before =
          Countries(PartiesIn(s, content.begin, host_verb - 1));
      if (!before.empty()) future_host = before.back();
    }
    if (future_host.empty() && Hedged(s, std::max(content.begin, i - 6), i + 1)) continue;
    bool occurred = leaders_of || !future_host.empty() ||
                    Find(s, content.begin, content.end,
                         {"held", "met", "gathered", "convened", "hosted", "underway",
                          "opened", "launched", "attended"}) >= 0 ||
                    (Find(s, std::max(content.begin, i - 10), i, {"at"}) >= 0 &&
                     Find(s, content.begin, i, {"signed", "adopted"}) >= 0);
    // "At a meeting of the Supreme Eurasian Economic Council in St. Petersburg"
    int meeting_of =
        FindLast(s, std::max(content.begin, i - 8), i, {"meeting", "session"});
    if (meeting_of >= 0 && Is(s, meeting_of + 1, "of")) occurred = true;
    if (!occurred) continue;
    // Name: an organization or format named here or earlier in the item.
    std::string base =
        OrgNear(s, std::max(content.begin, i - 16), std::min(content.end, i + 8));
    std::string format = FormatName(s);
    if (!format.empty()) base = format;
    std::optional<int> edition;
    for (int k = i - 1; k >= std::max(content.begin, i - 8); --k) {
      if (auto o = ParseOrdinal(s.tokens[k])) {
        edition = *o;
        break;
      }
    }
    if (base.empty() && (edition || Find(s, content.begin, i, {"format"}) >= 0)) {
      for (Sentence& other : ctx.sentences()) {
        if (&other == &s) break;
        std::string f = FormatName(other);
        if (!f.empty()) base = f;
      }
    }
    // A forum with a proper name: "the Astana International Forum".
    bool named = false;
    if (base.empty() && s.tokens[i].capitalized && i > content.begin &&
        s.tokens[i - 1].capitalized) {
      int k = i - 1;
      while (k > content.begin && s.tokens[k - 1].capitalized && !Is(s, k - 1, "the") &&
             s.tokens[k - 1].kind == TokenKind::kWord)
        --k;
      if (k == content.begin || !Is(s, k - 1, "“")) {
        base = TextOf(s, k, i);
        named = true;
      }
    }
    if (base.empty()) continue;
    if (noun == "forum" && Is(s, i - 1, "business")) noun = "business forum";
    // Host: who hosted, else the country of the city it met in.
    std::string host, city;
    int hosted = Find(s, content.begin, content.end, {"hosted"});
    if (hosted >= 0) {
      std::vector<std::string> before = Countries(PartiesIn(s, content.begin, hosted));
      if (!before.empty()) host = before.back();
    }
    for (const Mention& m : s.mentions) {
      if (city.empty() && m.begin >= content.begin && m.begin < content.end &&
          m.entity->kind == graph::EntityKind::kCity &&
          IsAny(s, m.begin - 1, {"in", "at"})) {
        city = m.entity->id;
      }
    }
    if (host.empty() && !city.empty())
      host = std::string(ctx.gazetteer().CountryOf(city));
    if (host.empty() && named) {
      // "Astana International Forum": the city in the name hosts it.
      for (const Mention& m : s.mentions) {
        if (host.empty() && m.begin >= i - 4 && m.end <= i &&
            m.entity->kind == graph::EntityKind::kCity) {
          city = m.entity->id;
          host = std::string(ctx.gazetteer().CountryOf(city));
        }
      }
    }
    if (!future_host.empty()) host = future_host;
    if (host.empty()) continue;
    bool explicit_date = false;
    graph::DateWithPrecision date =
        DateNear(ctx, s, i, ClauseOf(ctx, s, i), &explicit_date, !future_host.empty());
    if (!future_host.empty() && !explicit_date) continue;
    std::string name = absl::StrCat(base, " ", noun);
    std::string id = absl::StrCat("event:", Slugify(name), "-", date.year);
    ctx.AddEntity(id, absl::StrCat(name, " ", date.year), graph::EntityKind::kEvent);
    graph::Attributes attributes;
    if (edition) attributes["edition"] = int64_t{*edition};
    if (!city.empty()) attributes["city"] = city;
    ctx.Emit(RelationType::kForum, host, id, date, attributes, s);
    // Participants: countries named in this clause, and (for the item's main
    // event) in sentences that say who attended or was represented.
    Range clause = ClauseOf(ctx, s, i);
    std::vector<std::string> participants;
    int without = Find(s, clause.begin, clause.end, {"without"});
    for (const std::string& p :
         Countries(PartiesIn(s, clause.begin, without >= 0 ? without : clause.end))) {
      participants.push_back(p);
    }
    // Organizations take part through their leaders ("European Commission
    // President Ursula von der Leyen"); an organization named as the event's
    // own does not.
    for (const Mention& m : s.mentions) {
      if (m.begin >= clause.begin && m.begin < clause.end &&
          m.entity->kind == graph::EntityKind::kPerson &&
          graph::KindOfId(m.country) == graph::EntityKind::kOrganization &&
          std::find(participants.begin(), participants.end(), m.country) ==
              participants.end())
        participants.push_back(m.country);
    }
    // Who is "expected to attend" a future event is not known yet.
    if (!main_forum_done && future_host.empty()) {
      for (Sentence& other : ctx.sentences()) {
        if (&other == &s || other.headline || !ParticipationCue(other)) continue;
        Range oc = ContentOf(ctx, other);
        if (Negated(other, oc.begin, oc.end)) continue;
        for (const std::string& p : Countries(PartiesIn(other, oc.begin, oc.end))) {
          participants.push_back(p);
        }
      }
    }
    for (const std::string& p : participants) {
      if (p != host)
        ctx.Emit(RelationType::kForum, p, id, date,
                 {{"role", std::string("participant")}}, s);
    }
    return;  // One event per sentence.
  }
}

void MembershipRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {
      "chairmanship", "chair",  "presidency", "chairpersonship", "chaired", "chairing",
      "chairs",       "joined", "joins",      "became",          "becomes", "observer"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    std::string role;
    std::string member;
    bool state = false;  // A role held ("chaired by") rather than taken.
    if (!IsAny(
            s, i,
            {"chairmanship", "chair", "presidency", "chairpersonship", "chaired",
             "chairing", "chairs", "joined", "joins", "became", "becomes", "observer"}))
      continue;
    std::vector<std::string> observers;  // "X and Y, which hold observer status in ORG"
    if (Is(s, i, "observer") && Is(s, i + 1, "status") &&
        IsAny(s, i + 2, {"in", "at", "of", "with"})) {
      Range where = ClauseOf(ctx, s, i);
      observers = Countries(PartiesIn(s, where.begin, i));
      if (observers.empty() && where.begin >= 2 &&
          s.tokens[where.begin - 1].text == ",") {
        // The list right before the aside: "Hungary and Turkmenistan, which ...".
        int k = where.begin - 1;
        while (k > 0) {
          int m = MentionAt(s, k - 1);
          if (m >= 0 && s.mentions[m].entity->kind == graph::EntityKind::kCountry) {
            k = s.mentions[m].begin;
          } else if (k >= 2 && IsAny(s, k - 1, {"and", ","}) &&
                     MentionAt(s, k - 2) >= 0 &&
                     s.mentions[MentionAt(s, k - 2)].entity->kind ==
                         graph::EntityKind::kCountry) {
            --k;
          } else {
            break;
          }
        }
        observers = Countries(PartiesIn(s, k, where.begin - 1));
      }
      if (observers.empty() || Negated(s, where.begin, i)) continue;
      std::string org;
      int at = MentionAt(s, i + 3) >= 0 ? MentionAt(s, i + 3) : MentionAt(s, i + 4);
      if (at >= 0 && s.mentions[at].entity->kind == graph::EntityKind::kOrganization)
        org = s.mentions[at].entity->id;
      if (org.empty() &&
          IsAny(s, i + 4, {"organization", "union", "bloc", "organisation"}))
        org = ctx.organization();
      if (org.empty()) continue;
      graph::DateWithPrecision date = DateNear(ctx, s, i, where, nullptr, true);
      for (const std::string& o : observers) {
        ctx.Emit(RelationType::kMembership, o, org, date,
                 {{"role", std::string("observer")}}, s);
      }
      continue;
    }
    if (Is(s, i, "observer")) continue;
    Range clause = ClauseOf(ctx, s, i);
    if (IsAny(s, i, {"chairmanship", "chair", "presidency", "chairpersonship"}) &&
        Find(s, std::max(clause.begin, i - 5), i,
             {"over", "assumed", "assume", "assumes", "passed", "transferred"}) >= 0) {
      role = "chair";
      int verb = FindLast(
          s, std::max(clause.begin, i - 6), i,
          {"took", "take", "takes", "taking", "assumed", "assume", "assumes", "taken"});
      int handed =
          FindLast(s, std::max(clause.begin, i - 6), i,
                   {"handed", "hands", "hand", "passed", "passes", "transferred"});
      if (verb < 0 && handed >= 0) {
        // "Belarus handed over the chairmanship to Kazakhstan"
        int to = Find(s, i, clause.end, {"to"});
        if (to < 0) continue;
        std::vector<std::string> after =
            Countries(PartiesIn(s, to + 1, std::min(clause.end, to + 5), true));
        if (after.empty()) continue;
        member = after.front();
      } else if (verb < 0) {
        continue;
      } else if (Is(s, verb - 1, "it")) {
        std::vector<std::string> before =
            Countries(PartiesIn(s, content.begin, verb, true));
        if (!before.empty()) member = before.back();
      } else {
        std::vector<std::string> before = Countries(PartiesIn(s, clause.begin, verb));
        if (!before.empty()) member = before.back();
      }
    } else if (Is(s, i, "chaired") && Is(s, i + 1, "by")) {
      role = "chair";
      state = true;
      std::vector<std::string> after =
          Countries(PartiesIn(s, i + 2, std::min(clause.end, i + 6)));
      if (!after.empty()) member = after.front();
    } else if (Is(s, i, "chair") && IsAny(s, i - 1, {"will", "to", "would", "shall"}) &&
               MentionAt(s, i + 1) + MentionAt(s, i + 2) > -2) {
      // "Kazakhstan will chair the Eurasian Economic Union in 2027"
      role = "chair";
      std::vector<std::string> before = Countries(PartiesIn(s, clause.begin, i));
      if (!before.empty()) member = before.back();
    } else if (IsAny(s, i, {"chairing", "chaired", "chairs"})) {
      role = "chair";
      state = true;
      std::vector<std::string> before = Countries(PartiesIn(s, clause.begin, i));
      if (!before.empty()) member = before.back();
    } else if (IsAny(s, i, {"joined", "joins", "became", "becomes"})) {
      // "joined the CSTO", "became a member of the WTO", "became a BRICS partner
      // country".
      // "became a full member of the International Solar Alliance": the
      // organization may follow a qualified role word.
      int org_at = -1;
      for (int k = i + 1; k < std::min(clause.end, i + 8) && org_at < 0; ++k) {
        int m = MentionAt(s, k);
        if (m >= 0 && s.mentions[m].entity->kind == graph::EntityKind::kOrganization)
          org_at = k;
      }
      if (org_at < 0) continue;
      bool joined = IsAny(s, i, {"joined", "joins"}) && org_at <= i + 2;
      int role_word = Find(s, i + 1, std::min(clause.end, org_at + 4),
                           {"member", "partner", "observer"});
      if (!joined && role_word < 0) continue;
      role = role_word >= 0 ? std::string(s.tokens[role_word].lower) : "member";
      std::vector<std::string> before = Countries(PartiesIn(s, clause.begin, i));
      if (!before.empty()) member = before.back();
    } else {
      continue;
    }
    if (member.empty() || Negated(s, std::max(clause.begin, i - 4), i)) continue;
    std::string org;
    for (const Mention& m : s.mentions) {
      if (org.empty() && m.begin > i && m.begin < clause.end &&
          m.entity->kind == graph::EntityKind::kOrganization)
        org = m.entity->id;
    }
    if (org.empty() && Find(s, i, std::min(clause.end, i + 5),
                            {"organization", "union", "bloc", "group", "organisation",
                             "alliance", "union's", "commonwealth"}) < 0) {
      for (const Mention& m : s.mentions) {
        if (m.begin < i && m.entity->kind == graph::EntityKind::kOrganization)
          org = m.entity->id;
      }
    }
    if (org.empty()) org = ctx.organization();
    if (org.empty()) continue;
    bool explicit_date = false;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause, &explicit_date, true);
    if (state) date = ToYear(date);
    ctx.Emit(RelationType::kMembership, member, org, date, {{"role", role}}, s);
  }
}

}  // namespace entente::importers::internal
