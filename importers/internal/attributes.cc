#include "importers/internal/attributes.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "importers/internal/meeting_place.h"
#include "importers/internal/numbers.h"

namespace entente::importers::internal {
namespace {

using graph::Attributes;
using graph::RelationType;

// How far before a kind noun its count may stand ("18 cooperation documents").
constexpr int kCountWindow = 4;

std::string Text(const std::vector<Token>& t, int begin, int end) {
  std::string out;
  for (int k = begin; k < end; ++k) {
    if (k > begin && t[k - 1].end != t[k].begin) out.push_back(' ');
    out.append(t[k].text.data(), t[k].text.size());
  }
  return out;
}

bool FindClass(const MatchContext& ctx, ClassId cls, const TokenRange& r, int* at,
               PhraseMatch* m) {
  return ctx.lexicon().FindIn(cls, ctx.tokens(), r.begin,
                              std::min<int>(r.end, ctx.tokens().size()), at, m);
}

// The first money amount in the trigger's clause after it, else the last before.
const MoneyMention* MoneyNear(const MatchContext& ctx) {
  const MoneyMention* after = nullptr;
  const MoneyMention* before = nullptr;
  const SentenceParse& parse = ctx.sentence().parse;
  for (const MoneyMention& m : ctx.sentence().money) {
    if (!ctx.InClauseScope(m.begin) && !ctx.ClauseRange().Contains(m.begin)) continue;
    // "raise trade, which reached $720 million, to $1 billion": the relative clause's
    // amount is another fact's.
    int c = parse.clause_at[m.begin];
    if (c != ctx.match.clause && parse.clauses[c].kind == ClauseKind::kRelative) continue;
    if (m.begin >= ctx.match.trigger.begin) {
      if (after == nullptr) after = &m;
    } else {
      before = &m;
    }
  }
  return after != nullptr ? after : before;
}

// "Brazil's trade with Chile, Peru and Colombia reached $13 billion, $5 billion and
// $7 billion respectively": the k-th amount of the clause is the k-th member's of
// the list with as many members; null when the clause says no "respectively" or
// the pair has no member in such a list.
const MoneyMention* RespectiveMoney(const MatchContext& ctx, const Referent& source,
                                    const Referent& target) {
  const TokenRange clause = ctx.ClauseRange();
  const std::vector<Token>& t = ctx.tokens();
  bool respectively = false;
  for (int k = clause.begin; k < clause.end && k < static_cast<int>(t.size()); ++k) {
    respectively |= t[k].LowerIs("respectively");
  }
  if (!respectively) return nullptr;
  std::vector<const MoneyMention*> amounts;
  for (const MoneyMention& m : ctx.sentence().money) {
    if (clause.Contains(m.begin)) amounts.push_back(&m);
  }
  if (amounts.size() < 2) return nullptr;
  for (const NounPhrase& np : ctx.sentence().parse.phrases.nps) {
    if (np.conjuncts.size() != amounts.size() || !clause.Contains(np.range.begin))
      continue;
    int member = -1, found = 0;
    for (size_t k = 0; k < np.conjuncts.size(); ++k) {
      for (const Referent& r : ctx.discourse.InRange(
               ctx.match.sentence, np.conjuncts[k].begin, np.conjuncts[k].end)) {
        if (r.party.empty() || (r.party != source.party && r.party != target.party))
          continue;
        member = static_cast<int>(k);
        ++found;
        break;
      }
    }
    if (found == 1) return amounts[member];
  }
  return nullptr;
}

// "China's trade with X reached $5 billion, with Y $3 billion and with Z $2
// billion": in a clause of several amounts, the one written right after a party's
// own name (or after "at", "to" or "of" there) is that party's; null when none is.
const MoneyMention* NamedPartyMoney(const MatchContext& ctx, const Referent& source,
                                    const Referent& target) {
  const Sentence& s = ctx.sentence();
  const TokenRange clause = ctx.ClauseRange();
  int amounts = 0;
  for (const MoneyMention& m : s.money) amounts += clause.Contains(m.begin) ? 1 : 0;
  if (amounts < 2) return nullptr;
  for (const Mention& named : s.mentions) {
    if (!clause.Contains(named.begin) || named.country.empty() ||
        (named.country != source.party && named.country != target.party)) {
      continue;
    }
    int next = named.end;
    // "... at $3 billion", "and with Serbia to EUR 120 million", "of $2 billion".
    if (next < clause.end &&
        (ctx.tokens()[next].LowerIs("at") || ctx.tokens()[next].LowerIs("to") ||
         ctx.tokens()[next].LowerIs("of"))) {
      ++next;
    }
    // "$20 billion with the US, against $9 billion with Canada": the amount right
    // before "with" and the partner.
    int with = named.begin - 1;
    if (with > clause.begin && ctx.tokens()[with].LowerIs("the")) --with;
    if (with <= clause.begin || !ctx.tokens()[with].LowerIs("with")) with = -1;
    // "$4 billion for Morocco and $2 billion for Tunisia": money given, the amount
    // right before the preposition that names its recipient.
    int prep = named.begin - 1;
    if (prep > clause.begin && ctx.tokens()[prep].LowerIs("the")) --prep;
    const bool given_to =
        ctx.match.frame->type == RelationType::kInvestment && prep > clause.begin &&
        (ctx.tokens()[prep].LowerIs("for") || ctx.tokens()[prep].LowerIs("to") ||
         ctx.tokens()[prep].LowerIs("into") || ctx.tokens()[prep].LowerIs("in"));
    for (const MoneyMention& m : s.money) {
      if (m.begin == next || (with >= 0 && m.end == with) ||
          (given_to && m.end == prep)) {
        return &m;
      }
    }
  }
  return nullptr;
}

void AddMoney(const MatchContext& ctx, const Referent& source, const Referent& target,
              Attributes* a) {
  if (ctx.match.frame->needs_later_figure) {
    const TokenRange clause = ctx.ClauseRange();
    const Sentence& s = ctx.sentence();
    const DateMention* date = nullptr;
    if (const MoneyMention* m =
            LaterFigure(s.tokens, s.money, s.dates, clause.begin, clause.end, &date)) {
      (*a)["amount"] = m->amount;
      (*a)["currency"] = m->currency;
    }
    return;
  }
  if (ctx.match.frame->needs_baseline) {
    const TokenRange clause = ctx.ClauseRange();
    if (const MoneyMention* m = BaselineAmount(
            ctx.lexicon(), ctx.classes().amount_hedge, ctx.classes().baseline_opener,
            ctx.tokens(), ctx.sentence().money, clause.begin, clause.end)) {
      (*a)["amount"] = m->amount;
      (*a)["currency"] = m->currency;
    }
    return;
  }
  const MoneyMention* respective = RespectiveMoney(ctx, source, target);
  if (respective == nullptr) respective = NamedPartyMoney(ctx, source, target);
  const MoneyMention* near = MoneyNear(ctx);
  // "double trade from last year's $4bn to $8bn": the amount a change starts from
  // is no goal; the next amount of the clause is.
  if (respective == nullptr && near != nullptr) {
    const TokenRange clause = ctx.ClauseRange();
    const MoneyMention* baseline = BaselineAmount(
        ctx.lexicon(), ctx.classes().amount_hedge, ctx.classes().baseline_opener,
        ctx.tokens(), ctx.sentence().money, clause.begin, clause.end);
    if (baseline == near) {
      for (const MoneyMention& m : ctx.sentence().money) {
        if (m.begin > near->begin && clause.Contains(m.begin)) {
          near = &m;
          break;
        }
      }
    }
  }
  if (const MoneyMention* m = respective != nullptr ? respective : near) {
    (*a)["amount"] = m->amount;
    (*a)["currency"] = m->currency;
  }
}

// ---- agreement -------------------------------------------------------------------

// A gerund or present participle ("amending", "setting"): the -ing verb forms.
bool IngForm(const Token& t) {
  return t.verb_forms & kGerund && absl::EndsWith(t.lower, "ing");
}

bool InClass(const MatchContext& ctx, ClassId cls, int k) {
  return cls >= 0 && ctx.lexicon().OneWordAt(cls, ctx.tokens(), k);
}

// Whether token k is part of an amount of money ("a $500 million loan agreement").
bool InMoney(const MatchContext& ctx, int k) {
  const std::vector<MoneyMention>& money = ctx.sentence().money;
  return std::any_of(money.begin(), money.end(),
                     [&](const MoneyMention& m) { return m.begin <= k && k < m.end; });
}

bool DateAt(const MatchContext& ctx, int k) {
  const std::vector<DateMention>& dates = ctx.sentence().dates;
  return std::any_of(dates.begin(), dates.end(),
                     [&](const DateMention& d) { return d.begin <= k && k < d.end; });
}

// "the Treaty on Friendship signed in Lima": "in" before a place says where.
bool PlaceAfter(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  return (t[k].LowerIs("in") || t[k].LowerIs("at")) &&
         k + 1 < static_cast<int>(t.size()) && ctx.sentence().mention_at[k + 1] >= 0;
}

// A capitalized word that may stand in a document's name (not "The", not a date).
bool NameWord(const MatchContext& ctx, int k) {
  const Token& t = ctx.tokens()[k];
  return t.capitalized && t.tag != Tag::kDeterminer && t.tag != Tag::kPossessive &&
         !DateAt(ctx, k);
}

// The first token of a capitalized name ending at the kind word: capitalized words,
// "and" between two of them, and a place or pair that names the document ("the
// Lima Declaration", "the Fisheries and Ocean Partnership Agreement").
int NameStart(const MatchContext& ctx, int kind_at, const TokenRange& phrase) {
  const std::vector<Token>& t = ctx.tokens();
  int b = kind_at;
  // "the EU–Kenya Economic Partnership Agreement": the tokenizer splits at an en
  // dash, which joins the two names of a pair with no space around it.
  auto glued_pair = [&](int k) {
    return k >= 2 && t[k - 1].text == "\u2013" && t[k - 2].end == t[k - 1].begin &&
           t[k - 1].end == t[k].begin && NameWord(ctx, k - 2);
  };
  for (;;) {
    if ((b > phrase.begin || b < kind_at) && glued_pair(b)) {
      b -= 2;
    } else if (b <= phrase.begin) {
      break;
    } else if (NameWord(ctx, b - 1)) {
      --b;
    } else if (t[b - 1].LowerIs("and") && b - 2 >= phrase.begin && NameWord(ctx, b - 2) &&
               ctx.sentence().mention_at[b - 2] < 0) {
      b -= 2;
    } else {
      break;
    }
  }
  return b;
}

// How many tokens from `e` continue a capitalized name: a capitalized word or a year
// ("Vision 2030"); small words before one ("on Friendship", "on the Establishment");
// a comma opening a list of capitalized words closed by "and" ("Friendship,
// Good-Neighbourliness and Cooperation"). 0 when the name ends at `e`.
int NameContinues(const MatchContext& ctx, int e) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  if (t[e].capitalized && !DateAt(ctx, e)) return 1;
  if (t[e].kind == TokenKind::kNumber && t[e - 1].capitalized) return 1;
  if (PlaceAfter(ctx, e) || DateAt(ctx, e)) return 0;
  const bool joiner = t[e].LowerIs("of") || t[e].LowerIs("on") || t[e].LowerIs("and") ||
                      t[e].LowerIs("for") || t[e].LowerIs("in") || t[e].LowerIs("to") ||
                      t[e].LowerIs("the");
  if (joiner && e + 1 < n && NameWord(ctx, e + 1)) return 1;
  // "in the" opens a place ("in the Kremlin") unless a field or a time follows: "in
  // the Field of Energy", "in the 21st Century".
  const bool in_field =
      e + 3 < n && (t[e + 3].LowerIs("of") || t[e + 2].kind == TokenKind::kNumber);
  const bool article_then_name =
      e + 2 < n && ((!t[e].LowerIs("in") && !t[e].LowerIs("at")) || in_field) &&
      (t[e + 1].LowerIs("the") || t[e + 1].LowerIs("a")) &&
      (NameWord(ctx, e + 2) ||
       (t[e + 2].kind == TokenKind::kNumber && e + 3 < n && NameWord(ctx, e + 3)));
  // "a Memorandum on Health and a Protocol on ...": "and" before an article and a
  // kind word opens the next document.
  const bool next_document =
      t[e].LowerIs("and") && e + 2 < n &&
      ctx.lexicon().MatchAt(ctx.classes().agreement_kind, t, e + 2, n).length > 0;
  if (joiner && article_then_name && !next_document) return NameWord(ctx, e + 2) ? 2 : 3;
  if (t[e].tag != Tag::kComma) return 0;
  // The list's members: capitalized, no parties, closed by "and" and a name.
  int k = e + 1;
  while (k < n && k < e + 4 && NameWord(ctx, k) && ctx.sentence().mention_at[k] < 0) ++k;
  if (k == e + 1 || k + 1 >= n || !t[k].LowerIs("and") || !NameWord(ctx, k + 1)) return 0;
  return k + 1 - e;
}

// True when the comma at `k` opens the rest of a list of plain nouns closed by "and"
// ("raw materials, batteries and hydrogen"), not a new clause.
bool CommaInList(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  auto plain = [&](int j) {
    return (t[j].tag == Tag::kNoun || t[j].tag == Tag::kAdjective || IngForm(t[j])) &&
           ctx.sentence().mention_at[j] < 0 && !DateAt(ctx, j);
  };
  int j = k + 1;
  while (j < n && j < k + 4 && plain(j)) ++j;
  return j > k + 1 && j + 1 < n && t[j].LowerIs("and") && plain(j + 1);
}

// Whether the token at `k` still belongs to what a document is about.
// "amending their 2009 convention": a number after a possessive names which of the
// owner's documents, a word of the title and not when it was signed.
bool OwnedYear(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  return k > 0 && t[k].kind == TokenKind::kNumber && t[k - 1].tag == Tag::kPossessive;
}

// "the China–Kyrgyzstan–Uzbekistan railway": a dash between two capitalized words
// joins them into one name.
bool DashInName(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  const bool dash = t[k].text == "-" || t[k].text == "\u2013" || t[k].text == "\u2014";
  return dash && k > 0 && k + 1 < static_cast<int>(t.size()) && t[k - 1].capitalized &&
         t[k + 1].capitalized && t[k - 1].end == t[k].begin && t[k].end == t[k + 1].begin;
}

bool InComplement(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  const Phrases& phrases = ctx.sentence().parse.phrases;
  if (t[k].tag == Tag::kComma) return CommaInList(ctx, k);
  // "a memorandum on drawing up a joint plan": the gerund's particle.
  const bool particle = t[k].tag == Tag::kParticle && k > 0 && IngForm(t[k - 1]);
  const bool verb = phrases.verb_at[k] >= 0 && !IngForm(t[k]) && !particle;
  return (t[k].tag != Tag::kPunct || DashInName(ctx, k)) && !verb &&
         !(t[k].tag == Tag::kQuote && (k + 1 >= n || t[k + 1].tag == Tag::kComma)) &&
         t[k].tag != Tag::kSubordinator && t[k].tag != Tag::kRelative &&
         // "a treaty on partnership and set a goal": "and" before a determiner or
         // a tensed verb joins no words of the title.
         !(t[k].LowerIs("and") && k + 1 < n &&
           (t[k + 1].tag == Tag::kDeterminer ||
            (phrases.verb_at[k + 1] >= 0 && !IngForm(t[k + 1])))) &&
         // "the treaty the two sides signed": a new subject after a noun.
         // "regulating the recruitment": a gerund's object is no new subject.
         !(t[k].tag == Tag::kDeterminer && t[k - 1].tag == Tag::kNoun &&
           !IngForm(t[k - 1])) &&
         // "a treaty on allied relations in Tashkent": where it was signed.
         !PlaceAfter(ctx, k) &&
         ctx.lexicon().MatchAt(ctx.classes().title_end, t, k, n).length == 0 &&
         !(DateAt(ctx, k) && !OwnedYear(ctx, k));
}

// The years a plan covers, after "for": "for 2030", "for 2024-2026". Its length in
// tokens, or 0.
int PeriodAfterFor(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  auto year = [&](int j) {
    return j < n && t[j].kind == TokenKind::kNumber && t[j].text.size() == 4;
  };
  if (k == 0 || !t[k - 1].LowerIs("for") || !year(k)) return 0;
  const bool dash = k + 1 < n && (t[k + 1].text == "-" || t[k + 1].text == "\u2013");
  return dash && year(k + 2) ? 3 : 1;
}

// The end of what a document is about, after its kind word at `e`: "agreement on
// the exchange of students in higher education". `e` when there is none.
int ComplementEnd(const MatchContext& ctx, int e) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  // "a protocol amending the treaty": a participle opens it as a preposition does.
  // The complement needs words of its own: "agreement on Tuesday" names nothing.
  // "in the field of education": a complement may open with several words.
  // "a pact on the sidelines of the summit": an occasion, though it opens with "on".
  if (e + 1 >= n ||
      !(IngForm(t[e]) ||
        ctx.lexicon().MatchAt(ctx.classes().title_complement, t, e, n).length > 0) ||
      t[e + 1].tag == Tag::kComma || DateAt(ctx, e + 1) ||
      ctx.lexicon().MatchAt(ctx.classes().title_end, t, e, n).length > 1)
    return e;
  int end = e + 1;
  while (end < n) {
    if (const int period = PeriodAfterFor(ctx, end); period > 0) {
      end += period;
    } else if (InComplement(ctx, end)) {
      ++end;
    } else {
      break;
    }
  }
  // Drop a trailing "in CITY" / "on (the) DATE" the phrase picked up.
  while (end > e &&
         (t[end - 1].tag == Tag::kPreposition || t[end - 1].tag == Tag::kDeterminer)) {
    --end;
  }
  return end;
}

