// visit and meeting: who went where, and who sat down with whom.
#include <algorithm>

#include "importers/internal/rule_helpers.h"
#include "importers/internal/rules.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

const Mention* LeaderBefore(const Sentence& s, int from, int to) {
  const Mention* found = nullptr;
  for (const Mention& m : s.mentions) {
    if (m.leader && m.begin >= from && m.begin < to && !m.country.empty()) found = &m;
  }
  return found;
}

const Mention* FirstLeader(const Sentence& s, int from, int to) {
  for (const Mention& m : s.mentions) {
    if (m.leader && m.begin >= from && m.begin < to && !m.country.empty()) return &m;
  }
  return nullptr;
}

// The leader "his"/"her" refers to: the first leader of this sentence, else
// the last leader named earlier in the item; never one of `not_country` (a
// visit "to Mongolia" is not the Mongolian president's).
const Mention* Antecedent(ItemContext& ctx, const Sentence& s, int before,
                          absl::string_view not_country = "") {
  for (const Mention& m : s.mentions) {
    if (m.leader && m.begin < before && !m.country.empty() && m.country != not_country)
      return &m;
  }
  const Mention* last = nullptr;
  for (const Sentence& other : ctx.sentences()) {
    if (&other == &s) break;
    if (other.headline) continue;
    for (const Mention& m : other.mentions) {
      if (m.leader && !m.country.empty() && m.country != not_country) last = &m;
    }
  }
  return last;
}

const Mention* FirstLeaderOfItem(ItemContext& ctx) {
  for (const Sentence& other : ctx.sentences()) {
    if (other.headline) continue;
    if (const Mention* m = FirstLeader(other, 0, other.tokens.size())) return m;
  }
  return nullptr;
}

// The person a leader mention names: the person itself, or the holder of the
// title for that country ("the Turkish President").
std::string PersonOf(const ItemContext& ctx, const Mention* m) {
  if (m == nullptr) return "";
  if (m->entity->kind == graph::EntityKind::kPerson) return m->entity->id;
  if (!m->title.empty())
    return std::string(ctx.gazetteer().LeaderOf(m->country, m->title));
  return "";
}

// A country's official who is not its leader, named as the subject before a
// visit: "Hungarian Foreign Minister Peter Szijjarto said during a visit to",
// "Qatari Minister of State X visited". The country mention right before the
// office word; nullptr if none in [from, to).
const Mention* OfficialBefore(const Sentence& s, int from, int to) {
  const Mention* found = nullptr;
  for (const Mention& m : s.mentions) {
    if (m.begin < from || m.end >= to || m.leader || m.country.empty() ||
        m.entity->kind != graph::EntityKind::kCountry ||
        IsLocationPreposition(m.preposition))
      continue;
    int office = Find(s, m.end, std::min(to, m.end + 3),
                      {"minister", "ministers", "secretary", "speaker", "delegation",
                       "envoy", "chairman", "deputy"});
    if (office >= 0 && s.tokens[m.end].capitalized) found = &m;
  }
  return found;
}

// "a state visit"; after a verb also "arrived ... on an official visit".
std::string VisitLevel(const Sentence& s, int i) {
  for (int k = i - 1; k >= std::max(0, i - 3); --k) {
    if (IsAny(s, k, {"state", "official", "working"})) return s.tokens[k].lower;
  }
  for (int k = i + 1; k < std::min<int>(s.tokens.size() - 1, i + 10); ++k) {
    if (IsAny(s, k, {"state", "official", "working"}) &&
        IsAny(s, k + 1, {"visit", "visits"}))
      return s.tokens[k].lower;
    if (s.tokens[k].text == ",") break;
  }
  return "";
}

// A visit lasts days: its date keeps the day only when the text pins the day
// to the visit itself, right after the trigger and its host ("paid a state
// visit to Russia on Nov. 12", "visited Tokyo on Tuesday"), with no comma or
// other verb between, and the trigger is the visit itself, not an arrival; otherwise the
// month ("during a visit ... on Monday they signed" dates the signing, not the visit).
graph::DateWithPrecision VisitDate(const Sentence& s, int trigger,
                                   const graph::DateWithPrecision& date) {
  if (date.precision != graph::DatePrecision::kDay) return date;
  // "arrived on Wednesday for a two-day visit" dates the arrival only.
  if (!IsAny(s, trigger, {"visit", "visits", "visited"})) return ToMonth(date);
  for (const DateMention& d : s.dates) {
    if (d.begin <= trigger || d.begin > trigger + 12) continue;
    if (d.date != date) continue;
    if (Find(s, trigger + 1, d.begin, {",", ";", "where", "and", "with"}) >= 0) continue;
    return date;
  }
  return ToMonth(date);
}

