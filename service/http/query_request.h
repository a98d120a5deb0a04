#ifndef ENTENTE_SERVICE_HTTP_QUERY_REQUEST_H_
#define ENTENTE_SERVICE_HTTP_QUERY_REQUEST_H_

// The request of a GET call is read from its URL: path variables and query
// parameters name fields of the proto request message, as Google's HTTP/JSON
// transcoding does (google.api.http), so there is no second request model.
//
//   /api/v1/entities/country:PAK/timeline?types=RELATION_TYPE_VISIT,meeting
//       &window.since=2024&page_size=20
//   -> GetTimelineRequest{entity: "country:PAK", types: [VISIT, MEETING],
//                         window: {since: "2024"}, page_size: 20}
//
// A parameter is a field's proto name or JSON name, dotted for a field of a
// nested message. A repeated field takes the parameter again or a comma list.
// An enum takes its value name, or the part after the enum's prefix in any case
// ("meeting" for RELATION_TYPE_MEETING).
//
// Thread-safety: free functions over their arguments.

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace entente::service::http {

// A URL query's parameters in order, names and values percent-decoded.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes (and '+' as a space when `plus_is_space`).
// InvalidArgument for a truncated or non-hex escape.
absl::StatusOr<std::string> PercentDecode(absl::string_view text, bool plus_is_space);

// Splits "a=1&b=x%20y" into its parameters. InvalidArgument naming the
// parameter whose escape is bad.
absl::StatusOr<QueryParams> ParseQuery(absl::string_view query);

// Sets the fields `params` name in `message`. InvalidArgument naming the
// parameter when no field has its name, the field is a message (only its
// fields can be set), or the value does not parse as the field's type.
absl::Status FillRequest(const QueryParams& params, google::protobuf::Message& message);

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_QUERY_REQUEST_H_
