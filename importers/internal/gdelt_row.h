#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_ROW_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_ROW_H_

// One row of a GDELT event file: the columns Entente uses, checked and
// converted (../shared/spec/gdelt.md; GDELT Event Codebook V2.0). A row is
// one line of tab-separated columns. The layouts, by 0-based column:
//
//   all       0 GlobalEventID   1 Day (YYYYMMDD)       5 Actor1Code
//             7 Actor1CountryCode                     12 Actor1Type1Code
//            15 Actor2Code     17 Actor2CountryCode   22 Actor2Type1Code
//            26 EventCode      30 GoldsteinScale      31 NumMentions
//            32 NumSources     33 NumArticles         34 AvgTone
//   2.0 (61 columns)   59 DATEADDED (YYYYMMDDHHMMSS)  60 SOURCEURL
//   1.0 (57 columns)   56 DATEADDED (YYYYMMDD)
//   1.0 (58 columns)   56 DATEADDED (YYYYMMDD)        57 SOURCEURL
//
// Thread-safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace entente::importers::internal {

// The layouts, named by their column count.
enum class GdeltLayout : uint8_t { kV1 = 57, kV1WithUrl = 58, kV2 = 61 };

// The layout of rows with this many columns; nullopt for other counts.
std::optional<GdeltLayout> LayoutWithColumns(int columns);

// Why a row is not a GDELT event row, one value per field checked.
enum class RowProblem : uint8_t {
  kNone = 0,
  kColumns,      // Not the layout's column count.
  kEventId,      // GlobalEventID: not 1 .. 2147483647.
  kDay,          // Day: not a calendar date YYYYMMDD.
  kCountryCode,  // Actor1/2CountryCode: not empty or three capitals.
  kEventCode,    // EventCode: not three or four digits of root 01-20.
  kNumber,       // GoldsteinScale, NumMentions/Sources/Articles, AvgTone.
  kDateAdded,    // DATEADDED: not YYYYMMDDHHMMSS (2.0) or YYYYMMDD (1.0).
  kText,         // An actor code or type, or SOURCEURL: not UTF-8.
};
inline constexpr int kRowProblemCount = 9;

// A short name of the problem for counts: "columns", "GlobalEventID", "Day",
// "country code", "EventCode", "number", "DATEADDED", "UTF-8"; "" for kNone.
absl::string_view RowProblemName(RowProblem problem);

// The checked fields of one row. The views point into the line.
struct GdeltRow {
  int32_t event_id = 0;
  int32_t day = 0;               // Day, in days since 1970-01-01.
  int32_t date_added = 0;        // DATEADDED's day, in days since 1970-01-01.
  int event_root = 0;            // 1 .. 20, the first two digits of event_code.
  absl::string_view event_code;  // Three or four digits.
  absl::string_view actor1_code, actor1_country, actor1_type;
  absl::string_view actor2_code, actor2_country, actor2_type;
  double goldstein = 0;  // -10 .. 10.
  double tone = 0;       // -100 .. 100.
  int32_t mentions = 0, sources = 0, articles = 0;
  absl::string_view source_url;  // Empty in the 57-column layout.
};

// Splits `line` (without its line break; a trailing '\r' is ignored) and
// checks every field above (the text ones, which become attributes and
// provenance, must be UTF-8: the API's strings are). On a problem, returns it and sets
// `*detail` to what was found and what was expected, e.g. "EventCode '04x' is not a CAMEO
// event code (three or four digits, root 01-20)"; *row is then partly filled.
// `columns` (may be null) receives the line's column count.
RowProblem ParseGdeltRow(absl::string_view line, GdeltLayout layout, GdeltRow* row,
                         std::string* detail, int* columns = nullptr);

// The number of tab-separated columns of `line`.
int CountColumns(absl::string_view line);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_ROW_H_
