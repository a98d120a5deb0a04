#include "importers/internal/dates.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importers/internal/numbers.h"
#include "importers/internal/word_filter.h"

namespace entente::importers::internal {
namespace {

using graph::DatePrecision;
using graph::DateWithPrecision;

bool Is(const std::vector<Token>& t, size_t i, absl::string_view lower) {
  return i < t.size() && t[i].lower == lower;
}

}  // namespace

// A four-digit year 1000..2199 as its own token ("2019", not "1990s").
std::optional<int> YearToken(const Token& t) {
  if (t.kind != TokenKind::kNumber || t.text.size() != 4) return std::nullopt;
  int y = 0;
  if (!absl::SimpleAtoi(t.text, &y) || y < 1000 || y > 2199) return std::nullopt;
  return y;
}

std::optional<int> YearEndingToken(const Token& t) {
  if (t.kind != TokenKind::kNumber) return std::nullopt;
  if (t.text.size() == 4) return YearToken(t);
  // "d.m.yyyy" up to "dd.mm.yyyy" (the tokenizer parts a date written with slashes).
  if (t.text.size() < 8 || t.text.size() > 10 || t.text[t.text.size() - 5] != '.') {
    return std::nullopt;
  }
  int y = 0;
  if (!absl::SimpleAtoi(t.text.substr(t.text.size() - 4), &y) || y < 1000 || y > 2199) {
    return std::nullopt;
  }
  return y;
}

namespace {

// A fiscal or season year written as a span, "2022-23" or "2024 \u2013 25" (the
// tokenizer splits at an en dash): the year it ends in, by which such figures are
// dated. Returns the tokens it takes from i (0 for none) and sets *year.
bool SpanDash(absl::string_view text) {
  return text == "-" || text == "\u2013" || text == "/";
}

int SpanYearAt(const std::vector<Token>& t, int i, int* year) {
  const int n = static_cast<int>(t.size());
  int first = 0, last = 0;
  int taken = 0;
  const absl::string_view text = t[i].text;
  if (t[i].kind == TokenKind::kNumber && text.size() == 7 && text[4] == '-') {
    if (!absl::SimpleAtoi(text.substr(0, 4), &first) ||
        !absl::SimpleAtoi(text.substr(5), &last))
      return 0;
    taken = 1;
  } else if (std::optional<int> y = YearToken(t[i]);
             y && i + 2 < n && SpanDash(t[i + 1].text) && t[i].end == t[i + 1].begin &&
             t[i + 1].end == t[i + 2].begin && t[i + 2].kind == TokenKind::kNumber &&
             t[i + 2].text.size() == 2) {
    first = *y;
    if (!absl::SimpleAtoi(t[i + 2].text, &last)) return 0;
    taken = 3;
  } else {
    return 0;
  }
  if (first < 1900 || first > 2199 || (first + 1) % 100 != last) return 0;
  *year = first + 1;
  return taken;
}

// A day of the month: "22", or the first of a range of days "22-23" / "22\u201323".
std::optional<int> DayToken(const Token& t) {
  if (t.kind != TokenKind::kNumber) return std::nullopt;
  absl::string_view text = t.text;
  if (size_t dash = text.find_first_of("-\xe2"); dash != absl::string_view::npos) {
    absl::string_view rest = text.substr(dash);
    if (!absl::ConsumePrefix(&rest, "-") && !absl::ConsumePrefix(&rest, "\u2013")) {
      return std::nullopt;
    }
    int last = 0;
    if (!absl::SimpleAtoi(rest, &last) || last < 1 || last > 31) return std::nullopt;
    text = text.substr(0, dash);
  }
  // "14th", "3rd", "1st", "22nd": an ordinal day.
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.size() > 2 && absl::EndsWith(text, suffix)) {
      text.remove_suffix(2);
      break;
    }
  }
  if (text.size() > 2) return std::nullopt;
  int d = 0;
  if (!absl::SimpleAtoi(text, &d) || d < 1 || d > 31) return std::nullopt;
  return d;
}

bool IsOrdinalDay(const Token& t) {
  return DayToken(t) && t.text.size() > 2 && absl::ascii_isalpha(t.text.back());
}

// The date of a day token: "8-9 August" spans days, so it is known to the month.
DateWithPrecision DayOrMonth(const Token& day_token, int year, int month, int day) {
  if (day_token.text.size() > 2 && !IsOrdinalDay(day_token))
    return DateWithPrecision::Month(year, month);
  return DateWithPrecision::Day(year, month, day);
}

// Words that put a weekday in the future: "talks set to begin on Thursday".
// "effective June 1", "starting from 1 July": a day something begins to apply, told
// ahead of it.
bool StartCueBefore(const std::vector<Token>& t, int i) {
  int k = i - 1;
  if (k >= 0 && (t[k].LowerIs("from") || t[k].LowerIs("on"))) --k;
  return k >= 0 && (t[k].LowerIs("effective") || t[k].LowerIs("starting") ||
                    t[k].LowerIs("beginning") || t[k].LowerIs("commencing"));
}

// Whether month/day in the reference's year falls in the half year after it: how far
// ahead a measure is announced.
bool StartsSoonAfter(const DateWithPrecision& ref, int month, int day) {
  constexpr int kAnnouncedAheadDays = 183;
  const int32_t ref_days =
      graph::DaysFromCivil(ref.year, std::max(ref.month, 1), std::max(ref.day, 1));
  const int32_t days = graph::DaysFromCivil(
      ref.year, month, std::min(day, graph::DaysInMonth(ref.year, month)));
  return days > ref_days && days - ref_days <= kAnnouncedAheadDays;
}

// "expects a deal on the tariffs he imposed in August": a past tense right after its
// subject, between a future cue and the date, opens the date's own clause, told in
// the past ("will be signed in August" is no such clause: the form follows "be").
bool PastClauseBetween(const std::vector<Token>& t, int from, int to) {
  for (int k = std::max(from, 1); k < to; ++k) {
    const Tag before = t[k - 1].tag;
    if (t[k].tag == Tag::kVerb && (t[k].verb_forms & kPastTense) != 0 &&
        (before == Tag::kPronoun || before == Tag::kProper || before == Tag::kNoun)) {
      return true;
    }
  }
  return false;
}

bool FutureBefore(const std::vector<Token>& t, int i, bool* only_would = nullptr) {
  // Only the date's own clause: back to a comma or a word that opens another clause.
  constexpr int kFutureWindow = 24;
  int from = std::max(0, i - kFutureWindow);
  absl::string_view opener;
  for (int k = i - 1; k >= from; --k) {
    absl::string_view w = t[k].lower;
    if (w == "," || w == ";" || w == "after" || w == "that" || w == "which" ||
        w == "when" || w == "under" || w == "before" || w == "who" || w == "until" ||
        w == "once") {
      from = k + 1;
      opener = w;
      break;
    }
  }
  // "weeks before Chile takes over the presidency in July": after "before",
  // "until", "once" or "when", English tells the future in the present tense.
  const bool tells_time =
      opener == "before" || opener == "until" || opener == "once" || opener == "when";
  for (int k = from; k < i; ++k) {
    if (tells_time && t[k].tag == Tag::kVerb &&
        (t[k].verb_forms & (kThirdPerson | kBaseForm)) != 0 &&
        (t[k].verb_forms & kPastTense) == 0) {
      return true;
    }
    absl::string_view w = t[k].lower;
    if (w == "will" || w == "would" || w == "shall" || w == "next" || w == "scheduled" ||
        w == "upcoming" || w == "expected" || (w == "set" && Is(t, k + 1, "to")) ||
        (w == "is" && Is(t, k + 1, "to")) || (w == "are" && Is(t, k + 1, "to"))) {
      if (PastClauseBetween(t, k + 1, i)) return false;
      if (only_would != nullptr) *only_would = w == "would";
      return true;
    }
  }
  return false;
}

int32_t Days(const DateWithPrecision& d) { return d.FirstDay(); }

DateWithPrecision ValidDay(int y, int m, int d, bool* ok) {
  *ok = y >= 1000 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
        d <= graph::DaysInMonth(y, m);
  return *ok ? DateWithPrecision::Day(y, m, d) : DateWithPrecision{};
}

// A date written as one token: "05.03.2021" or "5.3.2021" (day first, as written
// outside North America) and "2021-03-05" (ISO 8601).
std::optional<DateWithPrecision> NumericDate(const Token& t) {
  if (t.kind != TokenKind::kNumber || t.text.size() < 8 || t.text.size() > 10) {
    return std::nullopt;
  }
  const bool iso = t.text[4] == '-';
  std::vector<absl::string_view> parts = absl::StrSplit(t.text, iso ? '-' : '.');
  int d = 0, m = 0, y = 0;
  if (parts.size() != 3 || parts[iso ? 0 : 2].size() != 4 ||
      !absl::SimpleAtoi(parts[iso ? 2 : 0], &d) || !absl::SimpleAtoi(parts[1], &m) ||
      !absl::SimpleAtoi(parts[iso ? 0 : 2], &y)) {
    return std::nullopt;
  }
  bool ok = false;
  DateWithPrecision date = ValidDay(y, m, d, &ok);
  if (!ok) return std::nullopt;
  return date;
}

// "21/4/2026" or "4/21/2026": five tokens written together. Day first, as most of
// the world writes it, unless only the month-first reading is a date.
std::optional<int> MatchSlashDate(const std::vector<Token>& t, int i,
                                  std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  if (i + 4 >= n || t[i + 1].text != "/" || t[i + 3].text != "/") return std::nullopt;
  for (int k = i; k < i + 4; ++k) {
    if (t[k].end != t[k + 1].begin) return std::nullopt;
  }
  int a = 0, b = 0, y = 0;
  if (t[i].kind != TokenKind::kNumber || t[i + 2].kind != TokenKind::kNumber ||
      t[i + 4].text.size() != 4 || t[i].text.size() > 2 || t[i + 2].text.size() > 2 ||
      !absl::SimpleAtoi(t[i].text, &a) || !absl::SimpleAtoi(t[i + 2].text, &b) ||
      !absl::SimpleAtoi(t[i + 4].text, &y)) {
    return std::nullopt;
  }
  bool ok = false;
  DateWithPrecision date = ValidDay(y, b, a, &ok);
  if (!ok) date = ValidDay(y, a, b, &ok);
  if (!ok) return std::nullopt;
  out->push_back({i, i + 5, date, DateKind::kAbsolute});
  return i + 4;
}

}  // namespace

bool DayOfMonth(const std::vector<Token>& tokens, int k) {
  return k > 0 && k < static_cast<int>(tokens.size()) && tokens[k].tag == Tag::kNumber &&
         MonthFromWord(tokens[k - 1].lower) != 0;
}

bool IsNumericDate(const Token& t) { return NumericDate(t).has_value(); }

