#include "graph/internal/records.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "graph/internal/coding.h"

namespace entente::graph::internal {
namespace {

constexpr uint8_t kFormat = 1;
// Edge records are at format 2 since schema version 2.
constexpr uint8_t kEdgeFormat = 2;
constexpr uint8_t kEndsStatesFlag = 1;  // EndsLastingStates().

void PutDate(std::string* out, const DateWithPrecision& date) {
  out->push_back(static_cast<char>(date.precision));
  PutVarint(out, static_cast<uint64_t>(date.year));
  out->push_back(static_cast<char>(date.month));
  out->push_back(static_cast<char>(date.day));
}

bool ReadDate(ByteReader* in, DateWithPrecision* date) {
  uint8_t precision, month, day;
  uint64_t year;
  if (!in->Byte(&precision) || !in->Varint(&year) || !in->Byte(&month) ||
      !in->Byte(&day) || precision > 3 || year > 9999) {
    return false;
  }
  *date = {static_cast<int>(year), month, day, static_cast<DatePrecision>(precision)};
  return true;
}

void PutRef(std::string* out, const EntityRef& ref) {
  PutString(out, ref.id);
  PutString(out, ref.name);
  out->push_back(static_cast<char>(ref.kind));
}

bool ReadString(ByteReader* in, std::string* out) {
  absl::string_view view;
  if (!in->String(&view)) return false;
  out->assign(view.data(), view.size());
  return true;
}

bool ReadKind(ByteReader* in, EntityKind* kind) {
  uint8_t byte;
  if (!in->Byte(&byte) || byte >= kEntityKindCount) return false;
  *kind = static_cast<EntityKind>(byte);
  return true;
}

bool ReadRef(ByteReader* in, EntityRef* ref) {
  return ReadString(in, &ref->id) && ReadString(in, &ref->name) &&
         ReadKind(in, &ref->kind);
}

void PutAttribute(std::string* out, const AttributeValue& value) {
  if (const auto* i = std::get_if<int64_t>(&value)) {
    out->push_back(0);
    PutVarint(out, (static_cast<uint64_t>(*i) << 1) ^ static_cast<uint64_t>(*i >> 63));
  } else if (const auto* d = std::get_if<double>(&value)) {
    out->push_back(1);
    PutDouble(out, *d);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    out->push_back(2);
    PutString(out, *s);
  } else {
    const auto& list = std::get<std::vector<std::string>>(value);
    out->push_back(3);
    PutVarint(out, list.size());
    for (const auto& s2 : list) PutString(out, s2);
  }
}

bool ReadAttribute(ByteReader* in, AttributeValue* value) {
  uint8_t tag;
  if (!in->Byte(&tag)) return false;
  switch (tag) {
    case 0: {
      uint64_t z;
      if (!in->Varint(&z)) return false;
      *value = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
      return true;
    }
    case 1: {
      double d;
      if (!in->Double(&d)) return false;
      *value = d;
      return true;
    }
    case 2: {
      std::string s;
      if (!ReadString(in, &s)) return false;
      *value = std::move(s);
      return true;
    }
    case 3: {
      uint64_t n;
      if (!in->Varint(&n) || n > (1u << 20)) return false;
      std::vector<std::string> list(n);
      for (auto& s : list) {
        if (!ReadString(in, &s)) return false;
      }
      *value = std::move(list);
      return true;
    }
  }
  return false;
}

void PutProvenance(std::string* out, const Provenance& p) {
  PutVarint(out, static_cast<uint64_t>(p.item));
  PutString(out, p.outlet);
  PutString(out, p.headline);
  PutDate(out, p.reported);
  PutString(out, p.quote);
  PutVarint(out, static_cast<uint64_t>(p.start));
  PutVarint(out, static_cast<uint64_t>(p.end));
  PutString(out, p.document);
  PutString(out, p.extractor);
}

bool ReadProvenance(ByteReader* in, Provenance* p) {
  uint64_t item, start, end;
  if (!in->Varint(&item) || !ReadString(in, &p->outlet) ||
      !ReadString(in, &p->headline) || !ReadDate(in, &p->reported) ||
      !ReadString(in, &p->quote) || !in->Varint(&start) || !in->Varint(&end) ||
      !ReadString(in, &p->document) || !ReadString(in, &p->extractor)) {
    return false;
  }
  p->item = static_cast<int>(item);
  p->start = static_cast<int64_t>(start);
  p->end = static_cast<int64_t>(end);
  return true;
}

absl::Status Corrupt(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("corrupt ", what, " record in the store"));
}

}  // namespace

