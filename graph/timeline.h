#ifndef ENTENTE_GRAPH_TIMELINE_H_
#define ENTENTE_GRAPH_TIMELINE_H_

// Timeline queries: the relations of one entity, or of a pair of entities,
// ordered by their valid date (Relation::date).
//
// Order: by the first day the date covers, then by relation id. A date known
// only to its year or month sorts at its first day ("2026" at 2026-01-01).
// Undated relations sort before every dated one (oldest first: at the start;
// newest first: at the end) and appear only when the window is unbounded.
//
// Thread-safety: plain values.

#include <string>
#include <vector>

#include "graph/limits.h"
#include "graph/model.h"

namespace entente::graph {

struct TimelineQuery {
  // The entity whose relations to list (either endpoint). Required.
  std::string entity;
  // When set, only relations between `entity` and `other` (either direction).
  std::string other;
  // Relations whose date overlaps [from_day, to_day); unbounded by default.
  TimeWindow window;
  // Relation types to keep; empty = all.
  RelationTypeSet types;
  // Newest first instead of oldest first.
  bool newest_first = false;
  // Relations per page: 0 = default 50; values above 1000 are clamped to 1000;
  // negative = InvalidArgument.
  int page_size = kDefaultTimelinePageSize;
  // The next_page_token of a previous page of the SAME query (entity, other,
  // window, types, order); "" for the first page. A token of another query is
  // InvalidArgument. Tokens stay valid across writes: a resumed page starts
  // right after the last relation returned, by key, not by position.
  std::string page_token;
};

struct TimelinePage {
  std::vector<Relation> relations;
  // "" when there are no further relations.
  std::string next_page_token;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_TIMELINE_H_
