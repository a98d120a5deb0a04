#include "graph/path_finder.h"

#include <algorithm>
#include <iterator>
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

// The relations linking u and v that pass: their count by type, and the one
// the path names, the first of the pair's run, which the view orders newest
// first, ties by smallest id. Both endpoints list the run in that order; the
// shorter adjacency is searched (the kind check of Follow passes either way
// for vertices on a path).
HopLinks LinksBetween(const GraphView& view, const BidiSearch& search, uint32_t u,
                      uint32_t v, uint64_t* named) {
  if (view.Edges(v).size() < view.Edges(u).size()) std::swap(u, v);
  HopLinks links;
  *named = 0;
  for (const AdjacentEdge& e : view.EdgesBetween(u, v)) {
    if (!search.Follow(u, e, {}, {})) continue;
    if (links.relations++ == 0) *named = view.RelationId(e.edge);
    ++links.by_type[static_cast<int>(e.type)];
  }
  return links;
}

PathResult Search(const GraphView& view, const PathQuery& query, uint32_t s, uint32_t t) {
  EdgeFilter filter{query.types, query.window, query.known_as_of_day,
                    /*states_last=*/true, &view.state_ends()};
  SearchBounds bounds(query.max_expanded, query.deadline, query.cancelled);
  BidiSearch search(view, filter, query.avoid_kinds, s, t, &bounds);
  KShortest yen(&search, query.max_hops);
  PathResult result;
  if (!yen.Run(s, t, query.k)) {
    result.truncated = true;
    result.truncation_reason = bounds.reason();
  }
  for (const VertexPath& vertices : yen.paths()) {
    Path& path = result.paths.emplace_back();
    for (size_t i = 0; i < vertices.size(); ++i) {
      path.entities.emplace_back(view.EntityId(vertices[i]));
      if (i == 0) continue;
      uint64_t named = 0;
      path.hops.push_back(
          LinksBetween(view, search, vertices[i - 1], vertices[i], &named));
      path.relations.push_back(named);
    }
  }
  return result;
}

// A filter of a path query and how to lift it.
struct Lift {
  const char* name;
  bool (*set)(const PathQuery&);
  void (*lift)(PathQuery*);
};

constexpr Lift kLifts[] = {
    {"types", [](const PathQuery& q) { return !q.types.empty(); },
     [](PathQuery* q) { q->types = RelationTypeSet(); }},
    {"window", [](const PathQuery& q) { return !q.window.unbounded(); },
     [](PathQuery* q) { q->window = TimeWindow(); }},
    {"known_as_of", [](const PathQuery& q) { return q.known_as_of_day != INT32_MAX; },
     [](PathQuery* q) { q->known_as_of_day = INT32_MAX; }},
    {"avoid_kinds", [](const PathQuery& q) { return q.avoid_kinds != 0; },
     [](PathQuery* q) { q->avoid_kinds = 0; }},
    {"max_hops", [](const PathQuery& q) { return q.max_hops < kMaxPathHops; },
     [](PathQuery* q) { q->max_hops = kMaxPathHops; }},
};

// Whether one shortest path exists for `query`; false too when cut short.
bool HasPath(const GraphView& view, PathQuery query, uint32_t s, uint32_t t) {
  query.k = 1;
  return !Search(view, query, s, t).paths.empty();
}

// `query` with the filters of kLifts[i] lifted for each bit i of `mask`.
PathQuery Lifted(const PathQuery& query, uint32_t mask) {
  PathQuery lifted = query;
  for (size_t i = 0; i < std::size(kLifts); ++i) {
    if ((mask >> i) & 1u) kLifts[i].lift(&lifted);
  }
  return lifted;
}

std::vector<std::string> BlockingFilters(const GraphView& view, const PathQuery& query,
                                         uint32_t s, uint32_t t) {
  std::vector<std::string> blocking;
  uint32_t set = 0;
  for (size_t i = 0; i < std::size(kLifts); ++i) {
    if (!kLifts[i].set(query)) continue;
    set |= 1u << i;
    if (HasPath(view, Lifted(query, 1u << i), s, t)) blocking.push_back(kLifts[i].name);
  }
  if (!blocking.empty() || !HasPath(view, Lifted(query, set), s, t)) return blocking;
  // Only several together remove every path: put back, one at a time, each
  // filter whose return still leaves a path; the ones left lifted are to blame.
  uint32_t blamed = set;
  for (size_t i = 0; i < std::size(kLifts); ++i) {
    uint32_t without = blamed & ~(1u << i);
    if (without != blamed && HasPath(view, Lifted(query, without), s, t))
      blamed = without;
  }
  for (size_t i = 0; i < std::size(kLifts); ++i) {
    if ((blamed >> i) & 1u) blocking.push_back(kLifts[i].name);
  }
  return blocking;
}

}  // namespace

absl::StatusOr<PathResult> FindPaths(const GraphView& view, const PathQuery& query) {
  if (absl::Status status = Validate(query); !status.ok()) return status;
  absl::StatusOr<uint32_t> s = VertexOf(view, query.from);
  if (!s.ok()) return s.status();
  absl::StatusOr<uint32_t> t = VertexOf(view, query.to);
  if (!t.ok()) return t.status();

  PathResult result = Search(view, query, *s, *t);
  if (result.paths.empty() && !result.truncated) {
    result.blocking_filters = BlockingFilters(view, query, *s, *t);
  }
  return result;
}

}  // namespace entente::graph
