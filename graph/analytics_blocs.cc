// FindBlocs: modularity clusters (Louvain's local moving), the ties between
// clusters and the articulation points of a tie graph.

#include <algorithm>
#include <iterator>
#include <numeric>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "boost/graph/biconnected_components.hpp"
#include "graph/analytics.h"
#include "graph/boost_view.h"

namespace entente::graph {
namespace {

constexpr int kMaxLocalMovingPasses = 50;

// Louvain's first phase: every entity in turn joins the neighbouring cluster
// that raises modularity most, until a pass moves no one. Deterministic:
// entities in vertex order; equal gains keep the current cluster, else take
// the smallest cluster number. Returns the cluster of each vertex; sets
// *reason when the bounds stop it between passes.
std::vector<uint32_t> LocalMoving(const TieBoostGraph& g,
                                  const std::vector<double>& strength,
                                  double total_weight, const AnalyticsBounds& bounds,
                                  std::string* reason) {
  const uint32_t n = static_cast<uint32_t>(num_vertices(g));
  std::vector<uint32_t> cluster(n);
  std::iota(cluster.begin(), cluster.end(), 0u);
  std::vector<double> cluster_strength = strength;
  const double two_m = 2 * total_weight;
  absl::flat_hash_map<uint32_t, double> links;  // Cluster -> weight from v.
  for (int pass = 0; pass < kMaxLocalMovingPasses; ++pass) {
    *reason = bounds.Exceeded();
    if (!reason->empty()) break;
    bool moved = false;
    for (uint32_t v = 0; v < n; ++v) {
      links.clear();
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        const uint32_t u = static_cast<uint32_t>(target(*e, g));
        if (u != v) links[cluster[u]] += g[*e].weight;
      }
      const uint32_t current = cluster[v];
      cluster_strength[current] -= strength[v];
      // Gain of joining c, up to terms equal for every c.
      auto gain = [&](uint32_t c) {
        auto it = links.find(c);
        const double link = it == links.end() ? 0.0 : it->second;
        return link - cluster_strength[c] * strength[v] / two_m;
      };
      uint32_t best = current;
      double best_gain = gain(current);
      for (const auto& [c, link] : links) {
        const double g_c = gain(c);
        if (g_c > best_gain + 1e-12 ||
            (std::abs(g_c - best_gain) <= 1e-12 && best != current && c < best)) {
          best = c;
          best_gain = g_c;
        }
      }
      cluster_strength[best] += strength[v];
      if (best != current) {
        cluster[v] = best;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return cluster;
}

double Modularity(const TieBoostGraph& g, const std::vector<uint32_t>& cluster,
                  const std::vector<double>& strength, double total_weight) {
  if (total_weight == 0) return 0;
  const size_t n = num_vertices(g);
  std::vector<double> inside(n, 0.0), around(n, 0.0);
  for (auto [e, end] = edges(g); e != end; ++e) {
    const auto a = source(*e, g), b = target(*e, g);
    if (cluster[a] == cluster[b]) inside[cluster[a]] += g[*e].weight;
  }
  for (size_t v = 0; v < n; ++v) around[cluster[v]] += strength[v];
  double q = 0;
  for (size_t c = 0; c < n; ++c) {
    const double share = around[c] / (2 * total_weight);
    q += inside[c] / total_weight - share * share;
  }
  return q;
}

}  // namespace

absl::StatusOr<BlocResult> FindBlocs(const TieGraph& ties,
                                     const AnalyticsBounds& bounds) {
  const TieBoostGraph& g = ties.graph();
  const uint32_t n = static_cast<uint32_t>(num_vertices(g));
  std::vector<double> strength(n, 0.0);
  double total_weight = 0;
  for (auto [e, end] = edges(g); e != end; ++e) {
    strength[source(*e, g)] += g[*e].weight;
    strength[target(*e, g)] += g[*e].weight;
    total_weight += g[*e].weight;
  }
  BlocResult result;
  std::vector<uint32_t> cluster =
      LocalMoving(g, strength, total_weight, bounds, &result.truncation_reason);
  result.truncated = !result.truncation_reason.empty();
  result.modularity = Modularity(g, cluster, strength, total_weight);

  // Clusters of two or more become blocs, numbered largest first.
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t v = 0; v < n; ++v) members[cluster[v]].push_back(v);
  std::vector<double> inside(n, 0.0);
  for (auto [e, end] = edges(g); e != end; ++e) {
    const auto a = source(*e, g), b = target(*e, g);
    if (cluster[a] == cluster[b]) inside[cluster[a]] += g[*e].weight;
  }
  std::vector<uint32_t> order;
  for (uint32_t c = 0; c < n; ++c) {
    if (members[c].size() >= 2) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (members[a].size() != members[b].size())
      return members[a].size() > members[b].size();
    if (inside[a] != inside[b]) return inside[a] > inside[b];
    return a < b;
  });
  std::vector<uint32_t> bloc_of(n, UINT32_MAX);
  for (uint32_t c : order) {
    Bloc& bloc = result.blocs.emplace_back();
    bloc.members = std::move(members[c]);
    std::stable_sort(bloc.members.begin(), bloc.members.end(),
                     [&](uint32_t a, uint32_t b) { return strength[a] > strength[b]; });
    bloc.internal_weight = inside[c];
    bloc_of[c] = static_cast<uint32_t>(result.blocs.size() - 1);
  }
  for (auto [e, end] = edges(g); e != end; ++e) {
    uint32_t a = static_cast<uint32_t>(source(*e, g));
    uint32_t b = static_cast<uint32_t>(target(*e, g));
    uint32_t bloc_a = bloc_of[cluster[a]], bloc_b = bloc_of[cluster[b]];
    if (bloc_a == bloc_b || bloc_a == UINT32_MAX || bloc_b == UINT32_MAX) continue;
    if (bloc_b < bloc_a) {
      std::swap(a, b);
      std::swap(bloc_a, bloc_b);
    }
    result.bridges.push_back({a, b, bloc_a, bloc_b, g[*e].weight});
  }
  std::sort(result.bridges.begin(), result.bridges.end(),
            [](const BridgingTie& x, const BridgingTie& y) {
              if (x.weight != y.weight) return x.weight > y.weight;
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });

  absl::Status status = RunBoost("articulation_points", [&] {
    boost::articulation_points(g, std::back_inserter(result.articulation_points));
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  std::sort(result.articulation_points.begin(), result.articulation_points.end());
  return result;
}

}  // namespace entente::graph
