#include "importers/internal/relation_stream.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/temp_dir.h"
#include "gtest/gtest.h"
#include "importers/internal/test_support.h"
#include "importers/relation_jsonl.h"

namespace entente::importers::internal {
namespace {

// The relation of line `n`: distinct endpoints and quote per line.
graph::Relation LineRelation(int n) {
  graph::Relation r;
  r.type = graph::RelationType::kTradeTarget;
  r.source = {absl::StrCat("company:c", n), absl::StrCat("Company ", n),
              graph::EntityKind::kCompany};
  r.target = {"country:KAZ", "Kazakhstan", graph::EntityKind::kCountry};
  r.date = graph::DateWithPrecision::Day(2020, 1, 1 + n % 28);
  r.reported = r.date;
  r.attributes["amount"] = int64_t{n};
  r.confidence = 0.5;
  graph::Provenance p;
  p.item = n;
  p.quote = absl::StrCat("line ", n, " says so");
  p.document = "generated.txt";
  p.reported = r.date;
  r.provenance.push_back(p);
  return r;
}

// Lines 1..count, with a blank line every 100 and `bad` (if > 0) replaced
// by a line that is not a relation.
std::string Lines(int count, int bad = 0) {
  std::string out;
  for (int n = 1; n <= count; ++n) {
    if (n == bad) {
      out += "{\"type\":\"visit\",\"source\":{\"id\":\"country:KAZ\"}}\n";
    } else if (n % 100 == 0) {
      out += "  \n";
    } else {
      out += RelationToJsonLine(LineRelation(n)) + "\n";
    }
  }
  return out;
}

// `bytes` as the file `name` in the test's own directory, removed at exit.
std::string WriteFile(const std::string& name, const std::string& bytes) {
  static const common::TempDir dir("entente-stream-test-");
  std::string path = dir.Sub(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

struct Collected {
  std::vector<ImportUnit> units;
  ImportSink sink() {
    return [this](ImportUnit&& unit) {
      units.push_back(std::move(unit));
      return absl::OkStatus();
    };
  }
};

void ExpectAllLines(const Collected& c, int count) {
  ASSERT_EQ(c.units.size(), static_cast<size_t>(count - count / 100));
  size_t k = 0;
  for (int n = 1; n <= count; ++n) {
    if (n % 100 == 0) continue;
    const ImportUnit& unit = c.units[k++];
    EXPECT_EQ(unit.item, n);
    ASSERT_EQ(unit.relations.size(), 1u);
    EXPECT_EQ(unit.relations[0], LineRelation(n));
    ASSERT_EQ(unit.entities.size(), 2u);
    EXPECT_EQ(unit.entities[0].id, absl::StrCat("company:c", n));
    EXPECT_EQ(unit.entities[1].name, "Kazakhstan");
  }
}

TEST(StreamRelationLines, AFileOfManyBlocksImportsWhole) {
  std::string path = WriteFile("many_blocks.jsonl", Lines(3000));
  RelationStreamOptions options;
  options.block_bytes = 1000;  // Some 300 blocks, each of a few lines.
  int64_t checked = 0;
  options.on_checked = [&](int64_t lines) { checked = lines; };
  Collected c;
  auto stats =
      StreamRelationLines(path, FileBlocks(path, options.block_bytes), c.sink(), options);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->items, 2970);
  EXPECT_EQ(stats->relations, 2970);
  EXPECT_EQ(checked, 3000);
  ExpectAllLines(c, 3000);
}

TEST(StreamRelationLines, BlocksInMemoryGiveTheSameUnits) {
  std::string bytes = Lines(3000);
  RelationStreamOptions options;
  options.block_bytes = 777;
  Collected c;
  auto stats = StreamRelationLines("mem", MemoryBlocks(bytes, options.block_bytes),
                                   c.sink(), options);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ExpectAllLines(c, 3000);
}

TEST(StreamRelationLines, ALineLongerThanABlockGrowsTheBuffer) {
  graph::Relation r = LineRelation(1);
  r.provenance[0].quote = std::string(50000, 'q');
  std::string path =
      WriteFile("long_line.jsonl",
                RelationToJsonLine(r) + "\n" + RelationToJsonLine(LineRelation(2)));
  Collected c;
  auto stats = StreamRelationLines(path, FileBlocks(path, 64), c.sink(), {});
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(c.units.size(), 2u);  // The last line has no newline.
  EXPECT_EQ(c.units[0].relations[0], r);
  EXPECT_EQ(c.units[1].item, 2);
}

// Blocks of 1000 bytes (checked on one thread each) and of the default
// size (split in parts checked in parallel, one per core) both name the line.
TEST(StreamRelationLines, ABadLineFarDownRejectsTheWholeFile) {
  for (int bad : {2, 2999, 4567}) {
    std::string path = WriteFile("bad_far.jsonl", Lines(5000, bad));
    for (size_t block : {size_t{1000}, RelationStreamOptions{}.block_bytes}) {
      Collected c;
      auto stats = StreamRelationLines(path, FileBlocks(path, block), c.sink(), {});
      EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_EQ(stats.status().message().rfind(absl::StrCat(path, ":", bad, ": "), 0), 0u)
          << stats.status();
      EXPECT_TRUE(c.units.empty());
    }
  }
}

TEST(StreamRelationLines, ASinkErrorStopsTheRead) {
  std::string bytes = Lines(500);
  int calls = 0;
  auto stats = StreamRelationLines(
      "mem", MemoryBlocks(bytes, 100),
      [&](ImportUnit&&) {
        return ++calls == 10 ? absl::InternalError("disk full") : absl::OkStatus();
      },
      {});
  EXPECT_EQ(stats.status(), absl::InternalError("disk full"));
  EXPECT_EQ(calls, 10);
}

TEST(StreamRelationLines, CrlfAndAMissingFinalNewlineAreFine) {
  std::string bytes = RelationToJsonLine(LineRelation(1)) + "\r\n\r\n" +
                      RelationToJsonLine(LineRelation(3));
  Collected c;
  auto stats = StreamRelationLines("mem", MemoryBlocks(bytes, 10), c.sink(), {});
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(c.units.size(), 2u);
  EXPECT_EQ(c.units[1].item, 3);
  EXPECT_EQ(c.units[1].relations[0], LineRelation(3));
}

TEST(ReadImportFile, RelationLinesStreamInFileOrder) {
  std::string path = WriteFile("stream_whole.jsonl", Lines(1200));
  Collected c;
  auto stats = ReadImportFile(testing::SharedExtractor(), path, {}, c.sink());
  ASSERT_TRUE(stats.ok()) << stats.status();
  ExpectAllLines(c, 1200);
}

TEST(ReadImportFile, MissingRelationFileMidwayIsNotFound) {
  Collected c;
  auto stats = StreamRelationLines("/nonexistent/r.jsonl",
                                   FileBlocks("/nonexistent/r.jsonl", 100), c.sink(), {});
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace entente::importers::internal
