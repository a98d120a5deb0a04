#include "importers/internal/clauses.h"

#include "gtest/gtest.h"
#include "importers/internal/tagger.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

struct Parsed {
  std::vector<Token> tokens;
  SentenceParse parse;

  std::string Text(TokenRange r) const {
    std::string out;
    for (int i = r.begin; i < r.end; ++i) {
      if (!out.empty()) out.push_back(' ');
      out.append(tokens[i].text.data(), tokens[i].text.size());
    }
    return out;
  }
  // The words of noun phrase `np`; "" for -1.
  std::string Phrase(int np) const {
    return np < 0 ? "" : Text(parse.phrases.nps[np].range);
  }
  // The clause whose verb group holds the token spelled `verb`; -1 when none.
  int ClauseOf(absl::string_view verb) const {
    for (size_t c = 0; c < parse.clauses.size(); ++c) {
      int v = parse.clauses[c].verb;
      if (v < 0) continue;
      TokenRange r = parse.phrases.verbs[v].range;
      for (int i = r.begin; i < r.end; ++i) {
        if (tokens[i].text == verb) return static_cast<int>(c);
      }
    }
    return -1;
  }
  int TokenIndex(absl::string_view word) const {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].text == word) return static_cast<int>(i);
    }
    return -1;
  }
};

Parsed Parse(absl::string_view text, bool quoted_before = false) {
  Parsed p;
  p.tokens = Tokenize(text, 0);
  TagTokens(testing::SharedKnowledge().lexicon(), p.tokens);
  p.parse = ParseSentence(p.tokens, {}, std::vector<bool>(1, quoted_before));
  return p;
}

TEST(ParseSentence, AMainClauseHasItsSubjectAndObject) {
  Parsed p = Parse("Modi visits Brazil.");
  int c = p.ClauseOf("visits");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kMain);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].subject), "Modi");
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "Brazil");
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, c)), "Brazil");
}

TEST(ParseSentence, AnOpeningPassiveParticiplesObjectIsTheMainSubject) {
  Parsed p = Parse("Founded in 2008 by Chad and Niger, the commission meets yearly.");
  int c = p.ClauseOf("Founded");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kParticipial);
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, c)), "the commission");
}

TEST(ParseSentence, AnObjectFollowsPhrasesSetOffByCommasAfterItsVerb) {
  Parsed p = Parse("Chile suspended, with immediate effect, the sale of gas to Peru.");
  int c = p.ClauseOf("suspended");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "the sale");
  // A phrase after its own verb with no comma before it is no such aside.
  Parsed q = Parse("Chile met with the minister, the envoy said.");
  int d = q.ClauseOf("met");
  ASSERT_GE(d, 0);
  EXPECT_NE(q.Phrase(q.parse.clauses[d].object), "the envoy");
}

TEST(ParseSentence, ATensedVerbAfterARelativeOnASaidObjectIsWhatWasSaid) {
  for (absl::string_view text :
       {"Chile said the pact that the two governments signed in 2019 has lapsed.",
        "Chile said the pact the two governments signed in 2019 has lapsed."}) {
    Parsed p = Parse(text);
    const int lapsed = p.ClauseOf("has");
    const int signed_ = p.ClauseOf("signed");
    ASSERT_GE(lapsed, 0) << text;
    ASSERT_GE(signed_, 0) << text;
    EXPECT_EQ(p.parse.clauses[lapsed].kind, ClauseKind::kSubordinate) << text;
    EXPECT_TRUE(p.parse.clauses[lapsed].content) << text;
    EXPECT_EQ(p.Phrase(p.parse.clauses[lapsed].subject), "the pact") << text;
    // The relative clause ends before it, so its date is its own.
    EXPECT_EQ(p.parse.clause_at[p.TokenIndex("2019")], signed_) << text;
  }
  // After a verb that takes no clause, the second verb is no such clause.
  Parsed q = Parse("Chile hailed the pact that Peru signed in 2019.");
  EXPECT_EQ(q.parse.clauses[q.ClauseOf("signed")].kind, ClauseKind::kRelative);
}

