#include "importers/internal/tagger.h"

#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

std::vector<Token> Tagged(absl::string_view text) {
  std::vector<Token> tokens = Tokenize(text, 0);
  TagTokens(testing::SharedKnowledge().lexicon(), tokens);
  return tokens;
}

// The tag of the first token spelled `word`; fails the test when there is none.
Tag TagOf(const std::vector<Token>& tokens, absl::string_view word) {
  for (const Token& t : tokens) {
    if (t.text == word) return t.tag;
  }
  ADD_FAILURE() << "no token " << word;
  return Tag::kPunct;
}

// The first token spelled `word`; fails the test (and gives an empty token) when
// there is none.
const Token& Find(const std::vector<Token>& tokens, absl::string_view word) {
  for (const Token& t : tokens) {
    if (t.text == word) return t;
  }
  ADD_FAILURE() << "no token " << word;
  static const Token kNone;
  return kNone;
}

TEST(TagTokens, ALinkingVerbAfterAParticiplesPhraseIsTheVerb) {
  // After a participle that describes the subject, and after a year.
  EXPECT_EQ(
      TagOf(Tagged("The treaty signed by Chile and Peru remains in force."), "remains"),
      Tag::kVerb);
  EXPECT_EQ(TagOf(Tagged("The treaty signed in 2001 remains in force."), "remains"),
            Tag::kVerb);
  // A plural after a year is a noun still.
  EXPECT_EQ(TagOf(Tagged("Chile set its 2030 targets."), "targets"), Tag::kNoun);
}

TEST(TagTokens, APastFormAfterAnOpeningBothIsItsVerb) {
  std::vector<Token> t = Tagged("Both imposed travel bans on the officials.");
  EXPECT_EQ(TagOf(t, "imposed"), Tag::kVerb);
  EXPECT_EQ(TagOf(t, "bans"), Tag::kNoun);
  EXPECT_EQ(TagOf(Tagged("They met, and both signed a pact."), "signed"), Tag::kVerb);
  // Inside a phrase, "both" is a determiner of what follows.
  EXPECT_NE(TagOf(Tagged("He praised both signed accords."), "signed"), Tag::kVerb);
}

TEST(TagTokens, APluralAfterAPossessiveAndANounClosesTheCompound) {
  EXPECT_EQ(TagOf(Tagged("Canada renewed its export controls on Russia."), "controls"),
            Tag::kNoun);
  EXPECT_EQ(TagOf(Tagged("Peru lifted Chile's travel bans on officials."), "bans"),
            Tag::kNoun);
}

TEST(TagTokens, APresentFormAfterAPreTaggedOpeningNameIsItsVerb) {
  // The item reader tags a name it knows that opens a sentence as a name.
  std::vector<Token> t = Tokenize("Norway condemns in the clearest terms the attack.", 0);
  t[0].tag = Tag::kProper;
  TagTokens(testing::SharedKnowledge().lexicon(), t);
  EXPECT_EQ(TagOf(t, "Norway"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "condemns"), Tag::kVerb);
  // Left to the tagger, an opening capital is a common word, and the form its noun.
  EXPECT_EQ(
      TagOf(Tagged("Norway condemns in the clearest terms the attack."), "condemns"),
      Tag::kNoun);
}

TEST(TagTokens, ATimeAdverbBeforeAPossessiveIsADeterminerAndANoun) {
  std::vector<Token> t = Tagged("They praised last year's talks this year.");
  EXPECT_EQ(TagOf(t, "last"), Tag::kDeterminer);
  EXPECT_EQ(TagOf(t, "year"), Tag::kNoun);
  // Without the possessive, the same words stay an adverb.
  EXPECT_EQ(Tagged("They met this year.")[2].tag, Tag::kAdverb);
}

