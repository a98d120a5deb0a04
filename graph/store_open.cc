// Opening a store: directory checks, RocksDB options, metadata, view build.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "graph/internal/coding.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"

namespace entente::graph {

using internal::CfIndex;

absl::Status FromRocksStatus(const rocksdb::Status& status, absl::string_view context) {
  if (status.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(context, ": ", status.ToString());
  switch (status.code()) {
    case rocksdb::Status::kNotFound:
      return absl::NotFoundError(message);
    case rocksdb::Status::kCorruption:
      return absl::DataLossError(message);
    case rocksdb::Status::kNotSupported:
      return absl::UnimplementedError(message);
    case rocksdb::Status::kInvalidArgument:
      return absl::InvalidArgumentError(message);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
    case rocksdb::Status::kIncomplete:
    case rocksdb::Status::kShutdownInProgress:
      return absl::UnavailableError(message);
    case rocksdb::Status::kAborted:
      return absl::AbortedError(message);
    case rocksdb::Status::kIOError:
      if (status.IsNoSpace()) return absl::ResourceExhaustedError(message);
      return absl::UnavailableError(message);
    default:
      return absl::InternalError(message);
  }
}

Store::Impl::~Impl() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    if (db_ != nullptr && handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
  }
  if (db_ != nullptr) db_->Close().PermitUncheckedError();
}

rocksdb::ColumnFamilyOptions Store::Impl::CfOptions(internal::CfIndex index) const {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache_;
  // Bloom filters only where we look keys up; the other families are scanned.
  if (index == internal::kRelations || index == internal::kEntities) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  table.cache_index_and_filter_blocks = false;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.compression = rocksdb::kLZ4Compression;
  cf.level0_slowdown_writes_trigger = 40;
  cf.level0_stop_writes_trigger = 64;
  return cf;
}

absl::Status Store::Impl::RequireWritable() const {
  if (options_.mode != StoreOptions::Mode::kReadWrite) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", dir_, " is open read-only"));
  }
  return absl::OkStatus();
}

// Sorts out, before RocksDB touches anything, whether `dir_` is a store, an
// empty place for a new one, or something else.
absl::Status Store::Impl::CheckDirectory(bool* create) {
  namespace fs = std::filesystem;
  std::error_code ec;
  *create = false;
  bool exists = fs::exists(dir_, ec);
  if (exists && !fs::is_directory(dir_, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir_, " is not a directory, so not an Entente store"));
  }
  bool empty = !exists || fs::is_empty(dir_, ec);
  if (empty) {
    if (options_.mode == StoreOptions::Mode::kReadWrite && options_.create_if_missing) {
      *create = true;
      return absl::OkStatus();
    }
    return absl::NotFoundError(absl::StrCat("no Entente store in ", dir_));
  }
  if (!fs::exists(fs::path(dir_) / "CURRENT", ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir_, " holds files but no RocksDB database: not an Entente store"));
  }
  std::vector<std::string> names;
  ENTENTE_RETURN_IF_ERROR(
      FromRocksStatus(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir_, &names),
                      absl::StrCat("open store ", dir_)));
  std::vector<std::string> wanted = internal::ColumnFamilyNames();
  std::sort(names.begin(), names.end());
  std::sort(wanted.begin(), wanted.end());
  if (names != wanted) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir_,
                     " is a RocksDB database but not an Entente store (column "
                     "families: ",
                     absl::StrJoin(names, ", "), ")"));
  }
  return absl::OkStatus();
}

absl::Status Store::Impl::Open() {
  if (options_.mode == StoreOptions::Mode::kSecondary && options_.secondary_dir.empty()) {
    return absl::InvalidArgumentError("secondary mode needs a secondary_dir");
  }
  bool create = false;
  ENTENTE_RETURN_IF_ERROR(CheckDirectory(&create));
  if (create) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot create ", dir_, ": ", ec.message()));
    }
  }
  cache_ = rocksdb::NewLRUCache(
      static_cast<size_t>(std::max<int64_t>(options_.block_cache_mb, 8)) << 20);
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = create;
  db_options.create_missing_column_families = create;
  db_options.max_background_jobs = 2;
  db_options.paranoid_checks = true;
  if (options_.mode == StoreOptions::Mode::kSecondary) db_options.max_open_files = -1;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<std::string> names = internal::ColumnFamilyNames();
  for (size_t i = 0; i < names.size(); ++i) {
    descriptors.emplace_back(names[i], CfOptions(static_cast<internal::CfIndex>(i)));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status;
  switch (options_.mode) {
    case StoreOptions::Mode::kReadWrite:
      status = rocksdb::DB::Open(db_options, dir_, descriptors, &handles_, &raw);
      break;
    case StoreOptions::Mode::kReadOnly:
      status =
          rocksdb::DB::OpenForReadOnly(db_options, dir_, descriptors, &handles_, &raw);
      break;
    case StoreOptions::Mode::kSecondary:
      status = rocksdb::DB::OpenAsSecondary(db_options, dir_, options_.secondary_dir,
                                            descriptors, &handles_, &raw);
      break;
  }
  db_.reset(raw);
  if (!status.ok() && options_.mode == StoreOptions::Mode::kReadWrite &&
      Store::HeldByAnotherProcess(dir_)) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", dir_, " is open in another process"));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(status, absl::StrCat("open store ", dir_)));
  ENTENTE_RETURN_IF_ERROR(CheckMetadata(create));
  return RefreshView();
}

