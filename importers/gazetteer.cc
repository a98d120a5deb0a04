#include "importers/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "importers/internal/embedded_data.h"
#include "simdjson.h"

namespace entente::importers {
namespace {

// The plural of a demonym that names people as well ("Russian" -> "Russians",
// "Pakistani" -> "Pakistanis", "Uzbek" -> "Uzbeks"); "" for those that do not take
// an "s" ("Chinese", "British", "Swiss") or are prefixes ("Sino-").
std::string PluralOfDemonym(absl::string_view d) {
  if (d.empty() || !absl::ascii_isupper(static_cast<unsigned char>(d[0]))) return "";
  if (absl::EndsWith(d, "an") || absl::EndsWith(d, "i") || absl::EndsWith(d, "kh") ||
      absl::EndsWith(d, "ek") || absl::EndsWith(d, "ik")) {
    return absl::StrCat(d, "s");
  }
  return "";
}

int CountWords(absl::string_view normalized) {
  if (normalized.empty()) return 0;
  int words = 1;
  for (char c : normalized) words += c == ' ';
  return words;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The array `table` ("3166-1") of an iso-codes file (iso_<table>.json), parsed into
// `parser`, which holds it; InvalidArgument naming the file when it is not there.
absl::Status ParseIsoTable(absl::string_view json, absl::string_view table,
                           simdjson::dom::parser* parser, simdjson::dom::array* out) {
  simdjson::padded_string padded(json.data(), json.size());
  simdjson::dom::element root;
  if (auto error = parser->parse(padded).get(root)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "iso_", table, ".json is not JSON: ", simdjson::error_message(error)));
  }
  const std::string key(table);
  if (root[key].get_array().get(*out)) {
    return absl::InvalidArgumentError(
        absl::StrCat("iso_", table, ".json has no \"", table, "\" array"));
  }
  return absl::OkStatus();
}

// The ASCII letter each Latin letter with a diacritic is written as, lower case, for
// U+00C0..U+024F and U+1E00..U+1EFF ("." keeps the character as it is).
constexpr char kLatinFold[] =
    "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkk.lllllll"
    "lllnnnnnn.nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    "..................f.............oo.............uu..............."
    "....dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa...."
    "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............"
    "................";
constexpr char kLatinExtendedFold[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy.s....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";
constexpr uint32_t kLatinFirst = 0xC0, kLatinLast = 0x24F;
constexpr uint32_t kExtendedFirst = 0x1E00, kExtendedLast = 0x1EFF;
constexpr uint32_t kCombiningFirst = 0x300, kCombiningLast = 0x36F;

bool HasNonAscii(absl::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The code point of the UTF-8 sequence at text[i] and its length in bytes; length 1
// and the byte itself for a byte that opens no sequence.
uint32_t DecodeAt(absl::string_view text, size_t i, int* length) {
  const unsigned char c = text[i];
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = 1;
  uint32_t cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
  for (int k = 1; k < n; ++k) {
    const unsigned char next = text[i + k];
    if ((next & 0xC0) != 0x80) {
      *length = 1;
      return c;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  *length = n;
  return cp;
}

// Latin letters with diacritics written as their ASCII letters, combining marks
// dropped: "việt nam" -> "viet nam", "türkiye" -> "turkiye". Other text is kept.
std::string FoldDiacritics(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    int length = 1;
    const uint32_t cp = DecodeAt(text, i, &length);
    char folded = '.';
    if (cp >= kLatinFirst && cp <= kLatinLast) folded = kLatinFold[cp - kLatinFirst];
    if (cp >= kExtendedFirst && cp <= kExtendedLast) {
      folded = kLatinExtendedFold[cp - kExtendedFirst];
    }
    if (cp >= kCombiningFirst && cp <= kCombiningLast) {
      i += length;
      continue;
    }
    if (length > 1 && folded != '.') {
      out.push_back(folded);
    } else {
      out.append(text.data() + i, length);
    }
    i += length;
  }
  return out;
}

// The key a lookup uses: itself when plain ASCII, else folded into `storage`.
absl::string_view LookupKey(absl::string_view key, std::string* storage) {
  if (!HasNonAscii(key)) return key;
  *storage = FoldDiacritics(key);
  return *storage;
}

// The words English puts after a subdivision's name for its ISO 3166-2 type:
// "Rayong province", "Akwa Ibom state", "Podkarpackie voivodeship", "Trincomalee
// district". Empty for a type too small or too vague to name a place by
// ("Municipality", "Parish").
std::vector<absl::string_view> SubdivisionTypeWords(absl::string_view type) {
  static const auto* const kWords =
      new absl::flat_hash_map<absl::string_view, std::vector<absl::string_view>>{
          {"Province", {"province"}},
          {"Autonomous province", {"province"}},
          {"Region", {"region"}},
          {"Administrative region", {"region"}},
          {"Metropolitan region", {"region"}},
          {"Autonomous community", {"region"}},
          {"Autonomous region", {"region", "autonomous region"}},
          {"State", {"state"}},
          {"Land", {"state"}},
          {"Regional state", {"region", "state"}},
          {"Governorate", {"governorate", "province"}},
          {"Prefecture", {"prefecture"}},
          {"Voivodship", {"voivodeship", "province"}},
          {"County", {"county"}},
          {"Department", {"department"}},
          {"Oblast", {"oblast", "region"}},
          {"Emirate", {"emirate"}},
          {"Republic", {"republic"}},
          {"Autonomous republic", {"republic"}},
          {"Territory", {"territory"}},
          {"Union territory", {"territory"}},
          {"Capital territory", {"territory"}},
          {"District", {"district"}},
      };
  auto it = kWords->find(type);
  return it == kWords->end() ? std::vector<absl::string_view>() : it->second;
}

// A subdivision's name as English text writes it: no bracketed note ("Guelmim-Oued
// Noun (EH-partial)"), no Chinese type word ("Guangdong Sheng"); "" for a name
// in an inverted form ("Adygeja, Respublika").
std::string SubdivisionName(absl::string_view name) {
  name = name.substr(0, std::min(name.find(" ("), name.find(" [")));
  if (name.find(',') != absl::string_view::npos) return "";
  for (absl::string_view suffix : {" Zizhiqu", " Sheng", " Shi", " oblysy"}) {
    if (absl::ConsumeSuffix(&name, suffix)) break;
  }
  return std::string(name);
}

// Words that name no place on their own: a subdivision called by them alone ("Upper
// East", "Far North", "Central Province") is left to its typed form or to nothing.
bool AllGenericPlaceWords(absl::string_view normalized) {
  static const auto* const kGeneric = new absl::flat_hash_set<absl::string_view>{
      "north",      "south",      "east",       "west",      "northern", "southern",
      "eastern",    "western",    "central",    "far",       "upper",    "lower",
      "capital",    "territory",  "region",     "province",  "coast",    "national",
      "islands",    "highlands",  "new",        "the",       "and",      "of",
      "north-east", "north-west", "south-east", "south-west"};
  for (absl::string_view word : absl::StrSplit(normalized, ' ')) {
    if (!kGeneric->contains(word)) return false;
  }
  return true;
}

// A name of a sea, river or coast, which text names for itself ("Egypt's Red Sea
// coast" is no Sudanese state).
bool NamesANaturalFeature(absl::string_view normalized) {
  static const auto* const kFeatures = new absl::flat_hash_set<absl::string_view>{
      "sea",     "river",  "nile",   "lake",      "lakes",     "gulf",
      "bay",     "coast",  "valley", "mountain",  "mountains", "island",
      "islands", "desert", "ocean",  "peninsula", "delta",     "hills",
      "plateau", "strait", "canal",  "savannah",  "savanes",   "forest"};
  for (absl::string_view word : absl::StrSplit(normalized, ' ')) {
    if (kFeatures->contains(word)) return true;
  }
  return false;
}

}  // namespace

std::string NormalizePhrase(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (text.substr(i, 3) == "\u2019" || text.substr(i, 3) == "\u2018") {
      out.push_back('\'');
      i += 2;
      space = false;
      continue;
    }
    if (text.substr(i, 3) == "\u2013" || text.substr(i, 3) == "\u2014") {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out.push_back('-');
      i += 2;
      space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(c));
  }
  return HasNonAscii(out) ? FoldDiacritics(out) : out;
}

absl::string_view ConfiguredIsoCodesDir() { return ENTENTE_CONFIGURED_ISO_CODES_DIR; }

std::string DefaultIsoCodesDir() {
  const char* env = std::getenv("ENTENTE_ISO_CODES_DIR");
  if (env != nullptr && *env != '\0') return env;
  return std::string(ConfiguredIsoCodesDir());
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const std::string& iso_codes_dir) {
  std::string path = absl::StrCat(iso_codes_dir, "/iso_3166-1.json");
  ENTENTE_ASSIGN_OR_RETURN(std::string json, ReadWholeFile(path));
  auto gazetteer = LoadFromText(json, internal::EmbeddedDataFile("aliases.tsv"));
  if (!gazetteer.ok()) {
    return absl::Status(gazetteer.status().code(),
                        absl::StrCat(path, ": ", gazetteer.status().message()));
  }
  // More names, one file per kind: importers/data/gazetteer/*.tsv.
  for (const internal::EmbeddedFile& f : internal::EmbeddedDataFiles()) {
    if (!absl::StartsWith(f.name, "gazetteer/")) continue;
    ENTENTE_RETURN_IF_ERROR((*gazetteer)->AddAliasTable(f.name, f.content));
  }
  // Provinces, regions and states, after every list so that none takes a name a list
  // gives: iso_3166-2.json where the directory has it.
  const std::string subdivisions = absl::StrCat(iso_codes_dir, "/iso_3166-2.json");
  if (absl::StatusOr<std::string> text = ReadWholeFile(subdivisions); text.ok()) {
    absl::Status added = (*gazetteer)->AddIsoSubdivisions(*text);
    if (!added.ok()) {
      return absl::Status(added.code(),
                          absl::StrCat(subdivisions, ": ", added.message()));
    }
  }
  return gazetteer;
}

absl::Status Gazetteer::AddIsoSubdivisions(absl::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::array entries;
  ENTENTE_RETURN_IF_ERROR(ParseIsoTable(json, "3166-2", &parser, &entries));
  struct Subdivision {
    std::string id, name, key, country;
    std::vector<absl::string_view> type_words;
  };
  std::vector<Subdivision> found;
  // A name two states' subdivisions share names neither ("Central", "La Paz").
  absl::flat_hash_map<std::string, std::string> country_of_name;
  for (simdjson::dom::element entry : entries) {
    std::string_view code_json, name_json, type_json;
    if (entry["code"].get_string().get(code_json) ||
        entry["name"].get_string().get(name_json) ||
        entry["type"].get_string().get(type_json)) {
      continue;
    }
    const absl::string_view code(code_json.data(), code_json.size());
    const absl::string_view name(name_json.data(), name_json.size());
    const absl::string_view type(type_json.data(), type_json.size());
    if (code.size() < 4 || code[2] != '-') continue;
    Subdivision sub;
    sub.type_words = SubdivisionTypeWords(type);
    sub.name = SubdivisionName(name);
    auto country = alpha2_.find(code.substr(0, 2));
    if (sub.type_words.empty() || sub.name.empty() || country == alpha2_.end()) continue;
    sub.country = country->second;
    sub.id = absl::AsciiStrToLower(absl::StrCat("region:", code));
    sub.key = NormalizePhrase(sub.name);
    auto [it, inserted] = country_of_name.try_emplace(sub.key, sub.country);
    if (!inserted && it->second != sub.country) it->second.clear();
    found.push_back(std::move(sub));
  }
  for (const Subdivision& sub : found) {
    const std::string& key = sub.key;
    if (country_of_name[key].empty() || phrases_.contains(key)) continue;
    graph::Entity* e = Upsert(sub.id, sub.name);
    facts_[sub.id].country = sub.country;
    // A name of several words alone ("Akwa Ibom", "Long An"), not a district's; any
    // name with its type.
    if (key.find(' ') != std::string::npos && !AllGenericPlaceWords(key) &&
        !NamesANaturalFeature(key) && sub.type_words.front() != "district") {
      AddAlias(e, sub.name, AliasForm::kName);
    }
    for (absl::string_view word : sub.type_words) {
      AddAlias(e, absl::StrCat(sub.name, " ", word), AliasForm::kName, /*listed=*/false);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::LoadFromText(
    absl::string_view iso_3166_json, absl::string_view aliases_tsv) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  ENTENTE_RETURN_IF_ERROR(g->AddIsoCountries(iso_3166_json));
  ENTENTE_RETURN_IF_ERROR(g->AddAliasTable("aliases.tsv", aliases_tsv));
  return g;
}

absl::Status Gazetteer::AddIsoCountries(absl::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::array countries;
  ENTENTE_RETURN_IF_ERROR(ParseIsoTable(json, "3166-1", &parser, &countries));
  for (simdjson::dom::element country : countries) {
    std::string_view alpha3, alpha2, name;
    if (country["alpha_3"].get_string().get(alpha3) ||
        country["alpha_2"].get_string().get(alpha2) ||
        country["name"].get_string().get(name)) {
      return absl::InvalidArgumentError(
          "iso_3166-1.json: entry without alpha_3/alpha_2/name");
    }
    std::string_view common, official;
    bool has_common = !country["common_name"].get_string().get(common);
    bool has_official = !country["official_name"].get_string().get(official);
    absl::string_view display = has_common
                                    ? absl::string_view(common.data(), common.size())
                                    : absl::string_view(name.data(), name.size());
    graph::Entity* e =
        Upsert(absl::StrCat("country:", absl::string_view(alpha3.data(), alpha3.size())),
               display);
    e->kind = graph::EntityKind::kCountry;
    AddAlias(e, absl::string_view(name.data(), name.size()), AliasForm::kName);
    if (has_common)
      AddAlias(e, absl::string_view(common.data(), common.size()), AliasForm::kName);
    if (has_official) {
      AddAlias(e, absl::string_view(official.data(), official.size()), AliasForm::kName);
    }
    // Codes are aliases of the entity (search) but only alpha-3 is matched in
    // running text: two-letter codes collide with words ("IT", "IN", "AI").
    e->aliases.push_back(std::string(alpha2.data(), alpha2.size()));
    alpha2_[std::string(alpha2.data(), alpha2.size())] = e->id;
    AddAlias(e, absl::string_view(alpha3.data(), alpha3.size()), AliasForm::kCode);
  }
  return absl::OkStatus();
}

// Alias table lines: ID <TAB> NAME <TAB> FACTS <TAB> ALIASES. NAME "-" keeps
// the current name; FACTS are space-separated key=value pairs (country=,
// role=, city=) or "-"; ALIASES ("-" for none) are '|'-separated, each optionally
// prefixed by "adj:" (demonym), "code:" (upper-case code), "cap:" (capital) or "title:"
// (a leader's title).
absl::Status Gazetteer::AddAliasTable(absl::string_view file, absl::string_view tsv) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    ++line_number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 4 || fields[0].find(':') == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          file, ":", line_number, ": want ID<TAB>NAME<TAB>FACTS<TAB>ALIASES"));
    }
    graph::Entity* e = Upsert(fields[0], fields[1] == "-" ? "" : fields[1]);
    if (e->kind == graph::EntityKind::kUnspecified) e->kind = graph::KindOfId(fields[0]);
    EntityFacts& facts = facts_[e->id];
    if (fields[2] != "-") {
      for (absl::string_view kv : absl::StrSplit(fields[2], ' ', absl::SkipEmpty())) {
        std::pair<absl::string_view, absl::string_view> p = absl::StrSplit(kv, '=');
        if (p.first == "country")
          facts.country = std::string(p.second);
        else if (p.first == "role")
          facts.role = std::string(p.second);
        else if (p.first == "city")
          facts.city = std::string(p.second);
        else if (p.first == "members")
          facts.members = absl::StrSplit(p.second, ',', absl::SkipEmpty());
        else if (p.first == "from") {
          absl::StatusOr<graph::DateWithPrecision> from =
              graph::DateWithPrecision::Parse(p.second);
          if (!from.ok())
            return absl::InvalidArgumentError(
                absl::StrCat(file, ":", line_number, ": bad date in '", kv, "'"));
          facts.from = *from;
        } else
          return absl::InvalidArgumentError(
              absl::StrCat(file, ":", line_number, ": unknown fact '", kv, "'"));
      }
    }
    if (e->kind == graph::EntityKind::kPerson && !facts.country.empty() &&
        !facts.role.empty()) {
      // The holders of a role in the order listed, the latest first.
      std::vector<std::string>& holders =
          leaders_[absl::StrCat(facts.country, "|", facts.role)];
      if (std::find(holders.begin(), holders.end(), e->id) == holders.end())
        holders.push_back(e->id);
      // "King Philippe", "Emir Tamim": a word of the name after the office.
      constexpr size_t kShortestNameWord = 3;  // Not "al", "bin", "of".
      for (absl::string_view word :
           absl::StrSplit(NormalizePhrase(e->name), ' ', absl::SkipEmpty())) {
        if (word.size() < kShortestNameWord || word == "bin" || word == "ibn") continue;
        auto [it, added] =
            holders_by_word_.try_emplace(absl::StrCat(facts.role, "|", word), e->id);
        if (!added && it->second != e->id) it->second.clear();  // Two: neither.
      }
    }
    if (!e->name.empty()) {
      AliasForm form =
          e->kind == graph::EntityKind::kPerson ? AliasForm::kPerson : AliasForm::kName;
      AddAlias(e, e->name, form);
    }
    if (fields[3] == "-") continue;  // No aliases.
    for (absl::string_view alias : absl::StrSplit(fields[3], '|', absl::SkipEmpty())) {
      AliasForm form =
          e->kind == graph::EntityKind::kPerson ? AliasForm::kPerson : AliasForm::kName;
      if (absl::ConsumePrefix(&alias, "adj:"))
        form = AliasForm::kDemonym;
      else if (absl::ConsumePrefix(&alias, "code:"))
        form = AliasForm::kCode;
      else if (absl::ConsumePrefix(&alias, "cap:"))
        form = AliasForm::kCapital;
      else if (absl::ConsumePrefix(&alias, "title:"))
        form = AliasForm::kTitle;
      AddAlias(e, alias, form);
      // "sanctions on eleven North Koreans", "two Uzbeks": a people's plural names
      // its state as the adjective does (not listed as an alias of its own).
      if (form == AliasForm::kDemonym) {
        if (std::string plural = PluralOfDemonym(alias); !plural.empty())
          AddAlias(e, plural, form, /*listed=*/false);
      }
    }
  }
  return absl::OkStatus();
}

