# The service load benchmark (on demand, never in ctest): an asynchronous gRPC
# client driving `entente serve` with timeline and path queries (and an HTTP
# client for the JSON API's timelines), plus a soak of mixed reads during an import. See load_bench.cc for the commands.

# Its command line, on the parser of the `entente` commands; unit-tested (that test
# runs no load).
add_library(entente_load_flags ${CMAKE_CURRENT_LIST_DIR}/load_flags.cc)
target_link_libraries(entente_load_flags PUBLIC entente_cli_core)
entente_compile_options(entente_load_flags)
entente_test(load_flags_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/load_flags_test.cc
  LIBS entente_load_flags)

if(TARGET entente_integration_client AND TARGET entente_graph_generator)
  add_executable(load_bench ${CMAKE_CURRENT_LIST_DIR}/load_bench.cc
    ${CMAKE_CURRENT_LIST_DIR}/load_client.cc ${CMAKE_CURRENT_LIST_DIR}/http_load_client.cc)
  target_link_libraries(load_bench PRIVATE entente_integration_client entente_graph
    entente_graph_generator entente_proto entente_load_flags gRPC::grpc++
    absl::flat_hash_map Boost::headers Threads::Threads)
  entente_compile_options(load_bench)
  if(TARGET entente)
    target_compile_definitions(load_bench PRIVATE LOAD_BENCH_ENTENTE="$<TARGET_FILE:entente>")
    add_dependencies(load_bench entente)
  else()
    target_compile_definitions(load_bench PRIVATE
      LOAD_BENCH_ENTENTE="$<TARGET_FILE:entente_test_server>")
    add_dependencies(load_bench entente_test_server)
  endif()
endif()
