// Rank: weighted degree, weighted PageRank and betweenness over a tie graph.

#include <cmath>
#include <utility>
#include <vector>

#include "boost/graph/dijkstra_shortest_paths.hpp"
#include "graph/analytics.h"
#include "graph/boost_view.h"
#include "graph/internal/betweenness.h"

namespace entente::graph {
namespace {

constexpr int kMaxPageRankIterations = 200;
constexpr double kPageRankTolerance = 1e-10;  // L1 change that ends the iteration.

// Power iteration: a walker leaves each entity along a tie with a
// probability proportional to the tie's weight, and jumps anywhere (or to
// `focus`) with probability 1 - damping, or always from an entity without
// ties. False when the bounds stop it; `reason` says why.
bool WeightedPageRank(const TieBoostGraph& g, const std::vector<double>& strength,
                      std::optional<uint32_t> focus, const AnalyticsBounds& bounds,
                      std::vector<double>* rank, std::string* reason) {
  const size_t n = num_vertices(g);
  if (focus) {
    rank->assign(n, 0.0);
    (*rank)[*focus] = 1.0;
  } else {
    rank->assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
  }
  std::vector<double> next(n);
  for (int iteration = 0; iteration < kMaxPageRankIterations; ++iteration) {
    *reason = bounds.Exceeded();
    if (!reason->empty()) return false;
    double dangling = 0;
    for (size_t v = 0; v < n; ++v) {
      if (strength[v] == 0) dangling += (*rank)[v];
    }
    const double jump = (1 - kPageRankDamping) + kPageRankDamping * dangling;
    if (focus) {
      std::fill(next.begin(), next.end(), 0.0);
      next[*focus] = jump;
    } else {
      std::fill(next.begin(), next.end(), jump / static_cast<double>(n));
    }
    for (size_t u = 0; u < n; ++u) {
      if (strength[u] == 0) continue;
      const double share = kPageRankDamping * (*rank)[u] / strength[u];
      for (auto [e, end] = out_edges(u, g); e != end; ++e) {
        next[target(*e, g)] += share * g[*e].weight;
      }
    }
    double change = 0;
    for (size_t v = 0; v < n; ++v) change += std::abs(next[v] - (*rank)[v]);
    rank->swap(next);
    if (change < kPageRankTolerance) break;
  }
  return true;
}

// Betweenness between two groups: one Dijkstra per member of `from`; every
// reached member of `to` credits the interior vertices of its chain.
absl::Status GroupBetweenness(const TieBoostGraph& g, const RankOptions& options,
                              const AnalyticsBounds& bounds, RankResult* result) {
  const size_t n = num_vertices(g);
  std::vector<double> credit(n, 0.0), distance(n);
  std::vector<size_t> parent(n);
  auto index = get(boost::vertex_index, g);
  for (uint32_t s : options.from_group) {
    result->truncation_reason = bounds.Exceeded();
    if (!result->truncation_reason.empty()) return absl::OkStatus();
    absl::Status status = RunBoost("dijkstra_shortest_paths", [&] {
      boost::dijkstra_shortest_paths(
          g, s,
          boost::weight_map(get(&Tie::distance, g))
              .distance_map(boost::make_iterator_property_map(distance.begin(), index))
              .predecessor_map(boost::make_iterator_property_map(parent.begin(), index)));
      return absl::OkStatus();
    });
    if (!status.ok()) return status;
    for (uint32_t t : options.to_group) {
      if (t == s || parent[t] == t) continue;  // Same entity, or unreached.
      ++result->group_pairs;
      for (size_t v = parent[t]; v != s; v = parent[v]) credit[v] += 1;
    }
  }
  for (size_t v = 0; v < n; ++v) {
    result->scores[v].betweenness =
        result->group_pairs == 0 ? 0.0
                                 : credit[v] / static_cast<double>(result->group_pairs);
  }
  result->has_betweenness = true;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RankResult> Rank(const TieGraph& ties, const AnalyticsBounds& bounds,
                                const RankOptions& options) {
  const TieBoostGraph& g = ties.graph();
  const size_t n = num_vertices(g);
  RankResult result;
  result.scores.resize(n);
  std::vector<double> strength(n, 0.0);
  for (size_t v = 0; v < n; ++v) {
    EntityScores& scores = result.scores[v];
    scores.vertex = static_cast<uint32_t>(v);
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      strength[v] += g[*e].weight;
      ++scores.ties;
    }
    scores.weighted_degree = strength[v];
  }
  std::vector<double> rank;
  if (options.focus && *options.focus >= n) {
    return absl::InvalidArgumentError("focus is not a vertex of the tie graph");
  }
  if (WeightedPageRank(g, strength, options.focus, bounds, &rank,
                       &result.truncation_reason)) {
    result.has_pagerank = true;
    for (size_t v = 0; v < n; ++v) result.scores[v].pagerank = rank[v];
  } else {
    result.truncated = true;
    return result;
  }
  result.truncation_reason = bounds.Exceeded();
  if (!result.truncation_reason.empty()) {
    result.truncated = true;
    return result;
  }
  if (!options.from_group.empty() && !options.to_group.empty()) {
    absl::Status status = GroupBetweenness(g, options, bounds, &result);
    if (!status.ok()) return status;
    if (!result.truncation_reason.empty()) {
      result.truncated = true;
      result.has_betweenness = false;
      for (EntityScores& scores : result.scores) scores.betweenness = 0;
    }
    return result;
  }
  // Each unordered pair is counted from both of its ends, so the raw score is
  // twice the undirected one: divided by (n-1)(n-2), not (n-1)(n-2)/2.
  std::vector<double> centrality;
  result.truncation_reason = internal::WeightedBetweenness(g, bounds, &centrality);
  if (!result.truncation_reason.empty()) {
    result.truncated = true;
    return result;
  }
  const double pairs =
      n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) : 1.0;
  result.has_betweenness = true;
  for (size_t v = 0; v < n; ++v) result.scores[v].betweenness = centrality[v] / pairs;
  return result;
}

}  // namespace entente::graph
