#include "graph/path_finder.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <random>
#include <set>

#include "gmock/gmock.h"
#include "graph/neighbors.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;

DateWithPrecision D(const char* text) { return *DateWithPrecision::Parse(text); }

// A - B - C - D by meetings (2020), A - E - D by agreements (2010),
// A - event:F - D by forums (2020, reported 2021).
std::shared_ptr<const GraphView> SmallGraph() {
  GraphViewBuilder b;
  uint64_t id = 1;
  auto add = [&](const char* s, const char* t, RelationType type, const char* date,
                 const char* reported) {
    b.AddRelation(id++, s, t, type, D(date), D(reported));
  };
  add("country:A", "country:B", RelationType::kMeeting, "2020-01-01", "2020-01-02");
  add("country:B", "country:C", RelationType::kMeeting, "2020-02-01", "2020-02-02");
  add("country:C", "country:D", RelationType::kMeeting, "2020-03-01", "2020-03-02");
  add("country:A", "country:E", RelationType::kAgreement, "2010", "2010");
  add("country:E", "country:D", RelationType::kAgreement, "2010-06", "2010-06");
  add("country:A", "event:F", RelationType::kForum, "2020", "2021");
  add("country:D", "event:F", RelationType::kForum, "2020", "2021");
  add("country:A", "country:E", RelationType::kMeeting, "2011", "2011");  // Parallel.
  return std::move(b).Build();
}

std::vector<std::vector<std::string>> Entities(const PathResult& result) {
  std::vector<std::vector<std::string>> out;
  for (const Path& p : result.paths) out.push_back(p.entities);
  return out;
}

PathResult Find(const GraphView& view, PathQuery q) {
  absl::StatusOr<PathResult> result = FindPaths(view, q);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : PathResult();
}

TEST(FindPaths, ShortestPathAndItsLatestRelation) {
  auto view = SmallGraph();
  PathResult r = Find(*view, {.from = "country:A", .to = "country:E"});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_FALSE(r.truncated);
  EXPECT_THAT(r.paths[0].entities, ElementsAre("country:A", "country:E"));
  EXPECT_THAT(r.paths[0].relations, ElementsAre(8u));  // 2011 meeting beats 2010.
}

TEST(FindPaths, TypeFilter) {
  auto view = SmallGraph();
  RelationTypeSet meetings;
  meetings.Add(RelationType::kMeeting);
  PathResult r = Find(*view, {.from = "country:A", .to = "country:D", .types = meetings});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_THAT(r.paths[0].entities,
              ElementsAre("country:A", "country:B", "country:C", "country:D"));
  EXPECT_THAT(r.paths[0].relations, ElementsAre(1u, 2u, 3u));
}

TEST(FindPaths, AvoidKindsAndWindow) {
  auto view = SmallGraph();
  TimeWindow w2020{DaysFromCivil(2020, 1, 1), DaysFromCivil(2021, 1, 1)};
  PathResult r = Find(*view, {.from = "country:A",
                              .to = "country:D",
                              .window = w2020,
                              .avoid_kinds = 1u << static_cast<int>(EntityKind::kEvent)});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].entities.size(), 4u);  // Only the meetings chain is left.
}

TEST(FindPaths, KnownAsOfExcludesLaterReports) {
  auto view = SmallGraph();
  PathResult r = Find(*view, {.from = "country:A",
                              .to = "event:F",
                              .known_as_of_day = DaysFromCivil(2020, 12, 31)});
  EXPECT_TRUE(r.paths.empty());
  EXPECT_FALSE(r.truncated);
}

TEST(FindPaths, KShortestInOrder) {
  auto view = SmallGraph();
  PathResult r = Find(*view, {.from = "country:A", .to = "country:D", .k = 5});
  EXPECT_FALSE(r.truncated);
  EXPECT_THAT(Entities(r), ElementsAre(ElementsAre("country:A", "country:E", "country:D"),
                                       ElementsAre("country:A", "event:F", "country:D"),
                                       ElementsAre("country:A", "country:B", "country:C",
                                                   "country:D")));
}

TEST(FindPaths, MaxHopsIsAnAnswerNotATruncation) {
  auto view = SmallGraph();
  RelationTypeSet meetings;
  meetings.Add(RelationType::kMeeting);
  PathResult r = Find(
      *view, {.from = "country:A", .to = "country:D", .types = meetings, .max_hops = 2});
  EXPECT_TRUE(r.paths.empty());
  EXPECT_FALSE(r.truncated);
}

