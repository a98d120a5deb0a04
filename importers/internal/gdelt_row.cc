#include "importers/internal/gdelt_row.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "graph/model.h"

namespace entente::importers::internal {
namespace {

// Column indices (see the header).
constexpr int kEventId = 0;
constexpr int kDay = 1;
constexpr int kActor1Code = 5;
constexpr int kActor1Country = 7;
constexpr int kActor1Type = 12;
constexpr int kActor2Code = 15;
constexpr int kActor2Country = 17;
constexpr int kActor2Type = 22;
constexpr int kEventCode = 26;
constexpr int kGoldstein = 30;
constexpr int kMentions = 31;
constexpr int kSources = 32;
constexpr int kArticles = 33;
constexpr int kTone = 34;

// Column starts are kept for this many columns; rows of more columns are
// rejected before any is read.
constexpr uint32_t kSlots = 64;

// The value of 1..max_digits decimal digits; -1 for anything else.
int64_t Digits(absl::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return -1;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Days since 1970-01-01 of "YYYYMMDD..." (the first eight characters, all
// digits); nullopt when they are not a calendar date.
std::optional<int32_t> CalendarDay(absl::string_view digits) {
  const int64_t value = Digits(digits.substr(0, 8), 8);
  if (value < 0 || digits.size() < 8) return std::nullopt;
  const int year = static_cast<int>(value / 10000);
  const int month = static_cast<int>(value / 100 % 100);
  const int day = static_cast<int>(value % 100);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > graph::DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return graph::DaysFromCivil(year, month, day);
}

bool IsCountryCode(absl::string_view code) {
  if (code.empty()) return true;
  return code.size() == 3 && std::all_of(code.begin(), code.end(),
                                         [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A finite decimal number within [-limit, limit].
bool Decimal(absl::string_view text, double limit, double* out) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && std::isfinite(*out) && *out >= -limit &&
         *out <= limit;
}

bool Count(absl::string_view text, int32_t* out) {
  const int64_t value = Digits(text, 9);
  *out = static_cast<int32_t>(value);
  return value >= 0;
}

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points past U+10FFFF). ASCII, GDELT's usual case, goes eight bytes at
// a time.
bool IsUtf8(absl::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    unsigned char low = 0x80, high = 0xbf;  // The range of the second byte.
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      extra = 2;
      if (c == 0xe0) low = 0xa0;
      if (c == 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      extra = 3;
      if (c == 0xf0) low = 0x90;
      if (c == 0xf4) high = 0x8f;
    } else {
      return false;
    }
    if (end - p <= extra || p[1] < low || p[1] > high) return false;
    for (int k = 2; k <= extra; ++k) {
      if ((p[k] & 0xc0) != 0x80) return false;
    }
    p += extra + 1;
  }
  return true;
}

// Fills start[1..] with the offset after each tab of `line` (start[0] = 0)
// and returns the number of tabs; past kSlots - 1 tabs only counts them.
// Eight bytes at a time (SWAR): a byte of `word ^ kTabs` is zero exactly
// where `word` holds a tab, and ZeroBytes marks those bytes with 0x80.
uint32_t FindTabs(absl::string_view line, uint32_t* start) {
  static_assert(std::endian::native == std::endian::little,
                "byte order: the lowest set bit must be the first byte");
  constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  constexpr uint64_t kTabs = 0x0909090909090909ULL;
  auto zero_bytes = [](uint64_t v) { return ~(((v & kLow7) + kLow7) | v | kLow7); };
  const char* data = line.data();
  const uint32_t size = static_cast<uint32_t>(line.size());
  start[0] = 0;
  uint32_t tabs = 0;
  auto found = [&](uint32_t at) {
    ++tabs;
    if (tabs < kSlots) start[tabs] = at + 1;
  };
  uint32_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    for (uint64_t marks = zero_bytes(word ^ kTabs); marks != 0; marks &= marks - 1) {
      found(i + static_cast<uint32_t>(std::countr_zero(marks)) / 8);
    }
  }
  for (; i < size; ++i) {
    if (data[i] == '\t') found(i);
  }
  return tabs;
}

}  // namespace

std::optional<GdeltLayout> LayoutWithColumns(int columns) {
  switch (columns) {
    case 57:
      return GdeltLayout::kV1;
    case 58:
      return GdeltLayout::kV1WithUrl;
    case 61:
      return GdeltLayout::kV2;
    default:
      return std::nullopt;
  }
}

absl::string_view RowProblemName(RowProblem problem) {
  switch (problem) {
    case RowProblem::kNone:
      return "";
    case RowProblem::kColumns:
      return "columns";
    case RowProblem::kEventId:
      return "GlobalEventID";
    case RowProblem::kDay:
      return "Day";
    case RowProblem::kCountryCode:
      return "country code";
    case RowProblem::kEventCode:
      return "EventCode";
    case RowProblem::kNumber:
      return "number";
    case RowProblem::kDateAdded:
      return "DATEADDED";
    case RowProblem::kText:
      return "UTF-8";
  }
  return "";
}

int CountColumns(absl::string_view line) {
  return 1 + static_cast<int>(std::count(line.begin(), line.end(), '\t'));
}

RowProblem ParseGdeltRow(absl::string_view line, GdeltLayout layout, GdeltRow* row,
                         std::string* detail, int* columns) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  uint32_t start[kSlots];
  const uint32_t tabs = FindTabs(line, start);
  const int count = static_cast<int>(tabs) + 1;
  if (columns != nullptr) *columns = count;
  const int want = static_cast<int>(layout);
  if (count != want) {
    *detail = absl::StrCat(count, " tab-separated columns, expected ", want);
    return RowProblem::kColumns;
  }
  auto column = [&](int i) {
    const uint32_t end =
        i + 1 < count ? start[i + 1] - 1 : static_cast<uint32_t>(line.size());
    return line.substr(start[i], end - start[i]);
  };

