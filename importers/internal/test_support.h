#ifndef ENTENTE_IMPORTERS_INTERNAL_TEST_SUPPORT_H_
#define ENTENTE_IMPORTERS_INTERNAL_TEST_SUPPORT_H_

// Test-only helpers: the real gazetteer (iso-codes from DefaultIsoCodesDir())
// and digest items built from a few lines of text.

#include <memory>
#include <string>
#include <vector>

#include "importers/digest_item.h"
#include "importers/extractor.h"
#include "importers/gazetteer.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::testing {

inline std::shared_ptr<const Gazetteer> SharedGazetteer() {
  static std::shared_ptr<const Gazetteer> gazetteer = [] {
    auto loaded = Gazetteer::Load(DefaultIsoCodesDir());
    return loaded.ok() ? std::shared_ptr<const Gazetteer>(std::move(*loaded)) : nullptr;
  }();
  return gazetteer;
}

// The word lists and frames embedded from importers/data/.
inline const internal::Knowledge& SharedKnowledge() {
  static std::shared_ptr<const internal::Knowledge> knowledge =
      *internal::Knowledge::FromEmbedded();
  return *knowledge;
}

inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = *Extractor::Create(SharedGazetteer());
  return *extractor;
}

// An item: the headline, then paragraphs; published on `published`.
inline DigestItem MakeItem(const std::string& headline,
                           const std::vector<std::string>& paragraphs,
                           graph::DateWithPrecision published) {
  DigestItem item;
  item.document = "test";
  item.number = 1;
  item.published = published;
  item.headline = {headline, 0, {}};
  int64_t offset = static_cast<int64_t>(headline.size()) + 1;
  for (const std::string& p : paragraphs) {
    item.paragraphs.push_back({p, offset, {}});
    offset += static_cast<int64_t>(p.size()) + 1;
  }
  return item;
}

// "type source target date" lines of an extraction, for compact assertions.
inline std::vector<std::string> Summaries(const ItemExtraction& x) {
  std::vector<std::string> out;
  for (const graph::Relation& r : x.relations) {
    out.push_back(std::string(graph::RelationTypeName(r.type)) + " " + r.source.id + " " +
                  r.target.id + " " + r.date.ToString());
  }
  return out;
}

}  // namespace entente::importers::testing

#endif  // ENTENTE_IMPORTERS_INTERNAL_TEST_SUPPORT_H_
