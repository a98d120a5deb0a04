#include "importers/internal/meeting_place.h"

#include <algorithm>

namespace entente::importers::internal {
namespace {

bool Is(const MatchContext& ctx, ClassId cls, const Sentence& s, int begin, int end) {
  return ctx.lexicon().MatchAt(cls, s.tokens, begin, end).length > 0;
}

// The city mention holding token i, or null.
const Mention* CityAt(const Sentence& s, int i) {
  if (i < 0 || i >= static_cast<int>(s.mention_at.size()) || s.mention_at[i] < 0)
    return nullptr;
  const Mention& m = s.mentions[s.mention_at[i]];
  return m.kind == graph::EntityKind::kCity ? &m : nullptr;
}

// The phrase set off by a comma after np and its prepositional phrases ("at State
// House, Nairobi"), or its parsed apposition; -1 when none.
int AppositionOf(const Sentence& s, int np) {
  const Phrases& ph = s.parse.phrases;
  const NounPhrase& phrase = ph.nps[np];
  if (phrase.apposition >= 0) return phrase.apposition;
  int comma = phrase.range.end;
  for (int pp : phrase.pps) comma = std::max(comma, ph.pps[pp].range.end);
  const int first = comma + 1;
  if (first >= static_cast<int>(s.tokens.size()) || s.tokens[comma].tag != Tag::kComma)
    return -1;
  const int next = ph.np_at[first];
  return next >= 0 && ph.nps[next].range.begin == first ? next : -1;
}

// The city noun phrase np names as a place (see the header); "" when none.
std::string PhraseCity(const MatchContext& ctx, const Sentence& s, int np) {
  const KnownClasses& c = ctx.classes();
  const Phrases& ph = s.parse.phrases;
  const NounPhrase& phrase = ph.nps[np];
  const TokenRange r = phrase.range;
  for (int i = r.begin; i < r.end; ++i) {
    const Mention* m = CityAt(s, i);
    if (m == nullptr) continue;
    const int word_after = m->end;
    if (word_after < r.end && Is(ctx, c.building_noun, s, word_after, word_after + 1)) {
      i = m->end - 1;  // A building's name.
      continue;
    }
    return m->id;
  }
  if (phrase.head >= 0 && Is(ctx, c.place_noun, s, phrase.head, phrase.head + 1)) {
    for (int pp : phrase.pps) {
      const PrepPhrase& of = ph.pps[pp];
      if (of.np < 0 || PrepositionOf(s.tokens, of) != "of") continue;
      if (const Mention* m = CityAt(s, ph.nps[of.np].head)) return m->id;
    }
  }
  if (int apposition = AppositionOf(s, np); apposition >= 0) {
    if (const Mention* m = CityAt(s, ph.nps[apposition].head)) return m->id;
  }
  return "";
}

bool AtHome(const MatchContext& ctx, const std::string& city,
            const std::vector<std::string>& parties) {
  const absl::string_view country = ctx.gazetteer.CountryOf(city);
  return !country.empty() &&
         std::find(parties.begin(), parties.end(), country) != parties.end();
}

// "flew to Quito", "a visit to Quito": where someone went, not where something was
// sent ("a letter to Quito").
bool Destination(const MatchContext& ctx, const Sentence& s, const PrepPhrase& p) {
  if (!Is(ctx, ctx.classes().destination_prep, s, p.prep, p.prep + p.prep_length))
    return false;
  if (p.attached_np < 0) return true;
  const int head = s.parse.phrases.nps[p.attached_np].head;
  return head >= 0 && Is(ctx, ctx.classes().visit_noun, s, head, head + 1);
}

// The city clause c's verb visits: "visited Quito and held talks".
std::string VisitedCity(const MatchContext& ctx, const Sentence& s, int c) {
  const Clause& clause = s.parse.clauses[c];
  if (clause.verb < 0 || clause.object < 0) return "";
  const int verb = s.parse.phrases.verbs[clause.verb].head;
  if (verb < 0 || !Is(ctx, ctx.classes().visit_verb, s, verb, verb + 1)) return "";
  const Mention* m = CityAt(s, s.parse.phrases.nps[clause.object].head);
  return m != nullptr ? m->id : "";
}

// The city of clause c's place phrases: "in" and "at" first, then where someone
// went. With `parties`, only a city of theirs.
std::string ClauseCity(const MatchContext& ctx, const Sentence& s, int c,
                       const std::vector<std::string>* parties) {
  const Phrases& ph = s.parse.phrases;
  auto fits = [&](const std::string& city) {
    return !city.empty() && (parties == nullptr || AtHome(ctx, city, *parties));
  };
  for (bool destination : {false, true}) {
    for (int pp : s.parse.clauses[c].pps) {
      const PrepPhrase& p = ph.pps[pp];
      if (p.np < 0) continue;
      bool place = destination ? Destination(ctx, s, p)
                               : Is(ctx, ctx.classes().location_prep, s, p.prep,
                                    p.prep + p.prep_length);
      if (!place) continue;
      if (std::string city = PhraseCity(ctx, s, p.np); fits(city)) return city;
    }
  }
  if (std::string city = VisitedCity(ctx, s, c); fits(city)) return city;
  return "";
}

// A clause about what is yet to come: "the next round will be held in Lima".
bool Unrealised(const Sentence& s, int c) {
  const int verb = s.parse.clauses[c].verb;
  if (verb < 0) return false;
  const VerbGroup& g = s.parse.phrases.verbs[verb];
  return g.future || g.modal;
}

// The city of any clause of sentence s that is at home with one of `parties`,
// leaving out a clause about what is yet to come.
std::string SentenceCity(const MatchContext& ctx, const Sentence& s,
                         const std::vector<std::string>& parties) {
  for (int c = 0; c < static_cast<int>(s.parse.clauses.size()); ++c) {
    if (Unrealised(s, c)) continue;
    std::string city = ClauseCity(ctx, s, c, &parties);
    if (!city.empty()) return city;
  }
  return "";
}

// "Cusco, where the presidents held talks": the place the trigger's clause describes.
std::string RelativePlace(const MatchContext& ctx) {
  const Sentence& s = ctx.sentence();
  const Clause& clause = s.parse.clauses[ctx.match.clause];
  if (clause.kind != ClauseKind::kRelative || clause.antecedent < 0) return "";
  const int first = clause.range.begin;
  if (!Is(ctx, ctx.classes().place_relative, s, first, first + 1)) return "";
  return PhraseCity(ctx, s, clause.antecedent);
}

// How long before its report a meeting still counts as the item's news.
constexpr int kRecentDays = 31;

// News of the item's own days, not a meeting recalled from long before: only such a
// meeting is placed by the item's dateline or its other places.
bool Recent(const MatchContext& ctx, const EventDate& date) {
  if (!date.stated) return true;
  return ctx.item.reported.FirstDay() - date.date.EndDay() < kRecentDays;
}

}  // namespace

std::string MeetingCity(const MatchContext& ctx, const std::vector<std::string>& parties,
                        const EventDate& date) {
  const Sentence& s = ctx.sentence();
  std::string city = ClauseCity(ctx, s, ctx.match.clause, nullptr);
  if (city.empty()) city = RelativePlace(ctx);
  if (city.empty()) city = SentenceCity(ctx, s, parties);
  // The item's own day is where its dateline is; a meeting dated otherwise is first
  // placed by the sentences before it ("during a visit to Lima on 3 May, ... Later
  // that day the two held talks").
  const bool today = !date.stated || date.date == ctx.item.anchor;
  if (city.empty() && today) city = ctx.item.dateline_city;
  for (int k = ctx.match.sentence - 1; city.empty() && Recent(ctx, date) && k >= 0; --k) {
    city = SentenceCity(ctx, ctx.item.sentences[k], parties);
  }
  if (city.empty() && Recent(ctx, date) && AtHome(ctx, ctx.item.dateline_city, parties)) {
    city = ctx.item.dateline_city;
  }
  return city;
}

}  // namespace entente::importers::internal
