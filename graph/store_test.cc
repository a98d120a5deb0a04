#include "graph/store.h"

#include <algorithm>
#include <atomic>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/internal/keys.h"
#include "graph/internal/test_util.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace entente::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::MakeRelation;
using testing::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& dir, StoreOptions options = {}) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

std::vector<Relation> SampleItem() {
  Relation target = MakeRelation(RelationType::kTradeTarget, "country:KAZ", "country:PAK",
                                 "2026-02-04");
  target.attributes["amount"] = int64_t{1000000000};
  target.attributes["currency"] = std::string("USD");
  return {target, MakeRelation(RelationType::kPartnership, "country:PAK", "country:KAZ",
                               "2026-02-04")};
}

TEST(Store, SameItemTwiceIsUnchangedAndAnswersAreIdentical) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  absl::StatusOr<WriteResult> first = store->WriteItem({}, SampleItem());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->new_relations, 2);
  EXPECT_EQ(first->new_entities, 2);
  auto timeline_before = store->GetTimeline({.entity = "country:KAZ"});
  absl::StatusOr<WriteResult> second = store->WriteItem({}, SampleItem());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->new_relations, 0);
  EXPECT_EQ(second->merged, 0);
  EXPECT_EQ(second->unchanged, 2);
  EXPECT_EQ(second->new_entities, 0);
  auto timeline_after = store->GetTimeline({.entity = "country:KAZ"});
  ASSERT_TRUE(timeline_after.ok());
  EXPECT_EQ(timeline_before->relations, timeline_after->relations);
  ASSERT_TRUE(store->RefreshView().ok());
  EXPECT_EQ(store->View()->relation_count(), 2);
}

TEST(Store, SecondReportMergesProvenance) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Relation a = MakeRelation(RelationType::kMeeting, "country:KAZ", "org:eu", "2026-01-10",
                            3, "digest-1");
  Relation b = MakeRelation(RelationType::kMeeting, "org:eu", "country:KAZ", "2026-01-10",
                            5, "digest-2");
  b.reported = *DateWithPrecision::Parse("2026-01-09");
  ASSERT_TRUE(store->WriteItem({}, {a}).ok());
  absl::StatusOr<WriteResult> result = store->WriteItem({}, {b});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->merged, 1);
  absl::StatusOr<Relation> stored = store->GetRelation(RelationIdOf(a));
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->provenance.size(), 2u);
  EXPECT_EQ(stored->provenance[0].document, "digest-1");
  EXPECT_EQ(stored->provenance[1].document, "digest-2");
  EXPECT_EQ(stored->reported.ToString(), "2026-01-09");
  // The timeline's copy of the relation follows the merge.
  auto timeline = store->GetTimeline({.entity = "org:eu"});
  ASSERT_TRUE(timeline.ok()) << timeline.status();
  ASSERT_EQ(timeline->relations.size(), 1u);
  EXPECT_EQ(timeline->relations[0], *stored);
}

TEST(Store, DuplicatesWithinOneItemAreMergedBeforeWriting) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Relation a = MakeRelation(RelationType::kMeeting, "country:KAZ", "org:eu", "2026", 1);
  Relation b = MakeRelation(RelationType::kMeeting, "country:KAZ", "org:eu", "2026", 2);
  absl::StatusOr<WriteResult> result = store->WriteItem({}, {a, b});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->new_relations, 1);
  EXPECT_EQ(store->GetRelation(RelationIdOf(a))->provenance.size(), 2u);
}

