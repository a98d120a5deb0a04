#include "importers/internal/shaped_orgs.h"

#include "absl/strings/string_view.h"
#include "importers/internal/dates.h"

namespace entente::importers::internal {
namespace {

bool IsHeadNoun(absl::string_view w) {
  for (absl::string_view h :
       {"organization", "organisation", "alliance", "union", "council", "bank", "fund",
        "agency", "forum", "association", "community", "commission", "league",
        "partnership", "initiative", "institute", "programme", "program"}) {
    if (w == h) return true;
  }
  return false;
}

bool IsJoiner(absl::string_view w) {
  return w == "of" || w == "for" || w == "and" || w == "the";
}

bool Covered(int i, const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.begin <= i && i < m.end) return true;
  }
  return false;
}

bool Masked(const Token& t, const std::vector<std::pair<int64_t, int64_t>>& masked) {
  for (const auto& [b, e] : masked) {
    if (t.begin >= b && t.end <= e) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<int, int>> FindShapedOrganizations(
    const std::vector<Token>& t, const std::vector<Mention>& mentions,
    const std::vector<std::pair<int64_t, int64_t>>& masked) {
  std::vector<std::pair<int, int>> out;
  const int n = static_cast<int>(t.size());
  auto name_word = [&](int i) {
    return t[i].kind == TokenKind::kWord && t[i].capitalized && t[i].lower != "the" &&
           MonthFromWord(t[i].lower) == 0 && !Covered(i, mentions) &&
           !Masked(t[i], masked);
  };
  int i = 0;
  while (i < n) {
    if (!name_word(i)) {
      ++i;
      continue;
    }
    // A run right after a known name continues it ("Astana International
    // Forum" is the city's event, not an organization named "International Forum").
    if (i > 0 && t[i - 1].capitalized && Covered(i - 1, mentions)) {
      while (i < n && name_word(i)) ++i;
      continue;
    }
    // The run: capitalized words, and joiners followed by a capitalized word.
    int end = i + 1;
    while (end < n) {
      if (name_word(end)) {
        ++end;
      } else if (IsJoiner(t[end].lower) && !t[end].capitalized) {
        int k = end + 1;
        while (k < n && t[k].lower == "the") ++k;
        if (k < n && name_word(k)) {
          end = k + 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    // Trim to the last head noun or the last word of its "of" complement.
    int head = -1;
    for (int k = i; k < end; ++k) {
      if (IsHeadNoun(t[k].lower) && t[k].capitalized) head = k;
    }
    // "Development Bank of Kazakhstan": the name goes on into a known name, and
    // the country it names is the actor.
    bool continues = end + 1 < n && (t[end].lower == "of" || t[end].lower == "for") &&
                     t[end + 1].capitalized && Covered(end + 1, mentions);
    if (head >= 0 && !continues) {
      int stop = head + 1;
      if (stop + 1 < end && (t[stop].lower == "of" || t[stop].lower == "for")) stop = end;
      // A head first needs its complement ("Council of Europe"); a sentence's
      // first word is capitalized anyway, so one word before the head is not enough
      // there.
      bool complement = stop > head + 1;
      bool enough = complement || head - i >= (i == 0 ? 2 : 1);
      if (enough) out.emplace_back(i, stop);
    }
    i = end;
  }
  return out;
}

}  // namespace entente::importers::internal
