#ifndef ENTENTE_IMPORTERS_INTERNAL_PHRASES_H_
#define ENTENTE_IMPORTERS_INTERNAL_PHRASES_H_

// Phrases of a tagged sentence: verb groups ("has also signed", "will be held",
// "to raise"), noun phrases ("the Kazakh President's first state visit", "Chile, Peru
// and Ghana") and prepositional phrases ("with his Chinese counterpart"), the
// material clauses (clauses.h) are made of.
//
// A noun phrase keeps its possessor ("Putin's"), its conjuncts (a list joined by
// "and"/"or") and the prepositional phrases that follow it; an appositive
// (", the Kyrgyz president,") is linked to the phrase it describes. Short quoted
// names inside a noun phrase ("an \"all-weather\" partnership") stay inside it.
//
// Thread-safety: pure functions.

#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

struct TokenRange {
  int begin = 0;  // [begin, end) in the sentence's tokens.
  int end = 0;
  bool Contains(int i) const { return i >= begin && i < end; }
  bool empty() const { return end <= begin; }
};

struct VerbGroup {
  TokenRange range;
  int head = -1;            // The main verb (the auxiliary for a bare "is"/"has").
  std::string lemma;        // "sign"; "set up" with its particle; "be" for a copula.
  bool passive = false;     // "was signed", "have been exchanged".
  bool negated = false;     // "did not sign", "never visited".
  bool future = false;      // "will visit", "'ll", "shall".
  bool modal = false;       // Any modal: "could", "may", "would", ...
  bool perfect = false;     // "has signed", "had agreed".
  bool infinitive = false;  // "to raise".
  bool nonfinite = false;   // A participle or gerund without auxiliary: ", marking".
  bool copula = false;      // "is", "was" with no other verb.
};

struct NounPhrase {
  TokenRange range;
  int head = -1;  // The last noun of the first conjunct.
  // One range per coordinated part; most phrases have one, kept inline.
  absl::InlinedVector<TokenRange, 2> conjuncts;
  int possessor_end = -1;  // [range.begin, possessor_end) is "X's".
  // Prepositional phrases after it, in order; most phrases have few, kept inline.
  absl::InlinedVector<int, 4> pps;
  int apposition = -1;  // Index of an appositive noun phrase.
  int pp = -1;          // The prepositional phrase it is the object of.
  // "Chile's minister, who arrived on Monday, and her Peruvian counterpart signed":
  // the phrase this one is coordinated with across a relative clause set off by
  // commas (each of the two names the other); -1 when none.
  int across = -1;
};

struct PrepPhrase {
  TokenRange range;      // The preposition and its object.
  int prep = -1;         // First token of the preposition.
  int prep_length = 1;   // Tokens of a multi-word preposition ("according to").
  int np = -1;           // Its object noun phrase; -1 before a gerund ("after signing").
  int attached_np = -1;  // The noun phrase it follows directly, if any.
};

struct Phrases {
  std::vector<VerbGroup> verbs;
  std::vector<NounPhrase> nps;
  std::vector<PrepPhrase> pps;
  std::vector<int> np_at;    // Per token: the innermost noun phrase holding it, or -1.
  std::vector<int> verb_at;  // Per token: the verb group holding it, or -1.
};

// Finds the phrases of tagged tokens (TagTokens first). `atom_end[i] > i + 1` marks a
// name of several words starting at token i (an entity mention: "Organization of
// Turkic States"); it is never split. `atom_end` may be empty.
Phrases FindPhrases(const std::vector<Token>& tokens, const std::vector<int>& atom_end);

// How many prepositional phrases a noun's chain follows ("visit to X by Y in Z").
inline constexpr int kChainDepth = 4;

// The end of phrase `np` with the prepositional phrases that follow it, down to
// kChainDepth phrases deep.
int ChainEnd(const Phrases& ph, int np);

// The phrase before a short bracketed name that closes at `close` ("the Free Trade
// Agreement (FTA)"), or -1: what follows the bracket is said of that phrase.
int PhraseBeforeBracket(const std::vector<Token>& tokens, const Phrases& ph, int close);

// The preposition of a phrase in lower case, words joined by spaces.
std::string PrepositionOf(const std::vector<Token>& tokens, const PrepPhrase& pp);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_PHRASES_H_
