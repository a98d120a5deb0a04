#include "importers/internal/item_context.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/extractor.h"
#include "importers/internal/shaped_orgs.h"

namespace entente::importers::internal {
namespace {

bool IsOutletWord(const Token& t) {
  if (t.kind == TokenKind::kPunct) return t.text == "&";
  if (t.capitalized || t.kind == TokenKind::kNumber) return true;
  return t.lower == "of" || t.lower == "de" || t.lower == "da" || t.lower == "du" ||
         t.lower == "der" || t.lower == "la" || t.lower == "le" || t.lower == "al" ||
         (t.lower.find('.') != std::string::npos &&
          t.lower.size() > 2);  // "24.kg", "kun.uz"
}

bool IsOutletDescriptor(absl::string_view w) {
  return w == "newspaper" || w == "daily" || w == "agency" || w == "magazine" ||
         w == "outlet" || w == "website" || w == "portal" || w == "broadcaster" ||
         w == "channel" || w == "journal" || w == "weekly" || w == "service";
}

bool IsLocationPreposition(absl::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "from" || p == "across" ||
         p == "through" || p == "outside" || p == "around" || p == "within" ||
         p == "into" || p == "toward" || p == "towards" || p == "via";
}

// The end (exclusive) of "on Month Day[, Year]" starting at tokens[i] == "on";
// -1 if tokens[i..] is not such a date.
int DateAfterOn(const std::vector<Token>& t, int i) {
  int n = static_cast<int>(t.size());
  if (i >= n || t[i].lower != "on" || i + 2 >= n) return -1;
  if (MonthFromWord(t[i + 1].lower) == 0 || t[i + 2].kind != TokenKind::kNumber)
    return -1;
  int end = i + 3;
  if (end + 1 < n && t[end].text == "," && t[end + 1].text.size() == 4 &&
      t[end + 1].kind == TokenKind::kNumber)
    end += 2;
  return end;
}

}  // namespace

std::string Slugify(absl::string_view text) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (absl::ascii_isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(absl::ascii_tolower(c));
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < text.size()) {
      // Latin-1 supplement letters: fold to their base letter.
      static constexpr absl::string_view kFold =
          "aaaaaaaceeeeiiiidnooooo/ouuuuyps";  // U+00E0..U+00FF
      unsigned char d = text[i + 1];
      if (c == 0xC3 && d >= 0xA0 && d <= 0xBF) {
        char f = kFold[d - 0xA0];
        if (absl::ascii_isalpha(f)) {
          if (dash && !out.empty()) out.push_back('-');
          dash = false;
          out.push_back(f);
        }
      } else if (c == 0xC3 && d >= 0x80 && d <= 0x9F) {
        char f = kFold[d - 0x80];
        if (absl::ascii_isalpha(f)) {
          if (dash && !out.empty()) out.push_back('-');
          dash = false;
          out.push_back(f);
        }
      }
      ++i;
    } else if (c == '+') {
      dash = true;
    } else if (c < 0x80 || c >= 0xC0) {
      dash = true;
    }
  }
  return out;
}