TEST(Store, RelationWithoutTypeIsInvalidArgumentAndWritesNothing) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Relation good =
      MakeRelation(RelationType::kVisit, "country:KAZ", "country:PAK", "2026");
  Relation bad = good;
  bad.type = RelationType::kUnspecified;
  absl::StatusOr<WriteResult> result = store->WriteItem({}, {good, bad});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("has no type"));
  EXPECT_EQ(store->GetRelation(RelationIdOf(good)).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(Store, EntitiesAreUpsertedAndSearchable) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Entity kaz{"country:KAZ", "Kazakhstan", EntityKind::kCountry, {"Kazakh"}};
  Entity kgz{"country:KGZ", "Kyrgyzstan", EntityKind::kCountry, {}};
  ASSERT_TRUE(store->WriteItem({kaz, kgz}, {}).ok());
  Entity more{"country:KAZ", "", EntityKind::kUnspecified, {"Astana"}};
  ASSERT_TRUE(store->WriteItem({more}, {}).ok());
  absl::StatusOr<Entity> got = store->GetEntity("country:KAZ");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "Kazakhstan");
  EXPECT_THAT(got->aliases, ElementsAre("Kazakh", "Astana"));

  auto exact = store->SearchEntities("KAZ", 10, "");
  ASSERT_TRUE(exact.ok()) << exact.status();
  ASSERT_EQ(exact->entities.size(), 1u);
  EXPECT_EQ(exact->entities[0].id, "country:KAZ");
  auto prefix = store->SearchEntities("k", 1, "");
  ASSERT_TRUE(prefix.ok());
  ASSERT_EQ(prefix->entities.size(), 1u);
  ASSERT_FALSE(prefix->next_page_token.empty());
  auto next = store->SearchEntities("k", 1, prefix->next_page_token);
  ASSERT_TRUE(next.ok()) << next.status();
  ASSERT_EQ(next->entities.size(), 1u);
  EXPECT_NE(next->entities[0].id, prefix->entities[0].id);
  EXPECT_TRUE(next->next_page_token.empty());
  EXPECT_EQ(store->SearchEntities("astana", 10, "")->entities[0].id, "country:KAZ");
  EXPECT_EQ(store->GetEntity("country:XXX").status().code(), absl::StatusCode::kNotFound);
}

TEST(Store, GarbageDirectoryIsNotAStore) {
  TempDir tmp;
  std::ofstream(tmp.Sub("notes.txt")) << "hello";
  auto store = Store::Open(tmp.path(), {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("not an Entente store"));
}

TEST(Store, CorruptCurrentFileIsDataLoss) {
  TempDir tmp;
  { auto store = OpenOrDie(tmp.path()); }
  std::ofstream(tmp.Sub("CURRENT"), std::ios::trunc) << "garbage";
  auto store = Store::Open(tmp.path(), {});
  EXPECT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss) << store.status();
}

TEST(Store, CorruptManifestIsReportedNotACrash) {
  TempDir tmp;
  { auto store = OpenOrDie(tmp.path()); }
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path())) {
    if (entry.path().filename().string().rfind("MANIFEST", 0) == 0) {
      std::ofstream(entry.path(), std::ios::trunc) << std::string(100, '\x5a');
    }
  }
  auto store = Store::Open(tmp.path(), {});
  EXPECT_FALSE(store.ok());
  EXPECT_TRUE(store.status().code() == absl::StatusCode::kDataLoss ||
              store.status().code() == absl::StatusCode::kFailedPrecondition)
      << store.status();
}

// The edge index of a relation in a view.
uint32_t EdgeOf(const GraphView& view, const Relation& r) {
  absl::Span<const uint64_t> ids = view.relation_ids();
  auto it = std::find(ids.begin(), ids.end(), RelationIdOf(r));
  EXPECT_NE(it, ids.end());
  return static_cast<uint32_t>(it - ids.begin());
}

// A meeting read in two outlets (one of them twice, its name in other
// case), diplomatic relations of 1993 and their break in 2010.
std::vector<Relation> ReportsAndABreak() {
  Relation meeting =
      MakeRelation(RelationType::kMeeting, "country:KAZ", "org:eu", "2026-01-10");
  Provenance again = meeting.provenance[0];
  again.outlet = "OUTLET";
  again.document = "another-digest";
  Provenance wire = again;
  wire.outlet = "Steppe Wire";
  meeting.provenance.push_back(again);
  meeting.provenance.push_back(wire);
  Relation broken =
      MakeRelation(RelationType::kDowngrade, "country:ARM", "country:AZE", "2010-04-02");
  broken.attributes["measure"] = std::string("break_relations");
  return {meeting,
          MakeRelation(RelationType::kDiplomaticRelations, "country:ARM", "country:AZE",
                       "1993"),
          broken};
}

void ExpectReportsAndTheBreak(const GraphView& view, const std::vector<Relation>& item) {
  EXPECT_EQ(view.Reports(EdgeOf(view, item[0])), 2u);
  EXPECT_EQ(view.Reports(EdgeOf(view, item[1])), 1u);
  ASSERT_EQ(view.state_ends().size(), 1u);
  const auto& [edge, end] = *view.state_ends().begin();
  EXPECT_EQ(edge, EdgeOf(view, item[1]));
  EXPECT_EQ(end.day, DaysFromCivil(2010, 4, 2));
}

