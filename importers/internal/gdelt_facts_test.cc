#include "importers/internal/gdelt_facts.h"

#include <map>
#include <random>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/gdelt_test_rows.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using ::entente::importers::testing::GdeltTestRow;

const CameoMapping& Mapping() {
  static const CameoMapping* mapping =
      CameoMapping::CreateEmbedded(*testing::SharedGazetteer())->release();
  return *mapping;
}

// Adds a row as the reader would: parsed, its rule and parties resolved.
void AddRow(FactTable& table, const GdeltTestRow& test_row) {
  GdeltRow row;
  std::string detail;
  const std::string line = test_row.Line();
  ASSERT_EQ(ParseGdeltRow(line, GdeltLayout::kV2, &row, &detail), RowProblem::kNone)
      << detail;
  const EventRule* rule = Mapping().FindEvent(row.event_code);
  ASSERT_NE(rule, nullptr) << row.event_code;
  const PartyLookup a1 = Mapping().Resolve(row.actor1_code, row.actor1_country);
  const PartyLookup a2 = Mapping().Resolve(row.actor2_code, row.actor2_country);
  ASSERT_EQ(a1.kind, PartyLookup::Kind::kParty);
  ASSERT_EQ(a2.kind, PartyLookup::Kind::kParty);
  table.Add(row, *rule, a1.party, a2.party);
}

std::vector<graph::Relation> DrainAll(FactTable& table, size_t per_batch = 1000) {
  std::vector<graph::Relation> all;
  absl::Status status = table.Drain(per_batch, [&](std::vector<graph::Relation>&& batch) {
    for (graph::Relation& r : batch) all.push_back(std::move(r));
    return absl::OkStatus();
  });
  EXPECT_TRUE(status.ok()) << status;
  return all;
}

GdeltTestRow Row(const std::string& id, const std::string& a1, const std::string& a2,
                 const std::string& code, const std::string& day = "20150218") {
  GdeltTestRow row;
  row.event_id = id;
  row.actor1_code = a1;
  row.actor1_country = a1;
  row.actor1_type = "";
  row.actor2_code = a2;
  row.actor2_country = a2;
  row.event_code = code;
  row.day = day;
  row.url = "https://News.Example.org/story/" + id;
  return row;
}

TEST(OutletOfUrl, IsTheHostInLowerCase) {
  EXPECT_EQ(OutletOfUrl("http://www.dailymaverick.co.za/article/x"),
            "www.dailymaverick.co.za");
  EXPECT_EQ(OutletOfUrl("https://User:pw@News.Example.org:8080/a?b#c"),
            "news.example.org");
  EXPECT_EQ(OutletOfUrl("https://example.org"), "example.org");
  EXPECT_EQ(OutletOfUrl("BBC Monitoring"), "BBC Monitoring");
  EXPECT_EQ(OutletOfUrl(""), "");
}

