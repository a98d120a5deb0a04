#include "service/cli/args.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ArgSpec PathSpec() {
  ArgSpec spec;
  spec.command = "path";
  spec.positional_usage = "FROM TO";
  spec.min_positional = 2;
  spec.max_positional = 2;
  spec.options = {{"k", "N", "number of paths"},
                  {"types", "LIST", "relation types"},
                  {"json", "", "JSON output"}};
  return spec;
}

absl::StatusOr<ParsedArgs> Parse(const ArgSpec& spec, std::vector<std::string> words) {
  return ParseArgs(spec, words);
}

// The message of the InvalidArgument that `path` gives for `words`.
std::string UsageError(std::vector<std::string> words) {
  absl::Status status = Parse(PathSpec(), std::move(words)).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  return std::string(status.message());
}

TEST(ParseArgs, AcceptsOptionsBeforeBetweenAndAfterPositionals) {
  absl::StatusOr<ParsedArgs> args =
      Parse(PathSpec(), {"--k", "3", "Pakistan", "--json", "European Union",
                         "--types=partnership,agreement"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional(), ElementsAre("Pakistan", "European Union"));
  EXPECT_EQ(args->Get("k"), "3");
  EXPECT_TRUE(args->Has("json"));
  EXPECT_EQ(args->Get("types"), "partnership,agreement");
  EXPECT_FALSE(args->help());
}

TEST(ParseArgs, UnknownOptionIsNamed) {
  EXPECT_EQ(UsageError({"A", "B", "--kk", "3"}), "unknown option --kk");
  EXPECT_EQ(UsageError({"A", "B", "--kk=3"}), "unknown option --kk");
  EXPECT_EQ(UsageError({"A", "-k", "3", "B"}),
            "unknown option '-k' (options start with --)");
}

TEST(ParseArgs, MissingValueIsNamed) {
  EXPECT_EQ(UsageError({"A", "B", "--k"}), "option --k needs a value (N)");
  EXPECT_EQ(UsageError({"A", "B", "--k="}), "option --k needs a value (N)");
}

TEST(ParseArgs, ValueOptionDoesNotTakeAnOptionAsItsValue) {
  EXPECT_EQ(UsageError({"A", "B", "--types", "--json"}),
            "option --types needs a value (LIST)");
}

TEST(ParseArgs, RepeatedOptionKeepsLastValue) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"--k=1", "A", "B", "--k", "2"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("k"), "2");
}

TEST(ParseArgs, NegativeNumberIsAValue) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"A", "B", "--k", "-3"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("k"), "-3");
}

TEST(ParseArgs, SwitchRejectsInlineValue) {
  EXPECT_EQ(UsageError({"A", "B", "--json=yes"}), "option --json takes no value");
}

TEST(ParseArgs, CountsPositionals) {
  EXPECT_THAT(Parse(PathSpec(), {"A"}).status().message(),
              HasSubstr("missing argument: expected FROM TO"));
  EXPECT_THAT(Parse(PathSpec(), {"A", "B", "C"}).status().message(),
              HasSubstr("too many arguments"));
}

TEST(ParseArgs, HelpSkipsPositionalCheck) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"--help"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_TRUE(args->help());
  EXPECT_TRUE(Parse(PathSpec(), {"-h"})->help());
}

TEST(ParseArgs, DoubleDashEndsOptions) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"--", "-odd-name", "--json"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional(), ElementsAre("-odd-name", "--json"));
  EXPECT_FALSE(args->Has("json"));
}

TEST(ParseArgs, SingleDashIsPositional) {
  ArgSpec spec = PathSpec();
  absl::StatusOr<ParsedArgs> args = Parse(spec, {"-", "B"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional(), ElementsAre("-", "B"));
}

TEST(ParsedArgs, GetIntChecksRange) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"A", "B", "--k", "70"});
  ASSERT_TRUE(args.ok());
  absl::StatusOr<int> k = args->GetInt("k", 3, 1, 50);
  EXPECT_THAT(k.status().message(), HasSubstr("--k must be an integer from 1 to 50"));
  args = Parse(PathSpec(), {"A", "B", "--k", "x"});
  EXPECT_FALSE(args->GetInt("k", 3, 1, 50).ok());
  args = Parse(PathSpec(), {"A", "B"});
  EXPECT_EQ(*args->GetInt("k", 3, 1, 50), 3);
}

TEST(ParsedArgs, GetInt64TakesCountsPastInt) {
  absl::StatusOr<ParsedArgs> args = Parse(PathSpec(), {"A", "B", "--k", "5000000000"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(*args->GetInt64("k", 1, 1, int64_t{1} << 40), 5'000'000'000);
  EXPECT_THAT(args->GetInt("k", 3, 1, 50).status().message(),
              HasSubstr("--k must be an integer from 1 to 50, got '5000000000'"));
}

TEST(FormatOptions, AlignsHelpColumn) {
  EXPECT_EQ(FormatOptions(PathSpec()),
            "Options:\n"
            "  --k N         number of paths\n"
            "  --types LIST  relation types\n"
            "  --json        JSON output\n"
            "  -h, --help    show this help\n");
}

}  // namespace
}  // namespace entente::service::cli
