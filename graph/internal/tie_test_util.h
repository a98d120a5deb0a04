#ifndef ENTENTE_GRAPH_INTERNAL_TIE_TEST_UTIL_H_
#define ENTENTE_GRAPH_INTERNAL_TIE_TEST_UTIL_H_

// Hand-built graphs for the tie graph and analytics tests. Test-only.

#include <cmath>
#include <memory>
#include <string>

#include "graph/graph_view.h"
#include "graph/tie_graph.h"

namespace entente::graph::testing {

// The day the test ties are measured from: 2025-12-31.
inline int32_t TestReferenceDay() { return DaysFromCivil(2025, 12, 31); }

// Relations added on the reference day unless a date is given.
class TieGraphBuilder {
 public:
  // `count` agreements dated on the reference day: a tie of score `count`,
  // weight 1 - e^-count (tie_graph.h).
  void Agreements(const std::string& a, const std::string& b, int count) {
    for (int i = 0; i < count; ++i) Add(a, b, RelationType::kAgreement, "2025-12-31");
  }
  void Add(const std::string& a, const std::string& b, RelationType type,
           const std::string& date, const std::string& reported = "",
           uint16_t independent_reports = 1) {
    const DateWithPrecision when = *DateWithPrecision::Parse(date);
    const DateWithPrecision known =
        reported.empty() ? when : *DateWithPrecision::Parse(reported);
    builder_.AddRelation(next_id_++, a, b, type, when, known,
                         EdgeFacts{.reports = independent_reports});
  }
  std::shared_ptr<const GraphView> Build() && { return std::move(builder_).Build(); }

 private:
  GraphViewBuilder builder_;
  uint64_t next_id_ = 1;
};

inline TieQuery TestTieQuery() {
  TieQuery query;
  query.weighting.reference_day = TestReferenceDay();
  return query;
}

// 1 - e^-score: the weight of a tie of this score (saturation 1).
inline double WeightOfScore(double score) { return 1 - std::exp(-score); }

}  // namespace entente::graph::testing

#endif  // ENTENTE_GRAPH_INTERNAL_TIE_TEST_UTIL_H_