void EncodeRelation(const Relation& r, std::string* out) {
  out->push_back(static_cast<char>(kFormat));
  out->push_back(static_cast<char>(r.type));
  PutRef(out, r.source);
  PutRef(out, r.target);
  PutDate(out, r.date);
  PutDate(out, r.reported);
  PutDouble(out, r.confidence);
  PutVarint(out, r.attributes.size());
  for (const auto& [key, value] : r.attributes) {
    PutString(out, key);
    PutAttribute(out, value);
  }
  PutVarint(out, r.provenance.size());
  for (const Provenance& p : r.provenance) PutProvenance(out, p);
}

absl::StatusOr<Relation> DecodeRelation(absl::string_view bytes) {
  ByteReader in(bytes);
  Relation r;
  uint8_t format, type;
  uint64_t n;
  if (!in.Byte(&format) || format != kFormat || !in.Byte(&type) ||
      type >= kRelationTypeCount || !ReadRef(&in, &r.source) ||
      !ReadRef(&in, &r.target) || !ReadDate(&in, &r.date) ||
      !ReadDate(&in, &r.reported) || !in.Double(&r.confidence) || !in.Varint(&n)) {
    return Corrupt("relation");
  }
  r.type = static_cast<RelationType>(type);
  for (uint64_t i = 0; i < n; ++i) {
    std::string key;
    AttributeValue value;
    if (!ReadString(&in, &key) || !ReadAttribute(&in, &value)) return Corrupt("relation");
    r.attributes.emplace(std::move(key), std::move(value));
  }
  if (!in.Varint(&n) || n > bytes.size()) return Corrupt("relation");
  r.provenance.resize(n);
  for (Provenance& p : r.provenance) {
    if (!ReadProvenance(&in, &p)) return Corrupt("relation");
  }
  if (!in.done()) return Corrupt("relation");
  return r;
}

void EncodeEntity(const Entity& entity, std::string* out) {
  out->push_back(static_cast<char>(kFormat));
  PutString(out, entity.name);
  out->push_back(static_cast<char>(entity.kind));
  PutVarint(out, entity.aliases.size());
  for (const auto& alias : entity.aliases) PutString(out, alias);
}

absl::StatusOr<Entity> DecodeEntity(absl::string_view id, absl::string_view bytes) {
  ByteReader in(bytes);
  Entity entity;
  entity.id = std::string(id);
  uint8_t format;
  uint64_t n;
  if (!in.Byte(&format) || format != kFormat || !ReadString(&in, &entity.name) ||
      !ReadKind(&in, &entity.kind) || !in.Varint(&n) || n > bytes.size()) {
    return Corrupt("entity");
  }
  entity.aliases.resize(n);
  for (auto& alias : entity.aliases) {
    if (!ReadString(&in, &alias)) return Corrupt("entity");
  }
  if (!in.done()) return Corrupt("entity");
  return entity;
}

absl::StatusOr<EntityKind> DecodeEntityKind(absl::string_view bytes) {
  ByteReader in(bytes);
  uint8_t format;
  absl::string_view name;
  EntityKind kind;
  if (!in.Byte(&format) || format != kFormat || !in.String(&name) ||
      !ReadKind(&in, &kind)) {
    return Corrupt("entity");
  }
  return kind;
}

void EncodeEdge(const Relation& r, std::string* out) {
  out->push_back(static_cast<char>(kEdgeFormat));
  out->push_back(static_cast<char>(r.type));
  PutFixed32BE(out, OrderedDay(r.date.FirstDay()));
  PutFixed32BE(out, OrderedDay(r.date.EndDay()));
  PutFixed32BE(out, OrderedDay(r.reported.FirstDay()));
  PutVarint(out, IndependentReports(r));
  out->push_back(static_cast<char>(EndsLastingStates(r) ? kEndsStatesFlag : 0));
  PutString(out, r.source.id);
  PutString(out, r.target.id);
}

absl::StatusOr<EdgeRecord> DecodeEdge(absl::string_view bytes) {
  ByteReader in(bytes);
  EdgeRecord e;
  uint8_t format, type, flags;
  uint32_t first, end, reported;
  uint64_t reports;
  if (!in.Byte(&format) || format != kEdgeFormat || !in.Byte(&type) ||
      type >= kRelationTypeCount || !in.Fixed32BE(&first) || !in.Fixed32BE(&end) ||
      !in.Fixed32BE(&reported) || !in.Varint(&reports) || reports == 0 ||
      reports > 65535 || !in.Byte(&flags) || (flags & ~kEndsStatesFlag) != 0 ||
      !in.String(&e.source) || !in.String(&e.target) || !in.done()) {
    return Corrupt("edge");
  }
  e.type = static_cast<RelationType>(type);
  e.first_day = DayFromOrdered(first);
  e.end_day = DayFromOrdered(end);
  e.reported_day = DayFromOrdered(reported);
  e.reports = static_cast<uint16_t>(reports);
  e.ends_states = (flags & kEndsStatesFlag) != 0;
  return e;
}

}  // namespace entente::graph::internal
