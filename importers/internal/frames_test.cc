#include "importers/internal/frames.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

using graph::RelationType;

const Lexicon& Words() { return testing::SharedKnowledge().lexicon(); }

absl::StatusOr<Frame> Parse(absl::string_view line) {
  return ParseFrame(line, Words(), "frames/test.txt", 7);
}

// The message of a line that must not compile; fails the test if it compiles or
// the error is not an InvalidArgument.
std::string ErrorOf(absl::string_view line) {
  absl::StatusOr<Frame> frame = Parse(line);
  if (frame.ok()) {
    ADD_FAILURE() << "compiled: " << line;
    return "";
  }
  EXPECT_EQ(frame.status().code(), absl::StatusCode::kInvalidArgument) << line;
  return std::string(frame.status().message());
}

TEST(ParseFrame, ADirectedFrameHasItsTypeTriggerAndSlots) {
  absl::StatusOr<Frame> f =
      Parse("visit  v:visit|tour|@visit_noun  source=subj  target=obj|to");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->type, RelationType::kVisit);
  EXPECT_TRUE(f->verbal);
  EXPECT_EQ(f->lemmas, (std::vector<std::string>{"visit", "tour"}));
  EXPECT_EQ(f->trigger_classes, (std::vector<ClassId>{Words().Find("visit_noun")}));
  ASSERT_EQ(f->source.size(), 1u);
  EXPECT_EQ(f->source[0].first.kind, Slot::kSubject);
  EXPECT_FALSE(f->source[0].crossed);
  ASSERT_EQ(f->target.size(), 2u);
  EXPECT_EQ(f->target[0].first.kind, Slot::kObject);
  EXPECT_EQ(f->target[1].first.kind, Slot::kPrep);
  EXPECT_EQ(f->target[1].first.prep, "to");
  EXPECT_EQ(f->file, "frames/test.txt");
  EXPECT_EQ(f->line, 7);
}

TEST(ParseFrame, CrossedAndMultiWordSlotsOfASymmetricFrame) {
  absl::StatusOr<Frame> f =
      Parse("agreement  n:signing  parties=subj+with|in_the_presence_of|group");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_FALSE(f->verbal);
  EXPECT_EQ(f->lemmas, (std::vector<std::string>{"signing"}));
  ASSERT_EQ(f->parties.size(), 3u);
  EXPECT_TRUE(f->parties[0].crossed);
  EXPECT_EQ(f->parties[0].first.kind, Slot::kSubject);
  EXPECT_EQ(f->parties[0].second.kind, Slot::kPrep);
  EXPECT_EQ(f->parties[0].second.prep, "with");
  EXPECT_EQ(f->parties[1].first.prep, "in the presence of");
  EXPECT_EQ(f->parties[2].first.kind, Slot::kGroup);
  EXPECT_TRUE(f->source.empty());
}

TEST(ParseFrame, TheSpeakerIsASlot) {
  absl::StatusOr<Frame> f =
      Parse("trade_volume  v:reach  subj=@trade_noun  parties=subj+with|speaker+with");
  ASSERT_TRUE(f.ok()) << f.status();
  ASSERT_EQ(f->parties.size(), 2u);
  EXPECT_EQ(f->parties[1].first.kind, Slot::kSpeaker);
  EXPECT_EQ(f->parties[1].second.prep, "with");
}

TEST(ParseFrame, APhrasalTriggerKeepsItsParticle) {
  absl::StatusOr<Frame> f = Parse("meeting  v:sit_down  parties=subj+with");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->lemmas, (std::vector<std::string>{"sit down"}));
}

TEST(ParseFrame, ConditionsAndConstantsAreKept) {
  absl::StatusOr<Frame> f = Parse(
      "agreement  v:seal  obj=@agreement_kind  near=@trade_noun  not=@remote_talk  "
      "verb_not=@partnership_care  self_not=@process_talks  needs=money  needs=date  "
      "mood=any  max_parties=3  confidence=0.55  "
      "attr.kind=treaty  parties=subj");
  ASSERT_TRUE(f.ok()) << f.status();
  ASSERT_EQ(f->requires_in_slot.size(), 1u);
  EXPECT_EQ(f->requires_in_slot[0].slot.kind, Slot::kObject);
  EXPECT_EQ(f->requires_in_slot[0].cls, Words().Find("agreement_kind"));
  EXPECT_EQ(f->near, (std::vector<ClassId>{Words().Find("trade_noun")}));
  EXPECT_EQ(f->absent, (std::vector<ClassId>{Words().Find("remote_talk")}));
  EXPECT_EQ(f->verb_not, (std::vector<ClassId>{Words().Find("partnership_care")}));
  EXPECT_EQ(f->self_not, (std::vector<ClassId>{Words().Find("process_talks")}));
  EXPECT_TRUE(f->needs_money);
  EXPECT_TRUE(f->needs_date);
  EXPECT_FALSE(f->needs_percent);
  EXPECT_TRUE(f->any_mood);
  EXPECT_EQ(f->max_parties, 3);
  EXPECT_DOUBLE_EQ(f->confidence, 0.55);
  EXPECT_EQ(f->constants,
            (std::vector<std::pair<std::string, std::string>>{{"kind", "treaty"}}));
}