absl::Status Store::Impl::CheckMetadata(bool created) {
  rocksdb::ColumnFamilyHandle* meta = cf(internal::kMetadata);
  if (created) {
    rocksdb::WriteBatch batch;
    batch.Put(meta, internal::kFormatKey, internal::kFormatValue);
    batch.Put(meta, internal::kSchemaVersionKey, absl::StrCat(internal::kSchemaVersion));
    rocksdb::WriteOptions write;
    write.sync = true;
    return FromRocksStatus(db_->Write(write, &batch), "write store metadata");
  }
  std::string format, version;
  rocksdb::Status s1 =
      db_->Get(rocksdb::ReadOptions(), meta, internal::kFormatKey, &format);
  rocksdb::Status s2 =
      db_->Get(rocksdb::ReadOptions(), meta, internal::kSchemaVersionKey, &version);
  if (s1.IsNotFound() || s2.IsNotFound() || format != internal::kFormatValue) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir_, " has no Entente store metadata: not an Entente store"));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s1, "read store metadata"));
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s2, "read store metadata"));
  int stored = 0;
  if (absl::SimpleAtoi(version, &stored) && stored == 1 &&
      options_.mode == StoreOptions::Mode::kReadWrite) {
    return UpgradeFromVersion1();
  }
  if (stored == 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", dir_, " has schema version 1; open it once read-write (an import ",
        "or serve) to upgrade it to version ", internal::kSchemaVersion));
  }
  if (!absl::SimpleAtoi(version, &stored) || stored != internal::kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", dir_, " has schema version \"", version,
                     "\"; this build reads version ", internal::kSchemaVersion));
  }
  return absl::OkStatus();
}

absl::Status Store::Impl::UpgradeFromVersion1() {
  // Version 2 adds the report count and the state-ending flag to each edge
  // record, both derived from the relation record: rewrite every edge from
  // its relation, then the version. An upgrade cut short leaves version 1,
  // and the next open rewrites them all again.
  constexpr size_t kEdgesPerBatch = 10000;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), cf(internal::kRelations)));
  rocksdb::WriteBatch batch;
  std::string value;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ENTENTE_ASSIGN_OR_RETURN(Relation relation,
                             internal::DecodeRelation(absl::string_view(
                                 it->value().data(), it->value().size())));
    value.clear();
    internal::EncodeEdge(relation, &value);
    batch.Put(cf(internal::kEdges), it->key(), value);
    if (batch.Count() >= kEdgesPerBatch) {
      ENTENTE_RETURN_IF_ERROR(FromRocksStatus(db_->Write(rocksdb::WriteOptions(), &batch),
                                              "upgrade store: rewrite edges"));
      batch.Clear();
    }
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "upgrade store: read relations"));
  batch.Put(cf(internal::kMetadata), internal::kSchemaVersionKey,
            absl::StrCat(internal::kSchemaVersion));
  rocksdb::WriteOptions write;
  write.sync = true;  // Version 2 is only claimed once every edge is written.
  ENTENTE_RETURN_IF_ERROR(
      FromRocksStatus(db_->Write(write, &batch), "upgrade store: write version"));
  // Every edge record now has an obsolete twin on disk: drop them before serving.
  return FromRocksStatus(db_->CompactRange(rocksdb::CompactRangeOptions(),
                                           cf(internal::kEdges), nullptr, nullptr),
                         "upgrade store: compact edges");
}

absl::Status Store::Impl::RefreshView() {
  absl::MutexLock refresh(&refresh_mu_);
  ENTENTE_ASSIGN_OR_RETURN(std::shared_ptr<const GraphView> view, BuildView());
  absl::MutexLock lock(&view_mu_);
  view_.swap(view);
  return absl::OkStatus();  // The old view dies with its last reader.
}

void Store::Impl::PublishView(std::shared_ptr<const GraphView> view) {
  absl::MutexLock refresh(&refresh_mu_);
  absl::MutexLock lock(&view_mu_);
  view_.swap(view);
}

std::shared_ptr<const GraphView> Store::Impl::View() const {
  absl::MutexLock lock(&view_mu_);
  return view_;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

bool Store::HeldByAnotherProcess(const std::string& dir) {
  // RocksDB holds an fcntl write lock on LOCK while a read-write instance is open;
  // asking for the lock's holder tells without taking it.
  const std::string path = dir + "/LOCK";
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock probe = {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = 0;
  probe.l_len = 0;  // The whole file.
  const bool locked = fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
  close(fd);
  return locked;
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& dir,
                                                   const StoreOptions& options) {
  auto impl = std::make_unique<Impl>(dir, options);
  ENTENTE_RETURN_IF_ERROR(impl->Open());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

absl::StatusOr<WriteResult> Store::WriteItem(absl::Span<const Entity> entities,
                                             absl::Span<const Relation> relations) {
  return impl_->WriteItem(entities, relations);
}

std::shared_ptr<const GraphView> Store::View() const { return impl_->View(); }
absl::Status Store::RefreshView() { return impl_->RefreshView(); }
const std::string& Store::dir() const { return impl_->dir(); }

absl::Status Store::Compact() {
  ENTENTE_RETURN_IF_ERROR(impl_->RequireWritable());
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (int i = internal::kMetadata; i < internal::kCfCount; ++i) {
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(
        impl_->db()->CompactRange(options, impl_->cf(static_cast<internal::CfIndex>(i)),
                                  nullptr, nullptr),
        "compact store"));
  }
  return absl::OkStatus();
}

absl::Status Store::CatchUp() {
  if (impl_->options().mode != StoreOptions::Mode::kSecondary) {
    return absl::FailedPreconditionError("CatchUp needs a store opened as secondary");
  }
  ENTENTE_RETURN_IF_ERROR(
      FromRocksStatus(impl_->db()->TryCatchUpWithPrimary(), "catch up with the primary"));
  return impl_->RefreshView();
}

}  // namespace entente::graph
