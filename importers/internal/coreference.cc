#include "importers/internal/coreference.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "importers/internal/numbers.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

// A phrase of class `cls` ends range `r` ("Brazil's national football team").
bool EndsWithClass(const Lexicon& x, const std::vector<Token>& t, ClassId cls,
                   const TokenRange& r) {
  for (int start = r.begin; start < r.end; ++start) {
    if (x.MatchAt(cls, t, start, r.end).length == r.end - start) return true;
  }
  return false;
}

}  // namespace

bool ActsForNoState(const Knowledge& k, const std::vector<Token>& tokens,
                    const TokenRange& r) {
  if (r.end <= r.begin) return false;
  const int head = r.end - 1;
  return k.lexicon().MatchAt(k.classes().company_noun, tokens, head, head + 1).length >
             0 ||
         EndsWithClass(k.lexicon(), tokens, k.classes().civil_noun, r);
}

namespace {

using graph::EntityKind;

// "Qatari companies", "Chinese firms", "Russian shipping firms": a plural company
// noun after a state's adjective and at most two lower-case words of trade, and
// nothing else in the phrase but an article or quantifier.
bool CompaniesOfAState(const std::vector<Token>& t, const TokenRange& r) {
  constexpr int kMostTradeWords = 2;
  if (r.end - r.begin < 2) return false;
  const Token& head = t[r.end - 1];
  if (head.lower == head.lemma || head.lower.back() != 's') return false;  // Plural.
  int k = r.end - 2;
  while (k > r.begin && r.end - 2 - k < kMostTradeWords && !t[k].capitalized &&
         (t[k].tag == Tag::kNoun || t[k].tag == Tag::kAdjective)) {
    --k;
  }
  // "Qatari companies", and "28 US firms" with a name written as one.
  return (t[k].tag == Tag::kAdjective || t[k].tag == Tag::kProper) && t[k].capitalized;
}

// A phrase for a body of no state, `r`: "Qatari companies will invest" names the
// state's investors (marked as such), a team or a firm no state at all.
void MarkOrDropBody(const std::vector<Token>& t, const TokenRange& r,
                    std::vector<Referent>* part) {
  if (!CompaniesOfAState(t, r)) {
    part->clear();
    return;
  }
  for (Referent& referent : *part) referent.companies = true;
}

// "Germany's Siemens Energy": a phrase whose head is a known company names the
// company, not its state.
void KeepTheCompany(const Sentence& sentence, int head, std::vector<Referent>* part) {
  const int at = sentence.mention_at[head];
  if (at < 0 || sentence.mentions[at].kind != EntityKind::kCompany) return;
  part->erase(std::remove_if(part->begin(), part->end(),
                             [](const Referent& r) {
                               return !absl::StartsWith(r.party, "company:");
                             }),
              part->end());
}

// Salience of a mention by where it stands: the headline and lead name the item's
// parties; the body breaks ties.
constexpr double kHeadlineWeight = 2.0;
constexpr double kLeadWeight = 1.5;
constexpr double kBodyWeight = 0.5;

bool IsPersonMention(const Mention& m) {
  return m.kind == EntityKind::kPerson && !m.titled;
}
// "The Brazilian president flew in. There he ...": offices stand for people too.
bool IsPersonOrOffice(const Mention& m) {
  return m.kind == EntityKind::kPerson && !m.country.empty();
}
bool IsOrgMention(const Mention& m) { return m.kind == EntityKind::kOrganization; }
// "the kingdom" after "Saudi Arabia's finance minister", "the Saudi fund".
bool IsCountryMention(const Mention& m) {
  return absl::StartsWith(m.country, "country:") && m.kind != EntityKind::kCity &&
         m.kind != EntityKind::kCompany;
}
bool IsStateMention(const Mention& m) {
  return IsOrgMention(m) || (m.kind == EntityKind::kCountry) ||
         (m.kind == EntityKind::kPerson && !m.country.empty());
}
// "N'Djamena said it was ending ...": a capital speaks for its government.
bool IsStateOrCapital(const Mention& m) {
  return IsStateMention(m) || (m.kind == EntityKind::kCity &&
                               m.form == AliasForm::kCapital && !m.country.empty());
}

void SortMentions(Sentence& s) {
  std::sort(s.mentions.begin(), s.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  s.mention_at.assign(s.tokens.size(), -1);
  for (size_t m = 0; m < s.mentions.size(); ++m) {
    for (int k = s.mentions[m].begin; k < s.mentions[m].end; ++k) {
      s.mention_at[k] = static_cast<int>(m);
    }
  }
}

// A party a group anaphor ("the two countries") stands for.
Referent GroupMember(const std::string& party) {
  Referent r;
  r.party = party;
  r.group = true;
  r.anaphor = true;
  return r;
}

}  // namespace

Discourse::Discourse(const Knowledge& knowledge, const Gazetteer& gazetteer,
                     ItemText& item)
    : k_(knowledge),
      g_(gazetteer),
      item_(item),
      anaphor_starts_(knowledge.lexicon().MakeSet(
          {knowledge.classes().group_anaphor, knowledge.classes().speaker_pronoun,
           knowledge.classes().addressee_pronoun, knowledge.classes().org_anaphor,
           knowledge.classes().country_anaphor, knowledge.classes().person_pronoun,
           knowledge.classes().plural_pronoun, knowledge.classes().it_pronoun,
           knowledge.classes().host_anaphor, knowledge.classes().guest_anaphor,
           knowledge.classes().government_anaphor})) {
  RegisterPeople();
  LearnCountriesFromContext();
  AddSurnameMentions();
  RankParties();
  GuessLeaderCountries();
  host_ = item_.dateline_country;
  FindMainEvent();
  if (OrganizationsGathering()) clear_pair_ = false;
}

// The item's main event is a gathering of a bloc among its two first parties ("the
// 11th Summit of the OTS") that four states or more attend: the bloc is its setting,
// not one side of a pair.
bool Discourse::OrganizationsGathering() const {
  constexpr int kGatheringStates = 4;
  if (main_event_.first < 0 || principal_.size() < 2) return false;
  const int states = static_cast<int>(std::count_if(
      principal_.begin(), principal_.end(),
      [](const std::string& p) { return absl::StartsWith(p, "country:"); }));
  if (states < kGatheringStates) return false;
  const Sentence& sentence = item_.sentences[main_event_.first];
  const TokenRange event{sentence.parse.phrases.nps[main_event_.second].range.begin,
                         ChainEnd(sentence.parse.phrases, main_event_.second)};
  // "the first EU-Moldova summit" is a pair's meeting: its name holds two parties.
  std::set<std::string> named;
  bool bloc = false;
  for (const Mention& m : sentence.mentions) {
    if (!event.Contains(m.begin) || m.country.empty()) continue;
    named.insert(m.country);
    bloc |= m.kind == EntityKind::kOrganization &&
            (m.country == principal_[0] || m.country == principal_[1]);
  }
  return bloc && named.size() == 1;
}

void Discourse::FindMainEvent() {
  const Lexicon& x = k_.lexicon();
  for (size_t s = 0; s < item_.sentences.size(); ++s) {
    const Sentence& sentence = item_.sentences[s];
    if (sentence.headline) continue;
    const Phrases& ph = sentence.parse.phrases;
    for (size_t np = 0; np < ph.nps.size(); ++np) {
      const NounPhrase& phrase = ph.nps[np];
      int head = phrase.conjuncts.back().end - 1;
      bool event = false;
      for (int start = std::max(phrase.range.begin, head - 3); start <= head && !event;
           ++start) {
        PhraseMatch m = x.MatchAt(k_.classes().event_noun, sentence.tokens, start,
                                  static_cast<int>(sentence.tokens.size()));
        event = m.length > 0 && start + m.length > head;
      }
      // "the National Assembly of Morocco" is a legislature, not an event.
      if (!event || x.FindIn(k_.classes().legislature, sentence.tokens,
                             phrase.range.begin, phrase.range.end, nullptr, nullptr)) {
        continue;
      }
      // A name of its own: a capitalized word, an ordinal or an organization in it or
      // its "of" phrase.
      bool named = false;
      for (int k = phrase.range.begin; k < phrase.range.end && !named; ++k) {
        const Token& t = sentence.tokens[k];
        named =
            (t.capitalized && t.tag != Tag::kDeterminer) || ParseOrdinal(t).has_value();
      }
      for (int pp : phrase.pps) {
        const PrepPhrase& p = ph.pps[pp];
        if (p.np >= 0 && sentence.tokens[p.prep].LowerIs("of")) {
          // "a summit of Nile Basin leaders": a name in it too.
          for (int k = ph.nps[p.np].range.begin; k < ph.nps[p.np].range.end; ++k) {
            named |=
                sentence.mention_at[k] >= 0 || (sentence.tokens[k].capitalized &&
                                                sentence.tokens[k].tag == Tag::kProper);
          }
        }
      }
      if (!named) continue;
      main_event_ = {static_cast<int>(s), static_cast<int>(np)};
      return;
    }
  }
}

std::string Discourse::PlacedIn(int s, const std::vector<std::string>& states) const {
  std::string placed;
  const int last = std::min<int>(s + 1, static_cast<int>(item_.sentences.size()) - 1);
  for (int k = s; k <= last; ++k) {
    for (const Mention& m : item_.sentences[k].mentions) {
      if (!absl::StartsWith(m.id, "region:") && !absl::StartsWith(m.id, "city:") &&
          !absl::StartsWith(m.id, "site:")) {
        continue;
      }
      const std::string country(g_.CountryOf(m.id));
      if (std::find(states.begin(), states.end(), country) == states.end()) continue;
      if (!placed.empty() && placed != country) return "";
      placed = country;
    }
  }
  return placed;
}

void Discourse::RegisterPeople() {
  for (const Sentence& s : item_.sentences) {
    for (const Mention& m : s.mentions) {
      if (!IsPersonMention(m) || m.id.empty()) continue;
      PersonInfo& p = people_[m.id];
      p.id = m.id;
      if (p.name.size() < m.name.size()) p.name = m.name;
      if (p.country.empty()) p.country = m.country;
      if (p.role.empty()) p.role = m.role;
      p.leader |= m.leader;
    }
  }
}

// "Sadyr Japarov, the Kyrgyz president," and "Brazil's Lula" say whose they are.
void Discourse::LearnCountriesFromContext() {
  const Lexicon& x = k_.lexicon();
  const TitleClasses& titles = k_.classes().titles;
  // "Mark Rutte, Secretary General of NATO": an office the text gives outranks the
  // gazetteer's, which may be a past one.
  absl::flat_hash_map<std::string, std::string> stated;
  for (const Sentence& s : item_.sentences) {
    const Phrases& ph = s.parse.phrases;
    for (const NounPhrase& np : ph.nps) {
      // A list's apposition describes its last member at most.
      if (np.apposition < 0 || np.conjuncts.size() > 1) continue;
      const NounPhrase& other = ph.nps[np.apposition];
      // "president of the New Development Bank": the office with its "of" name.
      const TokenRange described{other.range.begin, ChainEnd(ph, np.apposition)};
      const Mention* person = nullptr;
      std::string country;
      for (const Mention& m : s.mentions) {
        if (np.range.Contains(m.begin) && IsPersonMention(m)) person = &m;
        if (described.Contains(m.begin) && country.empty() && !m.country.empty() &&
            (m.kind == EntityKind::kCountry || m.titled ||
             m.kind == EntityKind::kOrganization))
          country = m.country;
      }
      if (person == nullptr || country.empty()) continue;
      PersonInfo& p = people_[person->id];
      const int head = other.head;
      const bool office =
          x.MatchAt(titles.leader_title, s.tokens, head, head + 1).length > 0 ||
          x.MatchAt(titles.title, s.tokens, head, head + 1).length > 0;
      if (p.country.empty()) {
        p.country = country;
      } else if (office && p.country != country) {
        p.country = country;
        stated[person->id] = country;
      }
    }
    for (size_t m = 0; m + 1 < s.mentions.size(); ++m) {
      const Mention& owner = s.mentions[m];
      const Mention& next = s.mentions[m + 1];
      if (owner.possessive && owner.kind == EntityKind::kCountry &&
          next.begin == owner.end + 1 && IsPersonMention(next)) {
        PersonInfo& p = people_[next.id];
        if (p.country.empty()) p.country = owner.country;
      }
    }
  }
  if (stated.empty()) return;
  for (Sentence& s : item_.sentences) {
    for (Mention& m : s.mentions) {
      if (auto it = stated.find(m.id); it != stated.end()) m.country = it->second;
    }
  }
}

namespace {

// Makes *m a mention of person p, by name.
void NamePerson(const PersonInfo& p, Mention* m) {
  m->id = p.id;
  m->name = p.name;
  m->kind = EntityKind::kPerson;
  m->form = AliasForm::kPerson;
  m->country = p.country;
  m->role = p.role;
  m->leader = p.leader;
}

}  // namespace

void Discourse::AddSurnameMentions() {
  if (people_.empty()) return;
  const Lexicon& x = k_.lexicon();
  // Name parts that identify one person: "Lula", "Modi", "Boluarte".
  absl::flat_hash_map<std::string, std::string> part_of;
  absl::flat_hash_map<std::string, int> uses;
  const TitleClasses& titles = k_.classes().titles;
  auto identifies = [&](const std::string& lower) {
    return lower.size() >= 3 && !x.Contains(titles.name_particle, lower) &&
           !x.Contains(titles.name_suffix, lower) && !x.Contains(titles.title, lower) &&
           !x.Contains(titles.leader_title, lower) &&
           !x.Contains(titles.honorific, lower);
  };
  auto add = [&](absl::string_view name, const std::string& id) {
    // The parts between spaces and hyphens, split by hand: this runs for every word
    // of every person's mention. An empty part identifies no one.
    for (size_t begin = 0; begin < name.size();) {
      size_t end = name.find_first_of(" -", begin);
      if (end == absl::string_view::npos) end = name.size();
      const absl::string_view part = name.substr(begin, end - begin);
      begin = end + 1;
      if (part.empty()) continue;
      std::string lower(part);
      for (char& c : lower) c = absl::ascii_tolower(static_cast<unsigned char>(c));
      // A part already in part_of identified someone: only a new one is tested (the
      // same name is added once per mention).
      auto it = part_of.find(lower);
      if (it == part_of.end()) {
        if (!identifies(lower)) continue;
        it = part_of.emplace(lower, id).first;
        ++uses[lower];
      } else if (it->second != id) {
        ++uses[lower];
        it->second = id;
      }
    }
  };
  for (const auto& [id, p] : people_) add(p.name, id);
  // The names as the text writes them ("Chinh" for a name the gazetteer writes with
  // diacritics).
  for (const Sentence& s : item_.sentences) {
    for (const Mention& m : s.mentions) {
      if (!IsPersonMention(m) || m.id.empty() || !people_.contains(m.id)) continue;
      // "Minister of Foreign Affairs Espen Barth Eide": the words after the office.
      int start = m.begin;
      for (int k = m.begin; k < m.end; ++k) {
        for (ClassId cls : {titles.title, titles.leader_title, titles.honorific}) {
          if (const int l = x.MatchAt(cls, s.tokens, k, m.end).length; l > 0) {
            start = std::max(start, k + l);
          }
        }
      }
      for (int k = start; k < m.end; ++k) {
        if (s.tokens[k].capitalized) add(s.tokens[k].text, m.id);
      }
    }
  }
  // "Prime Minister Luis Montenegro ... Montenegro held talks": a surname that is
  // also a state's name is the person's when the item names that state in no other
  // way (not "Montenegro's president", not "the Republic of Montenegro").
  absl::flat_hash_map<std::string, bool> only_as_surname;  // Country id -> so far.
  for (const Sentence& s : item_.sentences) {
    for (const Mention& m : s.mentions) {
      if (m.kind != EntityKind::kCountry) continue;
      const Token& t = s.tokens[m.begin];
      auto it = part_of.find(t.lower);
      const bool surname = m.end == m.begin + 1 && it != part_of.end() &&
                           uses[t.lower] == 1 && !m.possessive &&
                           !s.attribution.Contains(m.begin) &&
                           !s.dateline.Contains(m.begin);
      auto [at, added] = only_as_surname.try_emplace(m.id, surname);
      if (!added) at->second = at->second && surname;
    }
  }
  for (Sentence& s : item_.sentences) {
    bool changed = false;
    for (Mention& m : s.mentions) {
      if (m.kind != EntityKind::kCountry) continue;
      if (auto it = only_as_surname.find(m.id);
          it == only_as_surname.end() || !it->second)
        continue;
      const PersonInfo& p = people_[part_of[s.tokens[m.begin].lower]];
      if (p.country == m.id) continue;  // A state's own namesake: no telling.
      NamePerson(p, &m);
      changed = true;
    }
    if (changed) SortMentions(s);
  }
  for (Sentence& s : item_.sentences) {
    bool added = false;
    const int n = static_cast<int>(s.tokens.size());
    for (int i = 0; i < n; ++i) {
      const Token& t = s.tokens[i];
      if (s.mention_at[i] >= 0 || !t.capitalized || t.kind != TokenKind::kWord) continue;
      if (s.attribution.Contains(i) || s.dateline.Contains(i)) continue;
      auto it = part_of.find(t.lower);
      if (it == part_of.end() || uses[t.lower] > 1) continue;
      const PersonInfo& p = people_[it->second];
      Mention m;
      m.begin = i;
      m.end = i + 1;
      NamePerson(p, &m);
      m.possessive = i + 1 < n && s.tokens[i + 1].LowerIs("'s");
      s.mentions.push_back(std::move(m));
      s.mention_at[i] = 0;  // Claimed; renumbered below.
      added = true;
    }
    if (added) SortMentions(s);
  }
}

void Discourse::RankParties() {
  struct Score {
    double weight = 0;
    int first = 0;
  };
  std::map<std::string, Score> scores;
  int order = 0;
  const KnownClasses& c = k_.classes();
  for (const Sentence& s : item_.sentences) {
    double weight = s.headline         ? kHeadlineWeight
                    : s.paragraph == 0 ? kLeadWeight
                                       : kBodyWeight;
    for (const Mention& m : s.mentions) {
      ++order;
      std::string party = m.country;
      if (m.kind == EntityKind::kPerson && !m.titled && people_.contains(m.id)) {
        party = people_.at(m.id).country;
      }
      if (party.empty() || m.kind == EntityKind::kCompany ||
          !(absl::StartsWith(party, "country:") || absl::StartsWith(party, "org:")))
        continue;
      // A city is where things happen, not who acts; a capital may be either.
      if (m.kind == EntityKind::kCity && m.form != AliasForm::kCapital) continue;
      bool place =
          m.begin > 0 &&
          k_.lexicon().MatchAt(c.location_prep, s.tokens, m.begin - 1, m.begin).length;
      auto [it, inserted] = scores.try_emplace(party);
      if (inserted) it->second.first = order;
      it->second.weight += place ? weight / 2 : weight;
    }
  }
  std::vector<std::pair<std::string, Score>> ranked(scores.begin(), scores.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    bool a_country = absl::StartsWith(a.first, "country:");
    bool b_country = absl::StartsWith(b.first, "country:");
    if (a.second.weight != b.second.weight) return a.second.weight > b.second.weight;
    if (a_country != b_country) return a_country;
    return a.second.first < b.second.first;
  });
  for (const auto& [id, score] : ranked) principal_.push_back(id);
  // The pair is clear when no third party weighs nearly as much as the second.
  constexpr double kClearPairRatio = 1.5;
  clear_pair_ = ranked.size() >= 2 &&
                (ranked.size() == 2 ||
                 ranked[1].second.weight >= kClearPairRatio * ranked[2].second.weight);
}

