// Entity lookups: known entities, ranking, suggestions and the entity list.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "graph/internal/entity_names.h"
#include "graph/internal/test_util.h"
#include "graph/store.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

std::vector<std::string> Ids(const std::vector<Entity>& entities) {
  std::vector<std::string> ids;
  for (const Entity& entity : entities) ids.push_back(entity.id);
  return ids;
}

std::unique_ptr<Store> OpenWithKnown(const std::string& dir,
                                     std::vector<Entity> known = {}) {
  StoreOptions options;
  options.known_entities = std::make_shared<const std::vector<Entity>>(std::move(known));
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

const Entity kFreedonia{
    "country:FRD", "Freedonia", EntityKind::kCountry, {"FD", "Fredonia"}};
const Entity kSylvania{"country:SYL", "Sylvania", EntityKind::kCountry, {"SY"}};

TEST(NameDistance, CountsEditsAndSwapsUpToTheLimit) {
  EXPECT_EQ(internal::NameDistance("kazakhstan", "kazakhstan", 3), 0);
  EXPECT_EQ(internal::NameDistance("kazakstan", "kazakhstan", 3), 1);
  EXPECT_EQ(internal::NameDistance("kazkahstan", "kazakhstan", 3), 1);  // A swap.
  EXPECT_EQ(internal::NameDistance("uzbekistan", "kazakhstan", 2), 3);  // Over: 2 + 1.
  EXPECT_EQ(internal::NameDistance("a", "abcdef", 2), 3);
}

TEST(StoreEntities, KnownEntityResolvesWithoutBeingStored) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kFreedonia});
  ASSERT_NE(store, nullptr);
  absl::StatusOr<Entity> got = store->GetEntity("country:FRD");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(*got, kFreedonia);
  absl::StatusOr<EntityPage> found = store->SearchEntities("fd", 10, "");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(Ids(found->entities), ElementsAre("country:FRD"));
  // The store does not hold it, so the list and the view leave it out.
  absl::StatusOr<EntityPage> listed = store->ListEntities(10, "");
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_TRUE(listed->entities.empty());
  EXPECT_EQ(store->View()->vertex_count(), 0u);
}

TEST(StoreEntities, StoredEntityWinsOverTheKnownOne) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kFreedonia});
  ASSERT_NE(store, nullptr);
  Entity stored{"country:FRD", "Freedonia (stored)", EntityKind::kCountry, {}};
  ASSERT_TRUE(store->WriteItem({stored}, {}).ok());
  absl::StatusOr<Entity> got = store->GetEntity("country:FRD");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->name, "Freedonia (stored)");
  absl::StatusOr<EntityPage> found = store->SearchEntities("freedonia", 10, "");
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->entities.size(), 1u);  // Once, though both name it.
  EXPECT_EQ(found->entities[0].name, "Freedonia (stored)");
}

TEST(StoreEntities, SearchRanksTheClosestNameFirst) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kFreedonia});
  ASSERT_NE(store, nullptr);
  Entity long_name{
      "org:freedom-league", "Freedom League of Freedonia", EntityKind::kOrganization, {}};
  Entity short_name{"city:free", "Free", EntityKind::kCity, {}};
  Entity exact{"person:free", "Fre", EntityKind::kPerson, {}};
  ASSERT_TRUE(store->WriteItem({long_name, short_name, exact}, {}).ok());
  absl::StatusOr<EntityPage> found = store->SearchEntities("Fre", 10, "");
  ASSERT_TRUE(found.ok()) << found.status();
  // "fre" (exact), "free" (+1), "fredonia" (+5), "freedom league" (its id code, +11).
  EXPECT_THAT(Ids(found->entities), ElementsAre("person:free", "city:free", "country:FRD",
                                                "org:freedom-league"));
  // Pages keep that order.
  absl::StatusOr<EntityPage> first = store->SearchEntities("Fre", 2, "");
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<EntityPage> second =
      store->SearchEntities("Fre", 2, first->next_page_token);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(Ids(first->entities), ElementsAre("person:free", "city:free"));
  EXPECT_THAT(Ids(second->entities), ElementsAre("country:FRD", "org:freedom-league"));
  EXPECT_TRUE(second->next_page_token.empty());
}