// The first of the words before a lower-case kind word that name the document ("a
// new free trade agreement": "free trade"; "the EU-Mercosur partnership agreement"),
// leaving out those that only describe it ("new", "landmark").
int ModifiersStart(const MatchContext& ctx, int kind_at, const TokenRange& phrase) {
  const std::vector<Token>& t = ctx.tokens();
  int b = kind_at;
  while (b > phrase.begin &&
         (t[b - 1].tag == Tag::kNoun || t[b - 1].tag == Tag::kAdjective) &&
         t[b - 1].kind == TokenKind::kWord && !InMoney(ctx, b - 1) &&
         !InClass(ctx, ctx.classes().title_free_modifier, b - 1)) {
    const bool pair = t[b - 1].text.find('-') != absl::string_view::npos;
    if (ctx.sentence().mention_at[b - 1] >= 0 && !pair) break;
    --b;
    if (ctx.sentence().mention_at[b] >= 0) break;  // A pair opens the name.
  }
  return b;
}

std::string WithoutQuotationMarks(std::string title) {
  // Quotation marks inside a title are the writer's, not the document's.
  title.erase(std::remove(title.begin(), title.end(), '"'), title.end());
  for (const std::string mark : {"\u201c", "\u201d"}) {
    for (size_t at; (at = title.find(mark)) != std::string::npos;)
      title.erase(at, mark.size());
  }
  return title;
}

