#ifndef ENTENTE_IMPORTERS_INTERNAL_RULE_HELPERS_H_
#define ENTENTE_IMPORTERS_INTERNAL_RULE_HELPERS_H_

// Small scanners the relation rules share: word tests, clause bounds, party
// resolution ("X and Y", "the two countries", "bilateral"), date choice and
// hedges ("supposed to", "called off").
//
// Thread-safety: pure functions over one ItemContext.

#include <initializer_list>
#include <string>
#include <vector>

#include "importers/internal/item_context.h"

namespace entente::importers::internal {

using Words = std::initializer_list<absl::string_view>;

bool Is(const Sentence& s, int i, absl::string_view lower);
// True when the sentence has one of `words` anywhere (a cheap pre-check).
bool HasAny(const Sentence& s, Words words);

// A rule's trigger words with their hashes computed once:
//   static const WordSet kTriggers = {"visit", "trip"};
//   if (!kTriggers.AnyIn(s)) return;
class WordSet {
 public:
  WordSet(Words words);
  bool AnyIn(const Sentence& s) const;

 private:
  std::vector<std::string> words_;
  std::vector<uint32_t> hashes_;
};
bool IsAny(const Sentence& s, int i, Words words);
// First index in [from, to) whose token is one of `words`; -1 if none.
int Find(const Sentence& s, int from, int to, Words words);
// Last index in [from, to) whose token is one of `words`; -1 if none.
int FindLast(const Sentence& s, int from, int to, Words words);

struct Range {
  int begin = 0;
  int end = 0;
};
// The clause around token i: bounded by the sentence, ";", a relative clause
// (", which", ", where", ", while", ", who") and the attribution.
Range ClauseOf(const ItemContext& ctx, const Sentence& s, int i);
// The ", which ... ," / ", who ... ," asides of a sentence.
std::vector<Range> Parentheticals(const Sentence& s, Range content);
// The sentence without its attribution tail.
Range ContentOf(const ItemContext& ctx, const Sentence& s);

bool IsLocationPreposition(absl::string_view p);

// Countries named as actors in [from, to): country names, demonyms, capitals,
// leaders and persons; places after "in"/"at"/... are skipped unless
// `with_locations`. In order, without repeats.
std::vector<std::string> PartiesIn(const Sentence& s, int from, int to,
                                   bool with_locations = false);
// Index of the mention covering token i, or -1.
int MentionAt(const Sentence& s, int i);

// A group anaphor in [from, to): "the two countries" -> 2, "three countries"
// -> 3, "the leaders"/"both"/"bilateral"/"their countries" -> 0 (all item
// parties or the principal pair), -1 when none.
int GroupAnaphor(const Sentence& s, int from, int to);
// The item parties a group anaphor stands for.
std::vector<std::string> ResolveGroup(const ItemContext& ctx, int group);

// The date nearest to token i inside [from, to), skipping dates bound to money
// ("$6 billion last year") unless `money_index` is that money; the anchor when
// none.
// Dates after the reported date are skipped unless `allow_future` (a role
// taken over "on Jan. 1").
graph::DateWithPrecision DateNear(const ItemContext& ctx, const Sentence& s, int i,
                                  Range r, bool* explicit_date = nullptr,
                                  bool allow_future = false);

// Hedged or negated: "supposed to", "called off", "did not", "will", ...
bool Hedged(const Sentence& s, int from, int to);
bool Negated(const Sentence& s, int from, int to);
// A summary of the past rather than an event: "since independence", "over the
// years", "so far", "to date", "in total", "in recent years".
bool Historical(const Sentence& s, Range r);

// Emits one symmetric relation per pair of distinct parties.
void EmitPairs(ItemContext& ctx, graph::RelationType type,
               const std::vector<std::string>& parties,
               const graph::DateWithPrecision& date, const graph::Attributes& attributes,
               const Sentence& s);

// The text of tokens [from, to) as written.
std::string TextOf(const Sentence& s, int from, int to);

graph::DateWithPrecision ToMonth(const graph::DateWithPrecision& d);
graph::DateWithPrecision ToYear(const graph::DateWithPrecision& d);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_RULE_HELPERS_H_
