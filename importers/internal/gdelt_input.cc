#include "importers/internal/gdelt_input.h"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/status_macros.h"

namespace entente::importers::internal {
namespace {

constexpr size_t kBlockBytes = size_t{4} << 20;

// A plain file read in blocks.
class FileSource final : public ByteSource {
 public:
  FileSource(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~FileSource() override { close(fd_); }

  absl::StatusOr<absl::string_view> Next() override {
    ssize_t got;
    do {
      got = read(fd_, buffer_.data(), buffer_.size());
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      return absl::DataLossError(absl::StrCat(path_, ": read failed: ", strerror(errno)));
    }
    return absl::string_view(buffer_.data(), static_cast<size_t>(got));
  }

 private:
  const std::string path_;
  const int fd_;
  std::vector<char> buffer_ = std::vector<char>(kBlockBytes);
};

// Bytes already in memory, in one block.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(absl::string_view bytes) : bytes_(bytes) {}
  absl::StatusOr<absl::string_view> Next() override {
    return std::exchange(bytes_, absl::string_view());
  }

 private:
  absl::string_view bytes_;
};

// Inflates the gzip members of another source. A stream that ends inside a
// member is truncated.
class GzipSource final : public ByteSource {
 public:
  GzipSource(std::string name, std::unique_ptr<ByteSource> compressed)
      : name_(std::move(name)), compressed_(std::move(compressed)) {}
  ~GzipSource() override {
    if (started_) inflateEnd(&stream_);
  }

  absl::StatusOr<absl::string_view> Next() override {
    if (!started_) {
      // 16 + MAX_WBITS: a gzip header and trailer, checked with its CRC.
      if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
        return absl::ResourceExhaustedError(absl::StrCat(name_, ": zlib init failed"));
      }
      started_ = true;
    }
    stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
    stream_.avail_out = static_cast<uInt>(out_.size());
    while (stream_.avail_out == out_.size()) {
      if (stream_.avail_in == 0) {
        ENTENTE_ASSIGN_OR_RETURN(absl::string_view in, compressed_->Next());
        if (in.empty()) {
          if (in_member_) {
            return absl::DataLossError(
                absl::StrCat(name_,
                             ": the gzip stream is truncated (it ends inside a "
                             "member): an incomplete download?"));
          }
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        stream_.avail_in = static_cast<uInt>(in.size());
      }
      in_member_ = true;
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&stream_);  // Another member may follow.
      } else if (result != Z_OK && result != Z_BUF_ERROR) {
        return absl::DataLossError(
            absl::StrCat(name_, ": not a valid gzip stream (zlib: ",
                         stream_.msg ? stream_.msg : "error", ")"));
      }
    }
    return absl::string_view(out_.data(), out_.size() - stream_.avail_out);
  }

 private:
  const std::string name_;
  std::unique_ptr<ByteSource> compressed_;
  z_stream stream_ = {};
  bool started_ = false;
  bool in_member_ = false;
  std::vector<char> out_ = std::vector<char>(kBlockBytes);
};

// The one file of a zip archive.
class ZipSource final : public ByteSource {
 public:
  ZipSource(std::string name, zip_t* archive, zip_file_t* file)
      : name_(std::move(name)), archive_(archive), file_(file) {}
  ~ZipSource() override {
    zip_fclose(file_);
    zip_discard(archive_);
  }

  absl::StatusOr<absl::string_view> Next() override {
    const zip_int64_t got = zip_fread(file_, buffer_.data(), buffer_.size());
    if (got < 0) {
      return absl::DataLossError(
          absl::StrCat(name_, ": the zip entry cannot be read (libzip: ",
                       zip_error_strerror(zip_file_get_error(file_)),
                       "): a truncated or corrupt download?"));
    }
    return absl::string_view(buffer_.data(), static_cast<size_t>(got));
  }

 private:
  const std::string name_;
  zip_t* const archive_;
  zip_file_t* const file_;
  std::vector<char> buffer_ = std::vector<char>(kBlockBytes);
};

// Opens the archive over `source` (taking it) and its one file.
absl::StatusOr<std::unique_ptr<ByteSource>> OpenZip(const std::string& name,
                                                    zip_source_t* source) {
  zip_error_t error;
  zip_error_init(&error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::DataLossError(
        absl::StrCat(name, ": the zip archive cannot be read (libzip: ", reason,
                     "): a truncated or corrupt download?"));
  }
  zip_error_fini(&error);
  std::vector<zip_uint64_t> files;
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* entry = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    if (entry != nullptr && !absl::EndsWith(entry, "/")) files.push_back(i);
  }
  if (files.size() != 1) {
    zip_discard(archive);
    return absl::InvalidArgumentError(absl::StrCat(name, ": the zip archive holds ",
                                                   files.size(),
                                                   " files; a GDELT download holds one"));
  }
  zip_file_t* file = zip_fopen_index(archive, files[0], 0);
  if (file == nullptr) {
    std::string reason = zip_error_strerror(zip_get_error(archive));
    zip_discard(archive);
    return absl::DataLossError(
        absl::StrCat(name, ": the zip entry cannot be opened (libzip: ", reason, ")"));
  }
  return std::make_unique<ZipSource>(name, archive, file);
}

