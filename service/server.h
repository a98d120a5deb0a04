#ifndef ENTENTE_SERVICE_SERVER_H_
#define ENTENTE_SERVICE_SERVER_H_

// RunServer: `entente serve`. Opens the store read-write, loads the importers,
// and serves entente.v1.GraphService plus the standard gRPC health service
// (grpc.health.v1, SERVING while up) and server reflection.
//
// Shutdown: on SIGTERM or SIGINT the server stops accepting calls, ends
// WatchRelations streams, and waits up to `shutdown_grace` for calls in
// flight, imports included, to finish; an import still running after that is
// cancelled between items (each stored item is whole; its client never got an
// acknowledgement). Then the store is closed cleanly.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace entente::service {

struct ServeOptions {
  std::string db;                          // Store directory. Required.
  std::string listen = "127.0.0.1:50051";  // host:port; port 0 picks a free one.
  // A file whose first line is the bearer token required by ImportDigests (and
  // every RPC with auth_all). Empty: no authentication.
  std::string auth_token_file;
  bool auth_all = false;
  // PEM files; both or neither. With them the server speaks TLS only.
  std::string tls_cert, tls_key;
  bool sync_writes = false;  // fsync the write-ahead log on every item.
  // iso-codes JSON directory; empty means importers::DefaultIsoCodesDir()
  // ($ENTENTE_ISO_CODES_DIR, else the configured one: gazetteer.h).
  std::string iso_codes_dir;
  bool log_requests = true;  // One JSON line per call on stderr.
  // host:port of the HTTP server (the JSON API and the analyst's page,
  // service/http/http_server.h); empty: no HTTP server.
  std::string http_listen;
  // RocksDB block cache in MiB; 0 keeps the store's default (512). Size it to
  // the hot part of the store: timelines of a 10M-relation store read ~4 GB.
  int64_t block_cache_mb = 0;
  // How long shutdown waits for calls in flight. Default 30 s.
  absl::Duration shutdown_grace = absl::Seconds(30);
};

// Blocks until SIGTERM or SIGINT, then shuts down as described above. Must be
// called before the process starts other threads (it blocks the two signals in
// the calling thread so that every thread it creates inherits the mask).
// With http_listen, the HTTP server answers from the same service (through the
// gRPC server's in-process channel) and stops first on shutdown.
// Errors: InvalidArgument for bad options (naming the flag), FailedPrecondition
// / DataLoss from opening the store, Unavailable when the address cannot be
// bound.
absl::Status RunServer(const ServeOptions& options);

// The port of a --listen address ("127.0.0.1:50051", "[::1]:0", "0.0.0.0:443"; 0 for
// "any free port" and for "unix:PATH"). InvalidArgument naming `flag` and what is
// wrong: no port, a port out of 0-65535, an unbracketed IPv6 host.
absl::StatusOr<int> ListenPort(absl::string_view listen,
                               absl::string_view flag = "--listen");

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_SERVER_H_
