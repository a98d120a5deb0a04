#include "importers/extractor.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

const graph::DateWithPrecision kPublished = graph::DateWithPrecision::Day(2025, 3, 14);

std::vector<std::string> Extract(const std::string& headline,
                                 const std::vector<std::string>& paragraphs) {
  return testing::Summaries(testing::SharedExtractor().Extract(
      testing::MakeItem(headline, paragraphs, kPublished)));
}

TEST(AgreementRule, SignedDocumentsWithCountAndWeekday) {
  auto got = Extract("Baku and Tashkent sign deals",
                     {"President Shavkat Mirziyoyev and President Ilham Aliyev signed 15 "
                      "documents in Baku on Tuesday, reported Trend on March 12."});
  EXPECT_THAT(got, Contains("agreement country:AZE country:UZB 2025-03-11"));
}

TEST(AgreementRule, MultilateralTreatyLinksEveryPair) {
  auto got =
      Extract("Treaty signed",
              {"The foreign ministers of Kazakhstan, Kyrgyzstan and Tajikistan signed a "
               "treaty on the junction point of borders, TASS reported on March 13."});
  EXPECT_THAT(got, Contains("agreement country:KAZ country:KGZ 2025-03"));
  EXPECT_THAT(got, Contains("agreement country:KAZ country:TJK 2025-03"));
  EXPECT_THAT(got, Contains("agreement country:KGZ country:TJK 2025-03"));
}

TEST(AgreementRule, BackReferencesAndFutureSigningsAreNotNewAgreements) {
  auto got = Extract("Talks in Astana",
                     {"Kazakhstan and Oman will sign an agreement on visas next month, "
                      "reported Kazinform on March 12.",
                      "The document was signed after long talks."});
  EXPECT_THAT(got, IsEmpty());
}

TEST(PartnershipRule, ElevationNeedsALevelAndAVerbOrDate) {
  auto got =
      Extract("Hungary and Kazakhstan upgrade ties",
              {"Hungary and Kazakhstan on Monday agreed to elevate relations to an "
               "enhanced strategic partnership, reported Hungary Today on March 11."});
  EXPECT_THAT(got, Contains("partnership country:HUN country:KAZ 2025-03-10"));
  auto none =
      Extract("Ties", {"The two countries enjoy a strategic partnership, reported "
                       "Trend on March 11."});
  EXPECT_THAT(none, IsEmpty());
}

TEST(DiplomaticRelationsRule, AnniversaryGivesTheEstablishmentYear) {
  auto got =
      Extract("Kazakhstan and India mark anniversary",
              {"Kazakhstan and India celebrated the 33rd anniversary of diplomatic "
               "relations, reported The Hindu on Feb. 22."});
  EXPECT_THAT(got, Contains("diplomatic_relations country:IND country:KAZ 1992"));
}

TEST(TradeRule, TargetAndVolumeInOneSentence) {
  auto got =
      Extract("Kazakhstan and Egypt",
              {"President Tokayev and Egyptian President Abdel Fattah el-Sisi agreed on "
               "Wednesday to raise bilateral trade to $1 billion, up from $150 million "
               "last year, reported Ahram Online on March 13."});
  EXPECT_THAT(got, Contains("trade_target country:EGY country:KAZ 2025-03-12"));
  EXPECT_THAT(got, Contains("trade_volume country:EGY country:KAZ 2024"));
}

TEST(InvestmentRule, InvestorRecipientAndAmount) {
  auto item = testing::MakeItem(
      "Investment",
      {"Chinese companies invested $2.5 billion in Uzbekistan in 2024, reported "
       "Xinhua on March 12."},
      kPublished);
  ItemExtraction x = testing::SharedExtractor().Extract(item);
  ASSERT_EQ(x.relations.size(), 1u);
  EXPECT_EQ(x.relations[0].type, graph::RelationType::kInvestment);
  EXPECT_EQ(x.relations[0].source.id, "country:CHN");
  EXPECT_EQ(x.relations[0].target.id, "country:UZB");
  EXPECT_EQ(x.relations[0].date.ToString(), "2024");
  EXPECT_EQ(std::get<int64_t>(x.relations[0].attributes.at("amount")), 2500000000);
}

