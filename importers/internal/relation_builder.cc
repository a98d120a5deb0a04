#include "importers/internal/relation_builder.h"

#include <algorithm>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "importers/extractor.h"
#include "importers/internal/attributes.h"
#include "importers/internal/dating.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

std::string ClauseText(const Sentence& s, const TokenRange& r) {
  if (r.empty() || r.end > static_cast<int>(s.tokens.size())) return std::string(s.text);
  int64_t b = s.tokens[r.begin].begin - s.begin;
  int64_t e = s.tokens[r.end - 1].end - s.begin;
  return std::string(s.text.substr(b, e - b));
}

// The role a forum line gives its source ("participant"); "" for the host.
std::string RoleOf(const graph::Relation& r) {
  auto it = r.attributes.find("role");
  return it != r.attributes.end() && std::holds_alternative<std::string>(it->second)
             ? std::get<std::string>(it->second)
             : std::string();
}

// A relation of a kind that exists once it has happened (a signing, a meeting, a
// site announced) dated after its report is a plan the text tells of ("is to open
// a plant next year"), not a relation. A forum may be held later as announced, a
// sanction take effect on a day ahead, a statement look ahead, and a rotating chair
// is taken up on its appointed day ("takes over the presidency on 1 July").
bool DatedAfterReport(RelationType type, const graph::DateWithPrecision& date,
                      const graph::DateWithPrecision& reported) {
  constexpr int kGraceDays = 3;  // "signed on Feb. 6" in a report of Feb. 5.
  if (type == RelationType::kForum || type == RelationType::kSanction ||
      type == RelationType::kDeclaration || type == RelationType::kMembership) {
    return false;
  }
  return date.known() && reported.known() &&
         date.FirstDay() > reported.FirstDay() + kGraceDays;
}

}  // namespace

RelationBuilder::RelationBuilder(const Knowledge& knowledge, const Gazetteer& gazetteer,
                                 Discourse& discourse, const ItemText& text,
                                 const DigestItem& item, bool explain)
    : k_(knowledge),
      g_(gazetteer),
      d_(discourse),
      text_(text),
      item_(item),
      explain_(explain),
      things_(knowledge, gazetteer, discourse, text) {}

graph::EntityRef RelationBuilder::RefOf(const FrameMatch& match, const Referent& r,
                                        const graph::EntityRef* host,
                                        const graph::DateWithPrecision& date) {
  graph::EntityRef ref;
  if (r.thing >= 0) {
    bool event = match.frame->type == RelationType::kForum;
    int sentence = r.thing_sentence >= 0 ? r.thing_sentence : match.sentence;
    std::string name = things_.Name(
        sentence, r.thing, event ? ThingKind::kEvent : ThingKind::kSite, date.year);
    if (event) {
      // "flew in for the forum": an event named by its noun alone is no entity one
      // could find again ("the trilateral summit", "the Lima forum" are).
      // Nor is one called by a noun of several words ("the leaders' meeting").
      if (std::none_of(
              name.begin(), name.end(),
              [](char c) { return absl::ascii_isupper(c) || absl::ascii_isdigit(c); }) &&
          (name.find(' ') == std::string::npos ||
           k_.lexicon().Contains(
               k_.classes().event_noun,
               absl::StrReplaceAll(name, {{"' ", " 's "}, {"\u2019 ", " 's "}})))) {
        return ref;
      }
      ref.kind = graph::EntityKind::kEvent;
      // "the Astana Connectivity Summit 2025" names its year already.
      const std::string year = absl::StrCat(date.year);
      ref.id = absl::StrCat(
          "event:",
          Slugify(absl::EndsWith(name, year) ? name : absl::StrCat(name, " ", year)));
    } else {
      ref.kind = graph::EntityKind::kSite;
      // "a wind farm" names no site of its own: the host's ("egypt-wind-farm"), so
      // that two countries' unnamed plants stay apart.
      const bool generic = std::none_of(name.begin(), name.end(), absl::ascii_isupper);
      if (generic && host != nullptr && host->kind == graph::EntityKind::kCountry)
        name = absl::StrCat(host->name, " ", name);
      ref.id = absl::StrCat("site:", Slugify(name));
    }
    ref.name = name;
    if (std::none_of(adhoc_.begin(), adhoc_.end(),
                     [&](const graph::Entity& e) { return e.id == ref.id; })) {
      graph::Entity e;
      e.id = ref.id;
      e.name = ref.name;
      e.kind = ref.kind;
      adhoc_.push_back(std::move(e));
    }
    return ref;
  }
  ref.id = r.party;
  ref.kind = graph::KindOfId(r.party);
  if (const graph::Entity* e = g_.FindById(r.party)) {
    ref.name = e->name;
    ref.kind = e->kind;
  } else {
    ref.name = r.party.substr(r.party.find(':') + 1);
    // A body no list knows ("org:international-solar-alliance", mentions.cc) is
    // called by the words of its name.
    if (ref.kind == graph::EntityKind::kOrganization)
      std::replace(ref.name.begin(), ref.name.end(), '-', ' ');
  }
  return ref;
}

