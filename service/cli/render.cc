#include "service/cli/render.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "graph/model.h"
#include "service/cli/table.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

std::string ValueText(const v1::AttributeValue& value) {
  switch (value.value_case()) {
    case v1::AttributeValue::kIntValue:
      return absl::StrCat(value.int_value());
    case v1::AttributeValue::kDoubleValue:
      return absl::StrCat(value.double_value());
    case v1::AttributeValue::kStringValue:
      return value.string_value();
    case v1::AttributeValue::kStringListValue:
      return absl::StrJoin(value.string_list_value().values(), ";");
    case v1::AttributeValue::VALUE_NOT_SET:
      break;
  }
  return "";
}

std::string Indent(absl::string_view text) {
  std::string out;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    absl::StrAppend(&out, "  ", line, "\n");
  }
  return out;
}

std::vector<std::string> RelationRow(const v1::Relation& relation) {
  return {relation.date().value().empty() ? "-" : relation.date().value(),
          TypeName(relation.type()),
          relation.source().name(),
          relation.target().name(),
          AttributesText(relation),
          SourcesText(relation)};
}

}  // namespace

std::string TypeName(v1::RelationType type) {
  return std::string(graph::RelationTypeName(static_cast<graph::RelationType>(type)));
}

std::string KindName(v1::EntityKind kind) {
  return std::string(graph::EntityKindName(static_cast<graph::EntityKind>(kind)));
}

std::string AttributesText(const v1::Relation& relation) {
  // proto maps iterate in no fixed order; sort for stable output, with the
  // attributes that tell relations of the type apart (a sanction's measure)
  // first, so that a narrow column still shows them.
  std::map<std::string, std::string> sorted;
  for (const auto& [key, value] : relation.attributes()) sorted[key] = ValueText(value);
  std::vector<std::string> parts;
  for (absl::string_view key :
       graph::IdentityAttributeKeys(static_cast<graph::RelationType>(relation.type()))) {
    auto it = sorted.find(std::string(key));
    if (it == sorted.end()) continue;
    parts.push_back(absl::StrCat(it->first, "=", it->second));
    sorted.erase(it);
  }
  for (const auto& [key, value] : sorted) parts.push_back(absl::StrCat(key, "=", value));
  return absl::StrJoin(parts, " ");
}

std::string SourcesText(const v1::Relation& relation) {
  if (relation.provenance().empty()) return "";
  const std::string& first = relation.provenance(0).outlet();
  std::string text = first.empty() ? relation.provenance(0).document() : first;
  if (relation.provenance_size() > 1) {
    absl::StrAppend(&text, " (+", relation.provenance_size() - 1, " more)");
  }
  return text;
}

std::string JsonLine(const google::protobuf::Message& message) {
  // MessageToJsonString writes map entries (relation attributes) in hash
  // order; going through a deterministic binary encoding sorts them, so the
  // same answer always prints the same line.
  static google::protobuf::util::TypeResolver* const resolver =
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          "type.googleapis.com", google::protobuf::DescriptorPool::generated_pool());
  std::string binary;
  {
    google::protobuf::io::StringOutputStream stream(&binary);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  const std::string type_url =
      absl::StrCat("type.googleapis.com/", message.GetDescriptor()->full_name());
  // Our own well-formed messages always convert; an empty object keeps the
  // one-line-per-answer contract if one ever did not.
  if (!google::protobuf::util::BinaryToJsonString(resolver, type_url, binary, &json,
                                                  options)
           .ok()) {
    json = "{}";
  }
  json += '\n';
  return json;
}

std::string TimelineTable(const v1::GetTimelineResponse& response, bool with_sources) {
  Table table({"DATE", "TYPE", "SOURCE", "TARGET", "DETAILS", "REPORTED BY"});
  for (const v1::Relation& relation : response.relations()) {
    table.AddRow(RelationRow(relation));
  }
  if (table.empty()) return "No relations.\n";
  std::string out = table.Render();
  if (with_sources) absl::StrAppend(&out, "\n", SourcesText(response.relations()));
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out, "More: --page-token ", response.next_page_token(), "\n");
  }
  return out;
}

std::string RelationsBlock(
    const google::protobuf::RepeatedPtrField<v1::Relation>& relations,
    bool with_sources) {
  Table table({"DATE", "TYPE", "SOURCE", "TARGET", "DETAILS", "REPORTED BY"});
  for (const v1::Relation& relation : relations) table.AddRow(RelationRow(relation));
  std::string out = Indent(table.Render());
  if (with_sources)
    absl::StrAppend(&out, Indent(absl::StrCat("\n", SourcesText(relations))));
  return out;
}

namespace {

// "3: meeting 2, partnership 1".
std::string HopText(const v1::HopLinks& hop) {
  std::vector<std::string> types;
  for (const v1::TypeCount& count : hop.types()) {
    types.push_back(absl::StrCat(TypeName(count.type()), " ", count.count()));
  }
  return absl::StrCat(hop.relation_count(), ": ", absl::StrJoin(types, ", "));
}

std::string FilterFlag(absl::string_view field) {
  if (field == "types") return "--types (default: all but sanction and downgrade)";
  if (field == "window") return "--between";
  if (field == "known_as_of") return "--as-of";
  if (field == "avoid_kinds") return "--avoid";
  if (field == "max_hops") return "--max-hops";
  return std::string(field);
}

}  // namespace