int MonthFromWord(absl::string_view w) {
  static const auto* kMonths = new absl::flat_hash_map<absl::string_view, int>{
      {"january", 1},   {"jan.", 1},      {"jan", 1},       {"february", 2},
      {"feb.", 2},      {"feb", 2},       {"march", 3},     {"mar.", 3},
      {"april", 4},     {"apr.", 4},      {"apr", 4},       {"may", 5},
      {"june", 6},      {"jun.", 6},      {"jun", 6},       {"july", 7},
      {"jul.", 7},      {"jul", 7},       {"sept", 9},      {"sep", 9},
      {"mar", 3},       {"august", 8},    {"aug.", 8},      {"aug", 8},
      {"september", 9}, {"sept.", 9},     {"sep.", 9},      {"october", 10},
      {"oct.", 10},     {"oct", 10},      {"november", 11}, {"nov.", 11},
      {"nov", 11},      {"december", 12}, {"dec.", 12},     {"dec", 12}};
  auto it = kMonths->find(w);
  return it == kMonths->end() ? 0 : it->second;
}

int WeekdayFromWord(absl::string_view w) {
  static const auto* kDays = new absl::flat_hash_map<absl::string_view, int>{
      {"monday", 0}, {"tuesday", 1},  {"wednesday", 2}, {"thursday", 3},
      {"friday", 4}, {"saturday", 5}, {"sunday", 6}};
  auto it = kDays->find(w);
  return it == kDays->end() ? -1 : it->second;
}

DateWithPrecision DayFromDays(int32_t days) {
  int y, m, d;
  graph::CivilFromDays(days, &y, &m, &d);
  return DateWithPrecision::Day(y, m, d);
}

bool Narrows(const DateWithPrecision& finer, const DateWithPrecision& coarser) {
  if (finer.precision <= coarser.precision || finer.year != coarser.year) return false;
  return coarser.precision == DatePrecision::kYear || finer.month == coarser.month;
}

// "In May 1998 ... on 12 May", "That same month, on 12 May": a day without a year
// after a date of the same month in the sentence is in that month's year; 0 when none.
int YearOfSameMonthBefore(const std::vector<DateMention>& found, int month) {
  if (found.empty()) return 0;
  const DateWithPrecision& last = found.back().date;
  return last.known() && last.precision != DatePrecision::kYear && last.month == month
             ? last.year
             : 0;
}

// "In July 2021 Vilnius let Taipei open an office. On 10 August Beijing recalled its
// ambassador": a month (and day) without a year, told while the text recounts a past
// year, is the one nearest the time it recounts; 0 when the text is not recounting.
int YearOfNarrative(int month, int day, const DateContext& ctx) {
  const DateWithPrecision& from = ctx.narrative;
  if (!from.known() || from.precision == DatePrecision::kYear || !ctx.reference.known() ||
      from.year >= ctx.reference.year) {
    return 0;
  }
  const int32_t anchor = Days(from);
  int best = 0;
  int32_t best_gap = 0;
  for (int year = from.year - 1; year <= from.year + 1; ++year) {
    const int32_t days = graph::DaysFromCivil(
        year, month, std::min(std::max(day, 1), graph::DaysInMonth(year, month)));
    const int32_t gap = std::abs(days - anchor);
    if (best == 0 || gap < best_gap) {
      best = year;
      best_gap = gap;
    }
  }
  return best < ctx.reference.year ? best : 0;
}

// "in 2022, when the two signed a pact in July": a year followed by a clause of
// "when" tells the year of the months and days that clause gives; 0 otherwise.
int YearOfWhenClause(const std::vector<Token>& t, const std::vector<DateMention>& found) {
  if (found.empty()) return 0;
  const DateMention& last = found.back();
  if (last.kind != DateKind::kAbsolute || last.date.precision != DatePrecision::kYear)
    return 0;
  int k = last.end;
  if (k < static_cast<int>(t.size()) && t[k].text == ",") ++k;
  return k < static_cast<int>(t.size()) && t[k].LowerIs("when") ? last.date.year : 0;
}

// "In 2019, the two signed a treaty in March": a year that opens the sentence, set
// off by a comma, is the year of the months and days the sentence gives; 0 otherwise.
int YearOfOpeningYear(const std::vector<Token>& t,
                      const std::vector<DateMention>& found) {
  if (found.size() != 1) return 0;
  const DateMention& first = found.front();
  // "In 2012, ...", and a timeline's label: "2012: ...", "- 2012 \u2013 ...".
  if (first.kind != DateKind::kAbsolute || first.date.precision != DatePrecision::kYear ||
      first.end >= static_cast<int>(t.size()) ||
      (t[first.end].text != "," && t[first.end].text != ":" &&
       t[first.end].text != "\u2013" && t[first.end].text != "\u2014" &&
       t[first.end].text != "-")) {
    return 0;
  }
  // Only "In" or "Back in" before it, or a list's bullet.
  for (int k = 0; k < first.begin; ++k) {
    const absl::string_view w = t[k].text;
    const bool bullet = k == 0 && (w == "-" || w == "*" || w == "\u2022" ||
                                   w == "\u2013" || w == "\u2014");
    if (!t[k].LowerIs("in") && !t[k].LowerIs("back") && !bullet) return 0;
  }
  return first.date.year;
}

// The year a month or day without one has from the text before it: a year opening
// the sentence, a clause of "when" after a year, or a past year the paragraph
// recounts; 0 when none.
int YearToldBefore(const std::vector<Token>& t, const std::vector<DateMention>& found,
                   int month, int day, const DateContext& ctx) {
  if (int opening = YearOfOpeningYear(t, found); opening > 0) return opening;
  if (int when = YearOfWhenClause(t, found); when > 0) return when;
  return YearOfNarrative(month, day, ctx);
}

int YearForMonthDay(int month, int day, const DateWithPrecision& ref) {
  if (!ref.known()) return 0;
  // News tells what has happened: the latest such day on or before the report, with
  // a few days' grace for what the report announces just ahead ("on Feb. 6" in a
  // report of Feb. 5). A future-tense phrase moves the day ahead (FutureBefore).
  constexpr int kGraceDays = 3;
  int32_t ref_days =
      graph::DaysFromCivil(ref.year, std::max(ref.month, 1), std::max(ref.day, 1));
  int d = std::min(day, graph::DaysInMonth(ref.year, month));
  if (graph::DaysFromCivil(ref.year, month, d) <= ref_days + kGraceDays) return ref.year;
  return ref.year - 1;
}

// "(August) last year", "(November) of that year": the year a month's words give after
// it, setting *end past them; 0 when none.
int YearAfterMonth(const std::vector<Token>& t, int i, const DateContext& ctx,
                   const std::vector<DateMention>& found, int* end) {
  const int n = static_cast<int>(t.size());
  auto at = [&](int k, absl::string_view w) { return k < n && t[k].lower == w; };
  // "October 7/2026": the year after a slash, as some agencies write it.
  if (at(i, "/") && i + 1 < n) {
    if (std::optional<int> year = YearToken(t[i + 1])) {
      *end = i + 2;
      return *year;
    }
  }
  const DateWithPrecision& ref = ctx.reference;
  if (ref.known() && at(i + 1, "year")) {
    int delta = at(i, "last") ? -1 : at(i, "this") ? 0 : at(i, "next") ? 1 : 2;
    if (delta != 2) {
      *end = i + 2;
      return ref.year + delta;
    }
  }
  const DateWithPrecision& that = found.empty() ? ctx.last_stated : found.back().date;
  // "a 2022 memorandum, signed in July of that year": a year written before it in
  // the sentence as a word of a phrase, when the sentence told no date before.
  if (found.empty() && at(i, "of") && (at(i + 1, "that") || at(i + 1, "the")) &&
      (at(i + 2, "year") || (at(i + 2, "same") && at(i + 3, "year")))) {
    for (int k = i - 1; k >= 0; --k) {
      if (std::optional<int> year = YearToken(t[k])) {
        *end = at(i + 2, "same") ? i + 4 : i + 3;
        return *year;
      }
    }
  }
  // "In April that year": the year the text gave last.
  if (that.known() && at(i, "that") && at(i + 1, "year")) {
    *end = i + 2;
    return that.year;
  }
  if (!that.known() || !at(i, "of")) return 0;
  if (at(i + 1, "that") && at(i + 2, "year")) {
    *end = i + 3;
    return that.year;
  }
  if (at(i + 1, "the") && at(i + 2, "same") && at(i + 3, "year")) {
    *end = i + 4;
    return that.year;
  }
  return 0;
}

// "by 2030", "until 2027": a target, not when it happened; "the capital of culture
// for 2025": what it is for.
bool IsTargetDate(const std::vector<Token>& t, const DateMention& d) {
  auto target_before = [&](int i) {
    // "For 2024 as a whole, trade grew", "for the whole of 2024": the period told.
    const int end = d.end;
    if (end + 2 < static_cast<int>(t.size()) && t[end].LowerIs("as") &&
        t[end + 1].LowerIs("a") && t[end + 2].LowerIs("whole")) {
      return false;
    }
    if (i >= 3 && t[i - 1].LowerIs("of") && t[i - 2].LowerIs("whole")) return false;
    // "until the end of the year", "by the middle of 2026": a part of the period.
    if (i >= 3 && t[i - 1].LowerIs("of") && t[i - 3].LowerIs("the")) i -= 3;
    // "for the coming year", "for the next year": the period a role is held for.
    if (i >= 2 && t[i - 1].LowerIs("the")) --i;
    if (i <= 0) return false;
    const absl::string_view w = t[i - 1].lower;
    return w == "by" || w == "until" || w == "till" || w == "through" || w == "for";
  };
  if (target_before(d.begin)) return true;
  // "for 2024-2026": the range's end is as much a target as its start.
  const int i = d.begin;
  return i >= 2 && t[i - 2].kind == TokenKind::kNumber &&
         (t[i - 1].text == "-" || t[i - 1].text == "\u2013" || t[i - 1].LowerIs("to")) &&
         target_before(i - 2);
}

bool DatesAnAmount(const std::vector<Token>& t, const DateMention& d) {
  if (d.kind != DateKind::kNow || d.begin <= 0) return false;
  const Token& before = t[d.begin - 1];
  // Not "a roadmap for 2026-2030 today": a year is no amount.
  const bool year = YearToken(before).has_value() && d.begin >= 2 &&
                    (SpanDash(t[d.begin - 2].text) || t[d.begin - 2].LowerIs("to") ||
                     t[d.begin - 2].LowerIs("for") || t[d.begin - 2].LowerIs("in"));
  if (year) return false;
  return before.kind == TokenKind::kNumber || before.LowerIs("million") ||
         before.LowerIs("billion") || before.LowerIs("trillion") ||
         before.LowerIs("percent") || before.text == "%";
}

