# Graph benchmarks and the synthetic graph generator.
# Included from tests/CMakeLists.txt (only when ENTENTE_BENCH is on).

# The seeded synthetic graph generator (library + JSON Lines writer binary).
add_library(entente_graph_generator ${CMAKE_CURRENT_LIST_DIR}/graph_generator.cc)
# Lines are written by the importers' RelationToJsonLine: one writer of the format.
target_link_libraries(entente_graph_generator PUBLIC entente_graph_model entente_importers
                      absl::str_format)
entente_compile_options(entente_graph_generator)
add_executable(graph_generate ${CMAKE_CURRENT_LIST_DIR}/graph_generate_main.cc)
target_link_libraries(graph_generate PRIVATE entente_graph_generator)
entente_compile_options(graph_generate)

# BM_ShortestPath, BM_KShortest5, BM_TimelinePage50, BM_OpenToFirstPath,
# BM_BulkLoad, and the analytics: BM_TieGraph, BM_Rank, BM_Blocs,
# BM_StrongestPath(s5), BM_ConnectedComponents. Run on demand: ENTENTE_BENCH_RELATIONS=1000000 ./graph_bench
add_executable(graph_bench ${CMAKE_CURRENT_LIST_DIR}/graph_bench.cc)
target_link_libraries(graph_bench PRIVATE entente_graph entente_graph_generator
                      benchmark::benchmark)
entente_compile_options(graph_bench)

# The generator's output must stay loadable by `entente import`.
entente_test(graph_generator_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/graph_generator_test.cc
  LIBS entente_graph_generator)
