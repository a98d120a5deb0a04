// HttpServer over a real GraphServiceImpl and store in a temporary directory,
// reached over loopback HTTP with a Boost.Beast client.

#include "service/http/http_server.h"

#include <sys/socket.h>

#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/read_until.hpp"
#include "boost/asio/write.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/http.hpp"
#include "common/temp_dir.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/graph_service.h"
#include "service/http/page.h"

namespace entente::service::http {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using ::testing::HasSubstr;
using ::testing::StartsWith;

graph::Relation Relation(graph::RelationType type, const std::string& a,
                         const std::string& b, const std::string& date) {
  graph::Relation relation;
  relation.type = type;
  relation.source = {a, a, graph::KindOfId(a)};
  relation.target = {b, b, graph::KindOfId(b)};
  relation.date = *graph::DateWithPrecision::Parse(date);
  relation.confidence = 0.9;
  relation.provenance.push_back({.item = 1,
                                 .outlet = "The Invented Courier",
                                 .quote = a + " met " + b,
                                 .document = "https://news.invalid/" + a});
  return relation;
}

struct Reply {
  int status = 0;
  std::string content_type;
  std::string body;
};

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(GraphServiceOptions{}); }

  void Start(GraphServiceOptions options) {
    store_ = *graph::Store::Open(dir_, {});
    std::vector<graph::Entity> entities = {
        {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry, {"KAZ"}},
        {"country:PAK", "Pakistan", graph::EntityKind::kCountry, {"PAK"}},
        {"org:eu", "European Union", graph::EntityKind::kOrganization, {"EU"}}};
    using graph::RelationType;
    std::vector<graph::Relation> relations = {
        Relation(RelationType::kPartnership, "country:KAZ", "country:PAK", "2026-02-04"),
        Relation(RelationType::kTradeTarget, "country:KAZ", "country:PAK", "2026-02"),
        Relation(RelationType::kMeeting, "country:KAZ", "org:eu", "2025-06-01"),
        Relation(RelationType::kVisit, "country:PAK", "country:KAZ", "2024-05-10")};
    ASSERT_TRUE(store_->WriteItem(entities, relations).ok());
    ASSERT_TRUE(store_->RefreshView().ok());
    service_ =
        std::make_unique<GraphServiceImpl>(store_.get(), nullptr, std::move(options));
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    grpc_server_ = builder.BuildAndStart();
    HttpServerOptions http_options;
    http_options.port = 0;
    absl::StatusOr<std::unique_ptr<HttpServer>> http =
        HttpServer::Start(http_options, grpc_server_->InProcessChannel({}));
    ASSERT_TRUE(http.ok()) << http.status();
    http_ = *std::move(http);
  }

  void TearDown() override {
    http_->Shutdown();
    service_->BeginShutdown();
    grpc_server_->Shutdown();
    service_.reset();
    store_.reset();
  }

  tcp::socket Connect() {
    tcp::socket socket(io_);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                 static_cast<unsigned short>(http_->port())));
    return socket;
  }

  Reply Fetch(const std::string& target, const std::string& method = "GET",
              const std::string& body = "", const std::string& authorization = "") {
    tcp::socket socket = Connect();
    beast::http::request<beast::http::string_body> request(
        beast::http::string_to_verb(method), target, 11);
    request.set(beast::http::field::host, "127.0.0.1");
    if (!authorization.empty())
      request.set(beast::http::field::authorization, authorization);
    request.body() = body;
    request.prepare_payload();
    beast::http::write(socket, request);
    beast::flat_buffer buffer;
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket, buffer, response);
    return {static_cast<int>(response.result_int()),
            std::string(response[beast::http::field::content_type]), response.body()};
  }

  // Sends raw bytes and returns everything the server answers before closing.
  std::string SendRaw(const std::string& bytes) {
    tcp::socket socket = Connect();
    asio::write(socket, asio::buffer(bytes));
    std::string answer;
    beast::error_code error;
    char chunk[4096];
    for (;;) {
      size_t n = socket.read_some(asio::buffer(chunk), error);
      if (error) break;
      answer.append(chunk, n);
    }
    return answer;
  }

  template <typename Message>
  Message Parse(const std::string& json) {
    Message message;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok()) << json;
    return message;
  }

  common::TempDir tmp_{"entente-http-test-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
  asio::io_context io_;
  std::unique_ptr<graph::Store> store_;
  std::unique_ptr<GraphServiceImpl> service_;
  std::unique_ptr<grpc::Server> grpc_server_;
  std::unique_ptr<HttpServer> http_;
};

