#include "service/convert.h"

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "service/grpc_status.h"

namespace entente::service {
namespace {

graph::Relation SampleRelation() {
  graph::Relation relation;
  relation.type = graph::RelationType::kTradeTarget;
  relation.source = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  relation.target = {"country:PAK", "Pakistan", graph::EntityKind::kCountry};
  relation.date = graph::DateWithPrecision::Day(2026, 2, 4);
  relation.reported = graph::DateWithPrecision::Day(2026, 2, 5);
  relation.attributes["amount"] = int64_t{1000000000};
  relation.attributes["currency"] = std::string("USD");
  relation.attributes["change_pct"] = 12.5;
  relation.attributes["participants"] = std::vector<std::string>{"person:a", "person:b"};
  relation.confidence = 0.9;
  graph::Provenance provenance;
  provenance.item = 7;
  provenance.outlet = "Pakistan Today";
  provenance.reported = graph::DateWithPrecision::Month(2026, 2);
  provenance.quote = "trade volume to $1 billion";
  provenance.start = 7074;
  provenance.end = 7154;
  provenance.document = "digest.txt";
  provenance.extractor = "entente-extract/1";
  relation.provenance.push_back(provenance);
  return relation;
}

TEST(Convert, RelationRoundTripsThroughProto) {
  graph::Relation relation = SampleRelation();
  v1::Relation proto;
  ToProto(relation, &proto);
  EXPECT_EQ(proto.type(), v1::RELATION_TYPE_TRADE_TARGET);
  EXPECT_EQ(proto.date().value(), "2026-02-04");
  EXPECT_EQ(proto.date().precision(), v1::DATE_PRECISION_DAY);
  EXPECT_EQ(proto.attributes().at("amount").int_value(), 1000000000);
  EXPECT_EQ(proto.provenance(0).reported().precision(), v1::DATE_PRECISION_MONTH);
  EXPECT_EQ(proto.id(), RelationIdString(graph::RelationIdOf(relation)));
  EXPECT_EQ(proto.id().size(), 16u);
  EXPECT_EQ(FromProto(proto), relation);
}

TEST(Convert, MovingConversionEqualsCopyingOne) {
  v1::Relation copied;
  ToProto(SampleRelation(), &copied);
  graph::Relation relation = SampleRelation();
  v1::Relation moved;
  ToProto(std::move(relation), &moved);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(moved, copied))
      << moved.DebugString() << "\nvs\n"
      << copied.DebugString();
}

TEST(Convert, RelationIdParsesItsOwnForm) {
  EXPECT_EQ(RelationIdString(0xabcULL), "0000000000000abc");
  EXPECT_EQ(*ParseRelationId("0000000000000abc"), 0xabcULL);
  EXPECT_EQ(*ParseRelationId("0xff"), 0xffULL);
  EXPECT_EQ(ParseRelationId("xyz").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Convert, WindowCoversWholeCoarseDates) {
  v1::TimeWindow window;
  window.set_since("2025");
  window.set_until("2025-02");
  auto parsed = WindowFromProto(window, "window");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->from_day, graph::DaysFromCivil(2025, 1, 1));
  EXPECT_EQ(parsed->to_day, graph::DaysFromCivil(2025, 3, 1));
  EXPECT_TRUE(WindowFromProto(v1::TimeWindow(), "window")->unbounded());
}

TEST(Convert, BadWindowNamesTheField) {
  v1::TimeWindow window;
  window.set_until("2025-13");
  auto parsed = WindowFromProto(window, "window");
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolatedField(parsed.status()), "window.until");
  window.set_until("2024");
  window.set_since("2025");
  EXPECT_EQ(ViolatedField(WindowFromProto(window, "window").status()), "window");
}

TEST(Convert, TypesAndKindsRejectUnspecified) {
  google::protobuf::RepeatedField<int> types;
  types.Add(v1::RELATION_TYPE_PARTNERSHIP);
  auto set = TypesFromProto(types, "types");
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(set->Contains(graph::RelationType::kPartnership));
  EXPECT_FALSE(set->Contains(graph::RelationType::kAgreement));
  types.Add(0);
  EXPECT_EQ(ViolatedField(TypesFromProto(types, "types").status()), "types");
  google::protobuf::RepeatedField<int> kinds;
  kinds.Add(v1::ENTITY_KIND_CITY);
  EXPECT_EQ(*KindMaskFromProto(kinds, "avoid_kinds"), 1u << 3);
  kinds.Add(99);
  EXPECT_FALSE(KindMaskFromProto(kinds, "avoid_kinds").ok());
}

TEST(Convert, KnownAsOfIsTheLastDayCovered) {
  EXPECT_EQ(*LastDayFromString("2025", "known_as_of"),
            graph::DaysFromCivil(2025, 12, 31));
  EXPECT_EQ(*LastDayFromString("", "known_as_of"), INT32_MAX);
  EXPECT_EQ(ViolatedField(LastDayFromString("soon", "known_as_of").status()),
            "known_as_of");
}

}  // namespace
}  // namespace entente::service
