#include "importers/digest_reader.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importers/internal/dates.h"
#include "importers/internal/text.h"
#include "simdjson.h"

namespace entente::importers {
namespace {

struct Line {
  absl::string_view text;  // Without the line break, trailing spaces stripped.
  int64_t offset = 0;
  int number = 0;
};

std::vector<Line> SplitLines(absl::string_view bytes) {
  std::vector<Line> lines;
  size_t pos = 0;
  int number = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == absl::string_view::npos) nl = bytes.size();
    absl::string_view text = bytes.substr(pos, nl - pos);
    text = absl::StripTrailingAsciiWhitespace(text);
    size_t lead = 0;
    while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
    lines.push_back({text.substr(lead), static_cast<int64_t>(pos + lead), ++number});
    if (nl == bytes.size()) break;
    pos = nl + 1;
  }
  return lines;
}

bool IsBoilerplate(absl::string_view line) {
  // A wire story's credits: "(Reporting by ...; Editing by ...)", "(END)".
  for (absl::string_view credit : {"(reporting by", "(writing by", "(editing by",
                                   "(additional reporting", "(compiled by", "(end)"}) {
    if (absl::StartsWithIgnoreCase(line, credit)) return true;
  }
  // A web page's furniture: captions, tags, sharing, copyright.
  for (absl::string_view start :
       {"photo credit", "photo:", "photos:", "tags:", "tag:", "share this", "share on",
        "copyright", "\u00a9", "all rights reserved", "subscribe to", "follow us"}) {
    if (absl::StartsWithIgnoreCase(line, start)) return true;
  }
  return absl::EqualsIgnoreCase(line, "share") || absl::EqualsIgnoreCase(line, "print") ||
         absl::EqualsIgnoreCase(line, "latest news");
}

// A page's links to other stories: "Read also: Chile and Peru sign ...", or a
// heading ("Related articles", "More news") over a list of their headlines.
// Returns whether the line is one; *list when it heads a list.
bool IsLinkLine(absl::string_view line, bool* list) {
  constexpr size_t kLongestHeading = 40;
  for (absl::string_view start :
       {"read also", "also read", "read more", "see also", "related", "more news",
        "more stories", "more on this", "more from", "you may also like",
        "you might also like", "recommended", "most read", "most popular"}) {
    if (!absl::StartsWithIgnoreCase(line, start)) continue;
    absl::string_view rest = line.substr(start.size());
    // "Related:" or "Related articles" alone heads a list; "Read also: X" is a link.
    rest = absl::StripLeadingAsciiWhitespace(rest);
    *list = line.size() <= kLongestHeading &&
            (rest.empty() || rest == ":" || !absl::StrContains(rest, " "));
    // "Related talks were held ...": a sentence, not a link.
    if (!*list && !absl::StartsWith(rest, ":") && !absl::StartsWith(rest, "\u2013") &&
        !absl::StartsWith(rest, "-") && !absl::StartsWith(rest, "|")) {
      continue;
    }
    return true;
  }
  *list = false;
  return false;
}

bool EndsSentence(absl::string_view line) {
  return absl::EndsWith(line, ".") || absl::EndsWith(line, "!") ||
         absl::EndsWith(line, "?") || absl::EndsWith(line, "\u201d") ||
         absl::EndsWith(line, "\"") || absl::EndsWith(line, ":") ||
         absl::EndsWith(line, ";") || absl::EndsWith(line, ",");
}

// A headline: short, not a quotation, not ending like a sentence. Questions,
// exclamations and a closing quoted phrase ("Tokayev: “Open for business”")
// end headlines too when the line is short.
bool IsHeadlineShape(absl::string_view line) {
  if (line.size() > 250 || absl::StartsWith(line, "\u201c") ||
      absl::StartsWith(line, "\"") || internal::IsCaption(line))
    return false;
  bool short_line = line.size() < 160;
  if (absl::EndsWith(line, "?") || absl::EndsWith(line, "!")) return short_line;
  if (absl::EndsWith(line, "\u201d") || absl::EndsWith(line, "\"")) {
    absl::string_view before = line.substr(0, line.size() - (line.back() == '"' ? 1 : 3));
    bool sentence = absl::EndsWith(before, ".") || absl::EndsWith(before, "?") ||
                    absl::EndsWith(before, "!") || absl::EndsWith(before, ",");
    return short_line && !sentence;
  }
  return !EndsSentence(line);
}

