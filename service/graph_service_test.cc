// GraphServiceImpl over a real store in a temporary directory, called through
// an in-process gRPC channel.

#include "service/graph_service.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "absl/strings/match.h"
#include "common/temp_dir.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/test_support.h"

namespace entente::service {
namespace {

using testing::MakeRelation;

class GraphServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = *graph::Store::Open(dir_, {});
    std::vector<graph::Entity> entities = {
        {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry, {"KAZ", "Kazakh"}},
        {"country:PAK", "Pakistan", graph::EntityKind::kCountry, {"PAK"}},
        {"org:eu", "European Union", graph::EntityKind::kOrganization, {"EU"}},
        {"city:astana", "Astana", graph::EntityKind::kCity, {}},
        {"person:astana-mayor", "Astana Mayor", graph::EntityKind::kPerson, {}}};
    using graph::RelationType;
    std::vector<graph::Relation> relations = {
        MakeRelation(RelationType::kPartnership, "country:KAZ", "country:PAK",
                     "2026-02-04"),
        MakeRelation(RelationType::kTradeTarget, "country:KAZ", "country:PAK", "2026-02"),
        MakeRelation(RelationType::kDiplomaticRelations, "country:KAZ", "org:eu", "1993"),
        MakeRelation(RelationType::kMeeting, "country:KAZ", "org:eu", "2025-06-01"),
        MakeRelation(RelationType::kVisit, "country:PAK", "country:KAZ", "2024-05-10")};
    ASSERT_TRUE(store_->WriteItem(entities, relations).ok());
    ASSERT_TRUE(store_->RefreshView().ok());
    served_ = std::make_unique<testing::InProcessGraphService>(store_.get());
    stub_ = served_->stub.get();
  }

  void TearDown() override {
    served_.reset();
    store_.reset();
  }

  grpc::Status Timeline(v1::GetTimelineRequest request, v1::GetTimelineResponse* out) {
    grpc::ClientContext context;
    return stub_->GetTimeline(&context, request, out);
  }

  common::TempDir tmp_{"entente-service-test-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
  std::unique_ptr<graph::Store> store_;
  std::unique_ptr<testing::InProcessGraphService> served_;
  v1::GraphService::Stub* stub_ = nullptr;
};

TEST_F(GraphServiceTest, NamesResolveByIdNameCodeAndAlias) {
  for (const char* name :
       {"country:KAZ", "Kazakhstan", "kaz", "Kazakh", "  kazakhstan "}) {
    grpc::ClientContext context;
    v1::GetEntityRequest request;
    request.set_entity(name);
    v1::GetEntityResponse response;
    grpc::Status status = stub_->GetEntity(&context, request, &response);
    ASSERT_TRUE(status.ok()) << name << ": " << status.error_message();
    EXPECT_EQ(response.entity().id(), "country:KAZ") << name;
    EXPECT_EQ(response.entity().kind(), v1::ENTITY_KIND_COUNTRY);
  }
}

TEST_F(GraphServiceTest, AmbiguousNameListsTheCandidates) {
  grpc::ClientContext context;
  v1::GetEntityRequest request;
  request.set_entity("Astana");
  v1::GetEntityResponse response;
  grpc::Status status = stub_->GetEntity(&context, request, &response);
  // "Astana" is the city's exact name; the mayor only starts with it.
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.entity().id(), "city:astana");
  grpc::ClientContext context2;
  request.set_entity("Ast");
  status = stub_->GetEntity(&context2, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(status.error_message(), "city:astana"));
  EXPECT_TRUE(absl::StrContains(status.error_message(), "person:astana-mayor"));
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "entity:"));
}

TEST_F(GraphServiceTest, UnknownEntityIsNotFound) {
  v1::GetTimelineRequest request;
  request.set_entity("KAZ");
  request.set_other("Atlantis");
  v1::GetTimelineResponse response;
  grpc::Status status = Timeline(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(absl::StrContains(status.error_message(), "Atlantis"));
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "other:"));
}

TEST_F(GraphServiceTest, AHugeEntityTextIsRefusedQuotingAShortPrefix) {
  v1::GetTimelineRequest request;
  request.set_entity(std::string(9000, 'K'));
  v1::GetTimelineResponse response;
  grpc::Status status = Timeline(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "entity: at most 256 bytes"))
      << status.error_message();
  EXPECT_LT(status.error_message().size(), 200u);
}

