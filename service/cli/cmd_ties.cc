// `entente rank` and `entente blocs`: questions over the tie graph of a
// window (graph/tie_graph.h), answered by the RankEntities and FindBlocs RPCs.

#include <ostream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "service/cli/command.h"
#include "service/cli/query_options.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

constexpr char kTieDetails[] =
    "The tie graph has the countries and organizations as vertices and one tie per\n"
    "pair with relations in the window. A relation adds its type's weight, halved\n"
    "for every half-life it ended before the window's end (or today); a tie's\n"
    "weight is 1 - exp(-sum), between 0 and 1. Every answer first states the\n"
    "window, types and weighting it used.\n";

absl::StatusOr<v1::RankMeasure> MeasureFromArgs(const ParsedArgs& args) {
  const std::string by = args.Get("by", "betweenness");
  if (by == "betweenness") return v1::RANK_MEASURE_BETWEENNESS;
  if (by == "pagerank") return v1::RANK_MEASURE_PAGERANK;
  if (by == "degree") return v1::RANK_MEASURE_WEIGHTED_DEGREE;
  return absl::InvalidArgumentError(
      absl::StrCat("--by: '", by, "' is not betweenness, pagerank or degree"));
}

absl::StatusOr<v1::RankEntitiesRequest> RankRequestFromArgs(const ParsedArgs& args) {
  v1::RankEntitiesRequest request;
  absl::StatusOr<v1::TieGraphSpec> spec = TieSpecFromArgs(args);
  if (!spec.ok()) return spec.status();
  *request.mutable_ties() = *std::move(spec);
  absl::StatusOr<v1::RankMeasure> measure = MeasureFromArgs(args);
  if (!measure.ok()) return measure.status();
  request.set_measure(*measure);
  absl::StatusOr<int> limit = args.GetInt("limit", 20, 1, 1000);
  if (!limit.ok()) return limit.status();
  request.set_page_size(*limit);
  for (const auto& [option, list] :
       {std::pair("region", request.mutable_region()),
        std::pair("from-group", request.mutable_from_group()),
        std::pair("to-group", request.mutable_to_group())}) {
    for (absl::string_view name :
         absl::StrSplit(args.Get(option), ',', absl::SkipEmpty())) {
      list->Add(std::string(absl::StripAsciiWhitespace(name)));
    }
  }
  if (request.from_group().empty() != request.to_group().empty()) {
    return absl::InvalidArgumentError("--from-group and --to-group come together");
  }
  request.set_focus(args.Get("focus"));
  return request;
}

int RunRank(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  absl::StatusOr<v1::RankEntitiesRequest> request = RankRequestFromArgs(args);
  if (!request.ok()) return UsageError(self, request.status(), io);
  Printers<v1::RankEntitiesResponse> printers{
      [](const v1::RankEntitiesResponse& response) {
        std::string lines;
        for (const v1::RankedEntity& ranked : response.entities()) {
          lines += JsonLine(ranked);
        }
        return lines;
      },
      RankDot, RankTable};
  return RunWithClient(self, args, io, [&](GraphClient& client) {
    return CallAndPrint(client, &v1::GraphService::Stub::RankEntities, *request, *format,
                        printers, io);
  });
}

int RunBlocs(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<OutputFormat> format = OutputFormatFromArgs(args);
  if (!format.ok()) return UsageError(self, format.status(), io);
  v1::FindBlocsRequest request;
  absl::StatusOr<v1::TieGraphSpec> spec = TieSpecFromArgs(args);
  if (!spec.ok()) return UsageError(self, spec.status(), io);
  *request.mutable_ties() = *std::move(spec);
  absl::StatusOr<int> limit = args.GetInt("limit", 20, 1, 1000);
  if (!limit.ok()) return UsageError(self, limit.status(), io);
  request.set_page_size(*limit);
  Printers<v1::FindBlocsResponse> printers{[](const v1::FindBlocsResponse& response) {
                                             std::string lines;
                                             for (const v1::Bloc& bloc : response.blocs())
                                               lines += JsonLine(bloc);
                                             return lines;
                                           },
                                           BlocsDot, BlocsText};
  return RunWithClient(self, args, io, [&](GraphClient& client) {
    return CallAndPrint(client, &v1::GraphService::Stub::FindBlocs, request, *format,
                        printers, io);
  });
}

std::vector<OptionSpec> WithTieOptions(std::vector<OptionSpec> extra) {
  std::vector<OptionSpec> options = TieSpecOptionSpecs();
  for (OptionSpec& option : extra) options.push_back(std::move(option));
  return QueryOptionSpecs(/*with_dot=*/true, std::move(options));
}

}  // namespace

Command RankCommand() {
  Command command;
  command.spec.command = "rank";
  command.spec.options = WithTieOptions(
      {{"by", "MEASURE", "betweenness (brokers; default), pagerank or degree"},
       {"region", "LIST",
        "list only these entities; an organization stands for itself and its members"},
       {"focus", "ENTITY",
        "PageRank for this entity: which others matter to it (it is left out)"},
       {"from-group", "LIST",
        "with --to-group: betweenness counts only chains between the two groups"},
       {"to-group", "LIST", "the other group (entities, or organizations with members)"},
       {"limit", "N", "entities to list (default 20, at most 1000)"}});
  command.summary =
      "Rank countries and organizations by betweenness, PageRank or degree.";
  command.details = absl::StrCat(
      kTieDetails,
      "\nBetweenness is the share of the strongest chains between other pairs that\n"
      "pass through an entity (a broker); PageRank follows ties in proportion to\n"
      "their weight; degree sums the weights of an entity's ties. --region only\n"
      "filters the list: the measures are computed on the whole tie graph.\n"
      "--focus makes PageRank return to one entity: the others it ranks are the\n"
      "partners that matter to it, directly or through others. --from-group and\n"
      "--to-group make betweenness count only the strongest chains from one group\n"
      "to the other: the brokers between them.\n");
  command.examples =
      "  entente rank --since 2022 --from-group \"European Union\" \\\n"
      "      --to-group Kazakhstan,Uzbekistan,Kyrgyzstan,Tajikistan,Turkmenistan --db "
      "./store\n"
      "  entente rank --by pagerank --focus Kazakhstan --db ./store\n"
      "  entente rank --since 2022 --region \"European Union,Kazakhstan,Uzbekistan\" "
      "--db ./store\n"
      "  entente rank --by pagerank --since 2024 --half-life 180 --db ./store\n"
      "  entente rank --by degree --limit 50 --dot --db ./store | dot -Tsvg > rank.svg\n";
  command.run = RunRank;
  return command;
}

Command BlocsCommand() {
  Command command;
  command.spec.command = "blocs";
  command.spec.options =
      WithTieOptions({{"limit", "N", "blocs to list (default 20, at most 1000)"}});
  command.summary =
      "Find blocs of countries and organizations, and who holds them together.";
  command.details = absl::StrCat(
      kTieDetails,
      "\nBlocs are clusters of maximal modularity (Louvain's local moving on tie\n"
      "weights). The answer lists the ties between blocs and the articulation\n"
      "points: entities whose removal would split a connected part of the ties.\n");
  command.examples =
      "  entente blocs --between 2025,2025 --types trade_target,trade_volume,agreement "
      "--db ./store\n"
      "  entente blocs --since 2024 --dot --db ./store | dot -Tsvg > blocs.svg\n";
  command.run = RunBlocs;
  return command;
}

}  // namespace entente::service::cli
