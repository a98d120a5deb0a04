#ifndef ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_
#define ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_

// Entity mentions in a tokenized sentence: the longest gazetteer alias at each
// position ("North Korea" before "Korea"), demonyms inside hyphenated words
// ("Sino-Kazakh", "Kazakh-Turkish"), and leader phrases ("the Turkish
// President", "Kazakhstan President").
//
// Thread-safety: pure functions; the Gazetteer is shared const.

#include <string>
#include <vector>

#include "graph/model.h"
#include "importers/gazetteer.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

struct Mention {
  int begin = 0;  // Token range [begin, end).
  int end = 0;
  const graph::Entity* entity = nullptr;
  std::string country;  // The country this mention stands for; "" for none.
  AliasForm form = AliasForm::kName;
  bool leader = false;      // A person or a country's leader ("Kazakh President").
  std::string title;        // The leader's title as written, lower case ("president").
  bool possessive = false;  // Followed by "'s".
  std::string preposition;  // Lower-case word right before (skipping "the").
};

// Tags the tokens in [0, tokens.size()), skipping tokens whose byte range lies
// inside one of `masked` (outlet names: provenance, not parties).
std::vector<Mention> FindMentions(const Gazetteer& gazetteer,
                                  const std::vector<Token>& tokens,
                                  const std::vector<std::pair<int64_t, int64_t>>& masked);

// True for a leader title word sequence starting at tokens[i] ("president",
// "prime minister", "chancellor", "leader", ...); sets *length in tokens.
bool IsLeaderTitle(const std::vector<Token>& tokens, int i, int* length);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_
