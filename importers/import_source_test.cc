#include "importers/import_source.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/extract_output.h"
#include "importers/internal/test_support.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {
namespace {

using ::testing::HasSubstr;

const ImportOptions kFeb6{.published = graph::DateWithPrecision::Day(2026, 2, 6)};

struct Collected {
  std::vector<ImportUnit> units;
  ImportSink sink() {
    return [this](ImportUnit&& unit) {
      units.push_back(std::move(unit));
      return absl::OkStatus();
    };
  }
};

absl::StatusOr<ImportFileStats> Read(absl::string_view bytes, Collected* c,
                                     const ImportOptions& options = kFeb6) {
  return ReadImportBytes(testing::SharedExtractor(), "in.txt", bytes, options, c->sink());
}

constexpr absl::string_view kDigest =
    "Lead paragraph of the digest.\n"
    "Pakistan and Kazakhstan agree\n"
    "Pakistan and Kazakhstan on Wednesday agreed to establish a strategic partnership, "
    "reported Pakistan Today on Feb. 5.\n"
    "Kazakhstan upgrades ties with Pakistan\n"
    "Kazakhstan and Pakistan on Wednesday agreed to establish a strategic partnership, "
    "reported Trend on Feb. 5.\n";

TEST(ReadImportBytes, OneRelationReportedTwiceIsOneUnitWithTwoProvenances) {
  Collected c;
  auto stats = Read(kDigest, &c);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->items, 2);
  EXPECT_EQ(stats->relations, 1);
  ASSERT_EQ(c.units.size(), 2u);
  ASSERT_EQ(c.units[0].relations.size(), 1u);
  EXPECT_EQ(c.units[0].relations[0].provenance.size(), 2u);
  EXPECT_EQ(c.units[0].entities.size(), 2u);
  EXPECT_TRUE(c.units[1].relations.empty());
}

TEST(ReadImportBytes, EmptyFileIsAClearError) {
  Collected c;
  auto stats = Read("  \n\n", &c);
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(stats.status().message(), "in.txt: empty file");
  EXPECT_TRUE(c.units.empty());
}

TEST(ReadImportBytes, BinaryDataNamesFileAndLine) {
  Collected c;
  std::string binary = "line one\nline two\n";
  binary += std::string("\x00\x01\x02\xff", 4);
  auto stats = Read(binary, &c);
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(stats.status().message().find("in.txt:3: binary data"),
            absl::string_view::npos);
  EXPECT_TRUE(c.units.empty());
}

TEST(ReadImportBytes, InvalidUtf8NamesTheLineAndWritesNothing) {
  Collected c;
  std::string bad = std::string(kDigest) + "Bad \xc3\x28 line.\n";
  auto stats = Read(bad, &c);
  EXPECT_EQ(stats.status().message(), "in.txt:6: invalid UTF-8");
  EXPECT_TRUE(c.units.empty());
}

TEST(ReadImportBytes, WithoutPublicationDateSaysHowToGiveIt) {
  Collected c;
  auto stats = Read(kDigest, &c, ImportOptions{});
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(stats.status().message().find("--published"), absl::string_view::npos);
}

// The dates of the relations units carry, in order.
std::vector<std::string> ReportedDates(const Collected& c) {
  std::vector<std::string> out;
  for (const ImportUnit& unit : c.units) {
    for (const graph::Relation& r : unit.relations) {
      for (const graph::Provenance& p : r.provenance)
        out.push_back(p.reported.ToString());
    }
  }
  return out;
}

TEST(ReadImportBytes, TheDocumentsOwnDateWinsOverTheOptionAndIsNoted) {
  const std::string fronted = absl::StrCat("---\npublished: 2025-03-01\n---\n", kDigest);
  std::vector<std::string> notes;
  ImportOptions options = kFeb6;
  options.on_note = [&](const std::string& note) { notes.push_back(note); };
  Collected c;
  ASSERT_TRUE(
      ReadImportBytes(testing::SharedExtractor(), "in.txt", fronted, options, c.sink())
          .ok());
  ASSERT_FALSE(ReportedDates(c).empty());
  for (const std::string& date : ReportedDates(c)) EXPECT_EQ(date.substr(0, 4), "2025");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("2025-03-01"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("--published 2026-02-06"), std::string::npos) << notes[0];
}

