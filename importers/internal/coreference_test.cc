#include "importers/internal/coreference.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

// An item read and registered: the digest item must outlive the sentences that
// point into it, and the discourse keeps a reference to both.
class Item {
 public:
  Item(const std::string& headline, const std::vector<std::string>& paragraphs)
      : digest_(testing::MakeItem(headline, paragraphs,
                                  graph::DateWithPrecision::Day(2025, 3, 10))),
        text_(ReadItem(testing::SharedKnowledge(), *testing::SharedGazetteer(), digest_)),
        discourse_(testing::SharedKnowledge(), *testing::SharedGazetteer(), text_) {}

  const Discourse& discourse() const { return discourse_; }
  const ItemText& text() const { return text_; }

  // The sentence whose text starts with `start`; -1 when none.
  int SentenceStarting(absl::string_view start) const {
    for (size_t s = 0; s < text_.sentences.size(); ++s) {
      if (absl::StartsWith(text_.sentences[s].text, start)) return static_cast<int>(s);
    }
    return -1;
  }
  // What the noun phrase starting with token `word` in sentence `s` stands for.
  std::vector<Referent> Of(int s, absl::string_view word, bool as_place = false) const {
    EXPECT_GE(s, 0);
    if (s < 0) return {};
    const Sentence& sentence = text_.sentences[s];
    const std::vector<NounPhrase>& nps = sentence.parse.phrases.nps;
    for (size_t np = 0; np < nps.size(); ++np) {
      if (sentence.tokens[nps[np].range.begin].text == word) {
        return discourse_.OfPhrase(s, static_cast<int>(np), as_place);
      }
    }
    ADD_FAILURE() << "no phrase starts with " << word << " in: " << sentence.text;
    return {};
  }

 private:
  DigestItem digest_;
  ItemText text_;
  Discourse discourse_;
};

std::vector<std::string> Parties(const std::vector<Referent>& referents) {
  std::vector<std::string> out;
  for (const Referent& r : referents) out.push_back(r.party);
  return out;
}

TEST(Discourse, TheTwoCountriesAreTheItemsPrincipalPair) {
  Item item("Chile and Peru sign fisheries accord",
            {"Chile and Peru signed a fisheries accord on Monday. Brazil welcomed it.",
             "The two countries also agreed to expand trade."});
  const std::vector<std::string>& principal = item.discourse().principal();
  ASSERT_GE(principal.size(), 2u);
  EXPECT_EQ(principal[0], "country:CHL");
  EXPECT_EQ(principal[1], "country:PER");
  std::vector<Referent> group = item.Of(item.SentenceStarting("The two"), "The");
  EXPECT_EQ(Parties(group), (std::vector<std::string>{"country:CHL", "country:PER"}));
  for (const Referent& r : group) {
    EXPECT_TRUE(r.group);
    EXPECT_TRUE(r.anaphor);
  }
}

TEST(Discourse, APairIsClearOnlyWhenNoThirdPartyWeighsNearlyAsMuch) {
  Item two("Chile and Peru sign fisheries accord",
           {"Chile and Peru signed a fisheries accord on Monday. Brazil welcomed it."});
  EXPECT_TRUE(two.discourse().clear_pair());
  Item three("Chile, Peru and Brazil sign fisheries accord",
             {"Chile, Peru and Brazil signed a fisheries accord on Monday."});
  EXPECT_FALSE(three.discourse().clear_pair());
}

TEST(Discourse, ADelegationLedBySomeoneStandsForTheLeadersState) {
  Item item("", {"Lima received a delegation led by Bolivian Foreign Minister Celinda "
                 "Sosa."});
  std::vector<Referent> delegation = item.Of(0, "a");
  EXPECT_EQ(Parties(delegation), std::vector<std::string>{"country:BOL"});
  ASSERT_EQ(delegation.size(), 1u);
  EXPECT_TRUE(delegation[0].human);  // The minister, whom a visit needs.
}

TEST(Discourse, InAQuoteYourIsTheStateOfWhomItIsToldTo) {
  Item item("",
            {"\"Your ports will grow,\" the Emirati president told his Kenyan host."});
  EXPECT_EQ(Parties(item.Of(0, "Your")), std::vector<std::string>{"country:KEN"});
}