// "WHAT COMES NEXT", "ON THE SIDELINES": a short line in capitals of two or more
// words, as a story heads its sections.
bool SectionHeading(absl::string_view line) {
  constexpr size_t kMaxHeading = 60;
  if (line.size() > kMaxHeading || line.find(' ') == absl::string_view::npos)
    return false;
  int letters = 0;
  for (char c : line) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 4;
}

// "JOHANNESBURG, Nov 23 (Wire) —", "RIO DE JANEIRO (Agency) –", "TIANJIN — ": a
// story's opening place in capitals, then a comma, a bracket or a dash.
bool OpensWithDateline(absl::string_view paragraph) {
  constexpr size_t kMaxPlace = 40;
  auto upper = [&](size_t k) {
    return k < paragraph.size() &&
           absl::ascii_isupper(static_cast<unsigned char>(paragraph[k]));
  };
  size_t k = 0;
  int letters = 0;
  for (; k < paragraph.size() && k < kMaxPlace; ++k) {
    const char c = paragraph[k];
    // "PORT-AU-PRINCE", "NEW DELHI/OTTAWA", "ST. JOHN'S" hold more than letters.
    const bool inside = (c == ' ' || c == '.' || c == '/' || c == '\'' || c == '-') &&
                        (upper(k + 1) || (c == '.' && k + 1 < paragraph.size() &&
                                          paragraph[k + 1] == ' ' && upper(k + 2)));
    if (!upper(k) && !inside) break;
    letters += upper(k) ? 1 : 0;
  }
  if (letters < 3 || k >= paragraph.size()) return false;
  const absl::string_view rest = absl::StripLeadingAsciiWhitespace(paragraph.substr(k));
  return absl::StartsWith(rest, ",") || absl::StartsWith(rest, "(") ||
         absl::StartsWith(rest, "-") || absl::StartsWith(rest, "\u2014") ||
         absl::StartsWith(rest, "\u2013");
}

// "- Protocol between X and Y", "• Memorandum on ...": a line a bullet opens.
bool IsBullet(absl::string_view line) {
  for (absl::string_view mark : {"- ", "\u2013 ", "\u2022 ", "* ", "\u00b7 "}) {
    if (absl::StartsWith(line, mark)) return true;
  }
  return false;
}

// "27 January 2025", "March 3, 2024", "03.02.2026": a date of numbers and
// capitalized words with a four-digit year. `month` says a month's name (or a date
// all of numbers) must be among them.
bool IsDateShape(absl::string_view text, bool month) {
  bool year = false;
  bool named_month = false;
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    absl::ConsumeSuffix(&w, ",");
    absl::ConsumeSuffix(&w, ".");
    if (w.empty()) return false;
    const bool digits = std::all_of(w.begin(), w.end(), absl::ascii_isdigit);
    year |= digits && w.size() == 4;
    // "Bern, 03.02.2026", "Bern, 2026-02-03": a date of numbers alone.
    const bool numeric_date =
        w.size() == 10 && std::all_of(w.begin(), w.end(), [](char c) {
          return absl::ascii_isdigit(c) || c == '.' || c == '-' || c == '/';
        });
    if (numeric_date) {
      year = true;
      named_month = true;
      continue;
    }
    if (!digits && !absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return false;
    named_month |= internal::MonthFromWord(absl::AsciiStrToLower(w)) > 0;
  }
  return year && (named_month || !month);
}

