#include "service/cli/command.h"

#include <ostream>

#include "absl/strings/str_cat.h"

namespace entente::service::cli {

std::string CommandHelp(const Command& command) {
  const ArgSpec& spec = command.spec;
  std::string help = absl::StrCat("Usage: entente ", spec.command, " [options]");
  if (!spec.positional_usage.empty()) absl::StrAppend(&help, " ", spec.positional_usage);
  absl::StrAppend(&help, "\n\n", command.summary, "\n");
  if (!command.details.empty()) absl::StrAppend(&help, "\n", command.details);
  absl::StrAppend(&help, "\n", FormatOptions(spec));
  if (!command.examples.empty()) {
    absl::StrAppend(&help, "\nExamples:\n", command.examples);
  }
  return help;
}

int RunCommand(const Command& command, const std::vector<std::string>& args,
               CommandIo& io) {
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(command.spec, args);
  if (!parsed.ok()) return UsageError(command, parsed.status(), io);
  if (parsed->help()) {
    io.out << CommandHelp(command);
    return kExitOk;
  }
  return command.run(command, *parsed, io);
}

int UsageError(const Command& command, const absl::Status& status, CommandIo& io) {
  io.err << "entente " << command.spec.command << ": " << status.message() << "\n"
         << "Run 'entente " << command.spec.command << " --help' for usage.\n";
  return kExitUsage;
}

int Failure(const Command& command, const absl::Status& status, CommandIo& io) {
  io.err << "entente " << command.spec.command << ": " << status.message() << "\n";
  return kExitFailure;
}

int OptionError(const Command& command, const absl::Status& status, CommandIo& io) {
  return status.code() == absl::StatusCode::kInvalidArgument
             ? UsageError(command, status, io)
             : Failure(command, status, io);
}

}  // namespace entente::service::cli
