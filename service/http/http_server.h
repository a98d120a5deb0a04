#ifndef ENTENTE_SERVICE_HTTP_HTTP_SERVER_H_
#define ENTENTE_SERVICE_HTTP_HTTP_SERVER_H_

// HttpServer: `entente serve --http ADDR`, an HTTP/1.1 server (Boost.Beast)
// beside the gRPC server. It answers
//   /api/v1/...             the JSON API (api.h)
//   /svg/paths?...          paths drawn as SVG (api.h, path_svg.h)
//   /api/v1/watch?...       WatchRelations as server-sent events: one
//                           "data: <WatchRelationsResponse JSON>" event per relation
//   /, /entity/{id}, /pair/{a}/{b}, /path/{from}/{to}
//                           the analyst's page (page.h)
// from the GraphServiceImpl behind `channel`.
//
// One thread per connection, with keep-alive; at most max_connections at once
// (more are answered 503 and closed). A connection idle for idle_timeout is
// closed. Requests larger than kMaxRequestBytes are refused (413).
//
// Thread-safety: thread-safe; Shutdown may be called from any thread.

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "grpcpp/channel.h"
#include "service/http/api.h"

namespace entente::service::http {

inline constexpr size_t kMaxRequestBytes = 1 << 20;

struct HttpServerOptions {
  // An IP address ("127.0.0.1", "[::1]", "0.0.0.0") or "localhost"; the
  // default serves loopback only.
  std::string host = "127.0.0.1";
  // 0 picks a free one (see port()). Default 8080.
  int port = 8080;
  // Connections served at once. Default 256.
  int max_connections = 256;
  // How long a kept-alive connection may stay silent. Default 60 s.
  absl::Duration idle_timeout = absl::Seconds(60);
};

class HttpServer {
 public:
  // Binds and starts accepting. `channel` reaches the GraphService. Errors:
  // InvalidArgument naming --http for a bad address, Unavailable when it
  // cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      const HttpServerOptions& options, std::shared_ptr<grpc::Channel> channel);
  // Shuts down (if not done yet).
  ~HttpServer();

  // The port bound (useful with port 0).
  int port() const { return port_; }

  // Stops accepting, closes every connection (ending event streams) and waits
  // for their threads. Idempotent.
  void Shutdown();

 private:
  // A connection's thread; `done` is set when it has finished.
  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };

  HttpServer(const HttpServerOptions& options, std::shared_ptr<grpc::Channel> channel);
  void AcceptLoop();
  // Answers the requests of one connection until it closes.
  void Serve(boost::asio::ip::tcp::socket& socket);
  // Streams WatchRelations to the connection until either side ends it.
  void ServeEvents(boost::asio::ip::tcp::socket& socket, const ApiRequest& request);
  ApiReply Answer(const ApiRequest& request) const;
  // False when the server is stopping or full.
  bool Register(int fd);
  void Unregister(int fd);

  const HttpServerOptions options_;
  Api api_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  int port_ = 0;
  std::thread accept_thread_;
  std::vector<Worker> workers_;  // Touched by the accept thread, then by Shutdown.
  absl::Mutex mutex_;
  absl::flat_hash_set<int> open_fds_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::atomic<bool> shut_down_{false};
};

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_HTTP_SERVER_H_