graph::Entity* Gazetteer::Upsert(absl::string_view id, absl::string_view name) {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    if (!name.empty()) it->second->name = std::string(name);
    return it->second;
  }
  auto entity = std::make_unique<graph::Entity>();
  entity->id = std::string(id);
  entity->name = std::string(name);
  entity->kind = graph::KindOfId(id);
  graph::Entity* raw = entity.get();
  entities_.push_back(std::move(entity));
  by_id_.emplace(raw->id, raw);
  return raw;
}

void Gazetteer::AddAlias(graph::Entity* entity, absl::string_view alias, AliasForm form,
                         bool listed) {
  if (alias.empty()) return;
  if (listed && alias != entity->name &&
      std::find(entity->aliases.begin(), entity->aliases.end(), alias) ==
          entity->aliases.end()) {
    entity->aliases.push_back(std::string(alias));
  }
  if (form == AliasForm::kCode) {
    auto& v = codes_[std::string(alias)];
    for (const AliasMatch& m : v) {
      if (m.entity == entity) return;
    }
    v.push_back({entity, form});
    return;
  }
  std::string key = NormalizePhrase(alias);
  // Possessives are their own tokens in running text: "people 's republic".
  std::string spaced;
  spaced.reserve(key.size() + 4);
  for (size_t pos = 0; pos < key.size(); ++pos) {
    if (key[pos] == '\'' && pos > 0 && key[pos - 1] != ' ' && pos + 1 < key.size() &&
        key[pos + 1] == 's' && (pos + 2 == key.size() || key[pos + 2] == ' ')) {
      spaced.push_back(' ');
    }
    spaced.push_back(key[pos]);
  }
  key = std::move(spaced);
  auto& v = phrases_[key];
  for (const AliasMatch& m : v) {
    if (m.entity == entity && m.form == form) return;
  }
  v.push_back({entity, form});
  std::string first(key.substr(0, key.find(' ')));
  int& max_words = max_words_[first];
  max_words = std::max(max_words, CountWords(key));
  for (size_t space = key.find(' '); space != std::string::npos;
       space = key.find(' ', space + 1)) {
    phrase_prefixes_.insert(key.substr(0, space));
  }
}

