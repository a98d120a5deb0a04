#include "service/cli/render.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;
using ::testing::HasSubstr;
using ::testing::StartsWith;

v1::Entity MakeEntity(const std::string& id, const std::string& name,
                      v1::EntityKind kind) {
  v1::Entity entity;
  entity.set_id(id);
  entity.set_name(name);
  entity.set_kind(kind);
  return entity;
}

v1::Relation MakeRelation(const std::string& id, v1::RelationType type,
                          const v1::Entity& source, const v1::Entity& target,
                          const std::string& date) {
  v1::Relation relation;
  relation.set_id(id);
  relation.set_type(type);
  relation.mutable_source()->set_id(source.id());
  relation.mutable_source()->set_name(source.name());
  relation.mutable_source()->set_kind(source.kind());
  relation.mutable_target()->set_id(target.id());
  relation.mutable_target()->set_name(target.name());
  relation.mutable_target()->set_kind(target.kind());
  relation.mutable_date()->set_value(date);
  return relation;
}

const v1::Entity kPak = MakeEntity("country:PAK", "Pakistan", v1::ENTITY_KIND_COUNTRY);
const v1::Entity kKaz = MakeEntity("country:KAZ", "Kazakhstan", v1::ENTITY_KIND_COUNTRY);
const v1::Entity kEu =
    MakeEntity("org:eu", "European Union", v1::ENTITY_KIND_ORGANIZATION);

v1::FindPathsResponse TwoHopPath() {
  v1::FindPathsResponse response;
  *response.mutable_from_entity() = kPak;
  *response.mutable_to_entity() = kEu;
  v1::Path* path = response.add_paths();
  *path->add_entities() = kPak;
  *path->add_entities() = kKaz;
  *path->add_entities() = kEu;
  v1::Relation partnership = MakeRelation(
      "00000000000000aa", v1::RELATION_TYPE_PARTNERSHIP, kKaz, kPak, "2026-02-04");
  (*partnership.mutable_attributes())["level"].set_string_value("strategic");
  partnership.add_provenance()->set_outlet("Pakistan Today");
  partnership.add_provenance()->set_outlet("Dawn");
  *path->add_relations() = partnership;
  *path->add_relations() =
      MakeRelation("00000000000000bb", v1::RELATION_TYPE_MEMBERSHIP, kKaz, kEu, "1993");
  v1::HopLinks* first = path->add_hops();
  first->set_relation_count(3);
  first->add_types()->set_type(v1::RELATION_TYPE_PARTNERSHIP);
  first->mutable_types(0)->set_count(2);
  first->add_types()->set_type(v1::RELATION_TYPE_TRADE_TARGET);
  first->mutable_types(1)->set_count(1);
  v1::HopLinks* second = path->add_hops();
  second->set_relation_count(1);
  second->add_types()->set_type(v1::RELATION_TYPE_MEMBERSHIP);
  second->mutable_types(0)->set_count(1);
  return response;
}

TEST(TypeName, UsesSpecVocabulary) {
  EXPECT_EQ(TypeName(v1::RELATION_TYPE_TRADE_TARGET), "trade_target");
  EXPECT_EQ(TypeName(v1::RELATION_TYPE_DIPLOMATIC_RELATIONS), "diplomatic_relations");
  EXPECT_EQ(KindName(v1::ENTITY_KIND_ORGANIZATION), "organization");
}

TEST(AttributesText, SortsKeysAndFormatsValues) {
  v1::Relation relation;
  auto& attributes = *relation.mutable_attributes();
  attributes["currency"].set_string_value("USD");
  attributes["amount"].set_int_value(1000000000);
  attributes["change_pct"].set_double_value(12.5);
  attributes["participants"].mutable_string_list_value()->add_values("person:a");
  attributes["participants"].mutable_string_list_value()->add_values("person:b");
  EXPECT_EQ(
      AttributesText(relation),
      "amount=1000000000 change_pct=12.5 currency=USD participants=person:a;person:b");
}

TEST(AttributesText, PutsTheKeysThatTellRelationsApartFirst) {
  v1::Relation relation;
  relation.set_type(v1::RELATION_TYPE_SANCTION);
  auto& attributes = *relation.mutable_attributes();
  attributes["cameo"].set_string_value("163");
  attributes["action"].set_string_value("extended");
  attributes["measure"].set_string_value("other");
  attributes["goldstein"].set_double_value(-8);
  EXPECT_EQ(AttributesText(relation),
            "measure=other action=extended cameo=163 goldstein=-8");
}

