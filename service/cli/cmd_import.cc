// `entente import --db DIR FILE...`: digests and relation JSON Lines into the
// store, through the same ImportPipeline as the ImportDigests RPC.

#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/status_macros.h"
#include "graph/store.h"
#include "service/cli/bulk_import.h"
#include "service/cli/client.h"
#include "service/cli/command.h"
#include "service/cli/import_report.h"
#include "service/cli/importer_setup.h"
#include "service/cli/server_import.h"
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
    if (!Due(false)) return;
    ShowText(absl::StrCat("[", index, "/", total, "] ", file, ": ", counts.items,
                          " items, ", counts.relations_new, " new relations"));
  }
  // A new phase is drawn without waiting for the next redraw.
  void ShowText(absl::string_view text, bool new_phase = false) {
    if (!Due(new_phase)) return;
    last_ = absl::Now();
    err_ << "\r\033[K" << text << std::flush;
    shown_ = true;
  }
  // Short imports finish before the first line would appear.
  bool Due(bool new_phase) const {
    absl::Time now = absl::Now();
    return now - start_ >= absl::Milliseconds(500) &&
           (new_phase || now - last_ >= absl::Milliseconds(200));
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
                     "import through it with --server ADDR, or stop it first"));
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

// Where the import goes: the store itself (--db) or a running server.
absl::StatusOr<ImportCounts> ImportInto(const ParsedArgs& args,
                                        const importers::ImportOptions& options,
                                        CommandIo& io) {
  if (args.Has("server")) {
    ClientOptions client_options;
    client_options.server = args.Get("server");
    client_options.tls_ca = args.Get("tls-ca");
    client_options.token_file = args.Get("token-file");
    client_options.timeout_seconds = 0;  // Imports take as long as they take.
    ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<GraphClient> client,
                             GraphClient::Connect(client_options));
    return ImportThroughServer(*client, args.positional(),
                               options.published ? options.published->ToString() : "");
  }
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<importers::Extractor> extractor,
                           LoadExtractor(IsoCodesDirFromArgs(args)));
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<graph::Store> store, OpenForImport(args));
  if (!args.Has("bulk")) {
    return ImportThroughPipeline(*store, *extractor, args, options, io);
  }
  if (!io.err_is_terminal)
    return BulkImport(*store, *extractor, args.positional(), options);
  ProgressLine progress(io.err);
  return BulkImport(*store, *extractor, args.positional(), options,
                    [&](absl::string_view text) {
                      progress.ShowText(text, absl::StartsWith(text, "finishing"));
                    });
}

absl::Status CheckTarget(const ParsedArgs& args) {
  if (args.Has("db") == args.Has("server")) {
    return absl::InvalidArgumentError("give exactly one of --db DIR or --server ADDR");
  }
  if (args.Has("server") && (args.Has("bulk") || args.Has("sync"))) {
    return absl::InvalidArgumentError("--bulk and --sync need --db");
  }
  if (args.Has("db") && (args.Has("tls-ca") || args.Has("token-file"))) {
    return absl::InvalidArgumentError("--tls-ca and --token-file need --server");
  }
  return absl::OkStatus();
}

int RunImport(const Command& self, const ParsedArgs& args, CommandIo& io) {
  if (absl::Status status = CheckTarget(args); !status.ok()) {
    return UsageError(self, status, io);
  }
  absl::StatusOr<importers::ImportOptions> options = ImportOptionsFromArgs(args);
  if (!options.ok()) return UsageError(self, options.status(), io);
  absl::StatusOr<ImportCounts> counts = ImportInto(args, *options, io);
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
      {{"db", "DIR", "the store to import into (created when missing)"},
       {"sync", "", "with --db: fsync every item (durable across power loss, slower)"},
       {"bulk", "",
        "with --db: load through sorted SST files (large relation JSON Lines)"},
       {"server", "ADDR", "import through a running `entente serve` instead of --db"},
       {"tls-ca", "FILE", "with --server: use TLS, trusting the CA in FILE (PEM)"},
       {"token-file", "FILE", "with --server: send the bearer token in FILE"}});
  command.summary = "Import digests or relation JSON Lines into a store.";
  command.details =
      "Accepts what `entente extract` reads and what it prints, so relations can be\n"
      "reviewed or edited before loading. Each digest item (or relation line) is\n"
      "written atomically; importing the same files again changes nothing and\n"
      "reports the relations as unchanged. A bad file is rejected whole, named on\n"
      "stderr with the reason, and makes the exit code 1; the other files are\n"
      "still imported. Relation JSON Lines files may be of any size: they are read\n"
      "twice, first checked whole, then loaded. Progress is shown on stderr when it\n"
      "is a terminal.\n"
      "While a server holds the store, import through it with --server.\n";
  command.examples =
      "  entente import --db ./store --published 2026-02-06 digest.txt\n"
      "  entente import --db ./store digests/*.txt reviewed.jsonl\n"
      "  entente import --db ./store --bulk generated-10M.jsonl\n"
      "  entente import --server 127.0.0.1:50051 --token-file token digest.txt\n";
  command.run = RunImport;
  return command;
}

}  // namespace entente::service::cli
