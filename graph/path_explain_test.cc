// What a path answer says about itself: how many relations of which types
// link each hop, which filters removed every path, and lasting states.

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "graph/path_finder.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

DateWithPrecision D(const char* text) { return *DateWithPrecision::Parse(text); }

// A relation reported on its own date unless `reported` says otherwise.
void Link(GraphViewBuilder& b, uint64_t id, const char* from, const char* to,
          RelationType type, const char* date, const char* reported = nullptr) {
  b.AddRelation(id, from, to, type, D(date), D(reported != nullptr ? reported : date));
}

TimeWindow Years(int from, int to) {
  return {DaysFromCivil(from, 1, 1), DaysFromCivil(to + 1, 1, 1)};
}

PathResult Find(const GraphView& view, PathQuery query) {
  absl::StatusOr<PathResult> result = FindPaths(view, query);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : PathResult();
}

TEST(PathExplain, EachHopCountsItsPassingRelationsByType) {
  GraphViewBuilder b;
  Link(b, 1, "country:A", "country:B", RelationType::kMeeting, "2019");
  Link(b, 2, "country:A", "country:B", RelationType::kMeeting, "2021");
  Link(b, 3, "country:B", "country:A", RelationType::kPartnership, "2020");
  Link(b, 4, "country:A", "country:B", RelationType::kSanction, "2022");
  Link(b, 5, "country:B", "country:C", RelationType::kVisit, "2018");
  auto view = std::move(b).Build();
  PathResult r =
      Find(*view,
           {.from = "country:A", .to = "country:C", .types = CooperativeRelationTypes()});
  ASSERT_EQ(r.paths.size(), 1u);
  const Path& path = r.paths[0];
  ASSERT_EQ(path.hops.size(), 2u);
  EXPECT_THAT(path.relations, ElementsAre(2u, 5u));  // The newest passing one.
  EXPECT_EQ(path.hops[0].relations, 3);              // Not the sanction.
  EXPECT_EQ(path.hops[0].by_type[static_cast<int>(RelationType::kMeeting)], 2);
  EXPECT_EQ(path.hops[0].by_type[static_cast<int>(RelationType::kPartnership)], 1);
  EXPECT_EQ(path.hops[0].by_type[static_cast<int>(RelationType::kSanction)], 0);
  EXPECT_EQ(path.hops[1].relations, 1);
  EXPECT_EQ(path.hops[1].by_type[static_cast<int>(RelationType::kVisit)], 1);
  EXPECT_THAT(r.blocking_filters, IsEmpty());
}

TEST(PathExplain, LastingStatesHoldInALaterWindow) {
  GraphViewBuilder b;
  Link(b, 1, "country:A", "country:B", RelationType::kDiplomaticRelations, "1993");
  Link(b, 2, "country:B", "country:C", RelationType::kMeeting, "2005");
  Link(b, 3, "country:A", "country:D", RelationType::kMeeting, "1993");
  Link(b, 4, "country:D", "country:C", RelationType::kMeeting, "2005");
  Link(b, 5, "country:C", "org:E", RelationType::kMembership, "1995-03");
  auto view = std::move(b).Build();
  PathResult r = Find(
      *view, {.from = "country:A", .to = "org:E", .k = 3, .window = Years(2000, 2010)});
  // Diplomatic relations of 1993 and the membership of 1995 still hold; the
  // meeting of 1993 was an event of 1993.
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_THAT(r.paths[0].entities,
              ElementsAre("country:A", "country:B", "country:C", "org:E"));
  // A state does not hold before it began.
  PathResult before =
      Find(*view, {.from = "country:A", .to = "country:B", .window = Years(1980, 1990)});
  EXPECT_TRUE(before.paths.empty());
}

TEST(PathExplain, SaysWhichFilterRemovedEveryPath) {
  GraphViewBuilder b;
  Link(b, 1, "country:A", "country:B", RelationType::kMeeting, "2010", "2015");
  Link(b, 2, "country:B", "country:C", RelationType::kSanction, "2012");
  Link(b, 3, "country:C", "country:D", RelationType::kMeeting, "2012");
  Link(b, 4, "country:D", "event:E", RelationType::kForum, "2012");
  Link(b, 5, "event:E", "country:F", RelationType::kForum, "2012");
  b.AddEntity("country:Z", EntityKind::kCountry);
  auto view = std::move(b).Build();
  const RelationTypeSet cooperative = CooperativeRelationTypes();
  EXPECT_THAT(
      Find(*view, {.from = "country:A", .to = "country:B", .window = Years(2020, 2021)})
          .blocking_filters,
      ElementsAre("window"));
  EXPECT_THAT(Find(*view, {.from = "country:A",
                           .to = "country:B",
                           .known_as_of_day = DaysFromCivil(2012, 1, 1)})
                  .blocking_filters,
              ElementsAre("known_as_of"));
  EXPECT_THAT(Find(*view, {.from = "country:B", .to = "country:C", .types = cooperative})
                  .blocking_filters,
              ElementsAre("types"));
  EXPECT_THAT(Find(*view, {.from = "country:D",
                           .to = "country:F",
                           .avoid_kinds = 1u << static_cast<int>(EntityKind::kEvent)})
                  .blocking_filters,
              ElementsAre("avoid_kinds"));
  EXPECT_THAT(Find(*view, {.from = "country:C", .to = "country:F", .max_hops = 2})
                  .blocking_filters,
              ElementsAre("max_hops"));
  // Only the two together remove the path: lifting either alone finds none.
  EXPECT_THAT(Find(*view, {.from = "country:A",
                           .to = "country:B",
                           .window = Years(2020, 2021),
                           .known_as_of_day = DaysFromCivil(2012, 1, 1)})
                  .blocking_filters,
              ElementsAre("window", "known_as_of"));
  // Not linked at all: no filter is to blame.
  EXPECT_THAT(
      Find(*view, {.from = "country:A", .to = "country:Z", .window = Years(2020, 2021)})
          .blocking_filters,
      IsEmpty());
}

}  // namespace
}  // namespace entente::graph
