# Build-time step: turns a data file of importers/data/ into a C++ source so the
# binaries are self-contained. Run as
#   cmake -DIN=... -DOUT=... [-DFUNCTION=Name -DHEADER=path.h] -P embed_data.cmake
# The source defines `absl::string_view FUNCTION()` returning the file's content,
# declared in HEADER; the defaults are those of importers/data/aliases.tsv.
if(NOT DEFINED FUNCTION)
  set(FUNCTION EmbeddedAliasTable)
endif()
if(NOT DEFINED HEADER)
  set(HEADER importers/internal/alias_data.h)
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
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
