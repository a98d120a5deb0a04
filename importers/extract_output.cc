#include "importers/extract_output.h"

namespace entente::importers {

absl::StatusOr<ImportFileStats> ExtractFileToJsonl(const Extractor&, const std::string& path,
                                                   const ImportOptions&, std::ostream&) {
  return absl::UnimplementedError("ExtractFileToJsonl: " + path);
}

}  // namespace entente::importers
