#include "service/entity_cache.h"

#include <algorithm>
#include <utility>

#include "absl/hash/hash.h"

namespace entente::service {

EntityCache::EntityCache(const graph::Store* store, size_t capacity)
    : store_(store), shard_capacity_(std::max<size_t>(1, capacity / kShards)) {}

absl::StatusOr<std::shared_ptr<const graph::Entity>> EntityCache::Get(
    absl::string_view id) const {
  Shard& shard = shards_[absl::Hash<absl::string_view>()(id) % kShards];
  {
    absl::ReaderMutexLock lock(&shard.mu);
    auto it = shard.entities.find(id);
    if (it != shard.entities.end()) return it->second;
  }
  uint64_t generation = generation_.load(std::memory_order_acquire);
  absl::StatusOr<graph::Entity> entity = store_->GetEntity(id);
  if (!entity.ok()) return entity.status();
  auto shared = std::make_shared<const graph::Entity>(*std::move(entity));
  absl::MutexLock lock(&shard.mu);
  if (generation_.load(std::memory_order_acquire) != generation) return shared;
  if (shard.entities.size() >= shard_capacity_) shard.entities.clear();
  shard.entities.emplace(std::string(id), shared);
  return shared;
}

void EntityCache::Clear() {
  generation_.fetch_add(1, std::memory_order_acq_rel);
  for (Shard& shard : shards_) {
    absl::MutexLock lock(&shard.mu);
    shard.entities.clear();
  }
}

}  // namespace entente::service
