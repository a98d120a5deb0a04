#include "service/cli/import_report.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/json_string.h"
#include "graph/model.h"

namespace entente::service::cli {
namespace {

using importers::GdeltCounts;

// "01".."20".
std::string RootCode(size_t root) { return absl::StrFormat("%02d", root); }

std::string GdeltLines(const GdeltCounts& g) {
  std::vector<std::string> types;
  for (size_t i = 1; i < g.relations_by_type.size(); ++i) {
    if (g.relations_by_type[i] == 0) continue;
    types.push_back(
        absl::StrCat(g.relations_by_type[i], " ",
                     graph::RelationTypeName(static_cast<graph::RelationType>(i))));
  }
  std::vector<std::string> roots;
  for (size_t root = 1; root < g.unmapped_by_root.size(); ++root) {
    if (g.unmapped_by_root[root] > 0) {
      roots.push_back(absl::StrCat(RootCode(root), " ", g.unmapped_by_root[root]));
    }
  }
  std::string out = absl::StrCat(
      "rows       ", g.rows, " GDELT rows: ", g.rows_mapped, " mapped to relations, ",
      g.skipped(), " skipped\n",                                                //
      "mapped     ", g.relations(), " relations",                               //
      types.empty() ? "" : ": ", absl::StrJoin(types, ", "), "\n",              //
      "skipped    ", g.unmapped(), " event code not a relation",                //
      roots.empty() ? "" : ", by root: ", absl::StrJoin(roots, ", "), "\n",     //
      "           ", g.unknown_country, " unknown country code, ", g.no_party,  //
      " no party, ", g.one_party, " one party, ", g.same_party, " same party\n");
  if (g.bad() > 0) {
    absl::StrAppend(&out, "bad rows   ", g.bad(), " left out (",
                    absl::StrJoin(g.bad_rows, ", ", absl::PairFormatter(" ")), ")\n");
  }
  if (g.files_read_twice > 0) {
    absl::StrAppend(&out, "memory     ", g.files_read_twice,
                    " file(s) outgrew --memory-mb and were read twice\n");
  }
  return out;
}

void AppendKey(absl::string_view key, std::string* out) {
  common::AppendJsonString(key, out);
  out->push_back(':');
}

std::string GdeltJson(const GdeltCounts& g) {
  std::string out = absl::StrCat("{\"rows\":", g.rows, ",\"rows_mapped\":", g.rows_mapped,
                                 ",\"relations\":{");
  bool first = true;
  for (size_t i = 1; i < g.relations_by_type.size(); ++i) {
    if (g.relations_by_type[i] == 0) continue;
    if (!first) out.push_back(',');
    first = false;
    AppendKey(graph::RelationTypeName(static_cast<graph::RelationType>(i)), &out);
    absl::StrAppend(&out, g.relations_by_type[i]);
  }
  absl::StrAppend(&out, "},\"skipped\":{\"not_a_relation\":{");
  first = true;
  for (size_t root = 1; root < g.unmapped_by_root.size(); ++root) {
    if (g.unmapped_by_root[root] == 0) continue;
    if (!first) out.push_back(',');
    first = false;
    AppendKey(RootCode(root), &out);
    absl::StrAppend(&out, g.unmapped_by_root[root]);
  }
  absl::StrAppend(&out, "},\"unknown_country\":", g.unknown_country,
                  ",\"no_party\":", g.no_party, ",\"one_party\":", g.one_party,
                  ",\"same_party\":", g.same_party, "},\"bad_rows\":{");
  first = true;
  for (const auto& [field, count] : g.bad_rows) {
    if (!first) out.push_back(',');
    first = false;
    AppendKey(field, &out);
    absl::StrAppend(&out, count);
  }
  absl::StrAppend(&out, "},\"files_read_twice\":", g.files_read_twice, "}");
  return out;
}

}  // namespace

std::string ImportReport(const ImportCounts& counts) {
  std::string files = absl::StrCat(counts.documents);
  if (counts.documents_rejected > 0) {
    absl::StrAppend(&files, " (", counts.documents_rejected, " rejected)");
  }
  const bool gdelt = counts.gdelt.rows > 0;
  std::string out = absl::StrCat("files      ", files, "\n");
  if (!gdelt || counts.items > 0)
    absl::StrAppend(&out, "items      ", counts.items, "\n");
  if (gdelt) absl::StrAppend(&out, GdeltLines(counts.gdelt));
  absl::StrAppend(&out, "relations  ", counts.relations_new, " new, ",
                  counts.relations_merged, " merged, ", counts.relations_unchanged,
                  " unchanged\n",  //
                  "entities   ", counts.entities_new, " new\n");
  for (const RejectedInput& doubtful : counts.doubtful) {
    absl::StrAppend(&out, "doubtful   ", doubtful.reason, "\n");
  }
  return out;
}

std::string ImportReportJson(const ImportCounts& counts) {
  std::string out = absl::StrCat(
      "{\"files\":", counts.documents, ",\"files_rejected\":", counts.documents_rejected,
      ",\"items\":", counts.items, ",\"relations\":{\"new\":", counts.relations_new,
      ",\"merged\":", counts.relations_merged,
      ",\"unchanged\":", counts.relations_unchanged,
      "},\"entities_new\":", counts.entities_new, ",\"rejected\":[");
  for (size_t i = 0; i < counts.rejected.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += "{\"file\":";
    common::AppendJsonString(counts.rejected[i].name, &out);
    out += ",\"reason\":";
    common::AppendJsonString(counts.rejected[i].reason, &out);
    out.push_back('}');
  }
  out.push_back(']');
  if (!counts.doubtful.empty()) {
    out += ",\"doubtful\":[";
    for (size_t i = 0; i < counts.doubtful.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += "{\"file\":";
      common::AppendJsonString(counts.doubtful[i].name, &out);
      out += ",\"reason\":";
      common::AppendJsonString(counts.doubtful[i].reason, &out);
      out.push_back('}');
    }
    out.push_back(']');
  }
  if (counts.gdelt.rows > 0)
    absl::StrAppend(&out, ",\"gdelt\":", GdeltJson(counts.gdelt));
  out += "}\n";
  return out;
}

}  // namespace entente::service::cli
