#include "tests/bench/gdelt_generator.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/model.h"

namespace entente::bench {
namespace {

struct Country {
  const char* code;  // CAMEO / ISO alpha-3.
  const char* name;
  const char* fips;  // GDELT's geography columns use FIPS 10-4 codes.
};

// By popularity in news, most first (the Zipf draw follows this order).
constexpr Country kCountries[] = {
    {"USA", "UNITED STATES", "US"},
    {"GBR", "UNITED KINGDOM", "UK"},
    {"RUS", "RUSSIA", "RS"},
    {"CHN", "CHINA", "CH"},
    {"ISR", "ISRAEL", "IS"},
    {"SYR", "SYRIA", "SY"},
    {"FRA", "FRANCE", "FR"},
    {"IRN", "IRAN", "IR"},
    {"IND", "INDIA", "IN"},
    {"PAK", "PAKISTAN", "PK"},
    {"UKR", "UKRAINE", "UP"},
    {"DEU", "GERMANY", "GM"},
    {"AFG", "AFGHANISTAN", "AF"},
    {"IRQ", "IRAQ", "IZ"},
    {"TUR", "TURKEY", "TU"},
    {"EGY", "EGYPT", "EG"},
    {"LBY", "LIBYA", "LY"},
    {"CAN", "CANADA", "CA"},
    {"AUS", "AUSTRALIA", "AS"},
    {"JPN", "JAPAN", "JA"},
    {"KOR", "SOUTH KOREA", "KS"},
    {"PRK", "NORTH KOREA", "KN"},
    {"SAU", "SAUDI ARABIA", "SA"},
    {"NGA", "NIGERIA", "NI"},
    {"ZAF", "SOUTH AFRICA", "SF"},
    {"ITA", "ITALY", "IT"},
    {"ESP", "SPAIN", "SP"},
    {"GRC", "GREECE", "GR"},
    {"YEM", "YEMEN", "YM"},
    {"PSE", "PALESTINE", "WE"},
    {"LBN", "LEBANON", "LE"},
    {"JOR", "JORDAN", "JO"},
    {"QAT", "QATAR", "QA"},
    {"ARE", "UNITED ARAB EMIRATES", "AE"},
    {"MEX", "MEXICO", "MX"},
    {"BRA", "BRAZIL", "BR"},
    {"ARG", "ARGENTINA", "AR"},
    {"VEN", "VENEZUELA", "VE"},
    {"CUB", "CUBA", "CU"},
    {"COL", "COLOMBIA", "CO"},
    {"PHL", "PHILIPPINES", "RP"},
    {"IDN", "INDONESIA", "ID"},
    {"MYS", "MALAYSIA", "MY"},
    {"THA", "THAILAND", "TH"},
    {"VNM", "VIETNAM", "VM"},
    {"SGP", "SINGAPORE", "SN"},
    {"NZL", "NEW ZEALAND", "NZ"},
    {"IRL", "IRELAND", "EI"},
    {"NLD", "NETHERLANDS", "NL"},
    {"BEL", "BELGIUM", "BE"},
    {"CHE", "SWITZERLAND", "SZ"},
    {"SWE", "SWEDEN", "SW"},
    {"NOR", "NORWAY", "NO"},
    {"DNK", "DENMARK", "DA"},
    {"FIN", "FINLAND", "FI"},
    {"POL", "POLAND", "PL"},
    {"CZE", "CZECH REPUBLIC", "EZ"},
    {"HUN", "HUNGARY", "HU"},
    {"AUT", "AUSTRIA", "AU"},
    {"SRB", "SERBIA", "RI"},
    {"BLR", "BELARUS", "BO"},
    {"KAZ", "KAZAKHSTAN", "KZ"},
    {"UZB", "UZBEKISTAN", "UZ"},
    {"KGZ", "KYRGYZSTAN", "KG"},
    {"TJK", "TAJIKISTAN", "TI"},
    {"AZE", "AZERBAIJAN", "AJ"},
    {"ARM", "ARMENIA", "AM"},
    {"GEO", "GEORGIA", "GG"},
    {"KEN", "KENYA", "KE"},
    {"ETH", "ETHIOPIA", "ET"},
    {"SOM", "SOMALIA", "SO"},
    {"SDN", "SUDAN", "SU"},
    {"SSD", "SOUTH SUDAN", "OD"},
    {"UGA", "UGANDA", "UG"},
    {"TZA", "TANZANIA", "TZ"},
    {"RWA", "RWANDA", "RW"},
    {"COD", "CONGO", "CG"},
    {"ZWE", "ZIMBABWE", "ZI"},
    {"ZMB", "ZAMBIA", "ZA"},
    {"GHA", "GHANA", "GH"},
    {"SEN", "SENEGAL", "SG"},
    {"MLI", "MALI", "ML"},
    {"NER", "NIGER", "NG"},
    {"TCD", "CHAD", "CD"},
    {"CMR", "CAMEROON", "CM"},
    {"DZA", "ALGERIA", "AG"},
    {"TUN", "TUNISIA", "TS"},
    {"MAR", "MOROCCO", "MO"},
    {"LKA", "SRI LANKA", "CE"},
    {"BGD", "BANGLADESH", "BG"},
    {"NPL", "NEPAL", "NP"},
    {"MMR", "MYANMAR", "BM"},
    {"KHM", "CAMBODIA", "CB"},
    {"TWN", "TAIWAN", "TW"},
    {"HKG", "HONG KONG", "HK"},
    {"PER", "PERU", "PE"},
    {"CHL", "CHILE", "CI"},
    {"ECU", "ECUADOR", "EC"},
    {"BOL", "BOLIVIA", "BL"},
    {"JAM", "JAMAICA", "JM"},
    {"TTO", "TRINIDAD AND TOBAGO", "TD"},
    {"BHS", "BAHAMAS", "BF"},
    {"GUY", "GUYANA", "GY"},
    {"BRB", "BARBADOS", "BB"},
};
constexpr int kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);

// Actors without a country: a role or a name only.
struct Role {
  const char* code;
  const char* name;
  const char* type;
};
constexpr Role kRoles[] = {
    {"GOV", "GOVERNMENT", "GOV"}, {"MIL", "SOLDIER", "MIL"}, {"CVL", "RESIDENTS", "CVL"},
    {"BUS", "COMPANY", "BUS"},    {"COP", "POLICE", "COP"},  {"JUD", "COURT", "JUD"},
    {"MED", "REPORTER", "MED"},   {"EDU", "STUDENT", "EDU"}, {"", "", ""}};
// Regions and organizations: (actor code, name, country code column).
constexpr Role kRegions[] = {
    {"EUR", "EUROPE", "EUR"},      {"AFR", "AFRICA", "AFR"},
    {"MEA", "MIDDLE EAST", "MEA"}, {"ASA", "ASIA", "ASA"},
    {"WST", "THE WEST", "WST"},    {"LAM", "LATIN AMERICA", "LAM"}};
constexpr Role kOrganizations[] = {
    {"IGOUNO", "UNITED NATIONS", ""},
    {"IGOEUREEC", "EUROPEAN UNION", "EUR"},
    {"IGONAMDEV", "INTER AMERICAN DEVELOPMENT BANK", "NAM"},
    {"IGOAFRAFU", "AFRICAN UNION", "AFR"}};
// A country actor's role suffix, or none.
constexpr const char* kSuffixes[] = {"",    "",    "",    "GOV", "GOV",
                                     "MIL", "BUS", "CVL", "MED"};

// Event codes with their weight in percent of rows (about as a 2015 export
// file shows them), quad class and Goldstein score.
struct Code {
  const char* code;
  double weight;
  int quad;
  double goldstein;
};
constexpr Code kCodes[] = {
    {"010", 6.0, 1, 0.0},   {"012", 1.4, 1, -0.1},  {"013", 2.1, 1, 0.4},
    {"014", 0.5, 1, 0.0},   {"020", 5.2, 1, 3.0},   {"0213", 0.3, 1, 3.4},
    {"030", 6.3, 1, 4.0},   {"0331", 0.3, 1, 5.2},  {"0341", 1.4, 1, 4.5},
    {"036", 5.6, 1, 4.0},   {"040", 5.2, 1, 1.0},   {"041", 0.2, 1, 1.0},
    {"042", 8.8, 1, 1.9},   {"043", 7.7, 1, 2.8},   {"044", 0.1, 1, 2.5},
    {"045", 0.3, 1, 5.0},   {"046", 2.6, 1, 7.0},   {"050", 0.6, 2, 3.5},
    {"051", 3.7, 2, 3.4},   {"054", 0.1, 2, 8.0},   {"057", 0.6, 2, 8.0},
    {"060", 1.6, 2, 6.0},   {"061", 0.4, 2, 6.4},   {"062", 0.4, 2, 7.4},
    {"070", 0.6, 2, 7.0},   {"071", 2.3, 2, 7.4},   {"072", 0.4, 2, 8.3},
    {"080", 0.7, 2, 5.0},   {"081", 0.6, 2, 5.0},   {"0831", 0.4, 2, 5.0},
    {"084", 1.0, 2, 7.0},   {"090", 1.5, 3, -2.0},  {"100", 0.3, 3, -5.0},
    {"110", 1.5, 3, -2.0},  {"111", 1.4, 3, -2.0},  {"112", 1.5, 3, -2.0},
    {"114", 0.5, 3, -2.0},  {"120", 2.0, 3, -4.0},  {"125", 0.3, 3, -5.0},
    {"130", 1.0, 3, -4.4},  {"141", 0.7, 3, -6.5},  {"160", 0.4, 3, -4.0},
    {"161", 0.1, 3, -4.0},  {"162", 0.05, 3, -5.6}, {"1621", 0.05, 3, -5.6},
    {"163", 0.15, 3, -8.0}, {"164", 0.1, 3, -7.0},  {"166", 0.05, 3, -7.0},
    {"172", 1.2, 4, -5.0},  {"173", 3.1, 4, -5.0},  {"1724", 0.3, 4, -5.0},
    {"180", 0.3, 4, -9.0},  {"181", 1.1, 4, -9.0},  {"1823", 0.3, 4, -10.0},
    {"186", 0.7, 4, -10.0}, {"190", 6.2, 4, -10.0}, {"192", 0.5, 4, -9.5},
    {"193", 1.8, 4, -10.0}, {"195", 0.4, 4, -10.0}, {"200", 0.1, 4, -10.0},
};
constexpr int kCodeCount = sizeof(kCodes) / sizeof(kCodes[0]);

// Actor table: roles, then regions, organizations, then per country its
// suffixes.
constexpr int kRoleCount = sizeof(kRoles) / sizeof(kRoles[0]);
constexpr int kRegionCount = sizeof(kRegions) / sizeof(kRegions[0]);
constexpr int kOrganizationCount = sizeof(kOrganizations) / sizeof(kOrganizations[0]);
constexpr int kSuffixCount = sizeof(kSuffixes) / sizeof(kSuffixes[0]);
constexpr int kFirstRegion = kRoleCount;
constexpr int kFirstOrganization = kFirstRegion + kRegionCount;
constexpr int kFirstCountry = kFirstOrganization + kOrganizationCount;

// The first DATEADDED: 2015-02-18 00:00:00.
const int32_t kFirstDay = graph::DaysFromCivil(2015, 2, 18);
constexpr int kHostCount = 600;

struct ActorFields {
  std::string code, name, country, type;
};

ActorFields ActorOf(int actor) {
  if (actor < kFirstRegion) {
    const Role& r = kRoles[actor];
    return {r.code, r.name, "", r.type};
  }
  if (actor < kFirstOrganization) {
    const Role& r = kRegions[actor - kFirstRegion];
    return {r.code, r.name, r.type, ""};
  }
  if (actor < kFirstCountry) {
    const Role& r = kOrganizations[actor - kFirstOrganization];
    return {r.code, r.name, r.type, "IGO"};
  }
  const int country = (actor - kFirstCountry) / kSuffixCount;
  const char* suffix = kSuffixes[(actor - kFirstCountry) % kSuffixCount];
  const Country& c = kCountries[country];
  return {absl::StrCat(c.code, suffix), c.name, c.code, suffix};
}

int CountryOfActor(int actor) {
  return actor < kFirstCountry ? -1 : (actor - kFirstCountry) / kSuffixCount;
}

std::string YyyyMmDd(int32_t days) {
  int y = 0, m = 0, d = 0;
  graph::CivilFromDays(days, &y, &m, &d);
  return absl::StrFormat("%04d%02d%02d", y, m, d);
}

// Eight geography columns: type, full name, country, ADM1, ADM2, lat, long,
// feature id.
void AppendGeo(int country, uint64_t salt, std::string* out) {
  if (country < 0) {
    out->append("0\t\t\t\t\t\t\t\t");
    return;
  }
  const Country& c = kCountries[country];
  const double lat = -40.0 + static_cast<double>(salt % 8000) / 100.0;
  const double lon = -120.0 + static_cast<double>(salt / 8000 % 24000) / 100.0;
  absl::StrAppend(out, salt % 3 == 0 ? "1\t" : "4\t", salt % 3 == 0 ? "" : "Capital, ",
                  c.name, "\t", c.fips, "\t", c.fips, salt % 90 + 1, "\t", salt % 99991,
                  "\t", absl::StrFormat("%.4f\t%.4f\t", lat, lon), -1 - (salt % 3000000),
                  "\t");
}

}  // namespace