// A leader the text never places: the principal party no other leader holds.
void Discourse::GuessLeaderCountries() {
  std::vector<std::string> held;
  for (const auto& [id, p] : people_) {
    if (!p.country.empty()) held.push_back(p.country);
  }
  // "Zambia: President X flew to ...": a country as a label before a colon places the
  // person right after it.
  for (const Sentence& s : item_.sentences) {
    for (size_t k = 1; k < s.mentions.size(); ++k) {
      const Mention& label = s.mentions[k - 1];
      const Mention& m = s.mentions[k];
      if (!IsPersonMention(m) || label.kind != EntityKind::kCountry ||
          m.begin != label.end + 1 || s.tokens[label.end].text != ":")
        continue;
      auto it = people_.find(m.id);
      if (it == people_.end() || !it->second.country.empty()) continue;
      it->second.country = label.country;
      held.push_back(label.country);
    }
  }
  // In the order the item names them, so that the guess does not depend on a hash.
  std::vector<PersonInfo*> unplaced;
  for (const Sentence& s : item_.sentences) {
    for (const Mention& m : s.mentions) {
      auto it = people_.find(m.id);
      if (!IsPersonMention(m) || it == people_.end()) continue;
      if (std::find(unplaced.begin(), unplaced.end(), &it->second) == unplaced.end())
        unplaced.push_back(&it->second);
    }
  }
  for (PersonInfo* person : unplaced) {
    PersonInfo& p = *person;
    if (!p.country.empty() || p.role.empty()) continue;
    std::vector<std::string> free;
    for (size_t k = 0; k < principal_.size() && k < 2; ++k) {
      // A head of state or government leads a state, not a bank or a bloc.
      if (p.leader && !absl::StartsWith(principal_[k], "country:")) continue;
      if (std::find(held.begin(), held.end(), principal_[k]) == held.end()) {
        free.push_back(principal_[k]);
      }
    }
    if (free.size() == 2) {
      // "Prime Minister X's first visit to Manila": a visitor is not from the host.
      const std::string host = HostVisitedBy(p.id);
      if (host == free[0] || host == free[1])
        free.erase(std::find(free.begin(), free.end(), host));
    }
    if (free.size() == 1) {
      p.country = free[0];
      held.push_back(free[0]);
    }
  }
  for (Sentence& s : item_.sentences) {
    for (Mention& m : s.mentions) {
      if (!IsPersonMention(m)) continue;
      auto it = people_.find(m.id);
      if (it != people_.end() && m.country.empty()) m.country = it->second.country;
    }
  }
}

// The country of the place a person's journey goes to, or of the person they meet,
// told right after the person: "X's visit to Manila", "X arrived in Hanoi", "X
// visited Peru", "X met Ghana's foreign minister"; "" when none.
std::string Discourse::HostVisitedBy(const std::string& person) const {
  constexpr int kJourneyWindow = 6;      // Tokens from the person to the journey word.
  constexpr int kDestinationWindow = 4;  // Tokens from that word to the place.
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  for (const Sentence& s : item_.sentences) {
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    for (const Mention& m : s.mentions) {
      if (m.id != person) continue;
      for (int k = m.end; k < n && k < m.end + kJourneyWindow; ++k) {
        const bool verb = t[k].tag == Tag::kVerb;
        const bool journey =
            verb ? x.Contains(c.visit_verb, t[k].lemma) ||
                       x.Contains(c.journey_verb, t[k].lemma)
                 : t[k].tag == Tag::kNoun && x.Contains(c.visit_noun, t[k].lemma);
        // "X met Ghana's foreign minister": whom one meets is from the other side.
        if (verb && x.Contains(c.encounter_verb, t[k].lemma)) {
          for (int d = k + 1; d < n && d <= k + kDestinationWindow; ++d) {
            const int at = s.mention_at[d];
            if (at >= 0 && s.mentions[at].kind == EntityKind::kPerson &&
                !s.mentions[at].country.empty()) {
              return s.mentions[at].country;
            }
            // "X met Britain's development minister": an office of a state.
            if (at >= 0 && s.mentions[at].kind == EntityKind::kCountry &&
                s.mentions[at].possessive) {
              return s.mentions[at].country;
            }
          }
          break;
        }
        if (!journey) continue;
        for (int d = k + 1; d < n && d <= k + kDestinationWindow; ++d) {
          const int at = s.mention_at[d];
          if (at < 0) continue;
          const Mention& place = s.mentions[at];
          const bool after_prep =
              x.Contains(c.destination_prep, t[d - 1].lower) || t[d - 1].LowerIs("in");
          if ((place.kind == EntityKind::kCountry || place.kind == EntityKind::kCity) &&
              (after_prep || d == k + 1)) {
            return place.country;
          }
          break;
        }
        break;
      }
    }
  }
  return "";
}

const PersonInfo* Discourse::Person(const std::string& id) const {
  auto it = people_.find(id);
  return it == people_.end() ? nullptr : &it->second;
}

void Discourse::NoteVisit(const std::string& visitor, const std::string& host,
                          const graph::DateWithPrecision& date) {
  // The item's main visit is its first; earlier ones told later ("a tour that had
  // taken him to France") do not move the host, but the next stops of the guest's
  // tour do ("On Wednesday he travelled on to Zambia. In Lusaka, he and his host").
  if (host_.empty() && !host.empty()) {
    host_ = host;
    first_visit_ = date;
  } else if (!host.empty() && host != host_ && visitor == guest_ && date.known() &&
             first_visit_.known() && date.EndDay() > first_visit_.FirstDay()) {
    tour_host_ = host;
  }
  if (guest_.empty() && !visitor.empty()) guest_ = visitor;
}

std::string Discourse::NamedHolder(int s, const Mention& office) const {
  auto holds = [&](const Mention& m) {
    if (!IsPersonMention(m) || m.titled || m.id.empty()) return false;
    auto it = people_.find(m.id);
    if (it == people_.end()) return false;
    const PersonInfo& p = it->second;
    return p.country == office.country &&
           (p.role == office.role || (office.leader && p.leader));
  };
  const int n = static_cast<int>(item_.sentences.size());
  for (int k = std::min(s, n - 1); k >= 0; --k) {
    const std::vector<Mention>& ms = item_.sentences[k].mentions;
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      if (k == s && it->begin >= office.begin) continue;
      if (holds(*it)) return it->id;
    }
  }
  for (int k = std::max(s, 0); k < n; ++k) {
    for (const Mention& m : item_.sentences[k].mentions) {
      if (k == s && m.begin < office.begin) continue;
      if (holds(m)) return m.id;
    }
  }
  return "";
}

Referent Discourse::FromMention(int s, const Mention& m, bool as_place) const {
  Referent r;
  switch (m.kind) {
    case EntityKind::kCountry:
    case EntityKind::kOrganization:
      r.party = m.country;
      break;
    case EntityKind::kCity:
      r.city = m.id;
      r.party = m.country;
      r.place = as_place || m.form != AliasForm::kCapital;
      break;
    case EntityKind::kPerson:
      r.human = true;
      if (m.titled) {
        r.party = m.country;
        // The office holder the item names (the nearest before, else the first
        // after), else the gazetteer's.
        r.person = NamedHolder(s, m);
        if (r.person.empty())
          r.person = std::string(g_.LeaderOf(m.country, m.role, reported()));
      } else {
        r.person = m.id;
        const PersonInfo* p = Person(m.id);
        r.party = p != nullptr ? p->country : m.country;
      }
      r.counterpart = m.role == "counterpart" && r.party.empty();
      break;
    case EntityKind::kCompany:
      r.party = m.id;
      break;
    default:
      r.party = m.country;
      r.place = true;
      break;
  }
  // "signed a memorandum with Somaliland": a region is a place of its state, and its
  // own authorities are not the state's.
  if (!as_place && absl::StartsWith(m.id, "region:")) r.party.clear();
  return r;
}

const Mention* Discourse::LastMention(int s, int before, bool (*accept)(const Mention&),
                                      absl::string_view not_party) const {
  for (int k = s, step = 0; k >= 0 && step <= kPronounWindow; --k, ++step) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline && k != s) continue;
    for (auto it = sentence.mentions.rbegin(); it != sentence.mentions.rend(); ++it) {
      if (k == s && it->begin >= before) continue;
      if (!not_party.empty() && it->country == not_party) continue;
      if (accept(*it)) return &*it;
    }
  }
  return nullptr;
}

std::string Discourse::LastNamedOf(int s, int before,
                                   const std::vector<std::string>& parties) const {
  for (int k = std::min<int>(s, static_cast<int>(item_.sentences.size()) - 1); k >= 0;
       --k) {
    const std::vector<Mention>& ms = item_.sentences[k].mentions;
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      if (k == s && it->begin >= before) continue;
      std::string party = it->country;
      if (it->kind == EntityKind::kPerson && !it->titled) {
        if (const PersonInfo* p = Person(it->id)) party = p->country;
      }
      if (std::find(parties.begin(), parties.end(), party) != parties.end()) return party;
    }
  }
  return "";
}

namespace {

// The first state named in a subject `r`; a capital as a subject speaks for its state
// ("Rabat insists that its ties ..."). `fits` narrows what counts.
const Mention* FirstStateIn(const Sentence& sentence, const TokenRange& r,
                            bool (*fits)(const Mention&) = IsStateOrCapital) {
  for (int k = r.begin; k < r.end; ++k) {
    const int m = sentence.mention_at[k];
    if (m >= 0 && fits(sentence.mentions[m])) return &sentence.mentions[m];
  }
  return nullptr;
}

// How many of the item's principal parties an organization anaphor with no
// organization before it may stand for.
constexpr size_t kPrincipalOrgWindow = 3;

// How many clauses up a pronoun looks for a subject: "while its trade" in a clause
// under another.
constexpr int kClauseDepth = 4;

}  // namespace

// The first state named in a subject that ends before token `before` of sentence
// `s` (its possessor included: "Brazil's trade with China"): the subject of the
// clause holding `before`, else of the clauses it hangs from. Null when none.
const Mention* Discourse::SubjectStateBefore(int s, int before) const {
  const Sentence& sentence = item_.sentences[s];
  if (sentence.headline) return nullptr;
  const SentenceParse& parse = sentence.parse;
  if (before <= 0 || before > static_cast<int>(parse.clause_at.size())) return nullptr;
  int c = parse.clause_at[before - 1];
  for (int depth = 0; c >= 0 && depth < kClauseDepth;
       c = parse.clauses[c].parent, ++depth) {
    const int np = SubjectOf(parse, c);
    if (np < 0) continue;
    const TokenRange& r = parse.phrases.nps[np].range;
    if (r.end > before) continue;
    if (const Mention* m = FirstStateIn(sentence, r)) return m;
    // "Its trade fell, while its exports rose": the subject's own "its" first.
    if (const absl::string_view w = sentence.tokens[r.begin].lower;
        w == "its" || w == "it")
      return r.begin == 0 ? PreviousSubjectState(s) : SubjectStateBefore(s, r.begin);
  }
  // "Brazil's data tell a story: exports grew, while its trade ...": the first
  // clause's subject when the clauses above name no state.
  const int first = parse.clause_at[0];
  if (first >= 0 && first != parse.clause_at[before - 1]) {
    const int np = SubjectOf(parse, first);
    if (np >= 0 && parse.phrases.nps[np].range.end <= before) {
      return FirstStateIn(sentence, parse.phrases.nps[np].range);
    }
  }
  return nullptr;
}

