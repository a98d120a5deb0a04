#ifndef ENTENTE_TESTS_BENCH_LOAD_FLAGS_H_
#define ENTENTE_TESTS_BENCH_LOAD_FLAGS_H_

// The command line of load_bench (see load_bench.cc), on the parser of the
// `entente` commands (service/cli/args.h): `build`, `run` and `soak` each have
// an ArgSpec, and ReadLoadFlags turns the parsed words into checked values.
//
// Thread-safety: plain values and pure functions.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/cli/args.h"

namespace entente::bench {

// What `run` and `soak` are told; the defaults are the ones --help states.
struct LoadFlags {
  std::string db;              // The store to serve; or
  std::string server;          // a running server's address.
  std::string entente;         // The binary started on --db.
  std::string block_cache_mb;  // Passed on to `serve` when not empty.
  std::string mode = "all";    // run: timeline, path, mixed, all or http.
  int64_t relations = 1'000'000;
  int64_t entities = 0;  // Without --entities: relations / 10 + 1, as `build` makes them.
  int64_t sample = 200'000;
  int64_t seed = 1;
  int64_t pool = 20'000;
  int64_t import = 100'000;  // soak only.
  int64_t concurrency = 32;
  int64_t seconds = 30;
  int64_t channels = 2;
  int64_t warmup = 5;
};

// `build DIR RELATIONS [ENTITIES]`, `run` and `soak`, in the order of the
// usage text.
std::vector<service::cli::ArgSpec> LoadBenchSpecs();

// The flags of a parsed `run` or `soak` command line. InvalidArgument naming
// the flag for a number out of range or an unknown --mode, and when neither
// --db nor --server is given (--server wins when both are).
// `default_entente` is the binary used when --entente is not given.
absl::StatusOr<LoadFlags> ReadLoadFlags(const service::cli::ParsedArgs& args,
                                        const std::string& default_entente);

}  // namespace entente::bench

#endif  // ENTENTE_TESTS_BENCH_LOAD_FLAGS_H_
