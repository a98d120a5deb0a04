#ifndef ENTENTE_TESTS_INTEGRATION_SERVER_PROCESS_H_
#define ENTENTE_TESTS_INTEGRATION_SERVER_PROCESS_H_

// ServerProcess: runs the real `entente serve` binary as a child process on a
// free loopback port, for integration tests and the load benchmark.
//
//   auto server = ServerProcess::Start({.binary = bin, .db = dir + "/store"});
//   auto stub = entente::v1::GraphService::NewStub((*server)->channel());
//   ...
//   EXPECT_EQ((*server)->Stop(SIGTERM).value(), 0);
//
// Thread-safety: not thread-safe; owned by one test.

#include <sys/types.h>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"

namespace entente::testing {

class ServerProcess {
 public:
  struct Options {
    std::string binary;                   // The `entente` executable.
    std::string db;                       // Store directory (created by the server).
    std::vector<std::string> extra_args;  // After `serve --db D --listen A`.
    std::string log_path;                 // The server's stderr; "" = db + ".log".
    // PEM of the CA that signed the server's certificate: talk TLS to it, with
    // "localhost" as the expected name. "" = plaintext.
    std::string tls_root_pem;
    absl::Duration startup_timeout = absl::Seconds(60);
  };

  // Starts the server and waits until its health service answers SERVING.
  // Unavailable with the server's log when it exits or times out first.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(Options options);
  // Kills the server (SIGKILL) if it still runs.
  ~ServerProcess();

  const std::string& address() const { return address_; }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  std::string log() const;
  pid_t pid() const { return pid_; }

  // Sends `signal` and waits for the exit; returns the exit code (128 + signal
  // number when killed by one). DeadlineExceeded if it did not exit in time.
  absl::StatusOr<int> Stop(int signal = SIGTERM,
                           absl::Duration timeout = absl::Seconds(60));

 private:
  ServerProcess() = default;
  absl::StatusOr<int> WaitExit(absl::Duration timeout);

  pid_t pid_ = -1;
  std::string address_;
  std::string log_path_;
  std::shared_ptr<grpc::Channel> channel_;
};

// Calls grpc.health.v1.Health/Check for `service` ("" = the whole server) with
// a generic stub; returns the status number (1 = SERVING, 2 = NOT_SERVING).
absl::StatusOr<int> CheckHealth(grpc::Channel* channel, const std::string& service = "",
                                absl::Duration timeout = absl::Seconds(5));

// Asks grpc.reflection.v1alpha.ServerReflection to list the services; returns
// the raw response bytes (the service names appear in them verbatim).
absl::StatusOr<std::string> ListServicesByReflection(grpc::Channel* channel);

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_INTEGRATION_SERVER_PROCESS_H_
