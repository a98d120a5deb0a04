#ifndef ENTENTE_IMPORTERS_INTERNAL_MEETING_PLACE_H_
#define ENTENTE_IMPORTERS_INTERNAL_MEETING_PLACE_H_

// Where a meeting or a forum took place: the city the text names for it, read from
// the nearest place that can be it.
//   1. A place phrase of the trigger's clause ("held talks in Quito", "met at the
//      presidential palace in Lima"), or the place a "where" clause describes
//      ("Cusco, where the presidents held talks").
//   2. Elsewhere in the sentence, a place where one of the parties is at home
//      ("travelled to Lima and held talks", "flew to Quito for talks", "visited
//      Quito and held talks").
//   3. The item's dateline, for news of the item's own day (or of its last weeks,
//      when one of the parties is at home there).
//   4. For news of the last weeks, a place where one of the parties is at home,
//      named earlier in the item ("arrived in Quito on Monday. ... The two
//      presidents held talks").
// A place phrase names a city by its head ("in New Delhi"), its possessor ("in
// Lima's old town"), an "of" phrase after a settlement noun ("the port city of
// Callao") or an apposition ("at State House, Nairobi"); a city that names a
// building ("the Mombasa Hall") is not where the building stands.
//
// Thread-safety: pure functions.

#include <string>
#include <vector>

#include "importers/internal/coreference.h"
#include "importers/internal/dating.h"
#include "importers/internal/match_context.h"

namespace entente::importers::internal {

// The city of the meeting or forum `ctx.match` states, as "city:slug"; "" when the
// text names none. `parties` are the countries or organizations that met (a forum's
// host); steps 2 and 4 above keep to cities of theirs.
std::string MeetingCity(const MatchContext& ctx, const std::vector<std::string>& parties,
                        const EventDate& date);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_MEETING_PLACE_H_
