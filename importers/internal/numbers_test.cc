#include "importers/internal/numbers.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "importers/internal/tagger.h"
#include "importers/internal/test_support.h"

namespace entente::importers::internal {
namespace {

std::vector<std::pair<int64_t, std::string>> Money(absl::string_view text) {
  std::vector<std::pair<int64_t, std::string>> out;
  const Knowledge& k = testing::SharedKnowledge();
  for (const MoneyMention& m :
       FindMoney(Tokenize(text, 0), k.lexicon(), k.classes().currencies))
    out.emplace_back(m.amount, m.currency);
  return out;
}

// The currencies of the amounts in `text` written under a dateline of `country`.
std::vector<std::string> LocalCurrencies(absl::string_view text,
                                         absl::string_view country) {
  const Knowledge& k = testing::SharedKnowledge();
  std::vector<Token> tokens = Tokenize(text, 0);
  std::vector<MoneyMention> money =
      FindMoney(tokens, k.lexicon(), k.classes().currencies);
  LocalizeSharedSigns(tokens, k.lexicon(), k.classes().currencies, country, &money);
  std::vector<std::string> out;
  for (const MoneyMention& m : money) out.push_back(m.currency);
  return out;
}

// The currencies of the amounts in `text`, with no dateline, in a sentence naming
// `countries`.
std::vector<std::string> NamedCurrencies(absl::string_view text,
                                         const std::vector<std::string>& countries) {
  const Knowledge& k = testing::SharedKnowledge();
  std::vector<Token> tokens = Tokenize(text, 0);
  std::vector<MoneyMention> money =
      FindMoney(tokens, k.lexicon(), k.classes().currencies);
  LocalizeSharedSigns(tokens, k.lexicon(), k.classes().currencies, "", &money, countries);
  std::vector<std::string> out;
  for (const MoneyMention& m : money) out.push_back(m.currency);
  return out;
}

// The later figure's amount and date in `text`, or "none".
std::string Later(absl::string_view text) {
  const Knowledge& k = testing::SharedKnowledge();
  std::vector<Token> tokens = Tokenize(text, 0);
  TagTokens(k.lexicon(), tokens);
  std::vector<MoneyMention> money =
      FindMoney(tokens, k.lexicon(), k.classes().currencies);
  std::vector<DateMention> dates =
      FindDates(tokens, {graph::DateWithPrecision::Day(2025, 10, 17), {}});
  const DateMention* date = nullptr;
  const MoneyMention* m =
      LaterFigure(tokens, money, dates, 0, static_cast<int>(tokens.size()), &date);
  if (m == nullptr) return "none";
  return absl::StrCat(m->amount, " ", date->date.ToString());
}

TEST(LaterFigure, ASecondFigureJoinedByAndWithItsOwnDate) {
  EXPECT_EQ(Later("trade reached $2 billion in 2023 and $3 billion in 2024"),
            "3000000000 2024");
  EXPECT_EQ(Later("trade reached $2 billion in 2023, and $3 billion last year"),
            "3000000000 2024");
  // One figure, a change from a baseline, or a second figure with no date of its own.
  EXPECT_EQ(Later("trade reached $2 billion in 2023"), "none");
  EXPECT_EQ(Later("trade rose from $2 billion in 2023 to $3 billion in 2024"), "none");
  EXPECT_EQ(Later("trade reached $2 billion in 2023 and $3 billion of it was oil"),
            "none");
}

TEST(LocalizeSharedSigns, WithoutADatelineTheNamedCountriesDecide) {
  using V = std::vector<std::string>;
  EXPECT_EQ(NamedCurrencies("5 billion dirhams", {"country:MAR", "country:SEN"}),
            V{"MAD"});
  // One of them uses the default: the default it is.
  EXPECT_EQ(NamedCurrencies("5 billion dirhams", {"country:MAR", "country:ARE"}),
            V{"AED"});
  EXPECT_EQ(NamedCurrencies("Rs 500 crore", {"country:NPL", "country:IND"}), V{"INR"});
  EXPECT_EQ(NamedCurrencies("Rs 500 crore", {"country:BTN", "country:NPL"}), V{"NPR"});
  EXPECT_EQ(NamedCurrencies("Rs 500 crore", {}), V{"INR"});
}

TEST(LocalizeSharedSigns, ASharedSignTakesTheDatelinesCurrency) {
  using V = std::vector<std::string>;
  EXPECT_EQ(LocalCurrencies("trade of Rs1,150 billion", "country:NPL"), V{"NPR"});
  EXPECT_EQ(LocalCurrencies("Rs 40 billion in aid", "country:PAK"), V{"PKR"});
  EXPECT_EQ(LocalCurrencies("12 billion rupees", "country:LKA"), V{"LKR"});
  EXPECT_EQ(LocalCurrencies("Sh98.4 billion", "country:TZA"), V{"TZS"});
  // The press that writes the sign most keeps its default; so does every other
  // country, and a sign no other currency shares.
  EXPECT_EQ(LocalCurrencies("Rs 5,000 crore", "country:IND"), V{"INR"});
  EXPECT_EQ(LocalCurrencies("Rs 5,000 crore", "country:FRA"), V{"INR"});
  EXPECT_EQ(LocalCurrencies("Rs 5,000 crore", ""), V{"INR"});
  EXPECT_EQ(LocalCurrencies("$2 billion and INR 30 billion", "country:NPL"),
            (V{"USD", "INR"}));
}

TEST(FindMoney, DollarsEurosYenYuanAndAbbreviatedScales) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("trade to $1 billion"), (V{{1000000000, "USD"}}));
  EXPECT_EQ(Money("5 billion U.S. dollars"), (V{{5000000000, "USD"}}));
  EXPECT_EQ(Money("\u20ac700 million"), (V{{700000000, "EUR"}}));
  EXPECT_EQ(Money("about $500 mln"), (V{{500000000, "USD"}}));
  EXPECT_EQ(Money("3 trillion yen"), (V{{3000000000000, "JPY"}}));
  EXPECT_EQ(Money("1.5 billion yuan, about $208 mln"),
            (V{{1500000000, "CNY"}, {208000000, "USD"}}));
  EXPECT_EQ(Money("\u20ac160.9 million"), (V{{160900000, "EUR"}}));
}

