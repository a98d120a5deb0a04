#ifndef ENTENTE_GRAPH_MODEL_H_
#define ENTENTE_GRAPH_MODEL_H_

// The domain model shared by every layer: entities, relations, dates with
// precision, provenance and time windows. Plain value types; no proto, no
// RocksDB, no text parsing. The vocabulary is ../shared/spec/relations.md.
//
// Thread-safety: all types here are values; const access from several threads
// is safe, mutation is not.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace entente::graph {

enum class EntityKind : uint8_t {
  kUnspecified = 0,
  kCountry = 1,
  kOrganization = 2,
  kCity = 3,
  kSite = 4,
  kEvent = 5,
  kCompany = 6,
  kPerson = 7,
};
inline constexpr int kEntityKindCount = 8;

// "country", "organization", ...; "unspecified" for kUnspecified.
absl::string_view EntityKindName(EntityKind kind);
// Accepts the names above; nullopt for anything else.
std::optional<EntityKind> ParseEntityKind(absl::string_view name);
// The kind an entity id's prefix names: "country:KAZ" -> kCountry,
// "org:eu" -> kOrganization. kUnspecified for an unknown prefix.
EntityKind KindOfId(absl::string_view id);
// The id prefix of a kind: kCountry -> "country", kOrganization -> "org".
absl::string_view IdPrefix(EntityKind kind);

enum class RelationType : uint8_t {
  kUnspecified = 0,
  kDiplomaticRelations = 1,
  kPartnership = 2,
  kAgreement = 3,
  kTradeTarget = 4,
  kTradeVolume = 5,
  kInvestment = 6,
  kVisit = 7,
  kMeeting = 8,
  kForum = 9,
  kSite = 10,
  kDeclaration = 11,
  kMembership = 12,
  kSanction = 13,
  kDowngrade = 14,
};
inline constexpr int kRelationTypeCount = 15;

// The spec's names: "diplomatic_relations", "partnership", ...
absl::string_view RelationTypeName(RelationType type);
std::optional<RelationType> ParseRelationType(absl::string_view name);
// Symmetric types compare endpoints as an unordered pair.
bool IsSymmetric(RelationType type);

// A set of relation types as a bit mask (bit i = RelationType(i)); cheap to
// test in inner loops. An empty set means "all types" where filters take one.
class RelationTypeSet {
 public:
  RelationTypeSet() = default;
  static RelationTypeSet All();
  void Add(RelationType type) { bits_ |= Bit(type); }
  bool Contains(RelationType type) const { return (bits_ & Bit(type)) != 0; }
  bool empty() const { return bits_ == 0; }
  uint32_t bits() const { return bits_; }

 private:
  static uint32_t Bit(RelationType type) {
    return uint32_t{1} << static_cast<uint32_t>(type);
  }
  uint32_t bits_ = 0;
};

// Parses "partnership,agreement" into a set; InvalidArgument naming the
// unknown type otherwise.
absl::StatusOr<RelationTypeSet> ParseRelationTypeSet(absl::string_view csv);

// Sanction and downgrade record measures that cool a relationship; every
// other type records one being built or kept up.
bool IsCooling(RelationType type);
// Diplomatic relations, partnerships and memberships are states: they hold
// from their date on (until ended), where every other type is an event of its
// date.
// Inline: edge filters test it in the path search's inner loop.
inline bool IsLastingState(RelationType type) {
  return type == RelationType::kDiplomaticRelations ||
         type == RelationType::kPartnership || type == RelationType::kMembership;
}
// Every type but the cooling ones: what a path follows unless it is asked
// for other types (a sanction connects two countries, but not as a tie).
RelationTypeSet CooperativeRelationTypes();

// The attribute keys that tell two relations of a type apart on one day, in
// the order RelationIdentity uses them: {"kind", "title"} for an agreement,
// {"measure", "action"} for a sanction, ...; empty for most types.
absl::Span<const absl::string_view> IdentityAttributeKeys(RelationType type);

enum class DatePrecision : uint8_t { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

// A calendar date known to year, month or day: "1993", "2026-02",
// "2026-02-04". Never more precise than its source supports.
struct DateWithPrecision {
  int year = 0;   // 1..9999 when precision != kNone.
  int month = 0;  // 1..12 when precision >= kMonth, else 0.
  int day = 0;    // 1..31 when precision == kDay, else 0.
  DatePrecision precision = DatePrecision::kNone;

  static DateWithPrecision Year(int y) { return {y, 0, 0, DatePrecision::kYear}; }
  static DateWithPrecision Month(int y, int m) {
    return {y, m, 0, DatePrecision::kMonth};
  }
  static DateWithPrecision Day(int y, int m, int d) {
    return {y, m, d, DatePrecision::kDay};
  }

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date);
  // InvalidArgument otherwise. The empty string parses as kNone.
  static absl::StatusOr<DateWithPrecision> Parse(absl::string_view text);

