#ifndef ENTENTE_GRAPH_ANALYTICS_H_
#define ENTENTE_GRAPH_ANALYTICS_H_

// Questions over a tie graph (tie_graph.h): who brokers, who matters, which
// blocs form, and the strongest chain of ties between two entities.
//
//   Rank       betweenness (Brandes' algorithm on tie distances -ln(weight):
//              strong ties are short; the sources shared out over the cores,
//              internal/betweenness.h, checked against Boost's
//              brandes_betweenness_centrality in the tests; or between two
//              groups, RankOptions), weighted
//              PageRank (damping 0.85, ties followed in proportion to their
//              weight) and weighted degree (sum of tie weights).
//   FindBlocs  clusters by modularity (Louvain's local moving, on tie
//              weights), the ties that bridge two clusters, and the
//              articulation points (Boost's articulation_points): entities
//              whose removal splits a connected part of the tie graph.
//   FindStrongestPaths  the k loopless chains with the highest product of
//              tie weights: Dijkstra (Boost) on -ln(weight), and Yen's
//              algorithm over it for k > 1.
//
// Bounds: each function checks its deadline and cancellation flag between
// steps (per PageRank iteration, Louvain pass, Yen spur search) and returns
// what it has with truncated = true and the reason ("deadline",
// "cancelled"); a truncated ranking lacks the measures it had no time for
// (see RankResult), a truncated bloc list stops improving modularity, a
// truncated path list holds the chains proved so far. Betweenness, over all
// pairs or between groups, checks the bounds before each source.
//
// Thread-safety: the functions only read the tie graph.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/tie_graph.h"

namespace entente::graph {

inline constexpr double kPageRankDamping = 0.85;

struct AnalyticsBounds {
  absl::Time deadline = absl::InfiniteFuture();
  const std::atomic<bool>* cancelled = nullptr;  // Not owned; may be null.

  // "cancelled" or "deadline" once a bound is hit; "" while within them.
  std::string Exceeded() const {
    if (cancelled != nullptr && cancelled->load(std::memory_order_relaxed)) {
      return "cancelled";
    }
    if (deadline != absl::InfiniteFuture() && absl::Now() >= deadline) return "deadline";
    return "";
  }
};

struct EntityScores {
  uint32_t vertex = 0;     // Tie-graph vertex.
  double betweenness = 0;  // Share of shortest chains between other pairs (0..1).
  double pagerank = 0;     // Sums to 1 over the tie graph.
  double weighted_degree = 0;
  int32_t ties = 0;
};

struct RankResult {
  // One per tie-graph vertex, in vertex order; the caller sorts and filters.
  std::vector<EntityScores> scores;
  bool has_betweenness = false;  // False when the bounds stopped it first.
  bool has_pagerank = false;
  int64_t group_pairs = 0;  // With groups: the pairs joined by a chain.
  bool truncated = false;
  std::string truncation_reason;
};

struct RankOptions {
  // When both groups are given (tie-graph vertices), betweenness counts only
  // the strongest chains from a member of from_group to a member of
  // to_group (ordered pairs of distinct entities joined by ties): an
  // entity's score is the share of those chains it lies inside, not at an
  // end. "Who brokers between the EU and Central Asia?"
  std::vector<uint32_t> from_group, to_group;
  // When set, PageRank is personalized: the walker jumps back to this
  // vertex instead of anywhere, so scores say what matters to it.
  std::optional<uint32_t> focus;
};

absl::StatusOr<RankResult> Rank(const TieGraph& ties, const AnalyticsBounds& bounds,
                                const RankOptions& options = {});

struct BridgingTie {
  uint32_t a = 0, b = 0;  // Tie-graph vertices, a in bloc_a, b in bloc_b.
  uint32_t bloc_a = 0, bloc_b = 0;
  double weight = 0;
};

struct Bloc {
  std::vector<uint32_t> members;  // Tie-graph vertices, strongest first.
  double internal_weight = 0;     // Sum of the weights of ties inside it.
};

struct BlocResult {
  // Largest first (by members, then internal weight); a bloc has >= 2
  // members; entities alone in their cluster are left out.
  std::vector<Bloc> blocs;
  std::vector<BridgingTie> bridges;           // Heaviest first.
  std::vector<uint32_t> articulation_points;  // Tie-graph vertices, ascending.
  double modularity = 0;
  bool truncated = false;
  std::string truncation_reason;
};

absl::StatusOr<BlocResult> FindBlocs(const TieGraph& ties, const AnalyticsBounds& bounds);

struct StrongestPath {
  std::vector<uint32_t> vertices;  // Tie-graph vertices, from ... to.
  std::vector<double> weights;     // Tie weight of each hop.
  double strength = 0;             // Product of the weights (1 for 0 hops).
};

struct StrongestPathResult {
  std::vector<StrongestPath> paths;  // Strongest first.
  bool truncated = false;
  std::string truncation_reason;
};

// k in 1..20, else InvalidArgument. NotFound naming an id without ties in the
// window. from == to gives one path of 0 hops.
absl::StatusOr<StrongestPathResult> FindStrongestPaths(const TieGraph& ties,
                                                       absl::string_view from,
                                                       absl::string_view to, int k,
                                                       const AnalyticsBounds& bounds);

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_ANALYTICS_H_
