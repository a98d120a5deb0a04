// Bulk load: relations are buffered in chunks, sorted per column family,
// written as SST files and ingested in one atomic IngestExternalFiles call
// per chunk. Relations already stored (or loaded by an earlier chunk) are
// merged exactly as WriteItem would.

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <thread>
#include <tuple>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "graph/internal/coding.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"
#include "graph/status_macros.h"
#include "rocksdb/sst_file_writer.h"

namespace entente::graph {
namespace {

constexpr size_t kChunkRelations = 500'000;
constexpr size_t kEntityBatch = 10'000;
constexpr int kMaxUncompactedChunks = 30;

// Key-value pairs in one arena, sorted by key without moving the bytes.
class KeyValues {
 public:
  // by_key: sort by the key bytes; otherwise by the `order` given to Add.
  explicit KeyValues(bool by_key = false) : by_key_(by_key) {}
  void Reserve(size_t entries, size_t bytes) {
    entries_.reserve(entries);
    arena_.reserve(bytes);
  }
  // `order` must sort like `key` (keys here are big-endian ids).
  void Add(absl::string_view key, absl::string_view value, uint64_t order) {
    entries_.push_back({arena_.size(), order, static_cast<uint32_t>(key.size()),
                        static_cast<uint32_t>(value.size())});
    arena_.append(key.data(), key.size());
    arena_.append(value.data(), value.size());
  }
  // Sorts by key and drops repeated keys (keeping the first).
  void SortUnique() {
    if (by_key_) {
      std::stable_sort(entries_.begin(), entries_.end(),
                       [&](const Entry& a, const Entry& b) { return Key(a) < Key(b); });
      entries_.erase(
          std::unique(entries_.begin(), entries_.end(),
                      [&](const Entry& a, const Entry& b) { return Key(a) == Key(b); }),
          entries_.end());
      return;
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.order < b.order; });
    entries_.erase(
        std::unique(entries_.begin(), entries_.end(),
                    [](const Entry& a, const Entry& b) { return a.order == b.order; }),
        entries_.end());
  }
  template <typename F>
  absl::Status ForEachSorted(F&& put) {
    SortUnique();
    for (size_t i = 0; i < size(); ++i) ENTENTE_RETURN_IF_ERROR(put(Key(i), Value(i)));
    return absl::OkStatus();
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
    uint64_t order;
    uint32_t key_size, value_size;
  };
  absl::string_view Key(const Entry& e) const {
    return absl::string_view(arena_).substr(e.offset, e.key_size);
  }
  bool by_key_;
  std::string arena_;
  std::vector<Entry> entries_;
};

// Timeline index entries of one chunk, grouped by key prefix (one entity,
// or a pair) so that sorting compares few strings and many integers. The
// ids are views into the chunk's relations, which must outlive the run.
class TimelineRun {
 public:
  // Where a value's payload (AddPayload) lies; it follows the IndexValue.
  struct Payload {
    size_t offset;
    uint32_t size;
  };
  // An entity's entry (high = "") or a pair's (low <= high).
  void Add(absl::string_view low, absl::string_view high, int32_t first_day, uint64_t id,
           RelationType type, int32_t end_day, Payload payload = Payload{0, 0}) {
    auto [it, inserted] = prefix_index_.try_emplace(
        std::make_pair(low, high), static_cast<uint32_t>(prefixes_.size()));
    if (inserted) prefixes_.emplace_back(low, high);
    entries_.push_back({it->second, internal::OrderedDay(first_day), id, end_day, type,
                        payload.size, payload.offset});
  }
  absl::string_view PayloadBytes(Payload payload) const {
    return absl::string_view(payloads_).substr(payload.offset, payload.size);
  }
  Payload AddPayload(absl::string_view bytes) {
    Payload payload{payloads_.size(), static_cast<uint32_t>(bytes.size())};
    payloads_.append(bytes.data(), bytes.size());
    return payload;
  }
  void Reserve(size_t n) { entries_.reserve(n); }

  // Calls put(key, value) in key order. Comparing (low, high) as a pair
  // orders like the encoded "low 00 high 00" since ids hold no 00 byte.
  // Of an entity run: each entity id's rank in byte order.
  absl::flat_hash_map<absl::string_view, uint32_t> EntityRanks() {
    const std::vector<uint32_t>& order = SortedOrder();
    absl::flat_hash_map<absl::string_view, uint32_t> ranks;
    ranks.reserve(order.size());
    for (uint32_t r = 0; r < order.size(); ++r)
      ranks.emplace(prefixes_[order[r]].first, r);
    return ranks;
  }
  // Of a pair run: order prefixes by these ranks (which must cover every id
  // of the run) instead of comparing strings. Not kept.
  void UseEntityRanks(const absl::flat_hash_map<absl::string_view, uint32_t>* ranks) {
    ranks_ = ranks;
  }

