#ifndef ENTENTE_IMPORTERS_DIGEST_ITEM_H_
#define ENTENTE_IMPORTERS_DIGEST_ITEM_H_

// One item of a news digest as the readers produce it: the headline and the
// body paragraphs, each with its byte offset in the input, so that quotes can
// be traced back to the file.
//
// Thread-safety: a plain value type.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"

namespace entente::importers {

struct TextSpan {
  std::string text;
  int64_t offset = 0;  // Byte offset of text[0] in the input.
};

struct DigestItem {
  std::string document;                // File name, URL or JSON item id.
  int number = 0;                      // 1-based item number within the digest.
  graph::DateWithPrecision published;  // The digest's publication date.
  std::string outlet;                  // Filled by the reader when known (JSON).
  graph::DateWithPrecision reported;   // Filled by the reader when known (JSON).
  TextSpan headline;
  std::vector<TextSpan> paragraphs;  // Attribution/lead first, then the body.
};

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_DIGEST_ITEM_H_
