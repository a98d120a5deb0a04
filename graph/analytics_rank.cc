// Rank: weighted degree, weighted PageRank and betweenness over a tie graph.

#include <cmath>
#include <vector>

#include "boost/graph/betweenness_centrality.hpp"
#include "graph/analytics.h"
#include "graph/boost_view.h"

namespace entente::graph {
namespace {

constexpr int kMaxPageRankIterations = 200;
constexpr double kPageRankTolerance = 1e-10;  // L1 change that ends the iteration.

// Power iteration: a walker leaves each entity along a tie with a
// probability proportional to the tie's weight, and jumps anywhere with
// probability 1 - damping (or always, from an entity without ties). False
// when the bounds stop it; `reason` says why.
bool WeightedPageRank(const TieBoostGraph& g, const std::vector<double>& strength,
                      const AnalyticsBounds& bounds, std::vector<double>* rank,
                      std::string* reason) {
  const size_t n = num_vertices(g);
  rank->assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int iteration = 0; iteration < kMaxPageRankIterations; ++iteration) {
    *reason = bounds.Exceeded();
    if (!reason->empty()) return false;
    double dangling = 0;
    for (size_t v = 0; v < n; ++v) {
      if (strength[v] == 0) dangling += (*rank)[v];
    }
    const double base =
        ((1 - kPageRankDamping) + kPageRankDamping * dangling) / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
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

}  // namespace

absl::StatusOr<RankResult> Rank(const TieGraph& ties, const AnalyticsBounds& bounds) {
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
  if (WeightedPageRank(g, strength, bounds, &rank, &result.truncation_reason)) {
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
  std::vector<double> centrality(n, 0.0);
  absl::Status status = RunBoost("brandes_betweenness_centrality", [&] {
    auto centrality_map = boost::make_iterator_property_map(centrality.begin(),
                                                            get(boost::vertex_index, g));
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(centrality_map).weight_map(get(&Tie::distance, g)));
    if (n > 2) boost::relative_betweenness_centrality(g, centrality_map);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  result.has_betweenness = true;
  for (size_t v = 0; v < n; ++v) result.scores[v].betweenness = centrality[v];
  return result;
}

}  // namespace entente::graph
