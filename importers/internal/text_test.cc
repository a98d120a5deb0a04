#include "importers/internal/text.h"

#include "gtest/gtest.h"

namespace entente::importers::internal {
namespace {

TEST(Tokenize, KeepsOffsetsAndSplitsPossessive) {
  std::vector<Token> t = Tokenize("Kazakhstan\u2019s capital", 100);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "Kazakhstan");
  EXPECT_EQ(t[0].begin, 100);
  EXPECT_EQ(t[0].end, 110);
  EXPECT_EQ(t[1].lower, "'s");
  EXPECT_EQ(t[2].lower, "capital");
}

TEST(Tokenize, KeepsHyphenatedWordsNumbersAndAbbreviations) {
  std::vector<Token> t =
      Tokenize("Kassym-Jomart met on Nov. 5 about $160.9 million, 1,860 MW at B5+1.", 0);
  std::vector<std::string> words;
  for (const Token& token : t) words.push_back(std::string(token.text));
  std::vector<std::string> want = {"Kassym-Jomart", "met", "on",    "Nov.",    "5",
                                   "about",         "$",   "160.9", "million", ",",
                                   "1,860",         "MW",  "at",    "B5+1",    "."};
  EXPECT_EQ(words, want);
  EXPECT_EQ(t[4].kind, TokenKind::kNumber);
}

TEST(Tokenize, ASignWrittenOntoANumberKeepsItsThousands) {
  std::vector<std::string> words;
  for (const Token& token : Tokenize("Rs2,340 crore, G7,000 and ABCDE1,234", 0)) {
    words.push_back(std::string(token.text));
  }
  std::vector<std::string> want = {"Rs2,340", "crore",  ",", "G7,000",
                                   "and",     "ABCDE1", ",", "234"};
  EXPECT_EQ(words, want);
}

TEST(Tokenize, ACommaAfterLettersAndDigitsMixedSplitsTheWord) {
  // Letters after the digits: no sign written onto a number.
  std::vector<Token> t = Tokenize("Rs1a,150 and N1,200,000", 0);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].text, "Rs1a");
  EXPECT_EQ(t[1].text, ",");
  EXPECT_EQ(t[4].text, "N1,200,000");
}

TEST(Token, LowerIsComparesTheLowerCaseForm) {
  std::vector<Token> t = Tokenize("The Treaty", 0);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_TRUE(t[0].LowerIs("the"));
  EXPECT_FALSE(t[0].LowerIs("The"));
  EXPECT_FALSE(t[1].LowerIs("treat"));
  EXPECT_FALSE(t[1].LowerIs("treaty "));
  t[1].lemma = "treaty";
  EXPECT_TRUE(t[1].LemmaIs("treaty"));
  EXPECT_FALSE(t[1].LemmaIs(""));
}

TEST(Tokenize, LatinCapitalsAreLoweredToo) {
  std::vector<Token> t = Tokenize("S\u00c3O PAULO \u00c9VIAN 2\u00d73", 0);
  ASSERT_GE(t.size(), 3u);
  EXPECT_EQ(t[0].lower, "s\u00e3o");
  EXPECT_EQ(t[0].hash, WordHash("s\u00e3o"));
  EXPECT_EQ(t[2].lower, "\u00e9vian");
  EXPECT_NE(t.back().lower.find("\u00d7"), std::string::npos);  // The sign stays.
}

TEST(Tokenize, TypographicQuotesAndDashesArePunctuation) {
  std::vector<Token> t = Tokenize("\u201cTurk Time\u201d \u2013 on 9\u201310 May", 0);
  EXPECT_EQ(t[0].kind, TokenKind::kPunct);
  EXPECT_EQ(t[1].text, "Turk");
  EXPECT_EQ(t[3].kind, TokenKind::kPunct);
  EXPECT_EQ(t[4].kind, TokenKind::kPunct);  // A dash standing alone.
  EXPECT_EQ(t.back().text, "May");
}

// "Central Asia\u2013Germany": an en dash between a word and a name joins them as a
// hyphen would, and the lower-case form has the hyphen.
TEST(Tokenize, AnEnDashBetweenNamesJoinsThemLikeAHyphen) {
  std::vector<Token> t = Tokenize("Central Asia\u2013Germany summit", 0);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "Asia\u2013Germany");
  EXPECT_EQ(t[1].lower, "asia-germany");
  EXPECT_EQ(t[1].hash, WordHash("asia-germany"));
  EXPECT_EQ(t[1].kind, TokenKind::kWord);
}