TEST(ReadImportBytes, APageOfReleasesDatesEachByTheLineAboveItsHeadline) {
  constexpr absl::string_view kPage =
      "Ministry of Foreign Affairs - Media releases\n\n"
      "2 February 2026\n\nMinister signs fisheries arrangement with Samoa\n\n"
      "New Zealand's Minister of Foreign Affairs today signed a fisheries agreement "
      "with Samoa in Apia.\n\n"
      "5 February 2026\n\nNew Zealand restricts exports to Belarus\n\n"
      "New Zealand yesterday imposed export controls on dual-use goods bound for "
      "Belarus.\n";
  Collected c;
  ASSERT_TRUE(Read(kPage, &c).ok());
  std::vector<std::string> dates;
  for (const ImportUnit& unit : c.units) {
    for (const graph::Relation& r : unit.relations) {
      dates.push_back(absl::StrCat(graph::RelationTypeName(r.type), " ",
                                   r.date.ToString(), " ", r.reported.ToString()));
    }
  }
  EXPECT_THAT(dates, ::testing::UnorderedElementsAre("agreement 2026-02-02 2026-02-02",
                                                     "sanction 2026-02-04 2026-02-05"));
}

TEST(ReadImportBytes, ADateStartingTheFileNameDatesAnUndatedDigest) {
  Collected named;
  ASSERT_TRUE(ReadImportBytes(testing::SharedExtractor(), "dir/2024-11-20-weekly.txt",
                              kDigest, ImportOptions{}, named.sink())
                  .ok());
  ASSERT_FALSE(ReportedDates(named).empty());
  for (const std::string& date : ReportedDates(named))
    EXPECT_EQ(date.substr(0, 4), "2024");
  // Not a date: digits that run on, or no date at all.
  Collected c;
  auto stats = ReadImportBytes(testing::SharedExtractor(), "2024-11-201.txt", kDigest,
                               ImportOptions{}, c.sink());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ReadImportBytes, TheMissingDateErrorNamesHowTheCallerGivesIt) {
  ImportOptions grpc_like;
  grpc_like.published_name = "document.published";
  Collected c;
  auto stats = Read(kDigest, &c, grpc_like);
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(stats.status().message().find("document.published"), absl::string_view::npos);
  EXPECT_EQ(stats.status().message().find("--published"), absl::string_view::npos);
}

