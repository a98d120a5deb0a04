# Importers benchmark (ENTENTE_BENCH=ON): BM_ExtractDigests runs the extractor over
# >= 50 MB of digest text built by repeating the development digests.
#   build/tests/extract_bench                     # digests from ENTENTE_SHARED_DIR
#   ENTENTE_BENCH_DIGESTS=/path/to/digests build/tests/extract_bench
add_executable(extract_bench ${CMAKE_CURRENT_LIST_DIR}/extract_bench.cc)
entente_compile_options(extract_bench)
target_link_libraries(extract_bench PRIVATE entente_importers benchmark::benchmark)
entente_allocator(extract_bench)  # Measures the allocator that `entente` ships with.
target_compile_definitions(extract_bench PRIVATE
  ENTENTE_DEFAULT_SHARED_DIR="${ENTENTE_SHARED_DIR}")