// "Brussels, 27 January 2025", "Geneva, March 3, 2024", "Bern, 03.02.2026": a
// release's dateline on a line of its own. One to four capitalized words, a comma,
// then a date (IsDateShape); or a date alone ("2 June 2026").
bool IsDatelineShape(absl::string_view line) {
  constexpr size_t kLongestDateline = 60;
  constexpr int kMostPlaceWords = 4;
  if (line.size() > kLongestDateline) return false;
  if (IsDateShape(line, true)) return true;
  const size_t comma = line.find(", ");
  if (comma == absl::string_view::npos) return false;
  std::vector<absl::string_view> place =
      absl::StrSplit(line.substr(0, comma), ' ', absl::SkipEmpty());
  if (place.empty() || static_cast<int>(place.size()) > kMostPlaceWords) return false;
  for (absl::string_view w : place) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return false;
  }
  return IsDateShape(line.substr(comma + 2), false);
}

// "12.09.2026 14:30", "Posted on 10 September 2026", "Sep 8, 2026 | Politics": a
// page's date line, with the words, time or section a page writes around the date.
// Returns the date's part of `line` (a view into it); empty when the line is none.
absl::string_view DateOfDateLine(absl::string_view line) {
  constexpr size_t kLongestDateLine = 60;
  if (line.size() > kLongestDateLine) return {};
  absl::string_view rest = absl::StripAsciiWhitespace(line);
  for (absl::string_view lead : {"posted on ", "posted ", "published on ", "published: ",
                                 "published ", "updated on ", "updated: ", "date: "}) {
    if (rest.size() > lead.size() &&
        absl::EqualsIgnoreCase(rest.substr(0, lead.size()), lead)) {
      rest.remove_prefix(lead.size());
      break;
    }
  }
  if (const size_t bar = rest.find(" | "); bar != absl::string_view::npos) {
    rest = rest.substr(0, bar);
  }
  // A time after the date: "14:30", "2:05 pm", "09:00 GMT".
  if (const size_t colon = rest.rfind(':'); colon != absl::string_view::npos) {
    size_t start = rest.rfind(' ', colon);
    if (start != absl::string_view::npos && colon > start + 1 &&
        absl::ascii_isdigit(static_cast<unsigned char>(rest[start + 1])) &&
        colon + 1 < rest.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(rest[colon + 1]))) {
      rest = absl::StripTrailingAsciiWhitespace(rest.substr(0, start));
      absl::ConsumeSuffix(&rest, ",");
    }
  }
  if (rest.empty() || !IsDateShape(rest, true)) return {};
  // A day: some number of one or two digits, or a date all of numbers.
  bool day = false;
  for (absl::string_view w :
       absl::StrSplit(rest, absl::ByAnyChar(" ,."), absl::SkipEmpty())) {
    day |= w.size() <= 2 && std::all_of(w.begin(), w.end(), absl::ascii_isdigit);
    day |= w.size() == 10 && absl::ascii_isdigit(static_cast<unsigned char>(w[0]));
  }
  return day ? rest : absl::string_view();
}

// A word of an outlet's name before its bracket: capitalized ("Le Monde", "The
// Jakarta Post") or a short joining word ("Corriere della Sera", "El Pais de Madrid").
bool IsNameWord(absl::string_view w) {
  static constexpr absl::string_view kJoiners[] = {
      "of",  "and", "de", "del", "della", "la",  "le",  "el", "al", "du",
      "des", "di",  "da", "do",  "der",   "die", "das", "y",  "e",  "&"};
  if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return true;
  return std::find(std::begin(kJoiners), std::end(kJoiners), w) != std::end(kJoiners);
}

enum class SourceShape { kNone, kOutletLine, kHeadlineWithSource, kBodyWithSource };

