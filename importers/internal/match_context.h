#ifndef ENTENTE_IMPORTERS_INTERNAL_MATCH_CONTEXT_H_
#define ENTENTE_IMPORTERS_INTERNAL_MATCH_CONTEXT_H_

// What the relation builder's readers (dating.h, attributes.h) see of one frame
// match: the item, its discourse, the match, and the token scopes they search.
//
// Thread-safety: a view over one item; one per thread.

#include <vector>

#include "importers/gazetteer.h"
#include "importers/internal/coreference.h"
#include "importers/internal/frame_matcher.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::internal {

struct MatchContext {
  const Knowledge& knowledge;
  const Gazetteer& gazetteer;
  const Discourse& discourse;
  const ItemText& item;
  const FrameMatch& match;
  // One document of several a signing lists ("signed a treaty and a protocol"): the
  // phrase ThingPhrase gives instead of the whole object. Empty when unset.
  TokenRange document = {};

  const Sentence& sentence() const { return item.sentences[match.sentence]; }
  const std::vector<Token>& tokens() const { return sentence().tokens; }
  const Lexicon& lexicon() const { return knowledge.lexicon(); }
  const KnownClasses& classes() const { return knowledge.classes(); }

  // The trigger's own phrase with the prepositional phrases that follow it ("visit
  // to Brazil in May"); the trigger alone for a verb.
  TokenRange TriggerPhrase() const;
  // The trigger's phrase, or for a verb its object's ("signed six agreements"), or
  // `document` when set.
  TokenRange ThingPhrase() const;
  // The trigger's clause, as written (nested clauses included).
  TokenRange ClauseRange() const;
  // True when token i belongs to the trigger's clause or a clause that shares its
  // time (an infinitive or participle under it, or the clause it hangs from).
  bool InClauseScope(int i) const;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_MATCH_CONTEXT_H_