namespace {

// Whether a token can start a date expression: every word that can (months, weekdays,
// relative words, counts, "January-June") is known, so other words are skipped with
// one lookup.
bool MayStartDate(const Token& token) {
  static const auto* kStarters = new absl::flat_hash_set<absl::string_view>{
      "last",     "this",      "next",      "previous",  "past",      "following",
      "coming",   "day",       "yesterday", "today",     "currently", "underway",
      "january",  "jan.",      "jan",       "february",  "feb.",      "feb",
      "march",    "mar.",      "april",     "apr.",      "apr",       "may",
      "june",     "jun.",      "jun",       "july",      "jul.",      "jul",
      "august",   "aug.",      "aug",       "september", "sept.",     "sept",
      "sep.",     "sep",       "october",   "oct.",      "oct",       "november",
      "nov.",     "nov",       "december",  "dec.",      "dec",       "monday",
      "tuesday",  "wednesday", "thursday",  "friday",    "saturday",  "sunday",
      "one",      "two",       "three",     "four",      "five",      "six",
      "seven",    "eight",     "nine",      "ten",       "eleven",    "twelve",
      "thirteen", "fourteen",  "fifteen",   "sixteen",   "seventeen", "eighteen",
      "nineteen", "twenty",    "thirty",    "forty",     "fifty",     "sixty",
      "seventy",  "eighty",    "ninety",    "hundred",   "eve",       "same",
      "year",     "that",      "month",     "first",     "second",    "third",
      "fourth",   "days",      "weeks"};
  // The starters' hashes (Token::hash) rule out most words without hashing the
  // string again.
  static const auto* kStarterFilter = new WordFilter(*kStarters);
  absl::string_view w = token.lower;
  if (token.kind == TokenKind::kPunct) return false;
  if (token.kind != TokenKind::kWord) return true;
  if (kStarterFilter->MayContain(token.hash) && kStarters->contains(w)) return true;
  // "FY25", "FY 2024-25": a fiscal year.
  if (w.size() >= 2 && w[0] == 'f' && w[1] == 'y' &&
      (w.size() == 2 || absl::ascii_isdigit(w[2])))
    return true;
  // "Q3", "H1": a quarter or half.
  if (w.size() == 2 && (w[0] == 'q' || w[0] == 'h') && absl::ascii_isdigit(w[1]))
    return true;
  // "mid-May", "May-June": a month on either side of a hyphen. Words are short, and
  // most have none: a plain loop finds that without a library call.
  const size_t dash = static_cast<size_t>(std::find(w.begin(), w.end(), '-') - w.begin());
  return dash < w.size() &&
         (MonthFromWord(w.substr(0, dash)) > 0 || MonthFromWord(w.substr(dash + 1)) > 0);
}

// Each Match function below tries one form of date at token i. When the form takes
// the token it appends the date it finds (if any) to *out and returns the last token
// the scan has used up; otherwise it returns nullopt and the next form is tried.

// "2022-23", "2024 \u2013 25": the year the span ends in.
std::optional<int> MatchSpanYear(const std::vector<Token>& t, int i,
                                 std::vector<DateMention>* out) {
  int year = 0;
  const int taken = SpanYearAt(t, i, &year);
  if (taken <= 0) return std::nullopt;
  out->push_back({i, i + taken, DateWithPrecision::Year(year), DateKind::kAbsolute});
  return i + taken - 1;
}

// The year of a month and day told without one, whose first token is at i: the latest
// such day (YearForMonthDay), or the next one where the clause tells what is to come.
int YearAheadOrBehind(const std::vector<Token>& t, int i, int month, int day,
                      const DateWithPrecision& ref) {
  int year = YearForMonthDay(month, day, ref);
  if (!ref.known()) return year;
  // "effective June 1" in a report of May: this year's, not last year's.
  if (StartCueBefore(t, i) && year < ref.year && StartsSoonAfter(ref, month, day)) {
    ++year;
  }
  // "will take over on Jan. 1", "will host the forum on 8 September": the next such
  // day. "said it would take over on Jan. 1" told of a future that may have come by
  // the report: a day less than a week behind it stays.
  constexpr int kReportedFutureLag = 7;
  bool only_would = false;
  if (FutureBefore(t, i, &only_would)) {
    const int32_t days =
        graph::DaysFromCivil(year, month, std::min(day, graph::DaysInMonth(year, month)));
    if (days < Days(ref) && !(only_would && Days(ref) - days <= kReportedFutureLag)) {
      ++year;
    }
  }
  return year;
}

// Month day [, year]: the day token is at i + 1. Returns the last token used.
int MatchMonthDay(const std::vector<Token>& t, int i, int month, int day,
                  const DateContext& ctx, std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const int n = static_cast<int>(t.size());
  int end = i + 2;
  // "from November 19 to 21", "on May 5 and 6": a stay of days, known to its month.
  const bool joined =
      end + 1 < n && (Is(t, end, "to") || Is(t, end, "until") || Is(t, end, "and") ||
                      Is(t, end, "-") || Is(t, end, "\u2013"));
  const bool span = joined && DayToken(t[end + 1]) && !MonthFromWord(t[end + 1].lower);
  // "from March 6 to March 10", "from March 28 to April 2": the month it starts in.
  const bool month_span = joined && !Is(t, end, "and") && end + 2 < n &&
                          MonthFromWord(t[end + 1].lower) > 0 && DayToken(t[end + 2]);
  if (span) end += 2;
  if (month_span) end += 3;
  int year = 0;
  if (Is(t, end, ",") && end + 1 < n && YearToken(t[end + 1])) {
    year = *YearToken(t[end + 1]);
    end += 2;
  } else if (end < n && YearToken(t[end])) {
    year = *YearToken(t[end]);
    ++end;
  } else if (int told = YearAfterMonth(t, end, ctx, *out, &end); told > 0) {
    year = told;  // "on November 30 last year"
  } else if (int same = YearOfSameMonthBefore(*out, month); same > 0) {
    year = same;
  } else if (int recounted = YearToldBefore(t, *out, month, day, ctx); recounted > 0) {
    year = recounted;
  } else {
    year = YearAheadOrBehind(t, i, month, day, ref);
  }
  if (year > 0 && day <= graph::DaysInMonth(year, month)) {
    out->push_back({i, end,
                    span || month_span ? DateWithPrecision::Month(year, month)
                                       : DayOrMonth(t[i + 1], year, month, day),
                    DateKind::kAbsolute});
  }
  return end - 1;
}

// "last October", "in October" without a year. Returns the last token used (i when
// no date is found).
int MatchMonthWithoutYear(const std::vector<Token>& t, int i, int month,
                          const DateContext& ctx, std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  // "talks are scheduled for March": "for" a month, only of what is still to come.
  const bool for_later = i > 0 && t[i - 1].LowerIs("for") && FutureBefore(t, i);
  // "has held the chair since February": the latest such month, where a state began.
  const bool since = i > 0 && t[i - 1].LowerIs("since");
  // "at the end of June", "by the middle of March": a part of the month, read as "in".
  const bool part = i >= 3 && t[i - 1].LowerIs("of") && t[i - 3].LowerIs("the") &&
                    (t[i - 2].LowerIs("end") || t[i - 2].LowerIs("beginning") ||
                     t[i - 2].LowerIs("start") || t[i - 2].LowerIs("middle") ||
                     t[i - 2].LowerIs("close"));
  if (!(i > 0 &&
        (t[i - 1].LowerIs("last") || t[i - 1].LowerIs("in") || t[i - 1].LowerIs("this") ||
         t[i - 1].LowerIs("next") || t[i - 1].LowerIs("early") ||
         t[i - 1].LowerIs("late") || t[i - 1].LowerIs("mid") || for_later || since ||
         part) &&
        ref.known())) {
    return i;
  }
  int year = ref.year;
  const int begin = part ? i - 3 : i - 1;
  if (t[i - 1].LowerIs("this")) {
    // "this October": the report's own year's, ahead or past.
  } else if (t[i - 1].LowerIs("next")) {
    // "next November": the first such month after the report's.
    if (month <= ref.month) year = ref.year + 1;
  } else if (for_later || ((t[i - 1].LowerIs("in") || part) && FutureBefore(t, begin))) {
    // "will host ... in October": the next October, this year's if ahead.
    if (month < ref.month) year = ref.year + 1;
  } else if (int recounted =
                 t[i - 1].LowerIs("last") ? 0 : YearToldBefore(t, *out, month, 1, ctx);
             recounted > 0) {
    year = recounted;  // "in July 2021 ... In December, customs ..."
  } else if (month > ref.month || (t[i - 1].LowerIs("last") && month == ref.month)) {
    --year;
  }
  int end = i + 1;
  if (int told = YearAfterMonth(t, end, ctx, *out, &end); told > 0) year = told;
  out->push_back({begin, end, DateWithPrecision::Month(year, month),
                  since ? DateKind::kSince : DateKind::kRelative});
  return end - 1;
}

// Month [day] [, year] | Month year | "last October".
std::optional<int> MatchMonthFirst(const std::vector<Token>& t, int i,
                                   const DateContext& ctx,
                                   std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  const absl::string_view w = t[i].lower;
  const int month = MonthFromWord(w);
  if (!(month > 0 && (t[i].capitalized || w.back() == '.'))) return std::nullopt;
  // "may" is a month when a year or day follows it or the tagger made it a name.
  if (w == "may" && t[i].tag != Tag::kProper &&
      !(i + 1 < n && (DayToken(t[i + 1]) || YearToken(t[i + 1]))))
    return i;
  if (i + 1 < n) {
    if (auto day = DayToken(t[i + 1])) return MatchMonthDay(t, i, month, *day, ctx, out);
    if (auto year = YearToken(t[i + 1])) {
      DateKind kind =
          (i > 0 && t[i - 1].LowerIs("since")) ? DateKind::kSince : DateKind::kAbsolute;
      out->push_back({i, i + 2, DateWithPrecision::Month(*year, month), kind});
      return i + 1;
    }
  }
  return MatchMonthWithoutYear(t, i, month, ctx, out);
}

// "16 December 1991", "3 March", "12 June 2023".
std::optional<int> MatchDayFirst(const std::vector<Token>& t, int i,
                                 const DateContext& ctx, std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  auto day = DayToken(t[i]);
  // "the 3rd of June": an ordinal day may take "of" before its month, and "day of"
  // in a treaty's closing formula ("done on this 17th day of August 2026").
  int m = i + 2 < n && IsOrdinalDay(t[i]) && Is(t, i + 1, "of") ? i + 2 : i + 1;
  if (i + 3 < n && IsOrdinalDay(t[i]) && Is(t, i + 1, "day") && Is(t, i + 2, "of")) {
    m = i + 3;
  }
  if (!(day && m < n && MonthFromWord(t[m].lower) > 0 && t[m].capitalized)) {
    return std::nullopt;
  }
  int month = MonthFromWord(t[m].lower);
  int end = m + 1;
  // "from 6 March to 10 March", "from 28 March to 2 April": the month it starts in.
  const bool month_span = end + 2 < n &&
                          (Is(t, end, "to") || Is(t, end, "until") || Is(t, end, "-") ||
                           Is(t, end, "\u2013")) &&
                          DayToken(t[end + 1]) && MonthFromWord(t[end + 2].lower) > 0 &&
                          t[end + 2].capitalized;
  if (month_span) end += 3;
  int year = 0;
  if (end < n && YearToken(t[end])) {
    year = *YearToken(t[end]);
    ++end;
  } else if (int told = YearAfterMonth(t, end, ctx, *out, &end); told > 0) {
    year = told;  // "on 30 November last year"
  } else if (int same = YearOfSameMonthBefore(*out, month); same > 0) {
    year = same;
  } else if (int recounted = YearToldBefore(t, *out, month, *day, ctx); recounted > 0) {
    year = recounted;
  } else {
    year = YearAheadOrBehind(t, i, month, *day, ctx.reference);
  }
  if (year > 0 && *day <= graph::DaysInMonth(year, month)) {
    // "from 11 to 22 November", "on 2 and 3 October", "on 9–10 June" (the
    // tokenizer splits at an en dash): a stay of days, known to the month.
    int begin = i;
    if (i >= 2 &&
        (t[i - 1].LowerIs("to") || t[i - 1].LowerIs("until") || t[i - 1].LowerIs("and") ||
         t[i - 1].text == "\u2013") &&
        DayToken(t[i - 2])) {
      begin = i >= 3 && t[i - 3].LowerIs("from") ? i - 3 : i - 2;
    }
    out->push_back({begin, end,
                    begin < i || month_span ? DateWithPrecision::Month(year, month)
                                            : DayOrMonth(t[i], year, month, *day),
                    DateKind::kAbsolute});
  }
  return end - 1;
}

// Whether a document's noun ("treaty", "memorandum") is among the few words from k
// on, before anything but a lower-case word: "bilateral investment treaty".
bool DocumentNounSoonAfter(const std::vector<Token>& t, int k) {
  constexpr int kModifiers = 3;
  static const auto* kDocuments = new absl::flat_hash_set<absl::string_view>{
      "treaty", "agreement", "accord",  "pact",       "memorandum",
      "deal",   "protocol",  "charter", "convention", "declaration"};
  const int n = static_cast<int>(t.size());
  for (int j = k; j < n && j <= k + kModifiers; ++j) {
    if (t[j].kind != TokenKind::kWord || t[j].capitalized) return false;
    if (kDocuments->contains(t[j].lower)) return true;
  }
  return false;
}

// A bare year: "in 2019", "since 2005", "2024's".
std::optional<int> MatchBareYear(const std::vector<Token>& t, int i,
                                 const DateContext& ctx, std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  auto year = YearToken(t[i]);
  if (!year) return std::nullopt;
  bool unit_after =
      i + 1 < n && t[i + 1].kind == TokenKind::kWord && !t[i + 1].capitalized &&
      !t[i + 1].LowerIs("and") && !t[i + 1].LowerIs("to") && !t[i + 1].LowerIs("that") &&
      !t[i + 1].LowerIs("when") && !t[i + 1].LowerIs("as") && !t[i + 1].LowerIs("'s") &&
      !t[i + 1].LowerIs("or") && !t[i + 1].LowerIs("after") &&
      !t[i + 1].LowerIs("before") && !t[i + 1].LowerIs("with") &&
      !t[i + 1].LowerIs("for") && !t[i + 1].LowerIs("in") && !t[i + 1].LowerIs("at") &&
      !t[i + 1].LowerIs("on") && !t[i + 1].LowerIs("under") &&
      !t[i + 1].LowerIs("between") && !t[i + 1].LowerIs("by") &&
      !t[i + 1].LowerIs("from") && !t[i + 1].LowerIs("against") &&
      !t[i + 1].LowerIs("among") &&
      // "2027 will mark the 30th anniversary", "2024 was the year": a year as the
      // subject of its verb.
      !t[i + 1].LowerIs("will") && !t[i + 1].LowerIs("was") && !t[i + 1].LowerIs("marks");
  bool money_before = i > 0 && (t[i - 1].text == "$" || t[i - 1].LowerIs("\u20ac"));
  // "Horizon 2047", "Vision 2030", "Central Asia - 2040": a year inside a name.
  bool in_name = i > 1 && t[i - 1].capitalized && t[i - 1].kind == TokenKind::kWord &&
                 MonthFromWord(t[i - 1].lower) == 0;
  bool dashed_name = i > 1 && (t[i - 1].text == "\u2013" || t[i - 1].text == "-") &&
                     t[i - 2].capitalized;
  // "in 2024 showed", "since 2019 has", "by 2030 during talks": after a preposition
  // of time it is a year
  // whatever follows.
  bool time_prep_before = i > 0 && (t[i - 1].LowerIs("in") || t[i - 1].LowerIs("since") ||
                                    t[i - 1].LowerIs("during") ||
                                    t[i - 1].LowerIs("until") || t[i - 1].LowerIs("by"));
  // "after the 2021 coup", "since the 2022 elections", "during the 2023 summit": a
  // year that dates the event its noun names, after a preposition of time.
  const bool dated_event = i > 1 && t[i - 1].LowerIs("the") &&
                           (t[i - 2].LowerIs("after") || t[i - 2].LowerIs("since") ||
                            t[i - 2].LowerIs("during") || t[i - 2].LowerIs("following"));
  // "Turkey's 2025 trade", "its 2024 exports": after a possessive, a year before its
  // noun is the year that noun's figure is of, not a count of it ("the 2016 elections"
  // names an event and dates nothing else). A later year than the report's is a goal's
  // ("its 2030 target").
  const bool past = !ctx.reference.known() || *year <= ctx.reference.year;
  const bool owned =
      past && i > 0 &&
      (t[i - 1].LowerIs("'s") || t[i - 1].LowerIs("its") || t[i - 1].LowerIs("their") ||
       t[i - 1].LowerIs("his") || t[i - 1].LowerIs("her") || t[i - 1].LowerIs("our"));
  // "the 1991 bilateral investment treaty", "a 2021 memorandum": a past year after an
  // article dates the document its phrase names.
  const bool dated_document = past && i > 0 &&
                              (t[i - 1].LowerIs("the") || t[i - 1].LowerIs("a")) &&
                              DocumentNounSoonAfter(t, i + 1);
  if (time_prep_before || dated_event || owned || dated_document) unit_after = false;
  if (unit_after || money_before || in_name || dashed_name) return i;
  const int prep = dated_event ? i - 2 : i - 1;
  DateKind kind =
      (prep >= 0 && t[prep].LowerIs("since")) ? DateKind::kSince : DateKind::kAbsolute;
  out->push_back({i, i + 1, DateWithPrecision::Year(*year), kind});
  return i;
}

// The dates a text states whole, needing no reference date.
// "In January-June", "January–April", "January to April 2023": a part of the year,
// the latest such before the report unless a year follows.
std::optional<int> MatchMonthRange(const std::vector<Token>& t, int i,
                                   const DateContext& ctx,
                                   std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const absl::string_view w = t[i].lower;
  int first = 0, last = 0, end = i + 1;
  if (size_t dash = w.find('-'); dash != absl::string_view::npos) {
    first = MonthFromWord(w.substr(0, dash));
    last = MonthFromWord(w.substr(dash + 1));
  } else if (i + 2 < static_cast<int>(t.size()) &&
             (t[i + 1].text == "\u2013" || t[i + 1].text == "-" ||
              t[i + 1].LowerIs("to") || t[i + 1].LowerIs("through"))) {
    // "January–April", "January to April": the dash apart from the words.
    first = MonthFromWord(w);
    last = MonthFromWord(t[i + 2].lower);
    end = i + 3;
  }
  if (first <= 0 || last < first) return std::nullopt;
  int year = last <= ref.month ? ref.year : ref.year - 1;
  if (end < static_cast<int>(t.size()) && YearToken(t[end])) {
    year = *YearToken(t[end]);
    ++end;
  } else if (int told = YearAfterMonth(t, end, ctx, *out, &end); told > 0) {
    year = told;
  }
  out->push_back({i, end, DateWithPrecision::Year(year), DateKind::kAbsolute});
  return end - 1;
}

// "in FY25", "FY2024", "FY2024-25", "FY 2024-25": a fiscal year, known by the
// calendar year it ends in.
std::optional<int> MatchFiscalYear(const std::vector<Token>& t, int i,
                                   std::vector<DateMention>* out) {
  const absl::string_view w = t[i].lower;
  if (w.size() < 2 || w.substr(0, 2) != "fy") return std::nullopt;
  if (w.size() == 2) {
    // "FY 2024-25", "FY 2025": the year after the word.
    if (i + 1 >= static_cast<int>(t.size())) return std::nullopt;
    if (auto last = MatchSpanYear(t, i + 1, out)) {
      out->back().begin = i;
      return last;
    }
    if (auto year = YearToken(t[i + 1])) {
      out->push_back({i, i + 2, DateWithPrecision::Year(*year), DateKind::kAbsolute});
      return i + 1;
    }
    return std::nullopt;
  }
  absl::string_view digits = w.substr(2);
  // "fy2024-25", "fy24-25": the year after the dash ends it.
  if (size_t dash = digits.find('-'); dash != absl::string_view::npos) {
    digits = digits.substr(dash + 1);
  }
  int year = 0;
  if (!((digits.size() == 2 || digits.size() == 4) && absl::SimpleAtoi(digits, &year))) {
    return std::nullopt;
  }
  if (digits.size() == 2) year += 2000;
  if (year < 1950 || year > 2100) return std::nullopt;
  out->push_back({i, i + 1, DateWithPrecision::Year(year), DateKind::kAbsolute});
  return i;
}

// "in Q3 2025", "H1 2024", "in Q1": a quarter or half of a year, known to the year;
// without one, the latest such period begun before the report's month (a figure for
// it is out only once it has run a while).
std::optional<int> MatchQuarter(const std::vector<Token>& t, int i,
                                const DateContext& ctx, std::vector<DateMention>* out) {
  const absl::string_view w = t[i].lower;
  // "in the first quarter", "in the second half": the last such part of a year to
  // have begun by the report, known to its year ("of 2024" after it names its own).
  {
    const int n = static_cast<int>(t.size());
    const int ordinal = w == "first"    ? 1
                        : w == "second" ? 2
                        : w == "third"  ? 3
                        : w == "fourth" ? 4
                                        : 0;
    const bool quarter = i + 1 < n && t[i + 1].LowerIs("quarter");
    const bool half = i + 1 < n && t[i + 1].LowerIs("half") && ordinal <= 2;
    if (ordinal > 0 && (quarter || half) && i > 0 && t[i - 1].LowerIs("the") &&
        !(i + 3 < n && t[i + 2].LowerIs("of")) && ctx.reference.known()) {
      const int first_month = quarter ? (ordinal - 1) * 3 + 1 : (ordinal - 1) * 6 + 1;
      const int year = first_month <= ctx.reference.month ? ctx.reference.year
                                                          : ctx.reference.year - 1;
      out->push_back({i - 1, i + 2, DateWithPrecision::Year(year), DateKind::kRelative});
      return i + 1;
    }
  }
  if (w.size() != 2 || (w[0] != 'q' && w[0] != 'h')) return std::nullopt;
  const int part = w[1] - '0';
  const int months = w[0] == 'q' ? 3 : 6;
  if (part < 1 || part > 12 / months) return std::nullopt;
  if (i + 1 < static_cast<int>(t.size())) {
    if (auto year = YearToken(t[i + 1])) {
      out->push_back({i, i + 2, DateWithPrecision::Year(*year), DateKind::kAbsolute});
      return i + 1;
    }
  }
  const DateWithPrecision& ref = ctx.reference;
  if (!ref.known()) return std::nullopt;
  const int first_month = (part - 1) * months + 1;
  const int year = first_month < ref.month ? ref.year : ref.year - 1;
  out->push_back({i, i + 1, DateWithPrecision::Year(year), DateKind::kRelative});
  return i;
}

std::optional<int> MatchStatedDate(const std::vector<Token>& t, int i,
                                   const DateContext& ctx,
                                   std::vector<DateMention>* out) {
  // "05.03.2021", "2021-03-05": day, month and year in one token.
  if (auto numeric = NumericDate(t[i])) {
    out->push_back({i, i + 1, *numeric, DateKind::kAbsolute});
    return i;
  }
  if (auto last = MatchSlashDate(t, i, out)) return last;
  if (auto last = MatchSpanYear(t, i, out)) return last;
  // "January–April", before the months alone read as one date.
  if (ctx.reference.known()) {
    if (auto last = MatchMonthRange(t, i, ctx, out)) return last;
  }
  if (auto last = MatchMonthFirst(t, i, ctx, out)) return last;
  if (auto last = MatchDayFirst(t, i, ctx, out)) return last;
  if (auto last = MatchFiscalYear(t, i, out)) return last;
  if (auto last = MatchQuarter(t, i, ctx, out)) return last;
  return MatchBareYear(t, i, ctx, out);
}

// "mid-June", "early-March", "end-September": the latest such month, unless a year
// follows.
std::optional<int> MatchPartOfMonth(const std::vector<Token>& t, int i,
                                    const DateContext& ctx,
                                    std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const int n = static_cast<int>(t.size());
  const absl::string_view w = t[i].lower;
  if (size_t dash = w.find('-'); dash != absl::string_view::npos) {
    const absl::string_view part = w.substr(0, dash);
    const int month = MonthFromWord(w.substr(dash + 1));
    if (month > 0 &&
        (part == "mid" || part == "early" || part == "late" || part == "end")) {
      int year = month > ref.month ? ref.year - 1 : ref.year;
      int end = i + 1;
      if (end < n && YearToken(t[end])) {
        year = *YearToken(t[end]);
        ++end;
      } else if (int told = YearAfterMonth(t, end, ctx, *out, &end); told > 0) {
        year = told;
      }
      out->push_back({i, end, DateWithPrecision::Month(year, month),
                      end > i + 1 ? DateKind::kAbsolute : DateKind::kRelative});
      return end - 1;
    }
  }
  return std::nullopt;
}

// Weekdays.
// "The summit opens in Baku on Saturday": a verb in the present tense of its third
// person, with "on" and the weekday in its clause, tells what is to come.
bool PresentBeforeWeekday(const std::vector<Token>& t, int i) {
  constexpr int kVerbWindow = 6;  // "opens in the Azerbaijani capital on"
  if (i < 2 || !t[i - 1].LowerIs("on")) return false;
  for (int k = i - 2; k >= 0 && k >= i - kVerbWindow; --k) {
    if (t[k].tag == Tag::kComma || t[k].tag == Tag::kPunct) return false;
    if (t[k].tag != Tag::kVerb) continue;
    return (t[k].verb_forms & kThirdPerson) != 0 && (t[k].verb_forms & kPastTense) == 0 &&
           t[k].lower != t[k].lemma && t[k].lower.back() == 's';
  }
  return false;
}

std::optional<int> MatchWeekday(const std::vector<Token>& t, int i,
                                const DateContext& ctx, std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  const int wd = WeekdayFromWord(t[i].lower);
  if (wd < 0) return std::nullopt;
  int32_t ref_days = Days(ctx.reference);
  int ref_wd = static_cast<int>(((ref_days % 7) + 7 + 3) % 7);  // 1970-01-01: Thursday.
  int32_t days;
  if (FutureBefore(t, i) || PresentBeforeWeekday(t, i)) {
    int delta = (wd - ref_wd + 7) % 7;
    days = ref_days + (delta == 0 ? 7 : delta);
  } else {
    int back = (ref_wd - wd + 7) % 7;
    // "last Friday" in a report of a Friday: the week before, not that day.
    if (back == 0 && i > 0 && t[i - 1].LowerIs("last")) back = 7;
    days = ref_days - back;
  }
  // "from Tuesday to Thursday": days in a row, known to their month.
  if (i + 2 < n && (Is(t, i + 1, "to") || Is(t, i + 1, "until")) &&
      WeekdayFromWord(t[i + 2].lower) >= 0) {
    const DateWithPrecision first = DayFromDays(days);
    out->push_back({i, i + 3, DateWithPrecision::Month(first.year, first.month),
                    DateKind::kWeekday});
    return i + 2;
  }
  out->push_back({i, i + 1, DayFromDays(days), DateKind::kWeekday});
  return i;
}

// "on the same day", "the same week", "on that trip": a period the text gave before,
// the sentence's last date, else the last one stated before it.
std::optional<int> MatchPeriodGivenBefore(const std::vector<Token>& t, int i,
                                          const DateContext& ctx,
                                          std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  // "That May, the president visited Lima", "in that December": a month of the year
  // of the date the text gave last, when it is not before that date's month.
  if (i + 1 < n && t[i].LowerIs("that") && t[i + 1].capitalized &&
      MonthFromWord(t[i + 1].lower) > 0) {
    const int month = MonthFromWord(t[i + 1].lower);
    DateWithPrecision that = out->empty() ? ctx.last_stated : out->back().date;
    if (!that.known()) that = ctx.previous;
    if (!that.known() || (that.precision != DatePrecision::kYear && that.month > month)) {
      return std::nullopt;
    }
    out->push_back(
        {i, i + 2, DateWithPrecision::Month(that.year, month), DateKind::kRelative});
    return i + 1;
  }
  if (i == 0 || i + 1 >= n) return std::nullopt;
  const absl::string_view w = t[i].lower;
  const absl::string_view before = t[i - 1].lower;
  const absl::string_view next = t[i + 1].lower;
  DateWithPrecision that = out->empty() ? ctx.last_stated : out->back().date;
  // "said on the same day": the day the text gave last, else the item's lead. Keyed
  // on "same" rather than on the common "the", which would send every article here.
  if (w == "same" && before == "the" && next == "day") {
    if (!(that.known() && that.precision == DatePrecision::kDay)) that = ctx.previous;
    if (!(that.known() && that.precision == DatePrecision::kDay)) return i;
    out->push_back({i - 1, i + 2, that, DateKind::kRelative});
    return i + 1;
  }
  // "Britain followed suit later that day", "that same day", "later in the day": the
  // day the text gave last.
  const bool that_day = w == "that" && next == "day" &&
                        (before == "later" || before == "earlier" || before == "on");
  const bool that_same_day = w == "same" && before == "that" && next == "day";
  const bool in_the_day = w == "day" && before == "the" && i >= 3 &&
                          t[i - 2].LowerIs("in") &&
                          (t[i - 3].LowerIs("later") || t[i - 3].LowerIs("earlier"));
  if (that_day || that_same_day || in_the_day) {
    if (!(that.known() && that.precision == DatePrecision::kDay)) that = ctx.previous;
    if (!(that.known() && that.precision == DatePrecision::kDay)) return i;
    const int begin = in_the_day ? i - 3 : i - 1;
    out->push_back({begin, in_the_day ? i + 1 : i + 2, that, DateKind::kRelative});
    return in_the_day ? i : i + 1;
  }
  // "The same week Tokyo scrapped ...", "in the same month", "that same month": that
  // date's month (a week is no precision the spec holds).
  if (w == "same" && (before == "the" || before == "that") &&
      (next == "week" || next == "month")) {
    if (!that.known() || that.precision == DatePrecision::kYear) that = ctx.previous;
    if (!that.known() || that.precision == DatePrecision::kYear) return i;
    out->push_back({i - 1, i + 2, DateWithPrecision::Month(that.year, that.month),
                    DateKind::kRelative});
    return i + 1;
  }
  // "Later that week the sides signed ...", "earlier that month": the month of the
  // date the text gave last.
  if (w == "that" && (next == "week" || next == "month") &&
      (before == "later" || before == "earlier" || before == "during" ||
       before == "in")) {
    if (!that.known() || that.precision == DatePrecision::kYear) that = ctx.previous;
    if (!that.known() || that.precision == DatePrecision::kYear) return i;
    out->push_back({i - 1, i + 2, DateWithPrecision::Month(that.year, that.month),
                    DateKind::kRelative});
    return i + 1;
  }
  // "Earlier that year", "later that year", "in the same year", "that same year": the
  // year of the date the text gave last.
  if (((w == "that" && (before == "later" || before == "earlier" || before == "during" ||
                        before == "in")) ||
       (w == "same" && (before == "the" || before == "that"))) &&
      next == "year") {
    if (!that.known()) that = ctx.previous;
    if (!that.known()) return i;
    out->push_back(
        {i - 1, i + 2, DateWithPrecision::Year(that.year), DateKind::kRelative});
    return i + 1;
  }
  // "Exports rose 20% in April. Trade totalled $12 billion in the month": the month
  // of the date the text gave last.
  if (w == "month" && before == "the" && i >= 2 &&
      (t[i - 2].LowerIs("in") || t[i - 2].LowerIs("during") || t[i - 2].LowerIs("for") ||
       t[i - 2].LowerIs("over")) &&
      !t[i + 1].LowerIs("of")) {
    if (out->empty()) that = ctx.last_month;
    if (!that.known() || that.precision == DatePrecision::kYear) that = ctx.previous;
    if (!that.known() || that.precision == DatePrecision::kYear) return i;
    out->push_back({i - 2, i + 1, DateWithPrecision::Month(that.year, that.month),
                    DateKind::kRelative});
    return i;
  }
  // "On that trip the two presidents signed ...", "during that visit": the date the
  // text gave last (the trip's), at its own precision.
  if (w == "that" && (before == "on" || before == "during" || before == "at") &&
      (next == "trip" || next == "visit" || next == "occasion" || next == "tour")) {
    if (!that.known()) return i;
    out->push_back({i - 1, i + 2, that, DateKind::kRelative});
    return i + 1;
  }
  return std::nullopt;
}

// last/this/next year|month|week.
std::optional<int> MatchNamedPeriod(const std::vector<Token>& t, int i,
                                    const DateContext& ctx,
                                    std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const int n = static_cast<int>(t.size());
  const absl::string_view w = t[i].lower;
  if (auto last = MatchPeriodGivenBefore(t, i, ctx, out)) return last;
  // "in the first half of the year": the report's year.
  if (w == "year" && i > 1 && t[i - 1].LowerIs("the") && t[i - 2].LowerIs("of") &&
      (i + 1 >= n || t[i + 1].kind != TokenKind::kNumber)) {
    out->push_back(
        {i - 1, i + 1, DateWithPrecision::Year(ref.year), DateKind::kRelative});
    return i;
  }
  // "the coming year" is the next.
  const bool coming = w == "coming" && i > 0 && t[i - 1].LowerIs("the");
  if (!((w == "last" || w == "this" || w == "next" || w == "previous" || w == "past" ||
         coming) &&
        i + 1 < n && !t[i + 1].LowerIs("day") && !t[i + 1].LowerIs("evening") &&
        !t[i + 1].LowerIs("night") && !t[i + 1].LowerIs("morning") &&
        !t[i + 1].LowerIs("afternoon"))) {
    return std::nullopt;
  }
  absl::string_view unit = t[i + 1].lower;
  // "+18.4% compared to the same period last year": the baseline of a change.
  if (w == "last" && i >= 2 && t[i - 2].LowerIs("same") &&
      (t[i - 1].LowerIs("period") || t[i - 1].LowerIs("month") ||
       t[i - 1].LowerIs("quarter") || t[i - 1].LowerIs("time"))) {
    return i + 1;
  }
  int delta = (w == "last" || w == "previous" || w == "past")
                  ? -1
                  : (w == "next" || coming ? 1 : 0);
  if (unit == "year") {
    out->push_back(
        {i, i + 2, DateWithPrecision::Year(ref.year + delta), DateKind::kRelative});
    return i + 1;
  }
  if (unit == "month") {
    int m = ref.month + delta, y = ref.year;
    if (m < 1) m = 12, --y;
    if (m > 12) m = 1, ++y;
    out->push_back({i, i + 2, DateWithPrecision::Month(y, m), DateKind::kRelative});
    return i + 1;
  }
  // "over the next quarter century" is no quarter of a year.
  if (unit == "quarter" && !(i + 2 < n && t[i + 2].LowerIs("century"))) {
    // "last quarter" in January is the previous year's fourth.
    const int quarter = (ref.month - 1) / 3 + delta;
    const int year = ref.year + (quarter < 0 ? -1 : (quarter > 3 ? 1 : 0));
    out->push_back({i, i + 2, DateWithPrecision::Year(year), DateKind::kRelative});
    return i + 1;
  }
  if (unit == "week") {
    DateWithPrecision d = DayFromDays(Days(ref) + 7 * delta);
    out->push_back(
        {i, i + 2, DateWithPrecision::Month(d.year, d.month), DateKind::kRelative});
    return i + 1;
  }
  return i;
}

// "14% more than a year earlier", "up 7.5 per cent on the previous year": a period
// counted back after a word of comparison is the baseline a change is measured
// from, not a date of the event; the phrase starts at `first`.
bool ComparisonBefore(const std::vector<Token>& t, int first) {
  if (first == 0) return false;
  const absl::string_view w = t[first - 1].lower;
  return w == "than" || w == "with" || w == "from" || w == "on" || w == "over" ||
         w == "versus" || w == "vs" || w == "vs.";
}

// "after Canada expelled ...": the word at k opens a clause, whose verb comes before
// any comma (not "a day after Samarkand, the president ...").
bool OpensClause(const std::vector<Token>& t, int k) {
  constexpr int kSubjectWindow =
      8;  // "after the two neighbouring Gulf monarchies agreed"
  if (k < 0 || k >= static_cast<int>(t.size()) || t[k].tag != Tag::kSubordinator) {
    return false;
  }
  const int end = std::min(static_cast<int>(t.size()), k + 1 + kSubjectWindow);
  for (int j = k + 1; j < end; ++j) {
    if (t[j].tag == Tag::kComma || t[j].tag == Tag::kPunct) return false;
    if (t[j].tag == Tag::kVerb) return true;
  }
  return false;
}

// "less than ten months after", "nearly a year after": a count only roughly known.
bool ApproximateCount(const std::vector<Token>& t, int i) {
  if (i < 1) return false;
  const Token& before = t[i - 1];
  return before.LowerIs("than") || before.LowerIs("nearly") || before.LowerIs("almost") ||
         before.LowerIs("about") || before.LowerIs("some") || before.LowerIs("roughly") ||
         before.LowerIs("around") || before.LowerIs("over") || before.LowerIs("barely") ||
         before.LowerIs("under") || before.LowerIs("approximately");
}

// "a week after Canada expelled ...", "a month after ...": "a" counting one unit
// before a clause that "after" opens.
bool OneUnitBeforeClause(const std::vector<Token>& t, int i) {
  const int n = static_cast<int>(t.size());
  return t[i].LowerIs("a") && i + 3 < n && t[i + 2].LowerIs("after") &&
         OpensClause(t, i + 2) &&
         (t[i + 1].LowerIs("year") || t[i + 1].LowerIs("month") ||
          t[i + 1].LowerIs("week") || t[i + 1].LowerIs("day"));
}

// "earlier this year" handled by "this year"; "N days/weeks ago|after|earlier";
// "three years ago" (the year), "two months earlier" (the month).
// "Two days later", "three days earlier", "two weeks ago", "a week after Canada
// expelled ...": a count of days or weeks `per` days long.
std::optional<int> CountOfDays(const std::vector<Token>& t, int i, const DateContext& ctx,
                               int per, int back_count, absl::string_view dir,
                               std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const bool back = dir == "ago" || dir == "earlier" || dir == "before";
  // "Two days later, X and Y signed", "three days earlier": from the last day this
  // sentence named, else from the item's last event.
  if ((dir == "later" || dir == "earlier")) {
    DateWithPrecision from = ctx.previous;
    for (auto it = out->rbegin(); it != out->rend(); ++it) {
      if (it->date.precision == graph::DatePrecision::kDay) {
        from = it->date;
        break;
      }
    }
    if (from.precision == graph::DatePrecision::kDay) {
      const int sign = dir == "later" ? 1 : -1;
      out->push_back({i, i + 3, DayFromDays(Days(from) + sign * per * back_count),
                      DateKind::kSequel});
      return i + 2;
    }
  }
  if (back || dir == "after") {
    // "on Thursday, two days after Managua expelled ...": from the day the sentence
    // named before, when it named one; else from the report.
    DateWithPrecision from = ref;
    // Before a clause, the date is that clause's: it stands on "after".
    const bool clause_after = dir == "after" && OpensClause(t, i + 2);
    // "The visit came a day after ...": with no day of its own, the sentence speaks
    // of the item's last event.
    if (clause_after && ctx.previous.precision == graph::DatePrecision::kDay) {
      from = ctx.previous;
    }
    if (dir == "after" && !out->empty() &&
        out->back().date.precision == graph::DatePrecision::kDay) {
      from = out->back().date;
    }
    const int begin = clause_after ? i + 2 : i;
    out->push_back(
        {begin, i + 3, DayFromDays(Days(from) - per * back_count), DateKind::kRelative});
    return i + 2;
  }
  return std::nullopt;
}

// "had joined a year earlier", "two months later": from the last date named.
std::optional<int> CountOfYearsOrMonthsAround(const std::vector<Token>& t, int i,
                                              const DateContext& ctx, int back_count,
                                              absl::string_view unit,
                                              absl::string_view dir,
                                              std::vector<DateMention>* out) {
  const bool in_decades = unit == "decade" || unit == "decades";
  const bool in_years = unit == "year" || unit == "years" || in_decades;
  const bool in_months = unit == "month" || unit == "months";
  if ((in_years || in_months) && (dir == "later" || dir == "earlier")) {
    if (ComparisonBefore(t, i)) return i + 2;
    DateWithPrecision from = ctx.last_stated.known() ? ctx.last_stated : ctx.previous;
    if (!out->empty()) from = out->back().date;
    const int sign = dir == "later" ? 1 : -1;
    if (in_years && from.known()) {
      // "in March ... from R6.1 billion a year earlier": an amount of the same month
      // a year back (an event "a year later" is known to its year).
      const int year = from.year + sign * back_count * (in_decades ? 10 : 1);
      const bool of_amount =
          i > 0 && (t[i - 1].kind == TokenKind::kNumber || t[i - 1].LowerIs("million") ||
                    t[i - 1].LowerIs("billion") || t[i - 1].LowerIs("trillion"));
      out->push_back({i, i + 3,
                      of_amount && from.precision >= DatePrecision::kMonth
                          ? DateWithPrecision::Month(year, from.month)
                          : DateWithPrecision::Year(year),
                      DateKind::kSequel});
      return i + 2;
    }
    if (in_months && from.precision >= DatePrecision::kMonth) {
      const int m = from.year * 12 + (from.month - 1) + sign * back_count;
      out->push_back(
          {i, i + 3, DateWithPrecision::Month(m / 12, m % 12 + 1), DateKind::kSequel});
      return i + 2;
    }
    // "joined in 1992 ... a month later": known to the year only.
    if (in_months && back_count == 1 && from.precision == DatePrecision::kYear &&
        from.known()) {
      out->push_back({i, i + 3, from, DateKind::kSequel});
      return i + 2;
    }
    // With no date before it, "two months earlier" counts back from the report.
  }
  return std::nullopt;
}

// The last of `out` that is not itself the date of a clause "after" opens: "two decades
// after it joined the EU and a year after it joined Schengen" both count back from the
// day the sentence named; nullptr when none.
const DateMention* LastNotAfterClause(const std::vector<Token>& t,
                                      const std::vector<DateMention>& out) {
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    if (it->kind == DateKind::kRelative && t[it->begin].LowerIs("after")) continue;
    return &*it;
  }
  return nullptr;
}

