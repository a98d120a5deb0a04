#include "graph/tie_graph.h"

#include <cmath>

#include "gmock/gmock.h"
#include "graph/internal/tie_test_util.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TestTieQuery;
using testing::TieGraphBuilder;
using testing::WeightOfScore;

TieGraph Build(const GraphView& view, const TieQuery& query) {
  absl::StatusOr<TieGraph> ties = TieGraph::Build(view, query);
  EXPECT_TRUE(ties.ok()) << ties.status();
  return *std::move(ties);
}

const Tie& TieOf(const TieGraph& ties, const char* a, const char* b) {
  static const Tie kNone;
  std::optional<uint32_t> va = ties.Find(a), vb = ties.Find(b);
  if (!va || !vb) return kNone;
  std::optional<TieEdge> e = ties.TieBetween(*va, *vb);
  return e ? ties.graph()[*e] : kNone;
}

TEST(TieGraph, ScoreAddsTypeWeightsHalvedPerHalfLife) {
  TieGraphBuilder b;
  b.Add("country:A", "country:B", RelationType::kAgreement, "2025-12-31");  // 1.0
  // A meeting (0.5) that ended 365 days before the reference day: 0.5 / 2.
  b.Add("country:B", "country:A", RelationType::kMeeting, "2024-12-31");
  auto view = std::move(b).Build();
  TieGraph ties = Build(*view, TestTieQuery());
  ASSERT_EQ(ties.vertex_count(), 2u);
  ASSERT_EQ(ties.tie_count(), 1u);
  const Tie& tie = TieOf(ties, "country:A", "country:B");
  EXPECT_DOUBLE_EQ(tie.score, 1.25);
  EXPECT_DOUBLE_EQ(tie.weight, WeightOfScore(1.25));
  EXPECT_DOUBLE_EQ(tie.distance, -std::log(WeightOfScore(1.25)));
  EXPECT_EQ(tie.relations, 2);
  EXPECT_TRUE(tie.types.Contains(RelationType::kAgreement));
  EXPECT_TRUE(tie.types.Contains(RelationType::kMeeting));
  EXPECT_EQ(tie.latest_day, DaysFromCivil(2025, 12, 31));
}

TEST(TieGraph, EachIndependentReportOfARelationAddsItsContribution) {
  TieGraphBuilder b;
  // An agreement read in three outlets: 3 * 1.0.
  b.Add("country:A", "country:B", RelationType::kAgreement, "2025-12-31", "", 3);
  // A visit (0.7) read in two, a year old: 2 * 0.7 / 2.
  b.Add("country:A", "country:B", RelationType::kVisit, "2024-12-31", "", 2);
  // One agreement read once: 1.0, a weaker tie.
  b.Add("country:A", "country:C", RelationType::kAgreement, "2025-12-31");
  auto view = std::move(b).Build();
  TieGraph ties = Build(*view, TestTieQuery());
  const Tie& strong = TieOf(ties, "country:A", "country:B");
  EXPECT_DOUBLE_EQ(strong.score, 3.7);
  EXPECT_DOUBLE_EQ(strong.weight, WeightOfScore(3.7));
  EXPECT_EQ(strong.relations, 2);
  EXPECT_EQ(strong.reports, 5);
  const Tie& weak = TieOf(ties, "country:A", "country:C");
  EXPECT_DOUBLE_EQ(weak.score, 1.0);
  EXPECT_EQ(weak.reports, 1);
  EXPECT_GT(strong.weight, weak.weight);
}

TEST(TieGraph, CoarseDatesAgeFromTheirLastDayAndUndatedFromOneHalfLife) {
  TieGraphBuilder b;
  // "2025" ends on 2025-12-31, the reference day: age 0, contribution 1.
  b.Add("country:A", "country:B", RelationType::kPartnership, "2025");
  // Undated: one half-life, 1.0 / 2.
  b.Add("country:A", "country:C", RelationType::kAgreement, "");
  auto view = std::move(b).Build();
  TieGraph ties = Build(*view, TestTieQuery());
  EXPECT_DOUBLE_EQ(TieOf(ties, "country:A", "country:B").score, 1.0);
  EXPECT_DOUBLE_EQ(TieOf(ties, "country:A", "country:C").score, 0.5);
}

