#include "service/cli/client.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "service/cli/local_service.h"

namespace entente::service::cli {

std::vector<OptionSpec> ConnectionOptionSpecs() {
  return {
      {"server", "ADDR", "ask a running `entente serve` at host:port"},
      {"db", "DIR", "open the store in DIR directly (read-only)"},
      {"tls-ca", "FILE", "with --server: use TLS, trusting the CA in FILE (PEM)"},
      {"token-file", "FILE", "with --server: send the bearer token in FILE"},
      {"timeout", "SECONDS", "deadline of each request (default 30, 0 = none)"},
  };
}

absl::StatusOr<ClientOptions> ClientOptionsFromArgs(const ParsedArgs& args) {
  ClientOptions options;
  options.server = args.Get("server");
  options.db = args.Get("db");
  options.tls_ca = args.Get("tls-ca");
  options.token_file = args.Get("token-file");
  absl::StatusOr<int> timeout = args.GetInt("timeout", 30, 0, 86400);
  if (!timeout.ok()) return timeout.status();
  options.timeout_seconds = *timeout;
  if (options.server.empty() == options.db.empty()) {
    return absl::InvalidArgumentError("give exactly one of --server ADDR or --db DIR");
  }
  if (options.server.empty() &&
      (!options.tls_ca.empty() || !options.token_file.empty())) {
    return absl::InvalidArgumentError("--tls-ca and --token-file need --server");
  }
  return options;
}

GraphClient::~GraphClient() {
  // The stub's channel must go before the in-process server it points to.
  stub_.reset();
  local_.reset();
}

std::unique_ptr<grpc::ClientContext> GraphClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (options_.timeout_seconds > 0) {
    context->set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(options_.timeout_seconds));
  }
  if (!token_.empty()) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", token_));
  }
  return context;
}

absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  auto code = static_cast<absl::StatusCode>(status.error_code());
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    return absl::Status(code,
                        absl::StrCat("server unavailable: ", status.error_message()));
  }
  return absl::Status(code, status.error_message());
}

}  // namespace entente::service::cli
