#include "importers/internal/item_reader.h"

#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using graph::DateWithPrecision;

const DateWithPrecision kMarch10 = DateWithPrecision::Day(2025, 3, 10);

// An item read from invented paragraphs. The sentences' text views point into the
// digest item, so the two are kept together.
struct ReadResult {
  std::unique_ptr<DigestItem> digest;
  ItemText item;
  const ItemText* operator->() const { return &item; }
};

ReadResult Read(const std::vector<std::string>& paragraphs,
                const std::string& headline = "", const std::string& outlet = "") {
  ReadResult r;
  r.digest =
      std::make_unique<DigestItem>(testing::MakeItem(headline, paragraphs, kMarch10));
  r.digest->outlet = outlet;
  r.item = ReadItem(testing::SharedKnowledge(), *testing::SharedGazetteer(), *r.digest);
  return r;
}

std::string Text(const Sentence& s, TokenRange r) {
  std::string out;
  for (int i = r.begin; i < r.end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(s.tokens[i].text.data(), s.tokens[i].text.size());
  }
  return out;
}

std::vector<std::string> MentionIds(const Sentence& s) {
  std::vector<std::string> out;
  for (const Mention& m : s.mentions) out.push_back(m.id);
  return out;
}

TEST(ReadItem, ATrailingAttributionGivesTheOutletAndTheReportDate) {
  ReadResult item = Read(
      {"Chile and Peru signed a fisheries accord, reported Andes Herald on March 8."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 8));
  ASSERT_EQ(item->sentences.size(), 1u);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].attribution),
            ", reported Andes Herald on March 8");
  EXPECT_TRUE(item->sentences[0].dates.empty());  // The report's date is no event's.
}

TEST(ReadItem, AReportedByLineGivesTheOutletAndTheReportDate) {
  ReadResult item = Read({"Chile and Peru signed a fisheries accord on Monday.",
                          "Reported on 6 March by Andes Herald."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 6));
  item = Read({"Reported March 4 by Diario Sur", "Chile and Peru signed an accord."});
  EXPECT_EQ(item->outlet, "Diario Sur");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 4));
  // A sentence that goes on is no such line.
  item =
      Read({"Reported by Diario Sur on March 4, the accord covers fishing quotas and "
            "a joint patrol of the coast for the next ten years."});
  EXPECT_NE(item->reported, DateWithPrecision::Day(2025, 3, 4));
}

TEST(ReadItem, ASourceLineGivesTheOutletAndTheReportDate) {
  DigestItem digest =
      testing::MakeItem("Chile and Peru sign a pact",
                        {"Chile and Peru signed a pact on Monday."}, kMarch10);
  digest.source = {"Diario Sur (Chile, 6 March)", 0, {}};
  ItemText item =
      ReadItem(testing::SharedKnowledge(), *testing::SharedGazetteer(), digest);
  EXPECT_EQ(item.outlet, "Diario Sur");
  EXPECT_EQ(item.reported, DateWithPrecision::Day(2025, 3, 6));
  digest.source = {"(Andes Herald, Peru, reported on 4 March)", 0, {}};
  item = ReadItem(testing::SharedKnowledge(), *testing::SharedGazetteer(), digest);
  EXPECT_EQ(item.outlet, "Andes Herald");
  EXPECT_EQ(item.reported, DateWithPrecision::Day(2025, 3, 4));
}

TEST(ReadItem, ABracketClosingTheFirstSentenceIsItsAttribution) {
  ReadResult item =
      Read({"Chile and Peru held talks on Monday (Andes Herald, Peru, 4 March). More "
            "followed."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 4));
  const Sentence& first = item->sentences[0];
  EXPECT_EQ(Text(first, first.attribution), "( Andes Herald , Peru , 4 March )");
}

TEST(ReadItem, ACommuniquesClosingLineIsItsAnchor) {
  ReadResult item = Read({"The Council admitted Fiji as an observer.",
                          "Done at Apia, Samoa, on this 4th day of March 2025."});
  EXPECT_EQ(item->anchor, DateWithPrecision::Day(2025, 3, 4));
  // Without one, the report's month.
  ReadResult plain = Read({"The Council admitted Fiji as an observer."});
  EXPECT_EQ(plain->anchor, DateWithPrecision::Month(2025, 3));
}

