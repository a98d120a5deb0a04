// Google Benchmarks of the graph layer on a synthetic graph.
//
// Scale from the environment (CI runs small, a developer runs large):
//   ENTENTE_BENCH_RELATIONS  relations in the query store (default 200000)
//   ENTENTE_BENCH_ENTITIES   other entities (default RELATIONS / 10)
//   ENTENTE_BENCH_DB         a directory to keep the query store in between
//                            runs (default: a fresh temp dir, deleted)
//   ENTENTE_BENCH_CACHE_MB   the store's block cache (default 512)
//   ENTENTE_BENCH_WARMUP     untimed passes over the timeline pages (default 1)
//   ENTENTE_BENCH_COMPACT=1  compact a kept store before measuring (a new
//                            store is always compacted after its load)
// Latency benchmarks time each query and report p50_us / p99_us counters.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "graph/analytics.h"
#include "graph/boost_view.h"
#include "graph/internal/test_util.h"
#include "graph/path_finder.h"
#include "graph/store.h"
#include "graph/tie_graph.h"
#include "tests/bench/graph_generator.h"

namespace entente::bench {
namespace {

using Clock = std::chrono::steady_clock;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoll(value) : fallback;
}

GeneratorOptions Scale() {
  GeneratorOptions options;
  options.relations = EnvInt("ENTENTE_BENCH_RELATIONS", 200'000);
  options.entities = EnvInt("ENTENTE_BENCH_ENTITIES", options.relations / 10 + 1);
  options.seed = 7;
  return options;
}

// Loads the synthetic graph into `store` with the bulk loader, generating
// relations as it goes (for building the query store).
void BulkLoad(graph::Store* store, const GeneratorOptions& options) {
  SyntheticGraph graph(options);
  auto loader = store->NewBulkLoader();
  if (!loader.ok()) std::abort();
  graph::Relation r;
  while (graph.Next(&r)) {
    if (!(*loader)->Add(std::move(r)).ok()) std::abort();
  }
  if (!(*loader)->Finish().ok()) std::abort();
}

graph::StoreOptions StoreOptions() {
  graph::StoreOptions options;
  options.block_cache_mb = EnvInt("ENTENTE_BENCH_CACHE_MB", 512);
  return options;
}

struct BenchStore {
  std::unique_ptr<graph::testing::TempDir> tmp;
  std::string dir;
  std::unique_ptr<graph::Store> store;
  std::vector<std::string> ids;   // Entities with at least one relation.
  std::vector<std::string> busy;  // Entities with at least 50 relations.
};

BenchStore& Shared() {
  static BenchStore* shared = [] {
    auto* s = new BenchStore;
    GeneratorOptions options = Scale();
    const char* keep = std::getenv("ENTENTE_BENCH_DB");
    if (keep != nullptr && *keep != '\0') {
      s->dir = keep;
    } else {
      s->tmp = std::make_unique<graph::testing::TempDir>();
      s->dir = s->tmp->Sub("db");
    }
    const std::string marker = s->dir + "/bench-scale";
    const std::string scale = absl::StrCat(options.relations, " ", options.entities);
    std::string found;
    std::getline(std::ifstream(marker), found);
    if (found != scale) std::filesystem::remove_all(s->dir);
    s->store = *graph::Store::Open(s->dir, StoreOptions());
    if (found != scale) {
      auto start = Clock::now();
      BulkLoad(s->store.get(), options);
      auto loaded = Clock::now();
      // Queries should not compete with the ingested files' compaction.
      if (!s->store->Compact().ok()) std::abort();
      std::fprintf(stderr, "query store: load %.1f s, compaction %.1f s\n",
                   std::chrono::duration<double>(loaded - start).count(),
                   std::chrono::duration<double>(Clock::now() - loaded).count());
      std::ofstream(marker) << scale << "\n";
    } else if (EnvInt("ENTENTE_BENCH_COMPACT", 0) != 0) {
      if (!s->store->Compact().ok()) std::abort();
    }
    auto view = s->store->View();
    for (uint32_t v = 0; v < view->vertex_count(); ++v) {
      if (!view->Edges(v).empty()) s->ids.emplace_back(view->EntityId(v));
      if (view->Edges(v).size() >= 50) s->busy.emplace_back(view->EntityId(v));
    }
    // Sorted: the benchmarks' random picks must not depend on vertex numbers.
    std::sort(s->ids.begin(), s->ids.end());
    std::sort(s->busy.begin(), s->busy.end());
    return s;
  }();
  return *shared;
}

void ReportPercentiles(benchmark::State& state, std::vector<double>* micros) {
  if (micros->empty()) return;
  std::sort(micros->begin(), micros->end());
  state.counters["p50_us"] = (*micros)[micros->size() / 2];
  state.counters["p99_us"] = (*micros)[micros->size() * 99 / 100];
}

graph::PathQuery FilteredQuery(const std::string& from, const std::string& to, int k) {
  graph::PathQuery q;
  q.from = from;
  q.to = to;
  q.k = k;
  for (auto t : {graph::RelationType::kMeeting, graph::RelationType::kAgreement,
                 graph::RelationType::kPartnership, graph::RelationType::kVisit,
                 graph::RelationType::kMembership, graph::RelationType::kForum,
                 graph::RelationType::kInvestment}) {
    q.types.Add(t);
  }
  q.window = {graph::DaysFromCivil(2000, 1, 1), graph::DaysFromCivil(2021, 1, 1)};
  return q;
}

void RunPaths(benchmark::State& state, int k) {
  BenchStore& s = Shared();
  auto view = s.store->View();
  std::mt19937_64 rng(11);
  std::vector<double> micros;
  int64_t found = 0, truncated = 0;
  for (auto _ : state) {
    const std::string& a = s.ids[rng() % s.ids.size()];
    const std::string& b = s.ids[rng() % s.ids.size()];
    auto start = Clock::now();
    auto result = graph::FindPaths(*view, FilteredQuery(a, b, k));
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!result.ok()) std::abort();
    found += !result->paths.empty();
    truncated += result->truncated;
  }
  ReportPercentiles(state, &micros);
  state.counters["found_pct"] = 100.0 * found / std::max<size_t>(1, micros.size());
  state.counters["truncated"] = static_cast<double>(truncated);
  state.counters["relations"] = static_cast<double>(view->relation_count());
  state.counters["view_bytes_per_relation"] =
      static_cast<double>(view->MemoryBytes()) /
      std::max<int64_t>(1, view->relation_count());
}

// The load client's entity pool (load_client.h SampleEntities): the distinct
// endpoints of the generator's first 200,000 relations, sorted.
std::vector<std::string> LoadClientPool() {
  GeneratorOptions options = Scale();
  options.relations = std::min<int64_t>(options.relations, 200'000);
  SyntheticGraph graph(options);
  std::set<std::string> seen;
  graph::Relation r;
  while (graph.Next(&r)) {
    seen.insert(r.source.id);
    seen.insert(r.target.id);
  }
  return {seen.begin(), seen.end()};
}

// The load client's FindPaths (load_client.cc): random pool pairs, k = 1,
// max_hops 4, no filter.
void BM_LoadClientPath(benchmark::State& state) {
  BenchStore& s = Shared();
  auto view = s.store->View();
  static const std::vector<std::string>* pool =
      new std::vector<std::string>(LoadClientPool());
  std::mt19937_64 rng(17);
  std::vector<double> micros;
  int64_t found = 0, truncated = 0, hops = 0;
  for (auto _ : state) {
    graph::PathQuery q;
    q.from = (*pool)[rng() % pool->size()];
    q.to = (*pool)[rng() % pool->size()];
    q.max_hops = 4;
    auto start = Clock::now();
    auto result = graph::FindPaths(*view, q);
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!result.ok()) std::abort();
    if (!result->paths.empty()) {
      ++found;
      hops += static_cast<int64_t>(result->paths[0].relations.size());
    }
    truncated += result->truncated;
  }
  ReportPercentiles(state, &micros);
  state.counters["found_pct"] = 100.0 * found / std::max<size_t>(1, micros.size());
  state.counters["mean_hops"] = static_cast<double>(hops) / std::max<int64_t>(1, found);
  state.counters["truncated"] = static_cast<double>(truncated);
}
BENCHMARK(BM_LoadClientPath)->Iterations(20000)->Unit(benchmark::kMicrosecond);

void BM_ShortestPath(benchmark::State& state) { RunPaths(state, 1); }
BENCHMARK(BM_ShortestPath)->Iterations(2000)->Unit(benchmark::kMicrosecond);

void BM_KShortest5(benchmark::State& state) { RunPaths(state, 5); }
BENCHMARK(BM_KShortest5)->Iterations(300)->Unit(benchmark::kMicrosecond);

// A first page of 50 relations of a random entity that has at least 50.
void BM_TimelinePage50(benchmark::State& state) {
  BenchStore& s = Shared();
  if (s.busy.empty()) {
    state.SkipWithError("no entity has 50 relations at this scale");
    return;
  }
  // Untimed warm-up: one page of every busy entity (a server's steady state
  // keeps the hot index and relation blocks cached). 0 = cold.
  for (int64_t i = 0; i < EnvInt("ENTENTE_BENCH_WARMUP", 1); ++i) {
    for (const std::string& id : s.busy) {
      for (bool newest : {false, true}) {
        if (!s.store->GetTimeline({.entity = id, .newest_first = newest}).ok())
          std::abort();
      }
    }
  }
  std::mt19937_64 rng(13);
  std::vector<double> micros;
  int64_t relations = 0;
  for (auto _ : state) {
    graph::TimelineQuery q;
    q.entity = s.busy[rng() % s.busy.size()];
    q.newest_first = rng() % 2 == 0;
    q.page_size = 50;
    auto start = Clock::now();
    auto page = s.store->GetTimeline(q);
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!page.ok()) std::abort();
    relations += static_cast<int64_t>(page->relations.size());
  }
  ReportPercentiles(state, &micros);
  state.counters["relations_per_page"] =
      static_cast<double>(relations) / std::max<size_t>(1, micros.size());
}
BENCHMARK(BM_TimelinePage50)->Iterations(5000)->Unit(benchmark::kMicrosecond);

