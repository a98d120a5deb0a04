#include "importers/extractor.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace entente::importers {
namespace {

using graph::DateWithPrecision;

graph::Relation Agreement(std::string source, std::string target, DateWithPrecision date,
                          std::string kind, std::string title) {
  graph::Relation r;
  r.type = graph::RelationType::kAgreement;
  r.source = {.id = std::move(source), .name = "", .kind = graph::EntityKind::kCountry};
  r.target = {.id = std::move(target), .name = "", .kind = graph::EntityKind::kCountry};
  r.date = date;
  r.reported = DateWithPrecision::Day(2031, 5, 3);
  r.attributes["kind"] = std::move(kind);
  r.attributes["title"] = std::move(title);
  r.confidence = 0.8;
  return r;
}

std::string TitleOf(const graph::Relation& r) {
  return std::get<std::string>(r.attributes.at("title"));
}

// Two documents signed by one pair on one day differ only in kind and title; the
// output keeps them in the order the text named them, whatever the titles.
TEST(MergeAndSortRelations, RelationsOfOneDayAndTypeKeepTheTextsOrder) {
  const DateWithPrecision day = DateWithPrecision::Day(2031, 5, 2);
  std::vector<graph::Relation> in = {
      Agreement("country:NOR", "country:PER", day, "treaty",
                "Treaty on Maritime Borders"),
      Agreement("country:NOR", "country:PER", day, "agreement",
                "agreement on air services"),
      Agreement("country:CHL", "country:NOR", DateWithPrecision::Day(2030, 1, 9),
                "treaty", "Treaty of Amity"),
  };
  std::vector<graph::Relation> out = MergeAndSortRelations(in);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(TitleOf(out[0]), "Treaty of Amity");  // The earlier date comes first.
  EXPECT_EQ(TitleOf(out[1]), "Treaty on Maritime Borders");
  EXPECT_EQ(TitleOf(out[2]), "agreement on air services");

  // Named the other way round, they come out the other way round.
  std::swap(in[0], in[1]);
  out = MergeAndSortRelations(in);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(TitleOf(out[1]), "agreement on air services");
  EXPECT_EQ(TitleOf(out[2]), "Treaty on Maritime Borders");
}

TEST(MergeAndSortRelations, OneFactReportedTwiceIsOneLineWithBothProvenances) {
  const DateWithPrecision day = DateWithPrecision::Day(2031, 5, 2);
  graph::Relation a = Agreement("country:NOR", "country:PER", day, "treaty", "Treaty X");
  graph::Relation b = a;
  a.provenance.push_back({.item = 1});
  b.provenance.push_back({.item = 4});
  std::vector<graph::Relation> out = MergeAndSortRelations({a, b});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].provenance.size(), 2u);
}

// A headline's "signed a declaration" this month and the body's named declaration
// on a day of that month are one document.
TEST(MergeAndSortRelations, AnUntitledReportAtAMonthFoldsIntoTheNamedOneOfADay) {
  graph::Relation named =
      Agreement("country:NOR", "country:PER", DateWithPrecision::Day(2031, 5, 2),
                "joint_declaration", "Lima Declaration");
  graph::Relation headline = named;
  headline.date = DateWithPrecision::Month(2031, 5);
  headline.attributes.erase("title");
  std::vector<graph::Relation> out = MergeAndSortRelations({headline, named});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].date, DateWithPrecision::Day(2031, 5, 2));
  EXPECT_EQ(TitleOf(out[0]), "Lima Declaration");

  // Not when the month holds two named ones: which of them it told is unknown.
  graph::Relation other = named;
  other.date = DateWithPrecision::Day(2031, 5, 20);
  other.attributes["title"] = std::string("Cusco Declaration");
  EXPECT_EQ(MergeAndSortRelations({headline, named, other}).size(), 3u);
}

}  // namespace
}  // namespace entente::importers