TEST(ReadItem, ALeadingAttributionGivesTheOutletAndTheReportDate) {
  ReadResult item =
      Read({"Andes Herald reported on March 7 that Chile and Peru signed a fisheries "
            "accord."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 7));
  ASSERT_EQ(item->sentences.size(), 1u);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].attribution),
            "Andes Herald reported on March 7 that");
  EXPECT_EQ(MentionIds(item->sentences[0]),
            (std::vector<std::string>{"country:CHL", "country:PER"}));
}

TEST(ReadItem, NumberedParagraphsOfDatedReportsAreReportsEach) {
  ReadResult item =
      Read({"1.", "Andes Herald reported on March 3 that Chile and Peru met.", "2.",
            "Lima Post reported on March 6 that Peru and Bolivia met."});
  EXPECT_EQ(item->report_paragraphs, (std::vector<int>{1, 3}));
}

TEST(ReadItem, ALeadingDateAloneIsTheReportDate) {
  ReadResult item =
      Read({"7 March 2025", "Chile and Peru today signed a fisheries accord."});
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 7));
  // After the publication it is no report date.
  ReadResult later = Read({"17 March 2025", "Chile and Peru today signed an accord."});
  EXPECT_EQ(later->reported, DateWithPrecision::Day(2025, 3, 10));
}

TEST(ReadItem, ADayAloneAsHeadlineIsTheReportDayAndDatesItsNews) {
  ReadResult item =
      Read({"Chile and Peru signed a fisheries accord."}, "FRIDAY, MARCH 7");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 7));
  EXPECT_EQ(item->anchor, DateWithPrecision::Day(2025, 3, 7));
  // A headline with words of its own is news, not a day.
  ReadResult news =
      Read({"Chile and Peru signed an accord."}, "Accord signed on March 7");
  EXPECT_EQ(news->reported, DateWithPrecision::Day(2025, 3, 10));
}

TEST(ReadItem, AYearAloneIsATimelinesHeadingForTheEntriesAfterIt) {
  ReadResult item = Read({"2023", "March 4: Chile and Peru signed a fisheries accord.",
                          "2024", "Chile and Peru opened a border post."});
  ASSERT_EQ(item->sentences.size(), 4u);
  EXPECT_EQ(item->sentences[1].heading, DateWithPrecision::Year(2023));
  ASSERT_EQ(item->sentences[1].dates.size(), 1u);
  EXPECT_EQ(item->sentences[1].dates[0].date, DateWithPrecision::Day(2023, 3, 4));
  EXPECT_EQ(item->sentences[3].heading, DateWithPrecision::Year(2024));
}

TEST(ReadItem, AYearOpeningAnEntryBeforeAColonIsItsHeading) {
  ReadResult item = Read({"2022: Chile and Peru signed a fisheries accord in October."});
  ASSERT_EQ(item->sentences.size(), 1u);
  EXPECT_EQ(item->sentences[0].heading, DateWithPrecision::Year(2022));
  ASSERT_FALSE(item->sentences[0].dates.empty());
  EXPECT_EQ(item->sentences[0].dates.back().date, DateWithPrecision::Month(2022, 10));
}

TEST(ReadItem, ADateOpeningItsParagraphAloneDatesTheParagraph) {
  ReadResult item =
      Read({"2023", "4 March. Chile and Peru signed a fisheries accord. They met.",
            "Chile and Peru opened a border post."});
  ASSERT_EQ(item->sentences.size(), 5u);
  EXPECT_EQ(item->sentences[2].entry, DateWithPrecision::Day(2023, 3, 4));
  EXPECT_EQ(item->sentences[3].entry, DateWithPrecision::Day(2023, 3, 4));
  // The next paragraph is under the year's heading only.
  EXPECT_FALSE(item->sentences[4].entry.known());
  EXPECT_EQ(item->sentences[4].heading, DateWithPrecision::Year(2023));
  // A date with words of its own, or a date alone in its paragraph, is no entry's.
  ReadResult words = Read({"On 4 March. Chile and Peru signed an accord."});
  for (const Sentence& s : words->sentences) EXPECT_FALSE(s.entry.known());
}

