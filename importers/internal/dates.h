#ifndef ENTENTE_IMPORTERS_INTERNAL_DATES_H_
#define ENTENTE_IMPORTERS_INTERNAL_DATES_H_

// Date expressions in a sentence, resolved as ../shared/spec/relations.md
// says: month and day take their year from the reference date (a "Dec. 30"
// item reported on Jan. 3 belongs to the previous year), weekdays are the
// latest such day on or before the reference (the next one in a future-tense
// phrase), "last year"/"last week"/"in 2019" give year or month precision, and
// nothing is ever more precise than the text.
//
// Thread-safety: pure functions.

#include <optional>
#include <vector>

#include "graph/model.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

enum class DateKind : uint8_t {
  kAbsolute,  // "on Feb. 5", "in May 2022", "in 2019".
  kWeekday,   // "on Wednesday".
  kRelative,  // "last year", "last week", "two weeks after", "the following day".
  kNow,       // "currently", "is underway": the reported date.
  kSince,     // "since 2019": the start of a state.
  kSequel,    // "the following day", "the previous evening": from the last event.
};

struct DateMention {
  int begin = 0;  // Token range [begin, end).
  int end = 0;
  graph::DateWithPrecision date;
  DateKind kind = DateKind::kAbsolute;
};

struct DateContext {
  graph::DateWithPrecision reference;  // The reported date (day precision).
  graph::DateWithPrecision previous;   // The last event date, for "the next day".
  // The last date the text stated before this sentence, for "of that year".
  graph::DateWithPrecision last_stated;
  // The last month or day the text gave before this sentence, however told ("in
  // April", "last month"), for "in the month".
  graph::DateWithPrecision last_month;
  // A past month or day the text gave with its year, in this paragraph or the one
  // before, with no day of the report's own time told since: the time a narrative
  // has gone back to, for a month or day it then gives without a year.
  graph::DateWithPrecision narrative;
};

// Date `finer` tells `coarser` more finely: the same year at a month or a day, or the
// same month at a day ("in 2019, ... in March"; a headline's month, the body's day).
bool Narrows(const graph::DateWithPrecision& finer,
             const graph::DateWithPrecision& coarser);

// "up from about $1.6 billion today": a "today" or "now" right after an amount dates
// the amount, not an event.
bool DatesAnAmount(const std::vector<Token>& tokens, const DateMention& d);

// "by 2030", "until 2027", "for 2024-2026": a date that is a target or a period
// something is for, not when it happened.
bool IsTargetDate(const std::vector<Token>& tokens, const DateMention& d);

// Finds every date expression among `tokens`, in order.
std::vector<DateMention> FindDates(const std::vector<Token>& tokens,
                                   const DateContext& ctx);

// The year a four-digit number token names (1000-2199); none otherwise.
std::optional<int> YearToken(const Token& t);

// The year a number token ends in when it is a year or a whole numeric date
// ("2025", "08.07.2025"); none otherwise.
std::optional<int> YearEndingToken(const Token& t);

// Token k is a number right after a month's name: the day of "January 29".
bool DayOfMonth(const std::vector<Token>& tokens, int k);

// A whole date in one token: "05.03.2021", "5.3.2021" (day first) or "2021-03-05".
bool IsNumericDate(const Token& t);

// Month number for "Jan.", "January", "Sept." (lower case); 0 if none.
int MonthFromWord(absl::string_view lower);
// Weekday 0=Monday..6=Sunday for "monday" (lower case); -1 if none.
int WeekdayFromWord(absl::string_view lower);
// The year for a month/day with no year: the latest on or before the reference date
// (a few days' grace after it), so "Dec. 30" in a report of Jan. 3 is last year's.
int YearForMonthDay(int month, int day, const graph::DateWithPrecision& reference);
// Days since epoch of a known date's first day (day precision assumed).
graph::DateWithPrecision DayFromDays(int32_t days);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_DATES_H_
