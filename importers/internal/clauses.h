#ifndef ENTENTE_IMPORTERS_INTERNAL_CLAUSES_H_
#define ENTENTE_IMPORTERS_INTERNAL_CLAUSES_H_

// Clauses of a sentence: each verb group heads one, with its subject, its object and
// the prepositional phrases that belong to it, and a link to the clause it hangs
// from. What the frames (frames.h) read:
//   - main and coordinated clauses ("X visited Y and met Z": the second shares X);
//   - subordinate clauses opened by "after", "while", "if", "that", ... (the
//     subordinator is kept: "if" makes a condition, "that" after "said" reported
//     content);
//   - relative clauses (", who flew in on Monday,"; "which was signed in 2009"), whose
//     subject is the phrase they describe unless they name their own;
//   - infinitive complements ("agreed to raise") and participial clauses
//     (", marking the first visit"), which share their parent's subject;
//   - quoted speech: the clauses between quotation marks, linked to the clause whose
//     speech verb ("said", "told") names the speaker.
//
// Thread-safety: pure functions.

#include <vector>

#include "absl/container/inlined_vector.h"
#include "importers/internal/phrases.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

enum class ClauseKind : uint8_t {
  kMain,
  kCoordinate,
  kSubordinate,
  kRelative,
  kComplement,   // An infinitive: "agreed [to raise trade]".
  kParticipial,  // ", marking ..." / "after attending ...".
};

struct Clause {
  TokenRange range;  // From its first token to its last (nested clauses inside).
  ClauseKind kind = ClauseKind::kMain;
  int verb = -1;                // Verb group index, -1 for a clause without one.
  int subject = -1;             // Noun phrase written as its subject; -1 when none.
  int object = -1;              // Noun phrase right after the verb.
  int parent = -1;              // The clause it hangs from.
  int subordinator = -1;        // Token of "after", "if", "that", "while", ...
  int antecedent = -1;          // For a relative clause: the phrase it describes.
  int antecedent_top = -1;      // For a participle: the phrase heading the antecedent's
                                // chain ("the accord between A and B, signed ...").
  bool shares_subject = false;  // The subject is the parent's (see SubjectOf).
  int conjunct_of = -1;         // "when X visited Y and held talks": the clause an
                                // "and" joins this one to, whose subject it shares
                                // when it writes none.
  bool quoted = false;          // Inside quotation marks.
  bool content = false;         // What the parent's verb says or thinks: "said
                                // (that) talks could resume".
  int speech = -1;              // For quoted or reported content: the speech clause.
  // Prepositional phrases of the clause, in order; most clauses have few, inline.
  absl::InlinedVector<int, 4> pps;
};

struct SentenceParse {
  Phrases phrases;
  std::vector<Clause> clauses;
  std::vector<int> clause_at;  // Per token: the innermost clause holding it.
};

// Parses tagged tokens into phrases and clauses. `quoted[i]` says token i lies
// inside quotation marks opened in an earlier sentence (may be empty).
SentenceParse ParseSentence(const std::vector<Token>& tokens,
                            const std::vector<int>& atom_end,
                            const std::vector<bool>& quoted_before);

// The subject noun phrase of clause c: its own, or (for coordinated, participial,
// infinitive and relative clauses) the one it shares; -1 when none.
int SubjectOf(const SentenceParse& parse, int c);

// "X and Y will ..., the cabinet said on Thursday": the clause of saying that ends
// the sentence after a comma frames what comes before it, as quotation marks would;
// -1 when there is none after clause c.
int TrailingSpeech(const SentenceParse& parse, const std::vector<Token>& tokens, int c);

// What clause c's verb acts on: its object; for a passive its subject ("the treaty
// was signed"), or the phrase a participle describes ("the treaty, signed in 2009");
// for a relative clause with a subject of its own, the phrase it describes ("the
// deal the two countries concluded"). -1 when none.
int LogicalObject(const SentenceParse& parse, int c);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_CLAUSES_H_
