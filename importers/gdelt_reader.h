#ifndef ENTENTE_IMPORTERS_GDELT_READER_H_
#define ENTENTE_IMPORTERS_GDELT_READER_H_

// Reading GDELT event files into relations, as ../shared/spec/gdelt.md maps
// them: 2.0 export files (61 columns) and 1.0 daily files (57 columns, 58
// with SOURCEURL), plain, gzip or zip as downloaded. The layout is told by
// the first row's column count and the compression by the first bytes, never
// by the file name.
//
// A file is read in one or two passes:
//  1. Every row is checked, mapped (CAMEO codes to parties and relation
//     types, tables in importers/data/cameo_*.tsv) and merged with the rows of
//     the same fact in memory. A bad row rejects the whole file before
//     anything reaches the sink: InvalidArgument "FILE:LINE: what was found,
//     what was expected" (with skip_bad_rows it is left out and counted). A
//     truncated or corrupt archive is DataLoss, also before the sink sees
//     anything.
//  2. Only when the facts outgrow memory_bytes during pass 1: the file is read
//     again and the facts go to the sink each time they fill memory_bytes. A
//     fact can then reach the sink more than once, each time with the
//     provenance of other rows; the store merges them into one relation. A
//     file that changes between the passes fails with FailedPrecondition
//     saying that part of it may be stored.
// Otherwise the facts go to the sink after pass 1. Either way the sink gets
// one ImportUnit per `relations_per_unit` relations, in the order of each
// fact's first row, on the calling thread; a sink error stops the read and is
// returned.
//
// Thread-safety: a GdeltReader is immutable after Create; several reads may
// run at once on different threads.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/gazetteer.h"
#include "importers/import_source.h"

namespace entente::importers {

namespace internal {
class CameoMapping;
}

// What a read did; files add up with +=.
struct GdeltCounts {
  int64_t rows = 0;         // Rows read (lines that are not blank).
  int64_t rows_mapped = 0;  // Rows that are a report of a relation.
  // Relations handed to the sink, by type (index graph::RelationType): one
  // per fact when the file fit in memory_bytes.
  std::array<int64_t, graph::kRelationTypeCount> relations_by_type{};
  // Rows that are no relation, by reason, in the order they are checked:
  // the event code is no relation (by CAMEO root code 1..20; index 0 unused),
  std::array<int64_t, 21> unmapped_by_root{};
  // a country code is neither in iso-codes nor in cameo_countries.tsv,
  int64_t unknown_country = 0;
  // neither side is a party (blank codes, regions, unlisted organizations),
  int64_t no_party = 0;
  int64_t one_party = 0;   // only one side is,
  int64_t same_party = 0;  // both sides are the same party.
  // With skip_bad_rows: rows left out because they are not GDELT event
  // rows, by the first field that failed ("columns", "Day", "EventCode", ...).
  std::map<std::string, int64_t> bad_rows;
  int64_t files_read_twice = 0;  // Files whose facts outgrew memory_bytes.

  int64_t relations() const;
  int64_t unmapped() const;
  int64_t skipped() const;  // Every row that is not mapped, bad rows included.
  int64_t bad() const;
  GdeltCounts& operator+=(const GdeltCounts& other);
};

struct GdeltReadOptions {
  // Leave out rows that are not GDELT event rows, counting them, instead of
  // rejecting the file. A first row of no known layout rejects the file all
  // the same. Default false.
  bool skip_bad_rows = false;
  // Memory for one file's facts, in bytes (FactTable::MemoryBytes; the
  // buffers holding them may grow to twice that). Default 256 MiB. A tiny
  // budget is allowed (tests): the sink then gets a unit per mapped row.
  int64_t memory_bytes = int64_t{256} << 20;
  // Relations per ImportUnit handed to the sink. Default 1024, at least 1.
  size_t relations_per_unit = 1024;
  // Read and decompress on a second thread while rows are mapped on the
  // calling one. Default true; false keeps the read on one core.
  bool read_ahead = true;
  // Optional: called on the calling thread as each pass starts and every
  // 65,536 rows, with the current file's counts so far and the pass (1:
  // check and map; 2: read again to load).
  std::function<void(const GdeltCounts& counts, int pass)> on_progress;
};

// Whether `head` (a file's first bytes, 4 KiB are plenty) is to be read as
// GDELT: a zip or gzip archive (Entente reads no other compressed input), a
// first line of 20 or more tab-separated columns, or a name ending in .csv
// (any case; its rows are then checked like any GDELT file's).
bool LooksLikeGdelt(absl::string_view name, absl::string_view head);
// The same for a file on disk; false when it cannot be read.
bool LooksLikeGdeltFile(const std::string& path);

class GdeltReader {
 public:
  // Builds the CAMEO mapping from the embedded tables and the gazetteer's
  // countries and organizations (copied; no pointer is kept).
  // InvalidArgument naming a table line, or FailedPrecondition for a
  // gazetteer without countries.
  static absl::StatusOr<std::unique_ptr<GdeltReader>> Create(const Gazetteer& gazetteer);
  // For tests: over an existing mapping, which the reader takes.
  explicit GdeltReader(std::unique_ptr<internal::CameoMapping> mapping);
  ~GdeltReader();

  // Reads the file at `path` (NotFound when it cannot be opened). Units name
  // the path as their document.
  absl::StatusOr<GdeltCounts> ReadFile(const std::string& path,
                                       const GdeltReadOptions& options,
                                       const ImportSink& sink) const;
  // The same over bytes in memory, named `name` in errors and units.
  absl::StatusOr<GdeltCounts> ReadBytes(absl::string_view name, absl::string_view bytes,
                                        const GdeltReadOptions& options,
                                        const ImportSink& sink) const;

 private:
  std::unique_ptr<internal::CameoMapping> mapping_;
};

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_GDELT_READER_H_
