#include "service/cli/dot.h"

#include "absl/strings/str_cat.h"

namespace entente::service::cli {
namespace {

// Fill colours per entity kind, so countries and organizations stand apart.
absl::string_view KindColor(absl::string_view kind) {
  if (kind == "country") return "#dbe9f6";
  if (kind == "organization") return "#e3f1dc";
  if (kind == "event") return "#fbeed5";
  if (kind == "person") return "#f3dfe9";
  return "#eeeeee";
}

}  // namespace

std::string DotQuote(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

void DotGraph::AddNode(absl::string_view id, absl::string_view label,
                       absl::string_view kind) {
  if (!node_ids_.emplace(id).second) return;
  node_lines_.push_back(absl::StrCat("  ", DotQuote(id), " [label=", DotQuote(label),
                                     ", fillcolor=\"", KindColor(kind), "\"];\n"));
}

void DotGraph::AddEdge(absl::string_view key, absl::string_view from,
                       absl::string_view to, absl::string_view type,
                       absl::string_view date, bool directed) {
  if (!edge_keys_.emplace(key).second) return;
  std::string label(type);
  if (!date.empty()) absl::StrAppend(&label, "\n", date);
  edge_lines_.push_back(
      absl::StrCat("  ", DotQuote(from), " -> ", DotQuote(to),
                   " [label=", DotQuote(label), directed ? "" : ", dir=none",
                   key.empty() ? "" : ", id=", key.empty() ? "" : DotQuote(key), "];\n"));
}

void DotGraph::AddStyledEdge(absl::string_view key, absl::string_view from,
                             absl::string_view to, absl::string_view attributes) {
  if (!edge_keys_.emplace(key).second) return;
  edge_lines_.push_back(
      absl::StrCat("  ", DotQuote(from), " -> ", DotQuote(to), " [", attributes, "];\n"));
}

void DotGraph::AddTrailer(absl::string_view lines) { absl::StrAppend(&trailer_, lines); }

std::string DotGraph::Render() const {
  std::string out =
      "digraph entente {\n"
      "  rankdir=LR;\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const std::string& line : node_lines_) out += line;
  for (const std::string& line : edge_lines_) out += line;
  out += trailer_;
  out += "}\n";
  return out;
}

}  // namespace entente::service::cli
