#include "importers/internal/lexicon.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "importers/internal/embedded_data.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

// A few verbs, plurals and phrases of our own. Line numbers matter below.
constexpr absl::string_view kWords =
    "@verb: sign, apply, plan/planned, meet/met/met, teach/taught/taught, fix\n"
    "@plural: memoranda = memorandum\n"
    "@pact: treaty, memorandum = memo,\n"
    "@pact: memorandum of understanding = mou\n"
    "@prefix: agro-*\n"
    "@pact: leaders' statement, people's treaty\n";
constexpr int kMouLine = 4;

// The embedded lexicon's closed classes (the tagger needs them all), without its
// verbs: those come from kWords.
std::vector<WordListEntry> ClosedClasses() {
  std::vector<WordListEntry> entries =
      *ParseWordList("lexicon.txt", EmbeddedDataFile("lexicon.txt"));
  entries.erase(
      std::remove_if(entries.begin(), entries.end(),
                     [](const WordListEntry& e) { return e.class_name == "verb"; }),
      entries.end());
  return entries;
}

const Lexicon& TestLexicon() {
  static const Lexicon* lexicon = [] {
    std::vector<WordListEntry> entries = ClosedClasses();
    std::vector<WordListEntry> ours = *ParseWordList("words.txt", kWords);
    entries.insert(entries.end(), ours.begin(), ours.end());
    absl::StatusOr<std::unique_ptr<Lexicon>> built = Lexicon::Build(entries);
    EXPECT_TRUE(built.ok()) << built.status();
    return built.ok() ? built->release() : nullptr;
  }();
  return *lexicon;
}

// The lemma and form bits of a verb form; "" when the word is no verb.
std::string VerbOf(absl::string_view word, uint8_t* forms = nullptr) {
  const VerbEntry* v = TestLexicon().Verb(word);
  if (v == nullptr) return "";
  if (forms != nullptr) *forms = v->forms;
  return v->lemma;
}

std::vector<Token> Tagged(absl::string_view text) {
  std::vector<Token> tokens = Tokenize(text, 0);
  TagTokens(TestLexicon(), tokens);
  return tokens;
}

TEST(Lexicon, RegularVerbFormsAreGenerated) {
  uint8_t forms = 0;
  EXPECT_EQ(VerbOf("signs", &forms), "sign");
  EXPECT_EQ(forms, kThirdPerson);
  EXPECT_EQ(VerbOf("signed", &forms), "sign");
  EXPECT_EQ(forms, kPastTense | kPastParticiple);
  EXPECT_EQ(VerbOf("signing", &forms), "sign");
  EXPECT_EQ(forms, kGerund);
  EXPECT_EQ(VerbOf("sign", &forms), "sign");
  EXPECT_EQ(forms, kBaseForm);
}

TEST(Lexicon, AConsonantBeforeYBecomesIes) {
  EXPECT_EQ(VerbOf("applies"), "apply");
  EXPECT_EQ(VerbOf("applied"), "apply");
  EXPECT_EQ(VerbOf("applying"), "apply");
  EXPECT_EQ(VerbOf("fixes"), "fix");
  EXPECT_EQ(VerbOf("teaches"), "teach");
}

TEST(Lexicon, AGivenPastServesAsParticipleWhenNoneIsGiven) {
  uint8_t forms = 0;
  EXPECT_EQ(VerbOf("planned", &forms), "plan");
  EXPECT_EQ(forms, kPastTense | kPastParticiple);
  EXPECT_EQ(VerbOf("plans"), "plan");
  EXPECT_EQ(VerbOf("taught", &forms), "teach");
  EXPECT_EQ(forms, kPastTense | kPastParticiple);
}

TEST(Lexicon, IrregularFormsReplaceTheRegularOnes) {
  EXPECT_EQ(VerbOf("met"), "meet");
  EXPECT_EQ(VerbOf("meets"), "meet");
  EXPECT_EQ(VerbOf("meeted"), "");
  EXPECT_EQ(VerbOf("treaty"), "");
}

TEST(Lexicon, NounLemmasAreSingular) {
  const Lexicon& x = TestLexicon();
  EXPECT_EQ(x.NounLemma("treaties"), "treaty");
  EXPECT_EQ(x.NounLemma("agreements"), "agreement");
  EXPECT_EQ(x.NounLemma("memoranda"), "memorandum");  // @plural
  EXPECT_EQ(x.NounLemma("taxes"), "tax");
  EXPECT_EQ(x.NounLemma("freezes"), "freeze");
  EXPECT_EQ(x.NounLemma("buzzes"), "buzz");
  EXPECT_EQ(x.NounLemma("branches"), "branch");
  EXPECT_EQ(x.NounLemma("process"), "process");
  EXPECT_EQ(x.NounLemma("status"), "status");
}

TEST(Lexicon, MatchAtTakesTheLongestPhraseAndItsValue) {
  const Lexicon& x = TestLexicon();
  std::vector<Token> t = Tagged("a memorandum of understanding was signed");
  PhraseMatch m = x.MatchAt(x.Find("pact"), t, 1, static_cast<int>(t.size()));
  EXPECT_EQ(m.length, 3);
  EXPECT_EQ(m.value, "mou");
  EXPECT_EQ(m.file, "words.txt");
  EXPECT_EQ(m.line, kMouLine);
}

