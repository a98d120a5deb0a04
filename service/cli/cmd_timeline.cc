// `entente timeline ENTITY [OTHER]`: relations of an entity or a pair by date.

#include <ostream>

#include "common/status_macros.h"
#include "service/cli/command.h"
#include "service/cli/jsonl.h"
#include "service/cli/query_options.h"
#include "service/cli/resolve.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

absl::StatusOr<v1::GetTimelineRequest> RequestFromArgs(const ParsedArgs& args) {
  v1::GetTimelineRequest request;
  absl::StatusOr<std::vector<v1::RelationType>> types = TypesFromArgs(args);
  if (!types.ok()) return types.status();
  for (v1::RelationType type : *types) request.add_types(type);
  absl::StatusOr<DateRange> range =
      ParseDateRange("", args.Get("since"), args.Get("until"));
  if (!range.ok()) return range.status();
  *request.mutable_window() = ToProtoWindow(*range);
  request.set_order(args.Has("newest-first") ? v1::TIMELINE_ORDER_NEWEST_FIRST
                                             : v1::TIMELINE_ORDER_OLDEST_FIRST);
  absl::StatusOr<int> limit = args.GetInt("limit", 50, 1, 1000);
  if (!limit.ok()) return limit.status();
  request.set_page_size(*limit);
  request.set_page_token(args.Get("page-token"));
  return request;
}

int RunTimeline(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  absl::StatusOr<v1::GetTimelineRequest> request = RequestFromArgs(args);
  if (!request.ok()) return UsageError(self, request.status(), io);
  return RunWithClient(self, args, io, [&](GraphClient& client) -> absl::Status {
    absl::StatusOr<v1::Entity> entity = ResolveEntity(client, args.positional()[0]);
    if (!entity.ok()) return entity.status();
    request->set_entity(entity->id());
    if (args.positional().size() > 1) {
      absl::StatusOr<v1::Entity> other = ResolveEntity(client, args.positional()[1]);
      if (!other.ok()) return other.status();
      request->set_other(other->id());
    }
    v1::GetTimelineResponse response;
    ENTENTE_RETURN_IF_ERROR(FetchPages(
        client, *request, args.Has("all"), &response,
        [&](grpc::ClientContext* context, const v1::GetTimelineRequest& page_request,
            v1::GetTimelineResponse* page) {
          return client.stub().GetTimeline(context, page_request, page);
        },
        [](v1::GetTimelineResponse& page, v1::GetTimelineResponse* whole) {
          for (v1::Relation& relation : *page.mutable_relations()) {
            *whole->add_relations() = std::move(relation);
          }
        }));
    io.out << (*format == OutputFormat::kJson ? JsonLine(response)
               : *format == OutputFormat::kJsonLines
                   ? RelationLines(response.relations())
                   : TimelineTable(response, args.Has("sources")));
    return absl::OkStatus();
  });
}

}  // namespace

Command TimelineCommand() {
  Command command;
  command.spec.command = "timeline";
  command.spec.positional_usage = "ENTITY [OTHER]";
  command.spec.min_positional = 1;
  command.spec.max_positional = 2;
  std::vector<OptionSpec> options = {
      {"types", "LIST", "relation types to list: agreement,visit,..."},
      {"since", "DATE", "relations dated from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"until", "DATE", "relations dated up to DATE, inclusive"},
      {"newest-first", "", "newest relations first (default: oldest first)"}};
  for (OptionSpec& option : PagingOptionSpecs("relations", 50)) {
    options.push_back(std::move(option));
  }
  options.push_back(
      {"sources", "", "list every report of each relation: outlet, date, quote"});
  command.spec.options = QueryOptionSpecs(/*with_dot=*/false, std::move(options));
  command.summary = "List the relations of an entity, or between two, in date order.";
  command.details =
      "With OTHER only the relations between ENTITY and OTHER are listed.\n"
      "A date covers its whole period: --until 2025 includes all of 2025.\n";
  command.examples =
      "  entente timeline Kazakhstan Pakistan --db ./store\n"
      "  entente timeline Kazakhstan --types agreement --since 2025 --db ./store\n"
      "  entente timeline KAZ --newest-first --limit 10 --json --server "
      "127.0.0.1:50051\n";
  command.run = RunTimeline;
  return command;
}

}  // namespace entente::service::cli
