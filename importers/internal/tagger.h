#ifndef ENTENTE_IMPORTERS_INTERNAL_TAGGER_H_
#define ENTENTE_IMPORTERS_INTERNAL_TAGGER_H_

// The tagger: gives each token of a sentence its word class (Token::tag), its lemma
// and, for multi-word items ("according to", "on the sidelines of"), its span.
//
// Closed classes come from the Lexicon's @det, @prep, @aux, ... lists. A known verb
// form heads a verb group only where its neighbours say so: after a subject, a
// modal, an auxiliary or "to"; after a determiner it is a noun ("the visit") or, as a
// participle before a noun, an adjective ("the signed treaty"). A phrasal verb's
// particle (@phrasal: "set up") is tagged kParticle. Capitalized words inside the
// sentence are kProper. The rules look at most kContextWindow tokens to each side.
//
// Thread-safety: pure function; the Lexicon is shared const.

#include <vector>

#include "importers/internal/lexicon.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

// How far the tagger looks left and right of a word to decide its class.
inline constexpr int kContextWindow = 2;

// Tags `tokens` in place. Never fails: an unknown word is a noun.
void TagTokens(const Lexicon& lexicon, std::vector<Token>& tokens);

// True for tags that can sit inside a noun phrase.
bool IsNominal(Tag tag);

// A headline: no full stop, question or exclamation mark (or a closing quote)
// ends the sentence's tokens.
bool IsHeadline(const std::vector<Token>& tokens);

// Words that name a time: "Thursday", "May", "week", "2024".
bool IsTimeWord(const Token& t);

// A quotation mark, straight or typographic (single, double or guillemet).
bool IsQuoteMark(absl::string_view text);

// "Separately, ...", "Meanwhile, ...": the sentence opens with an adverb set off by a
// comma, a connective to what came before.
bool OpensWithConnective(const std::vector<Token>& tokens);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_TAGGER_H_