bool IsVisitTrigger(const Sentence& s, int i, bool* verb) {
  absl::string_view w = s.tokens[i].lower;
  *verb = false;
  if (w == "visit" || w == "visits") {
    *verb = Is(s, i - 1, "to") && !IsAny(s, i - 2, {"first", "second", "trip"});
    return true;
  }
  if (w == "trip" || w == "trips") return true;
  if (w == "visited" || w == "arrived" || w == "arrives" || w == "arrive" ||
      w == "went" || w == "traveled" || w == "travelled" || w == "flew") {
    *verb = true;
    return true;
  }
  return false;
}

void EmitVisit(ItemContext& ctx, const Sentence& s, const std::string& visitor_country,
               const std::string& host, const graph::DateWithPrecision& date,
               const std::string& level, const std::string& person,
               double confidence = 0.8) {
  if (visitor_country.empty() || host.empty() || visitor_country == host) return;
  // One visit per pair and month in an item: a day-dated mention refines a
  // month-dated one ("paid a state visit on Nov. 12" and "talks in Moscow").
  for (graph::Relation& r : ctx.relations()) {
    if (r.type != RelationType::kVisit || r.source.id != visitor_country ||
        r.target.id != host || r.date.year != date.year || r.date.month != date.month)
      continue;
    if (date.precision == graph::DatePrecision::kDay) r.date = date;
    return;
  }
  graph::Attributes attributes;
  if (!level.empty()) attributes["level"] = level;
  if (!person.empty()) attributes["visitor"] = person;
  ctx.Emit(RelationType::kVisit, visitor_country, host, date, attributes, s, confidence);
}

}  // namespace

void VisitRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {"visit",   "visits",   "trip",      "trips",
                                    "visited", "arrived",  "arrives",   "arrive",
                                    "went",    "traveled", "travelled", "flew"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    bool verb = false;
    if (!IsVisitTrigger(s, i, &verb)) continue;
    Range clause = ClauseOf(ctx, s, i);
    if (Hedged(s, std::max(clause.begin, i - 6), i)) continue;
    if (Is(s, i - 1, "about") || Is(s, i - 1, "visiting")) continue;
    // The visitor.
    const Mention* visitor = nullptr;
    if (verb) {
      visitor = LeaderBefore(s, clause.begin, i);
    } else {
      for (const Mention& m : s.mentions) {
        if (m.leader && m.possessive && m.end >= i - 5 && m.end < i && !m.country.empty())
          visitor = &m;
      }
      if (visitor == nullptr && IsAny(s, i + 1, {"of", "by"})) {
        visitor = FirstLeader(s, i + 2, std::min(clause.end, i + 7));
      }
      if (visitor == nullptr && Find(s, std::max(0, i - 4), i, {"his", "her"}) >= 0) {
        std::string named_host;
        for (const Mention& m : s.mentions) {
          if (named_host.empty() && m.begin > i && m.begin < clause.end &&
              m.preposition == "to")
            named_host = m.country;
        }
        visitor = Antecedent(ctx, s, i, named_host);
      }
      if (visitor == nullptr && Find(s, std::max(clause.begin, i - 4), i,
                                     {"paid", "pays", "paying", "made", "makes", "making",
                                      "began", "begins", "started", "starts", "concluded",
                                      "completed", "wrapped", "ended"}) >= 0) {
        visitor = LeaderBefore(s, clause.begin, i);  // "X paid a state visit to Y"
      }
      if (visitor == nullptr && Find(s, std::max(clause.begin, i - 4), i, {"on"}) >= 0 &&
          IsAny(s, i - 1, {"state", "official", "working"})) {
        visitor =
            LeaderBefore(s, clause.begin, i);  // "X is in Tokyo on an official visit"
      }
      if (visitor == nullptr && Find(s, std::max(0, i - 4), i, {"my", "our"}) >= 0) {
        visitor = FirstLeaderOfItem(ctx);
      }
    }
    if (visitor == nullptr &&
        (verb || Find(s, std::max(clause.begin, i - 4), i,
                      {"during", "paid", "pays", "made", "makes", "on"}) >= 0)) {
      visitor = OfficialBefore(s, clause.begin, i);
    }
    if (visitor == nullptr) continue;
    const std::string& from = visitor->country;
    // The host: "to X", "in CITY", else a country named nearby, else the item's other
    // party.
    std::string host;
    for (const Mention& m : s.mentions) {
      if (m.begin <= i || m.begin >= clause.end || m.country.empty() || m.country == from)
        continue;
      if (m.entity->kind == graph::EntityKind::kCompany) continue;
      if (m.preposition == "to" || m.preposition == "in" || (verb && m.begin == i + 1) ||
          m.preposition == "for") {
        host = m.country;
        break;
      }
    }
    if (host.empty() && (s.tokens[i].lower == "trip" || s.tokens[i].lower == "trips"))
      continue;
    if (host.empty() && !verb) {
      for (const Mention& m : s.mentions) {
        if (host.empty() && !m.country.empty() && m.country != from && !m.leader &&
            m.entity->kind != graph::EntityKind::kCompany &&
            absl::string_view(m.country).substr(0, 8) == "country:")
          host = m.country;
      }
    }
    if (host.empty()) {
      for (const std::string& p : ResolveGroup(ctx, 2)) {
        if (host.empty() && p != from) host = p;
      }
    }
    bool explicit_date = false;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause, &explicit_date);
    EmitVisit(ctx, s, from, host, VisitDate(s, i, date), VisitLevel(s, i),
              PersonOf(ctx, visitor));
  }
}

