#ifndef ENTENTE_IMPORTERS_EXTRACTOR_H_
#define ENTENTE_IMPORTERS_EXTRACTOR_H_

// The relation extractor: turns one digest item (headline, attribution, body)
// into typed, dated relations with provenance, following
// ../shared/spec/relations.md. Rules are patterns over the grammar of the
// genre ("X and Y signed ...", "paid a state visit to", "the nth anniversary
// of diplomatic relations"); hand-written scanners, no std::regex.
//
// Thread-safety: immutable after Create; Extract may run concurrently.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/digest_item.h"
#include "importers/gazetteer.h"

namespace entente::importers {

// The version written into every provenance entry.
inline constexpr absl::string_view kExtractorVersion = "entente-extract/1";

// What one item yields: the relations (merged within the item) and the
// endpoint entities they use, with aliases where the gazetteer knows them.
struct ItemExtraction {
  std::vector<graph::Relation> relations;
  std::vector<graph::Entity> entities;
};

class Extractor {
 public:
  // Keeps the gazetteer alive for the extractor's lifetime.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      std::shared_ptr<const Gazetteer> gazetteer);

  const Gazetteer& gazetteer() const { return *gazetteer_; }

  // Extracts the relations of one item. `item.published` must be known (the
  // digest's publication date anchors years and weekdays). Never fails on
  // odd text: unknown entities simply give no relation.
  ItemExtraction Extract(const DigestItem& item) const;
  // Same, without merging within the item: for callers that merge the
  // relations of a whole digest themselves (MergeAndSortRelations).
  ItemExtraction ExtractUnmerged(const DigestItem& item) const;

 private:
  explicit Extractor(std::shared_ptr<const Gazetteer> gazetteer)
      : gazetteer_(std::move(gazetteer)) {}
  std::shared_ptr<const Gazetteer> gazetteer_;
};

// Merges relations with the same graph::RelationIdentity (provenance lists
// joined, see graph::MergeRelation) and sorts them by date, then type, then
// identity: the order of `extract` output.
std::vector<graph::Relation> MergeAndSortRelations(
    std::vector<graph::Relation> relations);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_EXTRACTOR_H_