// "has invested $6 billion so far": a historical cue among the clause's own words,
// not those of a clause inside it ("..., the ministry said, the largest commitment
// to date").
bool RelationBuilder::HistoricalClause(const MatchContext& ctx) const {
  const std::vector<int>& clause_at = ctx.sentence().parse.clause_at;
  const TokenRange range = ctx.ClauseRange();
  const int end = std::min<int>(range.end, ctx.tokens().size());
  for (int i = range.begin; i < end; ++i) {
    if (clause_at[i] != ctx.match.clause) continue;
    if (k_.lexicon().MatchAt(k_.classes().historical_cue, ctx.tokens(), i, end).length >
        0)
      return true;
  }
  return false;
}

bool RelationBuilder::Reported(const FrameMatch& match) const {
  const SentenceParse& parse = text_.sentences[match.sentence].parse;
  const std::vector<Token>& t = text_.sentences[match.sentence].tokens;
  for (int c = match.clause; c >= 0; c = parse.clauses[c].parent) {
    if (parse.clauses[c].content || parse.clauses[c].speech >= 0) return true;
    // "X was reported to have recalled its envoy", "is said to have ...".
    const int v = parse.clauses[c].verb;
    if (v >= 0 && parse.phrases.verbs[v].passive &&
        (t[parse.phrases.verbs[v].head].verb_forms & kSpeech)) {
      return true;
    }
  }
  return match.clause >= 0 &&
         TrailingSpeech(parse, text_.sentences[match.sentence].tokens, match.clause) >= 0;
}

// "Papers said Oman had expelled two Iranian envoys. Muscat denied the report.": a
// main clause that denies the report (or "it"; not "the accusations") takes back what
// was reported just before.
bool RelationBuilder::DeniedLater(int s) const {
  constexpr int kDenialWindow = 2;  // Sentences after the report.
  const Lexicon& x = k_.lexicon();
  const int last =
      std::min<int>(static_cast<int>(text_.sentences.size()) - 1, s + kDenialWindow);
  for (int k = s + 1; k <= last; ++k) {
    const Sentence& next = text_.sentences[k];
    const std::vector<Token>& t = next.tokens;
    const Phrases& ph = next.parse.phrases;
    for (const Clause& c : next.parse.clauses) {
      if (c.kind != ClauseKind::kMain || c.verb < 0 || c.object < 0) continue;
      const VerbGroup& g = ph.verbs[c.verb];
      if (g.negated || !x.Contains(k_.classes().report_denial_verb, g.lemma)) continue;
      const NounPhrase& object = ph.nps[c.object];
      const int head = object.head;
      const bool hearsay =
          x.MatchAt(k_.classes().denied_report, t, head, head + 1).length > 0;
      const int after = object.range.end;
      // "denied reports that ...", "denied it had ...": what it names is denied.
      const bool own_content = after < static_cast<int>(t.size()) &&
                               (t[after].LowerIs("that") || t[after].LowerIs("of") ||
                                t[after].LowerIs("about") || ph.verb_at[after] >= 0 ||
                                t[after].tag == Tag::kAux || t[after].tag == Tag::kModal);
      if (hearsay && !own_content) return true;
    }
  }
  return false;
}

void RelationBuilder::Add(const FrameMatch& match) {
  MatchContext ctx{k_, g_, d_, text_, match};
  const RelationType type = match.frame->type;
  if (Reported(match) && DeniedLater(match.sentence)) return;
  EventDate date = DateOf(ctx);
  if (!date.date.known()) return;
  // A frame that needs a date of its clause is dated by it: when the date it found
  // belongs to something else and the report's stands in, the reading is unsure.
  if (match.frame->needs_date && !date.stated) return;
  if (type == RelationType::kInvestment && (date.historical || HistoricalClause(ctx))) {
    return;  // A running total, not an investment made on a date.
  }
  // "signed a treaty and a protocol": one relation per document.
  std::vector<TokenRange> documents;
  if (type == RelationType::kAgreement && match.np < 0) documents = ListedDocuments(ctx);
  // "an asset freeze and a travel ban": one relation per measure.
  if (type == RelationType::kSanction)
    documents = ListedMeasures(ctx, k_.classes().sanction_measure);
  if (type == RelationType::kDowngrade)
    documents = ListedMeasures(ctx, k_.classes().downgrade_measure);
  if (type == RelationType::kTradeTarget) documents = ListedTargets(ctx);
  if (documents.empty()) documents.push_back(TokenRange{});
  // "signed seven documents, including a memorandum on ...", "witnessed the signing
  // of seven documents, including ...": the bundle and each document it names.
  if (type == RelationType::kAgreement) {
    for (const TokenRange& named : ElaboratedDocuments(ctx)) documents.push_back(named);
  }
  for (const TokenRange& document : documents) {
    MatchContext one = ctx;
    one.document = document;
    AddDated(one, DocumentDate(one, date));
    // "visited Angola in 2014 and 2016": one relation per listed date.
    for (const graph::DateWithPrecision& also : date.also) {
      EventDate listed = date;
      listed.date = also;
      listed.also.clear();
      AddDated(one, listed);
    }
  }
}

