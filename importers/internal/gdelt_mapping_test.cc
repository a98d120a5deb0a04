#include "importers/internal/gdelt_mapping.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/gdelt_data.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using ::testing::HasSubstr;

const CameoMapping& Mapping() {
  static const CameoMapping* mapping = [] {
    auto created = CameoMapping::CreateEmbedded(*testing::SharedGazetteer());
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->release() : nullptr;
  }();
  return *mapping;
}

// The party id a side resolves to; "" for no party, "?" for an unknown code.
std::string PartyOf(absl::string_view actor_code, absl::string_view country_code) {
  const PartyLookup lookup = Mapping().Resolve(actor_code, country_code);
  switch (lookup.kind) {
    case PartyLookup::Kind::kParty:
      return Mapping().party(lookup.party).id;
    case PartyLookup::Kind::kNone:
      return "";
    case PartyLookup::Kind::kUnknown:
      return "?";
  }
  return "!";
}

// The (field, code) pairs of a table's data lines, read here on their own.
std::set<std::pair<std::string, std::string>> TableKeys(absl::string_view tsv,
                                                        bool with_field) {
  std::set<std::pair<std::string, std::string>> keys;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    keys.emplace(with_field ? fields[0] : "", with_field ? fields[1] : fields[0]);
  }
  return keys;
}

// One test per line of importers/data/cameo_countries.tsv: what the code
// stands for, written here independently of the table.
struct CountryCase {
  const char* field;  // "country" or "actor".
  const char* code;
  const char* party;  // "" for no party.
};

constexpr CountryCase kCountryCases[] = {
    {"country", "AFR", ""},
    {"country", "ASA", ""},
    {"country", "BLK", ""},
    {"country", "CAS", ""},
    {"country", "CAU", ""},
    {"country", "CEU", ""},
    {"country", "CFR", ""},
    {"country", "CRB", ""},
    {"country", "EAF", ""},
    {"country", "EEU", ""},
    {"country", "EIN", ""},
    {"country", "EUR", ""},
    {"country", "LAM", ""},
    {"country", "MDT", ""},
    {"country", "MEA", ""},
    {"country", "NAF", ""},
    {"country", "NMR", ""},
    {"country", "PGS", ""},
    {"country", "SAF", ""},
    {"country", "SAM", ""},
    {"country", "SAS", ""},
    {"country", "SCN", ""},
    {"country", "SEA", ""},
    {"country", "WAF", ""},
    {"country", "WST", ""},
    {"country", "ROM", "country:ROU"},
    {"country", "TMP", "country:TLS"},
    {"country", "ZAR", "country:COD"},
    {"country", "BUR", "country:MMR"},
    {"country", "WSB", "country:PSE"},
    {"country", "GZS", "country:PSE"},
    {"country", "YUG", ""},
    {"country", "SCG", ""},
    {"country", "CSK", ""},
    {"country", "SUN", ""},
    {"country", "DDR", ""},
    {"actor", "IGOUNO", "org:un"},
    {"actor", "IGOEUREEC", "org:eu"},
    {"actor", "IGOWSTNAT", "org:nato"},
    {"actor", "IGOMOSOIC", "org:oic"},
};

class CameoCountryException : public ::testing::TestWithParam<CountryCase> {};

TEST_P(CameoCountryException, ResolvesToItsParty) {
  const CountryCase& c = GetParam();
  if (absl::string_view(c.field) == "country") {
    // As a country code, whatever the (non-organization) actor code says.
    EXPECT_EQ(PartyOf("", c.code), c.party);
    EXPECT_EQ(PartyOf(std::string(c.code) + "GOV", c.code), c.party);
  } else {
    // A listed actor code wins over its country code, which is its region.
    EXPECT_EQ(PartyOf(c.code, ""), c.party);
    EXPECT_EQ(PartyOf(c.code, "EUR"), c.party);
    EXPECT_EQ(PartyOf(c.code, "USA"), c.party);
  }
}

