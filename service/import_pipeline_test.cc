#include "service/import_pipeline.h"

#include <cstdlib>
#include <filesystem>

#include "absl/strings/match.h"
#include "common/temp_dir.h"
#include "gtest/gtest.h"
#include "importers/gazetteer.h"
#include "importers/gdelt_reader.h"
#include "importers/internal/gdelt_test_archives.h"
#include "importers/internal/gdelt_test_rows.h"
#include "importers/relation_jsonl.h"
#include "service/test_support.h"

namespace entente::service {
namespace {

class ImportPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gazetteer = testing::LoadTestGazetteer();
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();
    auto extractor = importers::Extractor::Create(std::move(*gazetteer));
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = std::move(*extractor);
    store_ = *graph::Store::Open(dir_, {});
  }
  void TearDown() override { store_.reset(); }

  static std::string Lines() {
    graph::Relation relation;
    relation.type = graph::RelationType::kPartnership;
    relation.source = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
    relation.target = {"country:PAK", "Pakistan", graph::EntityKind::kCountry};
    relation.date = graph::DateWithPrecision::Day(2026, 2, 4);
    relation.confidence = 0.9;
    relation.provenance.push_back({.item = 1, .quote = "strategic partnership"});
    std::string lines = importers::RelationToJsonLine(relation) + "\n";
    relation.type = graph::RelationType::kMeeting;
    return lines + importers::RelationToJsonLine(relation) + "\n";
  }

