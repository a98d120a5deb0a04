#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_INPUT_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_INPUT_H_

// The bytes of a GDELT file as it is downloaded: plain text, gzip (one or
// more members, zlib) or a zip archive holding one file (libzip). The
// compression is told by the first bytes, never by the name. Reading is
// streamed in blocks: memory does not grow with the file.
//
// Thread-safety: a ByteSource is not thread-safe; use it from one thread.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace entente::importers::internal {

enum class Compression { kNone, kGzip, kZip };

// By magic bytes: "PK\3\4" (or an empty archive's "PK\5\6") is zip,
// "\x1f\x8b" gzip, anything else plain.
Compression DetectCompression(absl::string_view head);

// Blocks of a file's (decompressed) bytes, in order.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // The next block; empty at the end (and on every call after it). The view
  // stays valid until the next call. A truncated or corrupt archive is
  // DataLoss naming the input, found at the latest when its end is reached
  // (zip: when it is opened or when the entry's checksum fails; gzip: at the
  // end of the stream).
  virtual absl::StatusOr<absl::string_view> Next() = 0;
};

// Opens `path`. NotFound when it cannot be opened; DataLoss when a zip's
// directory cannot be read (a truncated download); InvalidArgument for a zip
// that does not hold exactly one file. With `read_ahead`, the file is read
// and decompressed on a thread of its own (ReadAhead).
absl::StatusOr<std::unique_ptr<ByteSource>> OpenGdeltInput(const std::string& path,
                                                           bool read_ahead = false);

// Over bytes in memory, named `name` in errors. Keeps the view: `bytes`
// must outlive the source. Errors as OpenGdeltInput; `read_ahead` applies
// to compressed bytes only.
absl::StatusOr<std::unique_ptr<ByteSource>> GdeltInputFromBytes(absl::string_view name,
                                                                absl::string_view bytes,
                                                                bool read_ahead = false);

// Reads `source` ahead on a thread of its own (decompression on one core,
// parsing on another), a few blocks at most: the returned source gives the
// same blocks in the same order, then the same error if any. Destroying it
// stops the thread.
std::unique_ptr<ByteSource> ReadAhead(std::unique_ptr<ByteSource> source);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_INPUT_H_