TEST(Store, ViewKnowsIndependentReportsAndEndedStates) {
  TempDir tmp;
  const std::vector<Relation> item = ReportsAndABreak();
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->WriteItem({}, item).ok());
    ASSERT_TRUE(store->RefreshView().ok());
    ExpectReportsAndTheBreak(*store->View(), item);
  }
  auto reopened = OpenOrDie(tmp.path());  // The view built from the edge records.
  ASSERT_NE(reopened, nullptr);
  ExpectReportsAndTheBreak(*reopened->View(), item);
}

// Rewrites a store as schema version 1 wrote it: edge records at format 1,
// without reports and flags.
void DowngradeToVersion1(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : internal::ColumnFamilyNames()) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(
      rocksdb::DB::Open(rocksdb::DBOptions(), dir, families, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::WriteBatch batch;
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions(), handles[internal::kEdges]));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string value = it->value().ToString();
    value[0] = 1;
    value.erase(14, 2);  // After format, type and three days: reports < 128, flags.
    batch.Put(handles[internal::kEdges], it->key(), value);
  }
  batch.Put(handles[internal::kMetadata], internal::kSchemaVersionKey, "1");
  ASSERT_TRUE(db->Write(rocksdb::WriteOptions(), &batch).ok());
  it.reset();
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    ASSERT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
  }
}

TEST(Store, AVersion1StoreIsUpgradedWhenOpenedForWriting) {
  TempDir tmp;
  const std::vector<Relation> item = ReportsAndABreak();
  { ASSERT_TRUE(OpenOrDie(tmp.path())->WriteItem({}, item).ok()); }
  DowngradeToVersion1(tmp.path());
  absl::StatusOr<std::unique_ptr<Store>> read_only =
      Store::Open(tmp.path(), {.mode = StoreOptions::Mode::kReadOnly});
  EXPECT_EQ(read_only.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(read_only.status().message(), HasSubstr("open it once read-write"));
  {
    auto upgraded = OpenOrDie(tmp.path());
    ASSERT_NE(upgraded, nullptr);
    ExpectReportsAndTheBreak(*upgraded->View(), item);
  }
  auto after = OpenOrDie(tmp.path(), {.mode = StoreOptions::Mode::kReadOnly});
  ASSERT_NE(after, nullptr);
  ExpectReportsAndTheBreak(*after->View(), item);
}

TEST(Store, ForeignRocksDbIsNotAStore) {
  TempDir tmp;
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, tmp.path(), &db).ok());
    delete db;
  }
  auto store = Store::Open(tmp.path(), {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("not an Entente store"));
}

TEST(Store, MissingDirectoryWithoutCreateIsNotFound) {
  TempDir tmp;
  auto store = Store::Open(tmp.Sub("absent"), {.create_if_missing = false});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
}

TEST(Store, ReadOnlyStoreRefusesWrites) {
  TempDir tmp;
  { ASSERT_TRUE(OpenOrDie(tmp.path())->WriteItem({}, SampleItem()).ok()); }
  auto store = OpenOrDie(tmp.path(), {.mode = StoreOptions::Mode::kReadOnly});
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->View()->relation_count(), 2);
  EXPECT_EQ(store->WriteItem({}, SampleItem()).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(Store, SecondaryCatchesUpWithPrimary) {
  TempDir tmp;
  auto primary = OpenOrDie(tmp.Sub("db"));
  auto secondary = OpenOrDie(tmp.Sub("db"), {.mode = StoreOptions::Mode::kSecondary,
                                             .secondary_dir = tmp.Sub("secondary")});
  ASSERT_NE(secondary, nullptr);
  EXPECT_EQ(secondary->View()->relation_count(), 0);
  ASSERT_TRUE(primary->WriteItem({}, SampleItem()).ok());
  ASSERT_TRUE(secondary->CatchUp().ok());
  EXPECT_EQ(secondary->View()->relation_count(), 2);
  EXPECT_TRUE(secondary->GetEntity("country:PAK").ok());
}

TEST(Store, RefreshViewKeepsOldSnapshotsIntact) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  std::shared_ptr<const GraphView> before = store->View();
  ASSERT_TRUE(store->WriteItem({}, SampleItem()).ok());
  ASSERT_TRUE(store->RefreshView().ok());
  EXPECT_EQ(before->relation_count(), 0);
  EXPECT_EQ(store->View()->relation_count(), 2);
}