TEST(Discourse, HeAndHisAreTheLastPersonNamedAsSubject) {
  Item item(
      "",
      {"Chilean President Ramon Ortiz Vega met Peruvian Foreign Minister Ana Soto "
       "in Lima on Monday. He praised the talks, and his aides signed a memorandum."});
  int s = item.SentenceStarting("He ");
  std::vector<Referent> he = item.Of(s, "He");
  ASSERT_EQ(he.size(), 1u);
  EXPECT_EQ(he[0].person, "person:ramon-ortiz-vega");
  EXPECT_EQ(he[0].party, "country:CHL");
  EXPECT_TRUE(he[0].anaphor);
  std::vector<Referent> his = item.Of(s, "his");
  ASSERT_EQ(his.size(), 1u);
  EXPECT_EQ(his[0].person, "person:ramon-ortiz-vega");
}

TEST(Discourse, APossessiveAfterAnOfficeSubjectIsThatOfficesHolder) {
  Item item("",
            {"Chilean President Ramon Ortiz Vega met Peruvian Foreign Minister Ana Soto "
             "in Lima on Monday. The foreign minister, on her first trip abroad, thanked "
             "the hosts."});
  int s = item.SentenceStarting("The foreign minister");
  std::vector<Referent> her = item.Of(s, "her");
  ASSERT_EQ(her.size(), 1u);
  EXPECT_EQ(her[0].party, "country:PER");
  EXPECT_TRUE(her[0].human);
}

TEST(Discourse, AHeadlinesBareOfficeIsAnOfficeAnaphor) {
  Item item("Trade deals signed as emir visits Nairobi",
            {"Qatari Emir Tamim bin Hamad Al Thani held talks with Kenyan President "
             "William Ruto in Nairobi on Monday."});
  int s = item.SentenceStarting("Trade deals");
  std::vector<Referent> emir = item.Of(s, "emir");
  ASSERT_EQ(emir.size(), 1u);
  EXPECT_EQ(emir[0].party, "country:QAT");
  // In the body an office needs its article to stand for a holder.
  Item body("", {"Qatari Emir Tamim bin Hamad Al Thani met Kenyan officials. Talks with "
                 "president staff followed."});
  int later = body.SentenceStarting("Talks");
  EXPECT_TRUE(body.Of(later, "president").empty());
}

TEST(Discourse, AParticularOfficeIsNoOtherOfficesHolder) {
  // "the emir" is not the president the text named; "the leader" may be.
  Item item("",
            {"Chilean President Ramon Ortiz Vega met Peruvian Foreign Minister Ana Soto "
             "in Lima on Monday. The emir sent greetings, and the leader replied."});
  int s = item.SentenceStarting("The emir");
  EXPECT_TRUE(item.Of(s, "The").empty());
  std::vector<Referent> leader = item.Of(s, "the");
  ASSERT_EQ(leader.size(), 1u);
  EXPECT_EQ(leader[0].person, "person:ramon-ortiz-vega");
}

TEST(Discourse, ItsIsTheSubjectsStateNotTheLastStateNamed) {
  Item item("", {"Chile's trade with China grew. Its trade with Peru fell, while its "
                 "exports to Brazil rose."});
  int s = item.SentenceStarting("Its ");
  std::vector<Referent> opening = item.Of(s, "Its");
  ASSERT_EQ(opening.size(), 1u);
  EXPECT_EQ(opening[0].party, "country:CHL");
  std::vector<Referent> later = item.Of(s, "its");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].party, "country:CHL");
}

TEST(Discourse, APronounInsideItsSubjectsOfPhraseEndsWithoutAnswer) {
  // "their" in the subject's own "of" phrase: the subject's party would be asked of
  // the pronoun, and the pronoun's of the subject, without end.
  Item item("", {"Ghana and Togo met. The foreign ministers of their two countries "
                 "signed a pact. Delegations of their governments met in Lome."});
  const int s = item.SentenceStarting("The foreign");
  const std::vector<Referent> ministers = item.Of(s, "The");
  EXPECT_EQ(Parties(ministers), (std::vector<std::string>{"country:GHA", "country:TGO"}));
  const int t = item.SentenceStarting("Delegations");
  EXPECT_FALSE(item.Of(t, "Delegations").empty());
}