  template <typename F>
  absl::Status ForEachSorted(F&& put) {
    const std::vector<uint32_t> order = SortedOrder();
    std::vector<uint32_t> rank(prefixes_.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (Entry& e : entries_) e.prefix = rank[e.prefix];
    std::vector<Prefix> sorted(prefixes_.size());
    for (uint32_t r = 0; r < order.size(); ++r) sorted[r] = prefixes_[order[r]];
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.prefix, a.day, a.id) < std::tie(b.prefix, b.day, b.id);
    });
    std::string key, value;
    uint32_t key_prefix = UINT32_MAX;
    size_t prefix_size = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      if (i > 0 && e.prefix == entries_[i - 1].prefix && e.day == entries_[i - 1].day &&
          e.id == entries_[i - 1].id) {
        continue;
      }
      if (e.prefix != key_prefix) {
        key_prefix = e.prefix;
        key.assign(sorted[e.prefix].first.data(), sorted[e.prefix].first.size());
        key.push_back('\0');
        if (!sorted[e.prefix].second.empty()) {
          key.append(sorted[e.prefix].second.data(), sorted[e.prefix].second.size());
          key.push_back('\0');
        }
        prefix_size = key.size();
      }
      key.resize(prefix_size);
      internal::PutFixed32BE(&key, e.day);
      internal::PutFixed64BE(&key, e.id);
      value.assign(1, static_cast<char>(e.type));  // IndexValue, then payload.
      internal::PutFixed32BE(&value, internal::OrderedDay(e.end_day));
      value.append(payloads_, e.payload_offset, e.payload_size);
      ENTENTE_RETURN_IF_ERROR(put(key, value));
    }
    return absl::OkStatus();
  }

 private:
  using Prefix = std::pair<absl::string_view, absl::string_view>;

  // Prefix indexes in key order (computed once).
  const std::vector<uint32_t>& SortedOrder() {
    if (sorted_order_.size() == prefixes_.size()) return sorted_order_;
    sorted_order_.resize(prefixes_.size());
    std::iota(sorted_order_.begin(), sorted_order_.end(), 0);
    if (ranks_ != nullptr) {
      std::vector<uint64_t> key(prefixes_.size());
      for (size_t i = 0; i < prefixes_.size(); ++i) {
        key[i] = uint64_t{ranks_->at(prefixes_[i].first)} << 32 |
                 ranks_->at(prefixes_[i].second);
      }
      std::sort(sorted_order_.begin(), sorted_order_.end(),
                [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
    } else {
      std::sort(sorted_order_.begin(), sorted_order_.end(),
                [&](uint32_t a, uint32_t b) { return prefixes_[a] < prefixes_[b]; });
    }
    return sorted_order_;
  }

  struct Entry {
    uint32_t prefix;
    uint32_t day;
    uint64_t id;
    int32_t end_day;
    RelationType type;
    uint32_t payload_size;
    size_t payload_offset;
  };
  absl::flat_hash_map<Prefix, uint32_t> prefix_index_;
  std::vector<Prefix> prefixes_;
  std::vector<Entry> entries_;
  std::string payloads_;
  std::vector<uint32_t> sorted_order_;
  const absl::flat_hash_map<absl::string_view, uint32_t>* ranks_ = nullptr;
};

// The relations column family of one chunk: ids and the encoded relations,
// which live in the by_entity run's payload arena (encoded once).
class RelationRun {
 public:
  RelationRun(const TimelineRun* payloads,
              std::vector<std::pair<uint64_t, TimelineRun::Payload>> entries)
      : payloads_(payloads), entries_(std::move(entries)) {}
  template <typename F>
  absl::Status ForEachSorted(F&& put) {
    std::sort(entries_.begin(), entries_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string key;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (i > 0 && entries_[i].first == entries_[i - 1].first) continue;
      key = internal::RelationKey(entries_[i].first);
      ENTENTE_RETURN_IF_ERROR(put(key, payloads_->PayloadBytes(entries_[i].second)));
    }
    return absl::OkStatus();
  }

 private:
  const TimelineRun* payloads_;
  std::vector<std::pair<uint64_t, TimelineRun::Payload>> entries_;
};

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

class SstBulkLoader final : public BulkLoader {
 public:
  SstBulkLoader(Store::Impl* impl, bool store_empty)
      : impl_(impl),
        store_empty_(store_empty),
        tmp_dir_((std::filesystem::path(impl->dir()) / "bulk.tmp").string()) {
    for (internal::CfIndex cf :
         {internal::kRelations, internal::kEdges, internal::kByEntity, internal::kByPair,
          internal::kEntities, internal::kAliases}) {
      sst_options_[cf] = rocksdb::Options(rocksdb::DBOptions(), impl->CfOptions(cf));
      // Ingested files stay uncompressed until compaction rewrites them:
      // compressing here would cost more than writing the extra bytes.
      sst_options_[cf].compression = rocksdb::kNoCompression;
    }
    chunk_.relations.reserve(kChunkRelations);
    chunk_.ids.reserve(kChunkRelations);
  }

  ~SstBulkLoader() override {
    if (flusher_.joinable()) flusher_.join();
    SetAutoCompaction(true).IgnoreError();  // Best effort; Finish() reports it.
    std::error_code ec;
    std::filesystem::remove_all(tmp_dir_, ec);
    absl::MutexLock lock(&impl_->write_mu_);
    impl_->bulk_active_ = false;
  }

  absl::Status Add(const Relation& r) override { return Add(Relation(r)); }

  absl::Status Add(Relation&& r) override {
    if (r.type == RelationType::kUnspecified || r.source.id.empty() ||
        r.target.id.empty() || r.source.id.find('\0') != std::string::npos ||
        r.target.id.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("bulk load: relation ", r.source.id, " - ", r.target.id,
                       " needs a type and two endpoint ids without NUL bytes"));
    }
    const uint64_t id = RelationIdOf(r);
    auto [it, inserted] = chunk_index_.try_emplace(id, chunk_.relations.size());
    for (const EntityRef* ref : {&r.source, &r.target}) {
      auto found = entities_.find(ref->id);
      if (found == entities_.end() || found->second.name.empty() ||
          found->second.kind == EntityKind::kUnspecified) {
        AddEntityInternal(Entity{ref->id, ref->name, ref->kind, {}});
      }
    }
    if (inserted) {
      chunk_.relations.push_back(std::move(r));
      chunk_.ids.push_back(id);
    } else {
      MergeRelation(r, &chunk_.relations[it->second]);
    }
    if (chunk_.relations.size() >= kChunkRelations) return StartFlush();
    return absl::OkStatus();
  }

  absl::Status AddEntity(const Entity& entity) override {
    if (entity.id.empty() || entity.id.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError("bulk load: entity id empty or with a NUL byte");
    }
    AddEntityInternal(entity);
    return absl::OkStatus();
  }

  // Compacting the chunks while more arrive would rewrite them over and
  // over; the loader turns compaction off until Finish().
  absl::Status SetAutoCompaction(bool on) {
    for (internal::CfIndex cf : {internal::kRelations, internal::kEdges,
                                 internal::kByEntity, internal::kByPair}) {
      ENTENTE_RETURN_IF_ERROR(FromRocksStatus(
          impl_->db()->SetOptions(impl_->cf(cf),
                                  {{"disable_auto_compactions", on ? "false" : "true"}}),
          "bulk load: set compaction"));
    }
    return absl::OkStatus();
  }

  absl::StatusOr<WriteResult> Finish() override {
    ENTENTE_RETURN_IF_ERROR(StartFlush());
    ENTENTE_RETURN_IF_ERROR(WaitForFlush());
    ENTENTE_RETURN_IF_ERROR(SetAutoCompaction(true));
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

  struct Chunk {
    std::vector<Relation> relations;
    std::vector<uint64_t> ids;  // RelationIdOf(relations[i]).
  };
  // Waits for the previous chunk's flush, then flushes chunk_ on flusher_
  // while Add() fills the next chunk.
  absl::Status StartFlush();
  absl::Status WaitForFlush();
  // On flusher_: replaces chunk entries that are already stored by their
  // merged form; returns which entries to write.
  absl::StatusOr<std::vector<size_t>> MergeWithStored(Chunk& chunk);
  absl::Status Flush(Chunk chunk);
  // Writes the sorted entries of `run` (KeyValues or TimelineRun) as one SST.
  template <typename Run>
  absl::Status WriteSst(internal::CfIndex cf, Run* run, int file_no,
                        rocksdb::IngestExternalFileArg* arg) {
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), sst_options_[cf], impl_->cf(cf));
    std::string path = absl::StrCat(tmp_dir_, "/", flushes_, "-", file_no, ".sst");
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(writer.Open(path), "bulk load: create SST"));
    ENTENTE_RETURN_IF_ERROR(
        run->ForEachSorted([&](absl::string_view key, absl::string_view value) {
          return FromRocksStatus(writer.Put(ToSlice(key), ToSlice(value)),
                                 "bulk load: write SST");
        }));
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(writer.Finish(), "bulk load: finish SST"));
    arg->column_family = impl_->cf(cf);
    arg->external_files = {path};
    arg->options.move_files = true;
    return absl::OkStatus();
  }
  absl::Status WriteEntities();
  absl::Status IngestEntities();

  Store::Impl* impl_;
  const bool store_empty_;
  const std::string tmp_dir_;
  rocksdb::Options sst_options_[internal::kCfCount];
  // Owned by the calling thread.
  Chunk chunk_;
  absl::flat_hash_map<uint64_t, size_t> chunk_index_;
  absl::flat_hash_map<std::string, Entity> entities_;
  // Owned by flusher_ while it runs; read after joining it.
  std::thread flusher_;
  absl::Status flush_status_;
  absl::flat_hash_set<uint64_t> loaded_ids_;  // Used while store_empty_.
  WriteResult result_;
  int flushes_ = 0;
};

