#ifndef ENTENTE_SERVICE_HTTP_INTERNAL_EMBEDDED_PAGE_H_
#define ENTENTE_SERVICE_HTTP_INTERNAL_EMBEDDED_PAGE_H_

// The files of service/http/page/, compiled into the binary by
// embed_page.cmake (the generated embedded_page.cc defines this function).

#include "absl/strings/string_view.h"

namespace entente::service::http::internal {

// The content of page/`name` ("index.html"), or an empty view when there is
// no such file.
absl::string_view EmbeddedPageFile(absl::string_view name);

}  // namespace entente::service::http::internal

#endif  // ENTENTE_SERVICE_HTTP_INTERNAL_EMBEDDED_PAGE_H_
