#include "importers/relation_jsonl.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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
  AppendJsonString(e.id, out);
  out->append(",\"name\":");
  AppendJsonString(e.name, out);
  out->append(",\"kind\":");
  AppendJsonString(graph::EntityKindName(e.kind), out);
  out->push_back('}');
}

void AppendAttribute(const graph::AttributeValue& value, std::string* out) {
  if (const auto* i = std::get_if<int64_t>(&value)) {
    absl::StrAppend(out, *i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    AppendDouble(*d, out);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    AppendJsonString(*s, out);
  } else {
    out->push_back('[');
    const auto& list = std::get<std::vector<std::string>>(value);
    for (size_t k = 0; k < list.size(); ++k) {
      if (k) out->push_back(',');
      AppendJsonString(list[k], out);
    }
    out->push_back(']');
  }
}

absl::Status Bad(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("relation line: ", why));
}

using Object = simdjson::dom::object;

std::string GetString(Object o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return "";
  return std::string(v);
}

absl::StatusOr<graph::EntityRef> ParseEndpoint(Object o, const char* key) {
  Object e;
  if (o[key].get_object().get(e))
    return Bad(absl::StrCat("\"", key, "\" is not an object"));
  graph::EntityRef r;
  r.id = GetString(e, "id");
  if (r.id.empty()) return Bad(absl::StrCat("\"", key, "\" has no \"id\""));
  r.name = GetString(e, "name");
  std::string kind = GetString(e, "kind");
  std::optional<graph::EntityKind> k = graph::ParseEntityKind(kind);
  r.kind = k ? *k : graph::KindOfId(r.id);
  return r;
}

absl::StatusOr<graph::DateWithPrecision> ParseDateField(Object o, const char* key) {
  auto d = graph::DateWithPrecision::Parse(GetString(o, key));
  if (!d.ok()) return Bad(absl::StrCat("\"", key, "\": ", d.status().message()));
  return *d;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          absl::StrAppendFormat(out, "\\u%04x", c);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

std::string RelationToJsonLine(const graph::Relation& r) {
  std::string out = "{\"type\":";
  AppendJsonString(graph::RelationTypeName(r.type), &out);
  out.append(",\"source\":");
  AppendEndpoint(r.source, &out);
  out.append(",\"target\":");
  AppendEndpoint(r.target, &out);
  out.append(",\"date\":");
  AppendJsonString(r.date.ToString(), &out);
  out.append(",\"reported\":");
  AppendJsonString(r.reported.ToString(), &out);
  out.append(",\"attributes\":{");
  bool first = true;
  for (const auto& [key, value] : r.attributes) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(key, &out);
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
    AppendJsonString(p.outlet, &out);
    out.append(",\"headline\":");
    AppendJsonString(p.headline, &out);
    out.append(",\"reported\":");
    AppendJsonString(p.reported.ToString(), &out);
    out.append(",\"quote\":");
    AppendJsonString(p.quote, &out);
    absl::StrAppend(&out, ",\"start\":", p.start, ",\"end\":", p.end, ",\"document\":");
    AppendJsonString(p.document, &out);
    out.append(",\"extractor\":");
    AppendJsonString(p.extractor, &out);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

absl::StatusOr<graph::Relation> RelationFromJsonLine(absl::string_view line) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(line.data(), line.size());
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    return Bad(absl::StrCat("not JSON: ", simdjson::error_message(error)));
  }
  Object o;
  if (root.get_object().get(o)) return Bad("not a JSON object");
  graph::Relation r;
  std::string type = GetString(o, "type");
  std::optional<graph::RelationType> t = graph::ParseRelationType(type);
  if (!t || *t == graph::RelationType::kUnspecified) {
    return Bad(absl::StrCat("unknown \"type\" '", type, "'"));
  }
  r.type = *t;
  auto source = ParseEndpoint(o, "source");
  if (!source.ok()) return source.status();
  auto target = ParseEndpoint(o, "target");
  if (!target.ok()) return target.status();
  r.source = *source;
  r.target = *target;
  auto date = ParseDateField(o, "date");
  if (!date.ok()) return date.status();
  r.date = *date;
  auto reported = ParseDateField(o, "reported");
  if (!reported.ok()) return reported.status();
  r.reported = *reported;
  double confidence = 0;
  if (!o["confidence"].get_double().get(confidence)) r.confidence = confidence;
  Object attributes;
  if (!o["attributes"].get_object().get(attributes)) {
    for (auto field : attributes) {
      std::string key(field.key);
      simdjson::dom::element v = field.value;
      int64_t i;
      double d;
      std::string_view s;
      simdjson::dom::array list;
      if (v.is_int64() && !v.get_int64().get(i)) {
        r.attributes[key] = i;
      } else if (v.is_double() && !v.get_double().get(d)) {
        r.attributes[key] = d;
      } else if (!v.get_string().get(s)) {
        r.attributes[key] = std::string(s);
      } else if (!v.get_array().get(list)) {
        std::vector<std::string> items;
        for (simdjson::dom::element e : list) {
          if (e.get_string().get(s))
            return Bad(absl::StrCat("attribute \"", key, "\": not strings"));
          items.emplace_back(s);
        }
        r.attributes[key] = std::move(items);
      } else {
        return Bad(absl::StrCat("attribute \"", key, "\" has an unsupported value"));
      }
    }
  }
  simdjson::dom::array provenance;
  if (!o["provenance"].get_array().get(provenance)) {
    for (simdjson::dom::element e : provenance) {
      Object p;
      if (e.get_object().get(p)) return Bad("provenance entry is not an object");
      graph::Provenance q;
      int64_t n = 0;
      if (!p["item"].get_int64().get(n)) q.item = static_cast<int>(n);
      if (!p["start"].get_int64().get(n)) q.start = n;
      if (!p["end"].get_int64().get(n)) q.end = n;
      q.outlet = GetString(p, "outlet");
      q.headline = GetString(p, "headline");
      q.quote = GetString(p, "quote");
      q.document = GetString(p, "document");
      q.extractor = GetString(p, "extractor");
      auto rep = ParseDateField(p, "reported");
      if (!rep.ok()) return rep.status();
      q.reported = *rep;
      r.provenance.push_back(std::move(q));
    }
  }
  return r;
}

}  // namespace entente::importers