// "five decades after the two countries established relations", "two months after
// Ottawa expelled ...": so long before the day named (else the report), dated on the
// "after" that opens the clause.
std::optional<int> CountBeforeClause(const std::vector<Token>& t, int i,
                                     const DateContext& ctx, int back_count,
                                     absl::string_view unit, absl::string_view dir,
                                     std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const bool in_decades = unit == "decade" || unit == "decades";
  const bool in_years = unit == "year" || unit == "years" || in_decades;
  const bool in_months = unit == "month" || unit == "months";
  // "opened its embassy on Thursday, nearly five decades after the two countries
  // established relations": the clause after it lies that long before the day named.
  // Not "six decades after independence": only "after" that opens a clause.
  if (dir == "after" && t[i + 2].tag == Tag::kSubordinator && in_years) {
    DateWithPrecision from = ref;
    if (const DateMention* last = LastNotAfterClause(t, *out)) from = last->date;
    const int years = back_count * (in_decades ? 10 : 1);
    if (from.known() && from.year > years) {
      // The date is the clause's that "after" opens: it stands on that word.
      out->push_back({i + 2, i + 3, DateWithPrecision::Year(from.year - years),
                      DateKind::kRelative});
      return i + 2;
    }
  }
  // "The sanctions come two months after Ottawa expelled ...": so many months before
  // the day named, else the report, known to the month.
  if (dir == "after" && OpensClause(t, i + 2) && in_months && !ApproximateCount(t, i)) {
    DateWithPrecision from = ref;
    if (const DateMention* last = LastNotAfterClause(t, *out)) from = last->date;
    if (from.precision >= DatePrecision::kMonth) {
      const int m = from.year * 12 + (from.month - 1) - back_count;
      out->push_back({i + 2, i + 3, DateWithPrecision::Month(m / 12, m % 12 + 1),
                      DateKind::kRelative});
      return i + 2;
    }
  }
  return std::nullopt;
}

