// libFuzzer target for the extractor's knowledge compiler: the embedded data files
// with one of them replaced by the input (the first byte picks which), through the
// word-list reader, the lexicon and the frame compiler. A bad file must come back as
// a Status naming it, never a crash, a hang or an ASan/UBSan report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "importers/internal/embedded_data.h"
#include "importers/internal/knowledge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : entente::importers::internal::EmbeddedDataFiles()) {
    files.emplace_back(std::string(file.name), std::string(file.content));
  }
  if (files.empty()) return 0;
  size_t replaced = data[0] % files.size();
  files[replaced].second.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto knowledge = entente::importers::internal::Knowledge::FromFiles(files);
  if (!knowledge.ok() && knowledge.status().message().empty()) __builtin_trap();
  return 0;
}
