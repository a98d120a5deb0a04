#include "importers/internal/mentions.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "importers/internal/dates.h"

namespace entente::importers::internal {
namespace {

// The longest name a title phrase may carry ("Sheikh Tamim bin Hamad Al Thani").
constexpr int kMaxNameTokens = 7;
// The longest name of an organization no list knows (FindUnlistedBodies).
constexpr int kMaxBodyTokens = 9;

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

Mention FromAlias(const Gazetteer& g, const AliasMatch& m, int begin, int end) {
  Mention out;
  out.begin = begin;
  out.end = end;
  out.id = m.entity->id;
  out.name = m.entity->name;
  out.kind = m.entity->kind;
  out.form = m.form;
  out.country = std::string(g.CountryOf(m.entity->id));
  // An organization acts for itself unless the gazetteer names whom it acts for
  // ("European Commission": the EU).
  if (out.kind == graph::EntityKind::kOrganization && out.country.empty())
    out.country = out.id;
  if (out.kind == graph::EntityKind::kPerson) {
    out.leader = true;
    if (const EntityFacts* facts = g.FactsOf(out.id)) out.role = facts->role;
  }
  return out;
}

class MentionFinder {
 public:
  MentionFinder(const Gazetteer& g, const Lexicon& x, const TitleClasses& c,
                const std::vector<Token>& t,
                const std::vector<std::pair<int64_t, int64_t>>& masked)
      : g_(g),
        x_(x),
        c_(c),
        t_(t),
        masked_(masked),
        n_(static_cast<int>(t.size())),
        title_starts_(c.starts) {}

  std::vector<Mention> Run() {
    FindNames();
    FindUnlistedBodies();
    IndexNames();
    FindTitles();
    for (Mention& m : out_) m.possessive = m.end < n_ && t_[m.end].LowerIs("'s");
    return std::move(out_);
  }

 private:
  bool Skip(int i) const {
    return t_[i].kind == TokenKind::kPunct || Masked(t_[i], masked_);
  }

  // The longest gazetteer alias starting at i; length 0 when none.
  const std::vector<AliasMatch>* AliasAt(int i, int* length) const {
    *length = 0;
    bool starts_ok = t_[i].capitalized;
    // "the" starts aliases only before a capitalized word ("the European Union").
    // A view compares lengths before bytes: this runs for every token.
    // So does a compass word: "eastern Congo" is an alias of its own (the DRC).
    const absl::string_view lower = t_[i].lower;
    if (lower == "the" || lower == "eastern" || lower == "western" ||
        lower == "northern" || lower == "southern") {
      starts_ok = i + 1 < n_ && t_[i + 1].capitalized;
    }
    if (starts_ok) {
      // The longest phrase wins; words are added while some phrase goes on with them.
      const int max_words = std::min(g_.MaxWordsStartingWith(t_[i].lower), n_ - i);
      const std::vector<AliasMatch>* longest = nullptr;
      std::string key;
      for (int k = 1; k <= max_words; ++k) {
        if (k > 1) key.push_back(' ');
        key.append(t_[i + k - 1].lower);
        const std::vector<AliasMatch>* m = g_.FindPhrase(key);
        // "the" alone never names anything; a one-word match must be capitalized.
        if (m != nullptr && (k > 1 || t_[i].capitalized)) {
          longest = m;
          *length = k;
        }
        if (k < max_words && !g_.IsPhrasePrefix(key)) break;
      }
      if (longest != nullptr) return longest;
    }
    if (t_[i].text.size() >= 2 && AllUpper(t_[i].text) && !CapsFunctionWord(i)) {
      if (const std::vector<AliasMatch>* m = g_.FindCode(t_[i].text)) {
        // "its first SMR": an acronym that is some state's code but in the news
        // mostly stands for something else names no state (an organization's own
        // code, "CAF", still names it).
        if (x_.Contains(c_.not_a_code, t_[i].lower)) {
          not_states_.clear();
          for (const AliasMatch& a : *m) {
            if (a.entity->kind != graph::EntityKind::kCountry) not_states_.push_back(a);
          }
          if (not_states_.empty()) return nullptr;
          *length = 1;
          return &not_states_;
        }
        *length = 1;
        return m;
      }
    }
    return nullptr;
  }

