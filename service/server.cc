#include "service/server.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "common/status_macros.h"
#include "grpc/grpc.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "importers/gazetteer.h"
#include "service/graph_service.h"
#include "service/http/http_server.h"
#include "service/request_log.h"

namespace entente::service {
namespace {

// A DigestDocument holds at most 16 MiB of text (graph_service.proto); allow
// some room for the other fields.
constexpr int kMaxReceiveMessageBytes = (16 << 20) + (64 << 10);

absl::StatusOr<std::string> ReadFile(const std::string& path, absl::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat(flag, ": cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

absl::StatusOr<std::string> ReadToken(const std::string& path) {
  ENTENTE_ASSIGN_OR_RETURN(std::string text, ReadFile(path, "--auth-token-file"));
  absl::string_view token = text;
  token = token.substr(0, token.find('\n'));
  token = absl::StripAsciiWhitespace(token);
  if (token.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--auth-token-file: ", path, " holds no token"));
  }
  return std::string(token);
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(
    const ServeOptions& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key go together");
  }
  if (options.tls_cert.empty()) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  ENTENTE_ASSIGN_OR_RETURN(pair.cert_chain, ReadFile(options.tls_cert, "--tls-cert"));
  ENTENTE_ASSIGN_OR_RETURN(pair.private_key, ReadFile(options.tls_key, "--tls-key"));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  return grpc::SslServerCredentials(ssl);
}

std::string IsoCodesDir(const ServeOptions& options) {
  if (!options.iso_codes_dir.empty()) return options.iso_codes_dir;
  return importers::DefaultIsoCodesDir();
}

// Blocks SIGINT and SIGTERM in this thread (and the threads it starts later)
// so that only the waiting thread below receives them.
sigset_t BlockShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// The text of bad input quoted in an error, cut short.
std::string Quoted(absl::string_view text) {
  constexpr size_t kMax = 64;
  if (text.size() <= kMax) return absl::StrCat("'", text, "'");
  return absl::StrCat("'", text.substr(0, kMax), "...'");
}

}  // namespace

absl::StatusOr<int> ListenPort(absl::string_view listen, absl::string_view flag) {
  if (absl::StartsWith(listen, "unix:") || absl::StartsWith(listen, "unix-abstract:")) {
    return 0;
  }
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, " ", Quoted(listen), ": ", why,
                     "; write host:port, e.g. 127.0.0.1:50051 (port 0 = any free port)"));
  };
  const size_t colon = listen.rfind(':');
  if (colon == absl::string_view::npos) return bad("no port");
  absl::string_view host = listen.substr(0, colon);
  absl::string_view port = listen.substr(colon + 1);
  if (host.empty()) return bad("no host");
  if (absl::StartsWith(host, "[") != absl::EndsWith(host, "]")) {
    return bad("an IPv6 host is written in brackets, as [::1]");
  }
  if (!absl::StartsWith(host, "[") && host.find(':') != absl::string_view::npos) {
    return bad("no port (an IPv6 host is written in brackets, as [::1]:50051)");
  }
  if (port.empty()) return bad("no port");
  int value = 0;
  if (port.size() > 5 || !std::all_of(port.begin(), port.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(port, &value) || value > 65535) {
    return bad(absl::StrCat("port ", Quoted(port), " is not a number from 0 to 65535"));
  }
  return value;
}

absl::Status RunServer(const ServeOptions& options) {
  sigset_t signals = BlockShutdownSignals();
  // Debian builds abseil with mutex deadlock detection on, which records a lock
  // graph on every contended lock; a server taking locks at thousands of calls
  // a second pays for it on each one.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (options.db.empty())
    return absl::InvalidArgumentError("--db: a store directory is required");
  ENTENTE_ASSIGN_OR_RETURN(const int wanted_port, ListenPort(options.listen));
  http::HttpServerOptions http_options;
  if (!options.http_listen.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(http_options.port,
                             ListenPort(options.http_listen, "--http"));
    if (absl::StartsWith(options.http_listen, "unix")) {
      return absl::InvalidArgumentError("--http: write host:port (no Unix sockets)");
    }
    http_options.host = options.http_listen.substr(0, options.http_listen.rfind(':'));
  }

  GraphServiceOptions service_options;
  service_options.auth_all = options.auth_all;
  if (!options.auth_token_file.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(service_options.auth_token,
                             ReadToken(options.auth_token_file));
  } else if (options.auth_all) {
    return absl::InvalidArgumentError("--auth-all needs --auth-token-file");
  }
  ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                           Credentials(options));

  ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<const importers::Gazetteer> gazetteer,
                           importers::Gazetteer::Load(IsoCodesDir(options)));
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<importers::Extractor> extractor,
                           importers::Extractor::Create(gazetteer));
  graph::StoreOptions store_options;
  store_options.known_entities =
      std::make_shared<const std::vector<graph::Entity>>(gazetteer->Entities());
  store_options.sync_writes = options.sync_writes;
  if (options.block_cache_mb > 0) store_options.block_cache_mb = options.block_cache_mb;
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<graph::Store> store,
                           graph::Store::Open(options.db, store_options));

  GraphServiceImpl service(store.get(), extractor.get(), std::move(service_options));
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, credentials, &port);
  // gRPC lets a second server share a port it finds in use (SO_REUSEPORT): clients
  // would then reach either store. A port in use is an error instead.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(&service);
  builder.SetMaxReceiveMessageSize(kMaxReceiveMessageBytes);
  // The synchronous pollers (streaming calls) notice a shutdown only when their
  // wait times out: 10 s by default, which would delay every SIGTERM.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::CQ_TIMEOUT_MSEC,
                              500);
  if (options.log_requests) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(NewRequestLogFactory());
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen,
        wanted_port > 0 ? absl::StrCat(": port ", wanted_port,
                                       " is in use (another server?) or not allowed")
                        : std::string(": the address cannot be bound")));
  }
  // The health service answers for the whole server ("") and for the API by name.
  server->GetHealthCheckService()->SetServingStatus(
      std::string(v1::GraphService::service_full_name()), true);
  std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::unique_ptr<http::HttpServer> http_server;
  if (!options.http_listen.empty()) {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    ENTENTE_ASSIGN_OR_RETURN(
        http_server,
        http::HttpServer::Start(http_options, server->InProcessChannel(arguments)));
  }
  std::fprintf(stderr, "entente: serving %s on %s:%d%s\n", options.db.c_str(),
               host.c_str(), port, options.tls_cert.empty() ? "" : " (TLS)");
  if (http_server != nullptr) {
    std::fprintf(stderr, "entente: web page and JSON API on http://%s:%d/\n",
                 http_options.host.c_str(), http_server->port());
  }
  std::fflush(stderr);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  std::fprintf(stderr, "entente: %s received, finishing calls in flight\n",
               signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
  server->GetHealthCheckService()->SetServingStatus(false);
  if (http_server != nullptr) http_server->Shutdown();
  service.BeginShutdown();
  const absl::Time deadline = absl::Now() + options.shutdown_grace;
  std::thread stopper([&] { server->Shutdown(absl::ToChronoTime(deadline)); });
  // gRPC's shutdown also waits for idle clients to hang up, which some take
  // seconds to do. A call that arrived just before the shutdown gets a moment
  // to be counted; then every call in flight (an import, a long FindPaths) may
  // finish within the grace period, and the connections left are dropped.
  absl::SleepFor(std::min(absl::Milliseconds(200), options.shutdown_grace));
  service.calls_in_flight().WaitIdle(deadline);
  // A handler that has returned may still be sending its answer: cancelling at once
  // turned a finished import's OK into CANCELLED for its client.
  absl::SleepFor(
      std::clamp(deadline - absl::Now(), absl::ZeroDuration(), absl::Milliseconds(200)));
  grpc_server_cancel_all_calls(server->c_server());
  stopper.join();
  server->Wait();
  std::fprintf(stderr, "entente: stopped\n");
  return absl::OkStatus();
}

}  // namespace entente::service
