#include "tests/bench/http_load_client.h"

#include <random>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/http.hpp"

namespace entente::bench {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Percent-escapes an entity id for a URL path segment.
std::string PathSegment(const std::string& id) {
  std::string out;
  for (unsigned char c : id) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppend(&out, "%", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

// One connection's calls until `end`; reconnects after an error.
KindReport Drive(const tcp::endpoint& endpoint, const LoadOptions& options, uint64_t seed,
                 absl::Time end) {
  KindReport report;
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<size_t> pick(0, options.entities.size() - 1);
  asio::io_context io;
  tcp::socket socket(io);
  beast::flat_buffer buffer;
  while (absl::Now() < end) {
    beast::error_code error;
    if (!socket.is_open()) {
      socket.connect(endpoint, error);
      if (error) {
        socket.close(error);
        ++report.errors;
        ++report.errors_by_code[-1];
        continue;
      }
      socket.set_option(tcp::no_delay(true), error);
    }
    beast::http::request<beast::http::empty_body> request(
        beast::http::verb::get,
        absl::StrCat("/api/v1/entities/", PathSegment(options.entities[pick(random)]),
                     "/timeline?page_size=50"),
        11);
    request.set(beast::http::field::host, "bench");
    const absl::Time start = absl::Now();
    beast::http::write(socket, request, error);
    beast::http::response<beast::http::string_body> response;
    if (!error) beast::http::read(socket, buffer, response, error);
    report.latencies_us.push_back(
        static_cast<int32_t>(absl::ToInt64Microseconds(absl::Now() - start)));
    ++report.calls;
    if (error || response.result_int() != 200) {
      const int code = error ? -1 : static_cast<int>(response.result_int());
      ++report.errors;
      if (++report.errors_by_code[code] == 1) {
        report.example_error[code] = error ? error.message() : response.body();
      }
      if (error) {
        socket.close(error);
        buffer.clear();
      }
    }
  }
  return report;
}

}  // namespace

LoadReport RunHttpLoad(const std::string& host, int port, const LoadOptions& options) {
  const tcp::endpoint endpoint(asio::ip::make_address(host),
                               static_cast<unsigned short>(port));
  LoadReport report;
  if (options.entities.empty()) return report;
  std::vector<KindReport> parts(options.concurrency);
  std::vector<std::thread> threads;
  const absl::Time begin = absl::Now();
  const absl::Time end = begin + options.duration;
  for (int i = 0; i < options.concurrency; ++i) {
    threads.emplace_back(
        [&, i] { parts[i] = Drive(endpoint, options, options.seed * 1000 + i, end); });
  }
  for (std::thread& thread : threads) thread.join();
  report.elapsed = absl::Now() - begin;
  KindReport& total = report.kinds[QueryKind::kTimeline];
  for (KindReport& part : parts) {
    total.calls += part.calls;
    total.errors += part.errors;
    for (const auto& [code, count] : part.errors_by_code)
      total.errors_by_code[code] += count;
    total.example_error.merge(part.example_error);
    total.latencies_us.insert(total.latencies_us.end(), part.latencies_us.begin(),
                              part.latencies_us.end());
  }
  return report;
}

}  // namespace entente::bench
