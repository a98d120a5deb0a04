#include "service/tie_graph_cache.h"

#include "gtest/gtest.h"

namespace entente::service {
namespace {

std::shared_ptr<const graph::GraphView> View() {
  graph::GraphViewBuilder b;
  auto day = *graph::DateWithPrecision::Parse("2025-06-01");
  b.AddRelation(1, "country:A", "country:B", graph::RelationType::kAgreement, day, day);
  return std::move(b).Build();
}

std::shared_ptr<const graph::TieGraph> Ties(const graph::GraphView& view,
                                            const graph::TieQuery& query) {
  return std::make_shared<const graph::TieGraph>(*graph::TieGraph::Build(view, query));
}

graph::TieQuery Query(int half_life) {
  graph::TieQuery query;
  query.weighting.reference_day = graph::DaysFromCivil(2025, 12, 31);
  query.weighting.half_life_days = half_life;
  return query;
}

TEST(TieGraphCache, FindsTheGraphOfTheSameViewAndQueryOnly) {
  TieGraphCache cache;
  auto view = View();
  auto ties = Ties(*view, Query(365));
  cache.Add(view, ties);
  EXPECT_EQ(cache.Find(*view, Query(365)), ties);
  EXPECT_EQ(cache.Find(*view, Query(30)), nullptr);  // Another weighting.
  graph::TieQuery with_deadline = Query(365);
  with_deadline.deadline = absl::Now() + absl::Seconds(5);  // Not part of the key.
  EXPECT_EQ(cache.Find(*view, with_deadline), ties);
  auto other_view = View();
  EXPECT_EQ(cache.Find(*other_view, Query(365)), nullptr);
}

TEST(TieGraphCache, ANewerViewDropsTheOlderOnesAndTruncatedGraphsAreNotKept) {
  TieGraphCache cache;
  auto old_view = View();
  cache.Add(old_view, Ties(*old_view, Query(365)));
  auto new_view = View();
  cache.Add(new_view, Ties(*new_view, Query(365)));
  EXPECT_EQ(cache.Find(*old_view, Query(365)), nullptr);
  EXPECT_NE(cache.Find(*new_view, Query(365)), nullptr);

  graph::TieQuery late = Query(100);
  late.deadline = absl::Now() - absl::Seconds(1);
  auto truncated = Ties(*new_view, late);
  ASSERT_TRUE(truncated->truncated());
  cache.Add(new_view, truncated);
  EXPECT_EQ(cache.Find(*new_view, Query(100)), nullptr);
}

TEST(TieGraphCache, KeepsAtMostItsCapacityDroppingTheLeastRecentlyUsed) {
  TieGraphCache cache(2);
  auto view = View();
  cache.Add(view, Ties(*view, Query(10)));
  cache.Add(view, Ties(*view, Query(20)));
  ASSERT_NE(cache.Find(*view, Query(10)), nullptr);  // 10 is now the most recent.
  cache.Add(view, Ties(*view, Query(30)));
  EXPECT_NE(cache.Find(*view, Query(10)), nullptr);
  EXPECT_EQ(cache.Find(*view, Query(20)), nullptr);
  EXPECT_NE(cache.Find(*view, Query(30)), nullptr);
}

}  // namespace
}  // namespace entente::service