TEST(Discourse, ASurnameAloneIsTheFullTitledName) {
  Item item("", {"Chilean President Ramon Ortiz Vega arrived in Lima on Monday.",
                 "Ortiz later flew to Morocco."});
  int s = item.SentenceStarting("Ortiz");
  ASSERT_GE(s, 0);
  ASSERT_FALSE(item.text().sentences[s].mentions.empty());
  const Mention& surname = item.text().sentences[s].mentions[0];
  EXPECT_EQ(surname.id, "person:ramon-ortiz-vega");
  EXPECT_EQ(surname.country, "country:CHL");
  std::vector<Referent> ortiz = item.Of(s, "Ortiz");
  ASSERT_EQ(ortiz.size(), 1u);
  EXPECT_EQ(ortiz[0].party, "country:CHL");
}

TEST(Discourse, TheKingdomIsTheLastCountryNamed) {
  Item item("", {"Chilean President Ramon Ortiz Vega flew to Morocco on Monday.",
                 "The kingdom welcomed his visit."});
  std::vector<Referent> kingdom = item.Of(item.SentenceStarting("The kingdom"), "The");
  EXPECT_EQ(Parties(kingdom), (std::vector<std::string>{"country:MAR"}));
  ASSERT_EQ(kingdom.size(), 1u);
  EXPECT_TRUE(kingdom[0].anaphor);
}

TEST(Discourse, TheBlocIsTheLastOrganizationNamed) {
  Item item("",
            {"Chile and Peru signed an accord on Monday. The European Union welcomed the "
             "deal. The bloc will send observers."});
  EXPECT_EQ(Parties(item.Of(item.SentenceStarting("The bloc"), "The")),
            (std::vector<std::string>{"org:eu"}));
}

TEST(Discourse, AnAppositionSaysALeadersCountry) {
  Item item("Chile and Peru sign accord",
            {"Chile and Peru signed an accord on Monday.",
             "President Dario Mesa, the Ecuadorian leader, attended the ceremony."});
  const PersonInfo* mesa = item.discourse().Person("person:dario-mesa");
  ASSERT_NE(mesa, nullptr);
  EXPECT_EQ(mesa->country, "country:ECU");
  EXPECT_EQ(mesa->role, "president");
}

TEST(Discourse, ALeaderTheTextNeverPlacesHoldsTheFreePrincipalParty) {
  Item item(
      "Chilean president visits Peru",
      {"Chilean President Ramon Ortiz Vega met President Dario Mesa in Peru on Monday."});
  const PersonInfo* mesa = item.discourse().Person("person:dario-mesa");
  ASSERT_NE(mesa, nullptr);
  EXPECT_EQ(mesa->country, "country:PER");
}

TEST(Discourse, AnUnplacedVisitorIsNotFromTheCountryVisited) {
  Item item("Sweden and Peru sign pact",
            {"Sweden and Peru signed a pact on Monday during Prime Minister Ana Lind's "
             "first visit to Lima."});
  const PersonInfo* lind = item.discourse().Person("person:ana-lind");
  ASSERT_NE(lind, nullptr);
  EXPECT_EQ(lind->country, "country:SWE");
}

TEST(Discourse, AnUnplacedOfficialIsNotFromTheCountryOfWhomTheyMeet) {
  Item item("Sweden and Peru hold talks",
            {"Foreign Minister Ana Lind met Peru's trade minister in Stockholm on "
             "Monday. Sweden and Peru agreed to meet again."});
  const PersonInfo* lind = item.discourse().Person("person:ana-lind");
  ASSERT_NE(lind, nullptr);
  EXPECT_EQ(lind->country, "country:SWE");
}

TEST(Discourse, TheWordsOfAnOfficeAreNoPartOfTheHoldersName) {
  Item item("", {"The President of the Republic of Kenya William Ruto met Peru's "
                 "Minister of Foreign Affairs in Nairobi. The talks covered Foreign "
                 "Affairs matters."});
  int s = item.SentenceStarting("The talks");
  ASSERT_GE(s, 0);
  EXPECT_TRUE(item.Of(s, "The").empty());
  EXPECT_TRUE(item.Of(s, "Foreign").empty());
}

TEST(Discourse, AnOfficeTheTextStatesOutranksTheGazetteers) {
  Item item("", {"Jens Stoltenberg, finance minister of Norway, met Japanese officials "
                 "in Tokyo on Monday."});
  const PersonInfo* stoltenberg = item.discourse().Person("person:jens-stoltenberg");
  ASSERT_NE(stoltenberg, nullptr);
  EXPECT_EQ(stoltenberg->country, "country:NOR");
  int s = item.SentenceStarting("Jens");
  std::vector<Referent> named = item.Of(s, "Jens");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].party, "country:NOR");
}

