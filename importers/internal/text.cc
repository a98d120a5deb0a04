#include "importers/internal/text.h"

#include <array>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"

namespace entente::importers::internal {
namespace {

bool EnDashAt(absl::string_view text, size_t j) {
  return j + 2 < text.size() && text.substr(j, 3) == "\u2013";
}

bool IsLetterByte(unsigned char c) { return absl::ascii_isalpha(c) || c >= 0x80; }

// Multi-byte punctuation we treat as separators: quotes, dashes, ellipsis,
// no-break space, currency signs (euro, pound, yen, rupee).
size_t PunctUtf8Length(absl::string_view text, size_t i) {
  if (static_cast<unsigned char>(text[i]) < 0x80) return 0;  // ASCII: never multi-byte.
  static constexpr std::array<absl::string_view, 14> kPunct = {
      "\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026",
      "\u00a0", "\u00ab", "\u00bb", "\u20ac", "\u00a3", "\u00a5", "\u20b9"};
  for (absl::string_view p : kPunct) {
    if (text.substr(i, p.size()) == p) return p.size();
  }
  return 0;
}

bool StartsWithApostrophe(absl::string_view text, size_t i, size_t* len) {
  if (i < text.size() && text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (static_cast<unsigned char>(text[i]) == 0xE2 && text.substr(i, 3) == "\u2019") {
    *len = 3;
    return true;
  }
  return false;
}

// Writes the lower-case form of `text` into *out (reusing its storage), typographic
// ’ folded to ', and returns its WordHash, computed in the same pass.
uint32_t LowerInto(absl::string_view text, std::string* out) {
  out->resize(text.size());
  char* w = out->data();
  uint32_t hash = kWordHashBasis;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
        text[i + 2] == '\x99') {
      c = '\'';  // ’ folded to '
      i += 2;
    } else if (c == 0xC3 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9E && text[i + 1] != '\x97') {
      // "SÃO PAULO": the capitals of Latin-1 (U+00C0-U+00DE but the sign ×) lowered.
      *w++ = static_cast<char>(c);
      hash = WordHashStep(hash, c);
      c = static_cast<unsigned char>(text[++i]) + 0x20;
    } else {
      c = absl::ascii_tolower(c);
    }
    *w++ = static_cast<char>(c);
    hash = WordHashStep(hash, c);
  }
  out->resize(static_cast<size_t>(w - out->data()));
  return hash;
}

// True when `word` followed by its dot (`with_dot`) is an abbreviation. Abbreviations
// are short and ASCII, so a small buffer holds the lower-case form (no allocation
// per word before a dot).
bool IsAbbreviationWithDot(absl::string_view with_dot) {
  constexpr size_t kLongestAbbreviation = 8;
  if (with_dot.size() > kLongestAbbreviation) return false;
  char lower[kLongestAbbreviation];
  for (size_t k = 0; k < with_dot.size(); ++k) {
    const unsigned char c = with_dot[k];
    if (c >= 0x80) return false;  // Not ASCII: no abbreviation, folded or not.
    lower[k] = absl::ascii_tolower(c);
  }
  return IsAbbreviation(absl::string_view(lower, with_dot.size()));
}

// Appends the token `text` at byte `begin` of the file, built in place, with its
// lower-case form (`lower`, or `text` lower-cased when null) and that form's hash.
void AddToken(std::vector<Token>& tokens, absl::string_view text, int64_t begin,
              TokenKind kind, bool capitalized, const char* lower = nullptr) {
  Token& t = tokens.emplace_back();
  t.text = text;
  t.begin = begin;
  t.end = begin + static_cast<int64_t>(text.size());
  t.kind = kind;
  t.capitalized = capitalized;
  if (lower != nullptr) {
    t.lower = lower;
    t.hash = WordHash(t.lower);
  } else {
    t.hash = LowerInto(text, &t.lower);
  }
}

// "Rs1,150", "N1,200": a currency's letters written onto a number keep its
// thousands separators. Fed a word's bytes one by one, says whether they are a few
// letters and then only digits.
struct GluedSignScan {
  size_t letters = 0;
  bool sign_then_digits = false;
  void Add(bool digit) {
    if (digit) {
      if (letters > 0 && letters <= kLongestGluedSign) sign_then_digits = true;
      return;
    }
    // A letter after the digits, or too many: no sign.
    if (sign_then_digits) letters = kLongestGluedSign;
    sign_then_digits = false;
    if (letters <= kLongestGluedSign) ++letters;
  }
};

// Whether the letters and digits of a word read so far are a currency sign and then
// digits ("Rs1", "N1"). Asked only at a comma inside a word, which few words hold:
// the scan is not run on every byte of every word.
bool SignThenDigits(absl::string_view so_far) {
  GluedSignScan glued;
  for (unsigned char d : so_far) {
    if (IsLetterByte(d) || absl::ascii_isdigit(d)) glued.Add(absl::ascii_isdigit(d));
  }
  return glued.sign_then_digits;
}

}  // namespace