TEST(ParseSentence, APastFormSetOffAfterTheSubjectIsAParticipleWhenAVerbFollows) {
  for (absl::string_view text :
       {"A pact between Chile and Peru, signed last month, entered into force.",
        "A pact on fish between Chile and Peru, signed in March, came into force."}) {
    Parsed p = Parse(text);
    const int signed_ = p.ClauseOf("signed");
    ASSERT_GE(signed_, 0) << text;
    EXPECT_EQ(p.parse.clauses[signed_].kind, ClauseKind::kParticipial) << text;
    EXPECT_EQ(p.Phrase(p.parse.clauses[signed_].antecedent_top), "A pact") << text;
    const int main = p.parse.clauses[signed_].parent;
    ASSERT_GE(main, 0) << text;
    EXPECT_EQ(p.parse.clauses[main].kind, ClauseKind::kMain) << text;
    EXPECT_EQ(p.Phrase(p.parse.clauses[main].subject), "A pact") << text;
  }
  // A past form with an object of its own is the main verb.
  Parsed q = Parse("Chile, in turn, signed a pact, officials said.");
  EXPECT_EQ(q.parse.clauses[q.ClauseOf("signed")].kind, ClauseKind::kMain);
}

TEST(ParseSentence, AGerundAfterPraiseAndOnIsDoneByThePraisedObject) {
  Parsed p = Parse("Chile congratulated Peru on joining the alliance.");
  int c = p.ClauseOf("joining");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "Peru");
  // A verb of no praise keeps its own subject for the gerund.
  Parsed q = Parse("Chile insisted on joining the alliance.");
  int d = q.ClauseOf("joining");
  ASSERT_GE(d, 0);
  EXPECT_EQ(q.Phrase(SubjectOf(q.parse, d)), "Chile");
}

TEST(ParseSentence, AVerbOfSpeechRightAfterAQuoteHasItsSpeakerAfterIt) {
  Parsed p = Parse("\"We signed a pact,\" said the Peruvian minister on Monday.");
  int c = p.ClauseOf("said");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].subject), "the Peruvian minister");
  EXPECT_EQ(p.parse.clauses[c].object, -1);
  // Not after a comma outside a quote: "..., said X" keeps its reading.
  Parsed q = Parse("Chile signed a pact with Peru, said the minister.");
  int d = q.ClauseOf("said");
  ASSERT_GE(d, 0);
  EXPECT_EQ(q.parse.clauses[d].subject, -1);
}

TEST(ParseSentence, AClauseAfterAndKeepsItsOpeningTimePhrase) {
  Parsed p = Parse(
      "In May, Latvia recalled its envoy, and in June last year it froze a treaty.");
  const int first = p.ClauseOf("recalled");
  const int second = p.ClauseOf("froze");
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  EXPECT_EQ(p.parse.clauses[second].kind, ClauseKind::kCoordinate);
  // "in June last year" opens the second clause, not the end of the first.
  EXPECT_EQ(p.parse.clauses[second].range.begin, p.TokenIndex("June") - 1);
  EXPECT_LT(p.parse.clauses[first].range.end, p.TokenIndex("June"));
}

TEST(ParseSentence, AParticipleAfterAnInsertedReportDescribesTheReportedClause) {
  Parsed p = Parse(
      "Canada extended its tariffs on Friday, officials said, keeping duties in place.");
  const int keeping = p.ClauseOf("keeping");
  ASSERT_GE(keeping, 0);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, keeping)), "Canada");
  // Not "said after hosting X": the speaker did that.
  Parsed q = Parse("Trade grew, the president said after hosting the premier.");
  const int hosting = q.ClauseOf("hosting");
  ASSERT_GE(hosting, 0);
  EXPECT_NE(q.Phrase(SubjectOf(q.parse, hosting)), "Trade");
}

TEST(ParseSentence, AnAdverbLedNounBetweenCommasIsNoSubject) {
  Parsed p = Parse("Trade with Japan, mostly copper, came to $11 billion.");
  const int came = p.ClauseOf("came");
  ASSERT_GE(came, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[came].subject), "Trade");
}

TEST(ParseSentence, AfterAnOpeningPhraseOfAppositionsTheSubjectStandsBeforeTheVerb) {
  Parsed p = Parse(
      "At the invitation of the President of Ghana, John Mahama, the Prime Minister "
      "of Portugal, Luis Montenegro, paid an official visit to Ghana.");
  int c = p.ClauseOf("paid");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].subject), "Luis Montenegro");
}

