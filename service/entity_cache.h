#ifndef ENTENTE_SERVICE_ENTITY_CACHE_H_
#define ENTENTE_SERVICE_ENTITY_CACHE_H_

// EntityCache: entities by id in front of Store::GetEntity. Nearly every call
// looks up two to ten entities, and entities change only when something is
// imported, so the service keeps them here and clears the cache whenever an
// import writes (the store has a single writer: this process).
//
// The cache is split in 16 shards, each holding at most capacity / 16
// entities; a full shard is emptied rather than tracked for recency, which is
// cheap and, for entity popularity's long tail, good enough.
//
// Thread-safety: thread-safe.

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "graph/model.h"
#include "graph/store.h"

namespace entente::service {

class EntityCache {
 public:
  // The default capacity: 200,000 entities.
  static constexpr size_t kDefaultCapacity = 200'000;

  // Keeps `store`, which must outlive the cache.
  explicit EntityCache(const graph::Store* store, size_t capacity = kDefaultCapacity);

  // The entity with this id; NotFound naming the id (not cached).
  absl::StatusOr<std::shared_ptr<const graph::Entity>> Get(absl::string_view id) const;
  // Forgets every entity: call after writing to the store.
  void Clear();

  const graph::Store& store() const { return *store_; }

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable absl::Mutex mu;
    absl::flat_hash_map<std::string, std::shared_ptr<const graph::Entity>> entities
        ABSL_GUARDED_BY(mu);
  };

  const graph::Store* const store_;
  const size_t shard_capacity_;
  // Bumped by Clear(); a Get() that read the store under an older generation
  // does not cache what it read, so a clear never races with a stale insert.
  std::atomic<uint64_t> generation_{0};
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_ENTITY_CACHE_H_