// The document's name: capitalized ("Treaty on Friendship and Shared Waters", "the
// Lima Declaration on ..."), or the words that say what it is or what it is about
// ("a palm oil agreement", "an agreement on student exchange"). Empty when the document
// has no name of its own ("a new agreement").
std::string AgreementTitle(const MatchContext& ctx, int kind_at, int kind_length,
                           const TokenRange& phrase) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  const int kind_end = kind_at + kind_length;
  if (t[kind_at].capitalized && kind_at > 0) {
    const int b = NameStart(ctx, kind_at, phrase);
    int e = kind_end;
    for (int more; e < n && (more = NameContinues(ctx, e)) > 0;) e += more;
    if (e - b >= 2) return WithoutQuotationMarks(Text(t, b, ComplementEnd(ctx, e)));
  }
  const int b = ModifiersStart(ctx, kind_at, phrase);
  const int end = kind_end < n ? ComplementEnd(ctx, kind_end) : kind_end;
  if (end > kind_end) return WithoutQuotationMarks(Text(t, b, end));
  const bool named = std::any_of(t.begin() + b, t.begin() + kind_at,
                                 [](const Token& w) { return w.tag == Tag::kNoun; });
  return named ? WithoutQuotationMarks(Text(t, b, kind_end)) : "";
}

// Whether a quantifier of a bundle stands before the noun at `at`, perhaps with
// adjectives between: "several new agreements", "a series of agreements".
bool Quantified(const MatchContext& ctx, int at) {
  const std::vector<Token>& t = ctx.tokens();
  for (int k = at - 1; k >= std::max(0, at - kCountWindow); --k) {
    if (ctx.lexicon().MatchAt(ctx.classes().bundle_quantifier, t, k, at).length > 0)
      return true;
    if (t[k].tag == Tag::kVerb || t[k].tag == Tag::kPunct || t[k].tag == Tag::kComma)
      return false;
  }
  return false;
}

// The end of a separator at `k` that opens the next document of a list (", and the",
// "and a", "as well as 12 other"); -1 when `k` opens none.
int NextDocumentAt(const MatchContext& ctx, int k) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  int next = k;
  // "an agreement on visas; a memorandum on trade; and a protocol": a semicolon
  // parts a list as a comma does.
  if (t[next].tag == Tag::kComma || t[next].text == ";") ++next;
  bool joiner = false;
  if (next < n && t[next].LowerIs("and")) {
    ++next;
  } else if (int joined =
                 ctx.lexicon().MatchAt(ctx.classes().list_joiner, t, next, n).length;
             joined > 0) {
    next += joined;
    joiner = true;
  }
  if (next == k || next >= n) return -1;
  const Token& first = t[next];
  // "one agreement and five memoranda": a count in words opens one too (not after
  // "along with", where "four other documents" is the rest of the signing).
  const bool opens = first.tag == Tag::kDeterminer || first.capitalized ||
                     first.kind == TokenKind::kNumber ||
                     (first.tag == Tag::kNumber && !joiner) ||
                     ctx.lexicon().Contains(ctx.classes().elided_document, first.lower);
  return opens && ctx.sentence().mention_at[next] < 0 ? next : -1;
}

// Whether the agreement kind word in `r` is plural ("documents", "agreements").
bool PluralKindIn(const MatchContext& ctx, const TokenRange& r) {
  int at = -1;
  PhraseMatch kind;
  if (!FindClass(ctx, ctx.classes().agreement_kind, r, &at, &kind)) return false;
  const Token& last = ctx.tokens()[at + kind.length - 1];
  return last.lower != last.lemma && last.lower.back() == 's';
}

// The words at the start of `r` that stand for a document ("another", "a second");
// 0 when none.
int ElidedWords(const MatchContext& ctx, const TokenRange& r) {
  return ctx.lexicon()
      .MatchAt(ctx.classes().elided_document, ctx.tokens(), r.begin, r.end)
      .length;
}

// "another regulating the recruitment of workers": a document that borrows the
// kind of the one before it.
bool ElidedDocument(const MatchContext& ctx, const TokenRange& r) {
  const int elided = ElidedWords(ctx, r);
  if (elided == 0 || r.end - r.begin <= elided) return false;
  // "a second memorandum on AI" names its kind; "a second on AI" borrows it.
  return !FindClass(ctx, ctx.classes().agreement_kind, {r.begin + elided, r.end}, nullptr,
                    nullptr);
}

// "The documents signed by X and Y include A and B", "Among the documents signed
// were A and B": the verb after the bundle and its participle that opens the list
// of what it holds; -1 when none.
int IncludingVerbAfter(const MatchContext& ctx, const TokenRange& thing) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  const bool among = thing.begin > 0 && t[thing.begin - 1].LowerIs("among");
  const Phrases& ph = ctx.sentence().parse.phrases;
  for (int k = thing.end; k < n && t[k].tag != Tag::kPunct; ++k) {
    if (ph.verb_at[k] < 0) continue;
    const VerbGroup& g = ph.verbs[ph.verb_at[k]];
    if (g.nonfinite) continue;  // The bundle's participle: "signed by X and Y".
    const std::string& lemma = t[g.head].lemma;
    if (lemma == "include" || lemma == "comprise" || (among && lemma == "be")) {
      return g.range.end - 1;
    }
    return -1;
  }
  return -1;
}

}  // namespace

