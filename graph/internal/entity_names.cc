#include "graph/internal/entity_names.h"

#include <algorithm>

#include "graph/internal/keys.h"

namespace entente::graph::internal {

int NameDistance(absl::string_view a, absl::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the dynamic programme: two back (for swaps), one back, this one.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_best = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] =
          std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;  // Every later row is at least this.
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

int SuggestionLimit(size_t length) {
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

KnownEntityIndex::KnownEntityIndex(std::shared_ptr<const std::vector<Entity>> entities)
    : entities_(std::move(entities)) {
  if (entities_ == nullptr) return;
  for (const Entity& entity : *entities_) {
    if (!by_id_.emplace(entity.id, &entity).second) continue;  // First one wins.
    for (const std::string& key : EntitySearchKeys(entity))
      keys_.emplace_back(key, &entity);
  }
  std::sort(keys_.begin(), keys_.end(), [](const Key& x, const Key& y) {
    return x.first != y.first ? x.first < y.first : x.second->id < y.second->id;
  });
}

const Entity* KnownEntityIndex::Find(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<KnownEntityIndex::Key>::const_iterator KnownEntityIndex::LowerBound(
    absl::string_view prefix) const {
  return std::lower_bound(
      keys_.begin(), keys_.end(), prefix,
      [](const Key& key, absl::string_view value) { return key.first < value; });
}

}  // namespace entente::graph::internal
