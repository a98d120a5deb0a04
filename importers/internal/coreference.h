#ifndef ENTENTE_IMPORTERS_INTERNAL_COREFERENCE_H_
#define ENTENTE_IMPORTERS_INTERNAL_COREFERENCE_H_

// Coreference within one item: what a phrase stands for.
//   - People: every person the item names is registered with the country they act
//     for (from the gazetteer, their title "Peruvian President X", an apposition
//     "X, the Kyrgyz president", a possessive "Brazil's X", or, for a leader whose
//     country the text never says, the one principal party no other leader holds);
//     later surnames ("Lula") and pronouns ("he", "his") find them.
//   - Groups: "the two countries", "both sides", "bilateral" stand for the item's
//     principal parties (the countries its headline and lead are about).
//   - Anaphors: "the bloc" (the last organization), "the kingdom" (the last
//     country), "the host", "the guest", "it", "they", "we" (the speaker's side),
//     "his counterpart" (the other principal party).
//   - Capitals stand for their governments ("Astana and Beijing agreed") except as
//     places ("in Astana").
//
// Thread-safety: one Discourse per item and thread.

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "importers/gazetteer.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::internal {

// How many sentences back a pronoun looks for its person.
inline constexpr int kPronounWindow = 4;

struct Referent {
  std::string party;     // "country:KAZ", "org:eu", "company:acwa-power"; "" for a place
                         // whose country is unknown.
  std::string person;    // "person:..." when named through a person.
  std::string city;      // "city:astana" when named as a city.
  bool place = false;    // Named as a place, not an actor.
  bool group = false;    // From a group anaphor ("the two countries").
  bool anaphor = false;  // From any anaphor or pronoun.
  bool counterpart = false;  // "his counterpart": the other side, when `party` is "".
  int thing = -1;            // For an event or a site: the noun phrase that names it.
  int thing_sentence = -1;   // Its sentence, when not the match's own.
  int conjunct = -1;         // Which conjunct of its phrase named it ("X and Y": 0, 1).
  bool area = false;         // A member of an area named as a whole ("Central Asia").
  bool human = false;        // Named through a person or an office ("Kenya's president").
  // Named through companies of a state ("Qatari companies"): its investor, no party
  // to a state's act.
  bool companies = false;
  // A company no list knows, named after its owner ("Korea's POSCO"): an investor,
  // no party to any other act (its deals with other firms are no states' relations).
  bool unlisted_company = false;
};

struct PersonInfo {
  std::string id;
  std::string name;
  std::string country;  // "" when unknown.
  std::string role;
  bool leader = false;
};

// The noun phrase (or list member) `r` is a body that acts for no state, whatever
// names stand around it: a company ("Armenia's grid operator", "the companies") or a
// team, fans or tourists ("Brazil's national football team").
bool ActsForNoState(const Knowledge& k, const std::vector<Token>& tokens,
                    const TokenRange& r);

class Discourse {
 public:
  // Registers the item's people (adding surname mentions to `item`'s sentences)
  // and ranks its principal parties. Keeps references to all arguments.
  Discourse(const Knowledge& knowledge, const Gazetteer& gazetteer, ItemText& item);

  // The parties phrase `np` of sentence `s` stands for: its conjuncts' names and
  // anaphors, and for "the presidents of Chile and Peru" the "of" phrase. As a place
  // (`as_place`), capitals and cities are places, not governments. A phrase
  // coordinated across a relative clause ("X, who ..., and Y") stands for both.
  std::vector<Referent> OfPhrase(int s, int np, bool as_place = false) const;
  // The same for tokens [begin, end) of sentence s.
  std::vector<Referent> InRange(int s, int begin, int end, bool as_place = false) const;
  // The speaker of a clause's reported content ("we" and "our" are theirs).
  std::vector<Referent> SpeakerOf(int s, int clause) const;

