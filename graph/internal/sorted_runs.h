#ifndef ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_
#define ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_

// In-memory runs of one bulk-load chunk, each sorted into its column
// family's key order and handed entry by entry to an SST writer:
// KeyValues (generic), TimelineRun (by_entity / by_pair keys, entities
// named by their EntityOrder rank so sorting compares integers) and
// RelationRun (relations by id). See keys.h for the key layout.
// Thread-safety: not thread-safe; once a TimelineRun's payloads are all
// added, PayloadBytes() may be read while another thread sorts the run.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/status_macros.h"
#include "graph/internal/coding.h"
#include "graph/internal/keys.h"
#include "graph/model.h"

namespace entente::graph::internal {

// Runs are read in key order, not in the order their bytes were added:
// fetching the bytes of an entry a few ahead hides the cache misses.
inline constexpr size_t kPrefetchAhead = 8;
inline void PrefetchBytes(const char* bytes, size_t size) {
  for (size_t at = 0; at < size; at += 64) __builtin_prefetch(bytes + at);
}

// Key-value pairs in one arena, sorted by key without moving the bytes.
class KeyValues {
 public:
  // by_key: sort by the key bytes; otherwise by the `order` given to Add.
  explicit KeyValues(bool by_key = false) : by_key_(by_key) {}
  void Reserve(size_t entries, size_t bytes) {
    entries_.reserve(entries);
    arena_.reserve(bytes);
  }
  // Empties the run but keeps its memory for the next chunk.
  void Clear() {
    entries_.clear();
    arena_.clear();
  }
  // `order` must sort like `key` (keys here are big-endian ids); ignored
  // when sorting by key.
  void Add(absl::string_view key, absl::string_view value, uint64_t order) {
    if (by_key_) order = KeyPrefix(key);
    entries_.push_back({arena_.size(), order, static_cast<uint32_t>(key.size()),
                        static_cast<uint32_t>(value.size())});
    arena_.append(key.data(), key.size());
    arena_.append(value.data(), value.size());
  }
  // Sorts by key and drops repeated keys (keeping the first).
  void SortUnique() {
    if (by_key_) {
      // Most comparisons end at the prefixes; equal ones compare the bytes.
      std::stable_sort(entries_.begin(), entries_.end(),
                       [&](const Entry& a, const Entry& b) {
                         if (a.order != b.order) return a.order < b.order;
                         return Key(a) < Key(b);
                       });
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
    for (size_t i = 0; i < size(); ++i) {
      if (i + kPrefetchAhead < size()) {
        const Entry& ahead = entries_[i + kPrefetchAhead];
        PrefetchBytes(arena_.data() + ahead.offset, ahead.key_size + ahead.value_size);
      }
      ENTENTE_RETURN_IF_ERROR(put(Key(i), Value(i)));
    }
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
    uint64_t order;  // Add()'s order, or KeyPrefix() when sorting by key.
    uint32_t key_size, value_size;
  };
  absl::string_view Key(const Entry& e) const {
    return absl::string_view(arena_).substr(e.offset, e.key_size);
  }
  // The first 8 bytes, big-endian, zero-padded: prefixes order like the
  // keys whenever they differ.
  static uint64_t KeyPrefix(absl::string_view key) {
    uint64_t prefix = 0;
    for (size_t i = 0; i < 8; ++i) {
      prefix = prefix << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
    }
    return prefix;
  }
  bool by_key_;
  std::string arena_;
  std::vector<Entry> entries_;
};

// Timeline index entries of one chunk. Entities are named by their rank
// among the loaded entity ids (EntityOrder), so sorting compares integers
// only; the names are read when the keys are written.
class TimelineRun {
 public:
  // Where a value's payload (AddPayload) lies: the whole value.
  struct Payload {
    size_t offset;
    uint32_t size;
  };
  // `names[rank]`: the entity ids in byte order; must outlive the run.
  // `pairs`: keys of by_pair (low, high) instead of by_entity (low).
  TimelineRun(const std::vector<absl::string_view>* names, bool pairs)
      : names_(names), pairs_(pairs) {}

