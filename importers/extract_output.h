#ifndef ENTENTE_IMPORTERS_EXTRACT_OUTPUT_H_
#define ENTENTE_IMPORTERS_EXTRACT_OUTPUT_H_

// `entente extract`: a file in, the spec's relation JSON Lines out.
//
// Thread-safety: no shared state; the Extractor is shared const.

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "importers/extractor.h"
#include "importers/import_source.h"

namespace entente::importers {

// Reads FILE (any format ReadImportFile accepts) and writes one JSON line per
// merged relation to `out`, sorted by date then type. Text digests are merged
// over the whole digest; a JSON Lines item stream is processed item by item
// (memory bounded by the largest item, not the file). Nothing is written when
// the input is rejected. With options.explain each line also carries "explanation":
// the frames (importers/data file:line) and clauses that produced the relation.
absl::StatusOr<ImportFileStats> ExtractFileToJsonl(const Extractor& extractor,
                                                   const std::string& path,
                                                   const ImportOptions& options,
                                                   std::ostream& out);

// Writes to `out` what the pipeline saw of each item of the text digest at
// `path` (Extractor::Trace), each headed "== item N": for `entente extract
// --trace`, to find the stage that lost a relation. An item is dated by the
// digest's front matter, else options.published. NotFound naming the file when
// it cannot be opened; InvalidArgument "FILE:LINE: why" when it does not parse
// as a text digest. Writes nothing on error.
absl::Status TraceTextDigest(const Extractor& extractor, const std::string& path,
                             const ImportOptions& options, std::ostream& out);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_EXTRACT_OUTPUT_H_
