// BulkImport of relation JSON Lines into a real store: a bad line anywhere
// rejects its file whole, with nothing written; good files load whole.

#include "service/cli/bulk_import.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/temp_dir.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "importers/gdelt_reader.h"
#include "importers/internal/gdelt_test_archives.h"
#include "importers/internal/gdelt_test_rows.h"
#include "importers/internal/test_support.h"
#include "importers/relation_jsonl.h"

namespace entente::service::cli {
namespace {

graph::Relation LineRelation(int n) {
  graph::Relation r;
  r.type = graph::RelationType::kInvestment;
  r.source = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  r.target = {absl::StrCat("company:c", n), absl::StrCat("Company ", n),
              graph::EntityKind::kCompany};
  r.date = graph::DateWithPrecision::Day(2021, 1 + n % 12, 1);
  r.reported = r.date;
  r.confidence = 0.5;
  return r;
}

class BulkImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "no temporary directory";
    graph::StoreOptions options;
    options.create_if_missing = true;
    auto store = graph::Store::Open(dir_ + "/db", options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  void TearDown() override { store_.reset(); }

  // Lines 1..count; line `bad` (if > 0) is not a relation.
  std::string WriteLines(const std::string& name, int count, int bad = 0) {
    std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary);
    for (int n = 1; n <= count; ++n) {
      out << (n == bad ? "{\"type\":\"investment\",\"source\":{}}"
                       : importers::RelationToJsonLine(LineRelation(n)))
          << "\n";
    }
    return path;
  }

  common::TempDir tmp_{"entente-bulk-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
  std::unique_ptr<graph::Store> store_;
};

TEST_F(BulkImportTest, ABadLineFarDownRejectsTheFileAndWritesNothing) {
  std::string bad = WriteLines("bad.jsonl", 20000, 19500);
  int shown = 0;
  auto counts = BulkImport(*store_, importers::testing::SharedExtractor(), {bad}, {},
                           [&](absl::string_view) { ++shown; });
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->documents_rejected, 1);
  ASSERT_EQ(counts->rejected.size(), 1u);
  EXPECT_EQ(counts->rejected[0].reason.rfind(absl::StrCat(bad, ":19500: "), 0), 0u)
      << counts->rejected[0].reason;
  EXPECT_EQ(counts->items, 0);
  EXPECT_EQ(counts->relations_new, 0);
  EXPECT_EQ(store_->View()->relation_count(), 0);
  EXPECT_FALSE(store_->GetEntity("company:c1").ok());
  EXPECT_GT(shown, 0);  // "checked N lines", then "finishing".
}

TEST_F(BulkImportTest, GoodFilesLoadWholeBesideARejectedOne) {
  std::string good = WriteLines("good.jsonl", 30000);
  std::string bad = WriteLines("bad.jsonl", 100, 100);
  auto counts =
      BulkImport(*store_, importers::testing::SharedExtractor(), {good, bad}, {});
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->documents, 2);
  EXPECT_EQ(counts->documents_rejected, 1);
  EXPECT_EQ(counts->items, 30000);
  EXPECT_EQ(counts->relations_new, 30000);
  EXPECT_EQ(counts->entities_new, 30001);
  EXPECT_EQ(store_->View()->relation_count(), 30000);
  auto company = store_->GetEntity("company:c29999");
  ASSERT_TRUE(company.ok()) << company.status();
  EXPECT_EQ(company->name, "Company 29999");
  EXPECT_EQ(company->kind, graph::EntityKind::kCompany);
}

// GDELT rows: `count` reports of visits between a few countries, many of
// them repeating a fact; row `bad` (if > 0) has an impossible Day.
std::string GdeltText(int count, int bad = 0) {
  const char* countries[] = {"KAZ", "PAK", "CHN", "RUS", "TUR"};
  std::vector<importers::testing::GdeltTestRow> rows;
  for (int i = 1; i <= count; ++i) {
    importers::testing::GdeltTestRow row;
    row.event_id = absl::StrCat(i);
    row.actor1_code = row.actor1_country = countries[i % 5];
    row.actor2_code = row.actor2_country = countries[(i / 5 + i + 1) % 5];
    if (row.actor1_country == row.actor2_country) row.actor2_country = "IND";
    row.day = i == bad ? "20150231" : absl::StrCat(201502, 10 + i % 10);
    row.url = absl::StrCat("http://news.example.com/", i);
    rows.push_back(row);
  }
  return importers::testing::GdeltFile(rows);
}

TEST_F(BulkImportTest, GdeltFilesLoadLikeThePipelineAndABadOneLoadsNothing) {
  auto reader =
      importers::GdeltReader::Create(importers::testing::SharedExtractor().gazetteer());
  ASSERT_TRUE(reader.ok()) << reader.status();
  const std::string good =
      importers::testing::WriteFile(dir_ + "/good.export.CSV", GdeltText(40000));
  const std::string bad =
      importers::testing::WriteFile(dir_ + "/bad.export.CSV", GdeltText(40000, 30000));
  BulkImportOptions options;
  options.gdelt_reader = reader->get();
  options.gdelt.memory_bytes = 1 << 20;  // Read twice: the facts outgrow it.
  options.load.chunk_relations = 100;    // Many chunks.
  std::vector<std::string> shown;
  auto counts =
      BulkImport(*store_, importers::testing::SharedExtractor(), {bad, good}, options,
                 [&](absl::string_view text) { shown.push_back(std::string(text)); });
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->documents_rejected, 1);
  ASSERT_EQ(counts->rejected.size(), 1u);
  EXPECT_EQ(counts->rejected[0].reason,
            absl::StrCat(bad, ":30000: Day '20150231' is not a date YYYYMMDD"));
  EXPECT_EQ(counts->items, 0);
  EXPECT_EQ(counts->gdelt.rows, 40000);
  EXPECT_EQ(counts->gdelt.rows_mapped, 40000);
  EXPECT_EQ(counts->gdelt.files_read_twice, 1);
  // As many relations as distinct (visitor, host, day) among the good rows.
  std::set<std::string> facts;
  for (int i = 1; i <= 40000; ++i) {
    const int a = i % 5, b = (i / 5 + i + 1) % 5;
    facts.insert(absl::StrCat(a, "-", a == b ? 9 : b, "-", i % 10));
  }
  EXPECT_EQ(counts->relations_new, static_cast<int64_t>(facts.size()));
  EXPECT_EQ(counts->relations_unchanged, 0);
  EXPECT_EQ(store_->View()->relation_count(), static_cast<int64_t>(facts.size()));
  EXPECT_NE(std::find_if(
                shown.begin(), shown.end(),
                [](const std::string& s) { return absl::StrContains(s, "read again"); }),
            shown.end());
}

}  // namespace
}  // namespace entente::service::cli
