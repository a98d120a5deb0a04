#include "service/http/query_request.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "service/grpc_status.h"

namespace entente::service::http {
namespace {

using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

const FieldDescriptor* FindField(const Message& message, absl::string_view name) {
  const google::protobuf::Descriptor* descriptor = message.GetDescriptor();
  const FieldDescriptor* field = descriptor->FindFieldByName(std::string(name));
  return field != nullptr ? field
                          : descriptor->FindFieldByCamelcaseName(std::string(name));
}

// "meeting", "MEETING" or "RELATION_TYPE_MEETING" for RELATION_TYPE_MEETING.
const EnumValueDescriptor* FindEnumValue(const FieldDescriptor& field,
                                         absl::string_view text) {
  const std::string upper = absl::AsciiStrToUpper(text);
  const google::protobuf::EnumDescriptor* type = field.enum_type();
  if (const EnumValueDescriptor* value = type->FindValueByName(upper)) return value;
  for (int i = 0; i < type->value_count(); ++i) {
    const EnumValueDescriptor* value = type->value(i);
    if (absl::EndsWith(value->name(), absl::StrCat("_", upper))) return value;
  }
  return nullptr;
}

// Sets (or adds to, when repeated) one scalar field from its text.
absl::Status SetScalar(const FieldDescriptor& field, absl::string_view name,
                       absl::string_view text, Message& message) {
  const Reflection& reflection = *message.GetReflection();
  const bool repeated = field.is_repeated();
  auto bad = [&](absl::string_view expected) {
    return InvalidFieldError(name, absl::StrCat(QuoteInput(text), " is not ", expected));
  };
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      repeated ? reflection.AddString(&message, &field, std::string(text))
               : reflection.SetString(&message, &field, std::string(text));
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return bad("a whole number");
      repeated ? reflection.AddInt32(&message, &field, value)
               : reflection.SetInt32(&message, &field, value);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return bad("a whole number");
      repeated ? reflection.AddInt64(&message, &field, value)
               : reflection.SetInt64(&message, &field, value);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      bool value = false;
      if (!absl::SimpleAtob(text, &value)) return bad("true or false");
      repeated ? reflection.AddBool(&message, &field, value)
               : reflection.SetBool(&message, &field, value);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const EnumValueDescriptor* value = FindEnumValue(field, text);
      if (value == nullptr) return bad(absl::StrCat("a ", field.enum_type()->name()));
      repeated ? reflection.AddEnum(&message, &field, value)
               : reflection.SetEnum(&message, &field, value);
      return absl::OkStatus();
    }
    default:
      return InvalidFieldError(name,
                               "cannot be set from a URL; send the request as JSON");
  }
}

absl::Status SetParam(absl::string_view name, absl::string_view value, Message& message) {
  Message* target = &message;
  const FieldDescriptor* field = nullptr;
  for (absl::string_view part : absl::StrSplit(name, '.')) {
    if (field != nullptr) {
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE || field->is_repeated()) {
        return InvalidFieldError(name, "no such field");
      }
      target = target->GetReflection()->MutableMessage(target, field);
    }
    field = FindField(*target, part);
    if (field == nullptr) return InvalidFieldError(name, "no such field");
  }
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    return InvalidFieldError(name, "is a message; set its fields, as name.field=value");
  }
  if (!field->is_repeated()) return SetScalar(*field, name, value, *target);
  for (absl::string_view item : absl::StrSplit(value, ',', absl::SkipEmpty())) {
    if (absl::Status status = SetScalar(*field, name, item, *target); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> PercentDecode(absl::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c != '%') {
      out += c;
    } else {
      const int high = i + 2 < text.size() ? HexDigit(text[i + 1]) : -1;
      const int low = high >= 0 ? HexDigit(text[i + 2]) : -1;
      if (low < 0) {
        return absl::InvalidArgumentError(absl::StrCat("bad percent escape ",
                                                       QuoteInput(text.substr(i, 3)),
                                                       " in ", QuoteInput(text)));
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  return out;
}

absl::StatusOr<QueryParams> ParseQuery(absl::string_view query) {
  QueryParams params;
  for (absl::string_view pair : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> parts =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    absl::StatusOr<std::string> name = PercentDecode(parts.first, true);
    if (!name.ok()) return InvalidFieldError(parts.first, name.status().message());
    absl::StatusOr<std::string> value = PercentDecode(parts.second, true);
    if (!value.ok()) return InvalidFieldError(*name, value.status().message());
    params.emplace_back(*std::move(name), *std::move(value));
  }
  return params;
}

absl::Status FillRequest(const QueryParams& params, Message& message) {
  for (const auto& [name, value] : params) {
    if (absl::Status status = SetParam(name, value, message); !status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace entente::service::http