TEST_F(HttpServerTest, GetEntityAnswersTheProtoAsJson) {
  Reply reply = Fetch("/api/v1/entities/country:PAK");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  auto entity = Parse<v1::GetEntityResponse>(reply.body);
  EXPECT_EQ(entity.entity().name(), "Pakistan");
  EXPECT_EQ(entity.entity().kind(), v1::ENTITY_KIND_COUNTRY);
  // Names resolve as in gRPC, escaped in the path.
  auto by_name =
      Parse<v1::GetEntityResponse>(Fetch("/api/v1/entities/European%20Union").body);
  EXPECT_EQ(by_name.entity().id(), "org:eu");
}

TEST_F(HttpServerTest, TimelineFollowsFiltersAndPageTokens) {
  Reply first = Fetch("/api/v1/entities/country:KAZ/timeline?other=PAK&page_size=1");
  ASSERT_EQ(first.status, 200) << first.body;
  auto page1 = Parse<v1::GetTimelineResponse>(first.body);
  ASSERT_EQ(page1.relations_size(), 1);
  EXPECT_EQ(page1.other().id(), "country:PAK");
  ASSERT_FALSE(page1.next_page_token().empty());
  auto page2 = Parse<v1::GetTimelineResponse>(
      Fetch("/api/v1/entities/country:KAZ/timeline?other=PAK&page_size=1&page_token=" +
            page1.next_page_token())
          .body);
  ASSERT_EQ(page2.relations_size(), 1);
  EXPECT_NE(page2.relations(0).id(), page1.relations(0).id());
  auto visits = Parse<v1::GetTimelineResponse>(
      Fetch("/api/v1/entities/country:KAZ/timeline?types=visit,meeting&window.since=2025")
          .body);
  ASSERT_EQ(visits.relations_size(), 1);
  EXPECT_EQ(visits.relations(0).type(), v1::RELATION_TYPE_MEETING);
  EXPECT_EQ(visits.relations(0).provenance(0).outlet(), "The Invented Courier");
}

TEST_F(HttpServerTest, SearchPathsNeighborsAndStatsAnswer) {
  auto found = Parse<v1::SearchEntitiesResponse>(Fetch("/api/v1/search?query=kaz").body);
  ASSERT_GE(found.entities_size(), 1);
  EXPECT_EQ(found.entities(0).id(), "country:KAZ");
  auto paths =
      Parse<v1::FindPathsResponse>(Fetch("/api/v1/paths?from=Pakistan&to=EU&k=3").body);
  ASSERT_GE(paths.paths_size(), 1);
  ASSERT_EQ(paths.paths(0).entities_size(), 3);
  EXPECT_EQ(paths.paths(0).entities(1).id(), "country:KAZ");
  auto neighbors =
      Parse<v1::GetNeighborsResponse>(Fetch("/api/v1/entities/org:eu/neighbors").body);
  ASSERT_EQ(neighbors.neighbors_size(), 1);
  EXPECT_EQ(neighbors.neighbors(0).id(), "country:KAZ");
  auto stats = Parse<v1::GetStatsResponse>(Fetch("/api/v1/stats").body);
  EXPECT_EQ(stats.entities(), 3);
  EXPECT_EQ(stats.relations(), 4);
}

