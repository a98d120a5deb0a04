#include "graph/internal/bidi_search.h"

#include <algorithm>

namespace entente::graph::internal {

// Vertices with at most this many relations are expanded before the others.
constexpr size_t kSmallDegree = 256;

void VisitMarks::Reset(size_t vertices) {
  if (slots_.size() < vertices || current_ == UINT32_MAX) {
    slots_.assign(std::max(vertices, slots_.size()), Slot{{0, 0}, {0, 0}});
    current_ = 0;
  }
  ++current_;
}

VisitMarks& BidiSearch::ThreadMarks() {
  thread_local VisitMarks marks;
  return marks;
}

bool SearchBounds::Tick() {
  if (hit()) return false;
  ++expanded_;
  if (expanded_ > max_expanded_) {
    reason_ = "max_expanded";
  } else if ((expanded_ & 63) == 0 || expanded_ == 1) {
    // Clock and flag reads are cheap but not free: check every 64 vertices.
    if (cancelled_ != nullptr && cancelled_->load(std::memory_order_relaxed)) {
      reason_ = "cancelled";
    } else if (deadline_ != absl::InfiniteFuture() && absl::Now() >= deadline_) {
      reason_ = "deadline";
    }
  }
  return !hit();
}

bool BidiSearch::Follow(uint32_t u, const AdjacentEdge& e,
                        const absl::flat_hash_set<uint32_t>& banned_vertices,
                        const absl::flat_hash_set<uint64_t>& banned_pairs) const {
  if (!filter_.Passes(e)) return false;
  const uint32_t v = e.neighbor;
  if ((avoid_kinds_ >> static_cast<uint32_t>(e.neighbor_kind)) & 1u) {
    if (v != exempt_a_ && v != exempt_b_) return false;
  }
  if (!banned_vertices.empty() && banned_vertices.contains(v)) return false;
  if (!banned_pairs.empty() && banned_pairs.contains(PairKey(u, v))) return false;
  return true;
}

uint64_t BidiSearch::Volume(const std::vector<uint32_t>& frontier) const {
  uint64_t volume = 0;
  for (uint32_t v : frontier) volume += view_.Edges(v).size();
  return volume;
}

BidiSearch::Outcome BidiSearch::Run(uint32_t s, uint32_t t, int max_hops,
                                    const absl::flat_hash_set<uint32_t>& banned_vertices,
                                    const absl::flat_hash_set<uint64_t>& banned_pairs,
                                    std::vector<uint32_t>* path) {
  path->clear();
  if (s == t) {
    path->push_back(s);
    return Outcome::kFound;
  }
  marks_.Reset(static_cast<size_t>(view_.vertex_count()));
  for (int side = 0; side < 2; ++side) frontier_[side].clear();
  marks_.Visit(0, s, s);
  marks_.Visit(1, t, t);
  frontier_[0].push_back(s);
  frontier_[1].push_back(t);
  int depth[2] = {0, 0};
  // Every vertex on both sides is found the moment the second side reaches
  // it, so the first meeting closes a shortest path: lengths of meetings in
  // one level are all depth[0] + depth[1] + 1.
  while (!frontier_[0].empty() && !frontier_[1].empty() &&
         depth[0] + depth[1] < max_hops) {
    // Expand the side whose next level scans fewer adjacency entries: a hub
    // in a frontier makes it expensive whatever the vertex count.
    const int side = Volume(frontier_[0]) <= Volume(frontier_[1]) ? 0 : 1;

    next_.clear();
    // Small vertices first: any meeting in this level is a shortest path, and
    // one is often found before a hub's long adjacency has to be scanned.
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t u : frontier_[side]) {
        absl::Span<const AdjacentEdge> edges = view_.Edges(u);
        if ((edges.size() <= kSmallDegree) != (pass == 0)) continue;
        if (!bounds_->Tick()) return Outcome::kTruncated;
        // Parallel relations are adjacent (the view sorts by neighbour): once
        // one of them was followed, the others lead nowhere new.
        uint32_t followed = UINT32_MAX;
        for (const AdjacentEdge& e : edges) {
          if (e.neighbor == followed) continue;
          if (!Follow(u, e, banned_vertices, banned_pairs)) continue;
          followed = e.neighbor;
          VisitMarks::Mark mark = marks_.VisitAndCheck(side, e.neighbor, u);
          if (mark == VisitMarks::Mark::kSeen) continue;
          if (mark == VisitMarks::Mark::kMeets) {
            Reconstruct(e.neighbor, path);
            return Outcome::kFound;
          }
          next_.push_back(e.neighbor);
        }
      }
    }
    frontier_[side].swap(next_);
    ++depth[side];
  }
  return Outcome::kNoPath;
}

void BidiSearch::Reconstruct(uint32_t meet, std::vector<uint32_t>* path) const {
  for (uint32_t v = meet;;) {
    path->push_back(v);
    uint32_t parent = marks_.Parent(0, v);
    if (parent == v) break;
    v = parent;
  }
  std::reverse(path->begin(), path->end());
  for (uint32_t v = meet;;) {
    uint32_t parent = marks_.Parent(1, v);
    if (parent == v) break;
    path->push_back(parent);
    v = parent;
  }
}

}  // namespace entente::graph::internal
