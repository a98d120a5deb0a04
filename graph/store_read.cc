// Point reads, entity search and stats.

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/internal/coding.h"
#include "graph/internal/keys.h"
#include "graph/internal/page_token.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"
#include "graph/status_macros.h"

namespace entente::graph {
namespace {

// Distinct entities collected at most for one search (exact and prefix).
constexpr size_t kMaxSearchScan = 100000;

absl::string_view SliceView(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

}  // namespace

absl::StatusOr<Entity> Store::GetEntity(absl::string_view id) const {
  std::string value;
  ReadScope scope(*impl_);
  rocksdb::Status s = impl_->db()->Get(scope.options(), impl_->cf(internal::kEntities),
                                       rocksdb::Slice(id.data(), id.size()), &value);
  if (s.IsNotFound()) {
    return absl::NotFoundError(absl::StrCat("entity \"", id, "\" not found"));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read entity"));
  return internal::DecodeEntity(id, value);
}

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

absl::StatusOr<EntityPage> Store::SearchEntities(absl::string_view query, int page_size,
                                                 absl::string_view page_token) const {
  const std::string norm = internal::NormalizeAlias(query);
  if (norm.empty()) return absl::InvalidArgumentError("search query is empty");
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", page_size));
  }
  if (page_size == 0) page_size = kDefaultEntityPageSize;
  page_size = std::min(page_size, kMaxEntityPageSize);
  const uint64_t fingerprint = StableHash64(absl::StrCat("search|", norm));
  uint64_t offset = 0;
  if (!page_token.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(std::string payload,
                             internal::DecodePageToken(page_token, fingerprint));
    if (payload.size() != 8) return absl::InvalidArgumentError("malformed page_token");
    offset = internal::DecodeFixed64BE(payload.data());
  }
  ReadScope scope(*impl_);
  rocksdb::ReadOptions read = scope.options();
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db()->NewIterator(read, impl_->cf(internal::kAliases)));
  // Exact matches first (keys "norm 00 id"), then keys that merely start
  // with norm; each entity once, in that order.
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  const size_t wanted = offset + page_size + 1;
  const std::string exact = internal::EntityPrefix(norm);
  for (int pass = 0; pass < 2 && ids.size() < wanted; ++pass) {
    const std::string& prefix = pass == 0 ? exact : norm;
    size_t scanned = 0;
    for (it->Seek(prefix); it->Valid() && ids.size() < wanted && scanned < kMaxSearchScan;
         it->Next(), ++scanned) {
      absl::string_view key = SliceView(it->key());
      if (!absl::StartsWith(key, prefix)) break;
      size_t zero = key.find('\0');
      if (zero == absl::string_view::npos) continue;
      if (pass == 1 && zero == norm.size()) continue;  // Exact: done in pass 0.
      std::string id(key.substr(zero + 1));
      if (seen.insert(id).second) ids.push_back(std::move(id));
    }
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "search entities"));
  }
  EntityPage page;
  for (size_t i = offset; i < ids.size() && i < offset + page_size; ++i) {
    std::string value;
    rocksdb::Status s =
        impl_->db()->Get(read, impl_->cf(internal::kEntities), ids[i], &value);
    if (s.IsNotFound()) continue;  // An alias without its entity: skip it.
    ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read entity"));
    ENTENTE_ASSIGN_OR_RETURN(Entity entity, internal::DecodeEntity(ids[i], value));
    page.entities.push_back(std::move(entity));
  }
  if (ids.size() > offset + page_size) {
    std::string payload;
    internal::PutFixed64BE(&payload, offset + page_size);
    page.next_page_token = internal::EncodePageToken(fingerprint, payload);
  }
  return page;
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
  if (query.entity.empty()) {
    stats.entities = view->vertex_count();
    for (uint32_t v = 0; v < view->vertex_count(); ++v) {
      for (const AdjacentEdge& e : view->Edges(v)) {
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
    if (!filter.Passes(e)) continue;
    count(e);
    neighbors.insert(e.neighbor);
  }
  stats.entities = static_cast<int64_t>(neighbors.size());
  return stats;
}

}  // namespace entente::graph
