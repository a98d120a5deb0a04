#ifndef ENTENTE_GRAPH_TIE_GRAPH_H_
#define ENTENTE_GRAPH_TIE_GRAPH_H_

// The tie graph: countries and organizations as vertices and one weighted,
// undirected edge (a tie) per pair of them with at least one relation in the
// query's window, aggregating those relations. It is small (hundreds to a
// few thousand vertices) so exact algorithms run on it (analytics.h).
//
// Weighting. Each relation r between the pair adds
//
//   contribution(r) = type_weight(r.type) * reports(r) * 2^(-age(r) / half_life_days)
//
// where reports(r) is the number of independent reports of r (its distinct
// outlets: IndependentReports, model.h), and age(r) is reference_day minus
// the last day r's date covers (0 when r ends on or after reference_day); an
// undated relation (only in an unbounded window) counts as one half-life
// old. The tie's score is the sum of its relations' contributions and its
// weight is
//
//   weight = 1 - exp(-score / saturation)          (0 < weight < 1)
//
// so every further report strengthens a tie, with diminishing returns: with
// the default weights one fresh agreement read once gives 0.63, read in
// three outlets (or three agreements) 0.95. A relation repeated by one outlet
// counts once. The weight of a chain of ties is the product of their weights.
//
// Default type weights (TieWeighting::DefaultTypeWeights): agreement,
// partnership 1.0; trade_target, trade_volume, investment 0.8; visit 0.7;
// membership 0.6; diplomatic_relations, meeting, declaration 0.5; forum 0.3;
// site 0.2; sanction and downgrade 0 (cooling measures are no tie; by
// default they are not even read, as paths do not follow them).
//
// Built in one pass over the view: each country or organization vertex scans
// its adjacency once; the view sorts it by neighbour, so the relations of
// one pair are one run and no hash table is needed.
//
// Thread-safety: immutable once built; concurrent reads are safe.

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "boost/graph/adjacency_list.hpp"
#include "graph/graph_view.h"
#include "graph/limits.h"
#include "graph/model.h"

namespace entente::graph {

struct TieWeighting {
  // Recency half-life in days: 1..36500, default 365.
  int half_life_days = kDefaultHalfLifeDays;
  // The day ages are measured from (days since 1970-01-01). Required: the
  // caller passes the window's last day, or today for an open window.
  int32_t reference_day = 0;
  // Score per relation type, indexed by RelationType; >= 0.
  std::array<double, kRelationTypeCount> type_weights = DefaultTypeWeights();
  // The score at which a tie reaches weight 1 - 1/e; > 0. Default 1.
  double saturation = 1.0;

  static std::array<double, kRelationTypeCount> DefaultTypeWeights();
  // contribution(r) above, for one relation entry of the view and its
  // independent reports (GraphView::Reports).
  double Contribution(const AdjacentEdge& e, uint32_t reports) const;
};

struct TieQuery {
  RelationTypeSet types;  // Empty = CooperativeRelationTypes().
  TimeWindow window;      // Relations whose date overlaps it (default: all).
  int32_t known_as_of_day = INT32_MAX;  // Relations reported on or before it.
  TieWeighting weighting;
  absl::Time deadline = absl::InfiniteFuture();
  const std::atomic<bool>* cancelled = nullptr;  // Not owned; may be null.

  // The types actually read: `types`, or the cooperative ones when empty.
  RelationTypeSet EffectiveTypes() const;
};

// A tie between two tie-graph vertices.
struct Tie {
  double weight = 0;    // 0 < weight < 1.
  double distance = 0;  // -ln(weight): shortest distance = strongest chain.
  double score = 0;     // Sum of the relations' contributions.
  int32_t relations = 0;
  int32_t reports = 0;             // The relations' independent reports, summed.
  RelationTypeSet types;           // The types of its relations.
  int32_t latest_day = INT32_MIN;  // Last day covered by its newest relation.
};

struct TieVertex {
  uint32_t view_vertex = 0;  // The entity's vertex in the GraphView.
};

using TieBoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TieVertex, Tie>;
using TieEdge = boost::graph_traits<TieBoostGraph>::edge_descriptor;

class TieGraph {
 public:
  // Builds the tie graph of `view` for `query`; keeps a reference to `view`,
  // which must outlive it. InvalidArgument naming the field for a bad
  // half-life, type weight or saturation. When the deadline passes or
  // *cancelled turns true the graph holds the ties of the vertices scanned so
  // far, with truncated() and truncation_reason() set.
  static absl::StatusOr<TieGraph> Build(const GraphView& view, const TieQuery& query);

  const TieBoostGraph& graph() const { return graph_; }
  const GraphView& view() const { return *view_; }
  // The query it was built for, without its deadline and cancellation flag.
  const TieQuery& query() const { return query_; }
  uint32_t vertex_count() const { return static_cast<uint32_t>(num_vertices(graph_)); }
  uint64_t tie_count() const { return num_edges(graph_); }

  uint32_t ViewVertex(uint32_t v) const { return graph_[v].view_vertex; }
  absl::string_view EntityId(uint32_t v) const { return view_->EntityId(ViewVertex(v)); }
  // The tie-graph vertex of an entity; nullopt when it has no tie.
  std::optional<uint32_t> Find(absl::string_view entity_id) const;
  // The tie between two vertices; nullopt when there is none.
  std::optional<TieEdge> TieBetween(uint32_t a, uint32_t b) const;
  // The ids of the relations a tie aggregates, newest first (as the view
  // orders them).
  std::vector<uint64_t> RelationsOf(uint32_t a, uint32_t b) const;

  bool truncated() const { return !truncation_reason_.empty(); }
  const std::string& truncation_reason() const { return truncation_reason_; }

 private:
  TieGraph(const GraphView& view, const TieQuery& query) : view_(&view), query_(query) {}
  EdgeFilter Filter() const;

  const GraphView* view_;
  TieQuery query_;
  TieBoostGraph graph_;
  std::vector<uint32_t> tie_vertex_;  // By view vertex; UINT32_MAX = none.
  std::string truncation_reason_;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_TIE_GRAPH_H_
