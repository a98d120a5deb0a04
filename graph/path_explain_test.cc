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

TEST(PathExplain, ABreakOfRelationsEndsTheStatesBeforeIt) {
  GraphViewBuilder b;
  const EdgeFacts breaks{.ends_states = true};
  Link(b, 1, "country:A", "country:B", RelationType::kDiplomaticRelations, "1993");
  Link(b, 2, "country:A", "country:B", RelationType::kPartnership, "2001-06");
  b.AddRelation(3, "country:A", "country:B", RelationType::kDowngrade, D("2008-03-10"),
                D("2008-03-11"), breaks);
  // Restored relations are a new state, from their own date.
  Link(b, 4, "country:A", "country:B", RelationType::kDiplomaticRelations, "2015");
  // A recalled ambassador ends nothing.
  Link(b, 5, "country:C", "country:D", RelationType::kPartnership, "2000");
  Link(b, 6, "country:C", "country:D", RelationType::kDowngrade, "2004");
  auto view = std::move(b).Build();
  RelationTypeSet states;
  states.Add(RelationType::kDiplomaticRelations);
  states.Add(RelationType::kPartnership);
  auto hop = [&](const char* from, const char* to, TimeWindow window,
                 int32_t known_as_of_day = INT32_MAX) {
    PathResult r = Find(*view, {.from = from,
                                .to = to,
                                .types = states,
                                .window = window,
                                .known_as_of_day = known_as_of_day});
    return r.paths.empty() ? 0 : r.paths[0].hops[0].relations;
  };
  // Both states held in 2005; only the relations of 1993 in 1995.
  EXPECT_EQ(hop("country:A", "country:B", Years(2005, 2006)), 2);
  EXPECT_EQ(hop("country:A", "country:B", Years(1995, 1996)), 1);
  // A window that overlaps the break keeps them: they held in its first months.
  EXPECT_EQ(hop("country:A", "country:B", Years(2008, 2009)), 2);
  // After the break they are gone; from 2015 the restored relations hold.
  EXPECT_EQ(hop("country:A", "country:B", Years(2010, 2012)), 0);
  EXPECT_EQ(hop("country:A", "country:B", Years(2016, 2017)), 1);
  // Known as of a day before the break was reported, the states still hold.
  EXPECT_EQ(hop("country:A", "country:B", Years(2010, 2012), DaysFromCivil(2008, 3, 10)),
            2);
  EXPECT_EQ(hop("country:C", "country:D", Years(2010, 2012)), 1);
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
