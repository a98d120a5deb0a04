#ifndef ENTENTE_IMPORTERS_DIGEST_ITEM_H_
#define ENTENTE_IMPORTERS_DIGEST_ITEM_H_

// One item of a news digest as the readers produce it: the headline and the
// body paragraphs, each with its byte offset in the input, so that quotes can
// be traced back to the file.
//
// Thread-safety: a plain value type.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/model.h"

namespace entente::importers {

struct TextSpan {
  std::string text;
  int64_t offset = 0;  // Byte offset of text[0] in the input.
  // For text decoded from an escaped form (a JSON string): breakpoints
  // (position in `text`, byte offset in the input) where the linear mapping
  // restarts. Empty when text[i] sits at offset + i.
  std::vector<std::pair<int64_t, int64_t>> remap;
  // The paragraph opens a section of its story (under a heading such as "ON THE
  // SIDELINES"): a stretch whose days the story's earlier days do not carry into.
  bool opens_section = false;

  // The input byte offset of text position `pos`.
  int64_t FileOffset(int64_t pos) const {
    int64_t base_pos = 0, base_offset = offset;
    for (const auto& [at, file] : remap) {
      if (at > pos) break;
      base_pos = at;
      base_offset = file;
    }
    return base_offset + (pos - base_pos);
  }
};

struct DigestItem {
  std::string document;                // File name, URL or JSON item id.
  int number = 0;                      // 1-based item number within the digest.
  graph::DateWithPrecision published;  // The digest's publication date.
  std::string outlet;                  // Filled by the reader when known (JSON).
  graph::DateWithPrecision reported;   // Filled by the reader when known (JSON).
  TextSpan headline;
  // "El Comercio (Peru, 30 September)": a line of its own naming the item's outlet
  // and day, when the digest gives one; empty otherwise.
  TextSpan source;
  std::vector<TextSpan> paragraphs;  // Attribution/lead first, then the body.
};

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_DIGEST_ITEM_H_
