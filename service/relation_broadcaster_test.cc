#include "service/relation_broadcaster.h"

#include <thread>

#include "gtest/gtest.h"

namespace entente::service {
namespace {

using Event = Subscription::Event;

graph::Relation Meeting(const std::string& a, const std::string& b) {
  graph::Relation relation;
  relation.type = graph::RelationType::kMeeting;
  relation.source.id = a;
  relation.target.id = b;
  return relation;
}

TEST(RelationBroadcaster, DeliversMatchingRelationsInOrder) {
  RelationBroadcaster broadcaster;
  auto all = broadcaster.Subscribe({});
  auto kaz = broadcaster.Subscribe({"country:KAZ", {}});
  broadcaster.Publish(
      {Meeting("country:KAZ", "country:PAK"), Meeting("country:CHN", "country:PAK")});
  graph::Relation got;
  ASSERT_EQ(all->Next(absl::ZeroDuration(), &got), Event::kRelation);
  EXPECT_EQ(got.source.id, "country:KAZ");
  ASSERT_EQ(all->Next(absl::ZeroDuration(), &got), Event::kRelation);
  EXPECT_EQ(got.source.id, "country:CHN");
  ASSERT_EQ(kaz->Next(absl::ZeroDuration(), &got), Event::kRelation);
  EXPECT_EQ(kaz->Next(absl::Milliseconds(1), &got), Event::kTimeout);
}

TEST(RelationBroadcaster, TypeFilterDropsOtherTypes) {
  RelationBroadcaster broadcaster;
  graph::RelationTypeSet visits;
  visits.Add(graph::RelationType::kVisit);
  auto watch = broadcaster.Subscribe({"", visits});
  broadcaster.Publish({Meeting("country:KAZ", "country:PAK")});
  graph::Relation got;
  EXPECT_EQ(watch->Next(absl::ZeroDuration(), &got), Event::kTimeout);
}

TEST(RelationBroadcaster, SlowWatcherIsDroppedWithOverflow) {
  RelationBroadcaster broadcaster;
  auto watch = broadcaster.Subscribe({}, /*max_queue=*/2);
  broadcaster.Publish(
      {Meeting("a:1", "a:2"), Meeting("a:1", "a:3"), Meeting("a:1", "a:4")});
  graph::Relation got;
  EXPECT_EQ(watch->Next(absl::ZeroDuration(), &got), Event::kOverflow);
  EXPECT_EQ(broadcaster.subscriber_count(), 0);
}

TEST(RelationBroadcaster, CloseWakesWaitingWatchers) {
  RelationBroadcaster broadcaster;
  auto watch = broadcaster.Subscribe({});
  std::thread closer([&] { broadcaster.Close(); });
  graph::Relation got;
  EXPECT_EQ(watch->Next(absl::Seconds(10), &got), Event::kClosed);
  closer.join();
  EXPECT_EQ(broadcaster.Subscribe({})->Next(absl::ZeroDuration(), &got), Event::kClosed);
}

TEST(RelationBroadcaster, ReleasedSubscriptionsAreForgotten) {
  RelationBroadcaster broadcaster;
  broadcaster.Subscribe({}).reset();
  broadcaster.Publish({Meeting("a:1", "a:2")});
  EXPECT_EQ(broadcaster.subscriber_count(), 0);
}

}  // namespace
}  // namespace entente::service
