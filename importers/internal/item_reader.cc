#include "importers/internal/item_reader.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "importers/internal/tagger.h"

namespace entente::importers::internal {
namespace {

using graph::DatePrecision;
using graph::DateWithPrecision;

// A report verb's date sits at most this far after it ("reported on Feb. 5").
constexpr int kReportDateWindow = 6;

bool IsDash(absl::string_view text) {
  return text == "-" || text == "\u2013" || text == "\u2014" || text == "--";
}

// A word of an outlet's name: "The Korea Herald", "24.kg", "Daily Sabah".
bool IsOutletWord(const Token& t) {
  if (t.kind == TokenKind::kPunct) return t.text == "&";
  if (t.capitalized || t.kind == TokenKind::kNumber) return true;
  return t.LowerIs("of") || t.LowerIs("de") || t.LowerIs("da") || t.LowerIs("du") ||
         t.LowerIs("der") || t.LowerIs("la") || t.LowerIs("le") || t.LowerIs("al") ||
         (t.lower.find('.') != std::string::npos && t.lower.size() > 2);
}

// Whether date mention d writes its year ("9 March 2021", "09.03.2021"), not one
// read from the report.
bool StatesYear(const std::vector<Token>& tokens, const DateMention& d) {
  for (int k = d.begin; k < d.end && k < static_cast<int>(tokens.size()); ++k) {
    if (YearEndingToken(tokens[k])) return true;
  }
  return false;
}

// "in August", "last May": a month named without its year.
bool MonthWithoutYear(const Sentence& s, const DateMention& d) {
  if (d.kind != DateKind::kRelative || d.date.precision != DatePrecision::kMonth)
    return false;
  for (int k = d.begin; k < d.end && k < static_cast<int>(s.tokens.size()); ++k) {
    if (MonthFromWord(s.tokens[k].lower) > 0) return true;
  }
  return false;
}

// The past time a text recounts: the last month or day it gave with a year, until it
// turns back to the report's own time ("on Tuesday", "today", "last week"). Read only
// in the paragraph it was given in: a round-up's next item is news again. It also
// keeps the past month a paragraph recounts with or without its year (RecountedAt),
// which dates the undated past acts after it.
class Narrative {
 public:
  explicit Narrative(const DateWithPrecision& reported) : reported_(reported) {}

  DateWithPrecision At(int paragraph) const {
    return paragraph == paragraph_ ? date_ : DateWithPrecision();
  }

  // The past the paragraph recounts, its year stated or not ("in August" in an April
  // report): what an undated past act after it took place in.
  DateWithPrecision RecountedAt(int paragraph) const {
    return paragraph == recounted_paragraph_ ? recounted_ : DateWithPrecision();
  }

  // Only a sentence's first date can set the time it recounts, and only in its own
  // clause: "a framework signed in January 2009" after the sentence's own "two days
  // later" is background.
  void Follow(const Sentence& s) {
    for (size_t k = 0; k < s.dates.size(); ++k) {
      const DateMention& d = s.dates[k];
      if (d.kind == DateKind::kWeekday || d.kind == DateKind::kNow ||
          (d.kind == DateKind::kRelative && d.date.known() &&
           d.date.year >= reported_.year && !MonthWithoutYear(s, d))) {
        date_ = DateWithPrecision();
        recounted_ = DateWithPrecision();
        news_paragraph_ = s.paragraph;
      } else if (k == 0 &&
                 (d.kind == DateKind::kAbsolute || MonthWithoutYear(s, d) ||
                  ThatYear(s, d)) &&
                 d.date.precision != DatePrecision::kYear &&
                 !SubordinateBefore(s.tokens, d.begin)) {
        if ((d.kind == DateKind::kAbsolute && StatesYear(s.tokens, d)) ||
            ThatYear(s, d)) {
          date_ = d.date;
          paragraph_ = s.paragraph;
        } else if (d.kind == DateKind::kRelative && d.date.year >= reported_.year) {
          date_ = DateWithPrecision();  // "in March" of the report's year.
        }
        const bool past =
            d.date.EndDay() <=
            DateWithPrecision::Month(reported_.year, reported_.month).FirstDay();
        // Not in a paragraph that told its news first ("hosted the summit this
        // morning. The last one was held in 2019. ... adopted a declaration"): there
        // the past is background.
        recounted_ =
            past && s.paragraph != news_paragraph_ ? d.date : DateWithPrecision();
        recounted_paragraph_ = s.paragraph;
      } else {
        // A month named in the report's year ("in March") turns back from the past
        // the text recounted, wherever it stands.
        if (MonthWithoutYear(s, d) && d.date.year >= reported_.year)
          date_ = DateWithPrecision();
        if (k == 0) recounted_ = DateWithPrecision();
      }
    }
  }

 private:
  // "in March of that year", "in May the same year": a month of a past year the
  // text gave before, which it goes on recounting.
  bool ThatYear(const Sentence& s, const DateMention& d) const {
    if (!d.date.known() || d.date.precision == DatePrecision::kYear ||
        d.date.year >= reported_.year) {
      return false;
    }
    for (int k = d.begin + 1; k < d.end && k < static_cast<int>(s.tokens.size()); ++k) {
      if (s.tokens[k].LowerIs("year") &&
          (s.tokens[k - 1].LowerIs("that") || s.tokens[k - 1].LowerIs("same"))) {
        return true;
      }
    }
    return false;
  }

  // Whether the date at `end` is in a clause after the sentence's first: a relative or
  // subordinate one, or a participle's after the main verb ("suspended the charter, a
  // framework signed in 2009").
  static bool SubordinateBefore(const std::vector<Token>& tokens, int end) {
    int verbs = 0;
    for (int k = 0; k < end && k < static_cast<int>(tokens.size()); ++k) {
      const Token& t = tokens[k];
      if (t.tag == Tag::kVerb) ++verbs;
      if (t.tag == Tag::kRelative || t.tag == Tag::kSubordinator || t.LowerIs("that") ||
          t.LowerIs("since") || verbs > 1) {
        return true;
      }
    }
    return false;
  }

  DateWithPrecision reported_;
  DateWithPrecision date_;
  int paragraph_ = 0;
  DateWithPrecision recounted_;
  int recounted_paragraph_ = -1;
  int news_paragraph_ = -1;  // The last paragraph that told of the report's own time.
};

// The end (exclusive) of "on Month Day[, Year]" / "on Day Month" at t[i] == "on"; -1
// if t[i..] is no such date.
int DateAfterOn(const std::vector<Token>& t, int i) {
  int n = static_cast<int>(t.size());
  if (i >= n || !t[i].LowerIs("on") || i + 2 >= n) return -1;
  if (MonthFromWord(t[i + 1].lower) > 0 && t[i + 2].kind == TokenKind::kNumber) {
    int end = i + 3;
    if (end + 1 < n && t[end].text == "," && t[end + 1].text.size() == 4 &&
        t[end + 1].kind == TokenKind::kNumber)
      end += 2;
    return end;
  }
  if (t[i + 1].kind == TokenKind::kNumber && MonthFromWord(t[i + 2].lower) > 0) {
    int end = i + 3;
    if (end < n && t[end].text.size() == 4 && t[end].kind == TokenKind::kNumber) ++end;
    return end;
  }
  return -1;
}

class ItemReader {
 public:
  ItemReader(const Knowledge& k, const Gazetteer& g, const DigestItem& item)
      : x_(k.lexicon()), c_(k.classes()), g_(g), item_(item) {}

  ItemText Run() {
    out_.reported = item_.reported.known() ? item_.reported : item_.published;
    out_.outlet = item_.outlet;
    BuildSentences();
    ReadSourceLine();
    FindReportParagraphs();
    if (out_.report_paragraphs.empty()) FindTaggedParagraphs();
    if (out_.report_paragraphs.empty()) FindDatelineParagraphs();
    if (out_.report_paragraphs.empty()) FindOutletParagraphs();
    if (out_.report_paragraphs.empty()) FindDayParagraphs();
    FindAttribution();
    if (!attributed_) FindHeadlineDateline();
    if (!attributed_ && !dated_headline_) FindDateline();
    const bool days = DayHeadline() || TimedEntries();
    for (Sentence& s : out_.sentences) Analyse(s);
    ResolveSharedShortNames();
    // A timeline's headings first: the lead's day under "2003" is 2003's.
    AssignHeadings();
    FindAnchor();
    // A round-up's day ("TUESDAY, DEC. 30" over its news) or a live page's timed
    // entries ("16:45 - Chile and Peru signed ..."): what they tell without a date
    // happened on the report's day.
    if (days && out_.reported.precision == DatePrecision::kDay)
      out_.anchor = out_.reported;
    DateWithPrecision last_stated, last_month;
    Narrative narrative(out_.reported);
    const bool reported_known = out_.reported.known();
    DateWithPrecision entry;
    int entry_paragraph = -1;
    for (size_t k = 0; k < out_.sentences.size(); ++k) {
      Sentence& s = out_.sentences[k];
      FindSentenceDates(s, out_.anchor, last_stated, last_month,
                        narrative.At(s.paragraph));
      if (reported_known) s.recounted = narrative.RecountedAt(s.paragraph);
      narrative.Follow(s);
      if (std::optional<DateWithPrecision> e = EntryDate(k)) {
        entry = *e;
        entry_paragraph = s.paragraph;
      }
      if (s.paragraph == entry_paragraph) s.entry = entry;
      // "[Photo caption: ... on 21 October 2026]": a caption's day is no day the
      // story has reached.
      if (s.paragraph >= 0 && IsCaption(item_.paragraphs[s.paragraph].text)) continue;
      // "on Tuesday he was received ... The same day, ...": a weekday or
      // "yesterday" states its day as a written date does.
      for (const DateMention& d : s.dates) {
        // "in April ... The following month": a named month states its month too.
        if (d.kind == DateKind::kAbsolute || MonthWithoutYear(s, d) ||
            ((d.kind == DateKind::kWeekday || d.kind == DateKind::kRelative) &&
             d.date.precision == DatePrecision::kDay)) {
          last_stated = d.date;
        }
        if (d.kind != DateKind::kNow && d.kind != DateKind::kSince &&
            d.date.precision != DatePrecision::kYear) {
          last_month = d.date;
        }
      }
    }
    return std::move(out_);
  }

