#include "service/cli/import_report.h"

#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

TEST(ImportReport, DigestImportsKeepTheirFourLines) {
  ImportCounts counts;
  counts.documents = 3;
  counts.documents_rejected = 1;
  counts.items = 37;
  counts.relations_new = 120;
  counts.relations_merged = 3;
  counts.entities_new = 45;
  EXPECT_EQ(ImportReport(counts),
            "files      3 (1 rejected)\n"
            "items      37\n"
            "relations  120 new, 3 merged, 0 unchanged\n"
            "entities   45 new\n");
}

ImportCounts GdeltCounts() {
  ImportCounts counts;
  counts.documents = 1;
  counts.relations_new = 5;
  counts.entities_new = 4;
  importers::GdeltCounts& g = counts.gdelt;
  g.rows = 40;
  g.rows_mapped = 9;
  g.relations_by_type[static_cast<int>(graph::RelationType::kVisit)] = 3;
  g.relations_by_type[static_cast<int>(graph::RelationType::kSanction)] = 2;
  g.unmapped_by_root[1] = 20;
  g.unmapped_by_root[19] = 2;
  g.unknown_country = 1;
  g.no_party = 4;
  g.one_party = 2;
  g.same_party = 1;
  g.bad_rows["Day"] = 1;
  return counts;
}

TEST(ImportReport, GdeltRowsAreCountedByOutcome) {
  EXPECT_EQ(ImportReport(GdeltCounts()),
            "files      1\n"
            "rows       40 GDELT rows: 9 mapped to relations, 31 skipped\n"
            "mapped     5 relations: 3 visit, 2 sanction\n"
            "skipped    22 event code not a relation, by root: 01 20, 19 2\n"
            "           1 unknown country code, 4 no party, 2 one party, 1 same party\n"
            "bad rows   1 left out (Day 1)\n"
            "relations  5 new, 0 merged, 0 unchanged\n"
            "entities   4 new\n");
}

TEST(ImportReportJson, SaysTheSameOnOneLine) {
  ImportCounts counts = GdeltCounts();
  counts.documents = 2;
  counts.documents_rejected = 1;
  counts.rejected.push_back({"x.CSV", "x.CSV:3: Day \"2015\" is not a date"});
  EXPECT_EQ(ImportReportJson(counts),
            "{\"files\":2,\"files_rejected\":1,\"items\":0,"
            "\"relations\":{\"new\":5,\"merged\":0,\"unchanged\":0},\"entities_new\":4,"
            "\"rejected\":[{\"file\":\"x.CSV\",\"reason\":\"x.CSV:3: Day \\\"2015\\\" is "
            "not a date\"}],"
            "\"gdelt\":{\"rows\":40,\"rows_mapped\":9,"
            "\"relations\":{\"visit\":3,\"sanction\":2},"
            "\"skipped\":{\"not_a_relation\":{\"01\":20,\"19\":2},\"unknown_country\":1,"
            "\"no_party\":4,\"one_party\":2,\"same_party\":1},\"bad_rows\":{\"Day\":1},"
            "\"files_read_twice\":0}}\n");
}

}  // namespace
}  // namespace entente::service::cli
