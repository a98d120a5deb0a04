#include "service/tie_graph_cache.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace entente::service {

std::string TieGraphCache::Key(const graph::TieQuery& query) {
  const graph::TieWeighting& w = query.weighting;
  return absl::StrCat(query.EffectiveTypes().bits(), "|", query.window.from_day, "|",
                      query.window.to_day, "|", query.known_as_of_day, "|",
                      w.half_life_days, "|", w.reference_day, "|", w.saturation, "|",
                      absl::StrJoin(w.type_weights, ","));
}

std::shared_ptr<const graph::TieGraph> TieGraphCache::Find(const graph::GraphView& view,
                                                           const graph::TieQuery& query) {
  const std::string key = Key(query);
  absl::MutexLock lock(&mu_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->view.get() != &view || it->key != key) continue;
    entries_.splice(entries_.begin(), entries_, it);
    return entries_.front().ties;
  }
  return nullptr;
}

void TieGraphCache::Add(std::shared_ptr<const graph::GraphView> view,
                        std::shared_ptr<const graph::TieGraph> ties) {
  if (ties == nullptr || ties->truncated() || capacity_ == 0) return;
  std::string key = Key(ties->query());
  absl::MutexLock lock(&mu_);
  // A newer view makes the entries of older ones useless.
  entries_.remove_if(
      [&](const Entry& entry) { return entry.view != view || entry.key == key; });
  entries_.push_front({std::move(view), std::move(key), std::move(ties)});
  if (entries_.size() > capacity_) entries_.pop_back();
}

}  // namespace entente::service