// Opening the shared store from disk (view build included) and answering a
// first path query.
void BM_OpenToFirstPath(benchmark::State& state) {
  BenchStore& s = Shared();
  std::string from = s.ids.front(), to = s.ids.back();
  for (auto _ : state) {
    s.store.reset();
    auto start = Clock::now();
    s.store = *graph::Store::Open(s.dir, StoreOptions());
    auto result = graph::FindPaths(*s.store->View(), FilteredQuery(from, to, 1));
    if (!result.ok()) std::abort();
    state.counters["seconds"] =
        std::chrono::duration<double>(Clock::now() - start).count();
  }
}
BENCHMARK(BM_OpenToFirstPath)->Iterations(1)->Unit(benchmark::kMillisecond);

// Bulk load of ENTENTE_BENCH_BULK_RELATIONS (default: the query scale)
// relations into a fresh store: wall time of Add()s and Finish() (view build
// included). The relations are generated beforehand, untimed.
void BM_BulkLoad(benchmark::State& state) {
  GeneratorOptions options = Scale();
  options.relations = EnvInt("ENTENTE_BENCH_BULK_RELATIONS", options.relations);
  options.entities = EnvInt("ENTENTE_BENCH_ENTITIES", options.relations / 10 + 1);
  options.seed = 99;
  for (auto _ : state) {
    std::vector<graph::Relation> relations;
    relations.reserve(options.relations);
    SyntheticGraph graph(options);
    graph::Relation r;
    while (graph.Next(&r)) relations.push_back(std::move(r));
    graph::testing::TempDir tmp;
    auto store = *graph::Store::Open(tmp.Sub("db"), {});
    auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();  // All threads of the process.
    auto loader = store->NewBulkLoader();
    if (!loader.ok()) std::abort();
    for (graph::Relation& relation : relations) {
      if (!(*loader)->Add(std::move(relation)).ok()) std::abort();
    }
    auto result = (*loader)->Finish();
    if (!result.ok()) std::abort();
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    state.SetIterationTime(seconds);
    state.counters["relations_per_s"] = options.relations / seconds;
    // Less sensitive than the wall time to other work on the machine.
    state.counters["cpu_s_per_M"] = static_cast<double>(std::clock() - cpu_start) /
                                    CLOCKS_PER_SEC / (options.relations / 1e6);
    state.counters["stored_relations"] = static_cast<double>(result->new_relations);
    state.counters["entities"] = static_cast<double>(result->new_entities);
  }
  state.SetItemsProcessed(options.relations);
}
BENCHMARK(BM_BulkLoad)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// The tie-graph query of a random window: one calendar year of 1990-2026,
// a five-year span, or all time (every fifth query). Ages count from the
// window's end, as the service does.
graph::TieQuery RandomTieQuery(std::mt19937_64* rng) {
  graph::TieQuery query;
  const int year = 1990 + static_cast<int>((*rng)() % 37);
  switch ((*rng)() % 5) {
    case 0:
      query.weighting.reference_day = graph::DaysFromCivil(2026, 12, 31);
      break;
    case 1:
      query.window = {graph::DaysFromCivil(year, 1, 1),
                      graph::DaysFromCivil(year + 5, 1, 1)};
      break;
    default:
      query.window = {graph::DaysFromCivil(year, 1, 1),
                      graph::DaysFromCivil(year + 1, 1, 1)};
      break;
  }
  if (!query.window.unbounded()) query.weighting.reference_day = query.window.to_day - 1;
  return query;
}

