#include "common/parallel.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace entente::common {
namespace {

TEST(ParallelFor, RunsEveryPartOnce) {
  for (size_t parts : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{1000}}) {
    std::vector<std::atomic<int>> runs(parts);
    ParallelFor(parts, [&](size_t i) { ++runs[i]; });
    for (size_t i = 0; i < parts; ++i) EXPECT_EQ(runs[i].load(), 1) << i << "/" << parts;
  }
}

// The caller works on its own parts, so a part may split its work again, and many
// threads may split theirs at once, without waiting on a busy pool.
TEST(ParallelFor, NestsAndRunsFromManyThreads) {
  std::atomic<int> inner{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t) {
    callers.emplace_back([&] {
      ParallelFor(MachineParallelism() + 1,
                  [&](size_t) { ParallelFor(3, [&](size_t) { ++inner; }); });
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(inner.load(), 4 * static_cast<int>(MachineParallelism() + 1) * 3);
}

}  // namespace
}  // namespace entente::common