TEST(TagTokens, AVerbClosingARelativeWithoutPronounLeavesTheMainVerbItsPlace) {
  std::vector<Token> t =
      Tagged("The accord builds on the partnership the two countries set up in 2019.");
  EXPECT_EQ(TagOf(t, "builds"), Tag::kVerb);
  EXPECT_EQ(TagOf(t, "set"), Tag::kVerb);
}

TEST(TagTokens, AVerbInAClauseOpenedByAPrepositionLeavesTheMainVerbItsPlace) {
  std::vector<Token> t =
      Tagged("The upgrade comes ten months after the two states became partners.");
  EXPECT_EQ(TagOf(t, "comes"), Tag::kVerb);
  EXPECT_EQ(TagOf(t, "became"), Tag::kVerb);
}

TEST(TagTokens, ABareFormAfterAnArticleAndASingularNounIsANoun) {
  EXPECT_EQ(TagOf(Tagged("The peace accord that Chile signed holds."), "accord"),
            Tag::kNoun);
  // After a pronoun a bare form agrees: a verb.
  EXPECT_EQ(TagOf(Tagged("They accord great weight to trade."), "accord"), Tag::kVerb);
}

TEST(TagTokens, APastFormAfterTheAndACountIsItsVerb) {
  EXPECT_EQ(TagOf(Tagged("The two agreed on a plan."), "agreed"), Tag::kVerb);
  EXPECT_EQ(TagOf(Tagged("Then the three met in Hanoi."), "met"), Tag::kVerb);
  // Not before a noun it describes, nor after a count with no article.
  EXPECT_NE(TagOf(Tagged("The two signed documents lapsed."), "signed"), Tag::kVerb);
  EXPECT_NE(TagOf(Tagged("About 40 signed the letter."), "signed"), Tag::kVerb);
}

TEST(TagTokens, AGerundAfterANameAndAndBeforeATitleDescribesTheNextName) {
  EXPECT_EQ(TagOf(Tagged("King Abdullah and visiting Chilean President Boric met."),
                  "visiting"),
            Tag::kAdjective);
  // Not before a common noun.
  EXPECT_NE(TagOf(Tagged("Boric met Abdullah and visiting officials later."), "visiting"),
            Tag::kAdjective);
}

TEST(TagTokens, AGuestGerundBeforePeopleDescribesThem) {
  EXPECT_EQ(
      TagOf(Tagged("Chile signed a status of visiting forces agreement."), "visiting"),
      Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("The king received visiting envoys."), "visiting"),
            Tag::kAdjective);
  // Before a place it acts.
  EXPECT_EQ(TagOf(Tagged("The aim of visiting ports is trade."), "visiting"), Tag::kVerb);
}

TEST(TagTokens, AQuantifierAfterANumberQualifiesTheCountedNoun) {
  EXPECT_EQ(TagOf(Tagged("Peru barred 20 more Chilean officials."), "more"),
            Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("Peru wants more trade."), "more"), Tag::kDeterminer);
}

TEST(TagTokens, AGerundRightAfterHaveIsNoVerbOfIt) {
  EXPECT_EQ(TagOf(Tagged("Japan has visiting forces agreements."), "visiting"),
            Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("Japan has been visiting Peru."), "visiting"), Tag::kVerb);
}

TEST(TagTokens, AVerbOfSayingAfterAPluralNounActs) {
  EXPECT_EQ(TagOf(Tagged("Analysts expect trade to grow."), "expect"), Tag::kVerb);
  EXPECT_EQ(TagOf(Tagged("Officials say talks went well."), "say"), Tag::kVerb);
  // Not any bare form: "goods trade" is a compound.
  EXPECT_NE(TagOf(Tagged("Goods trade rose."), "trade"), Tag::kVerb);
}

TEST(TagTokens, AGerundWithAnObjectAfterANameAndAnArticleActs) {
  EXPECT_EQ(TagOf(Tagged("They signed a Protocol amending the Treaty."), "amending"),
            Tag::kVerb);
  // Not a noun the name modifies: "an EU funding programme".
  EXPECT_NE(TagOf(Tagged("They backed an EU funding programme."), "funding"), Tag::kVerb);
}

