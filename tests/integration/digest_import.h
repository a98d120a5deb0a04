#ifndef ENTENTE_TESTS_INTEGRATION_DIGEST_IMPORT_H_
#define ENTENTE_TESTS_INTEGRATION_DIGEST_IMPORT_H_

// Client-side helpers shared by the integration tests and the load benchmark:
// finding the development digests and sending them through ImportDigests.

#include <string>
#include <vector>

#include "entente/v1/graph_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace entente::testing {

// The development digests ($ENTENTE_SHARED_DIR/data/digests/*.txt), sorted;
// empty when the shared folder is absent.
std::vector<std::string> DevelopmentDigests();

// The publication date a digest's file name starts with ("2026-02-06-..."),
// or "".
std::string PublishedFromName(const std::string& path);

// Streams the files as DigestDocuments (split into `chunk_bytes` pieces) with
// `token` as bearer token when not empty.
grpc::Status ImportFiles(v1::GraphService::Stub* stub,
                         const std::vector<std::string>& paths, const std::string& token,
                         v1::ImportDigestsResponse* response,
                         size_t chunk_bytes = 1 << 20);

std::string ReadWholeFile(const std::string& path);

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_INTEGRATION_DIGEST_IMPORT_H_