ItemContext::ItemContext(const Gazetteer& gazetteer, const DigestItem& item)
    : gazetteer_(gazetteer), item_(item) {
  reported_ = item.reported.known() ? item.reported : item.published;
  outlet_ = item.outlet;
  BuildSentences();
  FindAttribution();
  // Mask the outlet's name wherever it appears: provenance, not a party.
  std::vector<std::pair<int64_t, int64_t>> masked;
  for (Sentence& s : sentences_) {
    masked.clear();
    if (s.attribution_begin >= 0) {
      masked.emplace_back(s.tokens[s.attribution_begin].begin,
                          s.tokens[s.attribution_end - 1].end);
    }
    if (outlet_.size() > 2) {
      for (size_t pos = s.text.find(outlet_); pos != absl::string_view::npos;
           pos = s.text.find(outlet_, pos + 1)) {
        masked.emplace_back(s.begin + static_cast<int64_t>(pos),
                            s.begin + static_cast<int64_t>(pos + outlet_.size()));
      }
    }
    s.mentions = FindMentions(gazetteer_, s.tokens, masked);
    AddShapedOrganizations(s, masked);
    s.money = FindMoney(s.tokens);
    // "3 billion U.S. dollars": the currency's country is no party.
    for (const MoneyMention& m : s.money) {
      s.mentions.erase(std::remove_if(s.mentions.begin(), s.mentions.end(),
                                      [&](const Mention& x) {
                                        return x.begin >= m.begin && x.end <= m.end;
                                      }),
                       s.mentions.end());
    }
    for (const Token& t : s.tokens) s.word_bloom.Add(t.hash);
    const int n = static_cast<int>(s.tokens.size());
    for (int k = 0; k + 1 < n; ++k) {
      if (s.tokens[k].text != "," ||
          !(s.tokens[k + 1].lower == "which" || s.tokens[k + 1].lower == "who" ||
            s.tokens[k + 1].lower == "whose"))
        continue;
      int close = k + 2;
      while (close < n && s.tokens[close].text != ",") ++close;
      s.asides.emplace_back(k, close);
    }
  }
  // Dates: the lead sentence first, for the anchor; then every sentence.
  anchor_ = reported_.known()
                ? graph::DateWithPrecision::Month(reported_.year, reported_.month)
                : graph::DateWithPrecision();
  for (Sentence& s : sentences_) {
    if (s.headline || s.paragraph != 0) continue;
    s.dates = FindDates(s.tokens, {reported_, {}});
    bool found = false;
    for (const DateMention& d : s.dates) {
      if (InAttribution(s, d.begin)) continue;
      if (d.date.precision == graph::DatePrecision::kDay) {
        anchor_ = d.date;
        found = true;
        break;
      }
    }
    if (found || s.attribution_begin >= 0) break;
  }
  for (Sentence& s : sentences_) {
    s.dates = FindDates(s.tokens, {reported_, anchor_});
    s.dates.erase(
        std::remove_if(s.dates.begin(), s.dates.end(),
                       [&](const DateMention& d) { return InAttribution(s, d.begin); }),
        s.dates.end());
  }
  FindParties();
}

void ItemContext::BuildSentences() {
  if (!item_.headline.text.empty()) {
    Sentence s;
    s.paragraph = -1;
    s.headline = true;
    s.text = item_.headline.text;
    s.begin = item_.headline.offset;
    s.end = s.begin + static_cast<int64_t>(s.text.size());
    s.file_begin = item_.headline.FileOffset(0);
    s.file_end = item_.headline.FileOffset(static_cast<int64_t>(s.text.size()));
    s.tokens = Tokenize(s.text, s.begin);
    sentences_.push_back(std::move(s));
  }
  for (size_t p = 0; p < item_.paragraphs.size(); ++p) {
    absl::string_view text = item_.paragraphs[p].text;
    for (const SentenceSpan& span : SplitSentences(text)) {
      Sentence s;
      s.paragraph = static_cast<int>(p);
      s.text = text.substr(span.begin, span.end - span.begin);
      s.begin = item_.paragraphs[p].offset + static_cast<int64_t>(span.begin);
      s.end = item_.paragraphs[p].offset + static_cast<int64_t>(span.end);
      s.file_begin = item_.paragraphs[p].FileOffset(static_cast<int64_t>(span.begin));
      s.file_end = item_.paragraphs[p].FileOffset(static_cast<int64_t>(span.end));
      s.tokens = Tokenize(s.text, s.begin);
      sentences_.push_back(std::move(s));
    }
  }
}

