#include "importers/internal/trace.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace entente::importers::internal {
namespace {

absl::string_view TagName(Tag tag) {
  static constexpr absl::string_view kNames[] = {
      "N", "NNP", "ADJ", "V",  "AUX", "MD",  "NEG", "DET", "POSS",  "PRON", "REL",
      "P", "CC",  "SUB", "TO", "PRT", "ADV", "NUM", ",",   "PUNCT", "Q"};
  return kNames[static_cast<int>(tag)];
}

std::string Words(const Sentence& s, const TokenRange& r) {
  std::string out;
  for (int k = r.begin; k < r.end && k < static_cast<int>(s.tokens.size()); ++k) {
    if (k > r.begin) out.push_back(' ');
    out.append(s.tokens[k].text.data(), s.tokens[k].text.size());
  }
  return out;
}

absl::string_view KindName(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::kMain:
      return "main";
    case ClauseKind::kCoordinate:
      return "coord";
    case ClauseKind::kSubordinate:
      return "sub";
    case ClauseKind::kRelative:
      return "rel";
    case ClauseKind::kComplement:
      return "comp";
    case ClauseKind::kParticipial:
      return "part";
  }
  return "?";
}

// " list[Chile | Peru]": a list's members.
std::string Conjuncts(const Sentence& s, const NounPhrase& np) {
  std::string out = " list[";
  for (size_t k = 0; k < np.conjuncts.size(); ++k) {
    absl::StrAppend(&out, k > 0 ? " | " : "", Words(s, np.conjuncts[k]));
  }
  return out + "]";
}

// " -> country:KAZ country:UZB~" (~ marks what an anaphor gave): whom a phrase names.
std::string Referents(const std::vector<Referent>& referents) {
  if (referents.empty()) return "";
  std::string out = " ->";
  for (const Referent& r : referents) {
    absl::StrAppend(&out, " ", r.party.empty() ? "(counterpart)" : r.party,
                    r.anaphor ? "~" : "");
  }
  return out;
}

}  // namespace

std::string TraceItem(const ItemText& item, const Discourse& discourse) {
  std::string out = absl::StrCat("reported ", item.reported.ToString(), " anchor ",
                                 item.anchor.ToString(), " outlet '", item.outlet,
                                 "' dateline ", item.dateline_city, " principal [",
                                 absl::StrJoin(discourse.principal(), " "), "]\n");
  for (size_t i = 0; i < item.sentences.size(); ++i) {
    const Sentence& s = item.sentences[i];
    absl::StrAppend(&out, "# ", i, s.headline ? " (headline)" : "",
                    s.quoted_start ? " (quoted)" : "", "\n  ");
    for (const Token& t : s.tokens) {
      absl::StrAppend(&out, t.text, "/", TagName(t.tag), " ");
    }
    out.push_back('\n');
    for (const Mention& m : s.mentions) {
      absl::StrAppend(&out, "  mention [", Words(s, {m.begin, m.end}), "] ", m.id,
                      " party=", m.country, m.role.empty() ? "" : " role=", m.role,
                      m.titled ? " titled" : "", "\n");
    }
    const Phrases& ph = s.parse.phrases;
    for (size_t x = 0; x < ph.nps.size(); ++x) {
      const NounPhrase& np = ph.nps[x];
      absl::StrAppend(
          &out, "  np", x, " [", Words(s, np.range), "] head=", s.tokens[np.head].text,
          np.conjuncts.size() > 1 ? Conjuncts(s, np) : "",
          np.apposition >= 0 ? absl::StrCat(" appos=np", np.apposition) : "",
          Referents(discourse.OfPhrase(static_cast<int>(i), static_cast<int>(x))), "\n");
    }
    for (size_t c = 0; c < s.parse.clauses.size(); ++c) {
      const Clause& cl = s.parse.clauses[c];
      std::string verb = cl.verb >= 0 ? ph.verbs[cl.verb].lemma : "-";
      if (cl.verb >= 0 && ph.verbs[cl.verb].passive) verb += "(pass)";
      if (cl.verb >= 0 && ph.verbs[cl.verb].negated) verb += "(neg)";
      if (cl.verb >= 0 && (ph.verbs[cl.verb].future || ph.verbs[cl.verb].modal))
        verb += "(irr)";
      int subject = SubjectOf(s.parse, static_cast<int>(c));
      absl::StrAppend(
          &out, "  clause", c, " ", KindName(cl.kind), " parent=", cl.parent,
          " verb=", verb, " subj=", subject >= 0 ? Words(s, ph.nps[subject].range) : "-",
          " obj=", cl.object >= 0 ? Words(s, ph.nps[cl.object].range) : "-",
          cl.antecedent >= 0
              ? absl::StrCat(" ante=", Words(s, ph.nps[cl.antecedent].range))
              : "",
          cl.antecedent_top >= 0 && cl.antecedent_top != cl.antecedent
              ? absl::StrCat(" top=", Words(s, ph.nps[cl.antecedent_top].range))
              : "",
          cl.quoted ? " quoted" : "", " [", Words(s, cl.range), "]\n");
    }
    for (const DateMention& d : s.dates) {
      absl::StrAppend(&out, "  date [", Words(s, {d.begin, d.end}), "] ",
                      d.date.ToString(), "\n");
    }
  }
  return out;
}

}  // namespace entente::importers::internal
