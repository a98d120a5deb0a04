#ifndef ENTENTE_IMPORTERS_INTERNAL_RELATION_STREAM_H_
#define ENTENTE_IMPORTERS_INTERNAL_RELATION_STREAM_H_

// Relation JSON Lines of any size, in bounded memory. The input is read in
// blocks of whole lines, twice:
//
//   pass 1  every line is parsed and checked, nothing kept; each block is
//           split at a newline near its middle and its halves are checked on
//           two threads. The first bad line (in file order) ends the read
//           with InvalidArgument "DOCUMENT:LINE: why"; the sink was never
//           called.
//   pass 2  the lines are parsed again, on the calling thread, and handed to
//           the sink one unit per line, in file order. (Parsing ahead on a
//           second thread was measured slower on 2 cores: the loader's
//           flushes use the other core, and relations allocated on one
//           thread and freed on another cost glibc much more.)
//
// Memory: about two blocks for the reading, whatever the input's size. An
// input that changes between the passes may fail in pass 2, after the sink
// has seen part of it.
//
// Thread-safety: each call is independent; the sink runs on the calling
// thread only.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importers/import_source.h"

namespace entente::importers::internal {

struct RelationStreamOptions {
  // Bytes read (and checked) at a time; lines longer than this grow the
  // buffer to hold them.
  size_t block_bytes = size_t{4} << 20;
  // Optional: called after each block of pass 1 with the lines checked.
  std::function<void(int64_t lines)> on_checked;
};

// Calls `block` with consecutive pieces of the input, each ending with a
// newline except perhaps the last; together they are the whole input. Stops
// at the first error `block` returns, and returns it.
using BlockFn = std::function<absl::Status(absl::string_view block)>;
using BlockReader = std::function<absl::Status(const BlockFn& block)>;

// Reads `path` in blocks of options.block_bytes (NotFound when it cannot be
// opened, DataLoss when a read fails).
BlockReader FileBlocks(const std::string& path, size_t block_bytes);
// Bytes in memory, in blocks that point into them (no copy). `bytes` must
// outlive the reader.
BlockReader MemoryBlocks(absl::string_view bytes, size_t block_bytes);

// The two passes above over what `read` gives; `document` names the input in
// messages and units. `read` is called twice.
absl::StatusOr<ImportFileStats> StreamRelationLines(absl::string_view document,
                                                    const BlockReader& read,
                                                    const ImportSink& sink,
                                                    const RelationStreamOptions& options);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_RELATION_STREAM_H_
