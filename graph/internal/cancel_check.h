#ifndef ENTENTE_GRAPH_INTERNAL_CANCEL_CHECK_H_
#define ENTENTE_GRAPH_INTERNAL_CANCEL_CHECK_H_

// CancelCheck: a long loop's look at its caller's cancellation flag (a query's
// `cancelled`, set by the service once the client has gone or its deadline has
// passed). The first step reads the flag, then every kEvery-th: the loop pays one
// relaxed load per kEvery steps and stops within kEvery steps of the flag turning.
//
//   internal::CancelCheck cancel(query.cancelled);
//   for (...) {
//     if (cancel.Cancelled()) return internal::CancelledError("stats");
//
// Thread-safety: one loop's; not shared between threads.

#include <atomic>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace entente::graph::internal {

class CancelCheck {
 public:
  static constexpr int kEvery = 4096;

  // Keeps `cancelled` (not owned; may be null: never cancelled).
  explicit CancelCheck(const std::atomic<bool>* cancelled) : cancelled_(cancelled) {}

  // True once the flag is; reads it on the first call and every kEvery-th after.
  bool Cancelled() {
    if (cancelled_ == nullptr || --until_read_ > 0) return false;
    until_read_ = kEvery;
    return cancelled_->load(std::memory_order_relaxed);
  }

 private:
  const std::atomic<bool>* const cancelled_;
  int until_read_ = 1;
};

// The Cancelled status a query stopped by its flag returns.
inline absl::Status CancelledError(absl::string_view what) {
  return absl::CancelledError(
      absl::StrCat(what, ": the call was cancelled or its deadline passed"));
}

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_CANCEL_CHECK_H_