INSTANTIATE_TEST_SUITE_P(EveryLine, CameoCountryException,
                         ::testing::ValuesIn(kCountryCases),
                         [](const ::testing::TestParamInfo<CountryCase>& p) {
                           return std::string(p.param.field) + "_" + p.param.code;
                         });

TEST(CameoCountries, EveryLineOfTheTableHasACase) {
  std::set<std::pair<std::string, std::string>> cases;
  for (const CountryCase& c : kCountryCases) cases.emplace(c.field, c.code);
  EXPECT_EQ(TableKeys(EmbeddedCameoCountries(), /*with_field=*/true), cases);
}

TEST(CameoMapping, AnIsoAlpha3CodeIsThatCountry) {
  EXPECT_EQ(PartyOf("KAZ", "KAZ"), "country:KAZ");
  EXPECT_EQ(PartyOf("", "PAK"), "country:PAK");
  EXPECT_EQ(PartyOf("MNCUSA", "USA"), "country:USA");
  EXPECT_EQ(Mapping().party(Mapping().Resolve("", "PAK").party).name, "Pakistan");
  EXPECT_EQ(Mapping().party(Mapping().Resolve("", "PAK").party).kind,
            graph::EntityKind::kCountry);
}

TEST(CameoMapping, AnUnlistedOrganizationIsNoPartyWhateverItsCountryCode) {
  // CAMEO codes the Inter-American Development Bank IGONAMDEV with country
  // code NAM, its region (North America), which is also Namibia's ISO code.
  EXPECT_EQ(PartyOf("NAM", "NAM"), "country:NAM");
  EXPECT_EQ(PartyOf("IGONAMDEV", "NAM"), "");
  EXPECT_EQ(PartyOf("IGOAFRAGR", "AFR"), "");
}

TEST(CameoMapping, BlankCodesAreNoPartyAndStrangeOnesUnknown) {
  EXPECT_EQ(PartyOf("", ""), "");
  EXPECT_EQ(PartyOf("GOV", ""), "");
  EXPECT_EQ(PartyOf("KSV", "KSV"), "?");  // Not in iso-codes, not in the table.
  EXPECT_EQ(PartyOf("", "usa"), "?");
  EXPECT_EQ(PartyOf("", "US"), "?");
}

// One test per line of importers/data/cameo_events.tsv, from the spec's
// table.
struct EventCase {
  const char* code;
  graph::RelationType type;
  bool actor2_is_source;
  const char* measure;  // "" when the rule sets none.
  const char* kind;     // "" when the rule sets none.
};

using T = graph::RelationType;
constexpr EventCase kEventCases[] = {
    {"040", T::kMeeting, false, "", ""},
    {"041", T::kMeeting, false, "", ""},
    {"042", T::kVisit, false, "", ""},
    {"043", T::kVisit, true, "", ""},
    {"044", T::kMeeting, false, "", ""},
    {"046", T::kMeeting, false, "", ""},
    {"054", T::kDiplomaticRelations, false, "", ""},
    {"057", T::kAgreement, false, "", "agreement"},
    {"161", T::kDowngrade, false, "break_relations", ""},
    {"162", T::kDowngrade, false, "cut_aid", ""},
    {"1621", T::kDowngrade, false, "cut_aid", ""},
    {"1622", T::kDowngrade, false, "cut_aid", ""},
    {"1623", T::kDowngrade, false, "cut_aid", ""},
    {"163", T::kSanction, false, "other", ""},
    {"164", T::kDowngrade, false, "suspend_talks", ""},
    {"166", T::kDowngrade, false, "expel_diplomats", ""},
    {"1661", T::kDowngrade, false, "expel_diplomats", ""},
    {"1662", T::kDowngrade, false, "expel_diplomats", ""},
    {"1663", T::kDowngrade, false, "expel_diplomats", ""},
};

class CameoEventRule : public ::testing::TestWithParam<EventCase> {};

