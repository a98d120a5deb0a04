#ifndef ENTENTE_COMMON_JSON_STRING_H_
#define ENTENTE_COMMON_JSON_STRING_H_

// JSON string literals, the one escaping every JSON writer of ours uses (the
// HTTP API, the request log, relation JSONL, the CLI's reports):
//
//   "a \"quoted\" word\n"  ->  "\"a \\\"quoted\\\" word\\n\""
//
// The quote and the backslash are escaped, \n \r \t \b \f by name and the other
// control characters as \u00XX; every other byte, UTF-8 included, is copied as it
// is (the text is not checked for valid UTF-8).
//
// Thread-safety: free functions over their arguments.

#include <string>

#include "absl/strings/string_view.h"

namespace entente::common {

// Appends `text` to *out, quoted and escaped.
void AppendJsonString(absl::string_view text, std::string* out);

// `text` quoted and escaped.
std::string JsonString(absl::string_view text);

}  // namespace entente::common

#endif  // ENTENTE_COMMON_JSON_STRING_H_
