#include "importers/internal/frame_matcher.h"

#include "gtest/gtest.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

// The frame matches of every sentence of an item of one paragraph, kept with the
// item they point into.
class Matches {
 public:
  explicit Matches(const std::string& paragraph)
      : digest_(testing::MakeItem("", {paragraph},
                                  graph::DateWithPrecision::Day(2025, 3, 13))),
        text_(ReadItem(testing::SharedKnowledge(), *testing::SharedGazetteer(), digest_)),
        discourse_(testing::SharedKnowledge(), *testing::SharedGazetteer(), text_) {
    for (size_t s = 0; s < text_.sentences.size(); ++s) {
      for (FrameMatch& m : MatchFrames(testing::SharedKnowledge(), discourse_, text_,
                                       static_cast<int>(s))) {
        matches_.push_back(std::move(m));
      }
    }
  }

  const std::vector<FrameMatch>& all() const { return matches_; }
  // "type source target" per pair of every match.
  std::vector<std::string> Pairs() const {
    std::vector<std::string> out;
    for (const FrameMatch& m : matches_) {
      for (const auto& [a, b] : m.pairs) {
        out.push_back(std::string(graph::RelationTypeName(m.frame->type)) + " " +
                      a.party + " " + b.party);
      }
    }
    return out;
  }
  std::string TriggerText(const FrameMatch& m) const {
    const Sentence& s = text_.sentences[m.sentence];
    std::string out;
    for (int i = m.trigger.begin; i < m.trigger.end; ++i) {
      if (!out.empty()) out.push_back(' ');
      out.append(s.tokens[i].text.data(), s.tokens[i].text.size());
    }
    return out;
  }

 private:
  DigestItem digest_;
  ItemText text_;
  Discourse discourse_;
  std::vector<FrameMatch> matches_;
};

using Lines = std::vector<std::string>;

TEST(MatchFrames, AVerbFrameFillsItsPartiesFromTheClause) {
  Matches m("Chile and Peru signed a fisheries agreement on Monday.");
  EXPECT_EQ(m.Pairs(), (Lines{"agreement country:CHL country:PER"}));
  ASSERT_EQ(m.all().size(), 1u);
  EXPECT_EQ(m.TriggerText(m.all()[0]), "signed");
  EXPECT_EQ(m.all()[0].np, -1);
  EXPECT_FALSE(m.all()[0].irrealis);
  EXPECT_EQ(m.all()[0].frame->file, "frames/accords.txt");
}

TEST(MatchFrames, APassiveVerbFindsItsPartiesAfterBetween) {
  Matches m("An agreement was signed between Chile and Peru.");
  EXPECT_EQ(m.Pairs(), (Lines{"agreement country:CHL country:PER"}));
}

TEST(MatchFrames, ANounFrameFillsItsPartiesFromItsPhrase) {
  Matches m("Chilean President Ramon Ortiz Vega's visit to Peru ended on Monday.");
  EXPECT_EQ(m.Pairs(), (Lines{"visit country:CHL country:PER"}));
  ASSERT_EQ(m.all().size(), 1u);
  EXPECT_GE(m.all()[0].np, 0);
  EXPECT_EQ(m.TriggerText(m.all()[0]), "visit");
}

// Each test of what blocks a frame first shows the same sentence without the block.

TEST(MatchFrames, RespectivelyPairsTwoListsPlaceByPlace) {
  Matches m("Chile and Peru signed pacts with Fiji and Samoa respectively.");
  EXPECT_EQ(m.Pairs(), (Lines{"agreement country:CHL country:FJI",
                              "agreement country:PER country:WSM"}));
  // Without "respectively", every party of one list with every one of the other.
  EXPECT_EQ(Matches("Chile and Peru signed pacts with Fiji and Samoa.").Pairs().size(),
            4u);
}

TEST(MatchFrames, ANegatedVerbGivesNothing) {
  EXPECT_EQ(Matches("Chile signed an agreement with Peru.").Pairs(),
            (Lines{"agreement country:CHL country:PER"}));
  EXPECT_EQ(Matches("Chile did not sign an agreement with Peru.").Pairs(), Lines{});
}

TEST(MatchFrames, AFutureEventGivesNothingWithoutMoodAny) {
  EXPECT_EQ(Matches("Chile will sign an agreement with Peru.").Pairs(), Lines{});
}

