#include "tests/bench/graph_generator.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace entente::bench {
namespace {

using graph::EntityKind;
using graph::RelationType;

constexpr const char* kOutlets[] = {"Trend",  "Kazinform",    "Pakistan Today",
                                    "Xinhua", "Astana Times", "Reuters",
                                    "TASS",   "Anadolu"};
constexpr const char* kAgreementKinds[] = {"agreement",       "memorandum", "protocol",
                                           "joint_statement", "roadmap",    "documents"};
constexpr const char* kLevels[] = {"state", "official", "working"};
constexpr EntityKind kOtherKinds[] = {EntityKind::kCity, EntityKind::kSite,
                                      EntityKind::kEvent, EntityKind::kCompany,
                                      EntityKind::kPerson};

std::string CountryCode(int64_t i) {
  return {static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26),
          static_cast<char>('A' + (i * 7 + 3) % 26)};
}

}  // namespace

SyntheticGraph::SyntheticGraph(const GeneratorOptions& options)
    : options_(options), rng_(options.seed) {}

graph::EntityRef SyntheticGraph::Entity(int64_t i) const {
  if (i < kCountries) {
    std::string code = CountryCode(i);
    return {absl::StrCat("country:", code), absl::StrCat("Country ", code),
            EntityKind::kCountry};
  }
  if (i < kCountries + kOrganizations) {
    int64_t o = i - kCountries;
    return {absl::StrCat("org:o", o), absl::StrCat("Organization ", o),
            EntityKind::kOrganization};
  }
  int64_t o = i - kCountries - kOrganizations;
  EntityKind kind = kOtherKinds[o % 5];
  return {absl::StrCat(graph::IdPrefix(kind), ":e", o),
          absl::StrCat(graph::EntityKindName(kind), " ", o), kind};
}

int64_t SyntheticGraph::PickHub() {
  double u = std::uniform_real_distribution<double>(0, 1)(rng_);
  return static_cast<int64_t>(std::pow(u, 2.0) * (kCountries + kOrganizations));
}

int64_t SyntheticGraph::PickOther() {
  // u^3 puts most picks on few entities: a heavy-tailed degree distribution.
  double u = std::uniform_real_distribution<double>(0, 1)(rng_);
  return kCountries + kOrganizations +
         std::min<int64_t>(options_.entities - 1,
                           static_cast<int64_t>(std::pow(u, 3.0) * options_.entities));
}

void SyntheticGraph::FillAttributes(graph::Relation* r) {
  auto pick = [&](int n) { return static_cast<int>(rng_() % n); };
  switch (r->type) {
    case RelationType::kAgreement:
      r->attributes["kind"] = std::string(kAgreementKinds[pick(6)]);
      break;
    case RelationType::kTradeTarget:
    case RelationType::kTradeVolume:
    case RelationType::kInvestment:
      r->attributes["amount"] = int64_t{100'000'000} * (1 + pick(100));
      r->attributes["currency"] = std::string("USD");
      break;
    case RelationType::kVisit:
      r->attributes["level"] = std::string(kLevels[pick(3)]);
      break;
    case RelationType::kMembership:
      r->attributes["role"] = std::string(pick(5) == 0 ? "observer" : "member");
      break;
    case RelationType::kForum:
      r->attributes["edition"] = int64_t{1 + pick(10)};
      break;
    case RelationType::kSite:
      r->attributes["facility"] = std::string("industrial park");
      break;
    default:
      break;
  }
}

bool SyntheticGraph::Next(graph::Relation* r) {
  if (produced_ >= options_.relations) return false;
  ++produced_;
  *r = graph::Relation();
  const bool hub_pair = rng_() % 100 < 45;
  int64_t a = PickHub();
  int64_t b = hub_pair ? PickHub() : PickOther();
  if (a == b) b = (b + 1) % kCountries;
  r->source = Entity(a);
  r->target = Entity(b);
  static constexpr RelationType kHubTypes[] = {RelationType::kDiplomaticRelations,
                                               RelationType::kPartnership,
                                               RelationType::kAgreement,
                                               RelationType::kTradeTarget,
                                               RelationType::kTradeVolume,
                                               RelationType::kMeeting,
                                               RelationType::kVisit,
                                               RelationType::kInvestment,
                                               RelationType::kDeclaration};
  switch (r->target.kind) {
    case EntityKind::kOrganization:
      r->type = rng_() % 2 ? RelationType::kMembership : RelationType::kMeeting;
      break;
    case EntityKind::kEvent:
      r->type = RelationType::kForum;
      break;
    case EntityKind::kSite:
      r->type = RelationType::kSite;
      break;
    case EntityKind::kCompany:
      r->type = RelationType::kInvestment;
      break;
    case EntityKind::kCity:
    case EntityKind::kPerson:
      r->type = RelationType::kMeeting;
      break;
    default:
      r->type = kHubTypes[rng_() % 9];
  }
  const int32_t first = graph::DaysFromCivil(1990, 1, 1);
  const int32_t last = graph::DaysFromCivil(2026, 12, 31);
  int32_t day = first + static_cast<int32_t>(rng_() % (last - first));
  int y, m, d;
  graph::CivilFromDays(day, &y, &m, &d);
  int precision = static_cast<int>(rng_() % 100);
  r->date = precision < 80   ? graph::DateWithPrecision::Day(y, m, d)
            : precision < 95 ? graph::DateWithPrecision::Month(y, m)
                             : graph::DateWithPrecision::Year(y);
  graph::CivilFromDays(day + static_cast<int32_t>(rng_() % 8), &y, &m, &d);
  r->reported = graph::DateWithPrecision::Day(y, m, d);
  r->confidence = 0.5 + static_cast<double>(rng_() % 50) / 100.0;
  FillAttributes(r);
  graph::Provenance p;
  p.item = 1 + static_cast<int>(rng_() % 40);
  p.outlet = kOutlets[rng_() % 8];
  p.headline = absl::StrCat(r->source.name, " and ", r->target.name, " ",
                            graph::RelationTypeName(r->type));
  p.quote = absl::StrCat(r->source.name, " ", graph::RelationTypeName(r->type), " with ",
                         r->target.name);
  p.start = static_cast<int64_t>(rng_() % 100000);
  p.end = p.start + static_cast<int64_t>(p.quote.size());
  p.reported = r->reported;
  p.document = absl::StrFormat("synthetic-%04d-%02d-%02d.txt", y, m, d);
  r->provenance.push_back(std::move(p));
  return true;
}

}  // namespace entente::bench
