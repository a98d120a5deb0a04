#ifndef ENTENTE_SERVICE_RELATION_BROADCASTER_H_
#define ENTENTE_SERVICE_RELATION_BROADCASTER_H_

// RelationBroadcaster fans imported relations out to WatchRelations streams.
//
// The import path publishes each stored item's relations; every subscription
// whose filter matches gets a copy in a bounded queue. A subscriber that lets
// its queue fill up is dropped (it sees kOverflow) instead of slowing imports.
//
//   auto watch = broadcaster.Subscribe(filter);
//   graph::Relation relation;
//   while (watch->Next(absl::Milliseconds(200), &relation) != Event::kClosed) ...

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "graph/model.h"

namespace entente::service {

struct WatchFilter {
  std::string entity;            // An endpoint id; "" matches every relation.
  graph::RelationTypeSet types;  // Empty matches every type.

  bool Matches(const graph::Relation& relation) const;
};

class RelationBroadcaster;

// One watcher's queue. Thread-safe: the broadcaster pushes, the watcher pops.
class Subscription {
 public:
  enum class Event { kRelation, kTimeout, kClosed, kOverflow };

  Subscription(WatchFilter filter, size_t max_queue);

  // Waits up to `timeout` for the next relation. kOverflow (once the queue
  // has drained what it held) when the queue overflowed, kClosed when the
  // broadcaster closed; both are final.
  Event Next(absl::Duration timeout, graph::Relation* relation);

 private:
  friend class RelationBroadcaster;
  // Queues a copy if the filter matches; returns false once overflowed.
  bool Offer(const graph::Relation& relation);
  void Close();

  const WatchFilter filter_;
  const size_t max_queue_;
  absl::Mutex mu_;
  std::deque<graph::Relation> queue_ ABSL_GUARDED_BY(mu_);
  bool overflowed_ ABSL_GUARDED_BY(mu_) = false;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

// Thread-safe.
class RelationBroadcaster {
 public:
  // The default queue bound of a subscription: 4096 relations.
  static constexpr size_t kDefaultMaxQueue = 4096;

  // The subscription stays registered until the returned pointer is released
  // (the broadcaster keeps only a weak reference) or it overflows.
  std::shared_ptr<Subscription> Subscribe(WatchFilter filter,
                                          size_t max_queue = kDefaultMaxQueue);
  void Publish(absl::Span<const graph::Relation> relations);
  // Ends every subscription (they see kClosed) and refuses new ones.
  void Close();
  int subscriber_count();

 private:
  absl::Mutex mu_;
  std::vector<std::weak_ptr<Subscription>> subscriptions_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_RELATION_BROADCASTER_H_
