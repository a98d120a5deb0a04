#include "importers/internal/rule_helpers.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/match.h"

namespace entente::importers::internal {

namespace {

// Most words differ in length or first letter: test those before memcmp.
inline bool Same(const std::string& a, absl::string_view b) {
  return a.size() == b.size() &&
         (b.empty() || (a[0] == b[0] && a.compare(0, a.size(), b.data(), b.size()) == 0));
}

}  // namespace

bool Is(const Sentence& s, int i, absl::string_view lower) {
  return i >= 0 && i < static_cast<int>(s.tokens.size()) &&
         Same(s.tokens[i].lower, lower);
}

bool IsAny(const Sentence& s, int i, Words words) {
  if (i < 0 || i >= static_cast<int>(s.tokens.size())) return false;
  const std::string& lower = s.tokens[i].lower;
  for (absl::string_view w : words) {
    if (Same(lower, w)) return true;
  }
  return false;
}

int Find(const Sentence& s, int from, int to, Words words) {
  for (int i = std::max(from, 0); i < std::min<int>(to, s.tokens.size()); ++i) {
    if (IsAny(s, i, words)) return i;
  }
  return -1;
}

int FindLast(const Sentence& s, int from, int to, Words words) {
  for (int i = std::min<int>(to, s.tokens.size()) - 1; i >= std::max(from, 0); --i) {
    if (IsAny(s, i, words)) return i;
  }
  return -1;
}

bool IsLocationPreposition(absl::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "from" || p == "across" ||
         p == "through" || p == "outside" || p == "around" || p == "within" ||
         p == "into" || p == "toward" || p == "towards" || p == "via" || p == "on";
}

Range ContentOf(const ItemContext&, const Sentence& s) {
  Range r{0, static_cast<int>(s.tokens.size())};
  if (s.attribution_begin >= 0 && s.attribution_end >= r.end - 1)
    r.end = s.attribution_begin;
  return r;
}

std::vector<Range> Parentheticals(const Sentence& s, Range content) {
  std::vector<Range> out;
  for (const auto& [open, close] : s.asides) {
    if (open >= content.begin && open < content.end) {
      out.push_back({open, std::min(close, content.end)});
    }
  }
  return out;
}

bool HasAny(const Sentence& s, Words words) {
  for (absl::string_view w : words) {
    uint32_t h = WordHash(w);
    if (!s.word_bloom.MayContain(h)) continue;
    for (const Token& t : s.tokens) {
      if (t.hash == h && Same(t.lower, w)) return true;
    }
  }
  return false;
}

WordSet::WordSet(Words words) {
  for (absl::string_view w : words) {
    words_.emplace_back(w);
    hashes_.push_back(WordHash(w));
  }
}

bool WordSet::AnyIn(const Sentence& s) const {
  for (size_t k = 0; k < hashes_.size(); ++k) {
    uint32_t h = hashes_[k];
    if (!s.word_bloom.MayContain(h)) continue;
    for (const Token& t : s.tokens) {
      if (t.hash == h && t.lower == words_[k]) return true;
    }
  }
  return false;
}

Range ClauseOf(const ItemContext& ctx, const Sentence& s, int i) {
  Range content = ContentOf(ctx, s);
  if (s.attribution_begin >= 0 && s.attribution_end <= i)
    content.begin = s.attribution_end;
  // Inside ", which ... ," the clause is the parenthetical itself.
  for (const Range& p : Parentheticals(s, content)) {
    if (p.begin < i && i < p.end) return {p.begin + 1, p.end};
  }
  Range r = content;
  auto boundary = [&](int k) {
    if (s.tokens[k].text == ";") return true;
    return s.tokens[k].text == "," && IsAny(s, k + 1, {"where", "while", "whereas"});
  };
  for (int k = i - 1; k >= content.begin; --k) {
    if (boundary(k)) {
      r.begin = k + 1;
      break;
    }
  }
  for (int k = i + 1; k < content.end; ++k) {
    if (boundary(k) ||
        (s.tokens[k].text == "," && IsAny(s, k + 1, {"which", "who", "whose"}))) {
      r.end = k;
      break;
    }
  }
  return r;
}

int MentionAt(const Sentence& s, int i) {
  for (size_t m = 0; m < s.mentions.size(); ++m) {
    if (s.mentions[m].begin <= i && i < s.mentions[m].end) return static_cast<int>(m);
  }
  return -1;
}

std::vector<std::string> PartiesIn(const Sentence& s, int from, int to,
                                   bool with_locations) {
  std::vector<std::string> out;
  for (const Mention& m : s.mentions) {
    if (m.begin < from || m.begin >= to) continue;
    if (!absl::StartsWith(m.country, "country:") &&
        !absl::StartsWith(m.country, "org:") &&
        m.entity->kind != graph::EntityKind::kOrganization)
      continue;
    if (m.entity->kind == graph::EntityKind::kCompany ||
        m.entity->kind == graph::EntityKind::kSite ||
        m.entity->kind == graph::EntityKind::kUnspecified)
      continue;
    if (!with_locations && IsLocationPreposition(m.preposition) && !m.leader &&
        m.form != AliasForm::kDemonym)
      continue;
    std::string id = m.entity->kind == graph::EntityKind::kOrganization ? m.entity->id
                     : m.country.empty()                                ? m.entity->id
                                                                        : m.country;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  // "the five Central Asian states": the region's five countries by name.
  for (int i = std::max(from, 0); i + 3 < std::min<int>(to, s.tokens.size()); ++i) {
    if (Is(s, i, "five") && Is(s, i + 1, "central") && Is(s, i + 2, "asian") &&
        IsAny(s, i + 3,
              {"states", "countries", "nations", "republics", "leaders", "presidents",
               "heads"})) {
      for (const char* id :
           {"country:KAZ", "country:KGZ", "country:TJK", "country:TKM", "country:UZB"}) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      }
    }
  }
  return out;
}

int GroupAnaphor(const Sentence& s, int from, int to) {
  for (int i = std::max(from, 0); i < std::min<int>(to, s.tokens.size()); ++i) {
    absl::string_view w = s.tokens[i].lower;
    if (w == "bilateral" || w == "both") return 2;
    if (w == "sides" || w == "delegations" || w == "parties") return 0;
    if ((w == "their" || w == "our") &&
        IsAny(s, i + 1, {"countries", "ties", "relations", "governments", "nations"}))
      return 2;
    if (w == "leaders" && (Is(s, i - 1, "the") || Is(s, i - 1, "two"))) return 0;
    if (IsAny(s, i, {"two", "three", "four", "five", "six", "seven"}) &&
        IsAny(s, i + 1,
              {"countries", "presidents", "leaders", "sides", "governments", "nations",
               "states", "heads", "ministers", "countries'", "capitals", "delegations",
               "republics"})) {
      static constexpr absl::string_view kNums[] = {"two",  "three", "four",
                                                    "five", "six",   "seven"};
      for (int k = 0; k < 6; ++k) {
        if (w == kNums[k]) return k + 2;
      }
    }
  }
  return -1;
}

std::vector<std::string> ResolveGroup(const ItemContext& ctx, int group) {
  const std::vector<std::string>& p = ctx.parties();
  // 0 ("the leaders", "the sides") means every principal party; n the first n.
  if (group <= 0) return ctx.lead_parties().size() >= 2 ? ctx.lead_parties() : p;
  int n = std::min<int>(group, p.size());
  return std::vector<std::string>(p.begin(), p.begin() + n);
}

graph::DateWithPrecision DateNear(const ItemContext& ctx, const Sentence& s, int i,
                                  Range r, bool* explicit_date, bool allow_future) {
  const DateMention* best = nullptr;
  int best_distance = 1 << 30;
  for (const DateMention& d : s.dates) {
    if (d.begin < r.begin || d.begin >= r.end) continue;
    // A date right after a money amount measures that amount ("$6 billion last year").
    bool bound = false;
    for (const MoneyMention& m : s.money) {
      // "$700 million in 2025", "$6 billion last year"
      bool right_after =
          d.begin >= m.end && d.begin <= m.end + 1 &&
          (d.begin == m.end || IsAny(s, m.end, {"in", "last", "this", "for"}));
      if (right_after && !(m.begin <= i && i < m.end)) bound = true;
    }
    if (bound) continue;
    bool aside = false;  // In a ", which ... ," aside that does not hold token i.
    for (const Range& p : Parentheticals(s, r)) {
      if (p.begin < d.begin && d.begin < p.end && !(p.begin < i && i < p.end))
        aside = true;
    }
    if (aside) continue;
    // A sequel of the last event ("the following day") may postdate the report.
    if (!allow_future && d.kind != DateKind::kSequel && ctx.reported().known() &&
        d.date.FirstDay() > ctx.reported().FirstDay())
      continue;
    int distance = d.begin >= i ? d.begin - i : i - d.end + 1;
    if (d.begin < i) distance += 1;  // Prefer the date after the trigger on ties.
    if (distance < best_distance) {
      best_distance = distance;
      best = &d;
    }
  }
  if (explicit_date) *explicit_date = best != nullptr;
  return best ? best->date : ctx.anchor();
}

bool Hedged(const Sentence& s, int from, int to) {
  for (int i = std::max(from, 0); i < std::min<int>(to, s.tokens.size()); ++i) {
    absl::string_view w = s.tokens[i].lower;
    if (w == "supposed" || w == "postponed" || w == "cancelled" || w == "canceled" ||
        w == "will" || w == "would" || w == "expected" || w == "plans" ||
        w == "planned" || w == "could" || w == "may" || w == "might" || w == "should" ||
        w == "proposal" || w == "proposed" || w == "idea" || w == "invited" ||
        w == "upcoming" || w == "forthcoming" || w == "preparations" ||
        w == "preparing" || w == "unless" || w == "if" ||
        (w == "called" && Is(s, i + 1, "off")) || w == "next")
      return true;
  }
  return Negated(s, from, to);
}

bool Historical(const Sentence& s, Range r) {
  for (int i = std::max(r.begin, 0); i < std::min<int>(r.end, s.tokens.size()); ++i) {
    absl::string_view w = s.tokens[i].lower;
    if ((w == "since" && !(i + 1 < r.end && s.tokens[i + 1].kind == TokenKind::kNumber) &&
         !(i + 1 < r.end && MonthFromWord(s.tokens[i + 1].lower) > 0)) ||
        (w == "over" && IsAny(s, i + 1, {"the"}) &&
         IsAny(s, i + 2, {"years", "decades"})) ||
        (w == "so" && Is(s, i + 1, "far")) || (w == "to" && Is(s, i + 1, "date")) ||
        (w == "in" && Is(s, i + 1, "total")) || (w == "in" && Is(s, i + 1, "recent")))
      return true;
  }
  return false;
}

bool Negated(const Sentence& s, int from, int to) {
  for (int i = std::max(from, 0); i < std::min<int>(to, s.tokens.size()); ++i) {
    absl::string_view w = s.tokens[i].lower;
    if (w == "not" || w == "never" || w == "without" || w == "didn't" || w == "refused" ||
        w == "froze" || w == "failed" || w == "no")
      return true;
  }
  return false;
}

void EmitPairs(ItemContext& ctx, graph::RelationType type,
               const std::vector<std::string>& parties,
               const graph::DateWithPrecision& date, const graph::Attributes& attributes,
               const Sentence& s) {
  for (size_t a = 0; a < parties.size(); ++a) {
    for (size_t b = a + 1; b < parties.size(); ++b) {
      ctx.Emit(type, parties[a], parties[b], date, attributes, s);
    }
  }
}

std::string TextOf(const Sentence& s, int from, int to) {
  if (from >= to) return "";
  int64_t b = s.tokens[from].begin - s.begin;
  int64_t e = s.tokens[to - 1].end - s.begin;
  return std::string(s.text.substr(b, e - b));
}

graph::DateWithPrecision ToMonth(const graph::DateWithPrecision& d) {
  if (d.precision == graph::DatePrecision::kDay)
    return graph::DateWithPrecision::Month(d.year, d.month);
  return d;
}

graph::DateWithPrecision ToYear(const graph::DateWithPrecision& d) {
  if (d.known()) return graph::DateWithPrecision::Year(d.year);
  return d;
}

}  // namespace entente::importers::internal
