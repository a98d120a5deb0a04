// ImportThroughServer against a real GraphServiceImpl on a loopback port:
// whole documents, relation chunks for large relation JSON Lines, and files
// rejected before they reach the server.

#include "service/cli/server_import.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "common/temp_dir.h"
#include "gmock/gmock.h"
#include "graph/store.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "importers/relation_jsonl.h"
#include "service/cli/importer_setup.h"
#include "service/graph_service.h"

namespace entente::service::cli {
namespace {

using ::testing::HasSubstr;

graph::Relation Visit(int day) {
  graph::Relation relation;
  relation.type = graph::RelationType::kVisit;
  relation.source = {"country:PAK", "Pakistan", graph::EntityKind::kCountry};
  relation.target = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  relation.date = graph::DateWithPrecision::Day(2026, 1, day);
  relation.reported = relation.date;
  relation.confidence = 0.9;
  graph::Provenance provenance;
  provenance.item = day;
  provenance.outlet = "Dawn";
  provenance.headline = "Visit";
  provenance.reported = relation.date;
  provenance.quote = "visited";
  provenance.document = "visits.jsonl";
  relation.provenance.push_back(provenance);
  return relation;
}

class ServerImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "no temporary directory";
    absl::StatusOr<std::unique_ptr<graph::Store>> store =
        graph::Store::Open(dir_ + "/store", graph::StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    absl::StatusOr<std::unique_ptr<importers::Extractor>> extractor =
        LoadExtractor(importers::DefaultIsoCodesDir());
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
    service_ = std::make_unique<GraphServiceImpl>(store_.get(), extractor_.get(),
                                                  GraphServiceOptions{});
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ClientOptions options;
    options.server = "127.0.0.1:" + std::to_string(port);
    absl::StatusOr<std::unique_ptr<GraphClient>> client = GraphClient::Connect(options);
    ASSERT_TRUE(client.ok()) << client.status();
    client_ = *std::move(client);
  }
  void TearDown() override {
    client_.reset();
    if (server_ != nullptr) server_->Shutdown();
    server_.reset();
    service_.reset();
    store_.reset();
  }

  std::string WriteVisits(const std::string& name, int count) {
    std::string path = dir_ + "/" + name;
    std::ofstream out(path);
    for (int day = 1; day <= count; ++day) {
      out << importers::RelationToJsonLine(Visit(day)) << "\n";
    }
    return path;
  }

  common::TempDir tmp_{"entente-cli-import-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
  std::unique_ptr<graph::Store> store_;
  std::unique_ptr<importers::Extractor> extractor_;
  std::unique_ptr<GraphServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<GraphClient> client_;
};

TEST_F(ServerImportTest, SendsSmallFilesAsDocuments) {
  std::string path = WriteVisits("visits.jsonl", 5);
  absl::StatusOr<ImportCounts> counts = ImportThroughServer(*client_, {path}, "");
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->documents, 1);
  EXPECT_EQ(counts->items, 5);
  EXPECT_EQ(counts->relations_new, 5);
  EXPECT_EQ(counts->documents_rejected, 0);
}

TEST_F(ServerImportTest, SendsLargeRelationJsonlAsChunks) {
  std::string path = WriteVisits("visits.jsonl", 20);
  absl::StatusOr<ImportCounts> counts =
      ImportThroughServer(*client_, {path}, "", /*max_document_bytes=*/100);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->items, 20);
  EXPECT_EQ(counts->relations_new, 20);
  absl::StatusOr<ImportCounts> again =
      ImportThroughServer(*client_, {path}, "", /*max_document_bytes=*/100);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->relations_new, 0);
  EXPECT_EQ(again->relations_unchanged, 20);
}

TEST_F(ServerImportTest, RejectsUnreadableAndOversizedTextHere) {
  std::ofstream(dir_ + "/big.txt") << std::string(200, 'x');
  std::string good = WriteVisits("visits.jsonl", 2);
  absl::StatusOr<ImportCounts> counts =
      ImportThroughServer(*client_, {dir_ + "/missing.txt", dir_ + "/big.txt", good}, "",
                          /*max_document_bytes=*/150);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->documents, 3);
  EXPECT_EQ(counts->documents_rejected, 2);
  EXPECT_EQ(counts->relations_new, 2);
  ASSERT_EQ(counts->rejected.size(), 2u);
  EXPECT_THAT(counts->rejected[0].reason, HasSubstr("missing.txt: cannot open"));
  EXPECT_THAT(counts->rejected[1].reason, HasSubstr("big.txt: larger than 150 bytes"));
}

}  // namespace
}  // namespace entente::service::cli
