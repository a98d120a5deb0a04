#include "service/relation_broadcaster.h"

#include <algorithm>
#include <utility>

namespace entente::service {

bool WatchFilter::Matches(const graph::Relation& relation) const {
  if (!types.empty() && !types.Contains(relation.type)) return false;
  return entity.empty() || relation.source.id == entity || relation.target.id == entity;
}

Subscription::Subscription(WatchFilter filter, size_t max_queue)
    : filter_(std::move(filter)), max_queue_(max_queue) {}

Subscription::Event Subscription::Next(absl::Duration timeout,
                                       graph::Relation* relation) {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return !queue_.empty() || overflowed_ || closed_;
  };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  // An overflowed watcher has lost relations: tell it at once rather than let it
  // read a stream with a hole in it.
  if (overflowed_) return Event::kOverflow;
  if (!queue_.empty()) {
    *relation = std::move(queue_.front());
    queue_.pop_front();
    return Event::kRelation;
  }
  return closed_ ? Event::kClosed : Event::kTimeout;
}

bool Subscription::Offer(const graph::Relation& relation) {
  if (!filter_.Matches(relation)) return true;
  absl::MutexLock lock(&mu_);
  if (overflowed_ || closed_) return false;
  if (queue_.size() >= max_queue_) {
    overflowed_ = true;
    queue_.clear();
    return false;
  }
  queue_.push_back(relation);
  return true;
}

void Subscription::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
}

std::shared_ptr<Subscription> RelationBroadcaster::Subscribe(WatchFilter filter,
                                                             size_t max_queue) {
  auto subscription = std::make_shared<Subscription>(std::move(filter), max_queue);
  absl::MutexLock lock(&mu_);
  if (closed_) {
    subscription->Close();
  } else {
    subscriptions_.push_back(subscription);
  }
  return subscription;
}

void RelationBroadcaster::Publish(absl::Span<const graph::Relation> relations) {
  if (relations.empty()) return;
  absl::MutexLock lock(&mu_);
  auto dropped = [&](const std::weak_ptr<Subscription>& weak) {
    std::shared_ptr<Subscription> subscription = weak.lock();
    if (subscription == nullptr) return true;
    for (const graph::Relation& relation : relations) {
      if (!subscription->Offer(relation)) return true;
    }
    return false;
  };
  subscriptions_.erase(
      std::remove_if(subscriptions_.begin(), subscriptions_.end(), dropped),
      subscriptions_.end());
}

void RelationBroadcaster::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
  for (const auto& weak : subscriptions_) {
    if (auto subscription = weak.lock()) subscription->Close();
  }
  subscriptions_.clear();
}

int RelationBroadcaster::subscriber_count() {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(subscriptions_.size());
}

}  // namespace entente::service
