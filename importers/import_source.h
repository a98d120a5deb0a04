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
  // The digest's publication date; overrides front matter. Without it and
  // without front matter / JSON `published`, a text digest is rejected.
  std::optional<graph::DateWithPrecision> published;
  // Optional: called on the calling thread every few megabytes while a
  // relation lines file is checked (before its first unit reaches the sink),
  // with the number of lines checked so far. For progress displays.
  std::function<void(int64_t lines)> on_checked;
  // Fill ImportUnit::explanations (`entente extract --explain`).
  bool explain = false;
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
};

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
