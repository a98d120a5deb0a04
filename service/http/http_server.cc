#include "service/http/http_server.h"

#include <sys/socket.h>

#include <cerrno>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/write.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/http.hpp"
#include "grpcpp/client_context.h"
#include "service/grpc_status.h"
#include "service/http/json_printer.h"
#include "service/http/page.h"
#include "service/http/query_request.h"

namespace entente::service::http {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr absl::string_view kWatchPath = "/api/v1/watch";

void SetReceiveTimeout(int fd, absl::Duration timeout) {
  const timeval tv = absl::ToTimeval(timeout);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

void WriteReply(tcp::socket& socket, ApiReply reply, unsigned version, bool keep_alive,
                beast::error_code& error) {
  beast::http::response<beast::http::string_body> response(
      static_cast<beast::http::status>(reply.status), version);
  response.set(beast::http::field::server, "entente");
  response.set(beast::http::field::content_type, reply.content_type);
  response.set(beast::http::field::cache_control, "no-store");
  response.keep_alive(keep_alive);
  response.body() = std::move(reply.body);
  response.prepare_payload();
  beast::http::write(socket, response, error);
}

// The endpoint of a host ("127.0.0.1", "[::1]", "localhost") and port;
// InvalidArgument naming --http.
absl::StatusOr<tcp::endpoint> Endpoint(std::string host, int port) {
  if (port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--http: port ", port, " is not 0-65535"));
  }
  if (absl::StartsWith(host, "[") && absl::EndsWith(host, "]")) {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost") host = "127.0.0.1";
  beast::error_code error;
  asio::ip::address address = asio::ip::make_address(host, error);
  if (error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--http: ", QuoteInput(host), " is not an IP address (write 127.0.0.1:8080)"));
  }
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

}  // namespace

HttpServer::HttpServer(const HttpServerOptions& options,
                       std::shared_ptr<grpc::Channel> channel)
    : options_(options), api_(std::move(channel)), acceptor_(io_) {}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    const HttpServerOptions& options, std::shared_ptr<grpc::Channel> channel) {
  absl::StatusOr<tcp::endpoint> endpoint = Endpoint(options.host, options.port);
  if (!endpoint.ok()) return endpoint.status();
  std::unique_ptr<HttpServer> server(new HttpServer(options, std::move(channel)));
  beast::error_code error;
  server->acceptor_.open(endpoint->protocol(), error);
  if (!error) server->acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) server->acceptor_.bind(*endpoint, error);
  if (!error) server->acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat("--http: cannot listen on ", options.host,
                                               ":", options.port, ": ", error.message()));
  }
  server->port_ = server->acceptor_.local_endpoint().port();
  server->accept_thread_ = std::thread([raw = server.get()] { raw->AcceptLoop(); });
  return server;
}

HttpServer::~HttpServer() { Shutdown(); }

void HttpServer::Shutdown() {
  if (shut_down_.exchange(true)) return;
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
    // Wakes the blocked accept() and every connection's read or write.
    ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  if (accept_thread_.joinable()) accept_thread_.join();
  for (Worker& worker : workers_) worker.thread.join();
  workers_.clear();
  beast::error_code ignored;
  acceptor_.close(ignored);
}

bool HttpServer::Register(int fd) {
  absl::MutexLock lock(&mutex_);
  if (stopping_ || static_cast<int>(open_fds_.size()) >= options_.max_connections) {
    return false;
  }
  open_fds_.insert(fd);
  return true;
}

void HttpServer::Unregister(int fd) {
  absl::MutexLock lock(&mutex_);
  open_fds_.erase(fd);
}

void HttpServer::AcceptLoop() {
  for (;;) {
    beast::error_code error;
    tcp::socket socket(io_);
    acceptor_.accept(socket, error);
    {
      absl::MutexLock lock(&mutex_);
      if (stopping_) return;
    }
    if (error) continue;  // A client that gave up before it was accepted.
    // Threads of closed connections are joined here, so that they do not pile up.
    std::erase_if(workers_, [](Worker& worker) {
      if (!worker.done->load()) return false;
      worker.thread.join();
      return true;
    });
    const int fd = socket.native_handle();
    if (!Register(fd)) {
      WriteReply(socket,
                 ErrorReply(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                         "too many connections; try again")),
                 11, false, error);
      continue;
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    workers_.push_back(
        {std::thread([this, done, s = std::move(socket)]() mutable {
           const int own_fd = s.native_handle();
           Serve(s);
           beast::error_code ignored;
           s.shutdown(tcp::socket::shutdown_both, ignored);
           Unregister(own_fd);  // Before the socket closes, so the number is not reused.
           s.close(ignored);
           done->store(true);
         }),
         done});
  }
}

