#include "tests/bench/load_flags.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::bench {
namespace {

using service::cli::ArgSpec;
using service::cli::ParsedArgs;
using ::testing::HasSubstr;

ArgSpec Spec(const std::string& command) {
  for (const ArgSpec& spec : LoadBenchSpecs()) {
    if (spec.command == command) return spec;
  }
  ADD_FAILURE() << "no command " << command;
  return {};
}

absl::StatusOr<LoadFlags> Read(const std::string& command,
                               std::vector<std::string> words) {
  absl::StatusOr<ParsedArgs> args = service::cli::ParseArgs(Spec(command), words);
  if (!args.ok()) return args.status();
  return ReadLoadFlags(*args, "/bin/entente");
}

TEST(LoadFlags, DefaultsAreTheDocumentedOnes) {
  absl::StatusOr<LoadFlags> flags = Read("run", {"--db", "/tmp/store"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_EQ(flags->db, "/tmp/store");
  EXPECT_EQ(flags->entente, "/bin/entente");
  EXPECT_EQ(flags->mode, "all");
  EXPECT_EQ(flags->relations, 1'000'000);
  EXPECT_EQ(flags->entities, 100'001);
  EXPECT_EQ(flags->seconds, 30);
  EXPECT_EQ(flags->concurrency, 32);
  EXPECT_EQ(flags->warmup, 5);
}

TEST(LoadFlags, ValuesAreRead) {
  absl::StatusOr<LoadFlags> flags =
      Read("soak", {"--server=127.0.0.1:1", "--relations", "5000", "--import", "700",
                    "--seconds", "2", "--warmup", "0"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_EQ(flags->server, "127.0.0.1:1");
  EXPECT_EQ(flags->relations, 5000);
  EXPECT_EQ(flags->entities, 501);
  EXPECT_EQ(flags->import, 700);
  EXPECT_EQ(flags->seconds, 2);
  EXPECT_EQ(flags->warmup, 0);
}

TEST(LoadFlags, ABadNumberIsNamedNotReplacedByTheDefault) {
  absl::StatusOr<LoadFlags> flags = Read("run", {"--db", "d", "--seconds", "3O"});
  ASSERT_EQ(flags.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(flags.status().message(),
              HasSubstr("--seconds must be an integer from 1 to 86400, got '3O'"));
}

TEST(LoadFlags, AnUnknownFlagIsNamedNotIgnored) {
  absl::StatusOr<LoadFlags> flags = Read("run", {"--db", "d", "--secs", "5"});
  ASSERT_EQ(flags.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(flags.status().message(), "unknown option --secs");
  // --import is the soak's; run has no use for it.
  EXPECT_EQ(Read("run", {"--db", "d", "--import", "5"}).status().message(),
            "unknown option --import");
}

TEST(LoadFlags, ModeIsOneOfTheKnown) {
  absl::StatusOr<LoadFlags> flags = Read("run", {"--db", "d", "--mode", "paths"});
  ASSERT_EQ(flags.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(flags.status().message(), HasSubstr("--mode must be"));
  EXPECT_THAT(flags.status().message(), HasSubstr("got 'paths'"));
}

TEST(LoadFlags, NeedsAStoreOrAServer) {
  absl::StatusOr<LoadFlags> flags = Read("run", {"--seconds", "5"});
  ASSERT_EQ(flags.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(flags.status().message(), "--db DIR or --server ADDR is required");
}

TEST(LoadFlags, BuildTakesTwoOrThreeWords) {
  EXPECT_THAT(service::cli::ParseArgs(Spec("build"), std::vector<std::string>{"dir"})
                  .status()
                  .message(),
              HasSubstr("expected DIR RELATIONS [ENTITIES]"));
  EXPECT_TRUE(
      service::cli::ParseArgs(Spec("build"), std::vector<std::string>{"dir", "10", "2"})
          .ok());
}

}  // namespace
}  // namespace entente::bench
