#include "service/entity_resolver.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/grpc_status.h"

namespace entente::service {
namespace {

// The candidates listed in an "ambiguous" error, and the closest names in a
// "not found" one.
constexpr int kMaxCandidates = 10;
constexpr int kMaxSuggestions = 3;

std::string Listed(const graph::Entity& entity) {
  return absl::StrCat(entity.name, " (", entity.id, ")");
}

// NotFound naming the text and, when some are close, the closest names.
absl::Status Unknown(const graph::Store& store, absl::string_view field,
                     absl::string_view text, const std::atomic<bool>* cancelled) {
  std::string message = absl::StrCat(field, ": no entity is known as ", QuoteInput(text));
  absl::StatusOr<std::vector<graph::Entity>> close =
      store.SuggestEntities(text, kMaxSuggestions, cancelled);
  if (absl::IsCancelled(close.status())) return close.status();
  if (close.ok() && !close->empty()) {
    std::vector<std::string> names;
    for (const graph::Entity& entity : *close) names.push_back(Listed(entity));
    absl::StrAppend(&message, "; did you mean ", absl::StrJoin(names, " or "), "?");
  }
  return absl::NotFoundError(message);
}

bool IsExactMatch(const graph::Entity& entity, const std::string& normalized) {
  if (NormalizeName(entity.id) == normalized ||
      NormalizeName(entity.name) == normalized) {
    return true;
  }
  size_t colon = entity.id.find(':');
  if (colon != std::string::npos &&
      NormalizeName(absl::string_view(entity.id).substr(colon + 1)) == normalized) {
    return true;
  }
  for (const std::string& alias : entity.aliases) {
    if (NormalizeName(alias) == normalized) return true;
  }
  return false;
}

absl::Status Ambiguous(absl::string_view field, absl::string_view text,
                       const std::vector<const graph::Entity*>& candidates, bool more) {
  std::vector<std::string> names;
  for (const graph::Entity* entity : candidates) names.push_back(Listed(*entity));
  return InvalidFieldError(field,
                           absl::StrCat(QuoteInput(text), " is ambiguous; it could be ",
                                        absl::StrJoin(names, ", "), more ? ", ..." : "",
                                        ". Use one of the ids."));
}

}  // namespace

std::string NormalizeName(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

absl::StatusOr<graph::Entity> ResolveEntity(const EntityCache& cache,
                                            absl::string_view text,
                                            absl::string_view field,
                                            const std::atomic<bool>* cancelled) {
  const graph::Store& store = cache.store();
  if (NormalizeName(text).empty())
    return InvalidFieldError(field, "an entity is required");
  if (text.size() > kMaxEntityTextBytes) {
    return InvalidFieldError(field, absl::StrCat("at most ", kMaxEntityTextBytes,
                                                 " bytes, got ", QuoteInput(text)));
  }
  if (text.find(':') != absl::string_view::npos) {
    auto by_id = cache.Get(text);
    if (by_id.ok()) return **by_id;
    if (!absl::IsNotFound(by_id.status())) return by_id.status();
  }
  absl::StatusOr<graph::EntityPage> page =
      store.SearchEntities(text, kMaxCandidates + 1, "", cancelled);
  if (!page.ok()) return page.status();
  if (page->entities.empty()) return Unknown(store, field, text, cancelled);
  if (page->entities.size() == 1) return std::move(page->entities[0]);
  std::string normalized = NormalizeName(text);
  std::vector<const graph::Entity*> exact;
  for (const graph::Entity& entity : page->entities) {
    if (IsExactMatch(entity, normalized)) exact.push_back(&entity);
  }
  if (exact.size() == 1) return *exact[0];
  if (!exact.empty()) return Ambiguous(field, text, exact, false);
  std::vector<const graph::Entity*> all;
  for (const graph::Entity& entity : page->entities) {
    if (static_cast<int>(all.size()) < kMaxCandidates) all.push_back(&entity);
  }
  return Ambiguous(field, text, all,
                   page->entities.size() > all.size() || !page->next_page_token.empty());
}

}  // namespace entente::service
