#include "graph/analytics.h"

#include <atomic>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/graph/betweenness_centrality.hpp"
#include "gmock/gmock.h"
#include "graph/internal/betweenness.h"
#include "graph/internal/tie_test_util.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;
using testing::TestTieQuery;
using testing::TieGraphBuilder;
using ::testing::UnorderedElementsAre;
using testing::WeightOfScore;

struct Built {
  std::shared_ptr<const GraphView> view;
  std::unique_ptr<TieGraph> ties;
};

Built BuildTies(TieGraphBuilder b) {
  Built built;
  built.view = std::move(b).Build();
  absl::StatusOr<TieGraph> ties = TieGraph::Build(*built.view, TestTieQuery());
  EXPECT_TRUE(ties.ok()) << ties.status();
  built.ties = std::make_unique<TieGraph>(*std::move(ties));
  return built;
}

const EntityScores& ScoresOf(const Built& built, const RankResult& rank, const char* id) {
  return rank.scores[*built.ties->Find(id)];
}

std::vector<std::string> Ids(const TieGraph& ties,
                             const std::vector<uint32_t>& vertices) {
  std::vector<std::string> ids;
  for (uint32_t v : vertices) ids.emplace_back(ties.EntityId(v));
  return ids;
}

TEST(Rank, PathOfThreeWorkedByHand) {
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 1);
  b.Agreements("country:B", "country:C", 1);
  Built built = BuildTies(std::move(b));
  absl::StatusOr<RankResult> rank = Rank(*built.ties, {});
  ASSERT_TRUE(rank.ok()) << rank.status();
  EXPECT_TRUE(rank->has_betweenness);
  EXPECT_TRUE(rank->has_pagerank);
  EXPECT_FALSE(rank->truncated);
  // B lies on the one chain between the one other pair: betweenness 1.
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:B").betweenness, 1.0);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:A").betweenness, 0.0);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:B").weighted_degree,
                   2 * WeightOfScore(1));
  EXPECT_EQ(ScoresOf(built, *rank, "country:B").ties, 2);
  // PageRank: A and C send all their rank to B, B half to each:
  //   b = (1-d)/3 + d(a + c),  a = c = (1-d)/3 + d b/2,  a + b + c = 1
  //   => b = ((1-d)/3 + d) / (1 + d).
  const double d = kPageRankDamping;
  const double expected_b = ((1 - d) / 3 + d) / (1 + d);
  EXPECT_NEAR(ScoresOf(built, *rank, "country:B").pagerank, expected_b, 1e-9);
  EXPECT_NEAR(ScoresOf(built, *rank, "country:A").pagerank, (1 - expected_b) / 2, 1e-9);
}

TEST(Rank, BetweennessFollowsStrongTiesNotFewHops) {
  // B - C directly by one meeting 3 half-lives old (score 0.5/8), but B - A - C
  // by strong ties (score 3 each): the strongest chain B..C runs through A.
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 3);
  b.Agreements("country:A", "country:C", 3);
  b.Add("country:B", "country:C", RelationType::kMeeting, "2022-12-31");
  Built built = BuildTies(std::move(b));
  absl::StatusOr<RankResult> rank = Rank(*built.ties, {});
  ASSERT_TRUE(rank.ok());
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:A").betweenness, 1.0);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:B").betweenness, 0.0);
}

TEST(Rank, PastDeadlineKeepsOnlyWeightedDegree) {
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 1);
  Built built = BuildTies(std::move(b));
  absl::StatusOr<RankResult> rank =
      Rank(*built.ties, {.deadline = absl::Now() - absl::Seconds(1)});
  ASSERT_TRUE(rank.ok());
  EXPECT_TRUE(rank->truncated);
  EXPECT_EQ(rank->truncation_reason, "deadline");
  EXPECT_FALSE(rank->has_pagerank);
  EXPECT_FALSE(rank->has_betweenness);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:A").weighted_degree, WeightOfScore(1));
}

// A random tie graph: n vertices, each pair tied with probability `density`,
// weights in (0, 1) from a seeded generator.
TieBoostGraph RandomTies(int n, double density, uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  TieBoostGraph g(n);
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      if (unit(random) >= density) continue;
      Tie tie;
      tie.weight = 0.01 + 0.98 * unit(random);
      tie.distance = -std::log(tie.weight);
      add_edge(a, b, tie, g);
    }
  }
  return g;
}

TEST(WeightedBetweenness, AgreesWithBoostOnRandomGraphs) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    const int n = 5 + static_cast<int>(seed) * 7;
    const TieBoostGraph g = RandomTies(n, seed % 3 == 0 ? 0.9 : 0.15, seed);
    std::vector<double> ours;
    ASSERT_EQ(internal::WeightedBetweenness(g, {}, &ours), "");
    std::vector<double> boost_scores(n, 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
                                     boost_scores.begin(), get(boost::vertex_index, g)))
               .weight_map(get(&Tie::distance, g)));
    ASSERT_EQ(ours.size(), boost_scores.size());
    double total = 0;
    for (int v = 0; v < n; ++v) {
      // Boost counts each unordered pair once on an undirected graph.
      EXPECT_NEAR(ours[v], 2 * boost_scores[v], 1e-9)
          << "seed " << seed << " vertex " << v;
      total += ours[v];
    }
    EXPECT_GT(total, 0) << "seed " << seed;
  }
}