 private:
  void AddSentence(const TextSpan& span, size_t from, size_t to, int paragraph,
                   bool headline) {
    Sentence s;
    s.paragraph = paragraph;
    s.headline = headline;
    s.text = absl::string_view(span.text).substr(from, to - from);
    s.begin = span.offset + static_cast<int64_t>(from);
    s.end = span.offset + static_cast<int64_t>(to);
    s.file_begin = span.FileOffset(static_cast<int64_t>(from));
    s.file_end = span.FileOffset(static_cast<int64_t>(to));
    s.tokens = Tokenize(s.text, s.begin);
    // Sentences hold every word of their paragraph, so the item's counts are theirs.
    AnnotateAndCount(x_, s.tokens, &out_.words, &out_.function_words);
    out_.sentences.push_back(std::move(s));
  }

  void BuildSentences() {
    if (!item_.headline.text.empty()) {
      AddSentence(item_.headline, 0, item_.headline.text.size(), -1, true);
    }
    int section = 0;
    for (size_t p = 0; p < item_.paragraphs.size(); ++p) {
      if (item_.paragraphs[p].opens_section) ++section;
      bool open = false;  // Quotation marks carry over sentences, not paragraphs.
      for (const SentenceSpan& span : SplitSentences(item_.paragraphs[p].text)) {
        AddSentence(item_.paragraphs[p], span.begin, span.end, static_cast<int>(p),
                    false);
        Sentence& s = out_.sentences.back();
        s.section = section;
        s.quoted_start = open;
        for (const Token& t : s.tokens) {
          if (t.text == "\u201c" || t.text == "\u00ab") open = true;
          if (t.text == "\u201d" || t.text == "\u00bb") open = false;
          if (t.text == "\"") open = !open;
        }
      }
    }
  }

  // "reported", "wrote", "published": a report verb in any form (the tagger has not
  // run yet, so the lemma comes from the lexicon here).
  bool ReportVerb(const Token& t) const {
    const VerbEntry* v = x_.Verb(t);
    return v != nullptr && x_.Contains(c_.report_verb, v->lemma);
  }

  // ", reported OUTLET on DATE" at the end of a lead sentence.
  bool TrailingAttribution(Sentence& s, int r) {
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    if (r == 0 || t[r - 1].text != ",") return false;
    int o = r + 2 < n && t[r + 1].LowerIs("the") && t[r + 2].capitalized ? r + 2 : r + 1;
    if (o >= n || !IsOutletWord(t[o]) || t[o].LowerIs("on")) return false;
    int k = o;
    while (k < n && !t[k].LowerIs("on") && IsOutletWord(t[k])) ++k;
    int date_end = DateAfterOn(t, k);
    if (date_end < 0) {
      // ", reported The Times of India." with no date: the outlet alone.
      if (!(k == n || (k == n - 1 && t[k].text == "."))) return false;
      date_end = k;
    }
    SetAttribution(s, r - 1, date_end, o, k, k);
    return true;
  }

  // "Kazinform reported on Jan. 23 that", "The Korea Times published a feature on
  // June 11", "In an interview with UzA on Monday".
  bool LeadingAttribution(Sentence& s, int r) {
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    int k = r + 1;
    while (k < n && k < r + kReportDateWindow && !t[k].LowerIs("on")) ++k;
    if (DateAfterOn(t, k) < 0) return FrontedAttribution(s, r);
    // The outlet before the verb: "Kazinform", "the Kazakh news agency Kazinform",
    // "Uzbekistan's national news agency UzA".
    int e = r;
    int b = r;
    bool named = false;
    constexpr int kOutletCountryWords = 4;  // "Kyodo (Japan)", "Trend (Azerbaijan)"
    while (b > 0 && t[b - 1].text != ",") {
      const Token& w = t[b - 1];
      // "Kyodo (Japan) reported": the outlet's country in brackets after its name.
      if (w.text == ")" && b == e) {
        int open = b - 2;
        while (open > 0 && open >= b - 1 - kOutletCountryWords && t[open].text != "(")
          --open;
        if (open > 0 && t[open].text == "(" && IsOutletWord(t[open - 1])) {
          b = open;
          e = open;
          continue;
        }
      }
      bool descriptor = !w.capitalized &&
                        (x_.ContainsWord(c_.outlet_noun, w) || w.LowerIs("news") ||
                         w.LowerIs("the") || w.LowerIs("state") || w.LowerIs("national"));
      if (IsOutletWord(w)) {
        named = true;
      } else if (!descriptor) {
        break;
      }
      --b;
    }
    // "..., the agency reported on Dec. 28": the item's own outlet, by its kind.
    const bool the_outlet = !named && e - b >= 2 && t[b].LowerIs("the");
    if (b == e || (!named && !the_outlet)) return false;
    int range_begin = b;
    if (b >= 2 && t[b - 1].LowerIs("'s")) range_begin = b - 2;  // "Germany's FAZ"
    // Only at a sentence's start or after a comma: "..., the news agency UzA reported".
    if (range_begin > 0 && t[range_begin - 1].text != ",") return false;
    if (the_outlet && range_begin == 0) return false;
    int date_end = DateAfterOn(t, k);
    if (date_end < n && t[date_end].LowerIs("that")) ++date_end;
    SetAttribution(s, range_begin, date_end, b, the_outlet ? b : e, k);
    return true;
  }

  void SetAttribution(Sentence& s, int begin, int end, int outlet_begin, int outlet_end,
                      int date_at) {
    const std::vector<Token>& t = s.tokens;
    s.attribution = {begin, end};
    attributed_ = true;
    if (item_.outlet.empty() && outlet_end > outlet_begin) {
      out_.outlet =
          std::string(s.text.substr(t[outlet_begin].begin - s.begin,
                                    t[outlet_end - 1].end - t[outlet_begin].begin));
    }
    if (date_at < end && t[date_at].LowerIs("on")) {
      std::vector<Token> date_tokens(t.begin() + date_at + 1, t.begin() + end);
      std::vector<DateMention> dates = FindDates(date_tokens, {item_.published, {}});
      if (!dates.empty() && dates[0].date.precision == DatePrecision::kDay) {
        out_.reported = dates[0].date;
      }
    }
  }

  // The day a few tokens [begin, end) give ("Jan. 9", "9 January 2026"), or an
  // unknown date.
  DateWithPrecision DayIn(const std::vector<Token>& t, int begin, int end) const {
    std::vector<Token> date_tokens(t.begin() + begin, t.begin() + end);
    std::vector<DateMention> dates = FindDates(date_tokens, {item_.published, {}});
    if (dates.size() == 1 && dates[0].date.precision == DatePrecision::kDay) {
      return dates[0].date;
    }
    return DateWithPrecision();
  }

  // "(Anadolu, Jan. 9) Egypt and Turkey ...", "The Globe and Mail (Jan. 9) said
  // ...": an outlet and a day in brackets opening the item's first sentence.
  bool BracketedAttribution(Sentence& s) {
    constexpr int kOpenWindow = 6;
    // "(Tass, Russia, reported on 2 January)": the outlet, its country, the day.
    constexpr int kBracketWindow = 10;
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    // "The Globe and Mail (Jan. 9)": "the" and "and" inside a name of capitals.
    auto in_name = [&](int k) {
      return IsOutletWord(t[k]) || (k == 0 && t[k].LowerIs("the")) ||
             (t[k].LowerIs("and") && k > 0 && k + 1 < n && t[k - 1].capitalized &&
              t[k + 1].capitalized);
    };
    int open = 0;
    while (open < n && open < kOpenWindow && t[open].text != "(" && in_name(open)) ++open;
    if (open >= n || t[open].text != "(") return false;
    int close = open + 1;
    while (close < n && close < open + kBracketWindow && t[close].text != ")") ++close;
    if (close >= n || t[close].text != ")") return false;
    // The outlet before the bracket or first inside it ("Anadolu, Jan. 9").
    int outlet_begin = 0, outlet_end = open;
    int date_begin = open + 1;
    if (open == 0) {
      outlet_begin = open + 1;
      outlet_end = outlet_begin;
      while (outlet_end < close && t[outlet_end].text != "," &&
             IsOutletWord(t[outlet_end]))
        ++outlet_end;
      if (outlet_end >= close || t[outlet_end].text != ",") return false;
      date_begin = outlet_end + 1;
    }
    if (outlet_end == outlet_begin) return false;
    const DateWithPrecision day = DayIn(t, date_begin, close);
    if (!day.known()) return false;
    int end = close + 1;
    // "... (Jan. 9) said that": the verb of reporting belongs to the attribution, as
    // does a colon ("Yonhap (30 December): ...").
    if (open > 0) {
      if (end < n && t[end].text == ":") {
        ++end;
      } else {
        if (end >= n || !ReportVerb(t[end])) return false;
        ++end;
        if (end < n && t[end].LowerIs("that")) ++end;
      }
    }
    SetAttribution(s, 0, end, outlet_begin, outlet_end, end);
    out_.reported = day;
    return true;
  }

