#include "importers/internal/things.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/internal/numbers.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

std::string Text(const std::vector<Token>& t, int begin, int end) {
  std::string out;
  for (int k = begin; k < end; ++k) {
    if (k > begin && t[k - 1].end != t[k].begin) out.push_back(' ');
    out.append(t[k].text.data(), t[k].text.size());
  }
  return out;
}

int Weight(const std::string& name) {
  int weight = 0;
  bool word_start = true;
  for (char c : name) {
    if (word_start && c >= 'A' && c <= 'Z') ++weight;
    word_start = c == ' ' || c == '-';
  }
  return weight;
}

}  // namespace

// "a summit on the corridor", "a conference on water": what an event without a name
// of its own is about, which names it; not "on Friday", "on the same day".
bool ThingRegistry::Topic(const std::vector<Token>& t, const NounPhrase& np) const {
  if (np.head < 0 || IsTimeWord(t[np.head])) return false;
  for (int k = np.range.begin; k < np.range.end; ++k) {
    if (t[k].kind == TokenKind::kNumber || ParseOrdinal(t[k])) return false;
  }
  return k_.lexicon()
             .MatchAt(k_.classes().not_event_topic, t, np.head, np.head + 1)
             .length == 0;
}

ThingRegistry::ThingRegistry(const Knowledge& knowledge, const Gazetteer& gazetteer,
                             const Discourse& discourse, const ItemText& item)
    : k_(knowledge), g_(gazetteer), d_(discourse), item_(item) {
  for (size_t s = 0; s < item.sentences.size(); ++s) {
    const Sentence& sentence = item.sentences[s];
    const Phrases& ph = sentence.parse.phrases;
    for (size_t np = 0; np < ph.nps.size(); ++np) {
      std::string head = HeadOf(static_cast<int>(s), static_cast<int>(np));
      if (head.empty()) continue;
      Event e;
      e.head = head;
      e.name = OwnName(static_cast<int>(s), static_cast<int>(np), ThingKind::kEvent);
      e.weight = Weight(e.name);
      // "the Philippine Congress" is a legislature, not an event.
      e.legislature = k_.lexicon().FindIn(k_.classes().legislature, sentence.tokens,
                                          ph.nps[np].range.begin, ph.nps[np].range.end,
                                          nullptr, nullptr);
      // The year of the clause's date, if it gives one.
      int clause = sentence.parse.clause_at[ph.nps[np].head];
      for (const DateMention& d : sentence.dates) {
        if (sentence.parse.clause_at[d.begin] == clause) e.year = d.date.year;
      }
      events_.push_back(std::move(e));
    }
  }
}

std::string ThingRegistry::HeadOf(int s, int np) const {
  const Sentence& sentence = item_.sentences[s];
  const NounPhrase& x = sentence.parse.phrases.nps[np];
  for (const TokenRange& conjunct : x.conjuncts) {
    int head = conjunct.end - 1;
    for (int start = std::max(conjunct.begin, head - 3); start <= head; ++start) {
      PhraseMatch m =
          k_.lexicon().MatchAt(k_.classes().event_noun, sentence.tokens, start,
                               static_cast<int>(sentence.tokens.size()));
      if (m.length > 0 && start + m.length > head) return sentence.tokens[head].lemma;
    }
  }
  return "";
}