// "the Pyongyang Declaration of 2000 and the Moscow Declaration of 2001": one of
// several documents that states its own date has it, not the clause's first.
EventDate RelationBuilder::DocumentDate(const MatchContext& ctx,
                                        const EventDate& clause) {
  if (ctx.document.empty()) return clause;
  for (const DateMention& d : ctx.sentence().dates) {
    // "$15 billion by 2028": a goal's year is no date of its own.
    if (!ctx.document.Contains(d.begin) || d.kind != DateKind::kAbsolute ||
        IsTargetDate(ctx.sentence().tokens, d) || OtherDocumentYear(ctx, d)) {
      continue;
    }
    EventDate own = clause;
    own.date = d.date;
    own.stated = true;
    own.also.clear();
    return own;
  }
  return clause;
}

void RelationBuilder::AddDated(const MatchContext& ctx, const EventDate& clause_date) {
  const FrameMatch& match = ctx.match;
  const RelationType type = match.frame->type;
  const Sentence& s = ctx.sentence();
  for (const auto& [source, target] : match.pairs) {
    // "one pact with Chile in 2019, another with Peru in 2021": each partner's own
    // date.
    EventDate date = clause_date;
    if (std::optional<graph::DateWithPrecision> own = PartyDate(ctx, source, target)) {
      date.date = *own;
      date.stated = true;
    }
    // "the India-Russia annual summit", "a bilateral dialogue": a meeting of two, no
    // forum.
    if (type == RelationType::kForum && target.thing >= 0 &&
        (BilateralEvent(
             target.thing_sentence >= 0 ? target.thing_sentence : match.sentence,
             target.thing) ||
         UnnamedEventOfTwo(match, target) ||
         OwnGathering(target.thing_sentence >= 0 ? target.thing_sentence : match.sentence,
                      target.thing, source.party))) {
      continue;
    }
    graph::Relation r;
    r.type = type;
    r.source = RefOf(match, source, nullptr, date.date);
    r.target = RefOf(match, target, &r.source, date.date);
    if (r.source.id.empty() || r.target.id.empty() || r.source.id == r.target.id)
      continue;
    // A forum's target is the gathering, never a state its phrase led to.
    if (type == RelationType::kForum && r.target.kind != graph::EntityKind::kEvent)
      continue;
    // "Samruk-Kazyna signed an agreement to build a $1.2 billion wind farm in
    // Zhambyl": a company spending at home invests in no other state. Its home is the
    // gazetteer's, else the state its name or owner holds ("Korea Zinc").
    if (type == RelationType::kInvestment && absl::StartsWith(r.source.id, "company:") &&
        (g_.CountryOf(r.source.id) == r.target.id ||
         d_.CompanyHome(r.source.id) == r.target.id)) {
      continue;
    }
    if (graph::IsSymmetric(type) && r.target.id < r.source.id)
      std::swap(r.source, r.target);
    if (DatedAfterReport(type, date.date, text_.reported)) continue;
    r.date = date.date;
    r.reported = text_.reported;
    r.attributes = ReadAttributes(ctx, source, target, date);
    r.confidence = match.frame->confidence;
    graph::Provenance p;
    p.item = item_.number;
    p.outlet = text_.outlet;
    p.headline = item_.headline.text;
    p.reported = text_.reported;
    p.quote = std::string(s.text);
    p.start = s.file_begin;
    p.end = s.file_end;
    p.document = item_.document;
    p.extractor = std::string(kExtractorVersion);
    r.provenance.push_back(std::move(p));
    if (type == RelationType::kVisit) d_.NoteVisit(r.source.id, r.target.id, r.date);
    Explain(ctx, r);
    stated_.push_back(date.stated);
    relations_.push_back(std::move(r));
    if (type == RelationType::kTradeVolume) AddRankedPartners(ctx, relations_.size() - 1);
  }
}

