// GDELT reading and mapping on one core, over rows from the seeded generator
// (gdelt_generator.h) held in memory, so that neither the disk nor the store
// is measured:
//   BM_GdeltReadAndMap       plain rows: split, check, map, merge into facts and
//                            build the relations handed to the sink;
//   BM_GdeltReadAndMapZip    the same rows zipped, as GDELT publishes them;
//   BM_GdeltReadAndMapGzip   the same rows gzipped;
// all three on one thread (read_ahead off). BM_GdeltReadAndMapZipReadAhead
// decompresses on a second thread, as `entente import` does.
// items_per_second is rows per second; the target is >= 1M rows/s per core.
// Settings (environment): ENTENTE_BENCH_GDELT_ROWS (default 1000000),
// ENTENTE_BENCH_GDELT_SEED (default 1), ENTENTE_ISO_CODES_DIR.
//   build/tests/gdelt_bench --benchmark_repetitions=3
#include <zip.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "importers/gazetteer.h"
#include "importers/gdelt_reader.h"
#include "tests/bench/gdelt_generator.h"

namespace {

using entente::importers::GdeltCounts;
using entente::importers::GdeltReader;
using entente::importers::ImportUnit;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoll(value) : fallback;
}

const GdeltReader& Reader() {
  static const GdeltReader* reader = [] {
    auto gazetteer =
        entente::importers::Gazetteer::Load(entente::importers::DefaultIsoCodesDir());
    if (!gazetteer.ok()) std::abort();
    auto created = GdeltReader::Create(**gazetteer);
    if (!created.ok()) std::abort();
    return created->release();
  }();
  return *reader;
}

const std::string& PlainRows() {
  static const std::string* rows = [] {
    entente::bench::GdeltGeneratorOptions options;
    options.rows = EnvInt("ENTENTE_BENCH_GDELT_ROWS", 1'000'000);
    options.seed = static_cast<uint64_t>(EnvInt("ENTENTE_BENCH_GDELT_SEED", 1));
    entente::bench::GdeltGenerator generator(options);
    auto* out = new std::string();
    while (generator.NextRow(out)) {
    }
    return out;
  }();
  return *rows;
}

const std::string& ZippedRows() {
  static const std::string* zipped = [] {
    const std::string path =
        (std::filesystem::temp_directory_path() / "entente-gdelt-bench.zip").string();
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    const std::string& plain = PlainRows();
    zip_file_add(archive, "bench.export.CSV",
                 zip_source_buffer(archive, plain.data(), plain.size(), 0), 0);
    zip_close(archive);
    std::ifstream in(path, std::ios::binary);
    auto* bytes = new std::string(std::istreambuf_iterator<char>(in), {});
    std::filesystem::remove(path);
    return bytes;
  }();
  return *zipped;
}

const std::string& GzippedRows() {
  static const std::string* gzipped = [] {
    const std::string& plain = PlainRows();
    z_stream stream = {};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                 Z_DEFAULT_STRATEGY);
    auto* out = new std::string(deflateBound(&stream, plain.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    stream.avail_in = static_cast<uInt>(plain.size());
    stream.next_out = reinterpret_cast<Bytef*>(out->data());
    stream.avail_out = static_cast<uInt>(out->size());
    deflate(&stream, Z_FINISH);
    out->resize(stream.total_out);
    deflateEnd(&stream);
    return out;
  }();
  return *gzipped;
}

void ReadAndMap(benchmark::State& state, const std::string& bytes,
                bool read_ahead = false) {
  const GdeltReader& reader = Reader();
  entente::importers::GdeltReadOptions options;
  options.read_ahead = read_ahead;
  GdeltCounts counts;
  int64_t relations = 0;
  for (auto _ : state) {
    auto read =
        reader.ReadBytes("bench.export.CSV", bytes, options, [&](ImportUnit&& unit) {
          relations += static_cast<int64_t>(unit.relations.size());
          benchmark::DoNotOptimize(unit.relations.data());
          return absl::OkStatus();
        });
    if (!read.ok()) {
      state.SkipWithError(std::string(read.status().message()).c_str());
      return;
    }
    counts = *read;
  }
  state.SetItemsProcessed(state.iterations() * counts.rows);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(PlainRows().size()));
  state.counters["rows"] = static_cast<double>(counts.rows);
  state.counters["rows_mapped"] = static_cast<double>(counts.rows_mapped);
  state.counters["relations"] = static_cast<double>(counts.relations());
  state.counters["input_MB"] = static_cast<double>(bytes.size()) / 1e6;
}

void BM_GdeltReadAndMap(benchmark::State& state) { ReadAndMap(state, PlainRows()); }
void BM_GdeltReadAndMapZip(benchmark::State& state) { ReadAndMap(state, ZippedRows()); }
void BM_GdeltReadAndMapGzip(benchmark::State& state) { ReadAndMap(state, GzippedRows()); }
void BM_GdeltReadAndMapZipReadAhead(benchmark::State& state) {
  ReadAndMap(state, ZippedRows(), /*read_ahead=*/true);
}

BENCHMARK(BM_GdeltReadAndMap)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GdeltReadAndMapZip)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GdeltReadAndMapGzip)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GdeltReadAndMapZipReadAhead)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