TEST(Store, GetRelationsReadsABatchInOrderAndNamesAMissingId) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  const std::vector<Relation> item = SampleItem();
  ASSERT_TRUE(store->WriteItem({}, item).ok());
  const uint64_t a = RelationIdOf(item[0]), b = RelationIdOf(item[1]);
  absl::StatusOr<std::vector<Relation>> read = store->GetRelations({b, a, b});
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[0].type, item[1].type);
  EXPECT_EQ((*read)[1].type, item[0].type);
  EXPECT_EQ((*read)[2].type, item[1].type);
  EXPECT_TRUE(store->GetRelations({})->empty());
  absl::StatusOr<std::vector<Relation>> missing = store->GetRelations({a, 0x1234});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("0000000000001234"));
}

TEST(Store, StatsCountByTypeAndMonth) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store->WriteItem({}, SampleItem()).ok());
  ASSERT_TRUE(store->RefreshView().ok());
  absl::StatusOr<Stats> stats = store->GetStats({});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->entities, 2);
  EXPECT_EQ(stats->relations, 2);
  EXPECT_EQ(stats->by_type[RelationType::kTradeTarget], 1);
  EXPECT_EQ(stats->by_month["2026-02"], 2);
  EXPECT_EQ(store->GetStats({.entity = "country:KAZ"})->entities, 1);
}

TEST(Store, StatsStopOnceTheCallerGivesUp) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  std::vector<Relation> relations;
  for (int i = 0; i < 5000; ++i) {
    relations.push_back(MakeRelation(RelationType::kMeeting, "country:HUB",
                                     absl::StrCat("org:spoke-", i), "2025-01-02"));
  }
  ASSERT_TRUE(store->WriteItem({}, relations).ok());
  ASSERT_TRUE(store->RefreshView().ok());
  std::atomic<bool> gave_up{false};
  absl::StatusOr<Stats> counted = store->GetStats({.cancelled = &gave_up});
  ASSERT_TRUE(counted.ok()) << counted.status();
  EXPECT_EQ(counted->relations, 5000);
  gave_up = true;
  for (const std::string entity : {"", "country:HUB"}) {
    absl::StatusOr<Stats> stopped =
        store->GetStats({.entity = entity, .cancelled = &gave_up});
    EXPECT_EQ(stopped.status().code(), absl::StatusCode::kCancelled) << entity;
  }
}

TEST(Store, StatsCountYearDatesUnderTheYearAndMonthDatesUnderTheMonth) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store
                  ->WriteItem({}, {MakeRelation(RelationType::kVisit, "country:KAZ",
                                                "country:PAK", "1993"),
                                   MakeRelation(RelationType::kVisit, "country:KAZ",
                                                "country:PAK", "1993-01"),
                                   MakeRelation(RelationType::kMeeting, "country:KAZ",
                                                "country:PAK", "1993-01-31")})
                  .ok());
  ASSERT_TRUE(store->RefreshView().ok());
  absl::StatusOr<Stats> stats = store->GetStats({});
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_THAT(stats->by_month,
              ElementsAre(std::pair<const std::string, int64_t>("1993", 1),
                          std::pair<const std::string, int64_t>("1993-01", 2)));
}

