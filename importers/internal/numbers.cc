#include "importers/internal/numbers.h"

#include <array>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "importers/internal/word_filter.h"

namespace entente::importers::internal {
namespace {

struct Word {
  absl::string_view word;
  int value;
};

constexpr std::array<Word, 29> kNumberWords = {{
    {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},   {"hundred", 100},
    {"dozen", 12},
}};

constexpr std::array<Word, 30> kOrdinalWords = {{
    {"first", 1},       {"inaugural", 1},    {"second", 2},      {"third", 3},
    {"fourth", 4},      {"fifth", 5},        {"sixth", 6},       {"seventh", 7},
    {"eighth", 8},      {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},
    {"twelfth", 12},    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},
    {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19},
    {"twentieth", 20},  {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},
    {"sixtieth", 60},   {"seventieth", 70},  {"eightieth", 80},  {"ninetieth", 90},
    {"hundredth", 100}, {"first-ever", 1},
}};

// Number words by the hash of their lower-case form (Token::hash): a word that is
// none (nearly every word) is ruled out without hashing its text again.
class WordValues {
 public:
  template <size_t kSize>
  explicit WordValues(const std::array<Word, kSize>& words) {
    for (const Word& w : words) {
      by_hash_[WordHash(w.word)].push_back(&w);
      filter_.Add(WordHash(w.word));
    }
  }
  const Word* Find(const Token& t) const {
    if (!filter_.MayContain(t.hash)) return nullptr;
    auto it = by_hash_.find(t.hash);
    if (it == by_hash_.end()) return nullptr;
    for (const Word* w : it->second) {
      if (t.lower == w->word) return w;
    }
    return nullptr;
  }

 private:
  absl::flat_hash_map<uint32_t, absl::InlinedVector<const Word*, 1>> by_hash_;
  WordFilter filter_;
};

double Scale(absl::string_view w) {
  if (w == "thousand") return 1e3;
  // "Rs 5,000 crore", "20 lakh": the Indian scales.
  if (w == "lakh" || w == "lakhs") return 1e5;
  if (w == "crore" || w == "crores") return 1e7;
  if (w == "million" || w == "mln" || w == "mn" || w == "m") return 1e6;
  if (w == "billion" || w == "bln" || w == "bn" || w == "b") return 1e9;
  if (w == "trillion" || w == "tln" || w == "trn" || w == "tn") return 1e12;
  return 0;
}

// "3.2bn", "450m": a number with its scale glued on; 0 when the token is not one.
double GluedAmount(const Token& t) {
  if (t.kind != TokenKind::kNumber && t.kind != TokenKind::kWord) return 0;
  absl::string_view s = t.lower;
  size_t digits = 0;
  while (digits < s.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(s[digits])) ||
          s[digits] == '.' || s[digits] == ',')) {
    ++digits;
  }
  if (digits == 0 || digits == s.size()) return 0;
  double scale = Scale(s.substr(digits));
  double v = 0;
  if (scale == 0 ||
      !absl::SimpleAtod(absl::StrReplaceAll(s.substr(0, digits), {{",", ""}}), &v) ||
      !std::isfinite(v) || v <= 0 || v > 1e6) {
    return 0;
  }
  return v * scale;
}

// The currency a class of currencies.txt gives at token i ("" when none), and the
// tokens it takes in *length.
absl::string_view CurrencyAt(const Lexicon& x, ClassId cls, const std::vector<Token>& t,
                             int i, int* length = nullptr) {
  const PhraseMatch m = x.MatchAt(cls, t, i, static_cast<int>(t.size()));
  if (length != nullptr) *length = m.length;
  return m.value;
}

// "USD 3.3 billion", "EUR 40 million": a code in capitals before the amount.
absl::string_view CodeCurrency(const Lexicon& x, const CurrencyClasses& c,
                               const std::vector<Token>& t, int i) {
  const absl::string_view text = t[i].text;
  if (text.size() != 3 || !absl::ascii_isupper(static_cast<unsigned char>(text[0])) ||
      !absl::ascii_isupper(static_cast<unsigned char>(text[2]))) {
    return "";
  }
  return CurrencyAt(x, c.code, t, i);
}

