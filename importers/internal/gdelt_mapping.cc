#include "importers/internal/gdelt_mapping.h"

#include <optional>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "importers/internal/gdelt_data.h"

namespace entente::importers::internal {
namespace {

// The cell of a three-capital-letter code; nullopt for anything else.
std::optional<int> LetterCodeIndex(absl::string_view code) {
  if (code.size() != 3) return std::nullopt;
  int index = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return std::nullopt;
    index = index * 26 + (c - 'A');
  }
  return index;
}

// The slot of an event code of three or four digits; nullopt otherwise.
std::optional<int> EventSlot(absl::string_view code) {
  if (code.size() != 3 && code.size() != 4) return std::nullopt;
  int value = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return code.size() == 3 ? value : 1000 + value;
}

// The table lines that are not comments or blank, with their line numbers.
std::vector<std::pair<int, std::vector<absl::string_view>>> DataLines(
    absl::string_view tsv) {
  std::vector<std::pair<int, std::vector<absl::string_view>>> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    ++number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    lines.emplace_back(number, absl::StrSplit(line, '\t'));
  }
  return lines;
}

absl::Status LineError(absl::string_view file, int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", what));
}

constexpr absl::string_view kCountries = "cameo_countries.tsv";
constexpr absl::string_view kEvents = "cameo_events.tsv";

}  // namespace

absl::StatusOr<std::unique_ptr<CameoMapping>> CameoMapping::Create(
    const Gazetteer& gazetteer, absl::string_view countries_tsv,
    absl::string_view events_tsv) {
  std::unique_ptr<CameoMapping> mapping(new CameoMapping());
  mapping->rule_by_code_.fill(-1);
  ENTENTE_RETURN_IF_ERROR(mapping->AddIsoCountries(gazetteer));
  ENTENTE_RETURN_IF_ERROR(mapping->AddCountryTable(gazetteer, countries_tsv));
  ENTENTE_RETURN_IF_ERROR(mapping->AddEventTable(events_tsv));
  if (mapping->parties_.size() >= kMaxParties) {
    return absl::FailedPreconditionError(
        absl::StrCat(mapping->parties_.size(), " parties; at most ", kMaxParties - 1));
  }
  return mapping;
}

absl::StatusOr<std::unique_ptr<CameoMapping>> CameoMapping::CreateEmbedded(
    const Gazetteer& gazetteer) {
  return Create(gazetteer, EmbeddedCameoCountries(), EmbeddedCameoEvents());
}

int CameoMapping::PartyIndex(const Gazetteer& gazetteer, absl::string_view id) {
  if (auto it = party_by_id_.find(id); it != party_by_id_.end()) return it->second;
  const graph::Entity* entity = gazetteer.FindById(id);
  if (entity == nullptr) return -1;
  const int index = static_cast<int>(parties_.size());
  parties_.push_back(*entity);
  party_by_id_.emplace(entity->id, static_cast<uint16_t>(index));
  return index;
}

// Every three-letter code the gazetteer knows as a country is that country;
// the others stay unknown until the table says more.
absl::Status CameoMapping::AddIsoCountries(const Gazetteer& gazetteer) {
  std::string id = "country:AAA";
  for (int cell = 0; cell < kLetterCodes; ++cell) {
    id[8] = static_cast<char>('A' + cell / (26 * 26));
    id[9] = static_cast<char>('A' + cell / 26 % 26);
    id[10] = static_cast<char>('A' + cell % 26);
    const graph::Entity* entity = gazetteer.FindById(id);
    if (entity == nullptr || entity->kind != graph::EntityKind::kCountry) continue;
    by_country_[cell] = static_cast<int16_t>(PartyIndex(gazetteer, id));
  }
  if (parties_.empty()) {
    return absl::FailedPreconditionError(
        "the gazetteer knows no country: is iso-codes' iso_3166-1.json loaded?");
  }
  return absl::OkStatus();
}

