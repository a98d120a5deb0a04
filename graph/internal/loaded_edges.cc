#include "graph/internal/loaded_edges.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace entente::graph::internal {

void LoadedEdges::EndChunk() {
  if (chunks_.empty() || chunks_.back().empty()) return;
  // A chunk writes each id once.
  std::sort(chunks_.back().begin(), chunks_.back().end(),
            [](const Edge& a, const Edge& b) { return a.id < b.id; });
  chunks_.emplace_back();
}

std::shared_ptr<const GraphView> LoadedEdges::Build(
    const std::vector<Entity>& entities, const std::vector<uint32_t>& vertex) && {
  EndChunk();
  size_t total = 0;
  for (const std::vector<Edge>& chunk : chunks_) total += chunk.size();
  GraphViewBuilder builder;
  builder.Reserve(entities.size(), total);
  for (const Entity& entity : entities) builder.AddEntity(entity.id, entity.kind);
  // Merge the sorted chunks in id order. Of equal ids the latest chunk's
  // edge is the one the store holds: the heap pops equal ids oldest chunk
  // first, and an edge is added once no later copy follows it.
  using Head = std::pair<uint64_t, size_t>;  // (id, chunk), smallest on top.
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
  std::vector<size_t> next(chunks_.size(), 0);
  for (size_t c = 0; c < chunks_.size(); ++c) {
    if (!chunks_[c].empty()) heads.emplace(chunks_[c][0].id, c);
  }
  while (!heads.empty()) {
    const size_t c = heads.top().second;
    heads.pop();
    const Edge& e = chunks_[c][next[c]++];
    if (next[c] < chunks_[c].size()) heads.emplace(chunks_[c][next[c]].id, c);
    if (!heads.empty() && heads.top().first == e.id) continue;  // A later copy.
    builder.AddRelationDays(e.id, vertex[e.source], vertex[e.target], e.type, e.first_day,
                            e.end_day, e.reported_day);
  }
  chunks_.clear();
  return std::move(builder).Build();
}

}  // namespace entente::graph::internal
