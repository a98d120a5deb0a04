#ifndef ENTENTE_SERVICE_CLI_ARGS_H_
#define ENTENTE_SERVICE_CLI_ARGS_H_

// The command-line parser of every Entente program with subcommands (the
// `entente` commands, the load bench): each subcommand declares its options in
// an ArgSpec, and ParseArgs reads its words with CLI11 (Debian libcli11-dev).
// absl flags are global and do not fit subcommands. CLI11 reports errors by
// throwing; ParseArgs is the one place where they become absl::Status.
//
//   ArgSpec spec{.command = "path", .min_positional = 2, .max_positional = 2};
//   spec.options = {{"k", "N", "number of paths"}, {"json", "", "JSON output"}};
//   absl::StatusOr<ParsedArgs> args = ParseArgs(spec, argv_tail);
//
// Accepted forms: `--name value`, `--name=value`, boolean `--name`, `-h` and
// `--help`, and `--` (everything after it is positional). Options may come
// before, between or after positionals. A value option takes the next word
// unless that word is an option. Errors are InvalidArgument with a message
// naming the offending option; the caller treats them as usage errors.
//
// Thread-safety: plain values; no shared state.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace entente::service::cli {

struct OptionSpec {
  std::string name;        // Without dashes: "k", "db", "newest-first".
  std::string value_name;  // "N", "DIR"; empty for a boolean switch.
  std::string help;        // One line for --help.
};

struct ArgSpec {
  std::string command;  // "path"; used in messages.
  std::vector<OptionSpec> options;
  std::string positional_usage;  // "FROM TO", "FILE...".
  int min_positional = 0;
  int max_positional = 0;  // -1 for unlimited.
};

class ParsedArgs {
 public:
  bool help() const { return help_; }
  bool Has(absl::string_view name) const;
  // The value of a value option, or `fallback` when absent.
  std::string Get(absl::string_view name, absl::string_view fallback = "") const;
  // The value as an integer in [min, max]; `fallback` when absent.
  // InvalidArgument naming the option when it is not such an integer.
  absl::StatusOr<int> GetInt(absl::string_view name, int fallback, int min,
                             int max) const;
  // The same for counts past the range of int.
  absl::StatusOr<int64_t> GetInt64(absl::string_view name, int64_t fallback, int64_t min,
                                   int64_t max) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend absl::StatusOr<ParsedArgs> ParseArgs(const ArgSpec&,
                                              absl::Span<const std::string>);
  bool help_ = false;
  std::map<std::string, std::string, std::less<>> values_;  // Switches map to "".
  std::vector<std::string> positional_;
};

// Parses `args` (the words after the command name). With -h/--help anywhere
// (before `--`) it returns a ParsedArgs whose help() is true and does not
// check counts. A repeated option keeps its last value.
absl::StatusOr<ParsedArgs> ParseArgs(const ArgSpec& spec,
                                     absl::Span<const std::string> args);

// "Options:" block of the command's --help: one aligned line per option.
std::string FormatOptions(const ArgSpec& spec);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_ARGS_H_