TEST(TagTokens, AGuestGerundAfterAVerbOrWithDescribesTheNameThatFollows) {
  EXPECT_EQ(TagOf(Tagged("Orban received visiting Mongolian President Khurelsukh."),
                  "visiting"),
            Tag::kAdjective);
  EXPECT_EQ(
      TagOf(Tagged("Petro held talks with visiting Emir Tamim on Sunday."), "visiting"),
      Tag::kAdjective);
  // A place after another preposition is what is visited.
  EXPECT_NE(TagOf(Tagged("After visiting Mongolia, Orban flew home."), "visiting"),
            Tag::kAdjective);
  // Nor a common noun after the verb.
  EXPECT_NE(TagOf(Tagged("Orban began visiting factories."), "visiting"),
            Tag::kAdjective);
}

TEST(TagTokens, AHearsayNounAfterAVerbsObjectNounContinuesIt) {
  EXPECT_EQ(
      TagOf(Tagged("Lima dismissed press reports that talks had begun."), "reports"),
      Tag::kNoun);
  // Not after a subject: "Press reports that ..." opens with a name of its own.
  EXPECT_EQ(TagOf(Tagged("The ministry reports that trade grew."), "reports"),
            Tag::kVerb);
}

TEST(TagTokens, SuchAfterACountModifiesTheNoun) {
  EXPECT_EQ(TagOf(Tagged("It was the third such meeting."), "such"), Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("They held two such summits."), "such"), Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("No such meeting took place."), "such"), Tag::kDeterminer);
}

TEST(TagTokens, APresentFormAfterASubordinatorAndANameIsAVerb) {
  std::vector<Token> t = Tagged("Talks stalled weeks before Spain takes over the chair.");
  EXPECT_EQ(TagOf(t, "takes"), Tag::kVerb);
  // A clause with its verb already, and no subordinator: the same form is a noun.
  EXPECT_EQ(TagOf(Tagged("Talks stalled over Spain takes on the chair."), "takes"),
            Tag::kNoun);
}

TEST(TagTokens, APresentFormClosingAPrepositionsPhraseIsItsNoun) {
  std::vector<Token> t =
      Tagged("Chile protested in the most forceful terms Peru's move.");
  EXPECT_EQ(TagOf(t, "terms"), Tag::kNoun);
  // With no preposition before the article, the same form after a noun may be a verb.
  EXPECT_EQ(TagOf(Tagged("The local court terms the move illegal."), "terms"),
            Tag::kVerb);
}

TEST(TagTokens, AGerundAfterAPluralNounBeforeAPhraseDescribesTheNoun) {
  std::vector<Token> t =
      Tagged("They renewed the curbs targeting certain banks of Peru.");
  EXPECT_EQ(TagOf(t, "targeting"), Tag::kVerb);
  // After a singular noun it stays inside a compound.
  EXPECT_EQ(TagOf(Tagged("They praised the peace building effort."), "building"),
            Tag::kNoun);
}

TEST(TagTokens, APastTenseAfterADatesYearIsTheVerb) {
  EXPECT_EQ(TagOf(Tagged("The trip in October 2022 opened the way."), "opened"),
            Tag::kVerb);
  // After another number it stays a modifier: "the 12 signed accords".
  EXPECT_EQ(TagOf(Tagged("They praised the 12 signed accords."), "signed"),
            Tag::kAdjective);
}

TEST(TagTokens, APresentFormAfterAClosedRelativeClauseIsTheMainVerb) {
  std::vector<Token> t = Tagged("The forum, which Chile hosts, opens in Santiago today.");
  EXPECT_EQ(TagOf(t, "opens"), Tag::kVerb);
  // After a comma that closes no relative clause, the form keeps its noun reading.
  EXPECT_EQ(TagOf(Tagged("Chile reported record exports, imports and stocks."), "stocks"),
            Tag::kNoun);
}

