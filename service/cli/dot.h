#ifndef ENTENTE_SERVICE_CLI_DOT_H_
#define ENTENTE_SERVICE_CLI_DOT_H_

// Graphviz output for `entente path --dot` and `entente neighbors --dot`, so
// that `entente path A B --dot | dot -Tsvg > path.svg` draws the answer.
//
//   digraph entente {
//     rankdir=LR;
//     node [shape=box, style=rounded];
//     "country:PAK" [label="Pakistan"];
//     "country:KAZ" [label="Kazakhstan"];
//     "country:PAK" -> "country:KAZ" [label="partnership\n2026-02-04", dir=none];
//   }
//
// Symmetric relations are drawn without an arrow head (dir=none). Nodes and
// edges are written once each, in insertion order; ids and labels are quoted
// and escaped, so any name is safe.
//
// Thread-safety: not thread-safe; a value type.

#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace entente::service::cli {

class DotGraph {
 public:
  // Adds a node once; later calls with the same id are ignored.
  void AddNode(absl::string_view id, absl::string_view label, absl::string_view kind);
  // Adds an edge labelled "type\ndate" (date may be empty). `key` identifies
  // the edge (the relation id); an edge whose key was already added is ignored.
  // A key that is not empty is also the edge's Graphviz id, so that an SVG drawn
  // from the graph names each edge's relation (<g id="KEY" class="edge">).
  void AddEdge(absl::string_view key, absl::string_view from, absl::string_view to,
               absl::string_view type, absl::string_view date, bool directed);

  // Adds an edge drawn with Graphviz attributes of its own ("label=..., color=...").
  void AddStyledEdge(absl::string_view key, absl::string_view from, absl::string_view to,
                     absl::string_view attributes);
  // Adds lines drawn after the edges (a legend).
  void AddTrailer(absl::string_view lines);

  std::string Render() const;

 private:
  std::set<std::string, std::less<>> node_ids_;
  std::set<std::string, std::less<>> edge_keys_;
  std::vector<std::string> node_lines_;
  std::vector<std::string> edge_lines_;
  std::string trailer_;
};

// `text` as a Graphviz quoted string: "a \"b\"" (backslash and quote escaped,
// newlines as \n).
std::string DotQuote(absl::string_view text);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_DOT_H_
