// crash_writer DB_DIR ITEMS [START]: imports the crash test's items
// 0..ITEMS-1 into the store at DB_DIR, one WriteItem per item, beginning at
// item START and wrapping around, and exits 0. The crash test
// SIGKILLs it at random points. Prints "done" on success.

#include <cstdio>
#include <cstdlib>

#include "graph/store.h"
#include "tests/crash/crash_items.h"

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: crash_writer DB_DIR ITEMS [START]\n");
    return 2;
  }
  auto store = entente::graph::Store::Open(argv[1], {});
  if (!store.ok()) {
    std::fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
    return 1;
  }
  const int items = std::atoi(argv[2]);
  const int start = argc == 4 ? std::atoi(argv[3]) : 0;
  for (int n = 0; n < items; ++n) {
    const int i = (start + n) % items;
    auto result = (*store)->WriteItem({}, entente::crash::CrashItem(i));
    if (!result.ok()) {
      std::fprintf(stderr, "item %d: %s\n", i, result.status().ToString().c_str());
      return 1;
    }
  }
  std::printf("done\n");
  return 0;
}