TEST(FindMoney, CurrencyCodesAndScalesGluedToTheNumber) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("stood at USD 4.2 billion"), (V{{4200000000, "USD"}}));
  EXPECT_EQ(Money("a EUR 30 million grant"), (V{{30000000, "EUR"}}));
  EXPECT_EQ(Money("RMB 12 billion"), (V{{12000000000, "CNY"}}));
  EXPECT_EQ(Money("reached $7.5bn last year"), (V{{7500000000, "USD"}}));
  EXPECT_EQ(Money("\u00a3350m of orders"), (V{{350000000, "GBP"}}));
  EXPECT_TRUE(Money("USD alone, 3bn people").empty());
}

TEST(FindMoney, LettersWrittenOntoTheDollarSignNameTheDollar) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("trade of A$16.5 billion"), (V{{16500000000, "AUD"}}));
  EXPECT_EQ(Money("a NZ$40 million fund and C$2bn in loans"),
            (V{{40000000, "NZD"}, {2000000000, "CAD"}}));
  EXPECT_EQ(Money("US$2.2 billion"), (V{{2200000000, "USD"}}));
  // A letter apart from the sign is a word of its own.
  EXPECT_EQ(Money("plan A $5 million"), (V{{5000000, "USD"}}));
  // A sign with no amount after it ends nothing (this once looped forever).
  EXPECT_EQ(Money("in A$ terms, and US$ too, $"), V{});
  EXPECT_EQ(Money("A$ then $7 million"), (V{{7000000, "USD"}}));
}

TEST(FindMoney, OtherDollarsByLettersOrByCountry) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("a N$10 billion corridor"), (V{{10000000000, "NAD"}}));
  EXPECT_EQ(Money("10 billion Namibian dollars"), (V{{10000000000, "NAD"}}));
  EXPECT_EQ(Money("US $2 billion"), (V{{2000000000, "USD"}}));
  EXPECT_EQ(Money("25 billion CFA francs"), (V{{25000000000, "XOF"}}));
  EXPECT_EQ(Money("NOK 200 million"), (V{{200000000, "NOK"}}));
  // A code must be written in capitals: "try 5 million" is no lira.
  EXPECT_TRUE(Money("we try 5 million times").empty());
}

