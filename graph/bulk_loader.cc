// Bulk load: relations are buffered in chunks, sorted per column family,
// written as SST files and ingested in one atomic IngestExternalFiles call
// per chunk. Relations already stored (or loaded by an earlier chunk) are
// merged exactly as WriteItem would.

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <thread>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "graph/internal/coding.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"
#include "graph/status_macros.h"
#include "rocksdb/sst_file_writer.h"

namespace entente::graph {
namespace {

constexpr size_t kChunkRelations = 500'000;
constexpr size_t kEntityBatch = 10'000;

// Key-value pairs in one arena, sorted by key without moving the bytes.
class KeyValues {
 public:
  void Reserve(size_t entries, size_t bytes) {
    entries_.reserve(entries);
    arena_.reserve(bytes);
  }
  void Add(absl::string_view key, absl::string_view value) {
    entries_.push_back({arena_.size(), static_cast<uint32_t>(key.size()),
                        static_cast<uint32_t>(value.size())});
    arena_.append(key.data(), key.size());
    arena_.append(value.data(), value.size());
  }
  // Sorts by key and drops repeated keys (keeping the first).
  void SortUnique() {
    auto less = [&](const Entry& a, const Entry& b) { return Key(a) < Key(b); };
    std::stable_sort(entries_.begin(), entries_.end(), less);
    entries_.erase(
        std::unique(entries_.begin(), entries_.end(),
                    [&](const Entry& a, const Entry& b) { return Key(a) == Key(b); }),
        entries_.end());
  }
  size_t size() const { return entries_.size(); }
  absl::string_view Key(size_t i) const { return Key(entries_[i]); }
  absl::string_view Value(size_t i) const {
    const Entry& e = entries_[i];
    return absl::string_view(arena_).substr(e.offset + e.key_size, e.value_size);
  }

 private:
  struct Entry {
    size_t offset;
    uint32_t key_size, value_size;
  };
  absl::string_view Key(const Entry& e) const {
    return absl::string_view(arena_).substr(e.offset, e.key_size);
  }
  std::string arena_;
  std::vector<Entry> entries_;
};

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

class SstBulkLoader final : public BulkLoader {
 public:
  SstBulkLoader(Store::Impl* impl, bool store_empty)
      : impl_(impl),
        store_empty_(store_empty),
        tmp_dir_((std::filesystem::path(impl->dir()) / "bulk.tmp").string()) {}

  ~SstBulkLoader() override {
    std::error_code ec;
    std::filesystem::remove_all(tmp_dir_, ec);
    absl::MutexLock lock(&impl_->write_mu_);
    impl_->bulk_active_ = false;
  }

  absl::Status Add(const Relation& r) override {
    if (r.type == RelationType::kUnspecified || r.source.id.empty() ||
        r.target.id.empty() || r.source.id.find('\0') != std::string::npos ||
        r.target.id.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("bulk load: relation ", r.source.id, " - ", r.target.id,
                       " needs a type and two endpoint ids without NUL bytes"));
    }
    const uint64_t id = RelationIdOf(r);
    auto [it, inserted] = chunk_index_.try_emplace(id, chunk_.size());
    if (inserted) {
      chunk_.push_back(r);
      chunk_ids_.push_back(id);
    } else {
      MergeRelation(r, &chunk_[it->second]);
    }
    for (const EntityRef* ref : {&r.source, &r.target}) {
      auto found = entities_.find(ref->id);
      if (found == entities_.end() || found->second.name.empty() ||
          found->second.kind == EntityKind::kUnspecified) {
        AddEntityInternal(Entity{ref->id, ref->name, ref->kind, {}});
      }
    }
    if (chunk_.size() >= kChunkRelations) return Flush();
    return absl::OkStatus();
  }

  absl::Status AddEntity(const Entity& entity) override {
    if (entity.id.empty() || entity.id.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError("bulk load: entity id empty or with a NUL byte");
    }
    AddEntityInternal(entity);
    return absl::OkStatus();
  }

  absl::StatusOr<WriteResult> Finish() override {
    ENTENTE_RETURN_IF_ERROR(Flush());
    ENTENTE_RETURN_IF_ERROR(WriteEntities());
    ENTENTE_RETURN_IF_ERROR(impl_->RefreshView());
    return result_;
  }

