// The `entente` command: dispatches `entente CMD ...` to one command.
// Exit codes: 0 ok, 1 failure, 2 usage error (see command.h).

#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/cli/command.h"
#include "service/cli/table.h"

namespace entente::service::cli {
namespace {

std::vector<Command> AllCommands() {
  return {ExtractCommand(),  ImportCommand(), ServeCommand(),    PathCommand(),
          TimelineCommand(), EntityCommand(), EntitiesCommand(), NeighborsCommand(),
          StatsCommand(),    RankCommand(),   BlocsCommand()};
}

std::string TopLevelHelp(const std::vector<Command>& commands) {
  std::string help =
      "Usage: entente COMMAND [options] [arguments]\n\n"
      "Entente: a knowledge graph of diplomatic and economic relations read from\n"
      "news digests.\n\nCommands:\n";
  size_t width = 0;
  for (const Command& command : commands) {
    width = std::max(width, command.spec.command.size());
  }
  for (const Command& command : commands) {
    absl::StrAppend(&help, "  ", command.spec.command,
                    std::string(width + 2 - command.spec.command.size(), ' '),
                    command.summary, "\n");
  }
  absl::StrAppend(
      &help,
      "\nRun 'entente COMMAND --help' for its options and examples.\n\n"
      "Examples:\n"
      "  entente extract --published 2026-02-06 digest.txt > relations.jsonl\n"
      "  entente import --db ./store digest.txt\n"
      "  entente path Pakistan \"European Union\" --db ./store\n"
      "  entente serve --db ./store --listen 127.0.0.1:50051\n");
  return help;
}

int Main(int argc, char** argv) {
  std::vector<Command> commands = AllCommands();
  CommandIo io{std::cout, std::cerr, isatty(STDERR_FILENO) == 1};
  if (argc < 2) {
    std::cerr << TopLevelHelp(commands);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    std::cout << TopLevelHelp(commands);
    return kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& command : commands) {
    if (command.spec.command == name) return RunCommand(command, args, io);
  }
  std::cerr << "entente: unknown command '" << name
            << "'\nRun 'entente --help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace
}  // namespace entente::service::cli

int main(int argc, char** argv) {
  // `entente ... | head` closes the pipe early: without SIGPIPE the command
  // still unwinds, so a --db secondary instance removes its scratch directory.
  signal(SIGPIPE, SIG_IGN);
  // Tables and JSON go through std::cout; keep it fast for large timelines.
  std::ios::sync_with_stdio(false);
  int code = entente::service::cli::Main(argc, argv);
  std::cout.flush();
  // Output that could not be written is a failure, as it is for other tools.
  if (!std::cout && code == entente::service::cli::kExitOk) {
    code = entente::service::cli::kExitFailure;
  }
  return code;
}
