// Entity reads: by id, search ranked by name similarity, suggestions for a
// name that matches nothing, and the list of what the store holds.

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph/internal/cancel_check.h"
#include "graph/internal/coding.h"
#include "graph/internal/entity_names.h"
#include "graph/internal/keys.h"
#include "graph/internal/page_token.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"

namespace entente::graph {
namespace {

// Names looked at, at most, for one search and for one round of suggestions.
constexpr size_t kMaxSearchScan = 100'000;
constexpr size_t kMaxSuggestScan = 2'000'000;

absl::string_view SliceView(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

absl::StatusOr<int> CheckedPageSize(int page_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", page_size));
  }
  if (page_size == 0) return kDefaultEntityPageSize;
  return std::min(page_size, kMaxPageSize);
}

// Entity ids with a score each (lower is better): the best of the names seen.
class Ranking {
 public:
  void Add(absl::string_view id, int score) {
    auto [it, inserted] = best_.try_emplace(id, score);
    if (!inserted) it->second = std::min(it->second, score);
  }
  // Ids by score, then id.
  std::vector<std::string> Ranked() const {
    std::vector<std::pair<int, std::string>> order;
    order.reserve(best_.size());
    for (const auto& [id, score] : best_) order.emplace_back(score, id);
    std::sort(order.begin(), order.end());
    std::vector<std::string> ids;
    ids.reserve(order.size());
    for (auto& entry : order) ids.push_back(std::move(entry.second));
    return ids;
  }

