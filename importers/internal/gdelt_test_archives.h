#ifndef ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ARCHIVES_H_
#define ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ARCHIVES_H_

// Test-only: gzip and zip archives made with the same libraries GDELT's
// users have (zlib, libzip), and files in a fresh temporary directory.
//
// Thread-safety: the functions keep no state.

#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/temp_dir.h"
#include "gtest/gtest.h"

namespace entente::importers::testing {

// `text` as one gzip member.
inline std::string GzipBytes(absl::string_view text) {
  z_stream stream = {};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, text.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// A fresh directory in the test's own, which is removed at exit.
inline std::string FreshDir() {
  static const common::TempDir tests("entente-gdelt-test-");
  static std::atomic<int> counter{0};
  std::string dir = tests.Sub(absl::StrCat(counter.fetch_add(1)));
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string WriteFile(const std::string& path, absl::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A zip archive at `path` holding (name, content) entries, deflated.
inline std::string WriteZip(
    const std::string& path,
    const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
  }
  zip_close(archive);  // Writes the archive; the buffers are read here.
  return path;
}

}  // namespace entente::importers::testing

#endif  // ENTENTE_IMPORTERS_INTERNAL_GDELT_TEST_ARCHIVES_H_
