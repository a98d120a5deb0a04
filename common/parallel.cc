#include "common/parallel.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"

namespace entente::common {
namespace {

// One ParallelFor call: its parts are claimed in order by whichever thread
// comes first.
class Job {
 public:
  Job(size_t parts, absl::FunctionRef<void(size_t)> part)
      : parts_(parts), part_(part), unfinished_(parts) {}

  // Runs unclaimed parts until none is left.
  void Work() {
    for (size_t i = next_.fetch_add(1); i < parts_; i = next_.fetch_add(1)) {
      part_(i);
      if (unfinished_.fetch_sub(1) == 1) finished_.Notify();
    }
  }
  bool AllClaimed() const { return next_.load() >= parts_; }
  void WaitFinished() { finished_.WaitForNotification(); }

 private:
  const size_t parts_;
  // Called only for a claimed part, and the caller waits for every claimed part
  // to finish: the function outlives each call.
  const absl::FunctionRef<void(size_t)> part_;
  std::atomic<size_t> next_{0};
  std::atomic<size_t> unfinished_;
  absl::Notification finished_;
};

// The worker threads and the jobs with parts left to claim. Never destroyed:
// its threads wait for work until the process ends.
class WorkerPool {
 public:
  explicit WorkerPool(size_t threads) {
    for (size_t i = 0; i < threads; ++i) std::thread([this] { Run(); }).detach();
  }

  void Add(std::shared_ptr<Job> job) {
    absl::MutexLock lock(&mu_);
    jobs_.push_back(std::move(job));
  }

 private:
  void Run() {
    while (true) {
      std::shared_ptr<Job> job;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](std::deque<std::shared_ptr<Job>>* jobs) { return !jobs->empty(); },
            &jobs_));
        job = jobs_.front();
        if (job->AllClaimed()) {
          jobs_.pop_front();
          continue;
        }
      }
      job->Work();
    }
  }

  absl::Mutex mu_;
  std::deque<std::shared_ptr<Job>> jobs_ ABSL_GUARDED_BY(mu_);
};

WorkerPool& Pool() {
  static WorkerPool* pool = new WorkerPool(MachineParallelism() - 1);
  return *pool;
}

}  // namespace

size_t MachineParallelism() {
  return std::max<size_t>(1, std::thread::hardware_concurrency());
}

void ParallelFor(size_t parts, absl::FunctionRef<void(size_t)> part) {
  if (parts == 0) return;
  if (parts == 1 || MachineParallelism() == 1) {
    for (size_t i = 0; i < parts; ++i) part(i);
    return;
  }
  auto job = std::make_shared<Job>(parts, part);
  Pool().Add(job);
  job->Work();
  job->WaitFinished();
}

}  // namespace entente::common