 private:
  absl::flat_hash_map<std::string, int> best_;
};

// Calls visit(alias_norm, entity_id) for the search keys of stored and known
// entities starting with `prefix`, at most `limit` of each. Cancelled naming
// `what` once *cancelled is true.
template <typename Visit>
absl::Status VisitNames(const Store::Impl& impl, const rocksdb::ReadOptions& read,
                        absl::string_view prefix, size_t limit,
                        const std::atomic<bool>* cancelled, absl::string_view what,
                        Visit visit) {
  internal::CancelCheck cancel(cancelled);
  std::unique_ptr<rocksdb::Iterator> it(
      impl.db()->NewIterator(read, impl.cf(internal::kAliases)));
  size_t scanned = 0;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
       it->Valid() && scanned < limit; it->Next(), ++scanned) {
    if (cancel.Cancelled()) return internal::CancelledError(what);
    absl::string_view key = SliceView(it->key());
    if (!absl::StartsWith(key, prefix)) break;
    size_t zero = key.find('\0');
    if (zero == absl::string_view::npos) continue;
    visit(key.substr(0, zero), key.substr(zero + 1));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "read entity names"));
  const internal::KnownEntityIndex& known = impl.known();
  scanned = 0;
  for (auto key = known.LowerBound(prefix);
       key != known.keys().end() && absl::StartsWith(key->first, prefix) &&
       scanned < limit;
       ++key, ++scanned) {
    if (cancel.Cancelled()) return internal::CancelledError(what);
    visit(key->first, key->second->id);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::optional<Entity>> Store::Impl::ReadEntity(
    const rocksdb::ReadOptions& read, absl::string_view id) const {
  std::string value;
  rocksdb::Status s = db_->Get(read, cf(internal::kEntities),
                               rocksdb::Slice(id.data(), id.size()), &value);
  if (s.IsNotFound()) {
    const Entity* entity = known_.Find(id);
    if (entity == nullptr) return std::nullopt;
    return *entity;
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(s, "read entity"));
  return internal::DecodeEntity(id, value);
}

absl::StatusOr<Entity> Store::GetEntity(absl::string_view id) const {
  ReadScope scope(*impl_);
  ENTENTE_ASSIGN_OR_RETURN(std::optional<Entity> entity,
                           impl_->ReadEntity(scope.options(), id));
  if (!entity) return absl::NotFoundError(absl::StrCat("entity \"", id, "\" not found"));
  return *std::move(entity);
}

absl::StatusOr<EntityPage> Store::SearchEntities(
    absl::string_view query, int page_size, absl::string_view page_token,
    const std::atomic<bool>* cancelled) const {
  const std::string norm = internal::NormalizeAlias(query);
  if (norm.empty()) return absl::InvalidArgumentError("search query is empty");
  ENTENTE_ASSIGN_OR_RETURN(page_size, CheckedPageSize(page_size));
  const uint64_t fingerprint = StableHash64(absl::StrCat("search|", norm));
  uint64_t offset = 0;
  if (!page_token.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(std::string payload,
                             internal::DecodePageToken(page_token, fingerprint));
    if (payload.size() != 8) return absl::InvalidArgumentError("malformed page_token");
    offset = internal::DecodeFixed64BE(payload.data());
  }
  ReadScope scope(*impl_);
  const rocksdb::ReadOptions read = scope.options();
  // Every name here starts with the query: the bytes it adds measure how far
  // it is from it, and an exact name adds none.
  Ranking ranking;
  ENTENTE_RETURN_IF_ERROR(
      VisitNames(*impl_, read, norm, kMaxSearchScan, cancelled, "search entities",
                 [&](absl::string_view name, absl::string_view id) {
                   ranking.Add(id, static_cast<int>(name.size() - norm.size()));
                 }));
  const std::vector<std::string> ids = ranking.Ranked();
  EntityPage page;
  for (size_t i = offset; i < ids.size() && i < offset + page_size; ++i) {
    ENTENTE_ASSIGN_OR_RETURN(std::optional<Entity> entity,
                             impl_->ReadEntity(read, ids[i]));
    if (entity) page.entities.push_back(*std::move(entity));  // Else a stray alias.
  }
  if (ids.size() > offset + page_size) {
    std::string payload;
    internal::PutFixed64BE(&payload, offset + page_size);
    page.next_page_token = internal::EncodePageToken(fingerprint, payload);
  }
  return page;
}

absl::StatusOr<std::vector<Entity>> Store::SuggestEntities(
    absl::string_view query, int limit, const std::atomic<bool>* cancelled) const {
  const std::string norm = internal::NormalizeAlias(query);
  std::vector<Entity> suggestions;
  if (norm.empty() || limit <= 0) return suggestions;
  const int max_distance = internal::SuggestionLimit(norm.size());
  ReadScope scope(*impl_);
  const rocksdb::ReadOptions read = scope.options();
  Ranking ranking;
  ENTENTE_RETURN_IF_ERROR(
      VisitNames(*impl_, read, "", kMaxSuggestScan, cancelled, "suggest entities",
                 [&](absl::string_view name, absl::string_view id) {
                   int distance = internal::NameDistance(name, norm, max_distance);
                   if (distance <= max_distance) ranking.Add(id, distance);
                 }));
  for (const std::string& id : ranking.Ranked()) {
    if (static_cast<int>(suggestions.size()) == limit) break;
    ENTENTE_ASSIGN_OR_RETURN(std::optional<Entity> entity, impl_->ReadEntity(read, id));
    if (entity) suggestions.push_back(*std::move(entity));
  }
  return suggestions;
}

absl::StatusOr<EntityPage> Store::ListEntities(int page_size,
                                               absl::string_view page_token,
                                               const std::atomic<bool>* cancelled) const {
  ENTENTE_ASSIGN_OR_RETURN(page_size, CheckedPageSize(page_size));
  const uint64_t fingerprint = StableHash64("list entities");
  std::string after;
  if (!page_token.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(after, internal::DecodePageToken(page_token, fingerprint));
  }
  ReadScope scope(*impl_);
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db()->NewIterator(scope.options(), impl_->cf(internal::kEntities)));
  it->Seek(after);
  if (!page_token.empty() && it->Valid() && SliceView(it->key()) == after) it->Next();
  EntityPage page;
  internal::CancelCheck cancel(cancelled);
  for (; it->Valid(); it->Next()) {
    if (cancel.Cancelled()) return internal::CancelledError("list entities");
    if (static_cast<int>(page.entities.size()) == page_size) {
      page.next_page_token =
          internal::EncodePageToken(fingerprint, page.entities.back().id);
      break;
    }
    ENTENTE_ASSIGN_OR_RETURN(
        Entity entity,
        internal::DecodeEntity(SliceView(it->key()), SliceView(it->value())));
    page.entities.push_back(std::move(entity));
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "list entities"));
  return page;
}

}  // namespace entente::graph
