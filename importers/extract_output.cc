#include "importers/extract_output.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "graph/status_macros.h"
#include "importers/digest_reader.h"
#include "importers/internal/import_format.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {
namespace {}  // namespace

absl::StatusOr<ImportFileStats> ExtractFileToJsonl(const Extractor& extractor,
                                                   const std::string& path,
                                                   const ImportOptions& options,
                                                   std::ostream& out) {
  // A JSON Lines item stream is printed item by item (bounded memory); other
  // inputs are merged over the whole file first.
  bool stream = false;
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string head(4096, '\0');
    probe.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(probe.gcount()));
    auto format = internal::DetectImportFormat(path, head);
    stream = format.ok() && *format == internal::ImportFormat::kJsonItems;
  }
  if (stream) {
    return ReadImportFile(extractor, path, options, [&](ImportUnit&& unit) {
      for (const graph::Relation& r : unit.relations)
        out << RelationToJsonLine(r) << '\n';
      return absl::OkStatus();
    });
  }
  std::vector<graph::Relation> relations;
  ENTENTE_ASSIGN_OR_RETURN(
      ImportFileStats stats,
      ReadImportFile(extractor, path, options, [&](ImportUnit&& unit) {
        for (graph::Relation& r : unit.relations) relations.push_back(std::move(r));
        return absl::OkStatus();
      }));
  for (const graph::Relation& r : MergeAndSortRelations(std::move(relations))) {
    out << RelationToJsonLine(r) << '\n';
  }
  return stats;
}

}  // namespace entente::importers
