// The path finder against Boost.Graph on seeded random graphs with filters:
// the bidirectional search must find paths exactly as long as Boost's
// breadth-first search says, and Yen's k shortest must start with as many
// paths of the shortest length as there are (counted over Boost's Dijkstra
// distances), then go on with longer ones.

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "boost/graph/breadth_first_search.hpp"
#include "boost/graph/dijkstra_shortest_paths.hpp"
#include "boost/property_map/property_map.hpp"
#include "graph/boost_view.h"
#include "graph/path_finder.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

constexpr int kVertices = 30;
constexpr EntityKind kKinds[] = {EntityKind::kCountry, EntityKind::kCountry,
                                 EntityKind::kOrganization, EntityKind::kCity,
                                 EntityKind::kEvent};

std::string Id(int v) { return absl::StrCat(IdPrefix(kKinds[v % 5]), ":V", v); }

// A random multigraph: relations of three types, dated 2000-2020 (some
// undated), reported up to two years later.
std::shared_ptr<const GraphView> RandomView(std::mt19937* rng, int relations) {
  constexpr RelationType kTypes[] = {RelationType::kMeeting, RelationType::kAgreement,
                                     RelationType::kVisit};
  GraphViewBuilder b;
  for (int v = 0; v < kVertices; ++v) b.AddEntity(Id(v), kKinds[v % 5]);
  for (int i = 0; i < relations; ++i) {
    const int s = static_cast<int>((*rng)() % kVertices);
    const int t = static_cast<int>((*rng)() % kVertices);
    const RelationType type = kTypes[(*rng)() % 3];
    const bool undated = (*rng)() % 10 == 0;
    const int year = 2000 + static_cast<int>((*rng)() % 21);
    const DateWithPrecision date =
        undated ? DateWithPrecision() : DateWithPrecision::Year(year);
    const DateWithPrecision reported =
        DateWithPrecision::Year(year + static_cast<int>((*rng)() % 3));
    b.AddRelation(static_cast<uint64_t>(i + 1), Id(s), Id(t), type, date, reported);
  }
  return std::move(b).Build();
}

// A random query filter: maybe a type set, a window, a known-as-of year.
EdgeFilter RandomFilter(std::mt19937* rng) {
  EdgeFilter filter;
  if ((*rng)() % 2) {
    filter.types.Add(RelationType::kMeeting);
    if ((*rng)() % 2) filter.types.Add(RelationType::kVisit);
  }
  if ((*rng)() % 2) {
    const int from = 2000 + static_cast<int>((*rng)() % 15);
    filter.window = {DaysFromCivil(from, 1, 1), DaysFromCivil(from + 8, 1, 1)};
  }
  if ((*rng)() % 3 == 0) {
    filter.known_as_of_day =
        DaysFromCivil(2005 + static_cast<int>((*rng)() % 15), 12, 31);
  }
  return filter;
}

// Keeps vertices whose kind is not avoided, and the two ends of the query.
struct NotAvoided {
  const GraphView* view = nullptr;
  uint32_t avoid_kinds = 0;
  uint32_t s = 0, t = 0;
  bool operator()(uint32_t v) const {
    return v == s || v == t ||
           ((avoid_kinds >> static_cast<uint32_t>(view->KindOf(v))) & 1u) == 0;
  }
};

// Hops from s to every vertex by Boost's BFS over the filtered view; -1 when
// unreachable.
std::vector<int> BoostHops(const GraphView& view, const ViewFilter& filter,
                           const NotAvoided& keep) {
  boost::filtered_graph<GraphView, ViewEdgePredicate, NotAvoided> g(
      view, ViewEdgePredicate{&filter, &view}, keep);
  std::vector<int> hops(view.vertex_count(), -1);
  hops[keep.s] = 0;
  boost::breadth_first_search(
      g, keep.s,
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(
          boost::make_iterator_property_map(hops.begin(), get(boost::vertex_index, view)),
          boost::on_tree_edge()))));
  return hops;
}

