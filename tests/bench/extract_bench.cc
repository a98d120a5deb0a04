// BM_ExtractDigests: extraction throughput over >= 50 MB of digest text, built
// by repeating the development digests (from $ENTENTE_BENCH_DIGESTS, else
// $ENTENTE_SHARED_DIR/data/digests, else the configure-time shared folder).
// Reports bytes/s; the target is >= 20 MB/s on one core.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "importers/extractor.h"
#include "importers/gazetteer.h"
#include "importers/import_source.h"

namespace {

namespace fs = std::filesystem;

constexpr size_t kTargetBytes = size_t{50} << 20;

fs::path DigestDir() {
  if (const char* dir = std::getenv("ENTENTE_BENCH_DIGESTS")) return dir;
  if (const char* shared = std::getenv("ENTENTE_SHARED_DIR")) {
    return fs::path(shared) / "data" / "digests";
  }
  return fs::path(ENTENTE_DEFAULT_SHARED_DIR) / "data" / "digests";
}

struct Digest {
  std::string name;
  std::string bytes;
  entente::graph::DateWithPrecision published;
};

std::vector<Digest> LoadDigests() {
  std::vector<Digest> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(DigestDir(), ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string name = entry.path().filename().string();
    auto date = entente::graph::DateWithPrecision::Parse(name.substr(0, 10));
    out.push_back(
        {name, buffer.str(),
         date.ok() ? *date : entente::graph::DateWithPrecision::Day(2026, 2, 6)});
  }
  return out;
}

const entente::importers::Extractor& SharedExtractor() {
  static std::unique_ptr<entente::importers::Extractor> extractor = [] {
    auto gazetteer =
        entente::importers::Gazetteer::Load(entente::importers::DefaultIsoCodesDir());
    if (!gazetteer.ok()) std::abort();
    return *entente::importers::Extractor::Create(std::move(*gazetteer));
  }();
  return *extractor;
}

void BM_ExtractDigests(benchmark::State& state) {
  std::vector<Digest> digests = LoadDigests();
  if (digests.empty()) {
    state.SkipWithError("no development digests (set ENTENTE_BENCH_DIGESTS)");
    return;
  }
  size_t one_round = 0;
  for (const Digest& d : digests) one_round += d.bytes.size();
  const size_t rounds = (kTargetBytes + one_round - 1) / one_round;
  const entente::importers::Extractor& extractor = SharedExtractor();
  int64_t relations = 0;
  for (auto _ : state) {
    for (size_t r = 0; r < rounds; ++r) {
      for (const Digest& d : digests) {
        entente::importers::ImportOptions options;
        options.published = d.published;
        auto stats = entente::importers::ReadImportBytes(
            extractor, d.name, d.bytes, options,
            [](entente::importers::ImportUnit&&) { return absl::OkStatus(); });
        if (!stats.ok()) {
          state.SkipWithError(std::string(stats.status().message()).c_str());
          return;
        }
        relations += stats->relations;
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * rounds * one_round));
  state.counters["MB_per_iteration"] =
      static_cast<double>(rounds * one_round) / (1 << 20);
  state.counters["relations"] = static_cast<double>(relations);
}
// bytes_per_second is per CPU second (the target is per core; the build machine
// is shared, so wall time includes other processes).
BENCHMARK(BM_ExtractDigests)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
