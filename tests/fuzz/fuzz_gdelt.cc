// libFuzzer target for the GDELT reader: any bytes through compression
// detection (zip, gzip, plain), row checks, CAMEO mapping, fact merging and
// the second pass. The first byte picks the options: bit 0 skip_bad_rows,
// bit 1 a memory budget of one byte (every mapped row overflows it, so the
// file is read twice). Nothing may crash, hang or trip ASan/UBSan; bad input
// must be a Status; every relation must be well formed and survive the
// relation JSON Lines round trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "absl/strings/string_view.h"
#include "importers/gazetteer.h"
#include "importers/gdelt_reader.h"
#include "importers/relation_jsonl.h"

namespace {

const entente::importers::GdeltReader& SharedReader() {
  static const entente::importers::GdeltReader* reader = [] {
    auto gazetteer =
        entente::importers::Gazetteer::Load(entente::importers::DefaultIsoCodesDir());
    if (!gazetteer.ok()) std::abort();
    auto created = entente::importers::GdeltReader::Create(**gazetteer);
    if (!created.ok()) std::abort();
    return created->release();
  }();
  return *reader;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  entente::importers::GdeltReadOptions options;
  options.skip_bad_rows = (data[0] & 1) != 0;
  if ((data[0] & 2) != 0) options.memory_bytes = 1;
  options.relations_per_unit = 1 + data[0] % 7;
  absl::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  int64_t relations = 0;
  auto counts = SharedReader().ReadBytes(
      "fuzz", bytes, options, [&](entente::importers::ImportUnit&& unit) {
        if (unit.relations.empty() ||
            unit.relations.size() > options.relations_per_unit) {
          std::abort();
        }
        for (const auto& r : unit.relations) {
          if (r.source.id.empty() || r.source.id == r.target.id || r.provenance.empty() ||
              !r.date.known()) {
            std::abort();
          }
          auto back = entente::importers::RelationFromJsonLine(
              entente::importers::RelationToJsonLine(r));
          if (!back.ok() || !(*back == r)) std::abort();
          ++relations;
        }
        return absl::OkStatus();
      });
  if (counts.ok()) {
    // Every row is counted once: mapped or skipped for one reason.
    if (counts->rows_mapped + counts->skipped() != counts->rows) std::abort();
    if (relations != counts->relations()) std::abort();
  }
  return 0;
}
