#include "importers/internal/dates.h"

#include "gtest/gtest.h"
#include "importers/internal/tagger.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using graph::DateWithPrecision;

std::vector<std::string> Dates(absl::string_view text, DateWithPrecision reference,
                               DateWithPrecision previous = {}) {
  std::vector<Token> tokens = Tokenize(text, 0);
  std::vector<std::string> out;
  for (const DateMention& d : FindDates(tokens, {reference, previous})) {
    out.push_back(d.date.ToString());
  }
  return out;
}

const DateWithPrecision kFeb5 = DateWithPrecision::Day(2026, 2, 5);  // A Thursday.

TEST(FindDates, AReportedFutureDayJustBeforeTheReportStaysThere) {
  const DateWithPrecision jan3 = DateWithPrecision::Day(2026, 1, 3);
  EXPECT_EQ(Dates("said it would take over on Jan. 1", jan3),
            std::vector<std::string>{"2026-01-01"});
  // "will" looks ahead from the report itself.
  EXPECT_EQ(Dates("it will take over on Jan. 1", jan3),
            std::vector<std::string>{"2027-01-01"});
  // A reported future far behind the report is the next such day.
  EXPECT_EQ(Dates("said it would take over on Dec. 1", jan3),
            std::vector<std::string>{"2026-12-01"});
}

TEST(FindDates, AFutureDayWrittenDayFirstIsTheNextSuchDay) {
  const DateWithPrecision jan3 = DateWithPrecision::Day(2026, 1, 3);
  EXPECT_EQ(Dates("it will take over on 1 January", jan3),
            std::vector<std::string>{"2027-01-01"});
  EXPECT_EQ(Dates("the fair will open on 14 November", jan3),
            std::vector<std::string>{"2026-11-14"});
  // Told in the past, the latest such day.
  EXPECT_EQ(Dates("the fair opened on 14 November", jan3),
            std::vector<std::string>{"2025-11-14"});
}

TEST(FindDates, NextMonthIsTheFirstSuchMonthAfterTheReport) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Dates("the summit meets next November", kFeb5), V{"2026-11"});
  EXPECT_EQ(Dates("the summit meets next January", kFeb5), V{"2027-01"});
  EXPECT_EQ(Dates("the summit meets next February", kFeb5), V{"2027-02"});
  EXPECT_EQ(Dates("the summit met last November", kFeb5), V{"2025-11"});
}

TEST(FindDates, TheComingYearIsTheNextAndAYearMayBeASubject) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Dates("the coming year will mark the anniversary", kFeb5), V{"2027"});
  EXPECT_EQ(Dates("2027 will mark the anniversary", kFeb5), V{"2027"});
  // A year before a noun is no date of its own ("2024 elections" is a name).
  EXPECT_EQ(Dates("the 2024 elections were won", kFeb5), V{});
  // "coming" without "the" is no period.
  EXPECT_EQ(Dates("a coming year of talks", kFeb5), V{});
}

TEST(FindDates, ADayAMeasureTakesEffectOnIsTheNextSuchDaySoonAfter) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Dates("tariffs effective March 1", kFeb5), V{"2026-03-01"});
  EXPECT_EQ(Dates("a ban starting from 20 April", kFeb5), V{"2026-04-20"});
  // A day already past stays in the report's year; one far ahead is last year's.
  EXPECT_EQ(Dates("tariffs effective January 20", kFeb5), V{"2026-01-20"});
  EXPECT_EQ(Dates("tariffs effective December 30", kFeb5), V{"2025-12-30"});
  // With no such word, a later day is last year's, as news tells the past.
  EXPECT_EQ(Dates("tariffs imposed on March 1", kFeb5), V{"2025-03-01"});
}

TEST(FindDates, AWeekdayBeforeAWrittenDayIsThatDay) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Dates("held on Tuesday, 8 October 2024, in Vientiane", kFeb5),
            V{"2024-10-08"});
  EXPECT_EQ(Dates("signed on Monday 2 February", kFeb5), V{"2026-02-02"});
  // Apart, each is its own date.
  EXPECT_EQ(Dates("met on Tuesday and signed on 8 October 2024", kFeb5),
            (V{"2026-02-03", "2024-10-08"}));
}

