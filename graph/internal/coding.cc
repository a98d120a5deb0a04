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

uint32_t DecodeFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) |
         uint32_t{u[3]};
}

uint64_t DecodeFixed64BE(const char* p) {
  return (uint64_t{DecodeFixed32BE(p)} << 32) | DecodeFixed32BE(p + 4);
}

bool ByteReader::Varint(uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !rest_.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(rest_[0]);
    rest_.remove_prefix(1);
    result |= uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  rest_ = {};
  return false;
}

bool ByteReader::Fixed32BE(uint32_t* value) {
  if (rest_.size() < 4) return false;
  *value = DecodeFixed32BE(rest_.data());
  rest_.remove_prefix(4);
  return true;
}

bool ByteReader::Fixed64BE(uint64_t* value) {
  if (rest_.size() < 8) return false;
  *value = DecodeFixed64BE(rest_.data());
  rest_.remove_prefix(8);
  return true;
}

bool ByteReader::String(absl::string_view* value) {
  uint64_t size;
  if (!Varint(&size) || size > rest_.size()) return false;
  *value = rest_.substr(0, size);
  rest_.remove_prefix(size);
  return true;
}

bool ByteReader::Double(double* value) {
  uint64_t bits;
  if (!Fixed64BE(&bits)) return false;
  std::memcpy(value, &bits, sizeof(bits));
  return true;
}

bool ByteReader::Byte(uint8_t* value) {
  if (rest_.empty()) return false;
  *value = static_cast<uint8_t>(rest_[0]);
  rest_.remove_prefix(1);
  return true;
}

}  // namespace entente::graph::internal
