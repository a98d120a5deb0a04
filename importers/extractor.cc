#include "importers/extractor.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "importers/internal/coreference.h"
#include "importers/internal/dates.h"
#include "importers/internal/frame_matcher.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"
#include "importers/internal/relation_builder.h"
#include "importers/internal/text.h"
#include "importers/internal/trace.h"

namespace entente::importers {
namespace {

// The identity of a relation without the parts two reports of one fact may tell
// differently: the date's precision, and an agreement's title.
std::string LooseIdentity(const graph::Relation& r, bool drop_date, bool drop_title) {
  graph::Relation copy;
  copy.type = r.type;
  copy.source.id = r.source.id;
  copy.target.id = r.target.id;
  // Only the attributes the identity reads are copied (the others can be many).
  for (absl::string_view key : graph::IdentityAttributeKeys(r.type)) {
    if (drop_title && key == "title") continue;
    auto it = r.attributes.find(std::string(key));
    if (it != r.attributes.end()) copy.attributes.insert(*it);
  }
  if (!drop_date) copy.date = r.date;
  return graph::RelationIdentity(copy);
}

// Folds relations[i] into relations[into] and marks i merged.
void Fold(std::vector<graph::Relation>& relations, std::vector<bool>& gone, size_t i,
          size_t into) {
  graph::MergeRelation(relations[i], &relations[into]);
  gone[i] = true;
}

// Per relation: true when another has its type and endpoints (in either order).
// Relations that differ there have different loose identities in every pass, so
// only these can fold; the others need no identity built.
std::vector<bool> SharedEnds(const std::vector<graph::Relation>& relations) {
  using Ends = std::tuple<graph::RelationType, absl::string_view, absl::string_view>;
  absl::flat_hash_map<Ends, int> count;
  auto ends = [](const graph::Relation& r) {
    absl::string_view a = r.source.id;
    absl::string_view b = r.target.id;
    return Ends(r.type, std::min(a, b), std::max(a, b));
  };
  for (const graph::Relation& r : relations) ++count[ends(r)];
  std::vector<bool> shared(relations.size());
  for (size_t i = 0; i < relations.size(); ++i) shared[i] = count[ends(relations[i])] > 1;
  return shared;
}

// "blacklisted 14 officials, freezing their assets": a sanction of a general measure
// ('other') that the same sentence tells again by its kind, for the same pair on the
// same day, is that one.
void FoldGeneralMeasures(std::vector<graph::Relation>& relations,
                         std::vector<bool>& gone) {
  auto text = [](const graph::Relation& r, const char* key) {
    auto it = r.attributes.find(key);
    const std::string* value =
        it == r.attributes.end() ? nullptr : std::get_if<std::string>(&it->second);
    return value == nullptr ? std::string() : *value;
  };
  auto measure = [&](const graph::Relation& r) { return text(r, "measure"); };
  // Not "imposed an export ban and prolonged its earlier sanctions": a measure
  // extended or lifted is another act than one imposed.
  auto action = [&](const graph::Relation& r) {
    const std::string a = text(r, "action");
    return a.empty() ? std::string("imposed") : a;
  };
  auto same_sentence = [](const graph::Relation& a, const graph::Relation& b) {
    for (const graph::Provenance& p : a.provenance) {
      for (const graph::Provenance& q : b.provenance) {
        if (p.document == q.document && p.start == q.start) return true;
      }
    }
    return false;
  };
  // The sanctions by pair and day, so that each general one meets only its peers.
  absl::flat_hash_map<std::string, std::vector<size_t>> by_pair_and_day;
  for (size_t i = 0; i < relations.size(); ++i) {
    const graph::Relation& r = relations[i];
    if (gone[i] || r.type != graph::RelationType::kSanction) continue;
    by_pair_and_day[absl::StrCat(r.source.id, " ", r.target.id, " ", r.date.ToString())]
        .push_back(i);
  }
  for (const auto& [key, members] : by_pair_and_day) {
    if (members.size() < 2) continue;
    for (size_t i : members) {
      if (gone[i] || measure(relations[i]) != "other") continue;
      for (size_t j : members) {
        const std::string named = measure(relations[j]);
        if (j == i || gone[j] || named.empty() || named == "other" ||
            action(relations[i]) != action(relations[j]) ||
            !same_sentence(relations[i], relations[j])) {
          continue;
        }
        Fold(relations, gone, i, j);
        break;
      }
    }
  }
}

// One fact told at two precisions is one relation at the finer date; an agreement
// named in one report and not in another on the same day is the named one.
std::vector<graph::Relation> MergeVariants(std::vector<graph::Relation> relations) {
  std::vector<bool> gone(relations.size(), false);
  const std::vector<bool> shared = SharedEnds(relations);
  // Passes: a coarser date of the same document; an untitled report of a titled one
  // on the same day; both at once (a headline's "signed a declaration" this month,
  // the body's named declaration on a day of it).
  for (const auto& [loose_date, loose_title] :
       {std::pair{true, false}, std::pair{false, true}, std::pair{true, true}}) {
    absl::flat_hash_map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < relations.size(); ++i) {
      if (gone[i] || !shared[i]) continue;
      groups[LooseIdentity(relations[i], loose_date, loose_title)].push_back(i);
    }
    for (auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      for (size_t i : members) {
        if (gone[i]) continue;
        std::vector<size_t> into;
        for (size_t j : members) {
          if (j == i || gone[j]) continue;
          const graph::Relation& a = relations[i];
          const graph::Relation& b = relations[j];
          const bool titled =
              !a.attributes.contains("title") && b.attributes.contains("title");
          const bool better = (!loose_date || internal::Narrows(b.date, a.date)) &&
                              (!loose_title || titled) &&
                              (loose_date || a.date == b.date);
          if (better) into.push_back(j);
        }
        if (into.size() == 1) Fold(relations, gone, i, into[0]);
      }
    }
  }
  FoldGeneralMeasures(relations, gone);
  std::vector<graph::Relation> out;
  out.reserve(relations.size());  // Relations are large: moved once, not at each growth.
  for (size_t i = 0; i < relations.size(); ++i) {
    if (!gone[i]) out.push_back(std::move(relations[i]));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Gazetteer> gazetteer) {
  if (gazetteer == nullptr) return absl::InvalidArgumentError("Extractor: no gazetteer");
  auto knowledge = internal::Knowledge::FromEmbedded();
  if (!knowledge.ok()) return knowledge.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(gazetteer), *knowledge));
}

