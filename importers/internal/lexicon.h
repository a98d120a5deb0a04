#ifndef ENTENTE_IMPORTERS_INTERNAL_LEXICON_H_
#define ENTENTE_IMPORTERS_INTERNAL_LEXICON_H_

// The Lexicon: every word list of importers/data/ (word_lists.h gives the format),
// compiled for matching against tokens. It holds
//   - phrase classes ("@agreement_kind: memorandum of understanding = memorandum"), each
//     matched at a token position, longest phrase first, on lower-case forms or lemmas;
//   - the tagger's closed classes (@det, @prep, @aux, ...: the names are fixed, see
//     kClosedClasses in lexicon.cc) and verbs (@verb: "lemma/past/participle/gerund",
//     regular forms generated), which give each word its possible verb forms and
//     lemma;
//   - @plural: irregular plurals ("memoranda = memorandum") for noun lemmas.
//
// Thread-safety: immutable after Build; const methods may run concurrently.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "importers/internal/text.h"
#include "importers/internal/word_filter.h"
#include "importers/internal/word_lists.h"

namespace entente::importers::internal {

// A class's numeric id, from Lexicon::ClassId. Negative means "no class".
using ClassId = int;

struct PhraseMatch {
  int length = 0;           // Tokens matched; 0 when nothing matched.
  absl::string_view value;  // The item's value ("" when the list gave none).
  int line = 0;             // Where the item is written, for --explain.
  absl::string_view file;
};

struct VerbEntry {
  std::string lemma;
  uint32_t lemma_hash = 0;  // WordHash(lemma).
  uint8_t forms = 0;        // VerbForm bits this spelling can be.
};

// Several classes, for one test that rules them all out at a token
// (Lexicon::MayMatchAny).
class ClassSet {
 private:
  friend class Lexicon;
  std::vector<uint64_t> bits_;  // Bit `id` for each class in the set.
};

// The ids of the classes the tagger reads (kClosedClasses in lexicon.cc and the
// optional @phrasal), found once when the lexicon is built; -1 for one no file
// defines.
struct ClosedClasses {
  ClassId det = -1, poss = -1, pron = -1, rel = -1, prep = -1, conj = -1, sub = -1,
          aux = -1, modal = -1, neg = -1, to = -1, adverb = -1, phrasal = -1, tell = -1,
          adjective = -1, linking_verb = -1, stance_gerund = -1, group_adverb = -1,
          guest_gerund = -1, guest_preposition = -1, guest_noun = -1, title_gerund = -1,
          count_quantifier = -1, compound_end = -1;
  // Verbs that take a content clause: @speech_verb, @irrealis_governor, @content_verb.
  ClassId speech_verb = -1, irrealis_governor = -1, content_verb = -1;
  // Verbs whose object does what a gerund after "on" or "for" says: @praise_verb.
  ClassId praise_verb = -1;
  // Verbs whose object does what their infinitive says: @causative_verb.
  ClassId causative_verb = -1;
  // Nouns for hearsay that a verb's object noun may run on into: @hearsay_noun.
  ClassId hearsay_noun = -1;
  // Those a word may belong to out of context: all but @phrasal, @tell, @adjective,
  // @linking_verb, @stance_gerund, @group_adverb, the @guest_ classes,
  // @count_quantifier and @compound_end.
  ClassSet word_classes;
};

class Lexicon {
 public:
  // Compiles the entries of all word-list files. InvalidArgument "FILE:LINE: why"
  // for a malformed verb item or a closed class that is missing.
  static absl::StatusOr<std::unique_ptr<Lexicon>> Build(
      const std::vector<WordListEntry>& entries);

  // The id of "@name" (without '@'), or -1 when no file defines it.
  ClassId Find(absl::string_view name) const;
  const std::string& ClassName(ClassId id) const { return class_names_[id]; }

