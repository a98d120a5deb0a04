// The read RPCs of GraphServiceImpl; imports and watches are in
// graph_service_import.cc.

#include "service/graph_service.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph/neighbors.h"
#include "graph/path_finder.h"
#include "service/convert.h"
#include "service/entity_resolver.h"
#include "service/grpc_status.h"

namespace entente::service {
absl::StatusOr<int> CheckedSize(int32_t value, int fallback, absl::string_view field) {
  if (value < 0)
    return InvalidFieldError(field, absl::StrCat("must not be negative, got ", value));
  if (value > graph::kMaxPageSize) {
    return InvalidFieldError(
        field, absl::StrCat("must be at most ", graph::kMaxPageSize, ", got ", value));
  }
  return value == 0 ? fallback : value;
}

namespace {

// Types most frequent first, ties in type order.
void HopToProto(const graph::HopLinks& hop, v1::HopLinks* out) {
  out->set_relation_count(hop.relations);
  std::vector<std::pair<int, int>> types;  // (-count, type)
  for (int type = 0; type < graph::kRelationTypeCount; ++type) {
    if (hop.by_type[type] > 0) types.emplace_back(-hop.by_type[type], type);
  }
  std::sort(types.begin(), types.end());
  for (const auto& [negative_count, type] : types) {
    v1::TypeCount* count = out->add_types();
    count->set_type(ToProto(static_cast<graph::RelationType>(type)));
    count->set_count(-negative_count);
  }
}

// The status of a call whose work stopped because the client went away: the
// one the client itself reports, DEADLINE_EXCEEDED past its deadline, else
// CANCELLED.
absl::Status CallEnded(const grpc::ServerContextBase& context) {
  auto deadline = context.deadline();
  if (deadline != std::chrono::system_clock::time_point::max() &&
      std::chrono::system_clock::now() >= deadline) {
    return absl::DeadlineExceededError("the call's deadline passed; the work stopped");
  }
  return absl::CancelledError("the client cancelled the call; the work stopped");
}

// A page of entities into a search or list response; the store's only
// INVALID_ARGUMENT there is a bad page token.
template <typename Response>
absl::Status EntityPageToProto(const grpc::ServerContextBase& context,
                               absl::StatusOr<graph::EntityPage> page,
                               Response* response) {
  if (absl::IsInvalidArgument(page.status())) {
    return InvalidFieldError("page_token", page.status().message());
  }
  if (absl::IsCancelled(page.status())) return CallEnded(context);
  if (!page.ok()) return page.status();
  for (const graph::Entity& entity : page->entities)
    ToProto(entity, response->add_entities());
  response->set_next_page_token(page->next_page_token);
  return absl::OkStatus();
}

}  // namespace

GraphServiceImpl::GraphServiceImpl(graph::Store* store,
                                   const importers::Extractor* extractor,
                                   GraphServiceOptions options)
    : store_(store),
      extractor_(extractor),
      options_(std::move(options)),
      entities_(store) {
  SetMessageAllocatorFor_GetTimeline(&timeline_arena_);
  SetMessageAllocatorFor_FindPaths(&paths_arena_);
  SetMessageAllocatorFor_GetNeighbors(&neighbors_arena_);
}

grpc::ServerUnaryReactor* GraphServiceImpl::GetEntity(
    grpc::CallbackServerContext* context, const v1::GetEntityRequest* request,
    v1::GetEntityResponse* response) {
  return Answer(context, [&] { return DoGetEntity(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoGetEntity(const grpc::ServerContextBase& context,
                                           const v1::GetEntityRequest& request,
                                           v1::GetEntityResponse* response) {
  // An unknown name searches the store's names for suggestions: stop with the call.
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  ENTENTE_ASSIGN_OR_RETURN(
      graph::Entity entity,
      ResolveEntity(entities_, request.entity(), "entity", cancellation.flag()));
  ToProto(entity, response->mutable_entity());
  std::shared_ptr<const graph::GraphView> view = store_->View();
  // Not in the view: known to the store, but no relation names it yet.
  if (std::optional<uint32_t> vertex = view->FindVertex(entity.id)) {
    response->set_relation_count(static_cast<int64_t>(view->Edges(*vertex).size()));
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::SearchEntities(
    grpc::CallbackServerContext* context, const v1::SearchEntitiesRequest* request,
    v1::SearchEntitiesResponse* response) {
  return Answer(context, [&] { return DoSearchEntities(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoSearchEntities(const grpc::ServerContextBase& context,
                                                const v1::SearchEntitiesRequest& request,
                                                v1::SearchEntitiesResponse* response) {
  if (NormalizeName(request.query()).empty()) {
    return InvalidFieldError("query", "a search text is required");
  }
  if (request.query().size() > kMaxEntityTextBytes) {
    return InvalidFieldError("query",
                             absl::StrCat("at most ", kMaxEntityTextBytes, " bytes, got ",
                                          QuoteInput(request.query())));
  }
  ENTENTE_ASSIGN_OR_RETURN(
      int page_size,
      CheckedSize(request.page_size(), graph::kDefaultEntityPageSize, "page_size"));
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  return EntityPageToProto(
      context,
      store_->SearchEntities(request.query(), page_size, request.page_token(),
                             cancellation.flag()),
      response);
}

grpc::ServerUnaryReactor* GraphServiceImpl::ListEntities(
    grpc::CallbackServerContext* context, const v1::ListEntitiesRequest* request,
    v1::ListEntitiesResponse* response) {
  return Answer(context, [&] { return DoListEntities(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoListEntities(const grpc::ServerContextBase& context,
                                              const v1::ListEntitiesRequest& request,
                                              v1::ListEntitiesResponse* response) {
  ENTENTE_ASSIGN_OR_RETURN(
      int page_size,
      CheckedSize(request.page_size(), graph::kDefaultEntityPageSize, "page_size"));
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  return EntityPageToProto(
      context, store_->ListEntities(page_size, request.page_token(), cancellation.flag()),
      response);
}

grpc::ServerUnaryReactor* GraphServiceImpl::GetTimeline(
    grpc::CallbackServerContext* context, const v1::GetTimelineRequest* request,
    v1::GetTimelineResponse* response) {
  return Answer(context, [&] { return DoGetTimeline(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoGetTimeline(const grpc::ServerContextBase& context,
                                             const v1::GetTimelineRequest& request,
                                             v1::GetTimelineResponse* response) {
  graph::TimelineQuery query;
  ENTENTE_ASSIGN_OR_RETURN(query.window, WindowFromProto(request.window(), "window"));
  ENTENTE_ASSIGN_OR_RETURN(query.types, TypesFromProto(request.types(), "types"));
  if (!v1::TimelineOrder_IsValid(request.order())) {
    return InvalidFieldError("order", absl::StrCat(request.order(), " is not an order"));
  }
  query.newest_first = request.order() == v1::TIMELINE_ORDER_NEWEST_FIRST;
  ENTENTE_ASSIGN_OR_RETURN(
      query.page_size,
      CheckedSize(request.page_size(), graph::kDefaultTimelinePageSize, "page_size"));
  query.page_token = request.page_token();
  // Entities last: the checks above are cheaper and need no store. An unknown
  // name searches the store's names for suggestions: stop with the call.
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  ENTENTE_ASSIGN_OR_RETURN(
      graph::Entity entity,
      ResolveEntity(entities_, request.entity(), "entity", cancellation.flag()));
  query.entity = entity.id;
  ToProto(entity, response->mutable_entity());
  if (!request.other().empty()) {
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity other,
        ResolveEntity(entities_, request.other(), "other", cancellation.flag()));
    query.other = other.id;
    ToProto(other, response->mutable_other());
  }
  absl::StatusOr<graph::TimelinePage> page = store_->GetTimeline(query);
  if (!page.ok()) {
    if (page.status().code() == absl::StatusCode::kInvalidArgument) {
      return InvalidFieldError("page_token", page.status().message());
    }
    return page.status();
  }
  response->mutable_relations()->Reserve(static_cast<int>(page->relations.size()));
  for (graph::Relation& relation : page->relations) {
    ToProto(std::move(relation), response->add_relations());
  }
  response->set_next_page_token(page->next_page_token);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::FindPaths(
    grpc::CallbackServerContext* context, const v1::FindPathsRequest* request,
    v1::FindPathsResponse* response) {
  return Answer(context, [&] { return DoFindPaths(*context, *request, response); });
}

absl::Time GraphServiceImpl::PathDeadline(const grpc::ServerContextBase& context) const {
  absl::Time deadline = absl::Now() + options_.max_path_time;
  auto client = context.deadline();
  if (client != std::chrono::system_clock::time_point::max()) {
    deadline = std::min(deadline, absl::FromChrono(client));
  }
  return deadline;
}

absl::Status GraphServiceImpl::DoFindPaths(const grpc::ServerContextBase& context,
                                           const v1::FindPathsRequest& request,
                                           v1::FindPathsResponse* response) {
  graph::PathQuery query;
  if (request.k() < 0 || request.k() > graph::kMaxPathCount) {
    return InvalidFieldError(
        "k", absl::StrCat("must be between 1 and ", graph::kMaxPathCount, ", got ",
                          request.k()));
  }
  query.k = request.k() == 0 ? 1 : request.k();
  if (request.max_hops() < 0 || request.max_hops() > graph::kMaxPathHops) {
    return InvalidFieldError(
        "max_hops", absl::StrCat("must be between 1 and ", graph::kMaxPathHops, ", got ",
                                 request.max_hops()));
  }
  query.max_hops = request.max_hops() == 0 ? graph::kDefaultPathHops : request.max_hops();
  ENTENTE_ASSIGN_OR_RETURN(query.types, TypesFromProto(request.types(), "types"));
  // Sanctions and downgrades are not ties: paths follow them only when asked.
  if (query.types.empty()) query.types = graph::CooperativeRelationTypes();
  ENTENTE_ASSIGN_OR_RETURN(query.window, WindowFromProto(request.window(), "window"));
  ENTENTE_ASSIGN_OR_RETURN(query.known_as_of_day,
                           LastDayFromString(request.known_as_of(), "known_as_of"));
  ENTENTE_ASSIGN_OR_RETURN(query.avoid_kinds,
                           KindMaskFromProto(request.avoid_kinds(), "avoid_kinds"));
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  query.cancelled = cancellation.flag();
  ENTENTE_ASSIGN_OR_RETURN(auto ends, ResolveEnds(request, response, query.cancelled));
  const auto& [from, to] = ends;
  query.from = from.id;
  query.to = to.id;
  query.max_expanded = options_.max_path_expanded;
  query.deadline = PathDeadline(context);

  std::shared_ptr<const graph::GraphView> view = store_->View();
  absl::StatusOr<graph::PathResult> result = graph::FindPaths(*view, query);
  if (absl::IsNotFound(result.status())) {
    // Known to the store but not yet in the published view: no relations yet.
    return absl::OkStatus();
  }
  if (!result.ok()) return result.status();
  if (result->truncated && result->truncation_reason == "cancelled") {
    return CallEnded(context);
  }
  response->set_truncated(result->truncated);
  response->set_truncation_reason(result->truncation_reason);
  for (const std::string& filter : result->blocking_filters) {
    response->add_blocking_filters(filter);
  }
  // Every hop's relation, all paths together, in one batched read.
  std::vector<uint64_t> hops;
  for (const graph::Path& path : result->paths) {
    hops.insert(hops.end(), path.relations.begin(), path.relations.end());
  }
  ENTENTE_ASSIGN_OR_RETURN(std::vector<graph::Relation> relations,
                           store_->GetRelations(hops));
  size_t next = 0;
  for (const graph::Path& path : result->paths) {
    v1::Path* out = response->add_paths();
    for (const std::string& id : path.entities) {
      ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<const graph::Entity> entity,
                               entities_.Get(id));
      ToProtoWithoutAliases(*entity, out->add_entities());
    }
    for (size_t i = 0; i < path.relations.size(); ++i) {
      ToProto(std::move(relations[next++]), out->add_relations());
      HopToProto(path.hops[i], out->add_hops());
    }
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::GetNeighbors(
    grpc::CallbackServerContext* context, const v1::GetNeighborsRequest* request,
    v1::GetNeighborsResponse* response) {
  return Answer(context, [&] { return DoGetNeighbors(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoGetNeighbors(const grpc::ServerContextBase& context,
                                              const v1::GetNeighborsRequest& request,
                                              v1::GetNeighborsResponse* response) {
  graph::NeighborQuery query;
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  query.cancelled = cancellation.flag();
  ENTENTE_ASSIGN_OR_RETURN(query.types, TypesFromProto(request.types(), "types"));
  ENTENTE_ASSIGN_OR_RETURN(query.window, WindowFromProto(request.window(), "window"));
  ENTENTE_ASSIGN_OR_RETURN(query.avoid_kinds,
                           KindMaskFromProto(request.avoid_kinds(), "avoid_kinds"));
  ENTENTE_ASSIGN_OR_RETURN(query.known_as_of_day,
                           LastDayFromString(request.known_as_of(), "known_as_of"));
  ENTENTE_ASSIGN_OR_RETURN(
      query.limit, CheckedSize(request.max_relations(), graph::kDefaultNeighborLimit,
                               "max_relations"));
  ENTENTE_ASSIGN_OR_RETURN(
      graph::Entity center,
      ResolveEntity(entities_, request.entity(), "entity", query.cancelled));
  query.entity = center.id;
  ToProto(center, response->mutable_entity());
  std::shared_ptr<const graph::GraphView> view = store_->View();
  absl::StatusOr<graph::NeighborResult> result = graph::FindNeighbors(*view, query);
  if (absl::IsNotFound(result.status())) return absl::OkStatus();  // No relations yet.
  if (absl::IsCancelled(result.status())) return CallEnded(context);
  if (!result.ok()) return result.status();
  response->set_truncated(result->truncated);
  absl::flat_hash_map<std::string, bool> listed;
  ENTENTE_ASSIGN_OR_RETURN(std::vector<graph::Relation> relations,
                           store_->GetRelations(result->relations));
  for (graph::Relation& relation : relations) {
    const std::string& other =
        relation.source.id == center.id ? relation.target.id : relation.source.id;
    if (listed.emplace(other, true).second) {
      ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<const graph::Entity> entity,
                               entities_.Get(other));
      ToProtoWithoutAliases(*entity, response->add_neighbors());
    }
    ToProto(std::move(relation), response->add_relations());
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* GraphServiceImpl::GetStats(grpc::CallbackServerContext* context,
                                                     const v1::GetStatsRequest* request,
                                                     v1::GetStatsResponse* response) {
  return Answer(context, [&] { return DoGetStats(*context, *request, response); });
}

absl::Status GraphServiceImpl::DoGetStats(const grpc::ServerContextBase& context,
                                          const v1::GetStatsRequest& request,
                                          v1::GetStatsResponse* response) {
  graph::StatsQuery query;
  CancellationWatcher::Scope cancellation(&cancellation_, &context);
  query.cancelled = cancellation.flag();
  ENTENTE_ASSIGN_OR_RETURN(query.window, WindowFromProto(request.window(), "window"));
  if (!request.entity().empty()) {
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity entity,
        ResolveEntity(entities_, request.entity(), "entity", query.cancelled));
    query.entity = entity.id;
  }
  absl::StatusOr<graph::Stats> stats = store_->GetStats(query);
  if (absl::IsCancelled(stats.status())) return CallEnded(context);
  if (absl::IsNotFound(stats.status()) && !query.entity.empty()) {
    return absl::OkStatus();  // Known entity, no relations in the view yet.
  }
  if (!stats.ok()) return stats.status();
  response->set_entities(stats->entities);
  response->set_relations(stats->relations);
  for (const auto& [type, count] : stats->by_type) {
    if (count == 0) continue;
    v1::TypeCount* out = response->add_by_type();
    out->set_type(ToProto(type));
    out->set_count(count);
  }
  for (const auto& [month, count] : stats->by_month) {
    if (count == 0) continue;
    v1::MonthCount* out = response->add_by_month();
    out->set_month(month);
    out->set_count(count);
  }
  return absl::OkStatus();
}

}  // namespace entente::service
