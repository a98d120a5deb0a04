#include "service/cli/dates.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"

namespace entente::service::cli {
namespace {

absl::StatusOr<std::optional<graph::DateWithPrecision>> ParseOptionalDate(
    absl::string_view option, absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return std::nullopt;
  ENTENTE_ASSIGN_OR_RETURN(graph::DateWithPrecision date, ParseDateOption(option, text));
  return date;
}

}  // namespace

graph::TimeWindow DateRange::ToWindow() const {
  graph::TimeWindow window;
  if (from.has_value()) window.from_day = from->FirstDay();
  if (until.has_value()) window.to_day = until->EndDay();
  return window;
}

absl::StatusOr<graph::DateWithPrecision> ParseDateOption(absl::string_view option,
                                                         absl::string_view text) {
  absl::StatusOr<graph::DateWithPrecision> date = graph::DateWithPrecision::Parse(text);
  if (!date.ok() || !date->known()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", option, ": expected YYYY, YYYY-MM or YYYY-MM-DD, got '", text, "'"));
  }
  return *date;
}

absl::StatusOr<DateRange> ParseDateRange(absl::string_view between,
                                         absl::string_view since,
                                         absl::string_view until) {
  DateRange range;
  if (!between.empty()) {
    if (!since.empty() || !until.empty()) {
      return absl::InvalidArgumentError(
          "--between cannot be combined with --since or --until");
    }
    size_t comma = between.find(',');
    if (comma == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("--between: expected FROM,TO, got '", between, "'"));
    }
    ENTENTE_ASSIGN_OR_RETURN(range.from,
                             ParseOptionalDate("between", between.substr(0, comma)));
    ENTENTE_ASSIGN_OR_RETURN(range.until,
                             ParseOptionalDate("between", between.substr(comma + 1)));
  } else {
    ENTENTE_ASSIGN_OR_RETURN(range.from, ParseOptionalDate("since", since));
    ENTENTE_ASSIGN_OR_RETURN(range.until, ParseOptionalDate("until", until));
  }
  if (range.from.has_value() && range.until.has_value() &&
      range.until->EndDay() <= range.from->FirstDay()) {
    return absl::InvalidArgumentError(
        absl::StrCat("empty date range: ", range.until->ToString(), " is before ",
                     range.from->ToString()));
  }
  return range;
}

}  // namespace entente::service::cli