  // "El Comercio (Peru, 30 September)", "(Tass, 2 January)": the item's source line
  // gives its outlet (before the bracket, else first inside it) and the day reported.
  void ReadSourceLine() {
    const TextSpan& line = item_.source;
    if (line.text.empty()) return;
    const std::vector<Token> t = Tokenize(line.text, line.offset);
    const int n = static_cast<int>(t.size());
    int open = n - 1;
    while (open >= 0 && t[open].text != "(") --open;
    if (open < 0 || t[n - 1].text != ")") return;
    int outlet_begin = 0, outlet_end = open, date_begin = open + 1;
    if (open == 0) {
      outlet_begin = 1;
      outlet_end = 1;
      while (outlet_end < n - 1 && t[outlet_end].text != ",") ++outlet_end;
      date_begin = outlet_end + 1;
    }
    const DateWithPrecision day = DayIn(t, date_begin, n - 1);
    if (!day.known()) return;
    out_.reported = day;
    if (item_.outlet.empty() && outlet_end > outlet_begin) {
      out_.outlet = std::string(absl::string_view(line.text).substr(
          t[outlet_begin].begin - line.offset,
          t[outlet_end - 1].end - t[outlet_begin].begin));
    }
  }

  // "... held talks on Sunday (Anadolu, Turkey, reported on 29 December).": an outlet
  // and a day in brackets closing the item's first sentence.
  bool ClosingBracketAttribution(Sentence& s) {
    constexpr int kBracketWindow = 10;
    const std::vector<Token>& t = s.tokens;
    int close = static_cast<int>(t.size()) - 1;
    if (close > 0 && t[close].kind == TokenKind::kPunct && t[close].text != ")") --close;
    if (close < 3 || t[close].text != ")") return false;
    int open = close - 1;
    while (open > 0 && open > close - kBracketWindow && t[open].text != "(") --open;
    if (t[open].text != "(") return false;
    int outlet_end = open + 1;
    while (outlet_end < close && t[outlet_end].text != "," && IsOutletWord(t[outlet_end]))
      ++outlet_end;
    if (outlet_end == open + 1 || outlet_end >= close || t[outlet_end].text != ",")
      return false;
    const DateWithPrecision day = DayIn(t, outlet_end + 1, close);
    if (!day.known()) return false;
    SetAttribution(s, open, close + 1, open + 1, outlet_end, close + 1);
    out_.reported = day;
    return true;
  }

  // "In a Jan. 9 report, Nikkei wrote that ...": a dated piece, then its outlet.
  bool DatedPieceAttribution(Sentence& s) {
    constexpr int kDateWindow = 5;
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    if (n < 6 || !t[0].LowerIs("in") || !(t[1].LowerIs("a") || t[1].LowerIs("an")))
      return false;
    int piece = 2;
    while (piece < n && piece < 2 + kDateWindow && t[piece].text != "," &&
           !x_.ContainsWord(c_.piece_noun, t[piece])) {
      ++piece;
    }
    if (piece >= n || !x_.ContainsWord(c_.piece_noun, t[piece]) || piece + 1 >= n ||
        t[piece + 1].text != ",") {
      return false;
    }
    const DateWithPrecision day = DayIn(t, 2, piece);
    if (!day.known()) return false;
    const int outlet_begin = piece + 2;
    int k = outlet_begin;
    if (k < n && t[k].LowerIs("the")) ++k;
    while (k < n && IsOutletWord(t[k]) && !ReportVerb(t[k])) ++k;
    if (k == outlet_begin || k >= n || !ReportVerb(t[k])) return false;
    int end = k + 1;
    if (end < n && t[end].LowerIs("that")) ++end;
    SetAttribution(s, 0, end, outlet_begin, k, end);
    out_.reported = day;
    return true;
  }

  // "On 8 May, La Razon reported that": the report's day opens the sentence, before
  // the outlet and its verb at r.
  bool FrontedAttribution(Sentence& s, int r) {
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    const int date_end = DateAfterOn(t, 0);
    if (date_end < 0 || date_end + 1 >= r || t[date_end].text != ",") return false;
    int b = date_end + 1;
    if (t[b].LowerIs("the")) ++b;
    if (b >= r) return false;
    for (int j = b; j < r; ++j) {
      if (!IsOutletWord(t[j])) return false;
    }
    int end = r + 1;
    if (end < n && t[end].LowerIs("that")) ++end;
    SetAttribution(s, 0, end, b, r, 0);
    return true;
  }

  // "Reported on 10 October by Interfax.", "Reported Dec. 29 by Kyodo.", "Published by
  // Trend on 8 May.": a line of its own that gives the item's outlet and day.
  bool ReportedByLine(Sentence& s) {
    constexpr int kLineWords = 14;
    const std::vector<Token>& t = s.tokens;
    int n = static_cast<int>(t.size());
    if (n > 0 && t[n - 1].text == ".") --n;
    if (n < 4 || n > kLineWords || !t[0].capitalized || !ReportVerb(t[0])) return false;
    int by = 1;
    while (by < n && !t[by].LowerIs("by")) ++by;
    if (by == n) return false;
    int outlet_end = by + 1;
    while (outlet_end < n && !t[outlet_end].LowerIs("on") && t[outlet_end].text != "," &&
           IsOutletWord(t[outlet_end])) {
      ++outlet_end;
    }
    if (outlet_end == by + 1) return false;
    // The day stands before "by" or after the outlet; nothing else is on the line.
    const bool before = by > 1;
    if (before && outlet_end != n) return false;
    const int date_begin = before ? 1 : outlet_end;
    const int date_end = before ? by : n;
    const DateWithPrecision day = DayIn(t, date_begin, date_end);
    if (!day.known()) return false;
    SetAttribution(s, 0, static_cast<int>(t.size()), by + 1, outlet_end, date_end);
    out_.reported = day;
    return true;
  }

  // Whether sentence s holds an attribution (and records it).
  bool Attribute(Sentence& s) {
    const int n = static_cast<int>(s.tokens.size());
    for (int r = 0; r < n; ++r) {
      if (!ReportVerb(s.tokens[r])) continue;
      if (TrailingAttribution(s, r) || LeadingAttribution(s, r)) return true;
    }
    return BracketedAttribution(s) || DatedPieceAttribution(s) ||
           ClosingBracketAttribution(s);
  }

  // Whether sentence s holds an attribution with the day of the report, leaving the
  // item's outlet and report date as they were.
  bool DatedAttribution(Sentence& s) {
    const std::string outlet = out_.outlet;
    const DateWithPrecision reported = out_.reported;
    const bool attributed = attributed_;
    out_.outlet.clear();
    out_.reported = {};
    attributed_ = false;
    const bool dated = Attribute(s) && out_.reported.known();
    out_.outlet = outlet;
    out_.reported = reported;
    attributed_ = attributed;
    s.attribution = {};
    return dated;
  }

  // "Kyodo (Japan) reported on March 6 that ... / Anadolu wrote on March 7 that
  // ...": when the first paragraph opens with a dated report and later ones do too,
  // the paragraphs that open so (the first included).
  void FindReportParagraphs() {
    if (item_.paragraphs.size() < 2 || !item_.outlet.empty() || item_.reported.known())
      return;
    int last = -1;
    for (Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph == last || ListNumber(s)) continue;
      last = s.paragraph;
      const bool dated = DatedAttribution(s);
      if (s.paragraph == 0 && !dated) return;
      if (dated) out_.report_paragraphs.push_back(s.paragraph);
    }
    if (out_.report_paragraphs.size() < 2) out_.report_paragraphs.clear();
  }

  // "ZAMBIA — Trade with China rose ...", "SPAIN/GHANA: The two countries signed
  // ...": a round-up whose paragraphs each open with the states they are about, in
  // capitals, then a dash or a colon. Each such paragraph opens a report of its own
  // (the text before the first is one too), whose tag reads as its dateline.
  void FindTaggedParagraphs() {
    PartAtParagraphsOpening([this](const std::vector<Token>& t) { return StatesTag(t); });
  }

