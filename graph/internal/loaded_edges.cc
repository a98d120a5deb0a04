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
    const absl::flat_hash_map<std::string, Entity>& entities,
    const EntityOrder& order) && {
  EndChunk();
  size_t total = 0;
  for (const std::vector<Edge>& chunk : chunks_) total += chunk.size();
  GraphViewBuilder builder;
  std::vector<uint32_t> vertex(order.size());
  if (entities.size() == order.size()) {
    // Every entity is a relation's endpoint (the usual case): the order's
    // ranks are the vertices, with no sort and no lookups.
    builder.Reserve(order.size(), total);
    for (absl::string_view id : *order.names()) {
      builder.AddEntity(id, entities.find(id)->second.kind);
    }
    for (uint32_t i = 0; i < order.size(); ++i) vertex[i] = order.Rank(i);
  } else {
    std::vector<const std::string*> ids;
    ids.reserve(entities.size());
    for (const auto& [id, entity] : entities) ids.push_back(&id);
    std::sort(ids.begin(), ids.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    builder.Reserve(ids.size(), total);
    for (const std::string* id : ids) {
      builder.AddEntity(*id, entities.find(*id)->second.kind);
    }
    for (uint32_t i = 0; i < order.size(); ++i) {
      vertex[i] = builder.AddEntity(order.Name(i), EntityKind::kUnspecified);
    }
  }
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
