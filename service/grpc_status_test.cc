#include "service/grpc_status.h"

#include "gtest/gtest.h"

namespace entente::service {
namespace {

TEST(GrpcStatus, FieldErrorKeepsCodeMessageAndField) {
  absl::Status status = InvalidFieldError("page_size", "must be at most 1000");
  grpc::Status converted = ToGrpcStatus(status);
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(converted.error_message(), "page_size: must be at most 1000");
  EXPECT_NE(converted.error_details().find("google.rpc.BadRequest"), std::string::npos);
  EXPECT_NE(converted.error_details().find("page_size"), std::string::npos);
}

TEST(GrpcStatus, DecodingTheDetailsGivesBackTheField) {
  grpc::Status converted = ToGrpcStatus(InvalidFieldError("window.since", "bad date"));
  EXPECT_EQ(DecodeBadRequestField(converted.error_details()), "window.since");
  EXPECT_EQ(DecodeBadRequestField(""), "");
  EXPECT_EQ(DecodeBadRequestField("\x1a\xff garbage"), "");
}

TEST(GrpcStatus, PlainErrorsKeepTheirCode) {
  grpc::Status converted = ToGrpcStatus(absl::NotFoundError("no entity \"Atlantis\""));
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(converted.error_message(), "no entity \"Atlantis\"");
  EXPECT_TRUE(converted.error_details().empty());
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_EQ(ToGrpcStatus(FieldLimitError("text", "too big")).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST(GrpcStatus, QuotedInputIsCutAtAUtf8Boundary) {
  EXPECT_EQ(QuoteInput("Atlantis"), "\"Atlantis\"");
  const std::string long_text(9000, 'x');
  std::string quoted = QuoteInput(long_text);
  EXPECT_LT(quoted.size(), 100u);
  EXPECT_NE(quoted.find("...\" (9000 bytes)"), std::string::npos) << quoted;
  // 63 ASCII bytes then a two-byte letter: the cut falls before the letter.
  std::string accented = std::string(63, 'a') + "\u00e9" + std::string(10, 'b');
  EXPECT_EQ(QuoteInput(accented).substr(0, 65), "\"" + std::string(63, 'a') + ".");
}

TEST(GrpcStatus, LongMessagesAreCut) {
  grpc::Status converted = ToGrpcStatus(absl::InternalError(std::string(100000, 'm')));
  EXPECT_LE(converted.error_message().size(), kMaxErrorMessageBytes + 3);
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::INTERNAL);
}

TEST(GrpcStatus, DetailsAreAWellFormedStatusMessage) {
  std::string bytes = EncodeBadRequestDetails(3, "k: bad", "k");
  // Status.code = 3 is the first field: tag 0x08, varint 3.
  ASSERT_GE(bytes.size(), 2u);
  EXPECT_EQ(bytes[0], '\x08');
  EXPECT_EQ(bytes[1], '\x03');
  // Then Status.message: tag 0x12, length 6, "k: bad".
  EXPECT_EQ(bytes.substr(2, 8), std::string("\x12\x06k: bad"));
}

TEST(StatusCodeName, NamesTheCodes) {
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::DEADLINE_EXCEEDED), "DEADLINE_EXCEEDED");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
}

}  // namespace
}  // namespace entente::service
