#include <set>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "graph/internal/test_util.h"
#include "graph/store.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using testing::MakeRelation;
using testing::TempDir;

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(tmp_.path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    Write(RelationType::kMeeting, "country:KAZ", "country:PAK", "2024-05-01");
    Write(RelationType::kAgreement, "country:KAZ", "country:CHN", "2024");
    Write(RelationType::kVisit, "country:CHN", "country:KAZ", "2025-02");
    Write(RelationType::kMeeting, "country:PAK", "country:KAZ", "2026-01-15");
    Write(RelationType::kMeeting, "country:CHN", "country:PAK", "2026-01-16");
    Relation undated = MakeRelation(RelationType::kDiplomaticRelations, "country:KAZ",
                                    "country:PAK", "");
    ASSERT_TRUE(store_->WriteItem({}, {undated}).ok());
  }

  void Write(RelationType type, const std::string& a, const std::string& b,
             const std::string& date) {
    ASSERT_TRUE(store_->WriteItem({}, {MakeRelation(type, a, b, date)}).ok());
  }

  std::vector<std::string> Dates(const TimelineQuery& q) {
    absl::StatusOr<TimelinePage> page = store_->GetTimeline(q);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> dates;
    if (page.ok()) {
      for (const Relation& r : page->relations) dates.push_back(r.date.ToString());
    }
    return dates;
  }

  TempDir tmp_;
  std::unique_ptr<Store> store_;
};

TEST_F(TimelineTest, OldestFirstWithUndatedFirst) {
  EXPECT_THAT(Dates({.entity = "country:KAZ"}),
              ::testing::ElementsAre("", "2024", "2024-05-01", "2025-02", "2026-01-15"));
}

TEST_F(TimelineTest, NewestFirstWithUndatedLast) {
  EXPECT_THAT(Dates({.entity = "country:KAZ", .newest_first = true}),
              ::testing::ElementsAre("2026-01-15", "2025-02", "2024-05-01", "2024", ""));
}

TEST_F(TimelineTest, HalfOpenWindowKeepsOverlappingDates) {
  TimeWindow w{DaysFromCivil(2024, 6, 1), DaysFromCivil(2026, 1, 15)};
  // "2024" overlaps June 2024; 2026-01-15 is the excluded end.
  EXPECT_THAT(Dates({.entity = "country:KAZ", .window = w}),
              ::testing::ElementsAre("2024", "2025-02"));
}

TEST_F(TimelineTest, PairAndTypeFilters) {
  EXPECT_THAT(Dates({.entity = "country:PAK", .other = "country:KAZ"}),
              ::testing::ElementsAre("", "2024-05-01", "2026-01-15"));
  RelationTypeSet meetings;
  meetings.Add(RelationType::kMeeting);
  EXPECT_THAT(Dates({.entity = "country:PAK", .types = meetings}),
              ::testing::ElementsAre("2024-05-01", "2026-01-15", "2026-01-16"));
}

TEST_F(TimelineTest, TokenOfAnotherQueryIsRejected) {
  auto page = store_->GetTimeline({.entity = "country:KAZ", .page_size = 1});
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->next_page_token.empty());
  auto other = store_->GetTimeline(
      {.entity = "country:PAK", .page_size = 1, .page_token = page->next_page_token});
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  auto junk = store_->GetTimeline({.entity = "country:KAZ", .page_token = "%%%"});
  EXPECT_EQ(junk.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(TimelineTest, AnEditedTokenIsRejected) {
  auto page = store_->GetTimeline({.entity = "country:KAZ", .page_size = 1});
  ASSERT_TRUE(page.ok());
  const std::string token = page->next_page_token;
  ASSERT_GT(token.size(), 12u);
  // Every single-character edit of the token is caught (none may return a page).
  int rejected = 0, edits = 0;
  for (size_t k = 0; k < token.size(); ++k) {
    std::string edited = token;
    edited[k] = edited[k] == 'A' ? 'B' : 'A';
    ++edits;
    auto other = store_->GetTimeline(
        {.entity = "country:KAZ", .page_size = 1, .page_token = edited});
    rejected += other.status().code() == absl::StatusCode::kInvalidArgument;
  }
  EXPECT_EQ(rejected, edits);
  auto same =
      store_->GetTimeline({.entity = "country:KAZ", .page_size = 1, .page_token = token});
  EXPECT_TRUE(same.ok()) << same.status();
}

TEST(Timeline, PaginationStaysCorrectWhileWriting) {
  TempDir tmp;
  auto store = *Store::Open(tmp.path(), {});
  for (int day = 1; day <= 20; ++day) {
    ASSERT_TRUE(store
                    ->WriteItem({}, {MakeRelation(RelationType::kMeeting, "country:KAZ",
                                                  "country:C" + std::to_string(day),
                                                  absl::StrFormat("2020-01-%02d", day))})
                    .ok());
  }
  std::vector<std::string> seen;
  TimelineQuery q{.entity = "country:KAZ", .page_size = 3};
  int written = 0;
  while (true) {
    auto page = store->GetTimeline(q);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const Relation& r : page->relations) seen.push_back(r.date.ToString());
    if (page->next_page_token.empty()) break;
    q.page_token = page->next_page_token;
    // Between pages: one relation before the cursor, one after it.
    ++written;
    ASSERT_TRUE(
        store
            ->WriteItem({},
                        {MakeRelation(RelationType::kVisit, "country:KAZ", "country:X",
                                      "2019-12-31", written),
                         MakeRelation(RelationType::kVisit, "country:KAZ", "country:Y",
                                      absl::StrFormat("2020-02-%02d", written), written)})
            .ok());
  }
  // Every original relation once, in order; the later writes after the cursor
  // appear, the earlier ones do not.
  ASSERT_GE(seen.size(), 20u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
  EXPECT_EQ(seen.front(), "2020-01-01");
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "2019-12-31"), 0);
  EXPECT_EQ(seen.back(), absl::StrFormat("2020-02-%02d", written));
}

}  // namespace
}  // namespace entente::graph