absl::Status CameoMapping::AddCountryTable(const Gazetteer& gazetteer,
                                           absl::string_view tsv) {
  for (const auto& [line, fields] : DataLines(tsv)) {
    if (fields.size() != 4) {
      return LineError(kCountries, line, "want FIELD<TAB>CODE<TAB>PARTY<TAB>NOTE");
    }
    const absl::string_view field = fields[0], code = fields[1], party = fields[2];
    int16_t value = kNoParty;
    if (party != "-") {
      const int index = PartyIndex(gazetteer, party);
      if (index < 0) {
        return LineError(
            kCountries, line,
            absl::StrCat("'", party, "' is not an entity the gazetteer knows"));
      }
      value = static_cast<int16_t>(index);
    }
    if (field == "country") {
      std::optional<int> cell = LetterCodeIndex(code);
      if (!cell) {
        return LineError(kCountries, line,
                         absl::StrCat("country code '", code, "' is not three capitals"));
      }
      if (by_country_[*cell] != kUnknownCode) {
        const int16_t known = by_country_[*cell];
        return LineError(
            kCountries, line,
            known >= 0 ? absl::StrCat(code, " is the ISO code of ", parties_[known].id,
                                      " or is listed twice; list only codes that are not")
                       : absl::StrCat(code, " is listed twice"));
      }
      by_country_[*cell] = value;
    } else if (field == "actor") {
      if (code.empty() || !absl::c_all_of(code, [](char c) {
            return absl::ascii_isupper(c) || absl::ascii_isdigit(c);
          })) {
        return LineError(
            kCountries, line,
            absl::StrCat("actor code '", code, "' is not capitals and digits"));
      }
      if (!by_actor_.emplace(code, value).second) {
        return LineError(kCountries, line, absl::StrCat(code, " is listed twice"));
      }
    } else {
      return LineError(kCountries, line,
                       absl::StrCat("FIELD is '", field, "', want country or actor"));
    }
  }
  return absl::OkStatus();
}

absl::Status CameoMapping::AddEventTable(absl::string_view tsv) {
  for (const auto& [line, fields] : DataLines(tsv)) {
    if (fields.size() != 5) {
      return LineError(kEvents, line,
                       "want CODE<TAB>TYPE<TAB>DIRECTION<TAB>ATTRIBUTES<TAB>NOTE");
    }
    std::optional<int> slot = EventSlot(fields[0]);
    if (!slot) {
      return LineError(
          kEvents, line,
          absl::StrCat("code '", fields[0], "' is not three or four digits"));
    }
    if (rule_by_code_[*slot] >= 0) {
      return LineError(kEvents, line, absl::StrCat(fields[0], " is listed twice"));
    }
    EventRule rule;
    rule.code = std::string(fields[0]);
    std::optional<graph::RelationType> type = graph::ParseRelationType(fields[1]);
    if (!type || *type == graph::RelationType::kUnspecified) {
      return LineError(kEvents, line,
                       absl::StrCat("'", fields[1], "' is not a relation type"));
    }
    rule.type = *type;
    const absl::string_view direction = fields[2];
    if (graph::IsSymmetric(rule.type) ? direction != "-"
                                      : direction != "1>2" && direction != "2>1") {
      return LineError(
          kEvents, line,
          absl::StrCat("DIRECTION '", direction, "': want ",
                       graph::IsSymmetric(rule.type) ? "- for symmetric "
                                                     : "1>2 or 2>1 for directed ",
                       fields[1]));
    }
    rule.actor2_is_source = direction == "2>1";
    if (fields[3] != "-") {
      for (absl::string_view pair : absl::StrSplit(fields[3], ' ', absl::SkipEmpty())) {
        std::pair<absl::string_view, absl::string_view> kv =
            absl::StrSplit(pair, absl::MaxSplits('=', 1));
        if (kv.first.empty() || kv.second.empty()) {
          return LineError(kEvents, line,
                           absl::StrCat("attribute '", pair, "' is not key=value"));
        }
        rule.attributes[std::string(kv.first)] = std::string(kv.second);
      }
    }
    if (rules_.size() >= 127) return LineError(kEvents, line, "more than 127 codes");
    rule_by_code_[*slot] = static_cast<int8_t>(rules_.size());
    rules_.push_back(std::move(rule));
  }
  return absl::OkStatus();
}

PartyLookup CameoMapping::Resolve(absl::string_view actor_code,
                                  absl::string_view country_code) const {
  PartyLookup none;
  if (!by_actor_.empty() && actor_code.size() >= 3) {
    if (auto it = by_actor_.find(actor_code); it != by_actor_.end()) {
      if (it->second < 0) return none;
      return {PartyLookup::Kind::kParty, static_cast<uint16_t>(it->second)};
    }
  }
  // An organization's country code is its region: never a state.
  if (absl::StartsWith(actor_code, "IGO")) return none;
  if (country_code.empty()) return none;
  std::optional<int> cell = LetterCodeIndex(country_code);
  if (!cell) return {PartyLookup::Kind::kUnknown, 0};
  const int16_t value = by_country_[*cell];
  if (value == kNoParty) return none;
  if (value == kUnknownCode) return {PartyLookup::Kind::kUnknown, 0};
  return {PartyLookup::Kind::kParty, static_cast<uint16_t>(value)};
}

const EventRule* CameoMapping::FindEvent(absl::string_view event_code) const {
  std::optional<int> slot = EventSlot(event_code);
  if (!slot || rule_by_code_[*slot] < 0) return nullptr;
  return &rules_[rule_by_code_[*slot]];
}

}  // namespace entente::importers::internal
