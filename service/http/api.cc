#include "service/http/api.h"

#include <chrono>
#include <functional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/json_string.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/client_context.h"
#include "service/grpc_status.h"
#include "service/http/json_printer.h"
#include "service/http/path_svg.h"
#include "service/http/query_request.h"

namespace entente::service::http {
namespace {

using google::protobuf::Message;
using Stub = v1::GraphService::Stub;

// One API method: a fresh request and response, and the call that fills one
// from the other.
struct Call {
  std::unique_ptr<Message> request;
  std::unique_ptr<Message> response;
  std::function<grpc::Status(grpc::ClientContext*)> invoke;
};

template <typename Request, typename Response,
          grpc::Status (Stub::*kMethod)(grpc::ClientContext*, const Request&, Response*)>
Call MakeCall(Stub& stub) {
  auto request = std::make_unique<Request>();
  auto response = std::make_unique<Response>();
  Call call;
  call.invoke = [&stub, req = request.get(),
                 resp = response.get()](grpc::ClientContext* context) {
    return (stub.*kMethod)(context, *req, resp);
  };
  call.request = std::move(request);
  call.response = std::move(response);
  return call;
}

enum class Output { kJson, kSvg };

struct Route {
  // Segments; "{name}" matches one segment and sets the request field `name`.
  absl::string_view pattern;
  Call (*make)(Stub&);
  Output output = Output::kJson;
};

const std::vector<Route>& Routes() {
  static const auto* const kRoutes = new std::vector<Route>{
      {"/api/v1/entities/{entity}",
       MakeCall<v1::GetEntityRequest, v1::GetEntityResponse, &Stub::GetEntity>},
      {"/api/v1/entities/{entity}/timeline",
       MakeCall<v1::GetTimelineRequest, v1::GetTimelineResponse, &Stub::GetTimeline>},
      {"/api/v1/entities/{entity}/neighbors",
       MakeCall<v1::GetNeighborsRequest, v1::GetNeighborsResponse, &Stub::GetNeighbors>},
      {"/api/v1/entities",
       MakeCall<v1::ListEntitiesRequest, v1::ListEntitiesResponse, &Stub::ListEntities>},
      {"/api/v1/search", MakeCall<v1::SearchEntitiesRequest, v1::SearchEntitiesResponse,
                                  &Stub::SearchEntities>},
      {"/api/v1/rank",
       MakeCall<v1::RankEntitiesRequest, v1::RankEntitiesResponse, &Stub::RankEntities>},
      {"/api/v1/blocs",
       MakeCall<v1::FindBlocsRequest, v1::FindBlocsResponse, &Stub::FindBlocs>},
      {"/api/v1/strongest-paths",
       MakeCall<v1::FindStrongestPathsRequest, v1::FindStrongestPathsResponse,
                &Stub::FindStrongestPaths>},
      {"/api/v1/paths",
       MakeCall<v1::FindPathsRequest, v1::FindPathsResponse, &Stub::FindPaths>},
      {"/api/v1/stats",
       MakeCall<v1::GetStatsRequest, v1::GetStatsResponse, &Stub::GetStats>},
      {"/svg/paths",
       MakeCall<v1::FindPathsRequest, v1::FindPathsResponse, &Stub::FindPaths>,
       Output::kSvg},
  };
  return *kRoutes;
}

// Short names a URL may use for long request fields.
std::string Canonical(absl::string_view name) {
  if (name == "from") return "from_entity";
  if (name == "to") return "to_entity";
  return std::string(name);
}

// The route `path` matches, with its path variables; null when none does.
const Route* Match(absl::string_view path, QueryParams* variables) {
  std::vector<absl::string_view> segments = absl::StrSplit(path, '/');
  for (const Route& route : Routes()) {
    std::vector<absl::string_view> expected = absl::StrSplit(route.pattern, '/');
    if (expected.size() != segments.size()) continue;
    QueryParams found;
    bool matches = true;
    for (size_t i = 0; i < expected.size() && matches; ++i) {
      if (absl::StartsWith(expected[i], "{")) {
        absl::StatusOr<std::string> value = PercentDecode(segments[i], false);
        matches = !segments[i].empty();
        found.emplace_back(expected[i].substr(1, expected[i].size() - 2),
                           value.ok() ? *value : std::string(segments[i]));
      } else {
        matches = expected[i] == segments[i];
      }
    }
    if (matches) {
      *variables = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

ApiReply ErrorBody(int http_status, grpc::StatusCode code, absl::string_view message,
                   absl::string_view field) {
  ApiReply reply;
  reply.status = http_status;
  reply.body =
      absl::StrCat(R"({"error":{"code":)", http_status, R"(,"status":)",
                   common::JsonString(StatusCodeName(code)), R"(,"message":)",
                   common::JsonString(message), field.empty() ? "" : R"(,"field":)",
                   field.empty() ? "" : common::JsonString(field), "}}");
  return reply;
}

// Fills the request from the URL (GET) or the JSON body (POST), path variables
// last so that they win.
absl::Status ReadRequest(const ApiRequest& request, absl::string_view query,
                         const QueryParams& variables, Message& message) {
  if (request.method == "POST") {
    google::protobuf::util::JsonParseOptions options;
    auto status =
        google::protobuf::util::JsonStringToMessage(request.body, &message, options);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("the body is not a JSON ",
                                                     message.GetTypeName(), ": ",
                                                     std::string(status.message())));
    }
  } else {
    absl::StatusOr<QueryParams> params = ParseQuery(query);
    if (!params.ok()) return params.status();
    for (auto& [name, value] : *params) name = Canonical(name);
    if (absl::Status status = FillRequest(*params, message); !status.ok()) return status;
  }
  return FillRequest(variables, message);
}

}  // namespace

int HttpStatusOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}

ApiReply ErrorReply(const grpc::Status& status) {
  return ErrorBody(HttpStatusOf(status.error_code()), status.error_code(),
                   status.error_message(), DecodeBadRequestField(status.error_details()));
}

ApiReply ErrorReply(const absl::Status& status) {
  const auto code = static_cast<grpc::StatusCode>(static_cast<int>(status.code()));
  return ErrorBody(HttpStatusOf(code), code, status.message(), ViolatedField(status));
}

Api::Api(std::shared_ptr<grpc::Channel> channel, int unary_timeout_seconds)
    : stub_(v1::GraphService::NewStub(std::move(channel))),
      unary_timeout_seconds_(unary_timeout_seconds) {}

bool Api::Serves(absl::string_view target) {
  absl::string_view path = target.substr(0, target.find('?'));
  return absl::StartsWith(path, "/api/") || absl::StartsWith(path, "/svg/");
}

ApiReply Api::Handle(const ApiRequest& request) const {
  const size_t question = request.target.find('?');
  absl::string_view target = request.target;
  absl::string_view path = target.substr(0, question);
  absl::string_view query =
      question == absl::string_view::npos ? "" : target.substr(question + 1);
  QueryParams variables;
  const Route* route = Match(path, &variables);
  if (route == nullptr) {
    return ErrorBody(404, grpc::StatusCode::NOT_FOUND,
                     absl::StrCat("no API method at ", QuoteInput(path),
                                  "; see the table in README.md"),
                     "");
  }
  if (request.method != "GET" && request.method != "POST") {
    return ErrorBody(405, grpc::StatusCode::UNIMPLEMENTED,
                     absl::StrCat(QuoteInput(path), " answers GET and POST"), "");
  }
  Call call = route->make(*stub_);
  if (absl::Status status = ReadRequest(request, query, variables, *call.request);
      !status.ok()) {
    return ErrorReply(status);
  }
  grpc::ClientContext context;
  if (!request.authorization.empty()) {
    context.AddMetadata("authorization", request.authorization);
  }
  // Path searches carry their own deadline in the service; the rest get the API's.
  if (route->pattern != "/api/v1/paths" && route->pattern != "/api/v1/strongest-paths" &&
      route->output == Output::kJson) {
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(unary_timeout_seconds_));
  }
  grpc::Status status = call.invoke(&context);
  if (!status.ok()) return ErrorReply(status);
  ApiReply reply;
  if (route->output == Output::kSvg) {
    absl::StatusOr<std::string> svg =
        PathsSvg(static_cast<const v1::FindPathsResponse&>(*call.response));
    if (!svg.ok()) return ErrorReply(svg.status());
    reply.content_type = "image/svg+xml";
    reply.body = *std::move(svg);
    return reply;
  }
  reply.body = PrintJson(*call.response);
  return reply;
}

}  // namespace entente::service::http
