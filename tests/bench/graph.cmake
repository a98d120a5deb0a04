# Graph benchmarks, the synthetic graph generator and the SIGKILL crash test.
# Included from tests/CMakeLists.txt (only when ENTENTE_BENCH is on).

# The crash test: a child (crash_writer) imports items and is SIGKILLed.
add_executable(crash_writer ${PROJECT_SOURCE_DIR}/tests/crash/crash_writer.cc)
target_link_libraries(crash_writer PRIVATE entente_graph)
entente_compile_options(crash_writer)
entente_test(graph_crash_test SOURCES ${PROJECT_SOURCE_DIR}/tests/crash/crash_test.cc
             LIBS entente_graph)
target_compile_definitions(graph_crash_test PRIVATE
  CRASH_WRITER_PATH="$<TARGET_FILE:crash_writer>")
add_dependencies(graph_crash_test crash_writer)
set_tests_properties(graph_crash_test PROPERTIES TIMEOUT 600)

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
# BM_BulkLoad. Run on demand: ENTENTE_BENCH_RELATIONS=1000000 ./graph_bench
add_executable(graph_bench ${CMAKE_CURRENT_LIST_DIR}/graph_bench.cc)
target_link_libraries(graph_bench PRIVATE entente_graph entente_graph_generator
                      benchmark::benchmark)
entente_compile_options(graph_bench)

# The generator's output must stay loadable by `entente import`.
entente_test(graph_generator_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/graph_generator_test.cc
  LIBS entente_graph_generator)