// "China remained Chile's largest trading partner with trade of $58bn, followed by
// the United States ($28bn) and Brazil ($11bn)": each state after "followed by" with
// its amount in brackets trades that much with the same home state, the one named
// with "'s" (else the dateline's).
void RelationBuilder::AddRankedPartners(const MatchContext& ctx, size_t first) {
  const Sentence& s = ctx.sentence();
  const std::vector<Token>& t = s.tokens;
  const int n = static_cast<int>(t.size());
  int followed = -1;
  for (int k = ctx.match.trigger.end; k + 1 < n; ++k) {
    if (t[k].LowerIs("followed") && t[k + 1].LowerIs("by")) {
      followed = k + 2;
      break;
    }
  }
  if (followed < 0) return;
  const graph::Relation& base = relations_[first];
  std::string home;
  for (const Mention& m : s.mentions) {
    if (m.begin >= followed) break;
    if (m.possessive && (m.country == base.source.id || m.country == base.target.id)) {
      home = m.country;
    }
  }
  if (home.empty() && (text_.dateline_country == base.source.id ||
                       text_.dateline_country == base.target.id)) {
    home = text_.dateline_country;
  }
  if (home.empty()) return;
  for (const Mention& m : s.mentions) {
    if (m.begin < followed || m.kind != graph::EntityKind::kCountry ||
        m.country == home || m.end + 1 >= n || t[m.end].text != "(") {
      continue;
    }
    const MoneyMention* amount = nullptr;
    for (const MoneyMention& money : s.money) {
      if (money.begin == m.end + 1) amount = &money;
    }
    if (amount == nullptr) continue;
    graph::Relation r = relations_[first];
    Referent home_ref, partner;
    home_ref.party = home;
    partner.party = m.country;
    r.source = RefOf(ctx.match, home_ref, nullptr, r.date);
    r.target = RefOf(ctx.match, partner, &r.source, r.date);
    if (r.target.id < r.source.id) std::swap(r.source, r.target);
    r.attributes.erase("change_pct");
    r.attributes["amount"] = amount->amount;
    r.attributes["currency"] = amount->currency;
    Explain(ctx, r);
    stated_.push_back(stated_[first]);
    relations_.push_back(std::move(r));
  }
}

namespace {

// A relation read from a ranking with no frame of its own.
constexpr double kRankedConfidence = 0.6;

// The states of sentence s ranked with an amount right after them: "Chile
// ($900m)", "Chile at $900m", "Chile, with $900m", "Norway led with $2.2bn",
// "Kyrgyzstan ranked second at $22.7bn".
std::vector<std::pair<const Mention*, const MoneyMention*>> RankedStates(
    const Sentence& s) {
  constexpr int kVerbWindow = 3;  // "ranked second at", "came next with"
  const std::vector<Token>& t = s.tokens;
  std::vector<std::pair<const Mention*, const MoneyMention*>> out;
  for (size_t k = 0; k < s.mentions.size(); ++k) {
    const Mention& m = s.mentions[k];
    if (m.kind != graph::EntityKind::kCountry || m.possessive) continue;
    const int next_mention =
        k + 1 < s.mentions.size() ? s.mentions[k + 1].begin : static_cast<int>(t.size());
    for (const MoneyMention& money : s.money) {
      if (money.begin <= m.end || money.begin > m.end + kVerbWindow + 1 ||
          money.begin > next_mention) {
        continue;
      }
      const Token& before = t[money.begin - 1];
      const bool bracket = before.text == "(" && money.begin == m.end + 1;
      const bool linked = before.LowerIs("at") || before.LowerIs("with");
      bool plain_gap = true;  // No comma or clause word between, but for ", with".
      for (int j = m.end; j < money.begin - 1; ++j) {
        if (t[j].tag == Tag::kComma && j == m.end && money.begin == m.end + 2) continue;
        if (t[j].kind != TokenKind::kWord) plain_gap = false;
      }
      if (bracket || (linked && plain_gap)) out.emplace_back(&m, &money);
      break;
    }
  }
  return out;
}

}  // namespace

std::string RelationBuilder::HomeByNoun(const Sentence& x, RelationType type) const {
  constexpr int kWordsBetween = 2;  // "FDI inflows to", "Vietnam's total FDI"
  const std::vector<Token>& t = x.tokens;
  const int n = static_cast<int>(t.size());
  const bool invests = type == RelationType::kInvestment;
  const ClassId cls = invests ? k_.classes().investment_noun : k_.classes().trade_noun;
  bool named = false;  // The noun is there, with no state of its own.
  auto country_at = [&](int at) -> const Mention* {
    if (at < 0 || at >= n || x.mention_at[at] < 0) return nullptr;
    const Mention& m = x.mentions[x.mention_at[at]];
    return m.kind == graph::EntityKind::kCountry ? &m : nullptr;
  };
  for (int k = 0; k < n; ++k) {
    const int length = k_.lexicon().MatchAt(cls, t, k, n).length;
    if (length == 0) continue;
    // "Vietnam's foreign direct investment", "Peru's trade": the possessor.
    for (int back = k - 1; back >= 0 && back >= k - 1 - kWordsBetween; --back) {
      if (!t[back].LowerIs("'s")) continue;
      if (const Mention* m = country_at(back - 1)) return m->country;
    }
    // "investment in Thailand", "FDI inflows into the Philippines".
    for (int at = k + length; invests && at < n && at <= k + length + kWordsBetween;
         ++at) {
      if (!(t[at].LowerIs("in") || t[at].LowerIs("into") || t[at].LowerIs("to")))
        continue;
      int name = at + 1;
      if (name < n && t[name].LowerIs("the")) ++name;
      if (const Mention* m = country_at(name)) return m->country;
      break;
    }
    // "BISHKEK -- Foreign direct investment inflows reached $612 million": the figure
    // of the state the report is filed from, when the noun names none.
    named = true;
  }
  return named ? text_.dateline_country : "";
}

