// Bulk loads into an empty store build their graph view from the loaded
// edges; these tests check it is the view Store::Open builds from disk.

#include <random>

#include "absl/strings/str_cat.h"
#include "graph/internal/test_util.h"
#include "graph/store.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

using testing::MakeRelation;
using testing::TempDir;

void ExpectSameView(const GraphView& a, const GraphView& b) {
  ASSERT_EQ(a.vertex_count(), b.vertex_count());
  ASSERT_EQ(a.relation_count(), b.relation_count());
  for (uint32_t v = 0; v < a.vertex_count(); ++v) {
    EXPECT_EQ(a.EntityId(v), b.EntityId(v));
    EXPECT_EQ(a.KindOf(v), b.KindOf(v)) << a.EntityId(v);
    auto ea = a.Edges(v), eb = b.Edges(v);
    ASSERT_EQ(ea.size(), eb.size()) << a.EntityId(v);
    for (size_t i = 0; i < ea.size(); ++i) {
      EXPECT_EQ(ea[i].neighbor, eb[i].neighbor);
      EXPECT_EQ(a.RelationId(ea[i].edge), b.RelationId(eb[i].edge));
      EXPECT_EQ(a.Reports(ea[i].edge), b.Reports(eb[i].edge));
      auto ended_a = a.state_ends().find(ea[i].edge);
      auto ended_b = b.state_ends().find(eb[i].edge);
      ASSERT_EQ(ended_a == a.state_ends().end(), ended_b == b.state_ends().end());
      if (ended_a != a.state_ends().end()) {
        EXPECT_EQ(ended_a->second.day, ended_b->second.day);
      }
      EXPECT_EQ(ea[i].first_day, eb[i].first_day);
      EXPECT_EQ(ea[i].reported_day, eb[i].reported_day);
      EXPECT_EQ(ea[i].span_days, eb[i].span_days);
      EXPECT_EQ(ea[i].type, eb[i].type);
      EXPECT_EQ(ea[i].neighbor_kind, eb[i].neighbor_kind);
    }
  }
}

// Relations over a few entities with ids that prefix one another, with
// symmetric types given both ways round and repeats in later chunks that
// report earlier (so the stored relation is the merged one).
std::vector<Relation> Relations() {
  const std::vector<std::string> ids = {"org:a",  "org:ab",    "org:a-b", "country:KAZ",
                                        "org:a0", "country:A", "city:a",  "site:a b"};
  const RelationType types[] = {RelationType::kMeeting, RelationType::kVisit,
                                RelationType::kPartnership, RelationType::kAgreement};
  std::mt19937 rng(7);
  std::vector<Relation> relations;
  for (int i = 0; i < 600; ++i) {
    Relation r =
        MakeRelation(types[rng() % 4], ids[rng() % ids.size()], ids[rng() % ids.size()],
                     absl::StrCat(1990 + rng() % 30, "-0", 1 + rng() % 9), i);
    relations.push_back(r);
    if (i % 5 == 0) {
      Relation again = r;
      std::swap(again.source, again.target);
      again.reported = *DateWithPrecision::Parse("1989-06-01");
      again.provenance[0].document = "second outlet";
      again.provenance[0].outlet = "Second Outlet";
      again.provenance[0].quote = "the same, in other words";
      relations.push_back(again);
    }
  }
  // Relations of 1995 broken off in 2001, which ends them.
  relations.push_back(MakeRelation(RelationType::kDiplomaticRelations, "country:A",
                                   "country:KAZ", "1995"));
  Relation broken =
      MakeRelation(RelationType::kDowngrade, "country:KAZ", "country:A", "2001-02-03");
  broken.attributes["measure"] = std::string("break_relations");
  relations.push_back(broken);
  return relations;
}

