#include "service/http/path_svg.h"

#include <graphviz/gvc.h>

#include "absl/base/attributes.h"
#include "absl/cleanup/cleanup.h"
#include "absl/synchronization/mutex.h"
#include "service/cli/render.h"

namespace entente::service::http {
namespace {

ABSL_CONST_INIT absl::Mutex graphviz_mutex(absl::kConstInit);

}  // namespace

absl::StatusOr<std::string> PathsSvg(const v1::FindPathsResponse& response) {
  const std::string dot = cli::PathsDot(response);
  absl::MutexLock lock(&graphviz_mutex);
  // One context for the process, never freed: Graphviz's text layout caches a
  // pointer to the last font name, which belongs to the context's font table, so
  // freeing a context after each call left the next call reading freed memory
  // (AddressSanitizer, heap-use-after-free in the pango plugin). Each graph's
  // layout is freed after its call.
  static GVC_t* const context = gvContext();
  Agraph_t* graph = agmemread(dot.c_str());
  if (graph == nullptr) return absl::InternalError("Graphviz cannot read the path graph");
  absl::Cleanup close_graph = [graph] { agclose(graph); };
  if (gvLayout(context, graph, "dot") != 0) {
    return absl::InternalError("Graphviz cannot lay out the path graph");
  }
  absl::Cleanup free_layout = [graph] { gvFreeLayout(context, graph); };
  char* data = nullptr;
  unsigned int size = 0;
  if (gvRenderData(context, graph, "svg", &data, &size) != 0 || data == nullptr) {
    return absl::InternalError("Graphviz cannot draw the path graph as SVG");
  }
  std::string svg(data, size);
  gvFreeRenderData(data);
  return svg;
}

}  // namespace entente::service::http
