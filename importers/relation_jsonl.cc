#include "importers/relation_jsonl.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/json_string.h"
#include "common/status_macros.h"
#include "simdjson.h"

namespace entente::importers {
namespace {

void AppendDouble(double v, std::string* out) {
  std::string s = absl::StrCat(v);
  if (std::strtod(s.c_str(), nullptr) != v) s = absl::StrFormat("%.17g", v);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  out->append(s);
}

void AppendEndpoint(const graph::EntityRef& e, std::string* out) {
  out->append("{\"id\":");
  common::AppendJsonString(e.id, out);
  out->append(",\"name\":");
  common::AppendJsonString(e.name, out);
  out->append(",\"kind\":");
  common::AppendJsonString(graph::EntityKindName(e.kind), out);
  out->push_back('}');
}

void AppendAttribute(const graph::AttributeValue& value, std::string* out) {
  if (const auto* i = std::get_if<int64_t>(&value)) {
    absl::StrAppend(out, *i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    AppendDouble(*d, out);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    common::AppendJsonString(*s, out);
  } else {
    out->push_back('[');
    const auto& list = std::get<std::vector<std::string>>(value);
    for (size_t k = 0; k < list.size(); ++k) {
      if (k) out->push_back(',');
      common::AppendJsonString(list[k], out);
    }
    out->push_back(']');
  }
}

absl::Status Bad(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("relation line: ", why));
}

using Object = simdjson::dom::object;

// The string at `key`, or "" when missing or not a string.
std::string_view StringAt(Object o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return {};
  return v;
}

// Assigns into existing storage (no allocation when it is large enough).
void Assign(std::string_view v, std::string* out) { out->assign(v.data(), v.size()); }

absl::Status ParseEndpoint(Object o, const char* key, graph::EntityRef* r) {
  Object e;
  if (o[key].get_object().get(e))
    return Bad(absl::StrCat("\"", key, "\" is not an object"));
  std::string_view id = StringAt(e, "id");
  if (id.empty()) return Bad(absl::StrCat("\"", key, "\" has no \"id\""));
  Assign(id, &r->id);
  Assign(StringAt(e, "name"), &r->name);
  std::string_view kind = StringAt(e, "kind");
  std::optional<graph::EntityKind> k =
      graph::ParseEntityKind(absl::string_view(kind.data(), kind.size()));
  r->kind = k ? *k : graph::KindOfId(r->id);
  return absl::OkStatus();
}

// "YYYY-MM-DD", the common case, without DateWithPrecision::Parse's
// allocation; false for anything else, which Parse then judges.
bool ParseDayFast(std::string_view t, graph::DateWithPrecision* out) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  int v[3] = {0, 0, 0};
  for (size_t i = 0, part = 0; i < t.size(); ++i) {
    if (i == 4 || i == 7) {
      ++part;
      continue;
    }
    if (t[i] < '0' || t[i] > '9') return false;
    v[part] = v[part] * 10 + (t[i] - '0');
  }
  if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
      v[2] > graph::DaysInMonth(v[0], v[1])) {
    return false;
  }
  *out = graph::DateWithPrecision::Day(v[0], v[1], v[2]);
  return true;
}

absl::Status ParseDateField(Object o, const char* key, graph::DateWithPrecision* out) {
  std::string_view text = StringAt(o, key);
  if (ParseDayFast(text, out)) return absl::OkStatus();
  auto d = graph::DateWithPrecision::Parse(absl::string_view(text.data(), text.size()));
  if (!d.ok()) return Bad(absl::StrCat("\"", key, "\": ", d.status().message()));
  *out = *d;
  return absl::OkStatus();
}

absl::Status ParseAttribute(std::string_view key, simdjson::dom::element v,
                            graph::AttributeValue* out) {
  int64_t i;
  double d;
  std::string_view s;
  simdjson::dom::array list;
  if (v.is_int64() && !v.get_int64().get(i)) {
    *out = i;
  } else if (v.is_double() && !v.get_double().get(d)) {
    *out = d;
  } else if (!v.get_string().get(s)) {
    *out = std::string(s);
  } else if (!v.get_array().get(list)) {
    std::vector<std::string> items;
    for (simdjson::dom::element e : list) {
      if (e.get_string().get(s)) {
        return Bad(absl::StrCat("attribute \"", absl::string_view(key.data(), key.size()),
                                "\": not strings"));
      }
      items.emplace_back(s);
    }
    *out = std::move(items);
  } else {
    return Bad(absl::StrCat("attribute \"", absl::string_view(key.data(), key.size()),
                            "\" has an unsupported value"));
  }
  return absl::OkStatus();
}

