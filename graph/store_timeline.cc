// GetTimeline: a range scan of the by_entity or by_pair index on one
// snapshot, filtered on the index values; by_entity values hold the
// relations, pair pages read them with one MultiGet.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "graph/internal/coding.h"
#include "graph/internal/keys.h"
#include "graph/internal/page_token.h"
#include "graph/internal/records.h"
#include "graph/internal/store_impl.h"

namespace entente::graph {
namespace {

// No date covers more than a year, so a relation overlapping a window that
// starts on day F has its first day after F - 367.
constexpr int64_t kMaxDateSpan = 367;

uint64_t Fingerprint(const TimelineQuery& q) {
  return StableHash64(absl::StrCat("timeline|", q.entity, "|", q.other, "|",
                                   q.window.from_day, "|", q.window.to_day, "|",
                                   q.types.bits(), "|", q.newest_first));
}

}  // namespace

absl::StatusOr<TimelinePage> Store::GetTimeline(const TimelineQuery& query) const {
  if (query.entity.empty()) return absl::InvalidArgumentError("timeline needs an entity");
  if (query.page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", query.page_size));
  }
  const size_t page_size = query.page_size == 0 ? kDefaultTimelinePageSize
                                                : std::min(query.page_size, kMaxPageSize);
  const uint64_t fingerprint = Fingerprint(query);
  std::string resume_key;
  const bool pair = !query.other.empty();
  const std::string prefix = pair ? internal::PairPrefix(query.entity, query.other)
                                  : internal::EntityPrefix(query.entity);
  if (!query.page_token.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(std::string tail,
                             internal::DecodePageToken(query.page_token, fingerprint));
    if (tail.size() != 12) return absl::InvalidArgumentError("malformed page_token");
    resume_key = prefix + tail;
  }

  // Bounds of the scan: first days in [lower, window.to_day).
  const TimeWindow& w = query.window;
  std::string lower_key = prefix, upper_key = internal::PrefixEnd(prefix);
  if (!w.unbounded()) {
    int64_t lower = std::max<int64_t>(int64_t{w.from_day} - kMaxDateSpan, INT32_MIN + 1);
    lower_key = internal::TimelineKey(prefix, static_cast<int32_t>(lower), 0);
    if (w.to_day != INT32_MAX) upper_key = internal::TimelineKey(prefix, w.to_day, 0);
  }
  rocksdb::Slice lower_slice(lower_key), upper_slice(upper_key);
  ReadScope scope(*impl_);
  rocksdb::ReadOptions read = scope.options();
  read.iterate_lower_bound = &lower_slice;
  read.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db()->NewIterator(
      read, impl_->cf(pair ? internal::kByPair : internal::kByEntity)));

  const bool back = query.newest_first;
  if (resume_key.empty()) {
    back ? it->SeekToLast() : it->SeekToFirst();
  } else if (back) {
    it->SeekForPrev(resume_key);
    if (it->Valid() && it->key() == rocksdb::Slice(resume_key)) it->Prev();
  } else {
    it->Seek(resume_key);
    if (it->Valid() && it->key() == rocksdb::Slice(resume_key)) it->Next();
  }
  std::vector<uint64_t> matches;  // Pair pages: the relations to read.
  size_t found = 0;
  std::string last_key;  // The page token resumes after it.
  TimelinePage page;
  page.relations.reserve(std::min<size_t>(page_size, 64));
  bool more = false;
  for (; it->Valid(); back ? it->Prev() : it->Next()) {
    int32_t first_day, end_day;
    uint64_t id;
    RelationType type;
    rocksdb::Slice key = it->key();
    absl::string_view key_view(key.data(), key.size());
    if (!internal::ParseTimelineTail(key_view, &first_day, &id) ||
        !internal::ParseIndexValue({it->value().data(), it->value().size()}, &type,
                                   &end_day)) {
      return absl::DataLossError("corrupt timeline index entry in the store");
    }
    if (!query.types.empty() && !query.types.Contains(type)) continue;
    if (!w.unbounded() && (first_day == INT32_MIN || !w.Overlaps(first_day, end_day))) {
      continue;
    }
    if (found == page_size) {
      more = true;
      break;
    }
    ++found;
    last_key.assign(key_view.data(), key_view.size());
    if (pair) {
      matches.push_back(id);
    } else {  // by_entity values carry the relation itself.
      absl::string_view value(it->value().data(), it->value().size());
      ENTENTE_ASSIGN_OR_RETURN(
          Relation r, internal::DecodeRelation(value.substr(internal::kIndexValueSize)));
      page.relations.push_back(std::move(r));
    }
  }
  ENTENTE_RETURN_IF_ERROR(FromRocksStatus(it->status(), "scan timeline"));
  if (pair) {
    ENTENTE_ASSIGN_OR_RETURN(std::vector<std::optional<Relation>> stored,
                             impl_->ReadRelations(read, matches, "read relation"));
    for (size_t i = 0; i < stored.size(); ++i) {
      if (!stored[i]) {
        return absl::DataLossError(absl::StrFormat(
            "timeline index names relation %016x which is not stored", matches[i]));
      }
      page.relations.push_back(*std::move(stored[i]));
    }
  }
  if (more && found > 0) {
    page.next_page_token = internal::EncodePageToken(
        fingerprint, absl::string_view(last_key).substr(prefix.size()));
  }
  return page;
}

}  // namespace entente::graph