  // "Manama, 9 March - Bahrain and Oman signed ... / Doha, 12 March - ...": a
  // round-up whose paragraphs open with a place and a day (the line may stand alone
  // above its paragraph) is parted at them: each is a report of that day, read with
  // its own dateline (the text before the first is one too).
  // The gazetteer knows `place` (lower case) as a country, or a city when city_too.
  bool KnownPlace(const std::string& place, bool city_too) const {
    const std::vector<AliasMatch>* named = g_.FindPhrase(place);
    return named != nullptr &&
           std::any_of(named->begin(), named->end(), [&](const AliasMatch& a) {
             return a.entity->kind == graph::EntityKind::kCountry ||
                    (city_too && a.entity->kind == graph::EntityKind::kCity);
           });
  }

  // A day written out that opens t[from, n) (its mention's tokens count from
  // `from`); none when the tokens open otherwise.
  std::optional<DateMention> DayOpening(const std::vector<Token>& t, int from,
                                        int n) const {
    const std::vector<DateMention> dates = FindDates(
        std::vector<Token>(t.begin() + from, t.begin() + n), {item_.published, {}});
    if (dates.empty() || dates[0].begin != 0 || dates[0].kind != DateKind::kAbsolute ||
        dates[0].date.precision != DatePrecision::kDay) {
      return std::nullopt;
    }
    return dates[0];
  }

  // "Nikkei Asia (Japan), December 27" over each item of a press review: a round-up
  // whose paragraphs open with an outlet, its country in brackets and a day is
  // parted at them; each part is that outlet's report of that day.
  void FindOutletParagraphs() {
    PartAtParagraphsOpening(
        [this](const std::vector<Token>& t) { return OutletAndDay(t, nullptr) > 0; });
  }

  // The text of an outlet's tokens in sentence s.
  static std::string OutletName(const Sentence& s, TokenRange name) {
    const std::vector<Token>& t = s.tokens;
    return std::string(
        s.text.substr(static_cast<size_t>(t[name.begin].begin - s.begin),
                      static_cast<size_t>(t[name.end - 1].end - t[name.begin].begin)));
  }

  // The end of an outlet and a day that open `t`, the day in *day and the outlet's
  // tokens in *name; -1 when they do not. The outlet has its country in brackets
  // ("Le Monde (France), January 5"), or, with no brackets, the day ends in a colon
  // ("The Economist, 3 January: ...") and the name is no place (a dateline's). A
  // list's number may stand before it ("2) Kyodo (Japan), 4 March:").
  int OutletAndDay(const std::vector<Token>& t, DateWithPrecision* day,
                   TokenRange* name = nullptr) const {
    constexpr int kLongestOutlet = 6;
    const int n = std::min<int>(static_cast<int>(t.size()), kDatelineWindow);
    int begin = 0;
    if (n > 2 && t[0].kind == TokenKind::kNumber &&
        (t[1].text == ")" || t[1].text == "."))
      begin = 2;
    int k = begin;
    while (k < n && k - begin < kLongestOutlet && t[k].kind == TokenKind::kWord &&
           (t[k].capitalized || t[k].LowerIs("of") || t[k].LowerIs("de") ||
            (k > begin && t[k].LowerIs("and")))) {
      ++k;
    }
    if (k == begin || k + 3 >= n) return -1;
    int day_from = -1;
    bool needs_colon = false;
    if (t[k].text == "(") {
      int close = k + 1;
      while (close < n && t[close].kind == TokenKind::kWord && t[close].capitalized)
        ++close;
      if (close == k + 1 || close + 2 >= n || t[close].text != ")" ||
          t[close + 1].text != ",")
        return -1;
      std::string place;
      for (int j = k + 1; j < close; ++j) {
        if (j > k + 1) place.push_back(' ');
        place.append(t[j].lower);
      }
      if (!KnownPlace(place, /*city_too=*/false)) return -1;
      day_from = close + 2;
    } else if (t[k].text == "," && !t[k - 1].LowerIs("and")) {
      std::string place;
      for (int j = begin; j < k; ++j) {
        if (j > begin) place.push_back(' ');
        place.append(t[j].lower);
      }
      if (KnownPlace(place, /*city_too=*/true) || MonthFromWord(t[begin].lower) > 0 ||
          WeekdayFromWord(t[begin].lower) >= 0) {
        return -1;
      }
      day_from = k + 1;
      needs_colon = true;
    } else {
      return -1;
    }
    const std::optional<DateMention> opening = DayOpening(t, day_from, n);
    if (!opening) return -1;
    const int end = day_from + opening->end;
    if (needs_colon && (end >= n || t[end].text != ":")) return -1;
    if (day != nullptr) *day = opening->date;
    if (name != nullptr) *name = {begin, k};
    return end;
  }

  // "29 December. Minister X met ... / 30 December. The President signed ...",
  // "- (24 Nov) The Minister received ...": a chronicle whose paragraphs open with
  // a day set off by a stop, a dash, a colon or brackets is parted at them; each part
  // is the news of its day.
  // Not a timeline's entries, which write their years ("Sept. 1, 2023 -") or stand
  // under a year of their own ("2020" / "29 September. ..."): they are one story.
  void FindDayParagraphs() {
    for (const Sentence& s : out_.sentences) {
      if (s.tokens.size() == 1 && s.tokens[0].kind == TokenKind::kNumber &&
          s.tokens[0].text.size() == 4) {
        return;
      }
    }
    PartAtParagraphsOpening([this](const std::vector<Token>& t) { return DayMarked(t); });
  }

  bool DayMarked(const std::vector<Token>& t) const {
    const int n = std::min<int>(static_cast<int>(t.size()), kDatelineWindow);
    int from = 0;
    if (from < n &&
        (t[from].text == "-" || t[from].text == "\u2022" || t[from].text == "\u2013")) {
      ++from;
    }
    const bool bracket = from < n && t[from].text == "(";
    if (bracket) ++from;
    const std::optional<DateMention> day = DayOpening(t, from, n);
    if (!day) return false;
    const int end = from + day->end;
    if (end >= n) return false;
    for (int k = from; k < end; ++k) {
      if (t[k].kind == TokenKind::kNumber && t[k].text.size() == 4) return false;
    }
    const absl::string_view mark = t[end].text;
    if (bracket) return mark == ")";
    return mark == "." || mark == ":" || mark == "-" || mark == "\u2013" ||
           mark == "\u2014";
  }

  void FindDatelineParagraphs() {
    PartAtParagraphsOpening(
        [this](const std::vector<Token>& t) { return OpensWithPlaceAndDay(t); });
  }

  // When two or more paragraphs' first sentences pass `opens`, those paragraphs (and
  // the first, if it is not one) become the item's report paragraphs.
  template <typename Test>
  void PartAtParagraphsOpening(Test opens) {
    std::vector<int> firsts;
    int last = -1;
    for (const Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph == last) continue;
      last = s.paragraph;
      if (opens(s.tokens)) firsts.push_back(s.paragraph);
    }
    if (firsts.size() < 2) return;
    if (firsts.front() != 0) firsts.insert(firsts.begin(), 0);
    out_.report_paragraphs = std::move(firsts);
  }

  // Tokens open with a known place of one to four capitalized words, a comma and a
  // day ("Doha, 12 March", "KIGALI, March 12, 2026").
  bool OpensWithPlaceAndDay(const std::vector<Token>& t) const {
    return PlaceAndDay(t, nullptr, nullptr, nullptr) > 0;
  }

  // The end of the place and day that open `t` (OpensWithPlaceAndDay), with the
  // place's end and the day; -1 when they do not.
  int PlaceAndDay(const std::vector<Token>& t, int* place_end, DateWithPrecision* day,
                  int* date_end) const {
    constexpr int kLongestPlace = 4;
    const int n = std::min<int>(static_cast<int>(t.size()), kDatelineWindow);
    int k = 0;
    while (k < n && t[k].kind == TokenKind::kWord && t[k].capitalized) ++k;
    if (k == 0 || k > kLongestPlace || k + 1 >= n || t[k].text != ",") return -1;
    // A place the gazetteer knows: not "EVENING NEWS, 12 October".
    std::string place;
    for (int j = 0; j < k; ++j) {
      if (j > 0) place.push_back(' ');
      place.append(t[j].lower);
    }
    if (!KnownPlace(place, /*city_too=*/true)) return -1;
    const std::optional<DateMention> opening = DayOpening(t, k + 1, n);
    if (!opening) return -1;
    if (place_end != nullptr) *place_end = k;
    if (day != nullptr) *day = opening->date;
    if (date_end != nullptr) *date_end = k + 1 + opening->end;
    return k + 1 + opening->end;
  }

