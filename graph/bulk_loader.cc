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
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "common/status_macros.h"
#include "graph/internal/coding.h"
#include "graph/internal/loaded_edges.h"
#include "graph/internal/records.h"
#include "graph/internal/sorted_runs.h"
#include "graph/internal/store_impl.h"
#include "rocksdb/sst_file_writer.h"

namespace entente::graph {
namespace {

using internal::KeyValues;
using internal::RelationRun;
using internal::TimelineRun;

constexpr size_t kEntityBatch = 10'000;
constexpr int kMaxUncompactedChunks = 30;

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

// Two relations of one 64-bit id that are not the same relation: nothing is merged.
absl::Status Collision(uint64_t id, const Relation& incoming, const Relation& other) {
  return absl::InternalError(
      absl::StrFormat("bulk load: relation id %016x collides: \"%s\" vs \"%s\"", id,
                      RelationIdentity(incoming), RelationIdentity(other)));
}

class SstBulkLoader final : public BulkLoader {
 public:
  SstBulkLoader(Store::Impl* impl, const BulkLoadOptions& options, bool store_empty,
                bool entities_stored)
      : impl_(impl),
        chunk_relations_(std::max<size_t>(options.chunk_relations, 1)),
        store_empty_(store_empty),
        entities_stored_(entities_stored),
        view_from_load_(store_empty && !entities_stored),
        tmp_dir_((std::filesystem::path(impl->dir()) / "bulk.tmp").string()) {
    for (internal::CfIndex cf :
         {internal::kRelations, internal::kEdges, internal::kByEntity, internal::kByPair,
          internal::kEntities, internal::kAliases}) {
      sst_options_[cf] = rocksdb::Options(rocksdb::DBOptions(), impl->CfOptions(cf));
      // Ingested files stay uncompressed until compaction rewrites them:
      // compressing here would cost more than writing the extra bytes.
      sst_options_[cf].compression = rocksdb::kNoCompression;
    }
    chunk_.relations.reserve(chunk_relations_);
    chunk_.ids.reserve(chunk_relations_);
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
    const size_t slot = chunk_.ids.size();
    auto [it, inserted] = chunk_index_.try_emplace(id, slot);
    if (inserted) {
      // Reused slots are overwritten: their old strings are freed here, by
      // the thread that allocated them, which glibc does much faster.
      if (slot < chunk_.relations.size()) {
        chunk_.relations[slot] = std::move(r);
      } else {
        chunk_.relations.push_back(std::move(r));
      }
      chunk_.ids.push_back(id);
    } else {
      Relation& same = chunk_.relations[it->second];
      if (!SameRelationIdentity(r, same)) return Collision(id, r, same);
      MergeRelation(r, &same);
    }
    if (chunk_.ids.size() >= chunk_relations_) return StartFlush();
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
    std::vector<uint32_t> position_of_rank;
    CollectEntities(&position_of_rank);
    if (view_from_load_) {
      // The view is built from the loaded edges while the entities are
      // written; both only read entities_.
      std::shared_ptr<const GraphView> view;
      std::thread builder([&] {
        std::vector<uint32_t> vertex(entity_order_.size());
        for (uint32_t i = 0; i < vertex.size(); ++i) {
          vertex[i] = position_of_rank[entity_order_.Rank(i)];
        }
        view = std::move(loaded_edges_).Build(entities_, vertex);
      });
      absl::Status written = WriteEntities();
      builder.join();
      ENTENTE_RETURN_IF_ERROR(written);
      impl_->PublishView(std::move(view));
    } else {
      ENTENTE_RETURN_IF_ERROR(WriteEntities());
      ENTENTE_RETURN_IF_ERROR(impl_->RefreshView());
    }
    entities_ = {};
    ENTENTE_RETURN_IF_ERROR(SetAutoCompaction(true));
    return result_;
  }

