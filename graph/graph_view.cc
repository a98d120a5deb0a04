#include "graph/graph_view.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "common/parallel.h"

namespace entente::graph {
namespace {

// Views with fewer adjacency entries sort them on the calling thread alone.
constexpr uint64_t kParallelSortEntries = 1 << 20;
// Adjacencies longer than this (hubs) are radix-sorted by neighbour first.
constexpr size_t kRadixSortEntries = 4096;
constexpr int kRadixBits = 11;

// Stable LSD radix sort of [first, last) by neighbour (every neighbour <=
// max_neighbor); scratch is resized to fit. Fewer moves of 20-byte entries
// than std::sort's n log n on adjacencies of hundreds of thousands.
void RadixSortByNeighbor(AdjacentEdge* first, AdjacentEdge* last, uint32_t max_neighbor,
                         std::vector<AdjacentEdge>* scratch) {
  const size_t n = static_cast<size_t>(last - first);
  scratch->resize(n);
  AdjacentEdge* from = first;
  AdjacentEdge* to = scratch->data();
  for (int shift = 0; shift == 0 || (max_neighbor >> shift) != 0; shift += kRadixBits) {
    constexpr uint32_t kMask = (1u << kRadixBits) - 1;
    std::vector<size_t> start((1u << kRadixBits) + 1, 0);
    for (size_t i = 0; i < n; ++i) ++start[((from[i].neighbor >> shift) & kMask) + 1];
    for (size_t d = 0; d < (1u << kRadixBits); ++d) start[d + 1] += start[d];
    for (size_t i = 0; i < n; ++i)
      to[start[(from[i].neighbor >> shift) & kMask]++] = from[i];
    std::swap(from, to);
  }
  if (from != first) std::copy(from, from + n, first);
}

template <typename T>
void ShrinkIfLoose(std::vector<T>* v) {
  if (v->capacity() > v->size() + v->size() / 8) v->shrink_to_fit();
}

}  // namespace

std::optional<uint32_t> GraphView::FindVertex(absl::string_view entity_id) const {
  auto it = vertex_of_.find(entity_id);
  if (it == vertex_of_.end()) return std::nullopt;
  return it->second;
}

absl::Span<const AdjacentEdge> GraphView::EdgesBetween(uint32_t u, uint32_t v) const {
  absl::Span<const AdjacentEdge> edges = Edges(u);
  auto first =
      std::lower_bound(edges.begin(), edges.end(), v,
                       [](const AdjacentEdge& e, uint32_t n) { return e.neighbor < n; });
  auto last =
      std::upper_bound(first, edges.end(), v,
                       [](uint32_t n, const AdjacentEdge& e) { return n < e.neighbor; });
  return absl::MakeConstSpan(first, last);
}

size_t GraphView::MemoryBytes() const {
  size_t bytes = sizeof(*this);
  bytes += entity_ids_.capacity() * sizeof(std::string);
  for (const std::string& id : entity_ids_) {
    // Short ids live inside the std::string (small-string optimization).
    if (id.capacity() > 15) bytes += id.capacity() + 1;
  }
  bytes += kinds_.capacity() * sizeof(EntityKind);
  bytes += vertex_of_.capacity() * (sizeof(std::pair<absl::string_view, uint32_t>) + 1);
  bytes += offsets_.capacity() * sizeof(uint64_t);
  bytes += adjacency_.capacity() * sizeof(AdjacentEdge);
  bytes += relation_ids_.capacity() * sizeof(uint64_t);
  bytes += reports_.capacity() * sizeof(uint16_t);
  bytes += state_ends_.capacity() * (sizeof(std::pair<uint32_t, StateEnd>) + 1);
  return bytes;
}

uint32_t GraphViewBuilder::AddEntity(absl::string_view id, EntityKind kind) {
  auto [it, inserted] = vertex_of_.try_emplace(id, static_cast<uint32_t>(ids_.size()));
  if (inserted) {
    ids_.emplace_back(id);
    kinds_.push_back(kind == EntityKind::kUnspecified ? KindOfId(id) : kind);
  } else if (kinds_[it->second] == EntityKind::kUnspecified) {
    kinds_[it->second] = kind;
  }
  return it->second;
}

void GraphViewBuilder::AddRelation(uint64_t relation_id, absl::string_view source,
                                   absl::string_view target, RelationType type,
                                   const DateWithPrecision& date,
                                   const DateWithPrecision& reported, EdgeFacts facts) {
  uint32_t s = AddEntity(source, EntityKind::kUnspecified);
  uint32_t t = AddEntity(target, EntityKind::kUnspecified);
  AddRelationDays(relation_id, s, t, type, date.FirstDay(), date.EndDay(),
                  reported.FirstDay(), facts);
}

void GraphViewBuilder::AddRelationDays(uint64_t relation_id, uint32_t source,
                                       uint32_t target, RelationType type,
                                       int32_t first_day, int32_t end_day,
                                       int32_t reported_day, EdgeFacts facts) {
  uint16_t span = 0;
  if (first_day != INT32_MIN) {
    span = static_cast<uint16_t>(std::clamp(end_day - first_day, 1, 0xffff));
  }
  if (facts.ends_states && first_day != INT32_MIN) {
    enders_.push_back(static_cast<uint32_t>(edges_.size()));
  }
  edges_.push_back({source, target, first_day, reported_day, span, type});
  relation_ids_.push_back(relation_id);
  reports_.push_back(std::max<uint16_t>(facts.reports, 1));
}

void GraphViewBuilder::Reserve(size_t entities, size_t relations) {
  ids_.reserve(entities);
  kinds_.reserve(entities);
  vertex_of_.reserve(entities);
  edges_.reserve(relations);
  relation_ids_.reserve(relations);
  reports_.reserve(relations);
}

void GraphViewBuilder::SortAdjacency(GraphView* view) const {
  auto before = [&ids = relation_ids_](const AdjacentEdge& a, const AdjacentEdge& b) {
    if (a.neighbor != b.neighbor) return a.neighbor < b.neighbor;
    if (a.first_day != b.first_day) return a.first_day > b.first_day;
    if (ids[a.edge] != ids[b.edge]) return ids[a.edge] < ids[b.edge];
    return a.edge < b.edge;
  };
  const uint32_t max_neighbor =
      static_cast<uint32_t>(std::max<size_t>(view->offsets_.size(), 2) - 2);
  auto sort_vertices = [&](size_t first, size_t last) {
    std::vector<AdjacentEdge> scratch;
    for (size_t v = first; v < last; ++v) {
      AdjacentEdge* begin = view->adjacency_.data() + view->offsets_[v];
      AdjacentEdge* end = view->adjacency_.data() + view->offsets_[v + 1];
      if (static_cast<size_t>(end - begin) <= kRadixSortEntries) {
        std::sort(begin, end, before);
        continue;
      }
      RadixSortByNeighbor(begin, end, max_neighbor, &scratch);
      for (AdjacentEdge* run = begin; run != end;) {
        AdjacentEdge* run_end = run + 1;
        while (run_end != end && run_end->neighbor == run->neighbor) ++run_end;
        if (run_end - run > 1) std::sort(run, run_end, before);
        run = run_end;
      }
    }
  };
  // A part per core (a second of work at 10M relations on two), each with
  // about as many entries; a vertex at a split goes to the part before it.
  const std::vector<uint64_t>& offsets = view->offsets_;
  const size_t n = offsets.size() - 1;
  if (offsets.back() < kParallelSortEntries) {
    sort_vertices(0, n);
    return;
  }
  const size_t count = common::MachineParallelism();
  std::vector<size_t> splits(count + 1, n);
  splits[0] = 0;
  for (size_t i = 1; i < count; ++i) {
    const uint64_t entries = offsets.back() * i / count;
    splits[i] = std::min(
        n, static_cast<size_t>(std::upper_bound(offsets.begin(), offsets.end(), entries) -
                               offsets.begin()));
  }
  common::ParallelFor(count, [&](size_t i) { sort_vertices(splits[i], splits[i + 1]); });
}

void GraphViewBuilder::RenumberByDegree() {
  const size_t n = ids_.size();
  std::vector<uint64_t> degree(n, 0);
  for (const PendingEdge& e : edges_) {
    ++degree[e.source];
    if (e.source != e.target) ++degree[e.target];
  }
  std::vector<uint32_t> order(n);  // New vertex -> builder vertex.
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return degree[a] > degree[b]; });
  std::vector<uint32_t> renumbered(n);  // Builder vertex -> new vertex.
  for (uint32_t v = 0; v < n; ++v) renumbered[order[v]] = v;
  for (PendingEdge& e : edges_) {
    e.source = renumbered[e.source];
    e.target = renumbered[e.target];
  }
  std::vector<std::string> ids(n);
  std::vector<EntityKind> kinds(n);
  for (uint32_t v = 0; v < n; ++v) {
    ids[v] = std::move(ids_[order[v]]);
    kinds[v] = kinds_[order[v]];
  }
  ids_ = std::move(ids);
  kinds_ = std::move(kinds);
  vertex_of_.clear();  // Its numbers are the old ones; Build() needs none.
}

