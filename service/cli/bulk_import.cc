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
    case absl::StatusCode::kDataLoss:  // A truncated or corrupt file.
      return true;
    default:
      return false;
  }
}

// An entity that says no more than an endpoint of one of the relations (same
// id, name and kind, no aliases): the loader notes endpoints itself, so
// giving it again would only cost time.
bool IsBareEndpoint(const graph::Entity& entity,
                    const std::vector<graph::Relation>& relations) {
  if (!entity.aliases.empty()) return false;
  for (const graph::Relation& r : relations) {
    for (const graph::EntityRef* end : {&r.source, &r.target}) {
      if (end->id == entity.id && end->name == entity.name && end->kind == entity.kind) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// Shows progress every kProgressEvery lines or relations.
constexpr int64_t kProgressEvery = 1 << 16;

absl::StatusOr<ImportCounts> BulkImport(graph::Store& store,
                                        const importers::Extractor& extractor,
                                        const std::vector<std::string>& files,
                                        const BulkImportOptions& options,
                                        const BulkProgress& progress) {
  absl::StatusOr<std::unique_ptr<graph::BulkLoader>> loader =
      store.NewBulkLoader(options.load);
  if (!loader.ok()) return loader.status();
  ImportCounts counts;
  absl::Status load_error;  // A loader failure, as opposed to bad input.
  bool gdelt_file = false;  // The file being read is GDELT's: rows, not items.
  int64_t loaded = 0;       // Relations given to the loader.
  std::string file;         // "[i/n] PATH", for progress.
  importers::ImportOptions file_options = options.import;
  importers::GdeltReadOptions gdelt_options = options.gdelt;
  if (progress) {
    file_options.on_checked = [&](int64_t lines) {
      progress(absl::StrCat(file, ": checked ", lines, " lines"));
    };
    gdelt_options.on_progress = [&](const importers::GdeltCounts& read, int pass) {
      progress(absl::StrCat(file, pass == 1 ? ": checked " : ": read again, ", read.rows,
                            " rows"));
    };
  }
  importers::ImportSink sink = [&](importers::ImportUnit&& unit) -> absl::Status {
    for (const graph::Entity& entity : unit.entities) {
      if (IsBareEndpoint(entity, unit.relations)) continue;
      load_error = (*loader)->AddEntity(entity);
      if (!load_error.ok()) return load_error;
    }
    for (graph::Relation& relation : unit.relations) {
      load_error = (*loader)->Add(std::move(relation));
      if (!load_error.ok()) return load_error;
      if (progress && ++loaded % kProgressEvery == 0) {
        progress(absl::StrCat(file, ": ", loaded, " relations loaded"));
      }
    }
    if (!gdelt_file) ++counts.items;
    return absl::OkStatus();
  };
  for (const std::string& path : files) {
    file = absl::StrCat("[", ++counts.documents, "/", files.size(), "] ", path);
    gdelt_file = options.gdelt_reader != nullptr && importers::LooksLikeGdeltFile(path);
    absl::Status status;
    if (gdelt_file) {
      absl::StatusOr<importers::GdeltCounts> read =
          options.gdelt_reader->ReadFile(path, gdelt_options, sink);
      if (read.ok()) counts.gdelt += *read;
      status = read.status();
    } else {
      status = importers::ReadImportFile(extractor, path, file_options, sink).status();
    }
    if (!load_error.ok()) return load_error;
    if (!status.ok()) {
      if (!IsBadInput(status)) return status;
      ++counts.documents_rejected;
      counts.rejected.push_back({path, std::string(status.message())});
    }
  }
  if (progress) {
    progress(absl::StrCat("finishing: ", loaded,
                          " relations loaded; writing entities, building the view"));
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
