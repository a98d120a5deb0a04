#ifndef ENTENTE_IMPORTERS_INTERNAL_IMPORT_FORMAT_H_
#define ENTENTE_IMPORTERS_INTERNAL_IMPORT_FORMAT_H_

// Which of the three import formats a file holds, and bounded file reading.
//
// Thread-safety: pure functions.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace entente::importers::internal {

enum class ImportFormat { kTextDigest, kJsonItems, kRelationLines };

// Looks at the first non-blank line: a JSON object with "type" and "source"
// is a relation line, another JSON object a digest item, anything else a text
// digest. InvalidArgument naming the document for empty input or binary data.
absl::StatusOr<ImportFormat> DetectImportFormat(absl::string_view document,
                                                absl::string_view bytes);

// Reads a whole file; NotFound when it cannot be opened, ResourceExhausted
// above kMaxImportFileBytes.
absl::StatusOr<std::string> ReadFileBounded(const std::string& path);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_IMPORT_FORMAT_H_
