# Warning and sanitizer flags applied to every target of ours (not to generated code).
function(entente_compile_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wno-missing-field-initializers)
  if(ENTENTE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# entente_allocator(target): links an executable with the faster allocator when the
# build has one (ENTENTE_TCMALLOC); it then replaces malloc and operator new process-wide.
function(entente_allocator target)
  if(TARGET PkgConfig::TCMALLOC)
    target_link_libraries(${target} PRIVATE PkgConfig::TCMALLOC)
  endif()
endfunction()

if(ENTENTE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# entente_test(NAME SOURCES... LIBS ...): a GoogleTest binary registered with ctest.
function(entente_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  entente_compile_options(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT
    "ENTENTE_SHARED_DIR=${ENTENTE_SHARED_DIR};ENTENTE_SOURCE_DIR=${PROJECT_SOURCE_DIR};ENTENTE_ISO_CODES_DIR=${ENTENTE_ISO_CODES_DIR}")
endfunction()
