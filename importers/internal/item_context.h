#ifndef ENTENTE_IMPORTERS_INTERNAL_ITEM_CONTEXT_H_
#define ENTENTE_IMPORTERS_INTERNAL_ITEM_CONTEXT_H_

// What the relation rules see of one digest item: its sentences (tokens,
// entity mentions, dates, money), the attribution (outlet and reported date),
// the item's principal parties ("the two countries" resolve to them), its
// anchor date (the event date of the lead sentence) and the relations found so
// far.
//
// Thread-safety: one ItemContext per item and thread.

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "graph/model.h"
#include "importers/digest_item.h"
#include "importers/gazetteer.h"
#include "importers/internal/dates.h"
#include "importers/internal/mentions.h"
#include "importers/internal/numbers.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

// A Bloom filter of a sentence's words.
struct WordBloom {
  // Two bits per word in 1024: few false positives for sentences of ~50 words.
  uint64_t bits[16] = {};
  void Add(uint32_t h) {
    uint32_t a = h & 1023, b = (h >> 10) & 1023;
    bits[a >> 6] |= uint64_t{1} << (a & 63);
    bits[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool MayContain(uint32_t h) const {
    uint32_t a = h & 1023, b = (h >> 10) & 1023;
    return (bits[a >> 6] >> (a & 63) & 1) && (bits[b >> 6] >> (b & 63) & 1);
  }
};

struct Sentence {
  int paragraph = 0;
  bool headline = false;
  absl::string_view text;
  int64_t begin = 0;  // Byte offsets of the text (tokens count from here).
  int64_t end = 0;
  int64_t file_begin = 0;  // Byte offsets of the quote in the input file (they
  int64_t file_end = 0;    // differ from begin/end for escaped JSON text).
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<DateMention> dates;
  std::vector<MoneyMention> money;
  int attribution_begin = -1;  // Token range of "reported X on DATE", if any.
  int attribution_end = -1;
  // The lower-case words, so a rule can skip a sentence without its trigger
  // words cheaply.
  WordBloom word_bloom;
  // ", which ... ," asides as token ranges [first, second).
  std::vector<std::pair<int, int>> asides;
};

class ItemContext {
 public:
  ItemContext(const Gazetteer& gazetteer, const DigestItem& item);

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const DigestItem& item() const { return item_; }
  std::vector<Sentence>& sentences() { return sentences_; }
  const graph::DateWithPrecision& reported() const { return reported_; }
  // The lead sentence's event date (day precision), else the reported month.
  const graph::DateWithPrecision& anchor() const { return anchor_; }
  // Principal countries, most mentioned first.
  const std::vector<std::string>& parties() const { return parties_; }
  // The principal parties named as actors in the headline or lead (weight >= 1),
  // not the countries a body mentions in passing.
  const std::vector<std::string>& lead_parties() const { return lead_parties_; }
  // The item's organization ("the organization", "the union"), "" if none.
  const std::string& organization() const { return organization_; }
  // The city of the lead sentence's "in CITY", "" if none.
  const std::string& city() const { return city_; }

  // True when token i of s lies in the attribution ("reported Trend on Feb. 5").
  bool InAttribution(const Sentence& s, int i) const {
    return i >= s.attribution_begin && i < s.attribution_end;
  }

  // Adds a relation with provenance from sentence s; endpoints are entity ids
  // (gazetteer ids, or ad hoc ids with `*_name` given).
  void Emit(graph::RelationType type, const std::string& source,
            const std::string& target, const graph::DateWithPrecision& date,
            graph::Attributes attributes, const Sentence& s, double confidence = 0.8);
  // Registers an ad hoc entity (event, site, company) not in the gazetteer.
  void AddEntity(const std::string& id, const std::string& name, graph::EntityKind kind);

  std::vector<graph::Relation>& relations() { return relations_; }

  // The last site the item named, for "the plant", "a second plant".
  struct SiteRef {
    std::string id;
    std::string facility;
    std::string host;
  };
  SiteRef last_site;
  std::vector<graph::Entity> TakeEntities();

 private:
  void BuildSentences();
  void FindAttribution();
  void FindParties();
  // Mentions of organizations known by their names' shape only (shaped_orgs.h).
  void AddShapedOrganizations(Sentence& s,
                              const std::vector<std::pair<int64_t, int64_t>>& masked);

  const Gazetteer& gazetteer_;
  const DigestItem& item_;
  std::vector<Sentence> sentences_;
  std::string outlet_;
  graph::DateWithPrecision reported_;
  graph::DateWithPrecision anchor_;
  std::vector<std::string> parties_;
  std::vector<std::string> lead_parties_;
  std::string organization_;
  std::string city_;
  std::vector<graph::Relation> relations_;
  std::vector<graph::Entity> adhoc_;
  // The entities of shaped-organization mentions (a deque: mentions point here).
  std::deque<graph::Entity> shaped_;
};

// "Kazakhstan second nuclear power plant" -> "kazakhstan-second-nuclear-power-plant".
std::string Slugify(absl::string_view text);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_ITEM_CONTEXT_H_
