// WriteItem: one digest item (or relation line) in one atomic WriteBatch.

#include <algorithm>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"
#include "rocksdb/write_batch.h"

namespace entente::graph {
namespace {

using internal::CfIndex;

absl::Status ValidateId(absl::string_view id, absl::string_view what) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " id is empty"));
  if (id.find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(what, " id contains a NUL byte"));
  }
  return absl::OkStatus();
}

absl::Status ValidateRelation(const Relation& r) {
  if (r.type == RelationType::kUnspecified) {
    return absl::InvalidArgumentError(
        absl::StrCat("relation ", r.source.id, " - ", r.target.id, " has no type"));
  }
  ENTENTE_RETURN_IF_ERROR(ValidateId(r.source.id, "relation source"));
  return ValidateId(r.target.id, "relation target");
}

// Fills what `into` lacks from `from`; unions aliases. True when changed.
bool MergeEntity(const Entity& from, Entity* into) {
  bool changed = false;
  if (into->name.empty() && !from.name.empty()) {
    into->name = from.name;
    changed = true;
  }
  if (into->kind == EntityKind::kUnspecified && from.kind != EntityKind::kUnspecified) {
    into->kind = from.kind;
    changed = true;
  }
  for (const std::string& alias : from.aliases) {
    if (std::find(into->aliases.begin(), into->aliases.end(), alias) ==
        into->aliases.end()) {
      into->aliases.push_back(alias);
      changed = true;
    }
  }
  return changed;
}

// by_entity values carry the whole relation (a timeline page is one range
// scan); by_pair values only its type and end day. `encoded` is the
// RelationValue.
void PutRelationIndexes(rocksdb::ColumnFamilyHandle* by_entity,
                        rocksdb::ColumnFamilyHandle* by_pair, const Relation& r,
                        uint64_t id, absl::string_view encoded, bool pair_too,
                        rocksdb::WriteBatch* batch) {
  const int32_t first = r.date.FirstDay();
  const std::string index = internal::IndexValue(r.type, r.date.EndDay());
  const std::string value = absl::StrCat(index, encoded);
  batch->Put(by_entity,
             internal::TimelineKey(internal::EntityPrefix(r.source.id), first, id),
             value);
  if (r.target.id != r.source.id) {
    batch->Put(by_entity,
               internal::TimelineKey(internal::EntityPrefix(r.target.id), first, id),
               value);
  }
  if (!pair_too) return;
  batch->Put(
      by_pair,
      internal::TimelineKey(internal::PairPrefix(r.source.id, r.target.id), first, id),
      index);
}

}  // namespace

absl::Status Store::Impl::UpsertEntities(const std::vector<Entity>& entities,
                                         rocksdb::WriteBatch* batch,
                                         int64_t* new_entities) {
  for (const Entity& input : entities) {
    std::string stored_bytes;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(internal::kEntities),
                                 input.id, &stored_bytes);
    Entity entity;
    std::set<std::string> old_keys;
    if (s.IsNotFound()) {
      entity = input;
      ++*new_entities;
    } else {
      ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read entity"));
      ENTENTE_ASSIGN_OR_RETURN(entity, internal::DecodeEntity(input.id, stored_bytes));
      old_keys = internal::EntitySearchKeys(entity);
      if (!MergeEntity(input, &entity)) continue;
    }
    std::string value;
    internal::EncodeEntity(entity, &value);
    batch->Put(cf(internal::kEntities), entity.id, value);
    for (const std::string& key : internal::EntitySearchKeys(entity)) {
      if (!old_keys.contains(key)) {
        batch->Put(cf(internal::kAliases), internal::AliasKey(key, entity.id), "");
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<WriteResult> Store::Impl::WriteItem(absl::Span<const Entity> entities,
                                                   absl::Span<const Relation> relations) {
  ENTENTE_RETURN_IF_ERROR(RequireWritable());
  // Merge the call's own duplicates first; gather every endpoint as an entity.
  std::vector<Relation> unique;
  absl::flat_hash_map<uint64_t, size_t> index_of;
  std::vector<Entity> all_entities;
  absl::flat_hash_map<std::string, size_t> entity_index;
  auto add_entity = [&](const Entity& e) {
    auto [it, inserted] = entity_index.try_emplace(e.id, all_entities.size());
    if (inserted) {
      all_entities.push_back(e);
    } else {
      MergeEntity(e, &all_entities[it->second]);
    }
  };
  for (const Entity& e : entities) {
    ENTENTE_RETURN_IF_ERROR(ValidateId(e.id, "entity"));
    add_entity(e);
  }
  for (const Relation& r : relations) {
    ENTENTE_RETURN_IF_ERROR(ValidateRelation(r));
    auto [it, inserted] = index_of.try_emplace(RelationIdOf(r), unique.size());
    if (inserted) {
      unique.push_back(r);
    } else {
      MergeRelation(r, &unique[it->second]);
    }
    add_entity(Entity{r.source.id, r.source.name, r.source.kind, {}});
    add_entity(Entity{r.target.id, r.target.name, r.target.kind, {}});
  }

  absl::MutexLock lock(&write_mu_);
  if (bulk_active_) {
    return absl::FailedPreconditionError("a bulk load is in progress on this store");
  }
  WriteResult result;
  rocksdb::WriteBatch batch;
  for (const Relation& r : unique) {
    const uint64_t id = RelationIdOf(r);
    const std::string key = internal::RelationKey(id);
    std::string stored_bytes;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), cf(internal::kRelations), key, &stored_bytes);
    std::string value;
    if (s.IsNotFound()) {
      internal::EncodeRelation(r, &value);
      batch.Put(cf(internal::kRelations), key, value);
      PutRelationIndexes(cf(internal::kByEntity), cf(internal::kByPair), r, id, value,
                         /*pair_too=*/true, &batch);
      value.clear();
      internal::EncodeEdge(r, &value);
      batch.Put(cf(internal::kEdges), key, value);
      ++result.new_relations;
      continue;
    }
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read relation"));
    ENTENTE_ASSIGN_OR_RETURN(Relation stored, internal::DecodeRelation(stored_bytes));
    if (!SameRelationIdentity(stored, r)) {
      return absl::InternalError(
          absl::StrFormat("relation id %016x collides: \"%s\" vs stored \"%s\"", id,
                          RelationIdentity(r), RelationIdentity(stored)));
    }
    if (!MergeRelation(r, &stored)) {
      ++result.unchanged;
      continue;
    }
    internal::EncodeRelation(stored, &value);
    batch.Put(cf(internal::kRelations), key, value);
    PutRelationIndexes(cf(internal::kByEntity), cf(internal::kByPair), stored, id, value,
                       /*pair_too=*/false, &batch);
    value.clear();
    internal::EncodeEdge(stored, &value);  // `reported` may have moved earlier.
    batch.Put(cf(internal::kEdges), key, value);
    ++result.merged;
  }
  ENTENTE_RETURN_IF_ERROR(UpsertEntities(all_entities, &batch, &result.new_entities));
  if (batch.Count() == 0) return result;
  rocksdb::WriteOptions write;
  write.sync = options_.sync_writes;
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(db_->Write(write, &batch), "write item"));
  return result;
}

}  // namespace entente::graph