TEST(Discourse, ACompanyNounIsNoStateWhateverNamesItsCountry) {
  Item item("", {"Ghana's state grid operator signed a contract with Chilean firms, "
                 "and Peru signed a memorandum with Chile."});
  int s = item.SentenceStarting("Ghana");
  EXPECT_TRUE(item.Of(s, "Ghana").empty());
  // "Chilean firms": the state's companies, marked so that only an investment takes
  // them as the state.
  std::vector<Referent> firms = item.Of(s, "Chilean");
  EXPECT_EQ(Parties(firms), std::vector<std::string>{"country:CHL"});
  for (const Referent& r : firms) EXPECT_TRUE(r.companies);
  EXPECT_EQ(Parties(item.Of(s, "Chile")), std::vector<std::string>{"country:CHL"});
  for (const Referent& r : item.Of(s, "Chile")) EXPECT_FALSE(r.companies);
}

TEST(Discourse, TheTwoCountriesWithNoClearPairAreNoOne) {
  Item item("", {"Chile, Peru and Bolivia held talks in Lima. The two countries agreed "
                 "to meet again."});
  ASSERT_FALSE(item.discourse().clear_pair());
  int s = item.SentenceStarting("The two countries");
  EXPECT_TRUE(item.Of(s, "The").empty());
}

TEST(Discourse, AnAreaActingAsAGroupIsItsMemberStates) {
  Item item("Japan and Central Asia hold summit",
            {"Leaders of Japan and Central Asia met in Tokyo on Monday.",
             "The five Central Asian states signed a declaration with Japan."});
  std::vector<Referent> states = item.Of(item.SentenceStarting("The five"), "The");
  EXPECT_EQ(Parties(states),
            (std::vector<std::string>{"country:KAZ", "country:KGZ", "country:TJK",
                                      "country:TKM", "country:UZB"}));
  for (const Referent& r : states) EXPECT_TRUE(r.area) << r.party;
}

TEST(Discourse, ACapitalActsForItsGovernmentExceptAsAPlace) {
  Item item("", {"Astana and Beijing agreed to hold talks in Almaty."});
  std::vector<Referent> actors = item.Of(0, "Astana");
  EXPECT_EQ(Parties(actors), (std::vector<std::string>{"country:KAZ", "country:CHN"}));
  ASSERT_EQ(actors.size(), 2u);
  EXPECT_FALSE(actors[0].place);
  EXPECT_EQ(actors[0].city, "city:astana");
  std::vector<Referent> place = item.Of(0, "Almaty", /*as_place=*/true);
  ASSERT_EQ(place.size(), 1u);
  EXPECT_TRUE(place[0].place);
  EXPECT_EQ(place[0].party, "country:KAZ");
}

TEST(Discourse, TheLeadersAfterAGatheringAreEveryoneNamedAsALeader) {
  Item item("Summit in Accra",
            {"Ghana's President Kwame Asante hosted Norway's prime minister and the "
             "presidents of Chile and Peru in Accra on Thursday, discussing Haiti. "
             "The leaders adopted a declaration."});
  EXPECT_EQ(Parties(item.Of(item.SentenceStarting("The leaders"), "The")),
            (std::vector<std::string>{"country:GHA", "country:NOR", "country:CHL",
                                      "country:PER"}));
}

TEST(Discourse, TheLeadersAfterTwoAreTheItemsPair) {
  Item item("Chile and Peru talk",
            {"Chile's president received Peru's president on Monday, discussing Bolivia "
             "and Haiti. The leaders signed a memorandum."});
  EXPECT_EQ(Parties(item.Of(item.SentenceStarting("The leaders"), "The")),
            (std::vector<std::string>{"country:CHL", "country:PER"}));
}

TEST(Discourse, WhoseCountryIsTheCountryOfTheNameBeforeIt) {
  Item item("",
            {"Ghana's President Kwame Asante, whose country chairs the bloc, spoke."});
  EXPECT_EQ(Parties(item.Of(0, "whose")), (std::vector<std::string>{"country:GHA"}));
}

// Its company, which acts in investments only (FrameMatcher), not the state.
TEST(Discourse, AStatesUnknownOneWordNameIsItsCompanyNotTheState) {
  Item item("", {"Chile's Quimetal and Peru's president signed a memorandum."});
  EXPECT_EQ(Parties(item.Of(0, "Chile")),
            (std::vector<std::string>{"company:quimetal", "country:PER"}));
}

