#include "service/cli/dot.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(DotQuote, EscapesQuotesBackslashesAndNewlines) {
  EXPECT_EQ(DotQuote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
}

TEST(DotGraph, RendersLabelledEdgesOnce) {
  DotGraph graph;
  graph.AddNode("country:PAK", "Pakistan", "country");
  graph.AddNode("country:KAZ", "Kazakhstan", "country");
  graph.AddNode("country:PAK", "Pakistan again", "country");
  graph.AddEdge("1", "country:PAK", "country:KAZ", "partnership", "2026-02-04", false);
  graph.AddEdge("1", "country:PAK", "country:KAZ", "partnership", "2026-02-04", false);
  graph.AddEdge("2", "country:KAZ", "org:eu", "visit", "", true);
  std::string dot = graph.Render();
  EXPECT_THAT(dot, HasSubstr("digraph entente {\n"));
  EXPECT_THAT(dot, HasSubstr("  \"country:PAK\" [label=\"Pakistan\", fillcolor="));
  EXPECT_THAT(dot, Not(HasSubstr("Pakistan again")));
  EXPECT_THAT(dot,
              HasSubstr("  \"country:PAK\" -> \"country:KAZ\" "
                        "[label=\"partnership\\n2026-02-04\", dir=none, id=\"1\"];\n"));
  EXPECT_THAT(
      dot, HasSubstr("  \"country:KAZ\" -> \"org:eu\" [label=\"visit\", id=\"2\"];\n"));
  EXPECT_EQ(dot.find("partnership"), dot.rfind("partnership"));
  EXPECT_EQ(dot.back(), '\n');
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

}  // namespace
}  // namespace entente::service::cli
