#ifndef ENTENTE_SERVICE_HTTP_API_H_
#define ENTENTE_SERVICE_HTTP_API_H_

// The JSON API: entente.v1.GraphService over HTTP, under /api/v1/.
//
//   GET /api/v1/entities/{entity}            GetEntity
//   GET /api/v1/entities/{entity}/timeline   GetTimeline (other=... for a pair)
//   GET /api/v1/entities/{entity}/neighbors  GetNeighbors
//   GET /api/v1/search?query=...             SearchEntities
//   GET /api/v1/paths?from=...&to=...&k=3    FindPaths (from/to: from_entity/to_entity)
//   GET /api/v1/stats[?entity=...]           GetStats
//   GET /svg/paths?from=...&to=...&k=3       FindPaths drawn as SVG (path_svg.h)
//
// Requests are the proto request messages: path variables and query parameters
// set their fields (query_request.h); a POST to the same path may instead carry
// the request as JSON (the proto's JSON mapping), the path variables set over
// it. Responses are the proto response messages in the JSON mapping (field
// names in lowerCamelCase, enums by name, int64 as strings; json_printer.h).
//
// Every call goes to GraphServiceImpl through a gRPC channel (in the server, its
// in-process channel), so that authentication, limits and errors are the
// service's own. The "authorization" header is passed on as gRPC metadata. An
// error is the HTTP status of its gRPC code and the body
//   {"error": {"code": 400, "status": "INVALID_ARGUMENT",
//              "message": "page_size: must be at most 1000", "field": "page_size"}}
// ("field" only when the error names one).
//
// Thread-safety: thread-safe; Handle may be called from many threads.

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "grpcpp/channel.h"
#include "grpcpp/support/status.h"

namespace entente::service::http {

// An HTTP request as the API sees it.
struct ApiRequest {
  std::string method;         // "GET", "POST", ...
  std::string target;         // Path and query, as sent ("/api/v1/stats?entity=x").
  std::string authorization;  // The Authorization header; "" when absent.
  std::string body;           // The request body (POST).
};

// An HTTP answer: status, content type and body.
struct ApiReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// The HTTP status of a gRPC code (google.rpc.Code's HTTP mapping).
int HttpStatusOf(grpc::StatusCode code);

// The reply of a failed call: its HTTP status and the JSON error body above.
ApiReply ErrorReply(const grpc::Status& status);
// Same for an absl::Status raised before the call (the field it names, if any).
ApiReply ErrorReply(const absl::Status& status);

class Api {
 public:
  // Keeps `channel`; calls time out after `unary_timeout_seconds` (FindPaths
  // has its own budget on the server, max_path_time).
  explicit Api(std::shared_ptr<grpc::Channel> channel, int unary_timeout_seconds = 60);

  // True when `target`'s path is one Handle answers.
  static bool Serves(absl::string_view target);

  // Answers one request. Never fails: errors become error replies (404 for an
  // unknown path, 405 for a method other than GET or POST).
  ApiReply Handle(const ApiRequest& request) const;

  // The stub the server uses for the streaming call (WatchRelations).
  v1::GraphService::Stub& stub() const { return *stub_; }

 private:
  std::unique_ptr<v1::GraphService::Stub> stub_;
  int unary_timeout_seconds_;
};

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_API_H_
