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
set_tests_properties(graph_crash_test PROPERTIES TIMEOUT 300)