absl::Status ParseProvenance(simdjson::dom::element e, graph::Provenance* q) {
  Object p;
  if (e.get_object().get(p)) return Bad("provenance entry is not an object");
  int64_t n = 0;
  q->item = p["item"].get_int64().get(n) ? 0 : static_cast<int>(n);
  q->start = p["start"].get_int64().get(n) ? 0 : n;
  q->end = p["end"].get_int64().get(n) ? 0 : n;
  Assign(StringAt(p, "outlet"), &q->outlet);
  Assign(StringAt(p, "headline"), &q->headline);
  Assign(StringAt(p, "quote"), &q->quote);
  Assign(StringAt(p, "document"), &q->document);
  Assign(StringAt(p, "extractor"), &q->extractor);
  return ParseDateField(p, "reported", &q->reported);
}

// Fills every field of *r from the line's object.
absl::Status ParseRelation(Object o, graph::Relation* r) {
  std::string_view type = StringAt(o, "type");
  std::optional<graph::RelationType> t =
      graph::ParseRelationType(absl::string_view(type.data(), type.size()));
  if (!t || *t == graph::RelationType::kUnspecified) {
    return Bad(absl::StrCat("unknown \"type\" '",
                            absl::string_view(type.data(), type.size()), "'"));
  }
  r->type = *t;
  ENTENTE_RETURN_IF_ERROR(ParseEndpoint(o, "source", &r->source));
  ENTENTE_RETURN_IF_ERROR(ParseEndpoint(o, "target", &r->target));
  ENTENTE_RETURN_IF_ERROR(ParseDateField(o, "date", &r->date));
  ENTENTE_RETURN_IF_ERROR(ParseDateField(o, "reported", &r->reported));
  double confidence = 0;
  r->confidence = o["confidence"].get_double().get(confidence) ? 0.0 : confidence;
  r->attributes.clear();
  Object attributes;
  if (!o["attributes"].get_object().get(attributes)) {
    for (auto field : attributes) {
      graph::AttributeValue value;
      ENTENTE_RETURN_IF_ERROR(ParseAttribute(field.key, field.value, &value));
      r->attributes[std::string(field.key)] = std::move(value);
    }
  }
  size_t count = 0;
  simdjson::dom::array provenance;
  if (!o["provenance"].get_array().get(provenance)) {
    for (simdjson::dom::element e : provenance) {
      if (count == r->provenance.size()) r->provenance.emplace_back();
      ENTENTE_RETURN_IF_ERROR(ParseProvenance(e, &r->provenance[count]));
      ++count;
    }
  }
  r->provenance.resize(count);
  return absl::OkStatus();
}

}  // namespace

std::string RelationToJsonLine(const graph::Relation& r) {
  std::string out = "{\"type\":";
  common::AppendJsonString(graph::RelationTypeName(r.type), &out);
  out.append(",\"source\":");
  AppendEndpoint(r.source, &out);
  out.append(",\"target\":");
  AppendEndpoint(r.target, &out);
  out.append(",\"date\":");
  common::AppendJsonString(r.date.ToString(), &out);
  out.append(",\"reported\":");
  common::AppendJsonString(r.reported.ToString(), &out);
  out.append(",\"attributes\":{");
  bool first = true;
  for (const auto& [key, value] : r.attributes) {
    if (!first) out.push_back(',');
    first = false;
    common::AppendJsonString(key, &out);
    out.push_back(':');
    AppendAttribute(value, &out);
  }
  out.append("},\"confidence\":");
  AppendDouble(r.confidence, &out);
  out.append(",\"provenance\":[");
  for (size_t k = 0; k < r.provenance.size(); ++k) {
    const graph::Provenance& p = r.provenance[k];
    if (k) out.push_back(',');
    absl::StrAppend(&out, "{\"item\":", p.item, ",\"outlet\":");
    common::AppendJsonString(p.outlet, &out);
    out.append(",\"headline\":");
    common::AppendJsonString(p.headline, &out);
    out.append(",\"reported\":");
    common::AppendJsonString(p.reported.ToString(), &out);
    out.append(",\"quote\":");
    common::AppendJsonString(p.quote, &out);
    absl::StrAppend(&out, ",\"start\":", p.start, ",\"end\":", p.end, ",\"document\":");
    common::AppendJsonString(p.document, &out);
    out.append(",\"extractor\":");
    common::AppendJsonString(p.extractor, &out);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

RelationLineParser::RelationLineParser()
    : parser_(std::make_unique<simdjson::dom::parser>()) {}
RelationLineParser::~RelationLineParser() = default;

absl::Status RelationLineParser::Parse(absl::string_view line,
                                       graph::Relation* relation) {
  simdjson::dom::element root;
  if (auto error = parser_->parse(line.data(), line.size()).get(root)) {
    return Bad(absl::StrCat("not JSON: ", simdjson::error_message(error)));
  }
  Object o;
  if (root.get_object().get(o)) return Bad("not a JSON object");
  return ParseRelation(o, relation);
}

absl::StatusOr<graph::Relation> RelationFromJsonLine(absl::string_view line) {
  RelationLineParser parser;
  graph::Relation r;
  ENTENTE_RETURN_IF_ERROR(parser.Parse(line, &r));
  return r;
}

}  // namespace entente::importers
