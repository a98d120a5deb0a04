#ifndef ENTENTE_SERVICE_IMPORT_PIPELINE_H_
#define ENTENTE_SERVICE_IMPORT_PIPELINE_H_

// ImportPipeline: files and byte strings → importers → Store::WriteItem.
// Shared by `entente import` and the ImportDigests RPC, so both count alike.
//
//   ImportPipeline pipeline(store, extractor, /*broadcaster=*/nullptr);
//   for (const std::string& path : paths) {
//     ENTENTE_RETURN_IF_ERROR(pipeline.ImportFile(path, options));
//   }
//   ENTENTE_RETURN_IF_ERROR(pipeline.Finish());
//   Print(pipeline.counts());
//
// Each digest item (or relation line) is written atomically by one WriteItem
// call, so an interrupted import leaves whole items only, and importing the
// same input again adds nothing. A document with bad input is rejected whole
// (the importers validate it before writing anything) and counted with its
// reason; the import goes on with the next document. GDELT event files
// (ImportGdeltFile) are checked whole the same way, then written in units of
// relations (importers/gdelt_reader.h).
//
// Thread-safety: not thread-safe; use one pipeline per import. Several
// pipelines may share one Store and one RelationBroadcaster.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph/store.h"
#include "importers/extractor.h"
#include "importers/gdelt_reader.h"
#include "importers/import_source.h"
#include "service/relation_broadcaster.h"

namespace entente::service {

struct RejectedInput {
  std::string name;    // The document or file.
  std::string reason;  // The importer's error, naming the line or field.
};

struct ImportCounts {
  int64_t documents = 0;  // Documents and files offered, rejected ones included.
  int64_t items = 0;      // Digest items and relation lines written (not GDELT rows).
  int64_t relations_new = 0;
  int64_t relations_merged = 0;
  int64_t relations_unchanged = 0;
  int64_t entities_new = 0;
  int64_t documents_rejected = 0;
  std::vector<RejectedInput> rejected;
  // Documents imported although they may not be English news (reason: why).
  std::vector<RejectedInput> doubtful;
  importers::GdeltCounts gdelt;  // Of the GDELT files that were not rejected.
};

// Called after each item is written, with the counts so far.
using ImportProgress = std::function<void(const ImportCounts&)>;

class ImportPipeline {
 public:
  // Keeps the three pointers; `broadcaster` may be null. All must outlive the
  // pipeline.
  ImportPipeline(graph::Store* store, const importers::Extractor* extractor,
                 RelationBroadcaster* broadcaster);

  void set_progress(ImportProgress progress) { progress_ = std::move(progress); }

  // Imports one file. Bad input and unreadable files are rejections (OK is
  // returned); a store failure is returned and stops the import.
  absl::Status ImportFile(const std::string& path,
                          const importers::ImportOptions& options);
  // Imports one in-memory document named `name`; same contract.
  absl::Status ImportBytes(absl::string_view name, absl::string_view bytes,
                           const importers::ImportOptions& options);
  // Imports one GDELT event file through `reader`; same contract (a
  // truncated archive is a rejection too). Its counts add to counts().gdelt.
  absl::Status ImportGdeltFile(const importers::GdeltReader& reader,
                               const std::string& path,
                               const importers::GdeltReadOptions& options);
  // Publishes what was written to readers (Store::RefreshView) when anything
  // was. Call once at the end of a batch.
  absl::Status Finish();

  const ImportCounts& counts() const { return counts_; }

 private:
  // Writes each unit; `items` says whether units count as items.
  importers::ImportSink Sink(bool items = true);
  // Sorts the result of one document's import into counts or an error.
  absl::Status Account(absl::string_view name, const absl::Status& status);

  graph::Store* const store_;
  const importers::Extractor* const extractor_;
  RelationBroadcaster* const broadcaster_;
  ImportProgress progress_;
  ImportCounts counts_;
  absl::Status sink_error_;  // The first store failure of the current document.
  bool wrote_ = false;
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_IMPORT_PIPELINE_H_
