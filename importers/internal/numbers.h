#ifndef ENTENTE_IMPORTERS_INTERNAL_NUMBERS_H_
#define ENTENTE_IMPORTERS_INTERNAL_NUMBERS_H_

// Numbers, counts, ordinals and money amounts in tokenized text.
//
// Thread-safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/internal/dates.h"
#include "importers/internal/lexicon.h"
#include "importers/internal/text.h"

namespace entente::importers::internal {

// "60", "1,860", "eight", "twenty" -> the integer; nullopt otherwise.
std::optional<int64_t> ParseCount(const Token& token);
// "10th", "second", "inaugural" (1) -> the ordinal; nullopt otherwise.
std::optional<int> ParseOrdinal(const Token& token);
// "XVII" (17), "IV": an edition in capital Roman numerals, two letters or more;
// nullopt otherwise ("I", "DC").
std::optional<int> ParseRomanOrdinal(const Token& token);

struct MoneyMention {
  int begin = 0;  // Token range [begin, end).
  int end = 0;
  int64_t amount = 0;    // In units of the currency.
  std::string currency;  // ISO 4217: "USD", "EUR", "JPY", "CNY", ...
};

// The classes of importers/data/currencies.txt.
struct CurrencyClasses {
  ClassId sign = -1;            // "$", "€" before an amount.
  ClassId dollar_prefix = -1;   // "A" in "A$20 billion".
  ClassId code = -1;            // "USD" before an amount.
  ClassId word = -1;            // "yen", "CFA francs" after it.
  ClassId dollar_country = -1;  // "Namibian" in "Namibian dollars".
  ClassId glued_sign = -1;      // "Rs" in "Rs1,150 billion", "RM" in "RM5 billion".
  ClassId shared_sign = -1;     // "Rs", "rupees", "Sh": written for several currencies.
  ClassId local_currency = -1;  // "npl-inr" = NPR: a shared sign under a dateline.
};

// "Rs1,150 billion" under a Kathmandu dateline is in Nepalese rupees: amounts
// written with a sign several currencies share (@shared_sign) take the currency of
// the dateline's country (@local_currency, keyed "country-default" in lower case).
// Without a dateline (`dateline_country` empty), `named` (the sentence's countries,
// in order) decide: unless one of them uses the default, the first with a currency
// of its own for the sign.
void LocalizeSharedSigns(const std::vector<Token>& tokens, const Lexicon& lexicon,
                         const CurrencyClasses& currencies,
                         absl::string_view dateline_country,
                         std::vector<MoneyMention>* money,
                         const std::vector<std::string>& named = {});

// "$1 billion", "5 billion U.S. dollars", "€700 million", "$500 mln",
// "3 trillion yen", "1.5 billion yuan", "N$10 billion"; the currencies as
// currencies.txt names them.
std::vector<MoneyMention> FindMoney(const std::vector<Token>& tokens,
                                    const Lexicon& lexicon,
                                    const CurrencyClasses& currencies);

struct PercentMention {
  int begin = 0;  // Token range [begin, end).
  int end = 0;
  double value = 0;  // 26.3 for "26.3 percent".
};

// "26.3 percent", "12%", "11 per cent", "a quarter" (25), "a third", "half" (50).
std::vector<PercentMention> FindPercents(const std::vector<Token>& tokens);

// "reached $2.1 billion in 2024 and $1.9 billion in January-August 2025": a later
// figure of the same thing in [begin, end), joined to the one before it by "and",
// each with its own date right after it. Sets *date to the later figure's date;
// null when there is none.
const MoneyMention* LaterFigure(const std::vector<Token>& tokens,
                                const std::vector<MoneyMention>& money,
                                const std::vector<DateMention>& dates, int begin, int end,
                                const DateMention** date);

// The amount in [begin, end) that a change starts from: the one right after a phrase
// of class `opener` ("from", "compared with"), with words of class `hedge` between
// ("to $1 billion, up from about $600 million"); null when there is none.
const MoneyMention* BaselineAmount(const Lexicon& lexicon, ClassId hedge, ClassId opener,
                                   const std::vector<Token>& tokens,
                                   const std::vector<MoneyMention>& money, int begin,
                                   int end);

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_NUMBERS_H_
