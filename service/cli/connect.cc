// GraphClient::Connect and RunWithClient: the parts of the client that open
// a store (--db), so they live with the store in the `entente` binary while
// the rest of the client library stays free of RocksDB and importers.

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "service/cli/client.h"
#include "service/cli/local_service.h"
#include "service/cli/query_options.h"

namespace entente::service::cli {
namespace {

// Responses as large as a server may send (1000 relations with quotes).
constexpr int kMaxResponseBytes = 64 << 20;

absl::StatusOr<std::string> ReadSmallFile(absl::string_view option,
                                          const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("--", option, ": cannot read ", path));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

absl::StatusOr<std::unique_ptr<GraphClient>> GraphClient::Connect(
    const ClientOptions& options) {
  std::unique_ptr<GraphClient> client(new GraphClient());
  client->options_ = options;
  std::shared_ptr<grpc::Channel> channel;
  if (!options.db.empty()) {
    absl::StatusOr<std::unique_ptr<LocalService>> local = LocalService::Open(options.db);
    if (!local.ok()) return local.status();
    client->local_ = *std::move(local);
    channel = client->local_->channel();
  } else {
    std::shared_ptr<grpc::ChannelCredentials> credentials =
        grpc::InsecureChannelCredentials();
    if (!options.tls_ca.empty()) {
      absl::StatusOr<std::string> pem = ReadSmallFile("tls-ca", options.tls_ca);
      if (!pem.ok()) return pem.status();
      grpc::SslCredentialsOptions ssl;
      ssl.pem_root_certs = *pem;
      credentials = grpc::SslCredentials(ssl);
    }
    if (!options.token_file.empty()) {
      absl::StatusOr<std::string> token = ReadSmallFile("token-file", options.token_file);
      if (!token.ok()) return token.status();
      // The first line, as `entente serve --auth-token-file` reads it.
      absl::string_view first_line = *token;
      first_line = first_line.substr(0, first_line.find('\n'));
      client->token_ = std::string(absl::StripAsciiWhitespace(first_line));
      if (client->token_.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--token-file: ", options.token_file, " is empty"));
      }
    }
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
    channel = grpc::CreateCustomChannel(options.server, credentials, arguments);
  }
  client->stub_ = entente::v1::GraphService::NewStub(channel);
  return client;
}

int RunWithClient(const Command& command, const ParsedArgs& args, CommandIo& io,
                  const std::function<absl::Status(GraphClient&)>& body) {
  absl::StatusOr<ClientOptions> options = ClientOptionsFromArgs(args);
  if (!options.ok()) return OptionError(command, options.status(), io);
  absl::StatusOr<std::unique_ptr<GraphClient>> client = GraphClient::Connect(*options);
  if (!client.ok()) return Failure(command, client.status(), io);
  if (absl::Status status = body(**client); !status.ok()) {
    if (absl::IsUnavailable(status) && !options->server.empty()) {
      status = absl::UnavailableError(absl::StrCat(
          status.message(), " (is `entente serve` running at ", options->server, "?)"));
    }
    return Failure(command, status, io);
  }
  return kExitOk;
}

}  // namespace entente::service::cli
