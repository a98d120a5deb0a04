#ifndef ENTENTE_GRAPH_INTERNAL_PAGE_TOKEN_H_
#define ENTENTE_GRAPH_INTERNAL_PAGE_TOKEN_H_

// Opaque page tokens. Layout before web-safe base64 (no padding):
//
//   version:u8 (2) | query_fingerprint:u64 BE | payload bytes | check:u32 BE
//
// The fingerprint hashes the query's parameters (all but page size and
// token), so a token handed to another query is rejected; the check is a hash of
// the bytes before it, so an edited token is rejected too. Timeline payload:
// the last returned key's tail, day:u32 relation_id:u64 (keys.h). Search
// payload: the count of entities already returned, as u64 BE. Entity list
// payload: the id of the last entity returned (the next page starts after it).

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace entente::graph::internal {

std::string EncodePageToken(uint64_t fingerprint, absl::string_view payload);
// The payload; InvalidArgument when the token is malformed, fails its check or
// belongs to a query with another fingerprint.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            uint64_t fingerprint);

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_PAGE_TOKEN_H_
