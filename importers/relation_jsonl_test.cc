#include "importers/relation_jsonl.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace entente::importers {
namespace {

graph::Relation Sample() {
  graph::Relation r;
  r.type = graph::RelationType::kTradeTarget;
  r.source = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  r.target = {"country:PAK", "Pakistan", graph::EntityKind::kCountry};
  r.date = graph::DateWithPrecision::Day(2026, 2, 4);
  r.reported = graph::DateWithPrecision::Day(2026, 2, 5);
  r.attributes["amount"] = int64_t{1000000000};
  r.attributes["currency"] = std::string("USD");
  r.attributes["change_pct"] = 12.5;
  r.attributes["participants"] = std::vector<std::string>{"person:a", "person:\"b\""};
  r.confidence = 0.9;
  graph::Provenance p;
  p.item = 7;
  p.outlet = "Pakistan Today";
  p.headline = "Pakistan, Kazakhstan agree\n";
  p.reported = r.reported;
  p.quote = "vowed to take \u201ctrade\u201d to $1 billion\\";
  p.start = 7074;
  p.end = 7154;
  p.document = "digest.txt";
  p.extractor = "entente-extract/1";
  r.provenance.push_back(p);
  return r;
}

TEST(RelationJsonl, RoundTripsExactly) {
  graph::Relation r = Sample();
  std::string line = RelationToJsonLine(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto back = RelationFromJsonLine(line);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, r);
  EXPECT_EQ(RelationToJsonLine(*back), line);
}

TEST(RelationLineParser, ReusedRelationTakesNothingFromThePreviousLine) {
  RelationLineParser parser;
  graph::Relation r;
  ASSERT_TRUE(parser.Parse(RelationToJsonLine(Sample()), &r).ok());
  EXPECT_EQ(r, Sample());
  graph::Relation bare;
  bare.type = graph::RelationType::kVisit;
  bare.source = {"person:x", "", graph::EntityKind::kPerson};
  bare.target = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  bare.date = graph::DateWithPrecision::Month(2026, 2);
  bare.reported = graph::DateWithPrecision::Day(2026, 2, 5);
  ASSERT_TRUE(parser.Parse(RelationToJsonLine(bare), &r).ok());
  EXPECT_EQ(r, bare);
  EXPECT_FALSE(parser.Parse("{\"type\":\"visit\"", &r).ok());
  ASSERT_TRUE(parser.Parse(RelationToJsonLine(Sample()), &r).ok());
  EXPECT_EQ(r, Sample());
}

TEST(RelationLineParser, DatesAreJudgedAsDateWithPrecisionParseDoes) {
  RelationLineParser parser;
  graph::Relation r;
  for (const char* text : {"2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01",
                           "2026-13-01", "2026-12-31", "2026-04-31", "2026-4-01",
                           "2026-04-1x", "2026/04/01", "2026-04", "2026", ""}) {
    std::string line = RelationToJsonLine(Sample());
    size_t at = line.find("\"date\":\"2026-02-04\"");
    ASSERT_NE(at, std::string::npos);
    line.replace(at, 19, absl::StrCat("\"date\":\"", text, "\""));
    auto expected = graph::DateWithPrecision::Parse(text);
    absl::Status parsed = parser.Parse(line, &r);
    EXPECT_EQ(parsed.ok(), expected.ok()) << text << ": " << parsed;
    if (expected.ok() && parsed.ok()) {
      EXPECT_EQ(r.date, *expected) << text;
    }
  }
}

TEST(RelationJsonl, WritesTheSpecShape) {
  std::string line = RelationToJsonLine(Sample());
  EXPECT_EQ(line.rfind("{\"type\":\"trade_target\",\"source\":{\"id\":\"country:KAZ\","
                       "\"name\":\"Kazakhstan\",\"kind\":\"country\"}",
                       0),
            0u);
  EXPECT_NE(line.find("\"amount\":1000000000"), std::string::npos);
  EXPECT_NE(line.find("\"date\":\"2026-02-04\""), std::string::npos);
  EXPECT_NE(line.find("\"start\":7074,\"end\":7154"), std::string::npos);
}

TEST(RelationJsonl, ReadsGoldLinesIgnoringExtras) {
  auto r = RelationFromJsonLine(
      R"({"type":"partnership","source":{"id":"country:KAZ","name":"Kazakhstan","kind":"country"},"target":{"id":"country:PAK","name":"Pakistan","kind":"country"},"date":"2026-02-04","reported":"2026-02-05","attributes":{"level":"strategic"},"confidence":0.9,"provenance":[],"required":true})");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->type, graph::RelationType::kPartnership);
  EXPECT_EQ(std::get<std::string>(r->attributes.at("level")), "strategic");
}

TEST(RelationJsonl, RejectsBadLinesNamingTheField) {
  auto bad_json = RelationFromJsonLine("{not json");
  EXPECT_EQ(bad_json.status().code(), absl::StatusCode::kInvalidArgument);
  auto bad_type = RelationFromJsonLine(
      R"({"type":"friendship","source":{"id":"a:b"},"target":{"id":"c:d"},"date":"2020"})");
  EXPECT_NE(bad_type.status().message().find("friendship"), absl::string_view::npos);
  auto bad_date = RelationFromJsonLine(
      R"({"type":"visit","source":{"id":"a:b"},"target":{"id":"c:d"},"date":"2020-13"})");
  EXPECT_NE(bad_date.status().message().find("\"date\""), absl::string_view::npos);
  auto no_id = RelationFromJsonLine(
      R"({"type":"visit","source":{"name":"x"},"target":{"id":"c:d"},"date":"2020"})");
  EXPECT_NE(no_id.status().message().find("\"source\" has no \"id\""),
            absl::string_view::npos);
}

}  // namespace
}  // namespace entente::importers
