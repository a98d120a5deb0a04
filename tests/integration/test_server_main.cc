// entente_test_server: a stand-in for `entente serve` used by the integration
// tests when the `entente` command is not part of the build. It accepts the
// same flags: serve --db DIR [--listen ADDR] [--auth-token-file F] [--auth-all]
// [--tls-cert F --tls-key F] [--sync-writes] [--quiet] [--block-cache-mb N].

#include <cstdio>
#include <cstdlib>
#include <string>

#include "service/server.h"

int main(int argc, char** argv) {
  entente::service::ServeOptions options;
  int i = 1;
  if (i < argc && std::string(argv[i]) == "serve") ++i;
  for (; i < argc; ++i) {
    std::string flag = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (flag == "--db") {
      options.db = value();
    } else if (flag == "--listen") {
      options.listen = value();
    } else if (flag == "--auth-token-file") {
      options.auth_token_file = value();
    } else if (flag == "--auth-all") {
      options.auth_all = true;
    } else if (flag == "--tls-cert") {
      options.tls_cert = value();
    } else if (flag == "--tls-key") {
      options.tls_key = value();
    } else if (flag == "--sync-writes") {
      options.sync_writes = true;
    } else if (flag == "--block-cache-mb") {
      options.block_cache_mb = std::atoll(value().c_str());
    } else if (flag == "--quiet") {
      options.log_requests = false;
    } else {
      std::fprintf(stderr, "entente_test_server: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  absl::Status status = entente::service::RunServer(options);
  if (!status.ok()) {
    std::fprintf(stderr, "entente serve: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
