#include "service/cancellation.h"

#include "absl/time/time.h"

namespace entente::service {

CancellationWatcher::CancellationWatcher() : thread_([this] { Run(); }) {}

CancellationWatcher::~CancellationWatcher() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  thread_.join();
}

CancellationWatcher::Scope::Scope(CancellationWatcher* watcher,
                                  const grpc::ServerContextBase* context)
    : watcher_(watcher), context_(context) {
  absl::MutexLock lock(&watcher_->mu_);
  watcher_->scopes_.insert(this);
}

CancellationWatcher::Scope::~Scope() {
  absl::MutexLock lock(&watcher_->mu_);
  watcher_->scopes_.erase(this);
}

void CancellationWatcher::Run() {
  absl::MutexLock lock(&mu_);
  auto has_work = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return stop_ || !scopes_.empty();
  };
  while (true) {
    mu_.Await(absl::Condition(&has_work));
    if (stop_) return;
    // Holding mu_ keeps every polled Scope (and so its context) alive.
    for (Scope* scope : scopes_) {
      if (scope->context_->IsCancelled()) {
        scope->cancelled_.store(true, std::memory_order_relaxed);
      }
    }
    mu_.AwaitWithTimeout(absl::Condition(&stop_), absl::Milliseconds(1));
  }
}

}  // namespace entente::service
