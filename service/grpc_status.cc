#include "service/grpc_status.h"

#include <iterator>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"

namespace entente::service {
namespace {

// The payload key under which a field-naming error keeps the field's name.
constexpr absl::string_view kFieldPayload = "type.entente.dev/entente.FieldViolation";

absl::Status WithField(absl::Status status, absl::string_view field) {
  status.SetPayload(kFieldPayload, absl::Cord(field));
  return status;
}

// Protobuf wire format helpers for the three small google.rpc messages we emit;
// their field numbers are fixed by google/rpc/status.proto and
// google/rpc/error_details.proto (which Debian does not ship).
using google::protobuf::io::CodedOutputStream;
using google::protobuf::io::StringOutputStream;

constexpr uint32_t kVarint = 0;
constexpr uint32_t kLengthDelimited = 2;

void PutBytes(CodedOutputStream* out, uint32_t field, absl::string_view bytes) {
  out->WriteTag((field << 3) | kLengthDelimited);
  out->WriteVarint32(static_cast<uint32_t>(bytes.size()));
  out->WriteRaw(bytes.data(), static_cast<int>(bytes.size()));
}

template <typename Fn>
std::string Encode(Fn fn) {
  std::string bytes;
  {
    StringOutputStream stream(&bytes);
    CodedOutputStream out(&stream);
    fn(&out);
  }
  return bytes;
}

}  // namespace

absl::Status InvalidFieldError(absl::string_view field, absl::string_view description) {
  return WithField(absl::InvalidArgumentError(absl::StrCat(field, ": ", description)),
                   field);
}

absl::Status FieldLimitError(absl::string_view field, absl::string_view description) {
  return WithField(absl::ResourceExhaustedError(absl::StrCat(field, ": ", description)),
                   field);
}

std::string ViolatedField(const absl::Status& status) {
  absl::optional<absl::Cord> field = status.GetPayload(kFieldPayload);
  return field.has_value() ? std::string(*field) : std::string();
}

std::string EncodeBadRequestDetails(int code, absl::string_view message,
                                    absl::string_view field) {
  // FieldViolation{1: field, 2: description}; BadRequest{1: repeated FieldViolation};
  // Any{1: type_url, 2: value}; Status{1: code, 2: message, 3: repeated Any}.
  std::string violation = Encode([&](CodedOutputStream* out) {
    PutBytes(out, 1, field);
    PutBytes(out, 2, message);
  });
  std::string bad_request =
      Encode([&](CodedOutputStream* out) { PutBytes(out, 1, violation); });
  std::string any = Encode([&](CodedOutputStream* out) {
    PutBytes(out, 1, "type.googleapis.com/google.rpc.BadRequest");
    PutBytes(out, 2, bad_request);
  });
  return Encode([&](CodedOutputStream* out) {
    out->WriteTag((1 << 3) | kVarint);
    out->WriteVarint32(static_cast<uint32_t>(code));
    PutBytes(out, 2, message);
    PutBytes(out, 3, any);
  });
}

namespace {

using google::protobuf::io::CodedInputStream;

// The bytes of the first length-delimited field `number` of a message, if any.
absl::optional<std::string> FirstBytes(absl::string_view message, uint32_t number) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(message.data()),
                      static_cast<int>(message.size()));
  while (uint32_t tag = in.ReadTag()) {
    if ((tag & 7) == kLengthDelimited && (tag >> 3) == number) {
      uint32_t size = 0;
      std::string bytes;
      if (!in.ReadVarint32(&size) || !in.ReadString(&bytes, static_cast<int>(size)))
        break;
      return bytes;
    }
    if (!google::protobuf::internal::WireFormatLite::SkipField(&in, tag)) break;
  }
  return absl::nullopt;
}

// The longest prefix of `text` of at most `max` bytes that ends between UTF-8
// characters.
absl::string_view Utf8Prefix(absl::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string QuoteInput(absl::string_view text) {
  absl::string_view prefix = Utf8Prefix(text, kMaxQuotedInputBytes);
  return absl::StrCat("\"", prefix, prefix.size() < text.size() ? "...\"" : "\"",
                      prefix.size() < text.size()
                          ? absl::StrCat(" (", text.size(), " bytes)")
                          : std::string());
}

std::string DecodeBadRequestField(absl::string_view details) {
  // Status.details[0] -> Any.value -> BadRequest.field_violations[0] -> .field
  absl::optional<std::string> any = FirstBytes(details, 3);
  if (!any.has_value()) return "";
  absl::optional<std::string> bad_request = FirstBytes(*any, 2);
  if (!bad_request.has_value()) return "";
  absl::optional<std::string> violation = FirstBytes(*bad_request, 1);
  if (!violation.has_value()) return "";
  return FirstBytes(*violation, 1).value_or("");
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  // absl::StatusCode and grpc::StatusCode share their numbering (both follow
  // google.rpc.Code).
  auto code = static_cast<grpc::StatusCode>(static_cast<int>(status.code()));
  std::string message(Utf8Prefix(status.message(), kMaxErrorMessageBytes));
  if (message.size() < status.message().size()) message += "...";
  std::string field = ViolatedField(status);
  if (field.empty()) return grpc::Status(code, message);
  return grpc::Status(code, message,
                      EncodeBadRequestDetails(static_cast<int>(code), message, field));
}

std::string StatusCodeName(grpc::StatusCode code) {
  static constexpr const char* kNames[] = {"OK",
                                           "CANCELLED",
                                           "UNKNOWN",
                                           "INVALID_ARGUMENT",
                                           "DEADLINE_EXCEEDED",
                                           "NOT_FOUND",
                                           "ALREADY_EXISTS",
                                           "PERMISSION_DENIED",
                                           "RESOURCE_EXHAUSTED",
                                           "FAILED_PRECONDITION",
                                           "ABORTED",
                                           "OUT_OF_RANGE",
                                           "UNIMPLEMENTED",
                                           "INTERNAL",
                                           "UNAVAILABLE",
                                           "DATA_LOSS",
                                           "UNAUTHENTICATED"};
  const int number = static_cast<int>(code);
  if (number >= 0 && number < static_cast<int>(std::size(kNames))) return kNames[number];
  return absl::StrCat(number);
}

}  // namespace entente::service