// The dollar a "$" at i is when letters are written right onto it: "A$" is the
// Australian dollar, "NZ$" New Zealand's; "" for a plain dollar.
absl::string_view DollarOf(const Lexicon& x, const CurrencyClasses& c,
                           const std::vector<Token>& t, int i) {
  if (i == 0 || t[i].text != "$" || t[i - 1].end != t[i].begin) return "";
  return CurrencyAt(x, c.dollar_prefix, t, i - 1);
}

// The currency named after an amount that ends before token *end: "yen", "CFA
// francs", "U.S. dollars", "Namibian dollars"; moves *end past it.
std::string WordCurrency(const Lexicon& x, const CurrencyClasses& c,
                         const std::vector<Token>& t, int* end) {
  int k = *end;
  int length = 0;
  const std::string country(CurrencyAt(x, c.dollar_country, t, k, &length));
  if (!country.empty()) k += length;
  const absl::string_view word = CurrencyAt(x, c.word, t, k, &length);
  if (word.empty()) return "";
  *end = k + length;
  // "Namibian dollars" is the Namibian dollar; "U.S. yen" is still yen.
  return !country.empty() && word == "USD" ? country : std::string(word);
}

// A number's text without its thousands separators ("1,860" -> "1860"), copied
// into *storage only when it has any.
absl::string_view WithoutCommas(absl::string_view text, std::string* storage) {
  if (text.find(',') == absl::string_view::npos) return text;
  *storage = absl::StrReplaceAll(text, {{",", ""}});
  return *storage;
}

std::optional<double> ParseDecimal(const Token& t) {
  if (t.kind != TokenKind::kNumber) return std::nullopt;
  std::string storage;
  double v = 0;
  if (!absl::SimpleAtod(WithoutCommas(t.text, &storage), &v) || !std::isfinite(v) ||
      v < 0 || v > 1e15)
    return std::nullopt;
  return v;
}

// The tokens from `at` on that say "percent": "percent" or "pct" (1), "per cent"
// (2), and "%" (1) when `sign`; 0 when none.
int PercentWordsAt(const std::vector<Token>& t, int at, bool sign) {
  const int n = static_cast<int>(t.size());
  if (at >= n) return 0;
  // Asked after every number and word: views compare lengths before bytes (a
  // std::string against a literal calls memcmp whatever the lengths).
  const absl::string_view word = t[at].lower;
  if ((sign && t[at].text == "%") || word == "percent" || word == "pct") return 1;
  return at + 1 < n && word == "per" && absl::string_view(t[at + 1].lower) == "cent" ? 2
                                                                                     : 0;
}

// "forty-five", "forty-ninth": a tens word, a hyphen and a unit word of `units`
// (counts or ordinals); 0 when not.
template <size_t N>
int Compound(absl::string_view s, const std::array<Word, N>& units) {
  const size_t dash = s.find('-');
  if (dash == absl::string_view::npos) return 0;
  const absl::string_view tens = s.substr(0, dash);
  const absl::string_view unit = s.substr(dash + 1);
  int tens_value = 0, unit_value = 0;
  for (const Word& w : kNumberWords) {
    if (w.word == tens && w.value >= 20 && w.value <= 90 && w.value % 10 == 0) {
      tens_value = w.value;
    }
  }
  for (const Word& w : units) {
    if (w.word == unit && w.value >= 1 && w.value <= 9 && w.word != "inaugural") {
      unit_value = w.value;
    }
  }
  return tens_value > 0 && unit_value > 0 ? tens_value + unit_value : 0;
}

}  // namespace

std::optional<int64_t> ParseCount(const Token& t) {
  if (t.kind == TokenKind::kNumber) {
    std::string storage;
    int64_t v = 0;
    if (absl::SimpleAtoi(WithoutCommas(t.text, &storage), &v) && v >= 0) return v;
    return std::nullopt;
  }
  static const auto* kWords = new WordValues(kNumberWords);
  if (const Word* w = kWords->Find(t)) return w->value;
  if (const int compound = Compound(t.lower, kNumberWords); compound > 0) return compound;
  return std::nullopt;
}

std::optional<int> ParseOrdinal(const Token& t) {
  static const auto* kWords = new WordValues(kOrdinalWords);
  if (const Word* w = kWords->Find(t)) return w->value;
  absl::string_view s = t.lower;
  if (const int compound = Compound(s, kOrdinalWords); compound > 0) return compound;
  if (s.size() >= 3 && s.size() <= 5) {
    absl::string_view suffix = s.substr(s.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      int v = 0;
      if (absl::SimpleAtoi(s.substr(0, s.size() - 2), &v) && v > 0) return v;
    }
  }
  return std::nullopt;
}

