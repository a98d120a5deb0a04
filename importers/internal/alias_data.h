#ifndef ENTENTE_IMPORTERS_INTERNAL_ALIAS_DATA_H_
#define ENTENTE_IMPORTERS_INTERNAL_ALIAS_DATA_H_

#include "absl/strings/string_view.h"

namespace entente::importers::internal {

// The content of importers/data/aliases.tsv, embedded at build time.
absl::string_view EmbeddedAliasTable();

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_ALIAS_DATA_H_
