#include "graph/model.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"

namespace entente::graph {
namespace {

constexpr std::array<absl::string_view, kEntityKindCount> kKindNames = {
    "unspecified", "country", "organization", "city",
    "site",        "event",   "company",      "person"};
constexpr std::array<absl::string_view, kEntityKindCount> kKindPrefixes = {
    "", "country", "org", "city", "site", "event", "company", "person"};

constexpr std::array<absl::string_view, kRelationTypeCount> kTypeNames = {
    "unspecified",  "diplomatic_relations", "partnership", "agreement", "trade_target",
    "trade_volume", "investment",           "visit",       "meeting",   "forum",
    "site",         "declaration",          "membership",  "sanction",  "downgrade"};

// Keys of the attribute that tells two relations of one type apart on one day
// (spec: "the same relation"). Forum and membership roles are included so a
// host and a participant, or a member and an observer, stay two relations.
absl::Span<const absl::string_view> DistinguishingKeys(RelationType type) {
  static constexpr absl::string_view kAgreement[] = {"kind", "title"};
  static constexpr absl::string_view kTarget[] = {"amount", "currency", "by_year"};
  static constexpr absl::string_view kVolume[] = {"amount", "currency"};
  static constexpr absl::string_view kSite[] = {"facility"};
  static constexpr absl::string_view kRole[] = {"role"};
  static constexpr absl::string_view kSanction[] = {"measure", "action"};
  static constexpr absl::string_view kDowngrade[] = {"measure"};
  switch (type) {
    case RelationType::kAgreement:
      return kAgreement;
    case RelationType::kTradeTarget:
      return kTarget;
    case RelationType::kTradeVolume:
      return kVolume;
    case RelationType::kSite:
      return kSite;
    case RelationType::kForum:
    case RelationType::kMembership:
      return kRole;
    case RelationType::kSanction:
      return kSanction;
    case RelationType::kDowngrade:
      return kDowngrade;
    default:
      return {};
  }
}

// FNV-1a over bytes fed in pieces, so RelationIdOf hashes the identity
// without building it.
class Fnv1a {
 public:
  void Add(absl::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  // splitmix64's finalizer spreads FNV's weak low bits.
  uint64_t Finish() const {
    uint64_t hash = hash_;
    hash ^= hash >> 30;
    hash *= 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 27;
    hash *= 0x94d049bb133111ebULL;
    hash ^= hash >> 31;
    return hash;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;  // The offset basis.
};

// DateWithPrecision::ToString() into `buffer` (>= 16 bytes); its length.
size_t FormatDate(const DateWithPrecision& date, char* buffer) {
  if (date.precision == DatePrecision::kNone) return 0;
  if (date.year < 0 || date.year > 9999) {
    std::string text = date.ToString();
    std::memcpy(buffer, text.data(), std::min<size_t>(text.size(), 15));
    return std::min<size_t>(text.size(), 15);
  }
  auto digits = [&](int value, int width, size_t at) {
    for (int i = width - 1; i >= 0; --i, value /= 10) buffer[at + i] = '0' + value % 10;
  };
  digits(date.year, 4, 0);
  if (date.precision == DatePrecision::kYear) return 4;
  buffer[4] = '-';
  digits(date.month, 2, 5);
  if (date.precision == DatePrecision::kMonth) return 7;
  buffer[7] = '-';
  digits(date.day, 2, 8);
  return 10;
}

void AppendAttribute(const AttributeValue& value, std::string* out) {
  if (const auto* i = std::get_if<int64_t>(&value)) {
    absl::StrAppend(out, *i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    absl::StrAppend(out, *d);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    absl::StrAppend(out, absl::AsciiStrToLower(*s));
  } else {
    for (const auto& part : std::get<std::vector<std::string>>(value)) {
      absl::StrAppend(out, absl::AsciiStrToLower(part), ",");
    }
  }
}

}  // namespace

absl::string_view EntityKindName(EntityKind kind) {
  auto index = static_cast<size_t>(kind);
  return index < kKindNames.size() ? kKindNames[index] : kKindNames[0];
}

std::optional<EntityKind> ParseEntityKind(absl::string_view name) {
  for (size_t i = 1; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

EntityKind KindOfId(absl::string_view id) {
  size_t colon = id.find(':');
  if (colon == absl::string_view::npos) return EntityKind::kUnspecified;
  absl::string_view prefix = id.substr(0, colon);
  for (size_t i = 1; i < kKindPrefixes.size(); ++i) {
    if (kKindPrefixes[i] == prefix) return static_cast<EntityKind>(i);
  }
  return EntityKind::kUnspecified;
}

absl::string_view IdPrefix(EntityKind kind) {
  auto index = static_cast<size_t>(kind);
  return index < kKindPrefixes.size() ? kKindPrefixes[index] : "";
}

absl::string_view RelationTypeName(RelationType type) {
  auto index = static_cast<size_t>(type);
  return index < kTypeNames.size() ? kTypeNames[index] : kTypeNames[0];
}

std::optional<RelationType> ParseRelationType(absl::string_view name) {
  for (size_t i = 1; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<RelationType>(i);
  }
  return std::nullopt;
}

bool IsSymmetric(RelationType type) {
  switch (type) {
    case RelationType::kDiplomaticRelations:
    case RelationType::kPartnership:
    case RelationType::kAgreement:
    case RelationType::kTradeTarget:
    case RelationType::kTradeVolume:
    case RelationType::kMeeting:
      return true;
    default:
      return false;
  }
}

bool IsCooling(RelationType type) {
  return type == RelationType::kSanction || type == RelationType::kDowngrade;
}

RelationTypeSet CooperativeRelationTypes() {
  RelationTypeSet set;
  for (int i = 1; i < kRelationTypeCount; ++i) {
    if (!IsCooling(static_cast<RelationType>(i))) set.Add(static_cast<RelationType>(i));
  }
  return set;
}

absl::Span<const absl::string_view> IdentityAttributeKeys(RelationType type) {
  return DistinguishingKeys(type);
}

RelationTypeSet RelationTypeSet::All() {
  RelationTypeSet set;
  for (int i = 1; i < kRelationTypeCount; ++i) {
    set.Add(static_cast<RelationType>(i));
  }
  return set;
}

absl::StatusOr<RelationTypeSet> ParseRelationTypeSet(absl::string_view csv) {
  RelationTypeSet set;
  for (absl::string_view part : absl::StrSplit(csv, ',', absl::SkipWhitespace())) {
    part = absl::StripAsciiWhitespace(part);
    std::optional<RelationType> type = ParseRelationType(part);
    if (!type) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown relation type \"", part, "\"; expected one of ",
                       absl::StrJoin(kTypeNames.begin() + 1, kTypeNames.end(), ", ")));
    }
    set.Add(*type);
  }
  return set;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil algorithm.
int32_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t days, int* year, int* month, int* day) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = y + (*month <= 2);
}

absl::StatusOr<DateWithPrecision> DateWithPrecision::Parse(absl::string_view text) {
  DateWithPrecision date;
  if (text.empty()) return date;
  auto bad = [&] {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid date \"", text, "\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  };
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  if (parts.size() > 3 || parts[0].size() != 4) return bad();
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() != 2) return bad();
  }
  int values[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    for (char c : parts[i]) {
      if (c < '0' || c > '9') return bad();
    }
    if (!absl::SimpleAtoi(parts[i], &values[i])) return bad();
  }
  date.year = values[0];
  if (date.year < 1) return bad();
  date.precision = DatePrecision::kYear;
  if (parts.size() >= 2) {
    date.month = values[1];
    if (date.month < 1 || date.month > 12) return bad();
    date.precision = DatePrecision::kMonth;
  }
  if (parts.size() == 3) {
    date.day = values[2];
    if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) return bad();
    date.precision = DatePrecision::kDay;
  }
  return date;
}

