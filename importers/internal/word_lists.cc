#include "importers/internal/word_lists.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace entente::importers::internal {
namespace {

bool IsClassChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Collapses runs of spaces; false when the item holds an upper-case ASCII letter.
bool NormalizeItem(absl::string_view raw, std::string* out) {
  out->clear();
  for (absl::string_view word : absl::StrSplit(raw, ' ', absl::SkipEmpty())) {
    for (char c : word) {
      if (absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
    }
    if (!out->empty()) out->push_back(' ');
    out->append(word.data(), word.size());
  }
  return true;
}

}  // namespace

absl::Status DataError(absl::string_view file, int line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", message));
}

absl::StatusOr<std::vector<WordListEntry>> ParseWordList(absl::string_view file,
                                                         absl::string_view content) {
  std::vector<WordListEntry> out;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++number;
    if (size_t hash = line.find('#'); hash != absl::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (line[0] != '@') return DataError(file, number, "expected '@class: items'");
    size_t colon = line.find(':');
    if (colon == absl::string_view::npos || colon == 1) {
      return DataError(file, number, "expected '@class: items'");
    }
    absl::string_view name = line.substr(1, colon - 1);
    for (char c : name) {
      if (!IsClassChar(c)) {
        return DataError(file, number,
                         absl::StrCat("class name '", name, "' may hold only a-z, 0-9, _"));
      }
    }
    // "a, b = x" gives x to both; "a = x, b = y" gives each its own.
    std::vector<absl::string_view> entries = absl::StrSplit(line.substr(colon + 1), ',');
    int valued = 0;
    for (absl::string_view e : entries) valued += e.find('=') != absl::string_view::npos;
    std::string shared;
    if (valued == 1 && entries.back().find('=') != absl::string_view::npos) {
      absl::string_view last = entries.back();
      shared = std::string(absl::StripAsciiWhitespace(last.substr(last.find('=') + 1)));
      if (shared.empty()) return DataError(file, number, "'=' without a value");
    }
    std::string item;
    int count = 0;
    for (absl::string_view raw : entries) {
      std::string value = shared;
      if (size_t eq = raw.find('='); eq != absl::string_view::npos) {
        value = std::string(absl::StripAsciiWhitespace(raw.substr(eq + 1)));
        if (value.empty()) return DataError(file, number, "'=' without a value");
        raw = raw.substr(0, eq);
      }
      raw = absl::StripAsciiWhitespace(raw);
      if (raw.empty()) {
        // A trailing comma continues the class on the next line.
        continue;
      }
      if (!NormalizeItem(raw, &item)) {
        return DataError(file, number,
                         absl::StrCat("item '", raw, "' must be lower case"));
      }
      out.push_back({std::string(name), item, value, std::string(file), number});
      ++count;
    }
    if (count == 0) return DataError(file, number, "no items after ':'");
  }
  return out;
}

}  // namespace entente::importers::internal
