#include "importers/internal/phrases.h"

#include <algorithm>

#include "gtest/gtest.h"
#include "importers/internal/tagger.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

struct Parsed {
  std::vector<Token> tokens;
  Phrases phrases;

  // The words of tokens [r.begin, r.end), joined by spaces.
  std::string Text(TokenRange r) const {
    std::string out;
    for (int i = r.begin; i < r.end; ++i) {
      if (!out.empty()) out.push_back(' ');
      out.append(tokens[i].text.data(), tokens[i].text.size());
    }
    return out;
  }
  // The noun phrase that starts at the token spelled `word`; -1 when none.
  int PhraseAt(absl::string_view word) const {
    for (size_t n = 0; n < phrases.nps.size(); ++n) {
      if (tokens[phrases.nps[n].range.begin].text == word) return static_cast<int>(n);
    }
    return -1;
  }
  std::vector<std::string> Conjuncts(int np) const {
    std::vector<std::string> out;
    for (TokenRange r : phrases.nps[np].conjuncts) out.push_back(Text(r));
    return out;
  }
};

// Tags and parses `text`. `names` are entity mentions as token ranges [begin, end),
// given to FindPhrases as the item reader gives them (atom_end[begin] = end).
Parsed Parse(absl::string_view text, std::vector<std::pair<int, int>> names = {}) {
  Parsed p;
  p.tokens = Tokenize(text, 0);
  TagTokens(testing::SharedKnowledge().lexicon(), p.tokens);
  std::vector<int> atom_end(p.tokens.size(), 0);
  for (auto [begin, end] : names) atom_end[begin] = end;
  p.phrases = FindPhrases(p.tokens, atom_end);
  return p;
}

// Whether any verb group of the parse is passive.
bool AnyPassive(const Parsed& p) {
  return std::any_of(p.phrases.verbs.begin(), p.phrases.verbs.end(),
                     [](const VerbGroup& g) { return g.passive; });
}

TEST(FindPhrases, ACoordinatedListIsOnePhraseWithOneConjunctPerItem) {
  Parsed p = Parse("Exports of coal, copper and gold rose.");
  int list = p.PhraseAt("coal");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[list].range), "coal , copper and gold");
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"coal", "copper", "gold"}));
  EXPECT_EQ(p.tokens[p.phrases.nps[list].head].text, "coal");
}

// Today a list of one-word names joined by a bare "and" is read as one name (the
// "Belt and Road" rule), because FindPhrases sees no atom for a one-word mention:
// one conjunct "Chile , Peru and Ghana".
TEST(FindPhrases, AListOfTitledNamesEndsWithANounAndItsOfName) {
  Parsed p = Parse(
      "They were joined by President Ruto of Kenya, Rwanda's President Kagame and the "
      "prime minister of Ethiopia.");
  int list = p.PhraseAt("President");
  ASSERT_GE(list, 0);
  EXPECT_EQ(
      p.Conjuncts(list),
      (std::vector<std::string>{"President Ruto of Kenya", "Rwanda 's President Kagame",
                                "the prime minister of Ethiopia"}));
}

TEST(FindPhrases, AnOpeningPrepositionsObjectStaysOutOfTheListAfterIt) {
  Parsed p = Parse("According to the ministry, Chile and Peru signed a treaty.");
  int list = p.PhraseAt("Chile");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru"}));
  int ministry = p.PhraseAt("the");
  ASSERT_GE(ministry, 0);
  EXPECT_EQ(p.Conjuncts(ministry), (std::vector<std::string>{"the ministry"}));
}

TEST(FindPhrases, AMeasureOfTimeBeforeAnOpeningAfterLeavesItsObjectOutOfTheList) {
  Parsed p = Parse("A week after the vote, Chile and Peru signed a treaty.");
  int list = p.PhraseAt("Chile");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru"}));
  // A noun before "of" opens no such phrase: its list stays whole.
  Parsed q = Parse("The ministers of Chile, Peru and Bolivia signed a treaty.");
  int names = q.PhraseAt("Chile");
  ASSERT_GE(names, 0);
  EXPECT_EQ(q.Conjuncts(names), (std::vector<std::string>{"Chile", "Peru", "Bolivia"}));
}

