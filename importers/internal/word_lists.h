#ifndef ENTENTE_IMPORTERS_INTERNAL_WORD_LISTS_H_
#define ENTENTE_IMPORTERS_INTERNAL_WORD_LISTS_H_

// Word lists: the format every file of importers/data/ except aliases.tsv and the
// frames uses for what the extractor knows of English.
//
//   # a comment, to the end of the line
//   @class: item, item, item
//   @class: item, item = value
//   @class: item = value, item = value
//
// A line names one class (letters, digits and '_' after '@') and one or more items
// separated by commas; a class may span many lines. An item is a phrase of one or
// more lower-case words separated by single spaces ("memorandum of understanding").
// A line ending in ',' continues on the next (which names the same class): together
// they are one group. A value after "=" belongs to its item; when only the group's
// last item has one, it belongs to every item of the group ("mou, memorandum of
// understanding = memorandum"). A word matches a token when it equals the token's
// lower-case form or its lemma, so nouns are listed in the singular and verbs as lemmas.
// A word ending in '*' matches any token starting with the rest ("sino-*").
//
// Errors name the file and line: "lexicon.txt:12: ...".
//
// Thread-safety: pure functions.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace entente::importers::internal {

struct WordListEntry {
  std::string class_name;  // Without the '@'.
  std::string item;        // Lower case, words joined by one space.
  std::string value;       // "" when the line gives none.
  std::string file;        // For messages: "lexicon.txt".
  int line = 0;
};

// Parses one word-list file. InvalidArgument "FILE:LINE: why" for a line that is
// not "@class: items", an empty item, or an item with upper-case letters.
absl::StatusOr<std::vector<WordListEntry>> ParseWordList(absl::string_view file,
                                                         absl::string_view content);

// "FILE:LINE: message" as an InvalidArgument status.
absl::Status DataError(absl::string_view file, int line, absl::string_view message);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_WORD_LISTS_H_
