#ifndef ENTENTE_SERVICE_CALLS_IN_FLIGHT_H_
#define ENTENTE_SERVICE_CALLS_IN_FLIGHT_H_

// CallsInFlight counts the calls a server is running, so that a shutdown can
// wait for exactly those (up to its grace period) instead of guessing how long
// they take:
//
//   CallsInFlight::Scope in_flight(&calls);  // In each handler.
//   calls.WaitIdle(absl::Now() + grace);     // At shutdown.
//
// Thread-safety: thread-safe.

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace entente::service {

class CallsInFlight {
 public:
  // Counts one call while it lives; `calls` must outlive it.
  class Scope {
   public:
    explicit Scope(CallsInFlight* calls);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    CallsInFlight* const calls_;
  };

  int count() const;
  // Blocks until no call is in flight or `deadline` passes; true when none is.
  bool WaitIdle(absl::Time deadline) const;

 private:
  mutable absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_CALLS_IN_FLIGHT_H_
