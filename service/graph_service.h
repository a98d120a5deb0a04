#ifndef ENTENTE_SERVICE_GRAPH_SERVICE_H_
#define ENTENTE_SERVICE_GRAPH_SERVICE_H_

// GraphServiceImpl: entente.v1.GraphService over a graph::Store.
//
// Every handler validates its request first (entity names resolve as
// entity_resolver.h says; limits below), converts with convert.h, runs the
// query, and converts errors with ToGrpcStatus. The same object serves a
// network server (server.h) and the CLI's in-process channel.
//
// Thread-safety: thread-safe; gRPC calls the handlers from many threads.

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/status_macros.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "graph/analytics.h"
#include "graph/store.h"
#include "graph/tie_graph.h"
#include "importers/extractor.h"
#include "service/arena_allocator.h"
#include "service/calls_in_flight.h"
#include "service/cancellation.h"
#include "service/convert.h"
#include "service/entity_cache.h"
#include "service/entity_resolver.h"
#include "service/grpc_status.h"
#include "service/relation_broadcaster.h"
#include "service/tie_graph_cache.h"

namespace entente::service {

struct GraphServiceOptions {
  // When not empty, ImportDigests (and with auth_all every RPC) requires the
  // metadata "authorization: Bearer <auth_token>", else UNAUTHENTICATED.
  std::string auth_token;
  bool auth_all = false;
  // The largest document ImportDigests accepts, after joining its pieces.
  // Default 256 MiB; larger is RESOURCE_EXHAUSTED.
  int64_t max_document_bytes = int64_t{256} << 20;
  // Relations a WatchRelations stream may fall behind before it is ended with
  // RESOURCE_EXHAUSTED. Default 4096.
  size_t watch_queue = RelationBroadcaster::kDefaultMaxQueue;
  // The longest a FindPaths search may run when the client sets no shorter
  // deadline; a longer search returns truncated with reason "deadline".
  // Default 10 s.
  absl::Duration max_path_time = absl::Seconds(10);
  // Vertices one FindPaths call may expand. Default 1,000,000.
  int64_t max_path_expanded = 1'000'000;
};

// The unary RPCs use gRPC's callback API: they run on gRPC's own threads with
// no hand-off to a thread pool, which matters at tens of thousands of calls a
// second on two cores. The two streaming RPCs, which block for long, use the
// synchronous API and its thread pool.
using GraphServiceBase = v1::GraphService::WithCallbackMethod_GetEntity<
    v1::GraphService::WithCallbackMethod_SearchEntities<
        v1::GraphService::WithCallbackMethod_ListEntities<
            v1::GraphService::WithCallbackMethod_GetTimeline<
                v1::GraphService::WithCallbackMethod_FindPaths<
                    v1::GraphService::WithCallbackMethod_GetNeighbors<
                        v1::GraphService::WithCallbackMethod_GetStats<
                            v1::GraphService::WithCallbackMethod_RankEntities<
                                v1::GraphService::WithCallbackMethod_FindBlocs<
                                    v1::GraphService::
                                        WithCallbackMethod_FindStrongestPaths<
                                            v1::GraphService::Service>>>>>>>>>>;

// A page size or count field: 0 means `fallback`; negative or above
// graph::kMaxPageSize is INVALID_ARGUMENT naming `field`. The request limits
// are graph/limits.h's; exceeding one is INVALID_ARGUMENT naming the field.
absl::StatusOr<int> CheckedSize(int32_t value, int fallback, absl::string_view field);

class GraphServiceImpl final : public GraphServiceBase {
 public:
  // Keeps `store` and `extractor`, which must outlive the service. A null
  // extractor makes ImportDigests fail with FAILED_PRECONDITION (read-only use).
  GraphServiceImpl(graph::Store* store, const importers::Extractor* extractor,
                   GraphServiceOptions options);

