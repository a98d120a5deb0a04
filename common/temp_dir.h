#ifndef ENTENTE_COMMON_TEMP_DIR_H_
#define ENTENTE_COMMON_TEMP_DIR_H_

// TempDir: a fresh directory for one test, never a fixed path: made under
// $TMPDIR (else /tmp) with mkdtemp, and removed with everything in it when the
// object dies. Test code only.
//
//   common::TempDir tmp("entente-store-");
//   auto store = graph::Store::Open(tmp.Sub("store"), {});
//
// Thread-safety: not thread-safe; owned by one test.

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace entente::common {

class TempDir {
 public:
  // $TMPDIR/<prefix>XXXXXX; path() is "" when it cannot be made.
  explicit TempDir(const std::string& prefix = "entente-") {
    std::error_code error;
    std::filesystem::path base = std::filesystem::temp_directory_path(error);
    if (error) base = "/tmp";
    std::string pattern = (base / (prefix + "XXXXXX")).string();
    path_ = mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path()/name.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace entente::common

#endif  // ENTENTE_COMMON_TEMP_DIR_H_