  // "GHANA AND TOGO SIGN PACT": in words written all in capitals, an English
  // function word is that word, not a code ("AND" is no Andorra, "ARE" no UAE).
  bool CapsFunctionWord(int i) const {
    if (!x_.IsFunctionWord(t_[i])) return false;
    auto caps = [&](int k) {
      return k >= 0 && k < n_ && t_[k].kind == TokenKind::kWord &&
             t_[k].text.size() >= 2 && AllUpper(t_[k].text);
    };
    return caps(i - 1) || caps(i + 1);
  }

  // "a plant in Thai Nguyen", "in British Columbia": after "in", "at" or "near", a
  // demonym followed by a capitalized word no list knows opens a place's name.
  bool DemonymOpensPlaceName(const AliasMatch& m, int i, int length) const {
    const int next = i + length;
    if (m.form != AliasForm::kDemonym || i == 0 || next >= n_) return false;
    if (!t_[i - 1].LowerIs("in") && !t_[i - 1].LowerIs("at") &&
        !t_[i - 1].LowerIs("near")) {
      return false;
    }
    const Token& word = t_[next];
    if (!word.capitalized || word.kind != TokenKind::kWord || g_.FindPhrase(word.lower)) {
      return false;
    }
    for (ClassId c : {c_.title, c_.leader_title, c_.honorific, c_.institution}) {
      if (x_.MatchAt(c, t_, next, n_).length > 0) return false;
    }
    return true;
  }

  // "Michal Jaros": a leader's one-word surname right before a capitalized word no
  // list knows is someone else's first name.
  bool FirstNameOfAnother(const AliasMatch& m, int i, int length) const {
    const int next = i + length;
    if (m.form != AliasForm::kPerson || length != 1 || next >= n_) return false;
    if (m.entity->name.find(' ') == std::string::npos) return false;
    const Token& word = t_[next];
    if (!word.capitalized || word.kind != TokenKind::kWord || AllUpper(word.text) ||
        word.LowerIs("jr") || word.LowerIs("sr") ||
        g_.MaxWordsStartingWith(word.lower) > 0 || MonthFromWord(word.lower) > 0 ||
        WeekdayFromWord(word.lower) >= 0) {
      return false;
    }
    for (ClassId c : {c_.title, c_.leader_title, c_.honorific, c_.institution}) {
      if (x_.MatchAt(c, t_, next, n_).length > 0) return false;
    }
    // "Felix Antoine Tshisekedi Tshilombo": after a given name, the surname is his.
    return i == 0 || !t_[i - 1].capitalized || TitleEndsAt(i);
  }

  // A title or honorific ends right before token i, or its portfolio does: "Deputy
  // Minister Michal Jaros", "Minister of Trade and Industry Michal Jaros".
  bool TitleEndsAt(int i) const {
    constexpr int kTitleWindow = 10;  // "Deputy Minister of Development and Technology"
    for (int start = std::max(0, i - kTitleWindow); start < i; ++start) {
      for (ClassId c : {c_.title, c_.leader_title, c_.honorific}) {
        const int end = start + x_.MatchAt(c, t_, start, i).length;
        if (end == start) continue;
        if (end == i || (PortfolioWord(end) && PortfolioUpTo(end, i))) return true;
      }
    }
    return false;
  }

  bool PortfolioWord(int k) const { return t_[k].LowerIs("of") || t_[k].LowerIs("for"); }

  // Tokens [from, to) are a portfolio's words: "of Development and Technology".
  bool PortfolioUpTo(int from, int to) const {
    for (int k = from; k < to; ++k) {
      if (!t_[k].capitalized && !PortfolioWord(k) && !t_[k].LowerIs("and") &&
          !t_[k].LowerIs("the")) {
        return false;
      }
    }
    return true;
  }

  void FindNames() {
    for (int i = 0; i < n_; ++i) {
      if (Skip(i)) continue;
      int length = 0;
      if (const std::vector<AliasMatch>* found = AliasAt(i, &length)) {
        // "the UN General Assembly": a longer name right after "the" wins over "the UN".
        if (t_[i].LowerIs("the") && i + 1 < n_) {
          int after = 0;
          const std::vector<AliasMatch>* longer = AliasAt(i + 1, &after);
          if (longer != nullptr && 1 + after > length) {
            out_.push_back(FromAlias(g_, *Best(*longer), i + 1, i + 1 + after));
            i += after;
            continue;
          }
        }
        if (DemonymOpensPlaceName(*Best(*found), i, length) ||
            FirstNameOfAnother(*Best(*found), i, length)) {
          i += length;  // The place's own name after it too.
          continue;
        }
        out_.push_back(FromAlias(g_, *Best(*found), i, i + length));
        i += length - 1;
        continue;
      }
      // Hyphenated compounds of demonyms: "Sino-Kazakh", "Kazakh-Turkish"; not
      // "the Russia-led bloc", "Qatar-brokered talks": who leads or brokers is
      // no party of what the phrase names.
      if (t_[i].capitalized && t_[i].lower.find('-') != std::string::npos &&
          !AgentCompound(t_[i].lower)) {
        i = CompoundNames(i);
      }
    }
  }

