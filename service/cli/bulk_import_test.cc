// BulkImport of relation JSON Lines into a real store: a bad line anywhere
// rejects its file whole, with nothing written; good files load whole.

#include "service/cli/bulk_import.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
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
    std::string pattern =
        (std::filesystem::temp_directory_path() / "entente-bulk-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    graph::StoreOptions options;
    options.create_if_missing = true;
    auto store = graph::Store::Open(dir_ + "/db", options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

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

  std::string dir_;
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

}  // namespace
}  // namespace entente::service::cli