bool Discourse::OrgInParagraphBefore(int s, int i) const {
  const int paragraph = item_.sentences[s].paragraph;
  for (int k = s; k >= 0 && item_.sentences[k].paragraph == paragraph; --k) {
    for (const Mention& m : item_.sentences[k].mentions) {
      if (k == s && m.begin >= i) break;
      if (IsOrgMention(m)) return true;
    }
  }
  return false;
}

std::string Discourse::PrincipalOrganization() const {
  for (size_t k = 0; k < principal_.size() && k < kPrincipalOrgWindow; ++k) {
    if (absl::StartsWith(principal_[k], "org:")) return principal_[k];
  }
  // "Brussels, 14 July 2025": the body whose seat the dateline names.
  if (absl::StartsWith(item_.dateline_country, "org:")) return item_.dateline_country;
  return "";
}

// The subject's state of the main clause of the sentence before `s`.
bool Discourse::StateNamedBefore(int s, int i) const {
  for (const Mention& m : item_.sentences[s].mentions) {
    if (m.begin < i && IsStateOrCapital(m)) return true;
  }
  return false;
}

const Mention* Discourse::PreviousSubjectState(int s) const {
  if (s == 0) return nullptr;
  const SentenceParse& parse = item_.sentences[s - 1].parse;
  for (size_t c = 0; c < parse.clauses.size(); ++c) {
    if (parse.clauses[c].parent >= 0) continue;
    const int np = SubjectOf(parse, static_cast<int>(c));
    // "Chile and Peru signed a deal. It ...": "it" goes on with no pair.
    if (np < 0 || parse.phrases.nps[np].conjuncts.size() > 1) return nullptr;
    return SubjectStateBefore(s - 1, parse.phrases.nps[np].range.end);
  }
  return nullptr;
}

// "During his stay in Ulaanbaatar, the Indonesian president met ...": a pronoun in
// the phrase that opens the sentence, before its first comma, names the person or
// office that is the main clause's subject after it; null when it is no such.
const Mention* Discourse::FrontedPronounSubject(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const SentenceParse& parse = sentence.parse;
  for (int k = 0; k <= i && k < static_cast<int>(sentence.tokens.size()); ++k) {
    if (sentence.tokens[k].tag == Tag::kComma) return nullptr;
  }
  for (size_t c = 0; c < parse.clauses.size(); ++c) {
    if (parse.clauses[c].parent >= 0) continue;
    const int np = SubjectOf(parse, static_cast<int>(c));
    if (np < 0 || parse.phrases.nps[np].range.begin <= i) return nullptr;
    const NounPhrase& x = parse.phrases.nps[np];
    for (int k = x.range.begin; k < x.range.end; ++k) {
      const int m = sentence.mention_at[k];
      if (m >= 0 && IsPersonOrOffice(sentence.mentions[m])) return &sentence.mentions[m];
    }
    return nullptr;
  }
  return nullptr;
}

// "Lula thanked Modi for his visit", "congratulated the president on her
// re-election": a pronoun after "for" or "on" right after the object of a
// @praise_verb is that object's person or office, not the subject's.
const Mention* Discourse::PraisedObject(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const SentenceParse& parse = sentence.parse;
  const std::vector<Token>& t = sentence.tokens;
  if (i < 2 || i >= static_cast<int>(parse.clause_at.size()) ||
      !(t[i - 1].LowerIs("for") || t[i - 1].LowerIs("on"))) {
    return nullptr;
  }
  const Clause& clause = parse.clauses[parse.clause_at[i]];
  if (clause.verb < 0 || clause.object < 0) return nullptr;
  const VerbGroup& g = parse.phrases.verbs[clause.verb];
  const ClassId praise = k_.lexicon().closed().praise_verb;
  if (praise < 0 || !k_.lexicon().OneWordAt(praise, t, g.head)) return nullptr;
  const NounPhrase& object = parse.phrases.nps[clause.object];
  if (object.range.end != i - 1) return nullptr;
  for (int k = object.range.begin; k < object.range.end; ++k) {
    const int m = sentence.mention_at[k];
    if (m >= 0 && IsPersonOrOffice(sentence.mentions[m])) return &sentence.mentions[m];
  }
  return nullptr;
}

// The one party a plural subject names ("EU foreign ministers", "Kenyan officials")
// when the clause around token i has such a subject before it; "" otherwise.
std::string Discourse::PluralSubjectParty(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const SentenceParse& parse = sentence.parse;
  if (i >= static_cast<int>(parse.clause_at.size()) || parse.clause_at[i] < 0) return "";
  const int np = SubjectOf(parse, parse.clause_at[i]);
  if (np < 0) return "";
  const NounPhrase& x = parse.phrases.nps[np];
  const Token& head = sentence.tokens[x.head];
  // Not a pronoun inside the subject's own "of" chain ("leaders of their three
  // countries"), whose party the chain would ask of the pronoun again.
  if (ChainEnd(parse.phrases, np) > i || x.conjuncts.size() > 1 ||
      head.lower == head.lemma) {
    return "";
  }
  std::string party;
  for (int k = x.range.begin; k < x.range.end; ++k) {
    const int m = sentence.mention_at[k];
    if (m < 0 || sentence.mentions[m].country.empty()) continue;
    if (!party.empty() && party != sentence.mentions[m].country) return "";
    party = sentence.mentions[m].country;
  }
  // "Authorities in Asuncion recalled their envoy", "the ministers of Peru ...
  // their": the one party the subject's "of" or seat phrase names.
  if (party.empty()) {
    const std::vector<Referent> of = OfChain(s, np, false);
    if (of.size() == 1) party = of.front().party;
  }
  return party;
}

// The party named before token i in the same list phrase ("Egypt and the kingdom");
// "" when none.
std::string Discourse::ConjoinedPartyBefore(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  if (i >= static_cast<int>(ph.np_at.size()) || ph.np_at[i] < 0) return "";
  const NounPhrase& x = ph.nps[ph.np_at[i]];
  if (x.conjuncts.size() < 2) return "";
  for (int k = x.range.begin; k < i; ++k) {
    if (int m = sentence.mention_at[k]; m >= 0) return sentence.mentions[m].country;
  }
  return "";
}

// The party of the subject of the clause around token i, when the token lies outside
// that subject: "X paid a visit to the kingdom" does not mean X's own kingdom.
std::string Discourse::SubjectPartyAround(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const SentenceParse& parse = sentence.parse;
  if (i >= static_cast<int>(parse.clause_at.size())) return "";
  int np = SubjectOf(parse, parse.clause_at[i]);
  if (np < 0 || parse.phrases.nps[np].range.Contains(i)) return "";
  // "Peru and South Korea signed ... during the first visit to the Andean nation": a
  // subject of several parties singles none out.
  if (parse.phrases.nps[np].conjuncts.size() > 1) return "";
  const TokenRange& r = parse.phrases.nps[np].range;
  for (int k = r.begin; k < r.end; ++k) {
    if (int m = sentence.mention_at[k]; m >= 0) return sentence.mentions[m].country;
  }
  return "";
}

// "he", "his": the last person named as a clause's subject in this sentence before
// the pronoun, else in the sentences before; the last person named at all otherwise.
std::string Discourse::LastPersonOf(int s, int before, const std::string& party) const {
  for (int k = std::min<int>(s, static_cast<int>(item_.sentences.size()) - 1); k >= 0;
       --k) {
    const std::vector<Mention>& ms = item_.sentences[k].mentions;
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      if (k == s && it->begin >= before) continue;
      if (!IsPersonMention(*it)) continue;
      const PersonInfo* p = Person(it->id);
      if (p != nullptr && p->country == party) return it->id;
    }
  }
  return "";
}

const Mention* Discourse::LastPerson(int s, int before, PhraseAt* office) const {
  for (int k = s, step = 0; k >= 0 && step <= kPronounWindow; --k, ++step) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline && k != s) continue;
    const SentenceParse& parse = sentence.parse;
    const Mention* found = nullptr;
    int office_subject = -1;  // "The emir, on his first visit": a subject office.
    for (size_t c = 0; c < parse.clauses.size(); ++c) {
      int np = parse.clauses[c].subject;
      if (np < 0) continue;
      const NounPhrase& subject = parse.phrases.nps[np];
      if (k == s && subject.range.begin >= before) continue;
      for (int t = subject.range.begin; t < subject.range.end; ++t) {
        int m = sentence.mention_at[t];
        if (m >= 0 && IsPersonOrOffice(sentence.mentions[m])) {
          if (found == nullptr || sentence.mentions[m].begin > found->begin) {
            found = &sentence.mentions[m];
          }
        }
      }
      if (IsOfficePhrase(k, subject) &&
          (office_subject < 0 ||
           subject.range.begin > parse.phrases.nps[office_subject].range.begin)) {
        office_subject = np;
      }
    }
    if (office_subject >= 0 && office != nullptr &&
        (found == nullptr ||
         parse.phrases.nps[office_subject].range.begin > found->begin)) {
      *office = {k, parse.phrases.nps[office_subject].range};
      return nullptr;
    }
    // "Modi's tour, which took him to ...": in the pronoun's own sentence, a person
    // named as a possessor counts like a subject.
    if (k == s) {
      for (const Mention& m : sentence.mentions) {
        if (m.possessive && m.begin < before && IsPersonOrOffice(m) &&
            (found == nullptr || m.begin > found->begin)) {
          found = &m;
        }
      }
    }
    if (found != nullptr) return found;
  }
  return LastMention(s, before, IsPersonOrOffice);
}

// "The emir", "the Prime Minister": a phrase that names no one but an office, which
// an office anaphor resolves.
bool Discourse::IsOfficePhrase(int s, const NounPhrase& x) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  if (x.range.end - x.range.begin < 2 || !t[x.range.begin].LowerIs("the")) return false;
  for (int k = x.range.begin; k < x.range.end; ++k) {
    if (sentence.mention_at[k] >= 0) return false;
  }
  const Lexicon& lexicon = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const int first = x.range.begin + 1;
  return lexicon.MatchAt(c.titles.leader_title, t, first, x.range.end).length > 0 ||
         lexicon.MatchAt(c.titles.title, t, first, x.range.end).length > 0;
}

// The distinct parties (no cities) that list phrase x of sentence k names, as the
// members of a group an anaphor stands for; empty when x lists fewer than two.
std::vector<Referent> Discourse::ListedParties(int k, const NounPhrase& x) const {
  if (x.conjuncts.size() < 2) return {};
  std::vector<Referent> list;
  for (const Mention* m : MentionsIn(k, x.range)) {
    Referent r = FromMention(k, *m, false);
    if (r.party.empty() || !r.city.empty()) continue;
    bool seen = false;
    for (const Referent& u : list) seen |= u.party == r.party;
    if (!seen) list.push_back(std::move(r));
  }
  if (list.size() < 2) return {};
  for (Referent& r : list) {
    r.anaphor = true;
    r.group = true;
  }
  return list;
}

// The two states a list names as the subject of a clause of the sentence before s
// ("The UK and Canada announced measures."), not those a list only names as a place or
// an object ("exports flour to Afghanistan and Tajikistan"); empty when none.
std::vector<Referent> Discourse::SubjectPairBefore(int s) const {
  if (s < 1 || item_.sentences[s - 1].headline) return {};
  const SentenceParse& parse = item_.sentences[s - 1].parse;
  for (auto clause = parse.clauses.rbegin(); clause != parse.clauses.rend(); ++clause) {
    if (clause->subject < 0) continue;
    std::vector<Referent> list = ListedParties(s - 1, parse.phrases.nps[clause->subject]);
    if (list.size() == 2) return list;
  }
  return {};
}

// "X and Y travelled to Washington, where Trump hosted them": the last phrase that
// lists parties (at least two; exactly `count` when count > 0), in this sentence
// before `before` or in the one before it. Empty when none.
std::vector<Referent> Discourse::LastList(int s, int before, int count) const {
  // A pair is looked for in the sentence only: across sentences "the two sides"
  // are the item's pair.
  const int first = count == 2 ? s : s - 1;
  for (int k = s; k >= 0 && k >= first; --k) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline) break;
    const Phrases& ph = sentence.parse.phrases;
    for (int np = static_cast<int>(ph.nps.size()) - 1; np >= 0; --np) {
      const NounPhrase& x = ph.nps[np];
      if (k == s && x.range.end > before) continue;
      std::vector<Referent> list = ListedParties(k, x);
      if (list.empty()) continue;
      if (count > 0 && static_cast<int>(list.size()) != count) continue;
      return list;
    }
  }
  return count >= 2 ? LastParties(s, before, count) : std::vector<Referent>();
}

namespace {

// Where the name a conjunct may be begins, past an article ("the Adani Group"): two
// or more capitalized words; -1 when the conjunct is no such name.
int CapitalizedNameBegin(const std::vector<Token>& t, const TokenRange& conjunct) {
  int begin = conjunct.begin;
  if (begin < conjunct.end && t[begin].tag == Tag::kDeterminer) ++begin;
  if (conjunct.end - begin < 2) return -1;
  for (int i = begin; i < conjunct.end; ++i) {
    // "Mitsui & Co": an ampersand between two capitalized words is part of a name.
    const bool ampersand = t[i].text == "&" && i > begin && i + 1 < conjunct.end;
    if (!t[i].capitalized && !ampersand) return -1;
  }
  return begin;
}

}  // namespace

// "Uzbekistan Airways signed a codeshare deal", "Air Seychelles": capitalized words
// holding a place's name and ending in a @company_word, or opened by "Air", name a
// company, not the place's state.
bool Discourse::NamedAfterPlace(int s, const TokenRange& conjunct,
                                std::string* company) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const int begin = CapitalizedNameBegin(t, conjunct);
  if (begin < 0) return false;
  bool place = false;
  std::string home;  // The state the name holds, if any.
  for (int i = begin; i < conjunct.end; ++i) {
    const int m = sentence.mention_at[i];
    if (m < 0) continue;
    const Mention& mention = sentence.mentions[m];
    if (mention.kind == EntityKind::kPerson) return false;
    place |= IsCountryMention(mention) || mention.kind == EntityKind::kCity;
    if (home.empty() && IsCountryMention(mention)) home = mention.country;
  }
  // "Indian Oil Corporation": a company's word, or its legal form after one.
  int last = conjunct.end - 1;
  if (last > begin && k_.lexicon().ContainsWord(k_.classes().company_suffix, t[last]))
    --last;
  const bool by_word = sentence.mention_at[last] < 0 &&
                       k_.lexicon().ContainsWord(k_.classes().company_word, t[last]);
  const bool by_air = t[begin].text == "Air" && sentence.mention_at[begin] < 0;
  if (!place || !(by_word || by_air)) return false;
  *company = CompanyId(t, begin, conjunct.end);
  if (!home.empty()) company_home_.try_emplace(*company, home);
  return true;
}

