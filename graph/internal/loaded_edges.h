#ifndef ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_
#define ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_

// The graph view of a bulk load into an empty store, built from what the
// loader wrote rather than by reading every edge back from RocksDB (which,
// with the chunks' files not yet compacted, is the slowest part of a load).
//
// The loader reports each chunk's written relations, with endpoints as
// ordinals of its EntityOrder (sorted_runs.h), flagging those that rewrite
// a relation an earlier chunk wrote (a second report merged into it). Of
// such a relation Build() keeps the last version written, as the store
// does. Vertices are the loaded entities in id order, as Store::Open would
// number them; edges go in load order rather than id order, which no answer
// depends on (each adjacency is sorted by neighbour, date and id).
//
// Thread-safety: not thread-safe; the bulk loader's flusher owns it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "graph/graph_view.h"
#include "graph/model.h"

namespace entente::graph::internal {

class LoadedEdges {
 public:
  struct Edge {
    uint64_t id;
    uint32_t source, target;  // EntityOrder ordinals.
    int32_t first_day, end_day, reported_day;
    RelationType type;
    EdgeFacts facts;
  };

  // Room for n more edges in the current chunk.
  void Reserve(size_t n) { chunks_.back().reserve(chunks_.back().size() + n); }
  // `rewrite`: an earlier chunk wrote this relation; this version wins.
  void Add(const Edge& edge, bool rewrite) {
    if (rewrite) latest_chunk_[edge.id] = static_cast<uint32_t>(chunks_.size() - 1);
    chunks_.back().push_back(edge);
  }
  // Later edges belong to the next chunk.
  void EndChunk() {
    if (!chunks_.back().empty()) chunks_.emplace_back();
  }

  // Consumes the edges. `entities` (sorted by id) become the vertices;
  // `vertex[ordinal]` is the index in `entities` of each ordinal's entity.
  std::shared_ptr<const GraphView> Build(const std::vector<Entity>& entities,
                                         const std::vector<uint32_t>& vertex) &&;

 private:
  std::vector<std::vector<Edge>> chunks_ = std::vector<std::vector<Edge>>(1);
  // Rewritten relations: the chunk whose version is the stored one.
  absl::flat_hash_map<uint64_t, uint32_t> latest_chunk_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_