absl::StatusOr<std::vector<size_t>> SstBulkLoader::MergeWithStored(Chunk& chunk) {
  std::vector<size_t> lookup;
  for (size_t i = 0; i < chunk.ids.size(); ++i) {
    if (!store_empty_ || loaded_ids_.contains(chunk.ids[i])) lookup.push_back(i);
  }
  std::vector<std::string> keys;
  for (size_t i : lookup) keys.push_back(internal::RelationKey(chunk.ids[i]));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  impl_->db()->MultiGet(rocksdb::ReadOptions(), impl_->cf(internal::kRelations),
                        keys.size(), slices.data(), values.data(), statuses.data());
  std::vector<bool> skip(chunk.ids.size(), false);
  std::vector<bool> existed(chunk.ids.size(), false);
  for (size_t j = 0; j < lookup.size(); ++j) {
    if (statuses[j].IsNotFound()) continue;
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(statuses[j], "bulk load: read relation"));
    ENTENTE_ASSIGN_OR_RETURN(Relation stored, internal::DecodeRelation(absl::string_view(
                                                  values[j].data(), values[j].size())));
    Relation& fresh = chunk.relations[lookup[j]];
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
  for (size_t i = 0; i < chunk.ids.size(); ++i) {
    if (skip[i]) continue;
    if (!existed[i]) ++result_.new_relations;
    write.push_back(i);
  }
  return write;
}