  // The longest phrase of class `id` starting at tokens[i] and ending at or before
  // `end`; length 0 when none.
  PhraseMatch MatchAt(ClassId id, const std::vector<Token>& tokens, int i,
                      int end) const {
    if (id < 0 || i < 0 || i >= end || !MayMatchAt(id, tokens[i])) return PhraseMatch();
    return MatchPhrases(id, tokens, i, end);
  }
  // MatchAt(id, tokens, i, i + 1).length == 1: tokens[i] alone, by its form or its
  // lemma, is an item of class `id`. One bit per form, where MatchAt scans the
  // phrases starting with the word (the tagger asks this of most words, class by
  // class).
  bool OneWordAt(ClassId id, const std::vector<Token>& tokens, int i) const {
    if (id < 0 || i < 0 || i >= static_cast<int>(tokens.size()) ||
        !MayMatchAt(id, tokens[i])) {
      return false;
    }
    return OneWordMatches(id, tokens, i);
  }
  // True when a phrase of class `id` matches somewhere in tokens [from, to); sets
  // *at to its first token.
  bool FindIn(ClassId id, const std::vector<Token>& tokens, int from, int to, int* at,
              PhraseMatch* match) const;
  // True when `phrase` (lower-case words joined by spaces) is an item of class `id`.
  bool Contains(ClassId id, absl::string_view phrase) const;
  // Contains(id, t.lower), from the token's hash (a token is one word).
  bool ContainsWord(ClassId id, const Token& t) const;
  // The value of the one-word item `lower` of class `id` ("" when it is none).
  absl::string_view WordValue(ClassId id, absl::string_view lower) const;
  // True when the word, as its own lemma, is a one-word item of a closed word class
  // (@det, @poss, @pron, @rel, @prep, @conj, @sub, @aux, @modal, @neg, @to): an
  // English function word. What MatchAt(id, {t}, 0, 1) tells class by class, in one
  // lookup.
  bool IsFunctionWord(const Token& t) const;
  // A set of classes; ids of -1 are left out.
  ClassSet MakeSet(absl::Span<const ClassId> ids) const;
  // False when no class of `set` can match at this token: MatchAt of each would
  // find nothing there. A cheap test on the token's annotation.
  bool MayMatchAny(const ClassSet& set, const Token& t) const;
  const ClosedClasses& closed() const { return closed_; }
  // Records on the token which classes may start at it (see Token::starts); call
  // again after its lemma changes. Matching is the same without it, only slower.
  void Annotate(Token& token) const;

  // The verb forms a lower-case word can be; nullptr for a word that is no verb.
  const VerbEntry* Verb(absl::string_view lower) const;
  // Verb(t.lower), most words ruled out by the token's hash (Token::hash must be
  // WordHash(lower)).
  const VerbEntry* Verb(const Token& t) const;
  // The lemma of a lower-case word seen as a noun: irregular plurals, then rules
  // ("treaties" -> "treaty", "agreements" -> "agreement").
  std::string NounLemma(absl::string_view lower) const;
  // NounLemma(lower) written into *lemma, reusing its storage; `lower` must not
  // point into *lemma.
  void NounLemmaInto(absl::string_view lower, std::string* lemma) const;
  // Sets the token's lemma to NounLemma(t.lower) and its lemma_hash to that lemma's
  // WordHash, from the token's hash where the lemma is the word (most nouns).
  void SetNounLemma(Token& t) const;
  // The lemma of a word not listed as a verb that reads as a regular past form
  // ("spelled" -> "spell", "ratified" -> "ratify"); "" when it does not.
  static std::string RegularPastLemma(absl::string_view lower);

 private:
  struct Phrase {
    std::vector<uint32_t> words;        // WordHash of each word.
    std::vector<std::string> prefixes;  // Per word: non-empty for "word*".
    std::string value;
    std::string file;
    int line = 0;
  };
  // A phrase in a by_first list, with what rules most candidates out without
  // reading the phrase.
  struct Candidate {
    int index = 0;        // Into phrases_.
    int length = 0;       // Its words.
    uint32_t second = 0;  // WordHash of its second word; 0 for none or "word*".
  };
  struct PhraseClass {
    // Phrases by the hash of their first word, longest first (stable).
    absl::flat_hash_map<uint32_t, std::vector<Candidate>> by_first;
    std::vector<int> wildcard;  // Phrases whose first word ends in '*'.
  };

