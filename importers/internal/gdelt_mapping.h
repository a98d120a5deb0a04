#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_MAPPING_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_MAPPING_H_

// CameoMapping: what the CAMEO codes of a GDELT row mean in the graph
// (../shared/spec/gdelt.md): the party each side of a row stands for, and the
// relation an event code is. Built from the two tables of importers/data/
// (cameo_countries.tsv, cameo_events.tsv; formats at the top of each) and the
// gazetteer, whose countries are iso-codes' ISO 3166-1 list.
//
// Thread-safety: immutable after Create; const methods may run concurrently.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/gazetteer.h"

namespace entente::importers::internal {

// What one side of a row (its actor code and country code) stands for.
struct PartyLookup {
  enum class Kind : uint8_t {
    kParty,    // `party` is the index of the entity (CameoMapping::party).
    kNone,     // No party: blank codes, a region, a state with no single
               // successor, or an organization the table does not list.
    kUnknown,  // A country code neither in iso-codes nor in the table.
  };
  Kind kind = Kind::kNone;
  uint16_t party = 0;
};

// What rows with one event code become.
struct EventRule {
  std::string code;  // As GDELT writes it: "042", "1621".
  graph::RelationType type = graph::RelationType::kUnspecified;
  // Directed types: Actor2 is the source ("043 host a visit": the guest's
  // country visits the host). Always false for symmetric types.
  bool actor2_is_source = false;
  graph::Attributes attributes;  // Carried by every such relation.
};

class CameoMapping {
 public:
  // Party indices are below this (FactTable packs two into 24 bits).
  static constexpr size_t kMaxParties = 4096;

  // Parses the tables' contents; errors are InvalidArgument naming
  // "cameo_countries.tsv:LINE" or "cameo_events.tsv:LINE" and what was
  // expected. Copies the entities it needs from the gazetteer (name, kind,
  // aliases) and keeps no pointer to it.
  static absl::StatusOr<std::unique_ptr<CameoMapping>> Create(
      const Gazetteer& gazetteer, absl::string_view countries_tsv,
      absl::string_view events_tsv);
  // Same over the tables embedded at build time.
  static absl::StatusOr<std::unique_ptr<CameoMapping>> CreateEmbedded(
      const Gazetteer& gazetteer);

  // One side of a row: `actor_code` is its whole Actor1Code or Actor2Code,
  // `country_code` its Actor1CountryCode or Actor2CountryCode (empty, or three
  // capital letters; anything else is kUnknown). The resolution order is
  // described at the top of cameo_countries.tsv.
  PartyLookup Resolve(absl::string_view actor_code, absl::string_view country_code) const;

  // The rule for an EventCode of three or four digits; nullptr when rows
  // with that code are no relation (or the code is not of that form).
  const EventRule* FindEvent(absl::string_view event_code) const;

  // The entity of a party index that Resolve returned, with the gazetteer's
  // name, kind and aliases. Valid as long as the mapping.
  const graph::Entity& party(uint16_t index) const { return parties_[index]; }
  // The party with this entity id; nullptr when it is none.
  const graph::Entity* FindParty(absl::string_view id) const {
    auto it = party_by_id_.find(id);
    return it == party_by_id_.end() ? nullptr : &parties_[it->second];
  }
  size_t party_count() const { return parties_.size(); }
  const std::vector<EventRule>& rules() const { return rules_; }

 private:
  CameoMapping() = default;
  absl::Status AddIsoCountries(const Gazetteer& gazetteer);
  absl::Status AddCountryTable(const Gazetteer& gazetteer, absl::string_view tsv);
  absl::Status AddEventTable(absl::string_view tsv);
  // The index of the entity with this id, added from the gazetteer when new;
  // -1 when the gazetteer does not know the id.
  int PartyIndex(const Gazetteer& gazetteer, absl::string_view id);

  // Cell values of by_country_ besides party indices.
  static constexpr int16_t kNoParty = -1;
  static constexpr int16_t kUnknownCode = -2;
  static constexpr int kLetterCodes = 26 * 26 * 26;
  static constexpr int kEventSlots = 1000 + 10000;  // Three digits, then four.

  std::vector<graph::Entity> parties_;
  absl::flat_hash_map<std::string, uint16_t> party_by_id_;
  // By country code "ABC" at ((A * 26) + B) * 26 + C: a party index,
  // kNoParty or kUnknownCode.
  std::vector<int16_t> by_country_ = std::vector<int16_t>(kLetterCodes, kUnknownCode);
  // Whole actor codes the table lists: a party index or kNoParty.
  absl::flat_hash_map<std::string, int16_t> by_actor_;
  std::vector<EventRule> rules_;
  // By event code: "NNN" at NNN, "NNNN" at 1000 + NNNN; an index into
  // rules_, or -1.
  std::array<int8_t, kEventSlots> rule_by_code_;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_MAPPING_H_
