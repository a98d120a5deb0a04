#include "graph/internal/betweenness.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <queue>
#include <utility>

#include "common/parallel.h"

namespace entente::graph::internal {
namespace {

// The ties as arcs both ways, in compressed rows: the arcs leaving vertex v
// are [begin[v], begin[v + 1]).
struct Arcs {
  std::vector<uint32_t> begin;
  std::vector<uint32_t> head;
  std::vector<double> length;
};

Arcs ArcsOf(const TieBoostGraph& g) {
  const size_t n = num_vertices(g);
  Arcs arcs;
  arcs.begin.reserve(n + 1);
  arcs.head.reserve(2 * num_edges(g));
  arcs.length.reserve(2 * num_edges(g));
  for (size_t v = 0; v < n; ++v) {
    arcs.begin.push_back(static_cast<uint32_t>(arcs.head.size()));
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      arcs.head.push_back(static_cast<uint32_t>(target(*e, g)));
      arcs.length.push_back(g[*e].distance);
    }
  }
  arcs.begin.push_back(static_cast<uint32_t>(arcs.head.size()));
  return arcs;
}

// What one source's run needs, kept between runs so that a part of the job
// allocates once.
class SourceRun {
 public:
  explicit SourceRun(const Arcs& arcs)
      : arcs_(arcs),
        n_(arcs.begin.size() - 1),
        distance_(n_),
        paths_(n_),
        dependency_(n_),
        settled_(n_),
        predecessors_(n_) {}

  // Adds source s's dependencies to `centrality`.
  void From(uint32_t s, std::vector<double>& centrality) {
    Reset();
    distance_[s] = 0;
    paths_[s] = 1;
    heap_.push({0.0, s});
    while (!heap_.empty()) {
      const auto [d, u] = heap_.top();
      heap_.pop();
      if (settled_[u] || d > distance_[u]) continue;
      settled_[u] = true;
      order_.push_back(u);
      for (uint32_t a = arcs_.begin[u]; a < arcs_.begin[u + 1]; ++a) {
        Relax(u, arcs_.head[a], d + arcs_.length[a]);
      }
    }
    // Dependencies flow back from the farthest vertex to the source.
    for (size_t i = order_.size(); i-- > 0;) {
      const uint32_t w = order_[i];
      const double share = (1 + dependency_[w]) / paths_[w];
      for (uint32_t v : predecessors_[w]) dependency_[v] += paths_[v] * share;
      if (w != s) centrality[w] += dependency_[w];
    }
  }

 private:
  using Entry = std::pair<double, uint32_t>;

  void Reset() {
    std::fill(distance_.begin(), distance_.end(),
              std::numeric_limits<double>::infinity());
    std::fill(paths_.begin(), paths_.end(), 0.0);
    std::fill(dependency_.begin(), dependency_.end(), 0.0);
    std::fill(settled_.begin(), settled_.end(), false);
    for (std::vector<uint32_t>& p : predecessors_) p.clear();
    order_.clear();
  }

  // A shorter chain to v replaces its predecessors; one as short adds one,
  // as Boost's brandes_betweenness_centrality does.
  void Relax(uint32_t u, uint32_t v, double through_u) {
    if (through_u < distance_[v]) {
      distance_[v] = through_u;
      paths_[v] = paths_[u];
      predecessors_[v].assign(1, u);
      heap_.push({through_u, v});
    } else if (through_u == distance_[v] && !settled_[v]) {
      paths_[v] += paths_[u];
      predecessors_[v].push_back(u);
    }
  }

  const Arcs& arcs_;
  const size_t n_;
  std::vector<double> distance_;
  std::vector<double> paths_;       // Shortest chains from the source.
  std::vector<double> dependency_;  // The source's dependency on each vertex.
  std::vector<bool> settled_;
  std::vector<std::vector<uint32_t>> predecessors_;
  std::vector<uint32_t> order_;  // Vertices as Dijkstra settled them.
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
};

}  // namespace

std::string WeightedBetweenness(const TieBoostGraph& g, const AnalyticsBounds& bounds,
                                std::vector<double>* centrality) {
  const size_t n = num_vertices(g);
  centrality->assign(n, 0.0);
  if (n == 0) return "";
  const Arcs arcs = ArcsOf(g);
  // Part i runs the sources i, i + parts, i + 2 parts, ... into its own sums.
  const size_t parts = std::min(common::MachineParallelism(), n);
  std::vector<std::vector<double>> sums(parts, std::vector<double>(n, 0.0));
  std::atomic<bool> stop = false;
  std::mutex reason_mutex;
  std::string reason;
  common::ParallelFor(parts, [&](size_t part) {
    SourceRun run(arcs);
    for (size_t s = part; s < n; s += parts) {
      if (stop.load(std::memory_order_relaxed)) return;
      if (std::string why = bounds.Exceeded(); !why.empty()) {
        std::lock_guard<std::mutex> lock(reason_mutex);
        if (reason.empty()) reason = std::move(why);
        stop = true;
        return;
      }
      run.From(static_cast<uint32_t>(s), sums[part]);
    }
  });
  for (const std::vector<double>& part : sums) {
    for (size_t v = 0; v < n; ++v) (*centrality)[v] += part[v];
  }
  return reason;
}

}  // namespace entente::graph::internal