  grpc::ServerUnaryReactor* GetEntity(grpc::CallbackServerContext* context,
                                      const v1::GetEntityRequest* request,
                                      v1::GetEntityResponse* response) override;
  grpc::ServerUnaryReactor* SearchEntities(grpc::CallbackServerContext* context,
                                           const v1::SearchEntitiesRequest* request,
                                           v1::SearchEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* ListEntities(grpc::CallbackServerContext* context,
                                         const v1::ListEntitiesRequest* request,
                                         v1::ListEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* GetTimeline(grpc::CallbackServerContext* context,
                                        const v1::GetTimelineRequest* request,
                                        v1::GetTimelineResponse* response) override;
  grpc::ServerUnaryReactor* FindPaths(grpc::CallbackServerContext* context,
                                      const v1::FindPathsRequest* request,
                                      v1::FindPathsResponse* response) override;
  grpc::ServerUnaryReactor* GetNeighbors(grpc::CallbackServerContext* context,
                                         const v1::GetNeighborsRequest* request,
                                         v1::GetNeighborsResponse* response) override;
  grpc::Status ImportDigests(grpc::ServerContext* context,
                             grpc::ServerReader<v1::ImportDigestsRequest>* reader,
                             v1::ImportDigestsResponse* response) override;
  grpc::ServerUnaryReactor* GetStats(grpc::CallbackServerContext* context,
                                     const v1::GetStatsRequest* request,
                                     v1::GetStatsResponse* response) override;
  grpc::Status WatchRelations(
      grpc::ServerContext* context, const v1::WatchRelationsRequest* request,
      grpc::ServerWriter<v1::WatchRelationsResponse>* writer) override;
  // The tie-graph RPCs (graph_service_analytics.cc). They share FindPaths'
  // deadline (max_path_time, or the client's when sooner) and cancellation.
  grpc::ServerUnaryReactor* RankEntities(grpc::CallbackServerContext* context,
                                         const v1::RankEntitiesRequest* request,
                                         v1::RankEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* FindBlocs(grpc::CallbackServerContext* context,
                                      const v1::FindBlocsRequest* request,
                                      v1::FindBlocsResponse* response) override;
  grpc::ServerUnaryReactor* FindStrongestPaths(
      grpc::CallbackServerContext* context, const v1::FindStrongestPathsRequest* request,
      v1::FindStrongestPathsResponse* response) override;

  // Ends every WatchRelations stream (UNAVAILABLE) and refuses new ones, so that
  // a graceful server shutdown only waits for unary calls and imports.
  void BeginShutdown();
  // The unary calls and ImportDigests calls running now (not the watch
  // streams, which BeginShutdown ends): what a graceful shutdown waits for.
  const CallsInFlight& calls_in_flight() const { return calls_in_flight_; }

  // The broadcaster imports publish to; other importers in the process (none
  // today) may publish too.
  RelationBroadcaster& broadcaster() { return broadcaster_; }

 private:
  // UNAUTHENTICATED unless the call carries the token (when one is required
  // for this kind of call).
  absl::Status Authorize(const grpc::ServerContextBase& context, bool is_import) const;
  // Authorizes, runs `handler` (an absl::Status()) and finishes the call.
  template <typename Handler>
  grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context, Handler handler);
  absl::Status DoGetEntity(const grpc::ServerContextBase& context,
                           const v1::GetEntityRequest& request,
                           v1::GetEntityResponse* response);
  absl::Status DoSearchEntities(const grpc::ServerContextBase& context,
                                const v1::SearchEntitiesRequest& request,
                                v1::SearchEntitiesResponse* response);
  absl::Status DoListEntities(const grpc::ServerContextBase& context,
                              const v1::ListEntitiesRequest& request,
                              v1::ListEntitiesResponse* response);
  absl::Status DoGetTimeline(const grpc::ServerContextBase& context,
                             const v1::GetTimelineRequest& request,
                             v1::GetTimelineResponse* response);
  absl::Status DoFindPaths(const grpc::ServerContextBase& context,
                           const v1::FindPathsRequest& request,
                           v1::FindPathsResponse* response);
  absl::Status DoGetNeighbors(const grpc::ServerContextBase& context,
                              const v1::GetNeighborsRequest& request,
                              v1::GetNeighborsResponse* response);
  absl::Status DoGetStats(const grpc::ServerContextBase& context,
                          const v1::GetStatsRequest& request,
                          v1::GetStatsResponse* response);
  absl::Status DoImport(grpc::ServerContext* context,
                        grpc::ServerReader<v1::ImportDigestsRequest>* reader,
                        v1::ImportDigestsResponse* response);
  absl::Status DoWatch(grpc::ServerContext* context,
                       const v1::WatchRelationsRequest& request,
                       grpc::ServerWriter<v1::WatchRelationsResponse>* writer);
  // Resolves a request's from_entity and to_entity (FindPaths,
  // FindStrongestPaths) and sets the response's; errors name the field.
  template <typename Request, typename Response>
  absl::StatusOr<std::pair<graph::Entity, graph::Entity>> ResolveEnds(
      const Request& request, Response* response,
      const std::atomic<bool>* cancelled) const {
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity from,
        ResolveEntity(entities_, request.from_entity(), "from_entity", cancelled));
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity to,
        ResolveEntity(entities_, request.to_entity(), "to_entity", cancelled));
    ToProto(from, response->mutable_from_entity());
    ToProto(to, response->mutable_to_entity());
    return std::pair(std::move(from), std::move(to));
  }
  // The search deadline of a path call: the client's, capped at max_path_time.
  absl::Time PathDeadline(const grpc::ServerContextBase& context) const;