 private:
  void AddEntityInternal(const Entity& e) {
    auto [it, inserted] = entities_.try_emplace(e.id, e);
    if (inserted) return;
    Entity& into = it->second;
    if (into.name.empty()) into.name = e.name;
    if (into.kind == EntityKind::kUnspecified) into.kind = e.kind;
    for (const std::string& alias : e.aliases) {
      if (std::find(into.aliases.begin(), into.aliases.end(), alias) ==
          into.aliases.end()) {
        into.aliases.push_back(alias);
      }
    }
  }

  // Replaces chunk_ entries that are already stored by their merged form;
  // returns which entries to write.
  absl::StatusOr<std::vector<size_t>> MergeWithStored();
  absl::Status Flush();
  absl::Status WriteSst(internal::CfIndex cf, KeyValues* kvs, int file_no,
                        rocksdb::IngestExternalFileArg* arg);
  absl::Status WriteEntities();

  Store::Impl* impl_;
  const bool store_empty_;
  const std::string tmp_dir_;
  std::vector<Relation> chunk_;
  std::vector<uint64_t> chunk_ids_;  // RelationIdOf(chunk_[i]).
  absl::flat_hash_map<uint64_t, size_t> chunk_index_;
  absl::flat_hash_set<uint64_t> loaded_ids_;  // Used while store_empty_.
  absl::flat_hash_map<std::string, Entity> entities_;
  WriteResult result_;
  int flushes_ = 0;
};

absl::StatusOr<std::vector<size_t>> SstBulkLoader::MergeWithStored() {
  std::vector<size_t> lookup;
  for (size_t i = 0; i < chunk_.size(); ++i) {
    if (!store_empty_ || loaded_ids_.contains(RelationIdOf(chunk_[i])))
      lookup.push_back(i);
  }
  std::vector<std::string> keys;
  for (size_t i : lookup) keys.push_back(internal::RelationKey(RelationIdOf(chunk_[i])));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  impl_->db()->MultiGet(rocksdb::ReadOptions(), impl_->cf(internal::kRelations),
                        keys.size(), slices.data(), values.data(), statuses.data());
  std::vector<bool> skip(chunk_.size(), false);
  std::vector<bool> existed(chunk_.size(), false);
  for (size_t j = 0; j < lookup.size(); ++j) {
    if (statuses[j].IsNotFound()) continue;
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(statuses[j], "bulk load: read relation"));
    ENTENTE_ASSIGN_OR_RETURN(Relation stored, internal::DecodeRelation(absl::string_view(
                                                  values[j].data(), values[j].size())));
    Relation& fresh = chunk_[lookup[j]];
    existed[lookup[j]] = true;
    if (MergeRelation(fresh, &stored)) {
      fresh = std::move(stored);
      ++result_.merged;
    } else {
      skip[lookup[j]] = true;
      ++result_.unchanged;
    }
  }
  std::vector<size_t> write;
  for (size_t i = 0; i < chunk_.size(); ++i) {
    if (skip[i]) continue;
    if (!existed[i]) ++result_.new_relations;
    write.push_back(i);
  }
  return write;
}

absl::Status SstBulkLoader::WriteSst(internal::CfIndex cf, KeyValues* kvs, int file_no,
                                     rocksdb::IngestExternalFileArg* arg) {
  kvs->SortUnique();
  rocksdb::Options options(rocksdb::DBOptions(), impl_->CfOptions());
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, impl_->cf(cf));
  std::string path = absl::StrCat(tmp_dir_, "/", flushes_, "-", file_no, ".sst");
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(writer.Open(path), "bulk load: create SST"));
  for (size_t i = 0; i < kvs->size(); ++i) {
    ENTENTE_RETURN_IF_ERROR(
        FromRocksStatus(writer.Put(ToSlice(kvs->Key(i)), ToSlice(kvs->Value(i))),
                        "bulk load: write SST"));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(writer.Finish(), "bulk load: finish SST"));
  arg->column_family = impl_->cf(cf);
  arg->external_files = {path};
  arg->options.move_files = true;
  *kvs = KeyValues();
  return absl::OkStatus();
}