std::optional<int> MatchCountedPeriod(const std::vector<Token>& t, int i,
                                      const DateContext& ctx,
                                      std::vector<DateMention>* out) {
  const DateWithPrecision& ref = ctx.reference;
  const int n = static_cast<int>(t.size());
  auto count = ParseCount(t[i]);
  // "a decade ago", "two decades ago": ten years each ("a" counts only decades).
  const bool a_decade = t[i].LowerIs("a") && i + 1 < n && t[i + 1].LowerIs("decade");
  if (!count && a_decade) count = 1;
  // "a year earlier", "a month later", "a week later": one, from the last date named;
  // "a year ago", "a month ago": one, back from the report.
  const bool a_period = t[i].LowerIs("a") && i + 2 < n &&
                        (t[i + 1].LowerIs("year") || t[i + 1].LowerIs("month") ||
                         t[i + 1].LowerIs("decade") || t[i + 1].LowerIs("week") ||
                         t[i + 1].LowerIs("day")) &&
                        (t[i + 2].LowerIs("earlier") || t[i + 2].LowerIs("later") ||
                         t[i + 2].LowerIs("ago"));
  if (!count && a_period) count = 1;
  // "came a month after Canada expelled ...": one, before the clause "after" opens.
  if (!count && OneUnitBeforeClause(t, i) && !ApproximateCount(t, i)) count = 1;
  if (!(count && i + 2 < n)) return std::nullopt;
  absl::string_view unit = t[i + 1].lower;
  absl::string_view dir = t[i + 2].lower;
  if ((unit == "decade" || unit == "decades") && dir == "ago") {
    out->push_back({i, i + 3,
                    DateWithPrecision::Year(ref.year - 10 * static_cast<int>(*count)),
                    DateKind::kRelative});
    return i + 2;
  }
  const bool back = dir == "ago" || dir == "earlier" || dir == "before";
  int per = (unit == "day" || unit == "days")     ? 1
            : (unit == "week" || unit == "weeks") ? 7
                                                  : 0;
  const int back_count = static_cast<int>(*count);
  if (per > 0) {
    if (auto last = CountOfDays(t, i, ctx, per, back_count, dir, out)) return last;
  }
  if (auto last = CountOfYearsOrMonthsAround(t, i, ctx, back_count, unit, dir, out)) {
    return last;
  }
  if (auto last = CountBeforeClause(t, i, ctx, back_count, unit, dir, out)) return last;
  if ((unit == "year" || unit == "years") && dir == "ago") {
    // "forty years ago today": that very day, so many years back.
    if (i + 3 < n && t[i + 3].LowerIs("today") && ref.precision == DatePrecision::kDay) {
      const int year = ref.year - back_count;
      const int day = std::min(ref.day, graph::DaysInMonth(year, ref.month));
      out->push_back(
          {i, i + 4, DateWithPrecision::Day(year, ref.month, day), DateKind::kRelative});
      return i + 3;
    }
    out->push_back(
        {i, i + 3, DateWithPrecision::Year(ref.year - back_count), DateKind::kRelative});
    return i + 2;
  }
  if ((unit == "month" || unit == "months") && back) {
    const int months = ref.year * 12 + (ref.month - 1) - back_count;
    out->push_back({i, i + 3, DateWithPrecision::Month(months / 12, months % 12 + 1),
                    DateKind::kRelative});
    return i + 2;
  }
  return i;
}

