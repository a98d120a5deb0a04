#ifndef ENTENTE_GRAPH_INTERNAL_BIDI_SEARCH_H_
#define ENTENTE_GRAPH_INTERNAL_BIDI_SEARCH_H_

// Bidirectional breadth-first search over a GraphView with edge filters,
// banned vertices/pairs (for Yen's spur searches) and shared bounds.
// Thread-safety: one BidiSearch per thread; the view is only read.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/time.h"
#include "graph/graph_view.h"

namespace entente::graph::internal {

// Limits shared by all searches of one query.
class SearchBounds {
 public:
  SearchBounds(int64_t max_expanded, absl::Time deadline,
               const std::atomic<bool>* cancelled)
      : max_expanded_(max_expanded), deadline_(deadline), cancelled_(cancelled) {}
  // Counts one expanded vertex; false (with reason()) once a bound is hit.
  bool Tick();
  bool hit() const { return !reason_.empty(); }
  const std::string& reason() const { return reason_; }

 private:
  int64_t expanded_ = 0;
  int64_t max_expanded_;
  absl::Time deadline_;
  const std::atomic<bool>* cancelled_;
  std::string reason_;
};

inline uint64_t PairKey(uint32_t a, uint32_t b) {
  if (b < a) std::swap(a, b);
  return (uint64_t{a} << 32) | b;
}

// Per-side visited marks and parents over all vertices of a view, reset in
// O(1) by bumping a generation; far cheaper than hash maps once a search
// meets hubs. One per thread, reused across searches (4 x 4 bytes per
// vertex of the largest view the thread searched).
class VisitMarks {
 public:
  // Clears the marks for a new search over `vertices` vertices.
  void Reset(size_t vertices);
  bool Visited(int side, uint32_t v) const { return slots_[v].gen[side] == current_; }
  // Marks v with its parent; false when it was marked already.
  bool Visit(int side, uint32_t v, uint32_t parent) {
    Slot& slot = slots_[v];
    if (slot.gen[side] == current_) return false;
    slot.gen[side] = current_;
    slot.parent[side] = parent;
    return true;
  }
  // Visit(side, ...) then Visited(1 - side) with one cache line touched.
  enum class Mark { kSeen, kNew, kMeets };
  Mark VisitAndCheck(int side, uint32_t v, uint32_t parent) {
    Slot& slot = slots_[v];
    if (slot.gen[side] == current_) return Mark::kSeen;
    slot.gen[side] = current_;
    slot.parent[side] = parent;
    return slot.gen[1 - side] == current_ ? Mark::kMeets : Mark::kNew;
  }
  uint32_t Parent(int side, uint32_t v) const { return slots_[v].parent[side]; }

 private:
  // Both sides of a vertex in one 16-byte slot: one cache miss per edge.
  struct Slot {
    uint32_t gen[2];
    uint32_t parent[2];
  };
  uint32_t current_ = 0;
  std::vector<Slot> slots_;
};

class BidiSearch {
 public:
  enum class Outcome { kFound, kNoPath, kTruncated };

  // `exempt_a`/`exempt_b`: vertices allowed even when their kind is avoided
  // (the query's endpoints).
  BidiSearch(const GraphView& view, const EdgeFilter& filter, uint32_t avoid_kinds,
             uint32_t exempt_a, uint32_t exempt_b, SearchBounds* bounds)
      : view_(view),
        filter_(filter),
        avoid_kinds_(avoid_kinds),
        exempt_a_(exempt_a),
        exempt_b_(exempt_b),
        bounds_(bounds),
        marks_(ThreadMarks()) {}

  // A shortest path s..t of at most max_hops hops avoiding the banned
  // vertices and vertex pairs; the vertices go to *path.
  Outcome Run(uint32_t s, uint32_t t, int max_hops,
              const absl::flat_hash_set<uint32_t>& banned_vertices,
              const absl::flat_hash_set<uint64_t>& banned_pairs,
              std::vector<uint32_t>* path);

  // Whether an edge from u may be followed (filter, kinds, bans).
  bool Follow(uint32_t u, const AdjacentEdge& e,
              const absl::flat_hash_set<uint32_t>& banned_vertices,
              const absl::flat_hash_set<uint64_t>& banned_pairs) const;

 private:
  void Reconstruct(uint32_t meet, std::vector<uint32_t>* path) const;
  static VisitMarks& ThreadMarks();
  // Adjacency entries a frontier's expansion would scan.
  uint64_t Volume(const std::vector<uint32_t>& frontier) const;

  const GraphView& view_;
  const EdgeFilter& filter_;
  uint32_t avoid_kinds_;
  uint32_t exempt_a_, exempt_b_;
  SearchBounds* bounds_;
  VisitMarks& marks_;  // The calling thread's.
  std::vector<uint32_t> frontier_[2], next_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_BIDI_SEARCH_H_