absl::Status SstBulkLoader::WaitForFlush() {
  if (flusher_.joinable()) flusher_.join();
  return flush_status_;
}

absl::Status SstBulkLoader::StartFlush() {
  ENTENTE_RETURN_IF_ERROR(WaitForFlush());
  if (chunk_.ids.empty()) return absl::OkStatus();
  Chunk chunk = std::move(chunk_);
  chunk_ = Chunk();
  chunk_.relations.reserve(kChunkRelations);
  chunk_.ids.reserve(kChunkRelations);
  chunk_index_.clear();
  flusher_ = std::thread(
      [this, c = std::move(chunk)]() mutable { flush_status_ = Flush(std::move(c)); });
  return absl::OkStatus();
}

absl::Status SstBulkLoader::Flush(Chunk chunk) {
  ENTENTE_ASSIGN_OR_RETURN(std::vector<size_t> write, MergeWithStored(chunk));
  if (store_empty_) {
    for (size_t i : write) loaded_ids_.insert(chunk.ids[i]);
  }
  if (write.empty()) return absl::OkStatus();
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir_, ec);
  std::vector<rocksdb::IngestExternalFileArg> args(4);
  // Two column families per thread. The helper encodes each relation once,
  // into the by_entity run, which the relations file reads when notified.
  TimelineRun by_entity, by_pair;
  std::vector<std::pair<uint64_t, TimelineRun::Payload>> encoded;
  absl::Notification encoded_ready;
  absl::Status background;
  std::thread helper([&] {
    by_entity.Reserve(2 * write.size());
    by_pair.Reserve(write.size());
    encoded.reserve(write.size());
    std::string bytes;
    for (size_t i : write) {
      const Relation& r = chunk.relations[i];
      const uint64_t id = chunk.ids[i];
      const int32_t first = r.date.FirstDay(), end = r.date.EndDay();
      bytes.clear();
      internal::EncodeRelation(r, &bytes);
      TimelineRun::Payload payload = by_entity.AddPayload(bytes);
      encoded.emplace_back(id, payload);
      by_entity.Add(r.source.id, {}, first, id, r.type, end, payload);
      if (r.target.id != r.source.id) {
        by_entity.Add(r.target.id, {}, first, id, r.type, end, payload);
      }
      absl::string_view low = r.source.id, high = r.target.id;
      if (high < low) std::swap(low, high);
      by_pair.Add(low, high, first, id, r.type, end);
    }
    encoded_ready.Notify();
    // Pair keys sort by their endpoints' ranks: integers, not strings.
    const absl::flat_hash_map<absl::string_view, uint32_t> ranks =
        by_entity.EntityRanks();
    by_pair.UseEntityRanks(&ranks);
    background = WriteSst(internal::kByEntity, &by_entity, 2, &args[2]);
    if (background.ok()) background = WriteSst(internal::kByPair, &by_pair, 3, &args[3]);
  });
  KeyValues edges;
  edges.Reserve(write.size(), write.size() * 60);
  std::string key, value;
  for (size_t i : write) {
    const Relation& r = chunk.relations[i];
    const uint64_t id = chunk.ids[i];
    key = internal::RelationKey(id);
    value.clear();
    internal::EncodeEdge(r, &value);
    edges.Add(key, value, id);
  }
  absl::Status foreground = WriteSst(internal::kEdges, &edges, 1, &args[1]);
  encoded_ready.WaitForNotification();
  RelationRun relations(&by_entity, std::move(encoded));
  if (foreground.ok())
    foreground = WriteSst(internal::kRelations, &relations, 0, &args[0]);
  helper.join();
  ENTENTE_RETURN_IF_ERROR(foreground);
  ENTENTE_RETURN_IF_ERROR(background);
  ++flushes_;
  ENTENTE_RETURN_IF_ERROR(
      FromRocksStatus(impl_->db()->IngestExternalFiles(args), "bulk load: ingest"));
  // Every chunk lands in level 0; past this many files per family, reads
  // and RocksDB's write stalls need compaction back on.
  if (flushes_ == kMaxUncompactedChunks) return SetAutoCompaction(true);
  return absl::OkStatus();
}

