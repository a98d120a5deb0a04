#ifndef ENTENTE_GRAPH_STATS_H_
#define ENTENTE_GRAPH_STATS_H_

// Counts over the store, computed from the current graph view snapshot
// (Store::View()), so they reflect writes published by the last
// RefreshView(). Thread-safety: plain values.

#include <atomic>
#include <cstdint>
#include <map>
#include <string>

#include "graph/model.h"

namespace entente::graph {

struct StatsQuery {
  // "" = the whole store; otherwise only relations with this endpoint.
  std::string entity;
  // Only relations whose date overlaps the window (unbounded by default:
  // every relation, undated ones included).
  TimeWindow window;
  // Not owned; may be null. Read while counting: once it is true the count
  // stops with Cancelled (the caller gave up or its deadline passed).
  const std::atomic<bool>* cancelled = nullptr;
};

struct Stats {
  // Whole store: all entities. One entity: its distinct neighbours in the
  // counted relations.
  int64_t entities = 0;
  int64_t relations = 0;
  std::map<RelationType, int64_t> by_type;
  // "YYYY-MM" of each relation's date; a date known only to the year counts
  // under "YYYY" (not under its January), and undated relations under
  // "undated".
  std::map<std::string, int64_t> by_month;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_STATS_H_
