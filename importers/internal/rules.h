#ifndef ENTENTE_IMPORTERS_INTERNAL_RULES_H_
#define ENTENTE_IMPORTERS_INTERNAL_RULES_H_

// The relation rules, one function per family. Each scans one sentence of an
// item for the trigger words of its relation types and emits relations into
// the ItemContext. Headlines are context only: rules skip them.
//
// Thread-safety: one ItemContext per call.

#include "importers/internal/item_context.h"

namespace entente::importers::internal {

// agreement, partnership, diplomatic_relations (rules_accords.cc).
void AgreementRule(ItemContext& ctx, const Sentence& s);
void PartnershipRule(ItemContext& ctx, const Sentence& s);
void DiplomaticRelationsRule(ItemContext& ctx, const Sentence& s);
// trade_target, trade_volume, investment, declaration (rules_economy.cc).
void TradeRule(ItemContext& ctx, const Sentence& s);
void InvestmentRule(ItemContext& ctx, const Sentence& s);
void DeclarationRule(ItemContext& ctx, const Sentence& s);
// visit, meeting (rules_visits.cc).
void VisitRule(ItemContext& ctx, const Sentence& s);
void MeetingRule(ItemContext& ctx, const Sentence& s);
// forum, membership, site (rules_events.cc).
void ForumRule(ItemContext& ctx, const Sentence& s, bool main_forum_done);
void MembershipRule(ItemContext& ctx, const Sentence& s);
void SiteRule(ItemContext& ctx, const Sentence& s);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_RULES_H_
