#ifndef ENTENTE_IMPORTERS_INTERNAL_DATING_H_
#define ENTENTE_IMPORTERS_INTERNAL_DATING_H_

// When a matched relation happened (../shared/spec/relations.md, "Dates"):
//   - a date in the trigger's own phrase ("the 2019 visit", "talks on Tuesday")
//     first, then the nearest in its clause (after the trigger before before it),
//     then in the clause it shares its time with;
//   - "since 2006" dates a state that still holds (partnership, relations,
//     membership); for anything else it marks a running total, not an event;
//   - "the 75th anniversary of diplomatic relations" counts back from the year;
//   - "by 2030" is a target year, never the date;
//   - a visit is dated by its month unless a single day is pinned right after it;
//   - an undated event told as news takes the lead's event date (the item's
//     anchor) when told in the past, else the report's month.
//
// Thread-safety: pure functions.

#include <optional>
#include <vector>

#include "graph/model.h"
#include "importers/internal/match_context.h"

namespace entente::importers::internal {

struct EventDate {
  graph::DateWithPrecision date;
  bool stated = false;      // The text gives it (not the anchor or report).
  bool since = false;       // From "since YEAR".
  bool historical = false;  // A running total ("since 2005", "over the years").
  int anniversary = 0;  // N when counted back: "the Nth anniversary", "N years since".
  // "visited Angola in 2014 and 2016": the years or months listed with the chosen
  // one, each a visit or meeting of its own.
  std::vector<graph::DateWithPrecision> also;
};

// The date of `ctx.match`. Never fails; an item without a report date gives an
// unknown date.
EventDate DateOf(const MatchContext& ctx);

// "concluded one pact with Chile in May 2019, another with Peru in June 2021",
// "visited Japan on Monday, Korea on Wednesday": in a clause of several dates, the
// one written right after a partner named after "with", the verb, a comma or "and"
// (or after "in"/"on" there), a party of the pair; none otherwise, and none when
// more dates are listed after it ("visited China in 2014 and 2015").
std::optional<graph::DateWithPrecision> PartyDate(const MatchContext& ctx,
                                                  const Referent& a, const Referent& b);

// Whether d is the year of another document than the one the match is about: "signed
// a protocol amending the Transit Agreement of 2001" (not "signed the Treaty of 1997").
bool OtherDocumentYear(const MatchContext& ctx, const DateMention& d);

// "by 2030", "over the next five years" (counted from the report): the target year
// in the trigger's clause, if any.
std::optional<int> TargetYear(const MatchContext& ctx);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_DATING_H_
