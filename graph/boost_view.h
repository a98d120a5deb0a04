#ifndef ENTENTE_GRAPH_BOOST_VIEW_H_
#define ENTENTE_GRAPH_BOOST_VIEW_H_

// GraphView as a Boost.Graph graph, without copying it: the graph_traits
// below make a GraphView an undirected VertexListGraph, IncidenceGraph and
// AdjacencyGraph, so that Boost's algorithms run over the CSR arrays
// directly.
//
//   vertex_descriptor  uint32_t, the view's vertex number (0..vertex_count()-1)
//   edge_descriptor    ViewEdge: the vertex whose adjacency lists the entry,
//                      and the AdjacentEdge entry itself (a pointer into the
//                      view). Two descriptors of one relation (one from each
//                      endpoint) compare equal: equality is by relation.
//   vertex_index       identity; edge_index: the relation's index in the view
//                      (AdjacentEdge::edge, 0..relation_count()-1).
//
// Parallel relations are parallel edges; a self-loop is listed once. The
// graph is undirected: paths and components ignore a relation's direction,
// as the path finder does.
//
// ViewFilter restricts the view to relations passing an EdgeFilter (types,
// time window, known-as-of) and to vertices of some kinds, as a
// boost::filtered_graph (FilteredView); FilterView() builds one.
//
// Boost's algorithms report some failures by throwing (negative weights,
// bad graphs, allocation). RunBoost is the one place those exceptions become
// an absl::Status; every call into Boost.Graph from entente goes through it.
//
// Thread-safety: descriptors and filters only read the view; any number of
// threads may run algorithms over one view at once.

#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <new>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "boost/graph/filtered_graph.hpp"
#include "boost/graph/graph_traits.hpp"
#include "boost/graph/properties.hpp"
#include "boost/iterator/counting_iterator.hpp"
#include "boost/iterator/iterator_facade.hpp"
#include "boost/property_map/property_map.hpp"
#include "graph/graph_view.h"

namespace entente::graph {

// One relation as seen from `from` (one of its endpoints).
struct ViewEdge {
  uint32_t from = 0;
  const AdjacentEdge* entry = nullptr;

  uint32_t to() const { return entry->neighbor; }
  friend bool operator==(const ViewEdge& a, const ViewEdge& b) {
    return a.entry == b.entry ||
           (a.entry != nullptr && b.entry != nullptr && a.entry->edge == b.entry->edge);
  }
  friend bool operator!=(const ViewEdge& a, const ViewEdge& b) { return !(a == b); }
};

// Iterates the adjacency entries of one vertex as ViewEdges.
class ViewOutEdgeIterator
    : public boost::iterator_facade<ViewOutEdgeIterator, ViewEdge,
                                    std::random_access_iterator_tag, ViewEdge> {
 public:
  ViewOutEdgeIterator() = default;
  ViewOutEdgeIterator(uint32_t from, const AdjacentEdge* entry)
      : from_(from), entry_(entry) {}

 private:
  friend class boost::iterator_core_access;
  ViewEdge dereference() const { return {from_, entry_}; }
  bool equal(const ViewOutEdgeIterator& other) const { return entry_ == other.entry_; }
  void increment() { ++entry_; }
  void decrement() { --entry_; }
  void advance(std::ptrdiff_t n) { entry_ += n; }
  std::ptrdiff_t distance_to(const ViewOutEdgeIterator& other) const {
    return other.entry_ - entry_;
  }

  uint32_t from_ = 0;
  const AdjacentEdge* entry_ = nullptr;
};

// Iterates the neighbours of one vertex (once per relation, as Boost's
// adjacency iterators do for parallel edges).
class ViewAdjacencyIterator
    : public boost::iterator_facade<ViewAdjacencyIterator, uint32_t,
                                    std::random_access_iterator_tag, uint32_t> {
 public:
  ViewAdjacencyIterator() = default;
  explicit ViewAdjacencyIterator(const AdjacentEdge* entry) : entry_(entry) {}

 private:
  friend class boost::iterator_core_access;
  uint32_t dereference() const { return entry_->neighbor; }
  bool equal(const ViewAdjacencyIterator& other) const { return entry_ == other.entry_; }
  void increment() { ++entry_; }
  void decrement() { --entry_; }
  void advance(std::ptrdiff_t n) { entry_ += n; }
  std::ptrdiff_t distance_to(const ViewAdjacencyIterator& other) const {
    return other.entry_ - entry_;
  }

  const AdjacentEdge* entry_ = nullptr;
};

struct ViewTraversalCategory : boost::vertex_list_graph_tag,
                               boost::incidence_graph_tag,
                               boost::adjacency_graph_tag {};

// The filter a FilteredView applies: relations passing `edges` whose both
// ends have a kind in `kinds` (bit 1 << EntityKind; 0 = every kind).
struct ViewFilter {
  EdgeFilter edges;
  uint32_t kinds = 0;

  bool KeepsKind(EntityKind kind) const {
    return kinds == 0 || (kinds & (uint32_t{1} << static_cast<uint32_t>(kind))) != 0;
  }
};

}  // namespace entente::graph

