// The generator's output is GDELT: every row parses, and the shares its
// header promises hold (two-country rows, repeated facts, blank actors,
// relations of every kind the mapping knows).

#include "tests/bench/gdelt_generator.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "importers/gdelt_reader.h"
#include "importers/internal/gdelt_row.h"
#include "importers/internal/test_support.h"

namespace entente::bench {
namespace {

std::string Generate(int64_t rows, uint64_t seed) {
  GdeltGeneratorOptions options;
  options.rows = rows;
  options.seed = seed;
  GdeltGenerator generator(options);
  std::string out;
  while (generator.NextRow(&out)) {
  }
  EXPECT_EQ(generator.produced(), rows);
  return out;
}

TEST(GdeltGenerator, TheSameSeedGivesTheSameBytes) {
  EXPECT_EQ(Generate(2000, 7), Generate(2000, 7));
  EXPECT_NE(Generate(2000, 7), Generate(2000, 8));
}

TEST(GdeltGenerator, RowsAreGdelt20RowsWithRealisticShares) {
  const int kRows = 200'000;
  const std::string text = Generate(kRows, 1);
  int64_t blank_slots = 0, two_country = 0, repeated = 0, bytes = 0;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    ++line_number;
    importers::internal::GdeltRow row;
    std::string detail;
    ASSERT_EQ(importers::internal::ParseGdeltRow(
                  line, importers::internal::GdeltLayout::kV2, &row, &detail),
              importers::internal::RowProblem::kNone)
        << "line " << line_number << ": " << detail;
    bytes += static_cast<int64_t>(line.size()) + 1;
    blank_slots += row.actor1_country.empty() + row.actor2_country.empty();
    if (row.actor1_country.size() == 3 && row.actor2_country.size() == 3 &&
        row.actor1_country != row.actor2_country &&
        !absl::StartsWith(row.actor1_code, "IGO") &&
        !absl::StartsWith(row.actor2_code, "IGO")) {
      ++two_country;
      const auto key = std::make_tuple(
          std::string(row.actor1_country), std::string(row.actor2_country),
          std::string(row.event_code), std::to_string(row.day));
      repeated += !seen.insert(key).second;
    }
  }
  EXPECT_EQ(line_number, kRows);
  // Rows about as long as real ones (the 2015 sample averages 391 bytes).
  EXPECT_NEAR(static_cast<double>(bytes) / kRows, 390, 60);
  EXPECT_NEAR(static_cast<double>(blank_slots) / (2 * kRows), 0.45, 0.08);
  EXPECT_NEAR(static_cast<double>(two_country) / kRows, 0.2, 0.04);
  EXPECT_NEAR(static_cast<double>(repeated) / static_cast<double>(two_country), 0.4,
              0.05);
}

TEST(GdeltGenerator, TheImporterMapsEveryKindOfRow) {
  const std::string text = Generate(200'000, 3);
  auto reader = importers::GdeltReader::Create(*importers::testing::SharedGazetteer());
  ASSERT_TRUE(reader.ok()) << reader.status();
  std::map<graph::RelationType, int64_t> types;
  auto counts =
      (*reader)->ReadBytes("generated", text, {}, [&](importers::ImportUnit&& unit) {
        for (const graph::Relation& r : unit.relations) ++types[r.type];
        return absl::OkStatus();
      });
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->rows, 200'000);
  EXPECT_EQ(counts->bad(), 0);
  EXPECT_EQ(counts->unknown_country, 0);
  EXPECT_GT(counts->no_party, 0);
  EXPECT_GT(counts->one_party, 0);
  EXPECT_GT(counts->same_party, 0);
  for (graph::RelationType type :
       {graph::RelationType::kMeeting, graph::RelationType::kVisit,
        graph::RelationType::kAgreement, graph::RelationType::kDiplomaticRelations,
        graph::RelationType::kSanction, graph::RelationType::kDowngrade}) {
    EXPECT_GT(types[type], 0) << graph::RelationTypeName(type);
  }
  // A few percent of the rows report relations, as in real files.
  EXPECT_NEAR(static_cast<double>(counts->rows_mapped) / counts->rows, 0.05, 0.03);
}

}  // namespace
}  // namespace entente::bench