TEST(Store, BulkLoadMatchesWriteItemAndMergesDuplicates) {
  TempDir tmp;
  auto bulk = OpenOrDie(tmp.Sub("bulk"));
  auto plain = OpenOrDie(tmp.Sub("plain"));
  std::vector<Relation> relations;
  for (int i = 0; i < 126; ++i) {
    relations.push_back(MakeRelation(RelationType::kMeeting, "country:KAZ",
                                     "country:C" + std::to_string(i % 7),
                                     "2020-01-" + std::to_string(10 + i % 9), i));
  }
  {
    auto loader = bulk->NewBulkLoader();
    ASSERT_TRUE(loader.ok()) << loader.status();
    EXPECT_EQ(bulk->WriteItem({}, SampleItem()).status().code(),
              absl::StatusCode::kFailedPrecondition);
    for (const Relation& r : relations) ASSERT_TRUE((*loader)->Add(r).ok());
    absl::StatusOr<WriteResult> result = (*loader)->Finish();
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->new_relations, 7 * 9);
  }
  for (const Relation& r : relations) ASSERT_TRUE(plain->WriteItem({}, {r}).ok());
  auto a = bulk->GetTimeline({.entity = "country:KAZ", .page_size = 1000});
  auto b = plain->GetTimeline({.entity = "country:KAZ", .page_size = 1000});
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(a->relations, b->relations);
  for (int i = 0; i < 7; ++i) {
    TimelineQuery pair{.entity = "country:C" + std::to_string(i), .other = "country:KAZ"};
    auto bulk_pair = bulk->GetTimeline(pair);
    auto plain_pair = plain->GetTimeline(pair);
    ASSERT_TRUE(bulk_pair.ok()) << bulk_pair.status();
    EXPECT_EQ(bulk_pair->relations, plain_pair->relations);
    EXPECT_EQ(bulk_pair->relations.size(), 9u);
  }
  // A second bulk load of the same relations changes nothing.
  auto loader = bulk->NewBulkLoader();
  ASSERT_TRUE(loader.ok());
  for (const Relation& r : relations) ASSERT_TRUE((*loader)->Add(r).ok());
  absl::StatusOr<WriteResult> again = (*loader)->Finish();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->new_relations, 0);
  EXPECT_EQ(again->unchanged, 7 * 9);
  EXPECT_EQ(bulk->View()->relation_count(), 7 * 9);
}

}  // namespace
}  // namespace entente::graph

namespace entente::graph {
namespace {

TEST(Store, CompactKeepsEveryAnswer) {
  testing::TempDir tmp;
  auto store = *Store::Open(tmp.path(), {});
  for (int i = 1; i <= 20; ++i) {
    ASSERT_TRUE(store
                    ->WriteItem({}, {testing::MakeRelation(RelationType::kVisit,
                                                           "country:KAZ", "country:PAK",
                                                           absl::StrCat(2000 + i), i)})
                    .ok());
  }
  auto before = store->GetTimeline({.entity = "country:PAK"});
  ASSERT_TRUE(store->Compact().ok());
  auto after = store->GetTimeline({.entity = "country:PAK"});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->relations, after->relations);
  EXPECT_EQ(after->relations.size(), 20u);
}

}  // namespace
}  // namespace entente::graph

namespace entente::graph {
namespace {

// Ids that are prefixes of one another stress the key order of the bulk
// loader's sorted files.
TEST(Store, BulkLoadOrdersKeysLikeWriteItemForTrickyIds) {
  const std::vector<std::string> ids = {"org:a",   "org:ab",  "org:a-b", "org:b",
                                        "org:a0",  "city:a",  "org:aa",  "country:A",
                                        "org:abc", "org:a b", "org:z",   "site:a"};
  testing::TempDir tmp;
  auto bulk = *Store::Open(tmp.Sub("bulk"), {});
  auto plain = *Store::Open(tmp.Sub("plain"), {});
  auto loader = *bulk->NewBulkLoader();
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int i = 0; i < 400; ++i) {
    Relation r =
        testing::MakeRelation(i % 3 == 0 ? RelationType::kVisit : RelationType::kMeeting,
                              ids[next() % ids.size()], ids[next() % ids.size()],
                              absl::StrCat(1990 + next() % 30), i);
    ASSERT_TRUE(loader->Add(r).ok());
    ASSERT_TRUE(plain->WriteItem({}, {r}).ok());
  }
  ASSERT_TRUE(loader->Finish().ok());
  loader.reset();
  for (const std::string& a : ids) {
    TimelineQuery q{.entity = a, .page_size = 1000};
    EXPECT_EQ(bulk->GetTimeline(q)->relations, plain->GetTimeline(q)->relations) << a;
    for (const std::string& b : ids) {
      TimelineQuery p{.entity = a, .other = b, .page_size = 1000};
      EXPECT_EQ(bulk->GetTimeline(p)->relations, plain->GetTimeline(p)->relations)
          << a << " " << b;
    }
  }
  EXPECT_EQ(bulk->SearchEntities("a", 100, "")->entities,
            plain->SearchEntities("a", 100, "")->entities);
}

}  // namespace
}  // namespace entente::graph
