#include "importers/gdelt_reader.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/gdelt_test_archives.h"
#include "importers/internal/gdelt_test_rows.h"
#include "importers/internal/test_support.h"

namespace entente::importers {
namespace {

using ::entente::importers::testing::FreshDir;
using ::entente::importers::testing::GdeltFile;
using ::entente::importers::testing::GdeltTestRow;
using ::entente::importers::testing::GzipBytes;
using ::entente::importers::testing::WriteFile;
using ::entente::importers::testing::WriteZip;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const GdeltReader& Reader() {
  static const GdeltReader* reader =
      GdeltReader::Create(*testing::SharedGazetteer())->release();
  return *reader;
}

GdeltTestRow Row(int id, const std::string& a1, const std::string& a2,
                 const std::string& code) {
  GdeltTestRow row;
  row.event_id = absl::StrCat(id);
  row.actor1_code = a1;
  row.actor1_country = a1.substr(0, 3);
  row.actor1_type = "";
  row.actor2_code = a2;
  row.actor2_country = a2.substr(0, 3);
  row.event_code = code;
  row.url = absl::StrCat("http://outlet", id % 3, ".example.com/", id);
  return row;
}

// What a read handed to its sink.
struct Sunk {
  std::vector<ImportUnit> units;
  std::vector<graph::Relation> relations;
  std::vector<std::string> entities;
};

ImportSink Collect(Sunk* sunk) {
  return [sunk](ImportUnit&& unit) {
    for (const graph::Relation& r : unit.relations) sunk->relations.push_back(r);
    for (const graph::Entity& e : unit.entities) sunk->entities.push_back(e.id);
    sunk->units.push_back(std::move(unit));
    return absl::OkStatus();
  };
}

// A small file with one row of each outcome.
std::vector<GdeltTestRow> MixedRows() {
  std::vector<GdeltTestRow> rows = {
      Row(1, "USAGOV", "RUS", "042"),     // visit USA -> RUS
      Row(2, "USA", "RUSMIL", "042"),     // the same fact again
      Row(3, "KAZ", "PAK", "043"),        // visit PAK -> KAZ
      Row(4, "IGOUNO", "SYR", "040"),     // meeting org:un - SYR
      Row(5, "USA", "RUS", "010"),        // statement: root 01, no relation
      Row(6, "USA", "RUS", "1831"),       // root 18, no relation
      Row(7, "EUR", "AFR", "042"),        // two regions: no party
      Row(8, "USA", "", "042"),           // one party
      Row(9, "IGONAMDEV", "BHS", "040"),  // an unlisted organization: one party
      Row(10, "USAGOV", "USA", "040"),    // same party twice
      Row(11, "KSV", "SRB", "040"),       // KSV is no code iso-codes knows
      Row(12, "RUS", "UKR", "163"),       // sanction RUS -> UKR
  };
  rows[3].actor1_country = "";     // CAMEO gives the UN no country code,
  rows[8].actor1_country = "NAM";  // and this bank its region's.
  return rows;
}

TEST(GdeltReader, MapsRowsAndCountsEverySkippedOneByReason) {
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts = Reader().ReadBytes(
      "mixed.export.CSV", GdeltFile(MixedRows()), GdeltReadOptions(), Collect(&sunk));
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->rows, 12);
  EXPECT_EQ(counts->rows_mapped, 5);
  EXPECT_EQ(counts->relations(), 4);
  EXPECT_EQ(counts->relations_by_type[static_cast<int>(graph::RelationType::kVisit)], 2);
  EXPECT_EQ(counts->relations_by_type[static_cast<int>(graph::RelationType::kMeeting)],
            1);
  EXPECT_EQ(counts->relations_by_type[static_cast<int>(graph::RelationType::kSanction)],
            1);
  EXPECT_EQ(counts->unmapped_by_root[1], 1);
  EXPECT_EQ(counts->unmapped_by_root[18], 1);
  EXPECT_EQ(counts->unmapped(), 2);
  EXPECT_EQ(counts->no_party, 1);
  EXPECT_EQ(counts->one_party, 2);
  EXPECT_EQ(counts->same_party, 1);
  EXPECT_EQ(counts->unknown_country, 1);
  EXPECT_EQ(counts->skipped(), 7);
  EXPECT_EQ(counts->files_read_twice, 0);
  ASSERT_EQ(sunk.relations.size(), 4u);
  EXPECT_EQ(sunk.relations[0].source.id, "country:USA");
  EXPECT_EQ(sunk.relations[0].provenance.size(), 2u);
  EXPECT_EQ(sunk.relations[1].source.id, "country:PAK");
  EXPECT_EQ(sunk.relations[2].source.id, "org:un");
  EXPECT_EQ(sunk.relations[3].type, graph::RelationType::kSanction);
  // Each party's entity once, with the gazetteer's aliases.
  EXPECT_THAT(sunk.entities,
              ElementsAre("country:USA", "country:RUS", "country:PAK", "country:KAZ",
                          "org:un", "country:SYR", "country:UKR"));
  EXPECT_FALSE(sunk.units[0].entities[0].aliases.empty());
  EXPECT_EQ(sunk.units[0].document, "mixed.export.CSV");
}

TEST(GdeltReader, GivesTheSinkUnitsOfTheRequestedSize) {
  std::vector<GdeltTestRow> rows;
  for (int i = 1; i <= 10; ++i) {
    GdeltTestRow row = Row(i, "USA", "RUS", "042");
    row.day = absl::StrCat(201502, 10 + i);
    rows.push_back(row);
  }
  Sunk sunk;
  GdeltReadOptions options;
  options.relations_per_unit = 4;
  ASSERT_TRUE(Reader().ReadBytes("f", GdeltFile(rows), options, Collect(&sunk)).ok());
  std::vector<size_t> sizes;
  for (const ImportUnit& unit : sunk.units) sizes.push_back(unit.relations.size());
  EXPECT_THAT(sizes, ElementsAre(4, 4, 2));
}

TEST(GdeltReader, Reads10FilesOfBothLayouts) {
  for (int columns : {57, 58}) {
    std::vector<GdeltTestRow> rows = {Row(1, "USA", "RUS", "042"),
                                      Row(2, "CHN", "JPN", "057")};
    for (GdeltTestRow& row : rows) {
      row.columns = columns;
      row.date_added = "20130402";
    }
    Sunk sunk;
    absl::StatusOr<GdeltCounts> counts =
        Reader().ReadBytes("20130402.export.CSV", GdeltFile(rows), {}, Collect(&sunk));
    ASSERT_TRUE(counts.ok()) << counts.status();
    ASSERT_EQ(sunk.relations.size(), 2u);
    EXPECT_EQ(sunk.relations[1].type, graph::RelationType::kAgreement);
    EXPECT_EQ(sunk.relations[1].reported, graph::DateWithPrecision::Day(2013, 4, 2));
    EXPECT_EQ(sunk.relations[0].provenance[0].document,
              columns == 58 ? "http://outlet1.example.com/1" : "");
  }
}

TEST(GdeltReader, ABadRowRejectsTheWholeFileNamingItsLine) {
  std::vector<GdeltTestRow> rows = MixedRows();
  rows[6].day = "20151318";
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts =
      Reader().ReadBytes("bad.CSV", GdeltFile(rows), {}, Collect(&sunk));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(counts.status().message(),
            "bad.CSV:7: Day '20151318' is not a date YYYYMMDD");
  EXPECT_TRUE(sunk.units.empty());
}

TEST(GdeltReader, ARowOfAnotherLayoutIsABadRow) {
  std::vector<GdeltTestRow> rows = MixedRows();
  rows[3].columns = 58;
  rows[3].date_added = "20150218";
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts =
      Reader().ReadBytes("mixed.CSV", GdeltFile(rows), {}, Collect(&sunk));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(
      counts.status().message(),
      "mixed.CSV:4: 58 tab-separated columns, expected 61 (GDELT 2.0, like line 1)");
  EXPECT_TRUE(sunk.units.empty());
}

TEST(GdeltReader, AFileThatIsNotGdeltIsRejectedAtItsFirstLine) {
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts = Reader().ReadBytes(
      "notes.csv", "\nname,country,year\nAstana,KAZ,1997\n", {}, Collect(&sunk));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      counts.status().message(),
      "notes.csv:2: not a GDELT event file: 1 tab-separated columns, expected 57 or "
      "58 (GDELT 1.0) or 61 (GDELT 2.0)");
}

