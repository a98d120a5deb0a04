#include "tests/bench/load_client.h"

#include <algorithm>
#include <cstdio>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "tests/bench/graph_generator.h"

namespace entente::bench {
namespace {

// One in-flight call slot; restarted with a fresh context after each call.
class Slot {
 public:
  Slot(const LoadOptions& options, uint64_t seed) : options_(options), rng_(seed) {}

  void Start(v1::GraphService::Stub* stub, grpc::CompletionQueue* cq) {
    context_ = std::make_unique<grpc::ClientContext>();
    context_->set_deadline(absl::ToChronoTime(absl::Now() + options_.call_deadline));
    start_ = absl::Now();
    kind_ = std::uniform_real_distribution<double>(0, 1)(rng_) < options_.path_share
                ? QueryKind::kPath
                : QueryKind::kTimeline;
    if (kind_ == QueryKind::kTimeline) {
      v1::GetTimelineRequest request;
      request.set_entity(RandomEntity());
      request.set_page_size(50);
      timeline_ = stub->AsyncGetTimeline(context_.get(), request, cq);
      timeline_->Finish(&timeline_response_, &status_, this);
    } else {
      v1::FindPathsRequest request;
      request.set_from_entity(RandomEntity());
      request.set_to_entity(RandomEntity());
      request.set_max_hops(4);
      path_ = stub->AsyncFindPaths(context_.get(), request, cq);
      path_->Finish(&path_response_, &status_, this);
    }
  }

  void Record(LoadReport* report) const {
    KindReport& kind = report->kinds[kind_];
    ++kind.calls;
    kind.latencies_us.push_back(
        static_cast<int32_t>(absl::ToInt64Microseconds(absl::Now() - start_)));
    if (!status_.ok()) {
      ++kind.errors;
      ++kind.errors_by_code[status_.error_code()];
      kind.example_error[status_.error_code()] = status_.error_message();
    }
  }

 private:
  std::string RandomEntity() {
    size_t index =
        std::uniform_int_distribution<size_t>(0, options_.entities.size() - 1)(rng_);
    return options_.entities[index];
  }

  const LoadOptions& options_;
  std::mt19937_64 rng_;
  std::unique_ptr<grpc::ClientContext> context_;
  absl::Time start_;
  QueryKind kind_ = QueryKind::kTimeline;
  grpc::Status status_;
  v1::GetTimelineResponse timeline_response_;
  v1::FindPathsResponse path_response_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::GetTimelineResponse>> timeline_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::FindPathsResponse>> path_;
};

}  // namespace

std::vector<std::string> SampleEntities(int64_t relations, int64_t entities,
                                        int64_t sample, uint64_t seed) {
  SyntheticGraph graph(
      {.seed = seed, .entities = entities, .relations = std::min(relations, sample)});
  absl::flat_hash_set<std::string> seen;
  graph::Relation relation;
  while (graph.Next(&relation)) {
    seen.insert(relation.source.id);
    seen.insert(relation.target.id);
  }
  std::vector<std::string> ids(seen.begin(), seen.end());
  std::sort(ids.begin(), ids.end());
  return ids;
}

double KindReport::Percentile(double p) {
  if (latencies_us.empty()) return 0;
  std::sort(latencies_us.begin(), latencies_us.end());
  size_t index = static_cast<size_t>(p * (latencies_us.size() - 1));
  return latencies_us[index] / 1000.0;
}

LoadReport RunLoad(const std::vector<std::unique_ptr<v1::GraphService::Stub>>& stubs,
                   const LoadOptions& options) {
  grpc::CompletionQueue cq;
  std::vector<std::unique_ptr<Slot>> slots;
  for (int i = 0; i < options.concurrency; ++i) {
    slots.push_back(std::make_unique<Slot>(options, options.seed * 1000 + i));
  }
  LoadReport report;
  absl::Time begin = absl::Now();
  absl::Time end = begin + options.duration;
  for (int i = 0; i < options.concurrency; ++i) {
    slots[i]->Start(stubs[i % stubs.size()].get(), &cq);
  }
  int in_flight = options.concurrency;
  int64_t started = options.concurrency;
  void* tag = nullptr;
  bool ok = false;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    auto* slot = static_cast<Slot*>(tag);
    slot->Record(&report);
    if (absl::Now() < end) {
      slot->Start(stubs[started++ % stubs.size()].get(), &cq);
    } else {
      --in_flight;
    }
  }
  report.elapsed = absl::Now() - begin;
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return report;
}

void PrintReport(const std::string& label, LoadReport& report) {
  double seconds = absl::ToDoubleSeconds(report.elapsed);
  for (auto& [kind, r] : report.kinds) {
    std::printf(
        "%-8s %-8s calls=%-8lld qps=%-8.0f p50=%.2fms p90=%.2fms p99=%.2fms "
        "max=%.2fms errors=%lld\n",
        label.c_str(), kind == QueryKind::kTimeline ? "timeline" : "path",
        static_cast<long long>(r.calls), r.calls / seconds, r.Percentile(0.50),
        r.Percentile(0.90), r.Percentile(0.99), r.Percentile(1.0),
        static_cast<long long>(r.errors));
    for (const auto& [code, count] : r.errors_by_code) {
      std::printf("    %lld x code %d, e.g. %s\n", static_cast<long long>(count), code,
                  r.example_error[code].c_str());
    }
  }
  std::fflush(stdout);
}

}  // namespace entente::bench
