#ifndef ENTENTE_IMPORTERS_INTERNAL_THINGS_H_
#define ENTENTE_IMPORTERS_INTERNAL_THINGS_H_

// Events and sites an item names. A summit is named many ways in one item ("the 11th
// Summit of the Organization of Turkic States", "its Bishkek summit", "the summit"):
// the registry keeps, per kind of event ("summit", "forum"), the fullest name the
// item gives, so that every mention becomes one event entity whose name says whose
// it is. A name without a name of its own borrows the organizations its clause names
// ("Leaders of the CSTO met for a summit": "CSTO summit").
//
// Thread-safety: one registry per item and thread.

#include <string>
#include <vector>

#include "importers/gazetteer.h"
#include "importers/internal/coreference.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::internal {

enum class ThingKind { kEvent, kSite };

class ThingRegistry {
 public:
  // Reads every event phrase of the item. Keeps references to all arguments.
  ThingRegistry(const Knowledge& knowledge, const Gazetteer& gazetteer,
                const Discourse& discourse, const ItemText& item);

  // The name of the event or site phrase `np` of sentence `s` names: for an event,
  // the item's fullest name of the same kind (same year first).
  std::string Name(int s, int np, ThingKind kind, int year) const;

  // The phrase's own name, without articles and counts ("17th BRICS summit" ->
  // "BRICS summit", "summit of the OTS", "plant in Szeged").
  std::string OwnName(int s, int np, ThingKind kind) const;
  void AppendNamingPhrases(const Sentence& sentence, const NounPhrase& x, bool event,
                           std::string* name) const;
  bool Topic(const std::vector<Token>& t, const NounPhrase& np) const;
  // The organizations clause `clause` names, as an event's owners ("ASEAN-GCC");
  // sets *count to how many there are.
  std::string ClauseOrganizations(const Sentence& sentence, int clause, int* count) const;

 private:
  struct Event {
    std::string head;  // The event noun's lemma: "summit".
    std::string name;
    int year = 0;
    int weight = 0;  // Capitalized words: how much the name says.
    bool legislature = false;
  };
  std::string HeadOf(int s, int np) const;
  // The one event the item names with a name of its own, when it names one alone
  // (of `year`, when both are known); else `own`.
  std::string OnlyNamedEvent(int year, const std::string& own) const;
  // True when the phrase opens with "the".
  bool Definite(int s, int np) const;

  const Knowledge& k_;
  const Gazetteer& g_;
  const Discourse& d_;
  const ItemText& item_;
  std::vector<Event> events_;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_THINGS_H_
