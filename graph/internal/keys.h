#ifndef ENTENTE_GRAPH_INTERNAL_KEYS_H_
#define ENTENTE_GRAPH_INTERNAL_KEYS_H_

// The store's column families and key layout. Integers in keys are
// big-endian so that RocksDB's bytewise order is numeric order; entity ids
// never contain 0x00, which therefore ends an id inside a key.
//
//  cf "metadata"   "schema_version"                  -> decimal version ("2")
//                  "format"                          -> "entente-graph"
//  cf "entities"   entity_id                         -> EntityValue (records.h)
//  cf "aliases"    alias_norm 00 entity_id           -> ""
//  cf "relations"  relation_id:u64                   -> RelationValue (records.h)
//  cf "edges"      relation_id:u64                   -> EdgeValue (records.h)
//  cf "by_entity"  entity_id 00 day:u32 relation_id:u64  -> IndexValue RelationValue
//  cf "by_pair"    low_id 00 high_id 00 day:u32 relation_id:u64  -> IndexValue
//
//  IndexValue = type:u8 end_day:u32 (OrderedDay of date.EndDay()): enough to
//  apply a timeline's type and window filters without decoding the relation.
//  by_entity also carries a copy of the whole relation so that a timeline
//  page is one range scan (a merge rewrites the copies with the relation);
//  pair timelines are short and read the relations by id.
//
//  relation_id = RelationIdOf(relation) (model.h); it never changes for a
//  stored relation because everything it hashes is part of the key.
//  day = OrderedDay(date.FirstDay()): days since 1970 with the sign bit
//  flipped, so undated relations (INT32_MIN) sort before every dated one.
//  by_entity holds one key per endpoint (one for a self-loop); by_pair one
//  key per relation under its endpoints in byte order (low_id <= high_id).
//  alias_norm is NormalizeAlias() of the entity's id, id code, name and
//  aliases; "edges" duplicates the few fields the graph view needs so that
//  building the view scans small values only.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace entente::graph::internal {

inline constexpr char kMetadataCf[] = "metadata";
inline constexpr char kEntitiesCf[] = "entities";
inline constexpr char kAliasesCf[] = "aliases";
inline constexpr char kRelationsCf[] = "relations";
inline constexpr char kEdgesCf[] = "edges";
inline constexpr char kByEntityCf[] = "by_entity";
inline constexpr char kByPairCf[] = "by_pair";
// All column families in handle order (index 0 is RocksDB's "default").
std::vector<std::string> ColumnFamilyNames();
enum CfIndex {
  kDefault = 0,
  kMetadata,
  kEntities,
  kAliases,
  kRelations,
  kEdges,
  kByEntity,
  kByPair,
  kCfCount
};

inline constexpr char kSchemaVersionKey[] = "schema_version";
inline constexpr char kFormatKey[] = "format";
inline constexpr char kFormatValue[] = "entente-graph";
inline constexpr int kSchemaVersion = 2;  // 2: edges carry reports and flags.

std::string RelationKey(uint64_t relation_id);
// Prefix of all by_entity keys of one entity: entity_id 00.
std::string EntityPrefix(absl::string_view entity_id);
// Prefix of all by_pair keys of an unordered pair: low 00 high 00.
std::string PairPrefix(absl::string_view a, absl::string_view b);
// prefix + day + relation id.
std::string TimelineKey(absl::string_view prefix, int32_t first_day,
                        uint64_t relation_id);
// Splits the 12-byte tail of a timeline key; false when too short.
bool ParseTimelineTail(absl::string_view key, int32_t* first_day, uint64_t* relation_id);
std::string IndexValue(RelationType type, int32_t end_day);
// Parses the 5-byte IndexValue at the start of `value`.
bool ParseIndexValue(absl::string_view value, RelationType* type, int32_t* end_day);
inline constexpr size_t kIndexValueSize = 5;
// The smallest key greater than every key starting with `prefix` (which
// ends in 00, so the successor just bumps that byte).
std::string PrefixEnd(absl::string_view prefix);

// Lower-cased ASCII, runs of whitespace/punctuation ' ' '-' '_' '.' as one
// space, trimmed. Non-ASCII bytes are kept as they are.
std::string NormalizeAlias(absl::string_view text);
std::string AliasKey(absl::string_view alias_norm, absl::string_view entity_id);
// The normalized search keys of an entity: its id, id code ("kaz" of
// "country:KAZ"), name and aliases.
std::set<std::string> EntitySearchKeys(const Entity& entity);

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_KEYS_H_
