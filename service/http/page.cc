#include "service/http/page.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "service/http/internal/embedded_page.h"

namespace entente::service::http {
namespace {

const PageFile* ChartJs() {
  // Read once; the package does not change under a running server. The body is
  // held by a static pointer of its own: the PageFile only views it.
  static const std::string* const kBody = []() -> const std::string* {
    std::ifstream in(kChartJsPath, std::ios::binary);
    if (!in) return nullptr;
    std::stringstream content;
    content << in.rdbuf();
    return new std::string(content.str());
  }();
  if (kBody == nullptr) return nullptr;
  static const PageFile kFile{"text/javascript; charset=utf-8", *kBody};
  return &kFile;
}

}  // namespace

const PageFile* FindPageFile(absl::string_view path) {
  static const PageFile kIndex{"text/html; charset=utf-8",
                               internal::EmbeddedPageFile("index.html")};
  static const PageFile kScript{"text/javascript; charset=utf-8",
                                internal::EmbeddedPageFile("app.js")};
  static const PageFile kStyle{"text/css; charset=utf-8",
                               internal::EmbeddedPageFile("app.css")};
  if (path == "/" || absl::StartsWith(path, "/entity/") ||
      absl::StartsWith(path, "/pair/") || absl::StartsWith(path, "/path/")) {
    return &kIndex;
  }
  if (path == "/static/app.js") return &kScript;
  if (path == "/static/app.css") return &kStyle;
  if (path == "/static/chart.js") return ChartJs();
  return nullptr;
}

}  // namespace entente::service::http
