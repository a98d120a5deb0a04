#include "service/cli/import_report.h"

#include "absl/strings/str_cat.h"

namespace entente::service::cli {

std::string ImportReport(const ImportCounts& counts) {
  std::string files = absl::StrCat(counts.documents);
  if (counts.documents_rejected > 0) {
    absl::StrAppend(&files, " (", counts.documents_rejected, " rejected)");
  }
  return absl::StrCat("files      ", files, "\n",                     //
                      "items      ", counts.items, "\n",              //
                      "relations  ", counts.relations_new, " new, ",  //
                      counts.relations_merged, " merged, ", counts.relations_unchanged,
                      " unchanged\n",  //
                      "entities   ", counts.entities_new, " new\n");
}

}  // namespace entente::service::cli
