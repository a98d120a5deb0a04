#ifndef ENTENTE_GRAPH_INTERNAL_TEST_UTIL_H_
#define ENTENTE_GRAPH_INTERNAL_TEST_UTIL_H_

// Helpers for graph/ tests: a fresh temporary directory per test and terse
// relation builders. Test-only.

#include <string>

#include "common/temp_dir.h"
#include "graph/model.h"

namespace entente::graph::testing {

// A fresh temporary directory per test (common/temp_dir.h).
using TempDir = common::TempDir;

inline EntityRef Ref(const std::string& id) {
  return EntityRef{id, id.substr(id.find(':') + 1), KindOfId(id)};
}

// A relation with one provenance entry (document "doc", item `item`).
inline Relation MakeRelation(RelationType type, const std::string& a,
                             const std::string& b, const std::string& date, int item = 1,
                             const std::string& document = "doc") {
  Relation r;
  r.type = type;
  r.source = Ref(a);
  r.target = Ref(b);
  r.date = *DateWithPrecision::Parse(date);
  r.reported = r.date;
  r.confidence = 0.9;
  Provenance p;
  p.item = item;
  p.outlet = "Outlet";
  p.headline = "Headline " + a + " " + b;
  p.reported = r.reported;
  p.quote = "quote";
  p.start = item * 10;
  p.end = item * 10 + 5;
  p.document = document;
  r.provenance.push_back(p);
  return r;
}

}  // namespace entente::graph::testing

#endif  // ENTENTE_GRAPH_INTERNAL_TEST_UTIL_H_