bool IsAbbreviation(absl::string_view lower) {
  // "Joseph R. Biden": an initial; "H.B. Todd", "U.S.": initials written together.
  if (lower.size() >= 2 && lower.size() % 2 == 0) {
    bool initials = true;
    for (size_t k = 0; k < lower.size() && initials; k += 2) {
      initials = absl::ascii_isalpha(lower[k]) && lower[k + 1] == '.';
    }
    if (initials) return true;
  }
  static constexpr std::array<absl::string_view, 32> kAbbrev = {
      "jan.",  "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
      "sept.", "oct.", "nov.", "dec.", "st.",  "mr.",  "mrs.", "ms.",
      "dr.",   "u.s.", "u.k.", "u.n.", "no.",  "gen.", "col.", "prof.",
      "inc.",  "co.",  "jr.",  "sr.",  "hon.", "amb.", "gov.", "sen."};
  for (absl::string_view a : kAbbrev) {
    if (lower == a) return true;
  }
  return false;
}

std::vector<Token> Tokenize(absl::string_view text, int64_t base) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = text[i];
    size_t plen = PunctUtf8Length(text, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
        (plen == 2 && c == 0xC2 && text[i + 1] == '\xa0')) {
      i += plen ? plen : 1;
      continue;
    }
    size_t alen = 0;
    if (StartsWithApostrophe(text, i, &alen) && i + alen < n &&
        (text[i + alen] == 's' || text[i + alen] == 'S') &&
        (i + alen + 1 == n || !IsLetterByte(text[i + alen + 1])) && !tokens.empty() &&
        tokens.back().end - base == static_cast<int64_t>(i)) {
      size_t len = alen + 1;
      AddToken(tokens, text.substr(i, len), base + static_cast<int64_t>(i),
               TokenKind::kWord, false, "'s");
      i += len;
      continue;
    }
    if (plen == 0 && (IsLetterByte(c) || absl::ascii_isdigit(c))) {
      size_t j = i;
      bool digits_only = true;
      bool en_dash = false;
      while (j < n) {
        unsigned char d = text[j];
        // "the Japan\u2013Mexico agreement": an en dash between a word and a name
        // joins them as a hyphen would (not "9\u201310 June", a span of days).
        if (EnDashAt(text, j) && !digits_only && j + 3 < n &&
            (absl::ascii_isupper(static_cast<unsigned char>(text[j + 3])) ||
             static_cast<unsigned char>(text[j + 3]) >= 0xC0)) {
          en_dash = true;
          j += 3;
          continue;
        }
        if (d >= 0x80 && PunctUtf8Length(text, j) > 0) break;
        if (IsLetterByte(d) || absl::ascii_isdigit(d)) {
          if (!absl::ascii_isdigit(d)) digits_only = false;
          ++j;
          continue;
        }
        // Inner joiners: hyphen, dot, comma between digits, plus in "B5+1",
        // apostrophe inside a word ("Xi'an") but not a possessive.
        bool next_alnum =
            j + 1 < n && (IsLetterByte(text[j + 1]) || absl::ascii_isdigit(text[j + 1]));
        if ((d == '-' || d == '.' || d == '+') && next_alnum) {
          ++j;
          continue;
        }
        if (d == ',' && (digits_only || SignThenDigits(text.substr(i, j - i))) &&
            j + 3 < n && absl::ascii_isdigit(text[j + 1]) &&
            absl::ascii_isdigit(text[j + 2]) && absl::ascii_isdigit(text[j + 3])) {
          ++j;
          continue;
        }
        if (d == '\'' && next_alnum &&
            !(text[j + 1] == 's' && (j + 2 >= n || !IsLetterByte(text[j + 2])))) {
          ++j;
          continue;
        }
        break;
      }
      // Keep the final dot of abbreviations ("Nov.", "U.S.").
      if (j < n && text[j] == '.' && IsAbbreviationWithDot(text.substr(i, j + 1 - i))) {
        ++j;
      }
      absl::string_view word = text.substr(i, j - i);
      const bool number = digits_only || absl::ascii_isdigit(c);
      AddToken(tokens, word, base + static_cast<int64_t>(i),
               number ? TokenKind::kNumber : TokenKind::kWord,
               absl::ascii_isupper(c) || c >= 0x80);
      if (en_dash) {
        Token& joined = tokens.back();
        joined.lower = absl::StrReplaceAll(joined.lower, {{"\u2013", "-"}});
        joined.hash = WordHash(joined.lower);
      }
      i = j;
      continue;
    }
    size_t len = plen ? plen : 1;
    if (!plen && c >= 0x80) {  // Another multi-byte symbol: keep it whole.
      len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
      if (i + len > n) len = n - i;
    }
    absl::string_view p = text.substr(i, len);
    AddToken(tokens, p, base + static_cast<int64_t>(i), TokenKind::kPunct, false);
    i += len;
  }
  return tokens;
}

