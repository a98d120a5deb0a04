#ifndef ENTENTE_SERVICE_CLI_SERVER_IMPORT_H_
#define ENTENTE_SERVICE_CLI_SERVER_IMPORT_H_

// `entente import --server ADDR`: sends files to a running `entente serve`
// through the ImportDigests RPC, for when the server holds the store.
//
// Each file up to 256 MiB goes as one DigestDocument (in 4 MiB messages with
// `continues`), so the server validates it whole and rejects it whole. A
// larger file that holds relation JSON Lines goes as RelationChunks of whole
// lines (each chunk is then validated on its own); any other larger file is
// rejected here. A file that cannot be read is rejected here and the others
// are still sent.
//
// Thread-safety: runs on the calling thread.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/cli/client.h"
#include "service/import_pipeline.h"

namespace entente::service::cli {

// The largest document the server accepts (GraphServiceOptions default).
inline constexpr int64_t kMaxServerDocumentBytes = int64_t{256} << 20;

// `published` is "" or YYYY-MM-DD. The counts are the server's plus the
// files rejected here. A failed call (auth, transport) is returned as is.
// `max_document_bytes` is the size above which a file goes as chunks (tests
// lower it).
absl::StatusOr<ImportCounts> ImportThroughServer(
    GraphClient& client, const std::vector<std::string>& files,
    const std::string& published, int64_t max_document_bytes = kMaxServerDocumentBytes);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_SERVER_IMPORT_H_
