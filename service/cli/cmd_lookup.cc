// `entente entity`, `entente neighbors` and `entente stats`: lookups around
// one entity or the whole graph.

#include <ostream>

#include "absl/strings/str_cat.h"
#include "service/cli/command.h"
#include "service/cli/jsonl.h"
#include "service/cli/query_options.h"
#include "service/cli/resolve.h"
#include "service/cli/table.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

int RunEntity(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    absl::StatusOr<v1::Entity> entity = ResolveEntity(client, args.positional()[0]);
    if (!entity.ok()) return entity.status();
    v1::GetEntityRequest request;
    request.set_entity(entity->id());
    v1::GetEntityResponse response;
    std::unique_ptr<grpc::ClientContext> context = client.NewContext();
    grpc::Status status = client.stub().GetEntity(context.get(), request, &response);
    if (!status.ok()) return FromGrpc(status);
    io.out << (*format == OutputFormat::kJson || *format == OutputFormat::kJsonLines
                   ? JsonLine(response)
                   : EntityText(response));
    return absl::OkStatus();
  });
}

int RunEntities(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  absl::StatusOr<int> limit = args.GetInt("limit", 100, 1, 1000);
  if (!limit.ok()) return UsageError(self, limit.status(), io);
  v1::ListEntitiesRequest request;
  request.set_page_size(*limit);
  request.set_page_token(args.Get("page-token"));
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    v1::ListEntitiesResponse response;
    absl::Status status = FetchPages(
        client, request, args.Has("all"), &response,
        [&](grpc::ClientContext* context, const v1::ListEntitiesRequest& page_request,
            v1::ListEntitiesResponse* page) {
          return client.stub().ListEntities(context, page_request, page);
        },
        [](v1::ListEntitiesResponse& page, v1::ListEntitiesResponse* whole) {
          for (v1::Entity& entity : *page.mutable_entities()) {
            *whole->add_entities() = std::move(entity);
          }
        });
    if (!status.ok()) return status;
    switch (*format) {
      case OutputFormat::kJson:
        io.out << JsonLine(response);
        break;
      case OutputFormat::kJsonLines:
        for (const v1::Entity& entity : response.entities()) io.out << JsonLine(entity);
        break;
      default:
        io.out << EntitiesTable(response);
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::GetNeighborsRequest> NeighborsRequest(const ParsedArgs& args) {
  v1::GetNeighborsRequest request;
  absl::StatusOr<DateRange> range =
      ParseDateRange("", args.Get("since"), args.Get("until"));
  if (!range.ok()) return range.status();
  absl::Status filters = FillGraphFilters(args, *range, &request);
  if (!filters.ok()) return filters;
  absl::StatusOr<int> limit = args.GetInt("limit", 100, 1, 1000);
  if (!limit.ok()) return limit.status();
  request.set_max_relations(*limit);
  return request;
}

int RunNeighbors(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  absl::StatusOr<v1::GetNeighborsRequest> request = NeighborsRequest(args);
  if (!request.ok()) return UsageError(self, request.status(), io);
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    absl::StatusOr<v1::Entity> entity = ResolveEntity(client, args.positional()[0]);
    if (!entity.ok()) return entity.status();
    request->set_entity(entity->id());
    v1::GetNeighborsResponse response;
    std::unique_ptr<grpc::ClientContext> context = client.NewContext();
    grpc::Status status = client.stub().GetNeighbors(context.get(), *request, &response);
    if (!status.ok()) return FromGrpc(status);
    switch (*format) {
      case OutputFormat::kJson:
        io.out << JsonLine(response);
        break;
      case OutputFormat::kJsonLines:
        io.out << RelationLines(response.relations());
        break;
      case OutputFormat::kDot:
        io.out << NeighborsDot(response);
        break;
      case OutputFormat::kTable:
        io.out << NeighborsTable(response);
        break;
    }
    return absl::OkStatus();
  });
}