// "summit of the OTS", "summit between Italy and Central Asia", "plant in Szeged":
// the phrases after a thing's noun that belong to its name.
void ThingRegistry::AppendNamingPhrases(const Sentence& sentence, const NounPhrase& x,
                                        bool event, std::string* name_out) const {
  const std::vector<Token>& t = sentence.tokens;
  const Phrases& ph = sentence.parse.phrases;
  std::string& name = *name_out;
  for (int pp : x.pps) {
    const PrepPhrase& p = ph.pps[pp];
    if (p.np < 0) continue;
    absl::string_view prep = t[p.prep].lower;
    // "the Forum on China-Africa Cooperation": a capitalized phrase continues a
    // name whatever its preposition.
    // Not "the forum on Friday".
    const Token& first = t[ph.nps[p.np].range.begin];
    const bool capital_name =
        t[p.prep].capitalized || (first.capitalized && !IsTimeWord(first));
    // "a summit with Japan" names it; "a plant with a World Bank loan" does not.
    bool names =
        prep == "of" || (event && (prep == "between" || prep == "with")) ||
        (!event && (prep == "in" || prep == "at" || prep == "near" || prep == "on")) ||
        (event && (prep == "on" || prep == "for") && capital_name) ||
        (event && prep == "on" && Weight(name) == 0 && Topic(t, ph.nps[p.np]));
    if (event && prep == "in") {
      // "the summit in the Central Asia-Germany format": a format names it.
      int head = ph.nps[p.np].head;
      names =
          k_.lexicon().MatchAt(k_.classes().event_format, t, head, head + 1).length > 0;
    }
    // "the Lamu port on Tuesday": a time is no part of a name.
    const TokenRange& object = ph.nps[p.np].range;
    for (const DateMention& d : sentence.dates) {
      names &= !(d.begin < object.end && d.end > object.begin);
    }
    if (!names || IsTimeWord(first)) continue;
    const NounPhrase& of = ph.nps[p.np];
    // "a refinery in Mejillones, the company and the ministry said": a site stands in
    // one place, the first of a list.
    const TokenRange place = !event && prep != "of" && of.conjuncts.size() > 1
                                 ? of.conjuncts.front()
                                 : of.range;
    absl::StrAppend(&name, " ", prep, " ", Text(t, place.begin, place.end));
    // "meeting of the Council of Heads of State of the SCO": down the "of" phrases.
    const NounPhrase* step = &of;
    for (int depth = 0; depth < 3; ++depth) {
      const NounPhrase* next = nullptr;
      absl::string_view next_prep;
      for (int pp_next : step->pps) {
        const PrepPhrase& q = ph.pps[pp_next];
        if (q.np < 0) continue;
        absl::string_view w = t[q.prep].lower;
        const Token& lead = t[ph.nps[q.np].range.begin];
        if (w == "of" ||
            ((w == "on" || w == "for") && lead.capitalized && !IsTimeWord(lead))) {
          next = &ph.nps[q.np];
          next_prep = w;
          break;
        }
      }
      if (next == nullptr) break;
      absl::StrAppend(&name, " ", next_prep, " ",
                      Text(t, next->range.begin, next->range.end));
      step = next;
    }
  }
}