void GraphViewBuilder::EndStates(const std::vector<PendingEdge>& enders,
                                 GraphView* view) {
  for (const PendingEdge& ender : enders) {
    for (const AdjacentEdge& e : view->EdgesBetween(ender.source, ender.target)) {
      if (!IsLastingState(e.type) || e.undated() || e.first_day >= ender.first_day) {
        continue;
      }
      auto [it, inserted] = view->state_ends_.try_emplace(
          e.edge, StateEnd{ender.first_day, ender.reported_day});
      if (!inserted && ender.first_day < it->second.day) {
        it->second = StateEnd{ender.first_day, ender.reported_day};
      }
    }
  }
}

std::shared_ptr<const GraphView> GraphViewBuilder::Build() && {
  RenumberByDegree();
  std::shared_ptr<GraphView> view(new GraphView());
  const size_t n = ids_.size();
  view->offsets_.assign(n + 1, 0);
  for (const PendingEdge& e : edges_) {
    ++view->offsets_[e.source + 1];
    if (e.source != e.target) ++view->offsets_[e.target + 1];
  }
  for (size_t v = 0; v < n; ++v) view->offsets_[v + 1] += view->offsets_[v];
  view->adjacency_.resize(view->offsets_[n]);
  std::vector<uint64_t> cursor(view->offsets_.begin(), view->offsets_.end() - 1);
  for (size_t i = 0; i < edges_.size(); ++i) {
    const PendingEdge& e = edges_[i];
    AdjacentEdge a{
        e.target, static_cast<uint32_t>(i), e.first_day, e.reported_day, e.span_days,
        e.type,   kinds_[e.target]};
    view->adjacency_[cursor[e.source]++] = a;
    if (e.source == e.target) continue;
    a.neighbor = e.source;
    a.neighbor_kind = kinds_[e.source];
    view->adjacency_[cursor[e.target]++] = a;
  }
  std::vector<PendingEdge> enders;
  enders.reserve(enders_.size());
  for (uint32_t i : enders_) enders.push_back(edges_[i]);
  edges_.clear();
  edges_.shrink_to_fit();
  SortAdjacency(view.get());
  EndStates(enders, view.get());
  vertex_of_.clear();
  view->entity_ids_ = std::move(ids_);
  view->kinds_ = std::move(kinds_);
  view->relation_ids_ = std::move(relation_ids_);
  view->reports_ = std::move(reports_);
  // Reserve() had an estimate (RocksDB's key count, which counts records
  // overwritten but not yet compacted away); give back a large excess.
  ShrinkIfLoose(&view->relation_ids_);
  ShrinkIfLoose(&view->reports_);
  view->vertex_of_.reserve(n);
  for (size_t v = 0; v < n; ++v) {
    view->vertex_of_.emplace(view->entity_ids_[v], static_cast<uint32_t>(v));
  }
  return view;
}

}  // namespace entente::graph
