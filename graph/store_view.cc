// Building the graph view from the store: entities first (their order fixes
// the vertex numbers), then the edge records, scanned in parallel over equal
// parts of the relation id space, one per core.

#include <vector>

#include "common/parallel.h"
#include "common/status_macros.h"
#include "graph/internal/coding.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"

namespace entente::graph {
namespace {

constexpr uint32_t kMissing = UINT32_MAX;

// One edge record with its endpoints resolved to vertices where the entity
// scan already interned them (kMissing otherwise, with the ids kept).
struct ScannedEdge {
  uint64_t id;
  uint32_t source, target;
  int32_t first_day, end_day, reported_day;
  RelationType type;
  EdgeFacts facts;
};
struct ScannedPart {
  std::vector<ScannedEdge> edges;
  // (edges index * 2 + 0 for source / 1 for target, id) of kMissing ends.
  std::vector<std::pair<size_t, std::string>> missing;
};

// Scans edge keys in [lower, upper) ("" = unbounded).
absl::Status ScanEdges(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* edges,
                       rocksdb::ReadOptions read, const std::string& lower,
                       const std::string& upper, const GraphViewBuilder& builder,
                       ScannedPart* out) {
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) read.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, edges));
  for (lower.empty() ? it->SeekToFirst() : it->Seek(lower); it->Valid(); it->Next()) {
    if (it->key().size() != 8)
      return absl::DataLossError("corrupt edge key in the store");
    ENTENTE_ASSIGN_OR_RETURN(
        internal::EdgeRecord e,
        internal::DecodeEdge(absl::string_view(it->value().data(), it->value().size())));
    std::optional<uint32_t> s = builder.FindEntity(e.source);
    std::optional<uint32_t> t = builder.FindEntity(e.target);
    const size_t index = out->edges.size();
    if (!s) out->missing.emplace_back(2 * index, std::string(e.source));
    if (!t) out->missing.emplace_back(2 * index + 1, std::string(e.target));
    out->edges.push_back({internal::DecodeFixed64BE(it->key().data()),
                          s.value_or(kMissing), t.value_or(kMissing), e.first_day,
                          e.end_day, e.reported_day, e.type,
                          EdgeFacts{e.reports, e.ends_states}});
  }
  return FromRocksStatus(it->status(), "scan edges");
}

}  // namespace

absl::StatusOr<std::shared_ptr<const GraphView>> Store::Impl::BuildView() const {
  ReadScope scope(*this);
  rocksdb::ReadOptions read = scope.options();
  read.fill_cache = false;
  read.readahead_size = 2 << 20;
  GraphViewBuilder builder;
  uint64_t entities = 0, relations = 0;
  db_->GetIntProperty(cf(internal::kEntities), "rocksdb.estimate-num-keys", &entities);
  db_->GetIntProperty(cf(internal::kEdges), "rocksdb.estimate-num-keys", &relations);
  builder.Reserve(entities, relations);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read, cf(internal::kEntities)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    absl::string_view id(it->key().data(), it->key().size());
    absl::string_view value(it->value().data(), it->value().size());
    ENTENTE_ASSIGN_OR_RETURN(EntityKind kind, internal::DecodeEntityKind(value));
    builder.AddEntity(id, kind);
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "scan entities"));
  it.reset();

  // Relation ids are uniform hashes: splitting the key space in equal parts
  // splits the work in equal parts. The builder is only read while they scan.
  const size_t count = common::MachineParallelism();
  std::vector<std::string> bounds(count + 1);  // "" at both ends: unbounded.
  for (size_t i = 1; i < count; ++i) {
    bounds[i] = internal::RelationKey(UINT64_MAX / count * i);
  }
  std::vector<ScannedPart> parts(count);
  std::vector<absl::Status> statuses(count);
  common::ParallelFor(count, [&](size_t i) {
    parts[i].edges.reserve(relations / count + 16);
    statuses[i] = ScanEdges(db_.get(), cf(internal::kEdges), read, bounds[i],
                            bounds[i + 1], builder, &parts[i]);
  });
  for (const absl::Status& status : statuses) ENTENTE_RETURN_IF_ERROR(status);
  for (ScannedPart* part = parts.data(); part != parts.data() + count; ++part) {
    // Endpoints without an entity record (none, when this version wrote the
    // store) are interned in key order, so vertex numbers stay stable.
    for (const auto& [slot, id] : part->missing) {
      ScannedEdge& e = part->edges[slot / 2];
      (slot % 2 == 0 ? e.source : e.target) =
          builder.AddEntity(id, EntityKind::kUnspecified);
    }
    for (const ScannedEdge& e : part->edges) {
      builder.AddRelationDays(e.id, e.source, e.target, e.type, e.first_day, e.end_day,
                              e.reported_day, e.facts);
    }
    *part = ScannedPart();
  }
  return std::move(builder).Build();
}

}  // namespace entente::graph