TEST(FindPhrases, ANameBetweenANounAndItsVerbStartsAPhrase) {
  Parsed p = Parse("Two years ago Kenya signed the accord with Ghana.");
  int kenya = p.PhraseAt("Kenya");
  ASSERT_GE(kenya, 0);
  EXPECT_EQ(p.Conjuncts(kenya), (std::vector<std::string>{"Kenya"}));
}

TEST(FindPhrases, CommaAndBeforeAClauseWithPrepositionsJoinsNoList) {
  Parsed p = Parse(
      "They mark the anniversary of relations, and officials on both sides are "
      "preparing events.");
  int relations = p.PhraseAt("relations");
  ASSERT_GE(relations, 0);
  EXPECT_EQ(p.Conjuncts(relations), (std::vector<std::string>{"relations"}));
}

TEST(FindPhrases, TheLeadersOfAListKeepTheListInTheirOfPhrase) {
  Parsed p = Parse("The leaders of Chile, Peru and Ghana met.");
  int leaders = p.PhraseAt("The");
  int list = p.PhraseAt("Chile");
  ASSERT_GE(leaders, 0);
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(leaders), (std::vector<std::string>{"The leaders"}));
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru", "Ghana"}));
}

TEST(FindPhrases, AListOfOneWordNamesIsOnePhraseWithThreeConjuncts) {
  Parsed p =
      Parse("Lima hosted Chile, Peru and Ghana.", {{0, 1}, {2, 3}, {4, 5}, {6, 7}});
  int list = p.PhraseAt("Chile");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru", "Ghana"}));
}

TEST(FindPhrases, AListWithASerialCommaIsOnePhraseWithThreeConjuncts) {
  Parsed p =
      Parse("Lima hosted Chile, Peru, and Ghana.", {{0, 1}, {2, 3}, {4, 5}, {7, 8}});
  int list = p.PhraseAt("Chile");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru", "Ghana"}));
}

TEST(FindPhrases, ANamesAndInsideCapitalizedWordsKeepsOneName) {
  Parsed p = Parse("Delegates gathered at the Belt and Road Forum in Beijing.");
  int forum = p.PhraseAt("the");
  ASSERT_GE(forum, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[forum].range), "the Belt and Road Forum");
  EXPECT_EQ(p.phrases.nps[forum].conjuncts.size(), 1u);
  EXPECT_EQ(p.tokens[p.phrases.nps[forum].head].text, "Forum");
}

TEST(FindPhrases, AMultiWordNameIsNeverSplit) {
  // "Organization of Turkic States" is one mention: its "of" opens no phrase.
  Parsed p = Parse("Leaders of the Organization of Turkic States met.", {{3, 7}});
  int org = p.PhraseAt("the");
  ASSERT_GE(org, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[org].range), "the Organization of Turkic States");
  EXPECT_EQ(p.tokens[p.phrases.nps[org].head].text, "States");
  ASSERT_EQ(p.phrases.pps.size(), 1u);
  EXPECT_EQ(p.phrases.pps[0].prep, 1);
}

TEST(FindPhrases, APossessorEndsAfterItsApostropheS) {
  Parsed p =
      Parse("Xavier Mendes's first state visit to Angola ended.", {{0, 2}, {7, 8}});
  ASSERT_FALSE(p.phrases.nps.empty());
  const NounPhrase& visit = p.phrases.nps[0];
  EXPECT_EQ(p.Text({visit.range.begin, visit.possessor_end}), "Xavier Mendes 's");
  EXPECT_EQ(p.tokens[visit.head].text, "visit");
}

