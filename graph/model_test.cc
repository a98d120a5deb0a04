#include "graph/model.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::graph {
namespace {

TEST(DateWithPrecision, ParsesEachPrecision) {
  auto year = DateWithPrecision::Parse("1993");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->precision, DatePrecision::kYear);
  EXPECT_EQ(year->ToString(), "1993");
  auto month = DateWithPrecision::Parse("2026-02");
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->ToString(), "2026-02");
  auto day = DateWithPrecision::Parse("2024-02-29");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->day, 29);
}

TEST(DateWithPrecision, RejectsImpossibleDates) {
  for (const char* text : {"2023-02-29", "2026-13", "26-01-01", "2026-1-1", "abcd"}) {
    auto date = DateWithPrecision::Parse(text);
    EXPECT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(date.status().message().find(text), absl::string_view::npos);
  }
}

TEST(DateWithPrecision, CoversItsWholePeriod) {
  auto month = *DateWithPrecision::Parse("2026-12");
  EXPECT_EQ(month.FirstDay(), DaysFromCivil(2026, 12, 1));
  EXPECT_EQ(month.EndDay(), DaysFromCivil(2027, 1, 1));
  int y, m, d;
  CivilFromDays(DaysFromCivil(2026, 2, 4), &y, &m, &d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20260204);
}

TEST(TimeWindow, YearDateOverlapsWindowInsideIt) {
  TimeWindow window{DaysFromCivil(1993, 6, 1), DaysFromCivil(1993, 7, 1)};
  EXPECT_TRUE(window.Contains(DateWithPrecision::Year(1993)));
  EXPECT_FALSE(window.Contains(DateWithPrecision::Year(1994)));
  EXPECT_FALSE(window.Contains(DateWithPrecision{}));
}

TEST(RelationIdentity, SymmetricTypesIgnoreEndpointOrder) {
  Relation a;
  a.type = RelationType::kPartnership;
  a.source.id = "country:PAK";
  a.target.id = "country:KAZ";
  a.date = DateWithPrecision::Day(2026, 2, 4);
  Relation b = a;
  std::swap(b.source, b.target);
  EXPECT_EQ(RelationIdOf(a), RelationIdOf(b));
  a.type = b.type = RelationType::kVisit;
  EXPECT_NE(RelationIdOf(a), RelationIdOf(b));
}

TEST(RelationIdentity, AgreementKindTellsRelationsApart) {
  Relation a;
  a.type = RelationType::kAgreement;
  a.source.id = "country:KAZ";
  a.target.id = "country:PAK";
  a.date = DateWithPrecision::Day(2026, 2, 4);
  a.attributes["kind"] = std::string("documents");
  Relation b = a;
  b.attributes["kind"] = std::string("joint_declaration");
  EXPECT_NE(RelationIdentity(a), RelationIdentity(b));
  b.attributes["kind"] = std::string("Documents");
  EXPECT_EQ(RelationIdentity(a), RelationIdentity(b));
}

TEST(RelationIdentity, SanctionMeasureAndActionTellRelationsApart) {
  Relation imposed;
  imposed.type = RelationType::kSanction;
  imposed.source.id = "org:eu";
  imposed.target.id = "country:BLR";
  imposed.date = DateWithPrecision::Month(2025, 3);
  imposed.attributes["measure"] = std::string("asset_freeze");
  Relation extended = imposed;
  extended.attributes["action"] = std::string("extended");
  Relation embargo = imposed;
  embargo.attributes["measure"] = std::string("embargo");
  EXPECT_NE(RelationIdentity(imposed), RelationIdentity(extended));
  EXPECT_NE(RelationIdentity(imposed), RelationIdentity(embargo));
  // Directed: the target sanctioning the source back is another relation.
  Relation reply = imposed;
  std::swap(reply.source, reply.target);
  EXPECT_NE(RelationIdentity(imposed), RelationIdentity(reply));
}

TEST(ParseRelationType, KnowsTheMeasuresThatCoolARelationship) {
  EXPECT_EQ(ParseRelationType("sanction"), RelationType::kSanction);
  EXPECT_EQ(ParseRelationType("downgrade"), RelationType::kDowngrade);
  EXPECT_EQ(RelationTypeName(RelationType::kDowngrade), "downgrade");
  EXPECT_FALSE(IsSymmetric(RelationType::kSanction));
  auto set = ParseRelationTypeSet("sanction,downgrade");
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(set->Contains(RelationType::kDowngrade));
  EXPECT_FALSE(set->Contains(RelationType::kMeeting));
}