std::optional<int> ParseRomanOrdinal(const Token& t) {
  constexpr size_t kLongest = 8;  // "XXXVIII"
  const absl::string_view s = t.text;
  if (s.size() < 2 || s.size() > kLongest) return std::nullopt;
  auto value = [](char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      default:
        return 0;
    }
  };
  int total = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    const int v = value(s[k]);
    if (v == 0) return std::nullopt;
    const int next = k + 1 < s.size() ? value(s[k + 1]) : 0;
    total += next > v ? -v : v;
  }
  return total > 1 ? std::optional<int>(total) : std::nullopt;
}

// "Rs1,150", "RM5bn", "₦1.9": a currency's sign written onto the amount. Sets
// *value and *scale (1, or the scale glued on) and returns the currency; "" when
// the token is no such amount.
absl::string_view GluedSign(const Lexicon& x, const CurrencyClasses& c, const Token& t,
                            double* value, double* scale) {
  const absl::string_view s = t.lower;
  size_t sign = 0;
  while (sign < s.size() && sign <= kLongestGluedSign &&
         !absl::ascii_isdigit(static_cast<unsigned char>(s[sign]))) {
    ++sign;
  }
  if (sign == 0 || sign > kLongestGluedSign || sign == s.size()) return "";
  size_t digits = sign;
  while (digits < s.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(s[digits])) ||
          s[digits] == '.' || s[digits] == ',')) {
    ++digits;
  }
  *scale = digits == s.size() ? 1 : Scale(s.substr(digits));
  std::string storage;
  if (*scale == 0 ||
      !absl::SimpleAtod(WithoutCommas(s.substr(sign, digits - sign), &storage), value) ||
      !std::isfinite(*value) || *value <= 0) {
    return "";
  }
  return x.WordValue(c.glued_sign, s.substr(0, sign));
}

// GluedSign's amount at token i when it has a scale ("Rs1,150 billion", "RM5bn"):
// a sign's letters glued to a bare number may be a name ("N95"). Sets *currency and
// *scale (1 unless glued on); nullopt when there is none.
std::optional<double> ScaledGluedSign(const Lexicon& x, const CurrencyClasses& c,
                                      const std::vector<Token>& t, int i,
                                      std::string* currency, double* scale) {
  double glued = 0;
  const absl::string_view sign = GluedSign(x, c, t[i], &glued, scale);
  const bool scale_after =
      i + 1 < static_cast<int>(t.size()) && Scale(t[i + 1].lower) > 0;
  if (sign.empty() || !(*scale > 1 || scale_after)) {
    *scale = 1;
    return std::nullopt;
  }
  *currency = std::string(sign);
  return glued;
}

// Number words for a count below a thousand right before a scale word: "one
// billion", "three hundred million", "two hundred and fifty million". Returns how
// many tokens the count takes from i (0 for none) and sets *count.
int CountWordsBeforeScale(const std::vector<Token>& t, int i, int64_t* count) {
  const int n = static_cast<int>(t.size());
  if (t[i].kind != TokenKind::kWord || i + 1 >= n) return 0;
  const bool hundreds = t[i + 1].LowerIs("hundred");
  if (!hundreds && Scale(t[i + 1].lower) <= 1e3) return 0;
  const std::optional<int64_t> first = ParseCount(t[i]);
  if (!first || *first <= 0 || *first >= 1000) return 0;
  if (!hundreds) {
    *count = *first;
    return 1;
  }
  if (*first >= 10) return 0;
  const int64_t value = *first * 100;
  const int after = i + 2;
  // "and fifty", "fifty": tens and units after the hundreds.
  const int rest_at = after < n && t[after].LowerIs("and") ? after + 1 : after;
  if (rest_at + 1 < n && Scale(t[rest_at + 1].lower) > 1e3) {
    if (std::optional<int64_t> rest = ParseCount(t[rest_at]);
        rest && *rest > 0 && *rest < 100) {
      *count = value + *rest;
      return rest_at + 1 - i;
    }
  }
  if (after < n && Scale(t[after].lower) > 1e3) {
    *count = value;
    return 2;
  }
  return 0;
}

