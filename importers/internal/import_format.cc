#include "importers/internal/import_format.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/import_source.h"

namespace entente::importers::internal {

absl::StatusOr<ImportFormat> DetectImportFormat(absl::string_view document,
                                                absl::string_view bytes) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(bytes);
  if (absl::StartsWith(trimmed, "\xEF\xBB\xBF")) trimmed.remove_prefix(3);  // BOM
  if (trimmed.empty())
    return absl::InvalidArgumentError(absl::StrCat(document, ": empty file"));
  size_t nul = bytes.find('\0');
  if (nul != absl::string_view::npos) {
    int line = 1;
    for (size_t i = 0; i < nul; ++i) line += bytes[i] == '\n';
    return absl::InvalidArgumentError(
        absl::StrCat(document, ":", line, ": binary data (NUL byte), not a digest"));
  }
  if (trimmed.front() != '{') return ImportFormat::kTextDigest;
  absl::string_view first = trimmed.substr(0, trimmed.find('\n'));
  // Keys in any order; a relation line names its type and source endpoint.
  if (absl::StrContains(first, "\"type\"") && absl::StrContains(first, "\"source\"")) {
    return ImportFormat::kRelationLines;
  }
  return ImportFormat::kJsonItems;
}

absl::StatusOr<std::string> ReadFileBounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::streamoff size = in.tellg();
  if (size < 0) return absl::InvalidArgumentError(absl::StrCat(path, ": cannot read"));
  if (size > kMaxImportFileBytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": ", size, " bytes is more than the limit of ", kMaxImportFileBytes));
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (!in) return absl::DataLossError(absl::StrCat(path, ": short read"));
  return bytes;
}

}  // namespace entente::importers::internal
