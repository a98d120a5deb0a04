#ifndef ENTENTE_SERVICE_GRPC_STATUS_H_
#define ENTENTE_SERVICE_GRPC_STATUS_H_

// The one place where absl::Status becomes grpc::Status.
//
// Errors about a request field are made with InvalidFieldError, which keeps the
// field's name as a payload. ToGrpcStatus turns that into the message
// "field: description" plus a google.rpc.Status with a google.rpc.BadRequest
// field violation in the binary error details (AIP-193), so that generic
// clients can point at the field.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace entente::service {

// InvalidArgument "field: description", remembering the field's name.
absl::Status InvalidFieldError(absl::string_view field, absl::string_view description);

// Like InvalidFieldError, with code ResourceExhausted (a size limit was exceeded).
absl::Status FieldLimitError(absl::string_view field, absl::string_view description);

// The field an error names, or "" when it names none.
std::string ViolatedField(const absl::Status& status);

// Bad input as an error message quotes it: "\"text\"", cut after
// kMaxQuotedInputBytes bytes (at a UTF-8 boundary) with "..." so that an error
// never echoes a huge request back.
inline constexpr size_t kMaxQuotedInputBytes = 64;
std::string QuoteInput(absl::string_view text);

// The longest entity text or search query a request may carry (bytes).
inline constexpr size_t kMaxEntityTextBytes = 256;

// Converts every absl code to the gRPC code of the same number; OK stays OK.
// Messages longer than kMaxErrorMessageBytes are cut, so that an error always fits
// in gRPC's metadata.
inline constexpr size_t kMaxErrorMessageBytes = 2048;
grpc::Status ToGrpcStatus(const absl::Status& status);

// The canonical name of a gRPC status code ("INVALID_ARGUMENT"); its number for a
// code outside the known ones.
std::string StatusCodeName(grpc::StatusCode code);

// Encodes google.rpc.Status{code, message, details: [BadRequest{field, message}]}
// in the protobuf wire format, as carried in grpc-status-details-bin.
std::string EncodeBadRequestDetails(int code, absl::string_view message,
                                    absl::string_view field);

// The field of the first BadRequest field violation in `details` as encoded by
// EncodeBadRequestDetails (a client reading grpc::Status::error_details()); ""
// when there is none or the bytes do not parse.
std::string DecodeBadRequestField(absl::string_view details);

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_GRPC_STATUS_H_
