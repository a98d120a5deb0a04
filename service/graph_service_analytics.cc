// The tie-graph RPCs of GraphServiceImpl: RankEntities, FindBlocs and
// FindStrongestPaths. Each builds the tie graph of its request from the
// current view, runs one analytics.h query on it under the call's deadline
// and cancellation, and states the basis (window, filters, weighting).

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph/analytics.h"
#include "graph/tie_graph.h"
#include "service/convert.h"
#include "service/entity_resolver.h"
#include "service/graph_service.h"
#include "service/grpc_status.h"

namespace entente::service {
namespace {

constexpr int kDefaultRanked = 20;
constexpr int kDefaultBlocs = 20;
constexpr int kMaxBridges = 100;
constexpr int kDefaultRelationsPerHop = 5;
constexpr int kMaxRelationsPerHop = 100;

std::string DayString(int32_t day) {
  int year, month, dom;
  graph::CivilFromDays(day, &year, &month, &dom);
  return graph::DateWithPrecision::Day(year, month, dom).ToString();
}

// The request's tie spec as a query; `today` dates an open window.
absl::StatusOr<graph::TieQuery> TieQueryFromProto(const v1::TieGraphSpec& spec,
                                                  absl::string_view field,
                                                  int32_t today) {
  graph::TieQuery query;
  ENTENTE_ASSIGN_OR_RETURN(
      query.window, WindowFromProto(spec.window(), absl::StrCat(field, ".window")));
  ENTENTE_ASSIGN_OR_RETURN(query.types,
                           TypesFromProto(spec.types(), absl::StrCat(field, ".types")));
  ENTENTE_ASSIGN_OR_RETURN(
      query.known_as_of_day,
      LastDayFromString(spec.known_as_of(), absl::StrCat(field, ".known_as_of")));
  if (spec.half_life_days() < 0 || spec.half_life_days() > graph::kMaxHalfLifeDays) {
    return InvalidFieldError(
        absl::StrCat(field, ".half_life_days"),
        absl::StrCat("must be between 1 and ", graph::kMaxHalfLifeDays, ", got ",
                     spec.half_life_days()));
  }
  if (spec.half_life_days() > 0) query.weighting.half_life_days = spec.half_life_days();
  // Ages count from the window's last day, else from today; never from after
  // what was known.
  int32_t reference = query.window.to_day == INT32_MAX ? today : query.window.to_day - 1;
  reference = std::min(reference, query.known_as_of_day);
  query.weighting.reference_day = reference;
  return query;
}

void BasisToProto(const graph::TieGraph& ties, const v1::TieGraphSpec& spec,
                  v1::TieGraphBasis* out) {
  const graph::TieQuery& query = ties.query();
  *out->mutable_window() = spec.window();
  const graph::RelationTypeSet types = query.EffectiveTypes();
  for (int t = 1; t < graph::kRelationTypeCount; ++t) {
    const auto type = static_cast<graph::RelationType>(t);
    if (!types.Contains(type)) continue;
    out->add_types(ToProto(type));
    const double weight = query.weighting.type_weights[t];
    if (weight == 0) continue;
    v1::TypeWeight* type_weight = out->add_type_weights();
    type_weight->set_type(ToProto(type));
    type_weight->set_weight(weight);
  }
  if (query.known_as_of_day != INT32_MAX) {
    out->set_known_as_of(DayString(query.known_as_of_day));
  }
  out->set_half_life_days(query.weighting.half_life_days);
  out->set_reference_date(DayString(query.weighting.reference_day));
  out->set_weighting(absl::StrCat(
      "tie score = sum over its relations of type weight * independent reports * "
      "2^(-age days / ",
      query.weighting.half_life_days, "), age counted from ",
      DayString(query.weighting.reference_day),
      " (undated: one half-life); tie weight = 1 - exp(-score); a chain's strength is "
      "the product of its tie weights; a relation's independent reports are its "
      "distinct outlets"));
  out->set_entities(ties.vertex_count());
  out->set_ties(static_cast<int64_t>(ties.tie_count()));
}

void TieToProto(const graph::TieGraph& ties, uint32_t a, uint32_t b, v1::Tie* out) {
  out->set_entity_a(std::string(ties.EntityId(a)));
  out->set_entity_b(std::string(ties.EntityId(b)));
  std::optional<graph::TieEdge> edge = ties.TieBetween(a, b);
  if (!edge) return;
  const graph::Tie& tie = ties.graph()[*edge];
  out->set_weight(tie.weight);
  out->set_relations(tie.relations);
  out->set_reports(tie.reports);
  for (int t = 1; t < graph::kRelationTypeCount; ++t) {
    const auto type = static_cast<graph::RelationType>(t);
    if (tie.types.Contains(type)) out->add_types(ToProto(type));
  }
}

// Sort key of a measure (higher first).
double Score(const graph::EntityScores& scores, v1::RankMeasure measure) {
  switch (measure) {
    case v1::RANK_MEASURE_PAGERANK:
      return scores.pagerank;
    case v1::RANK_MEASURE_WEIGHTED_DEGREE:
      return scores.weighted_degree;
    default:
      return scores.betweenness;
  }
}

// An answer's basis and truncation; the tie graph's truncation comes first.
template <typename Response>
void FinishAnswer(const graph::TieGraph& ties, const v1::TieGraphSpec& spec,
                  const std::string& query_reason, Response* response) {
  BasisToProto(ties, spec, response->mutable_basis());
  const std::string& reason = ties.truncated() ? ties.truncation_reason() : query_reason;
  response->set_truncated(!reason.empty());
  response->set_truncation_reason(reason);
}

// CANCELLED when the client cancelled the tie graph or the query on it.
absl::Status CheckCancelled(const graph::TieGraph& ties, const std::string& query_reason,
                            absl::string_view what) {
  if (ties.truncation_reason() == "cancelled" || query_reason == "cancelled") {
    return absl::CancelledError(absl::StrCat("the client cancelled the ", what));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GraphServiceImpl::BuiltTies> GraphServiceImpl::BuildTies(
    const grpc::ServerContextBase& context, const v1::TieGraphSpec& spec,
    absl::string_view field, const std::atomic<bool>* cancelled) {
  const int32_t today =
      static_cast<int32_t>(absl::ToUnixSeconds(absl::Now()) / (24 * 60 * 60));
  ENTENTE_ASSIGN_OR_RETURN(graph::TieQuery query, TieQueryFromProto(spec, field, today));
  query.deadline = PathDeadline(context);
  query.cancelled = cancelled;
  BuiltTies built;
  built.view = store_->View();
  built.bounds = {query.deadline, cancelled};
  built.ties = tie_graphs_.Find(*built.view, query);
  if (built.ties != nullptr) return built;
  absl::StatusOr<graph::TieGraph> ties = graph::TieGraph::Build(*built.view, query);
  if (!ties.ok()) return ties.status();
  built.ties = std::make_shared<const graph::TieGraph>(*std::move(ties));
  tie_graphs_.Add(built.view, built.ties);
  return built;
}

absl::Status GraphServiceImpl::EntityToProto(absl::string_view id,
                                             v1::Entity* out) const {
  ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<const graph::Entity> entity,
                           entities_.Get(id));
  ToProtoWithoutAliases(*entity, out);
  return absl::OkStatus();
}

absl::StatusOr<absl::flat_hash_set<uint32_t>> GraphServiceImpl::RegionVertices(
    const graph::TieGraph& ties,
    const google::protobuf::RepeatedPtrField<std::string>& region,
    absl::string_view field, const std::atomic<bool>* cancelled) const {
  absl::flat_hash_set<uint32_t> vertices;
  const graph::GraphView& view = ties.view();
  for (int i = 0; i < region.size(); ++i) {
    ENTENTE_ASSIGN_OR_RETURN(graph::Entity entity,
                             ResolveEntity(entities_, region.Get(i),
                                           absl::StrCat(field, "[", i, "]"), cancelled));
    if (std::optional<uint32_t> v = ties.Find(entity.id)) vertices.insert(*v);
    if (entity.kind != graph::EntityKind::kOrganization) continue;
    std::optional<uint32_t> org = view.FindVertex(entity.id);
    if (!org) continue;
    for (const graph::AdjacentEdge& e : view.Edges(*org)) {
      if (e.type != graph::RelationType::kMembership) continue;
      if (std::optional<uint32_t> member = ties.Find(view.EntityId(e.neighbor))) {
        vertices.insert(*member);
      }
    }
  }
  return vertices;
}

absl::StatusOr<graph::RankOptions> GraphServiceImpl::RankOptionsFromProto(
    const graph::TieGraph& ties, const v1::RankEntitiesRequest& request,
    const std::atomic<bool>* cancelled, v1::RankEntitiesResponse* response) const {
  graph::RankOptions options;
  if (request.from_group().empty() != request.to_group().empty()) {
    return InvalidFieldError(request.from_group().empty() ? "from_group" : "to_group",
                             "from_group and to_group come together");
  }
  for (const auto& [group, field, out] :
       {std::tuple(&request.from_group(), "from_group", &options.from_group),
        std::tuple(&request.to_group(), "to_group", &options.to_group)}) {
    ENTENTE_ASSIGN_OR_RETURN(absl::flat_hash_set<uint32_t> vertices,
                             RegionVertices(ties, *group, field, cancelled));
    out->assign(vertices.begin(), vertices.end());
    std::sort(out->begin(), out->end());
  }
  if (!request.focus().empty()) {
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity focus,
        ResolveEntity(entities_, request.focus(), "focus", cancelled));
    ToProtoWithoutAliases(focus, response->mutable_focus());
    options.focus = ties.Find(focus.id);
    if (!options.focus) {
      return InvalidFieldError(
          "focus", absl::StrCat(focus.id, " has no tie in the window and filters"));
    }
  }
  return options;
}

grpc::ServerUnaryReactor* GraphServiceImpl::RankEntities(
    grpc::CallbackServerContext* context, const v1::RankEntitiesRequest* request,
    v1::RankEntitiesResponse* response) {
  return Answer(context, [&] { return DoRankEntities(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoRankEntities(const grpc::ServerContextBase& context,
                                              const v1::RankEntitiesRequest& request,
                                              v1::RankEntitiesResponse* response) {
  if (!v1::RankMeasure_IsValid(request.measure())) {
    return InvalidFieldError("measure",
                             absl::StrCat(request.measure(), " is not a measure"));
  }
  const v1::RankMeasure measure = request.measure() == v1::RANK_MEASURE_UNSPECIFIED
                                      ? v1::RANK_MEASURE_BETWEENNESS
                                      : request.measure();
  ENTENTE_ASSIGN_OR_RETURN(int limit,
                           CheckedSize(request.page_size(), kDefaultRanked, "page_size"));
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  ENTENTE_ASSIGN_OR_RETURN(
      BuiltTies built, BuildTies(context, request.ties(), "ties", cancellation.flag()));
  const graph::TieGraph& ties = *built.ties;
  ENTENTE_ASSIGN_OR_RETURN(
      absl::flat_hash_set<uint32_t> region,
      RegionVertices(ties, request.region(), "region", cancellation.flag()));
  ENTENTE_ASSIGN_OR_RETURN(
      graph::RankOptions options,
      RankOptionsFromProto(ties, request, cancellation.flag(), response));
  ENTENTE_ASSIGN_OR_RETURN(graph::RankResult rank,
                           graph::Rank(ties, built.bounds, options));
  ENTENTE_RETURN_IF_ERROR(CheckCancelled(ties, rank.truncation_reason, "ranking"));
  std::vector<graph::EntityScores> listed;
  for (const graph::EntityScores& scores : rank.scores) {
    if (options.focus == scores.vertex) continue;
    if (request.region().empty() || region.contains(scores.vertex)) {
      listed.push_back(scores);
    }
  }
  std::sort(listed.begin(), listed.end(),
            [&](const graph::EntityScores& a, const graph::EntityScores& b) {
              const double sa = Score(a, measure), sb = Score(b, measure);
              if (sa != sb) return sa > sb;
              return ties.EntityId(a.vertex) < ties.EntityId(b.vertex);
            });
  if (static_cast<int>(listed.size()) > limit) listed.resize(limit);
  for (const graph::EntityScores& scores : listed) {
    v1::RankedEntity* out = response->add_entities();
    ENTENTE_RETURN_IF_ERROR(
        EntityToProto(ties.EntityId(scores.vertex), out->mutable_entity()));
    out->set_betweenness(scores.betweenness);
    out->set_pagerank(scores.pagerank);
    out->set_weighted_degree(scores.weighted_degree);
    out->set_ties(scores.ties);
  }
  for (size_t i = 0; i < listed.size(); ++i) {
    for (size_t j = i + 1; j < listed.size(); ++j) {
      if (ties.TieBetween(listed[i].vertex, listed[j].vertex)) {
        TieToProto(ties, listed[i].vertex, listed[j].vertex, response->add_ties());
      }
    }
  }
  response->set_measure(measure);
  response->set_has_betweenness(rank.has_betweenness);
  response->set_has_pagerank(rank.has_pagerank);
  response->set_group_pairs(rank.group_pairs);
  FinishAnswer(ties, request.ties(), rank.truncation_reason, response);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::FindBlocs(
    grpc::CallbackServerContext* context, const v1::FindBlocsRequest* request,
    v1::FindBlocsResponse* response) {
  return Answer(context, [&] { return DoFindBlocs(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoFindBlocs(const grpc::ServerContextBase& context,
                                           const v1::FindBlocsRequest& request,
                                           v1::FindBlocsResponse* response) {
  ENTENTE_ASSIGN_OR_RETURN(int limit,
                           CheckedSize(request.page_size(), kDefaultBlocs, "page_size"));
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  ENTENTE_ASSIGN_OR_RETURN(
      BuiltTies built, BuildTies(context, request.ties(), "ties", cancellation.flag()));
  const graph::TieGraph& ties = *built.ties;
  ENTENTE_ASSIGN_OR_RETURN(graph::BlocResult blocs, graph::FindBlocs(ties, built.bounds));
  ENTENTE_RETURN_IF_ERROR(CheckCancelled(ties, blocs.truncation_reason, "bloc search"));
  const size_t listed = std::min<size_t>(blocs.blocs.size(), limit);
  for (size_t i = 0; i < listed; ++i) {
    v1::Bloc* out = response->add_blocs();
    out->set_number(static_cast<int32_t>(i));
    for (uint32_t member : blocs.blocs[i].members) {
      ENTENTE_RETURN_IF_ERROR(EntityToProto(ties.EntityId(member), out->add_members()));
    }
    out->set_internal_weight(blocs.blocs[i].internal_weight);
  }
  for (const graph::BridgingTie& bridge : blocs.bridges) {
    if (bridge.bloc_b >= listed) continue;
    if (response->bridges_size() == kMaxBridges) break;
    v1::BridgingTie* out = response->add_bridges();
    TieToProto(ties, bridge.a, bridge.b, out->mutable_tie());
    out->set_bloc_a(static_cast<int32_t>(bridge.bloc_a));
    out->set_bloc_b(static_cast<int32_t>(bridge.bloc_b));
  }
  for (uint32_t v : blocs.articulation_points) {
    ENTENTE_RETURN_IF_ERROR(
        EntityToProto(ties.EntityId(v), response->add_articulation_points()));
  }
  response->set_modularity(blocs.modularity);
  FinishAnswer(ties, request.ties(), blocs.truncation_reason, response);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::FindStrongestPaths(
    grpc::CallbackServerContext* context, const v1::FindStrongestPathsRequest* request,
    v1::FindStrongestPathsResponse* response) {
  return Answer(context,
                [&] { return DoFindStrongestPaths(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoFindStrongestPaths(
    const grpc::ServerContextBase& context, const v1::FindStrongestPathsRequest& request,
    v1::FindStrongestPathsResponse* response) {
  if (request.k() < 0 || request.k() > graph::kMaxStrongestPaths) {
    return InvalidFieldError(
        "k", absl::StrCat("must be between 1 and ", graph::kMaxStrongestPaths, ", got ",
                          request.k()));
  }
  if (request.relations_per_hop() < 0 ||
      request.relations_per_hop() > kMaxRelationsPerHop) {
    return InvalidFieldError("relations_per_hop",
                             absl::StrCat("must be between 1 and ", kMaxRelationsPerHop,
                                          ", got ", request.relations_per_hop()));
  }
  const int per_hop = request.relations_per_hop() == 0 ? kDefaultRelationsPerHop
                                                       : request.relations_per_hop();
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  ENTENTE_ASSIGN_OR_RETURN(auto ends,
                           ResolveEnds(request, response, cancellation.flag()));
  const auto& [from, to] = ends;
  ENTENTE_ASSIGN_OR_RETURN(
      BuiltTies built, BuildTies(context, request.ties(), "ties", cancellation.flag()));
  const graph::TieGraph& ties = *built.ties;
  absl::StatusOr<graph::StrongestPathResult> result = graph::FindStrongestPaths(
      ties, from.id, to.id, request.k() == 0 ? 1 : request.k(), built.bounds);
  // An entity without ties in the window has no chain: an empty answer.
  if (absl::IsNotFound(result.status())) {
    FinishAnswer(ties, request.ties(), "", response);
    return absl::OkStatus();
  }
  if (!result.ok()) return result.status();
  ENTENTE_RETURN_IF_ERROR(CheckCancelled(ties, result->truncation_reason, "path search"));
  // Every hop's newest relations, all chains together, in one batched read.
  std::vector<uint64_t> wanted;
  std::vector<size_t> counts;
  for (const graph::StrongestPath& path : result->paths) {
    for (size_t i = 0; i + 1 < path.vertices.size(); ++i) {
      std::vector<uint64_t> ids =
          ties.RelationsOf(path.vertices[i], path.vertices[i + 1]);
      if (static_cast<int>(ids.size()) > per_hop) ids.resize(per_hop);
      counts.push_back(ids.size());
      wanted.insert(wanted.end(), ids.begin(), ids.end());
    }
  }
  ENTENTE_ASSIGN_OR_RETURN(std::vector<graph::Relation> relations,
                           store_->GetRelations(wanted));
  size_t next = 0, hop = 0;
  for (const graph::StrongestPath& path : result->paths) {
    v1::StrongestPath* out = response->add_paths();
    out->set_strength(path.strength);
    for (uint32_t v : path.vertices) {
      ENTENTE_RETURN_IF_ERROR(EntityToProto(ties.EntityId(v), out->add_entities()));
    }
    for (size_t i = 0; i + 1 < path.vertices.size(); ++i, ++hop) {
      v1::TieHop* out_hop = out->add_hops();
      TieToProto(ties, path.vertices[i], path.vertices[i + 1], out_hop->mutable_tie());
      for (size_t r = 0; r < counts[hop]; ++r) {
        ToProto(std::move(relations[next++]), out_hop->add_relations());
      }
    }
  }
  FinishAnswer(ties, request.ties(), result->truncation_reason, response);
  return absl::OkStatus();
}

}  // namespace entente::service