TEST(TagTokens, AfterARelativeClauseWithoutPronounTheMainVerbStillComes) {
  std::vector<Token> t = Tagged("The levy Chile imposed on Peruvian fruit in May stays.");
  EXPECT_EQ(TagOf(t, "imposed"), Tag::kVerb);
  EXPECT_EQ(TagOf(t, "stays"), Tag::kVerb);
}

TEST(TagTokens, AVerbFormAfterADeterminerIsANoun) {
  std::vector<Token> t = Tagged("The visit ended early.");
  EXPECT_EQ(TagOf(t, "visit"), Tag::kNoun);
  EXPECT_EQ(TagOf(t, "ended"), Tag::kVerb);
}

TEST(TagTokens, ANounBeforeAPronounThatStartsAClauseStaysANoun) {
  std::vector<Token> t = Tagged("Chile scrapped the import curbs it had placed on Peru.");
  EXPECT_EQ(TagOf(t, "curbs"), Tag::kNoun);
  EXPECT_EQ(TagOf(t, "placed"), Tag::kVerb);
  std::vector<Token> u = Tagged("The new rule curbs it sharply.");
  EXPECT_EQ(TagOf(u, "curbs"), Tag::kVerb);
}

TEST(TagTokens, ANameEndingInLyIsNoAdverb) {
  std::vector<Token> t = Tagged("Egypt and Italy swiftly signed the accord.");
  EXPECT_EQ(TagOf(t, "Italy"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "swiftly"), Tag::kAdverb);
}

TEST(TagTokens, ABaseFormAfterNamesBeforeAModifierIsTheVerb) {
  std::vector<Token> t = Tagged("Chile and Peru want bilateral trade to grow.");
  EXPECT_EQ(TagOf(t, "want"), Tag::kVerb);
  std::vector<Token> u = Tagged("Chile and Peru trade ties are old.");
  EXPECT_EQ(TagOf(u, "trade"), Tag::kNoun);
}

TEST(TagTokens, APastTenseAfterACommaResumesTheClause) {
  std::vector<Token> t = Tagged("The summit, chaired by Peru, took place in May.");
  EXPECT_EQ(TagOf(t, "took"), Tag::kVerb);
}

TEST(TagTokens, AnUnlistedWordInEdReadsAsARegularPastForm) {
  std::vector<Token> t =
      Tagged("The ministers tabulated the votes and clarified the rules.");
  EXPECT_EQ(TagOf(t, "tabulated"), Tag::kVerb);
  EXPECT_EQ(Find(t, "clarified").lemma, "clarify");
  // Not "need" or "hundred": too short a stem, or a stem in "-ee".
  std::vector<Token> u = Tagged("The hundred delegates agreed.");
  EXPECT_NE(TagOf(u, "hundred"), Tag::kVerb);
}

TEST(Lexicon, RegularPastLemma) {
  EXPECT_EQ(Lexicon::RegularPastLemma("clarified"), "clarify");
  EXPECT_EQ(Lexicon::RegularPastLemma("zipped"), "zip");
  EXPECT_EQ(Lexicon::RegularPastLemma("proceed"), "");
  EXPECT_EQ(Lexicon::RegularPastLemma("red"), "");
  EXPECT_EQ(Lexicon::RegularPastLemma("Granted"), "");
}

TEST(TagTokens, ATensedVerbBeforeItsObjectIsAVerb) {
  std::vector<Token> t = Tagged("Modi visits Brazil.");
  EXPECT_EQ(TagOf(t, "visits"), Tag::kVerb);
  EXPECT_EQ(Find(t, "visits").lemma, "visit");
  EXPECT_EQ(TagOf(t, "Brazil"), Tag::kProper);
}

TEST(TagTokens, AVerbAfterAModalIsAVerb) {
  std::vector<Token> t = Tagged("Lula will visit Peru in May.");
  EXPECT_EQ(TagOf(t, "will"), Tag::kModal);
  EXPECT_EQ(TagOf(t, "visit"), Tag::kVerb);
}

