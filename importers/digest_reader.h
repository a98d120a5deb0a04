#ifndef ENTENTE_IMPORTERS_DIGEST_READER_H_
#define ENTENTE_IMPORTERS_DIGEST_READER_H_

// Readers for digests as they are published.
//
// Text digests: an optional front matter block
//   ---
//   published: 2026-02-06
//   source: The Astana Times
//   url: https://...
//   ---
// or a first line "published: 2026-02-06" alone,
// then a lead paragraph ("ASTANA – Each week ..."), then items: a headline
// line, an attribution line naming outlet and date ("..., reported Trend on
// Feb. 5."), body lines and quotes. "Photo credit" lines, repeated titles,
// "LATEST NEWS" and runs of blank lines are ignored.
//
// JSON Lines items: one object per line with "id", "published", "outlet",
// "headline", "text" and "url".
//
// Thread-safety: pure functions.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/digest_item.h"

namespace entente::importers {

struct TextDigest {
  std::optional<graph::DateWithPrecision> published;  // From front matter.
  std::string source;
  std::string url;
  std::vector<DigestItem> items;  // `published` left for the caller to fill.
};

// Parses a text digest. InvalidArgument "DOCUMENT:LINE: why" for invalid
// UTF-8, NUL bytes, a malformed front matter or a bad `published:` date.
absl::StatusOr<TextDigest> ParseTextDigest(absl::string_view document,
                                           absl::string_view bytes);

// Parses one JSON Lines item; `line_number` and `offset` (byte offset of the
// line in the file) are used for messages and provenance. InvalidArgument
// "DOCUMENT:LINE: why" when the line is not such an item.
absl::StatusOr<DigestItem> ParseJsonItem(absl::string_view document, int line_number,
                                         int64_t offset, absl::string_view line);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_DIGEST_READER_H_