// A run-on "sentence" of thousands of clauses (a table or a dump without stops) is
// cut at commas into pieces of at most 3000 bytes, so parsing it stays linear.
TEST(SplitSentences, ARunOnIsCutAtCommasIntoBoundedPieces) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "Chile and Peru met in Lima, ";
  text += "and signed.";
  std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_GT(spans.size(), 3u);
  size_t covered = 0;
  for (const SentenceSpan& s : spans) {
    EXPECT_LE(s.end - s.begin, 3000u);
    EXPECT_GE(s.begin, covered);  // In order, not overlapping.
    covered = s.end;
  }
  EXPECT_EQ(spans.back().end, text.size());
  // Every piece but the last ends with its comma.
  EXPECT_EQ(text[spans.front().end - 1], ',');
  // A sentence of ordinary length is not cut.
  EXPECT_EQ(SplitSentences("Chile and Peru met in Lima, and signed.").size(), 1u);
}

TEST(SplitSentences, AnAbbreviationAfterABracketEndsNoSentence) {
  std::vector<SentenceSpan> spans =
      SplitSentences("The Globe and Mail (Jan. 9) said talks went well. They did.");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].end, 49u);
}

TEST(SplitSentences, InitialsWrittenTogetherEndNoSentence) {
  absl::string_view p =
      "Minister H.B. Todd signed it. Envoy J. K. Mensah left. It ended.";
  std::vector<SentenceSpan> spans = SplitSentences(p);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(p.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "Minister H.B. Todd signed it.");
}

TEST(SplitSentences, IgnoresAbbreviationsAndKeepsClosingQuotes) {
  absl::string_view p = "He came on Nov. 1. Talks ended.\u201d Then more! Last one";
  std::vector<SentenceSpan> spans = SplitSentences(p);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(p.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "He came on Nov. 1.");
  EXPECT_EQ(p.substr(spans[1].begin, spans[1].end - spans[1].begin),
            "Talks ended.\u201d");
  EXPECT_EQ(p.substr(spans[3].begin, spans[3].end - spans[3].begin), "Last one");
}

TEST(SplitSentences, HonorificsBeforeANameEndNoSentence) {
  absl::string_view p = "She met Hon. Mele Tupou and Amb. Ruiz. They talked.";
  std::vector<SentenceSpan> spans = SplitSentences(p);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(p.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "She met Hon. Mele Tupou and Amb. Ruiz.");
}

TEST(SplitSentences, AnAbbreviationBeforeASentenceOpenerEndsTheSentence) {
  absl::string_view p =
      "It was signed before Juan Ortiz Jr. The deal came as the U.S. It ended. "
      "He met Jr. Smith and the U.S. President.";
  std::vector<SentenceSpan> spans = SplitSentences(p);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(p.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "It was signed before Juan Ortiz Jr.");
  EXPECT_EQ(p.substr(spans[1].begin, spans[1].end - spans[1].begin),
            "The deal came as the U.S.");
  EXPECT_EQ(p.substr(spans[3].begin, spans[3].end - spans[3].begin),
            "He met Jr. Smith and the U.S. President.");
}

TEST(IsValidUtf8, RejectsBrokenSequences) {
  EXPECT_TRUE(IsValidUtf8("T\u00fcrkiye \u2013 ok"));
  EXPECT_FALSE(IsValidUtf8("\xff\xfe"));
  EXPECT_FALSE(IsValidUtf8("\xe2\x80"));      // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // surrogate
}

TEST(IsCaption, PhotoLinesAreCaptionsAndStoryLinesAreNot) {
  EXPECT_TRUE(IsCaption("[Photo caption: The two presidents in Nairobi. Photo: PSCU]"));
  EXPECT_TRUE(IsCaption("Photo: the ministers sign the memorandum."));
  EXPECT_TRUE(IsCaption("[Photo] The site of the planned plant."));
  EXPECT_TRUE(IsCaption("Caption: leaders at the summit"));
  EXPECT_FALSE(IsCaption("Photographers waited outside the palace."));
  EXPECT_FALSE(IsCaption("Kenya and Uganda signed a memorandum."));
}

}  // namespace
}  // namespace entente::importers::internal