TEST(ParseSentence, AndThatOpensASecondContentClauseOfTheSameVerb) {
  Parsed p = Parse(
      "Lula recalled that the two countries had opened embassies in 1975 and that "
      "the trade pact had expired in 2020.");
  int first = p.ClauseOf("opened");
  int second = p.ClauseOf("expired");
  int main = p.ClauseOf("recalled");
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  EXPECT_NE(first, second);
  EXPECT_EQ(p.parse.clauses[first].parent, main);
  EXPECT_EQ(p.parse.clauses[second].parent, main);
  EXPECT_EQ(p.Phrase(p.parse.clauses[second].subject), "the trade pact");
}

TEST(ParseSentence, AMainVerbAfterARelativeWithoutPronounAndAnAdverbResumesTheMain) {
  Parsed p = Parse("The levy Chile imposed on fruit in May last year still applies.");
  int main = p.ClauseOf("applies");
  int relative = p.ClauseOf("imposed");
  ASSERT_GE(main, 0);
  ASSERT_GE(relative, 0);
  EXPECT_EQ(p.parse.clauses[main].kind, ClauseKind::kMain);
  EXPECT_EQ(p.Phrase(p.parse.clauses[main].subject), "The levy");
  EXPECT_EQ(p.parse.clauses[relative].kind, ClauseKind::kRelative);
  EXPECT_EQ(p.Phrase(p.parse.clauses[relative].antecedent), "The levy");
}

TEST(ParseSentence, APassiveClauseActsOnItsSubject) {
  Parsed p = Parse("The accord was signed by Chile.");
  int c = p.ClauseOf("signed");
  ASSERT_GE(c, 0);
  EXPECT_TRUE(p.parse.phrases.verbs[p.parse.clauses[c].verb].passive);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "The accord");
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, c)), "The accord");
  ASSERT_EQ(p.parse.clauses[c].pps.size(), 1u);
  EXPECT_EQ(p.Text(p.parse.phrases.pps[p.parse.clauses[c].pps[0]].range), "by Chile");
}

TEST(ParseSentence, AnObjectMayFollowAWithPhrase) {
  Parsed p = Parse("Ghana's president signed with Togo a memorandum on power.");
  int c = p.ClauseOf("signed");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "a memorandum");
}

TEST(ParseSentence, APastVerbAfterAndContinuesAnActiveVerb) {
  Parsed p = Parse("The minister travelled to Accra and signed with Ghana a memorandum.");
  int c = p.ClauseOf("signed");
  ASSERT_GE(c, 0);
  EXPECT_FALSE(p.parse.phrases.verbs[p.parse.clauses[c].verb].passive);
  Parsed q = Parse("The treaty was negotiated in 2019 and signed in 2021.");
  int d = q.ClauseOf("signed");
  ASSERT_GE(d, 0);
  EXPECT_TRUE(q.parse.phrases.verbs[q.parse.clauses[d].verb].passive);
}

TEST(ParseSentence, ARelativeClauseDescribesItsAntecedent) {
  Parsed p = Parse("The forum, which opened on Monday, ended.");
  int c = p.ClauseOf("opened");
  ASSERT_GE(c, 0);
  const Clause& relative = p.parse.clauses[c];
  EXPECT_EQ(relative.kind, ClauseKind::kRelative);
  EXPECT_EQ(p.Phrase(relative.antecedent), "The forum");
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "The forum");
  EXPECT_EQ(p.tokens[relative.subordinator].text, "which");
  EXPECT_EQ(p.parse.clauses[relative.parent].kind, ClauseKind::kMain);
}

// Today the relative clause's range runs on over ", ended", so clause_at gives the
// main verb's token to the relative clause.
TEST(ParseSentence, TheVerbAfterARelativeClauseBelongsToTheMainClause) {
  Parsed p = Parse("The forum, which opened on Monday, ended.");
  int ended = p.TokenIndex("ended");
  int main = p.ClauseOf("ended");
  ASSERT_GE(main, 0);
  EXPECT_EQ(p.parse.clause_at[ended], main);
  EXPECT_FALSE(p.parse.clauses[p.ClauseOf("opened")].range.Contains(ended));
}

