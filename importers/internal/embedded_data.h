#ifndef ENTENTE_IMPORTERS_INTERNAL_EMBEDDED_DATA_H_
#define ENTENTE_IMPORTERS_INTERNAL_EMBEDDED_DATA_H_

// The files of importers/data/, embedded at build time (embed_data.cmake): the
// gazetteer's aliases.tsv, the word lists and the frames.
//
// Thread-safety: immutable static data.

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace entente::importers::internal {

struct EmbeddedFile {
  absl::string_view name;  // Path under importers/data/: "frames/accords.txt".
  absl::string_view content;
};

// Every embedded file, sorted by name.
absl::Span<const EmbeddedFile> EmbeddedDataFiles();

// The content of the file with this name; empty when there is none.
absl::string_view EmbeddedDataFile(absl::string_view name);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_EMBEDDED_DATA_H_
