// Rules over the grammar of the genre, tested on sentences written for the
// test (not taken from the development digests).
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "importers/internal/test_support.h"

namespace entente::importers {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

const graph::DateWithPrecision kPublished = graph::DateWithPrecision::Day(2025, 11, 14);

std::vector<std::string> Extract(const std::string& headline,
                                 const std::vector<std::string>& paragraphs) {
  return testing::Summaries(testing::SharedExtractor().Extract(
      testing::MakeItem(headline, paragraphs, kPublished)));
}

// The "title" attribute of every agreement of an item ("" when none).
std::vector<std::string> AgreementTitles(const std::string& text) {
  std::vector<std::string> titles;
  auto x =
      testing::SharedExtractor().Extract(testing::MakeItem("Talks", {text}, kPublished));
  for (const graph::Relation& r : x.relations) {
    if (r.type != graph::RelationType::kAgreement) continue;
    auto it = r.attributes.find("title");
    titles.push_back(it == r.attributes.end() ? "" : std::get<std::string>(it->second));
  }
  return titles;
}

TEST(AgreementRule, AListOfFieldsOrADayIsNoTitle) {
  EXPECT_THAT(AgreementTitles("Oman and Kazakhstan signed 12 documents on energy, "
                              "logistics and tourism in Muscat on Nov. 11, reported "
                              "Trend on Nov. 12."),
              ElementsAre(""));
  EXPECT_THAT(AgreementTitles("Qatar and Kyrgyzstan signed seven agreements on Monday, "
                              "reported Kabar on Nov. 12."),
              ElementsAre(""));
  EXPECT_THAT(AgreementTitles("Kazakhstan and Malaysia signed an agreement on visa-free "
                              "travel on Nov. 10, reported Bernama on Nov. 11."),
              ElementsAre("visa-free travel"));
}

TEST(AgreementRule, APassiveSigningAfterTheTitleNamesTheSignatories) {
  auto got =
      Extract("Visa deal", {"An agreement on mutual recognition of diplomas was "
                            "signed by the education ministers of Peru and "
                            "Mongolia in Lima on Nov. 6, reported Andina on Nov. 7."});
  EXPECT_THAT(got, Contains("agreement country:MNG country:PER 2025-11-06"));
  EXPECT_THAT(AgreementTitles("An agreement on mutual recognition of diplomas was signed "
                              "by the education ministers of Peru and Mongolia in Lima "
                              "on Nov. 6, reported Andina on Nov. 7."),
              ElementsAre("mutual recognition of diplomas"));
}

TEST(AgreementRule, ARatificationDatesTheEarlierSigning) {
  auto aside = Extract("Ratified", {"The parliaments of Laos and Thailand ratified the "
                                    "treaty on the state border, which was signed in "
                                    "Vientiane on March 3, reported Trend on Nov. 12."});
  EXPECT_THAT(aside, ElementsAre("agreement country:LAO country:THA 2025-03-03"));
  auto participle =
      Extract("Ratified", {"Laos and Thailand ratified the agreement signed "
                           "in 2023, reported Trend on Nov. 12."});
  EXPECT_THAT(participle, ElementsAre("agreement country:LAO country:THA 2023"));
  auto undated = Extract("Ratified", {"Laos and Thailand ratified the treaty on the "
                                      "border, reported Trend on Nov. 12."});
  EXPECT_TRUE(undated.empty());
}

TEST(VisitRule, ADayRightAfterTheVisitKeepsTheDay) {
  auto got = Extract("Visit to Ankara",
                     {"President Shavkat Mirziyoyev paid an official visit to Turkey on "
                      "Nov. 10, reported Trend on Nov. 11."});
  EXPECT_THAT(got, Contains("visit country:UZB country:TUR 2025-11-10"));
}

TEST(VisitRule, TheDayAfterTheVisitorAndHostOfAVisitNoun) {
  auto got =
      Extract("Ties", {"Ties were upgraded during the visit of Thai Prime Minister "
                       "Anan Wong to Tashkent on Nov. 4, reported Trend on Nov. 5."});
  EXPECT_THAT(got, Contains("visit country:THA country:UZB 2025-11-04"));
}

TEST(VisitRule, AnArrivalDayOrALaterSigningGivesTheMonth) {
  auto arrived =
      Extract("Visit", {"President Ilham Aliyev arrived in Astana on Monday for "
                        "a two-day state visit, reported Trend on Nov. 11."});
  EXPECT_THAT(arrived, Contains("visit country:AZE country:KAZ 2025-11"));
  auto signed_later =
      Extract("Visit", {"During his visit to Japan, President Sadyr Japarov signed "
                        "five documents on Monday, reported Kabar on Nov. 12."});
  EXPECT_THAT(signed_later, Not(Contains("visit country:KGZ country:JPN 2025-11-10")));
}

TEST(VisitRule, AMinisterVisitsForHisCountry) {
  auto during = Extract("Loan", {"Austrian Foreign Minister Anna Berger said during a "
                                 "visit to Tashkent that trade would grow, reported APA "
                                 "on Nov. 12."});
  EXPECT_THAT(during, Contains("visit country:AUT country:UZB 2025-11"));
  auto visited = Extract("Visit", {"Chilean Trade Minister Ana Soto visited Bishkek on "
                                   "Monday, reported Kabar on Nov. 12."});
  EXPECT_THAT(visited, Contains("visit country:CHL country:KGZ 2025-11-10"));
}

TEST(ForumRule, AnAnnouncedHostingIsAFutureForumWithoutHopedForGuests) {
  auto got = Extract("Summit ahead",
                     {"Uzbekistan will host the summit of the Organization of Turkic "
                      "States in Samarkand in September, reported Trend on Nov. 12.",
                      "The leaders of Hungary and Azerbaijan are expected to attend."});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].substr(0, 21), "forum country:UZB eve");
  EXPECT_EQ(got[0].substr(got[0].size() - 7), "2026-09");
  auto undated = Extract("Summit", {"Uzbekistan will host the summit of the Organization "
                                    "of Turkic States, reported Trend on Nov. 12."});
  EXPECT_TRUE(undated.empty());
}

