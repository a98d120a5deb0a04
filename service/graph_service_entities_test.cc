// Entity lookups through GraphServiceImpl: gazetteer entries and countries
// with no relation yet, "did you mean" errors and ListEntities, over a real
// store opened as `entente serve` opens it.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "graph/internal/test_util.h"
#include "graph/store.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/graph_service.h"
#include "service/test_support.h"

namespace entente::service {
namespace {

class EntityLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gazetteer = testing::LoadTestGazetteer();
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();
    graph::StoreOptions options;
    options.known_entities =
        std::make_shared<const std::vector<graph::Entity>>((*gazetteer)->Entities());
    auto store = graph::Store::Open(tmp_.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    graph::Entity kaz{"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry, {"KAZ"}};
    graph::Entity pak{"country:PAK", "Pakistan", graph::EntityKind::kCountry, {"PAK"}};
    ASSERT_TRUE(store_
                    ->WriteItem({kaz, pak},
                                {testing::MakeRelation(graph::RelationType::kPartnership,
                                                       "country:KAZ", "country:PAK",
                                                       "2026-02-04")})
                    .ok());
    ASSERT_TRUE(store_->RefreshView().ok());
    served_ = std::make_unique<testing::InProcessGraphService>(store_.get());
    stub_ = served_->stub.get();
  }

  grpc::Status Get(const std::string& name, v1::GetEntityResponse* response) {
    grpc::ClientContext context;
    v1::GetEntityRequest request;
    request.set_entity(name);
    return stub_->GetEntity(&context, request, response);
  }

  grpc::Status List(int page_size, const std::string& token,
                    v1::ListEntitiesResponse* response) {
    grpc::ClientContext context;
    v1::ListEntitiesRequest request;
    request.set_page_size(page_size);
    request.set_page_token(token);
    return stub_->ListEntities(&context, request, response);
  }

  graph::testing::TempDir tmp_;
  std::unique_ptr<graph::Store> store_;
  std::unique_ptr<testing::InProcessGraphService> served_;
  v1::GraphService::Stub* stub_ = nullptr;
};

TEST_F(EntityLookupTest, CountriesWithoutRelationsResolveWithZeroRelations) {
  for (const auto& [name, id] :
       std::vector<std::pair<std::string, std::string>>{{"United States", "country:USA"},
                                                        {"USA", "country:USA"},
                                                        {"UK", "country:GBR"},
                                                        {"Kyrgyzstan", "country:KGZ"}}) {
    v1::GetEntityResponse response;
    grpc::Status status = Get(name, &response);
    ASSERT_TRUE(status.ok()) << name << ": " << status.error_message();
    EXPECT_EQ(response.entity().id(), id) << name;
    EXPECT_EQ(response.entity().kind(), v1::ENTITY_KIND_COUNTRY) << name;
    EXPECT_EQ(response.relation_count(), 0) << name;
  }
  v1::GetEntityResponse kaz;
  ASSERT_TRUE(Get("Kazakhstan", &kaz).ok());
  EXPECT_EQ(kaz.relation_count(), 1);
}

TEST_F(EntityLookupTest, PeopleAndCitiesOfTheGazetteerResolve) {
  v1::GetEntityResponse person;
  grpc::Status status = Get("Xi Jinping", &person);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(person.entity().kind(), v1::ENTITY_KIND_PERSON);
  EXPECT_EQ(person.entity().name(), "Xi Jinping");
  v1::GetEntityResponse city;
  status = Get("Astana", &city);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(city.entity().id(), "city:astana");
  EXPECT_EQ(city.relation_count(), 0);
}

TEST_F(EntityLookupTest, AnEntityWithoutRelationsHasAnEmptyTimeline) {
  grpc::ClientContext context;
  v1::GetTimelineRequest request;
  request.set_entity("United States");
  v1::GetTimelineResponse response;
  grpc::Status status = stub_->GetTimeline(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.entity().id(), "country:USA");
  EXPECT_EQ(response.relations_size(), 0);
}

TEST_F(EntityLookupTest, ATypoSuggestsTheClosestName) {
  v1::GetEntityResponse response;
  grpc::Status status = Get("Kazakstan", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(
      absl::StartsWith(status.error_message(),
                       "entity: no entity is known as \"Kazakstan\"; did you mean "
                       "Kazakhstan (country:KAZ)"))
      << status.error_message();
  status = Get("Qqqqqqqqqq", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_FALSE(absl::StrContains(status.error_message(), "did you mean"))
      << status.error_message();
}

TEST_F(EntityLookupTest, ListEntitiesPagesThroughTheStoredEntities) {
  v1::ListEntitiesResponse first;
  grpc::Status status = List(1, "", &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(first.entities_size(), 1);
  EXPECT_EQ(first.entities(0).id(), "country:KAZ");
  ASSERT_FALSE(first.next_page_token().empty());
  v1::ListEntitiesResponse second;
  status = List(1, first.next_page_token(), &second);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(second.entities_size(), 1);
  EXPECT_EQ(second.entities(0).id(), "country:PAK");
  // Gazetteer entries are known, not stored: the list ends here.
  EXPECT_TRUE(second.next_page_token().empty());

  std::string edited = first.next_page_token();
  edited[0] = edited[0] == 'A' ? 'B' : 'A';
  v1::ListEntitiesResponse bad;
  status = List(1, edited, &bad);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "page_token:"))
      << status.error_message();
  status = List(1001, "", &bad);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "page_size:"))
      << status.error_message();
}

}  // namespace
}  // namespace entente::service
