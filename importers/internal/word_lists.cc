#include "importers/internal/word_lists.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
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

namespace {

struct RawEntry {
  absl::string_view text;
  int line = 0;
};

// One group of entries: a line, with the lines that continue it (a line ending in
// ',' continues on the next, which names the same class).
absl::Status EmitGroup(absl::string_view file, absl::string_view name,
                       const std::vector<RawEntry>& entries,
                       std::vector<WordListEntry>* out) {
  // "a, b = x" gives x to every item of the group; "a = x, b = y" gives each its own.
  int valued = 0;
  for (const RawEntry& e : entries) valued += e.text.find('=') != absl::string_view::npos;
  std::string shared;
  if (valued == 1 && entries.back().text.find('=') != absl::string_view::npos) {
    absl::string_view last = entries.back().text;
    shared = std::string(absl::StripAsciiWhitespace(last.substr(last.find('=') + 1)));
    if (shared.empty())
      return DataError(file, entries.back().line, "'=' without a value");
  }
  std::string item;
  for (const RawEntry& e : entries) {
    absl::string_view raw = e.text;
    std::string value = shared;
    if (size_t eq = raw.find('='); eq != absl::string_view::npos) {
      value = std::string(absl::StripAsciiWhitespace(raw.substr(eq + 1)));
      if (value.empty()) return DataError(file, e.line, "'=' without a value");
      raw = raw.substr(0, eq);
    }
    raw = absl::StripAsciiWhitespace(raw);
    if (raw.empty()) continue;
    if (!NormalizeItem(raw, &item)) {
      return DataError(file, e.line, absl::StrCat("item '", raw, "' must be lower case"));
    }
    out->push_back({std::string(name), item, value, std::string(file), e.line});
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<WordListEntry>> ParseWordList(absl::string_view file,
                                                         absl::string_view content) {
  std::vector<WordListEntry> out;
  std::string group_class;
  std::vector<RawEntry> group;
  bool open = false;  // The last line ended with ',': the group goes on.
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
        return DataError(
            file, number,
            absl::StrCat("class name '", name, "' may hold only a-z, 0-9, _"));
      }
    }
    if (open && name != group_class) {
      return DataError(file, number,
                       absl::StrCat("the line before ends with ',' but this one names @",
                                    name, ", not @", group_class));
    }
    if (!open && !group.empty()) {
      if (absl::Status s = EmitGroup(file, group_class, group, &out); !s.ok()) return s;
      group.clear();
    }
    group_class = std::string(name);
    absl::string_view items = line.substr(colon + 1);
    int count = 0;
    for (absl::string_view raw : absl::StrSplit(items, ',')) {
      if (absl::StripAsciiWhitespace(raw).empty()) continue;
      group.push_back({raw, number});
      ++count;
    }
    if (count == 0) return DataError(file, number, "no items after ':'");
    open = absl::EndsWith(line, ",");
  }
  if (!group.empty()) {
    if (absl::Status s = EmitGroup(file, group_class, group, &out); !s.ok()) return s;
  }
  return out;
}

}  // namespace entente::importers::internal
