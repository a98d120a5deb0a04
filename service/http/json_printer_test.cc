#include "service/http/json_printer.h"

#include <cmath>
#include <limits>

#include "entente/v1/graph_service.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace entente::service::http {
namespace {

v1::GetTimelineResponse SampleTimeline() {
  v1::GetTimelineResponse response;
  v1::Relation* relation = response.add_relations();
  relation->set_id("00000000000000aa");
  relation->set_type(v1::RELATION_TYPE_PARTNERSHIP);
  relation->mutable_source()->set_id("country:KAZ");
  relation->mutable_source()->set_name("Kazakhstan");
  relation->mutable_source()->set_kind(v1::ENTITY_KIND_COUNTRY);
  relation->mutable_target()->set_id("country:PAK");
  relation->mutable_date()->set_value("2026-02-04");
  relation->set_confidence(0.9);
  (*relation->mutable_attributes())["level"].set_string_value("strategic");
  v1::Provenance* source = relation->add_provenance();
  source->set_item(3);
  source->set_outlet("The Invented Courier");
  source->set_quote("They said \"yes\".\nThen\\no\t\x01 tab — and «more»");
  source->set_start(int64_t{1} << 40);
  response.set_next_page_token("token/with+chars=");
  response.mutable_entity()->set_id("country:KAZ");
  response.mutable_entity()->add_aliases("KAZ");
  response.mutable_entity()->add_aliases("Kazakh");
  return response;
}

TEST(PrintJson, PrintsWhatTheLibraryPrints) {
  v1::GetTimelineResponse response = SampleTimeline();
  response.mutable_relations(0)->mutable_provenance(0)->set_quote("plain words");
  std::string expected;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(response, &expected).ok());
  EXPECT_EQ(PrintJson(response), expected);
}

TEST(PrintJson, ParsesBackToTheSameMessage) {
  v1::GetTimelineResponse response = SampleTimeline();
  v1::Relation* second = response.add_relations();
  second->set_confidence(std::numeric_limits<double>::quiet_NaN());
  (*second->mutable_attributes())["amount"].set_double_value(1.0 / 3.0);
  (*second->mutable_attributes())["count"].set_int_value(0);  // Oneof: printed.
  std::string json = PrintJson(response);
  v1::GetTimelineResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok()) << json;
  EXPECT_TRUE(std::isnan(parsed.relations(1).confidence()));
  parsed.mutable_relations(1)->clear_confidence();
  response.mutable_relations(1)->clear_confidence();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(parsed, response))
      << json;
  EXPECT_NE(json.find(R"("start":"1099511627776")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("intValue":"0")"), std::string::npos) << json;
}

TEST(PrintJson, EmptyMessageIsAnEmptyObject) {
  EXPECT_EQ(PrintJson(v1::GetStatsResponse()), "{}");
}

}  // namespace
}  // namespace entente::service::http