TEST(CooperativeRelationTypes, AreAllButTheMeasuresThatCoolARelationship) {
  const RelationTypeSet cooperative = CooperativeRelationTypes();
  EXPECT_FALSE(cooperative.Contains(RelationType::kSanction));
  EXPECT_FALSE(cooperative.Contains(RelationType::kDowngrade));
  EXPECT_FALSE(cooperative.Contains(RelationType::kUnspecified));
  for (int i = 1; i <= static_cast<int>(RelationType::kMembership); ++i) {
    EXPECT_TRUE(cooperative.Contains(static_cast<RelationType>(i))) << i;
    EXPECT_FALSE(IsCooling(static_cast<RelationType>(i))) << i;
  }
  EXPECT_TRUE(IsCooling(RelationType::kDowngrade));
}

TEST(IdentityAttributeKeys, AreTheKeysTheIdentityUses) {
  EXPECT_THAT(IdentityAttributeKeys(RelationType::kSanction),
              ::testing::ElementsAre("measure", "action"));
  EXPECT_THAT(IdentityAttributeKeys(RelationType::kDowngrade),
              ::testing::ElementsAre("measure"));
  EXPECT_TRUE(IdentityAttributeKeys(RelationType::kMeeting).empty());
  // Changing a key's value changes the identity; another attribute does not.
  Relation r;
  r.type = RelationType::kDowngrade;
  r.source.id = "country:USA";
  r.target.id = "country:RUS";
  r.attributes["measure"] = std::string("cut_aid");
  Relation other_measure = r, other_tone = r;
  other_measure.attributes["measure"] = std::string("expel_diplomats");
  other_tone.attributes["tone"] = -3.5;
  EXPECT_NE(RelationIdentity(r), RelationIdentity(other_measure));
  EXPECT_EQ(RelationIdentity(r), RelationIdentity(other_tone));
}