TEST(FactTable, RepeatedRowsOfOneFactAreOneRelationWithTheirProvenance) {
  FactTable table(&Mapping());
  GdeltTestRow first = Row("11", "USA", "RUS", "042");
  first.actor1_code = "USAGOV";
  first.actor1_type = "GOV";
  first.goldstein = "1.9";
  first.tone = "-2.25";
  first.mentions = "7";
  first.date_added = "20150219101500";
  GdeltTestRow second = Row("12", "USA", "RUS", "042");
  second.date_added = "20150218230000";
  AddRow(table, first);
  AddRow(table, second);
  ASSERT_EQ(table.facts(), 1u);
  ASSERT_EQ(table.rows(), 2u);
  std::vector<graph::Relation> relations = DrainAll(table);
  ASSERT_EQ(relations.size(), 1u);
  const graph::Relation& r = relations[0];
  EXPECT_EQ(r.type, graph::RelationType::kVisit);
  EXPECT_EQ(r.source.id, "country:USA");
  EXPECT_EQ(r.source.name, "United States");
  EXPECT_EQ(r.target.id, "country:RUS");
  EXPECT_EQ(r.date, graph::DateWithPrecision::Day(2015, 2, 18));
  // The earliest DATEADDED of the rows.
  EXPECT_EQ(r.reported, graph::DateWithPrecision::Day(2015, 2, 18));
  EXPECT_DOUBLE_EQ(r.confidence, kGdeltConfidence);
  // The first row's attributes.
  graph::Attributes want = {{"cameo", std::string("042")},
                            {"goldstein", 1.9},
                            {"tone", -2.25},
                            {"mentions", int64_t{7}},
                            {"sources", int64_t{1}},
                            {"articles", int64_t{5}},
                            {"actor1_code", std::string("USAGOV")},
                            {"actor2_code", std::string("RUS")},
                            {"actor1_type", std::string("GOV")}};
  EXPECT_EQ(r.attributes, want);
  ASSERT_EQ(r.provenance.size(), 2u);
  EXPECT_EQ(r.provenance[0].item, 11);
  EXPECT_EQ(r.provenance[0].document, "https://News.Example.org/story/11");
  EXPECT_EQ(r.provenance[0].outlet, "news.example.org");
  EXPECT_EQ(r.provenance[0].reported, graph::DateWithPrecision::Day(2015, 2, 19));
  EXPECT_EQ(r.provenance[0].extractor, "gdelt");
  EXPECT_EQ(r.provenance[1].item, 12);
  EXPECT_EQ(r.provenance[1].reported, graph::DateWithPrecision::Day(2015, 2, 18));
  EXPECT_EQ(table.facts(), 0u);
  EXPECT_EQ(table.MemoryBytes(), 0);
}

TEST(FactTable, AHostedVisitIsTheGuestsVisit) {
  FactTable table(&Mapping());
  AddRow(table, Row("1", "KAZ", "PAK", "043"));  // Kazakhstan hosts Pakistan.
  AddRow(table, Row("2", "PAK", "KAZ", "042"));  // Pakistan visits Kazakhstan.
  std::vector<graph::Relation> relations = DrainAll(table);
  ASSERT_EQ(relations.size(), 1u);
  EXPECT_EQ(relations[0].source.id, "country:PAK");
  EXPECT_EQ(relations[0].target.id, "country:KAZ");
  EXPECT_EQ(relations[0].provenance.size(), 2u);
  EXPECT_EQ(relations[0].attributes.at("cameo"), graph::AttributeValue("043"));
}

TEST(FactTable, SymmetricTypesIgnoreTheOrderOfTheParties) {
  FactTable table(&Mapping());
  AddRow(table, Row("1", "KAZ", "PAK", "040"));
  AddRow(table, Row("2", "PAK", "KAZ", "041"));  // Also a meeting.
  AddRow(table, Row("3", "KAZ", "PAK", "042"));
  AddRow(table, Row("4", "PAK", "KAZ", "042"));  // The other direction.
  std::vector<graph::Relation> relations = DrainAll(table);
  ASSERT_EQ(relations.size(), 3u);
  EXPECT_EQ(relations[0].type, graph::RelationType::kMeeting);
  EXPECT_EQ(relations[0].provenance.size(), 2u);
  EXPECT_EQ(relations[1].source.id, "country:KAZ");
  EXPECT_EQ(relations[2].source.id, "country:PAK");
}

TEST(FactTable, DowngradesOfDifferentMeasuresStayApart) {
  FactTable table(&Mapping());
  AddRow(table, Row("1", "USA", "RUS", "161"));
  AddRow(table, Row("2", "USA", "RUS", "162"));
  AddRow(table, Row("3", "USA", "RUS", "1622"));  // Also cutting aid.
  AddRow(table, Row("4", "USA", "RUS", "163"));
  std::vector<graph::Relation> relations = DrainAll(table);
  ASSERT_EQ(relations.size(), 3u);
  EXPECT_EQ(relations[0].attributes.at("measure"),
            graph::AttributeValue("break_relations"));
  EXPECT_EQ(relations[1].attributes.at("measure"), graph::AttributeValue("cut_aid"));
  EXPECT_EQ(relations[1].provenance.size(), 2u);
  EXPECT_EQ(relations[2].type, graph::RelationType::kSanction);
  EXPECT_EQ(relations[2].attributes.count("action"), 0u);
}

