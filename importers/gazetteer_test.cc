#include "importers/gazetteer.h"

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

TEST(Gazetteer, CitiesAndPeopleBelongToCountries) {
  auto g = testing::SharedGazetteer();
  EXPECT_EQ(g->CountryOf("city:astana"), "country:KAZ");
  EXPECT_EQ(g->CountryOf("person:kassym-jomart-tokayev"), "country:KAZ");
  EXPECT_EQ(g->CountryOf("country:PAK"), "country:PAK");
  EXPECT_EQ(g->CountryOf("org:eu"), "");
  EXPECT_EQ(g->FindById("nope:x"), nullptr);
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

std::vector<std::string> MentionIds(absl::string_view text) {
  auto tokens = internal::Tokenize(text, 0);
  std::vector<std::string> out;
  for (const auto& m : internal::FindMentions(*testing::SharedGazetteer(), tokens, {})) {
    out.push_back(m.country.empty() ? m.entity->id : m.country);
  }
  return out;
}

TEST(FindMentions, NamesDemonymsCapitalsLeadersAndCompounds) {
  using V = std::vector<std::string>;
  EXPECT_EQ(MentionIds("North Korea and South Korea"), (V{"country:PRK", "country:KOR"}));
  EXPECT_EQ(MentionIds("Sino-Kazakh ties"), (V{"country:CHN", "country:KAZ"}));
  EXPECT_EQ(MentionIds("Kazakh-Turkish relations"), (V{"country:KAZ", "country:TUR"}));
  EXPECT_EQ(MentionIds("Astana and Beijing agreed"), (V{"country:KAZ", "country:CHN"}));
  EXPECT_EQ(MentionIds("the Turkish President arrived"), (V{"country:TUR"}));
  EXPECT_EQ(MentionIds("Türkiye and the European Union"), (V{"country:TUR", "org:eu"}));
  EXPECT_EQ(MentionIds("the EU and PACE"), (V{"org:eu", "org:pace"}));
}

TEST(FindMentions, LeaderTitlesMarkTheMentionAsALeader) {
  auto tokens = internal::Tokenize("the Kazakh President and IT services", 0);
  auto mentions = internal::FindMentions(*testing::SharedGazetteer(), tokens, {});
  ASSERT_EQ(mentions.size(), 1u);  // "IT" is not Italy.
  EXPECT_TRUE(mentions[0].leader);
}

TEST(FindMentions, MaskedOutletsAreNotParties) {
  auto tokens = internal::Tokenize("reported Pakistan Today on Feb. 5", 0);
  auto mentions = internal::FindMentions(*testing::SharedGazetteer(), tokens, {{9, 22}});
  EXPECT_TRUE(mentions.empty());
}

}  // namespace
}  // namespace entente::importers
