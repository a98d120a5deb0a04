# Build-time step: turns importers/data/aliases.tsv into a C++ source so the
# binaries are self-contained. Run as `cmake -DIN=... -DOUT=... -P embed_data.cmake`.
file(READ "${IN}" _content)
file(WRITE "${OUT}.tmp"
  "// Generated from importers/data/aliases.tsv by embed_data.cmake. Do not edit.\n"
  "#include \"importers/internal/alias_data.h\"\n"
  "namespace entente::importers::internal {\n"
  "absl::string_view EmbeddedAliasTable() {\n"
  "  static constexpr char kTable[] = R\"entente_tsv(${_content})entente_tsv\";\n"
  "  return absl::string_view(kTable, sizeof(kTable) - 1);\n"
  "}\n"
  "}  // namespace entente::importers::internal\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
