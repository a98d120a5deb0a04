#ifndef ENTENTE_GRAPH_INTERNAL_CODING_H_
#define ENTENTE_GRAPH_INTERNAL_CODING_H_

// Byte-level building blocks of the store's keys and values: varints,
// big-endian fixed integers (so that byte order is numeric order in keys) and
// length-prefixed strings. Thread-safety: plain functions and values.

#include <cstdint>
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
uint32_t DecodeFixed32BE(const char* p);
uint64_t DecodeFixed64BE(const char* p);

// Reads what the Put functions wrote. Every method returns false (and leaves
// the reader failed) on truncated or malformed input.
class ByteReader {
 public:
  explicit ByteReader(absl::string_view bytes) : rest_(bytes) {}
  bool Varint(uint64_t* value);
  bool Fixed32BE(uint32_t* value);
  bool Fixed64BE(uint64_t* value);
  bool String(absl::string_view* value);
  bool Double(double* value);
  bool Byte(uint8_t* value);
  bool done() const { return rest_.empty(); }

 private:
  absl::string_view rest_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_CODING_H_