TEST(ReadItem, NoHeadingInTheReportsMonthNorFromADateInASentence) {
  ReadResult item = Read({"March 2025", "Chile and Peru signed a pact on Monday.",
                          "In 2019, Chile and Peru signed a treaty. They met in May."});
  for (const Sentence& s : item->sentences) EXPECT_FALSE(s.heading.known());
}

TEST(ReadItem, TimedEntriesHappenOnTheReportDay) {
  ReadResult item = Read({"7 March 2025", "16:45 - Chile and Peru signed an accord.",
                          "09:10 - Delegates arrived."});
  EXPECT_EQ(item->anchor, DateWithPrecision::Day(2025, 3, 7));
  // Without timed entries, undated news takes the report's month.
  ReadResult plain = Read({"7 March 2025", "Chile and Peru signed an accord."});
  EXPECT_EQ(plain->anchor, DateWithPrecision::Month(2025, 3));
}

TEST(ReadItem, AReportDayBeforeTheOutletIsAnAttribution) {
  ReadResult item = Read(
      {"On 7 March, the Andes Herald reported that Chile and Peru signed an accord."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 7));
}

TEST(ReadItem, AnOutletNamedAfterACountryIsNoParty) {
  ReadResult item = Read({"Cocoa exports rose, reported Ghana Today on March 8.",
                          "Ghana Today also said prices fell."});
  EXPECT_EQ(item->outlet, "Ghana Today");
  ASSERT_EQ(item->sentences.size(), 2u);
  EXPECT_TRUE(item->sentences[0].mentions.empty());
  EXPECT_TRUE(item->sentences[1].mentions.empty());
}

TEST(ReadItem, AnOutletAfterAccordingToIsProvenance) {
  ReadResult item = Read({"According to Andes News Agency, Peru and Chile met in Lima."});
  EXPECT_EQ(item->outlet, "Andes News Agency");
  EXPECT_EQ(item->reported, kMarch10);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].attribution),
            "According to Andes News Agency ,");
}

TEST(ReadItem, AnOutletTheReaderKnowsIsKept) {
  ReadResult item =
      Read({"Chile and Peru signed an accord, reported Andes Herald on March 8."}, "",
           "Pacific Wire");
  EXPECT_EQ(item->outlet, "Pacific Wire");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 8));
}

TEST(ReadItem, ADatelineWithDateAndAgencyGivesCityAndReportDate) {
  ReadResult item =
      Read({"LIMA, March 8 (Andina) \u2013 Peru and Chile signed an accord."});
  EXPECT_EQ(item->dateline_city, "city:lima");
  EXPECT_EQ(item->dateline_country, "country:PER");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 8));
  ASSERT_EQ(item->sentences.size(), 1u);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].dateline),
            "LIMA , March 8 ( Andina ) \u2013");
  EXPECT_EQ(MentionIds(item->sentences[0]),
            (std::vector<std::string>{"country:PER", "country:CHL"}));
}

TEST(ReadItem, AnAgencyBetweenSlashesAfterTheDateEndsADateline) {
  ReadResult item = Read({"LIMA, March 8. /Andina/. Peru and Chile signed an accord."});
  EXPECT_EQ(item->dateline_city, "city:lima");
  EXPECT_EQ(item->dateline_country, "country:PER");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 8));
}

TEST(ReadItem, ACityItsCountryAndAnAgencyAreADateline) {
  ReadResult item = Read({"LIMA, Peru (AP) \u2014 Peru and Chile signed an accord."});
  EXPECT_EQ(item->dateline_city, "city:lima");
  ASSERT_EQ(item->sentences.size(), 1u);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].dateline),
            "LIMA , Peru ( AP ) \u2014");
}

TEST(ReadItem, ACityAndADashAreADateline) {
  ReadResult item = Read({"ACCRA \u2013 Ghana and Togo signed an accord on March 5."});
  EXPECT_EQ(item->dateline_city, "city:accra");
  EXPECT_EQ(item->dateline_country, "country:GHA");
  EXPECT_EQ(item->reported, kMarch10);
  EXPECT_EQ(Text(item->sentences[0], item->sentences[0].dateline), "ACCRA \u2013");
}

