#ifndef ENTENTE_SERVICE_CLI_BULK_IMPORT_H_
#define ENTENTE_SERVICE_CLI_BULK_IMPORT_H_

// `entente import --bulk`: files through the importers into the store's
// BulkLoader (sorted SST ingestion) instead of one WriteItem per item. Meant
// for large relation JSON Lines (generated graphs, reviewed extractions);
// any format the importers read works. Atomicity is per loader chunk, not per
// item (see graph::BulkLoader); a re-run is still idempotent.
//
// Each file is validated whole by the importers before any of it reaches the
// loader, so a bad file is rejected whole (counted with its reason) and the
// others load. A store failure stops the load and is returned. GDELT event
// files go through options.gdelt_reader when it is set (see
// importers/gdelt_reader.h; their counts add to ImportCounts::gdelt).
//
// Progress, when `progress` is given, is a short text ("[1/2] FILE: checked
// N lines", "... N relations loaded", "finishing: ...") passed every 64k
// lines and at each phase; the callee rate-limits what it draws.
//
// Thread-safety: runs on the calling thread (progress too); the store must
// not be written by anyone else meanwhile (the loader makes WriteItem fail).

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "importers/extractor.h"
#include "importers/gdelt_reader.h"
#include "importers/import_source.h"
#include "service/import_pipeline.h"

namespace entente::service::cli {

using BulkProgress = std::function<void(absl::string_view text)>;

struct BulkImportOptions {
  importers::ImportOptions import;  // For digests and relation JSON Lines.
  // Reads GDELT event files (importers::LooksLikeGdeltFile) when set; not
  // owned. Without it they are read as any other input (and rejected).
  const importers::GdeltReader* gdelt_reader = nullptr;
  importers::GdeltReadOptions gdelt;
  graph::BulkLoadOptions load;
};

absl::StatusOr<ImportCounts> BulkImport(graph::Store& store,
                                        const importers::Extractor& extractor,
                                        const std::vector<std::string>& files,
                                        const BulkImportOptions& options,
                                        const BulkProgress& progress = nullptr);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_BULK_IMPORT_H_
