#ifndef ENTENTE_TESTS_BENCH_LOAD_CLIENT_H_
#define ENTENTE_TESTS_BENCH_LOAD_CLIENT_H_

// An asynchronous gRPC load client for entente.v1: keeps `concurrency` calls
// in flight on one completion queue for a fixed time and records each call's
// latency and status, per kind of query.
//
// Thread-safety: Run() is called from one thread; the object is not shared.

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "entente/v1/graph_service.grpc.pb.h"

namespace entente::bench {

enum class QueryKind { kTimeline, kPath };

struct LoadOptions {
  int concurrency = 32;
  absl::Duration duration = absl::Seconds(30);
  absl::Duration call_deadline = absl::Seconds(2);
  double path_share = 0.0;            // Fraction of calls that are FindPaths.
  std::vector<std::string> entities;  // Entity ids to query, picked uniformly.
  uint64_t seed = 7;
};

struct KindReport {
  int64_t calls = 0;
  int64_t errors = 0;
  std::map<int, int64_t> errors_by_code;
  std::map<int, std::string> example_error;  // One message per code.
  std::vector<int32_t> latencies_us;
  double Percentile(double p);  // Sorts latencies_us.
};

struct LoadReport {
  absl::Duration elapsed;
  std::map<QueryKind, KindReport> kinds;
};

// Runs the load against `stubs` (calls are spread over them).
LoadReport RunLoad(const std::vector<std::unique_ptr<v1::GraphService::Stub>>& stubs,
                   const LoadOptions& options);

// The distinct endpoints of the first `sample` relations of the synthetic
// graph with these sizes and seed: entities that exist in a store built
// from it.
std::vector<std::string> SampleEntities(int64_t relations, int64_t entities,
                                        int64_t sample, uint64_t seed);

// Prints one line per kind: QPS, p50/p90/p99/max latency, errors.
void PrintReport(const std::string& label, LoadReport& report);

}  // namespace entente::bench

#endif  // ENTENTE_TESTS_BENCH_LOAD_CLIENT_H_
