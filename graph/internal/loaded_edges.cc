#include "graph/internal/loaded_edges.h"

#include <algorithm>

namespace entente::graph::internal {

std::shared_ptr<const GraphView> LoadedEdges::Build(
    const std::vector<Entity>& entities, const std::vector<uint32_t>& vertex) && {
  size_t total = 0;
  for (const std::vector<Edge>& chunk : chunks_) total += chunk.size();
  GraphViewBuilder builder;
  builder.Reserve(entities.size(), total);
  for (const Entity& entity : entities) builder.AddEntity(entity.id, entity.kind);
  for (uint32_t c = 0; c < chunks_.size(); ++c) {
    for (const Edge& e : chunks_[c]) {
      if (!latest_chunk_.empty()) {
        auto it = latest_chunk_.find(e.id);
        if (it != latest_chunk_.end() && it->second != c) continue;  // Superseded.
      }
      builder.AddRelationDays(e.id, vertex[e.source], vertex[e.target], e.type,
                              e.first_day, e.end_day, e.reported_day, e.facts);
    }
    chunks_[c] = {};
  }
  return std::move(builder).Build();
}

}  // namespace entente::graph::internal
