#include "importers/internal/mentions.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace entente::importers::internal {
namespace {

bool AllUpper(absl::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

bool Masked(const Token& t, const std::vector<std::pair<int64_t, int64_t>>& masked) {
  for (const auto& [b, e] : masked) {
    if (t.begin >= b && t.end <= e) return true;
  }
  return false;
}

// Prefers the form that says most: capital over name for a city.
const AliasMatch* Best(const std::vector<AliasMatch>& matches) {
  const AliasMatch* best = &matches.front();
  for (const AliasMatch& m : matches) {
    if (m.form == AliasForm::kCapital) best = &m;
  }
  return best;
}

}  // namespace

bool IsLeaderTitle(const std::vector<Token>& t, int i, int* length) {
  static constexpr std::array<absl::string_view, 12> kOneWord = {
      "president", "chancellor", "premier",    "leader",      "emir", "king",
      "sultan",    "ruler",      "leadership", "counterpart", "head", "monarch"};
  if (i >= static_cast<int>(t.size())) return false;
  absl::string_view w = t[i].lower;
  if (w == "prime" && i + 1 < static_cast<int>(t.size()) &&
      t[i + 1].lower == "minister") {
    *length = 2;
    return true;
  }
  if (w == "head" && i + 2 < static_cast<int>(t.size()) && t[i + 1].lower == "of" &&
      t[i + 2].lower == "state") {
    *length = 3;
    return true;
  }
  if (w == "head") return false;
  for (absl::string_view title : kOneWord) {
    if (w == title) {
      *length = 1;
      return true;
    }
  }
  return false;
}

std::vector<Mention> FindMentions(
    const Gazetteer& g, const std::vector<Token>& t,
    const std::vector<std::pair<int64_t, int64_t>>& masked) {
  std::vector<Mention> out;
  const int n = static_cast<int>(t.size());
  std::string key;
  for (int i = 0; i < n; ++i) {
    if (t[i].kind == TokenKind::kPunct || Masked(t[i], masked)) continue;
    const std::vector<AliasMatch>* found = nullptr;
    int length = 0;
    bool starts_ok = t[i].capitalized;
    // "the" starts aliases only before a capitalized word ("the European Union").
    if (t[i].lower == "the") starts_ok = i + 1 < n && t[i + 1].capitalized;
    if (starts_ok) {
      int max_words = std::min(g.MaxWordsStartingWith(t[i].lower), n - i);
      for (int k = max_words; k >= 1 && found == nullptr; --k) {
        key.clear();
        for (int j = i; j < i + k; ++j) {
          if (j > i) key.push_back(' ');
          key.append(t[j].lower);
        }
        const std::vector<AliasMatch>* m = g.FindPhrase(key);
        // "the" alone never names anything; a one-word match must be capitalized.
        if (m != nullptr && (k > 1 || t[i].capitalized)) {
          found = m;
          length = k;
        }
      }
    }
    if (found == nullptr && AllUpper(t[i].text)) {
      found = g.FindCode(t[i].text);
      length = 1;
    }
    if (found != nullptr) {
      const AliasMatch* m = Best(*found);
      Mention mention;
      mention.begin = i;
      mention.end = i + length;
      mention.entity = m->entity;
      mention.form = m->form;
      mention.country = std::string(g.CountryOf(m->entity->id));
      mention.leader = m->entity->kind == graph::EntityKind::kPerson;
      out.push_back(std::move(mention));
      i += length - 1;
      continue;
    }
    // Hyphenated compounds of demonyms: "Sino-Kazakh", "Kazakh-Turkish".
    if (t[i].capitalized && t[i].text.find('-') != absl::string_view::npos) {
      for (absl::string_view part : absl::StrSplit(t[i].lower, '-')) {
        const std::vector<AliasMatch>* m = g.FindPhrase(part);
        if (m == nullptr) continue;
        const AliasMatch* best = Best(*m);
        if (best->entity->kind != graph::EntityKind::kCountry) continue;
        Mention mention;
        mention.begin = i;
        mention.end = i + 1;
        mention.entity = best->entity;
        mention.form = AliasForm::kDemonym;
        mention.country = best->entity->id;
        out.push_back(std::move(mention));
      }
    }
  }
  // Leader phrases, possessives and prepositions.
  for (Mention& m : out) {
    int title_length = 0;
    if (m.entity->kind == graph::EntityKind::kCountry &&
        (m.form == AliasForm::kDemonym || m.form == AliasForm::kName) &&
        IsLeaderTitle(t, m.end, &title_length) && t[m.end].capitalized) {
      m.leader = true;
      m.title = t[m.end + title_length - 1].lower == "minister"
                    ? "prime_minister"
                    : std::string(t[m.end].lower);
      m.end += title_length;
    } else if (m.entity->kind == graph::EntityKind::kCountry &&
               m.form == AliasForm::kDemonym && IsLeaderTitle(t, m.end, &title_length)) {
      m.leader = true;  // "his South Korean counterpart", "the Kazakh leader".
      m.end += title_length;
    }
    // "the Emir of Qatar", "President of Kazakhstan".
    if (m.entity->kind == graph::EntityKind::kCountry && m.begin >= 2 &&
        t[m.begin - 1].lower == "of" && IsLeaderTitle(t, m.begin - 2, &title_length) &&
        title_length == 1) {
      m.leader = true;
      m.title = std::string(t[m.begin - 2].lower);
    }
    m.possessive = m.end < n && t[m.end].lower == "'s";
    int p = m.begin - 1;
    if (p >= 0 && t[p].lower == "the") --p;
    if (p >= 0) m.preposition = t[p].lower;
  }
  return out;
}

}  // namespace entente::importers::internal