GdeltGenerator::GdeltGenerator(const GdeltGeneratorOptions& options)
    : options_(options), rng_(options.seed) {}

int GdeltGenerator::PickCountryActor() {
  // Zipf over the countries by popularity: weight 1 / rank.
  static const std::vector<double> cumulative = [] {
    std::vector<double> c(kCountryCount);
    double sum = 0;
    for (int i = 0; i < kCountryCount; ++i) c[i] = sum += 1.0 / (i + 1);
    for (double& x : c) x /= sum;
    return c;
  }();
  const double u = unit_(rng_);
  const int country = static_cast<int>(
      std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
  return kFirstCountry + std::min(country, kCountryCount - 1) * kSuffixCount +
         static_cast<int>(rng_() % kSuffixCount);
}

int GdeltGenerator::PickActor() {
  const double u = unit_(rng_);
  if (u < 0.47) return static_cast<int>(rng_() % kRoleCount);
  if (u < 0.485) return kFirstRegion + static_cast<int>(rng_() % kRegionCount);
  if (u < 0.493)
    return kFirstOrganization + static_cast<int>(rng_() % kOrganizationCount);
  return PickCountryActor();
}

int GdeltGenerator::PickCode() {
  static const std::vector<double> cumulative = [] {
    std::vector<double> c(kCodeCount);
    double sum = 0;
    for (int i = 0; i < kCodeCount; ++i) c[i] = sum += kCodes[i].weight;
    for (double& x : c) x /= sum;
    return c;
  }();
  const double u = unit_(rng_);
  return std::min(
      static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), u) -
                       cumulative.begin()),
      kCodeCount - 1);
}

