// site: plants, mines, ports and projects a country plans, builds or runs.
#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/internal/rule_helpers.h"
#include "importers/internal/rules.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

// The facility named at token i and its last token; "" when none.
std::string Facility(const Sentence& s, int i, int* last) {
  *last = i;
  if (Is(s, i, "nuclear") && Is(s, i + 1, "power") &&
      IsAny(s, i + 2, {"plant", "station"})) {
    *last = i + 2;
    return "nuclear power plant";
  }
  if (Is(s, i, "nuclear") && IsAny(s, i + 1, {"plant", "station"})) {
    *last = i + 1;
    return "nuclear power plant";
  }
  if (IsAny(s, i, {"hydropower", "hydroelectric"}) &&
      IsAny(s, i + 1, {"plant", "station"})) {
    *last = i + 1;
    return "hydropower plant";
  }
  if (IsAny(s, i, {"hydropower", "hydroelectric"}) && Is(s, i + 1, "power") &&
      IsAny(s, i + 2, {"plant", "station"})) {
    *last = i + 2;
    return "hydropower plant";
  }
  if (IsAny(s, i, {"solar", "wind", "thermal", "coal", "gas"}) &&
      (Is(s, i + 1, "power") && IsAny(s, i + 2, {"plant", "station"}))) {
    *last = i + 2;
    return absl::StrCat(s.tokens[i].lower, " power plant");
  }
  if (IsAny(s, i, {"refinery", "cosmodrome", "port", "terminal", "mine", "smelter"}) &&
      !Is(s, i - 1, "power"))
    return s.tokens[i].lower;
  if (Is(s, i, "gas") && Is(s, i + 1, "field")) {
    *last = i + 1;
    return "gas field";
  }
  return "";
}

bool SiteTrigger(const Sentence& s, Range r) {
  return Find(s, r.begin, r.end,
              {"build", "building", "built", "construct", "constructed", "construction",
               "planned", "stand", "selected", "chosen", "decided", "located", "site",
               "develop", "developing", "operates", "operating"}) >= 0;
}

std::string Status(const Sentence& s, Range r) {
  if (Find(s, r.begin, r.end, {"operates", "operating", "operational"}) >= 0)
    return "operating";
  if (Find(s, r.begin, r.end, {"under"}) >= 0 &&
      Find(s, r.begin, r.end, {"construction"}) >= 0)
    return "under_construction";
  return "planned";
}

}  // namespace