TEST(Discourse, AStatesOneWordLenderIsTheState) {
  Item item("", {"Hungary's Eximbank and Peru's president signed a memorandum."});
  EXPECT_EQ(Parties(item.Of(0, "Hungary")),
            (std::vector<std::string>{"country:HUN", "country:PER"}));
}

TEST(Discourse, ACountThatIsNotTheAreasSizeKeepsOnlyStatesNamedBeside) {
  Item item("", {"Talks in Dushanbe opened a tour of three Central Asian states."});
  EXPECT_EQ(Parties(item.Of(0, "three")), (std::vector<std::string>{"country:TJK"}));
}

TEST(Discourse, ThePresidentsOfTwoCountriesAreThoseCountries) {
  Item item("", {"The presidents of Ghana and Togo met in Lome on Monday."});
  EXPECT_EQ(Parties(item.Of(0, "The")),
            (std::vector<std::string>{"country:GHA", "country:TGO"}));
}

TEST(Discourse, ARegionalDescriptionIsTheLastStateNamedInThatRegion) {
  Item item("", {"Peru's president hosted Kenya's foreign minister in Lima on Monday.",
                 "The East African nation will open an embassy there."});
  EXPECT_EQ(Parties(item.Of(1, "The")), (std::vector<std::string>{"country:KEN"}));
  Item far("", {"Norway and Chile signed a fisheries accord on Friday.",
                "The Nordic country also pledged aid to the South American nation."});
  EXPECT_EQ(Parties(far.Of(1, "The")), (std::vector<std::string>{"country:NOR"}));
  EXPECT_EQ(Parties(far.Of(1, "the")), (std::vector<std::string>{"country:CHL"}));
}

TEST(Discourse, ARegionalDescriptionWithNoStateOfThatRegionNamesNoOne) {
  Item item("", {"Peru and Chile signed a fisheries accord on Friday.",
                 "The Gulf state was not part of it."});
  EXPECT_TRUE(Parties(item.Of(1, "The")).empty());
}

// Today a bare "his counterpart" is no mention (an office needs its country before
// it), so the phrase stands for nothing.
TEST(Discourse, HisCounterpartIsTheOtherPrincipalParty) {
  Item item(
      "Chile, Peru sign accord",
      {"Chile and Peru signed an accord in Lima on Monday. The Chilean president met "
       "his counterpart on Tuesday."});
  std::vector<Referent> counterpart =
      item.Of(item.SentenceStarting("The Chilean"), "his");
  ASSERT_EQ(counterpart.size(), 1u);
  EXPECT_TRUE(counterpart[0].party == "country:PER" ||
              (counterpart[0].party.empty() && counterpart[0].counterpart))
      << counterpart[0].party;
}

TEST(Discourse, LastPersonOfIsThePersonNamedLastForTheParty) {
  Item item("", {"Peruvian Foreign Minister Rosa Huaman arrived on Sunday. Peruvian "
                 "President Tomas Quispe met Romanian President Mara Voicu on Monday. "
                 "The two presidents signed a treaty."});
  const int s = item.SentenceStarting("The two");
  ASSERT_GE(s, 0);
  EXPECT_EQ(item.discourse().LastPersonOf(s, 0, "country:PER"), "person:tomas-quispe");
  EXPECT_EQ(item.discourse().LastPersonOf(s, 0, "country:ROU"), "person:mara-voicu");
  EXPECT_EQ(item.discourse().LastPersonOf(s, 0, "country:CHL"), "");
}

TEST(Discourse, WeInAQuoteBesideANamedPartnerIsBothSides) {
  Item item("",
            {"\"We signed a treaty,\" Chilean President Tomas Quispe said after talks "
             "with Peruvian President Rosa Huaman."});
  std::vector<Referent> we = item.Of(0, "We");
  ASSERT_EQ(we.size(), 2u);
  EXPECT_EQ(we[0].party, "country:CHL");
  EXPECT_EQ(we[1].party, "country:PER");
  Item alone("", {"\"We signed a treaty,\" Chilean President Tomas Quispe said."});
  std::vector<Referent> just = alone.Of(0, "We");
  ASSERT_EQ(just.size(), 1u);
  EXPECT_EQ(just[0].party, "country:CHL");
}

}  // namespace
}  // namespace entente::importers::internal