int GdeltGenerator::PickDayBack() {
  const double u = unit_(rng_);
  return u < 0.9 ? 0 : u < 0.97 ? 1 : 365;
}

bool GdeltGenerator::NextRow(std::string* out) {
  if (produced_ >= options_.rows) return false;
  Fact fact;
  // About a fifth of the rows are between two different countries.
  if (unit_(rng_) < 0.2) {
    if (!recent_.empty() && unit_(rng_) < options_.repeat_share) {
      fact = recent_[rng_() % recent_.size()];
    } else {
      fact.actor1 = PickCountryActor();
      do {
        fact.actor2 = PickCountryActor();
      } while (CountryOfActor(fact.actor2) == CountryOfActor(fact.actor1));
      fact.code = PickCode();
      fact.day_back = PickDayBack();
      recent_.push_back(fact);
      if (recent_.size() > 2048) recent_.pop_front();
    }
  } else {
    fact.actor1 = PickActor();
    fact.actor2 = PickActor();
    const int c1 = CountryOfActor(fact.actor1), c2 = CountryOfActor(fact.actor2);
    if (c1 >= 0 && c2 >= 0 && c1 != c2) {
      // Keep two-country rows to the share above: mostly one side loses its
      // country, sometimes both sides are one country.
      fact.actor2 = unit_(rng_) < 0.9 ? static_cast<int>(rng_() % kRoleCount)
                                      : kFirstCountry + c1 * kSuffixCount +
                                            static_cast<int>(rng_() % kSuffixCount);
    }
    fact.code = PickCode();
    fact.day_back = PickDayBack();
  }
  AppendRow(fact, out);
  ++produced_;
  return true;
}