// "El Comercio (Peru, 30 September)", "Daily Sabah (Sept. 30)", "(Tass, 2 January)":
// an item's outlet and day on a line of their own, a short line closed by a bracket
// that holds a month's name and a number, after a name or nothing (the outlet then
// opens the bracket). "Ankara and Kyiv talk grain (Anadolu, Turkey, 29 December)": a
// headline closed by such a bracket, the outlet first inside it; after a sentence's
// end, a body line.
SourceShape SourceLineShape(absl::string_view line) {
  constexpr size_t kLongestSourceLine = 100;
  constexpr size_t kLongestHeadline = 200;
  constexpr int kMostNameWords = 5;
  constexpr int kMostBracketWords = 7;
  const size_t open = line.rfind('(');
  if (line.size() > kLongestHeadline || !absl::EndsWith(line, ")") ||
      open == absl::string_view::npos) {
    return SourceShape::kNone;
  }
  const absl::string_view inside = line.substr(open + 1, line.size() - open - 2);
  std::vector<absl::string_view> words =
      absl::StrSplit(inside, absl::ByAnyChar(" ,"), absl::SkipEmpty());
  if (words.empty() || static_cast<int>(words.size()) > kMostBracketWords) {
    return SourceShape::kNone;
  }
  bool month = false, number = false;
  for (absl::string_view w : words) {
    absl::ConsumeSuffix(&w, ".");
    month |= internal::MonthFromWord(absl::AsciiStrToLower(w)) > 0;
    number |= !w.empty() && std::all_of(w.begin(), w.end(), absl::ascii_isdigit);
  }
  if (!month || !number) return SourceShape::kNone;
  const bool outlet_inside = inside.find(',') != absl::string_view::npos;
  // "... signed on Friday. (Trend, 27 December)": a body line closed by its source.
  if (EndsSentence(absl::StripTrailingAsciiWhitespace(line.substr(0, open)))) {
    return SourceShape::kBodyWithSource;
  }
  std::vector<absl::string_view> before =
      absl::StrSplit(line.substr(0, open), ' ', absl::SkipEmpty());
  if (before.empty())
    return outlet_inside ? SourceShape::kOutletLine : SourceShape::kNone;
  const bool name = static_cast<int>(before.size()) <= kMostNameWords &&
                    absl::ascii_isupper(static_cast<unsigned char>(before[0][0])) &&
                    std::all_of(before.begin(), before.end(), IsNameWord);
  if (name && line.size() <= kLongestSourceLine) return SourceShape::kOutletLine;
  return outlet_inside ? SourceShape::kHeadlineWithSource : SourceShape::kNone;
}

// Net change of open typographic quotes on a line.
int QuoteBalance(absl::string_view line) {
  int balance = 0;
  // Both marks start with byte 0xE2; a search finds it faster than a byte loop.
  for (size_t i = line.find('\xE2'); i != absl::string_view::npos && i + 3 <= line.size();
       i = line.find('\xE2', i + 1)) {
    if (line.substr(i, 3) == "\u201c") ++balance;
    if (line.substr(i, 3) == "\u201d") --balance;
  }
  return balance;
}

absl::Status LineError(absl::string_view document, int line, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(document, ":", line, ": ", why));
}

// Splits a text digest's lines into items: a headline line starts one; lines ending
// a sentence (or inside an open quote) are body paragraphs of the current item; an
// outlet's line ("El Comercio (Peru, 30 September)") gives an item its source.
class ItemSplitter {
 public:
  ItemSplitter(absl::string_view document, const std::vector<Line>& lines,
               TextDigest* digest)
      : document_(document), lines_(lines), digest_(*digest) {}