absl::Status SstBulkLoader::Flush() {
  if (chunk_.empty()) return absl::OkStatus();
  ENTENTE_ASSIGN_OR_RETURN(std::vector<size_t> write, MergeWithStored());
  KeyValues relations, edges, by_entity, by_pair;
  relations.Reserve(write.size(), write.size() * 300);
  edges.Reserve(write.size(), write.size() * 60);
  by_entity.Reserve(2 * write.size(), write.size() * 70);
  by_pair.Reserve(write.size(), write.size() * 60);
  std::string key, value, prefix;
  for (size_t i : write) {
    const Relation& r = chunk_[i];
    const uint64_t id = chunk_ids_[i];
    key = internal::RelationKey(id);
    value.clear();
    internal::EncodeRelation(r, &value);
    relations.Add(key, value);
    value.clear();
    internal::EncodeEdge(r, &value);
    edges.Add(key, value);
    const int32_t first = r.date.FirstDay();
    const std::string index = internal::IndexValue(r.type, r.date.EndDay());
    by_entity.Add(internal::TimelineKey(internal::EntityPrefix(r.source.id), first, id),
                  index);
    if (r.target.id != r.source.id) {
      by_entity.Add(internal::TimelineKey(internal::EntityPrefix(r.target.id), first, id),
                    index);
    }
    by_pair.Add(
        internal::TimelineKey(internal::PairPrefix(r.source.id, r.target.id), first, id),
        index);
    if (store_empty_) loaded_ids_.insert(id);
  }
  chunk_.clear();
  chunk_ids_.clear();
  chunk_index_.clear();
  if (write.empty()) return absl::OkStatus();
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir_, ec);
  std::vector<rocksdb::IngestExternalFileArg> args(4);
  // Two column families per thread: sorting and compressing dominate.
  absl::Status background;
  std::thread helper([&] {
    background = WriteSst(internal::kByEntity, &by_entity, 2, &args[2]);
    if (background.ok()) background = WriteSst(internal::kByPair, &by_pair, 3, &args[3]);
  });
  absl::Status foreground = WriteSst(internal::kRelations, &relations, 0, &args[0]);
  if (foreground.ok()) foreground = WriteSst(internal::kEdges, &edges, 1, &args[1]);
  helper.join();
  ENTENTE_RETURN_IF_ERROR(foreground);
  ENTENTE_RETURN_IF_ERROR(background);
  ++flushes_;
  return FromRocksStatus(impl_->db()->IngestExternalFiles(args), "bulk load: ingest");
}

absl::Status SstBulkLoader::WriteEntities() {
  std::vector<Entity> batch_entities;
  auto write = [&]() -> absl::Status {
    rocksdb::WriteBatch batch;
    absl::MutexLock lock(&impl_->write_mu_);
    ENTENTE_RETURN_IF_ERROR(
        impl_->UpsertEntities(batch_entities, &batch, &result_.new_entities));
    batch_entities.clear();
    if (batch.Count() == 0) return absl::OkStatus();
    return FromRocksStatus(impl_->db()->Write(rocksdb::WriteOptions(), &batch),
                           "bulk load: write entities");
  };
  for (auto& [id, entity] : entities_) {
    batch_entities.push_back(std::move(entity));
    if (batch_entities.size() >= kEntityBatch) ENTENTE_RETURN_IF_ERROR(write());
  }
  entities_.clear();
  return write();
}

}  // namespace

absl::StatusOr<std::unique_ptr<BulkLoader>> Store::NewBulkLoader() {
  ENTENTE_RETURN_IF_ERROR(impl_->RequireWritable());
  {
    absl::MutexLock lock(&impl_->write_mu_);
    if (impl_->bulk_active_) {
      return absl::FailedPreconditionError("a bulk load is already in progress");
    }
    impl_->bulk_active_ = true;
  }
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db()->NewIterator(rocksdb::ReadOptions(), impl_->cf(internal::kRelations)));
  it->SeekToFirst();
  const bool empty = !it->Valid();
  std::error_code ec;
  std::filesystem::remove_all(std::filesystem::path(impl_->dir()) / "bulk.tmp", ec);
  return std::unique_ptr<BulkLoader>(new SstBulkLoader(impl_.get(), empty));
}

}  // namespace entente::graph