TEST(GdeltReader, SkipBadRowsImportsTheRestAndCountsWhatItLeftOut) {
  std::vector<GdeltTestRow> rows = MixedRows();
  rows[0].event_code = "04x";  // One of the two rows of the USA -> RUS visit.
  rows[2].columns = 60;
  rows[11].goldstein = "strong";
  GdeltReadOptions options;
  options.skip_bad_rows = true;
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts =
      Reader().ReadBytes("bad.CSV", GdeltFile(rows), options, Collect(&sunk));
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->rows, 12);
  EXPECT_EQ(counts->bad(), 3);
  EXPECT_EQ(counts->bad_rows, (std::map<std::string, int64_t>{
                                  {"EventCode", 1}, {"columns", 1}, {"number", 1}}));
  EXPECT_EQ(counts->relations(), 2);
  EXPECT_EQ(counts->skipped(), 10);
  ASSERT_EQ(sunk.relations.size(), 2u);
  EXPECT_EQ(sunk.relations[0].provenance.size(), 1u);
  EXPECT_EQ(sunk.relations[0].provenance[0].item, 2);
}

TEST(GdeltReader, IgnoresBlankLinesAndCarriageReturns) {
  std::string text;
  for (const GdeltTestRow& row : MixedRows()) text += row.Line() + "\r\n\n";
  absl::StatusOr<GdeltCounts> counts = Reader().ReadBytes(
      "crlf.CSV", text, {}, [](ImportUnit&&) { return absl::OkStatus(); });
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->rows, 12);
  EXPECT_EQ(counts->relations(), 4);
}