TEST_F(HttpServerTest, EntityListAndAnalyticsAnswer) {
  auto listed =
      Parse<v1::ListEntitiesResponse>(Fetch("/api/v1/entities?page_size=2").body);
  ASSERT_EQ(listed.entities_size(), 2);
  EXPECT_FALSE(listed.next_page_token().empty());
  Reply ranked = Fetch("/api/v1/rank?measure=RANK_MEASURE_WEIGHTED_DEGREE");
  ASSERT_EQ(ranked.status, 200) << ranked.body;
  auto rank = Parse<v1::RankEntitiesResponse>(ranked.body);
  ASSERT_GE(rank.entities_size(), 1);
  // Kazakhstan is tied to both others in the fixture; Pakistan and the EU to it alone.
  EXPECT_EQ(rank.entities(0).entity().id(), "country:KAZ");
  Reply blocs = Fetch("/api/v1/blocs");
  ASSERT_EQ(blocs.status, 200) << blocs.body;
  EXPECT_GE(Parse<v1::FindBlocsResponse>(blocs.body).blocs_size(), 1);
  Reply strongest = Fetch("/api/v1/strongest-paths?from=PAK&to=org:eu&k=1");
  ASSERT_EQ(strongest.status, 200) << strongest.body;
  auto chains = Parse<v1::FindStrongestPathsResponse>(strongest.body);
  ASSERT_EQ(chains.paths_size(), 1);
  Reply bad = Fetch("/api/v1/rank?measure=RANK_MEASURE_NONSENSE");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("measure"));
}

TEST_F(HttpServerTest, PostTakesTheRequestAsJson) {
  Reply reply = Fetch("/api/v1/paths", "POST",
                      R"({"fromEntity": "PAK", "toEntity": "org:eu", "k": 2})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_GE(Parse<v1::FindPathsResponse>(reply.body).paths_size(), 1);
  Reply bad = Fetch("/api/v1/paths", "POST", R"({"fromEntity": )");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("FindPathsRequest"));
}

TEST_F(HttpServerTest, PathsDrawAsSvgWithRelationIdsOnEdges) {
  auto paths = Parse<v1::FindPathsResponse>(Fetch("/api/v1/paths?from=PAK&to=EU").body);
  ASSERT_EQ(paths.paths_size(), 1);
  Reply svg = Fetch("/svg/paths?from=PAK&to=EU");
  ASSERT_EQ(svg.status, 200) << svg.body;
  EXPECT_EQ(svg.content_type, "image/svg+xml");
  EXPECT_THAT(svg.body, HasSubstr("<svg"));
  EXPECT_THAT(svg.body, HasSubstr("<title>country:KAZ</title>"));
  EXPECT_THAT(svg.body, HasSubstr(">Kazakhstan</text>"));
  for (const v1::Relation& relation : paths.paths(0).relations()) {
    EXPECT_THAT(svg.body,
                HasSubstr(absl::StrCat("id=\"", relation.id(), "\" class=\"edge\"")));
  }
}

TEST_F(HttpServerTest, BadRequestsAreJsonErrorsNamingTheField) {
  Reply big = Fetch("/api/v1/entities/PAK/timeline?page_size=5000");
  EXPECT_EQ(big.status, 400);
  EXPECT_EQ(big.body,
            R"({"error":{"code":400,"status":"INVALID_ARGUMENT","message":)"
            R"("page_size: must be at most 1000, got 5000","field":"page_size"}})");
  Reply word = Fetch("/api/v1/paths?from=PAK&to=EU&k=three");
  EXPECT_EQ(word.status, 400);
  EXPECT_THAT(word.body, HasSubstr(R"("field":"k")"));
  Reply unknown = Fetch("/api/v1/stats?colour=red");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.body, HasSubstr(R"("field":"colour")"));
  Reply escape = Fetch("/api/v1/search?query=%zz");
  EXPECT_EQ(escape.status, 400);
  EXPECT_THAT(escape.body, HasSubstr(R"("field":"query")"));
  Reply missing = Fetch("/api/v1/entities/Atlantis");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr(R"("status":"NOT_FOUND")"));
  EXPECT_EQ(Fetch("/api/v1/nothing").status, 404);
  EXPECT_EQ(Fetch("/api/v1/stats", "DELETE").status, 405);
  EXPECT_EQ(Fetch("/nowhere").status, 404);
}

