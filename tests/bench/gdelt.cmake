# The GDELT import benchmark: a seeded generator of GDELT-shaped event files and
# BM_GdeltReadAndMap (reading and mapping rows on one core). Included from
# tests/CMakeLists.txt (only when ENTENTE_BENCH is on). The end-to-end figure
# (file to queryable store) is `entente import --bulk` of the generator's output;
# the README's benchmark section has the commands.
add_library(entente_gdelt_generator ${CMAKE_CURRENT_LIST_DIR}/gdelt_generator.cc)
target_link_libraries(entente_gdelt_generator PUBLIC entente_graph_model absl::strings
                      absl::str_format)
entente_compile_options(entente_gdelt_generator)

add_executable(gdelt_generate ${CMAKE_CURRENT_LIST_DIR}/gdelt_generate_main.cc)
target_link_libraries(gdelt_generate PRIVATE entente_gdelt_generator)
entente_compile_options(gdelt_generate)

# Run on demand: ENTENTE_BENCH_GDELT_ROWS=1000000 build/tests/gdelt_bench
add_executable(gdelt_bench ${CMAKE_CURRENT_LIST_DIR}/gdelt_bench.cc)
target_link_libraries(gdelt_bench PRIVATE entente_gdelt_generator entente_importers
                      benchmark::benchmark ZLIB::ZLIB PkgConfig::LIBZIP)
entente_compile_options(gdelt_bench)

# The generator's rows must stay GDELT rows, with the shares its header promises.
entente_test(gdelt_generator_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/gdelt_generator_test.cc
  LIBS entente_gdelt_generator entente_importers)
