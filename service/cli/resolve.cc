#include "service/cli/resolve.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace entente::service::cli {
namespace {

constexpr int kSearchPageSize = 20;
constexpr int kListedCandidates = 10;

bool NamesExactly(const entente::v1::Entity& entity, absl::string_view query) {
  if (absl::EqualsIgnoreCase(entity.id(), query) ||
      absl::EqualsIgnoreCase(entity.name(), query)) {
    return true;
  }
  for (const std::string& alias : entity.aliases()) {
    if (absl::EqualsIgnoreCase(alias, query)) return true;
  }
  return false;
}

absl::Status Ambiguous(absl::string_view query,
                       const std::vector<const entente::v1::Entity*>& candidates,
                       bool more) {
  std::vector<std::string> listed;
  for (const entente::v1::Entity* entity : candidates) {
    if (static_cast<int>(listed.size()) == kListedCandidates) {
      more = true;
      break;
    }
    listed.push_back(absl::StrCat(entity->name(), " (", entity->id(), ")"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("'", query, "' is ambiguous: ", absl::StrJoin(listed, ", "),
                   more ? " and more" : "", "; give an id or a longer name"));
}

// For a name no entity starts with: the server's NOT_FOUND from GetEntity,
// which names the closest entities ("did you mean ..."), without the
// "entity: " of a request field the user never saw.
absl::StatusOr<entente::v1::Entity> UnknownEntity(GraphClient& client,
                                                  absl::string_view query) {
  entente::v1::GetEntityRequest request;
  request.set_entity(std::string(query));
  entente::v1::GetEntityResponse response;
  std::unique_ptr<grpc::ClientContext> context = client.NewContext();
  grpc::Status status = client.stub().GetEntity(context.get(), request, &response);
  if (status.ok()) return response.entity();
  absl::Status error = FromGrpc(status);
  if (!absl::IsNotFound(error)) return error;
  return absl::NotFoundError(absl::StripPrefix(error.message(), "entity: "));
}

}  // namespace

absl::StatusOr<entente::v1::Entity> PickEntity(
    absl::string_view query, const entente::v1::SearchEntitiesResponse& candidates) {
  std::vector<const entente::v1::Entity*> exact;
  std::vector<const entente::v1::Entity*> all;
  for (const entente::v1::Entity& entity : candidates.entities()) {
    all.push_back(&entity);
    if (NamesExactly(entity, query)) exact.push_back(&entity);
  }
  if (exact.size() == 1) return *exact.front();
  if (exact.size() > 1) return Ambiguous(query, exact, false);
  if (all.size() == 1 && candidates.next_page_token().empty()) return *all.front();
  if (all.empty()) {
    return absl::NotFoundError(absl::StrCat("no entity matches '", query, "'"));
  }
  return Ambiguous(query, all, !candidates.next_page_token().empty());
}

absl::StatusOr<entente::v1::Entity> ResolveEntity(GraphClient& client,
                                                  absl::string_view query) {
  query = absl::StripAsciiWhitespace(query);
  if (query.empty()) return absl::InvalidArgumentError("empty entity name");
  entente::v1::SearchEntitiesRequest request;
  request.set_query(std::string(query));
  request.set_page_size(kSearchPageSize);
  entente::v1::SearchEntitiesResponse response;
  std::unique_ptr<grpc::ClientContext> context = client.NewContext();
  grpc::Status status = client.stub().SearchEntities(context.get(), request, &response);
  if (!status.ok()) return FromGrpc(status);
  if (response.entities().empty()) return UnknownEntity(client, query);
  return PickEntity(query, response);
}

}  // namespace entente::service::cli
