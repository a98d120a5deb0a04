#ifndef ENTENTE_SERVICE_CLI_RENDER_H_
#define ENTENTE_SERVICE_CLI_RENDER_H_

// How the query commands print entente.v1 answers:
//   tables  (default) aligned text for people, see table.h;
//   --json  one protobuf JSON object per line (MessageToJsonString, field
//           names in lowerCamelCase as the proto JSON mapping says) for
//           scripts: one line per relation, path, entity or stats answer;
//   --dot   a Graphviz digraph for paths and neighbourhoods, see dot.h.
// Relation types and entity kinds print with the spec's names
// ("trade_target", "country") in tables and dot, the proto enum names in JSON.
//
// Thread-safety: pure functions.

#include <string>

#include "entente/v1/graph_service.pb.h"
#include "google/protobuf/message.h"

namespace entente::service::cli {

// kJsonLines: one record (relation, path, entity) per line, attributes as plain JSON.
enum class OutputFormat { kTable, kJson, kJsonLines, kDot };

// "trade_target" for RELATION_TYPE_TRADE_TARGET; "country" for a kind.
std::string TypeName(entente::v1::RelationType type);
std::string KindName(entente::v1::EntityKind kind);
// "amount=1000000000 currency=USD level=strategic": the keys that tell
// relations of the type apart first (graph::IdentityAttributeKeys: "measure=
// cut_aid" of a downgrade), then the others in key order.
std::string AttributesText(const entente::v1::Relation& relation);
// "Pakistan Today" or "Pakistan Today (+2 more)"; "" without provenance.
std::string SourcesText(const entente::v1::Relation& relation);

// One line of protobuf JSON with a trailing newline.
std::string JsonLine(const google::protobuf::Message& message);

// With `with_sources`, each table is followed by its relations' provenance
// (see SourcesText).
std::string TimelineTable(const entente::v1::GetTimelineResponse& response,
                          bool with_sources = false);
// Each path's table has a LINKS column: every relation linking the hop's pair
// that passed the filters, counted by type ("3: meeting 2, partnership 1"); the
// row shows the latest of them. With no path, a line names the filters that
// removed every path (response.blocking_filters) by their flags; with fewer
// paths than `wanted` (the --k asked; 0 = unknown), a last line says so.
std::string PathsTable(const entente::v1::FindPathsResponse& response,
                       bool with_sources = false, int wanted = 0);

// Every report of the relations, for --sources:
//   2026-02-04 partnership Kazakhstan - Pakistan
//     Pakistan Today, 2026-02-05, item 1 of digest.txt: "The two sides ..."
// Quotes longer than 300 bytes are cut at a character boundary with "...".
std::string SourcesText(
    const google::protobuf::RepeatedPtrField<entente::v1::Relation>& relations);
std::string NeighborsTable(const entente::v1::GetNeighborsResponse& response);
// FIELD/VALUE rows: id, name, kind, aliases and relations (how many relations
// the entity takes part in; 0 for a country or gazetteer entry none names yet).
std::string EntityText(const entente::v1::GetEntityResponse& response);
// One ListEntities page as ID/NAME/KIND rows, then "More: --page-token T"
// when there is a next page.
std::string EntitiesTable(const entente::v1::ListEntitiesResponse& response);
// `of_entity`: the counts are one entity's, whose `entities` field counts its
// neighbours; the first line then says "neighbours".
std::string StatsText(const entente::v1::GetStatsResponse& response, bool of_entity);

std::string PathsDot(const entente::v1::FindPathsResponse& response);

// A table of relations (RelationRow's columns), indented two spaces, then with
// `with_sources` every report of them (SourcesText).
std::string RelationsBlock(
    const google::protobuf::RepeatedPtrField<entente::v1::Relation>& relations,
    bool with_sources);

// The tie-graph answers (render_ties.cc). Each table starts with the basis:
//   Window: 2025 .. 2025
//   Types: partnership,agreement,...
//   Weighting: half-life 365 days from 2025-12-31; agreement=1 partnership=1 ...
//   Tie graph: 212 entities, 1432 ties
std::string BasisText(const entente::v1::TieGraphBasis& basis);
std::string RankTable(const entente::v1::RankEntitiesResponse& response);
std::string BlocsText(const entente::v1::FindBlocsResponse& response);
std::string StrongestPathsTable(const entente::v1::FindStrongestPathsResponse& response,
                                bool with_sources);
// Ranked entities with the ties among them; blocs as clusters with the ties
// that bridge them dashed; chains with each tie's weight. Pen width grows
// with tie weight.
std::string RankDot(const entente::v1::RankEntitiesResponse& response);
std::string BlocsDot(const entente::v1::FindBlocsResponse& response);
std::string StrongestPathsDot(const entente::v1::FindStrongestPathsResponse& response);
std::string NeighborsDot(const entente::v1::GetNeighborsResponse& response);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_RENDER_H_