TEST_F(GraphServiceTest, PairTimelineInBothOrders) {
  v1::GetTimelineRequest request;
  request.set_entity("PAK");
  request.set_other("KAZ");
  v1::GetTimelineResponse oldest;
  ASSERT_TRUE(Timeline(request, &oldest).ok());
  ASSERT_EQ(oldest.relations_size(), 3);
  EXPECT_EQ(oldest.relations(0).date().value(), "2024-05-10");
  request.set_order(v1::TIMELINE_ORDER_NEWEST_FIRST);
  v1::GetTimelineResponse newest;
  ASSERT_TRUE(Timeline(request, &newest).ok());
  ASSERT_EQ(newest.relations_size(), 3);
  EXPECT_EQ(newest.relations(0).date().value(), "2026-02-04");
  EXPECT_EQ(newest.relations(0).type(), v1::RELATION_TYPE_PARTNERSHIP);
  EXPECT_FALSE(newest.relations(0).provenance().empty());
}

TEST_F(GraphServiceTest, TimelineFiltersByWindowAndType) {
  v1::GetTimelineRequest request;
  request.set_entity("KAZ");
  request.mutable_window()->set_since("2025");
  v1::GetTimelineResponse response;
  ASSERT_TRUE(Timeline(request, &response).ok());
  EXPECT_EQ(response.relations_size(), 3);
  request.add_types(v1::RELATION_TYPE_MEETING);
  ASSERT_TRUE(Timeline(request, &response).ok());
  ASSERT_EQ(response.relations_size(), 1);
  EXPECT_EQ(response.relations(0).target().id(), "org:eu");
}

TEST_F(GraphServiceTest, LimitsAreInvalidArgumentNamingTheField) {
  v1::GetTimelineRequest request;
  request.set_entity("KAZ");
  request.set_page_size(1001);
  v1::GetTimelineResponse response;
  grpc::Status status = Timeline(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "page_size:"));
  request.set_page_size(10);
  request.add_types(v1::RELATION_TYPE_UNSPECIFIED);
  status = Timeline(request, &response);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "types:"));
}

