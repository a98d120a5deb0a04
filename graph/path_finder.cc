#include "graph/path_finder.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "graph/internal/bidi_search.h"

namespace entente::graph {
namespace {

using internal::BidiSearch;
using internal::PairKey;
using internal::SearchBounds;
using VertexPath = std::vector<uint32_t>;

absl::Status Validate(const PathQuery& q) {
  if (q.from.empty() || q.to.empty()) {
    return absl::InvalidArgumentError("path query needs both `from` and `to`");
  }
  if (q.k < 1 || q.k > kMaxPathCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("k must be 1..", kMaxPathCount, ", got ", q.k));
  }
  if (q.max_hops < 1 || q.max_hops > kMaxPathHops) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_hops must be 1..", kMaxPathHops, ", got ", q.max_hops));
  }
  if (q.max_expanded <= 0) {
    return absl::InvalidArgumentError("max_expanded must be positive");
  }
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> VertexOf(const GraphView& view, absl::string_view id) {
  std::optional<uint32_t> v = view.FindVertex(id);
  if (!v) return absl::NotFoundError(absl::StrCat("entity \"", id, "\" not found"));
  return *v;
}

// Yen's k shortest loopless paths over vertex sequences.
class KShortest {
 public:
  KShortest(BidiSearch* search, int max_hops) : search_(search), max_hops_(max_hops) {}

  // Fills paths_ with up to k paths; false when the bounds cut it short.
  bool Run(uint32_t s, uint32_t t, int k) {
    VertexPath first;
    auto outcome = search_->Run(s, t, max_hops_, {}, {}, &first);
    if (outcome == BidiSearch::Outcome::kTruncated) return false;
    if (outcome == BidiSearch::Outcome::kNoPath) return true;
    paths_.push_back(first);
    seen_.insert(first);
    while (static_cast<int>(paths_.size()) < k) {
      if (!AddSpurCandidates(t)) return false;
      if (candidates_.empty()) break;
      auto best = std::min_element(
          candidates_.begin(), candidates_.end(),
          [](const VertexPath& a, const VertexPath& b) { return a.size() < b.size(); });
      paths_.push_back(std::move(*best));
      candidates_.erase(best);
    }
    return true;
  }

  const std::vector<VertexPath>& paths() const { return paths_; }

 private:
  bool AddSpurCandidates(uint32_t t) {
    const VertexPath& last = paths_.back();
    for (size_t i = 0; i + 1 < last.size(); ++i) {
      absl::flat_hash_set<uint64_t> banned_pairs;
      for (const VertexPath& p : paths_) {
        if (p.size() > i + 1 &&
            std::equal(last.begin(), last.begin() + i + 1, p.begin())) {
          banned_pairs.insert(PairKey(p[i], p[i + 1]));
        }
      }
      absl::flat_hash_set<uint32_t> banned_vertices(last.begin(), last.begin() + i);
      VertexPath spur;
      auto outcome = search_->Run(last[i], t, max_hops_ - static_cast<int>(i),
                                  banned_vertices, banned_pairs, &spur);
      if (outcome == BidiSearch::Outcome::kTruncated) return false;
      if (outcome == BidiSearch::Outcome::kNoPath) continue;
      VertexPath candidate(last.begin(), last.begin() + i);
      candidate.insert(candidate.end(), spur.begin(), spur.end());
      if (seen_.insert(candidate).second) candidates_.push_back(std::move(candidate));
    }
    return true;
  }

  BidiSearch* search_;
  int max_hops_;
  std::vector<VertexPath> paths_;
  std::vector<VertexPath> candidates_;
  absl::flat_hash_set<VertexPath> seen_;
};

// The relation a path names between u and v: the first passing one of the
// pair's run, which the view orders newest first, ties by smallest id. Both
// endpoints list the run in that order; the shorter adjacency is searched
// (the kind check of Follow passes either way for vertices on a path).
uint64_t HopRelation(const GraphView& view, const BidiSearch& search, uint32_t u,
                     uint32_t v) {
  if (view.Edges(v).size() < view.Edges(u).size()) std::swap(u, v);
  for (const AdjacentEdge& e : view.EdgesBetween(u, v)) {
    if (search.Follow(u, e, {}, {})) return view.RelationId(e.edge);
  }
  return 0;
}

}  // namespace

absl::StatusOr<PathResult> FindPaths(const GraphView& view, const PathQuery& query) {
  if (absl::Status status = Validate(query); !status.ok()) return status;
  absl::StatusOr<uint32_t> s = VertexOf(view, query.from);
  if (!s.ok()) return s.status();
  absl::StatusOr<uint32_t> t = VertexOf(view, query.to);
  if (!t.ok()) return t.status();

  EdgeFilter filter{query.types, query.window, query.known_as_of_day};
  SearchBounds bounds(query.max_expanded, query.deadline, query.cancelled);
  BidiSearch search(view, filter, query.avoid_kinds, *s, *t, &bounds);
  KShortest yen(&search, query.max_hops);
  PathResult result;
  if (!yen.Run(*s, *t, query.k)) {
    result.truncated = true;
    result.truncation_reason = bounds.reason();
  }
  for (const VertexPath& vertices : yen.paths()) {
    Path& path = result.paths.emplace_back();
    for (size_t i = 0; i < vertices.size(); ++i) {
      path.entities.emplace_back(view.EntityId(vertices[i]));
      if (i > 0) {
        path.relations.push_back(HopRelation(view, search, vertices[i - 1], vertices[i]));
      }
    }
  }
  return result;
}

}  // namespace entente::graph
