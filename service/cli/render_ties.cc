// Tables and pictures of the tie-graph answers: `entente rank`, `entente
// blocs` and `entente path --strongest`.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "service/cli/dot.h"
#include "service/cli/render.h"
#include "service/cli/table.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

std::string Number(double value) { return absl::StrFormat("%.4f", value); }

std::string TypesText(const google::protobuf::RepeatedField<int>& types) {
  std::vector<std::string> names;
  for (int type : types) names.push_back(TypeName(static_cast<v1::RelationType>(type)));
  return absl::StrJoin(names, ",");
}

std::string MeasureName(v1::RankMeasure measure) {
  switch (measure) {
    case v1::RANK_MEASURE_PAGERANK:
      return "pagerank";
    case v1::RANK_MEASURE_WEIGHTED_DEGREE:
      return "degree";
    default:
      return "betweenness";
  }
}

std::string TruncationText(bool truncated, const std::string& reason) {
  return truncated ? absl::StrCat("Cut short: ", reason, "\n") : "";
}

// The names of the entities in an answer, by id, for tie rows.
template <typename Entities>
void AddNames(const Entities& entities, std::map<std::string, std::string>* names) {
  for (const v1::Entity& entity : entities) (*names)[entity.id()] = entity.name();
}

std::string NameOf(const std::map<std::string, std::string>& names,
                   const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

// A tie as a dot edge: its weight as label and pen width.
void AddTieEdge(const v1::Tie& tie, absl::string_view extra, DotGraph& graph) {
  graph.AddStyledEdge(
      absl::StrCat(tie.entity_a(), "\n", tie.entity_b()), tie.entity_a(), tie.entity_b(),
      absl::StrCat("label=", DotQuote(absl::StrFormat("%.2f", tie.weight())),
                   ", dir=none, penwidth=", absl::StrFormat("%.1f", 1 + 4 * tie.weight()),
                   extra));
}

}  // namespace

std::string BasisText(const v1::TieGraphBasis& basis) {
  std::vector<std::string> weights;
  for (const v1::TypeWeight& weight : basis.type_weights()) {
    weights.push_back(absl::StrCat(TypeName(weight.type()), "=", weight.weight()));
  }
  const std::string since = basis.window().since().empty() ? "-" : basis.window().since();
  const std::string until = basis.window().until().empty() ? "-" : basis.window().until();
  return absl::StrCat("Window: ", since, " .. ", until,
                      basis.known_as_of().empty()
                          ? ""
                          : absl::StrCat("; known as of ", basis.known_as_of()),
                      "\nTypes: ", TypesText(basis.types()), "\nWeighting: half-life ",
                      basis.half_life_days(), " days from ", basis.reference_date(), "; ",
                      absl::StrJoin(weights, " "), "\nTie graph: ", basis.entities(),
                      " entities, ", basis.ties(), " ties\n");
}

std::string RankTable(const v1::RankEntitiesResponse& response) {
  std::string out = BasisText(response.basis());
  if (response.has_focus()) {
    absl::StrAppend(&out, "PageRank focused on ", response.focus().name(), "\n");
  }
  if (response.group_pairs() > 0) {
    absl::StrAppend(&out, "Betweenness over the strongest chains of ",
                    response.group_pairs(), " pairs between the two groups\n");
  }
  absl::StrAppend(&out, "Ranked by ", MeasureName(response.measure()), "\n\n");
  Table table({"#", "ENTITY", "KIND", "BETWEENNESS", "PAGERANK", "DEGREE", "TIES"});
  for (int i = 0; i < response.entities_size(); ++i) {
    const v1::RankedEntity& ranked = response.entities(i);
    table.AddRow({absl::StrCat(i + 1), ranked.entity().name(),
                  KindName(ranked.entity().kind()),
                  response.has_betweenness() ? Number(ranked.betweenness()) : "-",
                  response.has_pagerank() ? Number(ranked.pagerank()) : "-",
                  Number(ranked.weighted_degree()), absl::StrCat(ranked.ties())});
  }
  absl::StrAppend(
      &out, table.empty() ? "No entity has a tie in the window.\n" : table.Render());
  absl::StrAppend(&out,
                  TruncationText(response.truncated(), response.truncation_reason()));
  return out;
}

