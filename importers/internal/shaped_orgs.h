#ifndef ENTENTE_IMPORTERS_INTERNAL_SHAPED_ORGS_H_
#define ENTENTE_IMPORTERS_INTERNAL_SHAPED_ORGS_H_

// Organizations the alias file does not know, recognised by the shape of their
// names: a run of capitalized words with an institutional head noun
// ("International Solar Alliance", "Islamic Development Bank", "Organization
// of Turkic States"), joined by "of", "for", "and" or "the" inside the run.
//
// Thread-safety: pure function.

#include <utility>
#include <vector>

#include "importers/internal/mentions.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

// Token ranges [begin, end) of organization-shaped names in `tokens` that do
// not overlap `mentions` nor a byte range in `masked` (outlets), in order. A
// name has at least two words; a head noun first ("Council of ...") needs its
// "of" complement; "the" before the name is not part of it.
std::vector<std::pair<int, int>> FindShapedOrganizations(
    const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
    const std::vector<std::pair<int64_t, int64_t>>& masked);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_SHAPED_ORGS_H_