TEST(ReadItem, ATranscriptSpeakerLabelIsNoDateline) {
  ReadResult item =
      Read({"HOST (newsroom): Good morning. Ghana and Togo signed an accord."});
  EXPECT_EQ(item->dateline_city, "");
  ASSERT_FALSE(item->sentences.empty());
  EXPECT_TRUE(item->sentences[0].dateline.empty());
}

TEST(ReadItem, AQuoteOverSeveralSentencesMarksTheSentencesInsideIt) {
  ReadResult item =
      Read({"\u201cWe will sign it. Trade will grow,\u201d the minister said. "
            "Talks ended.",
            "More talks are due."});
  ASSERT_EQ(item->sentences.size(), 4u);
  EXPECT_FALSE(item->sentences[0].quoted_start);
  EXPECT_TRUE(item->sentences[1].quoted_start);
  EXPECT_FALSE(item->sentences[2].quoted_start);
  EXPECT_FALSE(item->sentences[3].quoted_start);
}

TEST(ReadItem, AnUnclosedQuoteEndsWithItsParagraph) {
  ReadResult item = Read({"\u201cWe will sign it. Trade will grow.", "Talks ended."});
  ASSERT_EQ(item->sentences.size(), 3u);
  EXPECT_TRUE(item->sentences[1].quoted_start);
  EXPECT_EQ(item->sentences[2].paragraph, 1);
  EXPECT_FALSE(item->sentences[2].quoted_start);
}

TEST(ReadItem, AnOutletWithItsCountrysPossessiveReportsOnItsDate) {
  ReadResult item =
      Read({"Kenya's Daily Nation reported on March 3 that Peru and Chile "
            "signed an accord."});
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 3));
  EXPECT_EQ(item->outlet, "Daily Nation");
}

TEST(ReadItem, ADatelineMayNameTheCitysCountryBeforeItsDate) {
  ReadResult item =
      Read({"TASHKENT, Uzbekistan, March 4. Peru and Chile have signed an "
            "accord, the ministry said."});
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 4));
  EXPECT_EQ(item->dateline_city, "city:tashkent");
  // The dateline's date is the report's, not the event's: the undated signing takes
  // the report's month.
  EXPECT_EQ(item->anchor, DateWithPrecision::Month(2025, 3));
}

TEST(ReadItem, AnAmountHoldsNoVerb) {
  ReadResult item = Read({"Korea will invest 2 trillion won in Peru's ports."});
  ASSERT_EQ(item->sentences.size(), 1u);
  const Sentence& s = item->sentences[0];
  for (const Token& t : s.tokens) {
    if (t.lower == "won") {
      EXPECT_NE(t.tag, Tag::kVerb);
    }
  }
}

TEST(ReadItem, TheAnchorIsTheLeadsFirstDayPreciseDate) {
  ReadResult item =
      Read({"Peru and Chile signed an accord on March 5 and met again on March 7."});
  EXPECT_EQ(item->anchor, DateWithPrecision::Day(2025, 3, 5));
  ReadResult undated = Read({"Peru and Chile signed an accord."});
  EXPECT_EQ(undated->anchor, DateWithPrecision::Month(2025, 3));
}

TEST(ReadItem, TheHeadlineIsASentenceBeforeTheParagraphs) {
  ReadResult item = Read({"Peru and Chile signed an accord. It covers fishing."},
                         "Peru, Chile sign fishing accord");
  ASSERT_EQ(item->sentences.size(), 3u);
  EXPECT_TRUE(item->sentences[0].headline);
  EXPECT_EQ(item->sentences[0].paragraph, -1);
  EXPECT_EQ(item->sentences[0].text, "Peru, Chile sign fishing accord");
  EXPECT_EQ(item->sentences[2].text, "It covers fishing.");
  EXPECT_EQ(item->sentences[2].paragraph, 0);
}

TEST(ReadItem, AnOutletWithItsCountryInBracketsIsNoDateline) {
  ReadResult item = Read(
      {"Andes Herald (Peru) reported on March 8 that Chile and Peru signed a pact."});
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 8));
  EXPECT_TRUE(item->dateline_city.empty());
}