TEST(PathsTable, ListsEachPathWithItsHopsAndWhatLinksThem) {
  EXPECT_EQ(PathsTable(TwoHopPath()),
            "Path 1 (2 hops): Pakistan -> Kazakhstan -> European Union\n"
            "  DATE        TYPE         SOURCE      TARGET          DETAILS          "
            "REPORTED BY               LINKS\n"
            "  2026-02-04  partnership  Kazakhstan  Pakistan        level=strategic  "
            "Pakistan Today (+1 more)  3: partnership 2, trade_target 1\n"
            "  1993        membership   Kazakhstan  European Union                   "
            "                          1: membership 1\n");
}

TEST(PathsTable, SaysWhenFewerPathsExistThanAsked) {
  EXPECT_THAT(PathsTable(TwoHopPath(), false, /*wanted=*/3),
              HasSubstr("\nOnly 1 path exists within the filters and --max-hops "
                        "(3 asked).\n"));
  EXPECT_THAT(PathsTable(TwoHopPath(), false, /*wanted=*/1),
              ::testing::Not(HasSubstr("Only")));
}

TEST(PathsTable, NamesTheFiltersThatRemovedEveryPath) {
  v1::FindPathsResponse response;
  *response.mutable_from_entity() = kPak;
  *response.mutable_to_entity() = kEu;
  response.add_blocking_filters("window");
  EXPECT_EQ(PathsTable(response, false, 3),
            "No path from Pakistan to European Union.\n"
            "Every path was removed by --between; there is one without it.\n");
  response.add_blocking_filters("known_as_of");
  EXPECT_THAT(
      PathsTable(response),
      HasSubstr("removed by --between and --as-of; there is one without them.\n"));
}