  void Run(size_t first) {
    for (size_t i = first; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.text.empty() || IsBoilerplate(l.text)) continue;
      // The headlines under a page's "Related" heading, up to one with text under it.
      bool list = false;
      if (IsLinkLine(l.text, &list)) {
        in_links_ = list;
        continue;
      }
      if (in_links_ && IsHeadlineShape(l.text) && !BodyNext(i)) continue;
      in_links_ = false;
      // "4 May 2026" above a release's headline with its text, as a page of
      // releases dates each: the day of the item that the headline opens, read as
      // its first line.
      const absl::string_view date =
          open_quotes_ == 0 ? DateOfDateLine(l.text) : absl::string_view();
      if (!date.empty() && HeadlineNext(i) && BodyNext(NextLine(i))) {
        pending_date_ = SpanOf(l, date);
        continue;
      }
      // "Sep 8, 2026 | Lithuania and Ecuador sign ...": a teaser's date and headline.
      if (const size_t bar = l.text.find(" | ");
          open_quotes_ == 0 && bar != absl::string_view::npos && BodyNext(i)) {
        const absl::string_view teaser_date = DateOfDateLine(l.text.substr(0, bar));
        const absl::string_view headline = l.text.substr(bar + 3);
        if (!teaser_date.empty() && IsHeadlineShape(headline)) {
          pending_date_ = SpanOf(l, teaser_date);
          AddHeadline({headline, l.offset + static_cast<int64_t>(bar + 3), l.number});
          continue;
        }
      }
      // A bulleted list under an item's text or heading is its body, line by line,
      // not a headline each.
      if (current_ != nullptr && open_quotes_ == 0 && IsBullet(l.text) &&
          (BulletNext(i) || (i > 0 && last_bullet_ == PreviousLine(i)))) {
        AddParagraph(l);
        last_bullet_ = i;
        continue;
      }
      // A dateline line right after an item's headline opens its body; a page's
      // date line there keeps the date alone ("12.09.2026 14:30").
      if (!date.empty() && date.size() < l.text.size() && current_ != nullptr &&
          current_->paragraphs.empty() && !current_->headline.text.empty()) {
        current_->paragraphs.push_back(SpanOf(l, date));
        continue;
      }
      // "ON THE SIDELINES" between two paragraphs of a story whose headline is not
      // in capitals: a heading of a section of it, which starts no item (a digest
      // whose headlines are all in capitals starts one at each).
      if (SectionHeading(l.text) && current_ != nullptr &&
          !current_->paragraphs.empty() && !current_->headline.text.empty() &&
          !SectionHeading(current_->headline.text) &&
          OpensWithDateline(current_->paragraphs.front().text) && open_quotes_ == 0 &&
          PreviousLine(i) < i && !IsHeadlineShape(lines_[PreviousLine(i)].text) &&
          BodyNext(i)) {
        section_next_ = true;
        continue;
      }
      const bool dateline =
          current_ != nullptr && current_->paragraphs.empty() && IsDatelineShape(l.text);
      const bool body = open_quotes_ > 0 || dateline || !IsHeadlineShape(l.text);
      const SourceShape shape = body ? SourceShape::kNone : SourceLineShape(l.text);
      if (body || shape == SourceShape::kBodyWithSource) {
        AddParagraph(l);
        continue;
      }

      switch (shape) {
        case SourceShape::kHeadlineWithSource:
          AddHeadlineWithSource(l);
          break;
        case SourceShape::kOutletLine:
          AddSourceLine(l, HeadlineNext(i));
          break;
        case SourceShape::kNone:
        case SourceShape::kBodyWithSource:
          AddHeadline(l);
          break;
      }
    }
    // Text before the first headline is a digest's summary of the items that follow;
    // with no headline at all, or only headline-like lines with no text under them,
    // it is an untitled article, one item.
    const bool bodiless =
        std::all_of(digest_.items.begin(), digest_.items.end(),
                    [](const DigestItem& item) { return item.paragraphs.empty(); });
    if (bodiless && !lead_.empty()) {
      DigestItem article;
      article.document = std::string(document_);
      article.paragraphs = std::move(lead_);
      digest_.items.insert(digest_.items.begin(), std::move(article));
      for (size_t k = 0; k < digest_.items.size(); ++k) {
        digest_.items[k].number = static_cast<int>(k + 1);
      }
    }
  }

 private:
  DigestItem& NewItem() {
    DigestItem& item = digest_.items.emplace_back();
    item.document = std::string(document_);
    item.number = static_cast<int>(digest_.items.size());
    current_ = &item;
    open_quotes_ = 0;
    AttachPendingDate(item);
    return item;
  }

  // The date line held for the item a headline opens becomes its first paragraph.
  void AttachPendingDate(DigestItem& item) {
    if (!pending_date_.has_value()) return;
    item.paragraphs.insert(item.paragraphs.begin(), std::move(*pending_date_));
    pending_date_.reset();
  }

  // `part` of line l (a view into its text) as a paragraph.
  static TextSpan SpanOf(const Line& l, absl::string_view part) {
    return {std::string(part),
            l.offset + static_cast<int64_t>(part.data() - l.text.data()),
            {}};
  }

  // The first line after i with text, or lines_.size().
  size_t NextLine(size_t i) const {
    size_t next = i + 1;
    while (next < lines_.size() && lines_[next].text.empty()) ++next;
    return next;
  }

  // The last line with text before i, or i when none.
  size_t PreviousLine(size_t i) const {
    size_t before = i;
    while (before > 0) {
      --before;
      if (!lines_[before].text.empty()) return before;
    }
    return i;
  }

  bool BulletNext(size_t i) const {
    const size_t next = NextLine(i);
    return next < lines_.size() && IsBullet(lines_[next].text);
  }

  bool BodyNext(size_t i) const {
    const size_t next = NextLine(i);
    return next < lines_.size() && !IsHeadlineShape(lines_[next].text) &&
           !IsBoilerplate(lines_[next].text);
  }

  bool HeadlineNext(size_t i) const {
    const size_t next = NextLine(i);
    return next < lines_.size() && IsHeadlineShape(lines_[next].text);
  }

  void AddParagraph(const Line& l) {
    open_quotes_ = std::max(0, open_quotes_ + QuoteBalance(l.text));
    if (current_ == nullptr) {
      lead_.push_back({std::string(l.text), l.offset, {}});
    } else {
      current_->paragraphs.push_back({std::string(l.text), l.offset, {}});
      current_->paragraphs.back().opens_section = section_next_;
    }
    section_next_ = false;
  }

  void AddHeadline(const Line& l) {
    // The headline after an outlet's line is its item's.
    if (current_ != nullptr && current_->headline.text.empty() &&
        current_->paragraphs.empty()) {
      current_->headline = {std::string(l.text), l.offset, {}};
      last_headline_ = std::string(l.text);
      AttachPendingDate(*current_);
      return;
    }
    if (l.text == last_headline_) return;  // A repeated title.
    NewItem().headline = {std::string(l.text), l.offset, {}};
    last_headline_ = std::string(l.text);
  }

  // "Ankara and Kyiv talk grain (Anadolu, Turkey, 29 December)".
  void AddHeadlineWithSource(const Line& l) {
    const size_t open = l.text.rfind('(');
    DigestItem& item = NewItem();
    item.headline = {
        std::string(absl::StripTrailingAsciiWhitespace(l.text.substr(0, open))),
        l.offset,
        {}};
    item.source = {
        std::string(l.text.substr(open)), l.offset + static_cast<int64_t>(open), {}};
    last_headline_ = std::string(l.text);
  }

  // An outlet's line stands before its item's headline, after it, or after the body;
  // the digest's first such line tells which, as one digest keeps one layout.
  void AddSourceLine(const Line& l, bool headline_next) {
    const bool open_item = current_ != nullptr && current_->source.text.empty();
    if (!layout_known_) {
      trailing_ = open_item && !current_->paragraphs.empty();
      layout_known_ = true;
    }
    const bool after_headline =
        open_item && current_->paragraphs.empty() && !headline_next;
    const bool after_body = trailing_ && open_item;
    if (!after_headline && !after_body) {
      NewItem();
      last_headline_.clear();
    }
    current_->source = {std::string(l.text), l.offset, {}};
  }

  absl::string_view document_;
  const std::vector<Line>& lines_;
  TextDigest& digest_;
  DigestItem* current_ = nullptr;
  int open_quotes_ = 0;
  bool in_links_ = false;      // Inside a list of links to other stories.
  bool section_next_ = false;  // The next paragraph opens a section of its story.
  std::string last_headline_;
  std::vector<TextSpan> lead_;
  std::optional<TextSpan> pending_date_;  // A date above the next item's headline.
  size_t last_bullet_ = static_cast<size_t>(-1);  // The last bulleted list line.
  bool layout_known_ = false;
  bool trailing_ = false;  // Outlets' lines close their items' bodies.
};