  // "Manama, 9 March" on the line over a round-up's paragraph, which the digest
  // reader takes for its headline: the item's dateline, not a headline.
  void FindHeadlineDateline() {
    for (Sentence& s : out_.sentences) {
      if (!s.headline) continue;
      const std::vector<Token>& t = s.tokens;
      int place_end = 0, end = 0;
      DateWithPrecision day;
      // "Nikkei Asia (Japan), December 27" heading a review's item: that outlet's day.
      TokenRange name;
      if (const int outlet_end = OutletAndDay(t, &day, &name); outlet_end > 0) {
        const int size = static_cast<int>(t.size());
        if (outlet_end != size && !(outlet_end + 1 == size && t[outlet_end].text == "."))
          return;
        if (item_.published.known() && item_.published.FirstDay() < day.FirstDay())
          return;
        s.dateline = {0, size};
        out_.reported = day;
        if (out_.outlet.empty()) out_.outlet = OutletName(s, name);
        dated_headline_ = true;
        return;
      }
      // "Ministry of Foreign Affairs | Communique No. 112 | Santiago, 29 April 2026":
      // a release's byline ends in its place and day after its last bar.
      int from = 0;
      for (int k = static_cast<int>(t.size()) - 1; k > 0; --k) {
        if (t[k].text == "|") {
          from = k + 1;
          break;
        }
      }
      const std::vector<Token> tail(t.begin() + from, t.end());
      if (PlaceAndDay(tail, &place_end, &day, &end) < 0) return;
      const int size = static_cast<int>(tail.size());
      if (end != size && !(end + 1 == size && tail[end].text == ".")) return;
      if (from > 0 && item_.published.known() &&
          item_.published.FirstDay() < day.FirstDay()) {
        return;
      }
      s.dateline = {0, static_cast<int>(t.size())};
      out_.reported = day;
      SetDatelineCity(tail, place_end, true);
      dated_headline_ = true;
      return;
    }
  }

  // Tokens open with one or two states' names in capitals ("SPAIN/GHANA") and a
  // dash or a colon.
  bool StatesTag(const std::vector<Token>& t) const {
    constexpr int kLongestTag = 6;
    const int n = std::min<int>(static_cast<int>(t.size()), kLongestTag + 1);
    std::string name;
    bool any = false;
    for (int k = 0; k < n; ++k) {
      const bool end = IsDash(t[k].text) || t[k].text == "-" || t[k].text == ":";
      if (end || t[k].text == "/") {
        const std::vector<AliasMatch>* m = name.empty() ? nullptr : g_.FindPhrase(name);
        if (m == nullptr || std::none_of(m->begin(), m->end(), [](const AliasMatch& a) {
              return a.entity->kind == graph::EntityKind::kCountry;
            })) {
          return false;
        }
        any = true;
        name.clear();
        if (end) return any;
        continue;
      }
      if (t[k].kind != TokenKind::kWord || !AllUpper(t[k].text) || t[k].text.size() < 2)
        return false;
      if (!name.empty()) name.push_back(' ');
      name.append(t[k].lower);
    }
    return false;
  }

  // "1.", "2)": a list's number alone, before its paragraph's text.
  static bool ListNumber(const Sentence& s) {
    const std::vector<Token>& t = s.tokens;
    return (t.size() == 1 && t[0].kind == TokenKind::kNumber) ||
           (t.size() == 2 && t[0].kind == TokenKind::kNumber &&
            (t[1].text == "." || t[1].text == ")"));
  }

  // The first paragraph with text: not a list's number ("1.") standing before it.
  int FirstParagraph() const {
    for (const Sentence& s : out_.sentences) {
      if (!s.headline && !ListNumber(s)) return s.paragraph;
    }
    return 0;
  }