  // The names of the hyphenated compound at token i ("Sino-Kazakh", "Sri
  // Lanka-India", "Australia-Papua New Guinea"): its first part may end a name
  // that words before it begin, its last part begin one that words after it end.
  // Returns the last token used.
  int CompoundNames(int i) {
    // "Japan\u2013Mexico": an en dash joined the compound as a hyphen does.
    const std::string text = absl::StrReplaceAll(t_[i].text, {{"\u2013", "-"}});
    const std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
    int last_used = i;
    for (size_t p = 0; p < parts.size(); ++p) {
      std::string lower(parts[p]);
      for (char& c : lower) c = absl::ascii_tolower(static_cast<unsigned char>(c));
      int begin = i, end = i + 1;
      const std::vector<AliasMatch>* m = nullptr;
      if (p == 0) m = NameEndingWith(i, lower, &begin);
      if (m == nullptr && p + 1 == parts.size()) m = NameStartingWith(i, lower, &end);
      if (m == nullptr) m = g_.FindPhrase(lower);
      // "EU-Egypt": a code as written.
      if (m == nullptr && parts[p].size() >= 2 && AllUpper(parts[p])) {
        m = g_.FindCode(parts[p]);
      }
      if (m == nullptr) continue;
      const AliasMatch* best = Best(*m);
      // "the Lagos-Abidjan corridor": a city joined to another is a place.
      const bool city = best->entity->kind == graph::EntityKind::kCity;
      if (best->entity->kind != graph::EntityKind::kCountry &&
          best->entity->kind != graph::EntityKind::kOrganization && !city)
        continue;
      Mention mention = FromAlias(g_, *best, begin, end);
      if (!city) mention.form = AliasForm::kDemonym;
      out_.push_back(std::move(mention));
      last_used = std::max(last_used, end - 1);
    }
    return last_used;
  }

  // "Sri Lanka-India": the name that capitalized words before token i, no other
  // name's, begin and `part` (its first part) ends; sets *begin.
  const std::vector<AliasMatch>* NameEndingWith(int i, const std::string& part,
                                                int* begin) const {
    constexpr int kWordsBefore = 3;
    const int free_from = out_.empty() ? 0 : out_.back().end;
    std::string key = part;
    const std::vector<AliasMatch>* found = nullptr;
    for (int k = i - 1; k >= std::max(free_from, i - kWordsBefore); --k) {
      // "The EU-Indonesia agreement": an article opening the sentence begins no name
      // of the compound's (the name "the EU" would hide the compound's other part).
      if (!t_[k].capitalized || t_[k].kind != TokenKind::kWord || t_[k].LowerIs("the"))
        break;
      key = absl::StrCat(t_[k].lower, " ", key);
      if (const std::vector<AliasMatch>* m = g_.FindPhrase(key)) {
        found = m;
        *begin = k;
      }
    }
    return found;
  }

  // "Australia-Papua New Guinea": the name that `part` (the compound's last part)
  // begins and capitalized words after token i end; sets *end.
  const std::vector<AliasMatch>* NameStartingWith(int i, const std::string& part,
                                                  int* end) const {
    constexpr int kWordsAfter = 3;
    std::string key = part;
    const std::vector<AliasMatch>* found = nullptr;
    for (int k = i + 1; k < std::min(n_, i + 1 + kWordsAfter); ++k) {
      if (!t_[k].capitalized || t_[k].kind != TokenKind::kWord) break;
      key = absl::StrCat(key, " ", t_[k].lower);
      if (const std::vector<AliasMatch>* m = g_.FindPhrase(key)) {
        found = m;
        *end = k + 1;
      }
    }
    return found;
  }

