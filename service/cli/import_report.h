#ifndef ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_
#define ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_

// The summary `entente import` prints on stdout:
//
//   files      3 (1 rejected)
//   items      37
//   relations  120 new, 3 merged, 0 unchanged
//   entities   45 new
//
// When GDELT event files were read, their rows are counted between "files"
// and "relations" ("items" stays only when digest items were imported too):
//
//   files      1
//   rows       2271 GDELT rows: 92 mapped to relations, 2179 skipped
//   mapped     32 relations: 19 visit, 13 meeting
//   skipped    1697 event code not a relation, by root: 01 238, 02 141, ...
//              0 unknown country code, 132 no party, 334 one party, 16 same party
//   bad rows   2 left out (Day 1, EventCode 1)           (with --skip-bad-rows)
//   memory     1 file(s) outgrew --memory-mb and were read twice   (if any)
//   relations  32 new, 0 merged, 0 unchanged
//   entities   36 new
//
// Rejected files and their reasons go to stderr separately. ImportReportJson
// says the same as one JSON object on one line, for scripts.
//
// Thread-safety: pure functions.

#include <string>

#include "service/import_pipeline.h"

namespace entente::service::cli {

std::string ImportReport(const ImportCounts& counts);

// {"files":3,"files_rejected":1,"items":37,"relations":{"new":120,"merged":3,
//  "unchanged":0},"entities_new":45,"rejected":[{"file":"x","reason":"..."}],
//  "gdelt":{...}}: "gdelt" only when GDELT rows were read, with "rows",
// "rows_mapped", "relations" (by type), "skipped" ("not_a_relation" by root
// code "01".."20", "unknown_country", "no_party", "one_party", "same_party"),
// "bad_rows" (by field) and "files_read_twice".
std::string ImportReportJson(const ImportCounts& counts);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_