  void FindAttribution() {
    const int first = FirstParagraph();
    for (Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph != first) continue;
      if (Attribute(s)) return;
    }
    for (Sentence& s : out_.sentences) {
      if (ReportedByLine(s)) return;
    }
    if (!out_.outlet.empty()) return;
    // "According to Kazinform, ...": the outlet without a date.
    for (Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph != first) continue;
      const std::vector<Token>& t = s.tokens;
      const int n = static_cast<int>(t.size());
      for (int r = 0; r + 2 < n; ++r) {
        if (!t[r].LowerIs("according") || !t[r + 1].LowerIs("to")) continue;
        int k = r + 2;
        while (k < n && t[k].text != "," && IsOutletWord(t[k])) ++k;
        if (k == r + 2 || k >= n || t[k].text != ",") continue;
        // A named outlet, not a person or an office ("according to the president").
        bool outlet = false;
        for (int j = r + 2; j < k; ++j) {
          outlet |= x_.ContainsWord(c_.outlet_noun, t[j]) ||
                    t[j].lower.find('.') != std::string::npos;
        }
        if (!outlet) continue;
        out_.outlet = std::string(
            s.text.substr(t[r + 2].begin - s.begin, t[k - 1].end - t[r + 2].begin));
        s.attribution = {r, k + 1};
        return;
      }
    }
  }

  // "BRASILIA, Jul 9 (PTI)", "BEIJING, Jan 13 –", "RABAT –", "TOKYO/WASHINGTON –".
  void FindDateline() {
    int first = 0;  // The paragraph a dateline may open.
    for (Sentence& s : out_.sentences) {
      if (s.headline) continue;
      if (s.paragraph != first) return;
      // A byline or time stamp first: the dateline may open the lead after it.
      if (StampLine(s)) {
        first = s.paragraph + 1;
        continue;
      }
      const std::vector<Token>& t = s.tokens;
      const int n = std::min<int>(static_cast<int>(t.size()), kDatelineWindow);
      // "Le Monde (France), January 5" over the report: the outlet's day.
      DateWithPrecision day;
      TokenRange name;
      if (const int end = OutletAndDay(t, &day, &name); end > 0) {
        if (!item_.published.known() || day.FirstDay() <= item_.published.FirstDay()) {
          const bool stop = end < static_cast<int>(t.size()) &&
                            (t[end].text == "." || t[end].text == ":");
          s.dateline = {0, stop ? end + 1 : end};
          out_.reported = day;
          if (out_.outlet.empty()) out_.outlet = OutletName(s, name);
        }
        if (s.dateline.end < static_cast<int>(t.size())) return;
        first = s.paragraph + 1;
        continue;
      }
      if (DatedPost(s)) {
        // A day alone on the item's first line: the lead after it may still open
        // with the place it was written in ("TASHKENT -").
        if (s.dateline.end < static_cast<int>(t.size())) return;
        first = s.paragraph + 1;
        continue;
      }
      int k = 0;
      while (k < n && t[k].kind == TokenKind::kWord && t[k].capitalized) ++k;
      while (k + 1 < n && t[k].text == "/" && t[k + 1].capitalized) {
        k += 2;
        while (k < n && t[k].kind == TokenKind::kWord && t[k].capitalized) ++k;
      }
      int city_end = k;
      if (city_end == 0 || city_end > 4) return;
      // "Monday, 13 October. The minister met ...", "- Monday, 13 October.": a day,
      // not a place and its day.
      bool weekday = false, other = false;
      for (int j = 0; j < city_end; ++j) {
        const bool letters =
            absl::ascii_isalpha(static_cast<unsigned char>(t[j].text[0]));
        weekday |= WeekdayFromWord(t[j].lower) >= 0;
        other |= letters && WeekdayFromWord(t[j].lower) < 0;
      }
      if (weekday && !other) return;
      bool upper = AllUpper(t[0].text) && t[0].text.size() > 1;
      int date_begin = -1, date_end = -1;
      if (k < n && t[k].text == ",") {
        // "BAKU, Azerbaijan, February 17.": the city's country between the two commas.
        int region = k + 1;
        while (region < n && t[region].kind == TokenKind::kWord &&
               t[region].capitalized) {
          ++region;
        }
        if (region > k + 1 && region + 1 < n && t[region].text == ",") k = region;
        // "LOBITO, Angola - Ground was broken ...": the city's country, then a dash.
        const bool country_dash = region > k + 1 && region < n &&
                                  (IsDash(t[region].text) || t[region].text == "-");
        std::vector<DateMention> dates = FindDates(
            std::vector<Token>(t.begin() + k + 1, t.begin() + n), {item_.published, {}});
        if (!dates.empty() && dates[0].begin == 0) {
          date_begin = k + 1;
          date_end = date_begin + dates[0].end;
          if (dates[0].date.precision == DatePrecision::kDay) {
            out_.reported = dates[0].date;
          }
          k = date_end;
        } else if (country_dash) {
          k = region;
        } else if (int region_end = RegionBeforeAgency(t, k + 1, n); region_end > 0) {
          k = region_end;  // "SUVA, Fiji (AP) —": the city's country.
        } else {
          return;
        }
      }
      // "Brussels, 27 January 2025" on a line of its own: an official release's
      // dateline.
      const int size = static_cast<int>(t.size());
      if (date_begin >= 0 && (k == size || (k + 1 == size && t[k].text == "."))) {
        s.dateline = {0, size};
        SetDatelineCity(t, city_end, true);
        return;
      }
      bool agency = false;
      // "KAZAN, October 23. /TASS/.": an agency between slashes after the date.
      if (date_begin >= 0 && k + 1 < n && t[k].text == "." && t[k + 1].text == "/") {
        int close = k + 2;
        while (close < n && t[close].text != "/") ++close;
        if (close >= n) return;
        s.dateline = {0,
                      close + 1 < n && t[close + 1].text == "." ? close + 2 : close + 1};
        SetDatelineCity(t, city_end, true);
        return;
      }
      // "Baku, March 12, AZERTAC.": an agency after the date, set off by a comma.
      if (date_begin >= 0 && k < n && t[k].text == ",") {
        int agency_end = k + 1;
        while (agency_end < n && agency_end <= k + kDatelineRegionWords &&
               t[agency_end].kind == TokenKind::kWord && t[agency_end].capitalized) {
          ++agency_end;
        }
        if (agency_end > k + 1 && agency_end < n &&
            (t[agency_end].text == "." || t[agency_end].text == ":" ||
             IsDash(t[agency_end].text))) {
          s.dateline = {0, agency_end + 1};
          SetDatelineCity(t, city_end, true);
          return;
        }
      }
      if (k < n && t[k].text == "(") {
        int close = k + 1;
        while (close < n && t[close].text != ")") ++close;
        if (close >= n) return;
        agency = true;
        k = close + 1;
        // A transcript's speaker with where they speak from: a colon after the
        // parenthesis labels who talks, it dates and places nothing.
        if (k < n && t[k].text == ":") return;
      }
      bool dash = k < n && IsDash(t[k].text);
      if (k + 1 < n && t[k].text == "-" && t[k + 1].text == "-") {
        dash = true;
        ++k;
      }
      if (dash) ++k;
      if (!dash && !agency) return;
      // "Kyodo (Japan) reported on ...": an outlet with its country, then its verb;
      // a dateline's sentence opens after it with a capital.
      if (!dash && date_begin < 0 && k < n && t[k].kind == TokenKind::kWord &&
          !t[k].capitalized) {
        return;
      }
      if (!upper && date_begin < 0 && !agency) {
        // "Rabat – ..." is a dateline only when the name is a known place.
      }
      s.dateline = {0, k};
      SetDatelineCity(t, city_end, upper || date_begin >= 0 || agency);
      // "SPAIN/GHANA — The two countries ...": a round-up's tag of states places the
      // report and stays part of its text, the states it is about.
      if (date_begin < 0 && !agency && StatesTag(t)) s.dateline = {};
      return;
    }
  }

  // "05.03.2026 – Today, the ambassador met ...": a post that opens with its own
  // day and a dash, or a day alone on the item's first line, is reported that day.
  // True when sentence s does.
  bool DatedPost(Sentence& s) {
    const std::vector<Token>& t = s.tokens;
    const int n = std::min<int>(static_cast<int>(t.size()), kDatelineWindow);
    std::vector<DateMention> dates =
        FindDates(std::vector<Token>(t.begin(), t.begin() + n), {item_.published, {}});
    if (dates.empty() || dates[0].begin != 0 ||
        dates[0].date.precision != DatePrecision::kDay) {
      return false;
    }
    const int end = dates[0].end;
    // "2 June 2026" on a line of its own above a release's text, or "2 June 2026 –".
    const int size = static_cast<int>(t.size());
    const bool alone = end == size || (end + 1 == size && t[end].text == ".");
    if (!alone && (end >= n || !(IsDash(t[end].text) || t[end].text == ":"))) {
      return false;
    }
    // With its year written out: a brief's "Dec. 2 –" dates its event, not the post.
    const std::string year = absl::StrCat(dates[0].date.year);
    bool with_year = false;
    for (int k = 0; k < end; ++k) with_year |= absl::StrContains(t[k].text, year);
    if (!with_year) return false;
    if (item_.published.known() &&
        item_.published.FirstDay() < dates[0].date.FirstDay()) {
      return false;  // No post is dated after its publication.
    }
    s.dateline = {0, alone ? size : end + 1};
    out_.reported = dates[0].date;
    return true;
  }

  // The end of "Fiji" in "SUVA, Fiji (AP)": one to three capitalized
  // words from `begin` followed by an agency's parenthesis; 0 when none.
  static int RegionBeforeAgency(const std::vector<Token>& t, int begin, int n) {
    int k = begin;
    while (k < n && k < begin + kDatelineRegionWords && t[k].kind == TokenKind::kWord &&
           t[k].capitalized) {
      ++k;
    }
    return k > begin && k < n && t[k].text == "(" ? k : 0;
  }

  void SetDatelineCity(const std::vector<Token>& t, int city_end, bool certain) {
    std::string phrase;
    int first_end = 0;
    while (first_end < city_end && t[first_end].text != "/") ++first_end;
    for (int j = 0; j < first_end; ++j) {
      if (j > 0) phrase.push_back(' ');
      phrase.append(t[j].lower);
    }
    if (const std::vector<AliasMatch>* m = g_.FindPhrase(phrase)) {
      for (const AliasMatch& a : *m) {
        if (a.entity->kind == graph::EntityKind::kCity) {
          out_.dateline_city = a.entity->id;
          out_.dateline_country = std::string(g_.CountryOf(a.entity->id));
          return;
        }
      }
      // "ZAMBIA —": a round-up's tag names the state, and no city.
      for (const AliasMatch& a : *m) {
        if (a.entity->kind == graph::EntityKind::kCountry && AllUpper(t[0].text)) {
          out_.dateline_country = a.entity->id;
          return;
        }
      }
    }
    if (certain) {
      std::string name;
      for (int j = 0; j < first_end; ++j) {
        if (j > 0) name.push_back(' ');
        name.append(t[j].text.data(), t[j].text.size());
      }
      out_.dateline_city = absl::StrCat("city:", Slugify(name));
    }
    // "NACALA, Mozambique -": a city the gazetteer lacks, with its country after it.
    const int n = static_cast<int>(t.size());
    if (city_end + 1 < n && t[city_end].text == ",") {
      std::string country;
      for (int j = city_end + 1;
           j < n && t[j].kind == TokenKind::kWord && t[j].capitalized; ++j) {
        if (!country.empty()) country.push_back(' ');
        country.append(t[j].lower);
      }
      if (const std::vector<AliasMatch>* m = g_.FindPhrase(country)) {
        for (const AliasMatch& a : *m) {
          if (a.entity->kind == graph::EntityKind::kCountry) {
            out_.dateline_country = a.entity->id;
            if (out_.dateline_city.empty()) {
              std::string name(t[0].text);
              out_.dateline_city = absl::StrCat("city:", Slugify(name));
            }
            return;
          }
        }
      }
    }
  }

  std::vector<std::pair<int64_t, int64_t>> Masked(const Sentence& s) const {
    std::vector<std::pair<int64_t, int64_t>> masked;
    for (TokenRange r : {s.attribution, s.dateline}) {
      if (r.empty()) continue;
      masked.emplace_back(s.tokens[r.begin].begin, s.tokens[r.end - 1].end);
    }
    if (out_.outlet.size() > 2) {
      for (size_t pos = s.text.find(out_.outlet); pos != absl::string_view::npos;
           pos = s.text.find(out_.outlet, pos + 1)) {
        masked.emplace_back(s.begin + static_cast<int64_t>(pos),
                            s.begin + static_cast<int64_t>(pos + out_.outlet.size()));
      }
    }
    return masked;
  }

  // "in Thai Nguyen province": a demonym that opens a region's name (a capitalized
  // word no list knows, then @admin_unit), with no article before it, names no state.
  bool OpensPlaceName(const Sentence& s, const Mention& m) const {
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    if (m.form != AliasForm::kDemonym || m.end - m.begin != 1 || m.end + 1 >= n ||
        !t[m.end].capitalized || !x_.OneWordAt(c_.admin_unit, t, m.end + 1)) {
      return false;
    }
    if (m.begin > 0 && (t[m.begin - 1].LowerIs("the") || t[m.begin - 1].LowerIs("a")))
      return false;
    return std::none_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& other) {
      return other.begin <= m.end && m.end < other.end;
    });
  }

  // Decided on the whole list before any is erased: the test reads the others.
  void DropDemonymsInPlaceNames(Sentence& s) const {
    std::vector<size_t> dropped;
    for (size_t k = 0; k < s.mentions.size(); ++k) {
      if (OpensPlaceName(s, s.mentions[k])) dropped.push_back(k);
    }
    for (auto k = dropped.rbegin(); k != dropped.rend(); ++k) {
      s.mentions.erase(s.mentions.begin() + static_cast<std::ptrdiff_t>(*k));
    }
  }

  // "the Paris Agreement", "a breach of the Vienna Convention", "the Astana Process":
  // a city's name before a word of @place_named_document names the document, not the
  // government there.
  void DropPlacesInDocumentNames(Sentence& s) const {
    const int n = static_cast<int>(s.tokens.size());
    s.mentions.erase(
        std::remove_if(
            s.mentions.begin(), s.mentions.end(),
            [&](const Mention& m) {
              const bool city =
                  m.kind == graph::EntityKind::kCity || m.form == AliasForm::kCapital;
              return city && m.end < n &&
                     x_.MatchAt(c_.place_named_document, s.tokens, m.end, n).length > 0;
            }),
        s.mentions.end());
  }

  // "GHANA AND TOGO ELEVATE TIES TO STRATEGIC PARTNERSHIP": in a sentence written in
  // capitals, the words that name nothing are read as common words, so that the
  // tagger finds its verbs and nouns. Names were found before (mentions).
  static void LowerShoutedWords(Sentence& s) {
    int words = 0, shouted = 0;
    for (const Token& t : s.tokens) {
      if (t.kind != TokenKind::kWord || t.text.size() < 2) continue;
      ++words;
      shouted += AllCaps(t.text);
    }
    constexpr int kMinWords = 3;
    if (words < kMinWords || shouted * 10 < words * 9) return;
    for (size_t k = 0; k < s.tokens.size(); ++k) {
      Token& t = s.tokens[k];
      if (s.mention_at[k] < 0 && t.kind == TokenKind::kWord && AllCaps(t.text))
        t.capitalized = false;
    }
  }

  static bool AllCaps(absl::string_view text) {
    bool letter = false;
    for (char ch : text) {
      if (absl::ascii_islower(static_cast<unsigned char>(ch))) return false;
      letter |= absl::ascii_isupper(static_cast<unsigned char>(ch));
    }
    return letter;
  }

  // "Congo" alone in an item that names the Democratic Republic of Congo in full is
  // that state (@shared_short_name).
  void ResolveSharedShortNames() {
    for (Sentence& s : out_.sentences) {
      for (Mention& m : s.mentions) {
        if (m.end - m.begin != 1 || m.kind != graph::EntityKind::kCountry) continue;
        const PhraseMatch short_name =
            x_.MatchAt(c_.shared_short_name, s.tokens, m.begin, m.end);
        if (short_name.length != 1 || short_name.value == m.id) continue;
        if (const Mention* full = NamedInFull(short_name.value)) {
          m.id = full->id;
          m.country = full->country;
          m.name = full->name;
        }
      }
    }
  }

  // A mention of `id` in the item by a name of several words; null when none.
  const Mention* NamedInFull(absl::string_view id) const {
    for (const Sentence& s : out_.sentences) {
      for (const Mention& m : s.mentions) {
        if (m.id == id && m.end - m.begin > 1) return &m;
      }
    }
    return nullptr;
  }

  void Analyse(Sentence& s) {
    s.mentions = FindMentions(g_, x_, c_.titles, s.tokens, Masked(s));
    DropPlacesInDocumentNames(s);
    DropDemonymsInPlaceNames(s);
    s.money = FindMoney(s.tokens, x_, c_.currencies);
    if (!s.money.empty()) {
      std::vector<std::string> named;  // The countries the sentence names, in order.
      for (const Mention& m : s.mentions) {
        if (m.kind == graph::EntityKind::kCountry) named.push_back(m.id);
      }
      LocalizeSharedSigns(s.tokens, x_, c_.currencies, out_.dateline_country, &s.money,
                          named);
    }
    // "3 billion U.S. dollars": the currency's country is no party.
    s.mentions.erase(std::remove_if(s.mentions.begin(), s.mentions.end(),
                                    [&](const Mention& m) {
                                      for (const MoneyMention& money : s.money) {
                                        if (m.begin >= money.begin && m.end <= money.end)
                                          return true;
                                      }
                                      return false;
                                    }),
                     s.mentions.end());
    const int n = static_cast<int>(s.tokens.size());
    s.mention_at.assign(n, -1);
    std::vector<int> atom_end(n, 0);
    for (size_t m = 0; m < s.mentions.size(); ++m) {
      const Mention& mention = s.mentions[m];
      for (int k = mention.begin; k < mention.end; ++k)
        s.mention_at[k] = static_cast<int>(m);
      atom_end[mention.begin] = mention.end;
      if (mention.form == AliasForm::kDemonym && mention.end == mention.begin + 1 &&
          !mention.titled) {
        s.tokens[mention.begin].tag = Tag::kAdjective;
      }
      // "Ghana condemns ...": a name opening the sentence (or its quote) is a name, as it
      // is anywhere else in it (the tagger takes a first word for a common one).
      const bool opens = mention.begin == 0 ||
                         (mention.begin == 1 && IsQuoteMark(s.tokens[0].text)) ||
                         (!s.dateline.empty() && mention.begin == s.dateline.end);
      // Each capitalized word of a person's full name is a name, though it looks like
      // a function word ("as To Lam hosted ...").
      if (mention.form == AliasForm::kPerson && mention.end - mention.begin > 1) {
        for (int k = mention.begin; k < mention.end; ++k) {
          if (s.tokens[k].capitalized) s.tokens[k].tag = Tag::kProper;
        }
      }
      if (opens && !mention.titled && s.tokens[mention.begin].capitalized &&
          (mention.form == AliasForm::kName || mention.form == AliasForm::kCapital ||
           mention.form == AliasForm::kPerson)) {
        for (int k = mention.begin; k < mention.end; ++k) {
          if (s.tokens[k].capitalized) s.tokens[k].tag = Tag::kProper;
        }
      }
    }
    LowerShoutedWords(s);
    TagTokens(x_, s.tokens);
    // The attribution and the dateline are provenance: no part of the sentence's
    // grammar ("..., reported France 24 on Nov. 1").
    for (TokenRange r : {s.attribution, s.dateline}) {
      for (int k = r.begin; k < r.end; ++k) s.tokens[k].tag = Tag::kPunct;
    }
    // Mentions are names: a tagger's guess of "verb" inside one is wrong.
    for (const Mention& m : s.mentions) {
      for (int k = m.begin; k < m.end; ++k) {
        Token& t = s.tokens[k];
        if (t.tag == Tag::kVerb || t.tag == Tag::kNoun) t.tag = Tag::kProper;
      }
    }
    JoinSpacedHyphenNames(s.tokens);
    // So are amounts: "2 trillion won in Uzbekistan" holds no verb "won".
    for (const MoneyMention& m : s.money) {
      for (int k = m.begin; k < m.end; ++k) {
        if (s.tokens[k].tag == Tag::kVerb) s.tokens[k].tag = Tag::kNoun;
      }
    }
    s.percents = FindPercents(s.tokens);
    std::vector<bool> quoted(1, s.quoted_start);
    s.parse = ParseSentence(s.tokens, atom_end, quoted);
  }

  // "the Kyrgyzstan - Oman Investment Protection Agreement": a hyphen written with
  // spaces inside a name that "the" opens joins its parts, as "Kyrgyzstan-Oman" does;
  // elsewhere it is a dash.
  static void JoinSpacedHyphenNames(std::vector<Token>& t) {
    const int n = static_cast<int>(t.size());
    for (int k = 2; k + 1 < n; ++k) {
      if (t[k].text != "-" || t[k - 1].end == t[k].begin || t[k].end == t[k + 1].begin ||
          !t[k - 1].capitalized || !t[k + 1].capitalized ||
          t[k + 1].kind != TokenKind::kWord) {
        continue;
      }
      int first = k - 1;
      while (first > 0 && t[first - 1].capitalized &&
             t[first - 1].kind == TokenKind::kWord && !t[first - 1].LowerIs("the")) {
        --first;
      }
      if (first > 0 && t[first - 1].LowerIs("the")) {
        t[k].tag = Tag::kProper;
        t[k].capitalized = true;  // Inside the name, as its words are.
      }
    }
  }

  // "14 January." opening a paragraph of a chronology as a sentence of its own, with
  // more of the paragraph after it: the date its entry tells of (its dates found).
  std::optional<DateWithPrecision> EntryDate(size_t k) const {
    const Sentence& s = out_.sentences[k];
    const bool opens = k == 0 || out_.sentences[k - 1].paragraph != s.paragraph;
    const bool more =
        k + 1 < out_.sentences.size() && out_.sentences[k + 1].paragraph == s.paragraph;
    if (!opens || !more || s.headline || s.dates.size() != 1) return std::nullopt;
    const DateMention& d = s.dates[0];
    if (d.kind != DateKind::kAbsolute || d.date.precision == DatePrecision::kYear)
      return std::nullopt;
    for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i) {
      if ((i < d.begin || i >= d.end) && s.tokens[i].kind != TokenKind::kPunct)
        return std::nullopt;
    }
    return d.date;
  }

  // "2023", "March 2024", "2019:" standing alone as a paragraph or a headline (a
  // short line opens an item: digest_reader.cc), or "2023: ..." and
  // "12 May 2024 - ..." opening one: a timeline's heading, whose date the entries
  // after it take for what they tell without a year. Only one before the report's
  // month counts (the report's own dates need no heading).
  std::optional<DateWithPrecision> TimelineHeading(size_t k) const {
    constexpr int kHeadingTokens = 6;  // "Monday, 12 May 2024:"
    const Sentence& s = out_.sentences[k];
    const std::vector<Token>& t = s.tokens;
    const int n = static_cast<int>(t.size());
    if (n == 0 || !out_.reported.known() ||
        (k > 0 && out_.sentences[k - 1].paragraph == s.paragraph &&
         !out_.sentences[k - 1].headline)) {
      return std::nullopt;
    }
    const bool alone =
        n <= kHeadingTokens && (k + 1 == out_.sentences.size() ||
                                out_.sentences[k + 1].paragraph != s.paragraph);
    if (!alone && (t[0].kind != TokenKind::kNumber && MonthFromWord(t[0].lower) == 0))
      return std::nullopt;
    std::vector<DateMention> dates = FindDates(t, {out_.reported, {}, {}, {}});
    if (dates.empty() || dates[0].begin != 0 || dates[0].kind != DateKind::kAbsolute)
      return std::nullopt;
    const DateMention& d = dates[0];
    if (!StatesYear(t, d)) return std::nullopt;
    // Alone: nothing but the date and its punctuation; opening: a colon or a dash
    // right after it.
    int after = d.end;
    while (after < n && t[after].kind == TokenKind::kPunct &&
           (t[after].text == ":" || IsDash(t[after].text) || t[after].text == ".")) {
      ++after;
    }
    const bool heading = alone ? after == n
                               : after > d.end && after < n &&
                                     (t[d.end].text == ":" || IsDash(t[d.end].text));
    if (!heading) return std::nullopt;
    const DateWithPrecision report_month =
        DateWithPrecision::Month(out_.reported.year, out_.reported.month);
    if (d.date.EndDay() > report_month.FirstDay()) return DateWithPrecision();
    return d.date;
  }

  // The day year-less dates are read against: the reported date, or the last day a
  // timeline's heading covers ("March 4" under "2023" is 2023's).
  DateWithPrecision ReferenceFor(const Sentence& s) const {
    if (!s.heading.known()) return out_.reported;
    return DayFromDays(s.heading.EndDay() - 1);
  }

  void FindSentenceDates(Sentence& s, const DateWithPrecision& previous,
                         const DateWithPrecision& last_stated = DateWithPrecision(),
                         const DateWithPrecision& last_month = DateWithPrecision(),
                         const DateWithPrecision& narrative = DateWithPrecision()) {
    s.dates = FindDates(s.tokens,
                        {ReferenceFor(s), previous, last_stated, last_month, narrative});
    s.dates.erase(std::remove_if(s.dates.begin(), s.dates.end(),
                                 [&](const DateMention& d) {
                                   return s.attribution.Contains(d.begin) ||
                                          s.dateline.Contains(d.begin);
                                 }),
                  s.dates.end());
  }

  // The lead's first day-precise event date, else the report's month.
  // "Done at Gaborone on this 17th day of August 2026": a communique's closing line
  // dates what it records. Unknown when the item has none.
  DateWithPrecision ClosingDate() {
    constexpr int kPlaceWindow = 12;  // "Done at Gaborone, Republic of Botswana, on"
    for (Sentence& s : out_.sentences) {
      const std::vector<Token>& t = s.tokens;
      const int n = static_cast<int>(t.size());
      if (s.headline || n < 4 || !(t[0].LowerIs("done") || t[0].LowerIs("signed")) ||
          !(t[1].LowerIs("at") || t[1].LowerIs("in"))) {
        continue;
      }
      for (int k = 2; k < n && k < kPlaceWindow; ++k) {
        if (!t[k].LowerIs("on")) continue;
        const DateWithPrecision day = DayIn(t, k + 1, n);
        if (day.known()) return day;
      }
    }
    return DateWithPrecision();
  }

  // The headline is a day alone ("TUESDAY, DEC. 30", "Friday, 13 February 2026"):
  // the day of its item's report. True when it is.
  bool DayHeadline() {
    for (const Sentence& s : out_.sentences) {
      if (!s.headline) continue;
      std::vector<DateMention> dates = FindDates(s.tokens, {item_.published, {}});
      // The last date is the day; nothing but it and its weekday.
      if (dates.empty() || dates.back().date.precision != DatePrecision::kDay)
        return false;
      const DateMention& day = dates.back();
      const int n = static_cast<int>(s.tokens.size());
      for (int k = 0; k < n; ++k) {
        const Token& t = s.tokens[k];
        const bool in_date = k >= day.begin && k < day.end;
        if (!in_date && t.kind == TokenKind::kWord && WeekdayFromWord(t.lower) < 0)
          return false;
        if (!in_date && t.kind == TokenKind::kNumber) return false;
      }
      if (item_.published.known() && item_.published.FirstDay() < day.date.FirstDay()) {
        return false;
      }
      out_.reported = day.date;
      return true;
    }
    return false;
  }

  // A paragraph of the body opens with a clock time and a dash ("16:45 - ", "09.05 –"):
  // a live page's entries.
  bool TimedEntries() const {
    for (const Sentence& s : out_.sentences) {
      if (s.headline) continue;
      absl::string_view text = s.text;
      size_t k = 0;
      while (k < text.size() && k < 2 && absl::ascii_isdigit(text[k])) ++k;
      if (k == 0 || k + 3 > text.size() || (text[k] != ':' && text[k] != '.') ||
          !absl::ascii_isdigit(text[k + 1]) || !absl::ascii_isdigit(text[k + 2])) {
        continue;
      }
      absl::string_view rest = absl::StripLeadingAsciiWhitespace(text.substr(k + 3));
      if (absl::StartsWith(rest, "-") || absl::StartsWith(rest, "\xE2\x80\x93") ||
          absl::StartsWith(rest, "\xE2\x80\x94")) {
        return true;
      }
    }
    return false;
  }

  void AssignHeadings() {
    DateWithPrecision heading;
    for (size_t k = 0; k < out_.sentences.size(); ++k) {
      if (std::optional<DateWithPrecision> h = TimelineHeading(k)) heading = *h;
      out_.sentences[k].heading = heading;
    }
  }

  // A byline or a time stamp on a line of its own: "By Ana Costa and Li Wei",
  // "Updated March 11, 2026, 6:42 PM", "Published 3 May 2025".
  static bool StampLine(const Sentence& s) {
    constexpr size_t kBylineWords = 10;
    if (s.tokens.empty()) return false;
    const Token& first = s.tokens[0];
    if (first.LowerIs("updated") || first.LowerIs("published") ||
        first.LowerIs("posted")) {
      return true;
    }
    if (first.LowerIs("last") && s.tokens.size() > 1 && s.tokens[1].LowerIs("updated")) {
      return true;
    }
    return first.text == "By" && s.tokens.size() <= kBylineWords;
  }

  void FindAnchor() {
    out_.anchor = out_.reported.known()
                      ? DateWithPrecision::Month(out_.reported.year, out_.reported.month)
                      : DateWithPrecision();
    if (const DateWithPrecision closing = ClosingDate(); closing.known()) {
      out_.anchor = closing;
    }
    // A dateline on a line of its own ("Bern, 03.02.2026") leads nothing: the lead is
    // the paragraph after it.
    // Nor does a byline or a page's time stamp ("By Ana Costa", "Updated March 11,
    // 2026, 6:42 PM"): the day a page was written or changed is no event of it.
    int lead = 0;
    for (const Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph != lead) continue;
      if ((s.dateline.begin == 0 &&
           s.dateline.end >= static_cast<int>(s.tokens.size()) - 1) ||
          StampLine(s)) {
        lead = s.paragraph + 1;
      }
    }
    for (Sentence& s : out_.sentences) {
      if (s.headline || s.paragraph != lead) continue;
      FindSentenceDates(s, {});
      for (const DateMention& d : s.dates) {
        // "The move came a week after X signed ...": the day counted back to the
        // clause "after" opens is that clause's, not the item's.
        const bool counted_back =
            d.kind == DateKind::kRelative && s.tokens[d.begin].LowerIs("after");
        if (d.date.precision == DatePrecision::kDay && !DatesAnAmount(s.tokens, d) &&
            !counted_back &&
            (!out_.reported.known() || d.date.FirstDay() <= out_.reported.FirstDay())) {
          out_.anchor = d.date;
          return;
        }
      }
      if (!s.attribution.empty()) return;
    }
  }

  const Lexicon& x_;
  const KnownClasses& c_;
  const Gazetteer& g_;
  const DigestItem& item_;
  ItemText out_;
  bool attributed_ = false;
  bool dated_headline_ = false;  // The headline is a place and a day (a dateline).
};

}  // namespace

