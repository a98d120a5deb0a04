#ifndef ENTENTE_SERVICE_CONVERT_H_
#define ENTENTE_SERVICE_CONVERT_H_

// The one place where the domain model (graph/model.h) and the entente.v1 protos
// meet. Model → proto conversions cannot fail; proto → model conversions of
// request fields validate and fail with InvalidFieldError naming the field.
//
// The proto enums RelationType, EntityKind and DatePrecision use the same
// numbers as the model's enums.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "entente/v1/entity.pb.h"
#include "entente/v1/relation.pb.h"
#include "google/protobuf/repeated_field.h"
#include "graph/model.h"

namespace entente::service {

v1::EntityKind ToProto(graph::EntityKind kind);
v1::RelationType ToProto(graph::RelationType type);
void ToProto(const graph::Entity& entity, v1::Entity* out);
// Id, name and kind only. Entities inside paths, neighbourhoods and rankings
// are listed without their aliases: those can be long and the client asks
// GetEntity when it wants them.
void ToProtoWithoutAliases(const graph::Entity& entity, v1::Entity* out);
void ToProto(const graph::EntityRef& ref, v1::EntityRef* out);
void ToProto(const graph::DateWithPrecision& date, v1::Date* out);
void ToProto(const graph::Provenance& provenance, v1::Provenance* out);
void ToProto(const graph::AttributeValue& value, v1::AttributeValue* out);
// Fills every field; the id is RelationIdString(RelationIdOf(relation)).
void ToProto(const graph::Relation& relation, v1::Relation* out);
// The same, moving the strings out of `relation` (answers carry hundreds of
// them, and copying showed in profiles).
void ToProto(graph::Relation&& relation, v1::Relation* out);

// A relation id as the API shows it: sixteen lower-case hexadecimal digits.
std::string RelationIdString(uint64_t id);
// Accepts RelationIdString's form (with or without "0x"); InvalidArgument else.
absl::StatusOr<uint64_t> ParseRelationId(absl::string_view text);

// Proto → model, for clients (the CLI renders responses with model types).
// Unknown enum numbers become kUnspecified; a malformed date becomes kNone.
graph::EntityKind FromProto(v1::EntityKind kind);
graph::RelationType FromProto(v1::RelationType type);
graph::Entity FromProto(const v1::Entity& entity);
graph::EntityRef FromProto(const v1::EntityRef& ref);
graph::DateWithPrecision FromProto(const v1::Date& date);
graph::Provenance FromProto(const v1::Provenance& provenance);
graph::AttributeValue FromProto(const v1::AttributeValue& value);
graph::Relation FromProto(const v1::Relation& relation);

// Request fields → query parameters. `field` is the request field's path, used
// in errors ("window.since").
//
// An unset window is unbounded; `since` starts at the first day its date covers
// and `until` ends after the last day its date covers. since after until fails.
absl::StatusOr<graph::TimeWindow> WindowFromProto(const v1::TimeWindow& window,
                                                  absl::string_view field);
// Empty means all types; RELATION_TYPE_UNSPECIFIED or an unknown number fails.
absl::StatusOr<graph::RelationTypeSet> TypesFromProto(
    const google::protobuf::RepeatedField<int>& types, absl::string_view field);
// A bit mask (1 << EntityKind); ENTITY_KIND_UNSPECIFIED or unknown numbers fail.
absl::StatusOr<uint32_t> KindMaskFromProto(
    const google::protobuf::RepeatedField<int>& kinds, absl::string_view field);
// The last day (days since 1970-01-01) a date covers; INT32_MAX for "".
absl::StatusOr<int32_t> LastDayFromString(absl::string_view date,
                                          absl::string_view field);

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_CONVERT_H_
