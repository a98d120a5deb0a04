#ifndef ENTENTE_IMPORTERS_EXTRACTOR_H_
#define ENTENTE_IMPORTERS_EXTRACTOR_H_

// The relation extractor: turns one digest item or article (headline,
// attribution or dateline, body) into typed, dated relations with provenance,
// following ../shared/spec/relations.md. A pipeline whose stages each have a
// header in internal/:
//   item -> sentences        item_reader.h (attribution, dateline, quotes)
//   sentences -> tokens      text.h, tagger.h (word classes from lexicon.txt)
//   tokens -> mentions       mentions.h (gazetteer, titled people)
//   -> phrases, clauses      phrases.h, clauses.h
//   -> who is who            coreference.h
//   clauses -> frame matches frame_matcher.h (the pattern language: frames.h)
//   matches -> relations     relation_builder.h (dating.h, attributes.h)
// What it knows of English lives in importers/data/ (knowledge.h), compiled
// when the extractor is created.
//
// Thread-safety: immutable after Create; Extract may run concurrently.

#include <map>
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
  // Per relation identity (graph::RelationIdentity): the frames ("frames/x.txt:12")
  // and clauses that produced it, for `extract --explain`.
  std::map<std::string, std::vector<std::string>> explanations;
};

namespace internal {
class Knowledge;
}

class Extractor {
 public:
  // Keeps the gazetteer alive for the extractor's lifetime, and compiles the
  // word lists and frames embedded from importers/data/ (InvalidArgument naming
  // the file and line of a bad one).
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      std::shared_ptr<const Gazetteer> gazetteer);

  const Gazetteer& gazetteer() const { return *gazetteer_; }

  // What CountWords counts.
  struct WordCounts {
    int64_t words = 0;
    int64_t function_words = 0;
  };

  // Extracts the relations of one item. `item.published` must be known (the
  // digest's publication date anchors years and weekdays). Never fails on
  // odd text: unknown entities simply give no relation.
  ItemExtraction Extract(const DigestItem& item) const;
  // What the pipeline saw in the item (tags, mentions, phrases, clauses), for
  // finding which stage lost a relation.
  std::string Trace(const DigestItem& item) const;
  // Same, without merging within the item: for callers that merge the
  // relations of a whole digest themselves (MergeAndSortRelations).
  // With `counts`, also sets *counts to CountWords(item), read off the tokens the
  // extraction makes anyway (a second tokenization of the item would cost a tenth
  // of the extraction). With `explain` false, `explanations` is left empty and the
  // rest is the same (building them costs about 2% of the extraction).
  ItemExtraction ExtractUnmerged(const DigestItem& item, WordCounts* counts = nullptr,
                                 bool explain = true) const;

  // Counts the item's words (headline and paragraphs) and how many of them are
  // English function words (the lexicon's determiners, prepositions, conjunctions,
  // pronouns, auxiliaries, ...). News in English has a third or more; a list of
  // random words or another language far fewer.
  WordCounts CountWords(const DigestItem& item) const;

 private:
  Extractor(std::shared_ptr<const Gazetteer> gazetteer,
            std::shared_ptr<const internal::Knowledge> knowledge)
      : gazetteer_(std::move(gazetteer)), knowledge_(std::move(knowledge)) {}
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::shared_ptr<const internal::Knowledge> knowledge_;
};

// Merges relations with the same graph::RelationIdentity (provenance lists
// joined, see graph::MergeRelation), then one fact told at two precisions
// ("2022" and "2022-05") into the finer, and sorts them by date, then type,
// then the order of first mention: the order of `extract` output.
std::vector<graph::Relation> MergeAndSortRelations(
    std::vector<graph::Relation> relations);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_EXTRACTOR_H_
