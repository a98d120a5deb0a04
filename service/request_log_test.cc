// The request log records the status the client got, not only what the
// handler returned.

#include "service/request_log.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace entente::service {
namespace {

using ::testing::HasSubstr;

// GetStats answers OK, but only once gRPC has ended the call for the client: its
// deadline passed or it cancelled. (Answering as soon as the clock reaches the
// deadline raced the client's own timer: the client could still get the OK.)
class LateService final : public v1::GraphService::CallbackService {
 public:
  grpc::ServerUnaryReactor* GetStats(grpc::CallbackServerContext* context,
                                     const v1::GetStatsRequest*,
                                     v1::GetStatsResponse*) override {
    started_.Notify();
    // Bounded, so that a broken cancellation fails the test instead of hanging it.
    const auto give_up = std::chrono::system_clock::now() + std::chrono::seconds(30);
    while (!context->IsCancelled() && std::chrono::system_clock::now() < give_up) {
      absl::SleepFor(absl::Milliseconds(1));  // Polls the call's state.
    }
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  absl::Notification& started() { return started_; }

 private:
  absl::Notification started_;
};

// Runs `call` against a logging server and returns what the log printed.
template <typename Call>
std::string LogOf(Call call) {
  LateService service;
  grpc::ServerBuilder builder;
  builder.RegisterService(&service);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(NewRequestLogFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  ::testing::internal::CaptureStderr();
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  auto stub = v1::GraphService::NewStub(server->InProcessChannel({}));
  call(*stub, service);
  server->Shutdown();  // Waits for the handler, so its line is written.
  return ::testing::internal::GetCapturedStderr();
}

TEST(RequestLog, ACallPastItsDeadlineIsLoggedDeadlineExceeded) {
  grpc::Status got;
  std::string log = LogOf([&](v1::GraphService::Stub& stub, LateService&) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::milliseconds(50));
    v1::GetStatsResponse response;
    got = stub.GetStats(&context, {}, &response);
  });
  EXPECT_EQ(got.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(log, HasSubstr("\"code\":\"DEADLINE_EXCEEDED\""));
  EXPECT_THAT(log, HasSubstr("\"handler_code\":\"OK\""));
}

TEST(RequestLog, ACallTheClientCancelledIsLoggedCancelled) {
  grpc::Status got;
  std::string log = LogOf([&](v1::GraphService::Stub& stub, LateService& service) {
    grpc::ClientContext context;
    v1::GetStatsResponse response;
    absl::Notification done;
    stub.async()->GetStats(&context, &v1::GetStatsRequest::default_instance(), &response,
                           [&](grpc::Status status) {
                             got = status;
                             done.Notify();
                           });
    service.started().WaitForNotification();
    context.TryCancel();
    done.WaitForNotification();
  });
  EXPECT_EQ(got.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_THAT(log, HasSubstr("\"code\":\"CANCELLED\""));
  EXPECT_THAT(log, HasSubstr("\"handler_code\":\"OK\""));
}

}  // namespace
}  // namespace entente::service
