#include "service/cli/resolve.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;
using ::testing::HasSubstr;

void Add(v1::SearchEntitiesResponse& response, const std::string& id,
         const std::string& name, std::vector<std::string> aliases = {}) {
  v1::Entity* entity = response.add_entities();
  entity->set_id(id);
  entity->set_name(name);
  for (std::string& alias : aliases) entity->add_aliases(std::move(alias));
}

TEST(PickEntity, ExactAliasWinsOverPrefixMatches) {
  v1::SearchEntitiesResponse response;
  Add(response, "country:KAZ", "Kazakhstan", {"KAZ", "Kazakh", "Kazakhstani"});
  Add(response, "company:kazatomprom", "Kazatomprom");
  absl::StatusOr<v1::Entity> entity = PickEntity("kazakh", response);
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->id(), "country:KAZ");
}

TEST(PickEntity, UniquePrefixResolves) {
  v1::SearchEntitiesResponse response;
  Add(response, "org:eu", "European Union", {"EU"});
  absl::StatusOr<v1::Entity> entity = PickEntity("Europ", response);
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->id(), "org:eu");
}

TEST(PickEntity, UnknownNameIsNotFound) {
  absl::StatusOr<v1::Entity> entity = PickEntity("Atlantis", {});
  EXPECT_EQ(entity.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(entity.status().message(), "no entity matches 'Atlantis'");
}

TEST(PickEntity, AmbiguousPrefixListsCandidates) {
  v1::SearchEntitiesResponse response;
  Add(response, "country:KAZ", "Kazakhstan");
  Add(response, "company:kazatomprom", "Kazatomprom");
  absl::StatusOr<v1::Entity> entity = PickEntity("Kaz", response);
  EXPECT_EQ(entity.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(entity.status().message(),
            "'Kaz' is ambiguous: Kazakhstan (country:KAZ), Kazatomprom "
            "(company:kazatomprom); give an id or a longer name");
}

TEST(PickEntity, SeveralExactMatchesAreAmbiguousAmongThemselves) {
  v1::SearchEntitiesResponse response;
  Add(response, "country:GEO", "Georgia");
  Add(response, "city:georgia", "Georgia");
  Add(response, "org:georgian-parliament", "Georgian Parliament");
  absl::StatusOr<v1::Entity> entity = PickEntity("Georgia", response);
  EXPECT_EQ(entity.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(entity.status().message(),
              HasSubstr("(country:GEO), Georgia (city:georgia);"));
  EXPECT_THAT(entity.status().message(), ::testing::Not(HasSubstr("Parliament")));
}

TEST(PickEntity, SinglePrefixMatchWithMorePagesIsAmbiguous) {
  v1::SearchEntitiesResponse response;
  Add(response, "country:KAZ", "Kazakhstan");
  response.set_next_page_token("more");
  EXPECT_THAT(PickEntity("K", response).status().message(),
              HasSubstr("Kazakhstan (country:KAZ) and more;"));
}

TEST(PickEntity, ListsAtMostTenCandidates) {
  v1::SearchEntitiesResponse response;
  for (int i = 0; i < 12; ++i) {
    Add(response, "city:c" + std::to_string(i), "City " + std::to_string(i));
  }
  std::string message(PickEntity("City", response).status().message());
  EXPECT_THAT(message, HasSubstr("City 9 (city:c9) and more;"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("city:c10")));
}

}  // namespace
}  // namespace entente::service::cli
