#include "service/cli/query_options.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ParsedArgs Parse(std::vector<std::string> words) {
  ArgSpec spec;
  spec.command = "test";
  spec.max_positional = -1;
  spec.options = QueryOptionSpecs(/*with_dot=*/true,
                                  {{"types", "LIST", ""}, {"avoid", "KINDS", ""}});
  absl::StatusOr<ParsedArgs> args = ParseArgs(spec, words);
  EXPECT_TRUE(args.ok()) << args.status();
  return *args;
}

TEST(TypesFromArgs, MapsSpecNamesToProtoEnums) {
  absl::StatusOr<std::vector<v1::RelationType>> types =
      TypesFromArgs(Parse({"--types", "agreement,partnership"}));
  ASSERT_TRUE(types.ok()) << types.status();
  EXPECT_THAT(*types,
              ElementsAre(v1::RELATION_TYPE_PARTNERSHIP, v1::RELATION_TYPE_AGREEMENT));
  EXPECT_TRUE(TypesFromArgs(Parse({}))->empty());
}

TEST(TypesFromArgs, NamesTheUnknownType) {
  absl::StatusOr<std::vector<v1::RelationType>> types =
      TypesFromArgs(Parse({"--types", "partnership,alliance"}));
  EXPECT_EQ(types.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(types.status().message(), HasSubstr("--types: "));
  EXPECT_THAT(types.status().message(), HasSubstr("alliance"));
}

TEST(AvoidKindsFromArgs, MapsKinds) {
  absl::StatusOr<std::vector<v1::EntityKind>> kinds =
      AvoidKindsFromArgs(Parse({"--avoid", "event, person"}));
  ASSERT_TRUE(kinds.ok()) << kinds.status();
  EXPECT_THAT(*kinds, ElementsAre(v1::ENTITY_KIND_EVENT, v1::ENTITY_KIND_PERSON));
  EXPECT_EQ(AvoidKindsFromArgs(Parse({"--avoid", "planet"})).status().message(),
            "--avoid: unknown entity kind 'planet' (country, organization, city, site, "
            "event, company, person)");
}

TEST(OutputFormatFromArgs, JsonAndDotExcludeEachOther) {
  EXPECT_EQ(*OutputFormatFromArgs(Parse({})), OutputFormat::kTable);
  EXPECT_EQ(*OutputFormatFromArgs(Parse({"--json"})), OutputFormat::kJson);
  EXPECT_EQ(*OutputFormatFromArgs(Parse({"--dot"})), OutputFormat::kDot);
  EXPECT_FALSE(OutputFormatFromArgs(Parse({"--dot", "--json"})).ok());
}

TEST(ClientOptionsFromArgs, NeedsExactlyOneTarget) {
  EXPECT_THAT(ClientOptionsFromArgs(Parse({})).status().message(),
              HasSubstr("exactly one of --server ADDR or --db DIR"));
  EXPECT_FALSE(ClientOptionsFromArgs(Parse({"--db", "d", "--server", "s:1"})).ok());
  EXPECT_THAT(
      ClientOptionsFromArgs(Parse({"--db", "d", "--token-file", "t"})).status().message(),
      HasSubstr("need --server"));
  absl::StatusOr<ClientOptions> options =
      ClientOptionsFromArgs(Parse({"--server", "h:1", "--timeout", "5"}));
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "h:1");
  EXPECT_EQ(options->timeout_seconds, 5);
}

TEST(ToProtoWindow, KeepsDatePrecision) {
  absl::StatusOr<DateRange> range = ParseDateRange("2000-01-01,2027", "", "");
  ASSERT_TRUE(range.ok());
  v1::TimeWindow window = ToProtoWindow(*range);
  EXPECT_EQ(window.since(), "2000-01-01");
  EXPECT_EQ(window.until(), "2027");
  EXPECT_EQ(ToProtoWindow(DateRange{}).ByteSizeLong(), 0u);
}

}  // namespace
}  // namespace entente::service::cli