TEST(FindPaths, BoundsTruncate) {
  auto view = SmallGraph();
  PathResult expanded =
      Find(*view, {.from = "country:A", .to = "country:D", .max_expanded = 1});
  EXPECT_TRUE(expanded.truncated);
  EXPECT_EQ(expanded.truncation_reason, "max_expanded");
  EXPECT_TRUE(expanded.paths.empty());
  std::atomic<bool> cancelled{true};
  PathResult c =
      Find(*view, {.from = "country:A", .to = "country:D", .cancelled = &cancelled});
  EXPECT_TRUE(c.truncated);
  EXPECT_EQ(c.truncation_reason, "cancelled");
  PathResult d = Find(*view, {.from = "country:A",
                              .to = "country:D",
                              .deadline = absl::Now() - absl::Seconds(1)});
  EXPECT_TRUE(d.truncated);
  EXPECT_EQ(d.truncation_reason, "deadline");
}

TEST(FindPaths, BadQueries) {
  auto view = SmallGraph();
  EXPECT_EQ(FindPaths(*view, {.from = "country:A", .to = "country:Z"}).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(
      FindPaths(*view, {.from = "country:A", .to = "country:D", .k = 51}).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FindPaths(*view, {.from = "country:A", .to = "country:D", .max_hops = 9})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

// All simple paths up to max_hops by brute force, for comparison with Yen.
void AllSimplePaths(const GraphView& view, uint32_t u, uint32_t t, int max_hops,
                    std::vector<uint32_t>* stack, std::set<std::vector<uint32_t>>* out) {
  if (u == t) {
    out->insert(*stack);
    return;
  }
  if (static_cast<int>(stack->size()) > max_hops) return;
  for (const AdjacentEdge& e : view.Edges(u)) {
    if (std::find(stack->begin(), stack->end(), e.neighbor) != stack->end()) continue;
    stack->push_back(e.neighbor);
    AllSimplePaths(view, e.neighbor, t, max_hops, stack, out);
    stack->pop_back();
  }
}

TEST(FindPaths, YenMatchesBruteForceOnRandomGraphs) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    GraphViewBuilder b;
    for (uint64_t id = 1; id <= 30; ++id) {
      std::string s = "country:V" + std::to_string(rng() % 12);
      std::string t = "country:V" + std::to_string(rng() % 12);
      b.AddRelation(id, s, t, RelationType::kMeeting, D("2020"), D("2020"));
    }
    b.AddEntity("country:V0", EntityKind::kCountry);
    b.AddEntity("country:V11", EntityKind::kCountry);
    auto view = std::move(b).Build();
    uint32_t s = *view->FindVertex("country:V0"), t = *view->FindVertex("country:V11");
    std::vector<uint32_t> stack{s};
    std::set<std::vector<uint32_t>> all;
    AllSimplePaths(*view, s, t, 5, &stack, &all);
    std::vector<size_t> expected;
    for (const auto& p : all) expected.push_back(p.size());
    std::sort(expected.begin(), expected.end());
    PathResult r =
        Find(*view, {.from = "country:V0", .to = "country:V11", .k = 8, .max_hops = 5});
    ASSERT_FALSE(r.truncated);
    ASSERT_EQ(r.paths.size(), std::min<size_t>(8, expected.size())) << "round " << round;
    std::set<std::vector<std::string>> distinct;
    for (size_t i = 0; i < r.paths.size(); ++i) {
      const Path& p = r.paths[i];
      EXPECT_EQ(p.entities.size(), expected[i]) << "round " << round << " path " << i;
      std::set<std::string> vertices(p.entities.begin(), p.entities.end());
      EXPECT_EQ(vertices.size(), p.entities.size()) << "path has a loop";
      EXPECT_EQ(p.relations.size() + 1, p.entities.size());
      EXPECT_TRUE(distinct.insert(p.entities).second) << "duplicate path";
    }
  }
}

// Shortest paths over filtered parallel relations match a plain BFS over the
// passing relations, and each hop names the newest passing relation.
TEST(FindPaths, ShortestMatchesBfsWithFilteredParallelRelations) {
  struct Rel {
    uint64_t id;
    int s, t;
    RelationType type;
    int year;
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    GraphViewBuilder b;
    std::vector<Rel> rels;
    for (uint64_t id = 1; id <= 60; ++id) {
      Rel r{id, static_cast<int>(rng() % 14), static_cast<int>(rng() % 14),
            rng() % 2 ? RelationType::kMeeting : RelationType::kAgreement,
            2000 + static_cast<int>(rng() % 21)};
      rels.push_back(r);
      std::string year = std::to_string(r.year);
      b.AddRelation(id, "country:V" + std::to_string(r.s),
                    "country:V" + std::to_string(r.t), r.type, D(year.c_str()),
                    D(year.c_str()));
    }
    for (int v = 0; v < 14; ++v) {
      b.AddEntity("country:V" + std::to_string(v), EntityKind::kCountry);
    }
    auto view = std::move(b).Build();
    auto passes = [](const Rel& r) {
      return r.type == RelationType::kMeeting && r.year >= 2010 && r.year < 2020;
    };
    std::vector<int> dist(14, -1);  // BFS from V0 over passing relations.
    std::vector<int> queue{0};
    dist[0] = 0;
    for (size_t i = 0; i < queue.size(); ++i) {
      for (const Rel& r : rels) {
        if (!passes(r) || (r.s != queue[i] && r.t != queue[i])) continue;
        int other = r.s == queue[i] ? r.t : r.s;
        if (dist[other] < 0) dist[other] = dist[queue[i]] + 1, queue.push_back(other);
      }
    }
    RelationTypeSet meetings;
    meetings.Add(RelationType::kMeeting);
    for (int t = 1; t < 14; ++t) {
      PathResult r =
          Find(*view, {.from = "country:V0",
                       .to = "country:V" + std::to_string(t),
                       .types = meetings,
                       .window = {DaysFromCivil(2010, 1, 1), DaysFromCivil(2020, 1, 1)},
                       .max_hops = 8});
      ASSERT_EQ(r.paths.size(), dist[t] < 0 ? 0u : 1u) << round << " V" << t;
      if (r.paths.empty()) continue;
      const Path& p = r.paths[0];
      ASSERT_EQ(p.relations.size(), static_cast<size_t>(dist[t])) << round << " V" << t;
      for (size_t h = 0; h < p.relations.size(); ++h) {
        int a = std::stoi(p.entities[h].substr(9)),
            c = std::stoi(p.entities[h + 1].substr(9));
        const Rel* best = nullptr;
        for (const Rel& x : rels) {
          bool pair = (x.s == a && x.t == c) || (x.s == c && x.t == a);
          if (pair && passes(x) && (best == nullptr || x.year > best->year)) best = &x;
        }
        ASSERT_NE(best, nullptr);
        EXPECT_EQ(p.relations[h], best->id) << round << " V" << t << " hop " << h;
        int linking = 0;
        for (const Rel& x : rels) {
          bool pair = (x.s == a && x.t == c) || (x.s == c && x.t == a);
          if (pair && passes(x)) ++linking;
        }
        ASSERT_EQ(p.hops.size(), p.relations.size());
        EXPECT_EQ(p.hops[h].relations, linking) << round << " V" << t << " hop " << h;
        EXPECT_EQ(p.hops[h].by_type[static_cast<int>(RelationType::kMeeting)], linking);
      }
    }
  }
}

// The view numbers vertices by degree and sorts each adjacency by neighbour,
// newest first, whatever order the relations came in.
TEST(GraphView, AdjacencyOrderAndEdgesBetween) {
  auto view = SmallGraph();
  EXPECT_EQ(view->EntityId(0), "country:A");  // 4 relations; D has 3.
  for (uint32_t v = 0; v < view->vertex_count(); ++v) {
    absl::Span<const AdjacentEdge> edges = view->Edges(v);
    for (size_t i = 1; i < edges.size(); ++i) {
      const AdjacentEdge& a = edges[i - 1];
      const AdjacentEdge& b = edges[i];
      EXPECT_TRUE(a.neighbor < b.neighbor ||
                  (a.neighbor == b.neighbor && a.first_day >= b.first_day))
          << view->EntityId(v) << " entry " << i;
    }
  }
  uint32_t a = *view->FindVertex("country:A"), e = *view->FindVertex("country:E");
  absl::Span<const AdjacentEdge> run = view->EdgesBetween(a, e);
  ASSERT_EQ(run.size(), 2u);
  EXPECT_EQ(view->RelationId(run[0].edge), 8u);  // 2011 before 2010.
  EXPECT_EQ(view->RelationId(run[1].edge), 4u);
  EXPECT_EQ(view->EdgesBetween(e, a).size(), 2u);
  EXPECT_TRUE(view->EdgesBetween(a, *view->FindVertex("country:C")).empty());
}

// Large views sort their adjacency on two threads; the order is the same.
TEST(GraphView, LargeViewAdjacencyIsSorted) {
  GraphViewBuilder b;
  std::mt19937 rng(3);
  std::vector<uint32_t> vertices;
  for (int v = 0; v < 2000; ++v) {
    vertices.push_back(
        b.AddEntity("country:V" + std::to_string(v), EntityKind::kCountry));
  }
  for (uint64_t id = 1; id <= 600'000; ++id) {
    // Three hubs with 20,000 entries each (runs of parallel relations to
    // each neighbour), the rest spread out.
    uint32_t s = vertices[id % 10 == 0 ? id % 3 : rng() % 2000];
    uint32_t t = vertices[rng() % 2000];
    int32_t day = static_cast<int32_t>(rng() % 5000);
    b.AddRelationDays(rng(), s, t, RelationType::kMeeting, day, day + 1, day);
  }
  auto view = std::move(b).Build();
  ASSERT_EQ(view->relation_count(), 600'000);
  size_t entries = 0;
  for (uint32_t v = 0; v < view->vertex_count(); ++v) {
    absl::Span<const AdjacentEdge> edges = view->Edges(v);
    entries += edges.size();
    if (v > 0) {
      ASSERT_LE(edges.size(), view->Edges(v - 1).size()) << "vertex " << v;
    }
    for (size_t i = 1; i < edges.size(); ++i) {
      const AdjacentEdge& x = edges[i - 1];
      const AdjacentEdge& y = edges[i];
      ASSERT_TRUE(x.neighbor < y.neighbor ||
                  (x.neighbor == y.neighbor &&
                   (x.first_day > y.first_day ||
                    (x.first_day == y.first_day &&
                     view->RelationId(x.edge) <= view->RelationId(y.edge)))))
          << "vertex " << v << " entry " << i;
    }
  }
  EXPECT_GT(entries, size_t{1} << 20);      // Enough for the two-thread sort,
  EXPECT_GT(view->Edges(0).size(), 4096u);  // and for the radix sort of hubs.
}

TEST(FindNeighbors, NewestFirstWithFiltersAndLimit) {
  auto view = SmallGraph();
  absl::StatusOr<NeighborResult> all = FindNeighbors(*view, {.entity = "country:A"});
  ASSERT_TRUE(all.ok());
  EXPECT_THAT(all->relations, ElementsAre(1u, 6u, 8u, 4u));
  EXPECT_FALSE(all->truncated);
  auto limited = FindNeighbors(*view, {.entity = "country:A", .limit = 2});
  EXPECT_THAT(limited->relations, ElementsAre(1u, 6u));
  EXPECT_TRUE(limited->truncated);
  auto no_events = FindNeighbors(
      *view,
      {.entity = "country:A", .avoid_kinds = 1u << static_cast<int>(EntityKind::kEvent)});
  EXPECT_THAT(no_events->relations, ElementsAre(1u, 8u, 4u));
  RelationTypeSet agreements;
  agreements.Add(RelationType::kAgreement);
  EXPECT_THAT(
      FindNeighbors(*view, {.entity = "country:A", .types = agreements})->relations,
      ElementsAre(4u));
  EXPECT_EQ(FindNeighbors(*view, {.entity = "country:Q"}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(FindNeighbors, StopsOnceCancelled) {
  auto view = SmallGraph();
  std::atomic<bool> cancelled{false};
  NeighborQuery query{.entity = "country:A", .cancelled = &cancelled};
  ASSERT_TRUE(FindNeighbors(*view, query).ok());
  cancelled = true;
  absl::StatusOr<NeighborResult> stopped = FindNeighbors(*view, query);
  EXPECT_EQ(stopped.status().code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(stopped.status().message(), ::testing::HasSubstr("neighbors"));
}

}  // namespace
}  // namespace entente::graph
