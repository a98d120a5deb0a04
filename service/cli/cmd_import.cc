// `entente import --db DIR FILE...`: digests, relation JSON Lines and GDELT
// event files into the store, through the same ImportPipeline as the
// ImportDigests RPC (or the bulk loader with --bulk).

#include <algorithm>
#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/status_macros.h"
#include "graph/store.h"
#include "importers/gdelt_reader.h"
#include "service/cli/bulk_import.h"
#include "service/cli/client.h"
#include "service/cli/command.h"
#include "service/cli/import_report.h"
#include "service/cli/importer_setup.h"
#include "service/cli/server_import.h"
#include "service/import_pipeline.h"

namespace entente::service::cli {
namespace {

// --memory-mb: the import's buffers. A quarter bounds a GDELT file's merged
// rows (their buffers may grow to twice that), half the bulk loader's two
// chunks in flight.
constexpr int64_t kDefaultMemoryMb = 1024;
constexpr int64_t kMinMemoryMb = 16;
constexpr int64_t kMaxMemoryMb = int64_t{1} << 20;  // 1 TiB.
// What one GDELT relation (about ten attributes, a few provenance entries)
// takes in a bulk-load chunk: on the 10M-row benchmark the resident size grew
// by about 2.8 KiB per relation of chunk size and chunk in flight.
constexpr int64_t kBulkBytesPerRelation = 3 << 10;

// What --skip-bad-rows and --memory-mb set.
struct ImportSettings {
  importers::ImportOptions import;
  importers::GdeltReadOptions gdelt;
  graph::BulkLoadOptions load;
  bool memory_given = false;
};

absl::StatusOr<ImportSettings> SettingsFromArgs(const ParsedArgs& args) {
  ImportSettings settings;
  ENTENTE_ASSIGN_OR_RETURN(settings.import, ImportOptionsFromArgs(args));
  settings.gdelt.skip_bad_rows = args.Has("skip-bad-rows");
  int64_t memory_mb = kDefaultMemoryMb;
  if (args.Has("memory-mb")) {
    settings.memory_given = true;
    if (!absl::SimpleAtoi(args.Get("memory-mb"), &memory_mb) ||
        memory_mb < kMinMemoryMb || memory_mb > kMaxMemoryMb) {
      return absl::InvalidArgumentError(
          absl::StrCat("--memory-mb: expected a number of MiB from ", kMinMemoryMb,
                       " to ", kMaxMemoryMb, ", got '", args.Get("memory-mb"), "'"));
    }
  }
  const int64_t bytes = memory_mb << 20;
  settings.gdelt.memory_bytes = bytes / 4;
  settings.load.chunk_relations = static_cast<size_t>(std::clamp<int64_t>(
      bytes / 2 / (2 * kBulkBytesPerRelation), 1000,
      static_cast<int64_t>(graph::BulkLoadOptions().chunk_relations)));
  return settings;
}

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
  graph::StoreOptions options;
  options.mode = graph::StoreOptions::Mode::kReadWrite;
  options.sync_writes = args.Has("sync");
  options.create_if_missing = true;
  absl::StatusOr<std::unique_ptr<graph::Store>> store =
      graph::Store::Open(args.Get("db"), options);
  if (absl::IsFailedPrecondition(store.status()) &&
      absl::StrContains(store.status().message(), "open in another process")) {
    return absl::FailedPreconditionError(
        absl::StrCat(store.status().message(),
                     " (a running `entente serve`?); "
                     "import through it with --server ADDR, or stop it first"));
  }
  return store;
}

// Runs the files through the pipeline; a store failure stops the import.
absl::StatusOr<ImportCounts> ImportThroughPipeline(graph::Store& store,
                                                   const importers::Extractor& extractor,
                                                   const importers::GdeltReader& gdelt,
                                                   const ParsedArgs& args,
                                                   const ImportSettings& settings,
                                                   CommandIo& io) {
  ImportPipeline pipeline(&store, &extractor, /*broadcaster=*/nullptr);
  std::unique_ptr<ProgressLine> progress;
  const std::vector<std::string>& files = args.positional();
  int index = 0;
  importers::GdeltReadOptions gdelt_options = settings.gdelt;
  if (io.err_is_terminal) {
    progress = std::make_unique<ProgressLine>(io.err);
    pipeline.set_progress([&](const ImportCounts& counts) {
      progress->Show(files[index], index + 1, static_cast<int>(files.size()), counts);
    });
    gdelt_options.on_progress = [&](const importers::GdeltCounts& read, int pass) {
      progress->ShowText(
          absl::StrCat("[", index + 1, "/", files.size(), "] ", files[index],
                       pass == 1 ? ": checked " : ": read again, ", read.rows, " rows"));
    };
  }
  for (; index < static_cast<int>(files.size()); ++index) {
    const std::string& file = files[index];
    absl::Status status = importers::LooksLikeGdeltFile(file)
                              ? pipeline.ImportGdeltFile(gdelt, file, gdelt_options)
                              : pipeline.ImportFile(file, settings.import);
    if (!status.ok()) return status;
  }
  if (absl::Status status = pipeline.Finish(); !status.ok()) return status;
  return pipeline.counts();
}

// Where the import goes: the store itself (--db) or a running server.
absl::StatusOr<ImportCounts> ImportInto(const ParsedArgs& args, ImportSettings settings,
                                        CommandIo& io) {
  const importers::ImportOptions& options = settings.import;
  bool any_gdelt = false;
  for (const std::string& file : args.positional()) {
    if (!importers::LooksLikeGdeltFile(file)) continue;
    if (args.Has("server")) {
      return absl::FailedPreconditionError(
          absl::StrCat(file,
                       ": GDELT event files import with --db (the server's import call "
                       "carries digests and relation lines)"));
    }
    any_gdelt = true;
  }
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
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<importers::GdeltReader> gdelt,
                           importers::GdeltReader::Create(extractor->gazetteer()));
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<graph::Store> store, OpenForImport(args));
  if (!args.Has("bulk")) {
    return ImportThroughPipeline(*store, *extractor, *gdelt, args, settings, io);
  }
  BulkImportOptions bulk;
  bulk.import = options;
  bulk.gdelt_reader = gdelt.get();
  bulk.gdelt = settings.gdelt;
  // Relation JSON Lines keep the loader's own chunk size unless told.
  if (any_gdelt || settings.memory_given) bulk.load = settings.load;
  if (!io.err_is_terminal) return BulkImport(*store, *extractor, args.positional(), bulk);
  ProgressLine progress(io.err);
  return BulkImport(*store, *extractor, args.positional(), bulk,
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
  if (args.Has("server") && (args.Has("skip-bad-rows") || args.Has("memory-mb"))) {
    return absl::InvalidArgumentError(
        "--skip-bad-rows and --memory-mb need --db (they apply to GDELT files)");
  }
  return absl::OkStatus();
}

