#ifndef ENTENTE_SERVICE_ENTITY_RESOLVER_H_
#define ENTENTE_SERVICE_ENTITY_RESOLVER_H_

// Resolves what a user typed for an entity ("Pakistan", "PAK", "Kazakh",
// "country:PAK", "Islamic Republic of Pakistan") to one stored entity, the way
// SearchEntities ranks matches: an id is taken as is; otherwise the one entity
// whose id, name, code or alias equals the text (ignoring case and repeated
// spaces), else the one entity with a name, code or alias starting with it.
//
// Entities the store only knows of (StoreOptions::known_entities: every ISO
// country, the gazetteer's people and cities) resolve like stored ones.
//
// Errors: an empty text → InvalidArgument naming `field`; no match → NotFound
// naming the text and the field and, when some are close, up to three of the
// closest names ("; did you mean Kazakhstan (country:KAZ)?"); several equally good
// matches → InvalidArgument naming the field and listing up to ten candidates;
// Cancelled once *cancelled (not owned; may be null) is true while the store's
// names are searched.
//
// Thread-safety: a stateless function over a thread-safe Store.

#include <atomic>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"
#include "graph/store.h"
#include "service/entity_cache.h"

namespace entente::service {

// Ids are looked up through `cache`; names search cache.store().
absl::StatusOr<graph::Entity> ResolveEntity(const EntityCache& cache,
                                            absl::string_view text,
                                            absl::string_view field,
                                            const std::atomic<bool>* cancelled = nullptr);

// Lower-cased with runs of whitespace collapsed to one space and trimmed.
std::string NormalizeName(absl::string_view text);

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_ENTITY_RESOLVER_H_