// "Norway's Equinor": a one-word name no list knows, owned by a state, is a company
// or body of that state, not the state acting. Titles and known people are mentions
// ("Brazil's Lula", "Chile's Foreign Minister"), so they never get here.
bool Discourse::OwnedUnknownName(int s, const TokenRange& conjunct,
                                 std::string* company) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  int owner_end = -1;
  for (int i = conjunct.begin; i < conjunct.end; ++i) {
    if (t[i].tag == Tag::kPossessive && t[i].LowerIs("'s")) {
      owner_end = i;
      break;
    }
  }
  if (owner_end <= conjunct.begin) return false;
  const int owner = sentence.mention_at[owner_end - 1];
  if (owner < 0 || !IsCountryMention(sentence.mentions[owner])) return false;
  // The company's id, made of its name after the owner ("company:posco").
  auto name_company = [&] {
    if (company == nullptr) return;
    *company = CompanyId(t, owner_end + 1, conjunct.end);
    company_home_.try_emplace(*company, sentence.mentions[owner].country);
  };
  // "Japan's Mitsui & Co", "Korea's Hanwha Group": a company by its suffix.
  for (int i = owner_end + 2; i < conjunct.end; ++i) {
    if (k_.lexicon().ContainsWord(k_.classes().company_suffix, t[i])) {
      name_company();
      return true;
    }
  }
  // "India's Tata Power": capitalized words that end in a company's word.
  bool named = conjunct.end - owner_end > 2;
  for (int i = owner_end + 1; i < conjunct.end && named; ++i) {
    named = t[i].capitalized && t[i].tag == Tag::kProper && sentence.mention_at[i] < 0;
  }
  if (named &&
      k_.lexicon().ContainsWord(k_.classes().company_word, t[conjunct.end - 1])) {
    name_company();
    return true;
  }
  // One word: "Bolivia's Luis Arce" may be a person no list knows.
  if (owner_end + 2 != conjunct.end) return false;
  // "Korea's POSCO", "Azerbaijan's SOCAR": an acronym is a company's, no person's.
  constexpr size_t kShortestAcronym = 3;
  const Token& word = t[owner_end + 1];
  if (word.text.size() >= kShortestAcronym && AllUpper(word.text) &&
      sentence.mention_at[owner_end + 1] < 0) {
    name_company();
  }
  for (int i = owner_end + 1; i < conjunct.end; ++i) {
    if (!t[i].capitalized || t[i].tag != Tag::kProper || sentence.mention_at[i] >= 0) {
      return false;
    }
    const KnownClasses& c = k_.classes();
    for (ClassId title : {c.titles.leader_title, c.titles.title, c.titles.honorific,
                          c.titles.institution}) {
      if (k_.lexicon().MatchAt(title, t, i, conjunct.end).length > 0) return false;
    }
  }
  // "Hungary's Eximbank extended a credit line": a state's lender lends for it.
  if (absl::StrContains(word.lower, "bank")) return false;
  // "Japan's Mitsui will invest": as an investor, the name is its company's (an
  // unlisted company acts in investments only, so a person no list knows loses
  // nothing else).
  name_company();
  return true;
}

// The company that the last clause subject before token i of sentence s names,
// alone; none when it names anything else.
std::optional<Referent> Discourse::CompanySubjectBefore(int s, int i) const {
  const SentenceParse& parse = item_.sentences[s].parse;
  int subject = -1;
  for (const Clause& clause : parse.clauses) {
    if (clause.subject < 0 || parse.phrases.nps[clause.subject].range.end > i) continue;
    if (subject < 0 || parse.phrases.nps[clause.subject].range.begin >
                           parse.phrases.nps[subject].range.begin) {
      subject = clause.subject;
    }
  }
  if (subject < 0) return std::nullopt;
  std::vector<Referent> named = OwnOfPhrase(s, subject, false);
  if (named.empty()) return UnknownNameAsCompany(s, subject);
  if (named.size() != 1 || !absl::StartsWith(named.front().party, "company:")) {
    return std::nullopt;
  }
  return named.front();
}

// "Macquarie said it would invest": a name no list knows that "it" goes back to is
// no person and, in this vocabulary, no state or body: a company no list knows, which
// acts only in investments. None when the phrase holds more than such a name.
std::optional<Referent> Discourse::UnknownNameAsCompany(int s, int np) const {
  constexpr int kMaxNameWords = 3;
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const NounPhrase& x = sentence.parse.phrases.nps[np];
  if (x.conjuncts.size() != 1 || x.possessor_end > x.range.begin) return std::nullopt;
  int begin = x.range.begin;
  if (t[begin].tag == Tag::kDeterminer) ++begin;
  if (begin >= x.range.end || x.range.end - begin > kMaxNameWords) return std::nullopt;
  for (int k = begin; k < x.range.end; ++k) {
    // A sentence's first word is tagged a noun: "Brookfield said it would",
    // "Stellantis said", not "Officials said it would" (a plural's "-s" follows a
    // consonant or "e").
    const absl::string_view w = t[k].lower;
    const bool plural =
        w.size() > 2 && w.back() == 's' &&
        absl::string_view("aiou").find(w[w.size() - 2]) == absl::string_view::npos;
    const bool first_name = k == 0 && t[k].tag == Tag::kNoun && !plural;
    if (!t[k].capitalized || (t[k].tag != Tag::kProper && !first_name) ||
        sentence.mention_at[k] >= 0) {
      return std::nullopt;
    }
  }
  Referent r;
  r.party = CompanyId(t, begin, x.range.end);
  r.unlisted_company = true;
  return r;
}

// "Chinese carmaker Chery will invest": a name no list knows right after a phrase
// headed by a word for a company (@company_noun) is that company; *company is its
// id ("company:chery"). The phrase finder parts the two, as it does "the ban Chile
// imposed".
bool Discourse::DescribedUnknownName(int s, int np, std::string* company) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const Phrases& ph = sentence.parse.phrases;
  const NounPhrase& x = ph.nps[np];
  if (np == 0 || x.conjuncts.size() != 1 || x.possessor_end > x.range.begin) return false;
  const NounPhrase& before = ph.nps[np - 1];
  // "the building-materials group Knauf", "hotel group Melia": a group of a trade.
  const bool trade_group = t[before.head].LowerIs("group") &&
                           before.head > before.range.begin &&
                           (!t[before.head - 1].capitalized || before.head == 1) &&
                           t[before.head - 1].tag != Tag::kDeterminer;
  if (before.range.end != x.range.begin || before.conjuncts.size() != 1 ||
      !(ActsForNoState(k_, t, before.range) || trade_group) ||
      t[before.head].capitalized) {
    return false;
  }
  for (int i = x.range.begin; i < x.range.end; ++i) {
    if (!t[i].capitalized || t[i].tag != Tag::kProper || sentence.mention_at[i] >= 0) {
      return false;
    }
  }
  *company = CompanyId(t, x.range.begin, x.range.end);
  return true;
}

bool Discourse::ApposedCompany(int s, int np, const TokenRange& conjunct,
                               std::string* company) const {
  constexpr int kMaxNameWords = 4;
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const Phrases& ph = sentence.parse.phrases;
  const NounPhrase& x = ph.nps[np];
  if (x.apposition < 0 || x.possessor_end > x.range.begin) return false;
  if (conjunct.end - conjunct.begin > kMaxNameWords) return false;
  for (int i = conjunct.begin; i < conjunct.end; ++i) {
    if (!t[i].capitalized || sentence.mention_at[i] >= 0) return false;
  }
  const NounPhrase& appos = ph.nps[x.apposition];
  const Token& head = t[appos.head];
  const bool described =
      k_.lexicon()
              .MatchAt(k_.classes().company_noun, t, appos.head, appos.head + 1)
              .length > 0 ||
      (head.LowerIs("group") && appos.pp < 0 &&
       (appos.head + 1 >= static_cast<int>(t.size()) ||
        !t[appos.head + 1].LowerIs("of")));
  if (!described ||
      !(t[appos.range.begin].LowerIs("a") || t[appos.range.begin].LowerIs("an")))
    return false;
  *company = CompanyId(t, conjunct.begin, conjunct.end);
  return true;
}

// "Koc Holding will invest", "Hyundai Motor plans": capitalized words no list knows
// that end in a company's form or word (@company_suffix, @company_word) name that
// company; *company is its id.
bool Discourse::SuffixedUnknownName(int s, const TokenRange& conjunct,
                                    std::string* company) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  const int begin = CapitalizedNameBegin(t, conjunct);
  if (begin < 0) return false;
  for (int i = begin; i < conjunct.end; ++i) {
    if (sentence.mention_at[i] >= 0) return false;
  }
  const Lexicon& x = k_.lexicon();
  const Token& last = t[conjunct.end - 1];
  if (!x.ContainsWord(k_.classes().company_suffix, last) &&
      !x.ContainsWord(k_.classes().company_word, last)) {
    return false;
  }
  *company = CompanyId(t, begin, conjunct.end);
  return true;
}

// The states of the last body headed by `head` ("council", "commission") named
// before token `before` of sentence s, within a few sentences, when its own words or
// its "of" phrase name two of them ("the Joint Commission of Chile and Peru", "the
// Chile-Peru Council"); none otherwise.
std::vector<Referent> Discourse::BilateralBody(int s, int before,
                                               absl::string_view head) const {
  constexpr int kBodyWindow = 3;  // Sentences back.
  for (int k = s; k >= 0 && k >= s - kBodyWindow; --k) {
    const Sentence& sentence = item_.sentences[k];
    const Phrases& ph = sentence.parse.phrases;
    const std::vector<Token>& t = sentence.tokens;
    for (int np = static_cast<int>(ph.nps.size()) - 1; np >= 0; --np) {
      const NounPhrase& x = ph.nps[np];
      if (k == s && x.range.end > before) continue;
      if (!t[x.head].capitalized || t[x.head].lower != head) continue;
      std::vector<Referent> parties = InRange(k, x.range.begin, x.range.end);
      const int of = x.range.end;
      if (parties.size() < 2 && of + 1 < static_cast<int>(t.size()) &&
          t[of].LowerIs("of") && np + 1 < static_cast<int>(ph.nps.size()) &&
          ph.nps[np + 1].range.begin == of + 1) {
        parties = InRange(k, ph.nps[np + 1].range.begin, ph.nps[np + 1].range.end);
      }
      parties.erase(std::remove_if(parties.begin(), parties.end(),
                                   [](const Referent& r) {
                                     return !absl::StartsWith(r.party, "country:");
                                   }),
                    parties.end());
      if (parties.size() != 2 || parties[0].party == parties[1].party) return {};
      for (Referent& r : parties) {
        r.anaphor = true;
        r.group = true;
        r.place = false;
      }
      return parties;
    }
  }
  return {};
}

// For "its" or "their" at token i right after "on" or "for" that follows the object
// of a verb of praise ("congratulated Peru on its election"): that object's parties.
std::vector<Referent> Discourse::PraisedObjectBefore(int s, int i) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  if (i < 2 || !(t[i].LowerIs("its") || t[i].LowerIs("their")) ||
      !(t[i - 1].LowerIs("on") || t[i - 1].LowerIs("for"))) {
    return {};
  }
  const SentenceParse& parse = sentence.parse;
  const int c = parse.clause_at[i - 1];
  if (c < 0) return {};
  const Clause& clause = parse.clauses[c];
  if (clause.verb < 0 || clause.object < 0 ||
      !(t[parse.phrases.verbs[clause.verb].head].verb_forms & kObjectControl) ||
      parse.phrases.nps[clause.object].range.end != i - 1) {
    return {};
  }
  return OwnOfPhrase(s, clause.object, false);
}

// Conjunct r ends in a company noun and a name no list knows ("Chinese company
// Sinohydro", "the Turkish contractor Limak"); *company is its id.
bool Discourse::CompanyEndsConjunct(int s, const TokenRange& r,
                                    std::string* company) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Token>& t = sentence.tokens;
  int k = r.end;
  while (k > r.begin && t[k - 1].capitalized && t[k - 1].tag == Tag::kProper &&
         sentence.mention_at[k - 1] < 0) {
    --k;
  }
  if (k == r.end || k == r.begin || t[k - 1].capitalized ||
      !ActsForNoState(k_, t, {r.begin, k})) {
    return false;
  }
  *company = CompanyId(t, k, r.end);
  return true;
}

// The id of the company named by tokens [begin, end), without its legal form.
std::string Discourse::CompanyId(const std::vector<Token>& t, int begin, int end) const {
  while (end - 1 > begin &&
         k_.lexicon().ContainsWord(k_.classes().legal_suffix, t[end - 1])) {
    --end;
  }
  std::string name;
  for (int i = begin; i < end; ++i) {
    if (!name.empty()) name.push_back(' ');
    name.append(t[i].text.data(), t[i].text.size());
  }
  return absl::StrCat("company:", Slugify(name));
}

// "Germany and Italy ... The latter announced": "the latter" (or "the former") at i
// stands for the last (or first) state of the nearest list of states named before.
bool Discourse::LatterOrFormer(int s, int i, int end, bool as_place,
                               std::vector<Referent>* out) const {
  const std::vector<Token>& t = item_.sentences[s].tokens;
  if (i + 1 >= end || !t[i].LowerIs("the") ||
      !(t[i + 1].LowerIs("latter") || t[i + 1].LowerIs("former"))) {
    return false;
  }
  const bool latter = t[i + 1].LowerIs("latter");
  for (int at = s, step = 0; at >= 0 && step <= kPronounWindow; --at, ++step) {
    const Sentence& sentence = item_.sentences[at];
    if (sentence.headline && at != s) continue;
    const Phrases& ph = sentence.parse.phrases;
    for (auto np = ph.nps.rbegin(); np != ph.nps.rend(); ++np) {
      if (np->conjuncts.size() < 2 || (at == s && np->range.end > i)) continue;
      std::vector<const Mention*> states;
      for (const TokenRange& conjunct : np->conjuncts) {
        const Mention* found = nullptr;
        for (const Mention& m : sentence.mentions) {
          if (conjunct.Contains(m.begin) && absl::StartsWith(m.country, "country:")) {
            found = &m;
            break;
          }
        }
        if (found != nullptr) states.push_back(found);
      }
      if (states.size() < 2) continue;
      Referent r = FromMention(at, latter ? *states.back() : *states.front(), as_place);
      r.anaphor = true;
      if (r.party.empty()) return false;
      out->push_back(std::move(r));
      return true;
    }
  }
  return false;
}

// "Chile's President Boric, whose country chairs the bloc": the name the relative
// clause follows, across a comma or an apposition's closing words; null when none
// stands right before.
const Mention* Discourse::RelativeAntecedent(int s, int whose) const {
  const Sentence& sentence = item_.sentences[s];
  int k = whose - 1;
  if (k >= 0 && sentence.tokens[k].LowerIs(",")) --k;
  if (k < 0 || sentence.mention_at[k] < 0) return nullptr;
  const Mention& m = sentence.mentions[sentence.mention_at[k]];
  return IsStateMention(m) || IsPersonOrOffice(m) ? &m : nullptr;
}

