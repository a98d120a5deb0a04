#include "importers/internal/embedded_data.h"

namespace entente::importers::internal {

absl::string_view EmbeddedDataFile(absl::string_view name) {
  for (const EmbeddedFile& f : EmbeddedDataFiles()) {
    if (f.name == name) return f.content;
  }
  return {};
}

}  // namespace entente::importers::internal
