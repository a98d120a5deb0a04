#include "tests/bench/graph_generator.h"

#include <algorithm>
#include <map>

#include "gtest/gtest.h"
#include "importers/relation_jsonl.h"

namespace entente::bench {
namespace {

std::vector<graph::Relation> Generate(uint64_t seed, int64_t relations) {
  SyntheticGraph graph({.seed = seed, .entities = 1000, .relations = relations});
  std::vector<graph::Relation> out;
  graph::Relation r;
  while (graph.Next(&r)) out.push_back(r);
  return out;
}

TEST(SyntheticGraph, SameSeedSameRelations) {
  EXPECT_EQ(Generate(5, 500), Generate(5, 500));
  EXPECT_NE(Generate(5, 500), Generate(6, 500));
  EXPECT_EQ(Generate(5, 500).size(), 500u);
}

TEST(SyntheticGraph, DatesSpan1990To2026AndDegreesAreSkewed) {
  std::map<std::string, int> degree;
  int min_year = 9999, max_year = 0;
  for (const graph::Relation& r : Generate(1, 20000)) {
    ++degree[r.source.id];
    ++degree[r.target.id];
    min_year = std::min(min_year, r.date.year);
    max_year = std::max(max_year, r.date.year);
  }
  EXPECT_EQ(min_year, 1990);
  EXPECT_EQ(max_year, 2026);
  std::vector<int> degrees;
  for (const auto& [id, d] : degree) degrees.push_back(d);
  std::sort(degrees.begin(), degrees.end());
  EXPECT_GT(degrees.back(), 20 * degrees[degrees.size() / 2]);
}

TEST(SyntheticGraph, JsonLinesReadBackAsTheSameRelations) {
  const std::vector<graph::Relation> relations = Generate(3, 300);
  ASSERT_FALSE(relations.empty());
  for (const graph::Relation& r : relations) {
    std::string line = importers::RelationToJsonLine(r);
    absl::StatusOr<graph::Relation> back = importers::RelationFromJsonLine(line);
    ASSERT_TRUE(back.ok()) << back.status() << "\n" << line;
    EXPECT_EQ(back->type, r.type);
    EXPECT_EQ(back->source.id, r.source.id);
    EXPECT_EQ(back->target.id, r.target.id);
    EXPECT_EQ(back->date, r.date);
    EXPECT_EQ(back->reported, r.reported);
    EXPECT_EQ(back->attributes, r.attributes) << line;
    EXPECT_EQ(graph::RelationIdOf(*back), graph::RelationIdOf(r)) << line;
    ASSERT_EQ(back->provenance.size(), 1u);
    EXPECT_EQ(back->provenance[0].quote, r.provenance[0].quote);
  }
}

}  // namespace
}  // namespace entente::bench