void MeetingRule(ItemContext& ctx, const Sentence& s) {
  static const WordSet kTriggers = {"talks",    "met",     "meeting",  "received",
                                    "hosted",   "agreed",  "signed",   "adopted",
                                    "welcomed", "greeted", "dialogue", "consultations"};
  if (!kTriggers.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  const bool summit = Find(s, content.begin, content.end,
                           {"summit", "forum", "council", "session", "dialogue"}) >= 0;
  for (int i = content.begin; i < content.end; ++i) {
    absl::string_view w = s.tokens[i].lower;
    bool trigger = false;
    bool hosted = false;
    bool joint_act =
        false;  // Two leaders acting together: a meeting only on a given day.
    if (w == "talks" && (IsAny(s, i - 1,
                               {"held", "hold", "holds", "the", "his", "her", "their",
                                "after", "bilateral"}) ||
                         Is(s, i + 1, "with"))) {
      trigger = true;
    } else if ((w == "dialogue" || w == "consultations") &&
               Find(s, std::max(content.begin, i - 5), i, {"held", "hold", "holds"}) >=
                   0) {
      trigger = true;  // "held their first strategic dialogue"
    } else if (w == "met" ||
               (w == "meeting" && IsAny(s, i - 1, {"their", "a", "his", "her"})) ||
               w == "received") {
      trigger = true;
    } else if (w == "hosted" ||
               ((w == "welcomed" || w == "greeted") &&
                ((MentionAt(s, i + 1) >= 0 && s.mentions[MentionAt(s, i + 1)].leader) ||
                 (MentionAt(s, i + 2) >= 0 && s.mentions[MentionAt(s, i + 2)].leader)))) {
      trigger = hosted = true;
    } else if (IsAny(s, i, {"agreed", "signed", "adopted"})) {
      // "Tokayev and President Yoon agreed on Wednesday ..." : two leaders acting
      // together.
      int leaders = 0;
      for (const Mention& m : s.mentions) {
        if (m.leader && m.end <= i && m.begin >= i - 12) ++leaders;
      }
      bool presidents_of =
          Find(s, std::max(0, i - 12), i, {"presidents", "leaders"}) >= 0 &&
          Find(s, std::max(0, i - 12), i, {"of"}) >= 0;
      trigger = (leaders >= 2 || presidents_of) &&
                Find(s, std::max(0, i - 12), i, {"and"}) >= 0;
      joint_act = trigger;
    }
    if (!trigger) continue;
    Range clause = ClauseOf(ctx, s, i);
    int segment = Find(s, i, clause.end, {","});
    if (Hedged(s, std::max(clause.begin, i - 5), segment < 0 ? clause.end : segment))
      continue;
    std::vector<std::string> parties = PartiesIn(s, clause.begin, clause.end);
    parties.erase(std::remove_if(parties.begin(), parties.end(),
                                 [](const std::string& id) {
                                   return graph::KindOfId(id) !=
                                          graph::EntityKind::kCountry;
                                 }),
                  parties.end());
    if (summit && parties.size() >= 3) continue;
    // A phone or video call is not a meeting in person.
    if (Find(s, clause.begin, clause.end,
             {"phone", "telephone", "video", "videoconference", "virtual", "online",
              "call"}) >= 0)
      continue;
    if (parties.size() == 1) {
      // "Kazakhstan and the Gulf Cooperation Council held ...": an organization
      // coordinated with the country in the subject meets it.
      for (const Mention& m : s.mentions) {
        if (parties.size() != 1 || m.begin < clause.begin || m.end > i ||
            m.entity->kind != graph::EntityKind::kOrganization)
          continue;
        int k = m.begin - 1;
        if (Is(s, k, "the")) --k;
        int prev = k > 0 && Is(s, k, "and") ? MentionAt(s, k - 1) : -1;
        if (prev >= 0 && s.mentions[prev].country == parties[0])
          parties.push_back(m.entity->id);
      }
    }
    if (parties.size() > 2) continue;
    if (parties.size() == 1 &&
        Find(s, std::max(clause.begin, i - 3), i, {"he", "she"}) >= 0) {
      // "..., where he met Italian Prime Minister Giorgia Meloni"
      const Mention* subject = Antecedent(ctx, s, i);
      if (subject != nullptr && subject->country != parties[0] &&
          absl::string_view(subject->country).substr(0, 8) == "country:")
        parties.insert(parties.begin(), subject->country);
    }
    int group = GroupAnaphor(s, clause.begin, clause.end);
    int leaders_of = Find(s, clause.begin, i, {"leaders", "heads"});
    if (leaders_of >= 0 && Is(s, leaders_of + 1, "of") &&
        MentionAt(s, leaders_of + 3) >= 0 &&
        s.mentions[MentionAt(s, leaders_of + 3)].entity->kind ==
            graph::EntityKind::kOrganization)
      continue;
    if (parties.size() < 2 && (group >= 0 || Find(s, clause.begin, i, {"their"}) >= 0)) {
      for (const std::string& p : ResolveGroup(ctx, 2)) {
        if (parties.size() < 2 &&
            std::find(parties.begin(), parties.end(), p) == parties.end())
          parties.push_back(p);
      }
    }
    if (parties.size() != 2) continue;
    graph::DateWithPrecision date = DateNear(ctx, s, i, clause);
    if (joint_act && date.precision != graph::DatePrecision::kDay) continue;
    // The city of the meeting is named next to its verb: "held talks in Ashgabat".
    std::string city;
    int segment_end = Find(s, i, clause.end, {","});
    if (segment_end < 0) segment_end = clause.end;
    for (const Mention& m : s.mentions) {
      if (city.empty() && m.begin >= std::max(clause.begin, i - 3) &&
          m.begin < segment_end && m.entity->kind == graph::EntityKind::kCity &&
          (m.preposition == "in" || m.preposition == "at"))
        city = m.entity->id;
    }
    graph::Attributes attributes;
    std::vector<std::string> people;
    for (const Mention& m : s.mentions) {
      if (m.begin >= clause.begin && m.begin < clause.end &&
          m.entity->kind == graph::EntityKind::kPerson &&
          std::find(people.begin(), people.end(), m.entity->id) == people.end())
        people.push_back(m.entity->id);
    }
    if (!people.empty()) attributes["participants"] = people;
    if (!city.empty()) attributes["city"] = city;
    ctx.Emit(RelationType::kMeeting, parties[0], parties[1], date, attributes, s);
    // A meeting in one party's city, or hosted by one party: the other visited.
    std::string host;
    if (hosted) {
      const Mention* h = LeaderBefore(s, clause.begin, i);
      if (h != nullptr) host = h->country;
    } else if (!city.empty()) {
      host = std::string(ctx.gazetteer().CountryOf(city));
    }
    if (!host.empty() && (host == parties[0] || host == parties[1])) {
      const std::string& guest = host == parties[0] ? parties[1] : parties[0];
      // Inferred, not stated: a little less sure.
      EmitVisit(ctx, s, guest, host, ToMonth(date), "", "", 0.7);
    }
    return;  // One meeting per sentence.
  }
}

}  // namespace entente::importers::internal
