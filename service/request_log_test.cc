// The request log records the status the client got, not only what the
// handler returned.

#include "service/request_log.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "entente/v1/graph_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace entente::service {
namespace {

using ::testing::HasSubstr;

// Request messages larger than this are rejected by gRPC.
constexpr int kMaxReceiveBytes = 1000;

// GetStats answers OK, but only once gRPC has ended the call for the client: its
// deadline passed or it cancelled. (Answering as soon as the clock reaches the
// deadline raced the client's own timer: the client could still get the OK.)
// ImportDigests reads the whole stream, as the real one does, and answers OK.
class LateService final
    : public v1::GraphService::WithCallbackMethod_GetStats<v1::GraphService::Service> {
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
  grpc::Status ImportDigests(grpc::ServerContext*,
                             grpc::ServerReader<v1::ImportDigestsRequest>* reader,
                             v1::ImportDigestsResponse*) override {
    v1::ImportDigestsRequest request;
    if (reader->Read(&request)) {
      first_read_.Notify();
      while (reader->Read(&request)) {
      }
    }
    return grpc::Status::OK;
  }
  absl::Notification& started() { return started_; }
  absl::Notification& first_read() { return first_read_; }

 private:
  absl::Notification started_;
  absl::Notification first_read_;
};

// A document of `bytes` bytes of text.
v1::ImportDigestsRequest Document(size_t bytes) {
  v1::ImportDigestsRequest request;
  request.mutable_document()->set_name("invented.txt");
  request.mutable_document()->set_text(std::string(bytes, 'x'));
  return request;
}

// The log says the client got `code` where the handler had answered OK.
void ExpectLoggedOverAnOk(const std::string& log, absl::string_view code) {
  EXPECT_THAT(log, HasSubstr(absl::StrCat("\"code\":\"", code, "\"")));
  EXPECT_THAT(log, HasSubstr("\"handler_code\":\"OK\""));
}

// Runs `call` against a logging server and returns what the log printed.
template <typename Call>
std::string LogOf(Call call) {
  LateService service;
  grpc::ServerBuilder builder;
  builder.RegisterService(&service);
  builder.SetMaxReceiveMessageSize(kMaxReceiveBytes);
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
  ExpectLoggedOverAnOk(log, "DEADLINE_EXCEEDED");
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
  ExpectLoggedOverAnOk(log, "CANCELLED");
}

TEST(RequestLog, AStreamMessageOverTheSizeLimitIsLoggedResourceExhausted) {
  grpc::Status got;
  std::string log = LogOf([&](v1::GraphService::Stub& stub, LateService&) {
    grpc::ClientContext context;
    v1::ImportDigestsResponse response;
    auto writer = stub.ImportDigests(&context, &response);
    writer->Write(Document(2 * kMaxReceiveBytes));
    writer->WritesDone();
    got = writer->Finish();
  });
  EXPECT_EQ(got.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << got.error_message();
  ExpectLoggedOverAnOk(log, "RESOURCE_EXHAUSTED");
}

// Both end the stream under the handler; only a rejected message is RESOURCE_EXHAUSTED.
TEST(RequestLog, AStreamTheClientCancelledIsLoggedCancelled) {
  grpc::Status got;
  std::string log = LogOf([&](v1::GraphService::Stub& stub, LateService& service) {
    grpc::ClientContext context;
    v1::ImportDigestsResponse response;
    auto writer = stub.ImportDigests(&context, &response);
    ASSERT_TRUE(writer->Write(Document(10)));
    service.first_read().WaitForNotification();
    context.TryCancel();
    got = writer->Finish();
  });
  EXPECT_EQ(got.error_code(), grpc::StatusCode::CANCELLED);
  ExpectLoggedOverAnOk(log, "CANCELLED");
}

}  // namespace
}  // namespace entente::service
