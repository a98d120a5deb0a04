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

}  // namespace entente::service::cli