// "X hosted Y, Z and the presidents of A and B. The leaders adopted ...": the leaders
// are everyone named as a leader in that sentence (and in this one before them), a
// person or an office, or a state in the "of" phrase of an agent noun. Fewer than
// three is no gathering: the caller falls back to the item's pair.
std::vector<Referent> Discourse::LeadersNamed(int s, int before) const {
  std::vector<Referent> out;
  for (int k = std::max(0, s - 1); k <= s; ++k) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline) continue;
    for (const Mention& m : sentence.mentions) {
      if (k == s && m.begin >= before) break;
      if (m.country.empty() || m.kind == graph::EntityKind::kCity) continue;
      if (!IsPersonOrOffice(m) && !(IsStateMention(m) && OfAgent(k, m.begin))) continue;
      bool seen = false;
      for (const Referent& r : out) seen |= r.party == m.country;
      if (seen) continue;
      Referent r = FromMention(k, m, false);
      if (r.party.empty()) continue;
      r.anaphor = true;
      r.group = true;
      out.push_back(std::move(r));
    }
  }
  return out.size() >= 3 ? out : std::vector<Referent>();
}

// Whether the token at `i` lies in the "of" phrase of an agent noun: "the presidents
// of Chile and Peru".
bool Discourse::OfAgent(int s, int i) const {
  const Phrases& ph = item_.sentences[s].parse.phrases;
  const int np = ph.np_at[i];
  if (np < 0 || ph.nps[np].pp < 0) return false;
  const PrepPhrase& of_phrase = ph.pps[ph.nps[np].pp];
  const std::vector<Token>& t = item_.sentences[s].tokens;
  if (!t[of_phrase.prep].LowerIs("of") || of_phrase.attached_np < 0) return false;
  // The noun right before "of": a list's last part ("X, Y and the presidents of").
  const int noun = of_phrase.prep - 1;
  return k_.lexicon().MatchAt(k_.classes().agent_noun, t, noun, noun + 1).length > 0;
}

// "Ishiba joined Biden and Yoon for a summit, at which the three leaders ...": when no
// one phrase lists them, the last `count` parties named before, in this sentence (and
// for three or more, the one before it), if there are exactly that many.
std::vector<Referent> Discourse::LastParties(int s, int before, int count) const {
  std::vector<Referent> out;
  const int first = count == 2 ? s : std::max(0, s - 1);
  for (int k = s; k >= first && static_cast<int>(out.size()) < count; --k) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline) break;
    for (auto it = sentence.mentions.rbegin(); it != sentence.mentions.rend(); ++it) {
      if (k == s && it->begin >= before) continue;
      if (it->country.empty() || it->kind == graph::EntityKind::kCity) continue;
      bool seen = false;
      for (const Referent& r : out) seen |= r.party == it->country;
      if (seen) continue;
      if (static_cast<int>(out.size()) == count) return {};  // More than `count` named.
      Referent r = FromMention(k, *it, false);
      r.anaphor = true;
      r.group = true;
      out.push_back(std::move(r));
    }
    if (k == s && static_cast<int>(out.size()) == count) return out;
  }
  return static_cast<int>(out.size()) == count ? out : std::vector<Referent>();
}

std::vector<Referent> Discourse::RecentPair(int s, int before) const {
  constexpr int kSentencesBack = 2;
  std::vector<Referent> out;
  for (int k = s; k >= 0 && k >= s - kSentencesBack; --k) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline) break;
    for (const Mention& m : sentence.mentions) {
      if (k == s && m.begin >= before) break;
      if (!absl::StartsWith(m.country, "country:")) continue;
      bool seen = false;
      for (const Referent& r : out) seen |= r.party == m.country;
      if (seen) continue;
      if (out.size() == 2) return {};  // More than two named.
      out.push_back(GroupMember(m.country));
    }
    if (out.size() == 2) return out;  // The nearest sentences that name two.
  }
  return {};
}

// "X's minister met his Y counterpart. The two ministers signed ...": the parties
// of the people the sentence (before `before`) or the one before it names, when
// they are exactly `count`; else none.
std::vector<Referent> Discourse::LastPeopleParties(int s, int before, int count) const {
  std::vector<Referent> out;
  for (int k = s; k >= 0 && k >= s - 1; --k) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline) break;
    for (const Mention& m : sentence.mentions) {
      if (k == s && m.begin >= before) break;
      if (!IsPersonOrOffice(m)) continue;
      Referent r = FromMention(k, m, false);
      if (r.party.empty()) continue;
      bool seen = false;
      for (const Referent& u : out) seen |= u.party == r.party;
      if (seen) continue;
      r.anaphor = true;
      r.group = true;
      out.push_back(std::move(r));
    }
    if (!out.empty()) break;  // The nearest sentence that names people decides.
  }
  return static_cast<int>(out.size()) == count ? out : std::vector<Referent>();
}

std::vector<const Mention*> Discourse::MentionsIn(int s, const TokenRange& r) const {
  std::vector<const Mention*> out;
  const Sentence& sentence = item_.sentences[s];
  for (const Mention& m : sentence.mentions) {
    if (m.begin >= r.begin && m.end <= r.end) out.push_back(&m);
  }
  return out;
}