std::vector<TokenRange> ElaboratedDocuments(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  const Phrases& ph = ctx.sentence().parse.phrases;
  const TokenRange thing = ctx.ThingPhrase();
  if (thing.empty()) return {};
  // The elaboration follows the bundle ("a number of cooperation documents,
  // among them ..."): the first opener after a plural kind, within the clause.
  const int clause_end = std::min<int>(ctx.ClauseRange().end, n);
  int k = thing.begin;
  int opener = 0;
  for (; k < clause_end; ++k) {
    opener = ctx.lexicon().MatchAt(ctx.classes().list_elaboration, t, k, n).length;
    if (opener > 0) break;
  }
  if (opener == 0) {
    k = IncludingVerbAfter(ctx, thing);
    opener = k < 0 ? 0 : 1;
  }
  if (opener == 0 || !PluralKindIn(ctx, {thing.begin, k})) return {};
  std::vector<TokenRange> out;
  int begin = k + opener;
  for (k = begin; k < n; ++k) {
    // Another clause ends the list; "a plan to align ..." keeps its infinitive.
    const bool infinitive = t[k].tag == Tag::kTo || (k > 0 && t[k - 1].LowerIs("to"));
    if (k > begin && ph.verb_at[k] >= 0 && !IngForm(t[k]) && !infinitive) break;
    if (t[k].tag == Tag::kPunct && t[k].text != ";") break;
    if (int next = NextDocumentAt(ctx, k); next > 0 && k > begin) {
      out.push_back({begin, k});
      begin = next;
      k = next - 1;
    }
  }
  out.push_back({begin, k});
  // One document each, named in the singular: "financial protocols" names none.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const TokenRange& r) {
                             if (ElidedDocument(ctx, r)) return false;
                             return !FindClass(ctx, ctx.classes().agreement_kind, r,
                                               nullptr, nullptr) ||
                                    PluralKindIn(ctx, r);
                           }),
            out.end());
  return out;
}

std::vector<TokenRange> ListedDocuments(const MatchContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  const Phrases& ph = ctx.sentence().parse.phrases;
  const TokenRange thing = ctx.ThingPhrase();
  const int end = std::min<int>(ctx.ClauseRange().end, t.size());
  std::vector<TokenRange> out;
  int begin = thing.begin;
  int k = thing.begin;
  // "the treaty, the first of its kind": commas alone set off an apposition; a list
  // closes with "and" or a joiner.
  bool closed = false;
  for (; k < end; ++k) {
    if (k > thing.begin && ph.verb_at[k] >= 0 && !IngForm(t[k])) break;
    if (ctx.lexicon().MatchAt(ctx.classes().list_elaboration, t, k, end).length > 0)
      break;
    if (int next = NextDocumentAt(ctx, k); next > 0 && k > begin) {
      closed |= t[next - 1].tag != Tag::kComma;
      out.push_back({begin, k});
      begin = next;
      k = next - 1;
    }
  }
  out.push_back({begin, k});
  if (!closed) return {};
  // "a memorandum on farming and a second on defence": the second borrows the kind.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const TokenRange& r) {
                             return !FindClass(ctx, ctx.classes().agreement_kind, r,
                                               nullptr, nullptr) &&
                                    !ElidedDocument(ctx, r);
                           }),
            out.end());
  if (out.size() < 2) out.clear();
  return out;
}

namespace {

// "the restrictive measures against X, which consist of an asset freeze and a travel
// ban": a list in a relative clause describing phrase `object`; -1 when none.
int ElaboratingList(const SentenceParse& parse, int object) {
  for (const Clause& clause : parse.clauses) {
    if (clause.kind != ClauseKind::kRelative ||
        (clause.antecedent != object && clause.antecedent_top != object)) {
      continue;
    }
    for (size_t np = 0; np < parse.phrases.nps.size(); ++np) {
      const NounPhrase& x = parse.phrases.nps[np];
      if (x.conjuncts.size() >= 2 && clause.range.Contains(x.range.begin)) {
        return static_cast<int>(np);
      }
    }
  }
  return -1;
}

// The measures of the conjuncts of phrase `object` or of a list that elaborates it
// ("which consist of an asset freeze and a travel ban"); none unless two differ.
std::vector<TokenRange> MeasuresInList(const MatchContext& ctx, ClassId cls, int object) {
  const Phrases& ph = ctx.sentence().parse.phrases;
  if (ph.nps[object].conjuncts.size() < 2) {
    object = ElaboratingList(ctx.sentence().parse, object);
  }
  if (object < 0 || ph.nps[object].conjuncts.size() < 2) return {};
  std::vector<TokenRange> out;
  std::vector<absl::string_view> measures;
  for (const TokenRange& conjunct : ph.nps[object].conjuncts) {
    int at = -1;
    PhraseMatch m;
    if (!FindClass(ctx, cls, conjunct, &at, &m) || m.value.empty()) continue;
    if (std::find(measures.begin(), measures.end(), m.value) != measures.end()) continue;
    measures.push_back(m.value);
    out.push_back(conjunct);
  }
  if (out.size() < 2) out.clear();
  return out;
}

// The measures named from token `from` to the sentence's end, each up to the next
// "and" or comma, one per kind: appended to `out` when `measures` lacks their kind.
void AddMeasuresFrom(const MatchContext& ctx, ClassId cls, int from,
                     std::vector<absl::string_view>* measures,
                     std::vector<TokenRange>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (int j = from; j < n && t[j].tag != Tag::kPunct; ++j) {
    const PhraseMatch m = ctx.lexicon().MatchAt(cls, t, j, n);
    if (m.length == 0 || m.value.empty()) continue;
    int end = j + m.length;
    while (end < n && t[end].tag != Tag::kComma && t[end].tag != Tag::kPunct &&
           !t[end].LowerIs("and")) {
      ++end;
    }
    if (std::find(measures->begin(), measures->end(), m.value) == measures->end()) {
      measures->push_back(m.value);
      out->push_back({j, end});
    }
    j = end - 1;
  }
}

// "a package of sanctions, including an asset freeze on 25 officials and a ban on
// exports": the measures named after an opener of a list ("including", "which
// includes") that follows phrase `object`, each up to the next "and" or comma.
std::vector<TokenRange> MeasuresElaborated(const MatchContext& ctx, ClassId cls,
                                           int object) {
  constexpr int kOpenerWindow = 5;  // "on Tuesday, which includes"
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  int k = ChainEnd(ctx.sentence().parse.phrases, object);
  int from = -1;
  for (int j = k; j < n && j <= k + kOpenerWindow && from < 0; ++j) {
    if (int opener =
            ctx.lexicon().MatchAt(ctx.classes().list_elaboration, t, j, n).length;
        opener > 0) {
      from = j + opener;
    } else if (j > 0 && t[j - 1].LowerIs("which") &&
               (t[j].lemma == "include" || t[j].lemma == "comprise")) {
      from = j + 1;
    }
  }
  std::vector<TokenRange> out;
  std::vector<absl::string_view> measures;
  if (from >= 0) AddMeasuresFrom(ctx, cls, from, &measures, &out);
  if (out.size() < 2) out.clear();
  return out;
}

// "approved an asset freeze on 11 Russian officials and a ban on exports to Russia":
// the phrases parse joins the second measure to the first one's "on" phrase
// ("officials and a ban"); a conjunct there with a measure of its own (and an
// article), where the first conjunct has none, is the object's, so each is one.
std::vector<TokenRange> MeasuresJoinedToObject(const MatchContext& ctx, ClassId cls,
                                               int object) {
  const Phrases& ph = ctx.sentence().parse.phrases;
  const std::vector<Token>& t = ctx.tokens();
  int at = -1;
  PhraseMatch first;
  if (!FindClass(ctx, cls, ph.nps[object].range, &at, &first) || first.value.empty()) {
    return {};
  }
  for (int pp : ph.nps[object].pps) {
    const int np = ph.pps[pp].np;
    if (np < 0 || ph.nps[np].conjuncts.size() < 2) continue;
    const auto& conjuncts = ph.nps[np].conjuncts;
    if (FindClass(ctx, cls, conjuncts.front(), nullptr, nullptr)) return {};
    std::vector<TokenRange> out = {ph.nps[object].range};
    std::vector<absl::string_view> measures = {first.value};
    for (size_t k = 1; k < conjuncts.size(); ++k) {
      const Token& opener = t[conjuncts[k].begin];
      PhraseMatch m;
      if (!(opener.LowerIs("a") || opener.LowerIs("an") || opener.LowerIs("the")) ||
          !FindClass(ctx, cls, {conjuncts[k].begin, ChainEnd(ph, np)}, &at, &m) ||
          m.value.empty() ||
          std::find(measures.begin(), measures.end(), m.value) != measures.end()) {
        continue;
      }
      measures.push_back(m.value);
      out.push_back({conjuncts[k].begin, ChainEnd(ph, np)});
    }
    if (out.size() >= 2) return out;
  }
  return {};
}

// "extended the arms embargo on South Sudan, together with the travel bans and asset
// freezes": measures a @measure_joiner adds after the object's phrase (across a
// relative clause on it) are measures of their own, each up to the next "and" or
// comma.
std::vector<TokenRange> MeasuresAddedToObject(const MatchContext& ctx, ClassId cls,
                                              int object) {
  const Phrases& ph = ctx.sentence().parse.phrases;
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  int at = -1;
  PhraseMatch first;
  if (!FindClass(ctx, cls, ph.nps[object].range, &at, &first) || first.value.empty()) {
    return {};
  }
  int from = -1;
  for (int j = ph.nps[object].range.end; j < n && t[j].tag != Tag::kPunct && from < 0;
       ++j) {
    const int joiner =
        ctx.lexicon().MatchAt(ctx.classes().measure_joiner, t, j, n).length;
    if (joiner > 0) from = j + joiner;
  }
  if (from < 0) return {};
  std::vector<TokenRange> out = {ph.nps[object].range};
  std::vector<absl::string_view> measures = {first.value};
  AddMeasuresFrom(ctx, cls, from, &measures, &out);
  if (out.size() < 2) out.clear();
  return out;
}

}  // namespace

