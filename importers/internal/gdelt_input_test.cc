#include "importers/internal/gdelt_input.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "importers/internal/gdelt_test_archives.h"

namespace entente::importers::internal {
namespace {

using ::entente::importers::testing::FreshDir;
using ::entente::importers::testing::GzipBytes;
using ::entente::importers::testing::ReadFile;
using ::entente::importers::testing::WriteFile;
using ::entente::importers::testing::WriteZip;
using ::testing::HasSubstr;

// Some megabytes of text, so that reads span several blocks.
std::string BigText() {
  std::string text;
  for (int64_t i = 0; text.size() < (size_t{9} << 20); ++i) {
    text += absl::StrCat(i, "\tsome\tcolumns\tof a row ", i * 7919 % 1000, "\n");
  }
  return text;
}

absl::StatusOr<std::string> ReadAll(absl::StatusOr<std::unique_ptr<ByteSource>> source) {
  if (!source.ok()) return source.status();
  std::string out;
  while (true) {
    absl::StatusOr<absl::string_view> block = (*source)->Next();
    if (!block.ok()) return block.status();
    if (block->empty()) return out;
    out.append(block->data(), block->size());
  }
}

TEST(DetectCompression, ByMagicBytes) {
  EXPECT_EQ(DetectCompression("PK\x03\x04rest"), Compression::kZip);
  EXPECT_EQ(DetectCompression(absl::string_view("PK\x05\x06\0\0", 6)), Compression::kZip);
  EXPECT_EQ(DetectCompression("\x1f\x8b\x08"), Compression::kGzip);
  EXPECT_EQ(DetectCompression("410412347\t20140218"), Compression::kNone);
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

TEST(OpenGdeltInput, ReadsPlainGzipAndZipFilesAlike) {
  const std::string dir = FreshDir();
  const std::string text = BigText();
  const std::string plain = WriteFile(dir + "/events.CSV", text);
  // Names do not matter: the content says what a file is.
  const std::string gzip = WriteFile(dir + "/events.bin", GzipBytes(text));
  const std::string zip = WriteZip(dir + "/events.txt", {{"events.CSV", text}});
  for (const std::string& path : {plain, gzip, zip}) {
    absl::StatusOr<std::string> read = ReadAll(OpenGdeltInput(path));
    ASSERT_TRUE(read.ok()) << path << ": " << read.status();
    EXPECT_TRUE(*read == text) << path;
  }
  for (const std::string& bytes : {text, GzipBytes(text), ReadFile(zip)}) {
    absl::StatusOr<std::string> read = ReadAll(GdeltInputFromBytes("memory", bytes));
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_TRUE(*read == text);
  }
}

TEST(ReadAhead, GivesTheSameBlocksAndTheSameErrors) {
  const std::string dir = FreshDir();
  const std::string text = BigText();
  const std::string gzip = WriteFile(dir + "/e.gz", GzipBytes(text));
  const std::string zip = WriteZip(dir + "/e.zip", {{"e.CSV", text}});
  const std::string plain = WriteFile(dir + "/e.CSV", text);
  for (const std::string& path : {plain, gzip, zip}) {
    absl::StatusOr<std::string> read = ReadAll(OpenGdeltInput(path, /*read_ahead=*/true));
    ASSERT_TRUE(read.ok()) << path << ": " << read.status();
    EXPECT_TRUE(*read == text) << path;
  }
  const std::string cut = GzipBytes(text).substr(0, 100'000);
  absl::StatusOr<std::string> read =
      ReadAll(GdeltInputFromBytes("cut.gz", cut, /*read_ahead=*/true));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(read.status().message(), HasSubstr("cut.gz: the gzip stream is truncated"));
}

TEST(ReadAhead, StopsWhenTheReaderStopsEarly) {
  const std::string gzip = GzipBytes(BigText());
  for (int blocks = 0; blocks < 3; ++blocks) {
    absl::StatusOr<std::unique_ptr<ByteSource>> source =
        GdeltInputFromBytes("e.gz", gzip, /*read_ahead=*/true);
    ASSERT_TRUE(source.ok()) << source.status();
    for (int i = 0; i < blocks; ++i) {
      absl::StatusOr<absl::string_view> block = (*source)->Next();
      ASSERT_TRUE(block.ok());
      EXPECT_FALSE(block->empty());
    }
    // Destroying the source here joins its thread.
  }
}

TEST(OpenGdeltInput, ReadsEveryMemberOfAGzipStream) {
  const std::string both = GzipBytes("first\n") + GzipBytes("second\n");
  absl::StatusOr<std::string> read = ReadAll(GdeltInputFromBytes("two.gz", both));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, "first\nsecond\n");
}

TEST(OpenGdeltInput, ATruncatedGzipIsDataLoss) {
  const std::string gzip = GzipBytes(BigText());
  absl::StatusOr<std::string> read = ReadAll(
      GdeltInputFromBytes("cut.gz", absl::string_view(gzip).substr(0, gzip.size() / 2)));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(read.status().message(), HasSubstr("cut.gz: the gzip stream is truncated"));
}

TEST(OpenGdeltInput, ATruncatedZipIsDataLossWhenOpened) {
  const std::string dir = FreshDir();
  const std::string zip = ReadFile(WriteZip(dir + "/full.zip", {{"e.CSV", BigText()}}));
  for (size_t keep : {zip.size() - 10, zip.size() / 2, size_t{30}}) {
    const std::string path = WriteFile(dir + "/cut.zip", zip.substr(0, keep));
    absl::StatusOr<std::unique_ptr<ByteSource>> source = OpenGdeltInput(path);
    ASSERT_FALSE(source.ok()) << keep;
    EXPECT_EQ(source.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(source.status().message(),
                HasSubstr("cut.zip: the zip archive cannot be read"));
  }
}

TEST(OpenGdeltInput, AZipWhoseDataIsDamagedFailsItsChecksum) {
  const std::string dir = FreshDir();
  std::string zip = ReadFile(WriteZip(dir + "/full.zip", {{"e.CSV", BigText()}}));
  // Flip bytes in the middle of the compressed data; the directory is intact.
  for (size_t i = zip.size() / 2; i < zip.size() / 2 + 16; ++i) zip[i] ^= 0x5a;
  absl::StatusOr<std::string> read =
      ReadAll(OpenGdeltInput(WriteFile(dir + "/bad.zip", zip)));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(read.status().message(),
              HasSubstr("bad.zip: the zip entry cannot be read"));
}

TEST(OpenGdeltInput, AZipMustHoldOneFile) {
  const std::string dir = FreshDir();
  const std::string path =
      WriteZip(dir + "/two.zip", {{"a.CSV", "a\n"}, {"b.CSV", "b\n"}});
  absl::StatusOr<std::unique_ptr<ByteSource>> source = OpenGdeltInput(path);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      source.status().message(),
      HasSubstr("two.zip: the zip archive holds 2 files; a GDELT download holds one"));
}

TEST(OpenGdeltInput, AMissingFileIsNotFound) {
  absl::StatusOr<std::unique_ptr<ByteSource>> source =
      OpenGdeltInput(FreshDir() + "/missing.CSV");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(source.status().message(), HasSubstr("missing.CSV: cannot open"));
}

}  // namespace
}  // namespace entente::importers::internal