TEST_F(GraphServiceTest, PathGoesThroughKazakhstanWithRelations) {
  grpc::ClientContext context;
  v1::FindPathsRequest request;
  request.set_from_entity("Pakistan");
  request.set_to_entity("EU");
  request.set_k(2);
  v1::FindPathsResponse response;
  grpc::Status status = stub_->FindPaths(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_FALSE(response.paths().empty());
  const v1::Path& path = response.paths(0);
  ASSERT_EQ(path.entities_size(), 3);
  EXPECT_EQ(path.entities(1).id(), "country:KAZ");
  EXPECT_EQ(path.entities(1).name(), "Kazakhstan");
  ASSERT_EQ(path.relations_size(), 2);
  EXPECT_FALSE(path.relations(1).date().value().empty());
  EXPECT_FALSE(response.truncated());
}

TEST_F(GraphServiceTest, PathAvoidingCountriesFindsNothingThroughKazakhstan) {
  grpc::ClientContext context;
  v1::FindPathsRequest request;
  request.set_from_entity("PAK");
  request.set_to_entity("org:eu");
  request.add_avoid_kinds(v1::ENTITY_KIND_COUNTRY);
  v1::FindPathsResponse response;
  ASSERT_TRUE(stub_->FindPaths(&context, request, &response).ok());
  EXPECT_TRUE(response.paths().empty());
}

TEST_F(GraphServiceTest, NeighborsListEachNeighbourOnce) {
  grpc::ClientContext context;
  v1::GetNeighborsRequest request;
  request.set_entity("KAZ");
  v1::GetNeighborsResponse response;
  ASSERT_TRUE(stub_->GetNeighbors(&context, request, &response).ok());
  EXPECT_EQ(response.relations_size(), 5);
  EXPECT_EQ(response.neighbors_size(), 2);
}

TEST_F(GraphServiceTest, StatsCountByTypeAndMonth) {
  grpc::ClientContext context;
  v1::GetStatsResponse response;
  ASSERT_TRUE(stub_->GetStats(&context, v1::GetStatsRequest(), &response).ok());
  EXPECT_EQ(response.relations(), 5);
  int64_t by_type = 0, by_month = 0;
  for (const auto& t : response.by_type()) by_type += t.count();
  for (const auto& m : response.by_month()) by_month += m.count();
  EXPECT_EQ(by_type, 5);
  EXPECT_EQ(by_month, 5);
}

TEST_F(GraphServiceTest, ImportWithoutImporterIsFailedPrecondition) {
  grpc::ClientContext context;
  v1::ImportDigestsResponse response;
  auto writer = stub_->ImportDigests(&context, &response);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

// The tie graph of the fixture in 2025-01-01 .. 2026-02-28 (the reference
// day): Kazakhstan - Pakistan by a partnership (2026-02-04, 24 days old) and
// trade (2026-02, age 0); Kazakhstan - EU by a meeting (2025-06-01).
v1::TieGraphSpec UntilFebruary2026() {
  v1::TieGraphSpec spec;
  spec.mutable_window()->set_since("2025");
  spec.mutable_window()->set_until("2026-02");
  return spec;
}

TEST_F(GraphServiceTest, RankPutsKazakhstanBetweenPakistanAndTheEu) {
  grpc::ClientContext context;
  v1::RankEntitiesRequest request;
  *request.mutable_ties() = UntilFebruary2026();
  v1::RankEntitiesResponse response;
  grpc::Status status = stub_->RankEntities(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.entities_size(), 3);
  EXPECT_EQ(response.entities(0).entity().id(), "country:KAZ");
  EXPECT_DOUBLE_EQ(response.entities(0).betweenness(), 1.0);  // The one other pair.
  EXPECT_EQ(response.entities(0).ties(), 2);
  EXPECT_EQ(response.measure(), v1::RANK_MEASURE_BETWEENNESS);
  EXPECT_EQ(response.basis().reference_date(), "2026-02-28");
  EXPECT_EQ(response.basis().half_life_days(), 365);
  EXPECT_EQ(response.basis().window().until(), "2026-02");
  EXPECT_EQ(response.basis().entities(), 3);
  EXPECT_EQ(response.basis().ties(), 2);
  // Sanctions and downgrades are not aggregated by default.
  for (int type : response.basis().types()) {
    EXPECT_NE(type, v1::RELATION_TYPE_SANCTION);
  }
  const double score = 0.8 + std::exp2(-24.0 / 365);  // Trade, then partnership.
  ASSERT_EQ(response.ties_size(), 2);
  bool found = false;
  for (const v1::Tie& tie : response.ties()) {
    if (tie.entity_a() == "country:PAK" || tie.entity_b() == "country:PAK") {
      EXPECT_DOUBLE_EQ(tie.weight(), 1 - std::exp(-score));
      EXPECT_EQ(tie.relations(), 2);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(response.truncated());
}

TEST_F(GraphServiceTest, RankRegionListsAnOrganization) {
  grpc::ClientContext context;
  v1::RankEntitiesRequest request;
  request.set_measure(v1::RANK_MEASURE_WEIGHTED_DEGREE);
  request.add_region("EU");
  v1::RankEntitiesResponse response;
  ASSERT_TRUE(stub_->RankEntities(&context, request, &response).ok());
  ASSERT_EQ(response.entities_size(), 1);
  EXPECT_EQ(response.entities(0).entity().id(), "org:eu");
}

TEST_F(GraphServiceTest, RankFocusAndGroups) {
  v1::RankEntitiesRequest request;
  *request.mutable_ties() = UntilFebruary2026();
  request.set_measure(v1::RANK_MEASURE_PAGERANK);
  request.set_focus("Pakistan");
  request.add_from_group("PAK");
  request.add_to_group("EU");
  v1::RankEntitiesResponse response;
  grpc::ClientContext context;
  grpc::Status status = stub_->RankEntities(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.focus().id(), "country:PAK");
  ASSERT_EQ(response.entities_size(), 2);  // The focus is left out.
  EXPECT_EQ(response.entities(0).entity().id(), "country:KAZ");
  // The one chain from Pakistan to the EU runs through Kazakhstan.
  EXPECT_EQ(response.group_pairs(), 1);
  EXPECT_DOUBLE_EQ(response.entities(0).betweenness(), 1.0);

  request.clear_to_group();
  grpc::ClientContext again;
  status = stub_->RankEntities(&again, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "to_group:"))
      << status.error_message();
}

TEST_F(GraphServiceTest, TieSpecErrorsNameTheField) {
  v1::RankEntitiesRequest request;
  request.mutable_ties()->set_half_life_days(-1);
  v1::RankEntitiesResponse response;
  grpc::ClientContext context;
  grpc::Status status = stub_->RankEntities(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "ties.half_life_days:"))
      << status.error_message();
  grpc::ClientContext again;
  request.mutable_ties()->set_half_life_days(0);
  request.mutable_ties()->mutable_window()->set_since("2026-13");
  status = stub_->RankEntities(&again, request, &response);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "ties.window.since:"))
      << status.error_message();
}