  // True when phrase `np` of sentence `s` is headed by a word for people who act
  // for a state ("officials", "delegations", "ministers").
  bool IsAgentPhrase(int s, int np) const { return AgentHead(s, np); }
  // The state a company no list knows was named after or owned by, where the item
  // named it so; "" when none.
  std::string CompanyHome(const std::string& company) const {
    auto it = company_home_.find(company);
    return it == company_home_.end() ? "" : it->second;
  }
  // The item's principal parties, most salient first.
  const std::vector<std::string>& principal() const { return principal_; }
  // The first two principal parties stand out from the rest: the item is about them.
  bool clear_pair() const { return clear_pair_; }
  // True when sentence s speaks of the item's visit by a definite visit noun ("During
  // the visit, ..."), after a visit has been noted (NoteVisit).
  bool AboutTheVisit(int s) const;
  // The item's noted visitor and host; empty before a visit is noted.
  std::vector<std::string> VisitParties() const;
  // Of `parties`, the one named last before token `before` of sentence s (in that
  // sentence, else in the ones before it); "" when none of them is named there.
  std::string LastNamedOf(int s, int before,
                          const std::vector<std::string>& parties) const;
  const PersonInfo* Person(const std::string& id) const;
  // Of `states`, the one whose city, region or listed site sentence s or the next
  // names ("Planned on the Naryn River in the Jalal-Abad Region"); "" when none or
  // several.
  std::string PlacedIn(int s, const std::vector<std::string>& states) const;
  // The person named last before token `before` of sentence s (in that sentence,
  // else in the ones before it) who acts for `party`; "" when the item names none.
  std::string LastPersonOf(int s, int before, const std::string& party) const;
  // The host and guest of the item's main visit, once known, and the next stops of
  // the guest's tour: a later visit of the guest's, dated no earlier than the first,
  // makes its host the one "his host" means from then on.
  void NoteVisit(const std::string& visitor, const std::string& host,
                 const graph::DateWithPrecision& date);
  // The country of the item's dateline ("ASTANA, June 22 –"); "" when none.
  const std::string& dateline_host() const { return item_.dateline_country; }
  // When the item was reported.
  const graph::DateWithPrecision& reported() const { return item_.reported; }
  // The item's main event: the first event phrase with a name of its own ("the 11th
  // summit of the OTS"), as (sentence, phrase); (-1, -1) when none.
  std::pair<int, int> MainEvent() const { return main_event_; }