std::vector<TokenRange> ListedTargets(const MatchContext& ctx) {
  constexpr int kAmountToYear = 4;  // "$1 billion in trade by 2027"
  const Sentence& s = ctx.sentence();
  const TokenRange clause = ctx.ClauseRange();
  std::vector<TokenRange> out;
  std::set<int> years;
  for (const MoneyMention& m : s.money) {
    if (!clause.Contains(m.begin)) continue;
    for (const DateMention& d : s.dates) {
      if (d.begin < m.end || d.begin > m.end + kAmountToYear ||
          !clause.Contains(d.begin) || !IsTargetDate(s.tokens, d)) {
        continue;
      }
      out.push_back({m.begin, d.end});
      years.insert(d.date.year);
      break;
    }
  }
  if (out.size() < 2 || years.size() != out.size()) out.clear();
  return out;
}

std::vector<TokenRange> ListedMeasures(const MatchContext& ctx, ClassId cls) {
  const Phrases& ph = ctx.sentence().parse.phrases;
  const int object = ctx.match.np >= 0 ? ctx.match.np : ctx.match.object_np;
  if (object < 0) return {};
  std::vector<TokenRange> out = MeasuresInList(ctx, cls, object);
  // "adopted a package, including an asset freeze on 25 officials and a ban on
  // exports": a list the phrases parse hides under the first measure's phrase.
  if (out.empty() && ph.nps[object].conjuncts.size() < 2) {
    out = MeasuresElaborated(ctx, cls, object);
  }
  if (out.empty() && ph.nps[object].conjuncts.size() < 2) {
    out = MeasuresJoinedToObject(ctx, cls, object);
  }
  if (out.empty() && ph.nps[object].conjuncts.size() < 2) {
    out = MeasuresAddedToObject(ctx, cls, object);
  }
  return out;
}

