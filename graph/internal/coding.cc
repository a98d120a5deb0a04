#include "graph/internal/coding.h"

#include <cstring>

namespace entente::graph::internal {

void PutVarint(std::string* out, uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutFixed32BE(std::string* out, uint32_t value) {
  char buf[4] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                 static_cast<char>(value >> 8), static_cast<char>(value)};
  out->append(buf, 4);
}

void PutFixed64BE(std::string* out, uint64_t value) {
  PutFixed32BE(out, static_cast<uint32_t>(value >> 32));
  PutFixed32BE(out, static_cast<uint32_t>(value));
}

void PutString(std::string* out, absl::string_view value) {
  PutVarint(out, value.size());
  out->append(value.data(), value.size());
}

void PutDouble(std::string* out, double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  PutFixed64BE(out, bits);
}

}  // namespace entente::graph::internal
