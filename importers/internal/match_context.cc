#include "importers/internal/match_context.h"

#include <algorithm>

#include "absl/strings/match.h"

namespace entente::importers::internal {
TokenRange MatchContext::TriggerPhrase() const {
  const Phrases& ph = sentence().parse.phrases;
  if (match.np < 0) return match.trigger;
  return {ph.nps[match.np].range.begin, ChainEnd(ph, match.np)};
}

TokenRange MatchContext::ThingPhrase() const {
  if (!document.empty()) return document;
  if (match.np >= 0) return TriggerPhrase();
  const SentenceParse& parse = sentence().parse;
  int np = match.object_np >= 0 ? match.object_np : LogicalObject(parse, match.clause);
  if (np < 0) return match.trigger;
  return {parse.phrases.nps[np].range.begin, ChainEnd(parse.phrases, np)};
}

TokenRange MatchContext::ClauseRange() const {
  return sentence().parse.clauses[match.clause].range;
}

bool MatchContext::InClauseScope(int i) const {
  const SentenceParse& parse = sentence().parse;
  if (i < 0 || i >= static_cast<int>(parse.clause_at.size())) return false;
  int c = parse.clause_at[i];
  if (c == match.clause) return true;
  // "In November of that year, Cairo expelled the ambassador, and Ankara responded
  // by ...": a time that opens the sentence, before its first subject, dates every
  // clause of it.
  if (const Clause& first = parse.clauses[0];
      c == 0 && first.kind == ClauseKind::kMain && first.subject >= 0 &&
      i < parse.phrases.nps[first.subject].range.begin) {
    return true;
  }
  // "since becoming prime minister in October", "before leaving on Friday": a
  // gerund after a word of time tells of another time.
  if (const Clause& at = parse.clauses[c];
      at.kind == ClauseKind::kParticipial && at.verb >= 0) {
    const int first = parse.phrases.verbs[at.verb].range.begin;
    if (first > 0) {
      const std::string& before = sentence().tokens[first - 1].lower;
      if (before == "since" || before == "before" || before == "after" ||
          before == "until") {
        return false;
      }
    }
  }
  // A clause under the trigger's that shares its time, or continues its subject's
  // list of acts ("chose China for a visit, held talks there on 10 January").
  for (int k = c, guard = 0; k >= 0 && guard < 4; k = parse.clauses[k].parent, ++guard) {
    ClauseKind kind = parse.clauses[k].kind;
    bool list = kind == ClauseKind::kCoordinate && parse.clauses[k].shares_subject;
    if (kind != ClauseKind::kComplement && kind != ClauseKind::kParticipial && !list)
      break;
    if (parse.clauses[k].parent == match.clause) return true;
  }
  // "Algeria said late on Monday it was recalling its ambassadors": what is said
  // as under way happens when it is said.
  if (const Clause& own = parse.clauses[match.clause];
      own.content && own.verb >= 0 && own.parent == c) {
    const VerbGroup& g = parse.phrases.verbs[own.verb];
    const Token& head = sentence().tokens[g.head];
    const Clause& speech = parse.clauses[c];
    if (g.range.end - g.range.begin > 1 && (head.verb_forms & kGerund) &&
        absl::EndsWith(head.lower, "ing") && speech.verb >= 0 &&
        (sentence().tokens[parse.phrases.verbs[speech.verb].head].verb_forms & kSpeech)) {
      return true;
    }
  }
  // "trade with China reached $11 billion in March, while trade with the US came to
  // $2 billion": a clause set against its parent by "while" or "whereas" tells of
  // the same time.
  if (const Clause& own = parse.clauses[match.clause];
      own.parent == c && own.subordinator >= 0) {
    const std::string& sub = sentence().tokens[own.subordinator].lower;
    if (sub == "while" || sub == "whereas") return true;
  }
  // The clause the trigger's hangs from, when the trigger's is an infinitive,
  // a participle or shares its subject.
  for (int k = match.clause, guard = 0; k >= 0 && guard < 4; ++guard) {
    const Clause& clause = parse.clauses[k];
    bool shares = clause.kind == ClauseKind::kComplement ||
                  clause.kind == ClauseKind::kParticipial ||
                  (clause.kind == ClauseKind::kCoordinate && clause.shares_subject);
    if (!shares) break;
    k = clause.parent;
    if (k == c) return true;
  }
  return false;
}

}  // namespace entente::importers::internal
