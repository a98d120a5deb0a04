#ifndef ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_
#define ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_

// The graph view of a bulk load into an empty store, built from what the
// loader wrote rather than by reading every edge back from RocksDB (which,
// with the chunks' files not yet compacted, is the slowest part of a load).
//
// The loader reports each chunk's written relations, with endpoints as
// ordinals of its EntityOrder (sorted_runs.h). Each chunk's
// edges are sorted by relation id when the chunk ends; Build() merges the
// chunks and keeps, of a relation written by several chunks, the last
// version written (the merged one, as the store holds it). Vertices are the
// loaded entities in id order and edges follow in relation id order, so the
// view is the one Store::Open would build from the same store.
//
// Thread-safety: not thread-safe; the bulk loader's flusher owns it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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
  };

  // Room for n more edges in the current chunk.
  void Reserve(size_t n) {
    if (chunks_.empty()) chunks_.emplace_back();
    chunks_.back().reserve(chunks_.back().size() + n);
  }
  void Add(const Edge& edge) {
    if (chunks_.empty()) chunks_.emplace_back();
    chunks_.back().push_back(edge);
  }
  // Sorts the edges added since the last call.
  void EndChunk();

  // Consumes the edges. `entities` (sorted by id) become the vertices;
  // `vertex[ordinal]` is the index in `entities` of each ordinal's entity.
  std::shared_ptr<const GraphView> Build(const std::vector<Entity>& entities,
                                         const std::vector<uint32_t>& vertex) &&;

 private:
  std::vector<std::vector<Edge>> chunks_;  // Each sorted by id once ended.
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_LOADED_EDGES_H_
