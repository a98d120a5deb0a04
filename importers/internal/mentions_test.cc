#include "importers/internal/mentions.h"

#include <algorithm>

#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

std::vector<Mention> Find(absl::string_view text,
                          std::vector<std::pair<int64_t, int64_t>> masked = {}) {
  const Knowledge& k = testing::SharedKnowledge();
  return FindMentions(*testing::SharedGazetteer(), k.lexicon(), k.classes().titles,
                      Tokenize(text, 0), masked);
}

std::vector<std::string> Parties(absl::string_view text) {
  std::vector<std::string> out;
  for (const Mention& m : Find(text)) out.push_back(m.country);
  return out;
}

TEST(FindMentions, NamesDemonymsCapitalsAndCompounds) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Parties("North Korea and South Korea"), (V{"country:PRK", "country:KOR"}));
  EXPECT_EQ(Parties("Sino-Kazakh ties"), (V{"country:CHN", "country:KAZ"}));
  EXPECT_EQ(Parties("Astana and Beijing agreed"), (V{"country:KAZ", "country:CHN"}));
  EXPECT_EQ(Parties("Türkiye and the European Union"), (V{"country:TUR", "org:eu"}));
  EXPECT_EQ(Parties("the EU and PACE"), (V{"org:eu", "org:pace"}));
  // Who leads or backs a thing is no party named by the compound.
  EXPECT_EQ(Parties("the Russia-led bloc and US-backed talks"), V{});
}

TEST(FindMentions, ATensedVerbBetweenTwoTitlesModifiesNeither) {
  std::vector<Mention> m = Find("the Prime Minister met President Joe Biden");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "person:joe-biden");
  EXPECT_EQ(m[0].role, "president");
}

TEST(FindMentions, AnOfficeWithItsCountryIsATitledMention) {
  std::vector<Mention> m = Find("the Kazakh President and IT services");
  ASSERT_EQ(m.size(), 1u);  // "IT" is not Italy.
  EXPECT_TRUE(m[0].titled);
  EXPECT_TRUE(m[0].leader);
  EXPECT_EQ(m[0].country, "country:KAZ");
  EXPECT_EQ(m[0].role, "president");
}

TEST(FindMentions, ATitleWithModifiersIsOneOfficeNamedByItsLastTitle) {
  std::vector<Mention> m = Find("Ghana's chief trade negotiator arrived");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].titled);
  EXPECT_EQ(m[0].role, "negotiator");
  EXPECT_EQ(m[0].country, "country:GHA");
  // Words after a title that end in no other title are not part of it.
  std::vector<Mention> n = Find("Ghana's chief trade policy paper");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].role, "chief");
}