TEST(ParseFrame, AnOwnAmountIsAnAmountNeedToo) {
  absl::StatusOr<Frame> f =
      Parse("investment  v:pledge  needs=own_money  source=subj  target=to");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_money);
  EXPECT_TRUE(f->needs_own_money);
}

TEST(ParseFrame, ABaselineIsANeedOfItsOwn) {
  absl::StatusOr<Frame> f =
      Parse("trade_volume  v:raise  obj=@trade_noun  needs=baseline  parties=subj");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_baseline);
  EXPECT_FALSE(f->needs_money);
}

TEST(ParseFrame, AModifierTriggerIsANounFramesOnly) {
  absl::StatusOr<Frame> f =
      Parse("visit  n:visiting  trigger=modifier  source=self  target=host");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->modifier_trigger);
  EXPECT_FALSE(Parse("visit  v:visit  trigger=modifier  source=subj  target=obj").ok());
  EXPECT_FALSE(Parse("visit  n:visiting  trigger=head  source=self  target=host").ok());
}

TEST(ParseFrame, PledgedMoodAcceptsPledgesOnly) {
  absl::StatusOr<Frame> f =
      Parse("declaration  v:back  source=subj  target=obj  mood=pledged");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->pledged_mood);
  EXPECT_FALSE(f->any_mood);
  EXPECT_FALSE(f->future_mood);
}

TEST(ParseFrame, ActingSubjectIsACondition) {
  absl::StatusOr<Frame> f = Parse(
      "site  v:build  obj=@facility  needs=acting_subject  source=subj  target=obj");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_acting_subject);
  EXPECT_FALSE(f->needs_named_subject);
}

TEST(ParseFrame, StateSourceIsACondition) {
  absl::StatusOr<Frame> f = Parse(
      "membership  v:found  needs=state_source  source=subj  target=obj  "
      "attr.role=member");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_state_source);
  EXPECT_FALSE(f->needs_acting_subject);
}

TEST(ParseFrame, StatesIsACondition) {
  absl::StatusOr<Frame> f =
      Parse("meeting  n:summit  needs=states  max_parties=2  parties=mod");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_states);
  EXPECT_FALSE(f->needs_state_source);
}

TEST(ParseFrame, NoObjectIsACondition) {
  absl::StatusOr<Frame> f =
      Parse("forum  v:attend  needs=no_object  source=subj  target=event");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_no_object);
  EXPECT_FALSE(f->needs_thing_object);
}

TEST(ParseFrame, CountedObjectIsRead) {
  absl::StatusOr<Frame> f =
      Parse("agreement  v:sign  needs=counted_object  parties=subj|item");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_counted_object);
  EXPECT_FALSE(f->needs_own_date);
}

TEST(ParseFrame, OwnDateAndApposedSlotAreRead) {
  absl::StatusOr<Frame> f =
      Parse("membership  n:chair  needs=own_date  source=appos  target=of");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_own_date);
  ASSERT_EQ(f->source.size(), 1u);
  EXPECT_EQ(f->source[0].first.kind, Slot::kApposed);
  absl::StatusOr<Frame> g =
      Parse("membership  v:take_over  source=subj  target=obj|org  mood=future");
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->target.size(), 2u);
  EXPECT_EQ(g->target[1].first.kind, Slot::kOrganization);
  EXPECT_THAT(ErrorOf("meeting  v:meet  needs=dated  parties=subj"),
              ::testing::HasSubstr("frames/test.txt:7: needs=dated: want"));
}

TEST(ParseFrame, ThroughListsThePrepositionsAPartyMaySitBehind) {
  absl::StatusOr<Frame> f = Parse(
      "sanction  v:impose  obj=@sanction_noun  source=subj  target=on  "
      "through=to|with|on_behalf_of");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->through, (std::vector<std::string>{"to", "with", "on behalf of"}));
  EXPECT_TRUE(Parse("sanction  v:impose  source=subj  target=on")->through.empty());
  EXPECT_EQ(ErrorOf("sanction  v:impose  source=subj  target=on  through=to||with"),
            "frames/test.txt:7: through= needs prepositions");
}

TEST(ParseFrame, ThingObjectIsAFlagOfItsOwn) {
  absl::StatusOr<Frame> f =
      Parse("membership  v:join  needs=thing_object  source=subj  target=obj");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->needs_thing_object);
  EXPECT_FALSE(f->needs_person_object);
}

TEST(ParseFrame, DateSinceMarksAStateThatStillHolds) {
  absl::StatusOr<Frame> f =
      Parse("downgrade  v:remain  date=since  source=from  target=subj");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->since_state);
  EXPECT_FALSE(f->anniversary);
}

