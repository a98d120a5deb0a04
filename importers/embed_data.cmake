# Build-time step: turns data files of importers/data/ into C++ sources, so the
# binaries carry what the importers know. Two modes:
#   cmake -DDATA_DIR=... -DOUT=... -P embed_data.cmake
#     Every file under DATA_DIR (*.txt, *.tsv, frames/*.txt) but GDELT's cameo_*.tsv
#     becomes one entry of EmbeddedDataFiles(), named by its path relative to DATA_DIR.
#   cmake -DIN=... -DOUT=... [-DFUNCTION=Name -DHEADER=path.h] -P embed_data.cmake
#     One file: the source defines `absl::string_view FUNCTION()` returning its
#     content, declared in HEADER (GDELT's CAMEO tables).
if(DEFINED DATA_DIR)
  file(GLOB_RECURSE _files RELATIVE "${DATA_DIR}" "${DATA_DIR}/*.txt" "${DATA_DIR}/*.tsv")
  list(FILTER _files EXCLUDE REGEX "^cameo_")
  list(SORT _files)
  set(_body "")
  set(_table "")
  set(_index 0)
  foreach(_name IN LISTS _files)
    file(READ "${DATA_DIR}/${_name}" _content)
    string(APPEND _body "constexpr char kFile${_index}[] = R\"entente_data(${_content})entente_data\";\n")
    string(APPEND _table "      {\"${_name}\", absl::string_view(kFile${_index}, sizeof(kFile${_index}) - 1)},\n")
    math(EXPR _index "${_index} + 1")
  endforeach()
  file(WRITE "${OUT}.tmp"
    "// Generated from importers/data/ by embed_data.cmake. Do not edit.\n"
    "#include \"importers/internal/embedded_data.h\"\n"
    "namespace entente::importers::internal {\n"
    "namespace {\n"
    "${_body}"
    "}  // namespace\n"
    "absl::Span<const EmbeddedFile> EmbeddedDataFiles() {\n"
    "  static const EmbeddedFile kFiles[] = {\n"
    "${_table}"
    "  };\n"
    "  return kFiles;\n"
    "}\n"
    "}  // namespace entente::importers::internal\n")
else()
  if(NOT DEFINED FUNCTION OR NOT DEFINED HEADER)
    message(FATAL_ERROR "embed_data.cmake: -DIN needs -DFUNCTION and -DHEADER")
  endif()
  get_filename_component(_name "${IN}" NAME)
  file(READ "${IN}" _content)
  file(WRITE "${OUT}.tmp"
    "// Generated from importers/data/${_name} by embed_data.cmake. Do not edit.\n"
    "#include \"${HEADER}\"\n"
    "namespace entente::importers::internal {\n"
    "absl::string_view ${FUNCTION}() {\n"
    "  static constexpr char kTable[] = R\"entente_tsv(${_content})entente_tsv\";\n"
    "  return absl::string_view(kTable, sizeof(kTable) - 1);\n"
    "}\n"
    "}  // namespace entente::importers::internal\n")
endif()
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
