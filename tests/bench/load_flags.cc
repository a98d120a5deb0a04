#include "tests/bench/load_flags.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace entente::bench {
namespace {

using service::cli::ArgSpec;
using service::cli::ParsedArgs;

// The numeric flags: name, help, accepted range and where the value goes.
struct NumberFlag {
  const char* name;
  const char* help;
  int64_t min;
  int64_t max;
  int64_t LoadFlags::*field;
  bool soak_only = false;
  const char* default_text = nullptr;  // For --help, when not LoadFlags{}'s number.
};

constexpr int64_t kMaxCount = int64_t{1} << 40;

constexpr NumberFlag kNumberFlags[] = {
    {"relations", "relations the store was built with", 1, kMaxCount,
     &LoadFlags::relations},
    {"entities", "entities the store was built with", 1, kMaxCount, &LoadFlags::entities,
     /*soak_only=*/false, /*default_text=*/"RELATIONS/10+1, as `build` makes them"},
    {"sample", "generator relations read for entity ids", 1, kMaxCount,
     &LoadFlags::sample},
    {"seed", "generator seed the store was built with (graph_bench's use 7)", 0,
     kMaxCount, &LoadFlags::seed},
    {"pool", "entities queried at most", 1, kMaxCount, &LoadFlags::pool},
    {"concurrency", "calls in flight", 1, 10'000, &LoadFlags::concurrency},
    {"seconds", "seconds measured per run", 1, 86'400, &LoadFlags::seconds},
    {"channels", "gRPC connections", 1, 1'000, &LoadFlags::channels},
    {"warmup", "unreported seconds before measuring (0: none)", 0, 3'600,
     &LoadFlags::warmup},
    {"import", "synthetic relations imported while reading", 1, kMaxCount,
     &LoadFlags::import, /*soak_only=*/true},
};

constexpr const char* kModes[] = {"timeline", "path", "mixed", "all", "http"};

ArgSpec ServiceSpec(const std::string& command) {
  const bool soak = command == "soak";
  ArgSpec spec{.command = command};
  spec.options = {
      {"db", "DIR", "the store: `entente serve --quiet` is started on it"},
      {"server", "ADDR", "a running server to drive instead of --db"},
      {"entente", "PATH", "the binary started on --db (default: this build's)"},
      {"block-cache-mb", "N", "passed on to `serve`"},
  };
  if (!soak) {
    spec.options.push_back({"mode", "MODE",
                            "timeline, path, mixed, all (timeline then path) or http "
                            "(timelines over the JSON API; needs --db) (default all)"});
  }
  const LoadFlags defaults;
  for (const NumberFlag& flag : kNumberFlags) {
    if (flag.soak_only && !soak) continue;
    const std::string default_text = flag.default_text != nullptr
                                         ? flag.default_text
                                         : absl::StrCat(defaults.*flag.field);
    spec.options.push_back(
        {flag.name, "N", absl::StrCat(flag.help, " (default ", default_text, ")")});
  }
  return spec;
}

}  // namespace

std::vector<ArgSpec> LoadBenchSpecs() {
  ArgSpec build{.command = "build",
                .positional_usage = "DIR RELATIONS [ENTITIES]",
                .min_positional = 2,
                .max_positional = 3};
  return {build, ServiceSpec("run"), ServiceSpec("soak")};
}

absl::StatusOr<LoadFlags> ReadLoadFlags(const ParsedArgs& args,
                                        const std::string& default_entente) {
  LoadFlags flags;
  flags.db = args.Get("db");
  flags.server = args.Get("server");
  if (flags.db.empty() && flags.server.empty()) {  // --server wins when both are given.
    return absl::InvalidArgumentError("--db DIR or --server ADDR is required");
  }
  flags.entente = args.Get("entente", default_entente);
  flags.block_cache_mb = args.Get("block-cache-mb");
  flags.mode = args.Get("mode", flags.mode);
  bool known_mode = false;
  for (const char* mode : kModes) known_mode |= flags.mode == mode;
  if (!known_mode) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--mode must be timeline, path, mixed, all or http, got '", flags.mode, "'"));
  }
  for (const NumberFlag& flag : kNumberFlags) {
    absl::StatusOr<int64_t> value =
        args.GetInt64(flag.name, flags.*flag.field, flag.min, flag.max);
    if (!value.ok()) return value.status();
    flags.*flag.field = *value;
  }
  if (!args.Has("entities")) flags.entities = flags.relations / 10 + 1;
  return flags;
}

}  // namespace entente::bench
