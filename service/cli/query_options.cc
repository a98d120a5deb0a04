#include "service/cli/query_options.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/model.h"
#include "service/cli/client.h"

namespace entente::service::cli {

std::vector<OptionSpec> QueryOptionSpecs(bool with_dot, std::vector<OptionSpec> extra) {
  std::vector<OptionSpec> options = std::move(extra);
  options.push_back(
      {"json", "", "print the response as protobuf JSON, one object per page"});
  options.push_back(
      {"jsonl", "", "print one record per line (relations as `extract` prints them)"});
  if (with_dot) {
    options.push_back({"dot", "", "print a Graphviz digraph (pipe into `dot -Tsvg`)"});
  }
  for (OptionSpec& option : ConnectionOptionSpecs()) options.push_back(std::move(option));
  return options;
}

std::vector<OptionSpec> PagingOptionSpecs(absl::string_view what, int default_limit) {
  return {
      {"limit", "N",
       absl::StrCat(what, " per page (default ", default_limit, ", at most 1000)")},
      {"all", "", "fetch every page and print them as one"},
      {"page-token", "T", "continue after a previous page (printed under the table)"}};
}

absl::StatusOr<OutputFormat> OutputFormatFromArgs(const ParsedArgs& args) {
  if (static_cast<int>(args.Has("json")) + static_cast<int>(args.Has("jsonl")) +
          static_cast<int>(args.Has("dot")) >
      1) {
    return absl::InvalidArgumentError("--json, --jsonl and --dot exclude each other");
  }
  if (args.Has("json")) return OutputFormat::kJson;
  if (args.Has("jsonl")) return OutputFormat::kJsonLines;
  if (args.Has("dot")) return OutputFormat::kDot;
  return OutputFormat::kTable;
}

absl::StatusOr<std::vector<entente::v1::RelationType>> TypesFromArgs(
    const ParsedArgs& args) {
  std::vector<entente::v1::RelationType> types;
  if (!args.Has("types")) return types;
  absl::StatusOr<graph::RelationTypeSet> set =
      graph::ParseRelationTypeSet(args.Get("types"));
  if (!set.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--types: ", set.status().message()));
  }
  if (set->empty()) return absl::InvalidArgumentError("--types: no type given");
  for (int i = 1; i < graph::kRelationTypeCount; ++i) {
    if (set->Contains(static_cast<graph::RelationType>(i))) {
      types.push_back(static_cast<entente::v1::RelationType>(i));
    }
  }
  return types;
}

absl::StatusOr<std::vector<entente::v1::EntityKind>> AvoidKindsFromArgs(
    const ParsedArgs& args) {
  std::vector<entente::v1::EntityKind> kinds;
  if (!args.Has("avoid")) return kinds;
  for (absl::string_view word :
       absl::StrSplit(args.Get("avoid"), ',', absl::SkipEmpty())) {
    word = absl::StripAsciiWhitespace(word);
    std::optional<graph::EntityKind> kind = graph::ParseEntityKind(word);
    if (!kind.has_value() || *kind == graph::EntityKind::kUnspecified) {
      return absl::InvalidArgumentError(
          absl::StrCat("--avoid: unknown entity kind '", word,
                       "' (country, organization, city, site, event, company, person)"));
    }
    kinds.push_back(static_cast<entente::v1::EntityKind>(*kind));
  }
  if (kinds.empty()) return absl::InvalidArgumentError("--avoid: no kind given");
  return kinds;
}

entente::v1::TimeWindow ToProtoWindow(const DateRange& range) {
  entente::v1::TimeWindow window;
  if (range.from.has_value()) window.set_since(range.from->ToString());
  if (range.until.has_value()) window.set_until(range.until->ToString());
  return window;
}

std::vector<OptionSpec> TieSpecOptionSpecs() {
  return {{"types", "LIST",
           "relation types the ties aggregate: partnership,agreement,... (default: all "
           "but sanction and downgrade)"},
          {"since", "DATE", "relations dated from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
          {"until", "DATE", "relations dated up to DATE, inclusive"},
          {"between", "FROM,TO",
           "relations dated in this range (instead of --since/--until)"},
          {"as-of", "DATE", "only relations reported by DATE (what was known then)"},
          {"half-life", "DAYS",
           "a relation this many days older than the window's end counts half (default "
           "365, at most 36500)"}};
}

absl::StatusOr<entente::v1::TieGraphSpec> TieSpecFromArgs(const ParsedArgs& args) {
  entente::v1::TieGraphSpec spec;
  absl::StatusOr<std::vector<entente::v1::RelationType>> types = TypesFromArgs(args);
  if (!types.ok()) return types.status();
  for (entente::v1::RelationType type : *types) spec.add_types(type);
  absl::StatusOr<DateRange> range =
      ParseDateRange(args.Get("between"), args.Get("since"), args.Get("until"));
  if (!range.ok()) return range.status();
  *spec.mutable_window() = ToProtoWindow(*range);
  if (args.Has("as-of")) {
    absl::StatusOr<graph::DateWithPrecision> as_of =
        ParseDateOption("as-of", args.Get("as-of"));
    if (!as_of.ok()) return as_of.status();
    spec.set_known_as_of(as_of->ToString());
  }
  absl::StatusOr<int> half_life = args.GetInt("half-life", 365, 1, 36500);
  if (!half_life.ok()) return half_life.status();
  spec.set_half_life_days(*half_life);
  return spec;
}

}  // namespace entente::service::cli