TEST(TagTokens, AModalThatGovernsNoVerbIsANameOrANoun) {
  EXPECT_EQ(TagOf(Tagged("Lula will visit Peru in May."), "May"), Tag::kProper);
  EXPECT_EQ(TagOf(Tagged("In May the two ministers met."), "May"), Tag::kProper);
  EXPECT_EQ(TagOf(Tagged("Last May, Chile signed."), "May"), Tag::kProper);
  EXPECT_EQ(TagOf(Tagged("Ruth May met the envoy."), "May"), Tag::kProper);
  EXPECT_EQ(TagOf(Tagged("It is the will of the people."), "will"), Tag::kNoun);
  // Still modals: before a verb, an adverb or a negation.
  EXPECT_EQ(TagOf(Tagged("Chile may join the bloc."), "may"), Tag::kModal);
  EXPECT_EQ(TagOf(Tagged("Peru will soon sign."), "will"), Tag::kModal);
  EXPECT_EQ(TagOf(Tagged("Peru will not sign."), "will"), Tag::kModal);
  // The month after a day's number, before a name.
  EXPECT_NE(TagOf(Tagged("On 7 May Chile signed."), "May"), Tag::kModal);
}

TEST(TagTokens, AParticipleBetweenDeterminerAndNounIsAnAdjective) {
  std::vector<Token> t = Tagged("Both sides praised the signed treaty.");
  EXPECT_EQ(TagOf(t, "signed"), Tag::kAdjective);
  EXPECT_EQ(Find(t, "signed").lemma, "sign");
  EXPECT_EQ(TagOf(t, "treaty"), Tag::kNoun);
}

TEST(TagTokens, AHyphenatedSpanOrLevelBeforeANounIsAnAdjective) {
  EXPECT_EQ(TagOf(Tagged("Chile began a three-day visit."), "three-day"),
            Tag::kAdjective);
  EXPECT_EQ(TagOf(Tagged("They signed the minister-level pact."), "minister-level"),
            Tag::kAdjective);
  // Another last part, or no noun after it, keeps a noun.
  EXPECT_EQ(TagOf(Tagged("They signed the cost-sharing pact."), "cost-sharing"),
            Tag::kNoun);
  EXPECT_EQ(TagOf(Tagged("It was the three-day."), "three-day"), Tag::kNoun);
}

TEST(TagTokens, APastFormAfterTheTwoInAVerblessSentenceIsItsVerb) {
  std::vector<Token> t = Tagged("The two established diplomatic relations in 1990.");
  EXPECT_EQ(TagOf(t, "established"), Tag::kVerb);
  EXPECT_EQ(Find(t, "established").lemma, "establish");
  std::vector<Token> both = Tagged("Peru won, and both signed a pact.");
  EXPECT_EQ(TagOf(both, "signed"), Tag::kVerb);
  // With a verb of its own, the sentence keeps the adjective.
  EXPECT_EQ(TagOf(Tagged("The two signed treaties remain in force."), "signed"),
            Tag::kAdjective);
}

TEST(TagTokens, ToBeforeABaseFormMarksAnInfinitive) {
  std::vector<Token> t = Tagged("Ghana agreed to raise tariffs.");
  EXPECT_EQ(TagOf(t, "to"), Tag::kTo);
  EXPECT_EQ(TagOf(t, "raise"), Tag::kVerb);
  EXPECT_EQ(TagOf(Tagged("The envoy flew to Lima."), "to"), Tag::kPreposition);
}

TEST(TagTokens, ACapitalizedWordInsideASentenceIsANameNotAVerb) {
  std::vector<Token> t = Tagged("Officials praised the Joint Access Agreement.");
  EXPECT_EQ(TagOf(t, "Access"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "Agreement"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "Officials"), Tag::kNoun);  // The first word may be anything.
}

