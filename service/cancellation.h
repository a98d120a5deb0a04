#ifndef ENTENTE_SERVICE_CANCELLATION_H_
#define ENTENTE_SERVICE_CANCELLATION_H_

// CancellationWatcher turns gRPC's polled cancellation (ServerContext::
// IsCancelled) into an atomic flag that long searches (graph::FindPaths) read
// in their inner loops:
//
//   CancellationWatcher::Scope scope(&watcher, context);
//   query.cancelled = scope.flag();
//
// One background thread polls the contexts of the calls in scope every
// millisecond while there are any, and sleeps otherwise.
//
// Thread-safety: thread-safe. A Scope must be destroyed (on the handler's
// thread) before its ServerContext goes away; the watcher must outlive every
// Scope.

#include <atomic>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/server_context.h"

namespace entente::service {

class CancellationWatcher {
 public:
  CancellationWatcher();
  ~CancellationWatcher();
  CancellationWatcher(const CancellationWatcher&) = delete;
  CancellationWatcher& operator=(const CancellationWatcher&) = delete;

  class Scope {
   public:
    Scope(CancellationWatcher* watcher, const grpc::ServerContextBase* context);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

    // Becomes true once the call is cancelled or its deadline passes.
    const std::atomic<bool>* flag() const { return &cancelled_; }

   private:
    friend class CancellationWatcher;
    CancellationWatcher* const watcher_;
    const grpc::ServerContextBase* const context_;
    std::atomic<bool> cancelled_{false};
  };

 private:
  void Run();

  absl::Mutex mu_;
  absl::flat_hash_set<Scope*> scopes_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_CANCELLATION_H_