namespace boost {

template <>
struct graph_traits<entente::graph::GraphView> {
  using vertex_descriptor = uint32_t;
  using edge_descriptor = entente::graph::ViewEdge;
  using directed_category = undirected_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = entente::graph::ViewTraversalCategory;
  using vertex_iterator = counting_iterator<uint32_t>;
  using out_edge_iterator = entente::graph::ViewOutEdgeIterator;
  using adjacency_iterator = entente::graph::ViewAdjacencyIterator;
  using degree_size_type = uint64_t;
  using vertices_size_type = uint32_t;
  using edges_size_type = uint64_t;
  // Not an EdgeListGraph or BidirectionalGraph; Boost checks these exist.
  using in_edge_iterator = void;
  using edge_iterator = void;

  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

}  // namespace boost

namespace entente::graph {

// The Boost.Graph free functions, found by argument-dependent lookup.
inline uint32_t num_vertices(const GraphView& g) {
  return static_cast<uint32_t>(g.vertex_count());
}
inline std::pair<boost::counting_iterator<uint32_t>, boost::counting_iterator<uint32_t>>
vertices(const GraphView& g) {
  return {boost::counting_iterator<uint32_t>(0),
          boost::counting_iterator<uint32_t>(num_vertices(g))};
}
inline std::pair<ViewOutEdgeIterator, ViewOutEdgeIterator> out_edges(uint32_t v,
                                                                     const GraphView& g) {
  absl::Span<const AdjacentEdge> edges = g.Edges(v);
  return {ViewOutEdgeIterator(v, edges.data()),
          ViewOutEdgeIterator(v, edges.data() + edges.size())};
}
inline std::pair<ViewAdjacencyIterator, ViewAdjacencyIterator> adjacent_vertices(
    uint32_t v, const GraphView& g) {
  absl::Span<const AdjacentEdge> edges = g.Edges(v);
  return {ViewAdjacencyIterator(edges.data()),
          ViewAdjacencyIterator(edges.data() + edges.size())};
}
inline uint64_t out_degree(uint32_t v, const GraphView& g) { return g.Edges(v).size(); }
inline uint64_t degree(uint32_t v, const GraphView& g) { return g.Edges(v).size(); }
inline uint32_t source(const ViewEdge& e, const GraphView&) { return e.from; }
inline uint32_t target(const ViewEdge& e, const GraphView&) { return e.to(); }

// edge_index: the relation's index in the view.
struct ViewEdgeIndexMap {
  using key_type = ViewEdge;
  using value_type = uint32_t;
  using reference = uint32_t;
  using category = boost::readable_property_map_tag;
};
inline uint32_t get(ViewEdgeIndexMap, const ViewEdge& e) { return e.entry->edge; }

// Keeps the relations a ViewFilter passes.
struct ViewEdgePredicate {
  const ViewFilter* filter = nullptr;
  const GraphView* view = nullptr;
  bool operator()(const ViewEdge& e) const {
    return filter->edges.Passes(*e.entry) && filter->KeepsKind(view->KindOf(e.from)) &&
           filter->KeepsKind(e.entry->neighbor_kind);
  }
};

// Keeps the vertices of the ViewFilter's kinds.
struct ViewVertexPredicate {
  const ViewFilter* filter = nullptr;
  const GraphView* view = nullptr;
  bool operator()(uint32_t v) const { return filter->KeepsKind(view->KindOf(v)); }
};

using FilteredView =
    boost::filtered_graph<GraphView, ViewEdgePredicate, ViewVertexPredicate>;

// A filtered graph over `view`; keeps pointers to both arguments, which must
// outlive it.
inline FilteredView FilterView(const GraphView& view, const ViewFilter& filter) {
  return FilteredView(view, ViewEdgePredicate{&filter, &view},
                      ViewVertexPredicate{&filter, &view});
}

// Runs `body` (which calls Boost.Graph and returns an absl::Status) and turns
// anything it throws into a status: std::bad_alloc is ResourceExhausted,
// boost::bad_graph and its kin (negative weights, not a DAG, ...) and every
// other exception Internal, naming `what` (the algorithm) and the exception's
// message.
template <typename Body>
absl::Status RunBoost(absl::string_view what, Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(absl::StrCat(what, ": out of memory"));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat(what, ": ", e.what()));
  } catch (...) {
    return absl::InternalError(absl::StrCat(what, ": unknown exception"));
  }
}

}  // namespace entente::graph

namespace boost {

template <>
struct property_map<entente::graph::GraphView, vertex_index_t> {
  using type = typed_identity_property_map<uint32_t>;
  using const_type = type;
};
template <>
struct property_map<entente::graph::GraphView, edge_index_t> {
  using type = entente::graph::ViewEdgeIndexMap;
  using const_type = type;
};

}  // namespace boost

namespace entente::graph {

inline boost::typed_identity_property_map<uint32_t> get(boost::vertex_index_t,
                                                        const GraphView&) {
  return {};
}
inline ViewEdgeIndexMap get(boost::edge_index_t, const GraphView&) { return {}; }

// The connected components of the filtered view: component[v] for every view
// vertex (kUnreached for vertices the filter drops) and their count.
struct Components {
  static constexpr uint32_t kUnreached = UINT32_MAX;
  std::vector<uint32_t> component;
  uint32_t count = 0;
};
// Boost's connected_components over FilterView(view, filter).
absl::StatusOr<Components> ConnectedComponents(const GraphView& view,
                                               const ViewFilter& filter);

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_BOOST_VIEW_H_