  // An entity's entry (high unused) or a pair's (low <= high, by rank).
  void Add(uint32_t low, uint32_t high, int32_t first_day, uint64_t id, RelationType type,
           int32_t end_day, Payload payload = Payload{0, 0}) {
    const uint64_t prefix = pairs_ ? uint64_t{low} << 32 | high : uint64_t{low} << 32;
    entries_.push_back(
        {prefix, OrderedDay(first_day), type, end_day, id, payload.size, payload.offset});
  }
  // The payload arena holds each value whole (IndexValue, then the bytes),
  // so entries sharing a payload are written from it without a copy.
  absl::string_view PayloadBytes(Payload payload) const {
    return absl::string_view(payloads_).substr(payload.offset + kIndexValueSize,
                                               payload.size - kIndexValueSize);
  }
  // Entries given the result must have this type and end day.
  Payload AddPayload(RelationType type, int32_t end_day, absl::string_view bytes) {
    Payload payload{payloads_.size(),
                    static_cast<uint32_t>(kIndexValueSize + bytes.size())};
    payloads_.push_back(static_cast<char>(type));
    PutFixed32BE(&payloads_, OrderedDay(end_day));
    payloads_.append(bytes.data(), bytes.size());
    return payload;
  }
  void Reserve(size_t n) { entries_.reserve(n); }
  // Empties the run but keeps its memory for the next chunk.
  void Clear() {
    entries_.clear();
    payloads_.clear();
  }

  // Calls put(key, value) in key order, once per key. Ranks order like the
  // encoded "low 00 [high 00]" since ids hold no 00 byte.
  template <typename F>
  absl::Status ForEachSorted(F&& put) {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.prefix, a.day, a.id) < std::tie(b.prefix, b.day, b.id);
    });
    std::string key, value;
    uint64_t key_prefix = UINT64_MAX;
    size_t prefix_size = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (i + kPrefetchAhead < entries_.size()) {
        Prefetch(entries_[i + kPrefetchAhead].payload_offset,
                 entries_[i + kPrefetchAhead].payload_size);
      }
      const Entry& e = entries_[i];
      if (i > 0 && e.prefix == entries_[i - 1].prefix && e.day == entries_[i - 1].day &&
          e.id == entries_[i - 1].id) {
        continue;
      }
      if (e.prefix != key_prefix) {
        key_prefix = e.prefix;
        const absl::string_view low = (*names_)[e.prefix >> 32];
        key.assign(low.data(), low.size());
        key.push_back('\0');
        if (pairs_) {
          const absl::string_view high = (*names_)[e.prefix & UINT32_MAX];
          key.append(high.data(), high.size());
          key.push_back('\0');
        }
        prefix_size = key.size();
      }
      key.resize(prefix_size);
      PutFixed32BE(&key, e.day);
      PutFixed64BE(&key, e.id);
      if (e.payload_size > 0) {
        ENTENTE_RETURN_IF_ERROR(put(
            key, absl::string_view(payloads_).substr(e.payload_offset, e.payload_size)));
        continue;
      }
      value.assign(1, static_cast<char>(e.type));  // IndexValue.
      PutFixed32BE(&value, OrderedDay(e.end_day));
      ENTENTE_RETURN_IF_ERROR(put(key, value));
    }
    return absl::OkStatus();
  }

 private:
  struct Entry {
    uint64_t prefix;  // low << 32 | high (0 for entity runs).
    uint32_t day;
    RelationType type;
    int32_t end_day;
    uint64_t id;
    uint32_t payload_size;
    size_t payload_offset;
  };
  void Prefetch(size_t offset, uint32_t size) const {
    PrefetchBytes(payloads_.data() + offset, size);
  }
  friend class RelationRun;

  const std::vector<absl::string_view>* names_;
  bool pairs_;
  std::vector<Entry> entries_;
  std::string payloads_;
};

