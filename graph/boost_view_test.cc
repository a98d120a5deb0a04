#include "graph/boost_view.h"

#include <vector>

#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/breadth_first_search.hpp"
#include "boost/graph/dijkstra_shortest_paths.hpp"
#include "boost/graph/graph_concepts.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<FilteredView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<FilteredView>));

DateWithPrecision D(const char* text) { return *DateWithPrecision::Parse(text); }

// A - B - C - D by meetings (2020), A - E - D by agreements (2010), and
// F - G (a city and a person) by a visit (2020).
std::shared_ptr<const GraphView> SmallGraph() {
  GraphViewBuilder b;
  uint64_t id = 1;
  auto add = [&](const char* s, const char* t, RelationType type, const char* date) {
    b.AddRelation(id++, s, t, type, D(date), D(date));
  };
  add("country:A", "country:B", RelationType::kMeeting, "2020-01-01");
  add("country:B", "country:C", RelationType::kMeeting, "2020-02-01");
  add("country:C", "country:D", RelationType::kMeeting, "2020-03-01");
  add("country:A", "country:E", RelationType::kAgreement, "2010");
  add("country:E", "country:D", RelationType::kAgreement, "2010-06");
  add("city:F", "person:G", RelationType::kVisit, "2020-05");
  return std::move(b).Build();
}

uint32_t V(const GraphView& view, const char* id) { return *view.FindVertex(id); }

TEST(BoostView, BreadthFirstSearchSeesEveryRelationFromBothEnds) {
  auto view = SmallGraph();
  std::vector<int> hops(view->vertex_count(), -1);
  const uint32_t a = V(*view, "country:A");
  hops[a] = 0;
  boost::breadth_first_search(
      *view, a,
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(boost::make_iterator_property_map(
                                      hops.begin(), get(boost::vertex_index, *view)),
                                  boost::on_tree_edge()))));
  // A-B, A-E are one hop; C (via B) and D (via E) two; F, G unreachable.
  EXPECT_EQ(hops[V(*view, "country:B")], 1);
  EXPECT_EQ(hops[V(*view, "country:E")], 1);
  EXPECT_EQ(hops[V(*view, "country:C")], 2);
  EXPECT_EQ(hops[V(*view, "country:D")], 2);
  EXPECT_EQ(hops[V(*view, "city:F")], -1);
}

TEST(BoostView, EdgesOfOneRelationCompareEqualFromBothEnds) {
  auto view = SmallGraph();
  const uint32_t a = V(*view, "country:A"), b = V(*view, "country:B");
  ViewEdge from_a{a, &view->EdgesBetween(a, b)[0]};
  ViewEdge from_b{b, &view->EdgesBetween(b, a)[0]};
  EXPECT_TRUE(from_a == from_b);
  EXPECT_EQ(source(from_a, *view), a);
  EXPECT_EQ(target(from_b, *view), a);
  EXPECT_EQ(get(get(boost::edge_index, *view), from_a), from_a.entry->edge);
}

TEST(BoostView, ComponentsOfTheWholeView) {
  auto view = SmallGraph();
  absl::StatusOr<Components> components = ConnectedComponents(*view, ViewFilter{});
  ASSERT_TRUE(components.ok()) << components.status();
  EXPECT_EQ(components->count, 2u);  // {A, B, C, D, E} and {F, G}.
  const std::vector<uint32_t>& c = components->component;
  EXPECT_EQ(c[V(*view, "country:A")], c[V(*view, "country:D")]);
  EXPECT_EQ(c[V(*view, "city:F")], c[V(*view, "person:G")]);
  EXPECT_NE(c[V(*view, "country:A")], c[V(*view, "city:F")]);
}

TEST(BoostView, FiltersByTypeWindowAndKind) {
  auto view = SmallGraph();
  ViewFilter filter;
  filter.edges.types.Add(RelationType::kAgreement);
  // Only A - E - D remain connected; B, C, F, G are alone: 5 components.
  absl::StatusOr<Components> by_type = ConnectedComponents(*view, filter);
  ASSERT_TRUE(by_type.ok());
  EXPECT_EQ(by_type->count, 5u);

  ViewFilter window;
  window.edges.window = {DaysFromCivil(2020, 1, 1), DaysFromCivil(2021, 1, 1)};
  window.kinds = 1u << static_cast<uint32_t>(EntityKind::kCountry);
  // 2020, countries only: A-B-C-D and E alone; F and G are dropped.
  absl::StatusOr<Components> by_window = ConnectedComponents(*view, window);
  ASSERT_TRUE(by_window.ok());
  EXPECT_EQ(by_window->count, 2u);
  EXPECT_EQ(by_window->component[V(*view, "city:F")], Components::kUnreached);
  EXPECT_EQ(by_window->component[V(*view, "country:A")],
            by_window->component[V(*view, "country:D")]);
}

TEST(BoostView, KnownAsOfDropsLaterReports) {
  GraphViewBuilder b;
  b.AddRelation(1, "country:A", "country:B", RelationType::kMeeting, D("2020-01-01"),
                D("2020-01-01"));
  b.AddRelation(2, "country:B", "country:C", RelationType::kMeeting, D("2020-02-01"),
                D("2021-06-01"));
  auto view = std::move(b).Build();
  ViewFilter filter;
  filter.edges.known_as_of_day = DaysFromCivil(2020, 12, 31);
  absl::StatusOr<Components> components = ConnectedComponents(*view, filter);
  ASSERT_TRUE(components.ok());
  EXPECT_EQ(components->count, 2u);  // {A, B} and {C}: B - C was reported in 2021.
}

TEST(RunBoost, NegativeWeightBecomesInternalNamingTheAlgorithm) {
  using Weighted = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;
  Weighted g(2);
  add_edge(0, 1, -1.0, g);
  std::vector<double> distance(2);
  absl::Status status = RunBoost("dijkstra", [&] {
    boost::dijkstra_shortest_paths(g, 0, boost::distance_map(distance.data()));
    return absl::OkStatus();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("dijkstra: "));
}

TEST(RunBoost, OutOfMemoryIsResourceExhausted) {
  absl::Status status =
      RunBoost("page", []() -> absl::Status { throw std::bad_alloc(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(), "page: out of memory");
}

}  // namespace
}  // namespace entente::graph
