#include "service/cli/bulk_import.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace entente::service::cli {
namespace {

// The importers' codes for a file that cannot be read or is not valid input,
// as ImportPipeline sorts them; anything else stops the load.
bool IsBadInput(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kFailedPrecondition:
      return true;
    default:
      return false;
  }
}

}  // namespace

absl::StatusOr<ImportCounts> BulkImport(graph::Store& store,
                                        const importers::Extractor& extractor,
                                        const std::vector<std::string>& files,
                                        const importers::ImportOptions& options) {
  absl::StatusOr<std::unique_ptr<graph::BulkLoader>> loader = store.NewBulkLoader();
  if (!loader.ok()) return loader.status();
  ImportCounts counts;
  absl::Status load_error;  // A loader failure, as opposed to bad input.
  importers::ImportSink sink = [&](importers::ImportUnit&& unit) -> absl::Status {
    for (const graph::Entity& entity : unit.entities) {
      load_error = (*loader)->AddEntity(entity);
      if (!load_error.ok()) return load_error;
    }
    for (const graph::Relation& relation : unit.relations) {
      load_error = (*loader)->Add(relation);
      if (!load_error.ok()) return load_error;
    }
    ++counts.items;
    return absl::OkStatus();
  };
  for (const std::string& path : files) {
    ++counts.documents;
    absl::StatusOr<importers::ImportFileStats> stats =
        importers::ReadImportFile(extractor, path, options, sink);
    if (!load_error.ok()) return load_error;
    if (!stats.ok()) {
      if (!IsBadInput(stats.status())) return stats.status();
      ++counts.documents_rejected;
      std::string reason(stats.status().message());
      counts.rejected.push_back({path, std::move(reason)});
    }
  }
  absl::StatusOr<graph::WriteResult> result = (*loader)->Finish();
  if (!result.ok()) return result.status();
  counts.relations_new = result->new_relations;
  counts.relations_merged = result->merged;
  counts.relations_unchanged = result->unchanged;
  counts.entities_new = result->new_entities;
  return counts;
}

}  // namespace entente::service::cli
