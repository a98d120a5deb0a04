#ifndef ENTENTE_IMPORTERS_IMPORT_SOURCE_H_
#define ENTENTE_IMPORTERS_IMPORT_SOURCE_H_

// Reading import files: plain-text digests (optional front matter
// `---`/`published:`/`source:`/`url:`/`---`), JSON Lines digest items
// ({"id","published","outlet","headline","text","url"}) and relation JSON
// Lines as `entente extract` prints them.
//
// Thread-safety: the functions keep no state; the Extractor is shared const.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "importers/extractor.h"

namespace entente::importers {

struct ImportOptions {
  // The publication date for documents without one of their own. A document's own
  // date wins: a text digest's front matter, else a YYYY-MM-DD at the start of its
  // file name ("2026-02-06-digest.txt"); a JSON item's "published". When none of
  // these nor this is known, the document is rejected.
  std::optional<graph::DateWithPrecision> published;
  // How `published` is given, for messages: "--published" on the command line,
  // "document.published" over gRPC.
  std::string published_name = "--published";
  // Optional: told when a document's own date differs from `published` (which is
  // then not used for it), with a sentence naming both.
  std::function<void(const std::string& note)> on_note;
  // Optional: called on the calling thread every few megabytes while a
  // relation lines file is checked (before its first unit reaches the sink),
  // with the number of lines checked so far. For progress displays.
  std::function<void(int64_t lines)> on_checked;
  // Fill ImportUnit::explanations (`entente extract --explain`).
  bool explain = false;
  // Reject (InvalidArgument, nothing given to the sink) a digest or JSON Lines item
  // file that does not read as English news (ImportFileStats::doubt).
  bool strict = false;
};

struct ImportUnit {
  std::string document;
  int item = 0;                         // Digest item number, or relation line number.
  std::vector<graph::Entity> entities;  // Endpoints, with aliases.
  std::vector<graph::Relation> relations;
  // With ImportOptions::explain: per relation (graph::RelationIdentity of the merged
  // relation), the frames and clauses that produced it and the variants merged into it.
  std::map<std::string, std::vector<std::string>> explanations;
};

using ImportSink = std::function<absl::Status(ImportUnit&&)>;

struct ImportFileStats {
  int64_t items = 0;
  int64_t relations = 0;
  // For a digest or JSON Lines items read in memory: why the document may not be
  // English news ("FILE: 3% of its 51234 words are English function words ..."), or
  // "" when it reads as such. Such a document is still imported unless
  // ImportOptions::strict.
  std::string doubt;
};

// The measure behind ImportFileStats::doubt: in English news a third or more of the
// words are from the lexicon's function-word classes; under this share a document of at
// least kDoubtMinWords words is doubtful, as is one whose items nearly all (nine in
// ten of at least kDoubtMinItems) gave no relation.
inline constexpr double kMinFunctionWordShare = 0.15;
inline constexpr int64_t kDoubtMinWords = 50;
inline constexpr int64_t kDoubtMinItems = 10;

// Input limits. Bytes in memory, and a text digest file, larger than
// kMaxImportFileBytes are rejected (ResourceExhausted naming the input).
// Relation JSON Lines and JSON Lines item files are streamed from disk (read
// twice, see internal/relation_stream.h) and may be of any size.
inline constexpr int64_t kMaxImportFileBytes = int64_t{1} << 30;  // 1 GiB.

// Detects the format, validates the WHOLE input first (bad input ->
// InvalidArgument naming file and line; the sink is never called), then calls
// `sink` once per digest item (relations merged within the digest; a text
// digest's units come after the whole digest is extracted) or once per
// relation line, in file order, on the calling thread. A sink error stops
// the import and is returned. Relation lines are parsed on two threads.
absl::StatusOr<ImportFileStats> ReadImportFile(const Extractor& extractor,
                                               const std::string& path,
                                               const ImportOptions& options,
                                               const ImportSink& sink);
// Same over bytes already in memory; `document` names them in messages and
// provenance.
absl::StatusOr<ImportFileStats> ReadImportBytes(const Extractor& extractor,
                                                absl::string_view document,
                                                absl::string_view bytes,
                                                const ImportOptions& options,
                                                const ImportSink& sink);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_IMPORT_SOURCE_H_