std::string DateWithPrecision::ToString() const {
  char buffer[16];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buffer, sizeof(buffer), "%04d", year);
      return buffer;
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof(buffer), "%04d-%02d", year, month);
      return buffer;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
      return buffer;
    case DatePrecision::kNone:
      break;
  }
  return "";
}

int32_t DateWithPrecision::FirstDay() const {
  switch (precision) {
    case DatePrecision::kYear:
      return DaysFromCivil(year, 1, 1);
    case DatePrecision::kMonth:
      return DaysFromCivil(year, month, 1);
    case DatePrecision::kDay:
      return DaysFromCivil(year, month, day);
    case DatePrecision::kNone:
      break;
  }
  return INT32_MIN;
}

int32_t DateWithPrecision::EndDay() const {
  switch (precision) {
    case DatePrecision::kYear:
      return DaysFromCivil(year + 1, 1, 1);
    case DatePrecision::kMonth:
      return month == 12 ? DaysFromCivil(year + 1, 1, 1)
                         : DaysFromCivil(year, month + 1, 1);
    case DatePrecision::kDay:
      return DaysFromCivil(year, month, day) + 1;
    case DatePrecision::kNone:
      break;
  }
  return INT32_MIN;
}

bool TimeWindow::Contains(const DateWithPrecision& date) const {
  if (unbounded()) return true;
  if (!date.known()) return false;
  return Overlaps(date.FirstDay(), date.EndDay());
}

