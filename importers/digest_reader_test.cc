#include "importers/digest_reader.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace entente::importers {
namespace {

constexpr absl::string_view kDigest =
    "---\n"
    "published: 2026-02-06\n"
    "source: The Astana Times\n"
    "url: https://example.org/digest\n"
    "---\n"
    "ASTANA \u2013 The Astana Times has made a selection of articles.\n"
    "\n\n\n"
    "Photo credit: Shutterstock\n"
    "LATEST NEWS\n"
    "First headline\n"
    "First headline\n"
    "Trend reported on Feb. 5 that talks began.\n"
    "\u201cA quote that spans\n"
    "two lines,\u201d reads the article.\n"
    "Second headline: with a colon\n"
    "EU Reporter published an article on Feb. 2.\n";

TEST(ParseTextDigest, FrontMatterItemsAndBoilerplate) {
  auto digest = ParseTextDigest("d.txt", kDigest);
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_TRUE(digest->published.has_value());
  EXPECT_EQ(digest->published->ToString(), "2026-02-06");
  EXPECT_EQ(digest->source, "The Astana Times");
  EXPECT_EQ(digest->url, "https://example.org/digest");
  ASSERT_EQ(digest->items.size(), 2u);
  const DigestItem& first = digest->items[0];
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.headline.text, "First headline");
  ASSERT_EQ(first.paragraphs.size(), 3u);
  EXPECT_EQ(first.paragraphs[2].text, "two lines,\u201d reads the article.");
  EXPECT_EQ(kDigest.substr(first.paragraphs[0].offset, 5), "Trend");
  EXPECT_EQ(digest->items[1].headline.text, "Second headline: with a colon");
}

TEST(ParseTextDigest, AHeadingInCapitalsInsideADatelinedStoryStartsNoItem) {
  auto digest = ParseTextDigest("d.txt",
                                "Leaders gather in Lima for the regional summit\n"
                                "LIMA, May 4 (Wire) - The summit opened on Monday.\n"
                                "WHO STAYED AWAY\n"
                                "Two presidents sent their ministers instead.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 1u);
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[1].text,
            "Two presidents sent their ministers instead.");
  EXPECT_FALSE(digest->items[0].paragraphs[0].opens_section);
  EXPECT_TRUE(digest->items[0].paragraphs[1].opens_section);
}

