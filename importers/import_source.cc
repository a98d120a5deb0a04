#include "importers/import_source.h"

namespace entente::importers {

absl::StatusOr<ImportFileStats> ReadImportFile(const Extractor&, const std::string& path,
                                               const ImportOptions&, const ImportSink&) {
  return absl::UnimplementedError("ReadImportFile: " + path);
}
absl::StatusOr<ImportFileStats> ReadImportBytes(const Extractor&, absl::string_view doc,
                                                absl::string_view, const ImportOptions&,
                                                const ImportSink&) {
  return absl::UnimplementedError("ReadImportBytes: " + std::string(doc));
}

}  // namespace entente::importers