// Where the decoded bytes of the JSON string value of `key` sit in the raw
// line: *start is the raw index of the value's first byte, and `breaks` gets a
// (decoded position, raw index) pair after every escape sequence. False when
// the key is not found as written.
bool RawStringMap(absl::string_view line, absl::string_view key, int64_t* start,
                  std::vector<std::pair<int64_t, int64_t>>* breaks) {
  std::string quoted = absl::StrCat("\"", key, "\"");
  for (size_t at = line.find(quoted); at != absl::string_view::npos;
       at = line.find(quoted, at + 1)) {
    if (at > 0 && line[at - 1] == '\\') continue;
    size_t r = at + quoted.size();
    while (r < line.size() && (line[r] == ' ' || line[r] == '\t')) ++r;
    if (r >= line.size() || line[r] != ':') continue;
    ++r;
    while (r < line.size() && (line[r] == ' ' || line[r] == '\t')) ++r;
    if (r >= line.size() || line[r] != '"') continue;
    ++r;
    *start = static_cast<int64_t>(r);
    int64_t decoded = 0;
    while (r < line.size() && line[r] != '"') {
      if (line[r] != '\\') {
        ++r;
        ++decoded;
        continue;
      }
      if (r + 1 < line.size() && line[r + 1] == 'u' && r + 5 < line.size()) {
        uint32_t cp = 0;
        for (size_t k = r + 2; k < r + 6; ++k) {
          char c = line[k];
          cp = cp * 16 + static_cast<uint32_t>(absl::ascii_isdigit(c)
                                                   ? c - '0'
                                                   : (absl::ascii_tolower(c) - 'a' + 10));
        }
        size_t raw = 6;
        int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
        if (cp >= 0xD800 && cp <= 0xDBFF && r + 11 < line.size() && line[r + 6] == '\\') {
          raw = 12;  // A surrogate pair: one 4-byte character.
          bytes = 4;
        }
        r += raw;
        decoded += bytes;
      } else {
        r += 2;
        decoded += 1;
      }
      breaks->emplace_back(decoded, static_cast<int64_t>(r));
    }
    return true;
  }
  return false;
}