TEST(ParseTextDigest, APhotoCaptionInsideAStoryStartsNoItem) {
  auto digest =
      ParseTextDigest("d.txt",
                      "Kenya and Uganda deepen ties\n"
                      "NAIROBI, March 5 - The presidents held talks on Tuesday.\n"
                      "[Photo: The two presidents in Nairobi. Photo: PSCU]\n"
                      "They also signed a memorandum on fisheries.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 1u);
  ASSERT_EQ(digest->items[0].paragraphs.size(), 3u);
  EXPECT_EQ(digest->items[0].paragraphs[2].text,
            "They also signed a memorandum on fisheries.");
}

TEST(ParseTextDigest, HeadlinesInCapitalsStillOpenTheirItems) {
  auto digest = ParseTextDigest("d.txt",
                                "CHILE RECALLS ITS ENVOY\n"
                                "SANTIAGO, May 4 (Wire) - Chile recalled its envoy.\n"
                                "PERU SIGNS A PACT\n"
                                "LIMA, May 4 (Wire) - Peru signed a pact.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  EXPECT_EQ(digest->items.size(), 2u);
}

TEST(ParseTextDigest, AHeadingInCapitalsAfterAnUndatelinedLeadOpensAnItem) {
  auto digest = ParseTextDigest("d.txt",
                                "The week in the region\n"
                                "A weekly review of diplomacy.\n"
                                "CHILE RECALLS ITS ENVOY\n"
                                "Chile recalled its envoy on Monday.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  EXPECT_EQ(digest->items.size(), 2u);
}

TEST(ParseTextDigest, AnOutletLineBeforeTheHeadlineOpensItsItem) {
  auto digest = ParseTextDigest("d.txt",
                                "WEEKLY REVIEW\n"
                                "Diario Sur (Chile, 30 September)\n"
                                "Chile and Peru sign a pact\n"
                                "The two signed a pact on Monday.\n"
                                "Folha (October 2)\n"
                                "Brazil hosts talks\n"
                                "Brazil held talks on Wednesday.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 3u);
  EXPECT_EQ(digest->items[1].source.text, "Diario Sur (Chile, 30 September)");
  EXPECT_EQ(digest->items[1].headline.text, "Chile and Peru sign a pact");
  ASSERT_EQ(digest->items[1].paragraphs.size(), 1u);
  EXPECT_EQ(digest->items[2].source.text, "Folha (October 2)");
  EXPECT_EQ(digest->items[2].headline.text, "Brazil hosts talks");
}

TEST(ParseTextDigest, AnOutletLineAfterTheHeadlineOrTheBodyIsItsItems) {
  auto after_headline = ParseTextDigest("d.txt",
                                        "Chile and Peru sign a pact\n"
                                        "Diario Sur (Chile, 30 September)\n"
                                        "The two signed a pact on Monday.\n");
  ASSERT_TRUE(after_headline.ok());
  ASSERT_EQ(after_headline->items.size(), 1u);
  EXPECT_EQ(after_headline->items[0].source.text, "Diario Sur (Chile, 30 September)");
  auto after_body = ParseTextDigest("d.txt",
                                    "Chile and Peru sign a pact\n"
                                    "The two signed a pact on Monday.\n"
                                    "(Diario Sur, 30 September)\n"
                                    "Brazil hosts talks\n"
                                    "Brazil held talks on Wednesday.\n"
                                    "(Folha, 2 October)\n");
  ASSERT_TRUE(after_body.ok());
  ASSERT_EQ(after_body->items.size(), 2u);
  EXPECT_EQ(after_body->items[0].source.text, "(Diario Sur, 30 September)");
  EXPECT_EQ(after_body->items[1].headline.text, "Brazil hosts talks");
  EXPECT_EQ(after_body->items[1].source.text, "(Folha, 2 October)");
}

TEST(ParseTextDigest, AHeadlineClosedByItsSourceIsSplit) {
  const std::string text =
      "Ankara and Kyiv talk grain (Anadolu, Turkey, 29 December)\n"
      "Turkey and Ukraine held talks on Sunday.\n"
      "Ties grow. (Daily News, 28 December)\n";
  auto digest = ParseTextDigest("d.txt", text);
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  const DigestItem& item = digest->items[0];
  EXPECT_EQ(item.headline.text, "Ankara and Kyiv talk grain");
  EXPECT_EQ(item.source.text, "(Anadolu, Turkey, 29 December)");
  EXPECT_EQ(text.substr(item.source.offset, 8), "(Anadolu");
  // A sentence closed by a bracket is body, not a headline.
  ASSERT_EQ(item.paragraphs.size(), 2u);
  EXPECT_EQ(item.paragraphs[1].text, "Ties grow. (Daily News, 28 December)");
}

TEST(ParseTextDigest, ANumericDatelineLineOpensTheBody) {
  auto digest = ParseTextDigest("d.txt",
                                "Austria and Slovenia sign an accord\n"
                                "Vienna, 03.02.2026\n"
                                "Today, the two signed an accord.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[0].text, "Vienna, 03.02.2026");
}

TEST(ParseTextDigest, ABracketWithoutADayIsNoSource) {
  auto digest = ParseTextDigest("d.txt", "Talks in Lima (updated)\nThey met.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "Talks in Lima (updated)");
  EXPECT_TRUE(digest->items[0].source.text.empty());
}

TEST(ParseTextDigest, WithoutFrontMatterThePublishedDateIsUnknown) {
  auto digest = ParseTextDigest("d.txt", "Lead.\nHeadline\nBody.\n");
  ASSERT_TRUE(digest.ok());
  EXPECT_FALSE(digest->published.has_value());
  EXPECT_EQ(digest->items.size(), 1u);
}

TEST(ParseTextDigest, ABarePublishedLineFirstIsTheDateNotAnItem) {
  auto digest = ParseTextDigest("d.txt", "published: 2025-05-10\n\nHeadline\nBody.\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_TRUE(digest->published.has_value());
  EXPECT_EQ(digest->published->ToString(), "2025-05-10");
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "Headline");
  // A line that only starts so, with no date, is text.
  auto text = ParseTextDigest("d.txt", "published: soon\nHeadline\nBody.\n");
  ASSERT_TRUE(text.ok());
  EXPECT_FALSE(text->published.has_value());
}

TEST(ParseTextDigest, AnUntitledWireStoryKeepsItsTextBeforeItsCredits) {
  auto digest = ParseTextDigest(
      "d.txt",
      "published: 2025-05-10\n\nLIMA, May 9 (Agency) - Peru and Chile signed a pact.\n\n"
      "(Reporting by A. Writer; Editing by B. Editor)\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 1u);
  ASSERT_EQ(digest->items[0].paragraphs.size(), 1u);
  EXPECT_TRUE(absl::StartsWith(digest->items[0].paragraphs[0].text, "LIMA, May 9"));
  // A line shaped like a headline with no text under it leaves the text before it
  // an article, not a summary.
  auto trailing = ParseTextDigest("d.txt", "Peru and Chile signed a pact.\nSee also\n");
  ASSERT_TRUE(trailing.ok());
  ASSERT_FALSE(trailing->items.empty());
  ASSERT_EQ(trailing->items[0].paragraphs.size(), 1u);
  EXPECT_EQ(trailing->items[0].number, 1);
}

TEST(ParseTextDigest, APagesLinksToOtherStoriesAreNoItems) {
  auto digest = ParseTextDigest(
      "d.txt",
      "published: 2025-05-10\n\nPeru and Chile sign a fisheries pact\n\n"
      "LIMA, May 9 (Agency) - Peru and Chile signed a pact on Friday.\n"
      "Read also: Bolivia and Paraguay agree on a gas pipeline\n"
      "The pact covers anchovy.\n\nRelated articles\n"
      "Ecuador and Colombia open a border crossing\n\n"
      "Argentina and Uruguay sign a port deal\n\nTags: fisheries, Peru\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "Peru and Chile sign a fisheries pact");
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[1].text, "The pact covers anchovy.");
  // A sentence that only opens with such a word is text.
  auto text = ParseTextDigest("d.txt", "Headline\nRelated talks were held in Lima.\n");
  ASSERT_TRUE(text.ok());
  ASSERT_EQ(text->items.size(), 1u);
  EXPECT_EQ(text->items[0].paragraphs.size(), 1u);
}

TEST(ParseTextDigest, RejectsInvalidUtf8NamingTheLine) {
  auto digest = ParseTextDigest("bad.txt", "Lead.\nHeadline\nBody \xff\xfe here.\n");
  ASSERT_FALSE(digest.ok());
  EXPECT_EQ(digest.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(digest.status().message(), "bad.txt:3: invalid UTF-8");
}

TEST(ParseTextDigest, RejectsBadFrontMatter) {
  auto unclosed = ParseTextDigest("f.txt", "---\npublished: 2026-02-06\n");
  EXPECT_NE(unclosed.status().message().find("f.txt:1: front matter"),
            absl::string_view::npos);
  auto bad_date = ParseTextDigest("f.txt", "---\npublished: yesterday\n---\n");
  EXPECT_NE(bad_date.status().message().find("f.txt:2: bad published date"),
            absl::string_view::npos);
}

TEST(ParseTextDigest, AnUntitledArticleIsOneItem) {
  auto digest = ParseTextDigest(
      "f.txt", "A first paragraph that ends here.\n\nA second one, also a sentence.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_TRUE(digest->items[0].headline.text.empty());
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[1].text, "A second one, also a sentence.");
  EXPECT_EQ(digest->items[0].paragraphs[1].offset, 35);
}

TEST(ParseTextDigest, AReleasesDatelineOnALineOfItsOwnOpensItsBody) {
  auto digest = ParseTextDigest("r.txt",
                                "Council prolongs measures\n\nGeneva, 3 March 2025\n\n"
                                "The Council today prolonged the measures.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "Council prolongs measures");
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[0].text, "Geneva, 3 March 2025");
  // Not a dateline: a headline with a comma and no year.
  auto two =
      ParseTextDigest("r.txt", "First, a title\nIts body.\nSecond, a title\nMore.\n");
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->items.size(), 2u);
}

TEST(ParseTextDigest, ADateAloneUnderAHeadlineOpensItsBody) {
  auto digest = ParseTextDigest("r.txt",
                                "Fiji and Tonga sign pact\n2 June 2026\n"
                                "Fiji and Tonga today signed a pact.\n"
                                "Samoa joins forum\nJune 3, 2026\nSamoa today joined.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 2u);
  ASSERT_EQ(digest->items[0].paragraphs.size(), 2u);
  EXPECT_EQ(digest->items[0].paragraphs[0].text, "2 June 2026");
  EXPECT_EQ(digest->items[1].headline.text, "Samoa joins forum");
  // A year with no month is a headline still.
  auto title = ParseTextDigest("r.txt", "Vision 2030\nIts body.\n");
  ASSERT_TRUE(title.ok());
  ASSERT_EQ(title->items.size(), 1u);
  EXPECT_EQ(title->items[0].headline.text, "Vision 2030");
}

TEST(ParseTextDigest, ADateAboveAHeadlineIsTheFirstLineOfTheItemItOpens) {
  constexpr absl::string_view kPage =
      "Media releases\n"
      "2 June 2026\nFiji and Tonga sign pact\nFiji and Tonga today signed a pact.\n"
      "4 June 2026\nSamoa joins forum\nSamoa yesterday joined.\n";
  auto digest = ParseTextDigest("r.txt", kPage);
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 3u);
  EXPECT_TRUE(digest->items[0].paragraphs.empty());
  for (int k : {1, 2}) {
    const DigestItem& item = digest->items[k];
    ASSERT_EQ(item.paragraphs.size(), 2u);
    EXPECT_EQ(kPage.substr(item.paragraphs[0].offset, item.paragraphs[0].text.size()),
              item.paragraphs[0].text);
  }
  EXPECT_EQ(digest->items[1].paragraphs[0].text, "2 June 2026");
  EXPECT_EQ(digest->items[1].headline.text, "Fiji and Tonga sign pact");
  EXPECT_EQ(digest->items[2].paragraphs[0].text, "4 June 2026");
  EXPECT_EQ(digest->items[2].headline.text, "Samoa joins forum");
}

TEST(ParseTextDigest, APagesDateLinesKeepTheDateAlone) {
  constexpr absl::string_view kPage =
      "Fiji and Tonga sign pact\n12.09.2026 14:30\nFiji and Tonga today signed a pact.\n"
      "Posted on 10 September 2026\nSamoa joins forum\nSamoa yesterday joined.\n"
      "Sep 8, 2026 | Palau opens embassy\nPalau today opened an embassy.\n";
  auto digest = ParseTextDigest("r.txt", kPage);
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 3u);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Fiji and Tonga sign pact", "12.09.2026"},
      {"Samoa joins forum", "10 September 2026"},
      {"Palau opens embassy", "Sep 8, 2026"}};
  for (size_t k = 0; k < want.size(); ++k) {
    const DigestItem& item = digest->items[k];
    EXPECT_EQ(item.headline.text, want[k].first);
    ASSERT_EQ(item.paragraphs.size(), 2u);
    EXPECT_EQ(item.paragraphs[0].text, want[k].second);
    EXPECT_EQ(kPage.substr(item.paragraphs[0].offset, item.paragraphs[0].text.size()),
              item.paragraphs[0].text);
    EXPECT_EQ(kPage.substr(item.headline.offset, item.headline.text.size()),
              item.headline.text);
  }
  // A section and a headline with no date is one headline.
  auto plain = ParseTextDigest("r.txt", "World | Palau opens embassy\nIts text.\n");
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->items.size(), 1u);
  EXPECT_EQ(plain->items[0].headline.text, "World | Palau opens embassy");
}

TEST(ParseTextDigest, ABulletedListIsTheBodyOfItsItem) {
  auto digest = ParseTextDigest("r.txt",
                                "Outcomes of the visit\nDocuments signed:\n"
                                "- Protocol between Laos and Vietnam on railways\n"
                                "\n- Memorandum between Laos and Cambodia on tourism\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  const DigestItem& item = digest->items[0];
  EXPECT_EQ(item.headline.text, "Outcomes of the visit");
  ASSERT_EQ(item.paragraphs.size(), 3u);
  EXPECT_EQ(item.paragraphs[2].text, "- Memorandum between Laos and Cambodia on tourism");
}

TEST(ParseTextDigest, ADigestsLeadBeforeItsFirstHeadlineIsNotAnItem) {
  auto digest = ParseTextDigest(
      "f.txt", "This week the digest covers two stories.\nFirst story here\nIts body.\n");
  ASSERT_TRUE(digest.ok());
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "First story here");
  ASSERT_EQ(digest->items[0].paragraphs.size(), 1u);
}

TEST(ParseTextDigest, NoTextIsNoItem) {
  auto digest = ParseTextDigest("f.txt", "---\npublished: 2026-02-06\n---\n\n");
  ASSERT_TRUE(digest.ok());
  EXPECT_TRUE(digest->items.empty());
}

TEST(ParseJsonItem, ReadsTheBatchFields) {
  auto item = ParseJsonItem(
      "items.jsonl", 3, 120,
      R"({"id":"x-1","published":"2026-02-06","outlet":"Trend","headline":"H","text":"One.\nTwo.","url":"u"})");
  ASSERT_TRUE(item.ok()) << item.status();
  EXPECT_EQ(item->document, "x-1");
  EXPECT_EQ(item->outlet, "Trend");
  EXPECT_EQ(item->published.ToString(), "2026-02-06");
  ASSERT_EQ(item->paragraphs.size(), 2u);
  EXPECT_EQ(item->paragraphs[1].text, "Two.");
}

TEST(ParseJsonItem, RejectsNonItemsNamingTheLine) {
  EXPECT_EQ(ParseJsonItem("i.jsonl", 4, 0, "[1,2]").status().message(),
            "i.jsonl:4: not a JSON object");
  EXPECT_NE(ParseJsonItem("i.jsonl", 5, 0, R"({"id":"a"})")
                .status()
                .message()
                .find("i.jsonl:5"),
            absl::string_view::npos);
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(ParseTextDigest, QuestionsAndQuotedPhrasesCanBeHeadlines) {
  auto digest = ParseTextDigest("q.txt",
                                "Lead.\n"
                                "Is Central Asia the next hub?\n"
                                "Reuters reported on Feb. 5 that it is.\n"
                                "Tokayev: \u201cOpen for business\u201d\n"
                                "He said so, reported Trend on Feb. 4.\n"
                                "\u201cWe will continue.\u201d\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_EQ(digest->items.size(), 2u);
  EXPECT_EQ(digest->items[0].headline.text, "Is Central Asia the next hub?");
  EXPECT_EQ(digest->items[1].headline.text, "Tokayev: \u201cOpen for business\u201d");
  EXPECT_EQ(digest->items[1].paragraphs.size(), 2u);
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(ParseTextDigest, ByteOrderMarkAndCrLfLineEnds) {
  auto digest = ParseTextDigest("bom.txt",
                                "\xEF\xBB\xBF---\r\npublished: "
                                "2026-02-06\r\n---\r\nLead.\r\nHeadline\r\nBody.\r\n");
  ASSERT_TRUE(digest.ok()) << digest.status();
  ASSERT_TRUE(digest->published.has_value());
  ASSERT_EQ(digest->items.size(), 1u);
  EXPECT_EQ(digest->items[0].headline.text, "Headline");
  EXPECT_EQ(digest->items[0].paragraphs[0].text, "Body.");
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(ParseJsonItem, ParagraphOffsetsPointIntoTheRawLine) {
  std::string line =
      R"({"id":"a","published":"2026-02-06","headline":"H \"q\"","text":"One \u201cquoted\u201d.\nTwo \"x\" here."})";
  auto item = ParseJsonItem("i.jsonl", 1, 1000, line);
  ASSERT_TRUE(item.ok()) << item.status();
  ASSERT_EQ(item->paragraphs.size(), 2u);
  const TextSpan& two = item->paragraphs[1];
  EXPECT_EQ(two.text, "Two \"x\" here.");
  EXPECT_EQ(line.substr(two.FileOffset(0) - 1000, 3), "Two");
  // "here" sits after the escaped quotes: offsets follow the raw bytes.
  EXPECT_EQ(line.substr(two.FileOffset(8) - 1000, 4), "here");
  const TextSpan& one = item->paragraphs[0];
  EXPECT_EQ(line.substr(one.FileOffset(one.text.find("quoted")) - 1000, 6), "quoted");
}

}  // namespace
}  // namespace entente::importers