TEST(ReadItem, AListOfDatedReportsIsPartedIntoItsReports) {
  ReadResult item =
      Read({"Andes Herald (Peru) reported on March 6 that Chile and Peru signed a pact.",
            "The two met again the next day.",
            "Pampa Daily wrote on March 7 that Bolivia and Chile held talks.",
            "Sahara Post reported on March 8 that Mali and Niger signed a memorandum."},
           "Foreign press review");
  EXPECT_EQ(item->report_paragraphs, (std::vector<int>{0, 2, 3}));
  std::vector<DigestItem> parts =
      SplitAtParagraphs(*item.digest, item->report_paragraphs);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].headline.text, "Foreign press review");
  EXPECT_EQ(parts[0].paragraphs.size(), 2u);  // The follow-up stays with its report.
  EXPECT_TRUE(parts[1].headline.text.empty());
  EXPECT_EQ(parts[2].paragraphs.size(), 1u);
  // The item's own attribution is still the first paragraph's.
  EXPECT_EQ(item->outlet, "Andes Herald");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 6));
}

TEST(ReadItem, AChronicleOfDaysIsPartedAtItsDays) {
  ReadResult item = Read({"12 May. The minister met his Chilean counterpart.",
                          "The two sides agreed to meet again.",
                          "14 May. The minister received the ambassador of Peru.",
                          "- (15 May) The deputy minister held talks in Lima."},
                         "Week in review");
  EXPECT_EQ(item->report_paragraphs, (std::vector<int>{0, 2, 3}));
  // A timeline that writes its years, or stands under years of its own, is one
  // story.
  ReadResult years = Read({"May 12, 2019 - Chile and Peru signed a pact.",
                           "June 3, 2020 - The two held talks."});
  EXPECT_TRUE(years->report_paragraphs.empty());
  ReadResult headed = Read({"2019", "12 May. Chile and Peru signed a pact.", "2020",
                            "3 June. The two held talks."});
  EXPECT_TRUE(headed->report_paragraphs.empty());
}

TEST(ReadItem, AWeekdayBeforeADayIsNoDateline) {
  ReadResult item =
      Read({"Monday, 13 October. The minister met his Chilean counterpart."});
  EXPECT_TRUE(item->dateline_city.empty());
}

TEST(ReadItem, ParagraphsOpenedByAPlaceAndADayAreReportsEach) {
  ReadResult item = Read({"Manama, 9 March - Bahrain and Oman signed a pact on Monday.",
                          "Doha, 12 March - Qatar and Kuwait held talks.",
                          "Riyadh, 13 March (SPA) - Saudi Arabia and Iraq met."},
                         "Gulf week");
  EXPECT_EQ(item->report_paragraphs, (std::vector<int>{0, 1, 2}));
  // A place the gazetteer does not know, or one such paragraph alone, parts nothing.
  ReadResult unknown = Read({"Evening News, 9 March - Chile and Peru met.",
                             "Morning Desk, 10 March - Bolivia and Peru met."});
  EXPECT_TRUE(unknown->report_paragraphs.empty());
  ReadResult one = Read(
      {"Doha, 12 March - Qatar and Kuwait held talks.", "They agreed to meet again."});
  EXPECT_TRUE(one->report_paragraphs.empty());
}

TEST(ReadItem, AHeadlineThatIsAPlaceAndADayIsTheDateline) {
  ReadResult item =
      Read({"Bahrain and Oman signed a pact on Monday."}, "Manama, 9 March");
  EXPECT_EQ(item->reported, DateWithPrecision::Day(2025, 3, 9));
  EXPECT_EQ(item->dateline_city, "city:manama");
  ReadResult show = Read({"Kenya and Uganda met."}, "EVENING NEWS, 12 October 2024");
  EXPECT_TRUE(show->dateline_city.empty());
}

TEST(ReadItem, AnArticleQuotingADatedReportLaterIsOneItem) {
  ReadResult item = Read({"Chile and Peru signed a pact on Monday.",
                          "Andes Herald reported on March 8 that talks would continue."});
  EXPECT_TRUE(item->report_paragraphs.empty());
  // Nor does one report followed by plain paragraphs part anything.
  ReadResult one = Read({"Andes Herald reported on March 8 that Chile and Peru met.",
                         "They signed a pact."});
  EXPECT_TRUE(one->report_paragraphs.empty());
}

}  // namespace
}  // namespace entente::importers::internal
