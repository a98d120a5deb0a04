// libFuzzer target for the importers: any bytes through format detection, the
// text and JSON Lines readers, the extractor and the relation JSONL codec.
// Nothing may crash, hang or trip ASan/UBSan; bad input must be a Status.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "absl/strings/string_view.h"
#include "importers/extractor.h"
#include "importers/gazetteer.h"
#include "importers/import_source.h"
#include "importers/relation_jsonl.h"

namespace {

const entente::importers::Extractor& SharedExtractor() {
  static const entente::importers::Extractor* extractor = [] {
    auto gazetteer =
        entente::importers::Gazetteer::Load(entente::importers::DefaultIsoCodesDir());
    if (!gazetteer.ok()) std::abort();
    auto created = entente::importers::Extractor::Create(std::move(*gazetteer));
    if (!created.ok()) std::abort();
    return created->release();
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  entente::importers::ImportOptions options;
  options.published = entente::graph::DateWithPrecision::Day(2026, 2, 6);
  int64_t relations = 0;
  auto stats = entente::importers::ReadImportBytes(
      SharedExtractor(), "fuzz", bytes, options,
      [&](entente::importers::ImportUnit&& unit) {
        for (const auto& r : unit.relations) {
          // Every relation must survive the JSONL round trip.
          auto back = entente::importers::RelationFromJsonLine(
              entente::importers::RelationToJsonLine(r));
          if (!back.ok() || !(*back == r)) std::abort();
          ++relations;
        }
        return absl::OkStatus();
      });
  (void)stats;
  (void)entente::importers::RelationFromJsonLine(bytes);
  return 0;
}
