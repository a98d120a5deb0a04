#ifndef ENTENTE_IMPORTERS_INTERNAL_WORD_FILTER_H_
#define ENTENTE_IMPORTERS_INTERNAL_WORD_FILTER_H_

// A quick test that a word is not in a small fixed list, by its WordHash
// (Token::hash): the lists of number, ordinal, month and time words are asked
// about nearly every token, and nearly every token is none of them. One load
// from a 1024-bit table of hashes rules most out; a word that passes still needs
// the exact test.
//
// Thread-safety: immutable after construction.

#include <array>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

class WordFilter {
 public:
  WordFilter() = default;
  // Each element of `words` is a lower-case word (absl::string_view or convertible).
  template <typename Words>
  explicit WordFilter(const Words& words) {
    for (absl::string_view w : words) Add(WordHash(w));
  }

  void Add(uint32_t hash) { bits_[(hash >> 5) % kWords] |= uint32_t{1} << (hash & 31); }
  // False only when no added word has this hash.
  bool MayContain(uint32_t hash) const {
    return (bits_[(hash >> 5) % kWords] >> (hash & 31)) & 1;
  }

 private:
  static constexpr uint32_t kWords = 32;  // 32 x 32 bits.
  std::array<uint32_t, kWords> bits_{};
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_WORD_FILTER_H_