TEST(FindDates, InTheMonthIsTheMonthTheTextGaveLast) {
  std::vector<Token> tokens = Tokenize("Trade totalled $12 billion in the month.", 0);
  DateContext ctx{kFeb5, {}, {}, DateWithPrecision::Month(2026, 1)};
  std::vector<DateMention> d = FindDates(tokens, ctx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.ToString(), "2026-01");
  // "the month of May" is that month, not the one before.
  EXPECT_EQ(Dates("in the month of May 2024", kFeb5),
            std::vector<std::string>{"2024-05"});
}

TEST(FindDates, AMonthThatYearIsOfTheYearTheTextGaveLast) {
  std::vector<Token> tokens = Tokenize("In April that year, the EU acted.", 0);
  DateContext ctx{kFeb5, {}, DateWithPrecision::Month(2022, 2)};
  std::vector<DateMention> d = FindDates(tokens, ctx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.ToString(), "2022-04");
}

TEST(FindDates, NumericDatesDottedSlashedOrIso) {
  EXPECT_EQ(Dates("signed on 17.04.2025", kFeb5), std::vector<std::string>{"2025-04-17"});
  EXPECT_EQ(Dates("signed on 2025-04-17", kFeb5), std::vector<std::string>{"2025-04-17"});
  // Day first, unless only the month-first reading is a date.
  EXPECT_EQ(Dates("signed on 5/4/2025", kFeb5), std::vector<std::string>{"2025-04-05"});
  EXPECT_EQ(Dates("signed on 4/21/2025", kFeb5), std::vector<std::string>{"2025-04-21"});
  // Spaced slashes and impossible days are no date.
  EXPECT_EQ(Dates("a score of 4 / 21 / 2025", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("code 31/31/2025", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_TRUE(Dates("page 2025-13-40", kFeb5).empty());
}

TEST(FindDates, OrdinalDaysAreDays) {
  EXPECT_EQ(Dates("signed on March 14th", kFeb5), std::vector<std::string>{"2025-03-14"});
  EXPECT_EQ(Dates("signed on the 3rd of February", kFeb5),
            std::vector<std::string>{"2026-02-03"});
  // "on the 3rd" alone: the report's month, or the one before when it is still ahead.
  EXPECT_EQ(Dates("signed on the 3rd, officials said", kFeb5),
            std::vector<std::string>{"2026-02-03"});
  EXPECT_EQ(Dates("signed on the 14th.", kFeb5), std::vector<std::string>{"2026-01-14"});
  // An ordinal before a noun counts something else.
  EXPECT_TRUE(Dates("talks resumed on the 14th day of the strike", kFeb5).empty());
}

TEST(FindDates, ADayRangeWrittenWithToIsItsMonth) {
  const DateWithPrecision nov25 = DateWithPrecision::Day(2024, 11, 25);
  EXPECT_EQ(Dates("held in Baku from 11 to 22 November", nov25),
            std::vector<std::string>{"2024-11"});
  EXPECT_EQ(Dates("held in Baku on 22 November", nov25),
            std::vector<std::string>{"2024-11-22"});
  EXPECT_EQ(Dates("held in Baku on 21 and 22 November", nov25),
            std::vector<std::string>{"2024-11"});
  EXPECT_EQ(Dates("a visit from November 19 to 21", nov25),
            std::vector<std::string>{"2024-11"});
  EXPECT_EQ(Dates("talks on November 19, 2024 and 2025", nov25),
            (std::vector<std::string>{"2024-11-19", "2025"}));
}

TEST(FindDates, AYearAfterByIsAYearWhateverFollows) {
  const DateWithPrecision jan10 = DateWithPrecision::Day(2025, 1, 10);
  EXPECT_EQ(Dates("$2 billion in trade by 2030 during talks", jan10),
            std::vector<std::string>{"2030"});
  // A year followed by a unit is an amount, not a date.
  EXPECT_TRUE(Dates("exported 2030 tonnes of tea", jan10).empty());
}

TEST(FindDates, TheSameDayIsTheDayGivenLast) {
  const DateWithPrecision feb20 = DateWithPrecision::Day(2025, 2, 20);
  EXPECT_EQ(Dates("signed on Wednesday and said so on the same day", feb20),
            (std::vector<std::string>{"2025-02-19", "2025-02-19"}));
}

TEST(FindDates, OfTheYearIsTheReportsYear) {
  const DateWithPrecision sep10 = DateWithPrecision::Day(2024, 9, 10);
  EXPECT_EQ(Dates("reached 3 billion euros in the first half of the year", sep10),
            std::vector<std::string>{"2024"});
  EXPECT_TRUE(Dates("the deal of the century", sep10).empty());
}

TEST(FindDates, AMonthRangeWrittenApartIsItsYear) {
  EXPECT_EQ(Dates("trade grew 11% in January \u2013 April", kFeb5),
            std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("in January to April 2023", kFeb5), std::vector<std::string>{"2023"});
  EXPECT_EQ(Dates("in January-June", kFeb5), std::vector<std::string>{"2025"});
}

TEST(FindDates, AMonthWithLastYearOrThatYear) {
  EXPECT_EQ(Dates("the ban imposed in August last year", kFeb5),
            std::vector<std::string>{"2025-08"});
  std::vector<Token> tokens = Tokenize("talks in 2019 and in November of that year", 0);
  std::vector<std::string> got;
  for (const DateMention& d : FindDates(tokens, {kFeb5, {}}))
    got.push_back(d.date.ToString());
  EXPECT_EQ(got, (std::vector<std::string>{"2019", "2019-11"}));
}

TEST(FindDates, EveryMonthAbbreviationWithoutAPeriodStartsADate) {
  EXPECT_EQ(Dates("signed on Jun 9", kFeb5), std::vector<std::string>{"2025-06-09"});
  EXPECT_EQ(Dates("signed on Jul 9", kFeb5), std::vector<std::string>{"2025-07-09"});
  EXPECT_EQ(Dates("signed on Sept 9", kFeb5), std::vector<std::string>{"2025-09-09"});
  EXPECT_EQ(Dates("signed on Sep 9", kFeb5), std::vector<std::string>{"2025-09-09"});
}

TEST(FindDates, MidOrEarlyMonthIsTheLatestSuchMonth) {
  EXPECT_EQ(Dates("the minister visited in mid-June", kFeb5),
            std::vector<std::string>{"2025-06"});
  EXPECT_EQ(Dates("talks in early-January", kFeb5), std::vector<std::string>{"2026-01"});
  EXPECT_EQ(Dates("signed in late-March 2019", kFeb5),
            std::vector<std::string>{"2019-03"});
}

TEST(FindDates, YearsOrMonthsAgoCountBackFromTheReport) {
  EXPECT_EQ(Dates("they first met three years ago", kFeb5),
            std::vector<std::string>{"2023"});
  EXPECT_EQ(Dates("they first met a year ago", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("they first met a month ago", kFeb5),
            std::vector<std::string>{"2026-01"});
  EXPECT_TRUE(Dates("they met a year before the war", kFeb5).empty());
  EXPECT_EQ(Dates("the deal signed two months earlier", kFeb5),
            std::vector<std::string>{"2025-12"});
}

TEST(FindDates, TheNextMorningIsTheDayAfterTheLastDayNamed) {
  EXPECT_EQ(Dates("arrived on Monday evening and was welcomed the next morning", kFeb5),
            (std::vector<std::string>{"2026-02-02", "2026-02-03"}));
}

TEST(FindDates, FromOneWeekdayToAnotherIsTheirMonth) {
  EXPECT_EQ(Dates("the summit ran from Monday to Wednesday", kFeb5),
            std::vector<std::string>{"2026-02"});
}

TEST(FindDates, ADayWithLastYearOrThatYear) {
  EXPECT_EQ(Dates("a visit on 12 March last year", kFeb5),
            std::vector<std::string>{"2025-03-12"});
  EXPECT_EQ(Dates("talks on Oct. 3 next year", kFeb5),
            std::vector<std::string>{"2027-10-03"});
  EXPECT_EQ(Dates("in 2019 and on 4 June of that year", kFeb5),
            (std::vector<std::string>{"2019", "2019-06-04"}));
}

TEST(FindDates, TheDayBeforeOrAfterCountsFromTheLastDayNamed) {
  const DateWithPrecision previous = DateWithPrecision::Day(2026, 1, 20);
  EXPECT_EQ(Dates("The day before, the ministers met.", kFeb5, previous),
            std::vector<std::string>{"2026-01-19"});
  EXPECT_EQ(Dates("A day later they signed.", kFeb5, previous),
            std::vector<std::string>{"2026-01-21"});
  // The day after an event the text names is that event's, not known here.
  EXPECT_TRUE(Dates("the day after the summit", kFeb5, previous).empty());
  // Without a day named before, nothing.
  EXPECT_TRUE(Dates("The day before, the ministers met.", kFeb5).empty());
}

TEST(FindDates, TheFollowingYearCountsFromTheLastDateNamed) {
  EXPECT_EQ(Dates("a pact in June 2011, and a loan the following year", kFeb5),
            (std::vector<std::string>{"2011-06", "2012"}));
  EXPECT_EQ(Dates("talks in August 2019 and a deal the following month", kFeb5),
            (std::vector<std::string>{"2019-08", "2019-09"}));
  EXPECT_EQ(Dates("a treaty in 2008; the previous year, a visit", kFeb5),
            (std::vector<std::string>{"2008", "2007"}));
  // Opening a sentence, from the item's last event.
  const DateWithPrecision previous = DateWithPrecision::Day(2017, 3, 2);
  EXPECT_EQ(Dates("The following year they met again.", kFeb5, previous),
            std::vector<std::string>{"2018"});
  // A month after a date known only to its year is not known.
  EXPECT_EQ(Dates("a treaty in 2008 and a protocol the following month", kFeb5),
            std::vector<std::string>{"2008"});
}

TEST(FindDates, YearsOrMonthsEarlierOrLaterCountFromTheLastDateNamed) {
  EXPECT_EQ(Dates("joined in May 2019, and Peru a year later", kFeb5),
            (std::vector<std::string>{"2019-05", "2020"}));
  EXPECT_EQ(Dates("signed in March 2021; talks had begun two months earlier", kFeb5),
            (std::vector<std::string>{"2021-03", "2021-01"}));
  // An amount "a year earlier" than a month is that month's a year back.
  EXPECT_EQ(
      Dates("fell to $5 billion in March 2025 from $6 billion a year earlier", kFeb5),
      (std::vector<std::string>{"2025-03", "2024-03"}));
  // After a word of comparison, the period is a change's baseline: no date.
  EXPECT_EQ(Dates("trade rose in 2024, 14% more than a year earlier", kFeb5),
            std::vector<std::string>{"2024"});
  EXPECT_EQ(Dates("up 7.5 per cent on the previous year", kFeb5),
            std::vector<std::string>{});
  EXPECT_EQ(Dates("in 2025, up 18% on the same period last year", kFeb5),
            std::vector<std::string>{"2025"});
}

TEST(FindDates, DecadesAfterCountBackFromTheDayNamedForTheClauseAfter) {
  std::vector<Token> tokens = Tokenize(
      "Kenya opened its embassy on Thursday, five decades after the two "
      "countries established relations.",
      0);
  TagTokens(testing::SharedKnowledge().lexicon(), tokens);
  std::vector<std::string> out;
  for (const DateMention& d : FindDates(tokens, {kFeb5, {}})) {
    out.push_back(d.date.ToString());
  }
  EXPECT_EQ(out, (std::vector<std::string>{"2026-02-05", "1976"}));
}

TEST(FindDates, TheEveOfAnEventIsTheDayBeforeTheLastDayNamed) {
  const DateWithPrecision previous = DateWithPrecision::Day(2026, 1, 20);
  EXPECT_EQ(Dates("On the eve of the forum, the two met.", kFeb5, previous),
            std::vector<std::string>{"2026-01-19"});
  // Without a day named before, nothing: the eve of what is not known.
  EXPECT_TRUE(Dates("On the eve of the forum, the two met.", kFeb5).empty());
}

TEST(FindDates, AFiscalYearWrittenFYIsTheYearItEndsIn) {
  EXPECT_EQ(Dates("trade stood at Rs 96,500 crore in FY25", kFeb5),
            std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("exports in FY2024 rose", kFeb5), std::vector<std::string>{"2024"});
  // Not a word that only starts so.
  EXPECT_TRUE(Dates("the FYI note", kFeb5).empty());
}

TEST(FindDates, AFiscalYearSpanIsTheYearItEndsIn) {
  EXPECT_EQ(Dates("trade reached $4 billion in 2022-23", kFeb5),
            std::vector<std::string>{"2023"});
  EXPECT_EQ(Dates("in the 2024\u201325 season", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("in fiscal 2024/25", kFeb5), std::vector<std::string>{"2025"});
  // Not a span of one year to the next: no date.
  EXPECT_TRUE(Dates("in 2022-25", kFeb5).empty());
}

TEST(FindDates, ADayRangeIsKnownToTheMonth) {
  EXPECT_EQ(Dates("a summit in Lima on 8-9 August 2025", kFeb5),
            std::vector<std::string>{"2025-08"});
  EXPECT_EQ(Dates("visiting on Feb. 2-3", kFeb5), std::vector<std::string>{"2026-02"});
}

TEST(DatesAnAmount, TodayAfterAnAmountDatesTheAmount) {
  std::vector<Token> tokens = Tokenize("trade up from $1.6 billion today", 0);
  std::vector<DateMention> dates = FindDates(tokens, {kFeb5, {}});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_TRUE(DatesAnAmount(tokens, dates[0]));
  tokens = Tokenize("the two leaders met today", 0);
  dates = FindDates(tokens, {kFeb5, {}});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_FALSE(DatesAnAmount(tokens, dates[0]));
  // A period's last year is no amount: "today" dates the adoption.
  tokens = Tokenize("adopted a plan for 2026\u20132030 today", 0);
  dates = FindDates(tokens, {kFeb5, {}});
  ASSERT_FALSE(dates.empty());
  EXPECT_FALSE(DatesAnAmount(tokens, dates.back()));
}

TEST(FindDates, MonthDayTakesTheReportedYear) {
  EXPECT_EQ(Dates("reported Trend on Feb. 5.", kFeb5),
            std::vector<std::string>{"2026-02-05"});
}

TEST(FindDates, DecemberInAJanuaryDigestIsLastYear) {
  EXPECT_EQ(Dates("on Dec. 30", DateWithPrecision::Day(2026, 1, 3)),
            std::vector<std::string>{"2025-12-30"});
  // Told as news, a day after the report lies in the year before; a future-tense
  // phrase moves it ahead.
  EXPECT_EQ(Dates("took office on Jan. 1", DateWithPrecision::Day(2025, 12, 21)),
            std::vector<std::string>{"2025-01-01"});
  EXPECT_EQ(Dates("will take over on Jan. 1", DateWithPrecision::Day(2025, 12, 21)),
            std::vector<std::string>{"2026-01-01"});
}

TEST(FindDates, WeekdayIsTheLatestOnOrBeforeTheReport) {
  EXPECT_EQ(Dates("agreed on Wednesday", kFeb5), std::vector<std::string>{"2026-02-04"});
  EXPECT_EQ(Dates("met on Thursday", kFeb5), std::vector<std::string>{"2026-02-05"});
}

TEST(FindDates, FutureWeekdayIsTheNextOne) {
  EXPECT_EQ(Dates("talks set to begin on Thursday", kFeb5),
            std::vector<std::string>{"2026-02-12"});
  EXPECT_EQ(Dates("will meet on Monday", kFeb5), std::vector<std::string>{"2026-02-09"});
}

TEST(FindDates, YearsMonthsAndRelativePeriodsKeepTheirPrecision) {
  EXPECT_EQ(Dates("in 2019", kFeb5), std::vector<std::string>{"2019"});
  EXPECT_EQ(Dates("in May 2022", kFeb5), std::vector<std::string>{"2022-05"});
  EXPECT_EQ(Dates("last year", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("last week", kFeb5), std::vector<std::string>{"2026-01"});
  EXPECT_EQ(Dates("last October", kFeb5), std::vector<std::string>{"2025-10"});
  // "this October" is the report's own year's, still ahead or not.
  EXPECT_EQ(Dates("this October", kFeb5), std::vector<std::string>{"2026-10"});
  EXPECT_EQ(Dates("this January", kFeb5), std::vector<std::string>{"2026-01"});
  // "for" a month names one only for what is still to come.
  EXPECT_EQ(Dates("talks are scheduled for January", kFeb5),
            std::vector<std::string>{"2027-01"});
  EXPECT_TRUE(Dates("trade for January rose", kFeb5).empty());
  EXPECT_EQ(Dates("two weeks ago", kFeb5), std::vector<std::string>{"2026-01-22"});
}

TEST(FindDates, AYearBeforeTheEventItDatesAfterAPrepositionOfTime) {
  EXPECT_EQ(Dates("imposed after the 2021 coup", kFeb5),
            std::vector<std::string>{"2021"});
  EXPECT_EQ(Dates("met during the 2023 summit", kFeb5), std::vector<std::string>{"2023"});
  // Not a year that only modifies a noun.
  EXPECT_TRUE(Dates("the 2023 summit was held", kFeb5).empty());
}

TEST(FindDates, DaysAfterCountBackFromTheDayTheSentenceNamedBefore) {
  EXPECT_EQ(Dates("recalled him on Tuesday, two days after it expelled", kFeb5),
            (std::vector<std::string>{"2026-02-03", "2026-02-01"}));
  EXPECT_EQ(Dates("two days after it expelled", kFeb5),
            std::vector<std::string>{"2026-02-03"});
}

TEST(FindDates, TheSameWeekOrMonthIsTheMonthOfTheDateBefore) {
  EXPECT_EQ(Dates("The same week it lifted the ban", kFeb5,
                  DateWithPrecision::Day(2025, 11, 20)),
            std::vector<std::string>{"2025-11"});
  // A month after the report is last year's (kFeb5 is in 2026).
  EXPECT_EQ(Dates("met on 3 March and in the same month signed", kFeb5),
            (std::vector<std::string>{"2025-03-03", "2025-03"}));
}

TEST(FindDates, OnThatTripIsTheDateGivenLast) {
  std::vector<DateMention> found =
      FindDates(Tokenize("On that trip they signed a treaty", 0),
                {kFeb5, {}, DateWithPrecision::Month(2022, 12)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].date.ToString(), "2022-12");
  EXPECT_TRUE(Dates("He said that trip was useful", kFeb5).empty());
}

TEST(FindDates, AYearBeforeAPrepositionIsADate) {
  EXPECT_EQ(Dates("the Quito Protocol of 2016 between Peru and Ecuador", kFeb5),
            std::vector<std::string>{"2016"});
  EXPECT_TRUE(Dates("the 2016 elections", kFeb5).empty());
}

TEST(FindDates, QuartersHalvesAndFiscalYearsAreTheirYear) {
  EXPECT_EQ(Dates("rose in Q3 2025", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("fell in H1 2024", kFeb5), std::vector<std::string>{"2024"});
  // Without a year, the latest such period begun before the report's month.
  EXPECT_EQ(Dates("rose in Q4", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("rose in Q1", kFeb5), std::vector<std::string>{"2026"});
  EXPECT_EQ(Dates("in FY2024-25", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("in FY 2023-24", kFeb5), std::vector<std::string>{"2024"});
  EXPECT_EQ(Dates("in FY25", kFeb5), std::vector<std::string>{"2025"});
  // "last quarter" early in a year is the previous year's last.
  EXPECT_EQ(Dates("grew last quarter", DateWithPrecision::Day(2026, 1, 20)),
            std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("grew last quarter", DateWithPrecision::Day(2026, 8, 20)),
            std::vector<std::string>{"2026"});
  EXPECT_TRUE(Dates("over the next quarter century", kFeb5).empty());
  EXPECT_TRUE(Dates("a Q7 result and an H3 filter", kFeb5).empty());
}

TEST(FindDates, EndOfAMonthIsThatMonth) {
  EXPECT_EQ(Dates("as of end-September", kFeb5), std::vector<std::string>{"2025-09"});
  EXPECT_EQ(Dates("by end-January 2026", kFeb5), std::vector<std::string>{"2026-01"});
}

TEST(FindDates, AYearAfterAPossessiveIsTheYearOfItsNoun) {
  EXPECT_EQ(Dates("Chile's 2025 exports rose", kFeb5), std::vector<std::string>{"2025"});
  EXPECT_EQ(Dates("their 2024 trade", kFeb5), std::vector<std::string>{"2024"});
  // A year after the report's is a goal's, and a count is no year.
  EXPECT_TRUE(Dates("its 2030 target", kFeb5).empty());
  EXPECT_TRUE(Dates("sent 2000 troops", kFeb5).empty());
}

TEST(FindDates, DecadesNumbersAndAmountsAreNotDates) {
  EXPECT_TRUE(Dates("in the early 1990s", kFeb5).empty());
  EXPECT_TRUE(Dates("1,860 megawatts and 2030 tonnes", kFeb5).empty());
  EXPECT_TRUE(Dates("in 14 years", kFeb5).empty());
}

TEST(FindDates, FollowingDayCountsFromThePreviousEvent) {
  EXPECT_EQ(Dates("The following day, leaders gathered", kFeb5,
                  DateWithPrecision::Day(2025, 12, 21)),
            std::vector<std::string>{"2025-12-22"});
}

TEST(FindDates, DaysLaterOrEarlierCountFromThePreviousEvent) {
  EXPECT_EQ(Dates("Two days later, leaders gathered", kFeb5,
                  DateWithPrecision::Day(2025, 12, 21)),
            std::vector<std::string>{"2025-12-23"});
  EXPECT_EQ(Dates("Three days earlier, leaders had met", kFeb5,
                  DateWithPrecision::Day(2025, 12, 21)),
            std::vector<std::string>{"2025-12-18"});
}

TEST(YearForMonthDay, PicksTheLatestOnOrBeforeTheReport) {
  EXPECT_EQ(YearForMonthDay(12, 18, DateWithPrecision::Day(2026, 1, 2)), 2025);
  EXPECT_EQ(YearForMonthDay(6, 1, DateWithPrecision::Day(2026, 1, 2)), 2025);
  EXPECT_EQ(YearForMonthDay(1, 2, DateWithPrecision::Day(2026, 1, 2)), 2026);
  // A few days' grace for what a report announces just ahead.
  EXPECT_EQ(YearForMonthDay(1, 4, DateWithPrecision::Day(2026, 1, 2)), 2026);
  EXPECT_EQ(YearForMonthDay(1, 20, DateWithPrecision::Day(2026, 1, 2)), 2025);
}

TEST(FindDates, DecadesAgoAreTenYearsEach) {
  EXPECT_EQ(Dates("stood at $7 billion a decade ago", kFeb5),
            std::vector<std::string>{"2016"});
  EXPECT_EQ(Dates("two decades ago", kFeb5), std::vector<std::string>{"2006"});
  // "a" counts only decades: "a week ago" is no date here.
  EXPECT_TRUE(Dates("a week ago", kFeb5).empty());
}

TEST(IsTargetDate, APartOfAPeriodAfterUntilOrByIsATarget) {
  auto target = [](absl::string_view text) {
    std::vector<Token> t = Tokenize(text, 0);
    std::vector<DateMention> d = FindDates(t, {kFeb5, {}});
    return !d.empty() && IsTargetDate(t, d.back());
  };
  EXPECT_TRUE(target("extended it until the end of the year"));
  EXPECT_TRUE(target("lift trade by the middle of 2027"));
  EXPECT_TRUE(target("extended it until 2027"));
  EXPECT_FALSE(target("signed at the end of the year"));
  // A year told as a whole is the period, not a goal.
  EXPECT_FALSE(target("For 2024 as a whole, trade grew"));
  EXPECT_FALSE(target("trade for the whole of 2024 grew"));
  EXPECT_TRUE(target("a target for 2030"));
}

}  // namespace
TEST(FindDates, TheEndOrStartOfAMonthIsThatMonth) {
  EXPECT_EQ(Dates("extended at the end of January", kFeb5),
            std::vector<std::string>{"2026-01"});
  EXPECT_EQ(Dates("signed at the beginning of December", kFeb5),
            std::vector<std::string>{"2025-12"});
  // Not any noun before "of": "the rest of March" is no date this rule gives.
  EXPECT_TRUE(Dates("the rest of March", kFeb5).empty());
}

TEST(FindDates, ADayWithoutAYearAfterADateOfItsMonthIsInThatYear) {
  EXPECT_EQ(Dates("In May 1998, on 12 May, they signed", kFeb5),
            (std::vector<std::string>{"1998-05", "1998-05-12"}));
  // Another month keeps the report's year.
  EXPECT_EQ(Dates("In May 1998, on 12 January, they signed", kFeb5),
            (std::vector<std::string>{"1998-05", "2026-01-12"}));
}

TEST(FindDates, LaterThatWeekIsTheMonthOfTheDateBefore) {
  const DateWithPrecision june5 = DateWithPrecision::Day(2025, 6, 5);
  EXPECT_EQ(Dates("Later that week, they signed", kFeb5, june5),
            std::vector<std::string>{"2025-06"});
  EXPECT_EQ(Dates("Earlier that month, they met", kFeb5, june5),
            std::vector<std::string>{"2025-06"});
}

TEST(FindDates, YearsAgoTodayIsThatDay) {
  EXPECT_EQ(Dates("Forty years ago today, they met", kFeb5),
            std::vector<std::string>{"1986-02-05"});
  EXPECT_EQ(Dates("Forty years ago, they met", kFeb5), std::vector<std::string>{"1986"});
}

std::vector<std::string> RecountedDates(absl::string_view text,
                                        DateWithPrecision narrative) {
  std::vector<Token> tokens = Tokenize(text, 0);
  DateContext ctx{kFeb5, {}, {}, {}, narrative};
  std::vector<std::string> out;
  for (const DateMention& d : FindDates(tokens, ctx)) out.push_back(d.date.ToString());
  return out;
}

TEST(FindDates, AYearlessDayInARecountedYearIsTheNearestToIt) {
  const DateWithPrecision nov2021 = DateWithPrecision::Month(2021, 11);
  EXPECT_EQ(RecountedDates("On 21 November, Beijing downgraded ties", nov2021),
            std::vector<std::string>{"2021-11-21"});
  EXPECT_EQ(RecountedDates("On January 9 Rabat recalled its envoy", nov2021),
            std::vector<std::string>{"2022-01-09"});
  EXPECT_EQ(RecountedDates("In December, customs stopped the goods", nov2021),
            std::vector<std::string>{"2021-12"});
  // A stated year, and "last" a month, keep their own reading.
  EXPECT_EQ(RecountedDates("On 21 November 2024 the two met", nov2021),
            std::vector<std::string>{"2024-11-21"});
  EXPECT_EQ(RecountedDates("last December the two met", nov2021),
            std::vector<std::string>{"2025-12"});
  // A recounted time of the report's own year changes nothing.
  EXPECT_EQ(RecountedDates("On January 9 Rabat recalled its envoy",
                           DateWithPrecision::Month(2026, 1)),
            std::vector<std::string>{"2026-01-09"});
}

TEST(FindDates, AClauseOfWhenAfterAYearIsInThatYear) {
  EXPECT_EQ(Dates("warmed in 2022, when the two signed a pact in July", kFeb5),
            (std::vector<std::string>{"2022", "2022-07"}));
  EXPECT_EQ(Dates("warmed in 2022 when the two met on 4 July", kFeb5),
            (std::vector<std::string>{"2022", "2022-07-04"}));
  // Another clause keeps the report's reading.
  EXPECT_EQ(Dates("rose in 2022, and the two met on 4 January", kFeb5),
            (std::vector<std::string>{"2022", "2026-01-04"}));
}

TEST(FindDates, ADateInBracketsAfterTodaySaysWhichDayItWas) {
  EXPECT_EQ(Dates("held talks today (02.02.2026)", kFeb5),
            std::vector<std::string>{"2026-02-02"});
  EXPECT_EQ(Dates("held talks today (3 February)", kFeb5),
            std::vector<std::string>{"2026-02-03"});
  EXPECT_EQ(Dates("held talks today", kFeb5), std::vector<std::string>{"2026-02-05"});
}

TEST(FindDates, TheEveAfterTheSentencesOwnDayIsThatDay) {
  // Thursday 5 February: "On Friday" is 30 January.
  EXPECT_EQ(Dates("On Friday, on the eve of the opening, they met", kFeb5),
            std::vector<std::string>{"2026-01-30"});
  EXPECT_EQ(Dates("On the eve of the opening, they met", kFeb5,
                  DateWithPrecision::Day(2026, 1, 30)),
            std::vector<std::string>{"2026-01-29"});
}

TEST(YearEndingToken, AYearOrAWholeNumericDate) {
  auto year = [](const char* text) { return YearEndingToken(Tokenize(text, 0).at(0)); };
  EXPECT_EQ(year("2025"), 2025);
  EXPECT_EQ(year("08.07.2025"), 2025);
  EXPECT_EQ(year("8.7.2025"), 2025);
  EXPECT_EQ(year("1.2"), std::nullopt);
  EXPECT_EQ(year("12.5"), std::nullopt);
  EXPECT_EQ(year("250"), std::nullopt);
}

}  // namespace entente::importers::internal