// "in May 2016 ... and the following year", "up from $4 billion the previous
// year": from the last date this sentence named, to that precision. "The following
// year" opening a sentence counts from the last date the text stated (else the
// item's last event); "the previous year" there is the report's.
bool IsSeason(const Token& t) {
  return t.LowerIs("spring") || t.LowerIs("summer") || t.LowerIs("autumn") ||
         t.LowerIs("fall") || t.LowerIs("winter");
}

std::optional<int> MatchSequelPeriod(const std::vector<Token>& t, int i,
                                     const DateContext& ctx,
                                     std::vector<DateMention>* out) {
  const absl::string_view w = t[i].lower;
  // "last spring", "this autumn": the report's own season, or the latest one over,
  // known to its year. Winter spans two years, so it dates nothing.
  if (i + 1 < static_cast<int>(t.size()) && IsSeason(t[i + 1]) &&
      !t[i + 1].LowerIs("winter") && (w == "last" || w == "this") &&
      ctx.reference.known()) {
    const int last_month = t[i + 1].LowerIs("spring")   ? 5
                           : t[i + 1].LowerIs("summer") ? 8
                                                        : 11;
    const int year = w == "this" || ctx.reference.month > last_month
                         ? ctx.reference.year
                         : ctx.reference.year - 1;
    out->push_back({i, i + 2, DateWithPrecision::Year(year), DateKind::kRelative});
    return i + 1;
  }
  // "the following spring", "that autumn": a season of the year after the last date
  // named, or of that year, known to its year.
  if (i + 1 < static_cast<int>(t.size()) && IsSeason(t[i + 1]) &&
      (((w == "following" || w == "next") && i > 0 && Is(t, i - 1, "the")) ||
       w == "that")) {
    const DateWithPrecision from =
        !out->empty() ? out->back().date
                      : (ctx.last_stated.known() ? ctx.last_stated : DateWithPrecision());
    if (!from.known()) return std::nullopt;
    const int begin = w == "that" ? i : i - 1;
    out->push_back({begin, i + 2,
                    DateWithPrecision::Year(from.year + (w == "that" ? 0 : 1)),
                    DateKind::kSequel});
    return i + 1;
  }
  const bool whole_period = Is(t, i + 1, "year") || Is(t, i + 1, "month");
  if (!(w == "following" || w == "next" || w == "previous") || !whole_period || i == 0 ||
      !Is(t, i - 1, "the")) {
    return std::nullopt;
  }
  if (ComparisonBefore(t, i - 1)) return i + 1;
  DateWithPrecision from;
  if (!out->empty()) {
    from = out->back().date;
  } else if (w != "previous") {
    from = ctx.last_stated.known() ? ctx.last_stated : ctx.previous;
  }
  const int delta = w == "previous" ? -1 : 1;
  if (Is(t, i + 1, "year") && from.known()) {
    out->push_back(
        {i - 1, i + 2, DateWithPrecision::Year(from.year + delta), DateKind::kSequel});
    return i + 1;
  }
  if (Is(t, i + 1, "month") && from.precision >= DatePrecision::kMonth) {
    const int months = from.year * 12 + (from.month - 1) + delta;
    out->push_back({i - 1, i + 2, DateWithPrecision::Month(months / 12, months % 12 + 1),
                    DateKind::kSequel});
    return i + 1;
  }
  return std::nullopt;
}

