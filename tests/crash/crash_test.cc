// Kills an importing child process with SIGKILL at random points, then checks
// that every digest item is wholly present or wholly absent, and that
// finishing the import leaves no duplicates.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <set>

#include "absl/strings/str_cat.h"
#include "graph/internal/test_util.h"
#include "graph/store.h"
#include "gtest/gtest.h"
#include "tests/crash/crash_items.h"

namespace entente::crash {
namespace {

// Sanitizer builds run several times slower: fewer items, longer waits.
#if defined(__SANITIZE_ADDRESS__)
#define ENTENTE_CRASH_SLOW 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ENTENTE_CRASH_SLOW 1
#endif
#endif
#ifdef ENTENTE_CRASH_SLOW
constexpr int kItems = 12000;
constexpr int kMinDelayUs = 50'000, kMaxDelayUs = 700'000;
#else
constexpr int kItems = 40000;
constexpr int kMinDelayUs = 20'000, kMaxDelayUs = 400'000;
#endif
constexpr int kKills = 24;

// Runs crash_writer on `db`, starting at item `start` (so that kills land
// on fresh writes, not on re-writes of items already stored).
pid_t StartWriter(const std::string& db, int start) {
  std::string items = absl::StrCat(kItems), first = absl::StrCat(start);
  pid_t pid = fork();
  if (pid == 0) {
    execl(CRASH_WRITER_PATH, CRASH_WRITER_PATH, db.c_str(), items.c_str(), first.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Items present in full; fails the test on a partial item.
int CheckAllOrNothing(graph::Store& store, int round) {
  int present = 0;
  int64_t relations = 0;
  for (int i = 0; i < kItems; ++i) {
    int found = 0;
    for (const graph::Relation& r : CrashItem(i)) {
      auto stored = store.GetRelation(graph::RelationIdOf(r));
      if (stored.ok()) {
        ++found;
        EXPECT_EQ(stored->provenance.size(), 1u) << "duplicate provenance, item " << i;
      } else {
        EXPECT_EQ(stored.status().code(), absl::StatusCode::kNotFound) << stored.status();
      }
    }
    EXPECT_TRUE(found == 0 || found == kRelationsPerItem)
        << "round " << round << ": item " << i << " has " << found << " of "
        << kRelationsPerItem << " relations";
    if (found == kRelationsPerItem) ++present;
    relations += found;
  }
  // The edge index holds exactly the stored relations, no more.
  EXPECT_EQ(store.View()->relation_count(), relations) << "round " << round;
  return present;
}

TEST(Crash, SigkillLeavesWholeItemsAndRerunCompletesWithoutDuplicates) {
  graph::testing::TempDir tmp;
  const std::string db = tmp.Sub("db");
  std::mt19937 rng(20260227);
  int killed_mid_import = 0;
  for (int round = 0; round < kKills; ++round) {
    pid_t pid = StartWriter(db, std::uniform_int_distribution<int>(0, kItems - 1)(rng));
    ASSERT_GT(pid, 0);
    usleep(std::uniform_int_distribution<int>(kMinDelayUs, kMaxDelayUs)(rng));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++killed_mid_import;
    auto store = graph::Store::Open(db, {});
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.status();
    int present = CheckAllOrNothing(**store, round);
    std::printf("round %d: %d of %d items present\n", round, present, kItems);
  }
  EXPECT_GE(killed_mid_import, 20);
  pid_t pid = StartWriter(db, 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto store = graph::Store::Open(db, {});
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(CheckAllOrNothing(**store, kKills), kItems);
  EXPECT_EQ((*store)->View()->relation_count(), int64_t{kItems} * kRelationsPerItem);
}

}  // namespace
}  // namespace entente::crash