TEST(TieGraph, OnlyCountriesAndOrganizationsAreVertices) {
  TieGraphBuilder b;
  b.Agreements("country:A", "org:eu", 1);
  b.Add("country:A", "city:X", RelationType::kVisit, "2025-12-31");
  b.Add("person:P", "country:A", RelationType::kMeeting, "2025-12-31");
  auto view = std::move(b).Build();
  TieGraph ties = Build(*view, TestTieQuery());
  EXPECT_EQ(ties.vertex_count(), 2u);
  EXPECT_EQ(ties.tie_count(), 1u);
  EXPECT_FALSE(ties.Find("city:X").has_value());
  EXPECT_FALSE(ties.Find("person:P").has_value());
}

TEST(TieGraph, WindowTypesAndKnownAsOfChooseTheRelations) {
  TieGraphBuilder b;
  b.Add("country:A", "country:B", RelationType::kAgreement, "2024-03-01");
  b.Add("country:A", "country:B", RelationType::kSanction, "2025-03-01");  // Cooling.
  b.Add("country:A", "country:C", RelationType::kAgreement, "2025-03-01", "2025-11-01");
  b.Add("country:B", "country:C", RelationType::kMeeting, "2025-06-01");
  auto view = std::move(b).Build();

  TieQuery in_2025 = TestTieQuery();
  in_2025.window = {DaysFromCivil(2025, 1, 1), DaysFromCivil(2026, 1, 1)};
  TieGraph ties = Build(*view, in_2025);
  // A - B has only the 2024 agreement and the sanction, which is no tie.
  EXPECT_EQ(ties.tie_count(), 2u);
  EXPECT_EQ(TieOf(ties, "country:A", "country:B").relations, 0);

  in_2025.known_as_of_day = DaysFromCivil(2025, 10, 1);  // Before A - C was reported.
  TieGraph known = Build(*view, in_2025);
  EXPECT_EQ(known.tie_count(), 1u);
  EXPECT_EQ(TieOf(known, "country:B", "country:C").relations, 1);

  TieQuery meetings = TestTieQuery();
  meetings.types.Add(RelationType::kMeeting);
  EXPECT_EQ(Build(*view, meetings).tie_count(), 1u);
}

TEST(TieGraph, RelationsOfATieNewestFirst) {
  TieGraphBuilder b;
  b.Add("country:A", "country:B", RelationType::kAgreement, "2020-01-01");  // id 1
  b.Add("country:A", "country:B", RelationType::kVisit, "2023-05-01");      // id 2
  b.Add("country:A", "country:B", RelationType::kSanction, "2024-01-01");   // id 3
  auto view = std::move(b).Build();
  TieGraph ties = Build(*view, TestTieQuery());
  EXPECT_THAT(ties.RelationsOf(*ties.Find("country:A"), *ties.Find("country:B")),
              ElementsAre(2u, 1u));
}

TEST(TieGraph, BadWeightingNamesTheField) {
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 1);
  auto view = std::move(b).Build();
  TieQuery query = TestTieQuery();
  query.weighting.half_life_days = 0;
  absl::StatusOr<TieGraph> ties = TieGraph::Build(*view, query);
  EXPECT_EQ(ties.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ties.status().message(), HasSubstr("half_life_days"));
}

TEST(TieGraph, PastDeadlineGivesATruncatedGraph) {
  TieGraphBuilder b;
  b.Agreements("country:A", "country:B", 1);
  auto view = std::move(b).Build();
  TieQuery query = TestTieQuery();
  query.deadline = absl::Now() - absl::Seconds(1);
  TieGraph ties = Build(*view, query);
  EXPECT_TRUE(ties.truncated());
  EXPECT_EQ(ties.truncation_reason(), "deadline");
  EXPECT_EQ(ties.tie_count(), 0u);
}

}  // namespace
}  // namespace entente::graph