TEST(Lexicon, MatchAtStopsAtTheGivenEnd) {
  const Lexicon& x = TestLexicon();
  std::vector<Token> t = Tagged("a memorandum of understanding was signed");
  PhraseMatch m = x.MatchAt(x.Find("pact"), t, 1, 3);
  EXPECT_EQ(m.length, 1);
  EXPECT_EQ(m.value, "memo");  // The continued group's shared value.
  EXPECT_EQ(x.MatchAt(x.Find("pact"), t, 0, 6).length, 0);
}

TEST(Lexicon, APossessiveInAnItemMatchesAsTheTaggerReadsIt) {
  const Lexicon& x = TestLexicon();
  // A plural's possessive mark and "'s" are one token each, as in text.
  std::vector<Token> t = Tagged("the leaders' statement and the people's treaty");
  EXPECT_EQ(x.MatchAt(x.Find("pact"), t, 1, static_cast<int>(t.size())).length, 3);
  EXPECT_EQ(x.MatchAt(x.Find("pact"), t, 6, static_cast<int>(t.size())).length, 3);
}

TEST(Lexicon, MatchAtMatchesANounByItsLemma) {
  const Lexicon& x = TestLexicon();
  std::vector<Token> t = Tagged("two treaties and memoranda");
  EXPECT_EQ(x.MatchAt(x.Find("pact"), t, 1, 4).length, 1);
  PhraseMatch memoranda = x.MatchAt(x.Find("pact"), t, 3, 4);
  EXPECT_EQ(memoranda.length, 1);
  EXPECT_EQ(memoranda.value, "memo");
}

TEST(Lexicon, AWildcardWordMatchesLongerWordsWithItsPrefix) {
  const Lexicon& x = TestLexicon();
  std::vector<Token> t = Tagged("Agro-industrial zones and the agro sector");
  ASSERT_EQ(t[4].lower, "agro");
  EXPECT_EQ(x.MatchAt(x.Find("prefix"), t, 0, 1).length, 1);
  EXPECT_EQ(x.MatchAt(x.Find("prefix"), t, 4, 5).length, 0);
  EXPECT_FALSE(
      x.FindIn(x.Find("prefix"), t, 1, static_cast<int>(t.size()), nullptr, nullptr));
}

// OneWordAt answers from a bit per form what a one-token MatchAt finds: the two
// agree at every token, for word and lemma items, multi-word items, a "word*" item,
// closed classes and no class at all.
TEST(Lexicon, OneWordAtAgreesWithAOneTokenMatch) {
  const Lexicon& x = TestLexicon();
  std::vector<Token> t = Tagged(
      "Both sides signed two treaties and memoranda of understanding, according to "
      "the agro-industrial plan, and no longer as planned by the memo's authors.");
  std::vector<ClassId> classes = {-1};
  for (absl::string_view name : {"pact", "prefix", "det", "poss", "pron", "rel", "prep",
                                 "conj", "sub", "aux", "modal", "neg", "to", "adverb"}) {
    classes.push_back(x.Find(name));
  }
  int found = 0;
  for (ClassId id : classes) {
    for (int i = 0; i < static_cast<int>(t.size()); ++i) {
      const bool one_word = x.MatchAt(id, t, i, i + 1).length == 1;
      EXPECT_EQ(x.OneWordAt(id, t, i), one_word)
          << (id < 0 ? "no class" : x.ClassName(id)) << " at " << t[i].text;
      found += one_word ? 1 : 0;
    }
  }
  EXPECT_GT(found, 10);  // The sentence holds items of most of the classes.
}

TEST(Lexicon, ContainsOnlyWholeItems) {
  const Lexicon& x = TestLexicon();
  EXPECT_TRUE(x.Contains(x.Find("pact"), "memorandum of understanding"));
  EXPECT_TRUE(x.Contains(x.Find("pact"), "treaty"));
  EXPECT_FALSE(x.Contains(x.Find("pact"), "memorandum of"));
  EXPECT_FALSE(x.Contains(x.Find("pact"), "treaties"));
  EXPECT_FALSE(x.Contains(x.Find("no_such_class"), "treaty"));
  EXPECT_EQ(x.Find("no_such_class"), -1);
}

TEST(Lexicon, AMissingClosedClassIsAnError) {
  std::vector<WordListEntry> entries =
      *ParseWordList("words.txt", "@verb: sign\n@det: the\n");
  absl::StatusOr<std::unique_ptr<Lexicon>> built = Lexicon::Build(entries);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(built.status().message(), "@poss")) << built.status();
}

TEST(Lexicon, AMalformedVerbNamesFileAndLine) {
  std::vector<WordListEntry> entries = ClosedClasses();
  std::vector<WordListEntry> bad =
      *ParseWordList("words.txt", "@verb: sign\n@verb: go/went/gone/going/goes\n");
  entries.insert(entries.end(), bad.begin(), bad.end());
  absl::StatusOr<std::unique_ptr<Lexicon>> built = Lexicon::Build(entries);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(built.status().message(), "words.txt:2: "))
      << built.status();
}

}  // namespace
}  // namespace entente::importers::internal
