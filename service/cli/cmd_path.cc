// `entente path FROM TO`: the k shortest paths between two entities.

#include <ostream>

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

int RunPath(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
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
       {"sources", "", "list every report of each relation: outlet, date, quote"}});
  command.summary = "Find the shortest chains of relations between two entities.";
  command.details =
      "FROM and TO are ids, names, aliases, codes or unique prefixes\n"
      "(\"country:PAK\", \"Pakistan\", \"PAK\", \"EU\", \"Kazakh\").\n"
      "Paths ignore the direction of relations. By default they follow the\n"
      "cooperative types only: a sanction or a downgrade links two parties but is\n"
      "not a tie between them. Name those types in --types to follow them too\n"
      "(--types sanction,downgrade,visit,...).\n";
  command.examples =
      "  entente path Pakistan \"European Union\" --db ./store\n"
      "  entente path Pakistan \"European Union\" --k 3 --types "
      "partnership,diplomatic_relations \\\n"
      "      --between 2000-01-01,2027-01-01 --server 127.0.0.1:50051\n"
      "  entente path PAK EU --db ./store --dot | dot -Tsvg > path.svg\n";
  command.run = RunPath;
  return command;
}

}  // namespace entente::service::cli