graph::Relation RelationBuilder::NounRelation(RelationType type, const Sentence& told,
                                              const Sentence& ranked,
                                              const std::string& state) {
  graph::Relation r;
  r.type = type;
  Referent home;
  home.party = state;
  r.target = RefOf(FrameMatch(), home, nullptr, text_.reported);
  for (const Sentence* x : {&ranked, &told}) {
    if (!x->dates.empty()) {
      r.date = x->dates.front().date;
      break;
    }
  }
  r.reported = text_.reported;
  r.confidence = kRankedConfidence;
  graph::Provenance p;
  p.item = item_.number;
  p.outlet = text_.outlet;
  p.headline = item_.headline.text;
  p.reported = text_.reported;
  p.document = item_.document;
  p.extractor = std::string(kExtractorVersion);
  r.provenance.push_back(std::move(p));
  return r;
}

void RelationBuilder::AddRankedLists() {
  const std::vector<Sentence>& sentences = text_.sentences;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& here = sentences[s];
    const Sentence* before =
        s > 0 && !sentences[s - 1].headline ? &sentences[s - 1] : nullptr;
    if (here.money.empty() || here.headline) continue;
    bool cue = false;
    for (size_t k = 0; k < here.tokens.size() && !cue; ++k) {
      cue = k_.lexicon()
                .MatchAt(k_.classes().ranking_cue, here.tokens, k, here.tokens.size())
                .length > 0;
    }
    if (!cue) continue;
    auto of_sentence = [&](const graph::Relation& r, const Sentence& x) {
      return (r.type == RelationType::kTradeVolume ||
              r.type == RelationType::kInvestment) &&
             !r.provenance.empty() && r.provenance.back().start == x.file_begin;
    };
    // The sentence's own investment ("Singapore invested $4bn in Indonesia,
    // followed by China ($3bn)"), else the relation of the sentence before it; a
    // sentence's own trade volume ranks its partners itself (AddRankedPartners).
    const graph::Relation* base = nullptr;
    const graph::Relation* own = nullptr;
    for (const graph::Relation& r : relations_) {
      if (of_sentence(r, here)) own = &r;
      if (before != nullptr && of_sentence(r, *before) && r.attributes.contains("amount"))
        base = &r;
    }
    if (own != nullptr) {
      base = own->type == RelationType::kInvestment && own->attributes.contains("amount")
                 ? own
                 : nullptr;
    }
    // "Foreign investment in Thailand reached ... Japan led with ...", "Vietnam's
    // trade grew ... China topped the list at ...": no partner yet, the home state
    // of the noun.
    graph::Relation from_noun;
    for (const Sentence* x : {before, &here}) {
      for (RelationType type : {RelationType::kInvestment, RelationType::kTradeVolume}) {
        if (base != nullptr || own != nullptr || x == nullptr) break;
        const std::string state = HomeByNoun(*x, type);
        // A figure with no period of its own is no ranking's to date.
        if (state.empty() || (x->dates.empty() && here.dates.empty())) continue;
        from_noun = NounRelation(type, *x, here, state);
        base = &from_noun;
      }
    }
    if (base == nullptr) continue;
    std::vector<std::string> done;  // States the sentence's own relations name.
    for (const graph::Relation& r : relations_) {
      if (!of_sentence(r, here)) continue;
      done.push_back(r.source.id);
      done.push_back(r.target.id);
    }
    std::string home;
    if (base->type == RelationType::kInvestment || base == &from_noun) {
      home = base->target.id;
    } else {
      for (const Sentence* x : {before, &here}) {
        if (x == nullptr) continue;
        for (const Mention& m : x->mentions) {
          if (m.possessive &&
              (m.country == base->source.id || m.country == base->target.id))
            home = m.country;
        }
        if (!home.empty()) break;
      }
      if (home.empty() && (text_.dateline_country == base->source.id ||
                           text_.dateline_country == base->target.id)) {
        home = text_.dateline_country;
      }
    }
    if (home.empty()) continue;
    const std::string other = base->source.id == home ? base->target.id : base->source.id;
    const graph::Relation model = *base;  // relations_ grows below.
    const bool stated =
        base == &from_noun || stated_[static_cast<size_t>(base - relations_.data())];
    for (const auto& [state, amount] : RankedStates(here)) {
      if (state->country == home || state->country == other ||
          absl::c_linear_search(done, state->country)) {
        continue;
      }
      graph::Relation r = model;
      Referent home_ref, member;
      home_ref.party = home;
      member.party = state->country;
      FrameMatch none;
      const bool invests = model.type == RelationType::kInvestment;
      r.source = RefOf(none, invests ? member : home_ref, nullptr, r.date);
      r.target = RefOf(none, invests ? home_ref : member, &r.source, r.date);
      if (!invests && r.target.id < r.source.id) std::swap(r.source, r.target);
      r.attributes.erase("change_pct");
      r.attributes.erase("sector");
      r.attributes["amount"] = amount->amount;
      r.attributes["currency"] = amount->currency;
      graph::Provenance& p = r.provenance.back();
      p.quote = std::string(here.text);
      p.start = here.file_begin;
      p.end = here.file_end;
      if (explain_) {
        explained_as_.push_back(graph::RelationIdentity(r));
        explanations_[explained_as_.back()].push_back(
            absl::StrCat("rankings (relation_builder.h) \"", here.text, "\""));
      } else {
        explained_as_.emplace_back();
      }
      stated_.push_back(stated);
      relations_.push_back(std::move(r));
    }
  }
}