namespace {

// "an agreement on legal aid and another regulating labour migration": the kind of
// the last singular document before, and a title of that kind and the words after.
void ElidedAttributes(const MatchContext& ctx, Attributes* a) {
  const std::vector<Token>& t = ctx.tokens();
  const int begin = ctx.document.begin;
  std::string value = "agreement";
  std::string word = "agreement";
  // "three memorandums, including one on ...": a plural names the kind too, unless
  // it is a bundle of any kind ("documents").
  for (int k = begin - 1; k >= 0; --k) {
    PhraseMatch kind = ctx.lexicon().MatchAt(ctx.classes().agreement_kind, t, k, begin);
    if (kind.length == 0) continue;
    if (FindClass(ctx, ctx.classes().document_bundle, {k, k + kind.length}, nullptr,
                  nullptr)) {
      break;
    }
    if (!kind.value.empty()) value = std::string(kind.value);
    word = PluralKindIn(ctx, {k, k + kind.length})
               ? absl::StrCat(Text(t, k, k + kind.length - 1),
                              k + kind.length - 1 > k ? " " : "",
                              t[k + kind.length - 1].lemma)
               : Text(t, k, k + kind.length);
    break;
  }
  (*a)["kind"] = value;
  // Past the elided word or words: "another", "a second".
  const int after = begin + std::max(1, ElidedWords(ctx, ctx.document));
  const int end = ComplementEnd(ctx, after);
  if (end > after) (*a)["title"] = absl::StrCat(word, " ", Text(t, after, end));
}

// "it" or "the document" alone ("put their names to the document"; @referring_document):
// a reference to a document named before.
bool DocumentReference(const MatchContext& ctx, const TokenRange& phrase) {
  const std::vector<Token>& t = ctx.tokens();
  if (phrase.empty() || phrase.end > static_cast<int>(t.size())) return false;
  if (phrase.end - phrase.begin == 1) return t[phrase.begin].tag == Tag::kPronoun;
  const Token& first = t[phrase.begin];
  if (!(first.LowerIs("the") || first.LowerIs("this") || first.LowerIs("that")))
    return false;
  return phrase.end == phrase.begin + 2 &&
         ctx.lexicon().ContainsWord(ctx.classes().referring_document,
                                    t[phrase.begin + 1]);
}

// The kind of the last document named before `before` in the match's sentence or
// the few sentences before it, when it has one of its own (a treaty, a memorandum;
// not a generic "agreement", nor a bundle); empty when none.
std::string AntecedentKind(const MatchContext& ctx, int before) {
  constexpr int kDocumentAnaphoraWindow = 3;  // Sentences back.
  const int from = ctx.match.sentence;
  for (int s = from; s >= 0 && s >= from - kDocumentAnaphoraWindow; --s) {
    const std::vector<Token>& t = ctx.item.sentences[s].tokens;
    const int end = s == from ? before : static_cast<int>(t.size());
    for (int k = end - 1; k >= 0; --k) {
      const PhraseMatch m =
          ctx.lexicon().MatchAt(ctx.classes().agreement_kind, t, k, end);
      if (m.length == 0 || m.value.empty() || m.value == "agreement" ||
          m.value == "documents") {
        continue;
      }
      const Token& last = t[k + m.length - 1];
      if (last.lower != last.lemma && last.lower.back() == 's') continue;  // Plural.
      return std::string(m.value);
    }
  }
  return "";
}

// For a document phrase that refers back ("the document"), the kind of the one it
// refers to; empty otherwise.
std::string ReferredKind(const MatchContext& ctx, const TokenRange& document) {
  return DocumentReference(ctx, document) ? AntecedentKind(ctx, document.begin) : "";
}

void AgreementAttributes(const MatchContext& ctx, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.ThingPhrase();
  // A noun trigger's own phrase, unless one document of a bundle is meant.
  if (ctx.match.np >= 0 && ctx.document.empty()) phrase = ctx.TriggerPhrase();
  if (!ctx.document.empty() && ElidedDocument(ctx, ctx.document)) {
    ElidedAttributes(ctx, a);
    return;
  }
  int at = -1;
  PhraseMatch kind;
  if (!FindClass(ctx, c.agreement_kind, phrase, &at, &kind)) {
    // "put their names to a memorandum": the document is elsewhere in the clause.
    const TokenRange clause = ctx.ClauseRange();
    const Phrases& ph = ctx.sentence().parse.phrases;
    const int from = std::max(clause.begin, ctx.match.trigger.end);
    if (FindClass(ctx, c.agreement_kind, {from, clause.end}, &at, &kind) &&
        ph.np_at[at] >= 0) {
      std::string referred = ReferredKind(ctx, ph.nps[ph.np_at[at]].range);
      if (referred.empty() && !kind.value.empty() && kind.value != "documents")
        referred = std::string(kind.value);
      if (!referred.empty()) {
        (*a)["kind"] = referred;
        return;
      }
    }
    (*a)["kind"] = std::string("agreement");
    return;
  }
  const std::vector<Token>& t = ctx.tokens();
  std::string value = kind.value.empty() ? "agreement" : std::string(kind.value);
  // "six agreements", "more than 30 documents".
  int64_t count = 0;
  for (int k = at - 1; k >= std::max(phrase.begin, at - kCountWindow); --k) {
    if (InMoney(ctx, k)) break;  // "a $500 million loan agreement": no count.
    if (std::optional<int64_t> n = ParseCount(t[k]); n && *n > 1 && *n < 1000) {
      count = *n;
      break;
    }
    if (t[k].tag == Tag::kDeterminer && !t[k].LowerIs("more")) break;
  }
  const Token& last = t[at + kind.length - 1];
  bool plural = last.lower != last.lemma && last.lower.back() == 's';
  bool bundle =
      FindClass(ctx, c.document_bundle, {at, at + kind.length}, nullptr, nullptr);
  const bool agreements = plural && value == "agreement";
  if (plural && (value == "agreement" || bundle)) value = "documents";
  if (value == "documents" && !plural && count == 0) value = "agreement";
  // "signed agreements on fuel supplies": a bare plural is agreements, not a bundle;
  // a number or a quantifier ("several", "a series of") makes one.
  if (agreements && count == 0 && !Quantified(ctx, at)) value = "agreement";
  (*a)["kind"] = value;
  if (count > 1) (*a)["count"] = count;
  if (!plural) {
    std::string title = AgreementTitle(ctx, at, kind.length, phrase);
    if (!title.empty()) (*a)["title"] = title;
  }
  const int np = ctx.sentence().parse.phrases.np_at[at];
  if (value == "agreement" && count == 0 && !plural && !a->contains("title") && np >= 0) {
    std::string referred = ReferredKind(ctx, ctx.sentence().parse.phrases.nps[np].range);
    if (!referred.empty()) (*a)["kind"] = referred;
  }
}

// ---- partnership, visit ------------------------------------------------------------

void PartnershipAttributes(const MatchContext& ctx, Attributes* a) {
  const std::vector<Token>& t = ctx.tokens();
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ThingPhrase();
  // A noun trigger's own words may hold its level ("allied relations").
  int level_end = ctx.match.np >= 0 ? ctx.match.trigger.end : phrase.end;
  // "a strategic partnership on migration and green hydrogen": the levels stand
  // before the partnership noun, not in what it is about.
  PhraseMatch noun;
  // "the upgrade of ties to a strategic partnership": a noun trigger that is no
  // partnership itself takes the levels of the partnership after it.
  const bool other_noun =
      ctx.match.np >= 0 &&
      ctx.lexicon()
              .MatchAt(c.partnership_noun, t, ctx.match.trigger.begin, t.size())
              .length == 0;
  int at = -1;
  if (other_noun &&
      FindClass(ctx, c.partnership_noun, {ctx.match.trigger.end, ctx.ClauseRange().end},
                &at, &noun)) {
    const int np = ctx.sentence().parse.phrases.np_at[at];
    if (np >= 0) {
      phrase = ctx.sentence().parse.phrases.nps[np].range;
      level_end = at + noun.length;
    }
  } else if (ctx.match.np < 0 &&
             (FindClass(ctx, c.partnership_noun, phrase, &at, &noun) ||
              FindClass(ctx, c.partnership_noun, ctx.ClauseRange(), &at, &noun))) {
    // "upgraded ties from a strategic partnership to a comprehensive strategic one":
    // the partnership it became, not the one it was.
    const Phrases& ph = ctx.sentence().parse.phrases;
    auto from_phrase = [&](int k) {
      const int x = ph.np_at[k];
      return x >= 0 && ph.nps[x].pp >= 0 && t[ph.pps[ph.nps[x].pp].prep].LowerIs("from");
    };
    bool moved = false;
    int next = at;
    PhraseMatch later;
    while (from_phrase(next) &&
           FindClass(ctx, c.partnership_noun, {next + 1, ctx.ClauseRange().end}, &next,
                     &later)) {
      at = next;
      noun = later;
      moved = true;
    }
    // "allied relations" holds its own level; "ties were raised to a special strategic
    // partnership": the levels are in the phrase of the partnership noun, not in the
    // ties.
    const int np = ph.np_at[at];
    if ((moved || !phrase.Contains(at)) && np >= 0) phrase = ph.nps[np].range;
    level_end = at + noun.length;
  }
  std::vector<std::string> levels;
  bool joined = false;  // "strategic and comprehensive"
  for (int k = phrase.begin; k < level_end;) {
    // "from strategic to comprehensive strategic": the levels after "to" are its own.
    if (t[k].LowerIs("to") || t[k].LowerIs("into")) levels.clear();
    PhraseMatch m = ctx.lexicon().MatchAt(c.partnership_level, t, k, level_end);
    if (m.length == 0) {
      joined |= !levels.empty() && t[k].LowerIs("and");
      ++k;
      continue;
    }
    std::string value = m.value.empty() ? t[k].lower : std::string(m.value);
    if (std::find(levels.begin(), levels.end(), value) == levels.end())
      levels.push_back(value);
    k += m.length;
  }
  // "a strategic and comprehensive partnership" is the comprehensive strategic one:
  // the spec's levels name a kind before "strategic". Written order otherwise ("a
  // special strategic and global partnership").
  if (joined && levels.size() > 1 && levels.front() == "strategic") {
    std::rotate(levels.begin(), levels.begin() + 1, levels.end());
  }
  if (!levels.empty()) (*a)["level"] = absl::StrJoin(levels, "_");
}

void VisitAttributes(const MatchContext& ctx, const Referent& source, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ClauseRange();
  int at = -1;
  PhraseMatch m;
  int end = ctx.match.np >= 0 ? ctx.match.trigger.end : phrase.end;
  const std::vector<Token>& t = ctx.tokens();
  for (int from = phrase.begin; FindClass(ctx, c.visit_level, {from, end}, &at, &m);
       from = at + 1) {
    // "an official and working visit", "a State Visit": the level words before a
    // visit's noun; not "the minister of state", "a state secretary", "received him
    // at State House".
    int k = at + m.length;
    while (k + 1 < static_cast<int>(t.size()) &&
           (t[k].LowerIs("and") || t[k].tag == Tag::kComma || t[k].text == "-")) {
      const int level = ctx.lexicon().MatchAt(c.visit_level, t, k + 1, t.size()).length;
      if (level == 0) break;
      k += 1 + level;
    }
    if (k >= static_cast<int>(t.size()) ||
        !ctx.lexicon().Contains(c.visit_noun, t[k].lemma))
      continue;
    (*a)["level"] = m.value.empty() ? t[at].lower : std::string(m.value);
    break;
  }
  if (!source.person.empty()) (*a)["visitor"] = source.person;
}

// ---- meeting, forum ------------------------------------------------------------------

// The person who met for `r`: the one its phrase names, or for a group ("the two
// leaders") the one the item named last for its party.
std::string Participant(const MatchContext& ctx, const Referent& r) {
  if (!r.person.empty() || !r.group || r.party.empty()) return r.person;
  return ctx.discourse.LastPersonOf(ctx.match.sentence, ctx.match.trigger.begin, r.party);
}

// "the three leaders met", "X jointly met Y and Z": a match that pairs each of three
// or more parties with every other, or says they met as one, is one meeting of all.
bool JointMeeting(const MatchContext& ctx) {
  std::vector<std::string> parties;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [p, q] : ctx.match.pairs) {
    for (const std::string& party : {p.party, q.party}) {
      if (std::find(parties.begin(), parties.end(), party) == parties.end())
        parties.push_back(party);
    }
    std::pair<std::string, std::string> pair = std::minmax(p.party, q.party);
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end())
      pairs.push_back(std::move(pair));
  }
  const size_t n = parties.size();
  if (n < 3) return false;
  return pairs.size() == n * (n - 1) / 2 ||
         FindClass(ctx, ctx.classes().joint_cue, ctx.ClauseRange(), nullptr, nullptr);
}

