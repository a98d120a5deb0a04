#include "tests/integration/server_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"

namespace entente::testing {

// The address a server reports in its log once it listens ("entente: serving DB on
// 127.0.0.1:PORT"); "" until then.
std::string ServedAddress(const std::string& log) {
  const std::string kMarker = " on 127.0.0.1:";
  const size_t serving = log.find("entente: serving ");
  if (serving == std::string::npos) return "";
  const size_t at = log.find(kMarker, serving);
  if (at == std::string::npos) return "";
  const size_t digits = at + kMarker.size();
  const size_t end = log.find_first_not_of("0123456789", digits);
  if (end == digits || end == std::string::npos) return "";
  return absl::StrCat("127.0.0.1:", log.substr(digits, end - digits));
}

absl::StatusOr<int> CheckHealth(grpc::Channel* channel, const std::string& service,
                                absl::Duration timeout) {
  // HealthCheckRequest{1: service}; HealthCheckResponse{1: status enum}.
  std::string request;
  if (!service.empty()) {
    request.push_back('\x0a');
    request.push_back(static_cast<char>(service.size()));
    request += service;
  }
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  grpc::GenericStub stub(channel->shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&context, "/grpc.health.v1.Health/Check",
                                    request_buffer, &cq);
  call->StartCall();
  grpc::Status status;
  call->Finish(&response_buffer, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  if (!status.ok()) {
    return absl::UnavailableError(absl::StrCat("health check: ", status.error_message()));
  }
  std::vector<grpc::Slice> slices;
  response_buffer.Dump(&slices).IgnoreError();
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  if (bytes.empty()) return 0;  // UNKNOWN encodes as nothing.
  if (bytes.size() != 2 || bytes[0] != '\x08') {
    return absl::DataLossError("health check: unexpected response bytes");
  }
  return static_cast<int>(bytes[1]);
}

namespace {

std::string BufferBytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  buffer.Dump(&slices).IgnoreError();
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return bytes;
}

// Waits for the next completion; false when the operation failed.
bool Await(grpc::CompletionQueue* cq) {
  void* tag = nullptr;
  bool ok = false;
  return cq->Next(&tag, &ok) && ok;
}

}  // namespace

absl::StatusOr<std::string> ListServicesByReflection(grpc::Channel* channel) {
  grpc::GenericStub stub(channel->shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::CompletionQueue cq;
  auto call = stub.PrepareCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  call->StartCall(nullptr);
  bool ok = Await(&cq);
  // ServerReflectionRequest{7: list_services = ""}: tag (7 << 3 | 2), length 0.
  grpc::Slice slice(std::string("\x3a\x00", 2));
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  if (ok) {
    call->Write(request, nullptr);
    ok = Await(&cq);
  }
  if (ok) {
    call->Read(&response, nullptr);
    ok = Await(&cq);
  }
  call->WritesDone(nullptr);
  Await(&cq);
  grpc::Status status;
  call->Finish(&status, nullptr);
  Await(&cq);
  cq.Shutdown();
  void* tag = nullptr;
  while (cq.Next(&tag, &ok)) {
  }
  if (!status.ok()) {
    return absl::UnavailableError(absl::StrCat("reflection: ", status.error_message()));
  }
  return BufferBytes(response);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(Options options) {
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  server->log_path_ = options.log_path.empty() ? options.db + ".log" : options.log_path;
  // Port 0: the server binds a free port itself and reports it in its log, which is
  // read back below (no port is picked here and raced for).
  std::vector<std::string> args = {options.binary, "serve",    "--db",
                                   options.db,     "--listen", "127.0.0.1:0"};
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  // Emptied before the child starts, so that a previous server's line is not read.
  { std::ofstream truncate(server->log_path_, std::ios::trunc); }
  pid_t pid = fork();
  if (pid == 0) {
    int log = open(server->log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) dup2(log, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid < 0) return absl::InternalError("fork failed");
  server->pid_ = pid;
  const absl::Time give_up = absl::Now() + options.startup_timeout;
  while (server->address_.empty()) {
    int wait_status = 0;
    if (waitpid(pid, &wait_status, WNOHANG) == pid) {
      server->pid_ = -1;
      return absl::UnavailableError(
          absl::StrCat("the server exited during start-up: ", server->log()));
    }
    if (absl::Now() >= give_up) {
      return absl::UnavailableError(
          absl::StrCat("the server never said where it listens: ", server->log()));
    }
    server->address_ = ServedAddress(server->log());
    if (server->address_.empty()) absl::SleepFor(absl::Milliseconds(20));
  }
  // Retry the connection quickly while the server starts (gRPC's default
  // back-off waits seconds).
  grpc::ChannelArguments channel_args;
  channel_args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  channel_args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 300);
  std::shared_ptr<grpc::ChannelCredentials> credentials =
      grpc::InsecureChannelCredentials();
  if (!options.tls_root_pem.empty()) {
    channel_args.SetSslTargetNameOverride("localhost");
    credentials = grpc::SslCredentials({.pem_root_certs = options.tls_root_pem});
  }
  server->channel_ =
      grpc::CreateCustomChannel(server->address_, credentials, channel_args);
  while (absl::Now() < give_up) {
    int wait_status = 0;
    if (waitpid(pid, &wait_status, WNOHANG) == pid) {
      server->pid_ = -1;
      return absl::UnavailableError(
          absl::StrCat("the server exited during start-up: ", server->log()));
    }
    // Waiting drives the connection attempts (an idle channel retries only
    // when gRPC's backup poller runs, every 5 s by default).
    server->channel_->WaitForConnected(
        absl::ToChronoTime(absl::Now() + absl::Milliseconds(200)));
    absl::StatusOr<int> health =
        CheckHealth(server->channel_.get(), "", absl::Milliseconds(500));
    if (health.ok() && *health == 1) return server;
    absl::SleepFor(absl::Milliseconds(100));
  }
  return absl::UnavailableError(
      absl::StrCat("the server did not become healthy: ", server->log()));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string ServerProcess::log() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::StatusOr<int> ServerProcess::WaitExit(absl::Duration timeout) {
  absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    int wait_status = 0;
    if (waitpid(pid_, &wait_status, WNOHANG) == pid_) {
      pid_ = -1;
      if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
      return 128 + WTERMSIG(wait_status);
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("the server did not exit in time");
}

absl::StatusOr<int> ServerProcess::Stop(int signal, absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("the server is not running");
  kill(pid_, signal);
  return WaitExit(timeout);
}

}  // namespace entente::testing
