#include "importers/extract_output.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "graph/status_macros.h"
#include "importers/digest_reader.h"
#include "importers/internal/import_format.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {
namespace {

// A JSON Lines item stream: validated in a first pass, extracted in a second,
// one line in memory at a time.
absl::StatusOr<ImportFileStats> StreamJsonItems(const Extractor& extractor,
                                                const std::string& path,
                                                const ImportOptions& options,
                                                std::ostream& out) {
  for (int pass = 0; pass < 2; ++pass) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string line;
    int line_number = 0;
    int64_t offset = 0;
    ImportFileStats stats;
    while (std::getline(in, line)) {
      ++line_number;
      int64_t line_offset = offset;
      offset += static_cast<int64_t>(line.size()) + 1;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      ENTENTE_ASSIGN_OR_RETURN(DigestItem item,
                               ParseJsonItem(path, line_number, line_offset, line));
      if (options.published) item.published = *options.published;
      if (!item.published.known()) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", line_number,
                         ": item has no \"published\" date and none was given "
                         "(--published YYYY-MM-DD)"));
      }
      if (pass == 0) continue;
      ItemExtraction x = extractor.Extract(item);
      ++stats.items;
      for (const graph::Relation& r : x.relations) {
        out << RelationToJsonLine(r) << '\n';
        ++stats.relations;
      }
    }
    if (pass == 1) return stats;
  }
  return ImportFileStats{};
}

}  // namespace

absl::StatusOr<ImportFileStats> ExtractFileToJsonl(const Extractor& extractor,
                                                   const std::string& path,
                                                   const ImportOptions& options,
                                                   std::ostream& out) {
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string head(4096, '\0');
    probe.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(probe.gcount()));
    auto format = internal::DetectImportFormat(path, head);
    if (format.ok() && *format == internal::ImportFormat::kJsonItems) {
      return StreamJsonItems(extractor, path, options, out);
    }
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