TEST(ForumRule, ANamedMeetingIsAnEvent) {
  auto got = Extract("Meeting", {"The Consultative Meeting of the Heads of State of "
                                 "Central Asia was held in Tashkent on Nov. 8, reported "
                                 "Trend on Nov. 9."});
  EXPECT_THAT(got, ElementsAre("forum country:UZB event:consultative-meeting-2025 "
                               "2025-11-08"));
}

TEST(ForumRule, AnOrganizationsNameIsNoMeetingOfACouncil) {
  auto got =
      Extract("Dialogue", {"Uzbekistan and the Gulf Cooperation Council held their "
                           "first dialogue in Doha on Nov. 9, reported QNA on "
                           "Nov. 10."});
  for (const std::string& r : got) EXPECT_NE(r.substr(0, 5), "forum") << r;
}

TEST(InvestmentRule, TheSectorEndsBeforeADate) {
  auto x = testing::SharedExtractor().Extract(testing::MakeItem(
      "Loan",
      {"The Nordic Investment Bank approved a $90 million loan to Georgia for water "
       "supply on Nov. 3, reported Civil.ge on Nov. 4."},
      kPublished));
  ASSERT_EQ(x.relations.size(), 1u);
  EXPECT_EQ(std::get<std::string>(x.relations[0].attributes.at("sector")),
            "water supply");
}

TEST(SiteRule, AFacilityAtThePortOfACity) {
  auto got = Extract("Terminal", {"A Chinese company will build a grain terminal at the "
                                  "port of Aktau, reported Xinhua on Nov. 12."});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "site country:KAZ site:aktau-terminal 2025-11");
}

TEST(TradeRule, AVolumeInAnAsideAboutTrade) {
  auto got = Extract("Ministers meet",
                     {"The foreign ministers of Chile and Uzbekistan discussed trade, "
                      "which reached $40 million in 2024, reported Trend on Nov. 12."});
  EXPECT_THAT(got, Contains("trade_volume country:CHL country:UZB 2024"));
  auto other =
      Extract("Ministers meet",
              {"The foreign ministers of Chile and Uzbekistan discussed tourism, "
               "which reached $40 million in 2024, reported Trend on Nov. 12."});
  EXPECT_THAT(other, Not(Contains("trade_volume country:CHL country:UZB 2024")));
}

