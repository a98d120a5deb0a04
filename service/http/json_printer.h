#ifndef ENTENTE_SERVICE_HTTP_JSON_PRINTER_H_
#define ENTENTE_SERVICE_HTTP_JSON_PRINTER_H_

// PrintJson: a message in the proto3 JSON mapping, as
// google::protobuf::util::MessageToJsonString prints it with default options
// (fields by JSON name in field-number order, default values left out, enums
// by name, 64-bit integers and non-finite doubles as strings, bytes in base64,
// maps as objects) and parses back to the same message. It walks the message by
// reflection, without the library's detour through the binary format, which
// made JSON most of the API's cost per call.
//
// Well-known types (google.protobuf.*) are not special-cased; entente.v1 uses
// none, and a message that does is printed with the library instead.
//
// Thread-safety: a free function over its argument.

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace entente::service::http {

std::string PrintJson(const google::protobuf::Message& message);

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_JSON_PRINTER_H_
