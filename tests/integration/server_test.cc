// Integration tests: the real `entente serve` binary on a free loopback port
// with a fresh store, fed the development digests through ImportDigests, and
// queried through the generated C++ client.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/temp_dir.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/digest_import.h"
#include "tests/integration/server_process.h"

namespace entente::testing {
namespace {

constexpr char kToken[] = "integration-secret-token";
// The ladder of SigtermLetsALongPathSearchFinish: 1.4M relations, whose 50 shortest
// paths take FindPaths about a second on our machines; under the sanitizers, which
// slow the search some tenfold, 250,000.
constexpr int kLadderLayers = 5;
#if defined(__SANITIZE_ADDRESS__)
constexpr int kLadderWidth = 250;
#elif defined(__has_feature)
constexpr int kLadderWidth = __has_feature(address_sanitizer) ? 250 : 600;
#else
constexpr int kLadderWidth = 600;
#endif

std::string ServerBinary() {
  const char* binary = std::getenv("ENTENTE_BIN");
  return binary != nullptr ? binary : "";
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    digests_ = new std::vector<std::string>(DevelopmentDigests());
    if (digests_->empty() || ServerBinary().empty()) return;
    dir_ = new common::TempDir("entente-integration-");
    std::ofstream(dir_->Sub("token")) << kToken << "\n";
    auto server =
        ServerProcess::Start({.binary = ServerBinary(),
                              .db = dir_->Sub("store"),
                              .extra_args = {"--auth-token-file", dir_->Sub("token")}});
    if (!server.ok()) {
      start_error_ = new std::string(server.status().ToString());
      return;
    }
    server_ = server->release();
    stub_ = v1::GraphService::NewStub(server_->channel()).release();
    first_import_ = new v1::ImportDigestsResponse();
    grpc::Status status = ImportFiles(stub_, *digests_, kToken, first_import_);
    if (!status.ok()) import_error_ = new std::string(status.error_message());
  }

  static void TearDownTestSuite() {
    delete stub_;
    if (server_ != nullptr) {
      absl::StatusOr<int> exit_code = server_->Stop(SIGTERM);
      EXPECT_TRUE(exit_code.ok() && *exit_code == 0)
          << "the server did not stop cleanly: " << server_->log();
      delete server_;
    }
    delete dir_;
  }

  void SetUp() override {
    if (digests_->empty()) GTEST_SKIP() << "no development digests (ENTENTE_SHARED_DIR)";
    if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
    ASSERT_EQ(start_error_, nullptr) << *start_error_;
  }

  // For tests that read imported data.
  static void AssertImported() {
    ASSERT_EQ(import_error_, nullptr) << "importing the digests: " << *import_error_;
  }

  static grpc::Status TimelinePage(const std::string& entity, const std::string& other,
                                   int page_size, const std::string& token,
                                   v1::GetTimelineResponse* response) {
    grpc::ClientContext context;
    v1::GetTimelineRequest request;
    request.set_entity(entity);
    request.set_other(other);
    request.set_page_size(page_size);
    request.set_page_token(token);
    return stub_->GetTimeline(&context, request, response);
  }