std::string BlocsText(const v1::FindBlocsResponse& response) {
  std::string out = BasisText(response.basis());
  absl::StrAppend(&out, "Modularity: ", Number(response.modularity()), "\n");
  std::map<std::string, std::string> names;
  for (const v1::Bloc& bloc : response.blocs()) {
    AddNames(bloc.members(), &names);
    std::vector<std::string> members;
    for (const v1::Entity& member : bloc.members()) members.push_back(member.name());
    absl::StrAppend(&out, "\nBloc ", bloc.number() + 1, " (", bloc.members_size(),
                    " members, internal weight ", Number(bloc.internal_weight()),
                    "): ", absl::StrJoin(members, ", "), "\n");
  }
  if (response.blocs().empty()) absl::StrAppend(&out, "\nNo bloc of two or more.\n");
  if (!response.bridges().empty()) {
    Table table(
        {"BLOC", "ENTITY", "BLOC", "ENTITY", "WEIGHT", "RELATIONS", "REPORTS", "TYPES"});
    for (const v1::BridgingTie& bridge : response.bridges()) {
      const v1::Tie& tie = bridge.tie();
      table.AddRow({absl::StrCat(bridge.bloc_a() + 1), NameOf(names, tie.entity_a()),
                    absl::StrCat(bridge.bloc_b() + 1), NameOf(names, tie.entity_b()),
                    Number(tie.weight()), absl::StrCat(tie.relations()),
                    absl::StrCat(tie.reports()), TypesText(tie.types())});
    }
    absl::StrAppend(&out, "\nTies between blocs:\n", table.Render());
  }
  std::vector<std::string> points;
  for (const v1::Entity& entity : response.articulation_points()) {
    points.push_back(entity.name());
  }
  absl::StrAppend(&out, "\nArticulation points (their removal splits the ties): ",
                  points.empty() ? "none" : absl::StrJoin(points, ", "), "\n");
  absl::StrAppend(&out,
                  TruncationText(response.truncated(), response.truncation_reason()));
  return out;
}

std::string StrongestPathsTable(const v1::FindStrongestPathsResponse& response,
                                bool with_sources) {
  std::string out = BasisText(response.basis());
  if (response.paths().empty()) {
    absl::StrAppend(&out, "\nNo chain of ties from ", response.from_entity().name(),
                    " to ", response.to_entity().name(), ".\n");
  }
  for (int i = 0; i < response.paths_size(); ++i) {
    const v1::StrongestPath& path = response.paths(i);
    std::vector<std::string> names;
    for (const v1::Entity& entity : path.entities()) names.push_back(entity.name());
    absl::StrAppend(&out, "\nChain ", i + 1, " (strength ", Number(path.strength()),
                    "): ", absl::StrJoin(names, " -> "), "\n");
    for (int h = 0; h < path.hops_size(); ++h) {
      const v1::TieHop& hop = path.hops(h);
      absl::StrAppend(&out, "  ", names[h], " - ", names[h + 1], ": weight ",
                      Number(hop.tie().weight()), ", ", hop.tie().relations(),
                      hop.tie().relations() == 1 ? " relation" : " relations", " in ",
                      hop.tie().reports(),
                      hop.tie().reports() == 1 ? " report" : " reports", " (",
                      TypesText(hop.tie().types()), ")\n");
      absl::StrAppend(&out, RelationsBlock(hop.relations(), with_sources));
    }
  }
  absl::StrAppend(&out,
                  TruncationText(response.truncated(), response.truncation_reason()));
  return out;
}

std::string RankDot(const v1::RankEntitiesResponse& response) {
  DotGraph graph;
  for (const v1::RankedEntity& ranked : response.entities()) {
    graph.AddNode(ranked.entity().id(), ranked.entity().name(),
                  KindName(ranked.entity().kind()));
  }
  for (const v1::Tie& tie : response.ties()) AddTieEdge(tie, "", graph);
  return graph.Render();
}

std::string BlocsDot(const v1::FindBlocsResponse& response) {
  DotGraph graph;
  std::string clusters;
  for (const v1::Bloc& bloc : response.blocs()) {
    absl::StrAppend(&clusters, "  subgraph cluster_", bloc.number(),
                    " {\n    label=", DotQuote(absl::StrCat("Bloc ", bloc.number() + 1)),
                    ";\n");
    for (const v1::Entity& member : bloc.members()) {
      graph.AddNode(member.id(), member.name(), KindName(member.kind()));
      absl::StrAppend(&clusters, "    ", DotQuote(member.id()), ";\n");
    }
    absl::StrAppend(&clusters, "  }\n");
  }
  for (const v1::BridgingTie& bridge : response.bridges()) {
    AddTieEdge(bridge.tie(), ", style=dashed", graph);
  }
  graph.AddTrailer(clusters);
  return graph.Render();
}

std::string StrongestPathsDot(const v1::FindStrongestPathsResponse& response) {
  DotGraph graph;
  for (const v1::StrongestPath& path : response.paths()) {
    for (const v1::Entity& entity : path.entities()) {
      graph.AddNode(entity.id(), entity.name(), KindName(entity.kind()));
    }
    for (const v1::TieHop& hop : path.hops()) AddTieEdge(hop.tie(), "", graph);
  }
  return graph.Render();
}

}  // namespace entente::service::cli
