#include "service/cli/args.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace entente::service::cli {
namespace {

const OptionSpec* FindOption(const ArgSpec& spec, absl::string_view name) {
  for (const OptionSpec& option : spec.options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

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
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  int value = 0;
  if (!absl::SimpleAtoi(it->second, &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " must be an integer from ", min, " to ", max, ", got '",
                     it->second, "'"));
  }
  return value;
}

absl::StatusOr<ParsedArgs> ParseArgs(const ArgSpec& spec,
                                     absl::Span<const std::string> args) {
  ParsedArgs parsed;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view word = args[i];
    if (only_positional || word.size() < 2 || word[0] != '-') {
      parsed.positional_.emplace_back(word);
      continue;
    }
    if (word == "--") {
      only_positional = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      parsed.help_ = true;
      continue;
    }
    if (word.substr(0, 2) != "--") {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown option '", word, "' (options start with --)"));
    }
    absl::string_view name = word.substr(2);
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('='); eq != absl::string_view::npos) {
      inline_value = std::string(name.substr(eq + 1));
      name = name.substr(0, eq);
    }
    const OptionSpec* option = FindOption(spec, name);
    if (option == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
    }
    if (option->value_name.empty()) {
      if (inline_value.has_value()) {
        return absl::InvalidArgumentError(
            absl::StrCat("option --", name, " takes no value"));
      }
      parsed.values_[option->name] = "";
      continue;
    }
    if (inline_value.has_value()) {
      parsed.values_[option->name] = *std::move(inline_value);
    } else if (i + 1 < args.size()) {
      parsed.values_[option->name] = args[++i];
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("option --", name, " needs a value (", option->value_name, ")"));
    }
  }
  if (!parsed.help_) {
    if (absl::Status status = CheckPositionalCount(spec, parsed.positional_);
        !status.ok()) {
      return status;
    }
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
