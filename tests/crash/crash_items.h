#ifndef ENTENTE_TESTS_CRASH_CRASH_ITEMS_H_
#define ENTENTE_TESTS_CRASH_CRASH_ITEMS_H_

// The deterministic import the crash test kills: item i holds
// kRelationsPerItem relations that exist in no other item, between
// endpoints shared with other items (so entity upserts overlap).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/model.h"

namespace entente::crash {

inline constexpr int kRelationsPerItem = 4;

inline std::vector<graph::Relation> CrashItem(int item) {
  std::vector<graph::Relation> relations;
  for (int j = 0; j < kRelationsPerItem; ++j) {
    graph::Relation r;
    r.type = j % 2 == 0 ? graph::RelationType::kMeeting : graph::RelationType::kAgreement;
    std::string a = absl::StrFormat("country:C%02d", (item + j) % 50);
    std::string b = absl::StrFormat("org:o%d", (item * 7 + j) % 300);
    r.source = {a, a.substr(8), graph::EntityKind::kCountry};
    r.target = {b, b.substr(4), graph::EntityKind::kOrganization};
    // The date makes every (item, j) relation distinct.
    int day = item * kRelationsPerItem + j;
    int y, m, d;
    graph::CivilFromDays(graph::DaysFromCivil(1990, 1, 1) + day, &y, &m, &d);
    r.date = graph::DateWithPrecision::Day(y, m, d);
    r.reported = r.date;
    r.confidence = 0.8;
    graph::Provenance p;
    p.item = item + 1;
    p.document = "crash-digest";
    p.outlet = "Crash Times";
    p.headline = absl::StrCat("Item ", item);
    p.quote = std::string(200, 'q');
    p.start = j * 1000;
    p.end = j * 1000 + 200;
    p.reported = r.date;
    r.provenance.push_back(p);
    relations.push_back(std::move(r));
  }
  return relations;
}

}  // namespace entente::crash

#endif  // ENTENTE_TESTS_CRASH_CRASH_ITEMS_H_
