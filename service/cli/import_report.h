#ifndef ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_
#define ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_

// The summary `entente import` prints on stdout:
//
//   files      3 (1 rejected)
//   items      37
//   relations  120 new, 3 merged, 0 unchanged
//   entities   45 new
//
// Rejected files and their reasons go to stderr separately.
//
// Thread-safety: pure function.

#include <string>

#include "service/import_pipeline.h"

namespace entente::service::cli {

std::string ImportReport(const ImportCounts& counts);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_IMPORT_REPORT_H_