absl::StatusOr<std::unique_ptr<ByteSource>> OpenZipSource(const std::string& name,
                                                          zip_source_t* source,
                                                          zip_error_t* error) {
  if (source == nullptr) {
    std::string reason = zip_error_strerror(error);
    zip_error_fini(error);
    return absl::NotFoundError(
        absl::StrCat(name, ": cannot open (libzip: ", reason, ")"));
  }
  zip_error_fini(error);
  return OpenZip(name, source);
}

// A producer thread copies the inner source's blocks into its own buffers
// (the inner views die at its next call) and queues them; the consumer hands
// a buffer back when it asks for the next block.
class ReadAheadSource final : public ByteSource {
 public:
  explicit ReadAheadSource(std::unique_ptr<ByteSource> source)
      : source_(std::move(source)) {
    for (int i = 0; i < kBuffers; ++i) free_.emplace_back();
    producer_ = std::thread([this] { Produce(); });
  }
  ~ReadAheadSource() override {
    {
      absl::MutexLock lock(&mu_);
      stopped_ = true;
    }
    producer_.join();
  }

  absl::StatusOr<absl::string_view> Next() override {
    absl::MutexLock lock(&mu_);
    if (current_given_) {
      free_.push_back(std::move(current_));
      current_given_ = false;
    }
    mu_.Await(absl::Condition(
        +[](ReadAheadSource* self) { return !self->ready_.empty() || self->done_; },
        this));
    if (ready_.empty()) {
      if (!status_.ok()) return status_;
      return absl::string_view();
    }
    current_ = std::move(ready_.front());
    ready_.pop_front();
    current_given_ = true;
    return absl::string_view(current_);
  }

 private:
  static constexpr int kBuffers = 3;

  void Produce() {
    while (true) {
      std::string buffer;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](ReadAheadSource* self) { return !self->free_.empty() || self->stopped_; },
            this));
        if (stopped_) return;
        buffer = std::move(free_.back());
        free_.pop_back();
      }
      absl::StatusOr<absl::string_view> block = source_->Next();
      if (block.ok() && !block->empty()) buffer.assign(block->data(), block->size());
      absl::MutexLock lock(&mu_);
      if (!block.ok() || block->empty()) {
        status_ = block.status();
        done_ = true;
        return;
      }
      ready_.push_back(std::move(buffer));
    }
  }

  std::unique_ptr<ByteSource> source_;  // Used by the producer only.
  absl::Mutex mu_;
  std::vector<std::string> free_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> ready_ ABSL_GUARDED_BY(mu_);
  std::string current_ ABSL_GUARDED_BY(mu_);  // The block the consumer holds.
  bool current_given_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  std::thread producer_;
};

}  // namespace

std::unique_ptr<ByteSource> ReadAhead(std::unique_ptr<ByteSource> source) {
  return std::make_unique<ReadAheadSource>(std::move(source));
}

Compression DetectCompression(absl::string_view head) {
  if (absl::StartsWith(head, "PK\x03\x04") || absl::StartsWith(head, "PK\x05\x06")) {
    return Compression::kZip;
  }
  if (absl::StartsWith(head, "\x1f\x8b")) return Compression::kGzip;
  return Compression::kNone;
}

absl::StatusOr<std::unique_ptr<ByteSource>> OpenGdeltInput(const std::string& path,
                                                           bool read_ahead) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open: ", strerror(errno)));
  }
  char head[4] = {};
  const ssize_t got = pread(fd, head, sizeof(head), 0);
  const Compression compression =
      DetectCompression(absl::string_view(head, got > 0 ? static_cast<size_t>(got) : 0));
  if (compression == Compression::kZip) {
    close(fd);
    zip_error_t error;
    zip_error_init(&error);
    absl::StatusOr<std::unique_ptr<ByteSource>> zip =
        OpenZipSource(path, zip_source_file_create(path.c_str(), 0, -1, &error), &error);
    if (!zip.ok() || !read_ahead) return zip;
    return ReadAhead(*std::move(zip));
  }
  std::unique_ptr<ByteSource> source = std::make_unique<FileSource>(path, fd);
  if (compression == Compression::kGzip) {
    source = std::make_unique<GzipSource>(path, std::move(source));
  }
  return read_ahead ? ReadAhead(std::move(source)) : std::move(source);
}

absl::StatusOr<std::unique_ptr<ByteSource>> GdeltInputFromBytes(absl::string_view name,
                                                                absl::string_view bytes,
                                                                bool read_ahead) {
  absl::StatusOr<std::unique_ptr<ByteSource>> source;
  switch (DetectCompression(bytes)) {
    case Compression::kZip: {
      zip_error_t error;
      zip_error_init(&error);
      source = OpenZipSource(
          std::string(name),
          zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error), &error);
      break;
    }
    case Compression::kGzip:
      source = std::make_unique<GzipSource>(std::string(name),
                                            std::make_unique<MemorySource>(bytes));
      break;
    case Compression::kNone:
      // Bytes in memory need no reading ahead.
      return std::make_unique<MemorySource>(bytes);
  }
  if (!source.ok() || !read_ahead) return source;
  return ReadAhead(*std::move(source));
}

}  // namespace entente::importers::internal