TEST(FindPhrases, APrepositionalPhraseAttachesToThePhraseBeforeIt) {
  Parsed p = Parse("The visit to Angola by Chile's minister ended.", {{3, 4}, {5, 6}});
  int visit = p.PhraseAt("The");
  int angola = p.PhraseAt("Angola");
  ASSERT_GE(visit, 0);
  ASSERT_GE(angola, 0);
  ASSERT_EQ(p.phrases.nps[visit].pps.size(), 1u);
  const PrepPhrase& to = p.phrases.pps[p.phrases.nps[visit].pps[0]];
  EXPECT_EQ(PrepositionOf(p.tokens, to), "to");
  EXPECT_EQ(to.np, angola);
  EXPECT_EQ(to.attached_np, visit);
  EXPECT_EQ(p.phrases.nps[angola].pp, p.phrases.nps[visit].pps[0]);
  ASSERT_EQ(p.phrases.nps[angola].pps.size(), 1u);
  EXPECT_EQ(PrepositionOf(p.tokens, p.phrases.pps[p.phrases.nps[angola].pps[0]]), "by");
}

TEST(FindPhrases, AMultiWordPrepositionIsOnePreposition) {
  Parsed p = Parse("Ministers met on the sidelines of the summit.");
  ASSERT_EQ(p.phrases.pps.size(), 1u);
  const PrepPhrase& pp = p.phrases.pps[0];
  EXPECT_EQ(PrepositionOf(p.tokens, pp), "on the sidelines of");
  EXPECT_EQ(pp.prep_length, 4);
  ASSERT_GE(pp.np, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[pp.np].range), "the summit");
}

TEST(FindPhrases, AnAppositiveBetweenCommasDescribesTheNameBeforeIt) {
  Parsed p = Parse("Sadyr Bekov, the Kyrgyz president, arrived.", {{0, 2}});
  int name = p.PhraseAt("Sadyr");
  int office = p.PhraseAt("the");
  ASSERT_GE(name, 0);
  ASSERT_GE(office, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, office);
  EXPECT_EQ(p.Text(p.phrases.nps[office].range), "the Kyrgyz president");
}

TEST(FindPhrases, AnAppositiveWithARelativeClauseDescribesTheNameBeforeIt) {
  Parsed p =
      Parse("Chad, a bloc member that borders Niger (to its west), left.", {{0, 1}});
  int name = p.PhraseAt("Chad");
  int member = p.PhraseAt("a");
  ASSERT_GE(name, 0);
  ASSERT_GE(member, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, member);
  // A relative clause that no comma closes before the verb sets nothing off.
  Parsed q = Parse("Chad, a bloc member that borders Niger.", {{0, 1}});
  EXPECT_EQ(q.phrases.nps[q.PhraseAt("Chad")].apposition, -1);
}