// Everything a read stored, merged by relation id as the store merges.
std::map<uint64_t, graph::Relation> Stored(
    const std::vector<graph::Relation>& relations) {
  std::map<uint64_t, graph::Relation> stored;
  for (const graph::Relation& r : relations) {
    auto [it, inserted] = stored.try_emplace(graph::RelationIdOf(r), r);
    if (!inserted) graph::MergeRelation(r, &it->second);
  }
  return stored;
}

std::string ManyRows(int count) {
  const char* countries[] = {"USA", "RUS", "CHN", "KAZ", "PAK", "DEU", "FRA"};
  std::vector<GdeltTestRow> rows;
  for (int i = 1; i <= count; ++i) {
    GdeltTestRow row = Row(i, countries[i % 7], countries[(i / 7 + 1 + i) % 7],
                           i % 3 == 0 ? "040" : "042");
    if (row.actor1_country == row.actor2_country) row.actor2_country = "GBR";
    row.day = absl::StrCat(201502, 10 + i % 19);
    row.url = absl::StrCat("http://www.example.com/a/long/path/to/the/story/", i);
    rows.push_back(row);
  }
  return GdeltFile(rows);
}

TEST(GdeltReader, FactsThatOutgrowMemoryAreLoadedInASecondPassWithTheSameResult) {
  const std::string text = ManyRows(40'000);
  Sunk in_memory, two_passes;
  absl::StatusOr<GdeltCounts> one =
      Reader().ReadBytes("big", text, {}, Collect(&in_memory));
  GdeltReadOptions small;
  small.memory_bytes = 1 << 20;
  std::vector<int> passes;
  small.on_progress = [&](const GdeltCounts&, int pass) { passes.push_back(pass); };
  absl::StatusOr<GdeltCounts> two =
      Reader().ReadBytes("big", text, small, Collect(&two_passes));
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(one->files_read_twice, 0);
  EXPECT_EQ(two->files_read_twice, 1);
  EXPECT_EQ(two->rows, 40'000);
  EXPECT_EQ(two->rows_mapped, one->rows_mapped);
  // Some facts reached the sink in more than one drain.
  EXPECT_GT(two->relations(), one->relations());
  EXPECT_THAT(passes, ElementsAre(1, 2));
  std::map<uint64_t, graph::Relation> want = Stored(in_memory.relations);
  EXPECT_EQ(want.size(), static_cast<size_t>(one->relations()));
  EXPECT_TRUE(Stored(two_passes.relations) == want);
}

TEST(GdeltReader, ReadsPlainGzipAndZipFilesToTheSameRelations) {
  const std::string dir = FreshDir();
  const std::string text = GdeltFile(MixedRows());
  const std::string plain = WriteFile(dir + "/20150218230000.export.CSV", text);
  const std::string gzip =
      WriteFile(dir + "/20150218230000.export.CSV.gz", GzipBytes(text));
  const std::string zip = WriteZip(dir + "/20150218230000.export.CSV.zip",
                                   {{"20150218230000.export.CSV", text}});
  std::vector<std::vector<graph::Relation>> results;
  for (const std::string& path : {plain, gzip, zip}) {
    EXPECT_TRUE(LooksLikeGdeltFile(path)) << path;
    Sunk sunk;
    absl::StatusOr<GdeltCounts> counts = Reader().ReadFile(path, {}, Collect(&sunk));
    ASSERT_TRUE(counts.ok()) << counts.status();
    results.push_back(sunk.relations);
  }
  EXPECT_EQ(results[0].size(), 4u);
  EXPECT_TRUE(results[0] == results[1]);
  EXPECT_TRUE(results[0] == results[2]);
}

TEST(GdeltReader, ATruncatedZipIsAnErrorAndNothingReachesTheSink) {
  const std::string dir = FreshDir();
  const std::string zip =
      testing::ReadFile(WriteZip(dir + "/full.zip", {{"e.CSV", ManyRows(2000)}}));
  const std::string cut =
      WriteFile(dir + "/e.CSV.zip", zip.substr(0, zip.size() * 2 / 3));
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts = Reader().ReadFile(cut, {}, Collect(&sunk));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(counts.status().message(),
              HasSubstr("e.CSV.zip: the zip archive cannot be read"));
  EXPECT_TRUE(sunk.units.empty());
}

TEST(GdeltReader, ATruncatedGzipIsAnErrorAndNothingReachesTheSink) {
  const std::string gzip = GzipBytes(ManyRows(2000));
  Sunk sunk;
  absl::StatusOr<GdeltCounts> counts =
      Reader().ReadBytes("e.CSV.gz", absl::string_view(gzip).substr(0, gzip.size() - 20),
                         {}, Collect(&sunk));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(sunk.units.empty());
}

TEST(GdeltReader, ASinkErrorStopsTheRead) {
  absl::StatusOr<GdeltCounts> counts = Reader().ReadBytes(
      "f", GdeltFile(MixedRows()), {},
      [](ImportUnit&&) { return absl::UnavailableError("store away"); });
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), absl::StatusCode::kUnavailable);
}

