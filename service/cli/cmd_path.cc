// `entente path FROM TO`: the k shortest paths between two entities.

#include <ostream>

#include "absl/strings/str_cat.h"
#include "service/cli/command.h"
#include "service/cli/jsonl.h"
#include "service/cli/query_options.h"
#include "service/cli/resolve.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

// Everything the command line says, checked before connecting.
absl::StatusOr<v1::FindPathsRequest> RequestFromArgs(const ParsedArgs& args) {
  v1::FindPathsRequest request;
  absl::StatusOr<int> k = args.GetInt("k", 3, 1, 50);
  if (!k.ok()) return k.status();
  request.set_k(*k);
  absl::StatusOr<int> hops = args.GetInt("max-hops", 6, 1, 8);
  if (!hops.ok()) return hops.status();
  request.set_max_hops(*hops);
  absl::StatusOr<DateRange> range = ParseDateRange(args.Get("between"), "", "");
  if (!range.ok()) return range.status();
  absl::Status filters = FillGraphFilters(args, *range, &request);
  if (!filters.ok()) return filters;
  return request;
}

// --strongest: the chains of ties with the highest product of tie weights.
absl::StatusOr<v1::FindStrongestPathsRequest> StrongestRequestFromArgs(
    const ParsedArgs& args) {
  for (const char* option : {"avoid", "max-hops"}) {
    if (args.Has(option)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", option, " does not apply to --strongest"));
    }
  }
  v1::FindStrongestPathsRequest request;
  absl::StatusOr<int> k = args.GetInt("k", 3, 1, 20);
  if (!k.ok()) return k.status();
  request.set_k(*k);
  absl::StatusOr<v1::TieGraphSpec> spec = TieSpecFromArgs(args);
  if (!spec.ok()) return spec.status();
  *request.mutable_ties() = *std::move(spec);
  return request;
}

int RunStrongest(const Command& self, const ParsedArgs& args, OutputFormat format,
                 CommandIo& io) {
  absl::StatusOr<v1::FindStrongestPathsRequest> request = StrongestRequestFromArgs(args);
  if (!request.ok()) return UsageError(self, request.status(), io);
  request->set_from_entity(args.positional()[0]);
  request->set_to_entity(args.positional()[1]);
  const bool with_sources = args.Has("sources");
  Printers<v1::FindStrongestPathsResponse> printers{
      [](const v1::FindStrongestPathsResponse& response) {
        std::string lines;
        for (const v1::StrongestPath& path : response.paths()) lines += JsonLine(path);
        return lines;
      },
      StrongestPathsDot,
      [with_sources](const v1::FindStrongestPathsResponse& response) {
        return StrongestPathsTable(response, with_sources);
      }};
  return RunWithClient(self, args, io, [&](GraphClient& client) {
    return CallAndPrint(client, &v1::GraphService::Stub::FindStrongestPaths, *request,
                        format, printers, io);
  });
}

int RunPath(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  if (args.Has("strongest")) return RunStrongest(self, args, *format, io);
  if (args.Has("half-life")) {
    return UsageError(self, absl::InvalidArgumentError("--half-life needs --strongest"),
                      io);
  }
  absl::StatusOr<v1::FindPathsRequest> request = RequestFromArgs(args);
  if (!request.ok()) return UsageError(self, request.status(), io);
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    absl::StatusOr<v1::Entity> from = ResolveEntity(client, args.positional()[0]);
    if (!from.ok()) return from.status();
    absl::StatusOr<v1::Entity> to = ResolveEntity(client, args.positional()[1]);
    if (!to.ok()) return to.status();
    request->set_from_entity(from->id());
    request->set_to_entity(to->id());
    v1::FindPathsResponse response;
    std::unique_ptr<grpc::ClientContext> context = client.NewContext();
    grpc::Status status = client.stub().FindPaths(context.get(), *request, &response);
    if (!status.ok()) return FromGrpc(status);
    switch (*format) {
      case OutputFormat::kJson:
        io.out << JsonLine(response);
        break;
      case OutputFormat::kJsonLines:
        io.out << PathLines(response);
        break;
      case OutputFormat::kDot:
        io.out << PathsDot(response);
        break;
      case OutputFormat::kTable:
        io.out << PathsTable(response, args.Has("sources"), request->k());
        break;
    }
    return absl::OkStatus();
  });
}

}  // namespace

Command PathCommand() {
  Command command;
  command.spec.command = "path";
  command.spec.positional_usage = "FROM TO";
  command.spec.min_positional = 2;
  command.spec.max_positional = 2;
  command.spec.options = QueryOptionSpecs(
      /*with_dot=*/true,
      {{"k", "N", "number of shortest paths (default 3, at most 50)"},
       {"types", "LIST",
        "relation types a path may use: partnership,agreement,... (default: all but "
        "sanction and downgrade)"},
       {"between", "FROM,TO",
        "relations dated in this range (YYYY[-MM[-DD]], inclusive)"},
       {"as-of", "DATE", "only relations reported by DATE (what was known then)"},
       {"avoid", "KINDS", "entity kinds not to pass through: event,person,..."},
       {"max-hops", "N", "longest path in relations (default 6, at most 8)"},
       {"sources", "", "list every report of each relation: outlet, date, quote"},
       {"strongest", "",
        "the k chains of ties between countries and organizations with the highest "
        "product of tie weights (see `entente rank --help`), each hop with its newest "
        "relations; k at most 20"},
       {"half-life", "DAYS", "with --strongest: the recency half-life (default 365)"}});
  command.summary = "Find the shortest chains of relations between two entities.";
  command.details =
      "FROM and TO are ids, names, aliases, codes or unique prefixes\n"
      "(\"country:PAK\", \"Pakistan\", \"PAK\", \"EU\", \"Kazakh\").\n"
      "Paths ignore the direction of relations. By default they follow the\n"
      "cooperative types only: a sanction or a downgrade links two parties but is\n"
      "not a tie between them. Name those types in --types to follow them too\n"
      "(--types sanction,downgrade,visit,...).\n"
      "With --strongest the chains run over the tie graph instead: one tie per pair\n"
      "of countries or organizations, weighted by the number, types and recency of\n"
      "its relations; the strongest chain is not always the shortest.\n";
  command.examples =
      "  entente path Pakistan \"European Union\" --db ./store\n"
      "  entente path Pakistan \"European Union\" --strongest --between 2022,2026 --db "
      "./store\n"
      "  entente path Pakistan \"European Union\" --k 3 --types "
      "partnership,diplomatic_relations \\\n"
      "      --between 2000-01-01,2027-01-01 --server 127.0.0.1:50051\n"
      "  entente path PAK EU --db ./store --dot | dot -Tsvg > path.svg\n";
  command.run = RunPath;
  return command;
}

}  // namespace entente::service::cli
