#ifndef ENTENTE_GRAPH_STORE_H_
#define ENTENTE_GRAPH_STORE_H_

// Store: the durable relation store (RocksDB) plus the in-memory graph view.
//
// Writes are idempotent: a relation's key is RelationIdOf (model.h), so
// writing the same relation again changes nothing and a second report of it
// merges its provenance (MergeRelation) into the stored one. Every WriteItem
// call is one atomic RocksDB WriteBatch with the write-ahead log on. Every
// read runs on one consistent RocksDB snapshot. The column families and key
// layout are drawn in graph/internal/keys.h.
//
// Thread-safety: thread-safe. Writes are serialized by an internal mutex;
// reads never wait for writes. View() returns an immutable snapshot that
// stays valid (and unchanged) while RefreshView() publishes a newer one.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "graph/graph_view.h"
#include "graph/limits.h"
#include "graph/model.h"
#include "graph/stats.h"
#include "graph/timeline.h"

namespace entente::graph {

struct StoreOptions {
  enum class Mode {
    kReadWrite,  // The only mode that writes; one process at a time.
    kReadOnly,   // A frozen view of the directory as of Open().
    kSecondary,  // Follows a read-write primary in another process; needs
                 // secondary_dir (its own scratch dir); CatchUp() refreshes.
  };
  Mode mode = Mode::kReadWrite;
  std::string secondary_dir;
  // fsync the write-ahead log on every WriteItem (durable across power loss,
  // not only process crashes). Default false.
  bool sync_writes = false;
  // Create an empty store when `dir` does not exist or is empty (read-write
  // mode only). Default true.
  bool create_if_missing = true;
  // RocksDB block cache in MiB (uncompressed blocks of every column family).
  // Default 512; size it to the hot part of the store (timeline pages are
  // about 13 KB each).
  int64_t block_cache_mb = 512;
  // Entities that resolve without being stored: a gazetteer's countries,
  // people and cities, so that "United States" is found before any relation
  // names it. GetEntity, SearchEntities and SuggestEntities find them (a
  // stored entity of the same id wins); ListEntities, stats and the view do
  // not list them, since the store does not hold them. Default none; kept
  // (shared) for the store's lifetime.
  std::shared_ptr<const std::vector<Entity>> known_entities;
};

struct WriteResult {
  int64_t new_relations = 0;  // Relations not stored before.
  int64_t merged = 0;         // Stored relations that gained provenance etc.
  int64_t unchanged = 0;      // Stored relations the write added nothing to.
  int64_t new_entities = 0;   // Entities not stored before.
};

struct EntityPage {
  std::vector<Entity> entities;
  std::string next_page_token;  // "" when there are no more.
};

class BulkLoader;

struct BulkLoadOptions {
  // Relations buffered per chunk: each chunk becomes one set of ingested
  // files. Larger chunks mean fewer files to compact, and more memory.
  size_t chunk_relations = 500'000;
};

class Store {
 public:
  // Opens (or, read-write with create_if_missing, creates) the store in
  // `dir`. A directory holding something other than an Entente store gives
  // FailedPrecondition naming the directory; a corrupt store gives DataLoss;
  // a store of another schema version gives FailedPrecondition. Builds the
  // graph view before returning. A store another process holds read-write (a
  // running server) gives FailedPrecondition "... is open in another process"
  // when opened read-write; read-only and secondary opens may share it.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& dir,
                                                     const StoreOptions& options);

  // Whether another process holds the store in `dir` read-write (its lock file is
  // locked). False when there is no store there.
  static bool HeldByAnotherProcess(const std::string& dir);
  ~Store();

  // Writes one digest item (or one relation line) atomically: upserts the
  // entities (aliases are unioned; a missing name or kind is filled in) and
  // each relation's endpoints, and merges each relation into its stored copy.
  // Relations with the same id inside one call are merged first. Does not
  // refresh the view. InvalidArgument for a relation without type or
  // endpoints, or an id containing '\0'; FailedPrecondition when the store is
  // not read-write or a BulkLoader is active.
  absl::StatusOr<WriteResult> WriteItem(absl::Span<const Entity> entities,
                                        absl::Span<const Relation> relations);

