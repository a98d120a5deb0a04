#include "tests/integration/digest_import.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace entente::testing {

std::vector<std::string> DevelopmentDigests() {
  const char* shared = std::getenv("ENTENTE_SHARED_DIR");
  std::vector<std::string> paths;
  if (shared == nullptr) return paths;
  std::filesystem::path dir = std::filesystem::path(shared) / "data" / "digests";
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    std::string path = entry.path().string();
    if (absl::EndsWith(path, ".txt")) paths.push_back(path);
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string PublishedFromName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() < 10 || name[4] != '-' || name[7] != '-') return "";
  return name.substr(0, 10);
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

grpc::Status ImportFiles(v1::GraphService::Stub* stub,
                         const std::vector<std::string>& paths, const std::string& token,
                         v1::ImportDigestsResponse* response, size_t chunk_bytes) {
  grpc::ClientContext context;
  if (!token.empty())
    context.AddMetadata("authorization", absl::StrCat("Bearer ", token));
  auto writer = stub->ImportDigests(&context, response);
  for (const std::string& path : paths) {
    std::string text = ReadWholeFile(path);
    std::string name = std::filesystem::path(path).filename().string();
    size_t offset = 0;
    do {
      v1::ImportDigestsRequest request;
      v1::DigestDocument* document = request.mutable_document();
      document->set_name(name);
      document->set_published(PublishedFromName(path));
      document->set_continues(offset > 0);
      document->set_text(text.substr(offset, chunk_bytes));
      offset += chunk_bytes;
      if (!writer->Write(request)) return writer->Finish();
    } while (offset < text.size());
  }
  writer->WritesDone();
  return writer->Finish();
}

}  // namespace entente::testing