TEST(FindMoney, RupeesInCroreAndLakh) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("invest Rs 5,000 crore in"), (V{{50000000000, "INR"}}));
  EXPECT_EQ(Money("a grant of Rs 20 lakh"), (V{{2000000, "INR"}}));
  // A smaller scale before a larger multiplies it; a larger before a smaller does not.
  EXPECT_EQ(Money("reached Rs 1.2 lakh crore"), (V{{1200000000000, "INR"}}));
  EXPECT_EQ(Money("Rs 45 thousand crore"), (V{{450000000000, "INR"}}));
  EXPECT_EQ(Money("Rs 3 crore lakh"), (V{{30000000, "INR"}}));
}

TEST(FindMoney, AbbreviationsWrittenApartFromTheAmount) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("to Rp 800 trillion"), (V{{800000000000000, "IDR"}}));
  EXPECT_EQ(Money("worth RM 2 billion"), (V{{2000000000, "MYR"}}));
  EXPECT_EQ(Money("KSh 15 billion"), (V{{15000000000, "KES"}}));
  EXPECT_EQ(Money("QR 4 billion"), (V{{4000000000, "QAR"}}));
  EXPECT_EQ(Money("Dh5 billion"), (V{{5000000000, "AED"}}));
  EXPECT_EQ(Money("PEN 1.2 billion"), (V{{1200000000, "PEN"}}));
}

TEST(FindMoney, SignsWrittenOntoTheAmountWithAScale) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("stood at Rs2,340 billion"), (V{{2340000000000, "INR"}}));
  EXPECT_EQ(Money("a RM7bn plant"), (V{{7000000000, "MYR"}}));
  EXPECT_EQ(Money("N3.5 trillion and Sh12 billion"),
            (V{{3500000000000, "NGN"}, {12000000000, "KES"}}));
  EXPECT_EQ(Money("\u20a64.1 trillion"), (V{{4100000000000, "NGN"}}));
  // Without a scale the letters may be a name; and letters that are no sign.
  EXPECT_TRUE(Money("N95 masks, a G20 of 19 states, R2 units").empty());
  EXPECT_TRUE(Money("an ABC5 billion line").empty());
}

TEST(FindMoney, ANumberWordBeforeItsScale) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("to one billion dollars"), (V{{1000000000, "USD"}}));
  EXPECT_EQ(Money("two trillion won"), (V{{2000000000000, "KRW"}}));
  // A count of things is no amount.
  EXPECT_TRUE(Money("two thousand people and one billion hopes").empty());
}

TEST(FindMoney, FractionWordsBeforeAScale) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(Money("topped a quarter of a billion dollars"), (V{{250000000, "USD"}}));
  EXPECT_EQ(Money("half a trillion yen"), (V{{500000000000, "JPY"}}));
  EXPECT_EQ(Money("one and a half billion euros"), (V{{1500000000, "EUR"}}));
  EXPECT_EQ(Money("2 and a half million dollars"), (V{{2500000, "USD"}}));
  EXPECT_EQ(Money("a billion dollars"), (V{{1000000000, "USD"}}));
  // Without a currency, a fraction of a scale is a count.
  EXPECT_TRUE(Money("half a million visitors").empty());
}

TEST(FindMoney, PlainNumbersAreNotMoney) {
  EXPECT_TRUE(Money("more than 100,000 people and 40 gigawatts").empty());
  EXPECT_TRUE(Money("$ alone").empty());
}

std::vector<double> Percents(absl::string_view text) {
  std::vector<double> out;
  for (const PercentMention& p : FindPercents(Tokenize(text, 0))) out.push_back(p.value);
  return out;
}