TEST(ReadImportBytes, ProvenanceRecordsTheFileNameNotItsDirectories) {
  Collected c;
  ASSERT_TRUE(ReadImportBytes(testing::SharedExtractor(), "/home/analyst/in/week.txt",
                              kDigest, kFeb6, c.sink())
                  .ok());
  int checked = 0;
  for (const ImportUnit& unit : c.units) {
    for (const graph::Relation& r : unit.relations) {
      for (const graph::Provenance& p : r.provenance) {
        EXPECT_EQ(p.document, "week.txt");
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(ReadImportBytes, AFiftyMegabyteLineGivesZeroRelations) {
  Collected c;
  std::string line(50 << 20, 'a');
  for (size_t i = 7; i < line.size(); i += 8) line[i] = ' ';
  auto stats = Read(line, &c);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->relations, 0);
}

// Words drawn in turn from a list without function words, with names and relation
// words among them: text that mentions parties but is no English.
std::string WordSalad(int words) {
  const char* kWords[] = {"Kazakhstan", "lorvan", "Peru", "signed",  "quimbel",
                          "agreement",  "Chile",  "tosk", "visited", "brandle",
                          "President",  "mirth",  "zeb"};
  std::string out = "---\npublished: 2025-01-01\n---\n";
  for (int i = 0; i < words; ++i) {
    out += kWords[(i * 7) % 13];
    out += (i % 40 == 39) ? ".\n\n" : " ";
  }
  return out + ".\n";
}

TEST(ReadImportBytes, WordsThatAreNoEnglishAreDoubtedAndStrictRejectsThem) {
  Collected loose;
  auto stats = Read(WordSalad(2000), &loose);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_THAT(stats->doubt, HasSubstr("in.txt: does not read as English news"));
  EXPECT_THAT(stats->doubt, HasSubstr("0% of its 2000 words"));
  ImportOptions strict = kFeb6;
  strict.strict = true;
  Collected c;
  auto rejected = Read(WordSalad(2000), &c, strict);
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(rejected.status().message(), HasSubstr("nothing imported"));
  EXPECT_TRUE(c.units.empty());
}

TEST(ReadImportBytes, EnglishNewsIsNotDoubtedEvenWhenStrict) {
  ImportOptions strict = kFeb6;
  strict.strict = true;
  Collected c;
  auto stats = Read(kDigest, &c, strict);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->doubt, "");
  EXPECT_EQ(stats->relations, 1);
  // A short note with no relation is no reason for doubt either.
  auto note = Read("A short note about the weather in the capital.\n", &c, strict);
  ASSERT_TRUE(note.ok()) << note.status();
  EXPECT_EQ(note->doubt, "");
}

TEST(ReadImportBytes, DigestWithNoItemsOrUnknownEntitiesGivesZeroRelations) {
  Collected c;
  auto none = Read("Only one paragraph, naming no country.\n", &c);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->items, 1);
  EXPECT_EQ(none->relations, 0);
  auto unknown = Read(
      "Lead.\nFreedonia and Sylvania sign\nFreedonia and Sylvania signed a "
      "treaty on Monday, reported Trend on Feb. 5.\n",
      &c);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->items, 1);
  EXPECT_EQ(unknown->relations, 0);
}

TEST(ReadImportBytes, RelationLinesLoadBackAndBadLinesNameTheLine) {
  Collected first;
  ASSERT_TRUE(Read(kDigest, &first).ok());
  std::string lines;
  for (const ImportUnit& u : first.units) {
    for (const graph::Relation& r : u.relations) lines += RelationToJsonLine(r) + "\n";
  }
  Collected second;
  auto stats = Read(lines, &second);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(second.units.size(), 1u);
  EXPECT_EQ(second.units[0].relations[0], first.units[0].relations[0]);
  Collected third;
  auto bad = Read(lines + "{\"type\":\"visit\"}\n", &third);
  EXPECT_NE(bad.status().message().find("in.txt:2:"), absl::string_view::npos);
  EXPECT_TRUE(third.units.empty());
}

TEST(ReadImportBytes, JsonItemsAreUnitsOfTheirOwn) {
  Collected c;
  auto stats = Read(
      R"({"id":"a","published":"2026-02-06","outlet":"Trend","headline":"Ties","text":"Pakistan and Kazakhstan on Wednesday agreed to establish a strategic partnership, reported Trend on Feb. 5."})"
      "\n",
      &c, ImportOptions{});
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(c.units.size(), 1u);
  EXPECT_EQ(c.units[0].relations.size(), 1u);
  EXPECT_EQ(c.units[0].relations[0].date.ToString(), "2026-02-04");
}

TEST(ReadImportFile, MissingFileIsNotFound) {
  Collected c;
  auto stats =
      ReadImportFile(testing::SharedExtractor(), "/nonexistent/x.txt", kFeb6, c.sink());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(stats.status().message().find("/nonexistent/x.txt"), absl::string_view::npos);
}

TEST(ExtractFileToJsonl, WritesNothingForARejectedFile) {
  common::TempDir dir("entente-extract-test-");
  std::string path = dir.Sub("bad_extract.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << kDigest << "\xff\n";
  }
  std::ostringstream out;
  auto stats = ExtractFileToJsonl(testing::SharedExtractor(), path, kFeb6, out);
  EXPECT_FALSE(stats.ok());
  EXPECT_TRUE(out.str().empty());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace entente::importers