ApiReply HttpServer::Answer(const ApiRequest& request) const {
  if (Api::Serves(request.target)) return api_.Handle(request);
  absl::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  if (request.method != "GET" && request.method != "HEAD") {
    return ApiReply{405, "text/plain; charset=utf-8", "the page answers GET\n"};
  }
  if (const PageFile* file = FindPageFile(path)) {
    return ApiReply{200, std::string(file->content_type), std::string(file->body)};
  }
  return ApiReply{404, "text/plain; charset=utf-8",
                  absl::StrCat("no page at ", path, "; start at /\n")};
}

void HttpServer::Serve(tcp::socket& socket) {
  const int fd = socket.native_handle();
  SetReceiveTimeout(fd, options_.idle_timeout);
  beast::error_code error;
  socket.set_option(tcp::no_delay(true), error);
  beast::flat_buffer buffer;
  for (;;) {
    beast::http::request_parser<beast::http::string_body> parser;
    parser.body_limit(kMaxRequestBytes);
    parser.header_limit(64 << 10);
    beast::http::read(socket, buffer, parser, error);
    if (error == beast::http::error::body_limit ||
        error == beast::http::error::header_limit) {
      WriteReply(socket,
                 ApiReply{413, "text/plain; charset=utf-8",
                          absl::StrCat("a request may have at most ", kMaxRequestBytes,
                                       " bytes of body and 64 KiB of headers\n")},
                 11, false, error);
      return;
    }
    if (error) {
      // A request that does not parse as HTTP is answered before closing; a
      // closed or idle connection is just closed.
      if (error != beast::http::error::end_of_stream && parser.got_some() &&
          error != asio::error::connection_reset && error != asio::error::would_block &&
          error != asio::error::try_again && error != asio::error::timed_out) {
        WriteReply(socket,
                   ApiReply{400, "text/plain; charset=utf-8",
                            absl::StrCat("bad HTTP request: ", error.message(), "\n")},
                   11, false, error);
      }
      return;
    }
    const auto& message = parser.get();
    ApiRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.authorization = std::string(message[beast::http::field::authorization]);
    request.body = message.body();
    if (absl::string_view(request.target).substr(0, request.target.find('?')) ==
        kWatchPath) {
      ServeEvents(socket, request);
      return;
    }
    ApiReply reply = Answer(request);
    if (request.method == "HEAD") reply.body.clear();
    const bool keep_alive = message.keep_alive();
    WriteReply(socket, std::move(reply), message.version(), keep_alive, error);
    if (error || !keep_alive) return;
  }
}

void HttpServer::ServeEvents(tcp::socket& socket, const ApiRequest& request) {
  beast::error_code error;
  v1::WatchRelationsRequest watch;
  const size_t question = request.target.find('?');
  absl::StatusOr<QueryParams> params =
      ParseQuery(question == std::string::npos
                     ? ""
                     : absl::string_view(request.target).substr(question + 1));
  absl::Status status = params.ok() ? FillRequest(*params, watch) : params.status();
  if (!status.ok()) {
    WriteReply(socket, ErrorReply(status), 11, false, error);
    return;
  }
  grpc::ClientContext context;
  if (!request.authorization.empty()) {
    context.AddMetadata("authorization", request.authorization);
  }
  std::unique_ptr<grpc::ClientReader<v1::WatchRelationsResponse>> reader =
      api_.stub().WatchRelations(&context, watch);
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
      "Connection: close\r\nServer: entente\r\n\r\n: watching for new relations\n\n";
  asio::write(socket, asio::buffer(head), error);
  // The client never speaks again: a read that ends means it has gone (or the
  // server is stopping), and the watch is cancelled.
  const int fd = socket.native_handle();
  std::thread hangup([fd, &context] {
    char byte;
    for (;;) {
      const ssize_t n = ::recv(fd, &byte, 1, 0);
      if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR))) continue;
      break;
    }
    context.TryCancel();
  });
  v1::WatchRelationsResponse response;
  while (!error && reader->Read(&response)) {
    asio::write(socket, asio::buffer(absl::StrCat("data: ", PrintJson(response), "\n\n")),
                error);
  }
  if (error) context.TryCancel();  // The client has gone.
  grpc::Status end = reader->Finish();
  if (!error && !end.ok()) {
    asio::write(
        socket,
        asio::buffer(absl::StrCat("event: error\ndata: ", ErrorReply(end).body, "\n\n")),
        error);
  }
  ::shutdown(fd, SHUT_RDWR);
  hangup.join();
}

}  // namespace entente::service::http