TEST(ParseSentence, ARelativeClauseWithItsOwnSubjectActsOnItsAntecedent) {
  Parsed p = Parse("Peru praised the deal the two countries concluded.");
  int c = p.ClauseOf("concluded");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kRelative);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "the two countries");
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, c)), "the deal");
}

TEST(ParseSentence, AVerbJoinedByAndInsideASubordinateClauseSharesItsSubject) {
  Parsed p = Parse(
      "The deal was closed on Monday, when Boric flew to Lima and held talks with "
      "his hosts.");
  int held = p.ClauseOf("held");
  ASSERT_GE(held, 0);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, held)), "Boric");
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, p.ClauseOf("flew"))), "Boric");
}

TEST(ParseSentence, ATensedVerbAfterACommaContinuesTheSubjectsList) {
  Parsed p = Parse(
      "Boric chose Peru for his first trip abroad, held talks with Boluarte and "
      "signed an accord.");
  int held = p.ClauseOf("held");
  ASSERT_GE(held, 0);
  EXPECT_EQ(p.parse.clauses[held].kind, ClauseKind::kCoordinate);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, held)), "Boric");
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, p.ClauseOf("signed"))), "Boric");
  // A participle after a comma describes the phrase before it.
  Parsed q = Parse("The accord, signed in 2009, lapsed.");
  EXPECT_NE(q.parse.clauses[q.ClauseOf("signed")].kind, ClauseKind::kCoordinate);
}

TEST(ParseSentence, APhraseAndAVerbAfterTheFirstPhraseAreARelativeWithoutPronoun) {
  Parsed p = Parse("The deal the two sides signed in 2016 has lapsed.");
  int signed_clause = p.ClauseOf("signed");
  ASSERT_GE(signed_clause, 0);
  EXPECT_EQ(p.parse.clauses[signed_clause].kind, ClauseKind::kRelative);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, signed_clause)), "the two sides");
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, signed_clause)), "The deal");
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, p.ClauseOf("lapsed"))), "The deal");
  // A time phrase first is no antecedent.
  Parsed q = Parse("Last week the two sides signed a deal.");
  EXPECT_EQ(q.parse.clauses[q.ClauseOf("signed")].kind, ClauseKind::kMain);
}

TEST(ParseSentence, OnlyAVerbOfSayingOrThinkingTakesAClauseWithoutThat) {
  Parsed said = Parse("Officials said talks could resume.");
  int resume = said.ClauseOf("resume");
  ASSERT_GE(resume, 0);
  EXPECT_TRUE(said.parse.clauses[resume].content);
  EXPECT_EQ(said.Phrase(SubjectOf(said.parse, resume)), "talks");
  // "invest" takes no clause: "announced" describes the deal.
  Parsed invest =
      Parse("Korea will invest $5 billion in Chile under a deal announced on Tuesday.");
  int announced = invest.ClauseOf("announced");
  ASSERT_GE(announced, 0);
  EXPECT_FALSE(invest.parse.clauses[announced].content);
  EXPECT_EQ(invest.parse.clauses[announced].kind, ClauseKind::kParticipial);
  EXPECT_EQ(invest.Phrase(invest.parse.clauses[announced].antecedent), "a deal");
  EXPECT_NE(invest.Phrase(SubjectOf(invest.parse, announced)), "$ 5 billion");
}

TEST(ParseSentence, ACoordinatedClauseSharesTheSubject) {
  Parsed p = Parse("Peru signed the accord and ratified it.");
  int c = p.ClauseOf("ratified");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kCoordinate);
  EXPECT_TRUE(p.parse.clauses[c].shares_subject);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "Peru");
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "it");
}

TEST(ParseSentence, AnInfinitiveComplementSharesItsParentsSubject) {
  Parsed p = Parse("Ghana agreed to raise tariffs.");
  int c = p.ClauseOf("raise");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kComplement);
  EXPECT_EQ(p.parse.clauses[c].parent, p.ClauseOf("agreed"));
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "Ghana");
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "tariffs");
}