TEST(FindMentions, APersonTheGazetteerLacksGetsAnIdFromTheName) {
  std::vector<Mention> m =
      Find("Talks were led by Interior Minister Ana Lucia Gomez Ferreira.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "person:ana-lucia-gomez-ferreira");
  EXPECT_EQ(m[0].role, "interior_minister");
  EXPECT_EQ(m[0].country, "");  // The text does not say whose minister.
}

TEST(FindMentions, ABodyNoListKnowsIsAnOrganizationNamedByItsWords) {
  std::vector<Mention> m =
      Find("Laos joined the Global Coalition for Clean Rivers on Monday.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "org:global-coalition-for-clean-rivers");
  EXPECT_EQ(m[1].kind, graph::EntityKind::kOrganization);
  EXPECT_EQ(m[1].country, m[1].id);  // It acts for itself.
  // A known area is part of the name; a weekday after "on" is not.
  std::vector<Mention> a = Find("Peru met the Central Asian Water Council on Friday.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].id, "org:central-asian-water-council");
  // A state's own body, and a name with no word of reach, are no such body.
  using V = std::vector<std::string>;
  EXPECT_EQ(Parties("the Kenya Revenue Authority and the Development Fund"),
            (V{"country:KEN"}));
  EXPECT_EQ(Parties("the World Cup in Qatar"), (V{"country:QAT"}));
}

TEST(FindMentions, AFunctionWordInCapitalsIsNoCode) {
  using V = std::vector<std::string>;
  // "AND" is Andorra's code and "ARE" the Emirates', but not among capitals.
  EXPECT_EQ(Parties("PERU AND CHILE ARE PARTNERS"), (V{"country:PER", "country:CHL"}));
  // A code standing alone in running text is still the state.
  EXPECT_EQ(Parties("Qatar and the UAE signed"), (V{"country:QAT", "country:ARE"}));
}

TEST(FindMentions, ALowerCaseOfficeAfterTheWithItsStateIsATitledMention) {
  std::vector<Mention> m = Find("She received the prime minister of Pakistan.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].titled);
  EXPECT_EQ(m[0].country, "country:PAK");
  EXPECT_EQ(m[0].role, "prime_minister");
  // Without a state after it, "the president" names no one.
  using V = std::vector<std::string>;
  EXPECT_EQ(Parties("the president said Ghana would sign"), V{"country:GHA"});
}

TEST(FindMentions, ANameOfSeveralWordsInAHyphenatedCompoundIsWhole) {
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  const std::vector<std::string> a = Parties("the Sri Lanka-India ferry");
  EXPECT_TRUE(has(a, "country:LKA"));
  EXPECT_TRUE(has(a, "country:IND"));
  // "Papua New Guinea" after the hyphen is not Guinea.
  const std::vector<std::string> b = Parties("the Australia-Papua New Guinea forum");
  EXPECT_TRUE(has(b, "country:AUS"));
  EXPECT_TRUE(has(b, "country:PNG"));
  EXPECT_FALSE(has(b, "country:GIN"));
}

TEST(FindMentions, AKnownNameWithMoreOfTheFamilysIsThatPerson) {
  std::vector<Mention> m =
      Find("They were received by King Salman bin Abdulaziz Al Saud.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "person:salman-bin-abdulaziz");
  EXPECT_EQ(m[0].country, "country:SAU");
  // A stranger whose name starts with no known name keeps an id of their own.
  std::vector<Mention> n = Find("Talks were led by Minister Ana Lucia Gomez Ferreira.");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].id, "person:ana-lucia-gomez-ferreira");
}

TEST(FindMentions, AnOfficeWithTheLastWordOfItsOneHoldersNameIsThatHolder) {
  std::vector<Mention> m = Find("He was received by King Philippe on Tuesday.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "person:philippe-of-belgium");
  EXPECT_EQ(m[0].country, "country:BEL");
  // Another office, or a first name shared with a holder, is someone else.
  std::vector<Mention> other = Find("He met Finance Minister Juan Philippe.");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].id, "person:juan-philippe");
}

TEST(FindMentions, TheCountryBeforeOrAfterTheTitleIsThePersonsParty) {
  std::vector<Mention> a = Find("Japan's Prime Minister Kenji Aoyama arrived.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].country, "country:JPN");
  EXPECT_EQ(a[0].id, "person:kenji-aoyama");
  std::vector<Mention> b = Find("the President of Chile, Ramon Ortiz Vega, said");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].country, "country:CHL");
  EXPECT_EQ(b[0].id, "person:ramon-ortiz-vega");
}

TEST(FindMentions, HonorificsAndNameParticlesStayOutOfTheId) {
  std::vector<Mention> m = Find("Crown Prince Sheikh Khalid bin Hamad Al Nouri visited.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "person:khalid-bin-hamad-al-nouri");
  EXPECT_EQ(m[0].role, "crown_prince");
}

TEST(FindMentions, MaskedOutletsAreNotParties) {
  EXPECT_TRUE(Find("reported Pakistan Today on Feb. 5", {{9, 22}}).empty());
}

TEST(FindMentions, AnInstitutionIsNoPersonsName) {
  for (const Mention& m : Find("General Administration of Customs data showed")) {
    EXPECT_NE(m.kind, graph::EntityKind::kPerson) << m.id;
  }
}

}  // namespace
}  // namespace entente::importers::internal