  // A tie graph over the current view, with the bounds its queries run under.
  struct BuiltTies {
    std::shared_ptr<const graph::GraphView> view;  // Keeps the snapshot alive.
    std::shared_ptr<const graph::TieGraph> ties;   // Shared with tie_graphs_.
    graph::AnalyticsBounds bounds;
  };
  // From tie_graphs_ when it holds one for the spec and the current view,
  // else built and added. InvalidArgument naming `field`.* for a bad spec.
  absl::StatusOr<BuiltTies> BuildTies(const grpc::ServerContextBase& context,
                                      const v1::TieGraphSpec& spec,
                                      absl::string_view field,
                                      const std::atomic<bool>* cancelled);
  // The tie-graph vertices a list of entities (RankEntitiesRequest.region,
  // from_group, to_group) names: each entity, and an organization's members.
  // Errors name `field`[i]; names are resolved as ResolveEntity does, with
  // `cancelled`.
  absl::StatusOr<absl::flat_hash_set<uint32_t>> RegionVertices(
      const graph::TieGraph& ties,
      const google::protobuf::RepeatedPtrField<std::string>& region,
      absl::string_view field, const std::atomic<bool>* cancelled) const;
  // The focus and groups of a ranking; sets response->focus.
  absl::StatusOr<graph::RankOptions> RankOptionsFromProto(
      const graph::TieGraph& ties, const v1::RankEntitiesRequest& request,
      const std::atomic<bool>* cancelled, v1::RankEntitiesResponse* response) const;
  // The entity without aliases; NotFound when the store lacks it.
  absl::Status EntityToProto(absl::string_view id, v1::Entity* out) const;
  absl::Status DoRankEntities(const grpc::ServerContextBase& context,
                              const v1::RankEntitiesRequest& request,
                              v1::RankEntitiesResponse* response);
  absl::Status DoFindBlocs(const grpc::ServerContextBase& context,
                           const v1::FindBlocsRequest& request,
                           v1::FindBlocsResponse* response);
  absl::Status DoFindStrongestPaths(const grpc::ServerContextBase& context,
                                    const v1::FindStrongestPathsRequest& request,
                                    v1::FindStrongestPathsResponse* response);

  graph::Store* const store_;
  const importers::Extractor* const extractor_;
  const GraphServiceOptions options_;
  EntityCache entities_;  // Cleared by imports.
  RelationBroadcaster broadcaster_;
  CallsInFlight calls_in_flight_;
  CancellationWatcher cancellation_;
  TieGraphCache tie_graphs_;
  ArenaMessageAllocator<v1::GetTimelineRequest, v1::GetTimelineResponse> timeline_arena_;
  ArenaMessageAllocator<v1::FindPathsRequest, v1::FindPathsResponse> paths_arena_;
  ArenaMessageAllocator<v1::GetNeighborsRequest, v1::GetNeighborsResponse>
      neighbors_arena_;
};

template <typename Handler>
grpc::ServerUnaryReactor* GraphServiceImpl::Answer(grpc::CallbackServerContext* context,
                                                   Handler handler) {
  CallsInFlight::Scope in_flight(&calls_in_flight_);
  absl::Status status = Authorize(*context, /*is_import=*/false);
  if (status.ok()) status = handler();
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_GRAPH_SERVICE_H_