TEST(VisitRule, StateVisitAndArrivalGiveVisitorAndHost) {
  auto got =
      Extract("Emir in Astana",
              {"The Emir of Qatar paid a state visit to Kazakhstan, reported Al Jazeera "
               "on March 11.",
               "His previous visit to Kazakhstan was in 2018."});
  // "The Emir of Qatar": the emir is Qatar's leader; "His" refers back to him.
  EXPECT_THAT(got, Contains("visit country:QAT country:KAZ 2025-03"));
  EXPECT_THAT(got, Contains("visit country:QAT country:KAZ 2018"));
  EXPECT_THAT(got, Not(Contains("visit country:KAZ country:QAT 2025-03")));
}

TEST(MeetingRule, TalksInACityImplyTheVisit) {
  auto got =
      Extract("Talks in Ashgabat",
              {"Kyrgyz President Sadyr Japarov held talks with Turkmen President Serdar "
               "Berdimuhamedov in Ashgabat on Thursday, reported Turkmenportal on March "
               "13."});
  EXPECT_THAT(got, Contains("meeting country:KGZ country:TKM 2025-03-13"));
  EXPECT_THAT(got, Contains("visit country:KGZ country:TKM 2025-03"));
}

TEST(ForumRule, SummitHostEditionAndParticipants) {
  auto got =
      Extract("SCO summit",
              {"The 25th summit of the Shanghai Cooperation Organization was held in "
               "Tianjin on Monday with the presidents of Kazakhstan, Russia and Iran in "
               "attendance, reported Xinhua on March 11."});
  EXPECT_THAT(
      got,
      Contains("forum country:CHN event:shanghai-cooperation-organization-summit-2025 "
               "2025-03-10"));
  // A place the gazetteer does not know gives no host, hence no forum.
  auto unknown =
      Extract("Summit", {"The 3rd summit of the Shanghai Cooperation Organization "
                         "was held in Freedonia on Monday, reported Xinhua on March "
                         "11."});
  EXPECT_THAT(unknown, IsEmpty());
  auto astana =
      Extract("SCO summit",
              {"The 24th summit of the Shanghai Cooperation Organization was held in "
               "Astana on Monday with the presidents of China, Russia and Iran in "
               "attendance, reported Xinhua on March 11."});
  EXPECT_THAT(
      astana,
      Contains("forum country:KAZ event:shanghai-cooperation-organization-summit-2025 "
               "2025-03-10"));
  EXPECT_THAT(
      astana,
      Contains("forum country:IRN event:shanghai-cooperation-organization-summit-2025 "
               "2025-03-10"));
}

TEST(MembershipRule, ChairTakenOverWithFutureDate) {
  auto got =
      Extract("Chair", {"Kyrgyzstan will take over the chairmanship of the Eurasian "
                        "Economic Union on Jan. 1, reported 24.kg on March 12."});
  EXPECT_THAT(got, Contains("membership country:KGZ org:eaeu 2026-01-01"));
}

TEST(SiteRule, OrdinalFacilityWithOwnerAndRegion) {
  auto got =
      Extract("Plant", {"Uzbekistan's first nuclear power plant will be built in the "
                        "Navoi Region, the agency has decided, reported World Nuclear "
                        "News on March 12."});
  EXPECT_THAT(got, Contains("site country:UZB site:uzbekistan-first-nuclear-power-plant "
                            "2025-03-12"));
}

TEST(DeclarationRule, CondemnationBySubjectOfObject) {
  auto got =
      Extract("Statement", {"Japan and South Korea condemned North Korea's missile "
                            "launch on Sunday, reported NHK on March 10."});
  EXPECT_THAT(got, Contains("declaration country:JPN country:PRK 2025-03-09"));
  EXPECT_THAT(got, Contains("declaration country:KOR country:PRK 2025-03-09"));
}

TEST(Extractor, OutletIsProvenanceNotAParty) {
  auto item = testing::MakeItem(
      "A view from Lisbon",
      {"Portugal's Diário de Notícias newspaper published an article on March 10 on "
       "Kazakhstan's diplomacy.",
       "\u201cKazakhstan has signed many agreements,\u201d reads the article."},
      kPublished);
  ItemExtraction x = testing::SharedExtractor().Extract(item);
  EXPECT_THAT(testing::Summaries(x), IsEmpty());
}

