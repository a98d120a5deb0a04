#include "importers/extractor.h"

namespace entente::importers {

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Gazetteer> gazetteer) {
  if (gazetteer == nullptr) return absl::InvalidArgumentError("Extractor: no gazetteer");
  return std::unique_ptr<Extractor>(new Extractor(std::move(gazetteer)));
}
ItemExtraction Extractor::Extract(const DigestItem&) const { return {}; }
std::vector<graph::Relation> MergeAndSortRelations(std::vector<graph::Relation> r) {
  return r;
}

}  // namespace entente::importers