  static inline std::vector<std::string>* digests_ = nullptr;
  static inline common::TempDir* dir_ = nullptr;
  static inline std::string* start_error_ = nullptr;
  static inline std::string* import_error_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  static inline v1::GraphService::Stub* stub_ = nullptr;
  static inline v1::ImportDigestsResponse* first_import_ = nullptr;
};

TEST_F(ServerTest, HealthServiceSaysServing) {
  EXPECT_EQ(CheckHealth(server_->channel().get()).value_or(-1), 1);
  EXPECT_EQ(CheckHealth(server_->channel().get(), "entente.v1.GraphService").value_or(-1),
            1);
}

TEST_F(ServerTest, ReflectionListsTheGraphService) {
  absl::StatusOr<std::string> services =
      ListServicesByReflection(server_->channel().get());
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_TRUE(absl::StrContains(*services, "entente.v1.GraphService"));
  EXPECT_TRUE(absl::StrContains(*services, "grpc.health.v1.Health"));
}

TEST_F(ServerTest, ImportCountsEveryDigest) {
  AssertImported();
  EXPECT_EQ(first_import_->documents(), static_cast<int64_t>(digests_->size()));
  EXPECT_EQ(first_import_->documents_rejected(), 0)
      << first_import_->rejected(0).name() << ": " << first_import_->rejected(0).reason();
  EXPECT_GT(first_import_->items(), 0);
  EXPECT_GT(first_import_->relations_new(), 10);
}

TEST_F(ServerTest, ImportingAgainAddsNothing) {
  AssertImported();
  v1::ImportDigestsResponse again;
  ASSERT_TRUE(ImportFiles(stub_, {digests_->back()}, kToken, &again, 1000).ok());
  EXPECT_EQ(again.documents(), 1);
  EXPECT_GT(again.items(), 0);
  EXPECT_EQ(again.relations_new(), 0);
  EXPECT_EQ(again.relations_merged(), 0);
  EXPECT_GT(again.relations_unchanged(), 0);
}

TEST_F(ServerTest, ADocumentWithoutPublishedIsDatedByItsNameElseRejectedNamingTheField) {
  auto import = [&](const std::string& name, v1::ImportDigestsResponse* response) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", std::string("Bearer ") + kToken);
    auto writer = stub_->ImportDigests(&context, response);
    v1::ImportDigestsRequest request;
    v1::DigestDocument* document = request.mutable_document();
    document->set_name(name);
    document->set_text("Notes\n\nChile and Ghana signed a cocoa trade deal on Monday.\n");
    writer->Write(request);
    writer->WritesDone();
    return writer->Finish();
  };
  v1::ImportDigestsResponse dated;
  grpc::Status status = import("2019-07-12-notes.txt", &dated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(dated.relations_new(), 1);
  grpc::ClientContext context;
  v1::GetTimelineRequest request;
  request.set_entity("Chile");
  request.set_other("Ghana");
  v1::GetTimelineResponse timeline;
  ASSERT_TRUE(stub_->GetTimeline(&context, request, &timeline).ok());
  ASSERT_EQ(timeline.relations_size(), 1);
  EXPECT_EQ(timeline.relations(0).date().value(), "2019-07-08");  // The Monday before.

  // A document without a date is rejected by name, the reason naming the field.
  v1::ImportDigestsResponse undated;
  status = import("notes.txt", &undated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(undated.documents_rejected(), 1);
  ASSERT_EQ(undated.rejected_size(), 1);
  EXPECT_EQ(undated.rejected(0).name(), "notes.txt");
  EXPECT_THAT(undated.rejected(0).reason(), ::testing::HasSubstr("document.published"));
  EXPECT_THAT(undated.rejected(0).reason(),
              ::testing::Not(::testing::HasSubstr("--published")));
}

TEST_F(ServerTest, PathFromPakistanToEuropeanUnionGoesThroughKazakhstan) {
  AssertImported();
  grpc::ClientContext context;
  v1::FindPathsRequest request;
  request.set_from_entity("Pakistan");
  request.set_to_entity("European Union");
  request.set_k(3);
  v1::FindPathsResponse response;
  grpc::Status status = stub_->FindPaths(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.from_entity().id(), "country:PAK");
  EXPECT_EQ(response.to_entity().id(), "org:eu");
  ASSERT_FALSE(response.paths().empty());
  const v1::Path& shortest = response.paths(0);
  ASSERT_EQ(shortest.entities_size(), 3);
  EXPECT_EQ(shortest.entities(1).id(), "country:KAZ");
  ASSERT_EQ(shortest.relations_size(), 2);
  for (const v1::Relation& relation : shortest.relations()) {
    EXPECT_FALSE(relation.date().value().empty()) << relation.id();
    ASSERT_FALSE(relation.provenance().empty()) << relation.id();
    EXPECT_FALSE(relation.provenance(0).quote().empty());
  }
}

TEST_F(ServerTest, PairTimelineHasDatedRelationsWithProvenance) {
  AssertImported();
  v1::GetTimelineResponse response;
  grpc::Status status = TimelinePage("Kazakhstan", "PAK", 100, "", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.entity().id(), "country:KAZ");
  EXPECT_EQ(response.other().id(), "country:PAK");
  ASSERT_FALSE(response.relations().empty());
  for (const v1::Relation& relation : response.relations()) {
    std::set<std::string> ends = {relation.source().id(), relation.target().id()};
    EXPECT_EQ(ends, (std::set<std::string>{"country:KAZ", "country:PAK"}));
    EXPECT_FALSE(relation.provenance().empty());
  }
}

TEST_F(ServerTest, TimelinePagesJoinIntoTheWholeTimeline) {
  AssertImported();
  v1::GetTimelineResponse whole;
  ASSERT_TRUE(TimelinePage("country:KAZ", "", 1000, "", &whole).ok());
  ASSERT_GT(whole.relations_size(), 3);
  EXPECT_TRUE(whole.next_page_token().empty());
  std::vector<std::string> paged;
  std::string token;
  int pages = 0;
  do {
    v1::GetTimelineResponse page;
    grpc::Status status = TimelinePage("country:KAZ", "", 2, token, &page);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_LE(page.relations_size(), 2);
    for (const v1::Relation& relation : page.relations()) paged.push_back(relation.id());
    token = page.next_page_token();
    ASSERT_LT(++pages, 1000);
  } while (!token.empty());
  std::vector<std::string> expected;
  for (const v1::Relation& relation : whole.relations())
    expected.push_back(relation.id());
  EXPECT_EQ(paged, expected);
}

TEST_F(ServerTest, UnknownEntityIsNotFoundNamingIt) {
  grpc::ClientContext context;
  v1::GetEntityRequest request;
  request.set_entity("Atlantis");
  v1::GetEntityResponse response;
  grpc::Status status = stub_->GetEntity(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(absl::StrContains(status.error_message(), "Atlantis"))
      << status.error_message();
}

TEST_F(ServerTest, EntityResolvesByCodeAndAlias) {
  AssertImported();
  for (const char* name : {"PAK", "Pakistan", "country:PAK"}) {
    grpc::ClientContext context;
    v1::GetEntityRequest request;
    request.set_entity(name);
    v1::GetEntityResponse response;
    grpc::Status status = stub_->GetEntity(&context, request, &response);
    ASSERT_TRUE(status.ok()) << name << ": " << status.error_message();
    EXPECT_EQ(response.entity().id(), "country:PAK") << name;
  }
}

TEST_F(ServerTest, BadArgumentsAreInvalidArgumentNamingTheField) {
  struct Case {
    std::string field;
    v1::FindPathsRequest request;
  };
  std::vector<Case> cases(4);
  for (Case& c : cases) {
    c.request.set_from_entity("PAK");
    c.request.set_to_entity("KAZ");
  }
  cases[0].field = "max_hops";
  cases[0].request.set_max_hops(9);
  cases[1].field = "k";
  cases[1].request.set_k(51);
  cases[2].field = "window.since";
  cases[2].request.mutable_window()->set_since("2025-13");
  cases[3].field = "from_entity";
  cases[3].request.clear_from_entity();
  for (const Case& c : cases) {
    grpc::ClientContext context;
    v1::FindPathsResponse response;
    grpc::Status status = stub_->FindPaths(&context, c.request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.field;
    EXPECT_TRUE(absl::StartsWith(status.error_message(), c.field + ":"))
        << c.field << " vs " << status.error_message();
    EXPECT_TRUE(absl::StrContains(status.error_details(), "google.rpc.BadRequest"));
  }
  v1::GetTimelineResponse page;
  grpc::Status status = TimelinePage("KAZ", "", 1001, "", &page);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "page_size:"));
}

TEST_F(ServerTest, ImportWithoutTheTokenIsUnauthenticated) {
  for (const std::string& token : {std::string(), std::string("wrong-token")}) {
    v1::ImportDigestsResponse response;
    grpc::Status status = ImportFiles(stub_, {digests_->front()}, token, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << token;
  }
}

TEST_F(ServerTest, OversizedMessageIsResourceExhausted) {
  grpc::ClientContext context;
  context.AddMetadata("authorization", std::string("Bearer ") + kToken);
  v1::ImportDigestsResponse response;
  auto writer = stub_->ImportDigests(&context, &response);
  v1::ImportDigestsRequest request;
  request.mutable_document()->set_name("huge.txt");
  request.mutable_document()->set_text(std::string(17 << 20, 'x'));
  writer->Write(request);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

// Items are atomic, so a stream that fails part way keeps what it stored;
// the error says how much that was, so the client knows what to resend.
TEST_F(ServerTest, AFailedImportStreamSaysWhatItStoredBeforeTheError) {
  AssertImported();
  grpc::ClientContext context;
  context.AddMetadata("authorization", std::string("Bearer ") + kToken);
  v1::ImportDigestsResponse response;
  auto writer = stub_->ImportDigests(&context, &response);
  v1::ImportDigestsRequest good;
  good.mutable_relation_chunk()->set_name("stream-test.jsonl");
  good.mutable_relation_chunk()->set_jsonl(
      R"({"type":"meeting","source":{"id":"org:stream-test-a","name":"A",)"
      R"("kind":"organization"},"target":{"id":"org:stream-test-b","name":"B",)"
      R"("kind":"organization"},"date":"2026-01-02"})"
      "\n");
  ASSERT_TRUE(writer->Write(good));
  writer->Write(v1::ImportDigestsRequest());  // No payload: the stream is wrong.
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(status.error_message(),
                                "1 items of 1 documents were imported: 1 relations new"))
      << status.error_message();
  grpc::ClientContext timeline_context;
  v1::GetTimelineRequest request;
  request.set_entity("org:stream-test-a");
  v1::GetTimelineResponse timeline;
  ASSERT_TRUE(stub_->GetTimeline(&timeline_context, request, &timeline).ok());
  EXPECT_EQ(timeline.relations_size(), 1);
}

TEST_F(ServerTest, WatchersSeeImportedRelations) {
  AssertImported();
  grpc::ClientContext context;
  v1::WatchRelationsRequest request;
  request.set_entity("Pakistan");
  auto reader = stub_->WatchRelations(&context, request);
  reader->WaitForInitialMetadata();  // The subscription is live from here on.
  v1::ImportDigestsResponse imported;
  ASSERT_TRUE(ImportFiles(stub_, {digests_->back()}, kToken, &imported).ok());
  v1::WatchRelationsResponse seen;
  ASSERT_TRUE(reader->Read(&seen));
  std::set<std::string> ends = {seen.relation().source().id(),
                                seen.relation().target().id()};
  EXPECT_TRUE(ends.count("country:PAK")) << seen.relation().id();
  context.TryCancel();
  while (reader->Read(&seen)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

TEST_F(ServerTest, ExpiredDeadlineEndsThePathCall) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() - std::chrono::seconds(1));
  v1::FindPathsRequest request;
  request.set_from_entity("PAK");
  request.set_to_entity("org:eu");
  v1::FindPathsResponse response;
  EXPECT_EQ(stub_->FindPaths(&context, request, &response).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST(ServerTls, ServesOnlyTls) {
  if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
  common::TempDir tmp("entente-tls-");
  const std::string& dir = tmp.path();
  std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "
      "/CN=localhost -addext subjectAltName=DNS:localhost -keyout " +
      dir + "/key.pem -out " + dir + "/cert.pem 2>/dev/null";
  if (std::system(command.c_str()) != 0) GTEST_SKIP() << "openssl is not available";
  auto server = ServerProcess::Start(
      {.binary = ServerBinary(),
       .db = dir + "/store",
       .extra_args = {"--tls-cert", dir + "/cert.pem", "--tls-key", dir + "/key.pem"},
       .tls_root_pem = ReadWholeFile(dir + "/cert.pem")});
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_EQ(CheckHealth((*server)->channel().get()).value_or(-1), 1);
  auto plaintext =
      grpc::CreateChannel((*server)->address(), grpc::InsecureChannelCredentials());
  EXPECT_FALSE(CheckHealth(plaintext.get(), "", absl::Seconds(1)).ok());
  EXPECT_EQ((*server)->Stop(SIGTERM).value_or(-1), 0);
}

TEST(ServerShutdown, SigtermLetsAnImportInFlightFinish) {
  std::vector<std::string> digests = DevelopmentDigests();
  if (digests.size() < 2) GTEST_SKIP() << "no development digests (ENTENTE_SHARED_DIR)";
  if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
  common::TempDir tmp("entente-inflight-");
  const std::string& dir = tmp.path();
  ServerProcess::Options options{.binary = ServerBinary(), .db = dir + "/store"};
  v1::ImportDigestsResponse imported;
  {
    auto server = ServerProcess::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    auto stub = v1::GraphService::NewStub((*server)->channel());
    grpc::ClientContext context;
    auto writer = stub->ImportDigests(&context, &imported);
    auto send = [&](const std::string& path) {
      v1::ImportDigestsRequest request;
      request.mutable_document()->set_name(
          std::filesystem::path(path).filename().string());
      request.mutable_document()->set_published(PublishedFromName(path));
      request.mutable_document()->set_text(ReadWholeFile(path));
      return writer->Write(request);
    };
    // A watcher sees the import at work, and sees the shutdown begin: the
    // server ends every watch on SIGTERM. The server imports a document once
    // the next message shows it is whole, so two are sent before the first
    // relation can come.
    grpc::ClientContext watch_context;
    // A bound against a hang, not a measure: the events come in milliseconds.
    watch_context.set_deadline(std::chrono::system_clock::now() +
                               std::chrono::minutes(2));
    auto watcher = stub->WatchRelations(&watch_context, v1::WatchRelationsRequest());
    watcher->WaitForInitialMetadata();
    ASSERT_TRUE(send(digests[0]));
    ASSERT_TRUE(send(digests[1]));
    v1::WatchRelationsResponse seen;
    ASSERT_TRUE(watcher->Read(&seen)) << "no relation of " << digests[0];
    kill((*server)->pid(), SIGTERM);
    while (watcher->Read(&seen)) {
    }
    EXPECT_EQ(watcher->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
    for (size_t i = 2; i < digests.size(); ++i) ASSERT_TRUE(send(digests[i]));
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message() << "\n" << (*server)->log();
    EXPECT_EQ(imported.documents(), static_cast<int64_t>(digests.size()));
    EXPECT_EQ((*server)->Stop(SIGTERM).value_or(-1), 0) << (*server)->log();
  }
  auto server = ServerProcess::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = v1::GraphService::NewStub((*server)->channel());
  grpc::ClientContext context;
  v1::GetStatsResponse stats;
  ASSERT_TRUE(stub->GetStats(&context, v1::GetStatsRequest(), &stats).ok());
  EXPECT_EQ(stats.relations(), imported.relations_new());
  EXPECT_EQ((*server)->Stop(SIGTERM).value_or(-1), 0);
}

// A connected client that makes no call must not hold the shutdown up (the
// grace period is for calls in flight, 30 s by default). Python's gRPC client
// is one that takes seconds to hang up after the server's GOAWAY; this one
// never hangs up, so a server that waited for it would stop only when the
// grace period ends.
TEST(ServerShutdown, SigtermDoesNotWaitForIdleClients) {
  if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
  if (std::system("/usr/bin/python3 -c 'import grpc' 2>/dev/null") != 0) {
    GTEST_SKIP() << "Debian's python3-grpcio is not installed";
  }
  common::TempDir tmp("entente-idle-");
  const std::string& dir = tmp.path();
  auto server = ServerProcess::Start({.binary = ServerBinary(), .db = dir + "/store"});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string connected = dir + "/connected";
  const char* script =
      "import grpc, sys, time\n"
      "channel = grpc.insecure_channel(sys.argv[1])\n"
      "grpc.channel_ready_future(channel).result(timeout=30)\n"
      "open(sys.argv[2], 'w').close()\n"
      "while True: time.sleep(60)\n";
  pid_t client = fork();
  if (client == 0) {
    execl("/usr/bin/python3", "python3", "-c", script, (*server)->address().c_str(),
          connected.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_GT(client, 0);
  const absl::Time connect_deadline = absl::Now() + absl::Seconds(30);
  while (!std::filesystem::exists(connected) && absl::Now() < connect_deadline) {
    absl::SleepFor(absl::Milliseconds(50));
  }
  ASSERT_TRUE(std::filesystem::exists(connected)) << "the Python client did not connect";
  // Stopped well before the 30 s grace period ends, with the client still
  // connected (it never hangs up, and is killed only afterwards).
  absl::StatusOr<int> stopped = (*server)->Stop(SIGTERM, absl::Seconds(20));
  EXPECT_EQ(waitpid(client, nullptr, WNOHANG), 0) << "the client went away first";
  kill(client, SIGKILL);
  waitpid(client, nullptr, 0);
  ASSERT_TRUE(stopped.ok()) << stopped.status() << "\n" << (*server)->log();
  EXPECT_EQ(*stopped, 0) << (*server)->log();
}

// Relations that keep FindPaths busy for long: `layers` layers of `width`
// organizations between org:ladder-from and org:ladder-to, each member of a layer
// linked to every member of the next. The paths are width^layers, all of layers + 1
// hops, so the k shortest take Yen's algorithm many searches over the whole ladder.
std::string LadderJsonl(int layers, int width) {
  auto rung = [](int layer, int index) {
    if (layer < 0) return std::string("from");
    return absl::StrCat("l", layer, "-", index);
  };
  std::string jsonl;
  auto link = [&](const std::string& a, const std::string& b) {
    absl::StrAppend(&jsonl, R"({"type":"meeting","source":{"id":"org:ladder-)", a,
                    R"(","name":"Ladder )", a, R"(","kind":"organization"},)",
                    R"("target":{"id":"org:ladder-)", b, R"(","name":"Ladder )", b,
                    R"(","kind":"organization"},"date":"2026-01-02"})", "\n");
  };
  for (int layer = -1; layer < layers - 1; ++layer) {
    for (int a = 0; a < (layer < 0 ? 1 : width); ++a) {
      for (int b = 0; b < width; ++b) link(rung(layer, a), rung(layer + 1, b));
    }
  }
  for (int a = 0; a < width; ++a) link(rung(layers - 1, a), "to");
  return jsonl;
}

// The request log's line for `method`, or "".
std::string LogLineOf(const std::string& log, const std::string& method) {
  const size_t at =
      log.find(absl::StrCat("\"method\":\"/entente.v1.GraphService/", method));
  if (at == std::string::npos) return "";
  const size_t begin = log.rfind('\n', at) + 1;  // npos + 1 == 0.
  return log.substr(begin, log.find('\n', at) - begin);
}

// A search in flight at SIGTERM runs to its end within the grace period (30 s),
// rather than being cancelled with the connections after a moment.
TEST(ServerShutdown, SigtermLetsALongPathSearchFinish) {
  if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
  if (!absl::EndsWith(ServerBinary(), "/entente")) {
    GTEST_SKIP() << "the search's store is loaded by `entente import --bulk`";
  }
  common::TempDir tmp("entente-long-path-");
  const std::string& dir = tmp.path();
  // A store this large is loaded by the command's bulk loader in seconds, where
  // ImportDigests would take a minute.
  std::ofstream(dir + "/ladder.jsonl") << LadderJsonl(kLadderLayers, kLadderWidth);
  const std::string import =
      absl::StrCat(ServerBinary(), " import --bulk --db ", dir, "/store ", dir,
                   "/ladder.jsonl >", dir, "/import.log 2>&1");
  ASSERT_EQ(std::system(import.c_str()), 0) << ReadWholeFile(dir + "/import.log");
  auto server = ServerProcess::Start({.binary = ServerBinary(), .db = dir + "/store"});
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = v1::GraphService::NewStub((*server)->channel());
  v1::FindPathsRequest request;
  request.set_from_entity("org:ladder-from");
  request.set_to_entity("org:ladder-to");
  request.set_k(50);
  request.set_max_hops(8);
  grpc::ClientContext search_context;
  v1::FindPathsResponse paths;
  grpc::Status search_status;
  absl::Notification search_done;
  stub->async()->FindPaths(&search_context, &request, &paths, [&](grpc::Status status) {
    search_status = std::move(status);
    search_done.Notify();
  });
  // The server reads the streams of one connection in order: once a call sent
  // after the search is answered, the server holds the search.
  grpc::ClientContext entity_context;
  v1::GetEntityRequest entity;
  entity.set_entity("org:ladder-to");
  v1::GetEntityResponse found;
  ASSERT_TRUE(stub->GetEntity(&entity_context, entity, &found).ok());
  ASSERT_FALSE(search_done.HasBeenNotified()) << "the search ended before SIGTERM";
  kill((*server)->pid(), SIGTERM);
  search_done.WaitForNotification();
  EXPECT_TRUE(search_status.ok()) << search_status.error_message();
  // Whole, or cut only by the server's own time limit for a search (10 s).
  if (paths.truncated()) {
    EXPECT_EQ(paths.truncation_reason(), "deadline");
  } else {
    EXPECT_EQ(paths.paths_size(), 50);
  }
  EXPECT_EQ((*server)->Stop(SIGTERM).value_or(-1), 0) << (*server)->log();
  // The search's own line comes after the shutdown began. Its latency is the
  // test's premise, not a measure: a search over in less than the moment the
  // shutdown gives a finished answer (200 ms) would show nothing.
  const std::string log = (*server)->log();
  const std::string line = LogLineOf(log, "FindPaths");
  EXPECT_THAT(line, ::testing::HasSubstr("\"code\":\"OK\"")) << log;
  EXPECT_LT(log.find("SIGTERM received"), log.find(line)) << log;
  double latency_ms = 0;
  const size_t latency = line.find("\"latency_ms\":");
  ASSERT_NE(latency, std::string::npos) << line;
  ASSERT_TRUE(absl::SimpleAtod(
      line.substr(latency + 13, line.find(',', latency) - latency - 13), &latency_ms))
      << line;
  EXPECT_GT(latency_ms, 400) << "the ladder is too small to keep the search busy";
}

TEST(ServerShutdown, SigtermKeepsEveryAcknowledgedImport) {
  std::vector<std::string> digests = DevelopmentDigests();
  if (digests.empty()) GTEST_SKIP() << "no development digests (ENTENTE_SHARED_DIR)";
  if (ServerBinary().empty()) GTEST_SKIP() << "ENTENTE_BIN is not set";
  common::TempDir tmp("entente-shutdown-");
  const std::string& dir = tmp.path();
  ServerProcess::Options options{.binary = ServerBinary(), .db = dir + "/store"};
  int64_t relations = 0;
  {
    auto server = ServerProcess::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    auto stub = v1::GraphService::NewStub((*server)->channel());
    v1::ImportDigestsResponse imported;
    ASSERT_TRUE(ImportFiles(stub.get(), digests, "", &imported).ok());
    grpc::ClientContext context;
    v1::GetStatsResponse stats;
    ASSERT_TRUE(stub->GetStats(&context, v1::GetStatsRequest(), &stats).ok());
    relations = stats.relations();
    ASSERT_GT(relations, 0);
    EXPECT_EQ((*server)->Stop(SIGTERM).value_or(-1), 0) << (*server)->log();
    EXPECT_TRUE(absl::StrContains((*server)->log(),
                                  "\"method\":\"/entente.v1.GraphService/"
                                  "ImportDigests\",\"code\":\"OK\""))
        << (*server)->log();
  }
  auto server = ServerProcess::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = v1::GraphService::NewStub((*server)->channel());
  grpc::ClientContext context;
  v1::GetStatsResponse stats;
  ASSERT_TRUE(stub->GetStats(&context, v1::GetStatsRequest(), &stats).ok());
  EXPECT_EQ(stats.relations(), relations);
  EXPECT_EQ((*server)->Stop(SIGINT).value_or(-1), 0);
}

}  // namespace
}  // namespace entente::testing