TEST(ParseSentence, APassiveParticipleDescribesThePhraseBeforeIt) {
  Parsed p = Parse("The treaty, signed in 2009, expired.");
  int c = p.ClauseOf("signed");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses[c].kind, ClauseKind::kParticipial);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].antecedent), "The treaty");
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, c)), "The treaty");
}

TEST(ParseSentence, QuotedSpeechIsLinkedToTheClauseThatSaysIt) {
  Parsed p = Parse("\u201cWe will sign the deal,\u201d the minister said.");
  int quoted = p.ClauseOf("sign");
  int said = p.ClauseOf("said");
  ASSERT_GE(quoted, 0);
  ASSERT_GE(said, 0);
  EXPECT_TRUE(p.parse.clauses[quoted].quoted);
  EXPECT_FALSE(p.parse.clauses[said].quoted);
  EXPECT_EQ(p.parse.clauses[quoted].speech, said);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, said)), "the minister");
}

TEST(ParseSentence, AFewQuotedWordsWithoutAVerbInsideAClauseAreNoSpeech) {
  Parsed p = Parse("Peru condemned \"in the strongest terms\" the attack on Chile.");
  int c = p.ClauseOf("condemned");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses.size(), 1u);
  EXPECT_FALSE(p.parse.clauses[c].quoted);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "the attack");
  // Words with a verb are speech.
  Parsed q = Parse("Peru said \"we will sign\" the deal.");
  int sign = q.ClauseOf("sign");
  ASSERT_GE(sign, 0);
  EXPECT_TRUE(q.parse.clauses[sign].quoted);
}

TEST(ParseSentence, AVerbInScareQuotesKeepsItsObject) {
  Parsed p = Parse("Peru \"strongly condemned\" the attack on Chile.");
  int c = p.ClauseOf("condemned");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.parse.clauses.size(), 1u);
  EXPECT_FALSE(p.parse.clauses[c].quoted);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "the attack");
}

TEST(ParseSentence, AnObjectAfterATimePhraseIsTheVerbsObject) {
  Parsed p = Parse("Peru announced on Tuesday the recall of its envoy.");
  int c = p.ClauseOf("announced");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "the recall");
  // A place is no time: "arrived in Lima the day before" has no object.
  Parsed q = Parse("Peru arrived in Lima the day before.");
  int d = q.ClauseOf("arrived");
  ASSERT_GE(d, 0);
  EXPECT_EQ(q.parse.clauses[d].object, -1);
}

TEST(ParseSentence, ANamedObjectAfterAPlaceIsTheVerbsObject) {
  Parsed p = Parse("Peru received at the palace the Minister of Chile.");
  int c = p.ClauseOf("received");
  ASSERT_GE(c, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[c].object), "the Minister");
  // A common noun there is no shifted object.
  Parsed q = Parse("Peru arrived at the palace the next morning.");
  int d = q.ClauseOf("arrived");
  ASSERT_GE(d, 0);
  EXPECT_EQ(q.parse.clauses[d].object, -1);
}

TEST(ParseSentence, AQuoteOpenedInAnEarlierSentenceGoesOnUntilItCloses) {
  Parsed p =
      Parse("Our ties will grow,\u201d the minister said.", /*quoted_before=*/true);
  int quoted = p.ClauseOf("grow");
  int said = p.ClauseOf("said");
  ASSERT_GE(quoted, 0);
  ASSERT_GE(said, 0);
  EXPECT_TRUE(p.parse.clauses[quoted].quoted);
  EXPECT_EQ(p.parse.clauses[quoted].speech, said);
}

TEST(ParseSentence, AThatlessContentClauseIsWhatTheSpeechVerbSays) {
  Parsed p = Parse("Ghana said talks could resume.");
  int c = p.ClauseOf("resume");
  ASSERT_GE(c, 0);
  EXPECT_TRUE(p.parse.clauses[c].content);
  EXPECT_EQ(p.parse.clauses[c].speech, p.ClauseOf("said"));
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, c)), "talks");
}

