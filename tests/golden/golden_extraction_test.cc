// Golden extraction: runs the extractor over every development digest in
// $ENTENTE_SHARED_DIR/data/digests and scores it against NAME.gold.jsonl with
// the rules of ../shared/tools/score-extraction, printing missed and
// unexpected relations. Fails below the issue's bar (in total: precision 0.95,
// recall 0.90, strict-date recall 0.80; per digest: precision 0.90, recall
// 0.85).
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "importers/import_source.h"
#include "importers/internal/test_support.h"
#include "tests/golden/gold_scorer.h"

namespace entente::golden {
namespace {

namespace fs = std::filesystem;

fs::path DigestDir() {
  const char* shared = std::getenv("ENTENTE_SHARED_DIR");
  return shared ? fs::path(shared) / "data" / "digests" : fs::path();
}

std::vector<std::string> DigestNames() {
  std::vector<std::string> names;
  fs::path dir = DigestDir();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Score ScoreDigest(const std::string& name) {
  fs::path dir = DigestDir();
  importers::ImportOptions options;
  options.published = *graph::DateWithPrecision::Parse(name.substr(0, 10));
  std::vector<graph::Relation> got;
  auto stats = importers::ReadImportFile(importers::testing::SharedExtractor(),
                                         (dir / (name + ".txt")).string(), options,
                                         [&](importers::ImportUnit&& unit) {
                                           for (graph::Relation& r : unit.relations)
                                             got.push_back(std::move(r));
                                           return absl::OkStatus();
                                         });
  EXPECT_TRUE(stats.ok()) << stats.status();
  auto gold = LoadGold((dir / (name + ".gold.jsonl")).string());
  EXPECT_TRUE(gold.ok()) << gold.status();
  if (!gold.ok()) return {};
  Score s = ScoreExtraction(*gold, got);
  std::cout << name << ": precision " << s.precision() << " recall " << s.recall()
            << " (strict " << s.strict_recall() << ") " << s.tp << "/" << s.fp << "/"
            << s.fn << "\n";
  for (const std::string& m : s.missed) std::cout << "  missed:     " << m << "\n";
  for (const std::string& u : s.unexpected) std::cout << "  unexpected: " << u << "\n";
  return s;
}

class GoldenDigest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenDigest, MeetsThePerDigestBar) {
  Score s = ScoreDigest(GetParam());
  EXPECT_GE(s.precision(), 0.90);
  EXPECT_GE(s.recall(), 0.85);
}

INSTANTIATE_TEST_SUITE_P(Development, GoldenDigest, ::testing::ValuesIn(DigestNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenDigest);

TEST(GoldenExtraction, AllDigestsMeetTheIssueBar) {
  std::vector<std::string> names = DigestNames();
  if (names.empty())
    GTEST_SKIP() << "no development digests: ENTENTE_SHARED_DIR not set or absent";
  Score total;
  for (const std::string& name : names) {
    Score s = ScoreDigest(name);
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    total.strict += s.strict;
  }
  std::cout << "total: precision " << total.precision() << " recall " << total.recall()
            << " (strict " << total.strict_recall() << ")\n";
  EXPECT_GE(total.precision(), 0.95);
  EXPECT_GE(total.recall(), 0.90);
  EXPECT_GE(total.strict_recall(), 0.80);
}

}  // namespace
}  // namespace entente::golden
