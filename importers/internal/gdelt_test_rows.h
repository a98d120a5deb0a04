#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ROWS_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ROWS_H_

// Test-only: GDELT event rows built field by field, in the 2.0 layout (61
// columns) or the 1.0 ones (57, 58), with the columns Entente does not read
// filled as GDELT fills them.
//
// Thread-safety: plain values.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace entente::importers::testing {

struct GdeltTestRow {
  int columns = 61;
  std::string event_id = "1000";
  std::string day = "20150218";
  std::string actor1_code = "USAGOV";
  std::string actor1_country = "USA";
  std::string actor1_type = "GOV";
  std::string actor2_code = "RUS";
  std::string actor2_country = "RUS";
  std::string actor2_type;
  std::string event_code = "042";
  std::string goldstein = "1.9";
  std::string mentions = "5";
  std::string sources = "1";
  std::string articles = "5";
  std::string tone = "2.5";
  std::string date_added = "20150218230000";  // YYYYMMDD for 1.0 layouts.
  std::string url = "http://www.example.com/news/1";

  // The row as one line, without its line break.
  std::string Line() const {
    const absl::string_view day_view = day;
    std::vector<std::string> c(columns);
    c[0] = event_id;
    c[1] = day;
    c[2] = std::string(day_view.substr(0, 6));
    c[3] = std::string(day_view.substr(0, 4));
    c[4] = absl::StrCat(day_view.substr(0, 4), ".1315");
    c[5] = actor1_code;
    c[6] = actor1_code.empty() ? "" : "ACTOR ONE";
    c[7] = actor1_country;
    c[12] = actor1_type;
    c[15] = actor2_code;
    c[16] = actor2_code.empty() ? "" : "ACTOR TWO";
    c[17] = actor2_country;
    c[22] = actor2_type;
    c[25] = "1";
    c[26] = event_code;
    c[27] = std::string(absl::string_view(event_code).substr(0, 3));
    c[28] = std::string(absl::string_view(event_code).substr(0, 2));
    c[29] = "1";
    c[30] = goldstein;
    c[31] = mentions;
    c[32] = sources;
    c[33] = articles;
    c[34] = tone;
    c[35] = "4";
    c[36] = "Moscow, Moskva, Russia";
    if (columns == 61) {
      c[59] = date_added;
      c[60] = url;
    } else if (columns >= 57) {
      c[56] = date_added;
      if (columns == 58) c[57] = url;
    }
    return absl::StrJoin(c, "\t");
  }
};

// Rows as a file's content, one per line.
inline std::string GdeltFile(const std::vector<GdeltTestRow>& rows) {
  std::string out;
  for (const GdeltTestRow& row : rows) out += row.Line() + "\n";
  return out;
}

}  // namespace entente::importers::testing

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ROWS_H_