  Lexicon() = default;
  absl::Status AddVerb(const WordListEntry& entry);
  bool WordMatches(const Phrase& p, size_t k, const Token& t) const;
  int Extent(const Phrase& p, const std::vector<Token>& tokens, int i, int end) const;

  void FindClosedClasses();
  uint32_t StartSetOf(uint32_t hash) const;
  bool InStartSet(uint32_t set, ClassId id) const {
    return (start_bits_[set * start_words_ + id / 64] >> (id % 64)) & 1;
  }
  // False when the token's annotation rules class `id` out at it.
  bool MayMatchAt(ClassId id, const Token& t) const {
    if (!t.annotated || InStartSet(t.starts, id)) return true;
    if (t.lemma_hash == t.hash) return false;  // The lemma is the word: ruled out.
    return t.lemma_starts_of != t.lemma_hash || InStartSet(t.lemma_starts, id);
  }
  PhraseMatch MatchPhrases(ClassId id, const std::vector<Token>& tokens, int i,
                           int end) const;
  bool OneWordMatches(ClassId id, const std::vector<Token>& tokens, int i) const;
  // The phrases of class `id` whose first word has start set `set`; nullptr for none.
  const std::vector<Candidate>* StartingIn(ClassId id, uint32_t set) const;
  // The start sets of a token's word and lemma, from its annotation when current.
  uint32_t WordStarts(const Token& t) const;
  uint32_t LemmaStarts(const Token& t) const;

  std::vector<Phrase> phrases_;
  std::vector<PhraseClass> classes_;
  // Start sets: bit `id` of set k says a phrase of class `id` starts with a word
  // whose hash maps to k (start_index_); set 0 is for words no phrase starts with.
  // A class with a phrase starting "word*" is in every set.
  size_t start_words_ = 1;
  std::vector<uint64_t> start_bits_;
  absl::flat_hash_map<uint32_t, uint32_t> start_index_;
  std::vector<uint64_t> start_hashes_;  // HashBit of each key of start_index_.
  // Laid out as start_bits_: bit `id` of set k says class `id` has a one-word item
  // whose hash maps to k ("word*" items aside).
  std::vector<uint64_t> word_bits_;
  // Per start set: each class's phrases starting with its word (a by_first list), so
  // MatchPhrases finds them from the token's annotation without hashing.
  std::vector<std::vector<std::pair<ClassId, const std::vector<Candidate>*>>>
      start_lists_;
  // StartSetOf(0), asked for every token before the tagger gives it a lemma.
  uint32_t no_lemma_starts_ = 0;
  // IsFunctionWord's: the WordHash of each one-word item of the closed word
  // classes, and the prefixes of their one-word "word*" items.
  absl::flat_hash_set<uint32_t> function_words_;
  std::vector<uint64_t> function_hashes_;  // HashBit of each of function_words_.
  std::vector<std::string> function_word_prefixes_;
  ClosedClasses closed_;
  std::vector<std::string> class_names_;
  absl::flat_hash_map<std::string, ClassId> class_ids_;
  absl::flat_hash_map<std::string, VerbEntry> verbs_;
  // Tables of WordHash bits (hash % kHashBits) for the word lists most words are
  // not in: one load rules such a word out before a map is searched.
  static constexpr uint32_t kHashBits = 1 << 16;
  static bool HashBit(const std::vector<uint64_t>& bits, uint32_t hash) {
    const uint32_t bit = hash % kHashBits;
    return (bits[bit / 64] >> (bit % 64)) & 1;
  }
  static void SetHashBit(std::vector<uint64_t>* bits, uint32_t hash) {
    const uint32_t bit = hash % kHashBits;
    (*bits)[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  std::vector<uint64_t> verb_hashes_;  // HashBit of each spelling of verbs_.
  // The length of the stem NounLemma keeps of a regular `lower`, and the suffix it
  // adds ("treaties": 5 and "y").
  static size_t RegularNounStem(absl::string_view lower, absl::string_view* suffix);
  absl::flat_hash_map<std::string, std::string> plurals_;
  WordFilter plural_filter_;  // The WordHash of each key of plurals_.
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_LEXICON_H_