TEST_P(CameoEventRule, MapsToTheSpecsRelation) {
  const EventCase& c = GetParam();
  const EventRule* rule = Mapping().FindEvent(c.code);
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->code, c.code);
  EXPECT_EQ(rule->type, c.type);
  EXPECT_EQ(rule->actor2_is_source, c.actor2_is_source);
  graph::Attributes want;
  if (*c.measure) want["measure"] = std::string(c.measure);
  if (*c.kind) want["kind"] = std::string(c.kind);
  // A sanction without `action` is imposed: the spec's default, and the
  // identity the text extractor gives it.
  EXPECT_EQ(rule->attributes, want);
}

INSTANTIATE_TEST_SUITE_P(EveryLine, CameoEventRule, ::testing::ValuesIn(kEventCases),
                         [](const ::testing::TestParamInfo<EventCase>& p) {
                           return std::string("code_") + p.param.code;
                         });

TEST(CameoEvents, EveryLineOfTheTableHasACase) {
  std::set<std::pair<std::string, std::string>> cases;
  for (const EventCase& c : kEventCases) cases.emplace("", c.code);
  EXPECT_EQ(TableKeys(EmbeddedCameoEvents(), /*with_field=*/false), cases);
}

TEST(CameoMapping, OtherEventCodesAreNoRelation) {
  for (const char* code :
       {"010", "036", "043x", "045", "0431", "160", "165", "1624", "190", "04", ""}) {
    EXPECT_EQ(Mapping().FindEvent(code), nullptr) << code;
  }
}

// Table errors name the line and what was expected.
std::string CreateError(absl::string_view countries, absl::string_view events) {
  auto created = CameoMapping::Create(*testing::SharedGazetteer(), countries, events);
  EXPECT_FALSE(created.ok());
  if (created.ok()) return "";
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(created.status().message());
}

TEST(CameoMapping, RejectsBadTableLinesNamingThem) {
  EXPECT_EQ(CreateError("# c\ncountry\tEUR\t-\n", ""),
            "cameo_countries.tsv:2: want FIELD<TAB>CODE<TAB>PARTY<TAB>NOTE");
  EXPECT_EQ(CreateError("country\tXEU\torg:nowhere\tn\n", ""),
            "cameo_countries.tsv:1: 'org:nowhere' is not an entity the gazetteer knows");
  EXPECT_THAT(CreateError("country\tNAM\t-\tNorth America\n", ""),
              HasSubstr("cameo_countries.tsv:1: NAM is the ISO code of country:NAM"));
  EXPECT_EQ(CreateError("country\tEUR\t-\ta\ncountry\tEUR\t-\tb\n", ""),
            "cameo_countries.tsv:2: EUR is listed twice");
  EXPECT_EQ(CreateError("region\tEUR\t-\ta\n", ""),
            "cameo_countries.tsv:1: FIELD is 'region', want country or actor");
  EXPECT_EQ(CreateError("country\tEu\t-\ta\n", ""),
            "cameo_countries.tsv:1: country code 'Eu' is not three capitals");
  EXPECT_EQ(CreateError("", "040\tgreeting\t-\t-\tn\n"),
            "cameo_events.tsv:1: 'greeting' is not a relation type");
  EXPECT_EQ(CreateError("", "042\tvisit\t-\t-\tn\n"),
            "cameo_events.tsv:1: DIRECTION '-': want 1>2 or 2>1 for directed visit");
  EXPECT_EQ(CreateError("", "040\tmeeting\t1>2\t-\tn\n"),
            "cameo_events.tsv:1: DIRECTION '1>2': want - for symmetric meeting");
  EXPECT_EQ(CreateError("", "40\tmeeting\t-\t-\tn\n"),
            "cameo_events.tsv:1: code '40' is not three or four digits");
  EXPECT_EQ(CreateError("", "040\tmeeting\t-\t-\ta\n040\tmeeting\t-\t-\tb\n"),
            "cameo_events.tsv:2: 040 is listed twice");
  EXPECT_EQ(CreateError("", "161\tdowngrade\t1>2\tmeasure\tn\n"),
            "cameo_events.tsv:1: attribute 'measure' is not key=value");
}

}  // namespace
}  // namespace entente::importers::internal
