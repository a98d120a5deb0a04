#ifndef ENTENTE_SERVICE_CLI_LOCAL_SERVICE_H_
#define ENTENTE_SERVICE_CLI_LOCAL_SERVICE_H_

// `--db DIR` for the query commands: opens the store in this process and
// serves it through an in-process GraphServiceImpl with no network port. The
// store is opened read-only; when another process (a running `entente
// serve`) holds it, as a RocksDB secondary instance in a fresh temporary
// directory that is removed again on destruction. The gazetteer (iso-codes
// from importers::DefaultIsoCodesDir(), gazetteer.h, and the embedded alias tables)
// is loaded so that every country, person and city it knows resolves, as it
// does with `entente serve`.
//
// Thread-safety: the channel may be used from any thread; Open and the
// destructor run on one thread.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"

namespace entente::service::cli {

class LocalService {
 public:
  // NotFound when `db` does not hold a store; other errors (a missing
  // iso-codes directory) name the cause.
  static absl::StatusOr<std::unique_ptr<LocalService>> Open(const std::string& db);
  virtual ~LocalService() = default;

  // A channel to the in-process server; valid while this object lives.
  virtual std::shared_ptr<grpc::Channel> channel() = 0;
};

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_LOCAL_SERVICE_H_