// The people of the meeting of x and y, when both name theirs: with those of every
// other pair the match makes of the two parties ("met the premier and the
// speaker"), or of all its pairs for a joint meeting.
std::vector<std::string> Participants(const MatchContext& ctx, const Referent& x,
                                      const Referent& y) {
  std::vector<std::string> people;
  auto add = [&](const Referent& r) {
    std::string person = Participant(ctx, r);
    if (!person.empty() &&
        std::find(people.begin(), people.end(), person) == people.end())
      people.push_back(std::move(person));
  };
  add(x);
  add(y);
  if (people.size() < 2) return {};
  const bool joint = JointMeeting(ctx);
  for (const auto& [p, q] : ctx.match.pairs) {
    if (joint || std::minmax(p.party, q.party) == std::minmax(x.party, y.party)) {
      add(p);
      add(q);
    }
  }
  return people;
}

void MeetingAttributes(const MatchContext& ctx, const Referent& x, const Referent& y,
                       const EventDate& date, Attributes* a) {
  std::vector<std::string> people = Participants(ctx, x, y);
  if (!people.empty()) (*a)["participants"] = people;
  std::string city = MeetingCity(ctx, {x.party, y.party}, date);
  if (!city.empty()) (*a)["city"] = city;
}

// The edition an ordinal in phrase np states ("the second forum"); 0 when none.
int64_t EditionIn(const Sentence& s, const NounPhrase& np) {
  const std::vector<Token>& t = s.tokens;
  for (int k = np.range.begin; k < np.range.end; ++k) {
    absl::string_view w = t[k].lower;
    if (absl::StartsWith(w, "first-") || w == "first" || w == "inaugural") return 1;
    if (std::optional<int> n = ParseOrdinal(t[k])) return *n;
    // "the XVII BRICS Summit".
    if (std::optional<int> n = ParseRomanOrdinal(t[k])) return *n;
  }
  return 0;
}

void ForumAttributes(const MatchContext& ctx, const Referent& source,
                     const Referent& target, const EventDate& date, Attributes* a) {
  const Sentence& s = target.thing_sentence >= 0
                          ? ctx.item.sentences[target.thing_sentence]
                          : ctx.sentence();
  const Phrases& ph = s.parse.phrases;
  if (target.thing >= 0) {
    const NounPhrase& np = ph.nps[target.thing];
    int64_t edition = EditionIn(s, np);
    // "the fifth session of the Business Forum": the session counts the forum's.
    if (edition == 0 && np.pp >= 0 && ph.pps[np.pp].attached_np >= 0 &&
        PrepositionOf(s.tokens, ph.pps[np.pp]) == "of") {
      edition = EditionIn(s, ph.nps[ph.pps[np.pp].attached_np]);
    }
    // "The Astana International Forum, held for the third time, opened": the
    // ordinal of a "for the Nth time" right after the event's phrase.
    if (edition == 0) {
      const std::vector<Token>& t = s.tokens;
      const int n = static_cast<int>(t.size());
      for (int k = np.range.end; k + 3 < n && k < np.range.end + 6; ++k) {
        if (t[k].LowerIs("for") && t[k + 1].LowerIs("the") && t[k + 3].LowerIs("time")) {
          if (std::optional<int> nth = ParseOrdinal(t[k + 2])) edition = *nth;
          if (t[k + 2].LowerIs("first")) edition = 1;
          break;
        }
      }
    }
    if (edition > 0) (*a)["edition"] = edition;
  }
  std::string city = MeetingCity(ctx, {source.party}, date);
  if (!city.empty()) (*a)["city"] = city;
}

// ---- trade, investment ---------------------------------------------------------------

// "reached $1.1 billion, which represented a growth of 11 per cent": a relative
// clause on the trigger's clause that names a change of the figure.
bool ChangeInRelative(const MatchContext& ctx, int at) {
  const SentenceParse& parse = ctx.sentence().parse;
  const int c = parse.clause_at[at];
  if (c < 0 || parse.clauses[c].kind != ClauseKind::kRelative ||
      parse.clauses[c].parent != ctx.match.clause) {
    return false;
  }
  return FindClass(ctx, ctx.classes().change_noun, {parse.clauses[c].range.begin, at},
                   nullptr, nullptr);
}

// Whether the change at token `at` is a fall: the verb or word of change nearest
// before it says so ("fell 5%", "down 5%", "a drop of 5%"); "grew 12% ..., even as
// prices fell" is a rise. With no such word before it in its clause, any word of
// decrease in the clause.
bool Decrease(const MatchContext& ctx, int at) {
  const std::vector<Token>& t = ctx.tokens();
  const SentenceParse& parse = ctx.sentence().parse;
  const TokenRange clause = ctx.ClauseRange();
  const ClassId decrease = ctx.classes().decrease_verb;
  for (int k = at - 1; k >= clause.begin && k >= 0; --k) {
    if (parse.clause_at[k] != parse.clause_at[at]) continue;
    if (ctx.lexicon().OneWordAt(decrease, t, k)) return true;
    if (t[k].tag == Tag::kVerb ||
        ctx.lexicon().OneWordAt(ctx.classes().change_noun, t, k)) {
      return false;
    }
  }
  return FindClass(ctx, decrease, clause, nullptr, nullptr);
}

void TradeVolumeAttributes(const MatchContext& ctx, const Referent& source,
                           const Referent& target, Attributes* a) {
  AddMoney(ctx, source, target, a);
  for (const PercentMention& p : ctx.sentence().percents) {
    if (!ctx.InClauseScope(p.begin) && !ChangeInRelative(ctx, p.begin)) continue;
    double value = p.value;
    // "4 percent less than a year earlier": a comparative after the change.
    const bool lower_after =
        p.end < static_cast<int>(ctx.tokens().size()) &&
        ctx.lexicon().OneWordAt(ctx.classes().lower_comparative, ctx.tokens(), p.end);
    if (lower_after || Decrease(ctx, p.begin)) value = -value;
    if (value == std::floor(value)) {
      (*a)["change_pct"] = static_cast<int64_t>(value);
    } else {
      (*a)["change_pct"] = value;
    }
    break;
  }
}

// ---- site --------------------------------------------------------------------------

// Whether clause c lies inside clause `outer` (and is not it).
bool NestedIn(const SentenceParse& parse, int c, int outer) {
  for (int k = c >= 0 ? parse.clauses[c].parent : -1, guard = 0; k >= 0 && guard < 8;
       k = parse.clauses[k].parent, ++guard) {
    if (k == outer) return true;
  }
  return false;
}

// The status the trigger's clause states ("is building", "plans to build"), not one
// a clause inside it tells of something else ("broke ground on a plant, to be built
// by a consortium": the plant's builder, not a plan).
bool StatusCueOfClause(const MatchContext& ctx, PhraseMatch* m) {
  const SentenceParse& parse = ctx.sentence().parse;
  const TokenRange clause = ctx.ClauseRange();
  for (int from = clause.begin, at = -1; from < clause.end; from = at + 1) {
    if (!FindClass(ctx, ctx.classes().status_cue, {from, clause.end}, &at, m))
      return false;
    if (m->value.empty()) continue;
    if (!NestedIn(parse, parse.clause_at[at], ctx.match.clause)) return true;
  }
  return false;
}

void SiteAttributes(const MatchContext& ctx, const Referent& target, Attributes* a) {
  const KnownClasses& c = ctx.classes();
  TokenRange phrase = ctx.ThingPhrase();
  if (target.thing >= 0) phrase = ctx.sentence().parse.phrases.nps[target.thing].range;
  int at = -1;
  PhraseMatch m;
  // "Unit 2 of the Rooppur nuclear power plant": the facility its "of" chain names.
  if (target.thing >= 0 && !FindClass(ctx, c.facility, phrase, nullptr, nullptr)) {
    phrase.end = ChainEnd(ctx.sentence().parse.phrases, target.thing);
  }
  if (FindClass(ctx, c.facility, phrase, &at, &m)) {
    (*a)["facility"] =
        m.value.empty() ? Text(ctx.tokens(), at, at + m.length) : std::string(m.value);
  }
  if (StatusCueOfClause(ctx, &m)) (*a)["status"] = std::string(m.value);
  // Where: regions and cities named as places in the clause.
  const Sentence& s = ctx.sentence();
  std::vector<std::string> places;
  const TokenRange clause = ctx.ClauseRange();
  for (const Mention& mention : s.mentions) {
    if (!clause.Contains(mention.begin)) continue;
    bool place = mention.kind == graph::EntityKind::kCity ||
                 absl::StartsWith(mention.id, "region:");
    if (place) places.push_back(mention.name);
  }
  if (!places.empty()) (*a)["location"] = places;
}