// "half a billion dollars", "a quarter of a billion", "one and a half billion": words
// for an amount of a scale word that follows them. Returns how many tokens they take
// from i (0 for none) and sets *value.
int FractionBeforeScale(const std::vector<Token>& t, int i, double* value) {
  const int n = static_cast<int>(t.size());
  if (t[i].kind == TokenKind::kPunct) return 0;
  struct Form {
    std::array<absl::string_view, 4> words;
    int length;  // Of `words` used.
    double value;
  };
  static constexpr Form kForms[] = {{{"a", "quarter", "of", "a"}, 4, 0.25},
                                    {{"three", "quarters", "of", "a"}, 4, 0.75},
                                    {{"quarter", "of", "a"}, 3, 0.25},
                                    {{"half", "a"}, 2, 0.5},
                                    {{"a"}, 1, 1}};
  for (const Form& f : kForms) {
    if (i + f.length >= n) continue;
    int k = 0;
    while (k < f.length && t[i + k].LowerIs(f.words[k])) ++k;
    if (k == f.length && Scale(t[i + k].lower) > 1e3) {
      *value = f.value;
      return f.length;
    }
  }
  // "one and a half billion", "2 and a half million".
  if (i + 4 < n && t[i + 1].LowerIs("and") && t[i + 2].LowerIs("a") &&
      t[i + 3].LowerIs("half") && Scale(t[i + 4].lower) > 1e3) {
    if (const std::optional<int64_t> count = ParseCount(t[i]); count && *count < 1000) {
      *value = static_cast<double>(*count) + 0.5;
      return 4;
    }
  }
  return 0;
}

// A word of a few letters with a digit after them: what GluedSign may read.
bool MayBeGluedSign(const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  const absl::string_view s = t.text;
  for (size_t k = 1; k < s.size() && k <= kLongestGluedSign; ++k) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(s[k]))) return true;
  }
  return false;
}

std::vector<MoneyMention> FindMoney(const std::vector<Token>& t, const Lexicon& x,
                                    const CurrencyClasses& c) {
  std::vector<MoneyMention> out;
  const int n = static_cast<int>(t.size());
  auto number_at = [&](int k) { return k < n && t[k].kind == TokenKind::kNumber; };
  for (int i = 0; i < n; ++i) {
    // An amount is a number token (ParseDecimal reads nothing else, and no word
    // token starts with GluedAmount's digits), at i or right after a currency at i,
    // or a word with a sign written onto its digits ("RM5"): most tokens start no
    // mention, and no currency class need be matched there.
    double fraction = 0;
    const int fraction_words = FractionBeforeScale(t, i, &fraction);
    int64_t count = 0;
    if (!number_at(i) && !number_at(i + 1) && !MayBeGluedSign(t[i]) &&
        CountWordsBeforeScale(t, i, &count) == 0 && fraction_words == 0) {
      continue;
    }
    const int start = i;
    int begin = i;  // The mention's first token: "US" or "A" before "$".
    std::string currency(CurrencyAt(x, c.sign, t, i));
    if (!currency.empty()) {
      // "A$20 billion", "US$2 billion": a country's letters written onto the sign.
      if (absl::string_view code = DollarOf(x, c, t, i); !code.empty()) {
        currency = std::string(code);
        begin = i - 1;
      } else if (i > 0 && CurrencyAt(x, c.dollar_country, t, i - 1) == "USD") {
        begin = i - 1;  // "US $2 billion".
      }
      ++i;
    }
    if (currency.empty() && i + 1 < n) {
      currency = std::string(CodeCurrency(x, c, t, i));
      if (!currency.empty()) ++i;
    }
    if (i >= n) break;
    std::optional<double> value;
    if (fraction_words > 0 && i == start) {
      value = fraction;
      i += fraction_words - 1;  // To the last word before the scale.
    } else {
      value = ParseDecimal(t[i]);
    }
    double scale = 1;
    if (currency.empty() && !value)
      value = ScaledGluedSign(x, c, t, i, &currency, &scale);
    // "one billion dollars", "three hundred million dollars": number words before
    // their scale.
    if (!value) {
      if (const int words = CountWordsBeforeScale(t, i, &count); words > 0) {
        value = static_cast<double>(count);
        i += words - 1;  // To the last word before the scale.
      }
    }
    if (!value) {
      if (double glued = GluedAmount(t[i]); glued > 0) {
        value = glued;
      } else {
        // No amount after the sign: go on from the sign itself (not from the
        // letters before it, which would meet the sign again forever).
        i = start;
        continue;
      }
    }
    int end = i + 1;
    if (end < n && Scale(t[end].lower) > 0) {
      scale = Scale(t[end].lower);
      ++end;
      // "Rs 1.1 lakh crore", "20 thousand crore": a smaller scale before a larger
      // multiplies it.
      if (end < n && Scale(t[end].lower) > scale) scale *= Scale(t[end++].lower);
    }
    if (currency.empty()) currency = WordCurrency(x, c, t, &end);
    if (currency.empty()) continue;
    double amount = *value * scale;
    if (amount <= 0 || amount > 9e18) continue;
    out.push_back({begin, end, static_cast<int64_t>(std::llround(amount)), currency});
    i = end - 1;
  }
  return out;
}

}  // namespace entente::importers::internal

