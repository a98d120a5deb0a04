#ifndef ENTENTE_IMPORTERS_INTERNAL_TEXT_H_
#define ENTENTE_IMPORTERS_INTERNAL_TEXT_H_

// Tokens and sentences of digest text. Byte offsets are kept so that every
// quote can be traced to the input file. UTF-8 letters outside ASCII count as
// letters; typographic quotes and dashes are punctuation tokens.
//
// Thread-safety: pure functions over caller-owned text.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace entente::importers::internal {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// The tagger's word classes (tagger.h): what a token is in its sentence.
enum class Tag : uint8_t {
  kNoun,        // Any open-class word not known as something else.
  kProper,      // A capitalized word inside a sentence, a name.
  kAdjective,   // A participle or gerund used before a noun ("signed", "upcoming").
  kVerb,        // A verb heading a verb group.
  kAux,         // be, have, do.
  kModal,       // will, would, could, may, ...
  kNegation,    // not, never.
  kDeterminer,  // the, a, both, all, ...
  kPossessive,  // his, her, their, ... and "'s".
  kPronoun,     // he, she, they, ...
  kRelative,    // which, who, where.
  kPreposition,
  kConjunction,   // and, or, but.
  kSubordinator,  // while, because, after (before a clause).
  kTo,            // "to" before a verb.
  kParticle,      // "up" in "set up".
  kAdverb,
  kNumber,
  kComma,
  kPunct,  // Other punctuation: ".", ";", ":", "(", dashes.
  kQuote,  // Quotation marks, straight or typographic.
};

// Verb forms a word can be (bits), from the lexicon.
enum VerbForm : uint8_t {
  kBaseForm = 1,
  kThirdPerson = 2,
  kPastTense = 4,
  kPastParticiple = 8,
  kGerund = 16,
  // Not a form: the verb may take a content clause without "that" ("said talks could
  // resume", "believe the deal will hold"). Set by the tagger from the lexicon.
  kTakesContent = 32,
  // Not a form: a verb of saying (@speech_verb). Set by the tagger from the lexicon.
  kSpeech = 64,
  // Not a form: a verb whose object does what a gerund after "on" or "for" says
  // ("congratulated Peru on joining", @praise_verb) or what its infinitive says
  // ("prompted China to sever ties", @causative_verb). Set by the tagger.
  kObjectControl = 128,
};

struct Token {
  absl::string_view text;  // Points into the sentence's paragraph text.
  int64_t begin = 0;       // Byte offsets in the input file.
  int64_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // First byte is an upper-case ASCII letter or non-ASCII.
  std::string lower;         // Lower-cased ASCII form, typographic ’ folded to '.
  uint32_t hash = 0;         // WordHash(lower).
  // Filled by the tagger (tagger.h).
  Tag tag = Tag::kNoun;
  uint8_t verb_forms = 0;  // VerbForm bits when the word is a known verb form.
  uint8_t span = 1;        // Tokens a multi-word item starting here covers.
  std::string lemma;       // Verb lemma or singular noun; `lower` otherwise.
  uint32_t lemma_hash = 0;
  // Filled by Lexicon::Annotate: the phrase classes that may start at this word (an
  // index into the lexicon's start sets) by its form and by its lemma, so a class
  // that cannot match is ruled out without hashing. The word's set holds while
  // starts_of == hash, the lemma's while lemma_starts_of == lemma_hash.
  bool annotated = false;
  uint32_t starts = 0;
  uint32_t starts_of = 0;
  uint32_t lemma_starts = 0;
  uint32_t lemma_starts_of = 0;

  // lower == word and lemma == word, lengths compared first: a std::string against a
  // literal calls memcmp whatever the lengths (libstdc++ 12), and the scanners ask
  // this of most tokens.
  bool LowerIs(absl::string_view word) const { return absl::string_view(lower) == word; }
  bool LemmaIs(absl::string_view word) const { return absl::string_view(lemma) == word; }
};

// FNV-1a of a lower-case word: lets scanners compare integers first.
inline constexpr uint32_t kWordHashBasis = 2166136261u;
// The hash of a word so far (`h`) with the byte `c` added.
inline uint32_t WordHashStep(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
inline uint32_t WordHash(absl::string_view w) {
  uint32_t h = kWordHashBasis;
  for (unsigned char c : w) h = WordHashStep(h, c);
  return h;
}

// Splits text into tokens. `base` is the byte offset of text[0] in the file.
// Words keep internal hyphens, apostrophes and dots ("Kassym-Jomart", "24.kg",
// "U.S.", "Nov."); numbers keep separators ("1,860", "160.9"); a possessive
// "'s" / "’s" is its own token.
std::vector<Token> Tokenize(absl::string_view text, int64_t base);

// The longest currency sign written onto an amount's digits, in bytes ("KSh", "₦"):
// the tokenizer keeps such a word's thousands separators ("Rs1,150") and FindMoney
// reads the sign (numbers.h).
inline constexpr size_t kLongestGluedSign = 4;

struct SentenceSpan {
  size_t begin = 0;  // Byte range within the paragraph text.
  size_t end = 0;
};

// Splits a paragraph into sentences at ". ", "? ", "! " (also before or after a
// closing quote) unless the dot ends a known abbreviation ("Nov.", "St.").
std::vector<SentenceSpan> SplitSentences(absl::string_view paragraph);

// True when `lower` is a month/title abbreviation that does not end a sentence.
bool IsAbbreviation(absl::string_view lower);

// "Kazakhstan second nuclear power plant" -> "kazakhstan-second-nuclear-power-plant":
// lower-case ASCII letters and digits joined by '-', Latin-1 letters folded.
std::string Slugify(absl::string_view text);

// Whether `s` has letters and all of them are capitals ("BYD", "U.S.").
bool AllUpper(absl::string_view s);

// True for valid UTF-8.
bool IsValidUtf8(absl::string_view bytes);

// "[Photo caption: ...]", "Photo: ...", "Caption: ...": a line that tells what a
// picture shows, inside the story it illustrates.
bool IsCaption(absl::string_view line);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_TEXT_H_