TEST(TagTokens, PerCentAfterANumberIsANounNotAPreposition) {
  std::vector<Token> t = Tagged("Peru imposed 30 per cent duties on Bolivian sugar.");
  EXPECT_EQ(TagOf(t, "per"), Tag::kNoun);
  EXPECT_EQ(TagOf(t, "cent"), Tag::kNoun);
  t = Tagged("Tickets cost ten dollars per person.");
  EXPECT_EQ(TagOf(t, "per"), Tag::kPreposition);
}

TEST(TagTokens, SinceBeforeASubjectWithABetweenListAndAVerbIsASubordinator) {
  std::vector<Token> t = Tagged(
      "Exports doubled since the fisheries accord between Peru and Japan was signed.");
  EXPECT_EQ(TagOf(t, "since"), Tag::kSubordinator);
  t = Tagged("Exports doubled since the accord between Peru and Japan in 2019.");
  EXPECT_EQ(TagOf(t, "since"), Tag::kPreposition);
}

TEST(TagTokens, AsBeforeASubjectWithAnOfPhraseAndAVerbIsASubordinator) {
  std::vector<Token> t =
      Tagged("Trade grew, as ministers from the two countries met in Lima.");
  EXPECT_EQ(TagOf(t, "as"), Tag::kSubordinator);
  EXPECT_EQ(TagOf(t, "met"), Tag::kVerb);
  // Before a phrase alone it is a preposition.
  std::vector<Token> u = Tagged("They met as partners from the region in Lima.");
  EXPECT_EQ(TagOf(u, "as"), Tag::kPreposition);
}

TEST(TagTokens, AfterANameWithTheIndefiniteArticleComesANoun) {
  std::vector<Token> t = Tagged("It was the largest pledge by a Gulf state so far.");
  EXPECT_EQ(TagOf(t, "state"), Tag::kNoun);
  // After a name alone the same word may be its verb.
  std::vector<Token> u = Tagged("The report by Oxfam states that aid fell.");
  EXPECT_EQ(TagOf(u, "states"), Tag::kVerb);
}

TEST(TagTokens, ALinkingVerbAfterANameIsItsVerb) {
  std::vector<Token> t = Tagged("Trade between Chile and Peru remains small.");
  EXPECT_EQ(TagOf(t, "remains"), Tag::kVerb);
  // With the clause's verb before it, the same spelling is a noun.
  std::vector<Token> u = Tagged("They returned the remains to Peru.");
  EXPECT_EQ(TagOf(u, "remains"), Tag::kNoun);
}

TEST(TagTokens, ASemicolonBetweenNamesOfAListIsItsComma) {
  std::vector<Token> t = Tagged(
      "She flew in with Ana Ruiz, Minister of Peru; Jon Berg, Minister of Norway; and "
      "Li Wei.");
  EXPECT_EQ(TagOf(t, ";"), Tag::kComma);
  // Before a clause it ends one.
  std::vector<Token> u = Tagged("Peru signed; Chile declined to sign.");
  EXPECT_EQ(TagOf(u, ";"), Tag::kPunct);
}

TEST(TagTokens, AGerundOfStanceAfterANounIsItsVerb) {
  std::vector<Token> t = Tagged("They adopted a resolution condemning the coup.");
  EXPECT_EQ(TagOf(t, "condemning"), Tag::kVerb);
  // Another gerund there modifies the noun after it.
  std::vector<Token> u = Tagged("They closed a funding gap of the project.");
  EXPECT_NE(TagOf(u, "funding"), Tag::kVerb);
}

TEST(TagTokens, APhrasalVerbsParticleIsTagged) {
  std::vector<Token> t = Tagged("Kenya and Peru set up a joint fund.");
  EXPECT_EQ(TagOf(t, "set"), Tag::kVerb);
  EXPECT_EQ(TagOf(t, "up"), Tag::kParticle);
}

