// `entente extract FILE...`: digest files in, the spec's relation JSON Lines
// on stdout.

#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/extract_output.h"
#include "service/cli/command.h"
#include "service/cli/importer_setup.h"

namespace entente::service::cli {
namespace {

// The importers name the file in their messages; make sure of it.
absl::Status NamingFile(const std::string& path, const absl::Status& status) {
  if (absl::StrContains(status.message(), path)) return status;
  return absl::Status(status.code(), absl::StrCat(path, ": ", status.message()));
}

int RunExtract(const Command& self, const ParsedArgs& args, CommandIo& io) {
  absl::StatusOr<importers::ImportOptions> options = ImportOptionsFromArgs(args);
  if (!options.ok()) return UsageError(self, options.status(), io);
  options->explain = args.Has("explain");
  absl::StatusOr<std::unique_ptr<importers::Extractor>> extractor =
      LoadExtractor(IsoCodesDirFromArgs(args));
  if (!extractor.ok()) return Failure(self, extractor.status(), io);
  int exit_code = kExitOk;
  for (const std::string& path : args.positional()) {
    if (args.Has("trace")) {
      // Only a text digest has items to trace; any file's extraction still runs.
      if (absl::Status traced =
              importers::TraceTextDigest(**extractor, path, *options, io.err);
          !traced.ok()) {
        io.err << "entente extract: --trace: " << NamingFile(path, traced).message()
               << "\n";
      }
    }
    absl::StatusOr<importers::ImportFileStats> stats =
        importers::ExtractFileToJsonl(**extractor, path, *options, io.out);
    if (!stats.ok()) {
      // Go on with the other files; each bad one is named on stderr.
      exit_code = Failure(self, NamingFile(path, stats.status()), io);
    } else if (!stats->doubt.empty()) {
      io.err << "entente extract: warning: " << stats->doubt
             << " (--strict rejects such files)\n";
    }
  }
  return exit_code;
}

}  // namespace

Command ExtractCommand() {
  Command command;
  command.spec.command = "extract";
  command.spec.positional_usage = "FILE...";
  command.spec.min_positional = 1;
  command.spec.max_positional = -1;
  command.spec.options = ImporterOptionSpecs();
  command.spec.options.push_back(
      {"explain", "",
       "add \"explanation\" to each line: the frames (importers/data file:line) and "
       "clauses that produced it"});
  command.spec.options.push_back(
      {"trace", "",
       "print to stderr what each stage saw of every item of a text digest (tags, "
       "mentions, phrases with whom they name, clauses, dates, frames matched), to "
       "find the stage that lost a relation"});
  command.summary = "Print the relations in digest files as JSON Lines.";
  command.details =
      "FILE is a digest as published (text, optionally with a front-matter block\n"
      "`---` / `published:` / `source:` / `url:` / `---`), a JSON Lines stream of\n"
      "items {\"id\",\"published\",\"outlet\",\"headline\",\"text\",\"url\"}, or "
      "relation\n"
      "JSON Lines. One relation per line, sorted by date then type, with provenance.\n"
      "The publication date anchors the items' dates: it comes from the front\n"
      "matter, a file name starting YYYY-MM-DD or the JSON, else from --published;\n"
      "without one the file is rejected.\n"
      "A bad file is named on stderr and the exit code is 1; the others are still\n"
      "extracted.\n";
  command.examples =
      "  entente extract --published 2026-02-06 digest.txt > relations.jsonl\n"
      "  entente extract items.jsonl | jq -c 'select(.type == \"agreement\")'\n"
      "  entente extract --explain digest.txt | jq -r '.type, .explanation[]'\n"
      "  entente extract --trace digest.txt 2>&1 >/dev/null | less\n";
  command.run = RunExtract;
  return command;
}

}  // namespace entente::service::cli
