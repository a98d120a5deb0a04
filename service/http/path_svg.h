#ifndef ENTENTE_SERVICE_HTTP_PATH_SVG_H_
#define ENTENTE_SERVICE_HTTP_PATH_SVG_H_

// The paths of a FindPaths answer drawn as SVG: the CLI's DOT graph
// (service/cli/render.h PathsDot: entities as nodes, each relation an edge
// labelled "type\ndate") laid out by Graphviz's library. Each edge is an
// <g id="RELATION_ID" class="edge"> so that a page can show the sources of the
// edge that was clicked; each node's <title> is its entity id.
//
// Thread-safety: thread-safe (Graphviz is not; calls are serialized inside).

#include <string>

#include "absl/status/statusor.h"
#include "entente/v1/graph_service.pb.h"

namespace entente::service::http {

// Internal if Graphviz cannot read or lay out the graph.
absl::StatusOr<std::string> PathsSvg(const v1::FindPathsResponse& response);

}  // namespace entente::service::http

#endif  // ENTENTE_SERVICE_HTTP_PATH_SVG_H_
