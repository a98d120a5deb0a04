#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_DATA_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_DATA_H_

// The CAMEO tables of the GDELT importer, embedded at build time from
// importers/data/ (their formats are described at the top of each file).
//
// Thread-safety: the returned views are of static constant data.

#include "absl/strings/string_view.h"

namespace entente::importers::internal {

// importers/data/cameo_countries.tsv: actor and country codes that are not an
// ISO 3166-1 alpha-3 code of a state.
absl::string_view EmbeddedCameoCountries();
// importers/data/cameo_events.tsv: the event codes that are relations.
absl::string_view EmbeddedCameoEvents();

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_DATA_H_
