#ifndef ENTENTE_SERVICE_CLI_DATES_H_
#define ENTENTE_SERVICE_CLI_DATES_H_

// Date options of the `entente` commands: --published, --since, --until,
// --between FROM,TO and --as-of. Every date is YYYY, YYYY-MM or YYYY-MM-DD
// (graph::DateWithPrecision::Parse); a date covers its whole period, so
// `--until 2025` includes all of 2025 and `--between 2020,2025-06` runs from
// 2020-01-01 through 2025-06-30.
//
// Thread-safety: pure functions.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace entente::service::cli {

// A date range from the command line; either end may be open.
struct DateRange {
  std::optional<graph::DateWithPrecision> from;   // Inclusive, from its first day.
  std::optional<graph::DateWithPrecision> until;  // Inclusive, to its last day.

  bool unbounded() const { return !from.has_value() && !until.has_value(); }
  // The half-open window of days [from.FirstDay(), until.EndDay()).
  graph::TimeWindow ToWindow() const;
};

// Parses one date option value; InvalidArgument "--<option>: ..." naming the
// option and the value otherwise. The empty string is an error.
absl::StatusOr<graph::DateWithPrecision> ParseDateOption(absl::string_view option,
                                                         absl::string_view text);

// Builds the range from --between ("FROM,TO"; either side may be empty) or
// from --since/--until (each may be empty = absent). --between together with
// --since or --until is an error, so is a range whose end precedes its start.
absl::StatusOr<DateRange> ParseDateRange(absl::string_view between,
                                         absl::string_view since,
                                         absl::string_view until);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_DATES_H_