// The tie graph of all time: the largest one, for the queries on it.
const graph::TieGraph& AllTimeTies() {
  static const graph::TieGraph* ties = [] {
    graph::TieQuery query;
    query.weighting.reference_day = graph::DaysFromCivil(2026, 12, 31);
    auto built = graph::TieGraph::Build(*Shared().store->View(), query);
    if (!built.ok()) std::abort();
    return new graph::TieGraph(*std::move(built));
  }();
  return *ties;
}

void ReportTieGraph(benchmark::State& state, const graph::TieGraph& ties) {
  state.counters["entities"] = ties.vertex_count();
  state.counters["ties"] = static_cast<double>(ties.tie_count());
}

// Building the tie graph of a random window from the view (one pass).
void BM_TieGraph(benchmark::State& state) {
  auto view = Shared().store->View();
  std::mt19937_64 rng(5);
  std::vector<double> micros;
  for (auto _ : state) {
    graph::TieQuery query = RandomTieQuery(&rng);
    auto start = Clock::now();
    auto ties = graph::TieGraph::Build(*view, query);
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!ties.ok() || ties->truncated()) std::abort();
  }
  ReportPercentiles(state, &micros);
  ReportTieGraph(state, AllTimeTies());
}
BENCHMARK(BM_TieGraph)->Iterations(40)->Unit(benchmark::kMillisecond);

