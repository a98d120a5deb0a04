#include "service/cli/table.h"

#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

TEST(Table, AlignsColumnsAndTrimsLastColumn) {
  Table table({"DATE", "TYPE", "PARTIES"});
  table.AddRow({"2026-02-04", "trade_target", "Kazakhstan - Pakistan"});
  table.AddRow({"1993", "diplomatic_relations", "Kazakhstan - European Union"});
  EXPECT_EQ(table.Render(),
            "DATE        TYPE                  PARTIES\n"
            "2026-02-04  trade_target          Kazakhstan - Pakistan\n"
            "1993        diplomatic_relations  Kazakhstan - European Union\n");
}

TEST(Table, PadsByCodePointsNotBytes) {
  Table table({"OUTLET", "N"});
  table.AddRow({"Diário", "1"});
  table.AddRow({"Dawn", "2"});
  EXPECT_EQ(table.Render(),
            "OUTLET  N\n"
            "Diário  1\n"
            "Dawn    2\n");
}

TEST(Table, ShortRowsArePaddedAndEmptyTrailingCellsTrimmed) {
  Table table({"A", "B"});
  table.AddRow({"x"});
  EXPECT_EQ(table.Render(), "A  B\nx\n");
}

TEST(Table, TruncatesLongCells) {
  Table table({"QUOTE"});
  table.set_max_cell_width(10);
  table.AddRow({"abcdefghijklmnop"});
  EXPECT_EQ(table.Render(), "QUOTE\nabcdefg...\n");
}

TEST(DisplayWidth, CountsCodePoints) {
  EXPECT_EQ(DisplayWidth("Kazakhstan"), 10);
  EXPECT_EQ(DisplayWidth("Diário"), 6);
  EXPECT_EQ(DisplayWidth(""), 0);
}

}  // namespace
}  // namespace entente::service::cli
