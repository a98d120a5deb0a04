// entente-extract [--published YYYY-MM-DD] [--iso-codes DIR] FILE...
//
// The importers' own driver, with the flags of `entente extract`: prints the
// relations of each FILE as the spec's JSON Lines on stdout; errors go to
// stderr naming the file (and line), and the exit status is 1 if any file
// was rejected.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "importers/digest_reader.h"
#include "importers/extract_output.h"
#include "importers/extractor.h"
#include "importers/gazetteer.h"

namespace {

int Usage() {
  std::cerr
      << "usage: entente-extract [--published YYYY-MM-DD] [--iso-codes DIR] FILE...\n";
  return 2;
}

// Prints what the pipeline saw of each item of a text digest to stderr.
void Trace(const entente::importers::Extractor& extractor, const std::string& file,
           const entente::importers::ImportOptions& options) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  auto digest = entente::importers::ParseTextDigest(file, bytes);
  if (!digest.ok()) {
    std::cerr << digest.status().message() << "\n";
    return;
  }
  for (entente::importers::DigestItem& item : digest->items) {
    // The document's own date wins; --published is for files without one.
    item.published =
        digest->published.value_or(options.published.value_or(item.published));
    std::cerr << "== item " << item.number << "\n" << extractor.Trace(item);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace entente;
  importers::ImportOptions options;
  std::string iso_dir = importers::DefaultIsoCodesDir();
  std::vector<std::string> files;
  bool trace = false;  // Print what the pipeline saw of each item to stderr.
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    auto take = [&](absl::string_view flag) {
      if (arg == flag && i + 1 < argc) {
        value = argv[++i];
        return true;
      }
      if (absl::StartsWith(arg, std::string(flag) + "=")) {
        value = arg.substr(flag.size() + 1);
        return true;
      }
      return false;
    };
    if (take("--published")) {
      auto date = graph::DateWithPrecision::Parse(value);
      if (!date.ok() || date->precision != graph::DatePrecision::kDay) {
        std::cerr << "entente-extract: --published wants YYYY-MM-DD, got '" << value
                  << "'\n";
        return 2;
      }
      options.published = *date;
    } else if (arg == "--trace") {
      trace = true;
    } else if (take("--iso-codes")) {
      iso_dir = value;
    } else if (arg == "-h" || arg == "--help") {
      return Usage();
    } else if (absl::StartsWith(arg, "--")) {
      std::cerr << "entente-extract: unknown flag " << arg << "\n";
      return Usage();
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return Usage();
  auto gazetteer = importers::Gazetteer::Load(iso_dir);
  if (!gazetteer.ok()) {
    std::cerr << "entente-extract: " << gazetteer.status().message() << "\n";
    return 1;
  }
  auto extractor = importers::Extractor::Create(std::move(*gazetteer));
  if (!extractor.ok()) {
    std::cerr << "entente-extract: " << extractor.status().message() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  int status = 0;
  for (const std::string& file : files) {
    if (trace) Trace(**extractor, file, options);
    auto stats = importers::ExtractFileToJsonl(**extractor, file, options, std::cout);
    if (!stats.ok()) {
      std::cerr << "entente-extract: " << stats.status().message() << "\n";
      status = 1;
    }
  }
  std::cout.flush();
  return status;
}
