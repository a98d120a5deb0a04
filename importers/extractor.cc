#include "importers/extractor.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "importers/internal/item_context.h"
#include "importers/internal/rules.h"

namespace entente::importers {

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Gazetteer> gazetteer) {
  if (gazetteer == nullptr) return absl::InvalidArgumentError("Extractor: no gazetteer");
  return std::unique_ptr<Extractor>(new Extractor(std::move(gazetteer)));
}

ItemExtraction Extractor::Extract(const DigestItem& item) const {
  ItemExtraction out = ExtractUnmerged(item);
  out.relations = MergeAndSortRelations(std::move(out.relations));
  return out;
}

ItemExtraction Extractor::ExtractUnmerged(const DigestItem& item) const {
  ItemExtraction out;
  if (!item.published.known() && !item.reported.known()) return out;
  internal::ItemContext ctx(*gazetteer_, item);
  bool forum_done = false;
  for (internal::Sentence& s : ctx.sentences()) {
    if (s.headline) continue;
    internal::AgreementRule(ctx, s);
    internal::PartnershipRule(ctx, s);
    internal::DiplomaticRelationsRule(ctx, s);
    internal::TradeRule(ctx, s);
    internal::InvestmentRule(ctx, s);
    internal::DeclarationRule(ctx, s);
    internal::VisitRule(ctx, s);
    internal::MeetingRule(ctx, s);
    size_t before = ctx.relations().size();
    internal::ForumRule(ctx, s, forum_done);
    for (size_t k = before; k < ctx.relations().size(); ++k) {
      if (ctx.relations()[k].type == graph::RelationType::kForum) forum_done = true;
    }
    internal::MembershipRule(ctx, s);
    internal::SiteRule(ctx, s);
  }
  out.entities = ctx.TakeEntities();
  out.relations = std::move(ctx.relations());
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
  // Sort keys computed once: date string, type name, identity.
  struct Key {
    int date;  // YYYYMMDD with 0 for unknown parts: orders like the ISO strings.
    absl::string_view type;
    const std::string* identity;
    size_t position;
  };
  std::vector<Key> keys;
  keys.reserve(merged.size());
  for (const auto& [identity, position] : index) {
    const graph::Relation& r = merged[position];
    keys.push_back({r.date.year * 10000 + r.date.month * 100 + r.date.day,
                    graph::RelationTypeName(r.type), &identity, position});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.type != b.type) return a.type < b.type;
    return *a.identity < *b.identity;
  });
  std::vector<graph::Relation> out;
  out.reserve(merged.size());
  for (const Key& key : keys) out.push_back(std::move(merged[key.position]));
  return out;
}

}  // namespace entente::importers
