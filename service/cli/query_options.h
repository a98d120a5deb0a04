#ifndef ENTENTE_SERVICE_CLI_QUERY_OPTIONS_H_
#define ENTENTE_SERVICE_CLI_QUERY_OPTIONS_H_

// Options shared by the query commands (path, timeline, entity, neighbors,
// stats) and their conversion into entente.v1 request fields. Every function
// returns InvalidArgument naming the option for a bad value, which the
// commands report as a usage error (exit 2).
//
// Thread-safety: pure functions.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "entente/v1/graph_service.pb.h"
#include "service/cli/args.h"
#include "service/cli/client.h"
#include "service/cli/command.h"
#include "service/cli/dates.h"
#include "service/cli/render.h"

namespace entente::service::cli {

// --server, --db, --tls-ca, --token-file, --timeout, --json, and --dot when
// the command draws graphs; then `extra`.
std::vector<OptionSpec> QueryOptionSpecs(bool with_dot, std::vector<OptionSpec> extra);

// --limit N (`what` per page, default `default_limit`, at most 1000), --all
// and --page-token T, for the commands that page (timeline, entities).
std::vector<OptionSpec> PagingOptionSpecs(absl::string_view what, int default_limit);

// One page of a paged RPC, or with `all` every page from the request's
// page_token on joined into one response: the first page as it came, the
// items of later pages appended by `append(page, response)`, and the last
// page's next_page_token. `call(context, request, page)` is the stub method.
template <typename Request, typename Response, typename Call, typename Append>
absl::Status FetchPages(GraphClient& client, Request request, bool all,
                        Response* response, Call call, Append append) {
  for (bool first = true;; first = false) {
    Response page;
    std::unique_ptr<grpc::ClientContext> context = client.NewContext();
    grpc::Status status = call(context.get(), request, &page);
    if (!status.ok()) return FromGrpc(status);
    if (first) {
      *response = std::move(page);
    } else {
      append(page, response);
      response->set_next_page_token(page.next_page_token());
    }
    if (!all || response->next_page_token().empty()) return absl::OkStatus();
    request.set_page_token(response->next_page_token());
  }
}

// --json / --dot (mutually exclusive); table otherwise.
absl::StatusOr<OutputFormat> OutputFormatFromArgs(const ParsedArgs& args);

// --types "partnership,agreement" as proto enums; empty when absent.
absl::StatusOr<std::vector<entente::v1::RelationType>> TypesFromArgs(
    const ParsedArgs& args);
// --avoid "event,person" as proto enums; empty when absent.
absl::StatusOr<std::vector<entente::v1::EntityKind>> AvoidKindsFromArgs(
    const ParsedArgs& args);

// The range as the proto's window ("since"/"until" strings, inclusive).
entente::v1::TimeWindow ToProtoWindow(const DateRange& range);

// The graph filters path and neighbors share: --types, --avoid, --as-of, and
// `range` as the window. Request is FindPathsRequest or GetNeighborsRequest.
template <typename Request>
absl::Status FillGraphFilters(const ParsedArgs& args, const DateRange& range,
                              Request* request) {
  absl::StatusOr<std::vector<entente::v1::RelationType>> types = TypesFromArgs(args);
  if (!types.ok()) return types.status();
  for (entente::v1::RelationType type : *types) request->add_types(type);
  absl::StatusOr<std::vector<entente::v1::EntityKind>> avoid = AvoidKindsFromArgs(args);
  if (!avoid.ok()) return avoid.status();
  for (entente::v1::EntityKind kind : *avoid) request->add_avoid_kinds(kind);
  *request->mutable_window() = ToProtoWindow(range);
  if (args.Has("as-of")) {
    absl::StatusOr<graph::DateWithPrecision> as_of =
        ParseDateOption("as-of", args.Get("as-of"));
    if (!as_of.ok()) return as_of.status();
    request->set_known_as_of(as_of->ToString());
  }
  return absl::OkStatus();
}

// The tie-graph options of rank, blocs and path --strongest: --types,
// --since/--until or --between, --as-of and --half-life.
std::vector<OptionSpec> TieSpecOptionSpecs();
// Those options as a TieGraphSpec.
absl::StatusOr<entente::v1::TieGraphSpec> TieSpecFromArgs(const ParsedArgs& args);

// How a command prints its response in each output format; --json always
// prints the whole response as one line of protobuf JSON.
template <typename Response>
struct Printers {
  std::function<std::string(const Response&)> lines;  // --jsonl.
  std::function<std::string(const Response&)> dot;    // --dot.
  std::function<std::string(const Response&)> table;  // The default.
};

// Calls `method` of the client's stub with a fresh context (GraphClient::
// NewContext) and prints the response as `format` says; returns the call's
// failure.
template <typename Request, typename Response>
absl::Status CallAndPrint(GraphClient& client,
                          grpc::Status (entente::v1::GraphService::Stub::*method)(
                              grpc::ClientContext*, const Request&, Response*),
                          const Request& request, OutputFormat format,
                          const Printers<Response>& printers, CommandIo& io) {
  Response response;
  std::unique_ptr<grpc::ClientContext> context = client.NewContext();
  grpc::Status status = (client.stub().*method)(context.get(), request, &response);
  if (!status.ok()) return FromGrpc(status);
  switch (format) {
    case OutputFormat::kJson:
      io.out << JsonLine(response);
      break;
    case OutputFormat::kJsonLines:
      io.out << printers.lines(response);
      break;
    case OutputFormat::kDot:
      io.out << printers.dot(response);
      break;
    case OutputFormat::kTable:
      io.out << printers.table(response);
      break;
  }
  return absl::OkStatus();
}

// Connects as --server/--db say and runs `body`; returns the exit code: 2
// when the connection options are wrong, 1 when connecting or `body` fails
// (its message on stderr), 0 otherwise. Defined in connect.cc (see client.h).
int RunWithClient(const Command& command, const ParsedArgs& args, CommandIo& io,
                  const std::function<absl::Status(GraphClient&)>& body);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_QUERY_OPTIONS_H_