int RunImport(const Command& self, const ParsedArgs& args, CommandIo& io) {
  if (absl::Status status = CheckTarget(args); !status.ok()) {
    return UsageError(self, status, io);
  }
  absl::StatusOr<ImportSettings> settings = SettingsFromArgs(args);
  if (!settings.ok()) return UsageError(self, settings.status(), io);
  absl::StatusOr<ImportCounts> counts = ImportInto(args, *std::move(settings), io);
  if (!counts.ok()) return Failure(self, counts.status(), io);
  io.out << (args.Has("json") ? ImportReportJson(*counts) : ImportReport(*counts));
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
        "with --db: load through sorted SST files (large relation JSON Lines, GDELT)"},
       {"skip-bad-rows", "",
        "with --db: leave out GDELT rows that do not parse, counting them, instead of "
        "rejecting the file"},
       {"memory-mb", "N",
        "with --db: memory for the import's buffers in MiB (default 1024, 16 to "
        "1048576): a quarter for a GDELT file's merged rows, half for --bulk's chunks"},
       {"json", "", "print the counts as one JSON object"},
       {"server", "ADDR", "import through a running `entente serve` instead of --db"},
       {"tls-ca", "FILE", "with --server: use TLS, trusting the CA in FILE (PEM)"},
       {"token-file", "FILE", "with --server: send the bearer token in FILE"}});
  command.summary = "Import digests, relation JSON Lines or GDELT events into a store.";
  command.details =
      "Accepts what `entente extract` reads and what it prints, so relations can be\n"
      "reviewed or edited before loading. Each digest item (or relation line) is\n"
      "written atomically; importing the same files again changes nothing and\n"
      "reports the relations as unchanged. A bad file is rejected whole, named on\n"
      "stderr with the reason, and makes the exit code 1; the other files are\n"
      "still imported. Relation JSON Lines files may be of any size: they are read\n"
      "twice, first checked whole, then loaded. Progress is shown on stderr when it\n"
      "is a terminal.\n"
      "GDELT event files (2.0 export, 1.0 daily; plain, .zip or .gz as downloaded,\n"
      "told by content) become relations as the README describes: repeated\n"
      "rows of one fact are one relation with a provenance entry per row, and\n"
      "rows that are no relation are counted by reason. A row that does not\n"
      "parse rejects its file (FILE:LINE and what was expected) unless\n"
      "--skip-bad-rows; a truncated archive is rejected too. Files of any size are\n"
      "read with bounded memory (--memory-mb).\n"
      "While a server holds the store, import through it with --server (digests\n"
      "and relation lines only).\n";
  command.examples =
      "  entente import --db ./store --published 2026-02-06 digest.txt\n"
      "  entente import --db ./store digests/*.txt reviewed.jsonl\n"
      "  entente import --db ./store --bulk generated-10M.jsonl\n"
      "  entente import --db ./store --bulk --json 20150218230000.export.CSV.zip\n"
      "  entente import --server 127.0.0.1:50051 --token-file token digest.txt\n";
  command.run = RunImport;
  return command;
}

}  // namespace entente::service::cli