// "During the visit, ...", "the visit also saw ...": the sentence speaks of the
// item's visit by a definite visit noun.
bool Discourse::AboutTheVisit(int s) const {
  if (guest_.empty() || host_.empty()) return false;
  const std::vector<Token>& t = item_.sentences[s].tokens;
  for (size_t k = 1; k < t.size(); ++k) {
    if ((t[k - 1].LowerIs("the") || t[k - 1].LowerIs("this")) &&
        k_.lexicon()
                .MatchAt(k_.classes().visit_noun, t, static_cast<int>(k),
                         static_cast<int>(k) + 1)
                .length > 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Discourse::VisitParties() const {
  if (guest_.empty() || host_.empty() || guest_ == host_) return {};
  return {guest_, host_};
}

std::vector<Referent> Discourse::VisitPair() const {
  std::vector<Referent> out;
  for (const std::string& party : VisitParties()) out.push_back(GroupMember(party));
  return out;
}

std::vector<Referent> Discourse::Group(int count) const {
  std::vector<Referent> out;
  // "the five presidents" in an item that names Central Asia: its five states.
  if (count > 2) {
    for (const Sentence& sentence : item_.sentences) {
      for (const Mention& m : sentence.mentions) {
        if (!absl::StartsWith(m.id, "area:")) continue;
        const EntityFacts* facts = g_.FactsOf(m.id);
        if (facts == nullptr || static_cast<int>(facts->members.size()) != count)
          continue;
        for (const std::string& member : facts->members) {
          out.push_back(GroupMember(member));
        }
        return out;
      }
    }
  }
  // "the three leaders" of an item about two states and a bloc are states: a bloc
  // among three or more is the forum they meet in, not one of them.
  for (const std::string& p : principal_) {
    if (static_cast<int>(out.size()) >= count) break;
    if (count > 2 && absl::StartsWith(p, "org:")) continue;
    out.push_back(GroupMember(p));
  }
  if (out.size() < 2) out.clear();
  return out;
}

// "a Central Asian country", "another Gulf state": one state the phrase does not name.
bool Discourse::OneUnnamedOfArea(int s, const Mention& area, int end) const {
  const std::vector<Token>& t = item_.sentences[s].tokens;
  if (area.begin == 0) return false;
  const Token& article = t[area.begin - 1];
  if (!article.LowerIs("a") && !article.LowerIs("an") && !article.LowerIs("another"))
    return false;
  const PhraseMatch noun =
      k_.lexicon().MatchAt(k_.classes().country_noun, t, area.end, end);
  if (noun.length == 0) return false;
  const Token& head = t[area.end + noun.length - 1];
  return head.lower == head.lemma;
}

// "the Gulf state", "the Southeast Asian nation": the last state named before that
// lies in the region (regions.txt), other than the clause's own subject. Returns the
// tokens it covers, 0 when the words are no such description or name no one.
int Discourse::RegionalDescription(int s, int i, int end, bool as_place,
                                   std::vector<Referent>* out) const {
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const std::vector<Token>& t = item_.sentences[s].tokens;
  if (i + 2 >= end || absl::string_view(t[i].lower) != "the") return 0;
  PhraseMatch region = x.MatchAt(c.region_word, t, i + 1, end);
  if (region.length == 0) return 0;
  int k = i + 1 + region.length;
  PhraseMatch noun = x.MatchAt(c.country_noun, t, k, end);
  if (noun.length == 0) return 0;
  ClassId members = x.Find(absl::StrCat("in_", region.value));
  if (members < 0) return 0;
  const std::string own = SubjectPartyAround(s, i);
  // "Two days later, the Sahelian country expelled two Beninese diplomats": a state
  // the rest of the sentence names is the other side, not the one described.
  std::vector<absl::string_view> later;
  for (const Mention& m : item_.sentences[s].mentions) {
    if (m.begin >= k + noun.length && absl::StartsWith(m.country, "country:")) {
      later.push_back(m.country);
    }
  }
  auto fits = [&](const Mention& m) {
    if (!absl::StartsWith(m.country, "country:") || m.country == own) return false;
    if (std::find(later.begin(), later.end(), m.country) != later.end()) return false;
    return x.Contains(members, absl::AsciiStrToLower(m.country.substr(8)));
  };
  for (int at = s, step = 0; at >= 0 && step <= kPronounWindow; --at, ++step) {
    const Sentence& sentence = item_.sentences[at];
    if (sentence.headline && at != s) continue;
    // "Liberia's president returned from Abuja ... The West African nation took over":
    // the earlier sentence's subject, its topic, before the last state it named.
    if (at < s && !sentence.parse.clauses.empty()) {
      const int subject = sentence.parse.clauses[0].subject;
      if (subject >= 0) {
        const TokenRange r = sentence.parse.phrases.nps[subject].range;
        for (const Mention& m : sentence.mentions) {
          if (!r.Contains(m.begin) || !fits(m)) continue;
          Referent ref = FromMention(at, m, as_place);
          ref.party = m.country;
          ref.city.clear();
          ref.anaphor = true;
          out->push_back(std::move(ref));
          return k + noun.length - i;
        }
      }
    }
    for (auto it = sentence.mentions.rbegin(); it != sentence.mentions.rend(); ++it) {
      if (at == s && it->begin >= i) continue;
      if (!fits(*it)) continue;
      Referent r = FromMention(at, *it, as_place);
      r.party = it->country;
      r.city.clear();
      r.anaphor = true;
      out->push_back(std::move(r));
      return k + noun.length - i;
    }
  }
  return 0;
}

// "the two central banks", "both foreign ministries", "the three leaders", "the two
// Mercosur partners": a count and a plural noun for those who act for states.
// Returns the tokens it covers.
int Discourse::CountedAgents(const Sentence& sentence, int i, int end, int* count) const {
  const std::vector<Token>& t = sentence.tokens;
  constexpr int kModifiers = 3;  // "the two deputy foreign ministers"
  // Only "the" or "both" starts one: no number needs looking up elsewhere.
  if (i >= end || (!t[i].LowerIs("the") && !t[i].LowerIs("both"))) return 0;
  int k = i;
  if (t[k].LowerIs("the")) ++k;
  if (k >= end) return 0;
  if (t[k].LowerIs("both")) {
    *count = 2;
  } else if (std::optional<int64_t> n = ParseCount(t[k]); n && *n >= 2 && *n <= 12) {
    *count = static_cast<int>(*n);
    if (k == i) return 0;  // "two ministers" without "the" is no one known.
  } else {
    return 0;
  }
  ++k;
  for (int last = k; last < end && last <= k + kModifiers; ++last) {
    const Token& w = t[last];
    // "the two Mercosur partners": a bloc's name describes them, names no party.
    const int at = sentence.mention_at[last];
    const bool bloc = at >= 0 && sentence.mentions[at].kind == EntityKind::kOrganization;
    if (bloc) continue;
    if (w.capitalized || !IsNominal(w.tag)) return 0;
    bool plural = w.lower != w.lemma || w.LowerIs("authorities");
    if (plural &&
        k_.lexicon().MatchAt(k_.classes().agent_noun, t, last, last + 1).length > 0) {
      return last - i + 1;
    }
  }
  return 0;
}

bool Discourse::BlocOfCounted(const Sentence& sentence, const Mention& bloc) const {
  const std::vector<Token>& t = sentence.tokens;
  if (bloc.begin < 1 || bloc.end >= static_cast<int>(t.size())) return false;
  const Token& count = t[bloc.begin - 1];
  const std::optional<int64_t> n = ParseCount(count);
  if (!count.LowerIs("both") && !(n && *n >= 2 && *n <= 12)) return false;
  const Token& counted = t[bloc.end];
  return counted.lower != counted.lemma &&
         k_.lexicon().MatchAt(k_.classes().agent_noun, t, bloc.end, bloc.end + 1).length >
             0;
}

bool Discourse::AnaphorAt(int s, int i, int end, bool as_place,
                          std::vector<Referent>* out, int* length) const {
  // An anaphor resolved through phrases that hold other anaphors asks them in turn;
  // a chain that comes back to where it started would never end. Past this depth,
  // none is resolved.
  constexpr int kMaxAnaphorDepth = 8;
  if (anaphor_depth_ >= kMaxAnaphorDepth) return false;
  ++anaphor_depth_;
  const bool found = AnaphorAtDepth(s, i, end, as_place, out, length);
  --anaphor_depth_;
  return found;
}

bool Discourse::AnaphorAtDepth(int s, int i, int end, bool as_place,
                               std::vector<Referent>* out, int* length) const {
  const Sentence& sentence = item_.sentences[s];
  if (int length_of = RegionalDescription(s, i, end, as_place, out); length_of > 0) {
    *length = length_of;
    return true;
  }
  if (LatterOrFormer(s, i, end, as_place, out)) {
    *length = 2;
    return true;
  }
  // An anaphor never reaches into a name: "the Kingdom of Saudi Arabia" is the name.
  // An office may run past the phrase: "the Head | of State" parses as two.
  constexpr int kOfficeWindow = 6;  // Tokens an office anaphor may span.
  const int n = static_cast<int>(sentence.tokens.size());
  int office_end = std::min(n, i + kOfficeWindow);
  for (int k = i; k < office_end; ++k) {
    if (sentence.mention_at[k] >= 0) {
      office_end = k;
      break;
    }
  }
  end = std::min(end, office_end);
  if (end <= i) return false;
  const std::vector<Token>& t = sentence.tokens;
  // Besides the classes below, only "the", "both" and "whose" start an anaphor (an
  // office, a counted group, a relative's antecedent): most words fail one test.
  // The cheap test first; views compare lengths before bytes.
  const absl::string_view w = t[i].lower;
  const bool headline_word = sentence.headline && !t[i].capitalized;
  if (!k_.lexicon().MayMatchAny(anaphor_starts_, t[i]) && w != "the" && w != "both" &&
      w != "whose" && !headline_word)
    return false;
  if (t[i].LowerIs("whose")) {
    *length = 1;
    const Mention* last = RelativeAntecedent(s, i);
    // "Malaysia and Brazil, whose leaders ...": every state of a list before it.
    const Phrases& ph = sentence.parse.phrases;
    const int np = last == nullptr ? -1 : ph.np_at[last->begin];
    if (np >= 0 && ph.nps[np].conjuncts.size() > 1 && ph.nps[np].range.end == last->end) {
      const TokenRange list = ph.nps[np].range;
      for (const Mention& m : sentence.mentions) {
        if (list.Contains(m.begin) && IsStateMention(m))
          AddAnaphorOf(s, &m, as_place, out);
      }
      return true;
    }
    AddAnaphorOf(s, last, as_place, out);
    return true;
  }
  // "his host" is the visit's host before "his" is anyone's.
  return GroupAnaphorAt(s, i, end, out, length) ||
         VisitAnaphorAt(s, i, end, out, length) ||
         PronounAt(s, i, end, as_place, out, length) ||
         OfficeAnaphorAt(s, i, end, office_end, as_place, out, length);
}

void Discourse::AddAnaphorOf(int s, const Mention* m, bool as_place,
                             std::vector<Referent>* out) const {
  if (m == nullptr) return;
  Referent r = FromMention(s, *m, as_place);
  r.anaphor = true;
  if (!r.party.empty() || r.counterpart) out->push_back(std::move(r));
}

bool Discourse::GroupAnaphorAt(int s, int i, int end, std::vector<Referent>* out,
                               int* length) const {
  const Sentence& sentence = item_.sentences[s];
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const std::vector<Token>& t = sentence.tokens;
  if (PhraseMatch m = x.MatchAt(c.group_anaphor, t, i, end); m.length > 0) {
    int count = 2;
    std::vector<Referent> list;
    if (m.value == "present") {
      list = LeadersNamed(s, i);
    } else if (!m.value.empty()) {
      (void)absl::SimpleAtoi(m.value, &count);
    }
    if (list.empty()) list = LastList(s, i, count);
    // "the two leaders", "both ministers" count the people just named; "the
    // governments" does not.
    bool counted = false;
    for (int k = i; k < i + m.length; ++k) {
      counted |= t[k].LowerIs("two") || t[k].LowerIs("both");
    }
    if (list.empty() && counted) list = LastPeopleParties(s, i, count);
    // "The UK and Canada announced measures. Both imposed ...": with no pair of
    // the item's own, the pair the sentence before names.
    if (list.empty() && count == 2 && !clear_pair_) {
      std::vector<Referent> before = SubjectPairBefore(s);
      if (before.size() == 2) list = std::move(before);
    }
    // With no clear pair, or in a sentence about "the visit", "the two nations" are
    // the item's visitor and host, if any.
    if (list.empty() && count == 2 && (!clear_pair_ || AboutTheVisit(s)))
      list = VisitPair();
    if (list.empty() && count == 2 && counted && !clear_pair_) list = RecentPair(s, i);
    if (list.empty() && (count != 2 || clear_pair_)) list = Group(count);
    for (Referent& r : list) out->push_back(std::move(r));
    *length = m.length;
    return true;
  }
  if (int count = 0, length_of = CountedAgents(sentence, i, end, &count); length_of > 0) {
    std::vector<Referent> list = LastList(s, i, count);
    if (list.empty()) list = LastPeopleParties(s, i, count);
    if (list.empty()) list = Group(count);
    for (Referent& r : list) out->push_back(std::move(r));
    *length = length_of;
    return true;
  }
  if (PhraseMatch m = x.MatchAt(c.speaker_pronoun, t, i, end); m.length > 0) {
    int clause = i < static_cast<int>(sentence.parse.clause_at.size())
                     ? sentence.parse.clause_at[i]
                     : -1;
    std::vector<Referent> speakers = SpeakerOf(s, clause);
    // "'We have signed ...,' X said after talks with Y": "we" beside a partner the
    // report names is the speaker's side and the partner's; not when the quote
    // names a partner of its own ("'We signed a pact with Austria,' X said ...").
    const absl::string_view w = t[i].lower;
    if (!speakers.empty() && (w == "we" || w == "us" || w == "our" || w == "ours") &&
        !QuoteNamesPartner(s, clause)) {
      if (std::optional<Referent> partner = SpeechPartner(s, clause);
          partner && partner->party != speakers.front().party) {
        speakers.push_back(std::move(*partner));
      }
    }
    // "Joint press conference of X and Y" over "PRESIDENT X: we held talks": "we" on
    // a stage the heading gives two leaders is both their states.
    if (speakers.size() == 1 && (w == "we" || w == "us" || w == "our" || w == "ours")) {
      const std::vector<Referent>& stage = HeadingSpeakers();
      const std::string speaker = speakers.front().party;
      const bool on_stage = stage.size() > 1 && std::any_of(stage.begin(), stage.end(),
                                                            [&](const Referent& r) {
                                                              return r.party == speaker;
                                                            });
      for (const Referent& r : stage) {
        if (on_stage && r.party != speaker) speakers.push_back(r);
      }
    }
    for (Referent& r : speakers) {
      r.anaphor = true;
      out->push_back(std::move(r));
    }
    *length = m.length;
    return true;
  }
  if (PhraseMatch m = x.MatchAt(c.addressee_pronoun, t, i, end); m.length > 0) {
    const int clause = i < static_cast<int>(sentence.parse.clause_at.size())
                           ? sentence.parse.clause_at[i]
                           : -1;
    if (clause < 0 || !sentence.parse.clauses[clause].quoted) return false;
    if (std::optional<Referent> addressee = Addressee(s, clause)) {
      addressee->anaphor = true;
      out->push_back(std::move(*addressee));
    }
    *length = m.length;
    return true;
  }
  return false;
}

// The state mention of the last phrase before token i of sentence s, within the
// pronoun window, whose head is `office` and which names its state ("Jordan's foreign
// ministry", "the Chilean government"); nullptr when none.
const Mention* Discourse::OfficeNamedBefore(int s, int i, const Token& office) const {
  for (int at = s, step = 0; at >= 0 && step <= kPronounWindow; --at, ++step) {
    const Sentence& sentence = item_.sentences[at];
    const Phrases& ph = sentence.parse.phrases;
    for (auto np = ph.nps.rbegin(); np != ph.nps.rend(); ++np) {
      if (at == s && np->range.end > i) continue;
      if (np->head < 0 || sentence.tokens[np->head].lower != office.lower) continue;
      if (const Mention* state = FirstStateIn(sentence, np->range, IsCountryMention)) {
        return state;
      }
    }
  }
  return nullptr;
}

const Mention* Discourse::OnlyStateBefore(int s, int i) const {
  const Mention* only = nullptr;
  for (int at = 0; at <= s; ++at) {
    const Sentence& sentence = item_.sentences[at];
    if (sentence.headline) continue;
    for (const Mention& m : sentence.mentions) {
      if (at == s && m.begin >= i) break;
      if (!IsCountryMention(m)) continue;
      if (only != nullptr && only->country != m.country) return nullptr;
      only = &m;
    }
  }
  return only;
}

bool Discourse::PronounAt(int s, int i, int end, bool as_place,
                          std::vector<Referent>* out, int* length) const {
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const std::vector<Token>& t = item_.sentences[s].tokens;
  struct Option {
    ClassId cls;
    bool (*accept)(const Mention&);
  };
  // "RIYADH, March 11 (SPA) -- The Cabinet condemned ...": a state's own organs,
  // named by their office alone, are the dateline's state; none without one.
  if (PhraseMatch m = x.MatchAt(c.government_anaphor, t, i, end); m.length > 0) {
    const int after = i + m.length;
    if (after < static_cast<int>(t.size()) && t[after].LowerIs("of")) {
      return false;  // "the Government of Ghana", "the Council of Ministers of the CBSS".
    }
    Referent r;
    r.party = item_.dateline_country;
    // "The finance ministry raised duties on ..., South Africa's treasury said": with
    // no dateline, the state of the clause's reporter.
    if (!absl::StartsWith(r.party, "country:")) {
      const Sentence& sentence = item_.sentences[s];
      const int clause = i < static_cast<int>(sentence.parse.clause_at.size())
                             ? sentence.parse.clause_at[i]
                             : -1;
      const int speech =
          clause < 0 ? -1 : TrailingSpeech(sentence.parse, sentence.tokens, clause);
      const int speaker = speech < 0 ? -1 : SubjectOf(sentence.parse, speech);
      const Mention* state =
          speaker < 0 ? nullptr
                      : FirstStateIn(sentence, sentence.parse.phrases.nps[speaker].range,
                                     IsCountryMention);
      // "Jordan's foreign ministry issued a statement. The Ministry condemned ...": else
      // the state of the last office of that name told with its state.
      if (state == nullptr) state = OfficeNamedBefore(s, i, t[i + m.length - 1]);
      // "Georgia's ruling party won in October. The following month the government
      // halted EU accession talks": else the one state the item has named so far.
      // Not "the government in Kyiv", which names its own.
      const bool placed = after < static_cast<int>(t.size()) && t[after].LowerIs("in");
      if (state == nullptr && !placed) state = OnlyStateBefore(s, i);
      if (state == nullptr) return false;
      r.party = state->country;
    }
    r.anaphor = true;
    out->push_back(std::move(r));
    *length = m.length;
    return true;
  }
  const Option options[] = {{c.org_anaphor, IsOrgMention},
                            {c.country_anaphor, IsCountryMention},
                            {c.person_pronoun, IsPersonOrOffice},
                            {c.plural_pronoun, IsStateMention},
                            {c.it_pronoun, IsStateOrCapital}};
  for (const Option& o : options) {
    PhraseMatch m = x.MatchAt(o.cls, t, i, end);
    // "The Heads of State and Government expressed ...": an anaphor whose own "of"
    // words the parser set apart as another phrase.
    if (m.length == 0 && end < static_cast<int>(t.size()) && t[end].LowerIs("of")) {
      m = x.MatchAt(o.cls, t, i, static_cast<int>(t.size()));
      if (i + m.length <= end + 1) m.length = 0;
    }
    if (m.length == 0) continue;
    // "the Council of Heads of State of the SCO", "the Republic of Korea": a
    // description with a named "of" phrase is a name, not an anaphor.
    const int after = i + m.length;
    if ((o.cls == c.org_anaphor || o.cls == c.country_anaphor) &&
        after + 1 < static_cast<int>(t.size()) && t[after].LowerIs("of") &&
        t[after + 1].capitalized) {
      return false;
    }
    *length = m.length;
    if (o.cls == c.plural_pronoun) {
      // "EU foreign ministers discussed ... at their meeting": a plural subject of one
      // party before the pronoun is whom it names.
      if (const std::string party = PluralSubjectParty(s, i); !party.empty()) {
        Referent r;
        r.party = party;
        r.anaphor = true;
        out->push_back(std::move(r));
        return true;
      }
      // "they" after "X and Y": both; else the item's pair.
      std::vector<Referent> group = LastList(s, i, 0);
      if (group.empty()) group = Group(2);
      out->insert(out->end(), group.begin(), group.end());
      return true;
    }
    if (o.cls == c.person_pronoun) {
      if (const Mention* praised = PraisedObject(s, i)) {
        AddAnaphorOf(s, praised, as_place, out);
        return true;
      }
      // "During his stay in Ulaanbaatar, the Indonesian president met ...".
      if (const Mention* ahead = FrontedPronounSubject(s, i)) {
        AddAnaphorOf(s, ahead, as_place, out);
        return true;
      }
      PhraseAt office;
      const Mention* person = LastPerson(s, i, &office);
      if (office.sentence >= 0) {
        int office_length = 0;
        OfficeAnaphorAt(office.sentence, office.range.begin, office.range.end,
                        office.range.end, as_place, out, &office_length);
      } else {
        AddAnaphorOf(s, person, as_place, out);
      }
      return true;
    }
    // "The Council today prolonged ..." in a release from Brussels: with no
    // organization named before, the item's principal one.
    if (o.cls == c.org_anaphor) {
      // "the first session of the Supreme Council of Chile and Peru ... The council
      // adopted a programme": a body of two states named before is theirs.
      if (std::vector<Referent> pair = BilateralBody(s, i, t[i + m.length - 1].lower);
          !pair.empty()) {
        out->insert(out->end(), pair.begin(), pair.end());
        return true;
      }
      const Mention* org = LastMention(s, i, o.accept);
      // "... applied to join the CPTPP. // The bloc itself has grown": a paragraph
      // that names no body before the anaphor goes back to the item's own.
      const std::string principal = PrincipalOrganization();
      if (org != nullptr && !principal.empty() && org->country != principal &&
          !OrgInParagraphBefore(s, i)) {
        Referent r;
        r.party = principal;
        r.anaphor = true;
        out->push_back(std::move(r));
      } else if (org != nullptr) {
        AddAnaphorOf(s, org, as_place, out);
      } else if (!principal.empty()) {
        Referent r;
        r.party = principal;
        r.anaphor = true;
        out->push_back(std::move(r));
      }
      return true;
    }
    if (o.cls == c.country_anaphor) {
      std::string other = SubjectPartyAround(s, i);
      // "trade between Egypt and the kingdom": not the state it is joined to.
      if (other.empty()) other = ConjoinedPartyBefore(s, i);
      if (!m.value.empty()) {
        KindOfStateAnaphor(s, i, m.value, other, out);
        return true;
      }
      AddAnaphorOf(s, LastMention(s, i, o.accept, other), as_place, out);
      return true;
    }
    // "Brazil's exports to China grew, while its trade with Chile fell": the
    // subject's state, of this sentence before the pronoun or, for a pronoun that
    // opens the sentence, of the last one.
    // "as it takes over" names rather the last state before: only "its" does this.
    // "congratulated Kyrgyzstan on its assumption of the chair": after a verb of
    // praise, "its" in the "on" or "for" phrase is the praised object's.
    if (std::vector<Referent> praised = PraisedObjectBefore(s, i); !praised.empty()) {
      for (Referent& r : praised) {
        r.anaphor = true;
        out->push_back(std::move(r));
      }
      return true;
    }
    const Mention* subject = nullptr;
    if (t[i].LowerIs("its")) {
      subject = i == 0 ? PreviousSubjectState(s) : SubjectStateBefore(s, i);
    }
    // "X was admitted to the Forum a week after it joined ASEAN": a country named
    // as the subject before is whom "it" means; not "Putin wished Turkmenistan
    // success as it takes over", where the subject is a person.
    // "The EU extended its sanctions on Belarus. It also lifted ...", "On Monday it
    // lifted ...": "it" with no state named before it in its sentence goes on with
    // the last one's subject, a state or a body.
    if (t[i].LowerIs("it") && (i == 0 || !StateNamedBefore(s, i))) {
      // "Ankara restricted exports ... It then halted all trade": a capital that
      // acts for its state goes on as well.
      const Mention* before = PreviousSubjectState(s);
      if (before != nullptr && (before->kind == EntityKind::kCountry ||
                                IsOrgMention(*before) || IsStateOrCapital(*before))) {
        subject = before;
      }
    }
    if ((t[i].LowerIs("it") || t[i].LowerIs("its")) && i > 0) {
      // "Samsung said it would invest", "China's BYD announced that it would build",
      // "in its car plant": a company as the subject before "it" is whom it means.
      if (std::optional<Referent> company = CompanySubjectBefore(s, i)) {
        company->anaphor = true;
        out->push_back(std::move(*company));
        return true;
      }
      const Mention* state = SubjectStateBefore(s, i);
      if (state != nullptr && state->kind == EntityKind::kCountry) subject = state;
      // "The latter announced it would invest": whom "the latter" named.
      if (subject == nullptr) {
        for (int k = 0; k + 1 < i; ++k) {
          if (LatterOrFormer(s, k, k + 2, as_place, out)) return true;
        }
      }
    }
    AddAnaphorOf(s, subject != nullptr ? subject : LastMention(s, i, o.accept), as_place,
                 out);
    return true;
  }
  return false;
}

// "official visit to the Kingdom": the last state named of that kind (an area of
// kinds of state, `kind`), not `other`; else the dateline's when it is one.
void Discourse::KindOfStateAnaphor(int s, int i, absl::string_view kind,
                                   absl::string_view other,
                                   std::vector<Referent>* out) const {
  const EntityFacts* facts = g_.FactsOf(kind);
  if (facts == nullptr) return;
  auto of_kind = [&](absl::string_view party) {
    return !party.empty() && party != other &&
           std::find(facts->members.begin(), facts->members.end(), party) !=
               facts->members.end();
  };
  std::string party;
  for (int k = s, step = 0; k >= 0 && step <= kPronounWindow && party.empty();
       --k, ++step) {
    const Sentence& sentence = item_.sentences[k];
    if (sentence.headline && k != s) continue;
    for (auto it = sentence.mentions.rbegin(); it != sentence.mentions.rend(); ++it) {
      if (k == s && it->begin >= i) continue;
      if (IsCountryMention(*it) && of_kind(it->country)) {
        party = it->country;
        break;
      }
    }
  }
  if (party.empty() && of_kind(item_.dateline_country)) party = item_.dateline_country;
  if (party.empty()) return;
  Referent r;
  r.party = party;
  r.anaphor = true;
  out->push_back(std::move(r));
}

bool Discourse::OfficeAnaphorAt(int s, int i, int end, int office_end, bool as_place,
                                std::vector<Referent>* out, int* length) const {
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const std::vector<Token>& t = item_.sentences[s].tokens;
  // "the President", "the Prime Minister": the item's last holder of the office.
  // A headline drops the article: "as emir visits Islamabad".
  int first = i + 1;
  if (!t[i].LowerIs("the")) {
    const bool bare_in_headline =
        item_.sentences[s].headline && !t[i].capitalized &&
        (i == 0 || (t[i - 1].tag != Tag::kDeterminer && t[i - 1].tag != Tag::kAdjective &&
                    t[i - 1].tag != Tag::kProper && t[i - 1].tag != Tag::kPossessive));
    if (!bare_in_headline) return false;
    first = i;
  }
  if (first >= end) return false;
  PhraseMatch office = x.MatchAt(c.titles.leader_title, t, first, office_end);
  const bool leader_office = office.length > 0;
  if (office.length == 0) office = x.MatchAt(c.titles.title, t, first, office_end);
  if (office.length == 0 || office.value.empty()) return false;
  *length = first - i + office.length;
  AddOfficeHolder(s, i, std::string(office.value), leader_office, as_place, out);
  return true;
}

void Discourse::AddOfficeHolder(int s, int i, const std::string& role, bool leader_office,
                                bool as_place, std::vector<Referent>* out) const {
  if (AddNearHolder(s, i, role, leader_office, as_place, out) ||
      AddFirstHolder(s, role, as_place, out)) {
    return;
  }
  AddPrincipalHolder(role, out);
}

// The holder of the same office; else a leader, when either office is one of no
// particular post: "the Head of State" for "President X", "the emir" for "the
// Qatari leader Tamim". In the sentence itself the nearest before; in earlier ones
// (up to kPronounWindow) the first, as a reader takes the subject.
bool Discourse::AddNearHolder(int s, int i, const std::string& role, bool leader_office,
                              bool as_place, std::vector<Referent>* out) const {
  const Lexicon& x = k_.lexicon();
  const ClassId generic = k_.classes().titles.generic_office;
  auto generic_role = [&](const std::string& r) {
    return x.Contains(generic, absl::StrReplaceAll(r, {{"_", " "}}));
  };
  const bool generic_anaphor = generic_role(role);
  for (bool any_leader : {false, true}) {
    if (any_leader && !leader_office) break;
    auto holds = [&](const Mention& m) {
      if (!IsPersonMention(m)) return false;
      if (!any_leader) return m.role == role;
      return m.leader && (generic_anaphor || generic_role(m.role));
    };
    for (int k = s; k >= 0 && k >= s - kPronounWindow; --k) {
      const Sentence& other = item_.sentences[k];
      const Mention* found = nullptr;
      for (const Mention& m : other.mentions) {
        if (k == s && m.begin >= i) break;
        if (!holds(m)) continue;
        found = &m;
        if (k != s) break;
      }
      if (found != nullptr) {
        Referent r = FromMention(k, *found, as_place);
        r.anaphor = true;
        if (!r.party.empty()) out->push_back(std::move(r));
        return true;
      }
    }
  }
  return false;
}

// "the President" far from any president: the item's first holder of the office,
// its protagonist as the lead names it.
bool Discourse::AddFirstHolder(int s, const std::string& role, bool as_place,
                               std::vector<Referent>* out) const {
  for (int k = 0; k < s - kPronounWindow; ++k) {
    for (const Mention& m : item_.sentences[k].mentions) {
      if (!IsPersonMention(m) || m.role != role) continue;
      Referent r = FromMention(k, m, as_place);
      r.anaphor = true;
      if (r.party.empty()) continue;
      out->push_back(std::move(r));
      return true;
    }
  }
  return false;
}

// "the emir's trip to Nairobi" with no emir named: the one principal country that
// has a holder of the office.
void Discourse::AddPrincipalHolder(const std::string& role,
                                   std::vector<Referent>* out) const {
  constexpr size_t kPrincipalWindow = 3;
  std::string holder;
  for (size_t k = 0; k < principal_.size() && k < kPrincipalWindow; ++k) {
    if (!absl::StartsWith(principal_[k], "country:") ||
        g_.LeaderOf(principal_[k], role).empty()) {
      continue;
    }
    if (!holder.empty()) return;  // Two could be meant: no one is.
    holder = principal_[k];
  }
  if (holder.empty()) return;
  Referent r;
  r.party = std::move(holder);
  r.anaphor = true;
  r.human = true;
  out->push_back(std::move(r));
}

bool Discourse::VisitAnaphorAt(int s, int i, int end, std::vector<Referent>* out,
                               int* length) const {
  const Lexicon& x = k_.lexicon();
  const KnownClasses& c = k_.classes();
  const std::vector<Token>& t = item_.sentences[s].tokens;
  if (PhraseMatch m = x.MatchAt(c.host_anaphor, t, i, end); m.length > 0) {
    *length = m.length;
    std::string host = tour_host_.empty() ? host_ : tour_host_;
    // "After meeting X in Kampala, the president and his host signed ...": with no
    // visit or dateline to go by, the state of the last city named.
    if (host.empty()) {
      auto is_city = [](const Mention& place) {
        return place.kind == EntityKind::kCity && !place.country.empty();
      };
      if (const Mention* city = LastMention(s, i, is_city)) host = city->country;
    }
    if (!host.empty()) {
      Referent r;
      r.party = host;
      r.anaphor = true;
      out->push_back(std::move(r));
    }
    return true;
  }
  if (PhraseMatch m = x.MatchAt(c.guest_anaphor, t, i, end); m.length > 0) {
    *length = m.length;
    std::string guest = guest_;
    if (guest.empty()) {
      for (const std::string& p : principal_) {
        if (p != host_ && absl::StartsWith(p, "country:")) {
          guest = p;
          break;
        }
      }
    }
    if (!guest.empty()) {
      Referent r;
      r.party = guest;
      r.anaphor = true;
      out->push_back(std::move(r));
    }
    return true;
  }
  return false;
}
std::vector<Referent> Discourse::InRange(int s, int begin, int end, bool as_place) const {
  std::vector<Referent> out;
  const Sentence& sentence = item_.sentences[s];
  end = std::min<int>(end, static_cast<int>(sentence.tokens.size()));
  for (int i = std::max(begin, 0); i < end;) {
    if (int m = sentence.mention_at[i]; m >= 0) {
      const Mention& mention = sentence.mentions[m];
      // "The Gulf state": an area's name inside a description of one state.
      if (absl::StartsWith(mention.id, "area:")) {
        if (int length = RegionalDescription(s, i, end, as_place, &out); length > 0) {
          i += length;
          continue;
        }
      }
      // "with a Central Asian country", "another Gulf state": one of the area's
      // states, which the phrase does not name.
      if (absl::StartsWith(mention.id, "area:") && OneUnnamedOfArea(s, mention, end)) {
        i = std::max(mention.end, i + 1);
        continue;
      }
      // "Italy and Central Asia", "the five Central Asian states": an area acting is
      // its member states.
      if (!as_place && absl::StartsWith(mention.id, "area:")) {
        if (const EntityFacts* facts = g_.FactsOf(mention.id)) {
          for (const std::string& member : facts->members) {
            Referent r;
            r.party = member;
            r.group = true;
            r.area = true;
            out.push_back(std::move(r));
          }
        }
        i = std::max(mention.end, i + 1);
        continue;
      }
      // "the two Mercosur partners", "both EU members": a bloc's name between a
      // count and the states it counts describes them; the count names them.
      if (mention.kind == EntityKind::kOrganization && BlocOfCounted(sentence, mention)) {
        i = std::max(mention.end, i + 1);
        continue;
      }
      // "EU-Egypt" is two names on one token: every mention of the span counts, and
      // so does one that shares its first or last token ("ASEAN-New Zealand").
      int span_end = mention.end;
      for (const Mention& same : sentence.mentions) {
        if (same.begin != mention.begin && same.end != mention.end) continue;
        Referent r = FromMention(s, same, as_place);
        if (!r.party.empty() || r.counterpart || !r.city.empty())
          out.push_back(std::move(r));
        span_end = std::max(span_end, same.end);
      }
      i = std::max(span_end, i + 1);
      continue;
    }
    int length = 0;
    if (AnaphorAt(s, i, end, as_place, &out, &length)) {
      i += std::max(length, 1);
      continue;
    }
    ++i;
  }
  // One referent per party: the first, unless the first is a plain name and a later
  // one names the party through its person ("Peru's Boluarte" is Boluarte acting,
  // with Peru her country).
  std::vector<Referent> unique;
  for (Referent& r : out) {
    Referent* seen = nullptr;
    for (Referent& u : unique) {
      if (!r.party.empty() && u.party == r.party && u.place == r.place) seen = &u;
    }
    if (seen == nullptr) {
      unique.push_back(std::move(r));
    } else if (seen->person.empty() && !seen->group && !seen->anaphor &&
               !r.person.empty() && !r.anaphor) {
      *seen = std::move(r);
    }
  }
  return unique;
}

bool Discourse::AgentHead(int s, int np) const {
  const Sentence& sentence = item_.sentences[s];
  int head = sentence.parse.phrases.nps[np].head;
  return k_.lexicon()
             .MatchAt(k_.classes().agent_noun, sentence.tokens, head, head + 1)
             .length > 0;
}

// A phrase's own names, or the list an apposition gives for it ("the four members of
// EFTA - Switzerland, Norway, Iceland and Liechtenstein -").
std::vector<Referent> Discourse::OwnReferents(int s, int np, bool as_place) const {
  const Phrases& ph = item_.sentences[s].parse.phrases;
  const NounPhrase& phrase = ph.nps[np];
  if (phrase.apposition >= 0 && ph.nps[phrase.apposition].conjuncts.size() > 1) {
    std::vector<Referent> list = InRange(s, ph.nps[phrase.apposition].range.begin,
                                         ph.nps[phrase.apposition].range.end, as_place);
    if (list.size() > 1) return list;
  }
  return InRange(s, phrase.range.begin, phrase.range.end, as_place);
}

// "received a delegation led by the Foreign Minister of Kazakhstan": whom a passive
// @leader_verb ("led", "headed") after an agent's phrase names with "by".
std::vector<Referent> Discourse::LedBy(int s, int np, bool as_place) const {
  const Sentence& sentence = item_.sentences[s];
  const SentenceParse& parse = sentence.parse;
  for (const Clause& c : parse.clauses) {
    if (c.kind != ClauseKind::kParticipial || c.antecedent != np || c.verb < 0) continue;
    const VerbGroup& verb = parse.phrases.verbs[c.verb];
    if (!verb.passive || !k_.lexicon().Contains(k_.classes().leader_verb,
                                                sentence.tokens[verb.head].lemma)) {
      continue;
    }
    for (int pp : c.pps) {
      const PrepPhrase& p = parse.phrases.pps[pp];
      if (p.np >= 0 && sentence.tokens[p.prep].LowerIs("by")) {
        return OwnReferents(s, p.np, as_place);
      }
    }
  }
  return {};
}

// "the heads of state of Chile and Peru": down the "of" phrases to the names.
std::vector<Referent> Discourse::OfChain(int s, int np, bool as_place) const {
  const Sentence& sentence = item_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  for (int depth = 0; depth < 3 && np >= 0; ++depth) {
    int next = -1;
    for (int pp : ph.nps[np].pps) {
      const PrepPhrase& p = ph.pps[pp];
      absl::string_view prep = sentence.tokens[p.prep].lower;
      // "the presidents of X", "his counterparts from X".
      if (p.np >= 0 && (prep == "of" || (prep == "from" && depth == 0))) {
        next = p.np;
        break;
      }
      // "the government in Asuncion", "authorities in Kabul": the capital's state.
      if (p.np >= 0 && prep == "in" && depth == 0 &&
          k_.lexicon().OneWordAt(k_.classes().seat_agent, sentence.tokens,
                                 ph.nps[np].head)) {
        std::vector<Referent> seat = OwnReferents(s, p.np, false);
        seat.erase(std::remove_if(seat.begin(), seat.end(),
                                  [](const Referent& r) {
                                    return r.city.empty() || r.place || r.party.empty();
                                  }),
                   seat.end());
        return seat;
      }
    }
    if (next < 0) return {};
    // "thousands of Moroccan fans", "a group of Chinese firms": no state acts.
    const TokenRange& last = ph.nps[next].conjuncts.back();
    if (sentence.mention_at[last.end - 1] < 0 &&
        ActsForNoState(k_, sentence.tokens, last)) {
      return {};
    }
    std::vector<Referent> found = OwnReferents(s, next, as_place);
    if (!found.empty()) return found;
    np = next;
  }
  return {};
}

// Whether a mention of the sentence outside `r` stands for `party`.
bool Discourse::NamedOutside(const Sentence& sentence, const TokenRange& r,
                             absl::string_view party) {
  for (const Mention& m : sentence.mentions) {
    if (!r.Contains(m.begin) && m.country == party) return true;
  }
  return false;
}

// "a tour of three Andean states": a count that is not the area's number
// of states leaves open which of them are meant.
bool Discourse::CountFitsArea(const Sentence& sentence, const TokenRange& conjunct,
                              const std::vector<Referent>& part) {
  const int members = static_cast<int>(
      std::count_if(part.begin(), part.end(), [](const Referent& r) { return r.area; }));
  if (members == 0) return true;
  for (int i = conjunct.begin; i < conjunct.end; ++i) {
    if (sentence.mention_at[i] >= 0) break;  // Only a count before the area's name.
    if (std::optional<int64_t> n = ParseCount(sentence.tokens[i])) return *n == members;
  }
  return true;
}

// An area acts through its states only as the phrase's head or before an agent noun
// ("Central Asia", "the Central Asian states"), not as a modifier ("a Central Asian
// tour"); and of "three Central Asian states", only those the sentence names
// otherwise.
void Discourse::KeepAreaMembers(const Sentence& sentence, const TokenRange& conjunct,
                                std::vector<Referent>* part) const {
  const int last_token = conjunct.end - 1;
  const bool area_head =
      sentence.mention_at[last_token] >= 0 &&
      absl::StartsWith(sentence.mentions[sentence.mention_at[last_token]].id, "area:");
  const bool agent_head =
      k_.lexicon()
          .MatchAt(k_.classes().agent_noun, sentence.tokens, last_token, last_token + 1)
          .length > 0;
  const bool acts = area_head || agent_head;
  const bool counted = acts && !CountFitsArea(sentence, conjunct, *part);
  part->erase(std::remove_if(part->begin(), part->end(),
                             [&](const Referent& r) {
                               if (!r.area) return false;
                               if (!acts) return true;
                               return counted &&
                                      !NamedOutside(sentence, conjunct, r.party);
                             }),
              part->end());
}

// The "of" phrase after a phrase's last conjunct names who acts for an agent noun
// ("the presidents of Chile and Peru"), or for a conjunct that names no one.
void Discourse::AddOfPhrase(int s, int np, int k, bool as_place,
                            std::vector<Referent>* part) const {
  const Sentence& sentence = item_.sentences[s];
  const TokenRange& conjunct = sentence.parse.phrases.nps[np].conjuncts[k];
  int last_word = conjunct.end - 1;
  bool agent =
      k_.lexicon()
          .MatchAt(k_.classes().agent_noun, sentence.tokens, last_word, last_word + 1)
          .length > 0;
  if (!agent && !part->empty()) return;
  std::vector<Referent> of = OfChain(s, np, as_place);
  if (of.empty() && agent) of = LedBy(s, np, as_place);
  // "green electricity from Central Asia": a thing from an area is from some of its
  // states, not all of them acting (as "the leaders of Central Asia" are).
  if (!agent) {
    of.erase(
        std::remove_if(of.begin(), of.end(), [](const Referent& r) { return r.area; }),
        of.end());
  }
  for (Referent& r : of) r.conjunct = k;
  // "the leaders of India and France", "the foreign ministers of the five states":
  // the "of" phrase says which, not the office's last holder.
  bool only_anaphors = std::all_of(
      part->begin(), part->end(), [](const Referent& r) { return r.group || r.anaphor; });
  if (!of.empty() && only_anaphors) part->clear();
  // "her counterparts from Chile and Peru": the "from" phrase says whose.
  if (!of.empty()) {
    part->erase(std::remove_if(
                    part->begin(), part->end(),
                    [](const Referent& r) { return r.counterpart && r.party.empty(); }),
                part->end());
  }
  if (agent || !of.empty()) part->insert(part->end(), of.begin(), of.end());
}

std::vector<Referent> Discourse::OfPhrase(int s, int np, bool as_place) const {
  const Phrases& ph = item_.sentences[s].parse.phrases;
  if (np < 0 || np >= static_cast<int>(ph.nps.size())) return {};
  std::vector<Referent> out = OwnOfPhrase(s, np, as_place);
  const int across = ph.nps[np].across;
  if (across < 0) return out;
  // The other side's conjuncts count on after this phrase's.
  const int first = static_cast<int>(ph.nps[np].conjuncts.size());
  for (Referent& r : OwnOfPhrase(s, across, as_place)) {
    r.conjunct += first;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Referent> Discourse::OwnOfPhrase(int s, int np, bool as_place) const {
  const Sentence& sentence = item_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  const NounPhrase& phrase = ph.nps[np];
  std::vector<Referent> out;
  for (size_t k = 0; k < phrase.conjuncts.size(); ++k) {
    TokenRange conjunct = phrase.conjuncts[k];
    // "his counterpart": whose counterpart is not who the counterpart is.
    int head = conjunct.end - 1;
    if (sentence.tokens[conjunct.begin].tag == Tag::kPossessive &&
        k_.lexicon()
                .MatchAt(k_.classes().titles.counterpart, sentence.tokens, head, head + 1)
                .length > 0) {
      ++conjunct.begin;
    }
    std::vector<Referent> part = InRange(s, conjunct.begin, conjunct.end, as_place);
    // The company a name no list knows stands for, alone in the part ("" for none).
    auto only_company = [&part](std::string company) {
      part.clear();
      if (company.empty()) return;
      Referent r;
      r.party = std::move(company);
      r.unlisted_company = true;
      part.push_back(std::move(r));
    };
    // "Korea's POSCO will invest": the state's company, not the state, acts.
    if (std::string company; OwnedUnknownName(s, conjunct, &company)) {
      only_company(std::move(company));
    }
    // "Uzbekistan Airways", "Air Astana": a company named after a place.
    if (std::string company; NamedAfterPlace(s, conjunct, &company)) {
      only_company(std::move(company));
    }
    // "between Kenya and Chinese company Sinohydro": a conjunct that ends in a name
    // described as a company is that company, not the state of its adjective.
    if (std::string company;
        phrase.conjuncts.size() > 1 && CompanyEndsConjunct(s, conjunct, &company)) {
      only_company(std::move(company));
    }
    if (std::string company; part.empty() && DescribedUnknownName(s, np, &company)) {
      only_company(std::move(company));
    }
    // "Verdant Chemie, a German chemicals group, will build": a name no list knows
    // that its apposition calls a company is that company, not the state of the
    // apposition's adjective.
    if (std::string company;
        k + 1 == phrase.conjuncts.size() && ApposedCompany(s, np, conjunct, &company)) {
      only_company(std::move(company));
    }
    if (std::string company; part.empty() && SuffixedUnknownName(s, conjunct, &company)) {
      only_company(std::move(company));
    }
    KeepTheCompany(sentence, head, &part);
    KeepAreaMembers(sentence, conjunct, &part);
    bool last = k + 1 == phrase.conjuncts.size();
    if (last && phrase.apposition >= 0 &&
        ph.nps[phrase.apposition].conjuncts.size() > 1) {
      std::vector<Referent> list = OwnReferents(s, np, as_place);
      if (list.size() > 1) part = std::move(list);
    }
    for (Referent& r : part) r.conjunct = static_cast<int>(k);
    if (last) AddOfPhrase(s, np, static_cast<int>(k), as_place, &part);
    // "Armenia's grid operator", "a Chinese firm", "a subsidiary of Masdar": a
    // company, which the names around it do not make a state; nor a team or tourists.
    if (sentence.mention_at[head] < 0 &&
        (ActsForNoState(k_, sentence.tokens, conjunct) ||
         (!as_place && EndsWithClass(k_.lexicon(), sentence.tokens,
                                     k_.classes().subnational_body, conjunct)))) {
      MarkOrDropBody(sentence.tokens, conjunct, &part);
    }
    out.insert(out.end(), part.begin(), part.end());
  }
  // "The visiting president, Brazil's Lula, ...": the apposition names who.
  bool only_anaphors =
      std::all_of(out.begin(), out.end(), [](const Referent& r) { return r.anaphor; });
  if (only_anaphors && phrase.apposition >= 0) {
    std::vector<Referent> named = OfPhrase(s, phrase.apposition, as_place);
    if (!named.empty() || out.empty()) return named;
  }
  // "leaders from 49 African countries, among them Kenya's Ruto and ...": a
  // phrase that names no one by itself is named by the list that elaborates it.
  const bool only_areas = std::all_of(
      out.begin(), out.end(), [](const Referent& r) { return r.area || r.anaphor; });
  if (only_areas) {
    std::vector<Referent> listed = ElaboratingList(s, np, as_place);
    if (!listed.empty()) return listed;
  }
  return out;
}

// The parties an elaboration right after phrase np and its "of"/"from" phrases
// lists ("delegations from 48 nations, including Ethiopia, Ghana and Tanzania"):
// the mentions from the opener to the end of the clause's list.
std::vector<Referent> Discourse::ElaboratingList(int s, int np, bool as_place) const {
  const Sentence& sentence = item_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  const std::vector<Token>& t = sentence.tokens;
  const int n = static_cast<int>(t.size());
  int k = ChainEnd(ph, np);
  if (k < n && t[k].tag == Tag::kComma) ++k;
  const int opener =
      k < n ? k_.lexicon().MatchAt(k_.classes().list_elaboration, t, k, n).length : 0;
  if (opener == 0) return {};
  int stop = k + opener;
  while (stop < n && t[stop].tag != Tag::kPunct && ph.verb_at[stop] < 0 &&
         !(t[stop].tag == Tag::kComma && stop + 1 < n && t[stop + 1].tag == Tag::kVerb)) {
    ++stop;
  }
  return InRange(s, k + opener, stop, as_place);
}

std::optional<Referent> Discourse::StateNamedIn(int s, const TokenRange& r) const {
  const Mention* m = FirstStateIn(item_.sentences[s], r, IsStateMention);
  if (m == nullptr) return std::nullopt;
  Referent state = FromMention(s, *m, false);
  if (state.party.empty()) return std::nullopt;
  return state;
}

std::optional<Referent> Discourse::SpeechPartner(int s, int clause) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Clause>& clauses = sentence.parse.clauses;
  if (clause < 0 || clause >= static_cast<int>(clauses.size()) ||
      clauses[clause].speech < 0) {
    return std::nullopt;
  }
  const int speech = clauses[clause].speech;
  const TokenRange r = clauses[speech].range;
  const std::vector<Token>& t = sentence.tokens;
  for (int k = r.begin; k < r.end && k < static_cast<int>(t.size()); ++k) {
    if (t[k].LowerIs("with") || t[k].LowerIs("alongside")) {
      return StateNamedIn(s, {k + 1, r.end});
    }
  }
  // "X said after meeting Y", "X said while hosting Y": a participle under the
  // report whose verb is a @partner_verb names the partner in its object.
  for (const Clause& child : clauses) {
    if (child.parent != speech || child.kind != ClauseKind::kParticipial ||
        child.verb < 0 || child.object < 0) {
      continue;
    }
    const VerbGroup& g = sentence.parse.phrases.verbs[child.verb];
    if (!k_.lexicon().Contains(k_.classes().partner_verb, t[g.head].lemma)) continue;
    return StateNamedIn(s, sentence.parse.phrases.nps[child.object].range);
  }
  return std::nullopt;
}

bool Discourse::QuoteNamesPartner(int s, int clause) const {
  const Sentence& sentence = item_.sentences[s];
  if (clause < 0 || clause >= static_cast<int>(sentence.parse.clauses.size()))
    return false;
  const TokenRange r = sentence.parse.clauses[clause].range;
  const std::vector<Token>& t = sentence.tokens;
  for (int k = r.begin; k + 1 < r.end && k + 1 < static_cast<int>(t.size()); ++k) {
    if ((t[k].LowerIs("with") || t[k].LowerIs("between")) &&
        StateNamedIn(s, {k + 1, r.end})) {
      return true;
    }
  }
  return false;
}

std::optional<Referent> Discourse::Addressee(int s, int clause) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Clause>& clauses = sentence.parse.clauses;
  if (clause < 0 || clause >= static_cast<int>(clauses.size()) ||
      clauses[clause].speech < 0) {
    return std::nullopt;
  }
  if (const int object = clauses[clauses[clause].speech].object; object >= 0) {
    const TokenRange r = sentence.parse.phrases.nps[object].range;
    if (std::optional<Referent> told = StateNamedIn(s, r)) return told;
  }
  return SpeechPartner(s, clause);
}

const std::vector<Referent>& Discourse::HeadingSpeakers() const {
  // The item's headings do not change: read them once, on the first pronoun.
  if (heading_speakers_.has_value()) return *heading_speakers_;
  std::vector<Referent>& out = heading_speakers_.emplace();
  for (size_t k = 0; k < item_.sentences.size() && out.empty(); ++k) {
    const Sentence& heading = item_.sentences[k];
    if (!heading.headline) continue;
    const std::vector<Token>& t = heading.tokens;
    if (k_.lexicon().MatchAt(k_.classes().speech_heading, t, 0, t.size()).length == 0)
      continue;
    for (const Mention& m : heading.mentions) {
      if (!IsPersonMention(m)) continue;
      Referent r = FromMention(static_cast<int>(k), m, false);
      if (r.party.empty() || std::any_of(out.begin(), out.end(), [&](const Referent& o) {
            return o.party == r.party;
          })) {
        continue;
      }
      out.push_back(std::move(r));
    }
    if (!out.empty()) break;
    for (const Mention& m : heading.mentions) {
      if (!IsCountryMention(m)) continue;
      Referent r;
      r.party = m.country;
      out.push_back(std::move(r));
      break;
    }
  }
  return out;
}

std::optional<Referent> Discourse::HeadingSpeaker() const {
  const std::vector<Referent>& speakers = HeadingSpeakers();
  if (speakers.empty()) return std::nullopt;
  return speakers.front();
}

std::vector<Referent> Discourse::SpeakerOf(int s, int clause) const {
  const Sentence& sentence = item_.sentences[s];
  const std::vector<Clause>& clauses = sentence.parse.clauses;
  if (clause >= 0 && clause < static_cast<int>(clauses.size()) &&
      clauses[clause].speech >= 0) {
    int subject = SubjectOf(sentence.parse, clauses[clause].speech);
    if (subject >= 0) {
      std::vector<Referent> out;
      const NounPhrase& np = sentence.parse.phrases.nps[subject];
      for (int i = np.range.begin; i < np.range.end; ++i) {
        if (int m = sentence.mention_at[i]; m >= 0) {
          Referent r = FromMention(s, sentence.mentions[m], false);
          if (!r.party.empty()) out.push_back(std::move(r));
          i = sentence.mentions[m].end - 1;
        }
      }
      if (!out.empty()) return out;
    }
  }
  // "Mudavadi: On Tuesday we recalled ...": a transcript's label names who speaks.
  const std::vector<Token>& t = sentence.tokens;
  for (const Mention& m : sentence.mentions) {
    if (m.begin > 0) break;
    if (IsPersonMention(m) && m.end < static_cast<int>(t.size()) &&
        t[m.end].text == ":") {
      Referent r = FromMention(s, m, false);
      if (!r.party.empty()) return {r};
    }
  }
  // "Remarks by the Prime Minister of Fiji at the forum": a speech's heading names
  // who speaks.
  if (std::optional<Referent> r = HeadingSpeaker()) return {*r};
  // A quote without its speaker in the sentence: the last person named.
  if (const Mention* m = LastMention(s, 0, IsPersonMention)) {
    Referent r = FromMention(s, *m, false);
    if (!r.party.empty()) return {r};
  }
  // "TASHKENT, March 11 - The head of our state received ...": a state's own press
  // service speaks from its dateline.
  if (absl::StartsWith(item_.dateline_country, "country:")) {
    Referent r;
    r.party = item_.dateline_country;
    return {r};
  }
  return {};
}

}  // namespace entente::importers::internal
