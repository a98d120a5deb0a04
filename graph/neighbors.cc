#include "graph/neighbors.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/internal/cancel_check.h"

namespace entente::graph {

absl::StatusOr<NeighborResult> FindNeighbors(const GraphView& view,
                                             const NeighborQuery& query) {
  if (query.entity.empty()) return absl::InvalidArgumentError("entity is required");
  if (query.limit < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit must not be negative, got ", query.limit));
  }
  int limit =
      query.limit == 0 ? kDefaultNeighborLimit : std::min(query.limit, kMaxNeighborLimit);
  std::optional<uint32_t> v = view.FindVertex(query.entity);
  if (!v) {
    return absl::NotFoundError(absl::StrCat("entity \"", query.entity, "\" not found"));
  }
  EdgeFilter filter{query.types, query.window, query.known_as_of_day};
  std::vector<const AdjacentEdge*> passing;
  internal::CancelCheck cancel(query.cancelled);
  for (const AdjacentEdge& e : view.Edges(*v)) {
    if (cancel.Cancelled()) return internal::CancelledError("neighbors");
    if (!filter.Passes(e)) continue;
    if ((query.avoid_kinds >> static_cast<uint32_t>(e.neighbor_kind)) & 1u) continue;
    passing.push_back(&e);
  }
  auto newer = [&](const AdjacentEdge* a, const AdjacentEdge* b) {
    if (a->first_day != b->first_day) return a->first_day > b->first_day;
    return view.RelationId(a->edge) < view.RelationId(b->edge);
  };
  NeighborResult result;
  if (static_cast<int>(passing.size()) > limit) {
    std::partial_sort(passing.begin(), passing.begin() + limit, passing.end(), newer);
    passing.resize(limit);
    result.truncated = true;
  } else {
    std::sort(passing.begin(), passing.end(), newer);
  }
  for (const AdjacentEdge* e : passing)
    result.relations.push_back(view.RelationId(e->edge));
  return result;
}

}  // namespace entente::graph
