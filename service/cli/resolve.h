#ifndef ENTENTE_SERVICE_CLI_RESOLVE_H_
#define ENTENTE_SERVICE_CLI_RESOLVE_H_

// Entity names on the command line resolve as SearchEntities does: an id
// ("country:PAK"), a name ("Pakistan"), an alias or code ("PAK", "EU",
// "Kazakh") or a unique prefix. The CLI resolves before it asks, so that an
// unknown or ambiguous name gets one clear message whichever server answers.
//
// Thread-safety: pure functions plus calls through the given client.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "entente/v1/graph_service.pb.h"
#include "service/cli/client.h"

namespace entente::service::cli {

// Picks the entity `query` names among one page of SearchEntities results:
//  1. the one candidate whose id, name or alias equals the query (ignoring
//     case); several such candidates are ambiguous among themselves;
//  2. otherwise the only candidate (a unique prefix);
//  3. NotFound "no entity matches 'X'" when there is none;
//  4. InvalidArgument "'X' is ambiguous: A (id), B (id), ..." listing up to
//     ten candidates (plus "and more" when the page was not the last).
absl::StatusOr<entente::v1::Entity> PickEntity(
    absl::string_view query, const entente::v1::SearchEntitiesResponse& candidates);

// SearchEntities(query) then PickEntity. An empty name is InvalidArgument.
// When the search finds nothing, the error is the server's NotFound, which
// suggests the closest names: `no entity is known as "Kazakstan"; did you
// mean Kazakhstan (country:KAZ)?`.
absl::StatusOr<entente::v1::Entity> ResolveEntity(GraphClient& client,
                                                  absl::string_view query);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_RESOLVE_H_