  // "the International Solar Alliance", "the Global Methane Pledge": an organization
  // no list knows. "the" and capitalized words (joined by "of", "for", "and", "on")
  // that hold a word of reach (@org_scope) and one of their own, and end in a body's
  // noun (@org_head). A known area inside it is part of the name ("the African Risk
  // Pool Agency"); a state's name is not, since "the Kenya Revenue Authority" is the
  // state's own.
  void FindUnlistedBodies() {
    if (c_.org_scope < 0 || c_.org_head < 0) return;
    std::vector<int> owner;  // Which name covers each token; made at the first "the X".
    std::vector<Mention> found;
    for (int i = 0; i + 2 < n_; ++i) {
      if (!t_[i].LowerIs("the") || !t_[i + 1].capitalized) continue;
      if (owner.empty()) {
        owner.assign(n_, -1);
        for (size_t k = 0; k < out_.size(); ++k) {
          for (int j = out_[k].begin; j < out_[k].end; ++j)
            owner[j] = static_cast<int>(k);
        }
      }
      const int end = UnlistedBodyEnd(i + 1, owner);
      if (end < 0) continue;
      Mention m;
      m.begin = i + 1;
      m.end = end;
      m.kind = graph::EntityKind::kOrganization;
      std::string slug;
      for (int k = m.begin; k < m.end; ++k) {
        if (k > m.begin) absl::StrAppend(&m.name, " ");
        absl::StrAppend(&m.name, t_[k].text);
        for (char ch : t_[k].lower) {
          if (absl::ascii_isalnum(static_cast<unsigned char>(ch))) {
            slug.push_back(ch);
          } else if (!slug.empty() && slug.back() != '-') {
            slug.push_back('-');
          }
        }
        if (!slug.empty() && slug.back() != '-') slug.push_back('-');
      }
      while (!slug.empty() && slug.back() == '-') slug.pop_back();
      m.id = absl::StrCat("org:", slug);
      m.country = m.id;
      found.push_back(std::move(m));
      i = end - 1;
    }
    if (found.empty()) return;
    std::vector<Mention> kept;
    for (Mention& m : out_) {
      bool inside = false;
      for (const Mention& f : found) inside |= m.begin >= f.begin && m.end <= f.end;
      if (!inside) kept.push_back(std::move(m));
    }
    for (Mention& f : found) kept.push_back(std::move(f));
    std::sort(kept.begin(), kept.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    out_ = std::move(kept);
  }

  // "Monday", "June": no word of a body's name.
  static bool DateWord(const Token& w) {
    return MonthFromWord(w.lower) > 0 || WeekdayFromWord(w.lower) >= 0;
  }

  // The end of an unlisted body's name starting at `first` (FindUnlistedBodies); -1
  // when the words there make none.
  int UnlistedBodyEnd(int first, const std::vector<int>& owner) const {
    int head_end = -1;
    int run_end = first;
    bool scope = false;
    bool complement = false;  // The head is followed by "of", "for", ... and a name.
    // A word of its own: "the Intergovernmental Council" is some body's council.
    bool own_word = false;
    for (int k = first; k < n_ && k - first < kMaxBodyTokens; ++k) {
      const Token& w = t_[k];
      if (Skip(k) || w.kind != TokenKind::kWord) break;
      // "of", "for", ... join capitalized words, written either way ("Alliance
      // Against Hunger").
      const bool joiner = w.LowerIs("of") || w.LowerIs("for") || w.LowerIs("and") ||
                          w.LowerIs("on") || w.LowerIs("against");
      if (joiner && k > first && k + 1 < n_ && t_[k + 1].capitalized &&
          !DateWord(t_[k + 1])) {
        complement |= k == head_end && !w.LowerIs("and");
        continue;
      }
      if (!w.capitalized || DateWord(w)) break;
      if (owner[k] >= 0 && !absl::StartsWith(out_[owner[k]].id, "area:")) break;
      const bool reach = owner[k] >= 0 || x_.Contains(c_.org_scope, w.lower);
      scope |= reach;
      if (x_.Contains(c_.org_head, w.lower)) {
        head_end = k + 1;
        complement = false;
      } else if (!reach) {
        own_word = true;
      }
      run_end = k + 1;
    }
    // "the Digital Cooperation Organization (DCO)", "the European Sky Shield
    // Initiative (ESSI)": a name its own initials follow in brackets needs no word of
    // reach, and may end in a word of a joint effort (@org_head_initialled).
    // The word ends the name or is followed by a joiner ("the Global Partnership on
    // Artificial Intelligence (GPAI)"), so not "the Comprehensive Economic Partnership
    // Agreement (CEPA)", an accord.
    if (own_word && run_end - first >= 2 && InitialsFollow(first, run_end)) {
      for (int k = first; k < run_end; ++k) {
        if (x_.Contains(c_.org_head_initialled, t_[k].lower) &&
            (k + 1 == run_end || !t_[k + 1].capitalized)) {
          return run_end;
        }
      }
    }
    if (!scope || !own_word || head_end - first < 2) return -1;
    // "the International Fund for Agricultural Development": the name goes on.
    return complement ? run_end : head_end;
  }

  // Tokens [begin, end) are followed by "(", their capitalized words' initials, ")".
  bool InitialsFollow(int begin, int end) const {
    if (end + 2 >= n_ || t_[end].text != "(" || t_[end + 2].text != ")") return false;
    std::string initials;
    for (int k = begin; k < end; ++k) {
      if (t_[k].capitalized && !t_[k].text.empty()) {
        initials.push_back(
            absl::ascii_toupper(static_cast<unsigned char>(t_[k].text[0])));
      }
    }
    return initials.size() >= 3 && t_[end + 1].text == initials;
  }

  // "Russia-led", "US-backed": a name joined to a participle of @agent_participle.
  bool AgentCompound(absl::string_view text) const {
    const size_t dash = text.rfind('-');
    if (dash == absl::string_view::npos) return false;
    std::string last(text.substr(dash + 1));
    for (char& c : last) c = absl::ascii_tolower(static_cast<unsigned char>(c));
    return c_.agent_participle >= 0 && x_.Contains(c_.agent_participle, last);
  }

  // Which name starts at each token, for MentionAt: titles ask at every token, and
  // the names do not change while they are read.
  void IndexNames() {
    first_at_.assign(n_, -1);
    for (size_t k = out_.size(); k-- > 0;) first_at_[out_[k].begin] = static_cast<int>(k);
  }

  // The first name (FindNames) that starts at token i; -1 when none.
  int MentionAt(int i) const { return i >= 0 && i < n_ ? first_at_[i] : -1; }

  int Match(ClassId id, int i) const {
    return i < n_ ? x_.MatchAt(id, t_, i, n_).length : 0;
  }

  // A word that can be part of a person's name.
  bool NameWord(int i) const {
    if (i >= n_ || Skip(i)) return false;
    const Token& t = t_[i];
    if (!t.capitalized || t.kind != TokenKind::kWord) return false;
    if (Match(c_.leader_title, i) > 0 || Match(c_.title, i) > 0) return false;
    if (Match(c_.institution, i) > 0) return false;  // "General Administration"
    int m = MentionAt(i);
    if (m >= 0 && out_[m].kind != graph::EntityKind::kPerson) return false;
    return true;
  }

  // The end of a name starting at i ("Luiz Inacio Lula da Silva", "Mohammed VI").
  int NameEnd(int i) const {
    int k = i;
    while (k < n_ && k - i < kMaxNameTokens) {
      if (NameWord(k)) {
        ++k;
        continue;
      }
      if (k > i && Match(c_.name_particle, k) == 1 && NameWord(k + 1)) {
        k += 1;
        continue;
      }
      if (k > i && Match(c_.name_suffix, k) == 1) {
        ++k;
        continue;
      }
      // "President Ricardo Lagos": a city's name after a given name is a surname.
      if (k > i && CitySurname(k)) {
        k = out_[MentionAt(k)].end;
        continue;
      }
      break;
    }
    return k;
  }

  // A city mention of one word at k, not followed by "'s" or another name word.
  bool CitySurname(int k) const {
    const int m = MentionAt(k);
    if (m < 0 || out_[m].kind != graph::EntityKind::kCity || out_[m].end != k + 1)
      return false;
    return k + 1 >= n_ || (!t_[k + 1].LowerIs("'s") && !t_[k + 1].capitalized);
  }

  std::string TextOf(int b, int e) const {
    std::string out;
    for (int k = b; k < e; ++k) {
      if (k > b && t_[k - 1].end != t_[k].begin) out.push_back(' ');
      out.append(t_[k].text.data(), t_[k].text.size());
    }
    return out;
  }

  // The person a name stands for: a gazetteer person, else an ad hoc one.
  Mention Person(int name_begin, int name_end) const {
    for (int k = name_begin; k < name_end; ++k) {
      int m = MentionAt(k);
      if (m >= 0 && out_[m].kind == graph::EntityKind::kPerson) {
        Mention found = out_[m];
        found.begin = name_begin;
        found.end = name_end;
        return found;
      }
    }
    Mention p;
    p.begin = name_begin;
    p.end = name_end;
    p.name = TextOf(name_begin, name_end);
    p.id = absl::StrCat("person:", Slugify(p.name));
    // "the Amir Sheikh Tamim bin Hamad Al Thani": the gazetteer's own name, which its
    // alias ("Sheikh Tamim", begun at the honorific) did not cover.
    if (const graph::Entity* e = g_.FindById(p.id); e != nullptr) {
      return FromAlias(g_, AliasMatch{e, AliasForm::kPerson}, name_begin, name_end);
    }
    // "King Salman bin Abdulaziz Al Saud": the gazetteer's name followed by more of
    // the family's ("Salman bin Abdulaziz"), three words of it at least.
    constexpr int kShortestKnownStart = 3;
    for (int end = name_end - 1; end - name_begin >= kShortestKnownStart; --end) {
      const std::string id = absl::StrCat("person:", Slugify(TextOf(name_begin, end)));
      if (const graph::Entity* e = g_.FindById(id); e != nullptr) {
        return FromAlias(g_, AliasMatch{e, AliasForm::kPerson}, name_begin, name_end);
      }
    }
    p.kind = graph::EntityKind::kPerson;
    p.form = AliasForm::kPerson;
    return p;
  }

  // "King Philippe", "Emir Tamim": a name the gazetteer does not know whole, whose
  // last word is in the name of the one holder of the office it lists. Only the
  // last: "Prime Minister John Smith" is no other John.
  void KnownHolder(const std::string& role, int name_end, const std::string& country,
                   Mention* person) const {
    const absl::string_view id = g_.HolderNamed(role, t_[name_end - 1].lower);
    const graph::Entity* e = id.empty() ? nullptr : g_.FindById(id);
    if (e == nullptr) return;
    // "French President Paul Martin" is no holder of another state's office.
    if (!country.empty() && g_.CountryOf(id) != country) return;
    Mention known =
        FromAlias(g_, AliasMatch{e, AliasForm::kPerson}, person->begin, person->end);
    *person = std::move(known);
  }

  // A spelling the lexicon knows only as a tensed verb form ("met", "hosted",
  // "welcomes"); the tagger has not run yet.
  bool TensedVerb(const Token& t) const {
    const VerbEntry* v = x_.Verb(t);
    return v != nullptr && (v->forms & (kPastTense | kThirdPerson)) &&
           !(v->forms & kBaseForm);
  }

  // A lower-case word that may stand inside or before an office's name ("trade" in
  // "chief trade negotiator", "business" in "business secretary"): no name, no
  // function word, no tensed verb.
  bool TitleModifier(const Token& word) const {
    return !word.capitalized && word.kind == TokenKind::kWord &&
           !x_.IsFunctionWord(word) && !TensedVerb(word);
  }

  // "chief trade negotiator", "top security adviser": a title, lower-case modifiers,
  // then another title that names the office. Returns the length of the whole; the
  // title matched at `begin` (`length` words) when there is no second one.
  int WithModifiedTitle(int begin, int length, ClassId* cls, PhraseMatch* title) const {
    constexpr int kTitleModifiers = 2;  // "chief [trade] [tariff] negotiator"
    for (int gap = 1; gap <= kTitleModifiers; ++gap) {
      const int modifier = begin + length + gap - 1;
      const int next = modifier + 1;
      // "the Prime Minister hosted President X": a tensed verb modifies no title.
      if (next >= n_ || !TitleModifier(t_[modifier])) break;
      for (ClassId office : {c_.title, c_.leader_title}) {
        if (Match(office, next) == 0) continue;
        *cls = office;
        *title = x_.MatchAt(office, t_, next, n_);
        return next + title->length - begin;
      }
    }
    return length;
  }

  // Tokens [begin, end), two words or more, are a whole name the gazetteer gives
  // person `id` ("Denis Sassou Nguesso"), not one that only holds a listed surname.
  bool NamedInFull(const std::string& id, int begin, int end) const {
    if (end - begin < 2) return false;
    const std::vector<AliasMatch>* m = g_.FindPhrase(NormalizePhrase(TextOf(begin, end)));
    return m != nullptr && std::any_of(m->begin(), m->end(), [&](const AliasMatch& a) {
             return a.entity->id == id;
           });
  }

  // Token k, or past one or two words of a portfolio before an office ("business
  // secretary", "digital economy minister", "Culture Secretary"): where the office
  // starts. Capitalized portfolio words need a capitalized office, and no name.
  int AfterPortfolioWords(int k) const {
    constexpr int kPortfolioWords = 2;
    if (k >= n_ || Match(c_.title, k) > 0 || Match(c_.leader_title, k) > 0 ||
        Match(c_.honorific, k) > 0 || Match(c_.counterpart, k) > 0) {
      return k;
    }
    bool capitalized = false;
    for (int gap = 1; gap <= kPortfolioWords && k + gap < n_; ++gap) {
      const Token& word = t_[k + gap - 1];
      const bool portfolio_name = word.capitalized && word.kind == TokenKind::kWord &&
                                  !x_.IsFunctionWord(word) && MentionAt(k + gap - 1) < 0;
      if (!TitleModifier(word) && !portfolio_name) return k;
      capitalized |= word.capitalized;
      if ((Match(c_.title, k + gap) > 0 || Match(c_.leader_title, k + gap) > 0) &&
          (!capitalized || t_[k + gap].capitalized))
        return k + gap;
    }
    return k;
  }

  // "[the] [Kazakh|Russia's] [honorifics] TITLE [of Country] [,] [honorifics] [Name]".
  bool TitleAt(int i, Mention* result, int* phrase_end) const {
    int k = i;
    std::string country;
    bool prefixed = false;
    bool by_adjective = false;  // "Congolese President X", not "Congo's" or "EU".
    int m = MentionAt(k);
    // A view compares lengths before bytes: this runs for every token.
    if (m < 0 && absl::string_view(t_[k].lower) == "the" && k + 1 < n_)
      m = MentionAt(++k);
    // "Seoul's top diplomat": a capital's possessive stands for its government.
    const bool capital_owner = m >= 0 && out_[m].form == AliasForm::kCapital &&
                               !out_[m].country.empty() && out_[m].end < n_ &&
                               t_[out_[m].end].LowerIs("'s");
    if (m >= 0 && (out_[m].kind == graph::EntityKind::kCountry ||
                   out_[m].kind == graph::EntityKind::kOrganization || capital_owner)) {
      country = out_[m].country;
      k = out_[m].end;
      if (k < n_ && t_[k].LowerIs("'s")) ++k;
      prefixed = true;
      by_adjective = out_[m].form == AliasForm::kDemonym &&
                     out_[m].kind == graph::EntityKind::kCountry;
    }
    // "Britain's business secretary X": a state's office may open with lower-case
    // words of its portfolio that no list knows.
    if (prefixed) k = AfterPortfolioWords(k);
    // Most words start no office and no honorific: nothing to read here.
    if (k >= n_ || !x_.MayMatchAny(title_starts_, t_[k])) return false;
    // "General Secretary" is an office; "General X" an honorific before one.
    while (Match(c_.leader_title, k) == 0 && Match(c_.title, k) == 0) {
      int h = Match(c_.honorific, k);
      if (h == 0) break;
      k += h;
    }
    int title_begin = k;
    int length = Match(c_.leader_title, k);
    bool leader = length > 0;
    ClassId cls = c_.leader_title;
    if (!leader) {
      length = Match(c_.title, k);
      cls = c_.title;
    }
    if (length == 0) {
      length = Match(c_.counterpart, k);
      cls = c_.counterpart;
    }
    if (length == 0) return false;
    // A lower-case office needs its country before it ("the Kazakh leader"); only
    // "his counterpart" is someone without one: the other side's holder.
    const bool bare_counterpart =
        cls == c_.counterpart && title_begin > 0 &&
        (t_[title_begin - 1].LowerIs("his") || t_[title_begin - 1].LowerIs("her") ||
         t_[title_begin - 1].LowerIs("their"));
    // "the president of Azerbaijan": a lower-case office after "the" with its state
    // in an "of" phrase right after it.
    const bool the_before = title_begin > 0 && t_[title_begin - 1].LowerIs("the");
    if (!t_[title_begin].capitalized && !prefixed && !bare_counterpart && !the_before)
      return false;
    PhraseMatch title = x_.MatchAt(cls, t_, title_begin, n_);
    length = WithModifiedTitle(title_begin, length, &cls, &title);
    k = title_begin + length;
    // "President of Kazakhstan", "the Emir of Qatar".
    bool of_state = false;
    if (k + 1 < n_ && t_[k].LowerIs("of")) {
      int of = MentionAt(k + 1);
      if (of < 0 && t_[k + 1].LowerIs("the") && k + 2 < n_) of = MentionAt(k + 2);
      if (of >= 0 && (out_[of].kind == graph::EntityKind::kCountry ||
                      out_[of].kind == graph::EntityKind::kOrganization)) {
        country = out_[of].country;
        k = out_[of].end;
        of_state = true;
      }
    }
    if (!t_[title_begin].capitalized && !prefixed && !bare_counterpart && !of_state)
      return false;
    int name_begin = k;
    // "the President of Chile, Gabriel Boric": the name after the comma. Not when an
    // office without its article follows a name and its comma ("De Croo, Prime
    // Minister of Belgium, Giorgia Meloni, ..."): then it describes the name before.
    const bool after_name =
        i >= 2 && t_[i - 1].text == "," && t_[i - 2].capitalized && !t_[i].LowerIs("the");
    if (name_begin < n_ && t_[name_begin].text == "," && country.size() > 0 &&
        !after_name) {
      ++name_begin;
    }
    while (int h = Match(c_.honorific, name_begin)) name_begin += h;
    int name_end = NameEnd(name_begin);
    Mention person;
    if (name_end > name_begin) {
      person = Person(name_begin, name_end);
      if (!title.value.empty() && g_.FindById(person.id) == nullptr) {
        KnownHolder(std::string(title.value), name_end, country, &person);
      }
      person.begin = i;
      *phrase_end = name_end;
    } else {
      if (country.empty() && !bare_counterpart) return false;
      person.begin = i;
      person.kind = graph::EntityKind::kPerson;
      person.titled = true;
      *phrase_end = k;
    }
    person.end = *phrase_end;
    // "Congolese President Denis Sassou Nguesso": a listed person named in full keeps
    // the state the list gives, where an adjective two states share may say another.
    const bool listed_in_full = by_adjective && cls != c_.counterpart &&
                                !person.country.empty() &&
                                NamedInFull(person.id, name_begin, name_end);
    if (!country.empty() && !listed_in_full) person.country = country;
    // "Prime Minister Mark Rutte" in 2024, "Defence Minister X" whom the list knows
    // as a body's officer: a minister serves a state, whichever the text means.
    if (country.empty() && absl::StartsWith(person.country, "org:") &&
        absl::EndsWith(title.value, "minister")) {
      person.country.clear();
    }
    person.leader = leader || person.leader;
    if (person.role.empty() || !person.titled) {
      if (!title.value.empty()) person.role = std::string(title.value);
      if (cls == c_.counterpart) person.role = "counterpart";
    }
    *result = std::move(person);
    return true;
  }

  // The gazetteer mentions are moved, not copied, into the merged list: TitleAt reads
  // only mentions that start at or after its token, which are not moved yet.
  void FindTitles() {
    std::vector<Mention> merged;
    merged.reserve(out_.size());
    size_t next = 0;  // The first gazetteer mention not yet moved.
    for (int i = 0; i < n_; ++i) {
      if (Skip(i)) continue;
      Mention m;
      int end = 0;
      if (!TitleAt(i, &m, &end)) continue;
      while (next < out_.size() && out_[next].end <= i) {
        merged.push_back(std::move(out_[next++]));
      }
      while (next < out_.size() && out_[next].begin < end) ++next;  // Inside the phrase.
      merged.push_back(std::move(m));
      i = end - 1;
    }
    while (next < out_.size()) merged.push_back(std::move(out_[next++]));
    out_ = std::move(merged);
  }

  const Gazetteer& g_;
  const Lexicon& x_;
  const TitleClasses& c_;
  mutable std::vector<AliasMatch> not_states_;  // AliasAt's matches of a code no state's.
  const std::vector<Token>& t_;
  const std::vector<std::pair<int64_t, int64_t>>& masked_;
  const int n_;
  const ClassSet& title_starts_;  // The classes a title phrase starts with at `k`.
  std::vector<Mention> out_;
  std::vector<int> first_at_;  // IndexNames'.
};

}  // namespace

std::vector<Mention> FindMentions(
    const Gazetteer& gazetteer, const Lexicon& lexicon, const TitleClasses& titles,
    const std::vector<Token>& tokens,
    const std::vector<std::pair<int64_t, int64_t>>& masked) {
  return MentionFinder(gazetteer, lexicon, titles, tokens, masked).Run();
}

}  // namespace entente::importers::internal