  // The stored entity with this id, else the known one (StoreOptions::
  // known_entities); NotFound naming the id.
  absl::StatusOr<Entity> GetEntity(absl::string_view id) const;
  // Entities, stored or known, with a normalized (lower-cased, whitespace-
  // collapsed) id, name, id code ("kaz" of "country:KAZ") or alias starting
  // with the normalized query; each entity once, ranked by name similarity:
  // the fewer bytes its closest name adds to the query the better (an exact
  // name adds none), then by id. At most 100,000 names are looked at.
  // page_size: 0 = default 20, clamped to 1000, negative = InvalidArgument.
  // An empty query is InvalidArgument; a bad page_token InvalidArgument.
  // `cancelled` (not owned; may be null) is read while names are scanned: once
  // it is true the search stops with Cancelled. So for the two calls below.
  absl::StatusOr<EntityPage> SearchEntities(
      absl::string_view query, int page_size, absl::string_view page_token,
      const std::atomic<bool>* cancelled = nullptr) const;
  // For a query that names nothing: up to `limit` entities, stored or known,
  // whose normalized names are closest to it (at most 1 edit for a query of
  // up to 4 bytes, 2 up to 8, else 3; a swap of neighbours is one edit),
  // closest first, then by id. Empty when none is that close. Scans every
  // name: meant for error messages, not for every call.
  absl::StatusOr<std::vector<Entity>> SuggestEntities(
      absl::string_view query, int limit,
      const std::atomic<bool>* cancelled = nullptr) const;
  // The stored entities (not the known-only ones) in id order. page_size as
  // for SearchEntities; a bad page_token is InvalidArgument.
  absl::StatusOr<EntityPage> ListEntities(
      int page_size, absl::string_view page_token,
      const std::atomic<bool>* cancelled = nullptr) const;
  // NotFound naming the id (in hex).
  absl::StatusOr<Relation> GetRelation(uint64_t relation_id) const;
  // The relations with these ids, in order (an id may repeat), read in one
  // batch from one snapshot. NotFound naming the first missing id.
  absl::StatusOr<std::vector<Relation>> GetRelations(
      absl::Span<const uint64_t> relation_ids) const;
  // See timeline.h. An unknown entity gives an empty page.
  absl::StatusOr<TimelinePage> GetTimeline(const TimelineQuery& query) const;
  // See stats.h. NotFound for an entity the view does not know; Cancelled
  // once *query.cancelled is true.
  absl::StatusOr<Stats> GetStats(const StatsQuery& query) const;

  // The current immutable graph snapshot; never null.
  std::shared_ptr<const GraphView> View() const;
  // Builds a new snapshot from the store and publishes it; readers of the old
  // one are unaffected. Cost: one scan of the edge index (seconds at 10M).
  absl::Status RefreshView();
  // Secondary mode: catches up with the primary, then RefreshView().
  // FailedPrecondition in other modes.
  absl::Status CatchUp();

  // Compacts every column family into sorted levels (rewrites the whole
  // store; minutes at 10M relations). Optional: useful after a bulk load,
  // whose files otherwise compact in the background while queries run.
  absl::Status Compact();

  // Starts a bulk load (sorted SST ingestion) for large relation sets; see
  // BulkLoader. Only one at a time; WriteItem fails while one is active.
  absl::StatusOr<std::unique_ptr<BulkLoader>> NewBulkLoader(
      const BulkLoadOptions& options = {});

  const std::string& dir() const;

  // Implementation; opaque to users of this header.
  class Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Loads many relations fast: relations are buffered, sorted and written as
// SST files that RocksDB ingests directly (no WAL, no memtable). Semantics
// match WriteItem (merge on equal ids, endpoints upserted), but atomicity is
// per chunk of relations, not per item: a crash mid-load leaves a prefix of
// chunks. The view is refreshed by Finish(): into an empty store it is
// built from the loaded relations (about 32 bytes each are kept until
// then), otherwise read back from the store. Finish()'s counts are per
// distinct relation: a relation given twice in one chunk counts once (new,
// merged or unchanged against what was stored), where two WriteItem calls
// would count it twice.
//
// Thread-safety: not thread-safe; use from one thread. Must not outlive its
// Store. Destroying it without Finish() discards the unflushed chunk.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Buffers one relation; may flush a chunk (BulkLoadOptions).
  virtual absl::Status Add(const Relation& relation) = 0;
  virtual absl::Status Add(Relation&& relation) = 0;  // Saves a copy.
  virtual absl::Status AddEntity(const Entity& entity) = 0;
  // Flushes what remains, refreshes the view and returns the counts.
  virtual absl::StatusOr<WriteResult> Finish() = 0;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_STORE_H_
