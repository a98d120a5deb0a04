#ifndef ENTENTE_GRAPH_NEIGHBORS_H_
#define ENTENTE_GRAPH_NEIGHBORS_H_

// The relations around one entity (its ego network), over a GraphView.
// Thread-safety: FindNeighbors only reads the view.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/graph_view.h"
#include "graph/limits.h"
#include "graph/model.h"

namespace entente::graph {

struct NeighborQuery {
  std::string entity;     // Required.
  RelationTypeSet types;  // Empty = all.
  TimeWindow window;      // Relations whose date overlaps it (default: all).
  int32_t known_as_of_day = INT32_MAX;  // Relations reported on or before it.
  uint32_t avoid_kinds = 0;             // Bit (1 << EntityKind): skip such neighbours.
  // Relations to return: 0 = default 100; clamped to 10000; negative =
  // InvalidArgument.
  int limit = kDefaultNeighborLimit;
  // Not owned; may be null. Read while the edges are scanned: once it is true
  // FindNeighbors stops with Cancelled (the caller gave up or its deadline passed).
  const std::atomic<bool>* cancelled = nullptr;
};

struct NeighborResult {
  // Newest first (by the first day of the date; undated last), then by id.
  std::vector<uint64_t> relations;
  bool truncated = false;  // More relations passed than `limit`.
};

// NotFound naming the entity when the view does not know it; Cancelled once
// *query.cancelled is true.
absl::StatusOr<NeighborResult> FindNeighbors(const GraphView& view,
                                             const NeighborQuery& query);

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_NEIGHBORS_H_