std::string ThingRegistry::OwnName(int s, int np, ThingKind kind) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const Phrases& ph = sentence.parse.phrases;
  const NounPhrase& x = ph.nps[np];
  const bool event = kind == ThingKind::kEvent;
  ClassId cls = event ? k_.classes().event_noun : k_.classes().facility;
  // The conjunct that names the event or site ("a state visit and the summit").
  TokenRange part = x.conjuncts.front();
  bool own_noun = false;
  for (const TokenRange& conjunct : x.conjuncts) {
    if (k_.lexicon().FindIn(cls, t, conjunct.begin, conjunct.end, nullptr, nullptr)) {
      part = conjunct;
      own_noun = true;
      break;
    }
  }
  // "the opening of the Baltic Energy Summit": a part of the event its "of" names.
  if (!own_noun && x.conjuncts.size() == 1 && !x.pps.empty()) {
    const PrepPhrase& of = ph.pps[x.pps.front()];
    if (of.np >= 0 && t[of.prep].LowerIs("of") &&
        k_.lexicon().FindIn(cls, t, ph.nps[of.np].range.begin, ph.nps[of.np].range.end,
                            nullptr, nullptr)) {
      return OwnName(s, of.np, kind);
    }
  }
  std::string name;
  // "the APEC Leaders' Meeting": a possessive inside the event's noun is part of the
  // name, and what comes before it no owner.
  int noun_at = part.end;
  const bool owned =
      x.possessor_end > x.range.begin &&
      !(k_.lexicon().FindIn(cls, t, part.begin, part.end, &noun_at, nullptr) &&
        noun_at < x.possessor_end);
  // "its 11th Summit": whose. Not a site's pronoun ("its new plant" of a company):
  // a site is named by its place, not by its builder's state.
  const bool pronoun_owner = t[x.range.begin].tag == Tag::kPossessive;
  if (part.begin == x.range.begin && owned && (event || !pronoun_owner)) {
    std::vector<std::string> owners;
    for (const Referent& r : d_.InRange(s, x.range.begin, x.possessor_end)) {
      if (const graph::Entity* e = g_.FindById(r.party)) {
        if (name.empty()) name = e->name;
        owners.push_back(r.party);
      }
    }
    // "their summit" after ASEAN and the GCC: the summit of both.
    int named = 0;
    std::string joint =
        ClauseOrganizations(sentence, sentence.parse.clause_at[x.head], &named);
    if (owners.size() > 1 && named > 1) name = joint;
    // "leaders of the CIS gathered for their year-end summit": a pronoun's owner is
    // the one body its clause names.
    const absl::string_view owner_word = t[x.range.begin].lower;
    if (named == 1 && (owner_word == "their" || owner_word == "its")) name = joint;
  }
  int b = part.begin;
  if (part.begin == x.range.begin && owned) b = std::max(b, x.possessor_end);
  // "the four-day St Petersburg Forum": how long it runs is no part of its name, nor
  // what it costs ("a $300 million cement plant").
  auto money_end = [&](int k) {
    for (const MoneyMention& m : sentence.money) {
      if (m.begin == k) return m.end;
    }
    return k;
  };
  // "a 500-megawatt solar park", "a 1.2 GW plant": its size.
  auto capacity_end = [&](int k) {
    const ClassId unit = k_.classes().capacity_unit;
    if (const size_t dash = t[k].lower.find('-');
        dash != std::string::npos && absl::ascii_isdigit(t[k].lower[0]) &&
        k_.lexicon().Contains(unit, absl::string_view(t[k].lower).substr(dash + 1))) {
      return k + 1;
    }
    if (t[k].kind == TokenKind::kNumber && k + 1 < part.end &&
        k_.lexicon().ContainsWord(unit, t[k + 1])) {
      return k + 2;
    }
    return k;
  };
  // "the Dec. 23 ministerial meeting": when it was held is no part of its name.
  auto date_end = [&](int k) {
    for (const DateMention& d : sentence.dates) {
      if (d.begin == k && d.end <= part.end - 1) return d.end;
    }
    return k;
  };
  while (b < part.end) {
    if (const int after = std::max({money_end(b), capacity_end(b), date_end(b)});
        after > b) {
      b = after;
    } else if (t[b].tag == Tag::kDeterminer || t[b].tag == Tag::kPossessive ||
               t[b].LowerIs("the") ||  // "The Sahel Security Forum": a name's article.
               ParseOrdinal(t[b]) || absl::StartsWith(t[b].lower, "first-") ||
               absl::EndsWith(t[b].lower, "-day") ||
               (t[b].kind == TokenKind::kNumber && t[b].text.size() == 4)) {
      ++b;
    } else {
      break;
    }
  }
  if (b < part.end) absl::StrAppend(&name, name.empty() ? "" : " ", Text(t, b, part.end));
  // "the Lobito Green Hydrogen Plant in Benguela province": a site whose capitalized
  // noun makes its name is not named by where it stands ("the plant in Szeged" is).
  // A sentence's first word is capitalized whatever it is.
  const int head = part.end - 1;
  const bool proper_site = !event && b <= head && head > 0 && t[head].capitalized &&
                           t[head].tag == Tag::kProper;
  if (part.end == x.range.end && !proper_site)
    AppendNamingPhrases(sentence, x, event, &name);
  // "the 28th International Conference \"Oil and Gas of Turkmenistan\"": a title in
  // quotation marks right after an event's noun is part of its name.
  constexpr int kQuotedTitle = 12;
  const int n = static_cast<int>(t.size());
  if (event && part.end == x.range.end && x.range.end < n &&
      t[x.range.end].tag == Tag::kQuote) {
    for (int k = x.range.end + 2; k < n && k <= x.range.end + kQuotedTitle; ++k) {
      if (t[k].tag != Tag::kQuote) continue;
      if (t[x.range.end + 1].capitalized)
        absl::StrAppend(&name, " ", Text(t, x.range.end + 1, k));
      break;
    }
  }
  if (event && Weight(name) == 0) {
    int named = 0;
    std::string owners =
        ClauseOrganizations(sentence, sentence.parse.clause_at[x.head], &named);
    if (!owners.empty()) name = absl::StrCat(owners, " ", name);
  }
  return name;
}