namespace entente::importers::internal {

std::vector<PercentMention> FindPercents(const std::vector<Token>& t) {
  std::vector<PercentMention> out;
  const int n = static_cast<int>(t.size());
  for (int i = 0; i < n; ++i) {
    // A number's value is read only when the words after it say "percent" (a number
    // token is nothing else here).
    if (t[i].kind == TokenKind::kNumber) {
      const int words = PercentWordsAt(t, i + 1, true);
      if (words == 0) continue;
      if (std::optional<double> v = ParseDecimal(t[i])) {
        out.push_back({i, i + 1 + words, *v});
        i += words;
      }
      continue;
    }
    // "six percent", "sixteen per cent": a number word.
    // The percent words, rare, are looked for before the number word is parsed.
    if (t[i].kind == TokenKind::kWord) {
      if (const int words = PercentWordsAt(t, i + 1, false); words > 0) {
        if (std::optional<int64_t> count = ParseCount(t[i]); count && *count <= 100) {
          out.push_back({i, i + 1 + words, static_cast<double>(*count)});
          i += words;
          continue;
        }
      }
    }
    // "by a quarter", "by a third", "by half", and after a noun of change, "a drop
    // of a quarter"; not a fraction that counts a noun ("by a third country"). A
    // view compares lengths first: most tokens are ruled out without reading their
    // bytes.
    const absl::string_view word = t[i].lower;
    const bool a_fraction = i + 1 < n && word == "a";
    if (!a_fraction && word != "half") continue;
    const int end = a_fraction ? i + 2 : i + 1;
    if (end < n && (t[end].tag == Tag::kNoun || t[end].tag == Tag::kProper)) continue;
    const bool after_change =
        a_fraction && i > 1 && t[i - 1].LowerIs("of") && t[i - 2].tag == Tag::kNoun;
    if (i == 0 || !(t[i - 1].LowerIs("by") || after_change)) continue;
    if (a_fraction) {
      double v = t[i + 1].LowerIs("quarter") ? 25
                 : t[i + 1].LowerIs("third") ? 100.0 / 3
                                             : 0;
      if (v > 0) out.push_back({i, i + 2, v});
    } else {
      out.push_back({i, i + 1, 50});
    }
  }
  return out;
}

namespace {

// The date right after an amount ("$2 billion in 2024", "$2 billion last year").
const DateMention* DateAfter(const std::vector<Token>& t, const MoneyMention& m,
                             const std::vector<DateMention>& dates) {
  int at = m.end;
  if (at < static_cast<int>(t.size()) &&
      (t[at].LowerIs("in") || t[at].LowerIs("for") || t[at].LowerIs("during"))) {
    ++at;
  }
  // "in the first four months of 2025", "in the first half of this year": the date
  // after a part of it.
  constexpr int kPartWindow = 6;  // "the first four months of"
  const bool part = at < static_cast<int>(t.size()) && t[at].LowerIs("the");
  for (const DateMention& d : dates) {
    if (d.begin == at) return &d;
    if (part && d.begin > at && d.begin <= at + kPartWindow &&
        t[d.begin - 1].LowerIs("of")) {
      bool plain = true;
      for (int k = at; k < d.begin; ++k) {
        plain &= t[k].kind != TokenKind::kPunct && t[k].tag != Tag::kVerb;
      }
      if (plain) return &d;
    }
  }
  return nullptr;
}

}  // namespace

const MoneyMention* LaterFigure(const std::vector<Token>& t,
                                const std::vector<MoneyMention>& money,
                                const std::vector<DateMention>& dates, int begin, int end,
                                const DateMention** date) {
  for (size_t k = 1; k < money.size(); ++k) {
    const MoneyMention& first = money[k - 1];
    const MoneyMention& later = money[k];
    if (first.begin < begin || later.begin >= end) continue;
    const DateMention* first_date = DateAfter(t, first, dates);
    const DateMention* later_date = DateAfter(t, later, dates);
    if (first_date == nullptr || later_date == nullptr ||
        first_date->date == later_date->date) {
      continue;
    }
    int j = first_date->end;
    if (j < later.begin && t[j].tag == Tag::kComma) ++j;
    if (j + 1 == later.begin && t[j].LowerIs("and")) {
      *date = later_date;
      return &later;
    }
  }
  return nullptr;
}

const MoneyMention* BaselineAmount(const Lexicon& lexicon, ClassId hedge, ClassId opener,
                                   const std::vector<Token>& tokens,
                                   const std::vector<MoneyMention>& money, int begin,
                                   int end) {
  constexpr int kHedgeWindow = 3;  // "from just under about"
  for (const MoneyMention& m : money) {
    if (m.begin < begin || m.begin >= end) continue;
    int k = m.begin - 1;
    while (k >= 0 && k >= m.begin - kHedgeWindow &&
           lexicon.ContainsWord(hedge, tokens[k])) {
      --k;
    }
    // "from last year's $4bn", "from 2024's $4bn": a time's possessive between.
    if (k >= 2 && tokens[k].LowerIs("'s") &&
        (tokens[k - 1].LowerIs("year") || tokens[k - 1].kind == TokenKind::kNumber)) {
      k -= tokens[k - 1].LowerIs("year") && k >= 3 ? 3 : 2;
    }
    // "up from $5 billion", "against $5 billion", "compared with $5 billion": an
    // opener that ends right before the amount (and its hedges).
    if (k < 0) continue;
    constexpr int kLongestOpener = 3;
    for (int start = std::max(0, k - kLongestOpener + 1); start <= k; ++start) {
      if (lexicon.MatchAt(opener, tokens, start, k + 1).length == k + 1 - start)
        return &m;
    }
  }
  return nullptr;
}

namespace {

// The currency a country uses for a shared sign whose default is `currency`
// ("country:NPL", "INR" -> "NPR"); empty when it has none of its own.
absl::string_view LocalCurrency(const Lexicon& lexicon, const CurrencyClasses& currencies,
                                absl::string_view country, absl::string_view currency) {
  // "country:NPL" -> "npl".
  if (!absl::ConsumePrefix(&country, "country:") || country.empty()) return {};
  const std::string key = absl::AsciiStrToLower(absl::StrCat(country, "-", currency));
  return lexicon.WordValue(currencies.local_currency, key);
}

}  // namespace

void LocalizeSharedSigns(const std::vector<Token>& tokens, const Lexicon& lexicon,
                         const CurrencyClasses& currencies,
                         absl::string_view dateline_country,
                         std::vector<MoneyMention>* money,
                         const std::vector<std::string>& named) {
  if (dateline_country.empty() && named.empty()) return;
  for (MoneyMention& m : *money) {
    bool shared = false;
    for (int k = m.begin; k < m.end && !shared; ++k) {
      // The letters a sign is written with, before any digit ("rs1,150" -> "rs").
      absl::string_view word = tokens[k].lower;
      const size_t digit = word.find_first_of("0123456789");
      if (digit != absl::string_view::npos) word = word.substr(0, digit);
      absl::ConsumeSuffix(&word, ".");
      shared = !word.empty() && lexicon.Contains(currencies.shared_sign, word);
    }
    if (!shared) continue;
    absl::string_view local;
    if (!dateline_country.empty()) {
      local = LocalCurrency(lexicon, currencies, dateline_country, m.currency);
    } else {
      for (const std::string& country : named) {
        const absl::string_view own =
            LocalCurrency(lexicon, currencies, country, m.currency);
        if (own == m.currency) {
          local = {};  // The default's own country is named: the default it is.
          break;
        }
        if (local.empty()) local = own;
      }
    }
    if (!local.empty()) m.currency = std::string(local);
  }
}

}  // namespace entente::importers::internal
