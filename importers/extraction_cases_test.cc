// Capability tests of the extractor: the invented sentences of
// importers/testdata/cases/*.cases, one file per capability (paraphrase, anaphora,
// reported speech, lists, dates, negation, hostile text, ...). The format:
//
//   case: <what must hold>
//   published: YYYY-MM-DD
//   headline: <optional>
//   text: <a paragraph>            (repeatable)
//   expect: TYPE SOURCE TARGET DATE|* [key=value ...]   (a value runs to the next key=;
//                                                        key=- : no such attribute)
//   reject: TYPE SOURCE TARGET [DATE|* [key=value ...]]
//   expect: none
//   end
//
// A capability's file must keep passing at least as many cases as its floor in
// importers/testdata/cases/floors.txt ("anaphora 21"): floors only rise. A failing
// case prints what was expected and what was extracted.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "importers/gazetteer.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  bool reject = false;
  bool none = false;
  bool malformed = false;  // Neither "none" nor TYPE SOURCE TARGET: never holds.
  std::string type, source, target, date;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string line;
};

struct Case {
  std::string name;
  int line = 0;
  std::string published = "2025-06-15";
  std::string headline;
  std::vector<std::string> paragraphs;
  std::vector<Expectation> expectations;
};

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

// ctest sets ENTENTE_SOURCE_DIR; run by hand from the source tree it defaults to ".".
fs::path CasesDir() {
  return fs::path(Env("ENTENTE_SOURCE_DIR", ".")) / "importers/testdata/cases";
}

std::vector<Case> ReadCases(const fs::path& path) {
  std::ifstream in(path);
  std::vector<Case> out;
  Case current;
  bool open = false;
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    absl::string_view key =
        line.substr(0, colon == absl::string_view::npos ? line.size() : colon);
    absl::string_view value = colon == absl::string_view::npos
                                  ? ""
                                  : absl::StripAsciiWhitespace(line.substr(colon + 1));
    if (key == "case") {
      current = Case();
      current.name = std::string(value);
      current.line = number;
      open = true;
    } else if (key == "end") {
      if (open) out.push_back(current);
      open = false;
    } else if (key == "published") {
      current.published = std::string(value);
    } else if (key == "headline") {
      current.headline = std::string(value);
    } else if (key == "text") {
      current.paragraphs.push_back(std::string(value));
    } else if (key == "expect" || key == "reject") {
      Expectation e;
      e.reject = key == "reject";
      e.line = std::string(line);
      std::vector<std::string> words = absl::StrSplit(value, ' ', absl::SkipEmpty());
      if (words.size() == 1 && words[0] == "none") {
        e.none = true;
      } else if (words.size() < 3) {
        e.malformed = true;
      } else {
        e.type = words[0];
        e.source = words[1];
        e.target = words[2];
        e.date = words.size() > 3 ? words[3] : "*";  // A reject may name a date.
        for (size_t k = 4; k < words.size(); ++k) {
          size_t eq = words[k].find('=');
          if (eq != std::string::npos) {
            e.attributes.emplace_back(words[k].substr(0, eq), words[k].substr(eq + 1));
          } else if (!e.attributes.empty()) {
            absl::StrAppend(&e.attributes.back().second, " ", words[k]);  // title=A B
          }
        }
      }
      current.expectations.push_back(std::move(e));
    }
  }
  return out;
}

// Ids compare case-insensitively; '*' stands for any run of characters ("event:*",
// "event:g20*", "event:*turkic*").
bool EndpointIs(const graph::EntityRef& ref, const std::string& want) {
  std::string id = absl::AsciiStrToLower(ref.id);
  std::vector<std::string> parts = absl::StrSplit(absl::AsciiStrToLower(want), '*');
  if (parts.size() == 1) return id == parts[0];
  if (!absl::StartsWith(id, parts.front()) || !absl::EndsWith(id, parts.back()) ||
      id.size() < parts.front().size() + parts.back().size())
    return false;
  size_t at = parts.front().size();
  const size_t limit = id.size() - parts.back().size();
  for (size_t k = 1; k + 1 < parts.size(); ++k) {
    size_t found = id.find(parts[k], at);
    if (found == std::string::npos || found + parts[k].size() > limit) return false;
    at = found + parts[k].size();
  }
  return true;
}

bool EndpointsMatch(const graph::Relation& r, const Expectation& e) {
  if (EndpointIs(r.source, e.source) && EndpointIs(r.target, e.target)) return true;
  return graph::IsSymmetric(r.type) && EndpointIs(r.source, e.target) &&
         EndpointIs(r.target, e.source);
}

bool AttributeIs(const graph::Attributes& attributes, const std::string& key,
                 const std::string& want) {
  auto it = attributes.find(key);
  if (want == "-") return it == attributes.end();
  if (it == attributes.end()) return false;
  const graph::AttributeValue& v = it->second;
  double number = 0;
  if (const auto* i = std::get_if<int64_t>(&v)) {
    return absl::SimpleAtod(want, &number) &&
           std::abs(static_cast<double>(*i) - number) <= std::abs(number) * 0.01;
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return absl::SimpleAtod(want, &number) &&
           std::abs(*d - number) <= std::abs(number) * 0.01;
  }
  std::string normal = absl::AsciiStrToLower(absl::StrReplaceAll(want, {{"_", " "}}));
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::string got = absl::AsciiStrToLower(absl::StrReplaceAll(*s, {{"_", " "}}));
    return got == normal;
  }
  std::vector<std::string> got = std::get<std::vector<std::string>>(v);
  std::vector<std::string> wanted = absl::StrSplit(want, ',');
  std::sort(got.begin(), got.end());
  std::sort(wanted.begin(), wanted.end());
  return got == wanted;
}

