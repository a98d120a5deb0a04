#ifndef ENTENTE_IMPORTERS_INTERNAL_FRAME_MATCHER_H_
#define ENTENTE_IMPORTERS_INTERNAL_FRAME_MATCHER_H_

// Clauses -> frame matches: finds every trigger of every frame (frames.h) in a
// sentence, checks the frame's conditions and the clause's mood, and fills the
// frame's parties from the clause's slots through coreference. What a match becomes
// (dates, attributes, provenance) is the relation builder's job.
//
// Mood: a negated verb ("did not sign") or a cancelled event ("was called off", cues
// in cues.txt) gives nothing; a future, modal or hoped-for one ("will visit", "plans
// to sign", "a possible deal") gives nothing unless the frame says mood=any.
//
// Thread-safety: pure functions over one item.

#include <string>
#include <utility>
#include <vector>

#include "importers/internal/coreference.h"
#include "importers/internal/frames.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::internal {

// How far before a trigger a hedge ("a possible visit", "hopes to sign") counts.
inline constexpr int kHedgeWindow = 5;
// How many prepositional phrases a noun's chain follows ("visit to X by Y in Z").
inline constexpr int kChainDepth = 4;

struct FrameMatch {
  const Frame* frame = nullptr;
  int sentence = -1;
  int clause = -1;        // The trigger's clause.
  TokenRange trigger;     // The trigger's tokens.
  int np = -1;            // For a noun frame: the phrase holding the trigger.
  bool irrealis = false;  // Future, modal or hoped-for (allowed by mood=any).
  int object_np = -1;     // For a verb frame: the phrase its verb acts on.
  // (source, target) for directed types; the two parties for symmetric ones.
  std::vector<std::pair<Referent, Referent>> pairs;
};

// The matches of sentence `s` of `item`, in trigger order.
std::vector<FrameMatch> MatchFrames(const Knowledge& knowledge,
                                    const Discourse& discourse, const ItemText& item,
                                    int s);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_FRAME_MATCHER_H_
