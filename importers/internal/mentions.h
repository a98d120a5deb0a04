#ifndef ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_
#define ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_

// Entity mentions in a tokenized sentence:
//   - gazetteer names, the longest alias at each position ("North Korea" before
//     "Korea"), upper-case codes ("EU"), and demonyms inside hyphenated words
//     ("Sino-Kazakh", "Kazakh-Turkish");
//   - people by their office (titles.txt): "Peruvian President Dina Boluarte",
//     "Russia's President Vladimir Putin", "the Emir of Qatar", "Crown Prince
//     Mohammed bin Salman"; a person the gazetteer does not know gets the id
//     "person:" + the slug of the name as written, without honorifics;
//   - offices without a name that still say whose they are: "the Kazakh President",
//     "his Chinese counterpart", "the Egyptian head of state" (`titled`).
//
// Thread-safety: pure functions; the Gazetteer and Lexicon are shared const.

#include <string>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "importers/gazetteer.h"
#include "importers/internal/lexicon.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

struct Mention {
  int begin = 0;  // Token range [begin, end).
  int end = 0;
  std::string id;    // "country:KAZ", "org:eu", "person:dina-boluarte".
  std::string name;  // How the entity is called: the gazetteer's name or the text's.
  graph::EntityKind kind = graph::EntityKind::kUnspecified;
  std::string country;  // The party it stands for ("" when unknown): itself for a
                        // country or organization, the country of a person,
                        // a capital, a demonym or a company.
  AliasForm form = AliasForm::kName;
  bool leader = false;      // A head of state or government (or a known person).
  bool titled = false;      // An office without a name ("the Kazakh President").
  std::string role;         // The office: "president", "foreign_minister", ...
  bool possessive = false;  // Followed by "'s".
};

// The classes of titles.txt that FindMentions reads.
struct TitleClasses {
  ClassId leader_title = -1, title = -1, honorific = -1, name_particle = -1,
          name_suffix = -1, counterpart = -1, institution = -1, generic_office = -1,
          agent_participle = -1, org_scope = -1, org_head = -1, not_a_code = -1,
          org_head_initialled = -1;
  // The classes a title phrase starts with (leader_title, title, honorific,
  // counterpart), made once with the lexicon (Knowledge): FindMentions requires it.
  ClassSet starts;
};

// Finds the mentions of `tokens` (lower-case forms filled by Tokenize), skipping
// tokens that lie inside one of `masked` (outlet names: provenance, not parties).
// Mentions do not overlap and come in token order.
std::vector<Mention> FindMentions(const Gazetteer& gazetteer, const Lexicon& lexicon,
                                  const TitleClasses& titles,
                                  const std::vector<Token>& tokens,
                                  const std::vector<std::pair<int64_t, int64_t>>& masked);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_MENTIONS_H_