// "$4.2 billion in 2025, up from $3.9 billion the year before": the year (or month)
// before the last date this sentence named, else the last the text stated.
std::optional<int> MatchPeriodBefore(const std::vector<Token>& t, int i,
                                     const DateContext& ctx,
                                     std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  const absl::string_view w = t[i].lower;
  if (!(w == "year" || w == "month") || i == 0 || !Is(t, i - 1, "the") || i + 1 >= n ||
      !(Is(t, i + 1, "before") || Is(t, i + 1, "earlier"))) {
    return std::nullopt;
  }
  // "the year before the crisis" names its own time.
  if (i + 2 < n && t[i + 2].kind != TokenKind::kPunct) return std::nullopt;
  const DateWithPrecision from = !out->empty() ? out->back().date : ctx.last_stated;
  if (!from.known()) return std::nullopt;
  if (w == "year") {
    out->push_back(
        {i - 1, i + 2, DateWithPrecision::Year(from.year - 1), DateKind::kSequel});
    return i + 1;
  }
  if (from.precision == DatePrecision::kYear) return std::nullopt;
  const int months = from.year * 12 + (from.month - 1) - 1;
  out->push_back({i - 1, i + 2, DateWithPrecision::Month(months / 12, months % 12 + 1),
                  DateKind::kSequel});
  return i + 1;
}

// "the following day", "the next morning": from the last day this sentence named,
// else from the item's last event.
std::optional<int> MatchSequelDay(const std::vector<Token>& t, int i,
                                  const DateContext& ctx, std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  const absl::string_view w = t[i].lower;
  DateWithPrecision previous = ctx.previous;
  for (auto it = out->rbegin(); it != out->rend(); ++it) {
    if (it->date.precision == DatePrecision::kDay) {
      previous = it->date;
      break;
    }
  }
  // "India closed its airspace days later", "in March, and weeks later": days or
  // weeks not counted, from the last date told (in this sentence, else before it,
  // else the item's last event), fall in its month (told no finer than that).
  if ((w == "days" || w == "weeks") &&
      (Is(t, i + 1, "later") || Is(t, i + 1, "earlier")) &&
      !(i > 0 && t[i - 1].tag == Tag::kNumber)) {
    const DateWithPrecision from = !out->empty()             ? out->back().date
                                   : ctx.last_stated.known() ? ctx.last_stated
                                                             : ctx.previous;
    if (from.known()) {
      out->push_back({i, i + 2,
                      from.precision == DatePrecision::kYear
                          ? from
                          : DateWithPrecision::Month(from.year, from.month),
                      DateKind::kSequel});
      return i + 1;
    }
  }
  bool part_of_day = Is(t, i + 1, "day") || Is(t, i + 1, "morning") ||
                     Is(t, i + 1, "evening") || Is(t, i + 1, "night") ||
                     Is(t, i + 1, "afternoon");
  if ((w == "following" || w == "next" || w == "previous") && part_of_day &&
      previous.precision == DatePrecision::kDay) {
    int delta = w == "previous" ? -1 : 1;
    out->push_back({i, i + 2, DayFromDays(Days(previous) + delta), DateKind::kSequel});
    return i + 1;
  }
  // "In 2019 Chile imposed tariffs. The following day, Peru ...": a day after a date
  // known only to its month or year is in that month or year (not the report's).
  if ((w == "following" || w == "next") && Is(t, i + 1, "day") && i > 0 &&
      Is(t, i - 1, "the") && out->empty() && ctx.last_stated.known() &&
      ctx.last_stated.precision != DatePrecision::kDay &&
      ctx.last_stated.FirstDay() < ctx.reference.FirstDay() &&
      ctx.last_stated.year < ctx.reference.year) {
    out->push_back({i, i + 2, ctx.last_stated, DateKind::kSequel});
    return i + 1;
  }
  // "The day before, X met Y", "a day later": from the last day named. Not "the day
  // after the summit", whose day is the summit's.
  if (w == "day" && i > 0 && (Is(t, i - 1, "the") || Is(t, i - 1, "a")) &&
      previous.precision == DatePrecision::kDay && i + 1 < n) {
    const absl::string_view next = t[i + 1].lower;
    const int delta = next == "before" || next == "earlier" ? -1
                      : next == "after" || next == "later"  ? 1
                                                            : 0;
    // "later" and "earlier" take no object; "before" and "after" may.
    const bool alone = next == "later" || next == "earlier" || i + 2 >= n ||
                       t[i + 2].kind == TokenKind::kPunct;
    if (delta != 0 && alone) {
      out->push_back(
          {i - 1, i + 2, DayFromDays(Days(previous) + delta), DateKind::kSequel});
      return i + 1;
    }
  }
  // "On the eve of the forum": the day before the last day named (the event's). Not
  // after this sentence's own day: "On Friday, on the eve of the opening" is Friday.
  const bool own_day_before = !out->empty() &&
                              out->back().date.precision == DatePrecision::kDay &&
                              out->back().end + 3 >= i - 1;
  if (w == "eve" && i > 0 && Is(t, i - 1, "the") && Is(t, i + 1, "of") &&
      previous.precision == DatePrecision::kDay && !own_day_before) {
    out->push_back({i - 1, i + 2, DayFromDays(Days(previous) - 1), DateKind::kSequel});
    return i + 1;
  }
  return std::nullopt;
}