TEST(WeightedBetweenness, EqualChainsShareTheCredit) {
  // A square A-B-C-D-A with equal ties: A..C runs through B or D, half each;
  // B..D through A or C. Every vertex gets 1/2 from the pair across, counted
  // from both ends.
  TieBoostGraph g(4);
  Tie tie;
  tie.weight = 0.5;
  tie.distance = -std::log(0.5);
  for (int v = 0; v < 4; ++v) add_edge(v, (v + 1) % 4, tie, g);
  std::vector<double> centrality;
  ASSERT_EQ(internal::WeightedBetweenness(g, {}, &centrality), "");
  EXPECT_THAT(centrality, ElementsAre(1.0, 1.0, 1.0, 1.0));
}

TEST(WeightedBetweenness, StopsWhenCancelled) {
  const TieBoostGraph g = RandomTies(30, 0.5, 3);
  std::atomic<bool> cancelled = true;
  std::vector<double> centrality;
  EXPECT_EQ(internal::WeightedBetweenness(g, {.cancelled = &cancelled}, &centrality),
            "cancelled");
}

TEST(Rank, GroupBetweennessCountsOnlyChainsBetweenTheGroups) {
  // A - B - C - D, and E off B. Chains from {A} to {C, D}: A-B-C and
  // A-B-C-D; B lies inside both, C inside one, E inside none.
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 1);
  b.Agreements("country:B", "country:C", 1);
  b.Agreements("country:C", "country:D", 1);
  b.Agreements("country:B", "country:E", 1);
  Built built = BuildTies(std::move(b));
  const TieGraph& ties = *built.ties;
  RankOptions options;
  options.from_group = {*ties.Find("country:A")};
  options.to_group = {*ties.Find("country:C"), *ties.Find("country:D")};
  absl::StatusOr<RankResult> rank = Rank(ties, {}, options);
  ASSERT_TRUE(rank.ok()) << rank.status();
  EXPECT_EQ(rank->group_pairs, 2);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:B").betweenness, 1.0);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:C").betweenness, 0.5);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:E").betweenness, 0.0);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:A").betweenness, 0.0);
}

TEST(Rank, FocusedPageRankReturnsToTheFocus) {
  // A hub H with leaves L1..L3, and X - Y apart. Focused on L1, the walker
  // never reaches X or Y; leaves send all to H, H a third to each leaf:
  //   h = d (l1 + 2 m),  l1 = (1 - d) + d h / 3,  m = d h / 3,  l1 + h + 2m = 1
  //   => h = d / (1 + d).
  TieGraphBuilder b;
  for (const char* leaf : {"country:L1", "country:L2", "country:L3"}) {
    b.Agreements("country:H", leaf, 1);
  }
  b.Agreements("country:X", "country:Y", 1);
  Built built = BuildTies(std::move(b));
  RankOptions options;
  options.focus = *built.ties->Find("country:L1");
  absl::StatusOr<RankResult> rank = Rank(*built.ties, {}, options);
  ASSERT_TRUE(rank.ok());
  const double d = kPageRankDamping;
  const double h = d / (1 + d);
  EXPECT_NEAR(ScoresOf(built, *rank, "country:H").pagerank, h, 1e-9);
  EXPECT_NEAR(ScoresOf(built, *rank, "country:L2").pagerank, d * h / 3, 1e-9);
  EXPECT_NEAR(ScoresOf(built, *rank, "country:L1").pagerank, (1 - d) + d * h / 3, 1e-9);
  EXPECT_DOUBLE_EQ(ScoresOf(built, *rank, "country:X").pagerank, 0.0);
}

// Two cliques of four countries, a1..a4 and b1..b4, all ties of equal
// weight, joined by the one tie a4 - b1.
TieGraphBuilder TwoCliques() {
  TieGraphBuilder b;
  for (const char* side : {"a", "b"}) {
    for (int i = 1; i <= 4; ++i) {
      for (int j = i + 1; j <= 4; ++j) {
        b.Agreements(absl::StrCat("country:", side, i), absl::StrCat("country:", side, j),
                     1);
      }
    }
  }
  b.Agreements("country:a4", "country:b1", 1);
  return b;
}

