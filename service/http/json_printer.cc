#include "service/http/json_printer.h"

#include <charconv>
#include <cmath>
#include <deque>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/json_string.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"

namespace entente::service::http {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

void AppendDouble(double value, std::string& out) {
  if (std::isnan(value)) {
    out += "\"NaN\"";
  } else if (std::isinf(value)) {
    out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    char buffer[32];
    // The shortest text that reads back as the same double.
    auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out.append(buffer, result.ptr);
  }
}

bool IsWellKnown(const Descriptor& type) {
  return absl::StartsWith(type.full_name(), "google.protobuf.");
}

void AppendMessage(const Message& message, std::string& out, int depth);

// One value of `field`: element `index` of a repeated field, or the singular
// value when index < 0.
void AppendValue(const Message& message, const FieldDescriptor& field, int index,
                 std::string& out, int depth) {
  const Reflection& r = *message.GetReflection();
  const bool repeated = index >= 0;
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(&out, repeated ? r.GetRepeatedInt32(message, &field, index)
                                     : r.GetInt32(message, &field));
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(&out, repeated ? r.GetRepeatedUInt32(message, &field, index)
                                     : r.GetUInt32(message, &field));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(&out, "\"",
                      repeated ? r.GetRepeatedInt64(message, &field, index)
                               : r.GetInt64(message, &field),
                      "\"");
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(&out, "\"",
                      repeated ? r.GetRepeatedUInt64(message, &field, index)
                               : r.GetUInt64(message, &field),
                      "\"");
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      AppendDouble(repeated ? r.GetRepeatedDouble(message, &field, index)
                            : r.GetDouble(message, &field),
                   out);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      AppendDouble(repeated ? r.GetRepeatedFloat(message, &field, index)
                            : r.GetFloat(message, &field),
                   out);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      out += (repeated ? r.GetRepeatedBool(message, &field, index)
                       : r.GetBool(message, &field))
                 ? "true"
                 : "false";
      break;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = repeated ? r.GetRepeatedEnumValue(message, &field, index)
                                  : r.GetEnumValue(message, &field);
      const auto* value = field.enum_type()->FindValueByNumber(number);
      if (value != nullptr) {
        common::AppendJsonString(value->name(), &out);
      } else {
        absl::StrAppend(&out, number);
      }
      break;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& text =
          repeated ? r.GetRepeatedStringReference(message, &field, index, &scratch)
                   : r.GetStringReference(message, &field, &scratch);
      if (field.type() == FieldDescriptor::TYPE_BYTES) {
        common::AppendJsonString(absl::Base64Escape(text), &out);
      } else {
        common::AppendJsonString(text, &out);
      }
      break;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      AppendMessage(repeated ? r.GetRepeatedMessage(message, &field, index)
                             : r.GetMessage(message, &field),
                    out, depth + 1);
      break;
  }
}

// A map field: {"key": value, ...}, in the order of its entries.
void AppendMap(const Message& message, const FieldDescriptor& field, std::string& out,
               int depth) {
  const Reflection& r = *message.GetReflection();
  const FieldDescriptor& key = *field.message_type()->map_key();
  const FieldDescriptor& value = *field.message_type()->map_value();
  out += '{';
  const int size = r.FieldSize(message, &field);
  for (int i = 0; i < size; ++i) {
    const Message& entry = r.GetRepeatedMessage(message, &field, i);
    if (i > 0) out += ',';
    if (key.cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      AppendValue(entry, key, -1, out, depth);
    } else {
      // Keys are strings in JSON, whatever their proto type.
      std::string text;
      AppendValue(entry, key, -1, text, depth);
      if (!absl::StartsWith(text, "\"")) text = absl::StrCat("\"", text, "\"");
      out += text;
    }
    out += ':';
    AppendValue(entry, value, -1, out, depth);
  }
  out += '}';
}

// The field lists of the messages being printed, one per nesting depth, kept
// between calls so that printing a message allocates none. A deque, so that a
// deeper level added while a shallower one is in use does not move it.
std::vector<const FieldDescriptor*>& FieldScratch(int depth) {
  thread_local std::deque<std::vector<const FieldDescriptor*>> scratch;
  if (static_cast<size_t>(depth) >= scratch.size()) scratch.resize(depth + 1);
  return scratch[depth];
}

void AppendMessage(const Message& message, std::string& out, int depth) {
  if (IsWellKnown(*message.GetDescriptor())) {
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(message, &json);
    out += json;
    return;
  }
  const Reflection& r = *message.GetReflection();
  std::vector<const FieldDescriptor*>& fields = FieldScratch(depth);
  fields.clear();
  r.ListFields(message, &fields);  // Set fields only, by number.
  out += '{';
  bool first = true;
  for (const FieldDescriptor* field : fields) {
    if (!first) out += ',';
    first = false;
    common::AppendJsonString(field->json_name(), &out);
    out += ':';
    if (field->is_map()) {
      AppendMap(message, *field, out, depth);
    } else if (field->is_repeated()) {
      out += '[';
      const int size = r.FieldSize(message, field);
      for (int i = 0; i < size; ++i) {
        if (i > 0) out += ',';
        AppendValue(message, *field, i, out, depth);
      }
      out += ']';
    } else {
      AppendValue(message, *field, -1, out, depth);
    }
  }
  out += '}';
}

}  // namespace

std::string PrintJson(const Message& message) {
  std::string out;
  out.reserve(4096);
  AppendMessage(message, out, 0);
  return out;
}

}  // namespace entente::service::http