TEST(SourcesText, ListsEveryReportWithItsQuote) {
  v1::FindPathsResponse response = TwoHopPath();
  v1::Provenance* report =
      response.mutable_paths(0)->mutable_relations(0)->mutable_provenance(0);
  report->mutable_reported()->set_value("2026-02-05");
  report->set_item(7);
  report->set_document("digest.txt");
  report->set_quote(std::string(290, 'a') + "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
  std::string text = SourcesText(response.paths(0).relations());
  EXPECT_THAT(text,
              StartsWith("Sources:\n  2026-02-04 partnership Kazakhstan - Pakistan\n"
                         "    Pakistan Today, 2026-02-05, item 7 of digest.txt: \"aaa"));
  // 290 + 5 two-byte characters fit in 300 bytes; the sixth is cut whole.
  EXPECT_THAT(text, HasSubstr("a\u00e9\u00e9\u00e9\u00e9\u00e9...\"\n"));
  EXPECT_THAT(text, HasSubstr("    Dawn\n"));
  EXPECT_THAT(text, HasSubstr("  1993 membership Kazakhstan - European Union\n"));
  EXPECT_THAT(
      PathsTable(response, /*with_sources=*/true),
      HasSubstr("\n  Sources:\n    2026-02-04 partnership Kazakhstan - Pakistan\n"));
}

TEST(PathsTable, SaysWhenThereIsNoPathAndWhenCut) {
  v1::FindPathsResponse response;
  *response.mutable_from_entity() = kPak;
  *response.mutable_to_entity() = kEu;
  response.set_truncated(true);
  response.set_truncation_reason("max_hops reached");
  EXPECT_EQ(PathsTable(response),
            "No path from Pakistan to European Union.\n"
            "Search cut short: max_hops reached\n");
}

TEST(PathsDot, DrawsNodesInPathOrderAndLabelledEdges) {
  std::string dot = PathsDot(TwoHopPath());
  EXPECT_THAT(dot, HasSubstr("\"country:PAK\" [label=\"Pakistan\""));
  EXPECT_LT(dot.find("\"country:PAK\" [label"), dot.find("\"country:KAZ\" [label"));
  EXPECT_THAT(dot, HasSubstr("\"country:KAZ\" -> \"country:PAK\" "
                             "[label=\"partnership\\n2026-02-04\", dir=none, "
                             "id=\"00000000000000aa\"];"));
  EXPECT_THAT(dot,
              HasSubstr("\"country:KAZ\" -> \"org:eu\" [label=\"membership\\n1993\", "
                        "id=\"00000000000000bb\"];"));
}

TEST(NeighborsDot, DrawsCentreAndEachRelationOnce) {
  v1::GetNeighborsResponse response;
  *response.mutable_entity() = kKaz;
  *response.add_relations() =
      MakeRelation("01", v1::RELATION_TYPE_VISIT, kPak, kKaz, "2026-02");
  *response.add_relations() =
      MakeRelation("01", v1::RELATION_TYPE_VISIT, kPak, kKaz, "2026-02");
  std::string dot = NeighborsDot(response);
  EXPECT_THAT(dot, HasSubstr("\"country:KAZ\" [label=\"Kazakhstan\""));
  EXPECT_EQ(dot.find("-> \"country:PAK\""), dot.rfind("-> \"country:PAK\""));
  EXPECT_THAT(dot, HasSubstr("[label=\"1 relation\\nvisit 1\""));
}

TEST(NeighborsDot, OneEdgePerNeighbourWithCountsTypesAndALegend) {
  v1::GetNeighborsResponse response;
  *response.mutable_entity() = kKaz;
  *response.add_relations() =
      MakeRelation("01", v1::RELATION_TYPE_VISIT, kPak, kKaz, "2026-02");
  *response.add_relations() =
      MakeRelation("02", v1::RELATION_TYPE_VISIT, kKaz, kPak, "2025-05");
  *response.add_relations() =
      MakeRelation("03", v1::RELATION_TYPE_AGREEMENT, kKaz, kPak, "2025-05");
  *response.add_relations() =
      MakeRelation("04", v1::RELATION_TYPE_MEMBERSHIP, kKaz, kEu, "1993");
  std::string dot = NeighborsDot(response);
  // Three relations with Pakistan are one edge; the EU has its own.
  size_t edges = 0;
  for (size_t at = dot.find(" -> "); at != std::string::npos;
       at = dot.find(" -> ", at + 1))
    ++edges;
  EXPECT_EQ(edges, 2u);
  EXPECT_THAT(dot, HasSubstr("\"country:KAZ\" -> \"country:PAK\" [label=\"3 relations"));
  EXPECT_THAT(dot, HasSubstr("visit 2"));
  EXPECT_THAT(dot, HasSubstr("agreement 1"));
  // Two types: two colours, drawn as parallel lines.
  EXPECT_THAT(dot, ::testing::ContainsRegex("color=\"#[0-9a-f]{6}:#[0-9a-f]{6}\""));
  EXPECT_THAT(dot, HasSubstr("subgraph cluster_legend"));
  EXPECT_THAT(dot, HasSubstr("[label=\"visit (2)\""));
}

TEST(NeighborsTable, CountsAndLists) {
  v1::GetNeighborsResponse response;
  *response.mutable_entity() = kKaz;
  *response.add_neighbors() = kPak;
  *response.add_relations() =
      MakeRelation("01", v1::RELATION_TYPE_VISIT, kPak, kKaz, "2026-02");
  EXPECT_THAT(NeighborsTable(response),
              HasSubstr("Kazakhstan: 1 neighbour, 1 relation\nDATE"));
}

TEST(TimelineTable, PrintsNextPageHintAndEmptyMessage) {
  v1::GetTimelineResponse response;
  EXPECT_EQ(TimelineTable(response), "No relations.\n");
  *response.add_relations() =
      MakeRelation("01", v1::RELATION_TYPE_AGREEMENT, kKaz, kPak, "");
  response.set_next_page_token("abc");
  EXPECT_EQ(TimelineTable(response),
            "DATE  TYPE       SOURCE      TARGET    DETAILS  REPORTED BY\n"
            "-     agreement  Kazakhstan  Pakistan\n"
            "More: --page-token abc\n");
}

TEST(JsonLine, IsOneLineOfProtoJson) {
  std::string json = JsonLine(kKaz);
  EXPECT_EQ(json,
            "{\"id\":\"country:KAZ\",\"name\":\"Kazakhstan\","
            "\"kind\":\"ENTITY_KIND_COUNTRY\"}\n");
}

TEST(JsonLine, SortsAttributeKeys) {
  v1::Relation relation;
  for (const char* key : {"title", "kind", "count", "amount", "zeta", "alpha"}) {
    (*relation.mutable_attributes())[key].set_string_value("x");
  }
  std::string json = JsonLine(relation);
  EXPECT_LT(json.find("\"alpha\""), json.find("\"amount\""));
  EXPECT_LT(json.find("\"amount\""), json.find("\"count\""));
  EXPECT_LT(json.find("\"kind\""), json.find("\"title\""));
  EXPECT_LT(json.find("\"title\""), json.find("\"zeta\""));
}

TEST(StatsText, ListsTypesAndMonths) {
  v1::GetStatsResponse response;
  response.set_entities(3);
  response.set_relations(2);
  v1::TypeCount* type = response.add_by_type();
  type->set_type(v1::RELATION_TYPE_VISIT);
  type->set_count(2);
  v1::MonthCount* month = response.add_by_month();
  month->set_month("2026-02");
  month->set_count(2);
  EXPECT_THAT(StatsText(response, /*of_entity=*/true), StartsWith("neighbours 3\n"));
  EXPECT_EQ(StatsText(response, /*of_entity=*/false),
            "entities   3\nrelations  2\n\nTYPE   COUNT\nvisit  2\n\n"
            "MONTH    COUNT\n2026-02  2\n");
}

}  // namespace
}  // namespace entente::service::cli
