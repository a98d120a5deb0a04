#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_FACTS_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_FACTS_H_

// FactTable: the mapped rows of a GDELT file merged into facts, one per
// relation identity (spec/relations.md: type, endpoints, date and the
// attribute that tells relations of the type apart). GDELT repeats itself,
// so one fact gathers many rows: the first row gives the relation its
// attributes, and every row adds one provenance entry.
//
// Rows are kept compact (about 100 bytes of fixed fields per fact, 20 per row,
// plus the URL and actor codes as bytes) and become graph::Relation only in
// Drain(); MemoryBytes() tells the caller when to drain.
//
// Thread-safety: not thread-safe.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "graph/model.h"
#include "importers/internal/gdelt_mapping.h"
#include "importers/internal/gdelt_row.h"

namespace entente::importers::internal {

// The extractor name of GDELT provenance entries.
inline constexpr absl::string_view kGdeltExtractor = "gdelt";
// The confidence of a GDELT relation: machine-coded from one article's text,
// with no quote to check it by.
inline constexpr double kGdeltConfidence = 0.5;

// The outlet of a SOURCEURL: its host in lower case ("www.bbc.co.uk"), or the
// whole text when it is not a URL (GDELT writes "BBC Monitoring" for
// sources without one).
std::string OutletOfUrl(absl::string_view url);

class FactTable {
 public:
  // Keeps the pointer; the mapping must outlive the table.
  explicit FactTable(const CameoMapping* mapping);

  // Adds one row that `rule` maps, between the parties `actor1` and `actor2`
  // (indices from CameoMapping::Resolve; different). The rule's direction
  // decides which is the source.
  void Add(const GdeltRow& row, const EventRule& rule, uint16_t actor1, uint16_t actor2);

  size_t facts() const { return facts_.size(); }
  size_t rows() const { return rows_.size(); }
  // The bytes the facts and rows take. The buffers holding them may be up to
  // twice as large while they grow, and keep their size when emptied.
  int64_t MemoryBytes() const;
  // Empties the table, keeping its buffers for reuse.
  void Clear();

  // Hands the facts to `out` as relations, in the order of their first rows,
  // at most `per_batch` at a time, then empties the table (keeping its
  // buffers). Provenance entries keep row order; a row repeating the
  // GlobalEventID of an earlier row of its fact adds none. An error from
  // `out` stops the drain and is returned; the table is emptied anyway.
  absl::Status Drain(
      size_t per_batch,
      const std::function<absl::Status(std::vector<graph::Relation>&&)>& out);

 private:
  // A view of bytes in arena_.
  struct Bytes {
    uint32_t offset = 0;
    uint32_t size = 0;
  };
  struct Fact {
    uint32_t first_row = 0;
    uint32_t last_row = 0;
    int32_t day = 0;
    uint16_t source = 0;
    uint16_t target = 0;
    const EventRule* rule = nullptr;
    // The first row's attributes.
    double goldstein = 0;
    double tone = 0;
    int32_t mentions = 0, sources = 0, articles = 0;
    Bytes event_code, actor1_code, actor2_code, actor1_type, actor2_type;
  };
  struct Row {
    int32_t event_id = 0;
    int32_t date_added = 0;
    Bytes url;
    uint32_t next = kEndOfChain;  // The fact's next row.
  };
  static constexpr uint32_t kEndOfChain = UINT32_MAX;

  Bytes Keep(absl::string_view text);
  absl::string_view View(Bytes bytes) const {
    return absl::string_view(arena_).substr(bytes.offset, bytes.size);
  }
  graph::Relation ToRelation(const Fact& fact) const;

  const CameoMapping* const mapping_;
  // Distinct rule identities: rules of equal type and attributes (040 and
  // 041 are both "meeting") share one.
  absl::flat_hash_map<const EventRule*, uint8_t> rule_identity_;
  std::vector<Fact> facts_;
  std::vector<Row> rows_;
  std::string arena_;
  // Fact key (see Add) -> index in facts_.
  absl::flat_hash_map<uint64_t, uint32_t> index_;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_FACTS_H_
