// `entente import --db DIR FILE...`: digests and relation JSON Lines into the
// store, through the same ImportPipeline as the ImportDigests RPC.

#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "service/cli/bulk_import.h"
#include "service/cli/command.h"
#include "service/cli/import_report.h"
#include "service/cli/importer_setup.h"
#include "service/cli/store_lock.h"
#include "service/import_pipeline.h"

namespace entente::service::cli {
namespace {

// Redraws one progress line on the terminal, at most five times a second,
// once an import has run for half a second.
class ProgressLine {
 public:
  explicit ProgressLine(std::ostream& err) : err_(err) {}
  ~ProgressLine() { Clear(); }

  void Show(absl::string_view file, int index, int total, const ImportCounts& counts) {
    absl::Time now = absl::Now();
    // Short imports finish before the first line would appear.
    if (now - start_ < absl::Milliseconds(500) || now - last_ < absl::Milliseconds(200)) {
      return;
    }
    last_ = now;
    err_ << "\r\033[K"
         << "[" << index << "/" << total << "] " << file << ": " << counts.items
         << " items, " << counts.relations_new << " new relations" << std::flush;
    shown_ = true;
  }
  void Clear() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  std::ostream& err_;
  const absl::Time start_ = absl::Now();
  absl::Time last_ = absl::InfinitePast();
  bool shown_ = false;
};

absl::StatusOr<std::unique_ptr<graph::Store>> OpenForImport(const ParsedArgs& args) {
  if (StoreLockedByOtherProcess(args.Get("db"))) {
    return absl::FailedPreconditionError(
        absl::StrCat("the store in ", args.Get("db"),
                     " is open in another process (a running `entente serve`?); "
                     "import through the server or stop it first"));
  }
  graph::StoreOptions options;
  options.mode = graph::StoreOptions::Mode::kReadWrite;
  options.sync_writes = args.Has("sync");
  options.create_if_missing = true;
  return graph::Store::Open(args.Get("db"), options);
}

// Runs the files through the pipeline; a store failure stops the import.
absl::StatusOr<ImportCounts> ImportThroughPipeline(
    graph::Store& store, const importers::Extractor& extractor, const ParsedArgs& args,
    const importers::ImportOptions& options, CommandIo& io) {
  ImportPipeline pipeline(&store, &extractor, /*broadcaster=*/nullptr);
  std::unique_ptr<ProgressLine> progress;
  const std::vector<std::string>& files = args.positional();
  int index = 0;
  if (io.err_is_terminal) {
    progress = std::make_unique<ProgressLine>(io.err);
    pipeline.set_progress([&](const ImportCounts& counts) {
      progress->Show(files[index], index + 1, static_cast<int>(files.size()), counts);
    });
  }
  for (; index < static_cast<int>(files.size()); ++index) {
    if (absl::Status status = pipeline.ImportFile(files[index], options); !status.ok()) {
      return status;
    }
  }
  if (absl::Status status = pipeline.Finish(); !status.ok()) return status;
  return pipeline.counts();
}

int RunImport(const Command& self, const ParsedArgs& args, CommandIo& io) {
  if (!args.Has("db")) {
    return UsageError(self, absl::InvalidArgumentError("--db DIR is required"), io);
  }
  absl::StatusOr<importers::ImportOptions> options = ImportOptionsFromArgs(args);
  if (!options.ok()) return UsageError(self, options.status(), io);
  absl::StatusOr<std::unique_ptr<importers::Extractor>> extractor =
      LoadExtractor(IsoCodesDirFromArgs(args));
  if (!extractor.ok()) return Failure(self, extractor.status(), io);
  absl::StatusOr<std::unique_ptr<graph::Store>> store = OpenForImport(args);
  if (!store.ok()) return Failure(self, store.status(), io);
  absl::StatusOr<ImportCounts> counts =
      args.Has("bulk") ? BulkImport(**store, **extractor, args.positional(), *options)
                       : ImportThroughPipeline(**store, **extractor, args, *options, io);
  if (!counts.ok()) return Failure(self, counts.status(), io);
  io.out << ImportReport(*counts);
  for (const RejectedInput& rejected : counts->rejected) {
    // The importers' reasons usually start with the file name already.
    io.err << "entente import: rejected "
           << (absl::StartsWith(rejected.reason, rejected.name)
                   ? rejected.reason
                   : absl::StrCat(rejected.name, ": ", rejected.reason))
           << "\n";
  }
  return counts->rejected.empty() ? kExitOk : kExitFailure;
}

}  // namespace

Command ImportCommand() {
  Command command;
  command.spec.command = "import";
  command.spec.positional_usage = "FILE...";
  command.spec.min_positional = 1;
  command.spec.max_positional = -1;
  command.spec.options = ImporterOptionSpecs();
  command.spec.options.insert(
      command.spec.options.begin(),
      {{"db", "DIR", "the store to import into (created when missing); required"},
       {"sync", "", "fsync every item (durable across power loss, slower)"},
       {"bulk", "",
        "load through sorted SST files: fast for large relation JSON Lines"}});
  command.summary = "Import digests or relation JSON Lines into a store.";
  command.details =
      "Accepts what `entente extract` reads and what it prints, so relations can be\n"
      "reviewed or edited before loading. Each digest item (or relation line) is\n"
      "written atomically; importing the same files again changes nothing and\n"
      "reports the relations as unchanged. A bad file is rejected whole, named on\n"
      "stderr with the reason, and makes the exit code 1; the other files are\n"
      "still imported. Progress is shown on stderr when it is a terminal.\n"
      "The store must not be open in a running `entente serve`: import through the\n"
      "server then.\n";
  command.examples =
      "  entente import --db ./store --published 2026-02-06 digest.txt\n"
      "  entente import --db ./store digests/*.txt reviewed.jsonl\n"
      "  entente import --db ./store --bulk generated-10M.jsonl\n";
  command.run = RunImport;
  return command;
}

}  // namespace entente::service::cli
