# Build-time step: turns the files of importers/data/ into one C++ source, so the
# binaries carry what the extractor knows. Run as
#   cmake -DDATA_DIR=... -DOUT=... -P embed_data.cmake
# Every file under DATA_DIR (aliases.tsv, *.txt, frames/*.txt) becomes one entry of
# EmbeddedDataFiles(), named by its path relative to DATA_DIR.
file(GLOB_RECURSE _files RELATIVE "${DATA_DIR}" "${DATA_DIR}/*.txt" "${DATA_DIR}/*.tsv")
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
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