std::string PathsTable(const v1::FindPathsResponse& response, bool with_sources,
                       int wanted) {
  std::string out;
  if (response.paths().empty()) {
    absl::StrAppend(&out, "No path from ", response.from_entity().name(), " to ",
                    response.to_entity().name(), ".\n");
    std::vector<std::string> flags;
    for (const std::string& field : response.blocking_filters()) {
      flags.push_back(FilterFlag(field));
    }
    if (!flags.empty()) {
      absl::StrAppend(&out, "Every path was removed by ", absl::StrJoin(flags, " and "),
                      "; there is one without ", flags.size() == 1 ? "it" : "them",
                      ".\n");
    }
  }
  for (int i = 0; i < response.paths_size(); ++i) {
    const v1::Path& path = response.paths(i);
    std::vector<std::string> names;
    for (const v1::Entity& entity : path.entities()) names.push_back(entity.name());
    absl::StrAppend(&out, i == 0 ? "" : "\n", "Path ", i + 1, " (", path.relations_size(),
                    path.relations_size() == 1 ? " hop" : " hops",
                    "): ", absl::StrJoin(names, " -> "), "\n");
    Table table({"DATE", "TYPE", "SOURCE", "TARGET", "DETAILS", "REPORTED BY", "LINKS"});
    for (int hop = 0; hop < path.relations_size(); ++hop) {
      std::vector<std::string> row = RelationRow(path.relations(hop));
      row.push_back(hop < path.hops_size() ? HopText(path.hops(hop)) : "");
      table.AddRow(row);
    }
    absl::StrAppend(&out, Indent(table.Render()));
    if (with_sources) {
      absl::StrAppend(&out, Indent(absl::StrCat("\n", SourcesText(path.relations()))));
    }
  }
  if (response.truncated()) {
    absl::StrAppend(&out, "Search cut short: ", response.truncation_reason(), "\n");
  } else if (response.paths_size() > 0 && response.paths_size() < wanted) {
    absl::StrAppend(&out, "\nOnly ", response.paths_size(),
                    response.paths_size() == 1 ? " path exists" : " paths exist",
                    " within the filters and --max-hops (", wanted, " asked).\n");
  }
  return out;
}

std::string NeighborsTable(const v1::GetNeighborsResponse& response) {
  Table table({"DATE", "TYPE", "SOURCE", "TARGET", "DETAILS", "REPORTED BY"});
  for (const v1::Relation& relation : response.relations()) {
    table.AddRow(RelationRow(relation));
  }
  std::string out =
      absl::StrCat(response.entity().name(), ": ", response.neighbors_size(),
                   response.neighbors_size() == 1 ? " neighbour, " : " neighbours, ",
                   response.relations_size(),
                   response.relations_size() == 1 ? " relation\n" : " relations\n");
  if (!table.empty()) absl::StrAppend(&out, table.Render());
  if (response.truncated()) absl::StrAppend(&out, "More relations: raise --limit\n");
  return out;
}

std::string EntityText(const v1::GetEntityResponse& response) {
  const v1::Entity& entity = response.entity();
  Table table({"FIELD", "VALUE"});
  table.set_max_cell_width(1000);
  table.AddRow({"id", entity.id()});
  table.AddRow({"name", entity.name()});
  table.AddRow({"kind", KindName(entity.kind())});
  table.AddRow({"aliases", absl::StrJoin(entity.aliases(), ", ")});
  table.AddRow({"relations", absl::StrCat(response.relation_count())});
  return table.Render();
}

std::string EntitiesTable(const v1::ListEntitiesResponse& response) {
  Table table({"ID", "NAME", "KIND"});
  for (const v1::Entity& entity : response.entities()) {
    table.AddRow({entity.id(), entity.name(), KindName(entity.kind())});
  }
  std::string out = table.Render();
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out, "More: --page-token ", response.next_page_token(), "\n");
  }
  return out;
}

std::string StatsText(const v1::GetStatsResponse& response, bool of_entity) {
  std::string out =
      absl::StrCat(of_entity ? "neighbours " : "entities   ", response.entities(), "\n",
                   "relations  ", response.relations(), "\n");
  if (!response.by_type().empty()) {
    Table table({"TYPE", "COUNT"});
    for (const v1::TypeCount& count : response.by_type()) {
      table.AddRow({TypeName(count.type()), absl::StrCat(count.count())});
    }
    absl::StrAppend(&out, "\n", table.Render());
  }
  if (!response.by_month().empty()) {
    Table table({"MONTH", "COUNT"});
    for (const v1::MonthCount& count : response.by_month()) {
      table.AddRow({count.month(), absl::StrCat(count.count())});
    }
    absl::StrAppend(&out, "\n", table.Render());
  }
  return out;
}

}  // namespace entente::service::cli
