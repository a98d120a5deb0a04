#ifndef ENTENTE_COMMON_STATUS_MACROS_H_
#define ENTENTE_COMMON_STATUS_MACROS_H_

// The two status macros Debian's abseil (20220623) does not ship.
//
//   ENTENTE_RETURN_IF_ERROR(DoThing());
//   ENTENTE_ASSIGN_OR_RETURN(auto value, ComputeValue());

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ENTENTE_RETURN_IF_ERROR(expr)                                     \
  do {                                                                    \
    if (::absl::Status _entente_status = (expr); !_entente_status.ok()) { \
      return _entente_status;                                             \
    }                                                                     \
  } while (false)

#define ENTENTE_STATUS_CONCAT_INNER_(a, b) a##b
#define ENTENTE_STATUS_CONCAT_(a, b) ENTENTE_STATUS_CONCAT_INNER_(a, b)

#define ENTENTE_ASSIGN_OR_RETURN(lhs, expr)                                            \
  ENTENTE_ASSIGN_OR_RETURN_IMPL_(ENTENTE_STATUS_CONCAT_(_entente_statusor_, __LINE__), \
                                 lhs, expr)

#define ENTENTE_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = *std::move(statusor)

#endif  // ENTENTE_COMMON_STATUS_MACROS_H_
