#ifndef ENTENTE_IMPORTERS_GAZETTEER_H_
#define ENTENTE_IMPORTERS_GAZETTEER_H_

// The gazetteer: every entity the extractor can recognise in running text and
// the surface forms ("aliases") that name it. Countries come from Debian's
// iso-codes (iso_3166-1.json, read at run time: name, official_name,
// common_name, alpha_2, alpha_3), and so do provinces, regions and states
// (iso_3166-2.json, when present); demonyms, capitals, leaders, organizations,
// cities, regions, sites and companies come from importers/data/aliases.tsv and
// importers/data/gazetteer/*.tsv (one format; a later line for an id already
// known adds aliases and fills empty facts), embedded into the binary at build time.
//
// FACTS are "country=ID role=ROLE city=ID members=ID,ID,... from=DATE".
//
// Thread-safety: immutable after Load; all const methods are safe to call from
// several threads at once.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace entente::importers {

// How an alias names its entity; the rules treat the forms differently
// ("Kazakh" is an adjective, "Astana" may be a place or the government).
enum class AliasForm : uint8_t {
  kName = 0,     // "Kazakhstan", "the European Union", "Rosatom".
  kCode = 1,     // "KAZ", "EU": matched only in upper case.
  kDemonym = 2,  // "Kazakh", "Kazakhstani", "Sino-": the country as adjective.
  kCapital = 3,  // "Astana": the city, or the government it houses.
  kPerson = 4,   // "Tokayev", "Kassym-Jomart Tokayev".
  kTitle = 5,    // Leader titles: "Emir", "Chancellor" (kind kPerson entries).
};

// One recognised form of an entity.
struct AliasMatch {
  const graph::Entity* entity = nullptr;
  AliasForm form = AliasForm::kName;
};

// Facts about an entity beyond graph::Entity.
struct EntityFacts {
  std::string country;  // For cities, regions, persons, sites: "country:KAZ".
  std::string role;     // For persons: "president", "prime_minister", ...
  std::string city;     // For regions/sites/landmarks standing for a city.
  // For an area of the world ("area:central-asia"): the states it stands for when
  // it acts ("Italy and Central Asia signed"); empty when too many or too vague.
  std::vector<std::string> members;
  // For persons: when they took the office `role` names (unknown when not given).
  graph::DateWithPrecision from;
};

// The iso-codes JSON directory the build was configured with: CMake's
// ENTENTE_ISO_CODES_DIR, by default Debian's /usr/share/iso-codes/json.
absl::string_view ConfiguredIsoCodesDir();
// The directory every program of ours loads iso-codes from unless told another:
// $ENTENTE_ISO_CODES_DIR when set and not empty, else ConfiguredIsoCodesDir().
std::string DefaultIsoCodesDir();

class Gazetteer {
 public:
  // Reads `iso_codes_dir`/iso_3166-1.json and the embedded alias data.
  // NotFound / InvalidArgument naming the file on failure.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(
      const std::string& iso_codes_dir);
  // Same from text (tests): the iso_3166-1.json content and alias TSV content.
  // InvalidArgument naming the TSV line on a malformed alias line.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> LoadFromText(
      absl::string_view iso_3166_json, absl::string_view aliases_tsv);

  // The entity with this id ("country:KAZ"), with its name and all aliases
  // (ISO2, ISO3, official name, demonyms, capital, ...); nullptr if unknown.
  // The pointer stays valid as long as the Gazetteer.
  const graph::Entity* FindById(absl::string_view id) const;
  const EntityFacts* FactsOf(absl::string_view id) const;
  // The country an entity belongs to: itself for a country, the `country`
  // fact otherwise; "" when none.
  absl::string_view CountryOf(absl::string_view id) const;
  // The person holding `role` ("president", "prime_minister") for a country on
  // `when` (any date when unknown): of those listed with a `from`, the one who took
  // the office last by then; else the first listed with none; "" when none.
  absl::string_view LeaderOf(absl::string_view country, absl::string_view role,
                             const graph::DateWithPrecision& when = {}) const;
  // The one person of `role` with `word` (normalized) in their name: "philippe" for
  // a king is Philippe of Belgium; "" when none or several.
  absl::string_view HolderNamed(absl::string_view role, absl::string_view word) const;

  // Alias lookup on a normalized phrase (lower case ASCII, words joined by one
  // space; "’" folded to "'"). Upper-case codes are looked up with
  // FindCode. Returns an empty span when unknown.
  const std::vector<AliasMatch>* FindPhrase(absl::string_view normalized) const;
  const std::vector<AliasMatch>* FindCode(absl::string_view upper) const;
  // The longest alias, in words, that starts with this normalized word; 0 if
  // no alias starts with it. Lets the tagger try only useful n-grams.
  int MaxWordsStartingWith(absl::string_view normalized_word) const;
  // True when some alias phrase has more words after these (a normalized phrase):
  // when false, no phrase that adds words to it is one FindPhrase knows.
  bool IsPhrasePrefix(absl::string_view normalized) const;

  size_t size() const { return entities_.size(); }
  // A copy of every entity with its aliases, in the order first named
  // (iso-codes countries first, then the alias tables).
  std::vector<graph::Entity> Entities() const;

 private:
  Gazetteer() = default;
  absl::Status AddIsoCountries(absl::string_view json);
  // The provinces, regions and states of iso_3166-2.json, as places of their country
  // ("region:th-21"): named with their type ("Rayong province"), and alone when the
  // name has several words and no list names it ("Akwa Ibom").
  absl::Status AddIsoSubdivisions(absl::string_view json);
  absl::Status AddAliasTable(absl::string_view file, absl::string_view tsv);
  graph::Entity* Upsert(absl::string_view id, absl::string_view name);
  void AddAlias(graph::Entity* entity, absl::string_view alias, AliasForm form,
                bool listed = true);

  std::vector<std::unique_ptr<graph::Entity>> entities_;
  absl::flat_hash_map<std::string, graph::Entity*> by_id_;
  absl::flat_hash_map<std::string, EntityFacts> facts_;
  absl::flat_hash_map<std::string, std::string> alpha2_;  // "KZ" -> "country:KAZ".
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> phrases_;
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> codes_;
  absl::flat_hash_map<std::string, int> max_words_;
  absl::flat_hash_set<std::string> phrase_prefixes_;  // IsPhrasePrefix's.
  // "country:TUR|president": the holders, as listed.
  absl::flat_hash_map<std::string, std::vector<std::string>> leaders_;
  // "king|philippe" -> its one holder ("" when two share it): HolderNamed's.
  absl::flat_hash_map<std::string, std::string> holders_by_word_;
};

// Lower-cases ASCII, folds typographic apostrophes and dashes and Latin letters
// with diacritics ("Việt Nam" -> "viet nam"), and joins the words of `text` with
// single spaces: the key form of FindPhrase, which folds its argument the same way.
std::string NormalizePhrase(absl::string_view text);

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_GAZETTEER_H_