absl::Status SstBulkLoader::WriteEntities() {
  if (store_empty_) return IngestEntities();
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

// Into a store that held no relations, and with WriteItem blocked, entities
// stored before are few: merge those, ingest everything as two SSTs.
absl::Status SstBulkLoader::IngestEntities() {
  KeyValues entities(/*by_key=*/true), aliases(/*by_key=*/true);
  std::string value;
  for (auto& [id, entity] : entities_) {
    std::string stored;
    rocksdb::Status s = impl_->db()->Get(rocksdb::ReadOptions(),
                                         impl_->cf(internal::kEntities), id, &stored);
    if (s.ok()) {
      ENTENTE_ASSIGN_OR_RETURN(Entity old, internal::DecodeEntity(id, stored));
      for (const std::string& alias : old.aliases) {
        if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) ==
            entity.aliases.end()) {
          entity.aliases.push_back(alias);
        }
      }
      if (!old.name.empty()) entity.name = old.name;
      if (old.kind != EntityKind::kUnspecified) entity.kind = old.kind;
    } else if (s.IsNotFound()) {
      ++result_.new_entities;
    } else {
      return FromRocksStatus(s, "bulk load: read entity");
    }
    value.clear();
    internal::EncodeEntity(entity, &value);
    entities.Add(id, value, 0);
    for (const std::string& key : internal::EntitySearchKeys(entity)) {
      aliases.Add(internal::AliasKey(key, id), "", 0);
    }
  }
  entities_.clear();
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir_, ec);
  std::vector<rocksdb::IngestExternalFileArg> args(2);
  ENTENTE_RETURN_IF_ERROR(WriteSst(internal::kEntities, &entities, 4, &args[0]));
  ENTENTE_RETURN_IF_ERROR(WriteSst(internal::kAliases, &aliases, 5, &args[1]));
  ++flushes_;
  return FromRocksStatus(impl_->db()->IngestExternalFiles(args),
                         "bulk load: ingest entities");
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
  auto loader = std::make_unique<SstBulkLoader>(impl_.get(), empty);
  ENTENTE_RETURN_IF_ERROR(loader->SetAutoCompaction(false));
  return std::unique_ptr<BulkLoader>(std::move(loader));
}

}  // namespace entente::graph