TEST(Extractor, ProvenanceCarriesQuoteOffsetsOutletAndVersion) {
  auto item = testing::MakeItem(
      "Talks",
      {"Pakistan and Kazakhstan on Wednesday agreed to establish a strategic "
       "partnership, reported Pakistan Today on March 13."},
      kPublished);
  ItemExtraction x = testing::SharedExtractor().Extract(item);
  ASSERT_FALSE(x.relations.empty());
  const graph::Provenance& p = x.relations[0].provenance[0];
  EXPECT_EQ(p.outlet, "Pakistan Today");
  EXPECT_EQ(p.item, 1);
  EXPECT_EQ(p.extractor, kExtractorVersion);
  EXPECT_EQ(p.start, item.paragraphs[0].offset);
  EXPECT_EQ(p.end - p.start, static_cast<int64_t>(p.quote.size()));
  EXPECT_EQ(x.relations[0].reported.ToString(), "2025-03-13");
  EXPECT_FALSE(x.entities.empty());
}

TEST(MergeAndSortRelations, SameRelationFromTwoItemsMergesProvenance) {
  auto a = testing::SharedExtractor().Extract(testing::MakeItem(
      "One",
      {"Kazakhstan and Oman signed a joint statement on Monday, reported Trend on March "
       "11."},
      kPublished));
  auto item_b = testing::MakeItem("Two",
                                  {"Oman and Kazakhstan signed a joint statement on "
                                   "Monday, reported WAM on March 12."},
                                  kPublished);
  item_b.number = 2;
  auto b = testing::SharedExtractor().Extract(item_b);
  std::vector<graph::Relation> all = a.relations;
  all.insert(all.end(), b.relations.begin(), b.relations.end());
  std::vector<graph::Relation> merged = MergeAndSortRelations(all);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].provenance.size(), 2u);
  EXPECT_EQ(merged[0].date.ToString(), "2025-03-10");
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(AgreementRule, HistoriesAndRatificationsAreNotNewSignings) {
  auto got =
      Extract("Friends", {"Kazakhstan and Russia have signed more than 300 agreements "
                          "since independence, reported TASS on March 12.",
                          "President Tokayev signed a law on Monday ratifying the "
                          "agreement between Kazakhstan and Azerbaijan on transport."});
  EXPECT_THAT(got, IsEmpty());
}

TEST(Extractor, AccordingToNamesTheOutlet) {
  auto item = testing::MakeItem(
      "Talks",
      {"According to Kazinform, Kazakhstan and Oman signed a joint statement on Monday."},
      kPublished);
  ItemExtraction x = testing::SharedExtractor().Extract(item);
  ASSERT_EQ(x.relations.size(), 1u);
  EXPECT_EQ(x.relations[0].provenance[0].outlet, "Kazinform");
  EXPECT_EQ(x.relations[0].date.ToString(), "2025-03-10");
}

TEST(ForumRule, NamedForumIsHostedByTheCityInItsName) {
  auto got =
      Extract("Forum", {"The Astana International Forum opened on Thursday with "
                        "guests from 70 countries, reported Euronews on March 13."});
  EXPECT_THAT(
      got,
      Contains("forum country:KAZ event:astana-international-forum-2025 2025-03-13"));
}

TEST(MembershipRule, BecamePartnerOfABloc) {
  auto got =
      Extract("BRICS", {"Kazakhstan officially became a BRICS partner country on Jan. 1, "
                        "2025, reported TASS on March 12."});
  EXPECT_THAT(got, Contains("membership country:KAZ org:brics 2025-01-01"));
}