TEST(MatchFrames, AFrameWithMoodAnyMatchesAFutureStatementAsIrrealis) {
  Matches m("Chile and Peru will raise bilateral trade to $5 billion.");
  EXPECT_EQ(m.Pairs(), (Lines{"trade_target country:CHL country:PER"}));
  ASSERT_EQ(m.all().size(), 1u);
  EXPECT_TRUE(m.all()[0].irrealis);
}

TEST(MatchFrames, ACancelledEventGivesNothing) {
  EXPECT_EQ(
      Matches("The visit of the Chilean president to Peru took place on Monday.").Pairs(),
      (Lines{"visit country:CHL country:PER"}));
  EXPECT_EQ(Matches("The visit of the Chilean president to Peru was called off.").Pairs(),
            Lines{});
}

TEST(MatchFrames, AHedgedEventGivesNothing) {
  EXPECT_EQ(Matches("Officials discussed the Chilean president's visit to Peru.").Pairs(),
            (Lines{"visit country:CHL country:PER"}));
  EXPECT_EQ(Matches("Officials discussed the Chilean president's possible visit to Peru.")
                .Pairs(),
            Lines{});
}

TEST(MatchFrames, AFrameThatNeedsMoneyGivesNothingWithoutAnAmount) {
  EXPECT_EQ(
      Matches("Chile and Peru agreed to raise bilateral trade to $5 billion.").Pairs(),
      (Lines{"trade_target country:CHL country:PER"}));
  EXPECT_EQ(Matches("Chile and Peru agreed to raise bilateral trade.").Pairs(), Lines{});
}

TEST(MatchFrames, AMeetingOfMoreThanMaxPartiesGivesNothing) {
  EXPECT_EQ(Matches("The leaders of Chile, Peru and Ghana met in Lima.").Pairs(),
            (Lines{"meeting country:CHL country:PER", "meeting country:CHL country:GHA",
                   "meeting country:PER country:GHA"}));
  EXPECT_EQ(Matches("The leaders of Chile, Peru, Ghana and Togo met in Lima.").Pairs(),
            Lines{});
}

TEST(MatchFrames, SeparateMeetingsAreMeetingsDespiteMaxParties) {
  Matches m(
      "The Chilean president held separate talks with the leaders of Peru, Ghana and "
      "Togo.");
  EXPECT_EQ(m.Pairs(),
            (Lines{"meeting country:CHL country:PER", "meeting country:CHL country:GHA",
                   "meeting country:CHL country:TGO"}));
}

TEST(MatchFrames, ARemoteTalkIsNoMeeting) {
  EXPECT_EQ(Matches("Chile and Peru held talks in Lima.").Pairs(),
            (Lines{"meeting country:CHL country:PER"}));
  EXPECT_EQ(Matches("Chile and Peru held talks by video link.").Pairs(), Lines{});
}

}  // namespace
TEST(MatchFrames, AGerundUnderADenialIsNoFact) {
  EXPECT_EQ(Matches("Chile joined the Andean Community.").Pairs(),
            (Lines{"membership country:CHL org:andean-community"}));
  EXPECT_EQ(Matches("Chile ruled out joining the Andean Community.").Pairs(), Lines{});
}

TEST(MatchFrames, WhatADeniedReportHoldsIsNoFact) {
  EXPECT_EQ(Matches("Peru signed a fisheries pact with Chile.").Pairs(),
            (Lines{"agreement country:PER country:CHL"}));
  EXPECT_EQ(Matches("Peru denied reports that it had signed a fisheries pact with Chile.")
                .Pairs(),
            Lines{});
}

TEST(MatchFrames, ANounUnderAPlanIsNoFact) {
  EXPECT_EQ(Matches("Chile and Peru are considering an upgrade of their ties to a "
                    "strategic partnership.")
                .Pairs(),
            Lines{});
}

TEST(MatchFrames, AnInvertedConditionIsNoFact) {
  EXPECT_EQ(Matches("Chile and Peru had signed a fisheries pact.").Pairs(),
            (Lines{"agreement country:CHL country:PER"}));
  EXPECT_EQ(
      Matches("Had Chile and Peru signed a fisheries pact, their fleets would be larger.")
          .Pairs(),
      Lines{});
}

}  // namespace entente::importers::internal