std::vector<graph::Entity> Gazetteer::Entities() const {
  std::vector<graph::Entity> entities;
  entities.reserve(entities_.size());
  for (const std::unique_ptr<graph::Entity>& entity : entities_)
    entities.push_back(*entity);
  return entities;
}

const graph::Entity* Gazetteer::FindById(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const EntityFacts* Gazetteer::FactsOf(absl::string_view id) const {
  auto it = facts_.find(id);
  return it == facts_.end() ? nullptr : &it->second;
}

absl::string_view Gazetteer::HolderNamed(absl::string_view role,
                                         absl::string_view word) const {
  auto it = holders_by_word_.find(absl::StrCat(role, "|", word));
  return it == holders_by_word_.end() ? absl::string_view() : it->second;
}

absl::string_view Gazetteer::LeaderOf(absl::string_view country, absl::string_view role,
                                      const graph::DateWithPrecision& when) const {
  auto it = leaders_.find(absl::StrCat(country, "|", role));
  if (it == leaders_.end()) return absl::string_view();
  // The one who took the office last by `when`; else the first listed with no date.
  const std::string* latest = nullptr;
  int32_t latest_from = 0;
  const std::string* undated = nullptr;
  for (const std::string& id : it->second) {
    const EntityFacts* facts = FactsOf(id);
    if (facts == nullptr || !facts->from.known()) {
      if (undated == nullptr) undated = &id;
      continue;
    }
    const int32_t from = facts->from.FirstDay();
    if ((!when.known() || from <= when.FirstDay()) &&
        (latest == nullptr || from > latest_from)) {
      latest = &id;
      latest_from = from;
    }
  }
  if (latest != nullptr) return *latest;
  return undated != nullptr ? absl::string_view(*undated) : absl::string_view();
}

absl::string_view Gazetteer::CountryOf(absl::string_view id) const {
  if (absl::StartsWith(id, "country:")) return id;
  const EntityFacts* facts = FactsOf(id);
  return facts == nullptr ? absl::string_view() : absl::string_view(facts->country);
}

const std::vector<AliasMatch>* Gazetteer::FindPhrase(absl::string_view normalized) const {
  std::string folded;
  auto it = phrases_.find(LookupKey(normalized, &folded));
  return it == phrases_.end() ? nullptr : &it->second;
}

const std::vector<AliasMatch>* Gazetteer::FindCode(absl::string_view upper) const {
  auto it = codes_.find(upper);
  return it == codes_.end() ? nullptr : &it->second;
}

bool Gazetteer::IsPhrasePrefix(absl::string_view normalized) const {
  std::string folded;
  return phrase_prefixes_.contains(LookupKey(normalized, &folded));
}

int Gazetteer::MaxWordsStartingWith(absl::string_view normalized_word) const {
  std::string folded;
  auto it = max_words_.find(LookupKey(normalized_word, &folded));
  return it == max_words_.end() ? 0 : it->second;
}

}  // namespace entente::importers
