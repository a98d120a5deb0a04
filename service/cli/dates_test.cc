#include "service/cli/dates.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

using ::testing::HasSubstr;

int32_t Day(int y, int m, int d) { return graph::DaysFromCivil(y, m, d); }

TEST(ParseDateOption, AcceptsThreePrecisions) {
  EXPECT_EQ(ParseDateOption("since", "2025")->ToString(), "2025");
  EXPECT_EQ(ParseDateOption("since", "2025-02")->ToString(), "2025-02");
  EXPECT_EQ(ParseDateOption("since", "2025-02-28")->ToString(), "2025-02-28");
}

TEST(ParseDateOption, NamesOptionAndValue) {
  absl::StatusOr<graph::DateWithPrecision> date = ParseDateOption("since", "2025-02-30");
  ASSERT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(date.status().message(),
            "--since: expected YYYY, YYYY-MM or YYYY-MM-DD, got '2025-02-30'");
  EXPECT_FALSE(ParseDateOption("until", "").ok());
  EXPECT_FALSE(ParseDateOption("until", "last week").ok());
}

TEST(ParseDateRange, SinceUntilCoverWholePeriods) {
  absl::StatusOr<DateRange> range = ParseDateRange("", "2025", "2025-06");
  ASSERT_TRUE(range.ok()) << range.status();
  graph::TimeWindow window = range->ToWindow();
  EXPECT_EQ(window.from_day, Day(2025, 1, 1));
  EXPECT_EQ(window.to_day, Day(2025, 7, 1));
}

TEST(ParseDateRange, BetweenAllowsOpenEnds) {
  absl::StatusOr<DateRange> range = ParseDateRange("2000-01-01,", "", "");
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->ToWindow().from_day, Day(2000, 1, 1));
  EXPECT_EQ(range->ToWindow().to_day, INT32_MAX);
  range = ParseDateRange(",2026", "", "");
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->ToWindow().from_day, INT32_MIN);
  EXPECT_EQ(range->ToWindow().to_day, Day(2027, 1, 1));
}

TEST(ParseDateRange, EmptyInputIsUnbounded) {
  absl::StatusOr<DateRange> range = ParseDateRange("", "", "");
  ASSERT_TRUE(range.ok());
  EXPECT_TRUE(range->unbounded());
  EXPECT_TRUE(range->ToWindow().unbounded());
}

TEST(ParseDateRange, RejectsMalformedAndEmptyRanges) {
  EXPECT_THAT(ParseDateRange("2020", "", "").status().message(),
              HasSubstr("--between: expected FROM,TO, got '2020'"));
  EXPECT_THAT(ParseDateRange("2020,20x", "", "").status().message(),
              HasSubstr("--between: expected YYYY"));
  EXPECT_THAT(ParseDateRange("2020,2019", "", "").status().message(),
              HasSubstr("empty date range: 2019 is before 2020"));
  EXPECT_THAT(ParseDateRange("2020,2021", "2020", "").status().message(),
              HasSubstr("cannot be combined"));
}

TEST(ParseDateRange, SameYearMonthIsNotEmpty) {
  absl::StatusOr<DateRange> range = ParseDateRange("2025-06,2025", "", "");
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->ToWindow().from_day, Day(2025, 6, 1));
}

}  // namespace
}  // namespace entente::service::cli
