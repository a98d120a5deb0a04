#include "service/convert.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "service/grpc_status.h"

namespace entente::service {
namespace {

template <typename To, typename From>
To CheckedEnum(From value, int count) {
  int number = static_cast<int>(value);
  return (number >= 0 && number < count) ? static_cast<To>(number) : To{};
}

}  // namespace

v1::EntityKind ToProto(graph::EntityKind kind) {
  return static_cast<v1::EntityKind>(kind);
}

v1::RelationType ToProto(graph::RelationType type) {
  return static_cast<v1::RelationType>(type);
}

void ToProto(const graph::Entity& entity, v1::Entity* out) {
  out->set_id(entity.id);
  out->set_name(entity.name);
  out->set_kind(ToProto(entity.kind));
  for (const std::string& alias : entity.aliases) out->add_aliases(alias);
}

void ToProtoWithoutAliases(const graph::Entity& entity, v1::Entity* out) {
  out->set_id(entity.id);
  out->set_name(entity.name);
  out->set_kind(ToProto(entity.kind));
}

void ToProto(const graph::EntityRef& ref, v1::EntityRef* out) {
  out->set_id(ref.id);
  out->set_name(ref.name);
  out->set_kind(ToProto(ref.kind));
}

void ToProto(const graph::DateWithPrecision& date, v1::Date* out) {
  out->set_value(date.ToString());
  out->set_precision(static_cast<v1::DatePrecision>(date.precision));
}

void ToProto(const graph::Provenance& provenance, v1::Provenance* out) {
  out->set_item(provenance.item);
  out->set_outlet(provenance.outlet);
  out->set_headline(provenance.headline);
  if (provenance.reported.known()) ToProto(provenance.reported, out->mutable_reported());
  out->set_quote(provenance.quote);
  out->set_start(provenance.start);
  out->set_end(provenance.end);
  out->set_document(provenance.document);
  out->set_extractor(provenance.extractor);
}

void ToProto(const graph::AttributeValue& value, v1::AttributeValue* out) {
  if (const auto* i = std::get_if<int64_t>(&value)) {
    out->set_int_value(*i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    out->set_double_value(*d);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    out->set_string_value(*s);
  } else {
    auto* list = out->mutable_string_list_value();
    for (const auto& item : std::get<std::vector<std::string>>(value)) {
      list->add_values(item);
    }
  }
}

void ToProto(const graph::Relation& relation, v1::Relation* out) {
  out->set_id(RelationIdString(graph::RelationIdOf(relation)));
  out->set_type(ToProto(relation.type));
  ToProto(relation.source, out->mutable_source());
  ToProto(relation.target, out->mutable_target());
  if (relation.date.known()) ToProto(relation.date, out->mutable_date());
  if (relation.reported.known()) ToProto(relation.reported, out->mutable_reported());
  auto& attributes = *out->mutable_attributes();
  for (const auto& [key, value] : relation.attributes) ToProto(value, &attributes[key]);
  out->set_confidence(relation.confidence);
  for (const graph::Provenance& provenance : relation.provenance) {
    ToProto(provenance, out->add_provenance());
  }
}

void ToProto(graph::Relation&& relation, v1::Relation* out) {
  out->set_id(RelationIdString(graph::RelationIdOf(relation)));
  out->set_type(ToProto(relation.type));
  v1::EntityRef* source = out->mutable_source();
  source->set_id(std::move(relation.source.id));
  source->set_name(std::move(relation.source.name));
  source->set_kind(ToProto(relation.source.kind));
  v1::EntityRef* target = out->mutable_target();
  target->set_id(std::move(relation.target.id));
  target->set_name(std::move(relation.target.name));
  target->set_kind(ToProto(relation.target.kind));
  if (relation.date.known()) ToProto(relation.date, out->mutable_date());
  if (relation.reported.known()) ToProto(relation.reported, out->mutable_reported());
  auto& attributes = *out->mutable_attributes();
  for (const auto& [key, value] : relation.attributes) ToProto(value, &attributes[key]);
  out->set_confidence(relation.confidence);
  out->mutable_provenance()->Reserve(static_cast<int>(relation.provenance.size()));
  for (graph::Provenance& provenance : relation.provenance) {
    v1::Provenance* p = out->add_provenance();
    p->set_item(provenance.item);
    p->set_outlet(std::move(provenance.outlet));
    p->set_headline(std::move(provenance.headline));
    if (provenance.reported.known()) ToProto(provenance.reported, p->mutable_reported());
    p->set_quote(std::move(provenance.quote));
    p->set_start(provenance.start);
    p->set_end(provenance.end);
    p->set_document(std::move(provenance.document));
    p->set_extractor(std::move(provenance.extractor));
  }
}

std::string RelationIdString(uint64_t id) {
  // By hand: this runs for every relation of every answer, and printf-style
  // formatting showed in profiles.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, id >>= 4) out[i] = kHex[id & 0xf];
  return out;
}

absl::StatusOr<uint64_t> ParseRelationId(absl::string_view text) {
  absl::string_view digits = text;
  absl::ConsumePrefix(&digits, "0x");
  uint64_t id = 0;
  if (digits.empty() || digits.size() > 16 || !absl::SimpleHexAtoi(digits, &id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("relation id \"", text, "\" is not 16 hexadecimal digits"));
  }
  return id;
}

graph::EntityKind FromProto(v1::EntityKind kind) {
  return CheckedEnum<graph::EntityKind>(kind, graph::kEntityKindCount);
}

graph::RelationType FromProto(v1::RelationType type) {
  return CheckedEnum<graph::RelationType>(type, graph::kRelationTypeCount);
}

graph::Entity FromProto(const v1::Entity& entity) {
  graph::Entity out{entity.id(), entity.name(), FromProto(entity.kind()), {}};
  out.aliases.assign(entity.aliases().begin(), entity.aliases().end());
  return out;
}

graph::EntityRef FromProto(const v1::EntityRef& ref) {
  return {ref.id(), ref.name(), FromProto(ref.kind())};
}

graph::DateWithPrecision FromProto(const v1::Date& date) {
  absl::StatusOr<graph::DateWithPrecision> parsed =
      graph::DateWithPrecision::Parse(date.value());
  return parsed.ok() ? *parsed : graph::DateWithPrecision{};
}

graph::Provenance FromProto(const v1::Provenance& provenance) {
  graph::Provenance out;
  out.item = provenance.item();
  out.outlet = provenance.outlet();
  out.headline = provenance.headline();
  out.reported = FromProto(provenance.reported());
  out.quote = provenance.quote();
  out.start = provenance.start();
  out.end = provenance.end();
  out.document = provenance.document();
  out.extractor = provenance.extractor();
  return out;
}

graph::AttributeValue FromProto(const v1::AttributeValue& value) {
  switch (value.value_case()) {
    case v1::AttributeValue::kIntValue:
      return value.int_value();
    case v1::AttributeValue::kDoubleValue:
      return value.double_value();
    case v1::AttributeValue::kStringListValue:
      return std::vector<std::string>(value.string_list_value().values().begin(),
                                      value.string_list_value().values().end());
    default:
      return value.string_value();
  }
}

graph::Relation FromProto(const v1::Relation& relation) {
  graph::Relation out;
  out.type = FromProto(relation.type());
  out.source = FromProto(relation.source());
  out.target = FromProto(relation.target());
  out.date = FromProto(relation.date());
  out.reported = FromProto(relation.reported());
  for (const auto& [key, value] : relation.attributes()) {
    out.attributes.emplace(key, FromProto(value));
  }
  out.confidence = relation.confidence();
  for (const v1::Provenance& provenance : relation.provenance()) {
    out.provenance.push_back(FromProto(provenance));
  }
  return out;
}

absl::StatusOr<graph::TimeWindow> WindowFromProto(const v1::TimeWindow& window,
                                                  absl::string_view field) {
  graph::TimeWindow out;
  std::string since_field = absl::StrCat(field, ".since");
  std::string until_field = absl::StrCat(field, ".until");
  if (!window.since().empty()) {
    auto since = graph::DateWithPrecision::Parse(window.since());
    if (!since.ok()) {
      return InvalidFieldError(since_field,
                               absl::StrCat(QuoteInput(window.since()),
                                            " is not YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    out.from_day = since->FirstDay();
  }
  if (!window.until().empty()) {
    auto until = graph::DateWithPrecision::Parse(window.until());
    if (!until.ok()) {
      return InvalidFieldError(until_field,
                               absl::StrCat(QuoteInput(window.until()),
                                            " is not YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    out.to_day = until->EndDay();
  }
  if (out.from_day >= out.to_day) {
    return InvalidFieldError(
        field, absl::StrCat("since \"", window.since(), "\" is after until \"",
                            window.until(), "\""));
  }
  return out;
}

absl::StatusOr<graph::RelationTypeSet> TypesFromProto(
    const google::protobuf::RepeatedField<int>& types, absl::string_view field) {
  graph::RelationTypeSet out;
  for (int type : types) {
    if (type <= 0 || type >= graph::kRelationTypeCount) {
      return InvalidFieldError(field, absl::StrCat(type, " is not a relation type"));
    }
    out.Add(static_cast<graph::RelationType>(type));
  }
  return out;
}

absl::StatusOr<uint32_t> KindMaskFromProto(
    const google::protobuf::RepeatedField<int>& kinds, absl::string_view field) {
  uint32_t mask = 0;
  for (int kind : kinds) {
    if (kind <= 0 || kind >= graph::kEntityKindCount) {
      return InvalidFieldError(field, absl::StrCat(kind, " is not an entity kind"));
    }
    mask |= uint32_t{1} << kind;
  }
  return mask;
}

absl::StatusOr<int32_t> LastDayFromString(absl::string_view date,
                                          absl::string_view field) {
  if (date.empty()) return INT32_MAX;
  auto parsed = graph::DateWithPrecision::Parse(date);
  if (!parsed.ok()) {
    return InvalidFieldError(
        field, absl::StrCat(QuoteInput(date), " is not YYYY, YYYY-MM or YYYY-MM-DD"));
  }
  return parsed->EndDay() - 1;
}

}  // namespace entente::service
