#include "importers/internal/gdelt_row.h"

#include <memory>
#include <random>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "graph/model.h"
#include "gtest/gtest.h"
#include "importers/internal/gdelt_test_rows.h"

namespace entente::importers::internal {
namespace {

using ::entente::importers::testing::GdeltTestRow;
using ::testing::HasSubstr;

// A parsed row with the line its views point into.
struct Parsed {
  Parsed(const GdeltTestRow& test_row, GdeltLayout layout) : line(test_row.Line()) {
    problem = ParseGdeltRow(line, layout, &row, &detail);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;

  const std::string line;
  RowProblem problem;
  GdeltRow row;
  std::string detail;
};

std::unique_ptr<Parsed> Parse(const GdeltTestRow& test_row,
                              GdeltLayout layout = GdeltLayout::kV2) {
  return std::make_unique<Parsed>(test_row, layout);
}

TEST(ParseGdeltRow, ReadsTheColumnsOfA20Row) {
  GdeltTestRow test_row;
  test_row.event_id = "410412348";
  test_row.actor2_type = "MIL";
  std::unique_ptr<Parsed> parsed = Parse(test_row);
  ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
  const GdeltRow& row = parsed->row;
  EXPECT_EQ(row.event_id, 410412348);
  EXPECT_EQ(row.day, graph::DaysFromCivil(2015, 2, 18));
  EXPECT_EQ(row.date_added, graph::DaysFromCivil(2015, 2, 18));
  EXPECT_EQ(row.actor1_code, "USAGOV");
  EXPECT_EQ(row.actor1_country, "USA");
  EXPECT_EQ(row.actor1_type, "GOV");
  EXPECT_EQ(row.actor2_code, "RUS");
  EXPECT_EQ(row.actor2_country, "RUS");
  EXPECT_EQ(row.actor2_type, "MIL");
  EXPECT_EQ(row.event_code, "042");
  EXPECT_EQ(row.event_root, 4);
  EXPECT_DOUBLE_EQ(row.goldstein, 1.9);
  EXPECT_DOUBLE_EQ(row.tone, 2.5);
  EXPECT_EQ(row.mentions, 5);
  EXPECT_EQ(row.sources, 1);
  EXPECT_EQ(row.articles, 5);
  EXPECT_EQ(row.source_url, "http://www.example.com/news/1");
}

TEST(ParseGdeltRow, Reads10RowsWithAndWithoutSourceUrl) {
  GdeltTestRow with_url;
  with_url.columns = 58;
  with_url.date_added = "20130401";
  std::unique_ptr<Parsed> parsed = Parse(with_url, GdeltLayout::kV1WithUrl);
  ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
  EXPECT_EQ(parsed->row.date_added, graph::DaysFromCivil(2013, 4, 1));
  EXPECT_EQ(parsed->row.source_url, "http://www.example.com/news/1");

  GdeltTestRow without_url = with_url;
  without_url.columns = 57;
  parsed = Parse(without_url, GdeltLayout::kV1);
  ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
  EXPECT_EQ(parsed->row.source_url, "");
}

TEST(ParseGdeltRow, IgnoresACarriageReturnBeforeTheLineBreak) {
  GdeltRow row;
  std::string detail;
  const std::string line = GdeltTestRow().Line() + "\r";
  ASSERT_EQ(ParseGdeltRow(line, GdeltLayout::kV2, &row, &detail), RowProblem::kNone);
  EXPECT_EQ(row.source_url, "http://www.example.com/news/1");
}

TEST(ParseGdeltRow, ReportsTheColumnCount) {
  GdeltTestRow short_row;
  short_row.columns = 58;
  short_row.date_added = "20150218";
  GdeltRow row;
  std::string detail;
  int columns = 0;
  EXPECT_EQ(ParseGdeltRow(short_row.Line(), GdeltLayout::kV2, &row, &detail, &columns),
            RowProblem::kColumns);
  EXPECT_EQ(columns, 58);
  EXPECT_EQ(detail, "58 tab-separated columns, expected 61");
}

struct BadField {
  const char* name;
  std::string GdeltTestRow::*field;
  const char* value;
  RowProblem problem;
  const char* detail;
};

class ParseGdeltRowBadField : public ::testing::TestWithParam<BadField> {};

TEST_P(ParseGdeltRowBadField, NamesTheFieldAndWhatWasExpected) {
  GdeltTestRow test_row;
  test_row.*GetParam().field = GetParam().value;
  std::unique_ptr<Parsed> parsed = Parse(test_row);
  EXPECT_EQ(parsed->problem, GetParam().problem);
  EXPECT_THAT(parsed->detail, HasSubstr(GetParam().detail));
}

INSTANTIATE_TEST_SUITE_P(
    Fields, ParseGdeltRowBadField,
    ::testing::Values(
        BadField{"EventIdNotANumber", &GdeltTestRow::event_id, "41x",
                 RowProblem::kEventId, "GlobalEventID '41x' is not a number from 1 to"},
        BadField{"EventIdZero", &GdeltTestRow::event_id, "0", RowProblem::kEventId,
                 "GlobalEventID '0'"},
        BadField{"EventIdAbove32Bits", &GdeltTestRow::event_id, "2147483648",
                 RowProblem::kEventId, "2147483647"},
        BadField{"DayMonth13", &GdeltTestRow::day, "20151318", RowProblem::kDay,
                 "Day '20151318' is not a date YYYYMMDD"},
        BadField{"DayFebruary30", &GdeltTestRow::day, "20150230", RowProblem::kDay,
                 "Day '20150230'"},
        BadField{"DaySevenDigits", &GdeltTestRow::day, "2015021", RowProblem::kDay,
                 "Day '2015021'"},
        BadField{"CountryLowerCase", &GdeltTestRow::actor1_country, "usa",
                 RowProblem::kCountryCode,
                 "country code 'usa' is not a CAMEO country code"},
        BadField{"CountryFourLetters", &GdeltTestRow::actor2_country, "RUSS",
                 RowProblem::kCountryCode, "'RUSS'"},
        BadField{"EventCodeTwoDigits", &GdeltTestRow::event_code, "04",
                 RowProblem::kEventCode, "EventCode '04' is not a CAMEO event code"},
        BadField{"EventCodeLetter", &GdeltTestRow::event_code, "04x",
                 RowProblem::kEventCode, "'04x'"},
        BadField{"EventCodeRoot21", &GdeltTestRow::event_code, "211",
                 RowProblem::kEventCode, "root 01-20"},
        BadField{"EventCodeRoot00", &GdeltTestRow::event_code, "001",
                 RowProblem::kEventCode, "'001'"},
        BadField{"GoldsteinText", &GdeltTestRow::goldstein, "high", RowProblem::kNumber,
                 "GoldsteinScale 'high'"},
        BadField{"GoldsteinAbove10", &GdeltTestRow::goldstein, "10.5",
                 RowProblem::kNumber, "Goldstein -10..10"},
        BadField{"ToneNotFinite", &GdeltTestRow::tone, "nan", RowProblem::kNumber,
                 "AvgTone 'nan'"},
        BadField{"MentionsNegative", &GdeltTestRow::mentions, "-1", RowProblem::kNumber,
                 "NumMentions '-1'"},
        BadField{"DateAddedWithoutTime", &GdeltTestRow::date_added, "20150218",
                 RowProblem::kDateAdded, "DATEADDED '20150218' is not YYYYMMDDHHMMSS"},
        BadField{"UrlNotUtf8", &GdeltTestRow::url, "http://e.com/\xff\xfe",
                 RowProblem::kText, "SOURCEURL, is not UTF-8"},
        BadField{"UrlOverlongSlash", &GdeltTestRow::url, "http://e.com/\xc0\xaf",
                 RowProblem::kText, "not UTF-8"},
        BadField{"UrlSurrogate", &GdeltTestRow::url, "http://e.com/\xed\xa0\x80",
                 RowProblem::kText, "not UTF-8"},
        BadField{"UrlCutInACharacter", &GdeltTestRow::url, "http://e.com/caf\xc3",
                 RowProblem::kText, "not UTF-8"},
        BadField{"ActorCodeNotUtf8", &GdeltTestRow::actor2_code, "RUS\x80",
                 RowProblem::kText, "not UTF-8"},
        BadField{"DateAddedHour24", &GdeltTestRow::date_added, "20150218240000",
                 RowProblem::kDateAdded, "'20150218240000'"}),
    [](const ::testing::TestParamInfo<BadField>& p) { return p.param.name; });

TEST(ParseGdeltRow, WantsAShortDateAddedIn10Files) {
  GdeltTestRow test_row;
  test_row.columns = 58;
  test_row.date_added = "20150218230000";
  std::unique_ptr<Parsed> parsed = Parse(test_row, GdeltLayout::kV1WithUrl);
  EXPECT_EQ(parsed->problem, RowProblem::kDateAdded);
  EXPECT_THAT(parsed->detail, HasSubstr("is not YYYYMMDD"));
}

TEST(ParseGdeltRow, AcceptsUtf8Urls) {
  GdeltTestRow test_row;
  test_row.url =
      "https://www.lemonde.fr/international/article/caf\xc3\xa9-\xe2\x82\xac-"
      "\xf0\x9f\x98\x80.html";
  std::unique_ptr<Parsed> parsed = Parse(test_row);
  ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
  EXPECT_EQ(parsed->row.source_url, test_row.url);
}

TEST(ParseGdeltRow, AcceptsBlankCountryCodesAndFourDigitEventCodes) {
  GdeltTestRow test_row;
  test_row.actor1_country = "";
  test_row.event_code = "1621";
  std::unique_ptr<Parsed> parsed = Parse(test_row);
  ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
  EXPECT_EQ(parsed->row.event_root, 16);
  EXPECT_EQ(parsed->row.actor1_country, "");
}

// The tab scan reads eight bytes at a time: on seeded random lines of every
// length and tab density, it must count what a plain split counts, and a row
// padded in random places must still give its fields.
TEST(ParseGdeltRow, CountsColumnsLikeASplitWhereverTheTabsFall) {
  std::mt19937 rng(42);
  for (int n = 0; n < 3000; ++n) {
    std::string line(rng() % 300, 'x');
    const unsigned density = 1 + rng() % 8;
    for (char& c : line) {
      if (rng() % density == 0) c = '\t';
    }
    GdeltRow row;
    std::string detail;
    int columns = 0;
    ParseGdeltRow(line, GdeltLayout::kV2, &row, &detail, &columns);
    const std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    EXPECT_EQ(columns, static_cast<int>(fields.size())) << line;
  }
  for (int n = 0; n < 200; ++n) {
    GdeltTestRow test_row;
    test_row.actor1_code = std::string(rng() % 20, 'U') + "SA";
    test_row.url = "http://e.com/" + std::string(rng() % 40, 'p');
    std::unique_ptr<Parsed> parsed = Parse(test_row);
    ASSERT_EQ(parsed->problem, RowProblem::kNone) << parsed->detail;
    EXPECT_EQ(parsed->row.actor1_code, test_row.actor1_code);
    EXPECT_EQ(parsed->row.source_url, test_row.url);
    EXPECT_EQ(parsed->row.event_code, "042");
  }
}

TEST(LayoutWithColumns, KnowsTheThreeLayouts) {
  EXPECT_EQ(LayoutWithColumns(57), GdeltLayout::kV1);
  EXPECT_EQ(LayoutWithColumns(58), GdeltLayout::kV1WithUrl);
  EXPECT_EQ(LayoutWithColumns(61), GdeltLayout::kV2);
  EXPECT_EQ(LayoutWithColumns(60), std::nullopt);
  EXPECT_EQ(CountColumns("a\tb\t\tc"), 4);
  EXPECT_EQ(CountColumns(""), 1);
}

}  // namespace
}  // namespace entente::importers::internal