int RunStats(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  absl::StatusOr<DateRange> range =
      ParseDateRange("", args.Get("since"), args.Get("until"));
  if (!range.ok()) return UsageError(self, range.status(), io);
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    v1::GetStatsRequest request;
    *request.mutable_window() = ToProtoWindow(*range);
    if (args.Has("entity")) {
      absl::StatusOr<v1::Entity> entity = ResolveEntity(client, args.Get("entity"));
      if (!entity.ok()) return entity.status();
      request.set_entity(entity->id());
    }
    v1::GetStatsResponse response;
    std::unique_ptr<grpc::ClientContext> context = client.NewContext();
    grpc::Status status = client.stub().GetStats(context.get(), request, &response);
    if (!status.ok()) return FromGrpc(status);
    io.out << (*format == OutputFormat::kJson || *format == OutputFormat::kJsonLines
                   ? JsonLine(response)
                   : StatsText(response, args.Has("entity")));
    return absl::OkStatus();
  });
}

}  // namespace

Command EntityCommand() {
  Command command;
  command.spec.command = "entity";
  command.spec.positional_usage = "NAME";
  command.spec.min_positional = 1;
  command.spec.max_positional = 1;
  command.spec.options = QueryOptionSpecs(/*with_dot=*/false, {});
  command.summary = "Show one entity: id, name, kind and every alias it is known by.";
  command.details =
      "NAME is an id, name, alias, code or unique prefix; an ambiguous name is an\n"
      "error that lists the candidates.\n";
  command.examples =
      "  entente entity Kazakh --db ./store\n"
      "  entente entity \"Islamic Republic of Pakistan\" --server 127.0.0.1:50051\n"
      "  entente entity country:KAZ --db ./store --json\n";
  command.run = RunEntity;
  return command;
}

Command EntitiesCommand() {
  Command command;
  command.spec.command = "entities";
  command.spec.options =
      QueryOptionSpecs(/*with_dot=*/false, PagingOptionSpecs("entities", 100));
  command.summary = "List the entities the store holds, in id order.";
  command.details =
      "Countries and gazetteer entries that no relation names yet are not stored,\n"
      "so they are not listed; `entente entity` still finds them.\n";
  command.examples =
      "  entente entities --db ./store\n"
      "  entente entities --all --jsonl --server 127.0.0.1:50051\n";
  command.run = RunEntities;
  return command;
}

Command NeighborsCommand() {
  Command command;
  command.spec.command = "neighbors";
  command.spec.positional_usage = "ENTITY";
  command.spec.min_positional = 1;
  command.spec.max_positional = 1;
  command.spec.options = QueryOptionSpecs(
      /*with_dot=*/true,
      {{"types", "LIST", "relation types to include: partnership,visit,..."},
       {"since", "DATE", "relations dated from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
       {"until", "DATE", "relations dated up to DATE, inclusive"},
       {"as-of", "DATE", "only relations reported by DATE (what was known then)"},
       {"avoid", "KINDS", "neighbour kinds to leave out: event,person,..."},
       {"limit", "N", "most relations to list (default 100, at most 1000)"}});
  command.summary = "Show the ego network of an entity: its relations and neighbours.";
  command.examples =
      "  entente neighbors Kazakhstan --db ./store\n"
      "  entente neighbors KAZ --types partnership,agreement --since 2025 --db ./store\n"
      "  entente neighbors Kazakhstan --avoid person,event --dot --db ./store | dot "
      "-Tsvg > kaz.svg\n";
  command.run = RunNeighbors;
  return command;
}

Command StatsCommand() {
  Command command;
  command.spec.command = "stats";
  command.spec.options = QueryOptionSpecs(
      /*with_dot=*/false,
      {{"entity", "NAME", "count only the relations of this entity"},
       {"since", "DATE", "relations dated from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
       {"until", "DATE", "relations dated up to DATE, inclusive"}});
  command.summary = "Count entities and relations, by type and by month.";
  command.examples =
      "  entente stats --db ./store\n"
      "  entente stats --entity Kazakhstan --since 2025 --server 127.0.0.1:50051 "
      "--json\n";
  command.run = RunStats;
  return command;
}

}  // namespace entente::service::cli
