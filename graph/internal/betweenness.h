#ifndef ENTENTE_GRAPH_INTERNAL_BETWEENNESS_H_
#define ENTENTE_GRAPH_INTERNAL_BETWEENNESS_H_

// Betweenness of the vertices of a tie graph: Brandes' algorithm (one
// Dijkstra per source over the ties' distances, then the dependencies summed
// back along the shortest chains), with the sources shared out over the
// machine's cores and the bounds checked before each source. Boost's
// brandes_betweenness_centrality computes the same numbers on one core and
// cannot be stopped; analytics_test compares the two on random graphs.
//
// Thread-safety: WeightedBetweenness only reads `g`; concurrent calls are safe.

#include <string>
#include <vector>

#include "graph/analytics.h"
#include "graph/tie_graph.h"

namespace entente::graph::internal {

// Fills `centrality` (one entry per vertex) with each vertex's share of the
// shortest chains between other pairs, every unordered pair counted from both
// of its ends and not normalized. Returns "" when every source ran, else the
// reason the bounds gave ("deadline", "cancelled"); `centrality` is then
// partial and should not be shown.
std::string WeightedBetweenness(const TieBoostGraph& g, const AnalyticsBounds& bounds,
                                std::vector<double>* centrality);

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_BETWEENNESS_H_
