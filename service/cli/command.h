#ifndef ENTENTE_SERVICE_CLI_COMMAND_H_
#define ENTENTE_SERVICE_CLI_COMMAND_H_

// One `entente` subcommand: its options, help text and entry point, plus the
// exit-code conventions every command follows:
//   0  success;
//   1  failure (bad file, unknown entity, store or server error), message on
//      stderr as "entente CMD: <what went wrong>";
//   2  usage error (unknown option, bad value, missing argument), message on
//      stderr followed by a hint to run --help.
//
// Thread-safety: commands run on the main thread only.

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "service/cli/args.h"

namespace entente::service::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Where a command writes; tests substitute string streams.
struct CommandIo {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;  // Progress lines only go to a terminal.
};

struct Command {
  ArgSpec spec;          // spec.command is the command's name.
  std::string summary;   // One line for `entente --help`.
  std::string details;   // Paragraphs for `entente CMD --help`.
  std::string examples;  // "  entente path Pakistan ...\n" lines.
  int (*run)(const Command& self, const ParsedArgs& args, CommandIo& io) = nullptr;
};

// The full --help text: usage line, details, options and examples.
std::string CommandHelp(const Command& command);

// Parses `args` against the command's spec and runs it; prints help for -h,
// a usage error (exit 2) for a bad command line.
int RunCommand(const Command& command, const std::vector<std::string>& args,
               CommandIo& io);

// Prints "entente CMD: message" plus the --help hint; returns kExitUsage.
int UsageError(const Command& command, const absl::Status& status, CommandIo& io);
// Prints "entente CMD: message"; returns kExitFailure.
int Failure(const Command& command, const absl::Status& status, CommandIo& io);
// Maps a status to an exit: InvalidArgument from option checks is a usage
// error, anything else a failure. Only for statuses from option parsing.
int OptionError(const Command& command, const absl::Status& status, CommandIo& io);

// The commands, in the order `entente --help` lists them.
Command ExtractCommand();
Command ImportCommand();
Command ServeCommand();
Command PathCommand();
Command TimelineCommand();
Command EntityCommand();
Command EntitiesCommand();
Command NeighborsCommand();
Command StatsCommand();
Command RankCommand();
Command BlocsCommand();

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_COMMAND_H_