// Betweenness, PageRank and weighted degree on the all-time tie graph.
void BM_Rank(benchmark::State& state) {
  const graph::TieGraph& ties = AllTimeTies();
  for (auto _ : state) {
    auto rank = graph::Rank(ties, {});
    if (!rank.ok() || rank->truncated) std::abort();
  }
  ReportTieGraph(state, ties);
}
BENCHMARK(BM_Rank)->Iterations(10)->Unit(benchmark::kMillisecond);

// Blocs, bridges and articulation points on the all-time tie graph.
void BM_Blocs(benchmark::State& state) {
  const graph::TieGraph& ties = AllTimeTies();
  for (auto _ : state) {
    auto blocs = graph::FindBlocs(ties, {});
    if (!blocs.ok() || blocs->truncated) std::abort();
    state.counters["blocs"] = static_cast<double>(blocs->blocs.size());
  }
  ReportTieGraph(state, ties);
}
BENCHMARK(BM_Blocs)->Iterations(10)->Unit(benchmark::kMillisecond);

// The strongest chain (k = 1) and the 5 strongest between random pairs of
// the all-time tie graph.
void RunStrongest(benchmark::State& state, int k) {
  const graph::TieGraph& ties = AllTimeTies();
  std::mt19937_64 rng(13);
  std::vector<double> micros;
  for (auto _ : state) {
    const uint32_t a = static_cast<uint32_t>(rng() % ties.vertex_count());
    const uint32_t b = static_cast<uint32_t>(rng() % ties.vertex_count());
    auto start = Clock::now();
    auto paths =
        graph::FindStrongestPaths(ties, ties.EntityId(a), ties.EntityId(b), k, {});
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!paths.ok()) std::abort();
  }
  ReportPercentiles(state, &micros);
  ReportTieGraph(state, ties);
}
void BM_StrongestPath(benchmark::State& state) { RunStrongest(state, 1); }
BENCHMARK(BM_StrongestPath)->Iterations(200)->Unit(benchmark::kMicrosecond);
void BM_StrongestPaths5(benchmark::State& state) { RunStrongest(state, 5); }
BENCHMARK(BM_StrongestPaths5)->Iterations(50)->Unit(benchmark::kMicrosecond);

// Boost's connected_components over the whole view (every entity and relation).
void BM_ConnectedComponents(benchmark::State& state) {
  auto view = Shared().store->View();
  for (auto _ : state) {
    auto components = graph::ConnectedComponents(*view, {});
    if (!components.ok()) std::abort();
    state.counters["components"] = components->count;
  }
  state.counters["entities"] = static_cast<double>(view->vertex_count());
  state.counters["relations"] = static_cast<double>(view->relation_count());
}
BENCHMARK(BM_ConnectedComponents)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente::bench

BENCHMARK_MAIN();