TEST(StoreEntities, SuggestionsAreTheClosestNames) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kFreedonia, kSylvania});
  ASSERT_NE(store, nullptr);
  Entity stored{"country:SYX", "Sylvanio", EntityKind::kCountry, {}};
  ASSERT_TRUE(store->WriteItem({stored}, {}).ok());
  absl::StatusOr<std::vector<Entity>> close = store->SuggestEntities("Silvania", 5);
  ASSERT_TRUE(close.ok()) << close.status();
  // One edit to Sylvania, two to Sylvanio; Freedonia is too far.
  EXPECT_THAT(Ids(*close), ElementsAre("country:SYL", "country:SYX"));
  absl::StatusOr<std::vector<Entity>> one = store->SuggestEntities("Silvania", 1);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_THAT(Ids(*one), ElementsAre("country:SYL"));
  absl::StatusOr<std::vector<Entity>> none = store->SuggestEntities("Atlantis", 5);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

TEST(StoreEntities, ListPagesThroughTheStoredEntitiesInIdOrder) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kSylvania});
  ASSERT_NE(store, nullptr);
  std::vector<Entity> stored;
  for (const char* id :
       {"country:CCC", "country:AAA", "org:bbb", "city:ddd", "person:e"}) {
    stored.push_back(Entity{id, id, EntityKind::kUnspecified, {}});
  }
  ASSERT_TRUE(store->WriteItem(stored, {}).ok());
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    absl::StatusOr<EntityPage> page = store->ListEntities(2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    ASSERT_LE(page->entities.size(), 2u);
    for (const Entity& entity : page->entities) seen.push_back(entity.id);
    token = page->next_page_token;
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(
      seen, ElementsAre("city:ddd", "country:AAA", "country:CCC", "org:bbb", "person:e"));
}

TEST(StoreEntities, EntityReadsStopOnceCancelled) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path(), {kSylvania});
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->WriteItem({kFreedonia}, {}).ok());
  std::atomic<bool> cancelled{false};
  ASSERT_EQ(store->SearchEntities("freedonia", 10, "", &cancelled)->entities.size(), 1u);
  ASSERT_EQ(store->SuggestEntities("fredonai", 3, &cancelled)->size(), 1u);
  ASSERT_EQ(store->ListEntities(10, "", &cancelled)->entities.size(), 1u);
  cancelled = true;
  absl::Status search = store->SearchEntities("freedonia", 10, "", &cancelled).status();
  EXPECT_EQ(search.code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(search.message(), HasSubstr("search entities"));
  absl::Status suggest = store->SuggestEntities("fredonai", 3, &cancelled).status();
  EXPECT_EQ(suggest.code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(suggest.message(), HasSubstr("suggest entities"));
  absl::Status list = store->ListEntities(10, "", &cancelled).status();
  EXPECT_EQ(list.code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(list.message(), HasSubstr("list entities"));
}

TEST(StoreEntities, ListRejectsAnEditedOrForeignToken) {
  TempDir tmp;
  auto store = OpenWithKnown(tmp.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->WriteItem({kFreedonia, kSylvania}, {}).ok());
  absl::StatusOr<EntityPage> first = store->ListEntities(1, "");
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_FALSE(first->next_page_token.empty());
  std::string edited = first->next_page_token;
  edited[edited.size() / 2] = edited[edited.size() / 2] == 'A' ? 'B' : 'A';
  absl::StatusOr<EntityPage> bad = store->ListEntities(1, edited);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<EntityPage> search = store->SearchEntities("country", 1, "");
  ASSERT_TRUE(search.ok()) << search.status();
  ASSERT_FALSE(search->next_page_token.empty());
  absl::StatusOr<EntityPage> foreign = store->ListEntities(1, search->next_page_token);
  EXPECT_EQ(foreign.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->ListEntities(-1, "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente::graph