namespace {

// The endpoint ids as the identity orders them: symmetric types put the lesser first.
std::pair<absl::string_view, absl::string_view> IdentityEnds(const Relation& relation) {
  absl::string_view a = relation.source.id;
  absl::string_view b = relation.target.id;
  if (IsSymmetric(relation.type) && b < a) std::swap(a, b);
  return {a, b};
}

// Feeds the bytes of a relation's identity to `add` (a string_view sink),
// piece by piece: RelationIdentity appends them, RelationIdOf hashes them.
template <typename Add>
void FeedIdentity(const Relation& relation, Add&& add) {
  const auto [a, b] = IdentityEnds(relation);
  add(RelationTypeName(relation.type));
  add("|");
  add(a);
  add("|");
  add(b);
  add("|");
  char date[16];
  add(absl::string_view(date, FormatDate(relation.date, date)));
  std::string attribute;
  for (absl::string_view key : DistinguishingKeys(relation.type)) {
    add("|");
    auto it = relation.attributes.find(std::string(key));
    if (it == relation.attributes.end()) continue;
    attribute.clear();
    AppendAttribute(it->second, &attribute);
    add(attribute);
  }
}

}  // namespace

std::string RelationIdentity(const Relation& relation) {
  constexpr size_t kTypicalIdentity = 128;  // Bytes: one allocation for most.
  std::string identity;
  identity.reserve(kTypicalIdentity);
  FeedIdentity(relation, [&](absl::string_view piece) {
    identity.append(piece.data(), piece.size());
  });
  return identity;
}

bool SameRelationIdentity(const Relation& x, const Relation& y) {
  if (x.type != y.type || !(x.date == y.date)) return false;
  if (IdentityEnds(x) != IdentityEnds(y)) return false;
  std::string left, right;
  for (absl::string_view key : DistinguishingKeys(x.type)) {
    auto i = x.attributes.find(std::string(key));
    auto j = y.attributes.find(std::string(key));
    if ((i == x.attributes.end()) != (j == y.attributes.end())) return false;
    if (i == x.attributes.end()) continue;
    left.clear();
    right.clear();
    AppendAttribute(i->second, &left);
    AppendAttribute(j->second, &right);
    if (left != right) return false;
  }
  return true;
}

uint64_t StableHash64(absl::string_view bytes) {
  Fnv1a hash;
  hash.Add(bytes);
  return hash.Finish();
}

// StableHash64(RelationIdentity(relation)), without building the string.
uint64_t RelationIdOf(const Relation& relation) {
  Fnv1a hash;
  FeedIdentity(relation, [&](absl::string_view piece) { hash.Add(piece); });
  return hash.Finish();
}

bool MergeRelation(const Relation& from, Relation* into) {
  bool changed = false;
  for (const Provenance& p : from.provenance) {
    // The same report: the same place of the same item, in the same document or
    // in a copy of it under another name (the same quote there).
    bool seen = std::any_of(
        into->provenance.begin(), into->provenance.end(), [&](const Provenance& q) {
          return q.item == p.item && q.start == p.start && q.end == p.end &&
                 (q.document == p.document || (!p.quote.empty() && q.quote == p.quote));
        });
    if (!seen) {
      into->provenance.push_back(p);
      changed = true;
    }
  }
  if (from.reported.known() &&
      (!into->reported.known() || from.reported.FirstDay() < into->reported.FirstDay())) {
    into->reported = from.reported;
    changed = true;
  }
  if (from.confidence > into->confidence) {
    into->confidence = from.confidence;
    changed = true;
  }
  for (const auto& [key, value] : from.attributes) {
    if (into->attributes.emplace(key, value).second) changed = true;
  }
  return changed;
}

uint32_t IndependentReports(const Relation& relation) {
  const std::vector<Provenance>& provenance = relation.provenance;
  if (provenance.size() <= 1) return 1;  // Most relations: no work, no allocation.
  absl::flat_hash_set<std::string> sources;
  for (const Provenance& p : provenance) {
    // "o:" and "d:" keep an outlet and a document of one name apart.
    sources.insert(p.outlet.empty()
                       ? absl::StrCat("d:", p.document)
                       : absl::StrCat("o:", absl::AsciiStrToLower(p.outlet)));
  }
  return static_cast<uint32_t>(std::min<size_t>(sources.size(), 65535));
}

bool EndsLastingStates(const Relation& relation) {
  if (relation.type != RelationType::kDowngrade) return false;
  auto measure = relation.attributes.find("measure");
  if (measure == relation.attributes.end()) return false;
  const std::string* value = std::get_if<std::string>(&measure->second);
  return value != nullptr && *value == "break_relations";
}

}  // namespace entente::graph