  bool known() const { return precision != DatePrecision::kNone; }
  // The ISO 8601 form at this precision; "" for kNone.
  std::string ToString() const;
  // Days since 1970-01-01 of the first day the date covers ("2026-02" ->
  // 2026-02-01). INT32_MIN for kNone.
  int32_t FirstDay() const;
  // Days since 1970-01-01 of the day after the last day covered ("2026-02"
  // -> 2026-03-01). INT32_MIN for kNone.
  int32_t EndDay() const;

  friend bool operator==(const DateWithPrecision&, const DateWithPrecision&) = default;
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int32_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int32_t days, int* year, int* month, int* day);
// Days in a month of a year (28..31).
int DaysInMonth(int year, int month);

// A half-open window [from_day, to_day) of days since 1970-01-01. The default
// window is unbounded. A dated relation lies in a window when the days its
// date covers overlap the window; an undated one lies only in the unbounded
// window.
struct TimeWindow {
  int32_t from_day = INT32_MIN;
  int32_t to_day = INT32_MAX;

  bool unbounded() const { return from_day == INT32_MIN && to_day == INT32_MAX; }
  bool Overlaps(int32_t first_day, int32_t end_day) const {
    return first_day < to_day && end_day > from_day;
  }
  bool Contains(const DateWithPrecision& date) const;
};

// An attribute value: an integer (amounts, counts, editions), a real number
// (change_pct), a string (level, kind, currency, ids) or a list of strings
// (participants, location).
using AttributeValue =
    std::variant<int64_t, double, std::string, std::vector<std::string>>;
// Attributes in key order, so that equal attribute sets encode equally.
using Attributes = std::map<std::string, AttributeValue>;

struct Entity {
  std::string id;    // "country:KAZ", "org:eu", "event:b5-1-business-forum-2026".
  std::string name;  // Display name: "Kazakhstan".
  EntityKind kind = EntityKind::kUnspecified;
  std::vector<std::string> aliases;  // Other names it is known by.

  friend bool operator==(const Entity&, const Entity&) = default;
};

// One report of a relation: where it was read and the words that prove it.
struct Provenance {
  int item = 0;          // Digest item number, counted from 1.
  std::string outlet;    // "Pakistan Today".
  std::string headline;  // The item's headline.
  DateWithPrecision reported;
  std::string quote;      // The supporting text, verbatim.
  int64_t start = 0;      // Byte offset of the quote in the input.
  int64_t end = 0;        // Byte offset one past the quote.
  std::string document;   // The digest: file name, URL or JSON item id.
  std::string extractor;  // Extractor version, "entente-extract/1".

  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct EntityRef {
  std::string id;
  std::string name;
  EntityKind kind = EntityKind::kUnspecified;

  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

struct Relation {
  RelationType type = RelationType::kUnspecified;
  EntityRef source;
  EntityRef target;
  DateWithPrecision date;      // When it happened (valid time).
  DateWithPrecision reported;  // When it was first reported.
  Attributes attributes;
  double confidence = 0.0;  // 0..1.
  std::vector<Provenance> provenance;

  friend bool operator==(const Relation&, const Relation&) = default;
};

// What makes two relations "the same" (spec: type, endpoints, date and the
// distinguishing attribute of the type): a canonical byte string. Symmetric
// types order their endpoints so that A-B and B-A give the same identity.
std::string RelationIdentity(const Relation& relation);

// A stable 64-bit id derived from RelationIdentity (FNV-1a then a mixer);
// stable across versions and machines.
uint64_t RelationIdOf(const Relation& relation);
uint64_t StableHash64(absl::string_view bytes);
// RelationIdentity(x) == RelationIdentity(y), without building the strings: the
// check that two relations of one RelationIdOf are one (and not a collision).
bool SameRelationIdentity(const Relation& x, const Relation& y);

// Merges the provenance of `from` into `into` (entries equal in item and quote
// offsets, and in document or quote, are not repeated: a copy of a document under
// another name adds nothing); keeps the earliest `reported`
// and the highest confidence. Returns true when `into` changed.
bool MergeRelation(const Relation& from, Relation* into);

// The number of independent reports of a relation: its distinct outlets
// (compared without case), a provenance entry with no outlet counting its
// document. At least 1, at most 65535: a relation is in the store because
// something reported it.
uint32_t IndependentReports(const Relation& relation);

// Whether a relation ends the lasting states (IsLastingState) between its
// endpoints that began before it: a downgrade breaking off relations ends
// diplomatic relations, partnerships and memberships alike. A later
// establishment begins a new state.
bool EndsLastingStates(const Relation& relation);

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_MODEL_H_
