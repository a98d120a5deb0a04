#ifndef ENTENTE_TESTS_BENCH_GRAPH_GENERATOR_H_
#define ENTENTE_TESTS_BENCH_GRAPH_GENERATOR_H_

// A seeded synthetic knowledge graph for benchmarks and comparisons: a few
// hundred countries and organizations plus `entities` other entities (cities,
// sites, events, companies, persons), and `relations` relations with skewed
// (power-law-like) degrees, dated 1990-2026 at day, month or year precision.
// The same seed and sizes give the same relations on every machine.
//
// Thread-safety: a SyntheticGraph is not thread-safe.

#include <cstdint>
#include <random>
#include <string>

#include "graph/model.h"

namespace entente::bench {

struct GeneratorOptions {
  uint64_t seed = 1;
  int64_t entities = 100'000;  // Besides countries and organizations.
  int64_t relations = 1'000'000;
};

inline constexpr int kCountries = 250;
inline constexpr int kOrganizations = 150;

class SyntheticGraph {
 public:
  explicit SyntheticGraph(const GeneratorOptions& options);

  // The next relation; false after options.relations relations. Ids repeat
  // rarely, which then reads as a second report of one relation.
  bool Next(graph::Relation* relation);
  int64_t produced() const { return produced_; }

  // Entity i (0 .. kCountries + kOrganizations + entities - 1).
  graph::EntityRef Entity(int64_t index) const;
  int64_t entity_count() const { return kCountries + kOrganizations + options_.entities; }

 private:
  int64_t PickHub();    // A country or organization, skewed.
  int64_t PickOther();  // Any other entity, skewed.
  void FillAttributes(graph::Relation* r);

  GeneratorOptions options_;
  std::mt19937_64 rng_;
  int64_t produced_ = 0;
};

}  // namespace entente::bench

#endif  // ENTENTE_TESTS_BENCH_GRAPH_GENERATOR_H_