void AnnotateAndCount(const Lexicon& lexicon, std::vector<Token>& tokens, int64_t* words,
                      int64_t* function_words) {
  for (Token& t : tokens) {
    if (t.kind == TokenKind::kWord) {
      ++*words;
      if (lexicon.IsFunctionWord(t)) ++*function_words;
    }
    lexicon.Annotate(t);
  }
}

ItemText ReadItem(const Knowledge& knowledge, const Gazetteer& gazetteer,
                  const DigestItem& item) {
  return ItemReader(knowledge, gazetteer, item).Run();
}

std::vector<DigestItem> SplitAtParagraphs(const DigestItem& item,
                                          const std::vector<int>& firsts) {
  std::vector<DigestItem> out;
  // Each part copies the item's fields but only its own paragraphs: a copy of them
  // all per part grew as the square of a long list of reports.
  DigestItem shell = item;
  shell.paragraphs.clear();
  for (size_t k = 0; k < firsts.size(); ++k) {
    const size_t end = k + 1 < firsts.size() ? firsts[k + 1] : item.paragraphs.size();
    DigestItem& part = out.emplace_back(shell);
    if (k > 0) part.headline = {};
    part.paragraphs.assign(item.paragraphs.begin() + (k == 0 ? 0 : firsts[k]),
                           item.paragraphs.begin() + end);
  }
  return out;
}

}  // namespace entente::importers::internal
