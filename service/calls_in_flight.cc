#include "service/calls_in_flight.h"

namespace entente::service {

CallsInFlight::Scope::Scope(CallsInFlight* calls) : calls_(calls) {
  absl::MutexLock lock(&calls_->mu_);
  ++calls_->count_;
}

CallsInFlight::Scope::~Scope() {
  absl::MutexLock lock(&calls_->mu_);
  --calls_->count_;
}

int CallsInFlight::count() const {
  absl::MutexLock lock(&mu_);
  return count_;
}

bool CallsInFlight::WaitIdle(absl::Time deadline) const {
  absl::MutexLock lock(&mu_);
  auto idle = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return count_ == 0; };
  return mu_.AwaitWithDeadline(absl::Condition(&idle), deadline);
}

}  // namespace entente::service