void RelationBuilder::Explain(const MatchContext& ctx, const graph::Relation& r) {
  if (!explain_) {  // The identity and the clause's text are for --explain only.
    explained_as_.emplace_back();
    return;
  }
  explained_as_.push_back(graph::RelationIdentity(r));
  explanations_[explained_as_.back()].push_back(
      absl::StrCat(ctx.match.frame->file, ":", ctx.match.frame->line, " \"",
                   ClauseText(ctx.sentence(), ctx.ClauseRange()), "\""));
}

void RelationBuilder::Reexplain(size_t i) {
  if (!explain_) return;
  const std::string old_key = explained_as_[i];
  explained_as_[i] = graph::RelationIdentity(relations_[i]);
  std::vector<std::string> lines = explanations_[old_key];
  if (std::count(explained_as_.begin(), explained_as_.end(), old_key) == 0) {
    explanations_.erase(old_key);
  }
  std::vector<std::string>& into = explanations_[explained_as_[i]];
  into.insert(into.end(), lines.begin(), lines.end());
}

std::vector<graph::Relation> RelationBuilder::TakeRelations() {
  for (size_t i = 0; i < relations_.size(); ++i) {
    graph::Relation& r = relations_[i];
    if (stated_[i] || r.type != RelationType::kForum) continue;
    const graph::DateWithPrecision* best = nullptr;
    for (size_t j = 0; j < relations_.size(); ++j) {
      const graph::Relation& o = relations_[j];
      if (!stated_[j] || o.type != RelationType::kForum || o.target.id != r.target.id)
        continue;
      if (best == nullptr || o.date.precision > best->precision) best = &o.date;
    }
    if (best == nullptr || *best == r.date) continue;
    r.date = *best;
    Reexplain(i);
  }
  DropHostsAsParticipants();
  OneDatePerEvent();
  return std::move(relations_);
}

// "The summit ended on Sunday ... China was represented by Li Qiang": an event of
// several days is known to its month (FitToEvent), and so is each state's part in
// it. A participant dated to a day of the month its host's line holds takes that
// month; so does every line of an event whose lines hold two days of one month
// (the text dated its parts by the days they fell on).
void RelationBuilder::OneDatePerEvent() {
  auto same_month = [](const graph::DateWithPrecision& a,
                       const graph::DateWithPrecision& b) {
    return a.year == b.year && a.month == b.month;
  };
  for (size_t i = 0; i < relations_.size(); ++i) {
    graph::Relation& r = relations_[i];
    if (r.type != RelationType::kForum ||
        r.date.precision != graph::DatePrecision::kDay) {
      continue;
    }
    for (const graph::Relation& o : relations_) {
      if (o.type != RelationType::kForum || o.target.id != r.target.id ||
          !same_month(o.date, r.date)) {
        continue;
      }
      const bool host_by_month = RoleOf(r) == "participant" && RoleOf(o).empty() &&
                                 o.date.precision == graph::DatePrecision::kMonth;
      const bool other_day =
          o.date.precision == graph::DatePrecision::kDay && o.date.day != r.date.day;
      if (!host_by_month && !other_day) continue;
      r.date = graph::DateWithPrecision::Month(r.date.year, r.date.month);
      Reexplain(i);
      break;
    }
  }
}