 private:
  void RegisterPeople();
  void LearnCountriesFromContext();
  void AddSurnameMentions();
  void RankParties();
  void GuessLeaderCountries();
  std::string HostVisitedBy(const std::string& person) const;
  Referent FromMention(int s, const Mention& m, bool as_place) const;
  // The named person of the item who holds the office `office` (a titled mention in
  // sentence s): the nearest named before it, else the first after; "" for none.
  std::string NamedHolder(int s, const Mention& office) const;
  bool AnaphorAt(int s, int i, int end, bool as_place, std::vector<Referent>* out,
                 int* length) const;
  bool AnaphorAtDepth(int s, int i, int end, bool as_place, std::vector<Referent>* out,
                      int* length) const;
  // The kinds of anaphor AnaphorAt tries at token i of sentence s, in its order. Each
  // returns true when one starts there, having set *length and added its referents.
  // A counted or listed group ("the two sides", "both ministers"), or the speaker.
  bool GroupAnaphorAt(int s, int i, int end, std::vector<Referent>* out,
                      int* length) const;
  // The state named with the last office of that word before token i ("Jordan's
  // foreign ministry" for "the Ministry").
  const Mention* OfficeNamedBefore(int s, int i, const Token& office) const;
  // The one state the item has named before token i of sentence s (its headline
  // aside); null when it has named none or several.
  const Mention* OnlyStateBefore(int s, int i) const;
  // Whether the paragraph of sentence s names an organization before token i.
  bool OrgInParagraphBefore(int s, int i) const;
  // The parties a list phrase names; the pair a clause subject of the sentence
  // before s lists.
  std::vector<Referent> ListedParties(int k, const NounPhrase& x) const;
  std::vector<Referent> SubjectPairBefore(int s) const;
  // A pronoun or a noun standing for an organization, a country or a person.
  bool PronounAt(int s, int i, int end, bool as_place, std::vector<Referent>* out,
                 int* length) const;
  // "the President": an office (within [i + 1, office_end)) for its last holder.
  bool OfficeAnaphorAt(int s, int i, int end, int office_end, bool as_place,
                       std::vector<Referent>* out, int* length) const;
  // "During his stay ..., the Indonesian president met": the subject after the pronoun.
  const Mention* FrontedPronounSubject(int s, int i) const;
  const Mention* PraisedObject(int s, int i) const;
  // "the kingdom": the last state of the kind the area `kind` lists.
  void KindOfStateAnaphor(int s, int i, absl::string_view kind, absl::string_view other,
                          std::vector<Referent>* out) const;
  // "the hosts", "the guests": the parties of the item's visit.
  bool VisitAnaphorAt(int s, int i, int end, std::vector<Referent>* out,
                      int* length) const;
  // Adds mention m of sentence s (if any) to *out as an anaphor's referent.
  void AddAnaphorOf(int s, const Mention* m, bool as_place,
                    std::vector<Referent>* out) const;
  // Adds the last holder of office `role` before token i of sentence s (any leader
  // when `leader_office` and no holder is named).
  void AddOfficeHolder(int s, int i, const std::string& role, bool leader_office,
                       bool as_place, std::vector<Referent>* out) const;
  bool AddNearHolder(int s, int i, const std::string& role, bool leader_office,
                     bool as_place, std::vector<Referent>* out) const;
  bool AddFirstHolder(int s, const std::string& role, bool as_place,
                      std::vector<Referent>* out) const;
  void AddPrincipalHolder(const std::string& role, std::vector<Referent>* out) const;
  std::vector<Referent> BilateralBody(int s, int before, absl::string_view head) const;
  const Mention* LastMention(int s, int before, bool (*accept)(const Mention&),
                             absl::string_view not_party = "") const;
  const Mention* SubjectStateBefore(int s, int before) const;
  // The one a speech's or an interview's heading names as speaking (its person's
  // state, else its state), if the item has such a heading.
  std::optional<Referent> HeadingSpeaker() const;
  // All the states a speech heading's people speak for ("Joint press conference of
  // X and Y"), else its state; empty without such a heading.
  const std::vector<Referent>& HeadingSpeakers() const;
  // The state or person named after "with" or "alongside" in the clause that reports
  // quoted clause `clause` of sentence s ("X said after talks with Y").
  std::optional<Referent> SpeechPartner(int s, int clause) const;
  // Whether quoted clause `clause` names a state after "with" or "between".
  bool QuoteNamesPartner(int s, int clause) const;
  // The first state named in tokens `r` of sentence s; none when there is none or its
  // party is unknown.
  std::optional<Referent> StateNamedIn(int s, const TokenRange& r) const;
  // Whom the speech of quoted clause `clause` is told to: the state of the speech
  // verb's object ("told his Portuguese host"), else its "with" partner.
  std::optional<Referent> Addressee(int s, int clause) const;
  const Mention* PreviousSubjectState(int s) const;
  // The first organization among the item's leading principal parties; "" if none.
  std::string PrincipalOrganization() const;
  std::string ConjoinedPartyBefore(int s, int i) const;
  std::string SubjectPartyAround(int s, int i) const;
  // A phrase of sentence `sentence`.
  struct PhraseAt {
    int sentence = -1;
    TokenRange range;
  };
  // The person a pronoun before token `before` of sentence `s` stands for: the last
  // subject that names one. When that subject is an office anaphor ("The emir, on
  // his ..."), returns null and sets `office` to it.
  const Mention* LastPerson(int s, int before, PhraseAt* office = nullptr) const;
  bool IsOfficePhrase(int s, const NounPhrase& x) const;
  int RegionalDescription(int s, int i, int end, bool as_place,
                          std::vector<Referent>* out) const;
  // Area mention `area` of sentence `s` stands between "a" or "another" and a singular
  // country noun ("a Central Asian country"): one state it does not name.
  bool OneUnnamedOfArea(int s, const Mention& area, int end) const;
  int CountedAgents(const Sentence& sentence, int i, int end, int* count) const;
  // "the two Mercosur partners": the bloc's mention stands between a count and the
  // plural agent noun it counts.
  bool BlocOfCounted(const Sentence& sentence, const Mention& bloc) const;
  std::vector<Referent> Group(int count) const;
  // The item's noted visitor and host as a group; none before a visit is noted.
  std::vector<Referent> VisitPair() const;
  std::string PluralSubjectParty(int s, int i) const;
  bool OrganizationsGathering() const;
  std::vector<Referent> LastList(int s, int before, int count) const;
  std::vector<Referent> LastParties(int s, int before, int count) const;
  // "the two countries" in an item of more than two parties: the two states the
  // sentence (before `before`) and, as needed, up to two before it name, when the
  // nearest of them name exactly two; else none.
  std::vector<Referent> RecentPair(int s, int before) const;
  std::vector<Referent> LastPeopleParties(int s, int before, int count) const;
  std::vector<Referent> LeadersNamed(int s, int before) const;
  bool OfAgent(int s, int i) const;
  const Mention* RelativeAntecedent(int s, int whose) const;
  bool LatterOrFormer(int s, int i, int end, bool as_place,
                      std::vector<Referent>* out) const;
  bool SuffixedUnknownName(int s, const TokenRange& conjunct, std::string* company) const;
  bool DescribedUnknownName(int s, int np, std::string* company) const;
  bool ApposedCompany(int s, int np, const TokenRange& conjunct,
                      std::string* company) const;
  std::optional<Referent> CompanySubjectBefore(int s, int i) const;
  std::optional<Referent> UnknownNameAsCompany(int s, int np) const;
  std::string CompanyId(const std::vector<Token>& t, int begin, int end) const;
  bool NamedAfterPlace(int s, const TokenRange& conjunct, std::string* company) const;
  bool CompanyEndsConjunct(int s, const TokenRange& r, std::string* company) const;
  std::vector<Referent> PraisedObjectBefore(int s, int i) const;
  bool OwnedUnknownName(int s, const TokenRange& conjunct,
                        std::string* company = nullptr) const;
  // Whether a state, body or capital is named in sentence s before token i.
  bool StateNamedBefore(int s, int i) const;
  std::vector<Referent> OwnOfPhrase(int s, int np, bool as_place) const;
  void AddOfPhrase(int s, int np, int k, bool as_place,
                   std::vector<Referent>* part) const;
  void KeepAreaMembers(const Sentence& sentence, const TokenRange& conjunct,
                       std::vector<Referent>* part) const;
  static bool NamedOutside(const Sentence& sentence, const TokenRange& r,
                           absl::string_view party);
  static bool CountFitsArea(const Sentence& sentence, const TokenRange& conjunct,
                            const std::vector<Referent>& part);
  std::vector<const Mention*> MentionsIn(int s, const TokenRange& r) const;
  bool AgentHead(int s, int np) const;
  std::vector<Referent> OwnReferents(int s, int np, bool as_place) const;
  std::vector<Referent> ElaboratingList(int s, int np, bool as_place) const;
  std::vector<Referent> OfChain(int s, int np, bool as_place) const;
  std::vector<Referent> LedBy(int s, int np, bool as_place) const;

  const Knowledge& k_;
  const Gazetteer& g_;
  ItemText& item_;
  const ClassSet anaphor_starts_;  // The classes AnaphorAt matches at its token.
  absl::flat_hash_map<std::string, PersonInfo> people_;
  std::vector<std::string> principal_;
  bool clear_pair_ = false;
  std::string host_, guest_;
  std::string tour_host_;                 // The host of the guest's latest stop.
  graph::DateWithPrecision first_visit_;  // The date of the item's main visit.
  std::pair<int, int> main_event_ = {-1, -1};
  // How many AnaphorAt calls are under way (one item is read by one thread).
  mutable int anaphor_depth_ = 0;
  // The state each company no list knows is named after or owned by ("Korea Zinc",
  // "Brazil's Vale Fertilizers"), as the phrases that name it are read.
  mutable absl::flat_hash_map<std::string, std::string> company_home_;
  mutable std::optional<std::vector<Referent>> heading_speakers_;  // HeadingSpeakers.
  void FindMainEvent();
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_COREFERENCE_H_