ItemExtraction Extractor::Extract(const DigestItem& item) const {
  ItemExtraction out = ExtractUnmerged(item);
  out.relations = MergeAndSortRelations(std::move(out.relations));
  return out;
}

Extractor::WordCounts Extractor::CountWords(const DigestItem& item) const {
  WordCounts counts;
  auto count = [&](const std::string& text) {
    std::vector<internal::Token> tokens = internal::Tokenize(text, 0);
    internal::AnnotateAndCount(knowledge_->lexicon(), tokens, &counts.words,
                               &counts.function_words);
  };
  count(item.headline.text);
  for (const TextSpan& p : item.paragraphs) count(p.text);
  return counts;
}

ItemExtraction Extractor::ExtractUnmerged(const DigestItem& item, WordCounts* counts,
                                          bool explain) const {
  ItemExtraction out;
  if (!item.published.known() && !item.reported.known()) {
    if (counts != nullptr) *counts = CountWords(item);
    return out;
  }
  internal::ItemText text = internal::ReadItem(*knowledge_, *gazetteer_, item);
  // A list of reports, each with its outlet and day: each report is an item.
  if (!text.report_paragraphs.empty()) {
    WordCounts total;
    for (const DigestItem& part :
         internal::SplitAtParagraphs(item, text.report_paragraphs)) {
      WordCounts part_counts;
      ItemExtraction one = ExtractUnmerged(part, &part_counts, explain);
      total.words += part_counts.words;
      total.function_words += part_counts.function_words;
      for (auto& e : one.entities) out.entities.push_back(std::move(e));
      for (auto& r : one.relations) out.relations.push_back(std::move(r));
      for (auto& [identity, lines] : one.explanations) {
        std::vector<std::string>& all = out.explanations[identity];
        all.insert(all.end(), lines.begin(), lines.end());
      }
    }
    if (counts != nullptr) *counts = total;
    return out;
  }
  if (counts != nullptr) *counts = {text.words, text.function_words};
  internal::Discourse discourse(*knowledge_, *gazetteer_, text);
  internal::RelationBuilder builder(*knowledge_, *gazetteer_, discourse, text, item,
                                    explain);
  internal::MatchItem(*knowledge_, discourse, text,
                      [&](const internal::FrameMatch& m) { builder.Add(m); });
  builder.AddRankedLists();
  out.entities = builder.Entities();
  out.relations = builder.TakeRelations();
  out.explanations = builder.TakeExplanations();
  return out;
}

std::string Extractor::Trace(const DigestItem& item) const {
  internal::ItemText text = internal::ReadItem(*knowledge_, *gazetteer_, item);
  internal::Discourse discourse(*knowledge_, *gazetteer_, text);
  std::string out = internal::TraceItem(text, discourse);
  internal::MatchItem(*knowledge_, discourse, text, [&](const internal::FrameMatch& m) {
    absl::StrAppend(&out, "match #", m.sentence, " ", m.frame->file, ":", m.frame->line,
                    m.irrealis ? " (irrealis)" : "", ":");
    for (const auto& [a, b] : m.pairs) {
      absl::StrAppend(&out, " ", a.party, a.thing >= 0 ? "thing" : "", "->", b.party,
                      b.thing >= 0 ? absl::StrCat("np", b.thing) : "");
    }
    out.push_back('\n');
  });
  return out;
}

std::vector<graph::Relation> MergeAndSortRelations(
    std::vector<graph::Relation> relations) {
  absl::flat_hash_map<std::string, size_t> index;
  std::vector<graph::Relation> merged;
  merged.reserve(relations.size());
  for (graph::Relation& r : relations) {
    std::string identity = graph::RelationIdentity(r);
    auto [it, inserted] = index.emplace(std::move(identity), merged.size());
    if (inserted) {
      merged.push_back(std::move(r));
    } else {
      graph::MergeRelation(r, &merged[it->second]);
    }
  }
  merged = MergeVariants(std::move(merged));
  // Sort keys computed once: date, type name, then the order the text gives them,
  // so that two agreements signed on one day keep the order they were named in.
  struct Key {
    int date;  // YYYYMMDD with 0 for unknown parts: orders like the ISO strings.
    absl::string_view type;
    size_t position;
  };
  std::vector<Key> keys;
  keys.reserve(merged.size());
  for (size_t i = 0; i < merged.size(); ++i) {
    const graph::Relation& r = merged[i];
    keys.push_back({r.date.year * 10000 + r.date.month * 100 + r.date.day,
                    graph::RelationTypeName(r.type), i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.type != b.type) return a.type < b.type;
    return a.position < b.position;
  });
  std::vector<graph::Relation> out;
  out.reserve(merged.size());
  for (const Key& key : keys) out.push_back(std::move(merged[key.position]));
  return out;
}

}  // namespace entente::importers
