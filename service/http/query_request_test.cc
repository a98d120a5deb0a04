#include "service/http/query_request.h"

#include "entente/v1/graph_service.pb.h"
#include "gtest/gtest.h"
#include "service/grpc_status.h"

namespace entente::service::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(*PercentDecode("European%20Union+x", true), "European Union x");
  EXPECT_EQ(*PercentDecode("a+b%3A", false), "a+b:");
  absl::StatusOr<std::string> bad = PercentDecode("50%2", true);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("bad percent escape"), std::string::npos);
}

TEST(ParseQuery, KeepsOrderAndRepeats) {
  absl::StatusOr<QueryParams> params = ParseQuery("types=visit&k=3&types=meeting&empty=");
  ASSERT_TRUE(params.ok());
  ASSERT_EQ(params->size(), 4u);
  EXPECT_EQ((*params)[0], (std::pair<std::string, std::string>("types", "visit")));
  EXPECT_EQ((*params)[2].second, "meeting");
  EXPECT_EQ((*params)[3].second, "");
}

TEST(FillRequest, SetsScalarsEnumsRepeatedAndNestedFields) {
  v1::GetTimelineRequest request;
  QueryParams params = {
      {"entity", "country:PAK"}, {"types", "visit,RELATION_TYPE_MEETING"},
      {"types", "Partnership"},  {"window.since", "2024"},
      {"pageSize", "20"},        {"order", "newest_first"}};
  ASSERT_TRUE(FillRequest(params, request).ok());
  EXPECT_EQ(request.entity(), "country:PAK");
  ASSERT_EQ(request.types_size(), 3);
  EXPECT_EQ(request.types(0), v1::RELATION_TYPE_VISIT);
  EXPECT_EQ(request.types(1), v1::RELATION_TYPE_MEETING);
  EXPECT_EQ(request.types(2), v1::RELATION_TYPE_PARTNERSHIP);
  EXPECT_EQ(request.window().since(), "2024");
  EXPECT_EQ(request.page_size(), 20);
  EXPECT_EQ(request.order(), v1::TIMELINE_ORDER_NEWEST_FIRST);
}

TEST(FillRequest, UnknownFieldIsAnErrorNamingIt) {
  v1::FindPathsRequest request;
  absl::Status status = FillRequest({{"colour", "red"}}, request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolatedField(status), "colour");
  EXPECT_EQ(status.message(), "colour: no such field");
}

TEST(FillRequest, BadValuesNameTheFieldAndTheValue) {
  v1::FindPathsRequest request;
  absl::Status number = FillRequest({{"k", "three"}}, request);
  EXPECT_EQ(ViolatedField(number), "k");
  EXPECT_EQ(number.message(), "k: \"three\" is not a whole number");
  absl::Status type = FillRequest({{"types", "friendship"}}, request);
  EXPECT_EQ(ViolatedField(type), "types");
  EXPECT_NE(type.message().find("is not a RelationType"), std::string::npos);
  absl::Status message = FillRequest({{"window", "2024"}}, request);
  EXPECT_EQ(ViolatedField(message), "window");
  absl::Status deep = FillRequest({{"k.x", "1"}}, request);
  EXPECT_EQ(ViolatedField(deep), "k.x");
}

}  // namespace
}  // namespace entente::service::http
