#ifndef ENTENTE_SERVICE_HTTP_PAGE_H_
#define ENTENTE_SERVICE_HTTP_PAGE_H_

// The analyst's page: one HTML page, a style sheet and a script (page/,
// compiled into the binary), plus Debian's Chart.js. Every view is a URL that
// renders when opened directly; the script reads the URL and asks the JSON API
// (api.h) for what the view shows:
//   /                         search box (suggestions from SearchEntities) and
//                             the live feed of new relations (WatchRelations)
//   /entity/{id}              monthly timeline chart stacked by relation type,
//                             type and window filters, relations with sources,
//                             pages by next_page_token
//   /pair/{id}/{id}           the two entities' shared timeline
//   /path/{from}/{to}?k=3     k paths drawn as SVG; clicking an edge shows its
//                             sources
//
// Thread-safety: thread-safe.

#include "absl/strings/string_view.h"

namespace entente::service::http {

struct PageFile {
  absl::string_view content_type;
  absl::string_view body;
};

// Where Debian's libjs-chart.js puts Chart.js.
inline constexpr char kChartJsPath[] = "/usr/share/javascript/chart.js/chart.min.js";

// The file served at `path` ("/", "/entity/country:PAK", "/static/app.js",
// "/static/chart.js"), or null when there is none. /static/chart.js is read
// from kChartJsPath once; it is null when the package is not installed (the
// page then shows the timeline as a table).
const PageFile* FindPageFile(absl::string_view path);

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_PAGE_H_