TEST(Extractor, AnOutletAfterTheArticleIsStillTheAttribution) {
  auto x = testing::SharedExtractor().Extract(testing::MakeItem(
      "Ties",
      {"Laos and Vietnam agreed on Wednesday to elevate relations to a strategic "
       "partnership, reported the Vientiane Times on Nov. 13."},
      kPublished));
  ASSERT_EQ(x.relations.size(), 1u);
  EXPECT_EQ(x.relations[0].date.ToString(), "2025-11-12");
  EXPECT_EQ(x.relations[0].provenance[0].outlet, "Vientiane Times");
}

TEST(Extractor, TheCountryOfACurrencyIsNoParty) {
  auto got =
      Extract("Investment", {"Japanese companies invested 2 billion U.S. dollars in "
                             "Uzbekistan, reported Kyodo on Nov. 12.",
                             "The two countries' ministers met in Tokyo on Monday."});
  for (const std::string& r : got) EXPECT_EQ(r.find("country:USA"), r.npos) << r;
  EXPECT_THAT(got, Contains("investment country:JPN country:UZB 2025-11"));
}

TEST(MeetingRule, ACountryAndAnOrganizationHoldADialogue) {
  auto got =
      Extract("Dialogue", {"Uzbekistan and the Gulf Cooperation Council held their "
                           "first dialogue in Doha on Nov. 9, reported QNA on "
                           "Nov. 10."});
  EXPECT_THAT(got, ElementsAre("meeting country:UZB org:gcc 2025-11-09"));
  auto summit = Extract("Summit", {"Uzbekistan held talks with Turkey at the summit of "
                                   "the Gulf Cooperation Council on Nov. 9, reported QNA "
                                   "on Nov. 10."});
  for (const std::string& r : summit) EXPECT_EQ(r.find("org:gcc"), r.npos) << r;
}

TEST(InvestmentRule, AnAnnouncedFutureInvestmentCounts) {
  auto got = Extract("Fund to invest",
                     {"Oman's sovereign fund will invest $500 million in Uzbekistan's "
                      "mining sector, reported Trend on Nov. 12."});
  EXPECT_THAT(got, Contains("investment country:OMN country:UZB 2025-11"));
  auto hedged =
      Extract("Fund may invest", {"Oman could invest $500 million in Uzbekistan, "
                                  "reported Trend on Nov. 12."});
  EXPECT_THAT(hedged, Not(Contains("investment country:OMN country:UZB 2025-11")));
}

TEST(InvestmentRule, ACountrysCompanyInvestsForTheCountry) {
  auto got = Extract("Saudi firm invests",
                     {"Saudi Arabia's ACWA Power invested $1 billion in a wind farm in "
                      "Azerbaijan, reported Arab News on Nov. 10."});
  EXPECT_THAT(got, Contains("investment country:SAU country:AZE 2025-11"));
}

TEST(ShapedOrganizations, AnUnknownOrganizationIsKnownByItsNamesShape) {
  auto joined = Extract("Joins alliance",
                        {"Mongolia became a full member of the Global Water Alliance on "
                         "Monday, reported Montsame on Nov. 12."});
  EXPECT_THAT(joined,
              Contains("membership country:MNG org:global-water-alliance 2025-11-10"));
  auto lent = Extract("Bank lends", {"The Caspian Development Bank approved $80 million "
                                     "for schools in Tajikistan, reported Asia-Plus on "
                                     "Nov. 12."});
  EXPECT_THAT(lent,
              Contains("investment org:caspian-development-bank country:TJK 2025-11"));
  auto of_form =
      Extract("Joins", {"Armenia joined the Council of Baltic Ports on Nov. 3, "
                        "reported Armenpress on Nov. 4."});
  EXPECT_THAT(of_form,
              Contains("membership country:ARM org:council-of-baltic-ports 2025-11-03"));
}

TEST(ShapedOrganizations, ANameThatGoesOnIntoACountryIsTheCountrys) {
  auto got = Extract("Loan", {"The Development Bank of Kazakhstan will provide a $50 "
                              "million loan to Kyrgyzstan, reported Kabar on Nov. 12."});
  EXPECT_THAT(got, ElementsAre("investment country:KAZ country:KGZ 2025-11"));
}

TEST(ShapedOrganizations, AKnownNamesContinuationIsNoOrganization) {
  auto got = Extract("Forum", {"Uzbekistan became a partner of the Tashkent Investment "
                               "Forum on Nov. 3, reported Trend on Nov. 4."});
  for (const std::string& r : got) EXPECT_EQ(r.find("org:investment-forum"), r.npos) << r;
}

}  // namespace
}  // namespace entente::importers
