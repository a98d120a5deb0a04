#ifndef ENTENTE_GRAPH_LIMITS_H_
#define ENTENTE_GRAPH_LIMITS_H_

// The defaults and maxima of graph/'s queries, in one place. The service's
// request limits are these (graph_service.proto states them for each field);
// a query over a maximum is InvalidArgument, or clamped where its header says.

namespace entente::graph {

// Entities in one SearchEntities or ListEntities page (store.h): default 20.
inline constexpr int kDefaultEntityPageSize = 20;
// Relations in one timeline page (timeline.h): default 50.
inline constexpr int kDefaultTimelinePageSize = 50;
// The largest page of either, and of any list the API pages or cuts short
// (GetNeighborsRequest.max_relations, RankEntitiesRequest.limit, ...): 1000.
inline constexpr int kMaxPageSize = 1000;

// PathQuery (path_finder.h): the relations a path may have, default 6 and at
// most 8, and the paths wanted, at most 50.
inline constexpr int kDefaultPathHops = 6;
inline constexpr int kMaxPathHops = 8;
inline constexpr int kMaxPathCount = 50;

// NeighborQuery::limit (neighbors.h): default 100, clamped to 10000.
inline constexpr int kDefaultNeighborLimit = 100;
inline constexpr int kMaxNeighborLimit = 10000;

// Chains one FindStrongestPaths call returns (analytics.h): at most 20.
inline constexpr int kMaxStrongestPaths = 20;

// TieWeighting::half_life_days (tie_graph.h): default 365, at most 36500.
inline constexpr int kDefaultHalfLifeDays = 365;
inline constexpr int kMaxHalfLifeDays = 36500;

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_LIMITS_H_
