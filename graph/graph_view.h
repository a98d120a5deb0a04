#ifndef ENTENTE_GRAPH_GRAPH_VIEW_H_
#define ENTENTE_GRAPH_GRAPH_VIEW_H_

// GraphView: an immutable in-memory snapshot of every entity and relation in
// compressed sparse row (CSR) form, for path and neighbour queries.
//
// Each entity is interned to a vertex number 0..vertex_count()-1, by degree,
// highest first (ties in the order the builder first saw them): the hubs'
// visit marks share cache lines and sorted adjacencies list hubs first. Each
// relation appears in the adjacency of both endpoints (paths ignore
// direction), with its type, dates and the neighbour's kind stored inline so
// that filters in inner loops touch no other memory:
//
//   offsets_ [v] .. offsets_[v+1]  ->  adjacency_ entries of vertex v
//   AdjacentEdge (20 bytes): neighbor u32 | edge u32 | first_day i32 |
//                            reported_day i32 | span_days u16 | type u8 |
//                            neighbor_kind u8
//   relation_ids_[edge]  -> the relation's RelationIdOf (8 bytes)
//
//   reports_[edge]       -> its independent reports (2 bytes)
//
// 50 bytes per relation plus the interned entity ids and their index (59
// bytes per relation measured at 10M relations, 1.4M entities). Lasting
// states that a later relation ended (a break of relations) keep their end
// day in a hash map by edge: there are few. A self-loop
// appears once, in its entity's adjacency.
//
// Each vertex's adjacency is sorted by neighbour, then newest first
// (first_day descending, undated last), then relation id ascending: the
// parallel relations to one neighbour form one run (EdgesBetween finds it by
// binary search, and a search can skip the rest of a run it has handled),
// and visit marks are touched in increasing vertex order.
//
// Thread-safety: immutable after Build(); any number of threads may read one
// view concurrently. Store::View() hands out shared_ptrs so a query keeps its
// snapshot alive while the store publishes a newer one.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "graph/model.h"

namespace entente::graph {

// One relation seen from one endpoint.
struct AdjacentEdge {
  uint32_t neighbor = 0;     // The other endpoint's vertex.
  uint32_t edge = 0;         // Index into the view's relation ids.
  int32_t first_day = 0;     // Date().FirstDay(); INT32_MIN when undated.
  int32_t reported_day = 0;  // reported.FirstDay(); INT32_MIN when unknown.
  uint16_t span_days = 0;    // EndDay() - FirstDay(); 0 when undated.
  RelationType type = RelationType::kUnspecified;
  EntityKind neighbor_kind = EntityKind::kUnspecified;

  bool undated() const { return first_day == INT32_MIN; }
  int32_t end_day() const { return first_day + span_days; }
};
static_assert(sizeof(AdjacentEdge) == 20);

// How a lasting state ended: the day of the earliest later relation between
// its endpoints that ends states (EndsLastingStates), and when that was
// reported.
struct StateEnd {
  int32_t day = INT32_MAX;
  int32_t reported_day = INT32_MIN;
};
// The ended states of a view, by edge index; states never ended are absent.
using StateEnds = absl::flat_hash_map<uint32_t, StateEnd>;

// The per-edge filter shared by paths, neighbours and stats.
struct EdgeFilter {
  RelationTypeSet types;  // Empty = all.
  TimeWindow window;      // Undated relations pass only an unbounded window.
  int32_t known_as_of_day = INT32_MAX;  // Keep reported_day <= this.
  // When true, a lasting state (IsLastingState: diplomatic relations,
  // partnerships, memberships) passes every window that ends after its date
  // and begins before its end (state_ends): relations established in 1993
  // still hold in a window from 2000, unless broken off in 1999. When false
  // (stats, which count by date), every relation is an event of its date.
  bool states_last = false;
  // With states_last: the view's state_ends(). Null: no state has ended.
  const StateEnds* state_ends = nullptr;

  bool Passes(const AdjacentEdge& e) const {
    if (!types.empty() && !types.Contains(e.type)) return false;
    if (e.reported_day > known_as_of_day) return false;
    if (window.unbounded()) return true;
    if (e.undated()) return false;
    if (states_last && IsLastingState(e.type)) {
      return e.first_day < window.to_day && !EndedBy(e, window.from_day);
    }
    return window.Overlaps(e.first_day, e.end_day());
  }
  // Whether the state `e` ended on or before `day`, as known as of
  // known_as_of_day.
  bool EndedBy(const AdjacentEdge& e, int32_t day) const {
    if (state_ends == nullptr || state_ends->empty()) return false;
    auto it = state_ends->find(e.edge);
    return it != state_ends->end() && it->second.day <= day &&
           it->second.reported_day <= known_as_of_day;
  }
};

// What an edge carries besides its endpoints, type and dates.
struct EdgeFacts {
  uint16_t reports = 1;      // IndependentReports(): 1..65535.
  bool ends_states = false;  // EndsLastingStates().
};

class GraphView {
 public:
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  int64_t vertex_count() const { return static_cast<int64_t>(entity_ids_.size()); }
  int64_t relation_count() const { return static_cast<int64_t>(relation_ids_.size()); }

