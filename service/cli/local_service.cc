#include "service/cli/local_service.h"

#include <stdlib.h>

#include <filesystem>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "graph/store.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "importers/gazetteer.h"
#include "service/cli/importer_setup.h"
#include "service/graph_service.h"

namespace entente::service::cli {
namespace {

// Responses as large as the server may send (1000 relations with quotes).
constexpr int kMaxMessageBytes = 64 << 20;

class InProcessService final : public LocalService {
 public:
  InProcessService(std::unique_ptr<graph::Store> store, std::string scratch_dir)
      : store_(std::move(store)),
        scratch_dir_(std::move(scratch_dir)),
        service_(store_.get(), /*extractor=*/nullptr, GraphServiceOptions{}) {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    builder.SetMaxSendMessageSize(kMaxMessageBytes);
    server_ = builder.BuildAndStart();
  }

  ~InProcessService() override {
    if (server_ != nullptr) server_->Shutdown();
    server_.reset();
    store_.reset();
    if (!scratch_dir_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(scratch_dir_, ignored);
    }
  }

  bool started() const { return server_ != nullptr; }

  std::shared_ptr<grpc::Channel> channel() override {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(kMaxMessageBytes);
    return server_->InProcessChannel(arguments);
  }

 private:
  std::unique_ptr<graph::Store> store_;
  std::string scratch_dir_;  // The secondary instance's own files; "" if none.
  GraphServiceImpl service_;
  std::unique_ptr<grpc::Server> server_;
};

absl::StatusOr<std::string> MakeScratchDir() {
  std::error_code error;
  std::filesystem::path base = std::filesystem::temp_directory_path(error);
  if (error) base = "/tmp";
  std::string pattern = (base / "entente-secondary-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("cannot create a scratch directory in ", base.string()));
  }
  return pattern;
}

}  // namespace

absl::StatusOr<std::unique_ptr<LocalService>> LocalService::Open(const std::string& db) {
  std::error_code error;
  if (!std::filesystem::is_directory(db, error)) {
    return absl::NotFoundError(absl::StrCat("no store at ", db, " (not a directory)"));
  }
  absl::StatusOr<std::unique_ptr<importers::Gazetteer>> gazetteer =
      importers::Gazetteer::Load(importers::DefaultIsoCodesDir());
  if (!gazetteer.ok()) return gazetteer.status();
  graph::StoreOptions options;
  options.create_if_missing = false;
  options.known_entities =
      std::make_shared<const std::vector<graph::Entity>>((*gazetteer)->Entities());
  std::string scratch_dir;
  if (graph::Store::HeldByAnotherProcess(db)) {
    // A server has the store open read-write: follow it as a secondary.
    absl::StatusOr<std::string> scratch = MakeScratchDir();
    if (!scratch.ok()) return scratch.status();
    scratch_dir = *scratch;
    options.mode = graph::StoreOptions::Mode::kSecondary;
    options.secondary_dir = scratch_dir;
  } else {
    options.mode = graph::StoreOptions::Mode::kReadOnly;
  }
  absl::StatusOr<std::unique_ptr<graph::Store>> store = graph::Store::Open(db, options);
  if (!store.ok()) {
    if (!scratch_dir.empty()) std::filesystem::remove_all(scratch_dir, error);
    return store.status();
  }
  if (options.mode == graph::StoreOptions::Mode::kSecondary) {
    // Replay what the primary has logged but not yet flushed.
    if (absl::Status status = (*store)->CatchUp(); !status.ok()) {
      store->reset();
      std::filesystem::remove_all(scratch_dir, error);
      return status;
    }
  }
  auto service = std::make_unique<InProcessService>(*std::move(store), scratch_dir);
  if (!service->started()) {
    return absl::InternalError("cannot start the in-process gRPC server");
  }
  return service;
}

}  // namespace entente::service::cli