void GdeltGenerator::AppendRow(const Fact& fact, std::string* out) {
  const int64_t slot = produced_ / std::max<int64_t>(options_.rows_per_slot, 1);
  const int32_t added_day = kFirstDay + static_cast<int32_t>(slot / 96);
  const int minutes = static_cast<int>(slot % 96) * 15;
  const std::string day = YyyyMmDd(added_day - fact.day_back);
  const ActorFields a1 = ActorOf(fact.actor1), a2 = ActorOf(fact.actor2);
  const Code& code = kCodes[fact.code];
  const uint64_t salt = rng_();
  const int sources = 1 + static_cast<int>(salt % 3 == 0 ? salt % 5 : 0);
  const int articles = sources * (1 + static_cast<int>(salt / 7 % 4));
  const double tone = -8.0 + static_cast<double>(salt % 1'600'000'000) / 1e8;
  absl::StrAppend(
      out, options_.first_event_id + produced_, "\t", day, "\t", day.substr(0, 6), "\t",
      day.substr(0, 4), "\t", day.substr(0, 4), ".",
      absl::StrFormat("%04d", (added_day - fact.day_back) % 365 * 10000 / 365), "\t");
  absl::StrAppend(out, a1.code, "\t", a1.name, "\t", a1.country, "\t\t\t\t\t", a1.type,
                  "\t\t\t");
  absl::StrAppend(out, a2.code, "\t", a2.name, "\t", a2.country, "\t\t\t\t\t", a2.type,
                  "\t\t\t");
  absl::StrAppend(out, salt % 2, "\t", code.code, "\t",
                  absl::string_view(code.code).substr(0, 3), "\t",
                  absl::string_view(code.code).substr(0, 2), "\t", code.quad, "\t",
                  code.goldstein, "\t", articles, "\t", sources, "\t", articles, "\t",
                  absl::StrFormat("%.13g", tone), "\t");
  AppendGeo(CountryOfActor(fact.actor1), salt, out);
  AppendGeo(CountryOfActor(fact.actor2), salt >> 7, out);
  AppendGeo(std::max(CountryOfActor(fact.actor1), CountryOfActor(fact.actor2)),
            salt >> 13, out);
  // One article is coded into a few rows: the article number advances on
  // about every other row.
  const uint64_t host = (salt >> 20) % kHostCount;
  absl::StrAppend(out, YyyyMmDd(added_day),
                  absl::StrFormat("%02d%02d00", minutes / 60, minutes % 60), "\t",
                  "http://www.outlet", host, host % 4 == 0 ? ".co.uk" : ".com",
                  "/news/2015/world/", code.quad == 4 ? "conflict" : "diplomacy",
                  "-story-headline-words-for-length-", produced_ / 2, ".html\n");
}

}  // namespace entente::bench
