// Graphviz output of the path and neighbour answers (see render.h, dot.h).

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

std::string NeighborsDot(const v1::GetNeighborsResponse& response) {
  DotGraph graph;
  const v1::Entity& centre = response.entity();
  graph.AddNode(centre.id(), centre.name(), KindName(centre.kind()));
  for (const v1::Relation& relation : response.relations()) AddRelation(relation, graph);
  return graph.Render();
}

}  // namespace entente::service::cli
