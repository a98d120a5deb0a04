#include "graph/internal/page_token.h"

#include "absl/strings/escaping.h"
#include "graph/internal/coding.h"

namespace entente::graph::internal {

constexpr char kTokenVersion = 1;

std::string EncodePageToken(uint64_t fingerprint, absl::string_view payload) {
  std::string raw(1, kTokenVersion);
  PutFixed64BE(&raw, fingerprint);
  raw.append(payload.data(), payload.size());
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            uint64_t fingerprint) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < 9 ||
      raw[0] != kTokenVersion) {
    return absl::InvalidArgumentError("malformed page_token");
  }
  if (DecodeFixed64BE(raw.data() + 1) != fingerprint) {
    return absl::InvalidArgumentError(
        "page_token belongs to a different query; resend the same query parameters");
  }
  return raw.substr(9);
}

}  // namespace entente::graph::internal
