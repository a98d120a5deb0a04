#include "service/cli/importer_setup.h"

#include <cstdio>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "importers/gazetteer.h"
#include "service/cli/dates.h"

namespace entente::service::cli {

std::vector<OptionSpec> ImporterOptionSpecs() {
  return {
      {"published", "YYYY-MM-DD",
       "publication date for documents without their own (front matter, a name "
       "starting YYYY-MM-DD, or a JSON item's \"published\")"},
      {"iso-codes", "DIR",
       absl::StrCat("iso-codes JSON directory (default $ENTENTE_ISO_CODES_DIR or ",
                    importers::ConfiguredIsoCodesDir(), ")")},
      {"strict", "",
       "reject a digest that does not read as English news (few English function "
       "words, or nearly every item without a relation) instead of warning"},
  };
}

std::string IsoCodesDirFromArgs(const ParsedArgs& args) {
  if (args.Has("iso-codes")) return args.Get("iso-codes");
  return importers::DefaultIsoCodesDir();
}

absl::StatusOr<importers::ImportOptions> ImportOptionsFromArgs(const ParsedArgs& args) {
  importers::ImportOptions options;
  options.on_note = [](const std::string& note) {
    std::fprintf(stderr, "entente: note: %s\n", note.c_str());
  };
  options.strict = args.Has("strict");
  if (!args.Has("published")) return options;
  absl::StatusOr<graph::DateWithPrecision> date =
      ParseDateOption("published", args.Get("published"));
  if (!date.ok() || date->precision != graph::DatePrecision::kDay) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--published: expected a day YYYY-MM-DD, got '", args.Get("published"), "'"));
  }
  options.published = *date;
  return options;
}

absl::StatusOr<std::unique_ptr<importers::Extractor>> LoadExtractor(
    const std::string& iso_codes_dir) {
  absl::StatusOr<std::unique_ptr<importers::Gazetteer>> gazetteer =
      importers::Gazetteer::Load(iso_codes_dir);
  if (!gazetteer.ok()) {
    return absl::Status(gazetteer.status().code(),
                        absl::StrCat("cannot load the gazetteer from ", iso_codes_dir,
                                     ": ", gazetteer.status().message()));
  }
  return importers::Extractor::Create(
      std::shared_ptr<const importers::Gazetteer>(*std::move(gazetteer)));
}

}  // namespace entente::service::cli