// "Leaders of the CSTO met for a summit": the organization its clause names; "leaders
// of ASEAN and the GCC met at their summit": both, by their shortest names, joined
// as a summit of two blocs is called ("ASEAN-GCC").
std::string ThingRegistry::ClauseOrganizations(const Sentence& sentence, int clause,
                                               int* count) const {
  std::string first_name;  // The first one's own name, when it is the only one.
  std::vector<std::pair<std::string, std::string>> orgs;  // (id, shortest text)
  for (const Mention& m : sentence.mentions) {
    if (m.kind != graph::EntityKind::kOrganization) continue;
    if (sentence.parse.clause_at[m.begin] != clause) continue;
    std::string text = Text(sentence.tokens, m.begin, m.end);
    auto same = std::find_if(orgs.begin(), orgs.end(),
                             [&](const auto& o) { return o.first == m.id; });
    if (same == orgs.end()) {
      if (orgs.empty()) first_name = m.name;
      orgs.emplace_back(m.id, std::move(text));
    } else if (text.size() < same->second.size()) {
      same->second = std::move(text);
    }
  }
  *count = static_cast<int>(orgs.size());
  if (orgs.size() < 2) return first_name;
  return absl::StrCat(orgs[0].second, "-", orgs[1].second);
}

std::string ThingRegistry::Name(int s, int np, ThingKind kind, int year) const {
  std::string own = OwnName(s, np, kind);
  if (kind != ThingKind::kEvent) return own;
  std::string head = HeadOf(s, np);
  const Event* best = nullptr;
  int own_weight = Weight(own);
  if (own_weight > 0) return own;  // "the China-Central Asia summit" names itself.
  for (const Event& e : events_) {
    if (e.head != head || e.weight <= own_weight) continue;
    bool same_year = e.year == year || e.year == 0;
    if (best == nullptr ||
        (same_year && (best->year != year || e.weight > best->weight)) ||
        (!same_year && best->year != year && e.weight > best->weight)) {
      best = &e;
    }
  }
  if (best != nullptr) return best->name;
  return Definite(s, np) ? OnlyNamedEvent(year, own) : own;
}

// "the annual security forum" in an item that names one event alone ("the Tbilisi
// Dialogue"): that event, though the two call it by different nouns.
std::string ThingRegistry::OnlyNamedEvent(int year, const std::string& own) const {
  const Event* only = nullptr;
  for (const Event& e : events_) {
    if (e.weight == 0 || e.legislature) continue;
    if (only != nullptr && only->name != e.name) return own;
    only = &e;
  }
  if (only == nullptr || (only->year != 0 && year != 0 && only->year != year)) return own;
  return only->name;
}

bool ThingRegistry::Definite(int s, int np) const {
  const Sentence& sentence = item_.sentences[s];
  const NounPhrase& x = sentence.parse.phrases.nps[np];
  return x.range.begin < x.range.end && sentence.tokens[x.range.begin].LowerIs("the");
}

}  // namespace entente::importers::internal
