#ifndef ENTENTE_GRAPH_INTERNAL_STORE_IMPL_H_
#define ENTENTE_GRAPH_INTERNAL_STORE_IMPL_H_

// Store's private state, shared by the store's .cc files (open, write, read,
// bulk load). Not part of the graph/ API.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "graph/graph_view.h"
#include "graph/internal/entity_names.h"
#include "graph/internal/keys.h"
#include "graph/store.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"

namespace entente::graph {

// The one place where a rocksdb::Status becomes an absl::Status. `context`
// says what was being done ("open /path", "write item").
absl::Status FromRocksStatus(const rocksdb::Status& status, absl::string_view context);

class Store::Impl {
 public:
  Impl(std::string dir, StoreOptions options)
      : dir_(std::move(dir)),
        options_(std::move(options)),
        known_(options_.known_entities) {}
  ~Impl();

  // Opens RocksDB and checks the metadata; see Store::Open.
  absl::Status Open();
  absl::Status RefreshView();
  // Publishes a view built elsewhere (a bulk load's), like RefreshView.
  void PublishView(std::shared_ptr<const GraphView> view);
  std::shared_ptr<const GraphView> View() const;
  absl::StatusOr<WriteResult> WriteItem(absl::Span<const Entity> entities,
                                        absl::Span<const Relation> relations);

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(internal::CfIndex index) const {
    return handles_[index];
  }
  const std::string& dir() const { return dir_; }
  const StoreOptions& options() const { return options_; }
  rocksdb::ColumnFamilyOptions CfOptions(internal::CfIndex index) const;
  absl::Status RequireWritable() const;
  const internal::KnownEntityIndex& known() const { return known_; }
  // The stored entity with this id, else the known one; nullopt for neither.
  absl::StatusOr<std::optional<Entity>> ReadEntity(const rocksdb::ReadOptions& read,
                                                   absl::string_view id) const;
  // The relations with these ids, in order, read in one MultiGet; nullopt
  // for an id not stored. `what` names the read in errors.
  absl::StatusOr<std::vector<std::optional<Relation>>> ReadRelations(
      const rocksdb::ReadOptions& read, absl::Span<const uint64_t> ids,
      absl::string_view what) const;

  // Read-modify-write of entities into `batch` (callers hold write_mu_).
  absl::Status UpsertEntities(const std::vector<Entity>& entities,
                              rocksdb::WriteBatch* batch, int64_t* new_entities)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  absl::Mutex write_mu_;
  // Reads hold it shared; a secondary's catch-up holds it exclusively, since
  // RocksDB has no snapshots in secondary mode.
  mutable absl::Mutex catchup_mu_;
  bool bulk_active_ ABSL_GUARDED_BY(write_mu_) = false;

 private:
  absl::Status CheckDirectory(bool* create);
  absl::Status CheckMetadata(bool created);
  // Rewrites a version-1 store's edge records at version 2 (see records.h).
  absl::Status UpgradeFromVersion1();
  absl::StatusOr<std::shared_ptr<const GraphView>> BuildView() const;

  const std::string dir_;
  const StoreOptions options_;
  const internal::KnownEntityIndex known_;
  std::shared_ptr<rocksdb::Cache> cache_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  mutable absl::Mutex view_mu_;
  std::shared_ptr<const GraphView> view_ ABSL_GUARDED_BY(view_mu_);
  absl::Mutex refresh_mu_;  // One view build at a time.
};

// One consistent read: a RocksDB snapshot in read-write mode; in read-only
// and secondary modes the data only changes in CatchUp(), which this scope
// excludes.
class ReadScope {
 public:
  explicit ReadScope(const Store::Impl& impl) : lock_(&impl.catchup_mu_) {
    if (impl.options().mode == StoreOptions::Mode::kReadWrite) {
      snapshot_.emplace(impl.db());
    }
  }
  rocksdb::ReadOptions options() const {
    rocksdb::ReadOptions read;
    if (snapshot_) read.snapshot = snapshot_->snapshot();
    return read;
  }

 private:
  absl::ReaderMutexLock lock_;
  mutable std::optional<rocksdb::ManagedSnapshot> snapshot_;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_INTERNAL_STORE_IMPL_H_
