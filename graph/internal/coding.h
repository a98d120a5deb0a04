#ifndef ENTENTE_GRAPH_INTERNAL_CODING_H_
#define ENTENTE_GRAPH_INTERNAL_CODING_H_

// Byte-level building blocks of the store's keys and values: varints,
// big-endian fixed integers (so that byte order is numeric order in keys) and
// length-prefixed strings. Thread-safety: plain functions and values.

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/string_view.h"

namespace entente::graph::internal {

void PutVarint(std::string* out, uint64_t value);
void PutFixed32BE(std::string* out, uint32_t value);
void PutFixed64BE(std::string* out, uint64_t value);
// Varint length, then the bytes.
void PutString(std::string* out, absl::string_view value);
void PutDouble(std::string* out, double value);

// Maps int32 to uint32 preserving order (INT32_MIN -> 0).
inline uint32_t OrderedDay(int32_t day) {
  return static_cast<uint32_t>(day) ^ 0x80000000u;
}
inline int32_t DayFromOrdered(uint32_t bits) {
  return static_cast<int32_t>(bits ^ 0x80000000u);
}
inline uint32_t DecodeFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) |
         uint32_t{u[3]};
}
inline uint64_t DecodeFixed64BE(const char* p) {
  return (uint64_t{DecodeFixed32BE(p)} << 32) | DecodeFixed32BE(p + 4);
}

// Reads what the Put functions wrote. Every method returns false (and leaves
// the reader failed) on truncated or malformed input.
// Defined here, inline: decoding a timeline page calls these thousands of
// times.
class ByteReader {
 public:
  explicit ByteReader(absl::string_view bytes) : rest_(bytes) {}
  bool Varint(uint64_t* value) {
    if (!rest_.empty() && (static_cast<unsigned char>(rest_[0]) & 0x80) == 0) {
      *value = static_cast<unsigned char>(rest_[0]);  // The usual one-byte case.
      rest_.remove_prefix(1);
      return true;
    }
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
  bool Fixed32BE(uint32_t* value) {
    if (rest_.size() < 4) return false;
    *value = DecodeFixed32BE(rest_.data());
    rest_.remove_prefix(4);
    return true;
  }
  bool Fixed64BE(uint64_t* value) {
    if (rest_.size() < 8) return false;
    *value = DecodeFixed64BE(rest_.data());
    rest_.remove_prefix(8);
    return true;
  }
  bool String(absl::string_view* value) {
    uint64_t size;
    if (!Varint(&size) || size > rest_.size()) return false;
    *value = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return true;
  }
  bool Double(double* value) {
    uint64_t bits;
    if (!Fixed64BE(&bits)) return false;
    std::memcpy(value, &bits, sizeof(bits));
    return true;
  }
  bool Byte(uint8_t* value) {
    if (rest_.empty()) return false;
    *value = static_cast<uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  absl::string_view rest_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_CODING_H_