void SiteRule(ItemContext& ctx, const Sentence& s) {
  bool named_site = false;
  for (const Mention& m : s.mentions)
    named_site |= m.entity->kind == graph::EntityKind::kSite;
  static const WordSet kFacilities = {"plant", "station",  "refinery", "cosmodrome",
                                      "port",  "terminal", "mine",     "smelter",
                                      "field", "project"};
  if (!named_site && !kFacilities.AnyIn(s)) return;
  Range content = ContentOf(ctx, s);
  for (int i = content.begin; i < content.end; ++i) {
    std::string id, facility, host, name;
    int last = i;
    int mention = MentionAt(s, i);
    bool anaphora = false;
    if (mention >= 0 && s.mentions[mention].begin == i &&
        s.mentions[mention].entity->kind == graph::EntityKind::kSite) {
      const graph::Entity* e = s.mentions[mention].entity;
      id = e->id;
      host = std::string(ctx.gazetteer().CountryOf(id));
      last = s.mentions[mention].end - 1;
      facility = e->name;
      for (int k = s.mentions[mention].begin; k <= last; ++k) {
        int l = k;
        std::string f = Facility(s, k, &l);
        if (!f.empty()) facility = f;
      }
      if (facility == e->name) {
        int l = last;
        std::string f = Facility(s, last + 1, &l);
        if (!f.empty()) facility = f;
      }
      if (facility == e->name && s.tokens[last].lower == "one") facility = "project";
      ctx.last_site = {id, facility, host};
    } else if (IsAny(s, i, {"project", "plant"}) && Is(s, i - 1, "the") &&
               !ctx.last_site.id.empty()) {
      id = ctx.last_site.id;  // "the project", "the plant": the site named before.
      facility = ctx.last_site.facility;
      host = ctx.last_site.host;
    } else {
      facility = Facility(s, i, &last);
      std::optional<int> ordinal = i > 0 ? ParseOrdinal(s.tokens[i - 1]) : std::nullopt;
      if (facility.empty() && Is(s, i, "plant") && ordinal &&
          !ctx.last_site.facility.empty()) {
        facility = ctx.last_site.facility;  // "a second plant"
        host = ctx.last_site.host;
        anaphora = true;
      }
      if (facility.empty()) continue;
      if (!ordinal) {
        // "will build a solar power plant in the Turkistan Region": an unnamed
        // facility is named after the place it is built in.
        Range where = ClauseOf(ctx, s, i);
        if (!SiteTrigger(s, where)) continue;
        const Mention* place = nullptr;
        for (const Mention& m : s.mentions) {
          if (place == nullptr && m.begin > last && m.begin < where.end &&
              (absl::StartsWith(m.entity->id, "region:") ||
               m.entity->kind == graph::EntityKind::kCity) &&
              (IsAny(s, m.begin - 1, {"in", "near", "at", "the"}) ||
               // "a terminal at the port of Aktau"
               (Is(s, m.begin - 1, "of") &&
                IsAny(s, m.begin - 2, {"port", "city", "outskirts", "region"}))))
            place = &m;
        }
        if (place == nullptr || place->country.empty()) continue;
        // The place's own words ("the port of Aktau") name no second site.
        last = std::max(last, place->end - 1);
        host = place->country;
        name = absl::StrCat(place->entity->name, " ", facility);
        id = absl::StrCat("site:", Slugify(name));
        ctx.AddEntity(id, name, graph::EntityKind::kSite);
      } else {
        // "Kazakhstan's second nuclear power plant", "the country's first nuclear plant".
        int owner = i - 2;
        if (Is(s, owner, "'s")) {
          int m = MentionAt(s, owner - 1);
          if (m >= 0 && !s.mentions[m].country.empty()) host = s.mentions[m].country;
          if (Is(s, owner - 1, "country")) {
            // "the country's": the first country the sentence names.
            for (const Mention& first : s.mentions) {
              if (host.empty() && absl::StartsWith(first.country, "country:"))
                host = first.country;
            }
            if (host.empty() && !ctx.parties().empty()) host = ctx.parties()[0];
          }
        }
        if (host.empty() && !ctx.last_site.host.empty()) host = ctx.last_site.host;
        if (host.empty()) continue;
        const graph::Entity* h = ctx.gazetteer().FindById(host);
        name =
            absl::StrCat(h ? h->name : host, " ", s.tokens[i - 1].lower, " ", facility);
        id = absl::StrCat("site:", Slugify(name));
        ctx.AddEntity(id, name, graph::EntityKind::kSite);
      }
    }
    Range clause = ClauseOf(ctx, s, i);
    if (!anaphora && !SiteTrigger(s, content)) continue;
    if (Negated(s, clause.begin, i)) continue;
    std::vector<std::string> location;
    for (const Mention& m : s.mentions) {
      if (absl::StartsWith(m.entity->id, "region:") ||
          (m.entity->kind == graph::EntityKind::kCity && m.preposition == "near"))
        location.push_back(m.entity->name);
      if (host.empty() && absl::StartsWith(m.entity->id, "region:")) host = m.country;
    }
    if (host.empty()) continue;
    bool explicit_date = false;
    graph::DateWithPrecision date = DateNear(ctx, s, i, content, &explicit_date);
    if (!explicit_date && date.precision != graph::DatePrecision::kDay &&
        Find(s, content.begin, content.end,
             {"decided", "announced", "selected", "named"}) >= 0)
      date = ctx.reported();
    graph::Attributes attributes{{"facility", facility}, {"status", Status(s, clause)}};
    if (!location.empty()) attributes["location"] = location;
    ctx.Emit(RelationType::kSite, host, id, date, attributes, s);
    ctx.last_site = {id, facility, host};
    i = last;
  }
}

}  // namespace entente::importers::internal