TEST(InvestmentRule, AnOutsiderWithoutRecipientGivesNothing) {
  auto got =
      Extract("Aid", {"Kazakhstan and Russia met on Monday, reported TASS on March 12.",
                      "Japan has provided $10 billion in aid, reads the article."});
  EXPECT_THAT(got, Not(Contains(::testing::HasSubstr("investment"))));
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(MembershipRule, HandedOverTheChairToAnotherCountry) {
  auto got =
      Extract("Chair", {"Belarus handed over the chairmanship of the Eurasian Economic "
                        "Union to Kazakhstan on Jan. 1, reported BelTA on Jan. 3."});
  EXPECT_THAT(got, Contains("membership country:KAZ org:eaeu 2025-01-01"));
}

TEST(Extractor, DatelessOutletAtTheEndIsStillProvenance) {
  auto got = Extract("India", {"Kazakhstan and Oman signed a joint statement on Monday, "
                               "reported The Times of India."});
  EXPECT_THAT(got, Contains("agreement country:KAZ country:OMN 2025-03-10"));
  EXPECT_THAT(got, Not(Contains(::testing::HasSubstr("country:IND"))));
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(DiplomaticRelationsRule, YearsOfRelationsGiveTheEstablishmentYear) {
  auto got =
      Extract("Ties", {"Kazakhstan and Uzbekistan celebrated 33 years of diplomatic "
                       "relations, reported UzDaily on March 10."});
  EXPECT_THAT(got, Contains("diplomatic_relations country:KAZ country:UZB 1992"));
}

TEST(DeclarationRule, AnOrganizationsWrittenDeclarationAboutACountry) {
  auto got =
      Extract("PACE", {"The Parliamentary Assembly of the Council of Europe adopted a "
                       "written declaration on Kazakhstan\u2019s reforms, reported EU "
                       "Reporter on March 11."});
  EXPECT_THAT(got, Contains("declaration org:pace country:KAZ 2025-03"));
  EXPECT_THAT(got, Not(Contains(::testing::HasSubstr("org:eu"))));
}

TEST(AgreementRule, PresidentsSigningADeclarationIsAJointDeclaration) {
  auto item = testing::MakeItem(
      "Moscow",
      {"Tokayev and Putin signed a declaration on allied relations in Moscow on "
       "Tuesday, reported TASS on March 12."},
      kPublished);
  ItemExtraction x = testing::SharedExtractor().Extract(item);
  bool found = false;
  for (const graph::Relation& r : x.relations) {
    if (r.type == graph::RelationType::kAgreement) {
      found = true;
      EXPECT_EQ(std::get<std::string>(r.attributes.at("kind")), "joint_declaration");
      EXPECT_EQ(r.date.ToString(), "2025-03-11");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(MeetingRule, PhoneCallsAreNotMeetings) {
  auto got =
      Extract("Call", {"Tokayev held talks by phone with Turkish President Recep Tayyip "
                       "Erdogan on Monday, reported Anadolu on March 11."});
  EXPECT_THAT(got, IsEmpty());
}

TEST(InvestmentRule, MoneyFromANamedInvestor) {
  auto got =
      Extract("Wind", {"Kazakhstan will build a wind farm with investment of $1.2 "
                       "billion from the United Arab Emirates, reported Reuters on March "
                       "10."});
  EXPECT_THAT(got, Contains("investment country:ARE country:KAZ 2025-03"));
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(AgreementRule, PassiveWithSignatoriesIsAnEvent) {
  auto got =
      Extract("Pact", {"The agreement was signed by Kazakhstan and Oman on Monday, "
                       "reported Trend on March 11."});
  EXPECT_THAT(got, Contains("agreement country:KAZ country:OMN 2025-03-10"));
}

TEST(DeclarationRule, APlaceIsNotTheSubject) {
  auto got =
      Extract("Attack", {"Kazakhstan condemned the terrorist attack in Pakistan on "
                         "Monday, reported Dawn on March 11."});
  EXPECT_THAT(got, IsEmpty());
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(MembershipRule, ObserverStatusOfTheCountriesBeforeTheAside) {
  auto got = Extract(
      "OTS",
      {"The summit of the Organization of Turkic States was held in Astana on Friday, "
       "reported Anadolu on March 14.",
       "Hungary and Turkmenistan, which hold observer status in the organization, were "
       "also represented."});
  EXPECT_THAT(got, Contains("membership country:HUN org:ots 2025-03-14"));
  EXPECT_THAT(got, Contains("membership country:TKM org:ots 2025-03-14"));
}

}  // namespace
}  // namespace entente::importers

namespace entente::importers {
namespace {

TEST(VisitRule, OnAnOfficialVisitNamesTheVisitor) {
  auto got =
      Extract("Tokyo", {"President Tokayev is in Tokyo on an official visit, reported "
                        "Kyodo on March 12."});
  EXPECT_THAT(got, Contains("visit country:KAZ country:JPN 2025-03"));
}

}  // namespace
}  // namespace entente::importers