// Today the speech clause after a quote is read as a relative clause ("the deal the
// two countries concluded"), with the quoted clause as its parent.
TEST(ParseSentence, ASpeechClauseAfterAQuoteIsNoRelativeClause) {
  Parsed p = Parse("\u201cWe will sign the deal,\u201d the minister said.");
  int said = p.ClauseOf("said");
  ASSERT_GE(said, 0);
  EXPECT_NE(p.parse.clauses[said].kind, ClauseKind::kRelative);
  EXPECT_EQ(p.parse.clauses[said].antecedent, -1);
}

TEST(ParseSentence, AParticipleSetOffInAContentClauseDescribesItsSubject) {
  Parsed p = Parse("Officials said that the treaty, signed in May, has lifted trade.");
  int signed_clause = p.ClauseOf("signed");
  int lifted = p.ClauseOf("lifted");
  ASSERT_GE(signed_clause, 0);
  ASSERT_GE(lifted, 0);
  EXPECT_EQ(p.parse.clauses[signed_clause].kind, ClauseKind::kParticipial);
  EXPECT_EQ(p.parse.clauses[lifted].kind, ClauseKind::kSubordinate);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, lifted)), "the treaty");
}

TEST(ParseSentence, AnAdverbialClauseEndsAtTheCommaBeforeTheMainSubject) {
  Parsed p = Parse(
      "Although Peru values its independence, its pact with Chile, in force since 2019, "
      "has grown.");
  int grown = p.ClauseOf("grown");
  ASSERT_GE(grown, 0);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, grown)), "its pact");
  EXPECT_EQ(p.parse.clauses[p.ClauseOf("values")].range.end,
            p.TokenIndex("independence") + 1);
}

TEST(ParseSentence, ATimeAfterAndOpensAJoinedClauseNotARelative) {
  Parsed p = Parse("Trade has grown since 2010, and last year it reached a record.");
  int reached = p.ClauseOf("reached");
  ASSERT_GE(reached, 0);
  EXPECT_EQ(p.parse.clauses[reached].kind, ClauseKind::kCoordinate);
  EXPECT_EQ(p.parse.clauses[reached].antecedent, -1);
  // A time noun with a clause of its own still is one: "the year they met".
  Parsed q = Parse("It was the year the two leaders met.");
  int met = q.ClauseOf("met");
  ASSERT_GE(met, 0);
  EXPECT_EQ(q.parse.clauses[met].kind, ClauseKind::kRelative);
}

TEST(ParseSentence, AnObjectShiftedPastPhrasesSetOffByCommas) {
  Parsed p = Parse(
      "The Council decided to extend by six months, until 1 May 2026, the "
      "measures against Mali.");
  int extend = p.ClauseOf("extend");
  ASSERT_GE(extend, 0);
  EXPECT_EQ(p.Phrase(p.parse.clauses[extend].object), "the measures");
  // In a relative clause the object is the antecedent: the phrase after the comma
  // describes it.
  Parsed q =
      Parse("They updated the pact that Chile signed in 2002, the first such pact.");
  int signed_clause = q.ClauseOf("signed");
  ASSERT_GE(signed_clause, 0);
  EXPECT_NE(q.Phrase(q.parse.clauses[signed_clause].object), "the first such pact");
}

TEST(ParseSentence, ANameAfterThePlaceAndTheTimeIsTheVerbsObject) {
  Parsed p = Parse(
      "Prince Ali, the Crown Prince, received at the Royal Palace in Amman "
      "today President Kais Saied, who arrived on an official visit.");
  int received = p.ClauseOf("received");
  ASSERT_GE(received, 0);
  EXPECT_EQ(p.parse.clauses[received].kind, ClauseKind::kMain);
  EXPECT_EQ(p.Phrase(p.parse.clauses[received].object), "President Kais Saied");
}

TEST(ParseSentence, AnAdverbAfterTheCommaOfAListOfActsChangesNothing) {
  Parsed p = Parse(
      "Canada froze the assets of six officials on Monday, also banned the sale of "
      "drones to Iran, and recalled its envoy.");
  int banned = p.ClauseOf("banned");
  ASSERT_GE(banned, 0);
  EXPECT_EQ(p.parse.clauses[banned].kind, ClauseKind::kCoordinate);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, banned)), "Canada");
  EXPECT_EQ(p.Phrase(p.parse.clauses[banned].object), "the sale");
}

