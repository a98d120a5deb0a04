#ifndef ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_
#define ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_

// In-memory runs of one bulk-load chunk, each sorted into its column
// family's key order and handed entry by entry to an SST writer:
// KeyValues (generic), TimelineRun (by_entity / by_pair keys, grouped by
// prefix so sorting compares integers) and RelationRun (relations by id).
// See keys.h for the key layout. Thread-safety: not thread-safe; a run's
// PayloadBytes() may be read while another thread sorts the run.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph/internal/coding.h"
#include "graph/internal/keys.h"
#include "graph/model.h"
#include "graph/status_macros.h"

namespace entente::graph::internal {

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
    entries_.push_back({it->second, OrderedDay(first_day), id, end_day, type,
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
      PutFixed32BE(&key, e.day);
      PutFixed64BE(&key, e.id);
      value.assign(1, static_cast<char>(e.type));  // IndexValue, then payload.
      PutFixed32BE(&value, OrderedDay(e.end_day));
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
      key = RelationKey(entries_[i].first);
      ENTENTE_RETURN_IF_ERROR(put(key, payloads_->PayloadBytes(entries_[i].second)));
    }
    return absl::OkStatus();
  }

 private:
  const TimelineRun* payloads_;
  std::vector<std::pair<uint64_t, TimelineRun::Payload>> entries_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_
