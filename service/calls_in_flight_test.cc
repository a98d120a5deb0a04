#include "service/calls_in_flight.h"

#include <optional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace entente::service {
namespace {

TEST(CallsInFlight, CountsTheCallsInScope) {
  CallsInFlight calls;
  EXPECT_EQ(calls.count(), 0);
  {
    CallsInFlight::Scope first(&calls);
    CallsInFlight::Scope second(&calls);
    EXPECT_EQ(calls.count(), 2);
  }
  EXPECT_EQ(calls.count(), 0);
  EXPECT_TRUE(calls.WaitIdle(absl::InfinitePast()));
}

TEST(CallsInFlight, WaitIdleGivesUpAtTheDeadlineWhileACallRuns) {
  CallsInFlight calls;
  CallsInFlight::Scope running(&calls);
  EXPECT_FALSE(calls.WaitIdle(absl::Now() + absl::Milliseconds(5)));
}

TEST(CallsInFlight, WaitIdleReturnsWhenTheLastCallEnds) {
  CallsInFlight calls;
  std::optional<CallsInFlight::Scope> running;
  running.emplace(&calls);
  absl::Notification waiting;
  bool idle = false;
  std::thread waiter([&] {
    waiting.Notify();
    idle = calls.WaitIdle(absl::InfiniteFuture());
  });
  waiting.WaitForNotification();
  running.reset();  // The call ends; only now may the waiter return.
  waiter.join();
  EXPECT_TRUE(idle);
}

}  // namespace
}  // namespace entente::service
