// DateOf and TargetYear read a frame match in its item; they are tested through the
// extractor on small invented items, where every stage before them is real.
#include "importers/internal/dating.h"

#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using graph::DateWithPrecision;

// 2025-03-13 is a Thursday.
const DateWithPrecision kThursday = DateWithPrecision::Day(2025, 3, 13);

std::vector<std::string> Extract(const std::string& headline,
                                 const std::vector<std::string>& paragraphs,
                                 DateWithPrecision published = kThursday) {
  return testing::Summaries(testing::SharedExtractor().Extract(
      testing::MakeItem(headline, paragraphs, published)));
}

using Lines = std::vector<std::string>;

TEST(DateOf, AStorysLaterSectionKeepsNoneOfTheLeadsDay) {
  DigestItem item = testing::MakeItem(
      "Leaders meet in Lima",
      {"LIMA, March 13 (Wire) - The regional summit closed in Lima today.",
       "Chile and Peru signed a fisheries agreement."},
      kThursday);
  EXPECT_EQ(testing::Summaries(testing::SharedExtractor().Extract(item)),
            (Lines{"agreement country:CHL country:PER 2025-03-13"}));
  // Under a heading of its own ("ON THE SIDELINES"), the undated signing is the
  // report's news of its month, not the lead's day.
  item.paragraphs[1].opens_section = true;
  EXPECT_EQ(testing::Summaries(testing::SharedExtractor().Extract(item)),
            (Lines{"agreement country:CHL country:PER 2025-03"}));
}

TEST(DateOf, AWeekdayIsTheLastSuchDayUpToTheReport) {
  EXPECT_EQ(Extract("Chile, Peru sign fisheries deal",
                    {"Chile and Peru signed a fisheries agreement on Tuesday."}),
            (Lines{"agreement country:CHL country:PER 2025-03-11"}));
}

TEST(DateOf, ADecemberDayInAJanuaryReportIsInTheYearBefore) {
  EXPECT_EQ(Extract("Ghana, Togo sign trade deal",
                    {"Ghana and Togo signed a trade agreement on Dec. 30."},
                    DateWithPrecision::Day(2026, 1, 5)),
            (Lines{"agreement country:GHA country:TGO 2025-12-30"}));
}

TEST(DateOf, SinceAYearDatesAPartnershipThatStillHolds) {
  EXPECT_EQ(Extract("Chile, Peru hail ties",
                    {"Chile and Peru have been strategic partners since 2006."}),
            (Lines{"partnership country:CHL country:PER 2006"}));
}

TEST(DateOf, SinceAYearIsNoEventsDate) {
  EXPECT_EQ(Extract("Chile, Peru deals",
                    {"Chile has signed five agreements with Peru since 2006."}),
            (Lines{"agreement country:CHL country:PER 2025-03"}));
}

TEST(DateOf, AnAnniversaryCountsBackFromTheReportsYear) {
  EXPECT_EQ(
      Extract("Chile, Peru mark anniversary",
              {"Chile and Peru marked the 50th anniversary of diplomatic relations on "
               "Tuesday."}),
      (Lines{"diplomatic_relations country:CHL country:PER 1975"}));
}

TEST(DateOf, AnAnniversaryCountsBackFromTheYearTheTextGives) {
  EXPECT_EQ(Extract("Chile, Peru mark anniversary",
                    {"In 2024, Chile and Peru marked the 30th anniversary of diplomatic "
                     "relations."}),
            (Lines{"diplomatic_relations country:CHL country:PER 1994"}));
}

TEST(DateOf, AVisitOfSeveralDaysIsDatedByItsMonth) {
  EXPECT_EQ(Extract("Chilean president visits Peru",
                    {"Chilean President Ramon Ortiz Vega visited Peru on March 3-5."}),
            (Lines{"visit country:CHL country:PER 2025-03"}));
}

TEST(DateOf, ADayPinnedRightAfterAVisitIsItsDate) {
  EXPECT_EQ(
      Extract("Chilean president visits Peru",
              {"Chilean President Ramon Ortiz Vega paid a visit to Peru on March 3."}),
      (Lines{"visit country:CHL country:PER 2025-03-03"}));
}

// Today a visit named by a multi-word trigger ("state visit", "official visit")
// loses its pinned day: the check reads the lemma of the trigger's first word.
TEST(DateOf, ADayPinnedRightAfterAStateVisitIsItsDate) {
  EXPECT_EQ(
      Extract(
          "Chilean president visits Peru",
          {"Chilean President Ramon Ortiz Vega paid a state visit to Peru on March 3."}),
      (Lines{"visit country:CHL country:PER 2025-03-03"}));
}

TEST(DateOf, AnUndatedPastEventTakesTheLeadsDate) {
  EXPECT_EQ(
      Extract("Chile, Peru leaders meet",
              {"Chilean President Ramon Ortiz Vega met Peruvian President Dario Mesa in "
               "Lima on March 4.",
               "The two leaders signed a fisheries agreement."}),
      (Lines{"agreement country:CHL country:PER 2025-03-04",
             "meeting country:CHL country:PER 2025-03-04"}));
}

TEST(TargetYear, ByAYearIsTheTargetNotTheDate) {
  ItemExtraction x = testing::SharedExtractor().Extract(testing::MakeItem(
      "Chile, Peru set trade goal",
      {"Chile and Peru agreed to raise bilateral trade to $5 billion by 2030."},
      kThursday));
  EXPECT_EQ(testing::Summaries(x),
            (Lines{"trade_target country:CHL country:PER 2025-03"}));
  ASSERT_EQ(x.relations.size(), 1u);
  auto by_year = x.relations[0].attributes.find("by_year");
  ASSERT_NE(by_year, x.relations[0].attributes.end());
  EXPECT_EQ(by_year->second, graph::AttributeValue(int64_t{2030}));
}

TEST(DateOf, AFutureStatementTakesTheReportsMonthNotTheLeadsDate) {
  EXPECT_EQ(
      Extract("Chile, Peru leaders meet",
              {"Chilean President Ramon Ortiz Vega met Peruvian President Dario Mesa in "
               "Lima on March 4.",
               "The two leaders will raise bilateral trade to $5 billion by 2030."}),
      (Lines{"trade_target country:CHL country:PER 2025-03",
             "meeting country:CHL country:PER 2025-03-04"}));
}

}  // namespace
}  // namespace entente::importers::internal