TEST(BaselineAmount, TheAmountAfterFromWithHedgesBetween) {
  const Knowledge& k = testing::SharedKnowledge();
  auto baseline = [&](absl::string_view text) -> int64_t {
    std::vector<Token> t = Tokenize(text, 0);
    for (Token& token : t) k.lexicon().Annotate(token);
    std::vector<MoneyMention> money = FindMoney(t, k.lexicon(), k.classes().currencies);
    const MoneyMention* m =
        BaselineAmount(k.lexicon(), k.classes().amount_hedge, k.classes().baseline_opener,
                       t, money, 0, static_cast<int>(t.size()));
    return m == nullptr ? -1 : m->amount;
  };
  EXPECT_EQ(baseline("lift trade to $2 billion, up from about $900 million"), 900000000);
  EXPECT_EQ(baseline("trade rose from $3 billion to $4 billion"), 3000000000);
  EXPECT_EQ(baseline("lift trade to $2 billion by 2030"), -1);
  EXPECT_EQ(baseline("a loan from China of $2 billion"), -1);
  EXPECT_EQ(baseline("rose to $4 billion, compared with $3.5 billion in 2024"),
            3500000000);
  EXPECT_EQ(baseline("fell to $1 billion against $1.2 billion a year earlier"),
            1200000000);
  EXPECT_EQ(baseline("reached $2 billion in March, after $1.8 billion in February"),
            1800000000);
  EXPECT_EQ(baseline("$2 billion, which compares with about $1.5 billion in 2024"),
            1500000000);
  // "after" before something else than the amount opens nothing.
  EXPECT_EQ(baseline("after talks, the two signed deals worth $2 billion"), -1);
}

TEST(FindPercents, DigitsWordsAndFractions) {
  EXPECT_EQ(Percents("up 12% on the year"), std::vector<double>{12});
  EXPECT_EQ(Percents("rose 4.5 per cent"), std::vector<double>{4.5});
  EXPECT_EQ(Percents("grew by about six percent"), std::vector<double>{6});
  EXPECT_EQ(Percents("more than sixteen per cent"), std::vector<double>{16});
  EXPECT_EQ(Percents("grew by a quarter"), std::vector<double>{25});
  EXPECT_TRUE(Percents("six partners and ten percentages").empty());
}

TEST(ParseCount, DigitsAndWords) {
  EXPECT_EQ(ParseCount(Tokenize("60", 0)[0]), 60);
  EXPECT_EQ(ParseCount(Tokenize("eight", 0)[0]), 8);
  EXPECT_EQ(ParseCount(Tokenize("dozen", 0)[0]), 12);  // "a dozen documents"
  EXPECT_EQ(ParseCount(Tokenize("1,000", 0)[0]), 1000);
  EXPECT_FALSE(ParseCount(Tokenize("several", 0)[0]).has_value());
}

TEST(ParseRomanOrdinal, CapitalNumeralsOfTwoLettersOrMore) {
  EXPECT_EQ(ParseRomanOrdinal(Tokenize("XVII", 0)[0]), 17);
  EXPECT_EQ(ParseRomanOrdinal(Tokenize("IV", 0)[0]), 4);
  EXPECT_EQ(ParseRomanOrdinal(Tokenize("XLIV", 0)[0]), 44);
  EXPECT_FALSE(ParseRomanOrdinal(Tokenize("I", 0)[0]).has_value());
  EXPECT_FALSE(ParseRomanOrdinal(Tokenize("DC", 0)[0]).has_value());
  EXPECT_FALSE(ParseRomanOrdinal(Tokenize("xvii", 0)[0]).has_value());
}

TEST(ParseOrdinal, WordsAndSuffixes) {
  EXPECT_EQ(ParseOrdinal(Tokenize("33rd", 0)[0]), 33);
  EXPECT_EQ(ParseOrdinal(Tokenize("10th", 0)[0]), 10);
  EXPECT_EQ(ParseOrdinal(Tokenize("second", 0)[0]), 2);
  EXPECT_EQ(ParseOrdinal(Tokenize("inaugural", 0)[0]), 1);
  EXPECT_EQ(ParseOrdinal(Tokenize("first-ever", 0)[0]), 1);
  EXPECT_FALSE(ParseOrdinal(Tokenize("with", 0)[0]).has_value());
}

TEST(ParseOrdinal, CompoundWords) {
  EXPECT_EQ(ParseOrdinal(Tokenize("Forty-Ninth", 0)[0]), 49);
  EXPECT_EQ(ParseOrdinal(Tokenize("twenty-first", 0)[0]), 21);
  // Not a tens word, or not a unit after it.
  EXPECT_FALSE(ParseOrdinal(Tokenize("eleven-first", 0)[0]).has_value());
  EXPECT_FALSE(ParseOrdinal(Tokenize("forty-tenth", 0)[0]).has_value());
  EXPECT_FALSE(ParseOrdinal(Tokenize("twenty-inaugural", 0)[0]).has_value());
}

}  // namespace
}  // namespace entente::importers::internal
