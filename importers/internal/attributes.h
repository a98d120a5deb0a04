#ifndef ENTENTE_IMPORTERS_INTERNAL_ATTRIBUTES_H_
#define ENTENTE_IMPORTERS_INTERNAL_ATTRIBUTES_H_

// What the text states about a matched relation, by type (the spec's attribute
// table): an agreement's kind, count and title; a partnership's or a visit's level;
// a meeting's participants and city; a forum's edition and city; amounts, currencies,
// target years and changes of trade and investment; a site's facility, location and
// status; a sanction's measure. The words come from the word lists (agreement_kind,
// partnership_level, visit_level, facility, sanction_measure, ...); a frame's
// attr.KEY=VALUE constants are added last and win.
//
// Thread-safety: pure functions.

#include "graph/model.h"
#include "importers/internal/coreference.h"
#include "importers/internal/dating.h"
#include "importers/internal/match_context.h"

namespace entente::importers::internal {

graph::Attributes ReadAttributes(const MatchContext& ctx, const Referent& source,
                                 const Referent& target, const EventDate& date);

// The documents a signing verb's object lists, one phrase each: "signed the Lima
// Declaration and a parallel trade protocol" gives two. The list ends at another
// verb or at an elaboration ("eight documents, including a treaty ..." is one
// bundle). Empty unless it names two documents or more.
std::vector<TokenRange> ListedDocuments(const MatchContext& ctx);
// "imposed an asset freeze and a travel ban": the members of the object's list that
// name distinct measures of class `cls`, when two or more do; none otherwise.
std::vector<TokenRange> ListedMeasures(const MatchContext& ctx, ClassId cls);

// "a target of $1 billion by 2027 and $2 billion by 2030": one range per amount of
// the clause that a target year of its own follows, when two or more do with
// different years; none otherwise.
std::vector<TokenRange> ListedTargets(const MatchContext& ctx);

// The documents an elaboration after a bundle names one by one, in the singular:
// "signed eight documents, among them a treaty on X and another on Y" gives the
// treaty and the other. Each is an agreement of its own beside the bundle.
std::vector<TokenRange> ElaboratedDocuments(const MatchContext& ctx);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_ATTRIBUTES_H_
