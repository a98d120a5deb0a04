#include "importers/extract_output.h"

#include <fstream>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/json_string.h"
#include "common/status_macros.h"
#include "importers/digest_reader.h"
#include "importers/internal/import_format.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {

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
  using Explanations = std::map<std::string, std::vector<std::string>>;
  auto write = [&](const graph::Relation& r, const Explanations& explanations) {
    std::string line = RelationToJsonLine(r);
    if (options.explain && !line.empty() && line.back() == '}') {
      // "explanation": the frames (data file:line) and clauses behind the relation.
      line.pop_back();
      line.append(",\"explanation\":[");
      auto it = explanations.find(graph::RelationIdentity(r));
      if (it != explanations.end()) {
        for (size_t k = 0; k < it->second.size(); ++k) {
          if (k > 0) line.push_back(',');
          common::AppendJsonString(it->second[k], &line);
        }
      }
      line.append("]}");
    }
    out << line << '\n';
  };
  if (stream) {
    return ReadImportFile(extractor, path, options, [&](ImportUnit&& unit) {
      for (const graph::Relation& r : unit.relations) write(r, unit.explanations);
      return absl::OkStatus();
    });
  }
  // A text digest arrives one unit per item, already merged over the digest.
  std::vector<graph::Relation> relations;
  Explanations explanations;
  ENTENTE_ASSIGN_OR_RETURN(
      ImportFileStats stats,
      ReadImportFile(extractor, path, options, [&](ImportUnit&& unit) {
        for (graph::Relation& r : unit.relations) relations.push_back(std::move(r));
        explanations.merge(unit.explanations);
        return absl::OkStatus();
      }));
  for (const graph::Relation& r : MergeAndSortRelations(std::move(relations))) {
    write(r, explanations);
  }
  return stats;
}

absl::Status TraceTextDigest(const Extractor& extractor, const std::string& path,
                             const ImportOptions& options, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  ENTENTE_ASSIGN_OR_RETURN(TextDigest digest, ParseTextDigest(path, bytes));
  for (DigestItem& item : digest.items) {
    item.published =
        digest.published.value_or(options.published.value_or(item.published));
    out << "== item " << item.number << "\n" << extractor.Trace(item);
  }
  return absl::OkStatus();
}

}  // namespace entente::importers
