// load_bench: the service's load benchmark (on demand, never in ctest).
//
//   load_bench build DIR RELATIONS [ENTITIES]   # a synthetic store (bulk load, seed 1)
//   load_bench run --db DIR [--relations N] [--seconds 30] [--concurrency 32]
//                  [--mode timeline|path|mixed|all|http] [--server ADDR] [--warmup 5]
//                  [--seed 1]  (the generator seed the store was built with; the
//                  graph benchmark's stores use 7)
//   load_bench soak --db DIR [--relations N] [--import 100000] [--seconds 30]
//   load_bench COMMAND --help                   # every flag with its default
//
// The flags are read by load_flags.h; a bad one is a usage error (exit 2)
// naming it.
//
// `run` and `soak` start `entente serve --quiet` on the store (or use --server)
// and drive it with the asynchronous client of load_client.h; --mode http
// serves --http too and drives GET /api/v1/entities/{id}/timeline with the
// keep-alive client of http_load_client.h instead. `soak` runs
// mixed reads while ImportDigests streams synthetic relation JSON Lines, then
// checks that no read failed and the import landed whole.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "graph/store.h"
#include "grpcpp/grpcpp.h"
#include "importers/relation_jsonl.h"
#include "tests/bench/graph_generator.h"
#include "tests/bench/http_load_client.h"
#include "tests/bench/load_client.h"
#include "tests/bench/load_flags.h"
#include "tests/integration/server_process.h"

