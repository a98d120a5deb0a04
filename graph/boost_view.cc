#include "graph/boost_view.h"

#include "boost/graph/connected_components.hpp"

namespace entente::graph {

absl::StatusOr<Components> ConnectedComponents(const GraphView& view,
                                               const ViewFilter& filter) {
  Components out;
  out.component.assign(view.vertex_count(), Components::kUnreached);
  absl::Status status = RunBoost("connected_components", [&] {
    FilteredView g = FilterView(view, filter);
    out.count = boost::connected_components(
        g, boost::make_iterator_property_map(out.component.begin(),
                                             get(boost::vertex_index, view)));
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace entente::graph
