// Graphviz output of the path and neighbour answers (see render.h, dot.h).

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/model.h"
#include "service/cli/dot.h"
#include "service/cli/render.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

void AddRelation(const v1::Relation& relation, DotGraph& graph) {
  graph.AddNode(relation.source().id(), relation.source().name(),
                KindName(relation.source().kind()));
  graph.AddNode(relation.target().id(), relation.target().name(),
                KindName(relation.target().kind()));
  const bool directed =
      !graph::IsSymmetric(static_cast<graph::RelationType>(relation.type()));
  graph.AddEdge(relation.id(), relation.source().id(), relation.target().id(),
                TypeName(relation.type()), relation.date().value(), directed);
}

}  // namespace

std::string PathsDot(const v1::FindPathsResponse& response) {
  DotGraph graph;
  for (const v1::Path& path : response.paths()) {
    // Entities first, so that nodes appear in path order.
    for (const v1::Entity& entity : path.entities()) {
      graph.AddNode(entity.id(), entity.name(), KindName(entity.kind()));
    }
    for (const v1::Relation& relation : path.relations()) AddRelation(relation, graph);
  }
  return graph.Render();
}

// One colour per relation type, for the neighbour picture and its legend.
absl::string_view TypeColor(v1::RelationType type) {
  static constexpr absl::string_view kColors[] = {
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"};
  return kColors[static_cast<size_t>(type) % (sizeof(kColors) / sizeof(kColors[0]))];
}

std::string NeighborsDot(const v1::GetNeighborsResponse& response) {
  DotGraph graph;
  const v1::Entity& centre = response.entity();
  graph.AddNode(centre.id(), centre.name(), KindName(centre.kind()));
  // One edge per neighbour: how many relations link it to the centre, by type, each
  // type a colour of the edge (Graphviz draws a colour list as parallel lines).
  struct Tie {
    std::string neighbor;
    std::map<v1::RelationType, int> types;
    int count = 0;
  };
  std::vector<Tie> ties;
  std::map<std::string, size_t, std::less<>> index;
  std::set<std::string> seen;  // Relation ids counted.
  std::map<v1::RelationType, int> legend;
  for (const v1::Relation& relation : response.relations()) {
    if (!relation.id().empty() && !seen.insert(relation.id()).second) continue;
    const v1::EntityRef& other =
        relation.source().id() == centre.id() ? relation.target() : relation.source();
    graph.AddNode(other.id(), other.name(), KindName(other.kind()));
    auto [it, added] = index.try_emplace(other.id(), ties.size());
    if (added) ties.push_back({other.id(), {}, 0});
    Tie& tie = ties[it->second];
    ++tie.types[relation.type()];
    ++tie.count;
    ++legend[relation.type()];
  }
  for (const Tie& tie : ties) {
    std::string label =
        absl::StrCat(tie.count, tie.count == 1 ? " relation" : " relations");
    std::string colors;
    for (const auto& [type, n] : tie.types) {
      absl::StrAppend(&label, "\n", TypeName(type), " ", n);
      absl::StrAppend(&colors, colors.empty() ? "" : ":", TypeColor(type));
    }
    graph.AddStyledEdge(
        tie.neighbor, centre.id(), tie.neighbor,
        absl::StrCat("label=", DotQuote(label), ", color=\"", colors,
                     "\", penwidth=", std::min(1 + tie.count / 3, 6), ", dir=none"));
  }
  if (!legend.empty()) {
    std::string lines =
        "  subgraph cluster_legend {\n    label=\"relation types\";\n"
        "    node [shape=plaintext, style=\"\"];\n";
    for (const auto& [type, n] : legend) {
      absl::StrAppend(&lines, "    ", DotQuote(absl::StrCat("legend:", TypeName(type))),
                      " [label=", DotQuote(absl::StrCat(TypeName(type), " (", n, ")")),
                      ", fontcolor=\"", TypeColor(type), "\"];\n");
    }
    lines += "  }\n";
    graph.AddTrailer(lines);
  }
  return graph.Render();
}

}  // namespace entente::service::cli
