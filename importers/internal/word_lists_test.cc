#include "importers/internal/word_lists.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace entente::importers::internal {
namespace {

// "item=value" per entry, for compact assertions.
std::vector<std::string> ItemsAndValues(const std::vector<WordListEntry>& entries) {
  std::vector<std::string> out;
  for (const WordListEntry& e : entries) out.push_back(e.item + "=" + e.value);
  return out;
}

std::vector<WordListEntry> Parse(absl::string_view content) {
  absl::StatusOr<std::vector<WordListEntry>> parsed = ParseWordList("fruit.txt", content);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : std::vector<WordListEntry>{};
}

// The message of a failed parse; "" when it parsed.
std::string ParseError(absl::string_view content) {
  absl::StatusOr<std::vector<WordListEntry>> parsed = ParseWordList("fruit.txt", content);
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(parsed.status().message());
}

TEST(ParseWordList, EachItemKeepsItsClassFileAndLine) {
  std::vector<WordListEntry> entries =
      Parse("# a comment\n\n@citrus: lemon, lime\n@berry: plum\n");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].class_name, "citrus");
  EXPECT_EQ(entries[0].item, "lemon");
  EXPECT_EQ(entries[0].file, "fruit.txt");
  EXPECT_EQ(entries[0].line, 3);
  EXPECT_EQ(entries[1].item, "lime");
  EXPECT_EQ(entries[2].class_name, "berry");
  EXPECT_EQ(entries[2].line, 4);
}

TEST(ParseWordList, AnItemOfSeveralWordsIsJoinedBySingleSpaces) {
  std::vector<WordListEntry> entries = Parse("@drink:   blood   orange  juice  \n");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].item, "blood orange juice");
}

TEST(ParseWordList, ACommentEndsTheLine) {
  EXPECT_EQ(ItemsAndValues(Parse("@citrus: lemon, lime  # not kumquat\n")),
            (std::vector<std::string>{"lemon=", "lime="}));
}

TEST(ParseWordList, TheLastItemsValueBelongsToItsWholeGroup) {
  EXPECT_EQ(ItemsAndValues(Parse("@citrus: lemon, lime = sour\n")),
            (std::vector<std::string>{"lemon=sour", "lime=sour"}));
}

TEST(ParseWordList, AContinuedGroupSharesTheLastItemsValue) {
  std::vector<WordListEntry> entries = Parse(
      "@citrus: lemon, lime,\n"
      "@citrus: citron = sour\n");
  EXPECT_EQ(ItemsAndValues(entries),
            (std::vector<std::string>{"lemon=sour", "lime=sour", "citron=sour"}));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].line, 1);
  EXPECT_EQ(entries[2].line, 2);
}

TEST(ParseWordList, ItemsWithTheirOwnValuesKeepThem) {
  EXPECT_EQ(ItemsAndValues(Parse("@taste: lemon = sour, fig = sweet, quince\n")),
            (std::vector<std::string>{"lemon=sour", "fig=sweet", "quince="}));
}

TEST(ParseWordList, AGroupEndsWithALineThatDoesNotEndInAComma) {
  EXPECT_EQ(ItemsAndValues(Parse("@taste: lemon = sour\n@taste: fig\n")),
            (std::vector<std::string>{"lemon=sour", "fig="}));
}

TEST(ParseWordList, ALineWithoutAClassNamesFileAndLine) {
  std::string error = ParseError("@citrus: lemon\n\nlime, orange\n");
  EXPECT_TRUE(absl::StartsWith(error, "fruit.txt:3: ")) << error;
}

TEST(ParseWordList, AnUpperCaseItemNamesFileAndLine) {
  std::string error = ParseError("@citrus: lemon\n@citrus: Lime\n");
  EXPECT_TRUE(absl::StartsWith(error, "fruit.txt:2: ")) << error;
  EXPECT_TRUE(absl::StrContains(error, "Lime")) << error;
}

TEST(ParseWordList, AnEqualsSignWithoutValueNamesFileAndLine) {
  EXPECT_TRUE(absl::StartsWith(ParseError("@citrus: lemon =\n"), "fruit.txt:1: "));
  EXPECT_TRUE(absl::StartsWith(ParseError("@citrus: lemon,\n@citrus: lime = \n"),
                               "fruit.txt:2: "));
}

TEST(ParseWordList, AContinuationNamingAnotherClassNamesFileAndLine) {
  std::string error = ParseError("@citrus: lemon, lime,\n@berry: plum\n");
  EXPECT_TRUE(absl::StartsWith(error, "fruit.txt:2: ")) << error;
  EXPECT_TRUE(absl::StrContains(error, "@berry")) << error;
}

TEST(DataError, IsAnInvalidArgumentNamingFileAndLine) {
  absl::Status status = DataError("fruit.txt", 7, "too ripe");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "fruit.txt:7: too ripe");
}

}  // namespace
}  // namespace entente::importers::internal