namespace {

// True when the word starting at `p` is one that opens sentences and never continues a
// name: after "Marcos Jr." or "the U.S." it starts a new sentence ("... Ferdinand
// Marcos Jr. The signing came ...").
bool OpensSentence(absl::string_view p) {
  static constexpr std::array<absl::string_view, 18> kOpeners = {
      "The",  "A",     "An",    "It",  "He",  "She", "They",  "We",  "This",
      "That", "These", "Those", "His", "Her", "Its", "Their", "But", "However"};
  for (absl::string_view w : kOpeners) {
    if (absl::StartsWith(p, w) &&
        (p.size() == w.size() || p[w.size()] == ' ' || p[w.size()] == ',')) {
      return true;
    }
  }
  return false;
}

std::vector<SentenceSpan> SplitWholeSentences(absl::string_view p) {
  std::vector<SentenceSpan> out;
  size_t start = 0;
  auto skip_space = [&](size_t k) {
    while (k < p.size() && (p[k] == ' ' || p[k] == '\t')) ++k;
    return k;
  };
  start = skip_space(0);
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c != '.' && c != '?' && c != '!') continue;
    size_t end = i + 1;
    // A closing quote right after the stop belongs to this sentence.
    if (p.substr(end, 3) == "\u201d") end += 3;
    if (end < p.size() && (p[end] == '"' || p[end] == '\'')) ++end;
    if (end < p.size() && p[end] != ' ') continue;
    size_t next = skip_space(end);
    if (next >= p.size()) break;
    unsigned char nc = p[next];
    if (!(absl::ascii_isupper(nc) || nc >= 0x80 || nc == '"' || absl::ascii_isdigit(nc)))
      continue;
    if (c == '.') {
      // The word before the dot: an abbreviation does not end the sentence.
      size_t w = i;
      while (w > start && p[w - 1] != ' ') --w;
      // "(Jan. 9)": an opening bracket or quote is no letter of the word.
      while (w < i && (p[w] == '(' || p[w] == '"' || p[w] == '\'')) ++w;
      if (IsAbbreviationWithDot(p.substr(w, i + 1 - w)) && !OpensSentence(p.substr(next)))
        continue;
    }
    out.push_back({start, end});
    start = next;
    i = next - 1;
  }
  if (start < p.size()) {
    size_t end = p.size();
    while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\n' || p[end - 1] == '\r'))
      --end;
    if (end > start) out.push_back({start, end});
  }
  return out;
}