TEST(PathFinderOracle, BidirectionalSearchMatchesBoostBreadthFirstSearch) {
  std::mt19937 rng(2026);
  int compared = 0, connected = 0;
  for (int round = 0; round < 40; ++round) {
    auto view = RandomView(&rng, 45 + static_cast<int>(rng() % 40));
    ViewFilter filter{RandomFilter(&rng), 0};
    const uint32_t avoid =
        rng() % 2 ? 0 : (1u << static_cast<uint32_t>(kKinds[3 + rng() % 2]));
    const int from = static_cast<int>(rng() % kVertices);
    const uint32_t s = *view->FindVertex(Id(from));
    for (int to = 0; to < kVertices; ++to) {
      const uint32_t t = *view->FindVertex(Id(to));
      std::vector<int> hops =
          BoostHops(*view, filter, NotAvoided{view.get(), avoid, s, t});
      PathQuery query{.from = Id(from),
                      .to = Id(to),
                      .types = filter.edges.types,
                      .window = filter.edges.window,
                      .known_as_of_day = filter.edges.known_as_of_day,
                      .avoid_kinds = avoid,
                      .max_hops = kMaxPathHops};
      absl::StatusOr<PathResult> result = FindPaths(*view, query);
      ASSERT_TRUE(result.ok()) << result.status();
      ASSERT_FALSE(result->truncated);
      const int expected = hops[t] > kMaxPathHops ? -1 : hops[t];
      ++compared;
      if (expected < 0) {
        EXPECT_TRUE(result->paths.empty()) << "round " << round << " to " << Id(to);
        continue;
      }
      ++connected;
      ASSERT_EQ(result->paths.size(), 1u) << "round " << round << " to " << Id(to);
      EXPECT_EQ(static_cast<int>(result->paths[0].relations.size()), expected)
          << "round " << round << " " << Id(from) << " to " << Id(to);
    }
  }
  // The seeds give both answers often enough to mean something.
  EXPECT_GT(connected, compared / 5);
  EXPECT_LT(connected, compared);
}

// The number of distinct shortest vertex sequences s..t over the filtered
// view, from Boost's Dijkstra (unit weights); parallel relations count once.
int64_t ShortestPathCount(const GraphView& view, const ViewFilter& filter, uint32_t s,
                          uint32_t t, int* length) {
  FilteredView g = FilterView(view, filter);
  std::vector<double> distance(view.vertex_count());
  boost::dijkstra_shortest_paths(
      g, s,
      boost::weight_map(boost::make_static_property_map<ViewEdge>(1.0))
          .distance_map(boost::make_iterator_property_map(
              distance.begin(), get(boost::vertex_index, view))));
  const double unreached = std::numeric_limits<double>::max();
  *length = distance[t] == unreached ? -1 : static_cast<int>(distance[t]);
  std::vector<uint32_t> order;
  for (uint32_t v = 0; v < view.vertex_count(); ++v) {
    if (distance[v] != unreached) order.push_back(v);
  }
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return distance[a] < distance[b]; });
  std::vector<int64_t> count(view.vertex_count(), 0);
  count[s] = 1;
  for (uint32_t v : order) {
    if (v == s) continue;
    absl::flat_hash_set<uint32_t> parents;
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      const uint32_t u = target(*e, g);
      if (distance[u] + 1 == distance[v]) parents.insert(u);
    }
    for (uint32_t u : parents) count[v] += count[u];
  }
  return count[t];
}

TEST(PathFinderOracle, YenStartsWithEveryShortestPathBoostCounts) {
  std::mt19937 rng(11);
  int with_several = 0;
  for (int round = 0; round < 40; ++round) {
    auto view = RandomView(&rng, 60 + static_cast<int>(rng() % 30));
    ViewFilter filter{RandomFilter(&rng), 0};
    const int from = static_cast<int>(rng() % kVertices);
    const int to = static_cast<int>(rng() % kVertices);
    if (from == to) continue;
    int length = 0;
    const int64_t shortest = ShortestPathCount(*view, filter, *view->FindVertex(Id(from)),
                                               *view->FindVertex(Id(to)), &length);
    if (length < 0 || length > kMaxPathHops) continue;
    const int k = 6;
    absl::StatusOr<PathResult> result =
        FindPaths(*view, {.from = Id(from),
                          .to = Id(to),
                          .k = k,
                          .types = filter.edges.types,
                          .window = filter.edges.window,
                          .known_as_of_day = filter.edges.known_as_of_day,
                          .max_hops = kMaxPathHops});
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_FALSE(result->truncated);
    ASSERT_FALSE(result->paths.empty());
    int64_t of_shortest_length = 0;
    size_t previous = 0;
    absl::flat_hash_set<std::vector<std::string>> distinct;
    for (const Path& path : result->paths) {
      EXPECT_GE(path.relations.size(), previous) << "round " << round;
      previous = path.relations.size();
      EXPECT_TRUE(distinct.insert(path.entities).second) << "round " << round;
      if (static_cast<int>(path.relations.size()) == length) ++of_shortest_length;
    }
    EXPECT_EQ(static_cast<int>(result->paths[0].relations.size()), length);
    EXPECT_EQ(of_shortest_length, std::min<int64_t>(k, shortest))
        << "round " << round << " " << Id(from) << " to " << Id(to);
    if (shortest > 1) ++with_several;
  }
  EXPECT_GT(with_several, 3);
}

}  // namespace
}  // namespace entente::graph