void ItemContext::FindAttribution() {
  for (Sentence& s : sentences_) {
    if (s.headline || s.paragraph != 0) continue;
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    for (int r = 0; r < n; ++r) {
      absl::string_view w = t[r].lower;
      int outlet_begin = -1, outlet_end = -1, date_begin = -1, range_begin = -1;
      // ", reported the Manila Bulletin on DATE": the article is no part of the name.
      const int o =
          r + 2 < n && t[r + 1].lower == "the" && t[r + 2].capitalized ? r + 2 : r + 1;
      if ((w == "reported" || w == "reports" || w == "writes" || w == "wrote") && r > 0 &&
          t[r - 1].text == "," && o < n && IsOutletWord(t[o]) && t[o].lower != "on") {
        // ", reported OUTLET on DATE"
        int k = o;
        while (k < n && t[k].lower != "on" && IsOutletWord(t[k])) ++k;
        if (DateAfterOn(t, k) < 0) {
          // ", reported The Times of India." with no date: the outlet alone.
          if (!(k == n || (k == n - 1 && t[k].text == "."))) continue;
          s.attribution_begin = r - 1;
          s.attribution_end = n;
          if (item_.outlet.empty()) {
            outlet_ = std::string(
                s.text.substr(t[o].begin - s.begin, t[k - 1].end - t[o].begin));
          }
          return;
        }
        outlet_begin = o;
        outlet_end = k;
        date_begin = k;
        range_begin = r - 1;
      } else if (w == "reported" || w == "published" || w == "released" || w == "wrote" ||
                 w == "ran" || w == "carried" ||
                 (w == "interview" && r + 1 < n && t[r + 1].lower == "with")) {
        int k = r + 1;
        if (w == "interview") {
          ++k;
          int start = k;
          while (k < n && t[k].lower != "on" && IsOutletWord(t[k])) ++k;
          if (k == start || DateAfterOn(t, k) < 0) continue;
          outlet_begin = start;
          outlet_end = k;
          date_begin = k;
          range_begin = r + 1;
        } else {
          while (k < n && k < r + 6 && t[k].lower != "on") ++k;
          if (DateAfterOn(t, k) < 0) continue;
          int b = r;
          if (b > 0 && !t[b - 1].capitalized && IsOutletDescriptor(t[b - 1].lower)) --b;
          int e = b;
          while (b > 0 && IsOutletWord(t[b - 1]) && t[b - 1].text != ",") --b;
          if (b == e) continue;
          outlet_begin = b;
          outlet_end = e;
          date_begin = k;
          range_begin = b;
          if (b >= 2 && t[b - 1].lower == "'s") range_begin = b - 2;  // "Germany's FAZ"
        }
      } else {
        continue;
      }
      int date_end = DateAfterOn(t, date_begin);
      s.attribution_begin = range_begin;
      s.attribution_end = date_end;
      if (date_end < n && t[date_end].lower == "that") s.attribution_end = date_end + 1;
      if (item_.outlet.empty()) {
        outlet_ =
            std::string(s.text.substr(t[outlet_begin].begin - s.begin,
                                      t[outlet_end - 1].end - t[outlet_begin].begin));
      }
      std::vector<DateMention> dates =
          FindDates(std::vector<Token>(t.begin() + date_begin + 1, t.begin() + date_end),
                    {item_.published, {}});
      if (!dates.empty() && dates[0].date.precision == graph::DatePrecision::kDay) {
        reported_ = dates[0].date;
      }
      return;
    }
  }
  // "According to Kazinform, ...": the outlet without a date.
  if (!item_.outlet.empty()) return;
  for (Sentence& s : sentences_) {
    if (s.headline || s.paragraph != 0) continue;
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    for (int r = 0; r + 2 < n; ++r) {
      if (t[r].lower != "according" || t[r + 1].lower != "to") continue;
      int k = r + 2;
      while (k < n && t[k].text != "," && IsOutletWord(t[k])) ++k;
      if (k == r + 2 || k >= n || t[k].text != ",") continue;
      outlet_ = std::string(
          s.text.substr(t[r + 2].begin - s.begin, t[k - 1].end - t[r + 2].begin));
      s.attribution_begin = r;
      s.attribution_end = k + 1;
      return;
    }
  }
}

void ItemContext::FindParties() {
  struct Score {
    double weight = 0;
    int first = 0;
  };
  std::map<std::string, Score> scores;
  int order = 0;
  for (const Sentence& s : sentences_) {
    // The headline and lead name the item's parties; the body breaks ties.
    double weight = s.headline ? 0.5 : s.paragraph == 0 ? 1.0 : 0.25;
    for (const Mention& m : s.mentions) {
      ++order;
      if (m.entity->kind == graph::EntityKind::kOrganization && organization_.empty() &&
          (s.headline || s.paragraph == 0)) {
        organization_ = m.entity->id;
      }
      if (m.entity->kind == graph::EntityKind::kCity && city_.empty() &&
          s.paragraph == 0 && (m.preposition == "in" || m.preposition == "at")) {
        city_ = m.entity->id;
      }
      // Countries, and organizations acting through their leaders ("European
      // Commission President Ursula von der Leyen").
      bool org_leader = m.entity->kind == graph::EntityKind::kPerson &&
                        absl::StartsWith(m.country, "org:");
      if (m.country.empty() || (!absl::StartsWith(m.country, "country:") && !org_leader))
        continue;
      if (m.entity->kind == graph::EntityKind::kCompany ||
          m.entity->kind == graph::EntityKind::kSite ||
          m.entity->kind == graph::EntityKind::kUnspecified)
        continue;
      auto [it, inserted] = scores.try_emplace(m.country);
      if (inserted) it->second.first = order;
      it->second.weight += IsLocationPreposition(m.preposition) ? weight / 2 : weight;
    }
  }
  std::vector<std::pair<std::string, Score>> ranked(scores.begin(), scores.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.weight != b.second.weight) return a.second.weight > b.second.weight;
    return a.second.first < b.second.first;
  });
  for (const auto& [id, score] : ranked) {
    parties_.push_back(id);
    if (score.weight >= 1.0) lead_parties_.push_back(id);
  }
  if (organization_.empty()) {
    for (const Sentence& s : sentences_) {
      for (const Mention& m : s.mentions) {
        if (m.entity->kind == graph::EntityKind::kOrganization) {
          organization_ = m.entity->id;
          return;
        }
      }
    }
  }
}

