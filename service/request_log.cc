#include "service/request_log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/json_string.h"
#include "grpc/grpc.h"
#include "grpcpp/server_context.h"
#include "service/grpc_status.h"

namespace entente::service {
namespace {

using grpc::experimental::InterceptionHookPoints;

class RequestLogInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit RequestLogInterceptor(grpc::experimental::ServerRpcInfo* info)
      : info_(info), start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      NoteEndOfReceiving();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Log(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  // A receive that found no message. When the client cancels or goes away, the
  // receive fails with an error. When gRPC itself rejects a message over the size
  // limit, it ends the call with RESOURCE_EXHAUSTED for the client, and here the
  // receive only finds the stream closed, as at a client's normal end of stream;
  // the call shows as cancelled once gRPC's own cancellation has landed.
  void NoteEndOfReceiving() {
    grpc::ServerContextBase* context = info_->server_context();
    if (context == nullptr) return;
    if (grpc_call_failed_before_recv_message(context->c_call()) == 0) {
      stream_ended_without_error_.store(true, std::memory_order_relaxed);
    }
  }

  // gRPC cancels a call whose message it rejected on one of its own threads, and
  // the handler can see its stream end a little before the call shows as
  // cancelled. So when the stream ended without error, the call gets a short moment
  // (kCancellationGrace) to show the cancellation before its line is written. A call that
  // really ended well pays that moment once, at its end.
  static constexpr absl::Duration kCancellationGrace = absl::Milliseconds(5);
  static bool CancelledWithin(grpc::ServerContextBase& context, absl::Duration grace) {
    const absl::Time give_up = absl::Now() + grace;
    while (!context.IsCancelled()) {
      if (absl::Now() >= give_up) return false;
      absl::SleepFor(absl::Microseconds(100));
    }
    return true;
  }

  // Notes a rejected message where the stream ended without error but the call
  // was cancelled all the same.
  void NoteRejection() {
    grpc::ServerContextBase* context = info_->server_context();
    if (context == nullptr ||
        !stream_ended_without_error_.load(std::memory_order_relaxed)) {
      return;
    }
    if (CancelledWithin(*context, kCancellationGrace)) {
      message_rejected_.store(true, std::memory_order_relaxed);
    }
  }

  // The status the client got (see request_log.h).
  grpc::StatusCode ClientCode(const grpc::Status& status) const {
    const grpc::ServerContextBase* context = info_->server_context();
    if (context == nullptr) return status.error_code();
    auto deadline = context->deadline();
    if (deadline != std::chrono::system_clock::time_point::max() &&
        std::chrono::system_clock::now() >= deadline) {
      return grpc::StatusCode::DEADLINE_EXCEEDED;
    }
    if (message_rejected_.load(std::memory_order_relaxed))
      return grpc::StatusCode::RESOURCE_EXHAUSTED;
    if (context->IsCancelled()) return grpc::StatusCode::CANCELLED;
    return status.error_code();
  }

  void Log(const grpc::Status& status) {
    NoteRejection();
    absl::Time now = absl::Now();
    const grpc::StatusCode code = ClientCode(status);
    std::string line = absl::StrFormat(
        "{\"time\":\"%s\",\"method\":%s,\"code\":\"%s\",\"latency_ms\":%.3f",
        absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", now, absl::UTCTimeZone()),
        common::JsonString(info_->method()), StatusCodeName(code),
        absl::ToDoubleMilliseconds(now - start_));
    if (code != status.error_code()) {
      absl::StrAppend(&line, ",\"handler_code\":\"", StatusCodeName(status.error_code()),
                      "\"");
    }
    if (info_->server_context() != nullptr) {
      absl::StrAppend(&line,
                      ",\"peer\":", common::JsonString(info_->server_context()->peer()));
    }
    if (!status.ok()) {
      absl::StrAppend(&line, ",\"message\":", common::JsonString(status.error_message()));
    }
    line.append("}\n");
    // One write per line keeps concurrent lines whole.
    std::fwrite(line.data(), 1, line.size(), stderr);
  }

  grpc::experimental::ServerRpcInfo* const info_;
  const absl::Time start_;
  // The request stream ended without an error (see NoteEndOfReceiving).
  std::atomic<bool> stream_ended_without_error_{false};
  // gRPC rejected a request message (over the size limit) and ended the call.
  std::atomic<bool> message_rejected_{false};
};

class RequestLogFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RequestLogInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogFactory() {
  return std::make_unique<RequestLogFactory>();
}

}  // namespace entente::service