TEST(ParseSentence, APastFormAfterAndJoinsTheClauseAboveAGerund) {
  Parsed p = Parse(
      "The minister thanked Peru for hosting the talks and praised Chile for its help.");
  int praised = p.ClauseOf("praised");
  ASSERT_GE(praised, 0);
  EXPECT_EQ(p.parse.clauses[praised].kind, ClauseKind::kCoordinate);
  EXPECT_EQ(p.Phrase(SubjectOf(p.parse, praised)), "The minister");
}

TEST(ParseSentence, CommaAndANewSubjectAfterAnAdverbialClauseJoinTheMainClause) {
  Parsed p = Parse(
      "The treaty was signed after talks ended in Lima, and six deals were exchanged.");
  int exchanged = p.ClauseOf("exchanged");
  ASSERT_GE(exchanged, 0);
  EXPECT_EQ(p.parse.clauses[exchanged].kind, ClauseKind::kCoordinate);
  // A content clause keeps its second half: "said that X ..., and Y ...".
  Parsed q = Parse("Officials said that talks ended in Lima, and six deals were signed.");
  int signed_clause = q.ClauseOf("signed");
  ASSERT_GE(signed_clause, 0);
  EXPECT_NE(q.parse.clauses[signed_clause].kind, ClauseKind::kCoordinate);
}

TEST(ParseSentence, ATensedVerbRightAfterASubjectRelativeIsTheOuterClauses) {
  Parsed p = Parse("The leaders who attended were Ruto and Faye.");
  int were = p.ClauseOf("were");
  int attended = p.ClauseOf("attended");
  ASSERT_GE(were, 0);
  ASSERT_GE(attended, 0);
  EXPECT_EQ(p.parse.clauses[were].kind, ClauseKind::kMain);
  EXPECT_EQ(p.parse.clauses[attended].kind, ClauseKind::kRelative);
  EXPECT_EQ(p.parse.clauses[attended].parent, were);
}

TEST(ParseSentence, AVerbOfSayingBeforeAPronounAndItsVerbIsNoZeroRelative) {
  Parsed p = Parse("The carmaker Chery said it would invest in Serbia.");
  int said = p.ClauseOf("said");
  int invest = p.ClauseOf("invest");
  ASSERT_GE(said, 0);
  ASSERT_GE(invest, 0);
  EXPECT_EQ(p.parse.clauses[said].kind, ClauseKind::kMain);
  EXPECT_EQ(p.Phrase(p.parse.clauses[said].subject), "Chery");
  EXPECT_EQ(p.parse.clauses[invest].parent, said);
  EXPECT_EQ(p.Phrase(p.parse.clauses[invest].subject), "it");
}

TEST(ParseSentence, AZeroRelativeOfSayingStillHasItsOwnVerbLater) {
  Parsed p = Parse("The deal Peru said it signed has lapsed.");
  int said = p.ClauseOf("said");
  ASSERT_GE(said, 0);
  EXPECT_EQ(p.parse.clauses[said].kind, ClauseKind::kRelative);
}

TEST(ParseSentence, SaidOnADayBeforeAPronounAndItsVerbIsTensed) {
  Parsed p = Parse("The ministry said on Tuesday it would invest in Poland.");
  int said = p.ClauseOf("said");
  int invest = p.ClauseOf("invest");
  ASSERT_GE(said, 0);
  ASSERT_GE(invest, 0);
  EXPECT_EQ(p.parse.clauses[said].kind, ClauseKind::kMain);
  EXPECT_EQ(p.Phrase(p.parse.clauses[said].subject), "The ministry");
  EXPECT_EQ(p.parse.clauses[invest].parent, said);
}

TEST(ParseSentence, AParticipleAfterACommaAndAnAdverbDescribesThePhraseBefore) {
  Parsed p = Parse("Canada prolonged its sanctions, first imposed in 2007, for a year.");
  int imposed = p.ClauseOf("imposed");
  ASSERT_GE(imposed, 0);
  EXPECT_EQ(p.parse.clauses[imposed].kind, ClauseKind::kParticipial);
  EXPECT_EQ(p.Phrase(LogicalObject(p.parse, imposed)), "its sanctions");
}

}  // namespace
}  // namespace entente::importers::internal
