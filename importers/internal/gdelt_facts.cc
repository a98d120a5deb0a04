#include "importers/internal/gdelt_facts.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace entente::importers::internal {
namespace {

graph::DateWithPrecision DayDate(int32_t days) {
  int year = 0, month = 0, day = 0;
  graph::CivilFromDays(days, &year, &month, &day);
  return graph::DateWithPrecision::Day(year, month, day);
}

graph::EntityRef RefOf(const graph::Entity& entity) {
  return {entity.id, entity.name, entity.kind};
}

// Rows of one fact above this many check repeated event ids with a set.
constexpr size_t kLinearDedupRows = 16;

}  // namespace

std::string OutletOfUrl(absl::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos || scheme == 0) return std::string(url);
  absl::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const size_t at = host.rfind('@'); at != absl::string_view::npos) {
    host.remove_prefix(at + 1);  // user:password@
  }
  if (const size_t colon = host.rfind(':');
      colon != absl::string_view::npos && host.find(']') == absl::string_view::npos) {
    host = host.substr(0, colon);  // :port
  }
  if (host.empty()) return std::string(url);
  return absl::AsciiStrToLower(host);
}

FactTable::FactTable(const CameoMapping* mapping) : mapping_(mapping) {
  // Identities by type and attributes, in table order.
  const std::vector<EventRule>& rules = mapping_->rules();
  for (size_t i = 0; i < rules.size(); ++i) {
    uint8_t identity = static_cast<uint8_t>(i);
    for (size_t j = 0; j < i; ++j) {
      if (rules[j].type == rules[i].type && rules[j].attributes == rules[i].attributes) {
        identity = rule_identity_[&rules[j]];
        break;
      }
    }
    rule_identity_[&rules[i]] = identity;
  }
}

FactTable::Bytes FactTable::Keep(absl::string_view text) {
  Bytes bytes{static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(text.size())};
  arena_.append(text.data(), text.size());
  return bytes;
}

void FactTable::Add(const GdeltRow& row, const EventRule& rule, uint16_t actor1,
                    uint16_t actor2) {
  uint16_t source = rule.actor2_is_source ? actor2 : actor1;
  uint16_t target = rule.actor2_is_source ? actor1 : actor2;
  // The key: day (32 bits), rule identity (8), then the endpoints (12 each;
  // CameoMapping has fewer than 4096 parties), ordered for symmetric types.
  uint16_t low = source, high = target;
  if (graph::IsSymmetric(rule.type) && high < low) std::swap(low, high);
  const uint64_t key = (uint64_t{static_cast<uint32_t>(row.day)} << 32) |
                       (uint64_t{rule_identity_.at(&rule)} << 24) |
                       (uint64_t{low} << 12) | uint64_t{high};
  const uint32_t row_index = static_cast<uint32_t>(rows_.size());
  rows_.push_back({row.event_id, row.date_added, Keep(row.source_url), kEndOfChain});
  auto [it, inserted] = index_.try_emplace(key, static_cast<uint32_t>(facts_.size()));
  if (!inserted) {
    Fact& fact = facts_[it->second];
    rows_[fact.last_row].next = row_index;
    fact.last_row = row_index;
    return;
  }
  Fact& fact = facts_.emplace_back();
  fact.first_row = fact.last_row = row_index;
  fact.day = row.day;
  fact.source = source;
  fact.target = target;
  fact.rule = &rule;
  fact.goldstein = row.goldstein;
  fact.tone = row.tone;
  fact.mentions = row.mentions;
  fact.sources = row.sources;
  fact.articles = row.articles;
  fact.event_code = Keep(row.event_code);
  fact.actor1_code = Keep(row.actor1_code);
  fact.actor2_code = Keep(row.actor2_code);
  fact.actor1_type = Keep(row.actor1_type);
  fact.actor2_type = Keep(row.actor2_type);
}

int64_t FactTable::MemoryBytes() const {
  // A hash table slot holds the pair and one control byte; tables stay at
  // most 7/8 full, so count 8/7 slots per entry.
  const size_t slot = sizeof(std::pair<uint64_t, uint32_t>) + 1;
  return static_cast<int64_t>(facts_.size() * sizeof(Fact) + rows_.size() * sizeof(Row) +
                              arena_.size() + index_.size() * slot * 8 / 7);
}

graph::Relation FactTable::ToRelation(const Fact& fact) const {
  graph::Relation r;
  r.type = fact.rule->type;
  r.source = RefOf(mapping_->party(fact.source));
  r.target = RefOf(mapping_->party(fact.target));
  r.date = DayDate(fact.day);
  r.confidence = kGdeltConfidence;
  r.attributes = fact.rule->attributes;
  r.attributes["cameo"] = std::string(View(fact.event_code));
  r.attributes["goldstein"] = fact.goldstein;
  r.attributes["tone"] = fact.tone;
  r.attributes["mentions"] = int64_t{fact.mentions};
  r.attributes["sources"] = int64_t{fact.sources};
  r.attributes["articles"] = int64_t{fact.articles};
  const std::pair<const char*, Bytes> codes[] = {{"actor1_code", fact.actor1_code},
                                                 {"actor2_code", fact.actor2_code},
                                                 {"actor1_type", fact.actor1_type},
                                                 {"actor2_type", fact.actor2_type}};
  for (const auto& [key, bytes] : codes) {
    if (bytes.size > 0) r.attributes[key] = std::string(View(bytes));
  }
  size_t count = 0;
  for (uint32_t i = fact.first_row; i != kEndOfChain; i = rows_[i].next) ++count;
  r.provenance.reserve(count);
  absl::flat_hash_set<int32_t> seen;
  int32_t earliest = INT32_MAX;
  for (uint32_t i = fact.first_row; i != kEndOfChain; i = rows_[i].next) {
    const Row& row = rows_[i];
    const bool repeated = count <= kLinearDedupRows
                              ? std::any_of(r.provenance.begin(), r.provenance.end(),
                                            [&](const graph::Provenance& p) {
                                              return p.item == row.event_id;
                                            })
                              : !seen.insert(row.event_id).second;
    if (repeated) continue;
    earliest = std::min(earliest, row.date_added);
    graph::Provenance& p = r.provenance.emplace_back();
    p.item = row.event_id;
    p.document = std::string(View(row.url));
    p.outlet = OutletOfUrl(p.document);
    p.reported = DayDate(row.date_added);
    p.extractor = std::string(kGdeltExtractor);
  }
  r.reported = DayDate(earliest);
  return r;
}

absl::Status FactTable::Drain(
    size_t per_batch,
    const std::function<absl::Status(std::vector<graph::Relation>&&)>& out) {
  per_batch = std::max<size_t>(per_batch, 1);
  absl::Status status;
  std::vector<graph::Relation> batch;
  for (size_t i = 0; i < facts_.size() && status.ok(); ++i) {
    batch.push_back(ToRelation(facts_[i]));
    if (batch.size() == per_batch || i + 1 == facts_.size()) {
      status = out(std::move(batch));
      batch.clear();
    }
  }
  Clear();
  return status;
}

void FactTable::Clear() {
  facts_.clear();
  rows_.clear();
  arena_.clear();
  index_.clear();
}

}  // namespace entente::importers::internal
