// FindStrongestPaths: Yen's k loopless paths over Boost's Dijkstra on tie
// distances (-ln weight), so the shortest chain is the one whose product of
// tie weights is highest.

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "boost/graph/dijkstra_shortest_paths.hpp"
#include "boost/graph/filtered_graph.hpp"
#include "graph/analytics.h"
#include "graph/boost_view.h"
#include "graph/internal/bidi_search.h"

namespace entente::graph {
namespace {

using internal::PairKey;
using VertexPath = std::vector<uint32_t>;

// What a spur search may not use: the root's vertices and the next hops of
// the paths that share the root.
struct Bans {
  std::vector<char> vertices;  // By tie-graph vertex.
  absl::flat_hash_set<uint64_t> pairs;
};

struct AllowedTie {
  const TieBoostGraph* g = nullptr;
  const Bans* bans = nullptr;
  bool operator()(const TieEdge& e) const {
    return !bans->pairs.contains(PairKey(static_cast<uint32_t>(source(e, *g)),
                                         static_cast<uint32_t>(target(e, *g))));
  }
};
struct AllowedVertex {
  const Bans* bans = nullptr;
  bool operator()(size_t v) const { return bans->vertices[v] == 0; }
};

double PathCost(const TieBoostGraph& g, const VertexPath& path) {
  double cost = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    cost += g[boost::edge(path[i], path[i + 1], g).first].distance;
  }
  return cost;
}

class StrongestChains {
 public:
  explicit StrongestChains(const TieBoostGraph& g)
      : g_(g), distance_(num_vertices(g)), parent_(num_vertices(g)) {
    bans_.vertices.assign(num_vertices(g), 0);
  }

  // The shortest s..t path avoiding the current bans; empty when none.
  absl::StatusOr<VertexPath> Dijkstra(uint32_t s, uint32_t t) {
    boost::filtered_graph<TieBoostGraph, AllowedTie, AllowedVertex> allowed(
        g_, AllowedTie{&g_, &bans_}, AllowedVertex{&bans_});
    absl::Status status = RunBoost("dijkstra_shortest_paths", [&] {
      auto index = get(boost::vertex_index, g_);
      boost::dijkstra_shortest_paths(
          allowed, s,
          boost::weight_map(get(&Tie::distance, g_))
              .distance_map(boost::make_iterator_property_map(distance_.begin(), index))
              .predecessor_map(
                  boost::make_iterator_property_map(parent_.begin(), index)));
      return absl::OkStatus();
    });
    if (!status.ok()) return status;
    VertexPath path;
    if (s != t && parent_[t] == t) return path;  // Unreached.
    for (size_t v = t; v != s; v = parent_[v]) path.push_back(static_cast<uint32_t>(v));
    path.push_back(s);
    std::reverse(path.begin(), path.end());
    return path;
  }

  // Yen's algorithm; stops early (reason set) when the bounds are hit.
  absl::Status Run(uint32_t s, uint32_t t, int k, const AnalyticsBounds& bounds,
                   std::string* reason) {
    absl::StatusOr<VertexPath> first = Dijkstra(s, t);
    if (!first.ok()) return first.status();
    if (first->empty()) return absl::OkStatus();
    paths_.push_back(*first);
    seen_.insert(*first);
    while (static_cast<int>(paths_.size()) < k) {
      const VertexPath last = paths_.back();
      for (size_t i = 0; i + 1 < last.size(); ++i) {
        *reason = bounds.Exceeded();
        if (!reason->empty()) return absl::OkStatus();
        std::fill(bans_.vertices.begin(), bans_.vertices.end(), 0);
        bans_.pairs.clear();
        for (size_t j = 0; j < i; ++j) bans_.vertices[last[j]] = 1;
        for (const VertexPath& p : paths_) {
          if (p.size() > i + 1 &&
              std::equal(last.begin(), last.begin() + i + 1, p.begin())) {
            bans_.pairs.insert(PairKey(p[i], p[i + 1]));
          }
        }
        absl::StatusOr<VertexPath> spur = Dijkstra(last[i], t);
        if (!spur.ok()) return spur.status();
        if (spur->empty()) continue;
        VertexPath candidate(last.begin(), last.begin() + i);
        candidate.insert(candidate.end(), spur->begin(), spur->end());
        if (seen_.insert(candidate).second) candidates_.push_back(std::move(candidate));
      }
      if (candidates_.empty()) break;
      auto best = std::min_element(candidates_.begin(), candidates_.end(),
                                   [&](const VertexPath& a, const VertexPath& b) {
                                     return PathCost(g_, a) < PathCost(g_, b);
                                   });
      paths_.push_back(std::move(*best));
      candidates_.erase(best);
    }
    return absl::OkStatus();
  }

  const std::vector<VertexPath>& paths() const { return paths_; }

 private:
  const TieBoostGraph& g_;
  std::vector<double> distance_;
  std::vector<size_t> parent_;
  Bans bans_;
  std::vector<VertexPath> paths_;
  std::vector<VertexPath> candidates_;
  absl::flat_hash_set<VertexPath> seen_;
};

absl::StatusOr<uint32_t> TieVertexOf(const TieGraph& ties, absl::string_view id) {
  std::optional<uint32_t> v = ties.Find(id);
  if (!v) {
    return absl::NotFoundError(
        absl::StrCat("entity \"", id, "\" has no tie in the window and filters"));
  }
  return *v;
}

}  // namespace

absl::StatusOr<StrongestPathResult> FindStrongestPaths(const TieGraph& ties,
                                                       absl::string_view from,
                                                       absl::string_view to, int k,
                                                       const AnalyticsBounds& bounds) {
  if (k < 1 || k > kMaxStrongestPaths) {
    return absl::InvalidArgumentError(
        absl::StrCat("k must be 1..", kMaxStrongestPaths, ", got ", k));
  }
  absl::StatusOr<uint32_t> s = TieVertexOf(ties, from);
  if (!s.ok()) return s.status();
  absl::StatusOr<uint32_t> t = TieVertexOf(ties, to);
  if (!t.ok()) return t.status();
  StrongestPathResult result;
  const TieBoostGraph& g = ties.graph();
  StrongestChains chains(g);
  absl::Status status = chains.Run(*s, *t, k, bounds, &result.truncation_reason);
  if (!status.ok()) return status;
  result.truncated = !result.truncation_reason.empty();
  for (const VertexPath& vertices : chains.paths()) {
    StrongestPath& path = result.paths.emplace_back();
    path.vertices = vertices;
    path.strength = 1;
    for (size_t i = 0; i + 1 < vertices.size(); ++i) {
      const double weight = g[boost::edge(vertices[i], vertices[i + 1], g).first].weight;
      path.weights.push_back(weight);
      path.strength *= weight;
    }
  }
  return result;
}

}  // namespace entente::graph
