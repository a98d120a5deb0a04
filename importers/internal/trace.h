#ifndef ENTENTE_IMPORTERS_INTERNAL_TRACE_H_
#define ENTENTE_IMPORTERS_INTERNAL_TRACE_H_

// A readable dump of what the pipeline saw in an item: per sentence its tokens with
// their tags, mentions, phrases and clauses. For `entente extract --trace`, when a
// relation is missing and one needs to see which stage lost it.
//
// Thread-safety: pure function.

#include <string>

#include "importers/internal/coreference.h"
#include "importers/internal/item_reader.h"

namespace entente::importers::internal {

std::string TraceItem(const ItemText& item, const Discourse& discourse);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_TRACE_H_
