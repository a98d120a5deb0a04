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

#include "absl/functional/function_ref.h"
#include "importers/internal/coreference.h"
#include "importers/internal/frames.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"

namespace entente::importers::internal {

// How far before a trigger a hedge ("a possible visit", "hopes to sign") counts.
inline constexpr int kHedgeWindow = 5;

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

// The matches of sentence `s` of `item`, in trigger order. A headline gives none
// unless `headline_too`: a body tells the same at finer dates and with its
// parties named, so a headline counts only for an item whose body gave nothing
// ("Chile, Peru sign fisheries pact" over "the two governments signed it").
std::vector<FrameMatch> MatchFrames(const Knowledge& knowledge,
                                    const Discourse& discourse, const ItemText& item,
                                    int s, bool headline_too = false);

// Calls `use` with the matches of every sentence of `item` in turn (each sentence
// after the previous one's were used, so that what they noted about the item
// counts): the headline's only when the body's gave none.
void MatchItem(const Knowledge& knowledge, const Discourse& discourse,
               const ItemText& item, absl::FunctionRef<void(const FrameMatch&)> use);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_FRAME_MATCHER_H_