TEST(FindPhrases, ANamedAgentAfterAParticipleMakesItPassiveWithNoVerbAfter) {
  Parsed p =
      Parse("Talks ended after the accord signed by Chad and Niger.", {{7, 8}, {9, 10}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_TRUE(p.phrases.verbs[1].passive);  // signed by
  // "by phone" names no agent.
  Parsed q = Parse("The minister said by phone that talks ended.");
  ASSERT_GE(q.phrases.verbs.size(), 1u);
  EXPECT_FALSE(q.phrases.verbs[0].passive);
}

TEST(FindPhrases, APastFormWithItsAgentAfterANounLeavesTheVerbBeforeItTensed) {
  Parsed p =
      Parse("Talks focused on the treaty signed by Chad and Niger.", {{6, 7}, {8, 9}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_FALSE(p.phrases.verbs[0].nonfinite);  // focused
  EXPECT_TRUE(p.phrases.verbs[1].passive);     // signed by
}

TEST(FindPhrases, APastFormAfterADateAndANameIsThatNamesTensedVerb) {
  // Tokens: Chad(0) joined(1) the(2) bloc(3) in(4) 2019(5) and(6) Niger(7) followed(8).
  Parsed p =
      Parse("Chad joined the bloc in 2019 and Niger followed in 2021.", {{0, 1}, {7, 8}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);  // followed
  EXPECT_FALSE(p.phrases.verbs[1].passive);
  // After a name that is no date's partner, the same form still describes it.
  p = Parse("Chad hosted talks with Mali and Niger held in May.",
            {{0, 1}, {5, 6}, {7, 8}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_TRUE(p.phrases.verbs[1].passive);  // held in
}

TEST(FindPhrases, AParticipleWithItsAgentBeforeAPluralPresentDescribesTheSubject) {
  Parsed p =
      Parse("The documents signed by Chad and Niger include a treaty.", {{4, 5}, {6, 7}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_TRUE(p.phrases.verbs[0].passive);     // signed by
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);  // include
}

TEST(FindPhrases, ABarePluralSetOffAfterAListOfNamesDescribesTheList) {
  Parsed p =
      Parse("Ghana and Togo, close allies since 1994, signed a pact.", {{0, 1}, {2, 3}});
  int names = p.PhraseAt("Ghana");
  int allies = p.PhraseAt("close");
  ASSERT_GE(names, 0);
  ASSERT_GE(allies, 0);
  EXPECT_EQ(p.phrases.nps[names].apposition, allies);
  Parsed q = Parse("Ghana and Togo, partners in trade, signed a pact.", {{0, 1}, {2, 3}});
  EXPECT_EQ(q.phrases.nps[q.PhraseAt("Ghana")].apposition, q.PhraseAt("partners"));
  Parsed r = Parse("Ghana and Togo signed deals, loans and grants.", {{0, 1}, {2, 3}});
  EXPECT_EQ(r.phrases.nps[r.PhraseAt("Ghana")].apposition, -1);
}

TEST(FindPhrases, AnAppositiveWithItsOfPhrasesAndADatedPossessorDescribesTheName) {
  Parsed p = Parse("Norway, last year's host of the council of ministers, spoke.");
  int name = p.PhraseAt("Norway");
  int office = p.PhraseAt("last");
  ASSERT_GE(name, 0);
  ASSERT_GE(office, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, office);
  EXPECT_EQ(p.Text(p.phrases.nps[office].range), "last year 's host");
}

TEST(FindPhrases, ADescriptionBeforeANameIsDescribedByIt) {
  Parsed p = Parse("The envoys greeted their host, Amara Diallo.", {{6, 8}});
  int host = p.PhraseAt("their");
  int name = p.PhraseAt("Amara");
  ASSERT_GE(host, 0);
  ASSERT_GE(name, 0);
  EXPECT_EQ(p.phrases.nps[host].apposition, name);
}

TEST(FindPhrases, ANameAfterAPrepositionsObjectIsNotDescribedByIt) {
  Parsed p = Parse("Peru's envoy at the talks, Amara Diallo, spoke.", {{7, 9}});
  int talks = p.PhraseAt("the");
  ASSERT_GE(talks, 0);
  EXPECT_EQ(p.phrases.nps[talks].apposition, -1);
}

TEST(FindPhrases, ADescriptionWithItsOwnNameIsNoAppositiveOfTheNameBefore) {
  Parsed p = Parse(
      "At the invitation of Amara Diallo, the President of Ruritania, Jon Berg, paid a "
      "visit.",
      {{4, 6}, {7, 14}});
  int host = p.PhraseAt("Amara");
  int guest = p.phrases.np_at[7];
  ASSERT_GE(host, 0);
  ASSERT_GE(guest, 0);
  EXPECT_EQ(p.phrases.nps[host].apposition, -1);
  EXPECT_EQ(p.Text(p.phrases.nps[guest].range), "the President of Ruritania , Jon Berg");
}

TEST(FindPhrases, ABareOfficeWithItsOfNameDescribesTheNameBeforeIt) {
  Parsed p = Parse("They met Amara Diallo, president of the Sahel Bank, on Monday.",
                   {{2, 4}, {8, 10}});
  int name = p.PhraseAt("Amara");
  int office = p.PhraseAt("president");
  ASSERT_GE(name, 0);
  ASSERT_GE(office, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, office);
}

TEST(FindPhrases, ABareNounWithoutAnOfNameIsNoAppositive) {
  Parsed p = Parse("They met Amara Diallo, president and founder, on Monday.", {{2, 4}});
  int name = p.PhraseAt("Amara");
  ASSERT_GE(name, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, -1);
}

TEST(FindPhrases, AnOwnersInstitutionIsDescribedByItsNameWithTheArticle) {
  Parsed p = Parse("Peru's parliament, the Congress, adopted a motion.", {{0, 1}});
  int owned = p.PhraseAt("Peru");
  int name = p.PhraseAt("the");
  ASSERT_GE(owned, 0);
  ASSERT_GE(name, 0);
  EXPECT_EQ(p.phrases.nps[owned].apposition, name);
  // A common noun after the article is no name.
  Parsed q = Parse("Peru's parliament, the main chamber, adopted a motion.", {{0, 1}});
  ASSERT_GE(q.PhraseAt("Peru"), 0);
  EXPECT_EQ(q.phrases.nps[q.PhraseAt("Peru")].apposition, -1);
}

TEST(FindPhrases, AListHasAnAppositiveOpenedByAnArticle) {
  Parsed p = Parse("On Monday, Chile and Peru, the two Andean neighbours, signed a pact.",
                   {{3, 4}, {5, 6}});
  int list = p.PhraseAt("Chile");
  int description = p.PhraseAt("the");
  ASSERT_GE(list, 0);
  ASSERT_GE(description, 0);
  EXPECT_EQ(p.phrases.nps[list].apposition, description);
}

TEST(FindPhrases, ANameThatGoesOnIntoAClauseIsNoAppositive) {
  Parsed p = Parse("After the talks, Ghana said it would sign.");
  int talks = p.PhraseAt("the");
  ASSERT_GE(talks, 0);
  EXPECT_EQ(p.phrases.nps[talks].apposition, -1);
}

TEST(FindPhrases, APhraseFollowedByMoreThanOfPhrasesIsNoAppositive) {
  Parsed p = Parse("Norway, the chair of the council in Oslo, spoke.");
  int name = p.PhraseAt("Norway");
  ASSERT_GE(name, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, -1);
}

TEST(FindPhrases, AnAppositiveMayNameWhomTheRoleIsHeldTowards) {
  Parsed p = Parse("Qatar, the main supplier to Pakistan, spoke.");
  int name = p.PhraseAt("Qatar");
  int role = p.PhraseAt("the");
  ASSERT_GE(name, 0);
  ASSERT_GE(role, 0);
  EXPECT_EQ(p.phrases.nps[name].apposition, role);
}

TEST(FindPhrases, ANamedPossessorAfterACommonNounStartsAPhrase) {
  Parsed p = Parse("They condemned in the firmest terms Togo's raid.", {{5, 6}});
  int terms = p.PhraseAt("the");
  int raid = p.PhraseAt("Togo");
  ASSERT_GE(terms, 0);
  ASSERT_GE(raid, 0);
  EXPECT_NE(terms, raid);
  EXPECT_EQ(p.Text(p.phrases.nps[raid].range), "Togo 's raid");
}

TEST(FindPhrases, AListBetweenDashesDescribesThePhraseBeforeIt) {
  Parsed p = Parse("Leaders of three states \u2013 Chile, Peru, and Ghana \u2013 met.",
                   {{5, 6}, {7, 8}, {10, 11}});
  int states = p.PhraseAt("three");
  int list = p.PhraseAt("Chile");
  ASSERT_GE(states, 0);
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.phrases.nps[states].apposition, list);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru", "Ghana"}));
}

TEST(FindPhrases, AShortQuotedNameStaysInsideItsPhrase) {
  Parsed p = Parse("They agreed on an \u201call-weather\u201d partnership.");
  int partnership = p.PhraseAt("an");
  ASSERT_GE(partnership, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[partnership].range),
            "an \u201c all-weather \u201d partnership");
  EXPECT_EQ(p.tokens[p.phrases.nps[partnership].head].text, "partnership");
}

TEST(FindPhrases, ALongQuotedNameAfterADeterminerIsOnePhrase) {
  Parsed p = Parse(
      "They moved to a \"partnership for shared growth across the continent,\" "
      "officials said.");
  int partnership = p.PhraseAt("a");
  ASSERT_GE(partnership, 0);
  EXPECT_EQ(p.tokens[p.phrases.nps[partnership].head].text, "continent");
  EXPECT_GT(p.phrases.nps[partnership].range.end - p.phrases.nps[partnership].range.begin,
            10);
}

TEST(FindPhrases, AVerbGroupKeepsItsAuxiliariesAndSaysWhatTheyMean) {
  Parsed p = Parse(
      "Ghana has also signed the pact but did not ratify it, and Peru will be hosting "
      "talks.");
  ASSERT_EQ(p.phrases.verbs.size(), 3u);
  const VerbGroup& signed_ = p.phrases.verbs[0];
  EXPECT_EQ(p.Text(signed_.range), "has also signed");
  EXPECT_EQ(signed_.lemma, "sign");
  EXPECT_TRUE(signed_.perfect);
  EXPECT_FALSE(signed_.negated);
  EXPECT_TRUE(p.phrases.verbs[1].negated);
  EXPECT_EQ(p.phrases.verbs[1].lemma, "ratify");
  EXPECT_TRUE(p.phrases.verbs[2].future);
  EXPECT_TRUE(p.phrases.verbs[2].modal);
  EXPECT_EQ(p.phrases.verbs[2].lemma, "host");
}

TEST(FindPhrases, APhrasalVerbOfThreeWordsTakesItsObjectAfterBothParticles) {
  Parsed p = Parse("Peru put on hold its talks with Chile.");
  ASSERT_EQ(p.phrases.verbs.size(), 1u);
  EXPECT_EQ(p.phrases.verbs[0].lemma, "put on hold");
  EXPECT_EQ(p.Text(p.phrases.verbs[0].range), "put on hold");
  ASSERT_GE(p.PhraseAt("its"), 0);
  EXPECT_EQ(p.Text(p.phrases.nps[p.PhraseAt("its")].range), "its talks");
}

TEST(FindPhrases, AParticipleWithAnyPrepositionAfterAThingIsAReducedRelative) {
  Parsed p = Parse("The grain shipped between Chile and Peru fell by half.");
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_TRUE(p.phrases.verbs[0].nonfinite);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);
  // A second verb of the same subject keeps the first tensed.
  Parsed q = Parse("The delegations met in Lima and signed a pact.");
  ASSERT_EQ(q.phrases.verbs.size(), 2u);
  EXPECT_FALSE(q.phrases.verbs[0].nonfinite);
}

TEST(FindPhrases, AParticipleInAnOpeningPhraseClosedByACommaIsAReducedRelative) {
  Parsed p = Parse("In a statement issued after the talks, Peru thanked Chile.");
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_TRUE(p.phrases.verbs[0].nonfinite);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);
  // Without the comma the participle is the sentence's verb.
  Parsed q = Parse("In May the envoy travelled to Lima and signed a pact.");
  ASSERT_EQ(q.phrases.verbs.size(), 2u);
  EXPECT_FALSE(q.phrases.verbs[0].nonfinite);
}

TEST(FindPhrases, AnOpeningPhraseInsideAQuotationIsStillOpening) {
  Parsed p = Parse("\u201cAt the talks in Lima, Chile and Peru signed a treaty.",
                   {{5, 6}, {7, 8}, {9, 10}});
  int list = p.PhraseAt("Chile");
  ASSERT_GE(list, 0);
  EXPECT_EQ(p.Conjuncts(list), (std::vector<std::string>{"Chile", "Peru"}));
}

TEST(FindPhrases, AGroupOpenedByAGerundAuxiliaryIsAParticiple) {
  Parsed p = Parse("Chile ended the talks on Monday having secured a deal.");
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_FALSE(p.phrases.verbs[0].nonfinite);
  EXPECT_TRUE(p.phrases.verbs[1].nonfinite);
  EXPECT_EQ(p.phrases.verbs[1].lemma, "secure");
}

TEST(FindPhrases, AfterAColonAVerbIsTheNewStretchsOwn) {
  Parsed p = Parse("The text is as follows: the envoy met officials in Lima.");
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);
  // Without the colon the second is a participle describing the phrase.
  Parsed q = Parse("The text is about the envoy met in Lima by officials.");
  ASSERT_EQ(q.phrases.verbs.size(), 2u);
  EXPECT_TRUE(q.phrases.verbs[1].nonfinite);
}

TEST(FindPhrases, MoreThanANumberIsPartOfThePhraseItCounts) {
  Parsed p = Parse("They witnessed the signing of more than 20 documents.");
  ASSERT_GE(p.PhraseAt("more"), 0);
  EXPECT_EQ(p.Text(p.phrases.nps[p.PhraseAt("more")].range), "more than 20 documents");
  // Not before a phrase without a number.
  Parsed q = Parse("Trade grew more than exports did.");
  EXPECT_LT(q.PhraseAt("than"), 0);
}

TEST(FindPhrases, AfterACommaAndAPhraseOpensItsOwnClause) {
  Parsed p = Parse(
      "The pact was signed in 2018, and Peru's trade with Chile amounted to "
      "$2 billion.",
      {{8, 9}, {12, 13}});
  ASSERT_EQ(p.phrases.verbs.size(), 2u);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);
  EXPECT_EQ(p.phrases.verbs[1].lemma, "amount");
}

TEST(FindPhrases, ANameAfterADateStartsAnotherPhrase) {
  Parsed p = Parse("On 2 May Peru joined the bloc.");
  ASSERT_GE(p.PhraseAt("Peru"), 0);
  EXPECT_EQ(p.Text(p.phrases.nps[p.PhraseAt("Peru")].range), "Peru");
  Parsed m = Parse("In May Chile and Ghana met.");
  ASSERT_GE(m.PhraseAt("Chile"), 0);
  EXPECT_EQ(m.Text(m.phrases.nps[m.PhraseAt("Chile")].range), "Chile and Ghana");
  Parsed q = Parse("In March 2021 Chile and Ghana met.");
  ASSERT_GE(q.PhraseAt("Chile"), 0);
  EXPECT_EQ(q.Text(q.phrases.nps[q.PhraseAt("Chile")].range), "Chile and Ghana");
  // A year inside a name stays in it.
  Parsed r = Parse("They attended the 2024 Summit of the Americas.");
  ASSERT_GE(r.PhraseAt("the"), 0);
  EXPECT_EQ(r.Text(r.phrases.nps[r.PhraseAt("the")].range), "the 2024 Summit");
}

TEST(FindPhrases, AParticipleWithItsAgentBeforeTheSentenceVerbIsAReducedRelative) {
  Parsed p = Parse("The accord signed by Chile and Ghana in May ended the dispute.");
  ASSERT_GE(p.phrases.verbs.size(), 2u);
  EXPECT_EQ(p.phrases.verbs[0].lemma, "sign");
  EXPECT_TRUE(p.phrases.verbs[0].nonfinite);
  EXPECT_TRUE(p.phrases.verbs[0].passive);
  EXPECT_FALSE(p.phrases.verbs[1].nonfinite);
  // Without a later verb, the sentence's verb is the first one.
  Parsed q = Parse("The envoy signed by hand.");
  ASSERT_GE(q.phrases.verbs.size(), 1u);
  EXPECT_FALSE(q.phrases.verbs[0].nonfinite);
}

TEST(FindPhrases, ATimeAfterAPhraseIsNoneOfItsWords) {
  Parsed p = Parse("Peru recalled its ambassador last month.");
  ASSERT_GE(p.PhraseAt("its"), 0);
  EXPECT_EQ(p.Text(p.phrases.nps[p.PhraseAt("its")].range), "its ambassador");
  // An adverb before a noun still joins it ("a newly elected president").
  Parsed q = Parse("They met a newly elected president.");
  ASSERT_GE(q.PhraseAt("a"), 0);
  EXPECT_EQ(q.Text(q.phrases.nps[q.PhraseAt("a")].range), "a newly elected president");
}

TEST(FindPhrases, ByBeforeAnAmountMeasuresAChangeItNamesNoAgent) {
  EXPECT_FALSE(AnyPassive(Parse(
      "Officials noted that trade between the two countries increased by 17 percent.")));
  // An agent still makes a reduced relative: "the treaty signed by Peru".
  EXPECT_TRUE(
      AnyPassive(Parse("Officials praised the treaty signed by Peru and Chile.")));
}

TEST(FindPhrases, AVerbAfterASubordinatorAndAListOfNamesIsTensed) {
  EXPECT_FALSE(AnyPassive(
      Parse("Ties grew after 2019, when Ruto and Lula met on the sidelines.")));
}

TEST(FindPhrases, PhrasesOnBothSidesOfARelativeClauseInAListNameEachOther) {
  Parsed p = Parse(
      "The Fijian minister, who arrived on Monday, and her Samoan counterpart signed "
      "a pact.");
  const int first = p.PhraseAt("The");
  const int second = p.PhraseAt("her");
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  EXPECT_EQ(p.phrases.nps[first].across, second);
  EXPECT_EQ(p.phrases.nps[second].across, first);
  // The relative clause keeps its own phrases.
  EXPECT_GE(p.PhraseAt("Monday"), 0);
  // At the sentence's end, after "by": the list of the rest joins it.
  Parsed q =
      Parse("The pact was signed by Fiji, which chairs the forum, Samoa and Tonga.",
            {{5, 6}, {12, 13}, {14, 15}});
  ASSERT_GE(q.PhraseAt("Fiji"), 0);
  ASSERT_GE(q.PhraseAt("Samoa"), 0);
  EXPECT_EQ(q.phrases.nps[q.PhraseAt("Fiji")].across, q.PhraseAt("Samoa"));
  // Not after an object: "met X, who ..., and Y signed" is two clauses.
  Parsed r =
      Parse("Ruto met the envoy, who arrived on Monday, and officials signed a deal.");
  ASSERT_GE(r.PhraseAt("the"), 0);
  EXPECT_EQ(r.phrases.nps[r.PhraseAt("the")].across, -1);
  // Not a time: "in May, which ..., and".
  Parsed t = Parse("They met in May, which was early, and Peru signed a deal.");
  ASSERT_GE(t.PhraseAt("May"), 0);
  EXPECT_EQ(t.phrases.nps[t.PhraseAt("May")].across, -1);
}

TEST(FindPhrases, TheCommaClosingARelativeClauseEndsNoTwoItemList) {
  Parsed p = Parse("The pact was signed by Fiji, which chairs the forum, and Samoa.");
  const int forum = p.PhraseAt("the");
  ASSERT_GE(forum, 0);
  EXPECT_EQ(p.Text(p.phrases.nps[forum].range), "the forum");
}

TEST(FindPhrases, ADayOfAMonthIsNoMemberOfAListOfNames) {
  Parsed p = Parse("Fiji has chaired the forum since January 1, Samoa and Tonga agreed.");
  ASSERT_GE(p.PhraseAt("Samoa"), 0);
  EXPECT_EQ(p.Text(p.phrases.nps[p.PhraseAt("Samoa")].range), "Samoa and Tonga");
}

}  // namespace
}  // namespace entente::importers::internal
