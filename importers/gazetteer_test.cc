#include "importers/gazetteer.h"

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "importers/internal/mentions.h"
#include "importers/internal/test_support.h"

namespace entente::importers {
namespace {

TEST(Gazetteer, LoadsIsoCountriesWithCodesAndOurAliases) {
  auto g = testing::SharedGazetteer();
  ASSERT_NE(g, nullptr);
  const graph::Entity* kaz = g->FindById("country:KAZ");
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->name, "Kazakhstan");
  EXPECT_EQ(kaz->kind, graph::EntityKind::kCountry);
  auto has = [&](absl::string_view alias) {
    return std::find(kaz->aliases.begin(), kaz->aliases.end(), alias) !=
           kaz->aliases.end();
  };
  EXPECT_TRUE(has("KZ"));
  EXPECT_TRUE(has("KAZ"));
  EXPECT_TRUE(has("Republic of Kazakhstan"));
  EXPECT_TRUE(has("Kazakh"));
  EXPECT_GT(g->size(), 249u);
}

TEST(Gazetteer, APeoplesPluralNamesItsStateButIsNoListedAlias) {
  auto g = testing::SharedGazetteer();
  ASSERT_NE(g, nullptr);
  const std::vector<AliasMatch>* uzbeks = g->FindPhrase("uzbeks");
  ASSERT_NE(uzbeks, nullptr);
  ASSERT_FALSE(uzbeks->empty());
  EXPECT_EQ(uzbeks->front().entity->id, "country:UZB");
  EXPECT_EQ(uzbeks->front().form, AliasForm::kDemonym);
  const graph::Entity* uzb = g->FindById("country:UZB");
  ASSERT_NE(uzb, nullptr);
  EXPECT_EQ(std::find(uzb->aliases.begin(), uzb->aliases.end(), "Uzbeks"),
            uzb->aliases.end());
  EXPECT_EQ(g->FindPhrase("chineses"), nullptr);  // No "s" after "-ese".
}

TEST(NormalizePhrase, FoldsLatinDiacriticsAndKeepsOtherText) {
  EXPECT_EQ(NormalizePhrase("Việt  Nam"), "viet nam");
  EXPECT_EQ(NormalizePhrase("Türkiye"), "turkiye");
  EXPECT_EQ(NormalizePhrase("Łódź Voivodeship"), "lodz voivodeship");
  // A combining accent is dropped; a script with no Latin letters stays as it is.
  EXPECT_EQ(NormalizePhrase("Sa\u0303o Paulo"), "sao paulo");
  EXPECT_EQ(NormalizePhrase("Москва"), "Москва");
  // A cut sequence is kept byte for byte, not read past the end.
  EXPECT_EQ(NormalizePhrase("ab\xC3"), "ab\xC3");
}

TEST(Gazetteer, ANameIsFoundHoweverItIsAccented) {
  auto g = testing::SharedGazetteer();
  ASSERT_NE(g, nullptr);
  const std::vector<AliasMatch>* vietnam = g->FindPhrase("việt nam");
  ASSERT_NE(vietnam, nullptr);
  EXPECT_EQ(vietnam->front().entity->id, "country:VNM");
  EXPECT_GT(g->MaxWordsStartingWith("việt"), 1);
  EXPECT_TRUE(g->IsPhrasePrefix("việt"));
  const std::vector<AliasMatch>* turkey = g->FindPhrase("türkiye");
  ASSERT_NE(turkey, nullptr);
  EXPECT_EQ(turkey->front().entity->id, "country:TUR");
}

TEST(Gazetteer, ProvincesAreNamedWithTheirTypeOrByANameOfSeveralWords) {
  auto g = testing::SharedGazetteer();
  ASSERT_NE(g, nullptr);
  auto region_of = [&](absl::string_view phrase) -> std::string {
    const std::vector<AliasMatch>* m = g->FindPhrase(phrase);
    if (m == nullptr) return "";
    return std::string(g->CountryOf(m->front().entity->id));
  };
  EXPECT_EQ(region_of("rayong province"), "country:THA");
  EXPECT_EQ(region_of("akwa ibom state"), "country:NGA");
  EXPECT_EQ(region_of("podkarpackie voivodeship"), "country:POL");
  EXPECT_EQ(region_of("long an"), "country:VNM");
  EXPECT_EQ(region_of("trincomalee district"), "country:LKA");
  // One word alone may be a word of English or a person; a type makes it a place.
  EXPECT_EQ(g->FindPhrase("rayong"), nullptr);
  // Words that name no place alone, and a name two states' provinces share.
  EXPECT_EQ(g->FindPhrase("upper east"), nullptr);
  EXPECT_EQ(g->FindPhrase("central province"), nullptr);
  // A sea or a river is named for itself, whatever province shares its name.
  EXPECT_EQ(g->FindPhrase("red sea"), nullptr);
  // A name a list gives keeps its entity.
  const std::vector<AliasMatch>* bali = g->FindPhrase("bali");
  ASSERT_NE(bali, nullptr);
  EXPECT_EQ(bali->front().entity->id, "region:bali");
}

TEST(Gazetteer, CitiesAndPeopleBelongToCountries) {
  auto g = testing::SharedGazetteer();
  EXPECT_EQ(g->CountryOf("city:astana"), "country:KAZ");
  EXPECT_EQ(g->CountryOf("person:kassym-jomart-tokayev"), "country:KAZ");
  EXPECT_EQ(g->CountryOf("country:PAK"), "country:PAK");
  EXPECT_EQ(g->CountryOf("org:eu"), "");
  EXPECT_EQ(g->FindById("nope:x"), nullptr);
}

TEST(Gazetteer, TheOneHolderOfAnOfficeIsFoundByAWordOfTheName) {
  auto g = Gazetteer::LoadFromText(
      R"({"3166-1": []})",
      "person:ana-ruiz\tAna Ruiz\tcountry=country:PER role=president\t-\n"
      "person:ana-soto\tAna Soto\tcountry=country:CHL role=president\t-\n"
      "person:raul-soto\tRaul Soto\tcountry=country:CHL role=king\t-\n");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->HolderNamed("president", "ruiz"), "person:ana-ruiz");
  EXPECT_EQ((*g)->HolderNamed("president", "soto"), "person:ana-soto");
  EXPECT_EQ((*g)->HolderNamed("king", "soto"), "person:raul-soto");
  EXPECT_EQ((*g)->HolderNamed("president", "ana"), "");  // Two presidents named Ana.
  EXPECT_EQ((*g)->HolderNamed("emir", "ruiz"), "");
}

