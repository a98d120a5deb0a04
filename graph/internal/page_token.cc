#include "graph/internal/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/internal/coding.h"
#include "graph/model.h"

namespace entente::graph::internal {
namespace {

constexpr char kTokenVersion = 2;
constexpr size_t kHeaderBytes = 9;  // Version and fingerprint.
constexpr size_t kCheckBytes = 4;

// A checksum of the token's other bytes: an edited token fails it.
uint32_t Check(absl::string_view raw) {
  return static_cast<uint32_t>(StableHash64(absl::StrCat("entente-page-token|", raw)));
}

}  // namespace

std::string EncodePageToken(uint64_t fingerprint, absl::string_view payload) {
  std::string raw(1, kTokenVersion);
  PutFixed64BE(&raw, fingerprint);
  raw.append(payload.data(), payload.size());
  const uint32_t check = Check(raw);
  for (int shift = 24; shift >= 0; shift -= 8)
    raw.push_back(static_cast<char>(check >> shift));
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            uint64_t fingerprint) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) ||
      raw.size() < kHeaderBytes + kCheckBytes || raw[0] != kTokenVersion) {
    return absl::InvalidArgumentError("malformed page_token");
  }
  absl::string_view body(raw.data(), raw.size() - kCheckBytes);
  uint32_t check = 0;
  for (size_t k = body.size(); k < raw.size(); ++k)
    check = (check << 8) | static_cast<unsigned char>(raw[k]);
  if (check != Check(body)) {
    return absl::InvalidArgumentError(
        "page_token fails its checksum; use a token a previous page returned, unchanged");
  }
  if (DecodeFixed64BE(raw.data() + 1) != fingerprint) {
    return absl::InvalidArgumentError(
        "page_token belongs to a different query; resend the same query parameters");
  }
  return std::string(body.substr(kHeaderBytes));
}

}  // namespace entente::graph::internal