TEST(LooksLikeGdelt, ByContentAndTheNameOnlyAsAHint) {
  EXPECT_TRUE(LooksLikeGdelt("x", GdeltTestRow().Line()));
  EXPECT_TRUE(LooksLikeGdelt("x", "PK\x03\x04"));
  EXPECT_TRUE(LooksLikeGdelt("x", "\x1f\x8b\x08"));
  EXPECT_TRUE(LooksLikeGdelt("events.CSV", "not really\n"));
  EXPECT_FALSE(LooksLikeGdelt("digest.txt", "---\npublished: 2026-02-06\n---\n"));
  EXPECT_FALSE(LooksLikeGdelt("r.jsonl", "{\"type\":\"visit\",\"source\":{}}\n"));
}

TEST(GdeltCounts, AddUp) {
  GdeltCounts a, b;
  a.rows = 3;
  a.unmapped_by_root[4] = 1;
  a.bad_rows["Day"] = 2;
  b.rows = 4;
  b.unmapped_by_root[4] = 2;
  b.bad_rows["Day"] = 1;
  b.bad_rows["columns"] = 1;
  b.relations_by_type[7] = 5;
  a += b;
  EXPECT_EQ(a.rows, 7);
  EXPECT_EQ(a.unmapped_by_root[4], 3);
  EXPECT_EQ(a.bad(), 4);
  EXPECT_EQ(a.relations(), 5);
}

}  // namespace
}  // namespace entente::importers