  const absl::string_view id = column(kEventId);
  const int64_t id_value = Digits(id, 10);
  if (id_value < 1 || id_value > INT32_MAX) {
    *detail =
        absl::StrCat("GlobalEventID '", id, "' is not a number from 1 to ", INT32_MAX);
    return RowProblem::kEventId;
  }
  row->event_id = static_cast<int32_t>(id_value);

  const absl::string_view day = column(kDay);
  std::optional<int32_t> day_value = day.size() == 8 ? CalendarDay(day) : std::nullopt;
  if (!day_value) {
    *detail = absl::StrCat("Day '", day, "' is not a date YYYYMMDD");
    return RowProblem::kDay;
  }
  row->day = *day_value;

  row->actor1_code = column(kActor1Code);
  row->actor1_country = column(kActor1Country);
  row->actor1_type = column(kActor1Type);
  row->actor2_code = column(kActor2Code);
  row->actor2_country = column(kActor2Country);
  row->actor2_type = column(kActor2Type);
  for (absl::string_view code : {row->actor1_country, row->actor2_country}) {
    if (!IsCountryCode(code)) {
      *detail = absl::StrCat("country code '", code,
                             "' is not a CAMEO country code (three capitals, or empty)");
      return RowProblem::kCountryCode;
    }
  }

  row->event_code = column(kEventCode);
  const int64_t code = Digits(row->event_code, 4);
  const int root = row->event_code.size() >= 3 && code >= 0
                       ? static_cast<int>(Digits(row->event_code.substr(0, 2), 2))
                       : 0;
  if (root < 1 || root > 20) {
    *detail =
        absl::StrCat("EventCode '", row->event_code,
                     "' is not a CAMEO event code (three or four digits, root 01-20)");
    return RowProblem::kEventCode;
  }
  row->event_root = root;

  if (!Decimal(column(kGoldstein), 10, &row->goldstein) ||
      !Count(column(kMentions), &row->mentions) ||
      !Count(column(kSources), &row->sources) ||
      !Count(column(kArticles), &row->articles) ||
      !Decimal(column(kTone), 100, &row->tone)) {
    *detail = absl::StrCat(
        "GoldsteinScale '", column(kGoldstein), "', NumMentions '", column(kMentions),
        "', NumSources '", column(kSources), "', NumArticles '", column(kArticles),
        "', AvgTone '", column(kTone),
        "': expected numbers (Goldstein -10..10, counts 0..999999999, tone -100..100)");
    return RowProblem::kNumber;
  }

  const bool v2 = layout == GdeltLayout::kV2;
  const absl::string_view added = column(v2 ? 59 : 56);
  std::optional<int32_t> added_day;
  if (added.size() == (v2 ? 14u : 8u)) {
    added_day = CalendarDay(added);
    if (v2 && added_day) {
      const int64_t hhmmss = Digits(added.substr(8), 6);
      if (hhmmss < 0 || hhmmss / 10000 > 23 || hhmmss / 100 % 100 > 59 ||
          hhmmss % 100 > 59) {
        added_day.reset();
      }
    }
  }
  if (!added_day) {
    *detail = absl::StrCat("DATEADDED '", added, "' is not ",
                           v2 ? "YYYYMMDDHHMMSS" : "YYYYMMDD");
    return RowProblem::kDateAdded;
  }
  row->date_added = *added_day;
  row->source_url = layout == GdeltLayout::kV1 ? absl::string_view() : column(want - 1);
  for (absl::string_view text : {row->actor1_code, row->actor1_type, row->actor2_code,
                                 row->actor2_type, row->source_url}) {
    if (!IsUtf8(text)) {
      *detail = "an actor code or type, or SOURCEURL, is not UTF-8";
      return RowProblem::kText;
    }
  }
  return RowProblem::kNone;
}

}  // namespace entente::importers::internal
