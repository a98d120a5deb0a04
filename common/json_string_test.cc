#include "common/json_string.h"

#include <string>

#include "gtest/gtest.h"

namespace entente::common {
namespace {

TEST(JsonString, QuotesPlainTextAsItIs) {
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("Freedonia and Sylvania"), "\"Freedonia and Sylvania\"");
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("say \"hi\" \\ bye"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(JsonString("a\nb\rc\td\be\ff"), R"("a\nb\rc\td\be\ff")");
  EXPECT_EQ(JsonString(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_EQ(JsonString(std::string(1, '\0')), R"("\u0000")");
}

TEST(JsonString, KeepsUtf8AndDelete) {
  EXPECT_EQ(JsonString("Côte d’Ivoire \x7f"), "\"Côte d’Ivoire \x7f\"");
}

TEST(JsonString, AppendsToWhatIsThere) {
  std::string out = "{\"name\":";
  AppendJsonString("Freedonia", &out);
  EXPECT_EQ(out, "{\"name\":\"Freedonia\"");
}

}  // namespace
}  // namespace entente::common
