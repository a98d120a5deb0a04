#include "service/import_pipeline.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace entente::service {

ImportPipeline::ImportPipeline(graph::Store* store, const importers::Extractor* extractor,
                               RelationBroadcaster* broadcaster)
    : store_(store), extractor_(extractor), broadcaster_(broadcaster) {}

importers::ImportSink ImportPipeline::Sink(bool items) {
  return [this, items](importers::ImportUnit&& unit) -> absl::Status {
    absl::StatusOr<graph::WriteResult> written =
        store_->WriteItem(unit.entities, unit.relations);
    if (!written.ok()) {
      // Remember it as ours so that Account() does not mistake a store failure
      // for bad input.
      sink_error_ =
          absl::Status(written.status().code(),
                       absl::StrCat("storing item ", unit.item, " of ", unit.document,
                                    ": ", written.status().message()));
      return sink_error_;
    }
    wrote_ = true;
    if (items) ++counts_.items;
    counts_.relations_new += written->new_relations;
    counts_.relations_merged += written->merged;
    counts_.relations_unchanged += written->unchanged;
    counts_.entities_new += written->new_entities;
    if (broadcaster_ != nullptr) broadcaster_->Publish(unit.relations);
    if (progress_) progress_(counts_);
    return absl::OkStatus();
  };
}

absl::Status ImportPipeline::Account(absl::string_view name, const absl::Status& status) {
  ++counts_.documents;
  if (!sink_error_.ok()) return std::exchange(sink_error_, absl::OkStatus());
  if (status.ok()) return status;
  // The importers validate a whole document before writing any of it, so a
  // bad document left nothing behind: reject it and go on. DataLoss here is a
  // truncated or corrupt file (a store's DataLoss came through sink_error_).
  if (status.code() == absl::StatusCode::kInvalidArgument ||
      status.code() == absl::StatusCode::kNotFound ||
      status.code() == absl::StatusCode::kPermissionDenied ||
      status.code() == absl::StatusCode::kResourceExhausted ||
      status.code() == absl::StatusCode::kFailedPrecondition ||
      status.code() == absl::StatusCode::kDataLoss) {
    ++counts_.documents_rejected;
    counts_.rejected.push_back({std::string(name), std::string(status.message())});
    if (progress_) progress_(counts_);
    return absl::OkStatus();
  }
  return status;
}

absl::Status ImportPipeline::ImportFile(const std::string& path,
                                        const importers::ImportOptions& options) {
  auto stats = importers::ReadImportFile(*extractor_, path, options, Sink());
  if (stats.ok() && !stats->doubt.empty())
    counts_.doubtful.push_back({path, stats->doubt});
  return Account(path, stats.status());
}

absl::Status ImportPipeline::ImportBytes(absl::string_view name, absl::string_view bytes,
                                         const importers::ImportOptions& options) {
  auto stats = importers::ReadImportBytes(*extractor_, name, bytes, options, Sink());
  if (stats.ok() && !stats->doubt.empty()) {
    counts_.doubtful.push_back({std::string(name), stats->doubt});
  }
  return Account(name, stats.status());
}

absl::Status ImportPipeline::ImportGdeltFile(const importers::GdeltReader& reader,
                                             const std::string& path,
                                             const importers::GdeltReadOptions& options) {
  auto counts = reader.ReadFile(path, options, Sink(/*items=*/false));
  if (counts.ok()) counts_.gdelt += *counts;
  return Account(path, counts.status());
}

absl::Status ImportPipeline::Finish() {
  if (!wrote_) return absl::OkStatus();
  wrote_ = false;
  return store_->RefreshView();
}

}  // namespace entente::service