TEST(TagTokens, AuxiliariesNegationAndPronounsComeFromTheClosedClasses) {
  std::vector<Token> t = Tagged("He has not signed it.");
  EXPECT_EQ(TagOf(t, "He"), Tag::kPronoun);
  EXPECT_EQ(TagOf(t, "has"), Tag::kAux);
  EXPECT_EQ(Find(t, "has").lemma, "have");
  EXPECT_EQ(TagOf(t, "not"), Tag::kNegation);
  EXPECT_EQ(TagOf(t, "signed"), Tag::kVerb);
}

TEST(TagTokens, AnUpperCaseWordIsANameNotAPronoun) {
  std::vector<Token> t = Tagged("Ghana and the US signed it.");
  EXPECT_EQ(TagOf(t, "US"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "it"), Tag::kPronoun);
}

TEST(TagTokens, AMultiWordPrepositionSpansItsWords) {
  std::vector<Token> t = Tagged("Trade rose, according to officials.");
  const Token& according = Find(t, "according");
  EXPECT_EQ(according.tag, Tag::kPreposition);
  EXPECT_EQ(according.span, 2);
  EXPECT_EQ(TagOf(t, "to"), Tag::kPreposition);
}

TEST(TagTokens, AMultiWordPrepositionsObjectHasNoVerb) {
  // "figures", "states" and "calls" could be verbs after a noun; not here.
  EXPECT_EQ(TagOf(Tagged("Exports grew, according to customs office figures, by 8%."),
                  "figures"),
            Tag::kNoun);
  EXPECT_EQ(TagOf(Tagged("He spoke on behalf of member states at the forum."), "states"),
            Tag::kNoun);
  // Past the comma that closes the adjunct, a verb again.
  EXPECT_EQ(
      TagOf(Tagged("According to the ministry, Chile wants to export more."), "wants"),
      Tag::kVerb);
}

TEST(TagTokens, AfterOpensAClauseOnlyBeforeAVerb) {
  EXPECT_EQ(TagOf(Tagged("The talks ended after the two leaders met."), "after"),
            Tag::kSubordinator);
  EXPECT_EQ(TagOf(Tagged("Trade grew after the talks."), "after"), Tag::kPreposition);
}

// Today a word that is also a verb form keeps the verb's lemma when the tagger makes
// it a noun: "talks" gets "talk", not the @plural entry "talks".
TEST(TagTokens, ANounKeepsItsNounLemma) {
  std::vector<Token> t = Tagged("The two treaties and the talks were praised.");
  EXPECT_EQ(Find(t, "treaties").lemma, "treaty");
  ASSERT_EQ(TagOf(t, "talks"), Tag::kNoun);
  EXPECT_EQ(Find(t, "talks").lemma, "talks");  // @plural: talks = talks.
}

TEST(TagTokens, ThatAfterASpeechVerbsPhraseOpensWhatWasSaid) {
  std::vector<Token> t = Tagged("The ministry noted with satisfaction that trade grew.");
  EXPECT_EQ(TagOf(t, "that"), Tag::kSubordinator);
  // Not after a verb that takes no clause: "signed a deal in a year that saw ...".
  std::vector<Token> u = Tagged("Peru signed the deal in a year that saw record trade.");
  EXPECT_EQ(TagOf(u, "that"), Tag::kRelative);
}

TEST(TagTokens, APresentFormAfterASetOffParticipleIsTheSubjectsVerb) {
  std::vector<Token> t =
      Tagged("The accord, signed by Chile, Peru and Bolivia in May, opens new routes.");
  EXPECT_EQ(TagOf(t, "opens"), Tag::kVerb);
  std::vector<Token> u = Tagged("Chile, Peru and Bolivia, plans for new routes.");
  EXPECT_EQ(TagOf(u, "plans"), Tag::kNoun);
}

