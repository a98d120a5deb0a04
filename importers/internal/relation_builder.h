#ifndef ENTENTE_IMPORTERS_INTERNAL_RELATION_BUILDER_H_
#define ENTENTE_IMPORTERS_INTERNAL_RELATION_BUILDER_H_

// Frame matches -> relations: each matched pair of parties becomes a relation with
// its date (dating.h), attributes (attributes.h), confidence and provenance (the
// sentence, its byte offsets, the item's outlet and report date), and the events and
// sites that frames name become entities. Running totals ("has invested $6 billion
// since 2005") are no dated events and give nothing.
//
// Thread-safety: one builder per item and thread.

#include <map>
#include <string>
#include <vector>

#include "graph/model.h"
#include "importers/digest_item.h"
#include "importers/gazetteer.h"
#include "importers/internal/coreference.h"
#include "importers/internal/dating.h"
#include "importers/internal/frame_matcher.h"
#include "importers/internal/item_reader.h"
#include "importers/internal/knowledge.h"
#include "importers/internal/things.h"

namespace entente::importers::internal {

class RelationBuilder {
 public:
  // Keeps references to every argument. With `explain` false, TakeExplanations
  // gives nothing; the relations are the same.
  RelationBuilder(const Knowledge& knowledge, const Gazetteer& gazetteer,
                  Discourse& discourse, const ItemText& text, const DigestItem& item,
                  bool explain);

  void Add(const FrameMatch& match);

  // "Norway led with $2.2bn, followed by Chile ($900m) and Peru ($410m)": after a
  // sentence that gave a trade volume or an investment with its amount, a sentence
  // that ranks states (@ranking_cue), each with an amount of its own right after
  // it, gives each the same relation with the same home state (the investment's
  // recipient; the trade's state named with "'s", else the dateline's) and date.
  // Call after the item's matches, before TakeRelations.
  void AddRankedLists();
  // The relations built. Those of one event whose own sentence gave no date take
  // the date another report of the event states ("X was also represented").
  std::vector<graph::Relation> TakeRelations();
  // The endpoints of the relations built, with the gazetteer's aliases where known.
  std::vector<graph::Entity> Entities() const;
  // Per relation identity (graph::RelationIdentity): the frames (file:line) and
  // clauses that produced it, for `extract --explain`.
  std::map<std::string, std::vector<std::string>> TakeExplanations() {
    return std::move(explanations_);
  }

 private:
  // A running total: a historical cue among the match clause's own words.
  bool HistoricalClause(const MatchContext& ctx) const;
  // The match tells what someone said or reported ("Papers said X had ...").
  bool Reported(const FrameMatch& match) const;
  // A sentence soon after sentence s denies the report ("Muscat denied the report").
  bool DeniedLater(int s) const;
  // The relations of ctx's match on one date.
  void AddDated(const MatchContext& ctx, const EventDate& date);
  // The home state sentence x names by a noun of `type` (investment or trade):
  // "investment in Chile", "Chile's FDI", "Chile's trade"; "" when none.
  std::string HomeByNoun(const Sentence& x, graph::RelationType type) const;
  // A relation of `type` with `state` told in sentence `told` with no partner yet,
  // as the model of the states `ranked` names; dated by ranked's or told's first
  // date (one of them has one).
  graph::Relation NounRelation(graph::RelationType type, const Sentence& told,
                               const Sentence& ranked, const std::string& state);
  // Trade volumes of the states ranked after "followed by" in the match's sentence,
  // each with its amount in brackets, with the home state of relations_[first].
  void AddRankedPartners(const MatchContext& ctx, size_t first);
  // The date of the one document ctx.document names, when it states its own.
  static EventDate DocumentDate(const MatchContext& ctx, const EventDate& clause);
  // Records what produced `r`, the relation about to be added.
  void Explain(const MatchContext& ctx, const graph::Relation& r);
  // Files the explanation of relation i under its identity after its date changed.
  void Reexplain(size_t i);
  void DropHostsAsParticipants();
  void OneDatePerEvent();
  bool BlocAtOwnSummit(const graph::Relation& r) const;
  bool BilateralEvent(int s, int np) const;
  bool OwnGathering(int s, int np, absl::string_view party) const;
  bool UnnamedEventOfTwo(const FrameMatch& match, const Referent& target) const;
  // The entity `r` names; `host`, the source already made when r is a target.
  graph::EntityRef RefOf(const FrameMatch& match, const Referent& r,
                         const graph::EntityRef* host,
                         const graph::DateWithPrecision& date);

  const Knowledge& k_;
  const Gazetteer& g_;
  Discourse& d_;
  const ItemText& text_;
  const DigestItem& item_;
  const bool explain_;
  ThingRegistry things_;
  std::vector<graph::Relation> relations_;
  std::vector<bool> stated_;  // Per relation: its date is the text's, not inferred.
  // Per relation: its key in explanations_ ("" when not explaining).
  std::vector<std::string> explained_as_;
  std::vector<graph::Entity> adhoc_;
  std::map<std::string, std::vector<std::string>> explanations_;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_RELATION_BUILDER_H_
