#ifndef ENTENTE_SERVICE_TIE_GRAPH_CACHE_H_
#define ENTENTE_SERVICE_TIE_GRAPH_CACHE_H_

// The tie graphs the analytics RPCs built last, so that a ranking, a bloc
// search and strongest paths over the same window share one build (which
// is the slow part at millions of relations). An entry is keyed by the view
// snapshot and every field of the TieQuery that shapes the graph (types,
// window, known-as-of, weighting with its reference day); deadlines and
// cancellation are not part of the key. A truncated graph is never cached.
// Entries of an older view are dropped when one of a newer view is added,
// so the cache keeps no old snapshot alive for long.
//
// Thread-safety: thread-safe.

#include <cstddef>
#include <list>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "graph/graph_view.h"
#include "graph/tie_graph.h"

namespace entente::service {

class TieGraphCache {
 public:
  // Holds at most `capacity` graphs (default 8).
  explicit TieGraphCache(size_t capacity = 8) : capacity_(capacity) {}

  // The graph built for this view and query; null when there is none.
  std::shared_ptr<const graph::TieGraph> Find(const graph::GraphView& view,
                                              const graph::TieQuery& query);
  // Adds a graph built over `view` (which it must reference); ignores a
  // truncated one.
  void Add(std::shared_ptr<const graph::GraphView> view,
           std::shared_ptr<const graph::TieGraph> ties);

 private:
  struct Entry {
    std::shared_ptr<const graph::GraphView> view;  // Keeps the snapshot alive.
    std::string key;
    std::shared_ptr<const graph::TieGraph> ties;
  };
  static std::string Key(const graph::TieQuery& query);

  const size_t capacity_;
  absl::Mutex mu_;
  std::list<Entry> entries_ ABSL_GUARDED_BY(mu_);  // Most recently used first.
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_TIE_GRAPH_CACHE_H_