TEST(Gazetteer, AnOfficeOnADateIsHeldByTheLatestWhoHadTakenIt) {
  auto g = Gazetteer::LoadFromText(
      R"({"3166-1": []})",
      "person:ana-ruiz\tAna Ruiz\tcountry=country:PER role=president from=2024-03-11\t-\n"
      "person:luis-paz\tLuis Paz\tcountry=country:PER role=president from=2020-03\t-\n"
      "person:eva-rios\tEva Rios\tcountry=country:PER role=king\t-\n");
  ASSERT_TRUE(g.ok()) << g.status();
  auto day = [](absl::string_view d) { return *graph::DateWithPrecision::Parse(d); };
  EXPECT_EQ((*g)->LeaderOf("country:PER", "president"), "person:ana-ruiz");
  EXPECT_EQ((*g)->LeaderOf("country:PER", "president", day("2025-01-02")),
            "person:ana-ruiz");
  EXPECT_EQ((*g)->LeaderOf("country:PER", "president", day("2024-03-10")),
            "person:luis-paz");
  EXPECT_EQ((*g)->LeaderOf("country:PER", "president", day("2019-05-01")), "");
  // A holder listed with no date holds the office on every date.
  EXPECT_EQ((*g)->LeaderOf("country:PER", "king", day("1990-01-01")), "person:eva-rios");
}

TEST(Gazetteer, ABadDateOfOfficeNamesFileAndLine) {
  auto g = Gazetteer::LoadFromText(
      R"({"3166-1": []})",
      "person:ana-ruiz\tAna Ruiz\tcountry=country:PER role=president from=March\t-\n");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find(":1: bad date"), std::string::npos) << g.status();
}

TEST(Gazetteer, ADashForAliasesAddsNoneAndAnAreaKeepsItsMembers) {
  auto g = Gazetteer::LoadFromText(
      R"({"3166-1": []})",
      "area:kingdoms\tKingdoms (kind of state)\tmembers=country:MAR,country:JOR\t-\n");
  ASSERT_TRUE(g.ok()) << g.status();
  const graph::Entity* area = (*g)->FindById("area:kingdoms");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(std::count(area->aliases.begin(), area->aliases.end(), "-"), 0);
  EXPECT_EQ((*g)->FindPhrase("-"), nullptr);
  ASSERT_NE((*g)->FactsOf("area:kingdoms"), nullptr);
  EXPECT_EQ((*g)->FactsOf("area:kingdoms")->members,
            (std::vector<std::string>{"country:MAR", "country:JOR"}));
}

TEST(Gazetteer, RejectsMalformedAliasLinesNamingTheLine) {
  auto g = Gazetteer::LoadFromText(R"({"3166-1": []})", "# comment\norg:x\tX\n");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(g.status().message().find("aliases.tsv:2"), absl::string_view::npos);
}

TEST(Gazetteer, RejectsMissingIsoFile) {
  auto g = Gazetteer::Load("/nonexistent");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(g.status().message().find("/nonexistent/iso_3166-1.json"),
            absl::string_view::npos);
}

TEST(DefaultIsoCodesDir, TheEnvironmentWinsOverTheConfiguredDirectory) {
  const char* was = std::getenv("ENTENTE_ISO_CODES_DIR");
  const std::string saved = was != nullptr ? was : "";
  ASSERT_EQ(setenv("ENTENTE_ISO_CODES_DIR", "/invented/iso-codes", 1), 0);
  EXPECT_EQ(DefaultIsoCodesDir(), "/invented/iso-codes");
  ASSERT_EQ(setenv("ENTENTE_ISO_CODES_DIR", "", 1), 0);  // Empty: as if unset.
  EXPECT_EQ(DefaultIsoCodesDir(), ConfiguredIsoCodesDir());
  ASSERT_EQ(unsetenv("ENTENTE_ISO_CODES_DIR"), 0);
  EXPECT_EQ(DefaultIsoCodesDir(), ConfiguredIsoCodesDir());
  EXPECT_FALSE(ConfiguredIsoCodesDir().empty());
  if (was != nullptr) setenv("ENTENTE_ISO_CODES_DIR", saved.c_str(), 1);
}

}  // namespace
}  // namespace entente::importers