// "yesterday", "today", "currently", "underway".
std::optional<int> MatchNow(const std::vector<Token>& t, int i, const DateContext& ctx,
                            std::vector<DateMention>* out) {
  const absl::string_view w = t[i].lower;
  // "held consultations in Riyadh today (02.02.2026)": the date in brackets says
  // which day "today" was; it is read on its own.
  const int n = static_cast<int>(t.size());
  if ((w == "today" || w == "yesterday") && i + 2 < n && t[i + 1].text == "(" &&
      (IsNumericDate(t[i + 2]) || DayToken(t[i + 2]) ||
       MonthFromWord(t[i + 2].lower) > 0)) {
    return i;
  }
  // "this morning", "tonight", "last night": parts of the report's day or the one
  // before.
  const bool part_of_day =
      i + 1 < n && (t[i + 1].LowerIs("morning") || t[i + 1].LowerIs("afternoon") ||
                    t[i + 1].LowerIs("evening") || t[i + 1].LowerIs("night"));
  if ((w == "this" || w == "last") && part_of_day) {
    const int delta = w == "last" ? -1 : 0;
    out->push_back({i, i + 2, DayFromDays(Days(ctx.reference) + delta),
                    delta ? DateKind::kRelative : DateKind::kNow});
    return i + 1;
  }
  if (w == "yesterday" || w == "today" || w == "tonight" || w == "currently" ||
      w == "underway") {
    int delta = w == "yesterday" ? -1 : 0;
    out->push_back({i, i + 1, DayFromDays(Days(ctx.reference) + delta),
                    delta ? DateKind::kRelative : DateKind::kNow});
    return i;
  }
  return std::nullopt;
}

// "signed on the 14th": a day of the report's month, or of the month before when the
// report has not reached it. Not "on the 14th day", "the 3rd round".
std::optional<int> MatchOrdinalDay(const std::vector<Token>& t, int i,
                                   const DateContext& ctx,
                                   std::vector<DateMention>* out) {
  const int n = static_cast<int>(t.size());
  if (i < 2 || !IsOrdinalDay(t[i]) || !Is(t, i - 1, "the") || !Is(t, i - 2, "on")) {
    return std::nullopt;
  }
  if (i + 1 < n && t[i + 1].kind == TokenKind::kWord && !t[i + 1].LowerIs("of") &&
      !absl::ascii_isupper(static_cast<unsigned char>(t[i + 1].text[0])) &&
      (t[i + 1].tag == Tag::kNoun || t[i + 1].tag == Tag::kAdjective)) {
    return std::nullopt;
  }
  const DateWithPrecision& ref = ctx.reference;
  int year = ref.year;
  int month = std::max(ref.month, 1);
  const int day = *DayToken(t[i]);
  if (ref.precision == graph::DatePrecision::kDay && day > ref.day) {
    month = month == 1 ? 12 : month - 1;
    if (month == 12) --year;
  }
  if (day > graph::DaysInMonth(year, month)) return std::nullopt;
  out->push_back(
      {i - 1, i + 1, DateWithPrecision::Day(year, month, day), DateKind::kAbsolute});
  return i;
}

// The dates known only from the reference date (which must be known).
std::optional<int> MatchReferredDate(const std::vector<Token>& t, int i,
                                     const DateContext& ctx,
                                     std::vector<DateMention>* out) {
  if (auto last = MatchOrdinalDay(t, i, ctx, out)) return last;
  if (auto last = MatchPartOfMonth(t, i, ctx, out)) return last;
  if (auto last = MatchWeekday(t, i, ctx, out)) return last;
  if (auto last = MatchSequelPeriod(t, i, ctx, out)) return last;
  if (auto last = MatchPeriodBefore(t, i, ctx, out)) return last;
  if (auto last = MatchNamedPeriod(t, i, ctx, out)) return last;
  if (auto last = MatchCountedPeriod(t, i, ctx, out)) return last;
  if (auto last = MatchSequelDay(t, i, ctx, out)) return last;
  return MatchNow(t, i, ctx, out);
}

}  // namespace

// "on Tuesday, 8 October 2024", "Friday 14 March": a weekday right before a written
// day names that day; the two are one date, the written one.
void MergeWeekdaysIntoDates(const std::vector<Token>& t, std::vector<DateMention>* out) {
  if (std::none_of(out->begin(), out->end(),
                   [](const DateMention& d) { return d.kind == DateKind::kWeekday; })) {
    return;
  }
  std::vector<DateMention> merged;
  for (size_t k = 0; k < out->size(); ++k) {
    const DateMention& d = (*out)[k];
    if (d.kind == DateKind::kWeekday && k + 1 < out->size()) {
      const DateMention& next = (*out)[k + 1];
      int gap = next.begin - d.end;
      const bool comma = gap == 1 && t[d.end].text == ",";
      if ((gap == 0 || comma) && next.kind == DateKind::kAbsolute &&
          next.date.precision == DatePrecision::kDay) {
        DateMention whole = next;
        whole.begin = d.begin;
        merged.push_back(whole);
        ++k;
        continue;
      }
    }
    merged.push_back(d);
  }
  *out = std::move(merged);
}

// "Two months after the election of 9 August 2020, ...", "a year after the 2019
// vote": a count of time after a dated thing is that long after the thing's date,
// which dates the clause, not the thing. Rewrites that date in *out.
void CountAfterDatedThing(const std::vector<Token>& t, std::vector<DateMention>* out) {
  constexpr int kThingWindow = 10;  // "after the disputed presidential election of"
  const int n = static_cast<int>(t.size());
  for (int i = 0; i + 3 < n; ++i) {
    // Not "a decade after they became partners in 2013": a clause's date is its own.
    // Nor "13 years after joining the bloc in 2009": a gerund's neither.
    if (!t[i + 2].LowerIs("after") || t[i + 2].tag == Tag::kSubordinator ||
        (t[i + 3].verb_forms & kGerund)) {
      continue;
    }
    std::optional<int64_t> count = ParseCount(t[i]);
    if (!count && (t[i].LowerIs("a") || t[i].LowerIs("an"))) count = 1;
    if (!count || *count <= 0 || *count > 100) continue;
    const absl::string_view unit = t[i + 1].lower;
    const int days = unit == "day" || unit == "days"     ? 1
                     : unit == "week" || unit == "weeks" ? 7
                                                         : 0;
    const int months = unit == "month" || unit == "months"     ? 1
                       : unit == "year" || unit == "years"     ? 12
                       : unit == "decade" || unit == "decades" ? 120
                                                               : 0;
    if (days == 0 && months == 0) continue;
    auto thing = std::find_if(out->begin(), out->end(), [&](const DateMention& d) {
      return d.begin > i + 2 && d.begin <= i + 2 + kThingWindow &&
             d.kind == DateKind::kAbsolute;
    });
    if (thing == out->end()) continue;
    bool broken = false;
    for (int k = i + 3; k < thing->begin; ++k) {
      broken |= t[k].kind == TokenKind::kPunct || t[k].text == ",";
    }
    if (broken) continue;
    const DateWithPrecision& from = thing->date;
    const int shift = static_cast<int>(*count);
    DateWithPrecision date;
    if (days > 0 && from.precision == DatePrecision::kDay) {
      date = DayFromDays(Days(from) + days * shift);
    } else if (months >= 12) {
      date = DateWithPrecision::Year(from.year + months / 12 * shift);
    } else if (months > 0 && from.precision >= DatePrecision::kMonth) {
      const int m = from.year * 12 + (from.month - 1) + shift;
      date = DateWithPrecision::Month(m / 12, m % 12 + 1);
    } else {
      continue;
    }
    const int end = thing->end;
    out->erase(thing);
    out->erase(std::remove_if(
                   out->begin(), out->end(),
                   [&](const DateMention& d) { return d.begin >= i && d.begin < i + 3; }),
               out->end());
    out->push_back({i, end, date, DateKind::kSequel});
    std::sort(out->begin(), out->end(), [](const DateMention& a, const DateMention& b) {
      return a.begin < b.begin;
    });
  }
}

std::vector<DateMention> FindDates(const std::vector<Token>& t, const DateContext& ctx) {
  std::vector<DateMention> out;
  const int n = static_cast<int>(t.size());
  for (int i = 0; i < n; ++i) {
    // "a decade ago", "a year earlier": "a" starts a date only before these (it is
    // too common to try always).
    const bool a_decade =
        (t[i].LowerIs("a") && i + 1 < static_cast<int>(t.size()) &&
         (t[i + 1].LowerIs("decade") || t[i + 1].LowerIs("year") ||
          t[i + 1].LowerIs("month") ||
          // "a week later", "a day earlier".
          ((t[i + 1].LowerIs("week") || t[i + 1].LowerIs("day")) &&
           i + 2 < static_cast<int>(t.size()) &&
           (t[i + 2].LowerIs("later") || t[i + 2].LowerIs("earlier"))))) ||
        OneUnitBeforeClause(t, i);
    if (!a_decade && !MayStartDate(t[i])) continue;
    std::optional<int> last = MatchStatedDate(t, i, ctx, &out);
    if (!last && ctx.reference.known()) last = MatchReferredDate(t, i, ctx, &out);
    if (last) i = *last;
  }
  CountAfterDatedThing(t, &out);
  MergeWeekdaysIntoDates(t, &out);
  return out;
}

}  // namespace entente::importers::internal
