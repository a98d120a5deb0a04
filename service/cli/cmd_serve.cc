// `entente serve --db DIR`: the gRPC server (service/server.h).

#include <ostream>

#include "service/cli/command.h"
#include "service/cli/importer_setup.h"
#include "service/server.h"

namespace entente::service::cli {
namespace {

int RunServe(const Command& self, const ParsedArgs& args, CommandIo& io) {
  if (!args.Has("db")) {
    return UsageError(self, absl::InvalidArgumentError("--db DIR is required"), io);
  }
  if (args.Has("tls-cert") != args.Has("tls-key")) {
    return UsageError(
        self, absl::InvalidArgumentError("--tls-cert and --tls-key go together"), io);
  }
  if (args.Has("auth-all") && !args.Has("auth-token-file")) {
    return UsageError(
        self, absl::InvalidArgumentError("--auth-all needs --auth-token-file"), io);
  }
  // 0 keeps the store's default cache (512 MiB); at most 1 TiB.
  absl::StatusOr<int> cache_mb = args.GetInt("block-cache-mb", 0, 0, 1 << 20);
  if (!cache_mb.ok()) return UsageError(self, cache_mb.status(), io);
  ServeOptions options;
  options.block_cache_mb = *cache_mb;
  options.db = args.Get("db");
  options.listen = args.Get("listen", options.listen);
  options.auth_token_file = args.Get("auth-token-file");
  options.auth_all = args.Has("auth-all");
  options.tls_cert = args.Get("tls-cert");
  options.tls_key = args.Get("tls-key");
  options.sync_writes = args.Has("sync");
  options.iso_codes_dir = IsoCodesDirFromArgs(args);
  options.log_requests = !args.Has("quiet");
  options.http_listen = args.Get("http");
  // Whatever RunServer refuses (an unreadable file, an address in use, a
  // store it cannot open) is a failure of this run, not of the command line.
  absl::Status status = RunServer(options);
  return status.ok() ? kExitOk : Failure(self, status, io);
}

}  // namespace

Command ServeCommand() {
  Command command;
  command.spec.command = "serve";
  command.spec.options = {
      {"db", "DIR", "the store to serve (created when missing); required"},
      {"listen", "ADDR",
       "host:port to listen on (default 127.0.0.1:50051; port 0 = any)"},
      {"auth-token-file", "FILE", "require `authorization: Bearer <token>` for imports"},
      {"auth-all", "", "with --auth-token-file: require the token for every call"},
      {"tls-cert", "FILE", "serve TLS with this certificate chain (PEM)"},
      {"tls-key", "FILE", "the private key of --tls-cert (PEM)"},
      {"sync", "", "fsync every imported item (durable across power loss)"},
      {"iso-codes", "DIR", "iso-codes JSON directory for imports"},
      {"quiet", "", "do not log each request on stderr"},
      {"http", "ADDR",
       "also serve the web page and JSON API on host:port (e.g. 127.0.0.1:8080)"},
      {"block-cache-mb", "N",
       "RocksDB block cache in MiB (default 512); size it to the hot part of the store"},
  };
  command.summary = "Serve a store over gRPC (entente.v1.GraphService).";
  command.details =
      "Also serves grpc.health.v1 and server reflection. Listens on loopback unless\n"
      "told otherwise. Stops gracefully on SIGTERM or SIGINT: calls in flight,\n"
      "imports included, finish first. While it runs, the query commands can still\n"
      "read the store with --db (as a RocksDB secondary instance).\n";
  command.examples =
      "  entente serve --db ./store\n"
      "  entente serve --db ./store --http 127.0.0.1:8080   # then open "
      "http://127.0.0.1:8080/\n"
      "  entente serve --db ./store --listen 0.0.0.0:50051 --auth-token-file token \\\n"
      "      --tls-cert server.pem --tls-key server.key\n";
  command.run = RunServe;
  return command;
}

}  // namespace entente::service::cli