// A span of decoded JSON text [pos, ...) with its exact file offsets.
TextSpan JsonSpan(std::string text, int64_t pos, int64_t line_offset, bool mapped,
                  int64_t start, const std::vector<std::pair<int64_t, int64_t>>& breaks) {
  TextSpan span;
  span.text = std::move(text);
  if (!mapped) {
    span.offset = line_offset + pos;
    return span;
  }
  TextSpan whole;
  whole.offset = line_offset + start;
  for (const auto& [at, raw] : breaks) whole.remap.emplace_back(at, line_offset + raw);
  span.offset = whole.FileOffset(pos);
  for (const auto& [at, file] : whole.remap) {
    if (at > pos) span.remap.emplace_back(at - pos, file);
  }
  return span;
}

}  // namespace

absl::StatusOr<TextDigest> ParseTextDigest(absl::string_view document,
                                           absl::string_view bytes) {
  if (bytes.find('\0') != absl::string_view::npos) {
    int line = 1;
    for (size_t i = 0; i < bytes.find('\0'); ++i) line += bytes[i] == '\n';
    return LineError(document, line, "binary data (NUL byte); not a text digest");
  }
  std::vector<Line> lines = SplitLines(bytes);
  // A UTF-8 byte order mark is not part of the first line.
  if (!lines.empty() && absl::StartsWith(lines[0].text, "\xEF\xBB\xBF")) {
    lines[0].text.remove_prefix(3);
    lines[0].offset += 3;
  }
  for (const Line& l : lines) {
    if (!internal::IsValidUtf8(l.text))
      return LineError(document, l.number, "invalid UTF-8");
  }
  TextDigest digest;
  size_t i = 0;
  while (i < lines.size() && lines[i].text.empty()) ++i;
  if (i < lines.size() && lines[i].text == "---") {
    size_t j = i + 1;
    for (; j < lines.size() && lines[j].text != "---"; ++j) {
      absl::string_view text = lines[j].text;
      if (text.empty()) continue;
      size_t colon = text.find(':');
      if (colon == absl::string_view::npos) {
        return LineError(document, lines[j].number, "front matter line without 'key:'");
      }
      absl::string_view key = absl::StripAsciiWhitespace(text.substr(0, colon));
      absl::string_view value = absl::StripAsciiWhitespace(text.substr(colon + 1));
      if (key == "published") {
        auto date = graph::DateWithPrecision::Parse(
            value.substr(0, std::min<size_t>(value.size(), 10)));
        if (!date.ok() || date->precision != graph::DatePrecision::kDay) {
          return LineError(
              document, lines[j].number,
              absl::StrCat("bad published date '", value, "' (want YYYY-MM-DD)"));
        }
        digest.published = *date;
      } else if (key == "source") {
        digest.source = std::string(value);
      } else if (key == "url") {
        digest.url = std::string(value);
      }
    }
    if (j >= lines.size()) {
      return LineError(document, lines[i].number, "front matter '---' is never closed");
    }
    i = j + 1;
  } else if (i < lines.size() && absl::StartsWith(lines[i].text, "published:")) {
    // "published: 2025-05-10" on the first line, without the '---' around it: the
    // date the golden sets' files open with.
    absl::string_view value =
        absl::StripAsciiWhitespace(lines[i].text.substr(std::strlen("published:")));
    auto date = graph::DateWithPrecision::Parse(value);
    if (date.ok() && date->precision == graph::DatePrecision::kDay) {
      digest.published = *date;
      ++i;
    }
  }
  ItemSplitter(document, lines, &digest).Run(i);
  return digest;
}

