#ifndef ENTENTE_COMMON_PARALLEL_H_
#define ENTENTE_COMMON_PARALLEL_H_

// ParallelFor: one job split into parts that run at once, on the process's one
// pool of worker threads. The pool has a thread for each core but one (the
// caller works too), made on first use and kept for the process's life; a job
// splits into MachineParallelism() parts to use every core.
//
//   std::vector<Part> parts(common::MachineParallelism());
//   common::ParallelFor(parts.size(), [&](size_t i) { Scan(i, &parts[i]); });
//
// Thread-safety: thread-safe. ParallelFor may be called from many threads at
// once, and from inside a part: the caller runs parts itself until none is
// left, so it never waits on a part that no thread would take.

#include <cstddef>

#include "absl/functional/function_ref.h"

namespace entente::common {

// The cores of this machine (std::thread::hardware_concurrency()), at least 1.
size_t MachineParallelism();

// Runs part(0) ... part(parts - 1), each once, on the pool and the calling
// thread; returns when every one has returned. Parts must not throw.
void ParallelFor(size_t parts, absl::FunctionRef<void(size_t)> part);

}  // namespace entente::common

#endif  // ENTENTE_COMMON_PARALLEL_H_
