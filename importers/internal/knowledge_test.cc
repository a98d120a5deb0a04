#include "importers/internal/knowledge.h"

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "importers/internal/embedded_data.h"

namespace entente::importers::internal {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// The embedded data files as (name, content) pairs, to alter one at a time.
Files EmbeddedFiles() {
  Files files;
  for (const EmbeddedFile& f : EmbeddedDataFiles()) {
    files.emplace_back(std::string(f.name), std::string(f.content));
  }
  return files;
}

// Every word-list file with "@from:" renamed to "@to:" (the class disappears).
Files RenameClass(Files files, absl::string_view from, absl::string_view to) {
  for (auto& [name, content] : files) {
    if (absl::StartsWith(name, "frames/")) continue;
    content = absl::StrReplaceAll(
        content, {{absl::StrCat("@", from, ":"), absl::StrCat("@", to, ":")}});
  }
  return files;
}

TEST(Knowledge, TheEmbeddedDataCompiles) {
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromEmbedded();
  ASSERT_TRUE(k.ok()) << k.status();
  const KnownClasses& c = (*k)->classes();
  const Lexicon& x = (*k)->lexicon();
  EXPECT_EQ(x.ClassName(c.speech_verb), "speech_verb");
  EXPECT_EQ(x.ClassName(c.agreement_kind), "agreement_kind");
  EXPECT_EQ(x.ClassName(c.light_verb), "light_verb");
  EXPECT_EQ(x.ClassName(c.titles.leader_title), "leader_title");
  EXPECT_EQ(x.ClassName(c.titles.institution), "institution_noun");
  EXPECT_GT((*k)->frames().frames().size(), 50u);
  EXPECT_NE((*k)->frames().VerbFrames("visit"), nullptr);
}

TEST(Knowledge, AMissingRequiredClassIsAnErrorNamingIt) {
  absl::StatusOr<std::shared_ptr<const Knowledge>> k =
      Knowledge::FromFiles(RenameClass(EmbeddedFiles(), "hedge_cue", "hedge_word"));
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(k.status().message(), "@hedge_cue")) << k.status();
}

TEST(Knowledge, AMissingTitleClassIsAnErrorNamingIt) {
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(
      RenameClass(EmbeddedFiles(), "name_particle", "particle_of_name"));
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(k.status().message(), "@name_particle")) << k.status();
}

TEST(Knowledge, ABadWordListLineNamesItsFileAndLine) {
  Files files = EmbeddedFiles();
  files.emplace_back("extra.txt", "@colour: red\nGreen, blue\n");
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(files);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(k.status().message(), "extra.txt:2: ")) << k.status();
}

TEST(Knowledge, ABadFrameLineNamesItsFileAndLine) {
  Files files = EmbeddedFiles();
  files.emplace_back("frames/extra.txt", "# one frame\nvisit  v:visit  source=subj\n");
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(files);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(k.status().message(), "frames/extra.txt:2: "))
      << k.status();
}

TEST(Knowledge, FilesThatAreNeitherWordListsNorFramesAreIgnored) {
  Files files = EmbeddedFiles();
  files.emplace_back("notes.md", "Not @a word list: AT ALL\n");
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(files);
  ASSERT_TRUE(k.ok()) << k.status();
  EXPECT_EQ((*k)->lexicon().Find("a"), -1);
}

TEST(Knowledge, FramesAndWordListsCompileFromFiles) {
  Files files = EmbeddedFiles();
  files.emplace_back("fruit.txt", "@fruit_deal: banana accord = bananas\n");
  files.emplace_back("frames/fruit.txt",
                     "agreement  v:sign  obj=@fruit_deal  parties=subj+with\n");
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(files);
  ASSERT_TRUE(k.ok()) << k.status();
  ClassId fruit = (*k)->lexicon().Find("fruit_deal");
  ASSERT_GE(fruit, 0);
  EXPECT_TRUE((*k)->lexicon().Contains(fruit, "banana accord"));
  const Frame& last = (*k)->frames().frames().back();
  EXPECT_EQ(last.file, "frames/fruit.txt");
  ASSERT_EQ(last.requires_in_slot.size(), 1u);
  EXPECT_EQ(last.requires_in_slot[0].cls, fruit);
}

TEST(Knowledge, WithoutTheClosedClassesTheLexiconDoesNotBuild) {
  Files files = EmbeddedFiles();
  for (auto& [name, content] : files) {
    if (name == "lexicon.txt") content = "@det: the\n";
  }
  absl::StatusOr<std::shared_ptr<const Knowledge>> k = Knowledge::FromFiles(files);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(k.status().message(), "@poss")) << k.status();
}

}  // namespace
}  // namespace entente::importers::internal
