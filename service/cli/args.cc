#include "service/cli/args.h"

#include <algorithm>
#include <utility>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace entente::service::cli {
namespace {

absl::Status CheckPositionalCount(const ArgSpec& spec,
                                  const std::vector<std::string>& positional) {
  const int n = static_cast<int>(positional.size());
  if (n < spec.min_positional) {
    return absl::InvalidArgumentError(
        absl::StrCat("missing argument: expected ", spec.positional_usage));
  }
  if (spec.max_positional >= 0 && n > spec.max_positional) {
    return absl::InvalidArgumentError(
        spec.max_positional == 0
            ? absl::StrCat("unexpected argument '", positional.front(), "'")
            : absl::StrCat("too many arguments: expected ", spec.positional_usage));
  }
  return absl::OkStatus();
}

// The first word CLI11 let through as an extra: an unknown option. (It lets
// `--` itself through too, which is no error.)
absl::Status NameUnknownOption(const std::vector<std::string>& extras) {
  for (const std::string& extra : extras) {
    if (extra == "--") continue;
    if (!absl::StartsWith(extra, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown option '", extra, "' (options start with --)"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown option ", absl::string_view(extra).substr(0, extra.find('='))));
  }
  return absl::OkStatus();
}

// What CLI11 recorded for an option given at least once: "" for a switch, else
// the last value given.
absl::StatusOr<std::string> OptionValue(const OptionSpec& option,
                                        const CLI::Option& cli) {
  if (option.value_name.empty()) {
    // CLI11 records a bare switch as "true"; anything else came after '='.
    for (const std::string& result : cli.results()) {
      if (result != "true") {
        return absl::InvalidArgumentError(
            absl::StrCat("option --", option.name, " takes no value"));
      }
    }
    return "";
  }
  const std::string& value = cli.results().back();
  if (value.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "option --", option.name, " needs a value (", option.value_name, ")"));
  }
  return value;
}

}  // namespace

bool ParsedArgs::Has(absl::string_view name) const {
  return values_.find(name) != values_.end();
}

std::string ParsedArgs::Get(absl::string_view name, absl::string_view fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string(fallback) : it->second;
}

absl::StatusOr<int> ParsedArgs::GetInt(absl::string_view name, int fallback, int min,
                                       int max) const {
  absl::StatusOr<int64_t> value = GetInt64(name, fallback, min, max);
  if (!value.ok()) return value.status();
  return static_cast<int>(*value);
}

absl::StatusOr<int64_t> ParsedArgs::GetInt64(absl::string_view name, int64_t fallback,
                                             int64_t min, int64_t max) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  int64_t value = 0;
  if (!absl::SimpleAtoi(it->second, &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " must be an integer from ", min, " to ", max, ", got '",
                     it->second, "'"));
  }
  return value;
}

absl::StatusOr<ParsedArgs> ParseArgs(const ArgSpec& spec,
                                     absl::Span<const std::string> args) {
  // CLI11 reads the words; the messages stay ours, naming the option. Unknown
  // options are let through as extras so that they can be named here.
  CLI::App app(spec.command);
  app.allow_extras(true);
  app.set_help_flag("-h,--help");
  std::vector<std::pair<const OptionSpec*, const CLI::Option*>> declared;
  std::vector<std::string> positional;
  ParsedArgs parsed;
  try {
    for (const OptionSpec& option : spec.options) {
      const std::string flag = absl::StrCat("--", option.name);
      CLI::Option* added = nullptr;
      if (option.value_name.empty()) {
        added = app.add_flag(flag);
      } else {
        // Zero values are let through so that a missing one is named below; a
        // repeated option keeps its last value.
        added = app.add_option(flag)->expected(0, 1)->multi_option_policy(
            CLI::MultiOptionPolicy::TakeLast);
      }
      declared.emplace_back(&option, added);
    }
    app.add_option("positional", positional)->expected(0, -1);
    // CLI11 takes the words in reverse order.
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::CallForHelp&) {
    parsed.help_ = true;
    return parsed;
  } catch (const CLI::ParseError& error) {
    return absl::InvalidArgumentError(error.what());
  } catch (const CLI::Error& error) {  // A bad ArgSpec, not a bad command line.
    return absl::InternalError(
        absl::StrCat("option table of '", spec.command, "': ", error.what()));
  }
  ENTENTE_RETURN_IF_ERROR(NameUnknownOption(app.remaining()));
  for (const auto& [option, cli] : declared) {
    if (cli->count() == 0) continue;
    ENTENTE_ASSIGN_OR_RETURN(parsed.values_[option->name], OptionValue(*option, *cli));
  }
  parsed.positional_ = std::move(positional);
  if (absl::Status status = CheckPositionalCount(spec, parsed.positional_);
      !status.ok()) {
    return status;
  }
  return parsed;
}

std::string FormatOptions(const ArgSpec& spec) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const OptionSpec& option : spec.options) {
    std::string head = absl::StrCat("  --", option.name);
    if (!option.value_name.empty()) absl::StrAppend(&head, " ", option.value_name);
    lines.emplace_back(std::move(head), option.help);
  }
  lines.emplace_back("  -h, --help", "show this help");
  size_t width = 0;
  for (const auto& [head, help] : lines) width = std::max(width, head.size());
  std::string out = "Options:\n";
  for (const auto& [head, help] : lines) {
    absl::StrAppend(&out, head, std::string(width + 2 - head.size(), ' '), help, "\n");
  }
  return out;
}

}  // namespace entente::service::cli