// Ids stored by earlier versions hashed the identity string; RelationIdOf
// hashes the same bytes without building it, so stored ids stay valid.
TEST(RelationIdentity, IdIsTheHashOfTheIdentityString) {
  const DateWithPrecision dates[] = {DateWithPrecision::Day(2026, 2, 4),
                                     DateWithPrecision::Month(1993, 11),
                                     DateWithPrecision::Year(812), DateWithPrecision{}};
  int checked = 0;
  for (int type = 1; type < kRelationTypeCount; ++type) {
    for (const DateWithPrecision& date : dates) {
      Relation r;
      r.type = static_cast<RelationType>(type);
      r.source.id = "country:PAK";
      r.target.id = "org:EU";
      r.date = date;
      EXPECT_EQ(RelationIdOf(r), StableHash64(RelationIdentity(r)));
      r.attributes["kind"] = std::string("Joint Declaration");
      r.attributes["title"] = std::vector<std::string>{"A", "b"};
      r.attributes["amount"] = int64_t{1500000000};
      r.attributes["currency"] = std::string("USD");
      r.attributes["by_year"] = 2030.5;
      r.attributes["facility"] = std::string("Port");
      r.attributes["role"] = std::string("Chair");
      EXPECT_EQ(RelationIdOf(r), StableHash64(RelationIdentity(r)))
          << RelationIdentity(r);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4 * (kRelationTypeCount - 1));
}

TEST(MergeRelation, AddsNewProvenanceOnce) {
  Relation stored;
  stored.provenance.push_back({.item = 1, .document = "a.txt"});
  Relation report;
  report.provenance.push_back({.item = 3, .document = "b.txt"});
  EXPECT_TRUE(MergeRelation(report, &stored));
  EXPECT_EQ(stored.provenance.size(), 2u);
  EXPECT_FALSE(MergeRelation(report, &stored));
  EXPECT_EQ(stored.provenance.size(), 2u);
}

TEST(MergeRelation, ACopyOfADocumentUnderAnotherNameAddsNothing) {
  const Provenance original{.item = 2,
                            .quote = "Chile and Ghana signed.",
                            .start = 40,
                            .end = 63,
                            .document = "week-12.txt"};
  Relation stored;
  stored.provenance.push_back(original);
  Relation copy;
  copy.provenance.push_back(original);
  copy.provenance.back().document = "copy of week-12.txt";
  EXPECT_FALSE(MergeRelation(copy, &stored));
  EXPECT_EQ(stored.provenance.size(), 1u);
  // Another document quoting the same words elsewhere is another report.
  Relation elsewhere;
  elsewhere.provenance.push_back(original);
  elsewhere.provenance.back().start = 10;
  elsewhere.provenance.back().end = 33;
  EXPECT_TRUE(MergeRelation(elsewhere, &stored));
  EXPECT_EQ(stored.provenance.size(), 2u);
  // Without a quote, offsets alone do not make two documents one.
  Relation unquoted_a, unquoted_b;
  unquoted_a.provenance.push_back({.item = 1, .document = "a.jsonl"});
  unquoted_b.provenance.push_back({.item = 1, .document = "b.jsonl"});
  EXPECT_TRUE(MergeRelation(unquoted_b, &unquoted_a));
  EXPECT_EQ(unquoted_a.provenance.size(), 2u);
}

TEST(SameRelationIdentity, AgreesWithTheIdentityString) {
  Relation a;
  a.type = RelationType::kAgreement;
  a.source = {"country:CHL", "Chile", EntityKind::kCountry};
  a.target = {"country:GHA", "Ghana", EntityKind::kCountry};
  a.date = DateWithPrecision::Day(2024, 3, 11);
  a.attributes["kind"] = std::string("treaty");
  Relation swapped = a;  // Agreements are symmetric.
  std::swap(swapped.source, swapped.target);
  swapped.attributes["count"] = int64_t{3};  // Not part of the identity.
  Relation other_kind = a;
  other_kind.attributes["kind"] = std::string("memorandum");
  Relation other_day = a;
  other_day.date = DateWithPrecision::Day(2024, 3, 12);
  Relation no_kind = a;
  no_kind.attributes.erase("kind");
  for (const Relation* r : {&a, &swapped, &other_kind, &other_day, &no_kind}) {
    EXPECT_EQ(SameRelationIdentity(a, *r), RelationIdentity(a) == RelationIdentity(*r))
        << RelationIdentity(*r);
  }
  EXPECT_TRUE(SameRelationIdentity(a, swapped));
  EXPECT_FALSE(SameRelationIdentity(a, other_kind));
  EXPECT_FALSE(SameRelationIdentity(a, other_day));
  EXPECT_FALSE(SameRelationIdentity(a, no_kind));
}

TEST(ParseRelationTypeSet, NamesTheUnknownType) {
  auto set = ParseRelationTypeSet("partnership,frenemy");
  EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(set.status().message().find("frenemy"), absl::string_view::npos);
  auto ok = ParseRelationTypeSet("partnership, agreement");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->Contains(RelationType::kAgreement));
  EXPECT_FALSE(ok->Contains(RelationType::kVisit));
}

TEST(IndependentReports, CountsDistinctOutletsAndUnnamedDocuments) {
  Relation r;
  EXPECT_EQ(IndependentReports(r), 1u);  // Stored because something said it.
  auto report = [&r](const char* outlet, const char* document) {
    Provenance p;
    p.outlet = outlet;
    p.document = document;
    r.provenance.push_back(p);
  };
  report("Caspian Courier", "week-1");
  EXPECT_EQ(IndependentReports(r), 1u);
  report("caspian courier", "week-2");  // The same outlet again.
  report("Steppe Wire", "week-2");
  EXPECT_EQ(IndependentReports(r), 2u);
  report("", "release-7");  // No outlet: its document stands for it.
  report("", "release-7");
  report("", "release-8");
  EXPECT_EQ(IndependentReports(r), 4u);
  // A document named like an outlet is no second report of that outlet, and
  // past the pairwise comparison the count is the same.
  report("", "Steppe Wire");
  for (int i = 0; i < 40; ++i) report("STEPPE WIRE", "week-3");
  EXPECT_EQ(IndependentReports(r), 5u);
}

TEST(EndsLastingStates, OnlyABreakOfRelations) {
  Relation r;
  r.type = RelationType::kDowngrade;
  EXPECT_FALSE(EndsLastingStates(r));  // No measure named.
  r.attributes["measure"] = std::string("recall_ambassador");
  EXPECT_FALSE(EndsLastingStates(r));
  r.attributes["measure"] = std::string("break_relations");
  EXPECT_TRUE(EndsLastingStates(r));
  r.type = RelationType::kSanction;
  EXPECT_FALSE(EndsLastingStates(r));
}

}  // namespace
}  // namespace entente::graph