// A sentence longer than this many bytes (some 500 words; real ones stay far below)
// is a run-on of clauses or a table without stops. Its clauses are parsed as one, at a
// cost that grows with the square of its length, so it is cut at its last comma or
// semicolon (else space) before the limit: a sentence's relations stay, the time
// stays linear.
constexpr size_t kLongestSentence = 3000;

void CutRunOn(absl::string_view p, SentenceSpan span, std::vector<SentenceSpan>* out) {
  while (span.end - span.begin > kLongestSentence) {
    const size_t limit = span.begin + kLongestSentence;
    size_t cut = 0;
    for (size_t k = limit; k > span.begin + kLongestSentence / 2 && cut == 0; --k) {
      if ((p[k - 1] == ',' || p[k - 1] == ';') && k < p.size() && p[k] == ' ') cut = k;
    }
    for (size_t k = limit; k > span.begin && cut == 0; --k) {
      if (p[k - 1] == ' ') cut = k;
    }
    if (cut == 0) {  // No space at all: at the limit, on a character's first byte.
      cut = limit;
      while (cut > span.begin + 1 && (static_cast<unsigned char>(p[cut]) & 0xC0) == 0x80)
        --cut;
    }
    // The piece ends before the comma's space, the next starts after it.
    size_t end = cut;
    while (end > span.begin && p[end - 1] == ' ') --end;
    out->push_back({span.begin, end});
    while (cut < span.end && p[cut] == ' ') ++cut;
    span.begin = cut;
  }
  if (span.end > span.begin) out->push_back(span);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(absl::string_view p) {
  std::vector<SentenceSpan> sentences = SplitWholeSentences(p);
  std::vector<SentenceSpan> out;
  out.reserve(sentences.size());
  for (const SentenceSpan& span : sentences) CutRunOn(p, span, &out);
  return out;
}

std::string Slugify(absl::string_view text) {
  // Base letters of U+00C0..U+00FF and U+0100..U+017F ('/' and '*': no letter).
  static constexpr absl::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo/ouuuuyps";
  static constexpr absl::string_view kExtendedA =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnn"
      "oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  std::string out;
  bool dash = false;
  auto letter = [&](char c) {
    if (dash && !out.empty()) out.push_back('-');
    dash = false;
    out.push_back(c);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (absl::ascii_isalnum(c)) {
      letter(absl::ascii_tolower(c));
      continue;
    }
    if (c >= 0xC3 && c <= 0xC5 && i + 1 < text.size()) {
      unsigned char d = text[i + 1];
      ++i;
      int cp = ((c & 0x1F) << 6) | (d & 0x3F);
      char f = 0;
      if (cp >= 0xC0 && cp <= 0xFF) f = kLatin1[(cp - 0xC0) % 32];
      if (cp >= 0x100 && cp <= 0x17F) f = kExtendedA[cp - 0x100];
      if (absl::ascii_isalpha(f)) {
        letter(f);
        continue;
      }
    } else if (c == '\'' || (c == 0xE2 && text.substr(i, 3) == "\u2019")) {
      // An apostrophe inside a name joins ("Xi'an" -> "xian").
      if (c == 0xE2) i += 2;
      continue;
    }
    dash = true;
  }
  return out;
}

bool IsValidUtf8(absl::string_view s) {
  constexpr uint64_t kHighBits = 0x8080808080808080;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Most text is ASCII: eight bytes at a time while none has its high bit set.
    if (uint64_t eight = 0; i + 8 <= n) {
      std::memcpy(&eight, s.data() + i, 8);
      if ((eight & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
        (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

bool AllUpper(absl::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

bool IsCaption(absl::string_view line) {
  absl::ConsumePrefix(&line, "[");
  absl::ConsumePrefix(&line, "(");
  return absl::StartsWithIgnoreCase(line, "photo caption") ||
         absl::StartsWithIgnoreCase(line, "photo:") ||
         absl::StartsWithIgnoreCase(line, "photo]") ||
         absl::StartsWithIgnoreCase(line, "caption:");
}

}  // namespace entente::importers::internal