TEST(TagTokens, APresentFormAfterASetOffPhraseIsTheSubjectsVerb) {
  std::vector<Token> t = Tagged("Ruto, on a two-day visit, heads to Lima on Friday.");
  EXPECT_EQ(TagOf(t, "heads"), Tag::kVerb);
  // A list of names is no subject with an insertion.
  std::vector<Token> u = Tagged("Ghana, Peru, on the coast, plans and talks.");
  EXPECT_EQ(TagOf(u, "plans"), Tag::kNoun);
}

TEST(TagTokens, LongInsideAVerbGroupIsAnAdverb) {
  std::vector<Token> t = Tagged("Peru has long sought a long visit.");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[2].tag, Tag::kAdverb);  // "has long sought"
  EXPECT_NE(t[5].tag, Tag::kAdverb);  // "a long visit"
}

TEST(TagTokens, LateOrEarlyRightBeforeATimeIsAnAdverb) {
  std::vector<Token> t = Tagged("Peru expelled two envoys late Tuesday.");
  EXPECT_EQ(TagOf(t, "late"), Tag::kAdverb);
  std::vector<Token> u = Tagged("They mourned the late president.");
  EXPECT_NE(TagOf(u, "late"), Tag::kAdverb);
}

TEST(TagTokens, APresentFormBeforeAPhraseAndATensedVerbIsTheSubjectsNoun) {
  std::vector<Token> t =
      Tagged("The EU sanctions against Belarus took effect on Monday.");
  EXPECT_EQ(TagOf(t, "sanctions"), Tag::kNoun);
  EXPECT_EQ(TagOf(t, "took"), Tag::kVerb);
  // Names and a present form before a phrase, with no other verb: the names' verb.
  std::vector<Token> u =
      Tagged("Chile and Peru meet in Lima on Monday and will sign a pact.");
  EXPECT_EQ(TagOf(u, "meet"), Tag::kVerb);
  // A participle after the phrase describes it; the present form stays the verb.
  std::vector<Token> v =
      Tagged("The Treaty builds on the Security Agreement signed in May.");
  EXPECT_EQ(TagOf(v, "builds"), Tag::kVerb);
}

TEST(TagTokens, AsBeforeANameAndABaseFormIsAPreposition) {
  // "as ECOWAS chair": the bloc's chair, not the bloc chairing.
  EXPECT_EQ(TagOf(Tagged("Ghana took over as ECOWAS chair on Friday."), "as"),
            Tag::kPreposition);
  // A past form after the name is its verb: a clause follows.
  EXPECT_EQ(TagOf(Tagged("Trade rose as Chile cut tariffs."), "as"), Tag::kSubordinator);
}

TEST(TagTokens, FollowingOrPastAfterAnArticleIsNoPreposition) {
  std::vector<Token> t = Tagged("The following day, Chile and Peru signed a pact.");
  EXPECT_EQ(TagOf(t, "following"), Tag::kAdjective);
  std::vector<Token> u = Tagged("Following the talks, Chile and Peru signed a pact.");
  EXPECT_EQ(TagOf(u, "Following"), Tag::kPreposition);
}

TEST(TagTokens, APresentFormRightAfterWhichIsItsVerb) {
  std::vector<Token> t =
      Tagged("Lithuania, which borders Belarus, signed a pact with Japan.");
  EXPECT_EQ(TagOf(t, "borders"), Tag::kVerb);
}

TEST(TagTokens, APresentFormClosingJoinedModifiersAfterAPrepositionIsTheirNoun) {
  std::vector<Token> t =
      Tagged("The bloc lifted the closure of land and air borders with Mali.");
  EXPECT_EQ(TagOf(t, "borders"), Tag::kNoun);
  // A plural after the "and" may be the subject of the verb that follows it.
  std::vector<Token> u =
      Tagged("The leaders of both states and officials say talks went well.");
  EXPECT_EQ(TagOf(u, "say"), Tag::kVerb);
}

}  // namespace
}  // namespace entente::importers::internal
