#ifndef ENTENTE_GRAPH_INTERNAL_RECORDS_H_
#define ENTENTE_GRAPH_INTERNAL_RECORDS_H_

// Value encodings of the store (see keys.h for the keys). Each starts with a
// format byte (1) so a later version can change the layout.
//
//  RelationValue: 01 type:u8 source(ref) target(ref) date reported
//                 confidence:f64 n_attrs:varint { key:str tag:u8 value }*
//                 n_prov:varint { provenance }*
//     ref  = id:str name:str kind:u8
//     date = precision:u8 year:varint month:u8 day:u8
//     value: tag 0 int64 (zigzag varint) | 1 f64 | 2 str | 3 n:varint str*
//     provenance = item:varint outlet:str headline:str reported(date)
//                  quote:str start:varint end:varint document:str extractor:str
//  EntityValue:   01 name:str kind:u8 n:varint alias:str*
//  EdgeValue:     02 type:u8 first_day:u32 end_day:u32 reported_day:u32
//                 reports:varint flags:u8 source:str target:str
//                 (days as OrderedDay; reports = IndependentReports, 1..65535;
//                 flags bit 0 = EndsLastingStates). Schema version 1 wrote
//                 format 01, without reports and flags; Store::Open rewrites
//                 those records from their relations.
//
// str = varint length + bytes. Decoders return DataLoss naming the record.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace entente::graph::internal {

void EncodeRelation(const Relation& relation, std::string* out);
absl::StatusOr<Relation> DecodeRelation(absl::string_view bytes);

void EncodeEntity(const Entity& entity, std::string* out);
// Only the kind of an EntityValue (no allocation); DataLoss when malformed.
absl::StatusOr<EntityKind> DecodeEntityKind(absl::string_view bytes);
// `id` is the key; it is not part of the value.
absl::StatusOr<Entity> DecodeEntity(absl::string_view id, absl::string_view bytes);

struct EdgeRecord {
  RelationType type = RelationType::kUnspecified;
  int32_t first_day = INT32_MIN;
  int32_t end_day = INT32_MIN;
  int32_t reported_day = INT32_MIN;
  uint16_t reports = 1;              // IndependentReports().
  bool ends_states = false;          // EndsLastingStates().
  absl::string_view source, target;  // Point into the decoded bytes.
};
void EncodeEdge(const Relation& relation, std::string* out);
absl::StatusOr<EdgeRecord> DecodeEdge(absl::string_view bytes);

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_RECORDS_H_
