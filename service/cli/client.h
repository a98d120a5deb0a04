#ifndef ENTENTE_SERVICE_CLI_CLIENT_H_
#define ENTENTE_SERVICE_CLI_CLIENT_H_

// The entente.v1 stub behind every query command, made one of two ways:
//   --server ADDR  a gRPC channel to a running `entente serve` (TLS with
//                  --tls-ca, bearer token from --token-file);
//   --db DIR       the store opened in this process (read-only, or as a
//                  RocksDB secondary instance while a server holds it) behind
//                  an in-process GraphServiceImpl, reached through
//                  grpc::Server::InProcessChannel.
// Both give the same stub, so every command has one code path and the same
// validation and name resolution as the server.
//
// Thread-safety: a GraphClient may be used from one thread at a time.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "service/cli/args.h"

namespace entente::service::cli {

struct ClientOptions {
  std::string server;        // --server host:port.
  std::string db;            // --db DIR.
  std::string tls_ca;        // --tls-ca PEM file: use TLS to --server.
  std::string token_file;    // --token-file: "authorization: Bearer <token>".
  int timeout_seconds = 30;  // Deadline of each call; 0 = none.
};

// The connection options every query command accepts, for its ArgSpec.
std::vector<OptionSpec> ConnectionOptionSpecs();
// Reads them back; InvalidArgument when neither or both of --server and --db
// are given, or --tls-ca/--token-file come without --server.
absl::StatusOr<ClientOptions> ClientOptionsFromArgs(const ParsedArgs& args);

class LocalService;  // The --db machinery; defined in local_service.cc.

class GraphClient {
 public:
  // Connects (or opens the store); FailedPrecondition/NotFound naming the
  // directory or file at fault. Defined in connect.cc, which the `entente`
  // binary links with the store; the rest of this class needs neither.
  static absl::StatusOr<std::unique_ptr<GraphClient>> Connect(const ClientOptions&);
  ~GraphClient();

  entente::v1::GraphService::Stub& stub() { return *stub_; }
  // A context for one call: deadline and credentials applied.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  GraphClient() = default;

  ClientOptions options_;
  std::string token_;
  std::unique_ptr<LocalService> local_;  // Only with --db; outlives stub_ use.
  std::unique_ptr<entente::v1::GraphService::Stub> stub_;
};

// A gRPC status as an absl::Status with the same code and message
// (UNAVAILABLE prefixed "server unavailable: "; RunWithClient adds the
// address).
absl::Status FromGrpc(const grpc::Status& status);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_CLIENT_H_