// True when the event's phrase calls it bilateral or names exactly two states and no
// bloc or region.
// "the CSTO summit", "the summit of the CIS": an organization does not take part in
// its own gathering, it is what gathers; an event whose name holds no other party.
// Read on the match's own phrase; BlocAtOwnSummit reads the built relation's names
// for an event the text named elsewhere.
bool RelationBuilder::OwnGathering(int s, int np, absl::string_view party) const {
  if (!absl::StartsWith(party, "org:")) return false;
  const Sentence& sentence = text_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  const TokenRange r{ph.nps[np].range.begin, ChainEnd(ph, np)};
  bool own = false;
  for (const Mention& m : sentence.mentions) {
    if (!r.Contains(m.begin)) continue;
    // "the EU-Central Asia summit" gathers the EU with others: it takes part.
    if (m.id != party && m.country != party) return false;
    own = true;
  }
  if (own || ph.nps[np].possessor_end <= ph.nps[np].range.begin) return own;
  // "leaders of the AU gathered for their annual summit": a pronoun's summit is that
  // of the body its clause names when it names no other party (places aside): not
  // "the EU and the five Central Asian republics ... at their first summit".
  const absl::string_view owner = sentence.tokens[ph.nps[np].range.begin].lower;
  if (owner != "their" && owner != "its") return false;
  const int c = sentence.parse.clause_at[ph.nps[np].head];
  for (const Mention& m : sentence.mentions) {
    if (sentence.parse.clause_at[m.begin] != c || m.kind == graph::EntityKind::kCity)
      continue;
    if (m.id != party) return false;
    own = true;
  }
  return own;
}

bool RelationBuilder::BilateralEvent(int s, int np) const {
  const Sentence& sentence = text_.sentences[s];
  const Phrases& ph = sentence.parse.phrases;
  TokenRange r = ph.nps[np].range;
  for (int pp : ph.nps[np].pps) {
    // "the summit between Prime Ministers Modi and Ishiba", "... of India and Japan".
    const bool between = sentence.tokens[ph.pps[pp].prep].LowerIs("between");
    if ((sentence.tokens[ph.pps[pp].prep].LowerIs("of") || between) &&
        ph.pps[pp].np >= 0) {
      const NounPhrase& object = ph.nps[ph.pps[pp].np];
      r.end = std::max(r.end, object.range.end);
      // "between the leaders of India and Japan": the object's own "of" phrase.
      for (int inner : object.pps) {
        if (between && sentence.tokens[ph.pps[inner].prep].LowerIs("of") &&
            ph.pps[inner].np >= 0) {
          r.end = std::max(r.end, ph.nps[ph.pps[inner].np].range.end);
        }
      }
    }
  }
  // Business forums, expos and conferences are forums whoever holds them.
  const Lexicon& x = k_.lexicon();
  const int head = ph.nps[np].head;
  if (x.MatchAt(k_.classes().bilateral_event, sentence.tokens, head, head + 1).length ==
      0) {
    return false;
  }
  std::vector<std::string> states;
  for (int k = r.begin; k < r.end; ++k) {
    if (sentence.tokens[k].LowerIs("bilateral")) return true;
  }
  // "the ministers of Japan and Korea held their third strategic dialogue": an event
  // that is "their" own, when the clause's subject names two states and nothing else.
  const NounPhrase& event = ph.nps[np];
  if (event.possessor_end > event.range.begin &&
      sentence.tokens[event.range.begin].LowerIs("their")) {
    const int subject = SubjectOf(sentence.parse, sentence.parse.clause_at[event.head]);
    if (subject >= 0 && subject != np) {
      std::vector<std::string> owners;
      for (const Referent& ref : d_.OfPhrase(s, subject, false)) {
        if (!absl::StartsWith(ref.party, "country:")) return false;
        if (std::find(owners.begin(), owners.end(), ref.party) == owners.end()) {
          owners.push_back(ref.party);
        }
      }
      if (owners.size() == 2) return true;
    }
  }
  for (const Mention& m : sentence.mentions) {
    if (m.begin < r.begin || m.end > r.end) continue;
    // A bloc or a region makes it no meeting of two; a leader stands for a state.
    const bool person = m.kind == graph::EntityKind::kPerson && !m.country.empty();
    if (m.kind != graph::EntityKind::kCountry && !person) return false;
    if (std::find(states.begin(), states.end(), m.country) == states.end()) {
      states.push_back(m.country);
    }
  }
  return states.size() == 2;
}