TEST_F(GraphServiceTest, BlocsOfAPathHaveKazakhstanAsArticulationPoint) {
  grpc::ClientContext context;
  v1::FindBlocsRequest request;
  *request.mutable_ties() = UntilFebruary2026();
  v1::FindBlocsResponse response;
  ASSERT_TRUE(stub_->FindBlocs(&context, request, &response).ok());
  ASSERT_EQ(response.articulation_points_size(), 1);
  EXPECT_EQ(response.articulation_points(0).id(), "country:KAZ");
  int members = 0;
  for (const v1::Bloc& bloc : response.blocs()) members += bloc.members_size();
  EXPECT_LE(members, 3);
  EXPECT_EQ(response.basis().ties(), 2);
}

TEST_F(GraphServiceTest, StrongestPathHopsCarryTheirRelations) {
  // A second outlet reports the partnership: the tie counts three reports.
  graph::Relation again = MakeRelation(graph::RelationType::kPartnership, "country:PAK",
                                       "country:KAZ", "2026-02-04");
  again.provenance[0].outlet = "Second Wire";
  again.provenance[0].document = "another";
  ASSERT_TRUE(store_->WriteItem({}, {again}).ok());
  ASSERT_TRUE(store_->RefreshView().ok());
  grpc::ClientContext context;
  v1::FindStrongestPathsRequest request;
  request.set_from_entity("Pakistan");
  request.set_to_entity("EU");
  *request.mutable_ties() = UntilFebruary2026();
  v1::FindStrongestPathsResponse response;
  grpc::Status status = stub_->FindStrongestPaths(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.paths_size(), 1);
  const v1::StrongestPath& path = response.paths(0);
  ASSERT_EQ(path.entities_size(), 3);
  EXPECT_EQ(path.entities(1).id(), "country:KAZ");
  ASSERT_EQ(path.hops_size(), 2);
  EXPECT_DOUBLE_EQ(path.strength(),
                   path.hops(0).tie().weight() * path.hops(1).tie().weight());
  // Newest first by first day: the partnership (02-04), then the trade (02-01).
  ASSERT_EQ(path.hops(0).relations_size(), 2);
  EXPECT_EQ(path.hops(0).tie().relations(), 2);
  EXPECT_EQ(path.hops(0).tie().reports(), 3);
  EXPECT_EQ(path.hops(0).relations(0).type(), v1::RELATION_TYPE_PARTNERSHIP);
  EXPECT_EQ(path.hops(0).relations(1).type(), v1::RELATION_TYPE_TRADE_TARGET);
  EXPECT_FALSE(path.hops(0).relations(0).provenance().empty());
  EXPECT_EQ(response.from_entity().id(), "country:PAK");
}

TEST_F(GraphServiceTest, StrongestPathFromAnEntityWithoutTiesIsEmpty) {
  grpc::ClientContext context;
  v1::FindStrongestPathsRequest request;
  request.set_from_entity("Astana");
  request.set_to_entity("EU");
  v1::FindStrongestPathsResponse response;
  ASSERT_TRUE(stub_->FindStrongestPaths(&context, request, &response).ok());
  EXPECT_TRUE(response.paths().empty());
  request.set_k(21);
  grpc::ClientContext again;
  grpc::Status status = stub_->FindStrongestPaths(&again, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "k:"));
}

TEST(GraphServiceAuth, TokenGuardsImportsAndWithAuthAllEverything) {
  common::TempDir dir("entente-service-auth-");
  {
    auto store = *graph::Store::Open(dir.path(), {});
    GraphServiceImpl service(store.get(), nullptr,
                             {.auth_token = "s3cret", .auth_all = true});
    grpc::ServerBuilder builder;
    builder.RegisterService(&service);
    auto server = builder.BuildAndStart();
    auto stub = v1::GraphService::NewStub(server->InProcessChannel({}));
    v1::GetStatsResponse stats;
    grpc::ClientContext anonymous;
    EXPECT_EQ(stub->GetStats(&anonymous, {}, &stats).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    grpc::ClientContext wrong;
    wrong.AddMetadata("authorization", "Bearer s3cre");
    EXPECT_EQ(stub->GetStats(&wrong, {}, &stats).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    grpc::ClientContext right;
    right.AddMetadata("authorization", "Bearer s3cret");
    EXPECT_TRUE(stub->GetStats(&right, {}, &stats).ok());
    server->Shutdown();
  }
}

}  // namespace
}  // namespace entente::service