TEST(FactTable, ARepeatedEventIdAddsNoProvenance) {
  FactTable table(&Mapping());
  AddRow(table, Row("7", "USA", "RUS", "042"));
  AddRow(table, Row("7", "USA", "RUS", "042"));
  std::vector<graph::Relation> relations = DrainAll(table);
  ASSERT_EQ(relations.size(), 1u);
  EXPECT_EQ(relations[0].provenance.size(), 1u);
}

TEST(FactTable, DrainsInBatchesInFirstRowOrder) {
  FactTable table(&Mapping());
  for (int i = 1; i <= 5; ++i) {
    AddRow(table, Row(absl::StrCat(i), "USA", "RUS", "042", absl::StrCat(2015021, i)));
  }
  std::vector<size_t> sizes;
  std::vector<std::string> dates;
  ASSERT_TRUE(table
                  .Drain(2,
                         [&](std::vector<graph::Relation>&& batch) {
                           sizes.push_back(batch.size());
                           for (const auto& r : batch) dates.push_back(r.date.ToString());
                           return absl::OkStatus();
                         })
                  .ok());
  EXPECT_EQ(sizes, (std::vector<size_t>{2, 2, 1}));
  EXPECT_EQ(dates, (std::vector<std::string>{"2015-02-11", "2015-02-12", "2015-02-13",
                                             "2015-02-14", "2015-02-15"}));
}

// Oracle: on seeded random rows, the facts are exactly the distinct relation
// identities of the rows taken one by one, each with its rows' event ids.
TEST(FactTable, FactsAreTheDistinctRelationIdentitiesOfTheRows) {
  const char* countries[] = {"USA", "RUS", "CHN", "KAZ", "PAK"};
  const char* codes[] = {"040", "041",  "042", "043", "046", "057", "161",
                         "162", "1621", "163", "164", "166", "1663"};
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    std::mt19937 rng(seed);
    FactTable table(&Mapping());
    std::map<std::string, std::vector<int>> want;  // Identity -> event ids.
    for (int id = 1; id <= 400; ++id) {
      std::string a1 = countries[rng() % 5], a2 = countries[rng() % 5];
      if (a1 == a2) continue;
      GdeltTestRow row = Row(absl::StrCat(id), a1, a2, codes[rng() % 13],
                             absl::StrCat(2015020, 1 + rng() % 3));
      AddRow(table, row);
      FactTable single(&Mapping());
      AddRow(single, row);
      want[graph::RelationIdentity(DrainAll(single)[0])].push_back(id);
    }
    std::map<std::string, std::vector<int>> got;
    for (const graph::Relation& r : DrainAll(table, 7)) {
      std::vector<int>& ids = got[graph::RelationIdentity(r)];
      EXPECT_TRUE(ids.empty()) << "two facts with one identity";
      for (const graph::Provenance& p : r.provenance) ids.push_back(p.item);
    }
    EXPECT_EQ(got, want) << "seed " << seed;
  }
}

TEST(FactTable, MemoryGrowsWithTheRowsAndIsGivenBackByDrain) {
  FactTable table(&Mapping());
  EXPECT_EQ(table.MemoryBytes(), 0);
  AddRow(table, Row("1", "USA", "RUS", "042"));
  const int64_t one = table.MemoryBytes();
  EXPECT_GT(one, 0);
  AddRow(table, Row("2", "USA", "RUS", "042"));
  EXPECT_GT(table.MemoryBytes(), one);
  table.Clear();
  EXPECT_EQ(table.MemoryBytes(), 0);
  EXPECT_EQ(table.facts(), 0u);
}

}  // namespace
}  // namespace entente::importers::internal