// "At the summit in Astana, Seoul and Astana signed ...": an event named by a
// bilateral-event noun alone, in the match's own sentence, at which two states act,
// is their meeting.
bool RelationBuilder::UnnamedEventOfTwo(const FrameMatch& match,
                                        const Referent& target) const {
  if (target.thing_sentence >= 0 && target.thing_sentence != match.sentence) return false;
  const Sentence& sentence = text_.sentences[match.sentence];
  const NounPhrase& event = sentence.parse.phrases.nps[target.thing];
  const int head = event.head;
  if (k_.lexicon()
          .MatchAt(k_.classes().bilateral_event, sentence.tokens, head, head + 1)
          .length == 0) {
    return false;
  }
  // Nothing in its phrase or its "of" phrases has a name: "a summit of Nile Basin
  // leaders" does.
  const Phrases& ph = sentence.parse.phrases;
  int end = event.range.end;
  for (int pp : event.pps) {
    if (ph.pps[pp].prep == end && sentence.tokens[end].LowerIs("of") &&
        ph.pps[pp].np >= 0)
      end = ph.nps[ph.pps[pp].np].range.end;
  }
  for (int k = event.range.begin; k < end; ++k) {
    const Token& t = sentence.tokens[k];
    if (t.capitalized || t.tag == Tag::kNumber || sentence.mention_at[k] >= 0)
      return false;
  }
  std::set<std::string> parties;
  for (const auto& [source, other] : match.pairs) {
    if (other.thing != target.thing) continue;
    if (!absl::StartsWith(source.party, "country:")) return false;
    parties.insert(source.party);
  }
  if (parties.size() != 2) return false;
  // No third state in the sentence: "Egypt hosted a virtual summit, with the
  // presidents of Sudan and South Sudan taking part" is a summit of three.
  for (const Mention& m : sentence.mentions) {
    if (!m.country.empty() && !parties.contains(m.country)) return false;
  }
  return true;
}

// "the BRICS summit": a bloc's own summit is where its members meet; the bloc
// neither hosts nor attends it.
bool RelationBuilder::BlocAtOwnSummit(const graph::Relation& r) const {
  if (r.type != RelationType::kForum || !absl::StartsWith(r.source.id, "org:")) {
    return false;
  }
  // Named by the bloc's code or name and event words alone ("event:sco-summit-2025",
  // "the Collective Security Treaty Organization summit", "the B5+1 business
  // forum"), not by a name that may have lost its second side ("the EU-Central
  // Asia summit").
  const absl::string_view code = absl::string_view(r.source.id).substr(4);
  if (absl::StartsWith(r.target.id, absl::StrCat("event:", code, "-summit-")))
    return true;
  // The text names it so itself: "their first summit" of a bloc and five states
  // is named after the bloc alone, and is theirs together.
  const std::string name = absl::AsciiStrToLower(r.target.name);
  const bool written = std::any_of(
      r.provenance.begin(), r.provenance.end(), [&](const graph::Provenance& p) {
        return absl::StrContains(absl::AsciiStrToLower(p.quote), name);
      });
  absl::string_view rest = name;
  if (!written || !(absl::ConsumePrefix(&rest, absl::AsciiStrToLower(r.source.name)) ||
                    absl::ConsumePrefix(&rest, code))) {
    return false;
  }
  rest = absl::StripAsciiWhitespace(rest);
  return !rest.empty() && k_.lexicon().Contains(k_.classes().event_noun, rest);
}

// The host of an event is not also one of its participants, and a bloc is neither
// at its own summit.
void RelationBuilder::DropHostsAsParticipants() {
  auto participant = [](const graph::Relation& r) { return RoleOf(r) == "participant"; };
  std::vector<bool> drop(relations_.size(), false);
  for (size_t i = 0; i < relations_.size(); ++i) {
    const graph::Relation& r = relations_[i];
    if (BlocAtOwnSummit(r)) {
      drop[i] = true;
      continue;
    }
    if (r.type != RelationType::kForum || !participant(r)) continue;
    for (const graph::Relation& o : relations_) {
      if (o.type == RelationType::kForum && !participant(o) &&
          o.source.id == r.source.id && o.target.id == r.target.id) {
        drop[i] = true;
        break;
      }
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < relations_.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) {
      relations_[kept] = std::move(relations_[i]);
      explained_as_[kept] = std::move(explained_as_[i]);
      stated_[kept] = stated_[i];
    }
    ++kept;
  }
  relations_.resize(kept);
  explained_as_.resize(kept);
  stated_.resize(kept);
}

std::vector<graph::Entity> RelationBuilder::Entities() const {
  std::vector<graph::Entity> out;
  std::vector<std::string> seen;
  auto add = [&](const graph::EntityRef& r) {
    if (std::find(seen.begin(), seen.end(), r.id) != seen.end()) return;
    seen.push_back(r.id);
    if (const graph::Entity* e = g_.FindById(r.id)) {
      out.push_back(*e);
      return;
    }
    for (const graph::Entity& e : adhoc_) {
      if (e.id == r.id) {
        out.push_back(e);
        return;
      }
    }
    graph::Entity e;
    e.id = r.id;
    e.name = r.name;
    e.kind = r.kind;
    out.push_back(std::move(e));
  };
  for (const graph::Relation& r : relations_) {
    add(r.source);
    add(r.target);
  }
  return out;
}

}  // namespace entente::importers::internal