namespace entente::bench {
namespace {

// A bad command line: exit 2, naming the command and what was wrong.
int UsageError(const std::string& command, absl::string_view message) {
  std::fprintf(stderr, "load_bench %s: %.*s\nRun 'load_bench %s --help' for usage.\n",
               command.c_str(), static_cast<int>(message.size()), message.data(),
               command.c_str());
  return 2;
}

int BuildStore(const std::string& dir, int64_t relations, int64_t entities) {
  auto store = graph::Store::Open(dir, {});
  if (!store.ok())
    return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  auto loader = (*store)->NewBulkLoader();
  if (!loader.ok())
    return std::fprintf(stderr, "%s\n", loader.status().ToString().c_str()), 1;
  SyntheticGraph graph({.entities = entities, .relations = relations});
  graph::Relation relation;
  absl::Time start = absl::Now();
  while (graph.Next(&relation)) {
    if (!(*loader)->Add(relation).ok()) return 1;
  }
  auto result = (*loader)->Finish();
  if (!result.ok())
    return std::fprintf(stderr, "%s\n", result.status().ToString().c_str()), 1;
  std::printf("built %s: %lld relations (%lld new) in %.1f s\n", dir.c_str(),
              static_cast<long long>(relations),
              static_cast<long long>(result->new_relations),
              absl::ToDoubleSeconds(absl::Now() - start));
  return 0;
}

// A server to talk to: --server ADDR, or `entente serve` started on --db.
struct Target {
  std::unique_ptr<testing::ServerProcess> process;
  std::string address;
};

// `serve` flags: --quiet, plus --block-cache-mb N when given (the stand-in
// server accepts it; pass --entente to choose the binary).
std::vector<std::string> ServerArgs(const LoadFlags& flags) {
  std::vector<std::string> args = {"--quiet"};
  if (flags.mode == "http") args.insert(args.end(), {"--http", "127.0.0.1:0"});
  if (!flags.block_cache_mb.empty()) {
    args.insert(args.end(), {"--block-cache-mb", flags.block_cache_mb});
  }
  return args;
}

absl::StatusOr<Target> StartTarget(const LoadFlags& flags) {
  Target target;
  target.address = flags.server;
  if (!target.address.empty()) return target;
  auto process = testing::ServerProcess::Start({.binary = flags.entente,
                                                .db = flags.db,
                                                .extra_args = ServerArgs(flags),
                                                .log_path = flags.db + ".serve.log"});
  if (!process.ok()) return process.status();
  target.address = (*process)->address();
  target.process = std::move(*process);
  return target;
}

std::vector<std::unique_ptr<v1::GraphService::Stub>> Stubs(const std::string& address,
                                                           int channels) {
  std::vector<std::unique_ptr<v1::GraphService::Stub>> stubs;
  for (int i = 0; i < channels; ++i) {
    grpc::ChannelArguments args;
    args.SetInt("entente.channel", i);  // Distinct args: one connection each.
    stubs.push_back(v1::GraphService::NewStub(
        grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args)));
  }
  return stubs;
}

// Up to --pool sampled entities that the server knows: the generator's sizes
// and seed must match the store's, and this drops ids that do not.
std::vector<std::string> EntityPool(const LoadFlags& flags,
                                    v1::GraphService::Stub* stub) {
  std::vector<std::string> sampled =
      SampleEntities(flags.relations, flags.entities, flags.sample, flags.seed);
  std::shuffle(sampled.begin(), sampled.end(), std::mt19937_64(1));
  sampled.resize(std::min<size_t>(sampled.size(), flags.pool));
  std::vector<std::string> known;
  for (const std::string& id : sampled) {
    grpc::ClientContext context;
    v1::GetEntityRequest request;
    request.set_entity(id);
    v1::GetEntityResponse response;
    if (stub->GetEntity(&context, request, &response).ok()) known.push_back(id);
  }
  std::printf("entities: %zu sampled, %zu known to the server\n", sampled.size(),
              known.size());
  return known;
}

LoadOptions LoadOptionsFrom(const LoadFlags& flags, v1::GraphService::Stub* stub) {
  LoadOptions options;
  options.entities = EntityPool(flags, stub);
  options.concurrency = static_cast<int>(flags.concurrency);
  options.duration = absl::Seconds(flags.seconds);
  return options;
}

// CPU seconds (user + system) the process has used so far; 0 when unknown.
double ProcessCpuSeconds(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  size_t paren = text.rfind(')');
  if (paren == std::string::npos) return 0;
  std::vector<std::string> fields = absl::StrSplit(text.substr(paren + 2), ' ');
  // After the command: state is field 3 of stat(5); utime and stime are 14 and 15.
  int64_t utime = 0, stime = 0;
  if (fields.size() < 13 || !absl::SimpleAtoi(fields[11], &utime) ||
      !absl::SimpleAtoi(fields[12], &stime)) {
    return 0;
  }
  return static_cast<double>(utime + stime) / sysconf(_SC_CLK_TCK);
}

// The port of the server's HTTP API, from the line it logs; 0 when not found.
int HttpPort(const testing::ServerProcess& process) {
  const std::string log = process.log();
  const std::string kMarker = "JSON API on http://127.0.0.1:";
  const size_t at = log.find(kMarker);
  int port = 0;
  if (at == std::string::npos) return 0;
  const std::string digits = log.substr(at + kMarker.size(), 5);
  return absl::SimpleAtoi(digits.substr(0, digits.find('/')), &port) ? port : 0;
}

// --mode http: timelines over the JSON API (the server must be started here).
int RunHttp(Target& target, const LoadFlags& flags, LoadOptions options) {
  const int port = target.process != nullptr ? HttpPort(*target.process) : 0;
  if (port == 0) return std::fprintf(stderr, "--mode http needs --db (no --server)\n"), 1;
  if (flags.warmup > 0) {
    LoadOptions warm = options;
    warm.duration = absl::Seconds(flags.warmup);
    RunHttpLoad("127.0.0.1", port, warm);
  }
  const pid_t server = target.process->pid();
  const double server_cpu = ProcessCpuSeconds(server);
  const double client_cpu = ProcessCpuSeconds(getpid());
  LoadReport report = RunHttpLoad("127.0.0.1", port, options);
  PrintReport("http", report);
  const KindReport& timelines = report.kinds[QueryKind::kTimeline];
  if (timelines.calls > 0) {
    std::printf("         server cpu %.1f us/call, client cpu %.1f us/call\n",
                (ProcessCpuSeconds(server) - server_cpu) * 1e6 / timelines.calls,
                (ProcessCpuSeconds(getpid()) - client_cpu) * 1e6 / timelines.calls);
  }
  target.process->Stop(SIGTERM).IgnoreError();
  return timelines.errors == 0 ? 0 : 1;
}

int Run(const LoadFlags& flags) {
  auto target = StartTarget(flags);
  if (!target.ok())
    return std::fprintf(stderr, "%s\n", target.status().ToString().c_str()), 1;
  auto stubs = Stubs(target->address, static_cast<int>(flags.channels));
  LoadOptions options = LoadOptionsFrom(flags, stubs[0].get());
  const std::string& mode = flags.mode;
  if (mode == "http") return RunHttp(*target, flags, options);
  std::vector<std::pair<std::string, double>> runs;
  if (mode == "timeline" || mode == "all") runs.push_back({"timeline", 0.0});
  if (mode == "path" || mode == "all") runs.push_back({"path", 1.0});
  if (mode == "mixed") runs.push_back({"mixed", 0.5});
  int64_t errors = 0;
  if (flags.warmup > 0) {
    // Fills the server's block cache and the client's connections; not reported.
    LoadOptions warm = options;
    warm.duration = absl::Seconds(flags.warmup);
    warm.path_share = 0.5;
    RunLoad(stubs, warm);
  }
  for (const auto& [label, share] : runs) {
    options.path_share = share;
    pid_t server = target->process != nullptr ? target->process->pid() : getpid();
    double server_cpu = ProcessCpuSeconds(server);
    double client_cpu = ProcessCpuSeconds(getpid());
    LoadReport report = RunLoad(stubs, options);
    PrintReport(label, report);
    int64_t calls = 0;
    for (const auto& [kind, r] : report.kinds) calls += r.calls;
    if (target->process != nullptr && calls > 0) {
      std::printf("         server cpu %.1f us/call, client cpu %.1f us/call\n",
                  (ProcessCpuSeconds(server) - server_cpu) * 1e6 / calls,
                  (ProcessCpuSeconds(getpid()) - client_cpu) * 1e6 / calls);
    }
    for (const auto& [kind, r] : report.kinds) errors += r.errors;
  }
  if (target->process != nullptr) target->process->Stop(SIGTERM).IgnoreError();
  return errors == 0 ? 0 : 1;
}

absl::StatusOr<v1::GetStatsResponse> Stats(v1::GraphService::Stub* stub) {
  grpc::ClientContext context;
  v1::GetStatsResponse response;
  grpc::Status status = stub->GetStats(&context, v1::GetStatsRequest(), &response);
  if (!status.ok()) return absl::UnavailableError(status.error_message());
  return response;
}

// Streams `count` new synthetic relations (another seed) as relation JSON Lines.
grpc::Status ImportSynthetic(v1::GraphService::Stub* stub, int64_t count,
                             int64_t entities, v1::ImportDigestsResponse* response) {
  SyntheticGraph graph({.seed = 99, .entities = entities, .relations = count});
  grpc::ClientContext context;
  auto writer = stub->ImportDigests(&context, response);
  std::string chunk;
  graph::Relation relation;
  auto send = [&]() {
    v1::ImportDigestsRequest request;
    request.mutable_relation_chunk()->set_name("soak.jsonl");
    request.mutable_relation_chunk()->set_jsonl(std::move(chunk));
    chunk.clear();
    return writer->Write(request);
  };
  while (graph.Next(&relation)) {
    absl::StrAppend(&chunk, importers::RelationToJsonLine(relation), "\n");
    if (chunk.size() > (1 << 20) && !send()) break;
  }
  if (!chunk.empty()) send();
  writer->WritesDone();
  return writer->Finish();
}

int Soak(const LoadFlags& flags) {
  auto target = StartTarget(flags);
  if (!target.ok())
    return std::fprintf(stderr, "%s\n", target.status().ToString().c_str()), 1;
  auto stubs = Stubs(target->address, static_cast<int>(flags.channels));
  LoadOptions options = LoadOptionsFrom(flags, stubs[0].get());
  options.path_share = 0.5;
  auto before = Stats(stubs[0].get());
  if (!before.ok())
    return std::fprintf(stderr, "%s\n", before.status().ToString().c_str()), 1;
  v1::ImportDigestsResponse imported;
  grpc::Status import_status;
  absl::Duration import_time;
  std::thread importer([&] {
    absl::Time start = absl::Now();
    import_status =
        ImportSynthetic(stubs[0].get(), flags.import, flags.entities, &imported);
    import_time = absl::Now() - start;
  });
  LoadReport report = RunLoad(stubs, options);
  importer.join();
  PrintReport("soak", report);
  auto after = Stats(stubs[0].get());
  bool whole = import_status.ok() && after.ok() &&
               after->relations() == before->relations() + imported.relations_new();
  std::printf(
      "import   status=%s items=%lld new=%lld merged=%lld unchanged=%lld rejected=%lld "
      "in %.1f s; relations %lld -> %lld: %s\n",
      import_status.ok() ? "OK" : import_status.error_message().c_str(),
      static_cast<long long>(imported.items()),
      static_cast<long long>(imported.relations_new()),
      static_cast<long long>(imported.relations_merged()),
      static_cast<long long>(imported.relations_unchanged()),
      static_cast<long long>(imported.documents_rejected()),
      absl::ToDoubleSeconds(import_time), static_cast<long long>(before->relations()),
      static_cast<long long>(after.ok() ? after->relations() : -1),
      whole ? "landed whole" : "NOT WHOLE");
  int64_t errors = 0;
  for (const auto& [kind, r] : report.kinds) errors += r.errors;
  if (target->process != nullptr) target->process->Stop(SIGTERM).IgnoreError();
  return errors == 0 && whole ? 0 : 1;
}

// `build DIR RELATIONS [ENTITIES]`.
int Build(const std::vector<std::string>& words) {
  int64_t relations = 0;
  if (!absl::SimpleAtoi(words[1], &relations) || relations < 1) {
    return UsageError("build", absl::StrCat("RELATIONS must be a positive integer, got '",
                                            words[1], "'"));
  }
  int64_t entities = relations / 10 + 1;
  if (words.size() > 2 && (!absl::SimpleAtoi(words[2], &entities) || entities < 1)) {
    return UsageError("build", absl::StrCat("ENTITIES must be a positive integer, got '",
                                            words[2], "'"));
  }
  return BuildStore(words[0], relations, entities);
}

std::string UsageLine(const service::cli::ArgSpec& spec) {
  std::string line = absl::StrCat("load_bench ", spec.command, " [options]");
  if (!spec.positional_usage.empty()) absl::StrAppend(&line, " ", spec.positional_usage);
  return line;
}

int Usage(const std::vector<service::cli::ArgSpec>& specs) {
  std::fprintf(stderr, "usage:\n");
  for (const service::cli::ArgSpec& spec : specs) {
    std::fprintf(stderr, "  %s\n", UsageLine(spec).c_str());
  }
  std::fprintf(stderr, "Run 'load_bench COMMAND --help' for its options.\n");
  return 2;
}

int Main(const std::vector<std::string>& words) {
  const std::vector<service::cli::ArgSpec> specs = LoadBenchSpecs();
  const service::cli::ArgSpec* spec = nullptr;
  for (const service::cli::ArgSpec& candidate : specs) {
    if (!words.empty() && candidate.command == words[0]) spec = &candidate;
  }
  if (spec == nullptr) return Usage(specs);
  absl::StatusOr<service::cli::ParsedArgs> args =
      service::cli::ParseArgs(*spec, absl::MakeConstSpan(words).subspan(1));
  if (!args.ok()) return UsageError(spec->command, args.status().message());
  if (args->help()) {
    std::printf("Usage: %s\n\n%s", UsageLine(*spec).c_str(),
                service::cli::FormatOptions(*spec).c_str());
    return 0;
  }
  if (spec->command == "build") return Build(args->positional());
  absl::StatusOr<LoadFlags> flags = ReadLoadFlags(*args, LOAD_BENCH_ENTENTE);
  if (!flags.ok()) return UsageError(spec->command, flags.status().message());
  return spec->command == "run" ? Run(*flags) : Soak(*flags);
}

}  // namespace
}  // namespace entente::bench

int main(int argc, char** argv) {
  return entente::bench::Main(std::vector<std::string>(argv + 1, argv + argc));
}