// The entity ids a bulk load has seen, each with an ordinal (fixed, in order
// of first sight) and a rank (its place in byte order among all ids seen so
// far). Ranks are recomputed by Sort() after each chunk's ids are interned:
// the new ids are sorted and merged into the sorted list, so a chunk costs
// a sort of its new ids plus a linear pass, not a sort of all its ids.
class EntityOrder {
 public:
  // The ordinal of `id` (copied on first sight).
  uint32_t Intern(absl::string_view id) {
    auto it = ordinal_of_.find(id);
    if (it != ordinal_of_.end()) return it->second;
    const uint32_t ordinal = static_cast<uint32_t>(by_ordinal_.size());
    absl::string_view stored = storage_.emplace_back(id);  // Deque: never moves.
    by_ordinal_.push_back(stored);
    ordinal_of_.emplace(stored, ordinal);
    return ordinal;
  }
  // Ranks every id interned so far.
  void Sort() {
    const auto by_name = [&](uint32_t a, uint32_t b) {
      return by_ordinal_[a] < by_ordinal_[b];
    };
    std::vector<uint32_t> fresh(by_ordinal_.size() - sorted_.size());
    std::iota(fresh.begin(), fresh.end(), static_cast<uint32_t>(sorted_.size()));
    if (fresh.empty()) return;
    std::sort(fresh.begin(), fresh.end(), by_name);
    std::vector<uint32_t> merged(by_ordinal_.size());
    std::merge(sorted_.begin(), sorted_.end(), fresh.begin(), fresh.end(), merged.begin(),
               by_name);
    sorted_ = std::move(merged);
    rank_.resize(sorted_.size());
    names_.resize(sorted_.size());
    for (uint32_t r = 0; r < sorted_.size(); ++r) {
      rank_[sorted_[r]] = r;
      names_[r] = by_ordinal_[sorted_[r]];
    }
  }
  // After Sort(): the rank of an ordinal, and the names by rank.
  uint32_t Rank(uint32_t ordinal) const { return rank_[ordinal]; }
  uint32_t Ordinal(uint32_t rank) const { return sorted_[rank]; }
  const std::vector<absl::string_view>* names() const { return &names_; }
  absl::string_view Name(uint32_t ordinal) const { return by_ordinal_[ordinal]; }
  size_t size() const { return by_ordinal_.size(); }

 private:
  std::deque<std::string> storage_;
  absl::flat_hash_map<absl::string_view, uint32_t> ordinal_of_;  // Views storage_.
  std::vector<absl::string_view> by_ordinal_;
  std::vector<uint32_t> sorted_;          // Ordinals by rank.
  std::vector<uint32_t> rank_;            // Ranks by ordinal.
  std::vector<absl::string_view> names_;  // Names by rank.
};

// The relations column family of one chunk: ids and the encoded relations,
// which live in the by_entity run's payload arena (encoded once).
class RelationRun {
 public:
  // Sorts `entries` in place; both must outlive the run.
  RelationRun(const TimelineRun* payloads,
              std::vector<std::pair<uint64_t, TimelineRun::Payload>>* entries)
      : payloads_(payloads), entries_(*entries) {}
  template <typename F>
  absl::Status ForEachSorted(F&& put) {
    std::sort(entries_.begin(), entries_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string key;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (i + kPrefetchAhead < entries_.size()) {
        const TimelineRun::Payload& ahead = entries_[i + kPrefetchAhead].second;
        payloads_->Prefetch(ahead.offset, ahead.size);
      }
      if (i > 0 && entries_[i].first == entries_[i - 1].first) continue;
      key = RelationKey(entries_[i].first);
      ENTENTE_RETURN_IF_ERROR(put(key, payloads_->PayloadBytes(entries_[i].second)));
    }
    return absl::OkStatus();
  }

 private:
  const TimelineRun* payloads_;
  std::vector<std::pair<uint64_t, TimelineRun::Payload>>& entries_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_SORTED_RUNS_H_
