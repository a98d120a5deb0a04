#ifndef ENTENTE_IMPORTERS_INTERNAL_ITEM_READER_H_
#define ENTENTE_IMPORTERS_INTERNAL_ITEM_READER_H_

// Items -> sentences: reads one digest item or article into analysed sentences
// (tokens, tags, mentions, dates, amounts, phrases and clauses) and finds what frames
// the item's text:
//   - the attribution of a digest item (", reported Trend on Feb. 5.", "Kazinform
//     reported on Jan. 23 that", "According to 24.kg, ..."): its outlet is provenance,
//     masked wherever it appears, and its date is the report's date;
//   - the dateline of an article ("ASTANA, June 22 (Kazinform) –", "RABAT –"): its
//     city is where the news happened unless the text says otherwise, and its date
//     the report's;
//   - quotation marks that span sentences (a digest's quoted body);
//   - the anchor: the first day-precise date of the lead, the date of the item's main
//     event, which undated follow-up statements share.
//
// Thread-safety: pure function; the Knowledge and Gazetteer are shared const.

#include <string>
#include <vector>

#include "graph/model.h"
#include "importers/digest_item.h"
#include "importers/gazetteer.h"
#include "importers/internal/clauses.h"
#include "importers/internal/dates.h"
#include "importers/internal/knowledge.h"
#include "importers/internal/mentions.h"
#include "importers/internal/numbers.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

// How far into an article's first sentence a dateline may reach, in tokens.
inline constexpr int kDatelineWindow = 14;
// Words of the region after a dateline's city: "SUVA, Fiji (AP)".
inline constexpr int kDatelineRegionWords = 3;

struct Sentence {
  int paragraph = 0;  // -1 for the headline.
  int section = 0;    // Sections of a story under headings in capitals, from 0.
  bool headline = false;
  absl::string_view text;
  int64_t begin = 0;  // Byte offsets of the text (tokens count from here).
  int64_t end = 0;
  int64_t file_begin = 0;  // Byte offsets of the quote in the input file (they
  int64_t file_end = 0;    // differ from begin/end for escaped JSON text).
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<int> mention_at;  // Per token: the mention holding it, or -1.
  std::vector<DateMention> dates;
  std::vector<MoneyMention> money;
  std::vector<PercentMention> percents;
  SentenceParse parse;
  TokenRange attribution;     // "reported Trend on Feb. 5": provenance, not content.
  TokenRange dateline;        // "ASTANA, June 22 (Kazinform) –".
  bool quoted_start = false;  // Begins inside quotation marks opened earlier.
  // A timeline's heading in force ("2023", "March 2024:" over the entries that
  // follow it), when it lies before the report's month; unknown otherwise.
  graph::DateWithPrecision heading;
  // A date that opens its paragraph as a sentence of its own ("14 January." over
  // "Envoys met in Moscow."): the day the paragraph's later sentences tell of.
  graph::DateWithPrecision entry;
  // The past month or day its paragraph's earlier sentences recount ("Aliyev came to
  // Tashkent in August." before "The two leaders signed ..."), when it lies before the
  // report's month and nothing since turned back to the news; unknown otherwise.
  graph::DateWithPrecision recounted;
};

struct ItemText {
  std::vector<Sentence> sentences;
  std::string outlet;
  graph::DateWithPrecision reported;  // Day precision when known.
  std::string dateline_city;          // "city:astana", "" when none.
  std::string dateline_country;       // The dateline's country, "" when none.
  graph::DateWithPrecision anchor;    // The lead's event date, else the report month.
  // "Kyodo (Japan) reported on March 6 that ... / Anadolu wrote on March 7 that
  // ...": the paragraphs that open with a dated report of their own, when the first
  // and at least one other do and the item has no outlet or report date of its own;
  // such an item is a list of reports (SplitAtParagraphs). Empty otherwise.
  std::vector<int> report_paragraphs;
  int64_t words = 0;           // Word tokens of the headline and paragraphs,
  int64_t function_words = 0;  // and those of a closed word class.
};

// Annotates each of `tokens` (as Tokenize made them) for its form
// (Lexicon::Annotate), adds the number of words to *words and the number of those
// that belong to a closed word class (@det, @prep, @conj, ...: function words) to
// *function_words. The tokens are left as annotation alone leaves them.
void AnnotateAndCount(const Lexicon& lexicon, std::vector<Token>& tokens, int64_t* words,
                      int64_t* function_words);

// Reads `item`. `item.published` or `item.reported` must be known for dates to
// resolve; without them sentences still come back, with no dates.
ItemText ReadItem(const Knowledge& knowledge, const Gazetteer& gazetteer,
                  const DigestItem& item);

// `item` parted at the paragraphs `firsts` (ItemText::report_paragraphs): one item
// per report, with the paragraphs up to the next; the first keeps the headline.
std::vector<DigestItem> SplitAtParagraphs(const DigestItem& item,
                                          const std::vector<int>& firsts);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_ITEM_READER_H_