TEST(FindBlocs, TwoCliquesAndTheTieBetweenThem) {
  Built built = BuildTies(TwoCliques());
  absl::StatusOr<BlocResult> blocs = FindBlocs(*built.ties, {});
  ASSERT_TRUE(blocs.ok()) << blocs.status();
  ASSERT_EQ(blocs->blocs.size(), 2u);
  std::vector<std::vector<std::string>> members;
  for (const Bloc& bloc : blocs->blocs) {
    std::vector<std::string> ids = Ids(*built.ties, bloc.members);
    std::sort(ids.begin(), ids.end());
    members.push_back(ids);
    EXPECT_DOUBLE_EQ(bloc.internal_weight, 6 * WeightOfScore(1));
  }
  EXPECT_THAT(members,
              UnorderedElementsAre(
                  ElementsAre("country:a1", "country:a2", "country:a3", "country:a4"),
                  ElementsAre("country:b1", "country:b2", "country:b3", "country:b4")));
  ASSERT_EQ(blocs->bridges.size(), 1u);
  EXPECT_THAT(Ids(*built.ties, {blocs->bridges[0].a, blocs->bridges[0].b}),
              UnorderedElementsAre("country:a4", "country:b1"));
  // Removing a4 or b1 cuts the other clique off; nothing else does.
  EXPECT_THAT(Ids(*built.ties, blocs->articulation_points),
              UnorderedElementsAre("country:a4", "country:b1"));
  // 13 equal ties; each bloc holds 6 and its degrees sum to 13:
  // Q = 2 * (6/13 - (13/26)^2).
  EXPECT_NEAR(blocs->modularity, 2 * (6.0 / 13 - 0.25), 1e-12);
}

TEST(FindBlocs, AStarHasItsCentreAsTheOnlyArticulationPoint) {
  TieGraphBuilder b;
  for (const char* leaf : {"country:L1", "country:L2", "country:L3"}) {
    b.Agreements("org:hub", leaf, 1);
  }
  Built built = BuildTies(std::move(b));
  absl::StatusOr<BlocResult> blocs = FindBlocs(*built.ties, {});
  ASSERT_TRUE(blocs.ok());
  EXPECT_THAT(Ids(*built.ties, blocs->articulation_points), ElementsAre("org:hub"));
}

// P to E three ways: directly (score 1), through X (score 2 per tie) and
// through Y and Z (score 4 per tie).
TieGraphBuilder ThreeChains() {
  TieGraphBuilder b;
  b.Agreements("country:P", "org:E", 1);
  b.Agreements("country:P", "country:X", 2);
  b.Agreements("country:X", "org:E", 2);
  b.Agreements("country:P", "country:Y", 4);
  b.Agreements("country:Y", "country:Z", 4);
  b.Agreements("country:Z", "org:E", 4);
  return b;
}

TEST(FindStrongestPaths, HighestProductOfWeightsFirst) {
  Built built = BuildTies(ThreeChains());
  absl::StatusOr<StrongestPathResult> result =
      FindStrongestPaths(*built.ties, "country:P", "org:E", 3, {});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->paths.size(), 3u);
  // (1 - e^-4)^3 = 0.946 > (1 - e^-2)^2 = 0.748 > 1 - e^-1 = 0.632.
  EXPECT_THAT(Ids(*built.ties, result->paths[0].vertices),
              ElementsAre("country:P", "country:Y", "country:Z", "org:E"));
  EXPECT_DOUBLE_EQ(result->paths[0].strength, std::pow(WeightOfScore(4), 3));
  EXPECT_THAT(result->paths[0].weights,
              ElementsAre(WeightOfScore(4), WeightOfScore(4), WeightOfScore(4)));
  EXPECT_THAT(Ids(*built.ties, result->paths[1].vertices),
              ElementsAre("country:P", "country:X", "org:E"));
  EXPECT_DOUBLE_EQ(result->paths[1].strength, std::pow(WeightOfScore(2), 2));
  EXPECT_THAT(Ids(*built.ties, result->paths[2].vertices),
              ElementsAre("country:P", "org:E"));
  EXPECT_FALSE(result->truncated);
}

TEST(FindStrongestPaths, FewerChainsThanAskedAndBadArguments) {
  Built built = BuildTies(ThreeChains());
  absl::StatusOr<StrongestPathResult> all =
      FindStrongestPaths(*built.ties, "country:P", "org:E", 10, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->paths.size(), 3u);  // There are only three loopless chains.

  EXPECT_EQ(FindStrongestPaths(*built.ties, "country:P", "org:E", 0, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::Status unknown =
      FindStrongestPaths(*built.ties, "country:P", "country:Q", 1, {}).status();
  EXPECT_EQ(unknown.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(unknown.message(), ::testing::HasSubstr("country:Q"));
}

TEST(FindStrongestPaths, CancelledKeepsTheFirstChain) {
  Built built = BuildTies(ThreeChains());
  std::atomic<bool> cancelled{true};
  absl::StatusOr<StrongestPathResult> result =
      FindStrongestPaths(*built.ties, "country:P", "org:E", 3, {.cancelled = &cancelled});
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->truncated);
  EXPECT_EQ(result->truncation_reason, "cancelled");
  ASSERT_EQ(result->paths.size(), 1u);
  EXPECT_THAT(Ids(*built.ties, result->paths[0].vertices),
              ElementsAre("country:P", "country:Y", "country:Z", "org:E"));
}

}  // namespace
}  // namespace entente::graph
