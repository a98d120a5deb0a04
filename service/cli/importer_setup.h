#ifndef ENTENTE_SERVICE_CLI_IMPORTER_SETUP_H_
#define ENTENTE_SERVICE_CLI_IMPORTER_SETUP_H_

// What `extract`, `import` and `serve` share: the --published and
// --iso-codes options and loading the extractor.
//
// Thread-safety: pure functions.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "importers/extractor.h"
#include "importers/import_source.h"
#include "service/cli/args.h"

namespace entente::service::cli {

// --published and --iso-codes, for the commands' ArgSpecs.
std::vector<OptionSpec> ImporterOptionSpecs();

// --iso-codes DIR, else importers::DefaultIsoCodesDir().
std::string IsoCodesDirFromArgs(const ParsedArgs& args);

// --published YYYY-MM-DD as ImportOptions (unset when absent);
// InvalidArgument naming the option for anything but a full calendar day.
absl::StatusOr<importers::ImportOptions> ImportOptionsFromArgs(const ParsedArgs& args);

// Loads the gazetteer from `iso_codes_dir` and creates the extractor;
// errors name the directory.
absl::StatusOr<std::unique_ptr<importers::Extractor>> LoadExtractor(
    const std::string& iso_codes_dir);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_IMPORTER_SETUP_H_