absl::StatusOr<DigestItem> ParseJsonItem(absl::string_view document, int line_number,
                                         int64_t offset, absl::string_view line) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(line.data(), line.size());
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    return LineError(document, line_number,
                     absl::StrCat("not JSON: ", simdjson::error_message(error)));
  }
  if (!root.is_object()) return LineError(document, line_number, "not a JSON object");
  auto field = [&](const char* name) -> std::string {
    std::string_view value;
    if (root[name].get_string().get(value)) return "";
    return std::string(value);
  };
  DigestItem item;
  std::string id = field("id");
  item.document = id.empty() ? absl::StrCat(document, ":", line_number) : id;
  item.outlet = field("outlet");
  std::string published = field("published");
  if (!published.empty()) {
    auto date = graph::DateWithPrecision::Parse(published.substr(0, 10));
    if (!date.ok() || date->precision != graph::DatePrecision::kDay) {
      return LineError(document, line_number,
                       absl::StrCat("bad \"published\" '", published, "'"));
    }
    item.published = *date;
    item.reported = *date;
  }
  std::string headline = field("headline");
  std::string text = field("text");
  if (headline.empty() && text.empty()) {
    return LineError(document, line_number, "item has neither \"headline\" nor \"text\"");
  }
  if (!internal::IsValidUtf8(headline) || !internal::IsValidUtf8(text)) {
    return LineError(document, line_number, "invalid UTF-8");
  }
  item.number = line_number;
  int64_t start = 0;
  std::vector<std::pair<int64_t, int64_t>> breaks;
  bool mapped = RawStringMap(line, "headline", &start, &breaks);
  item.headline = JsonSpan(headline, 0, offset, mapped, start, breaks);
  breaks.clear();
  mapped = RawStringMap(line, "text", &start, &breaks);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    absl::string_view chunk = absl::string_view(text).substr(pos, nl - pos);
    size_t lead = 0;
    while (lead < chunk.size() &&
           absl::ascii_isspace(static_cast<unsigned char>(chunk[lead])))
      ++lead;
    absl::string_view para = absl::StripTrailingAsciiWhitespace(chunk.substr(lead));
    if (!para.empty()) {
      item.paragraphs.push_back(JsonSpan(std::string(para),
                                         static_cast<int64_t>(pos + lead), offset, mapped,
                                         start, breaks));
    }
    pos = nl + 1;
  }
  return item;
}

}  // namespace entente::importers
