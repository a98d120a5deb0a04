// Point reads of relations, and stats. Entities are read in store_entities.cc.

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "graph/internal/cancel_check.h"
#include "graph/internal/coding.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"

namespace entente::graph {

absl::StatusOr<Relation> Store::GetRelation(uint64_t relation_id) const {
  std::string value;
  ReadScope scope(*impl_);
  rocksdb::Status s = impl_->db()->Get(scope.options(), impl_->cf(internal::kRelations),
                                       internal::RelationKey(relation_id), &value);
  if (s.IsNotFound()) {
    return absl::NotFoundError(absl::StrFormat("relation %016x not found", relation_id));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read relation"));
  return internal::DecodeRelation(value);
}

absl::StatusOr<std::vector<std::optional<Relation>>> Store::Impl::ReadRelations(
    const rocksdb::ReadOptions& read, absl::Span<const uint64_t> ids,
    absl::string_view what) const {
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (uint64_t id : ids) keys.push_back(internal::RelationKey(id));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->MultiGet(read, cf(internal::kRelations), keys.size(), slices.data(), values.data(),
                statuses.data());
  std::vector<std::optional<Relation>> relations(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(statuses[i], what));
    ENTENTE_ASSIGN_OR_RETURN(relations[i], internal::DecodeRelation(absl::string_view(
                                               values[i].data(), values[i].size())));
  }
  return relations;
}

absl::StatusOr<std::vector<Relation>> Store::GetRelations(
    absl::Span<const uint64_t> relation_ids) const {
  ReadScope scope(*impl_);
  ENTENTE_ASSIGN_OR_RETURN(
      std::vector<std::optional<Relation>> found,
      impl_->ReadRelations(scope.options(), relation_ids, "read relation"));
  std::vector<Relation> relations;
  relations.reserve(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    if (!found[i]) {
      return absl::NotFoundError(
          absl::StrFormat("relation %016x not found", relation_ids[i]));
    }
    relations.push_back(*std::move(found[i]));
  }
  return relations;
}

absl::StatusOr<Stats> Store::GetStats(const StatsQuery& query) const {
  std::shared_ptr<const GraphView> view = View();
  EdgeFilter filter{RelationTypeSet(), query.window, INT32_MAX};
  Stats stats;
  auto count = [&](const AdjacentEdge& e) {
    ++stats.relations;
    ++stats.by_type[e.type];
    if (e.undated()) {
      ++stats.by_month["undated"];
      return;
    }
    int y, m, d;
    CivilFromDays(e.first_day, &y, &m, &d);
    // A month spans at most 31 days; a longer date is a year's.
    ++stats.by_month[e.span_days > 31 ? absl::StrFormat("%04d", y)
                                      : absl::StrFormat("%04d-%02d", y, m)];
  };
  // A whole-store count over 1M relations takes about half a second.
  internal::CancelCheck cancel(query.cancelled);
  if (query.entity.empty()) {
    stats.entities = view->vertex_count();
    for (uint32_t v = 0; v < view->vertex_count(); ++v) {
      for (const AdjacentEdge& e : view->Edges(v)) {
        if (cancel.Cancelled()) return internal::CancelledError("stats");
        if (e.neighbor >= v && filter.Passes(e)) count(e);  // Each relation once.
      }
    }
    return stats;
  }
  std::optional<uint32_t> v = view->FindVertex(query.entity);
  if (!v) {
    return absl::NotFoundError(absl::StrCat("entity \"", query.entity, "\" not found"));
  }
  absl::flat_hash_set<uint32_t> neighbors;
  for (const AdjacentEdge& e : view->Edges(*v)) {
    if (cancel.Cancelled()) return internal::CancelledError("stats");
    if (!filter.Passes(e)) continue;
    count(e);
    neighbors.insert(e.neighbor);
  }
  stats.entities = static_cast<int64_t>(neighbors.size());
  return stats;
}

}  // namespace entente::graph
