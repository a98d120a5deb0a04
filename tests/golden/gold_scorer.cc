#include "tests/golden/gold_scorer.h"

#include <cstdint>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace entente::golden {
namespace {

// UTF-8 to code points (wchar_t is 32 bits here); a malformed byte stands for itself.
std::wstring Wide(const std::string& utf8) {
  std::wstring out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + extra >= utf8.size()) {
      out.push_back(static_cast<wchar_t>(c));
      ++i;
      continue;
    }
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    out.push_back(static_cast<wchar_t>(cp));
    i += extra + 1;
  }
  return out;
}

GoldEndpoint Endpoint(simdjson::dom::element e) {
  GoldEndpoint out;
  std::string_view v;
  if (!e["id"].get_string().get(v)) out.id = std::string(v);
  if (!e["match"].get_string().get(v)) out.match = std::string(v);
  return out;
}

bool EndpointOk(const GoldEndpoint& gold, const graph::EntityRef& got) {
  if (absl::StartsWith(gold.id, "country:") || gold.match.empty()) {
    return absl::EqualsIgnoreCase(gold.id, got.id);
  }
  if (!gold.id.empty() && absl::EqualsIgnoreCase(gold.id, got.id)) return true;
  // Test code: std::regex is fine off the hot path. Python's scorer matches code
  // points ("EU.?Central Asia" takes the en dash of "EU\u2013Central Asia"), so the
  // pattern and the text are matched as UTF-32, not bytes.
  std::wregex re(Wide(gold.match), std::regex::icase | std::regex::ECMAScript);
  return std::regex_search(Wide(got.name + " " + got.id), re);
}

bool EndsOk(const GoldRelation& g, const graph::Relation& x) {
  if (EndpointOk(g.source, x.source) && EndpointOk(g.target, x.target)) return true;
  return graph::IsSymmetric(g.type) && EndpointOk(g.source, x.target) &&
         EndpointOk(g.target, x.source);
}

int DateLevel(const std::string& gold, const std::string& got) {
  if (gold == got) return 2;
  if (!gold.empty() && !got.empty() &&
      (absl::StartsWith(gold, got) || absl::StartsWith(got, gold)))
    return 1;
  return 0;
}

std::string Short(graph::RelationType type, const std::string& a, const std::string& b,
                  const std::string& date) {
  return absl::StrCat(graph::RelationTypeName(type), " ", a, " -> ", b, " ", date);
}

}  // namespace

absl::StatusOr<std::vector<GoldRelation>> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::vector<GoldRelation> out;
  simdjson::dom::parser parser;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": not JSON"));
    }
    GoldRelation g;
    std::string_view type, date;
    if (e["type"].get_string().get(type)) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": no type"));
    }
    auto parsed = graph::ParseRelationType(std::string(type));
    if (!parsed)
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": bad type"));
    g.type = *parsed;
    g.source = Endpoint(e["source"].value_unsafe());
    g.target = Endpoint(e["target"].value_unsafe());
    if (!e["date"].get_string().get(date)) g.date = std::string(date);
    bool required = true;
    if (!e["required"].get_bool().get(required)) g.required = required;
    out.push_back(std::move(g));
  }
  return out;
}

Score ScoreExtraction(const std::vector<GoldRelation>& gold,
                      const std::vector<graph::Relation>& got) {
  Score s;
  std::set<size_t> used;
  for (const GoldRelation& g : gold) {
    if (!g.required) continue;
    int best = -1, best_level = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      if (used.count(i) || got[i].type != g.type || !EndsOk(g, got[i])) continue;
      int level = DateLevel(g.date, got[i].date.ToString());
      if (level > best_level) {
        best = static_cast<int>(i);
        best_level = level;
      }
    }
    if (best < 0) {
      s.missed.push_back(Short(g.type, g.source.id, g.target.id, g.date));
      ++s.fn;
      continue;
    }
    used.insert(best);
    ++s.tp;
    s.strict += best_level == 2;
  }
  for (size_t i = 0; i < got.size(); ++i) {
    if (used.count(i)) continue;
    const graph::Relation& x = got[i];
    bool covered = false;
    for (const GoldRelation& g : gold) {
      if (g.type != x.type || !EndsOk(g, x)) continue;
      if (!g.required || DateLevel(g.date, x.date.ToString()) > 0) covered = true;
    }
    if (covered) continue;
    s.unexpected.push_back(Short(x.type, x.source.id, x.target.id, x.date.ToString()));
    ++s.fp;
  }
  return s;
}

}  // namespace entente::golden
