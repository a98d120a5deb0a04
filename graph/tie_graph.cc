#include "graph/tie_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "graph/internal/bidi_search.h"

namespace entente::graph {
namespace {

bool IsTieKind(EntityKind kind) {
  return kind == EntityKind::kCountry || kind == EntityKind::kOrganization;
}

absl::Status Validate(const TieWeighting& w) {
  if (w.half_life_days < 1 || w.half_life_days > kMaxHalfLifeDays) {
    return absl::InvalidArgumentError(absl::StrCat(
        "half_life_days must be 1..", kMaxHalfLifeDays, ", got ", w.half_life_days));
  }
  if (!(w.saturation > 0) || !std::isfinite(w.saturation)) {
    return absl::InvalidArgumentError(
        absl::StrCat("saturation must be positive, got ", w.saturation));
  }
  for (int t = 0; t < kRelationTypeCount; ++t) {
    if (!(w.type_weights[t] >= 0) || !std::isfinite(w.type_weights[t])) {
      return absl::InvalidArgumentError(
          absl::StrCat("type weight of ", RelationTypeName(static_cast<RelationType>(t)),
                       " must be a finite number >= 0, got ", w.type_weights[t]));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::array<double, kRelationTypeCount> TieWeighting::DefaultTypeWeights() {
  std::array<double, kRelationTypeCount> w{};
  auto set = [&w](RelationType type, double value) {
    w[static_cast<size_t>(type)] = value;
  };
  set(RelationType::kAgreement, 1.0);
  set(RelationType::kPartnership, 1.0);
  set(RelationType::kTradeTarget, 0.8);
  set(RelationType::kTradeVolume, 0.8);
  set(RelationType::kInvestment, 0.8);
  set(RelationType::kVisit, 0.7);
  set(RelationType::kMembership, 0.6);
  set(RelationType::kDiplomaticRelations, 0.5);
  set(RelationType::kMeeting, 0.5);
  set(RelationType::kDeclaration, 0.5);
  set(RelationType::kForum, 0.3);
  set(RelationType::kSite, 0.2);
  return w;  // Sanction, downgrade and unspecified stay 0.
}

double TieWeighting::Contribution(const AdjacentEdge& e, uint32_t reports) const {
  const double type_weight = type_weights[static_cast<size_t>(e.type)];
  if (type_weight == 0) return 0;
  double age_half_lives = 1.0;  // Undated.
  if (!e.undated()) {
    // end_day() is one past the last day covered.
    const int64_t last_day = int64_t{e.end_day()} - 1;
    const int64_t age = std::max<int64_t>(0, int64_t{reference_day} - last_day);
    age_half_lives = static_cast<double>(age) / half_life_days;
  }
  return type_weight * reports * std::exp2(-age_half_lives);
}

RelationTypeSet TieQuery::EffectiveTypes() const {
  return types.empty() ? CooperativeRelationTypes() : types;
}

EdgeFilter TieGraph::Filter() const {
  return EdgeFilter{query_.EffectiveTypes(), query_.window, query_.known_as_of_day};
}

absl::StatusOr<TieGraph> TieGraph::Build(const GraphView& view, const TieQuery& query) {
  if (absl::Status status = Validate(query.weighting); !status.ok()) return status;
  TieGraph ties(view, query);
  const EdgeFilter filter = ties.Filter();
  const TieWeighting& weighting = query.weighting;
  const uint32_t n = static_cast<uint32_t>(view.vertex_count());
  ties.tie_vertex_.assign(n, UINT32_MAX);
  auto vertex_of = [&ties](uint32_t view_vertex) {
    uint32_t& slot = ties.tie_vertex_[view_vertex];
    if (slot == UINT32_MAX) {
      slot = static_cast<uint32_t>(add_vertex(TieVertex{view_vertex}, ties.graph_));
    }
    return slot;
  };
  internal::SearchBounds bounds(std::numeric_limits<int64_t>::max(), query.deadline,
                                query.cancelled);
  for (uint32_t u = 0; u < n; ++u) {
    if (!IsTieKind(view.KindOf(u))) continue;
    if (!bounds.Tick()) {
      ties.truncation_reason_ = bounds.reason();
      break;
    }
    absl::Span<const AdjacentEdge> edges = view.Edges(u);
    // Runs of one neighbour; each pair is handled from its smaller vertex.
    auto run = std::upper_bound(
        edges.begin(), edges.end(), u,
        [](uint32_t value, const AdjacentEdge& e) { return value < e.neighbor; });
    while (run != edges.end()) {
      const uint32_t v = run->neighbor;
      Tie tie;
      auto it = run;
      for (; it != edges.end() && it->neighbor == v; ++it) {
        if (!IsTieKind(it->neighbor_kind) || !filter.Passes(*it)) continue;
        const uint32_t reports = view.Reports(it->edge);
        const double contribution = weighting.Contribution(*it, reports);
        if (contribution == 0) continue;
        tie.score += contribution;
        ++tie.relations;
        tie.reports += static_cast<int32_t>(reports);
        tie.types.Add(it->type);
        if (!it->undated()) tie.latest_day = std::max(tie.latest_day, it->end_day() - 1);
      }
      run = it;
      if (tie.relations == 0) continue;
      tie.weight = -std::expm1(-tie.score / weighting.saturation);
      // A weight that rounds to 1 would make a free hop; keep every hop a cost.
      tie.distance = std::max(-std::log(tie.weight), 1e-9);
      add_edge(vertex_of(u), vertex_of(v), tie, ties.graph_);
    }
  }
  // The graph may outlive the request that built it (a cache).
  ties.query_.deadline = absl::InfiniteFuture();
  ties.query_.cancelled = nullptr;
  return ties;
}

std::optional<uint32_t> TieGraph::Find(absl::string_view entity_id) const {
  std::optional<uint32_t> view_vertex = view_->FindVertex(entity_id);
  if (!view_vertex || tie_vertex_[*view_vertex] == UINT32_MAX) return std::nullopt;
  return tie_vertex_[*view_vertex];
}

std::optional<TieEdge> TieGraph::TieBetween(uint32_t a, uint32_t b) const {
  auto [edge, found] = boost::edge(a, b, graph_);
  if (!found) return std::nullopt;
  return edge;
}

std::vector<uint64_t> TieGraph::RelationsOf(uint32_t a, uint32_t b) const {
  const EdgeFilter filter = Filter();
  std::vector<uint64_t> ids;
  for (const AdjacentEdge& e : view_->EdgesBetween(ViewVertex(a), ViewVertex(b))) {
    if (filter.Passes(e) &&
        query_.weighting.Contribution(e, view_->Reports(e.edge)) > 0) {
      ids.push_back(view_->RelationId(e.edge));
    }
  }
  return ids;
}

}  // namespace entente::graph