 private:
  void AddEntityInternal(const Entity& e) {
    auto [it, inserted] = given_.try_emplace(e.id, e);
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

  // The chunk's relations are relations[0, ids.size()); slots past that
  // hold relations of an earlier chunk, kept to be overwritten.
  struct Chunk {
    std::vector<Relation> relations;
    std::vector<uint64_t> ids;  // RelationIdOf(relations[i]).
  };
  // Waits for the previous chunk's flush, then flushes chunk_ on flusher_
  // while Add() fills the next chunk.
  absl::Status StartFlush();
  absl::Status WaitForFlush();
  // What MergeWithStored() found.
  struct Merged {
    std::vector<size_t> write;   // The chunk entries to write.
    std::vector<bool> rewrites;  // Per write entry: already stored (merged).
    // Stored relations merged with the chunk's, to write instead.
    std::vector<std::pair<size_t, Relation>> replacements;
  };
  // On flusher_: merges chunk entries that are already stored into their
  // stored form, leaving the chunk as it is; says which entries to write.
  absl::StatusOr<Merged> MergeWithStored(const Chunk& chunk);
  absl::Status Flush(Chunk& chunk);
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
  // Hands the written relations (endpoints by ordinal) to loaded_edges_.
  // rewrites[j]: an earlier chunk wrote relation write[j].
  void RecordEdges(const Chunk& chunk, const std::vector<size_t>& write,
                   const std::vector<std::pair<uint32_t, uint32_t>>& ends,
                   const std::vector<bool>& rewrites);
  // On flusher_: interns the chunk's endpoints, noting names and kinds;
  // returns each relation's (source, target) ordinals.
  std::vector<std::pair<uint32_t, uint32_t>> InternEndpoints(const Chunk& chunk);
  // Fills entities_ from endpoints_ and given_ (whose names and kinds win);
  // *position_of_rank: the index in entities_ of each entity_order_ rank.
  void CollectEntities(std::vector<uint32_t>* position_of_rank);
  absl::Status WriteEntities();
  absl::Status IngestEntities();
  absl::Status MergeStoredEntities();

  Store::Impl* impl_;
  const size_t chunk_relations_;
  const bool store_empty_;
  const bool entities_stored_;  // The store held entities when the load began.
  // Into an empty store, Finish() builds the view from loaded_edges_.
  const bool view_from_load_;
  const std::string tmp_dir_;
  rocksdb::Options sst_options_[internal::kCfCount];
  // Owned by the calling thread.
  Chunk chunk_;
  absl::flat_hash_map<uint64_t, size_t> chunk_index_;
  absl::flat_hash_map<std::string, Entity> given_;  // By AddEntity().
  // Owned by flusher_ while it runs; read after joining it.
  std::thread flusher_;
  absl::Mutex spare_mu_;
  Chunk spare_ ABSL_GUARDED_BY(spare_mu_);  // The last chunk flushed, for reuse.
  absl::Status flush_status_;
  absl::flat_hash_set<uint64_t> loaded_ids_;  // Used while store_empty_.
  internal::EntityOrder entity_order_;        // The loaded relations' endpoints.
  // The name and kind of each endpoint, by entity_order_ ordinal: the first
  // non-empty name and the first known kind given on a relation.
  struct EndpointEntity {
    std::string name;
    EntityKind kind = EntityKind::kUnspecified;
  };
  std::vector<EndpointEntity> endpoints_;
  // Set by Finish(): every entity, sorted by id.
  std::vector<Entity> entities_;
  struct Runs {
    explicit Runs(const std::vector<absl::string_view>* names)
        : by_entity(names, /*pairs=*/false), by_pair(names, /*pairs=*/true) {}
    TimelineRun by_entity, by_pair;
    KeyValues edges;
    std::vector<std::pair<uint64_t, TimelineRun::Payload>> encoded;
  } runs_{entity_order_.names()};
  internal::LoadedEdges loaded_edges_;  // Used while view_from_load_.
  WriteResult result_;
  int flushes_ = 0;
};

absl::StatusOr<SstBulkLoader::Merged> SstBulkLoader::MergeWithStored(const Chunk& chunk) {
  Merged merged;
  // Into an empty store only ids loaded before can be stored: the set's
  // insert says which (and records the others for later chunks).
  std::vector<size_t> lookup;
  std::vector<bool> rewrite(chunk.ids.size(), false);
  for (size_t i = 0; i < chunk.ids.size(); ++i) {
    if (!store_empty_ || !loaded_ids_.insert(chunk.ids[i]).second) lookup.push_back(i);
  }
  std::vector<uint64_t> ids;
  ids.reserve(lookup.size());
  for (size_t i : lookup) ids.push_back(chunk.ids[i]);
  ENTENTE_ASSIGN_OR_RETURN(
      std::vector<std::optional<Relation>> found,
      impl_->ReadRelations(rocksdb::ReadOptions(), ids, "bulk load: read relation"));
  std::vector<bool> skip(chunk.ids.size(), false);
  for (size_t j = 0; j < lookup.size(); ++j) {
    if (!found[j]) continue;
    Relation& stored = *found[j];
    if (!SameRelationIdentity(chunk.relations[lookup[j]], stored)) {
      return Collision(ids[j], chunk.relations[lookup[j]], stored);
    }
    rewrite[lookup[j]] = true;
    if (MergeRelation(chunk.relations[lookup[j]], &stored)) {
      merged.replacements.emplace_back(lookup[j], std::move(stored));
      ++result_.merged;
    } else {
      skip[lookup[j]] = true;
      ++result_.unchanged;
    }
  }
  for (size_t i = 0; i < chunk.ids.size(); ++i) {
    if (skip[i]) continue;
    if (!rewrite[i]) ++result_.new_relations;
    merged.write.push_back(i);
    merged.rewrites.push_back(rewrite[i]);
  }
  return merged;
}

absl::Status SstBulkLoader::WaitForFlush() {
  if (flusher_.joinable()) flusher_.join();
  return flush_status_;
}

absl::Status SstBulkLoader::StartFlush() {
  ENTENTE_RETURN_IF_ERROR(WaitForFlush());
  if (chunk_.ids.empty()) return absl::OkStatus();
  Chunk chunk = std::move(chunk_);
  {
    // The chunk flushed before is refilled: its relations' memory is reused.
    absl::MutexLock lock(&spare_mu_);
    chunk_ = std::move(spare_);
    spare_ = Chunk();
  }
  chunk_.ids.clear();
  chunk_.relations.reserve(chunk_relations_);
  chunk_.ids.reserve(chunk_relations_);
  chunk_index_.clear();
  flusher_ = std::thread([this, c = std::move(chunk)]() mutable {
    flush_status_ = Flush(c);
    absl::MutexLock lock(&spare_mu_);
    spare_ = std::move(c);
  });
  return absl::OkStatus();
}

absl::Status SstBulkLoader::Flush(Chunk& chunk) {
  // Interning the endpoints (a hash lookup each) runs beside the merge with
  // stored relations; neither changes the chunk.
  std::vector<std::pair<uint32_t, uint32_t>> ordinals;
  std::thread interner([&] { ordinals = InternEndpoints(chunk); });
  absl::StatusOr<Merged> merged = MergeWithStored(chunk);
  interner.join();
  ENTENTE_RETURN_IF_ERROR(merged.status());
  for (auto& [i, relation] : merged->replacements)
    chunk.relations[i] = std::move(relation);
  const std::vector<size_t>& write = merged->write;
  if (write.empty()) return absl::OkStatus();
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir_, ec);
  std::vector<rocksdb::IngestExternalFileArg> args(4);
  // Two column families per thread. The helper encodes each relation once,
  // into the by_entity run, and writes that file (the biggest); this thread
  // writes edges and by_pair, then the relations file from the helper's
  // encodings once notified.
  // The runs keep their memory from chunk to chunk: fresh pages cost more
  // than reused ones.
  TimelineRun& by_entity = runs_.by_entity;
  TimelineRun& by_pair = runs_.by_pair;
  KeyValues& edges = runs_.edges;
  std::vector<std::pair<uint64_t, TimelineRun::Payload>>& encoded = runs_.encoded;
  by_entity.Clear();
  by_pair.Clear();
  edges.Clear();
  encoded.clear();
  // The helper encodes while this thread ranks the endpoints, then adds the
  // by_entity entries once the ranks are ready.
  std::vector<std::pair<uint32_t, uint32_t>> ends(write.size());  // Source, target.
  // encoded_ready: `encoded` is complete; entries_added: the helper no longer reads
  // `encoded`, which the relations run below sorts in place.
  absl::Notification encoded_ready, ranks_ready, entries_added;
  absl::Status background;
  std::thread helper([&] {
    by_entity.Reserve(2 * write.size());
    encoded.reserve(write.size());
    std::string bytes;
    for (size_t j = 0; j < write.size(); ++j) {
      const Relation& r = chunk.relations[write[j]];
      bytes.clear();
      internal::EncodeRelation(r, &bytes);
      encoded.emplace_back(chunk.ids[write[j]],
                           by_entity.AddPayload(r.type, r.date.EndDay(), bytes));
    }
    encoded_ready.Notify();
    ranks_ready.WaitForNotification();
    for (size_t j = 0; j < write.size(); ++j) {
      const Relation& r = chunk.relations[write[j]];
      const int32_t first = r.date.FirstDay(), end = r.date.EndDay();
      const auto& [id, payload] = encoded[j];
      by_entity.Add(ends[j].first, 0, first, id, r.type, end, payload);
      if (ends[j].second != ends[j].first) {
        by_entity.Add(ends[j].second, 0, first, id, r.type, end, payload);
      }
    }
    entries_added.Notify();
    background = WriteSst(internal::kByEntity, &by_entity, 2, &args[2]);
  });
  // Timeline keys sort by their entities' ranks: integers, not strings.
  for (size_t j = 0; j < write.size(); ++j) ends[j] = ordinals[write[j]];
  entity_order_.Sort();
  if (view_from_load_) RecordEdges(chunk, write, ends, merged->rewrites);
  for (auto& [source, target] : ends) {
    source = entity_order_.Rank(source);
    target = entity_order_.Rank(target);
  }
  ranks_ready.Notify();
  edges.Reserve(write.size(), write.size() * 60);
  by_pair.Reserve(write.size());
  std::string key, value;
  for (size_t j = 0; j < write.size(); ++j) {
    const Relation& r = chunk.relations[write[j]];
    const uint64_t id = chunk.ids[write[j]];
    key = internal::RelationKey(id);
    value.clear();
    internal::EncodeEdge(r, &value);
    edges.Add(key, value, id);
    const auto [low, high] = std::minmax(ends[j].first, ends[j].second);
    by_pair.Add(low, high, r.date.FirstDay(), id, r.type, r.date.EndDay());
  }
  absl::Status foreground = WriteSst(internal::kEdges, &edges, 1, &args[1]);
  if (foreground.ok()) foreground = WriteSst(internal::kByPair, &by_pair, 3, &args[3]);
  encoded_ready.WaitForNotification();
  // Sorting `encoded` while the helper still reads it would give by_entity keys the
  // payloads of other relations (seen under ASan, where the helper runs slower).
  entries_added.WaitForNotification();
  RelationRun relations(&by_entity, &encoded);
  if (foreground.ok()) {
    foreground = WriteSst(internal::kRelations, &relations, 0, &args[0]);
  }
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

void SstBulkLoader::RecordEdges(const Chunk& chunk, const std::vector<size_t>& write,
                                const std::vector<std::pair<uint32_t, uint32_t>>& ends,
                                const std::vector<bool>& rewrites) {
  loaded_edges_.Reserve(write.size());
  for (size_t j = 0; j < write.size(); ++j) {
    const Relation& r = chunk.relations[write[j]];
    loaded_edges_.Add(
        {chunk.ids[write[j]], ends[j].first, ends[j].second, r.date.FirstDay(),
         r.date.EndDay(), r.reported.FirstDay(), r.type,
         EdgeFacts{static_cast<uint16_t>(IndependentReports(r)), EndsLastingStates(r)}},
        rewrites[j]);
  }
  loaded_edges_.EndChunk();
}

std::vector<std::pair<uint32_t, uint32_t>> SstBulkLoader::InternEndpoints(
    const Chunk& chunk) {
  std::vector<std::pair<uint32_t, uint32_t>> ordinals(chunk.ids.size());
  auto intern = [&](const EntityRef& ref) {
    const uint32_t ordinal = entity_order_.Intern(ref.id);
    if (ordinal == endpoints_.size()) {
      endpoints_.push_back({ref.name, ref.kind});
      return ordinal;
    }
    EndpointEntity& known = endpoints_[ordinal];
    if (known.name.empty()) known.name = ref.name;
    if (known.kind == EntityKind::kUnspecified) known.kind = ref.kind;
    return ordinal;
  };
  for (size_t i = 0; i < chunk.ids.size(); ++i) {
    const Relation& r = chunk.relations[i];
    ordinals[i] = {intern(r.source), intern(r.target)};
  }
  return ordinals;
}

void SstBulkLoader::CollectEntities(std::vector<uint32_t>* position_of_rank) {
  entity_order_.Sort();
  std::vector<Entity> given;
  given.reserve(given_.size());
  for (auto& [id, entity] : given_) given.push_back(std::move(entity));
  given_.clear();
  std::sort(given.begin(), given.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  const std::vector<absl::string_view>& names = *entity_order_.names();
  entities_.clear();
  entities_.reserve(names.size() + given.size());
  position_of_rank->resize(names.size());
  size_t g = 0;
  for (uint32_t rank = 0; rank < names.size(); ++rank) {
    const absl::string_view id = names[rank];
    while (g < given.size() && given[g].id < id)
      entities_.push_back(std::move(given[g++]));
    (*position_of_rank)[rank] = static_cast<uint32_t>(entities_.size());
    EndpointEntity& endpoint = endpoints_[entity_order_.Ordinal(rank)];
    if (g < given.size() && given[g].id == id) {
      Entity& entity = entities_.emplace_back(std::move(given[g++]));
      if (entity.name.empty()) entity.name = std::move(endpoint.name);
      if (entity.kind == EntityKind::kUnspecified) entity.kind = endpoint.kind;
      continue;
    }
    entities_.push_back(
        Entity{std::string(id), std::move(endpoint.name), endpoint.kind, {}});
  }
  while (g < given.size()) entities_.push_back(std::move(given[g++]));
  endpoints_ = {};
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
  for (Entity& entity : entities_) {
    batch_entities.push_back(std::move(entity));
    if (batch_entities.size() >= kEntityBatch) ENTENTE_RETURN_IF_ERROR(write());
  }
  return write();
}

// Into a store that held no relations, and with WriteItem blocked, entities
// stored before are few: merge those, ingest everything as two SSTs, built
// on two threads (entities here, aliases on a helper).
absl::Status SstBulkLoader::IngestEntities() {
  ENTENTE_RETURN_IF_ERROR(MergeStoredEntities());
  if (entities_.empty()) return absl::OkStatus();  // RocksDB refuses empty files.
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir_, ec);
  std::vector<rocksdb::IngestExternalFileArg> args(2);
  absl::Status aliases_written;
  std::thread helper([&] {
    KeyValues aliases(/*by_key=*/true);
    aliases.Reserve(3 * entities_.size(), 3 * 40 * entities_.size());
    for (const Entity& entity : entities_) {
      for (const std::string& key : internal::EntitySearchKeys(entity)) {
        aliases.Add(internal::AliasKey(key, entity.id), "", 0);
      }
    }
    aliases_written = WriteSst(internal::kAliases, &aliases, 5, &args[1]);
  });
  KeyValues entities(/*by_key=*/true);
  entities.Reserve(entities_.size(), 64 * entities_.size());
  std::string value;
  for (const Entity& entity : entities_) {
    value.clear();
    internal::EncodeEntity(entity, &value);
    entities.Add(entity.id, value, 0);
  }
  absl::Status entities_written = WriteSst(internal::kEntities, &entities, 4, &args[0]);
  helper.join();
  ENTENTE_RETURN_IF_ERROR(entities_written);
  ENTENTE_RETURN_IF_ERROR(aliases_written);
  ++flushes_;
  return FromRocksStatus(impl_->db()->IngestExternalFiles(args),
                         "bulk load: ingest entities");
}

// Merges into entities_ what the store holds of them; counts new ones.
// Skips the lookups when the store held no entity when the load began.
absl::Status SstBulkLoader::MergeStoredEntities() {
  if (!entities_stored_) {
    result_.new_entities += entities_.size();
    return absl::OkStatus();
  }
  for (Entity& entity : entities_) {
    const std::string& id = entity.id;
    std::string stored;
    rocksdb::Status s = impl_->db()->Get(rocksdb::ReadOptions(),
                                         impl_->cf(internal::kEntities), id, &stored);
    if (s.IsNotFound()) {
      ++result_.new_entities;
      continue;
    }
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "bulk load: read entity"));
    ENTENTE_ASSIGN_OR_RETURN(Entity old, internal::DecodeEntity(id, stored));
    for (const std::string& alias : old.aliases) {
      if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) ==
          entity.aliases.end()) {
        entity.aliases.push_back(alias);
      }
    }
    if (!old.name.empty()) entity.name = old.name;
    if (old.kind != EntityKind::kUnspecified) entity.kind = old.kind;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<BulkLoader>> Store::NewBulkLoader(
    const BulkLoadOptions& options) {
  ENTENTE_RETURN_IF_ERROR(impl_->RequireWritable());
  {
    absl::MutexLock lock(&impl_->write_mu_);
    if (impl_->bulk_active_) {
      return absl::FailedPreconditionError("a bulk load is already in progress");
    }
    impl_->bulk_active_ = true;
  }
  auto holds_data = [&](internal::CfIndex cf) {
    std::unique_ptr<rocksdb::Iterator> it(
        impl_->db()->NewIterator(rocksdb::ReadOptions(), impl_->cf(cf)));
    it->SeekToFirst();
    return it->Valid();
  };
  const bool empty = !holds_data(internal::kRelations);
  const bool entities_stored = holds_data(internal::kEntities);
  std::error_code ec;
  std::filesystem::remove_all(std::filesystem::path(impl_->dir()) / "bulk.tmp", ec);
  auto loader =
      std::make_unique<SstBulkLoader>(impl_.get(), options, empty, entities_stored);
  ENTENTE_RETURN_IF_ERROR(loader->SetAutoCompaction(false));
  return std::unique_ptr<BulkLoader>(std::move(loader));
}

}  // namespace entente::graph