  // The vertex of an entity id; nullopt when the view does not know it.
  std::optional<uint32_t> FindVertex(absl::string_view entity_id) const;
  absl::string_view EntityId(uint32_t vertex) const { return entity_ids_[vertex]; }
  EntityKind KindOf(uint32_t vertex) const { return kinds_[vertex]; }
  absl::Span<const AdjacentEdge> Edges(uint32_t vertex) const {
    return absl::MakeConstSpan(adjacency_.data() + offsets_[vertex],
                               offsets_[vertex + 1] - offsets_[vertex]);
  }
  // The run of Edges(u) whose neighbour is v (newest first); empty when none.
  absl::Span<const AdjacentEdge> EdgesBetween(uint32_t u, uint32_t v) const;
  uint64_t RelationId(uint32_t edge) const { return relation_ids_[edge]; }
  // The relation's independent reports (IndependentReports, model.h).
  uint32_t Reports(uint32_t edge) const { return reports_[edge]; }
  // The lasting states a later relation ended (for EdgeFilter::state_ends).
  const StateEnds& state_ends() const { return state_ends_; }
  // The relation's own record (from the source's side); for stats.
  absl::Span<const uint64_t> relation_ids() const { return relation_ids_; }

  // Bytes held by this view (arrays, interned ids and the id index).
  size_t MemoryBytes() const;

 private:
  friend class GraphViewBuilder;
  GraphView() = default;

  std::vector<std::string> entity_ids_;
  std::vector<EntityKind> kinds_;
  absl::flat_hash_map<absl::string_view, uint32_t> vertex_of_;  // Views entity_ids_.
  std::vector<uint64_t> offsets_;  // vertex_count() + 1 entries.
  std::vector<AdjacentEdge> adjacency_;
  std::vector<uint64_t> relation_ids_;
  std::vector<uint16_t> reports_;  // By edge.
  StateEnds state_ends_;
};

// Collects entities and relations, then builds a GraphView. Relations may
// name entities never added with AddEntity (their kind comes from the id).
// Not thread-safe.
class GraphViewBuilder {
 public:
  GraphViewBuilder() = default;

  // Interns an entity id; returns its builder vertex (an index for
  // AddRelationDays; the built view numbers vertices its own way). Adding an
  // id twice is harmless.
  uint32_t AddEntity(absl::string_view id, EntityKind kind);
  // The vertex of an id added before; nullopt otherwise. Safe to call from
  // several threads while nothing is being added.
  std::optional<uint32_t> FindEntity(absl::string_view id) const {
    auto it = vertex_of_.find(id);
    if (it == vertex_of_.end()) return std::nullopt;
    return it->second;
  }
  // Adds one relation between two entity ids (interned as needed).
  void AddRelation(uint64_t relation_id, absl::string_view source,
                   absl::string_view target, RelationType type,
                   const DateWithPrecision& date, const DateWithPrecision& reported,
                   EdgeFacts facts = {});
  // The same from pre-computed days (first_day/end_day INT32_MIN = undated).
  void AddRelationDays(uint64_t relation_id, uint32_t source, uint32_t target,
                       RelationType type, int32_t first_day, int32_t end_day,
                       int32_t reported_day, EdgeFacts facts = {});
  void Reserve(size_t entities, size_t relations);

  // Consumes the builder. Adjacency order as described at the top (for
  // distinct relation ids it does not depend on the order of AddRelation).
  std::shared_ptr<const GraphView> Build() &&;

 private:
  struct PendingEdge {
    uint32_t source, target;
    int32_t first_day, reported_day;
    uint16_t span_days;
    RelationType type;
  };
  std::vector<std::string> ids_;
  std::vector<EntityKind> kinds_;
  absl::flat_hash_map<std::string, uint32_t> vertex_of_;
  // Numbers the vertices by degree, highest first (ties keep their order),
  // rewriting ids_, kinds_ and edges_.
  void RenumberByDegree();
  // Sorts each vertex's entries of view->adjacency_ (see the top of the file).
  void SortAdjacency(GraphView* view) const;
  // Fills view->state_ends_ from the sorted adjacency and `enders` (the
  // edges that end states, renumbered).
  static void EndStates(const std::vector<PendingEdge>& enders, GraphView* view);

  std::vector<PendingEdge> edges_;
  std::vector<uint64_t> relation_ids_;
  std::vector<uint16_t> reports_;
  std::vector<uint32_t> enders_;  // Indexes into edges_ of state-ending relations.
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_GRAPH_VIEW_H_
