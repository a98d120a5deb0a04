#ifndef ENTENTE_SERVICE_CLI_STORE_LOCK_H_
#define ENTENTE_SERVICE_CLI_STORE_LOCK_H_

// Whether another process (a running `entente serve` or `entente import`)
// has the store in DIR open read-write. RocksDB holds an fcntl write lock on
// DIR/LOCK while open read-write; F_GETLK asks about it without taking it.
//
// Thread-safety: thread-safe; no state.

#include <string>

namespace entente::service::cli {

// False when DIR/LOCK is missing, unreadable or unlocked.
bool StoreLockedByOtherProcess(const std::string& dir);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_STORE_LOCK_H_