// Loads Relations() in small chunks into a fresh store, then checks the
// view against the one reopening the store builds.
void LoadAndCompareViews(bool with_entity_without_relations) {
  TempDir tmp;
  const std::vector<Relation> relations = Relations();
  std::shared_ptr<const GraphView> loaded;
  {
    auto store = Store::Open(tmp.path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    auto loader = (*store)->NewBulkLoader({.chunk_relations = 64});
    ASSERT_TRUE(loader.ok()) << loader.status();
    if (with_entity_without_relations) {
      ASSERT_TRUE((*loader)
                      ->AddEntity({"org:lonely", "Lonely", EntityKind::kOrganization, {}})
                      .ok());
    }
    // Later chunks repeat relations of earlier ones.
    for (const Relation& r : relations) ASSERT_TRUE((*loader)->Add(r).ok());
    for (size_t i = 0; i < relations.size(); i += 3) {
      Relation r = relations[i];
      r.reported = *DateWithPrecision::Parse("1980");
      r.provenance[0].document = "third outlet";
      ASSERT_TRUE((*loader)->Add(r).ok());
    }
    absl::StatusOr<WriteResult> result = (*loader)->Finish();
    ASSERT_TRUE(result.ok()) << result.status();
    loaded = (*store)->View();
    EXPECT_EQ(loaded->relation_count(), result->new_relations);
    EXPECT_EQ(loaded->FindVertex("org:lonely").has_value(),
              with_entity_without_relations);
  }
  auto reopened = Store::Open(tmp.path(), {});
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  ExpectSameView(*loaded, *(*reopened)->View());
  // The relations of 1995, and any random partnership of theirs begun before.
  EXPECT_GE(loaded->state_ends().size(), 1u);
  uint32_t most_reports = 0;
  for (uint32_t edge = 0; edge < loaded->relation_count(); ++edge) {
    most_reports = std::max(most_reports, loaded->Reports(edge));
  }
  EXPECT_EQ(most_reports, 2u);  // "Outlet" and "Second Outlet"; the third is "Outlet".
  // Every repeated relation keeps the earliest report, in both views.
  const int32_t earliest = DateWithPrecision::Parse("1980")->FirstDay();
  ASSERT_GT(loaded->relation_count(), 0);
  for (uint32_t v = 0; v < loaded->vertex_count(); ++v) {
    for (const AdjacentEdge& e : loaded->Edges(v)) {
      EXPECT_GE(e.reported_day, earliest);
    }
  }
}

TEST(BulkLoader, ViewOfALoadIntoAnEmptyStoreIsTheViewReopeningBuilds) {
  LoadAndCompareViews(/*with_entity_without_relations=*/false);
}

// An entity without relations is a vertex too.
TEST(BulkLoader, ViewOfALoadWithAnEntityWithoutRelationsIsTheViewReopeningBuilds) {
  LoadAndCompareViews(/*with_entity_without_relations=*/true);
}

TEST(BulkLoader, ALoadIntoAStoreWithRelationsRefreshesTheViewFromDisk) {
  TempDir tmp;
  auto store = Store::Open(tmp.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)
                  ->WriteItem({}, {MakeRelation(RelationType::kVisit, "country:KAZ",
                                                "country:PAK", "2020-01-02")})
                  .ok());
  auto loader = (*store)->NewBulkLoader({.chunk_relations = 50});
  ASSERT_TRUE(loader.ok()) << loader.status();
  for (const Relation& r : Relations()) ASSERT_TRUE((*loader)->Add(r).ok());
  ASSERT_TRUE((*loader)->Finish().ok());
  loader->reset();
  std::shared_ptr<const GraphView> loaded = (*store)->View();
  EXPECT_TRUE(loaded->FindVertex("country:PAK").has_value());
  store->reset();
  auto reopened = Store::Open(tmp.path(), {});
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  ExpectSameView(*loaded, *(*reopened)->View());
}

TEST(BulkLoader, ALoadOfNothingSucceedsAndChangesNothing) {
  TempDir tmp;
  auto store = Store::Open(tmp.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  auto loader = (*store)->NewBulkLoader();
  ASSERT_TRUE(loader.ok()) << loader.status();
  absl::StatusOr<WriteResult> result = (*loader)->Finish();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->new_relations, 0);
  EXPECT_EQ(result->new_entities, 0);
  loader->reset();
  EXPECT_EQ((*store)->View()->vertex_count(), 0);
  // The store still takes writes afterwards.
  EXPECT_TRUE((*store)
                  ->WriteItem({}, {MakeRelation(RelationType::kVisit, "country:KAZ",
                                                "country:PAK", "2020")})
                  .ok());
}

// Endpoints name their entities: the first name given wins, and names and
// kinds given to AddEntity win over those of relation endpoints.
TEST(BulkLoader, EntitiesTakeGivenNamesThenTheFirstEndpointName) {
  TempDir tmp;
  auto store = Store::Open(tmp.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  auto loader = (*store)->NewBulkLoader({.chunk_relations = 2});
  ASSERT_TRUE(loader.ok()) << loader.status();
  Relation unnamed =
      MakeRelation(RelationType::kVisit, "country:KAZ", "org:x", "2020-01-02", 1);
  unnamed.target.name = "";
  unnamed.target.kind = EntityKind::kUnspecified;
  Relation named = MakeRelation(RelationType::kVisit, "country:KAZ", "org:x", "2021", 2);
  named.target.name = "Organisation X";
  named.target.kind = EntityKind::kOrganization;
  Relation renamed =
      MakeRelation(RelationType::kVisit, "country:KAZ", "org:x", "2022", 3);
  renamed.target.name = "Later name";
  for (const Relation& r : {unnamed, named, renamed}) ASSERT_TRUE((*loader)->Add(r).ok());
  ASSERT_TRUE((*loader)
                  ->AddEntity({"country:KAZ",
                               "Kazakhstan",
                               EntityKind::kCountry,
                               {"Republic of Kazakhstan"}})
                  .ok());
  ASSERT_TRUE((*loader)->Finish().ok());
  loader->reset();
  absl::StatusOr<Entity> x = (*store)->GetEntity("org:x");
  ASSERT_TRUE(x.ok()) << x.status();
  EXPECT_EQ(x->name, "Organisation X");
  EXPECT_EQ(x->kind, EntityKind::kOrganization);
  absl::StatusOr<Entity> kaz = (*store)->GetEntity("country:KAZ");
  ASSERT_TRUE(kaz.ok()) << kaz.status();
  EXPECT_EQ(kaz->name, "Kazakhstan");
  EXPECT_EQ((*store)->SearchEntities("Republic of Kazakhstan", 5, "")->entities.size(),
            1u);
}

}  // namespace
}  // namespace entente::graph
