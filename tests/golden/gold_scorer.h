#ifndef ENTENTE_TESTS_GOLDEN_GOLD_SCORER_H_
#define ENTENTE_TESTS_GOLDEN_GOLD_SCORER_H_

// The matching rules of ../shared/tools/score-extraction in C++: type equal,
// endpoints equal (unordered for symmetric types; a gold "match" regex on the
// extracted name for non-country endpoints), dates strict (equal) or lenient
// (one a prefix of the other); optional gold lines match on type and
// endpoints alone and are never counted as wrong.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/model.h"

namespace entente::golden {

struct GoldEndpoint {
  std::string id;
  std::string match;  // Case-insensitive regex for non-country endpoints; "" if none.
};

struct GoldRelation {
  graph::RelationType type = graph::RelationType::kUnspecified;
  GoldEndpoint source, target;
  std::string date;
  bool required = true;
};

absl::StatusOr<std::vector<GoldRelation>> LoadGold(const std::string& path);

struct Score {
  int tp = 0, fp = 0, fn = 0, strict = 0;
  std::vector<std::string> missed;      // Required gold lines nothing matched.
  std::vector<std::string> unexpected;  // Extracted lines matching no gold line.
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double strict_recall() const { return tp + fn ? double(strict) / (tp + fn) : 1.0; }
};

Score ScoreExtraction(const std::vector<GoldRelation>& gold,
                      const std::vector<graph::Relation>& got);

}  // namespace entente::golden

#endif  // ENTENTE_TESTS_GOLDEN_GOLD_SCORER_H_