// Type, endpoints and date ("*" for any) as the expectation names them.
bool Names(const graph::Relation& r, const Expectation& e) {
  return graph::RelationTypeName(r.type) == e.type && EndpointsMatch(r, e) &&
         (e.date == "*" || r.date.ToString() == e.date);
}

bool Satisfies(const graph::Relation& r, const Expectation& e) {
  if (!Names(r, e)) return false;
  for (const auto& [key, value] : e.attributes) {
    if (!AttributeIs(r.attributes, key, value)) return false;
  }
  return true;
}

// "" when the case holds, else what went wrong.
std::string Check(const Case& c, const std::vector<graph::Relation>& relations) {
  std::vector<std::string> problems;
  for (const Expectation& e : c.expectations) {
    if (e.none) {
      if (!relations.empty()) problems.push_back("expected no relation");
      continue;
    }
    // "reject: forum country:NGA" names no target and would hold whatever came out.
    if (e.malformed) {
      problems.push_back(absl::StrCat("malformed (write TYPE SOURCE TARGET): ", e.line));
      continue;
    }
    bool found = false;
    for (const graph::Relation& r : relations) {
      // A reject with attributes rules out only the relation that has them.
      found |= e.reject && e.attributes.empty() ? Names(r, e) : Satisfies(r, e);
    }
    if (found == e.reject)
      problems.push_back(absl::StrCat(e.reject ? "got " : "missed ", e.line));
  }
  if (problems.empty()) return "";
  std::string out = absl::StrCat(absl::StrJoin(problems, "\n    "), "\n    extracted:");
  for (const graph::Relation& r : relations) {
    absl::StrAppend(&out, "\n      ", graph::RelationTypeName(r.type), " ", r.source.id,
                    " ", r.target.id, " ", r.date.ToString(), " ",
                    RelationToJsonLine(r).substr(0, 0));
    for (const auto& [key, value] : r.attributes) {
      std::string text;
      if (const auto* s = std::get_if<std::string>(&value)) text = *s;
      if (const auto* i = std::get_if<int64_t>(&value)) text = absl::StrCat(*i);
      if (const auto* d = std::get_if<double>(&value)) text = absl::StrCat(*d);
      if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
        text = absl::StrJoin(*l, ",");
      }
      absl::StrAppend(&out, key, "=", text, " ");
    }
  }
  return out;
}

std::map<std::string, int> Floors() {
  std::map<std::string, int> out;
  std::ifstream in(CasesDir() / "floors.txt");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int floor = 0;
    if (words.size() == 2 && words[0][0] != '#' && absl::SimpleAtoi(words[1], &floor)) {
      out[words[0]] = floor;
    }
  }
  return out;
}

const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    auto gazetteer = Gazetteer::Load(DefaultIsoCodesDir());
    EXPECT_TRUE(gazetteer.ok()) << gazetteer.status();
    auto created = Extractor::Create(std::move(*gazetteer));
    EXPECT_TRUE(created.ok()) << created.status();
    return created->release();
  }();
  return *extractor;
}

TEST(ExtractionCases, EveryCapabilityKeepsItsFloor) {
  std::map<std::string, int> floors = Floors();
  ASSERT_FALSE(floors.empty()) << "no floors in " << (CasesDir() / "floors.txt");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(CasesDir())) {
    if (entry.path().extension() != ".cases") continue;
    ++files;
    std::string capability = entry.path().stem().string();
    std::vector<Case> cases = ReadCases(entry.path());
    ASSERT_FALSE(cases.empty()) << entry.path();
    int passed = 0;
    std::string failures;
    for (const Case& c : cases) {
      DigestItem item;
      item.document = capability;
      item.number = 1;
      auto published = graph::DateWithPrecision::Parse(c.published);
      ASSERT_TRUE(published.ok()) << entry.path() << ":" << c.line;
      item.published = *published;
      item.headline.text = c.headline;
      int64_t offset = 0;
      for (const std::string& p : c.paragraphs) {
        item.paragraphs.push_back({p, offset, {}});
        offset += static_cast<int64_t>(p.size()) + 1;
      }
      std::string problem = Check(c, SharedExtractor().Extract(item).relations);
      if (problem.empty()) {
        ++passed;
      } else {
        absl::StrAppend(&failures, "  ", capability, ".cases:", c.line, " ", c.name,
                        "\n    ", problem, "\n");
      }
    }
    int floor = floors.count(capability) ? floors[capability] : 0;
    std::cout << capability << ": " << passed << "/" << cases.size() << " (floor "
              << floor << ")\n";
    if (std::getenv("ENTENTE_CASES_VERBOSE") != nullptr) std::cout << failures;
    EXPECT_GE(passed, floor) << capability << " fell below its floor; failing cases:\n"
                             << failures;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace entente::importers
