#include "common/json_string.h"

#include "absl/strings/str_cat.h"

namespace entente::common {
namespace {

// The characters JSON escapes by name, each followed by its name.
constexpr absl::string_view kNamedEscapes("\"\"\\\\\bb\ff\nn\rr\tt");

bool NeedsEscape(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  // Runs of plain characters are copied whole: most text has nothing to escape.
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!NeedsEscape(c)) continue;
    out->append(text.data() + plain, i - plain);
    plain = i + 1;
    const size_t name = kNamedEscapes.find(c);
    if (name != absl::string_view::npos && name % 2 == 0) {
      out->push_back('\\');
      out->push_back(kNamedEscapes[name + 1]);
    } else {
      absl::StrAppend(out, "\\u00",
                      absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    }
  }
  out->append(text.data() + plain, text.size() - plain);
  out->push_back('"');
}

std::string JsonString(absl::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

}  // namespace entente::common