TEST_F(HttpServerTest, MalformedAndOversizedRequestsAreRefused) {
  EXPECT_THAT(SendRaw("NONSENSE\r\n\r\n"), StartsWith("HTTP/1.1 400"));
  std::string huge = absl::StrCat(
      "POST /api/v1/paths HTTP/1.1\r\nHost: x\r\nContent-Length: ", kMaxRequestBytes + 1,
      "\r\n\r\n");
  EXPECT_THAT(SendRaw(huge), StartsWith("HTTP/1.1 413"));
  // The server still answers afterwards.
  EXPECT_EQ(Fetch("/api/v1/stats").status, 200);
}

TEST_F(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  tcp::socket socket = Connect();
  beast::flat_buffer buffer;
  for (int i = 0; i < 3; ++i) {
    beast::http::request<beast::http::empty_body> request(beast::http::verb::get,
                                                          "/api/v1/entities/PAK", 11);
    request.set(beast::http::field::host, "x");
    beast::http::write(socket, request);
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket, buffer, response);
    EXPECT_EQ(response.result_int(), 200u);
    EXPECT_THAT(response.body(), HasSubstr("Pakistan"));
  }
}

TEST_F(HttpServerTest, PageViewsServeTheEmbeddedPage) {
  for (const char* view : {"/", "/entity/country:PAK", "/pair/country:PAK/org:eu",
                           "/path/country:PAK/org:eu?k=3"}) {
    Reply page = Fetch(view);
    EXPECT_EQ(page.status, 200) << view;
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_THAT(page.body, HasSubstr("id=\"search\"")) << view;
  }
  Reply script = Fetch("/static/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_THAT(script.body, HasSubstr("/api/v1/search"));
  Reply chart = Fetch("/static/chart.js");
  EXPECT_EQ(chart.status, std::filesystem::exists(kChartJsPath) ? 200 : 404);
}

TEST_F(HttpServerTest, WatchStreamsNewRelationsAsServerSentEvents) {
  tcp::socket socket = Connect();
  asio::write(socket, asio::buffer(std::string(
                          "GET /api/v1/watch?entity=PAK HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::string received;
  asio::read_until(socket, asio::dynamic_buffer(received), "watching");
  EXPECT_THAT(received, StartsWith("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"));
  for (int i = 0; i < 500 && service_->broadcaster().subscriber_count() == 0; ++i) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  ASSERT_EQ(service_->broadcaster().subscriber_count(), 1);
  std::vector<graph::Relation> news = {
      Relation(graph::RelationType::kVisit, "country:PAK", "org:eu", "2026-03-01")};
  service_->broadcaster().Publish(news);
  asio::read_until(socket, asio::dynamic_buffer(received), "}\n\n");
  EXPECT_THAT(received, HasSubstr("data: {\"relation\":"));
  EXPECT_THAT(received, HasSubstr("\"RELATION_TYPE_VISIT\""));
  EXPECT_THAT(received, HasSubstr("2026-03-01"));
}

class HttpAuthTest : public HttpServerTest {
 protected:
  void SetUp() override {
    GraphServiceOptions options;
    options.auth_token = "s3cret";
    options.auth_all = true;
    Start(options);
  }
};

TEST_F(HttpAuthTest, TheBearerTokenIsRequired) {
  Reply none = Fetch("/api/v1/entities/PAK");
  EXPECT_EQ(none.status, 401);
  EXPECT_THAT(none.body, HasSubstr(R"("status":"UNAUTHENTICATED")"));
  EXPECT_EQ(Fetch("/api/v1/entities/PAK", "GET", "", "Bearer wrong").status, 401);
  Reply good = Fetch("/api/v1/entities/PAK", "GET", "", "Bearer s3cret");
  EXPECT_EQ(good.status, 200) << good.body;
  EXPECT_THAT(good.body, HasSubstr("Pakistan"));
}

}  // namespace
}  // namespace entente::service::http
