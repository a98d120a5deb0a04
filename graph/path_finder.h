#ifndef ENTENTE_GRAPH_PATH_FINDER_H_
#define ENTENTE_GRAPH_PATH_FINDER_H_

// Paths between two entities over a GraphView snapshot.
//
// A path is a loopless sequence of entities joined by relations that pass the
// query's filters; relations are traversed in either direction and every hop
// costs 1. Paths are compared by their entity sequence: between two adjacent
// entities the path names one relation, the passing relation with the latest
// date (ties: smallest id), so k paths never differ only by parallel
// relations; the hop's HopLinks count every passing relation of the pair by
// type. Lasting states (IsLastingState, model.h) hold from their date on, so
// a window from 2000 keeps diplomatic relations established in 1993.
//
// When no path passes the filters, FindPaths says which filters removed them
// (PathResult::blocking_filters).
//
// k = 1 runs a bidirectional breadth-first search; k > 1 runs Yen's k
// shortest loopless paths on top of it. Paths come shortest first; paths of
// equal length come in the (deterministic) order the search found them.
//
// Bounds: every search stops at max_hops, at max_expanded vertices expanded
// (summed over all sub-searches of Yen's algorithm), at the deadline, or when
// *cancelled becomes true. A search cut short by the last three returns what
// it proved so far with truncated = true and a truncation_reason; paths it
// returns then are real paths but are not claimed to be the shortest ones.
// Finding no path within max_hops is an answer, not a truncation.
//
// Thread-safety: FindPaths only reads the view; call it from any thread.

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/graph_view.h"
#include "graph/limits.h"
#include "graph/model.h"

namespace entente::graph {

struct PathQuery {
  std::string from, to;   // Entity ids; both required, both must be in the view.
  int k = 1;              // Paths wanted: 1..50, else InvalidArgument.
  RelationTypeSet types;  // Empty = all.
  TimeWindow window;      // Relations whose date overlaps it (default: all).
  int32_t known_as_of_day = INT32_MAX;  // Relations reported on or before it.
  uint32_t avoid_kinds = 0;             // Bit (1 << EntityKind): no path passes THROUGH
                                        // such entities (the endpoints are exempt).
  int max_hops = kDefaultPathHops;      // 1..8, else InvalidArgument. Default 6.
  int64_t max_expanded = 1'000'000;     // Vertices expanded, all searches. > 0.
  absl::Time deadline = absl::InfiniteFuture();
  const std::atomic<bool>* cancelled = nullptr;  // Not owned; may be null.
};

// Every relation between two adjacent entities of a path that passes the
// query's filters.
struct HopLinks {
  int relations = 0;                              // At least 1.
  std::array<int, kRelationTypeCount> by_type{};  // Indexed by RelationType.
};

struct Path {
  std::vector<std::string> entities;  // from ... to; size = hops + 1.
  std::vector<uint64_t> relations;    // One per hop: the pair's latest relation.
  std::vector<HopLinks> hops;         // One per hop.
};

struct PathResult {
  std::vector<Path> paths;  // Shortest first.
  bool truncated = false;
  std::string truncation_reason;  // "max_expanded", "deadline" or "cancelled".
  // Only when no path was found and the search was not cut short: the
  // filters each of which alone removes every path (lifting it finds one),
  // among "types", "window", "known_as_of", "avoid_kinds" and "max_hops" (up to
  // kMaxPathHops); when no single one does but lifting them all finds a path,
  // the filters that do so together (a smallest set found by putting back
  // each one that is not needed). Empty when the entities are not linked
  // within kMaxPathHops whatever the filters. Each check is one more bounded
  // search.
  std::vector<std::string> blocking_filters;
};

// InvalidArgument for bad bounds or an empty from/to; NotFound naming the id
// when from or to is not in the view. from == to gives one 0-hop path.
absl::StatusOr<PathResult> FindPaths(const GraphView& view, const PathQuery& query);

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_PATH_FINDER_H_