// The clause's measure: the first one it names by its kind ("visa restrictions": a
// travel ban), else a general one ("sanctions": other).
void MeasureFrom(const MatchContext& ctx, ClassId cls, Attributes* a) {
  // One measure of several the object lists: its own words. "extended it": the
  // words of what "it" stands for, in the clause before.
  const TokenRange clause = ctx.document.empty() ? ctx.ClauseRange() : ctx.document;
  const TokenRange thing = ctx.ThingPhrase();
  std::string general;
  for (const TokenRange& scope : {clause, thing}) {
    for (int from = scope.begin; from < scope.end;) {
      int at = -1;
      PhraseMatch m;
      if (!FindClass(ctx, cls, {from, scope.end}, &at, &m)) break;
      if (!m.value.empty() && m.value != "other") {
        (*a)["measure"] = std::string(m.value);
        return;
      }
      if (general.empty()) general = std::string(m.value);
      from = at + std::max(m.length, 1);
    }
    if (!general.empty() || clause.Contains(thing.begin)) break;
  }
  // "tightened curbs on chip exports": a restriction of no kind of its own (not
  // "sanctions") on what is exported, in the measure's own phrases, controls exports.
  const int measure = ctx.match.np >= 0 ? ctx.match.np : ctx.match.object_np;
  if (cls == ctx.classes().sanction_measure && general.empty() && measure >= 0 &&
      ctx.document.empty()) {
    const Phrases& ph = ctx.sentence().parse.phrases;
    const TokenRange own{ph.nps[measure].range.begin, ChainEnd(ph, measure)};
    if (FindClass(ctx, ctx.classes().export_word, own, nullptr, nullptr)) {
      general = "export_control";
    }
  }
  if (!general.empty()) (*a)["measure"] = general;
}

// The sector a deal or a measure is about (@sector): "a ban on imports of Japanese
// seafood" -> "seafood"; looked for in the trigger's phrase or its object's, not in
// the rest of the clause ("mostly in sectors other than mining").
void SectorFrom(const MatchContext& ctx, Attributes* a) {
  const TokenRange scope = ctx.ThingPhrase();
  int at = -1;
  PhraseMatch m;
  if (!FindClass(ctx, ctx.classes().sector, scope, &at, &m)) return;
  const std::vector<Token>& t = ctx.tokens();
  std::string sector =
      m.value.empty() ? Text(t, at, at + m.length) : std::string(m.value);
  // "in real estate and tourism", "oil and gas": two sectors joined are one field.
  const int joint = at + m.length;
  if (joint + 1 < scope.end && t[joint].LowerIs("and")) {
    const PhraseMatch second =
        ctx.lexicon().MatchAt(ctx.classes().sector, t, joint + 1, scope.end);
    if (second.length > 0) {
      absl::StrAppend(&sector, " and ",
                      second.value.empty() ? Text(t, joint + 1, joint + 1 + second.length)
                                           : std::string(second.value));
    }
  }
  (*a)["sector"] = std::move(sector);
}

void MembershipAttributes(const MatchContext& ctx, Attributes* a) {
  int at = -1;
  PhraseMatch m;
  TokenRange scope = ctx.match.np >= 0 ? ctx.TriggerPhrase() : ctx.ClauseRange();
  // "X, an observer since 2022, became its eleventh member": the role after the
  // verb first, then the clause's.
  if (ctx.match.np < 0) {
    const TokenRange after{std::max(scope.begin, ctx.match.trigger.end), scope.end};
    if (FindClass(ctx, ctx.classes().membership_role, after, &at, &m) &&
        !m.value.empty()) {
      (*a)["role"] = std::string(m.value);
      return;
    }
  }
  if (FindClass(ctx, ctx.classes().membership_role, scope, &at, &m) && !m.value.empty()) {
    (*a)["role"] = std::string(m.value);
  }
}

// A site's status: the one the text states ("is nearing completion") over the
// frame's; a construction still to come ("is to build", "plans to build") is
// planned.
void SiteStatus(const MatchContext& ctx,
                const std::optional<graph::AttributeValue>& stated, Attributes* a) {
  if (stated.has_value()) {
    (*a)["status"] = *stated;
    return;
  }
  auto it = a->find("status");
  if (ctx.match.irrealis && it != a->end() &&
      it->second == graph::AttributeValue(std::string("under_construction"))) {
    it->second = std::string("planned");
  }
}

// A frame's constants ("attr.role=chair"), numbers as numbers.
void AddConstants(const Frame& frame, Attributes* a) {
  for (const auto& [key, value] : frame.constants) {
    int64_t number = 0;
    if (absl::SimpleAtoi(value, &number)) {
      (*a)[key] = number;
    } else {
      (*a)[key] = value;
    }
  }
}

// One target of several the clause lists (ListedTargets): its own amount and year.
void ListedTargetAttributes(const MatchContext& ctx, Attributes* a) {
  const Sentence& s = ctx.sentence();
  for (const MoneyMention& m : s.money) {
    if (!ctx.document.Contains(m.begin)) continue;
    (*a)["amount"] = m.amount;
    (*a)["currency"] = m.currency;
    break;
  }
  for (const DateMention& d : s.dates) {
    if (ctx.document.Contains(d.begin)) (*a)["by_year"] = int64_t{d.date.year};
  }
}

}  // namespace

graph::Attributes ReadAttributes(const MatchContext& ctx, const Referent& source,
                                 const Referent& target, const EventDate& date) {
  Attributes a;
  const KnownClasses& c = ctx.classes();
  switch (ctx.match.frame->type) {
    case RelationType::kAgreement:
      AgreementAttributes(ctx, &a);
      break;
    case RelationType::kPartnership:
      PartnershipAttributes(ctx, &a);
      break;
    case RelationType::kDiplomaticRelations:
      if (date.anniversary > 0) a["anniversary"] = int64_t{date.anniversary};
      break;
    case RelationType::kVisit:
      VisitAttributes(ctx, source, &a);
      break;
    case RelationType::kMeeting:
      MeetingAttributes(ctx, source, target, date, &a);
      break;
    case RelationType::kForum:
      ForumAttributes(ctx, source, target, date, &a);
      break;
    case RelationType::kTradeTarget: {
      AddMoney(ctx, source, target, &a);
      if (std::optional<int> year = TargetYear(ctx)) a["by_year"] = int64_t{*year};
      if (!ctx.document.empty()) ListedTargetAttributes(ctx, &a);
      break;
    }
    case RelationType::kTradeVolume:
      TradeVolumeAttributes(ctx, source, target, &a);
      break;
    case RelationType::kInvestment:
      AddMoney(ctx, source, target, &a);
      SectorFrom(ctx, &a);
      break;
    case RelationType::kSite:
      SiteAttributes(ctx, target, &a);
      break;
    case RelationType::kSanction:
      MeasureFrom(ctx, c.sanction_measure, &a);
      if (!a.contains("measure")) a["measure"] = std::string("other");
      SectorFrom(ctx, &a);
      break;
    case RelationType::kDowngrade:
      MeasureFrom(ctx, c.downgrade_measure, &a);
      break;
    case RelationType::kMembership:
      MembershipAttributes(ctx, &a);
      break;
    default:
      break;
  }
  const auto stated = a.find("status");
  std::optional<graph::AttributeValue> status;
  if (stated != a.end()) status = stated->second;
  AddConstants(*ctx.match.frame, &a);
  if (ctx.match.frame->type == RelationType::kSite) SiteStatus(ctx, status, &a);
  // The spec's default action, stated: "banned imports of X" imposes a measure, and
  // one fact told with and without the word is one relation.
  if (ctx.match.frame->type == RelationType::kSanction && !a.contains("action")) {
    a["action"] = std::string("imposed");
  }
  return a;
}

}  // namespace entente::importers::internal
