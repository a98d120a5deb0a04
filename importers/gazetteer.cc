#include "importers/gazetteer.h"

#include "importers/internal/alias_data.h"

namespace entente::importers {

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string&) {
  return absl::UnimplementedError("Gazetteer::Load");
}
absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::LoadFromText(absl::string_view,
                                                                    absl::string_view) {
  return absl::UnimplementedError("Gazetteer::LoadFromText");
}
const graph::Entity* Gazetteer::FindById(absl::string_view) const { return nullptr; }
const EntityFacts* Gazetteer::FactsOf(absl::string_view) const { return nullptr; }
absl::string_view Gazetteer::CountryOf(absl::string_view) const { return ""; }
const std::vector<AliasMatch>* Gazetteer::FindPhrase(absl::string_view) const {
  return nullptr;
}
const std::vector<AliasMatch>* Gazetteer::FindCode(absl::string_view) const {
  return nullptr;
}
int Gazetteer::MaxWordsStartingWith(absl::string_view) const { return 0; }
std::string NormalizePhrase(absl::string_view text) { return std::string(text); }

}  // namespace entente::importers