  std::unique_ptr<importers::Extractor> extractor_;
  common::TempDir tmp_{"entente-pipeline-test-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
  std::unique_ptr<graph::Store> store_;
};

TEST_F(ImportPipelineTest, CountsNewThenUnchangedAndPublishes) {
  RelationBroadcaster broadcaster;
  auto watch = broadcaster.Subscribe({});
  int progress_calls = 0;
  {
    ImportPipeline pipeline(store_.get(), extractor_.get(), &broadcaster);
    pipeline.set_progress([&](const ImportCounts&) { ++progress_calls; });
    ASSERT_TRUE(pipeline.ImportBytes("a.jsonl", Lines(), {}).ok());
    ASSERT_TRUE(pipeline.Finish().ok());
    EXPECT_EQ(pipeline.counts().documents, 1);
    EXPECT_EQ(pipeline.counts().items, 2);
    EXPECT_EQ(pipeline.counts().relations_new, 2);
    EXPECT_EQ(progress_calls, 2);
  }
  graph::Relation seen;
  EXPECT_EQ(watch->Next(absl::ZeroDuration(), &seen), Subscription::Event::kRelation);
  EXPECT_EQ(store_->View()->relation_count(), 2);
  ImportPipeline again(store_.get(), extractor_.get(), nullptr);
  ASSERT_TRUE(again.ImportBytes("a.jsonl", Lines(), {}).ok());
  EXPECT_EQ(again.counts().relations_new, 0);
  EXPECT_EQ(again.counts().relations_unchanged, 2);
}

TEST_F(ImportPipelineTest, BadDocumentIsRejectedWholeAndTheRestImports) {
  ImportPipeline pipeline(store_.get(), extractor_.get(), nullptr);
  std::string bad = Lines() + "{\"type\": \"nonsense\"\n";
  ASSERT_TRUE(pipeline.ImportBytes("bad.jsonl", bad, {}).ok());
  ASSERT_TRUE(pipeline.ImportFile(dir_ + "/missing.txt", {}).ok());
  ASSERT_TRUE(pipeline.ImportBytes("good.jsonl", Lines(), {}).ok());
  ASSERT_TRUE(pipeline.Finish().ok());
  const ImportCounts& counts = pipeline.counts();
  EXPECT_EQ(counts.documents, 3);
  EXPECT_EQ(counts.documents_rejected, 2);
  ASSERT_EQ(counts.rejected.size(), 2u);
  EXPECT_EQ(counts.rejected[0].name, "bad.jsonl");
  EXPECT_TRUE(absl::StrContains(counts.rejected[0].reason, "bad.jsonl"))
      << counts.rejected[0].reason;
  EXPECT_EQ(counts.items, 2);
  EXPECT_EQ(store_->View()->relation_count(), 2);
}

// Two visits and a meeting in GDELT 2.0 rows, one visit reported twice, and a
// statement that is no relation.
std::string GdeltRows() {
  using importers::testing::GdeltTestRow;
  auto row = [](const char* id, const char* a1, const char* a2, const char* code) {
    GdeltTestRow r;
    r.event_id = id;
    r.actor1_code = r.actor1_country = a1;
    r.actor2_code = r.actor2_country = a2;
    r.event_code = code;
    r.url = std::string("http://news.example.com/") + id;
    return r;
  };
  return importers::testing::GdeltFile(
      {row("1", "KAZ", "PAK", "042"), row("2", "KAZ", "PAK", "042"),
       row("3", "PAK", "KAZ", "042"), row("4", "CHN", "KAZ", "040"),
       row("5", "CHN", "KAZ", "010")});
}

TEST_F(ImportPipelineTest, GdeltFilesImportOnceAndCountRowsNotItems) {
  auto reader = importers::GdeltReader::Create(extractor_->gazetteer());
  ASSERT_TRUE(reader.ok()) << reader.status();
  const std::string path = importers::testing::WriteFile(dir_ + "/e.CSV", GdeltRows());
  for (int round = 0; round < 2; ++round) {
    ImportPipeline pipeline(store_.get(), extractor_.get(), nullptr);
    ASSERT_TRUE(pipeline.ImportGdeltFile(**reader, path, {}).ok());
    ASSERT_TRUE(pipeline.Finish().ok());
    const ImportCounts& counts = pipeline.counts();
    EXPECT_EQ(counts.documents, 1);
    EXPECT_EQ(counts.documents_rejected, 0);
    EXPECT_EQ(counts.items, 0);
    EXPECT_EQ(counts.gdelt.rows, 5);
    EXPECT_EQ(counts.gdelt.rows_mapped, 4);
    EXPECT_EQ(counts.gdelt.unmapped_by_root[1], 1);
    EXPECT_EQ(counts.relations_new, round == 0 ? 3 : 0);
    EXPECT_EQ(counts.relations_unchanged, round == 0 ? 0 : 3);
    EXPECT_EQ(counts.entities_new, round == 0 ? 3 : 0);
  }
  EXPECT_EQ(store_->View()->relation_count(), 3);
  auto kazakhstan = store_->GetEntity("country:KAZ");
  ASSERT_TRUE(kazakhstan.ok()) << kazakhstan.status();
  EXPECT_EQ(kazakhstan->name, "Kazakhstan");
  EXPECT_FALSE(kazakhstan->aliases.empty());
}

TEST_F(ImportPipelineTest, ATruncatedGdeltArchiveIsRejectedAndTheRestImports) {
  auto reader = importers::GdeltReader::Create(extractor_->gazetteer());
  ASSERT_TRUE(reader.ok()) << reader.status();
  const std::string gzip = importers::testing::GzipBytes(GdeltRows());
  const std::string cut = importers::testing::WriteFile(
      dir_ + "/cut.CSV.gz", absl::string_view(gzip).substr(0, gzip.size() - 8));
  ImportPipeline pipeline(store_.get(), extractor_.get(), nullptr);
  ASSERT_TRUE(pipeline.ImportGdeltFile(**reader, cut, {}).ok());
  ASSERT_TRUE(pipeline.ImportBytes("good.jsonl", Lines(), {}).ok());
  ASSERT_TRUE(pipeline.Finish().ok());
  ASSERT_EQ(pipeline.counts().rejected.size(), 1u);
  EXPECT_TRUE(absl::StrContains(pipeline.counts().rejected[0].reason,
                                "cut.CSV.gz: the gzip stream is truncated"))
      << pipeline.counts().rejected[0].reason;
  EXPECT_EQ(pipeline.counts().gdelt.rows, 0);
  EXPECT_EQ(store_->View()->relation_count(), 2);
}

}  // namespace
}  // namespace entente::service