void ItemContext::AddShapedOrganizations(
    Sentence& s, const std::vector<std::pair<int64_t, int64_t>>& masked) {
  std::vector<std::pair<int, int>> found =
      FindShapedOrganizations(s.tokens, s.mentions, masked);
  if (found.empty()) return;
  for (const auto& [b, e] : found) {
    std::string name(s.text.substr(s.tokens[b].begin - s.begin,
                                   s.tokens[e - 1].end - s.tokens[b].begin));
    std::string id = "org:" + Slugify(name);
    const graph::Entity* entity = nullptr;
    for (const graph::Entity& o : shaped_) {
      if (o.id == id) entity = &o;
    }
    if (entity == nullptr) {
      shaped_.push_back(graph::Entity{});
      shaped_.back().id = id;
      shaped_.back().name = name;
      shaped_.back().kind = graph::EntityKind::kOrganization;
      entity = &shaped_.back();
      AddEntity(id, name, graph::EntityKind::kOrganization);
    }
    Mention m;
    m.begin = b;
    m.end = e;
    m.entity = entity;
    m.form = AliasForm::kName;
    m.possessive = e < static_cast<int>(s.tokens.size()) && s.tokens[e].lower == "'s";
    int p = b - 1;
    if (p >= 0 && s.tokens[p].lower == "the") --p;
    if (p >= 0) m.preposition = s.tokens[p].lower;
    s.mentions.push_back(std::move(m));
  }
  std::sort(s.mentions.begin(), s.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

void ItemContext::AddEntity(const std::string& id, const std::string& name,
                            graph::EntityKind kind) {
  if (gazetteer_.FindById(id) != nullptr) return;
  for (const graph::Entity& e : adhoc_) {
    if (e.id == id) return;
  }
  graph::Entity e;
  e.id = id;
  e.name = name;
  e.kind = kind;
  adhoc_.push_back(std::move(e));
}

void ItemContext::Emit(graph::RelationType type, const std::string& source,
                       const std::string& target, const graph::DateWithPrecision& date,
                       graph::Attributes attributes, const Sentence& s,
                       double confidence) {
  if (source.empty() || target.empty() || source == target || !date.known()) return;
  auto ref = [&](const std::string& id) {
    graph::EntityRef r;
    r.id = id;
    r.kind = graph::KindOfId(id);
    if (const graph::Entity* e = gazetteer_.FindById(id)) {
      r.name = e->name;
      r.kind = e->kind;
    } else {
      for (const graph::Entity& a : adhoc_) {
        if (a.id == id) r.name = a.name;
      }
    }
    if (r.name.empty()) r.name = id.substr(id.find(':') + 1);
    return r;
  };
  graph::Relation rel;
  rel.type = type;
  rel.source = ref(source);
  rel.target = ref(target);
  if (graph::IsSymmetric(type) && rel.target.id < rel.source.id)
    std::swap(rel.source, rel.target);
  rel.date = date;
  rel.reported = reported_;
  rel.attributes = std::move(attributes);
  rel.confidence = confidence;
  graph::Provenance p;
  p.item = item_.number;
  p.outlet = outlet_;
  p.headline = item_.headline.text;
  p.reported = reported_;
  p.quote = std::string(s.text);
  p.start = s.file_begin;
  p.end = s.file_end;
  p.document = item_.document;
  p.extractor = std::string(kExtractorVersion);
  rel.provenance.push_back(std::move(p));
  relations_.push_back(std::move(rel));
}

std::vector<graph::Entity> ItemContext::TakeEntities() {
  std::vector<graph::Entity> out;
  std::vector<std::string> seen;
  auto add = [&](const graph::EntityRef& r) {
    if (std::find(seen.begin(), seen.end(), r.id) != seen.end()) return;
    seen.push_back(r.id);
    if (const graph::Entity* e = gazetteer_.FindById(r.id)) {
      out.push_back(*e);
      return;
    }
    graph::Entity e;
    e.id = r.id;
    e.name = r.name;
    e.kind = r.kind;
    out.push_back(std::move(e));
  };
  for (const graph::Relation& r : relations_) {
    add(r.source);
    add(r.target);
  }
  return out;
}

}  // namespace entente::importers::internal