TEST(ParseFrame, DefaultsAreFactualMoodAndConfidencePointEight) {
  absl::StatusOr<Frame> f = Parse("meeting  v:meet  parties=subj");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_FALSE(f->any_mood);
  EXPECT_FALSE(f->anniversary);
  EXPECT_FALSE(f->since_state);
  EXPECT_EQ(f->max_parties, 0);
  EXPECT_DOUBLE_EQ(f->confidence, 0.8);
}

TEST(ParseFrame, UnknownTypesClassesAndSlotsNameFileAndLine) {
  for (absl::string_view line : {
           "friendship  v:meet  parties=subj",           // Unknown type.
           "agreement  v:@no_such_class  parties=subj",  // Unknown trigger class.
           "agreement  v:sign  obj=@no_such_class  parties=subj",
           "meeting  n:talks  self_not=@no_such_class  parties=subj",
           "agreement  v:sign  parties=subj+elsewhere",     // Unknown slot.
           "agreement  v:sign  parties=subj  colour=blue",  // Unknown key.
           "agreement  x:sign  parties=subj",               // Trigger without v: or n:.
           "agreement  v:sign  parties",                    // Not key=value.
       }) {
    std::string error = ErrorOf(line);
    EXPECT_TRUE(absl::StartsWith(error, "frames/test.txt:7: "))
        << line << " -> " << error;
  }
}

TEST(ParseFrame, ASymmetricTypeNeedsParties) {
  std::string error = ErrorOf("meeting  v:meet  source=subj  target=obj");
  EXPECT_TRUE(absl::StartsWith(error, "frames/test.txt:7: ")) << error;
  EXPECT_TRUE(absl::StrContains(error, "parties=")) << error;
}

TEST(ParseFrame, ADirectedTypeNeedsSourceAndTarget) {
  std::string no_target = ErrorOf("visit  v:visit  source=subj");
  EXPECT_TRUE(absl::StartsWith(no_target, "frames/test.txt:7: ")) << no_target;
  std::string parties_only = ErrorOf("sanction  v:sanction  parties=subj+obj");
  EXPECT_TRUE(absl::StartsWith(parties_only, "frames/test.txt:7: ")) << parties_only;
}

TEST(ParseFrame, BadNeedsMoodAndNumbersNameFileAndLine) {
  for (absl::string_view line : {
           "meeting  v:meet  needs=luck  parties=subj",
           "meeting  v:meet  mood=hopeful  parties=subj",
           "meeting  v:meet  date=yesterday  parties=subj",
           "meeting  v:meet  confidence=0  parties=subj",
           "meeting  v:meet  confidence=1.5  parties=subj",
           "meeting  v:meet  confidence=high  parties=subj",
           "meeting  v:meet  max_parties=1  parties=subj",
       }) {
    std::string error = ErrorOf(line);
    EXPECT_TRUE(absl::StartsWith(error, "frames/test.txt:7: "))
        << line << " -> " << error;
  }
}

TEST(FrameBook, IndexesVerbFramesByLemmaAndNounFramesApart) {
  absl::StatusOr<std::unique_ptr<FrameBook>> book = FrameBook::Compile(
      {{"frames/a.txt",
        "# visits\n"
        "visit  v:visit|tour  source=subj  target=obj\n"
        "\n"
        "visit  n:@visit_noun  source=poss  target=to\n"},
       {"frames/b.txt", "meeting  v:meet|@talks_noun  parties=subj  # a comment\n"}},
      Words());
  ASSERT_TRUE(book.ok()) << book.status();
  ASSERT_EQ((*book)->frames().size(), 3u);
  const std::vector<int>* tour = (*book)->VerbFrames("tour");
  ASSERT_NE(tour, nullptr);
  EXPECT_EQ(*tour, (std::vector<int>{0}));
  ASSERT_NE((*book)->VerbFrames("meet"), nullptr);
  EXPECT_EQ(*(*book)->VerbFrames("meet"), (std::vector<int>{2}));
  EXPECT_EQ((*book)->VerbFrames("sign"), nullptr);
  EXPECT_EQ((*book)->NounFrames(), (std::vector<int>{1}));
  EXPECT_EQ((*book)->VerbClassFrames(), (std::vector<int>{2}));
  EXPECT_EQ((*book)->frames()[1].line, 4);
  EXPECT_EQ((*book)->frames()[2].file, "frames/b.txt");
}

TEST(FrameBook, ABadLineNamesItsFileAndLine) {
  absl::StatusOr<std::unique_ptr<FrameBook>> book =
      FrameBook::Compile({{"frames/a.txt", "visit  v:visit  source=subj  target=obj\n"},
                          {"frames/b.txt", "# first\n\nvisit  v:visit  source=subj\n"}},
                         Words());
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(book.status().message(), "frames/b.txt:3: "))
      << book.status();
}

}  // namespace
}  // namespace entente::importers::internal
