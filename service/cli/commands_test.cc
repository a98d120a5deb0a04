// The query commands end to end in this process: a store written with
// graph::Store, then `entente path/timeline/entity/neighbors/stats --db`
// through the in-process GraphServiceImpl, checking output and exit codes.

#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "common/temp_dir.h"
#include "gmock/gmock.h"
#include "graph/store.h"
#include "gtest/gtest.h"
#include "service/cli/command.h"

namespace entente::service::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

graph::Entity Country(const std::string& iso3, const std::string& name,
                      std::vector<std::string> aliases) {
  return {"country:" + iso3, name, graph::EntityKind::kCountry, std::move(aliases)};
}

graph::Relation Link(graph::RelationType type, const graph::Entity& a,
                     const graph::Entity& b, const std::string& date) {
  graph::Relation relation;
  relation.type = type;
  relation.source = {a.id, a.name, a.kind};
  relation.target = {b.id, b.name, b.kind};
  relation.date = *graph::DateWithPrecision::Parse(date);
  relation.reported = relation.date;
  relation.confidence = 0.9;
  graph::Provenance provenance;
  provenance.item = 1;
  provenance.outlet = "Pakistan Today";
  provenance.headline = a.name + " and " + b.name;
  provenance.reported = relation.date;
  provenance.quote = "quote";
  provenance.document = "digest.txt";
  relation.provenance.push_back(provenance);
  return relation;
}

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "no temporary directory";
    absl::StatusOr<std::unique_ptr<graph::Store>> store =
        graph::Store::Open(dir_, graph::StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    graph::Entity pak = Country("PAK", "Pakistan", {"PAK", "Pakistani"});
    graph::Entity kaz = Country("KAZ", "Kazakhstan", {"KAZ", "Kazakh"});
    graph::Entity eu{
        "org:eu", "European Union", graph::EntityKind::kOrganization, {"EU"}};
    graph::Entity kazatomprom{
        "company:kazatomprom", "Kazatomprom", graph::EntityKind::kCompany, {}};
    std::vector<graph::Relation> relations = {
        Link(graph::RelationType::kPartnership, kaz, pak, "2026-02-04"),
        Link(graph::RelationType::kTradeTarget, kaz, pak, "2026-02-04"),
        Link(graph::RelationType::kPartnership, kaz, eu, "2024-01"),
        Link(graph::RelationType::kInvestment, kazatomprom, kaz, "2025")};
    relations[1].attributes["amount"] = int64_t{1000000000};
    relations[1].attributes["currency"] = std::string("USD");
    ASSERT_TRUE((*store)->WriteItem({pak, kaz, eu, kazatomprom}, relations).ok());
  }

  // Runs `entente <command> args... --db <dir>`; returns the exit code.
  int Run(const Command& command, std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(dir_);
    out_.str("");
    err_.str("");
    CommandIo io{out_, err_, false};
    return RunCommand(command, args, io);
  }

  common::TempDir tmp_{"entente-cli-"};  // Removed after what lives in it.
  std::string dir_ = tmp_.path();        // A test may point it elsewhere.
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(CommandsTest, PathGoesThroughKazakhstan) {
  ASSERT_EQ(Run(PathCommand(), {"Pakistan", "EU"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(),
              StartsWith("Path 1 (2 hops): Pakistan -> Kazakhstan -> European Union\n"));
  EXPECT_THAT(out_.str(), HasSubstr("2024-01     partnership"));
}

TEST_F(CommandsTest, PathAsDotAndJson) {
  ASSERT_EQ(Run(PathCommand(), {"PAK", "European Union", "--dot"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("digraph entente {"));
  EXPECT_THAT(out_.str(), HasSubstr("[label=\"partnership\\n2024-01\", dir=none, id="));
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--json", "--k", "1"}), kExitOk);
  EXPECT_THAT(out_.str(),
              StartsWith("{\"paths\":[{\"entities\":[{\"id\":\"country:PAK\""));
  EXPECT_EQ(out_.str().find('\n'), out_.str().size() - 1);
}

TEST_F(CommandsTest, PathRespectsWindowAndTypesAndNamesTheFilter) {
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--between", "2020,2023"}), kExitOk);
  EXPECT_EQ(out_.str(),
            "No path from Pakistan to European Union.\n"
            "Every path was removed by --between; there is one without it.\n");
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--types", "trade_target"}), kExitOk);
  EXPECT_EQ(
      out_.str(),
      "No path from Pakistan to European Union.\n"
      "Every path was removed by --types (default: all but sanction and downgrade); "
      "there is one without it.\n");
}

TEST_F(CommandsTest, APartnershipHoldsAfterItsDate) {
  // Kazakhstan and the EU became partners in 2024-01: still partners in 2025.
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--between", "2025,2026"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(),
              StartsWith("Path 1 (2 hops): Pakistan -> Kazakhstan -> European Union\n"));
  EXPECT_THAT(out_.str(), HasSubstr("2024-01     partnership"));
}

TEST_F(CommandsTest, PathHopsCountTheirRelationsAndFewerPathsAreNamed) {
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--k", "3"}), kExitOk) << err_.str();
  // Two relations link Pakistan and Kazakhstan; the table shows the newest.
  EXPECT_THAT(out_.str(), HasSubstr("  2: partnership 1, trade_target 1\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  1: partnership 1\n"));
  EXPECT_THAT(out_.str(),
              HasSubstr("\nOnly 1 path exists within the filters and --max-hops "
                        "(3 asked).\n"));
}

TEST_F(CommandsTest, TimelineOfAPair) {
  ASSERT_EQ(Run(TimelineCommand(), {"Kazakh", "Pakistan"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("2026-02-04  partnership"));
  EXPECT_THAT(out_.str(), HasSubstr("trade_target  Kazakhstan  Pakistan  "
                                    "amount=1000000000 currency=USD"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("European Union")));
}

TEST_F(CommandsTest, TimelineFiltersByDate) {
  ASSERT_EQ(Run(TimelineCommand(), {"Kazakhstan", "--until", "2024", "--json"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"value\":\"2024-01\""));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("2026")));
}

TEST_F(CommandsTest, TimelinePagesAndAll) {
  ASSERT_EQ(Run(TimelineCommand(), {"Kazakhstan", "--limit", "3"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("More: --page-token "));
  const std::string first = out_.str();
  const std::string token =
      first.substr(first.rfind(' ') + 1, first.size() - first.rfind(' ') - 2);
  ASSERT_EQ(Run(TimelineCommand(), {"Kazakhstan", "--limit", "3", "--page-token", token}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("2026-02-04  partnership"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("More:")));
  ASSERT_EQ(Run(TimelineCommand(), {"Kazakhstan", "--limit", "1", "--all"}), kExitOk);
  const std::string all = out_.str();
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 5);
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("More:")));
}

TEST_F(CommandsTest, AmbiguousNameListsCandidates) {
  EXPECT_EQ(Run(TimelineCommand(), {"Kaza"}), kExitFailure);
  // The gazetteer's "Kazan" and others are candidates too, closest names first.
  EXPECT_THAT(err_.str(), StartsWith("entente timeline: 'Kaza' is ambiguous: "));
  EXPECT_THAT(err_.str(), HasSubstr("Kazakhstan (country:KAZ), "));
  EXPECT_THAT(err_.str(), HasSubstr("Kazatomprom (company:kazatomprom)"));
  EXPECT_LT(err_.str().find("Kazakhstan"), err_.str().find("Kazatomprom"));
  EXPECT_THAT(err_.str(), ::testing::EndsWith("; give an id or a longer name\n"));
}

TEST_F(CommandsTest, UnknownNameIsAFailure) {
  EXPECT_EQ(Run(EntityCommand(), {"Xqzvwj"}), kExitFailure);
  EXPECT_EQ(err_.str(), "entente entity: no entity is known as \"Xqzvwj\"\n");
}

TEST_F(CommandsTest, ATypoSuggestsTheClosestName) {
  EXPECT_EQ(Run(EntityCommand(), {"Kazakstan"}), kExitFailure);
  EXPECT_THAT(err_.str(),
              StartsWith("entente entity: no entity is known as \"Kazakstan\"; did you "
                         "mean Kazakhstan (country:KAZ)"));
}

TEST_F(CommandsTest, ACountryWithoutRelationsIsFound) {
  ASSERT_EQ(Run(EntityCommand(), {"United States"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("id         country:USA\n"));
  EXPECT_THAT(out_.str(), HasSubstr("relations  0\n"));
  ASSERT_EQ(Run(TimelineCommand(), {"UK"}), kExitOk) << err_.str();
  ASSERT_EQ(Run(EntityCommand(), {"Kazakhstan"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("relations  4\n"));
  ASSERT_EQ(Run(EntityCommand(), {"Kazakhstan", "--json"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("{\"entity\":{\"id\":\"country:KAZ\""));
  EXPECT_THAT(out_.str(), HasSubstr("\"relationCount\":\"4\""));
}

TEST_F(CommandsTest, EntitiesListsTheStoredEntitiesByPage) {
  ASSERT_EQ(Run(EntitiesCommand(), {"--limit", "3"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("ID                   NAME         KIND\n"
                                     "company:kazatomprom  Kazatomprom  company\n"
                                     "country:KAZ          Kazakhstan   country\n"
                                     "country:PAK          Pakistan     country\n"
                                     "More: --page-token "));
  ASSERT_EQ(Run(EntitiesCommand(), {"--all", "--jsonl"}), kExitOk) << err_.str();
  const std::string all = out_.str();
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 4);
  EXPECT_THAT(all, HasSubstr("{\"id\":\"org:eu\""));
}

TEST_F(CommandsTest, EntityShowsAliases) {
  ASSERT_EQ(Run(EntityCommand(), {"kazakh"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("id         country:KAZ\n"));
  EXPECT_THAT(out_.str(), HasSubstr("Kazakh"));
}

TEST_F(CommandsTest, NeighborsAndStats) {
  ASSERT_EQ(Run(NeighborsCommand(), {"Kazakhstan", "--avoid", "company"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("Kazakhstan: 2 neighbours, 3 relations\n"));
  ASSERT_EQ(Run(StatsCommand(), {}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("entities   4\nrelations  4\n"));
}

TEST_F(CommandsTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--k", "0"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--k must be an integer from 1 to 50"));
  EXPECT_EQ(Run(TimelineCommand(), {"KAZ", "--since", "2025-13"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--since: expected YYYY, YYYY-MM or YYYY-MM-DD"));
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--types", "friendship"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("friendship"));
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--json", "--dot"}), kExitUsage);
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--server", "localhost:1"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("exactly one of --server ADDR or --db DIR"));
}

// The tie graph until 2026-02 (reference day 2026-02-28): Kazakhstan -
// Pakistan by a partnership and trade on 2026-02-04 (24 days old), Kazakhstan
// - EU by a partnership in 2024-01; the company is no vertex.
TEST_F(CommandsTest, RankStatesItsBasisAndPutsTheBrokerFirst) {
  ASSERT_EQ(Run(RankCommand(), {"--until", "2026-02"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(),
              StartsWith("Window: - .. 2026-02\nTypes: diplomatic_relations,"));
  EXPECT_THAT(out_.str(), HasSubstr("Weighting: half-life 365 days from 2026-02-28; "));
  EXPECT_THAT(out_.str(), HasSubstr("Tie graph: 3 entities, 2 ties\n"));
  // Kazakhstan lies on the one chain between the other two.
  EXPECT_THAT(out_.str(), HasSubstr("1  Kazakhstan      country       1.0000"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("Kazatomprom")));
  const double pakistan = 1 - std::exp(-1.8 * std::exp2(-24.0 / 365));
  ASSERT_EQ(
      Run(RankCommand(), {"--until", "2026-02", "--by", "degree", "--region", "PAK"}),
      kExitOk);
  // Its weighted degree is its one tie's weight, 1 - exp(-(1 + 0.8) 2^(-24/365)).
  EXPECT_THAT(out_.str(), HasSubstr(absl::StrFormat("%.4f  1\n", pakistan)));
}

TEST_F(CommandsTest, RankAsJsonAndDot) {
  ASSERT_EQ(Run(RankCommand(), {"--json"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(),
              StartsWith("{\"entities\":[{\"entity\":{\"id\":\"country:KAZ\""));
  EXPECT_THAT(out_.str(), HasSubstr("\"basis\":{"));
  ASSERT_EQ(Run(RankCommand(), {"--dot"}), kExitOk);
  EXPECT_THAT(out_.str(), StartsWith("digraph entente {"));
  EXPECT_THAT(out_.str(), HasSubstr("\"country:KAZ\" -> \"country:PAK\" [label="));
}

TEST_F(CommandsTest, BlocsNameTheArticulationPoint) {
  ASSERT_EQ(Run(BlocsCommand(), {}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(),
              HasSubstr("Articulation points (their removal splits the ties): "
                        "Kazakhstan\n"));
  ASSERT_EQ(Run(BlocsCommand(), {"--since", "2026"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Bloc 1 (2 members"));
  ASSERT_EQ(Run(BlocsCommand(), {"--since", "2026", "--dot"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("subgraph cluster_0 {"));
}

TEST_F(CommandsTest, StrongestPathListsEachHopsRelations) {
  ASSERT_EQ(
      Run(PathCommand(), {"Pakistan", "EU", "--strongest", "--between", ",2026-02"}),
      kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("Chain 1 (strength "));
  EXPECT_THAT(out_.str(), HasSubstr("): Pakistan -> Kazakhstan -> European Union\n"));
  EXPECT_THAT(out_.str(), HasSubstr("Pakistan - Kazakhstan: weight "));
  EXPECT_THAT(out_.str(), HasSubstr(" relations in 2 reports ("));
  EXPECT_THAT(out_.str(), HasSubstr("2024-01  partnership  Kazakhstan  European Union"));
  ASSERT_EQ(Run(PathCommand(), {"PAK", "EU", "--strongest", "--types", "trade_target"}),
            kExitOk);
  EXPECT_THAT(out_.str(),
              HasSubstr("No chain of ties from Pakistan to European Union.\n"));
}

TEST_F(CommandsTest, TieCommandUsageErrorsExitTwo) {
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--strongest", "--k", "21"}), kExitUsage);
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--half-life", "30"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--half-life needs --strongest"));
  EXPECT_EQ(Run(PathCommand(), {"PAK", "EU", "--strongest", "--avoid", "event"}),
            kExitUsage);
  EXPECT_EQ(Run(RankCommand(), {"--by", "fame"}), kExitUsage);
  EXPECT_THAT(err_.str(),
              HasSubstr("--by: 'fame' is not betweenness, pagerank or degree"));
  EXPECT_EQ(Run(RankCommand(), {"--from-group", "EU"}), kExitUsage);
  EXPECT_EQ(Run(BlocsCommand(), {"--half-life", "0"}), kExitUsage);
}

TEST_F(CommandsTest, MissingStoreIsAFailure) {
  dir_ += "/nope";
  EXPECT_EQ(Run(StatsCommand(), {}), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("nope"));
  dir_.resize(dir_.size() - 5);
}

TEST_F(CommandsTest, GdeltFilesImportWithDbOnly) {
  const std::string events = dir_ + "-events.export.CSV";
  {
    std::ofstream out(events);
    out << std::string(60, '\t') << "\n";  // 61 empty columns: GDELT-shaped.
  }
  CommandIo io{out_, err_, false};
  EXPECT_EQ(RunCommand(ImportCommand(), {events, "--server", "127.0.0.1:1"}, io),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("GDELT event files import with --db"));
  err_.str("");
  EXPECT_EQ(RunCommand(ImportCommand(),
                       {events, "--server", "127.0.0.1:1", "--skip-bad-rows"}, io),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--skip-bad-rows and --memory-mb need --db"));
  err_.str("");
  EXPECT_EQ(RunCommand(ImportCommand(), {events, "--db", dir_, "--memory-mb", "8"}, io),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--memory-mb: expected a number of MiB from 16"));
  std::filesystem::remove(events);
}

TEST_F(CommandsTest, ImportWarnsOfTextThatIsNoEnglishAndStrictRejectsIt) {
  const std::string junk = dir_ + "-salad.txt";
  {
    std::ofstream out(junk);
    const char* kWords[] = {"Chile",  "vorpel", "signed", "Peru",
                            "grumsk", "treaty", "zal"};
    for (int i = 0; i < 700; ++i)
      out << kWords[(i * 3) % 7] << (i % 35 == 34 ? ".\n" : " ");
  }
  ASSERT_EQ(Run(ImportCommand(), {junk, "--published", "2025-01-01"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("doubtful   "));
  EXPECT_THAT(out_.str(), HasSubstr("does not read as English news"));
  EXPECT_EQ(Run(ImportCommand(), {junk, "--published", "2025-01-01", "--strict"}),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("rejected (strict), nothing imported"));
  EXPECT_THAT(out_.str(), HasSubstr("files      1 (1 rejected)"));
  std::filesystem::remove(junk);
}

// A store where relations sour: India and Pakistan meet, Pakistan expels
// India's diplomats, then they meet again; the United States sanctions
// Pakistan. (Invented for the behaviour.)
class CoolingCommandsTest : public CommandsTest {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "no temporary directory";
    absl::StatusOr<std::unique_ptr<graph::Store>> store =
        graph::Store::Open(dir_, graph::StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    graph::Entity ind = Country("IND", "India", {"IND"});
    graph::Entity pak = Country("PAK", "Pakistan", {"PAK"});
    graph::Entity usa = Country("USA", "United States", {"USA"});
    std::vector<graph::Relation> relations = {
        Link(graph::RelationType::kMeeting, ind, pak, "2019-01-10"),
        Link(graph::RelationType::kDowngrade, pak, ind, "2019-08-07"),
        Link(graph::RelationType::kSanction, usa, pak, "2019-09-02"),
        Link(graph::RelationType::kVisit, ind, pak, "2020-02-01")};
    relations[1].attributes["measure"] = std::string("expel_diplomats");
    relations[2].attributes["measure"] = std::string("tariff");
    ASSERT_TRUE((*store)->WriteItem({ind, pak, usa}, relations).ok());
  }
};

TEST_F(CoolingCommandsTest, TheTimelineOfAPairShowsCooperationAndTensionInOneSequence) {
  ASSERT_EQ(Run(TimelineCommand(), {"India", "Pakistan"}), kExitOk) << err_.str();
  const std::string out = out_.str();
  const size_t meeting = out.find("2019-01-10  meeting");
  const size_t downgrade =
      out.find("2019-08-07  downgrade  Pakistan  India     measure=expel_diplomats");
  const size_t visit = out.find("2020-02-01  visit");
  ASSERT_NE(meeting, std::string::npos) << out;
  ASSERT_NE(downgrade, std::string::npos) << out;
  ASSERT_NE(visit, std::string::npos) << out;
  EXPECT_LT(meeting, downgrade);
  EXPECT_LT(downgrade, visit);
}

TEST_F(CoolingCommandsTest, TypesFilterTheCoolingTypes) {
  ASSERT_EQ(Run(TimelineCommand(), {"Pakistan", "--types", "sanction"}), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("2019-09-02  sanction  United States  Pakistan"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("downgrade")));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("meeting")));
  ASSERT_EQ(
      Run(TimelineCommand(), {"Pakistan", "--types", "sanction,downgrade", "--json"}),
      kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"type\":\"RELATION_TYPE_SANCTION\""));
  EXPECT_THAT(out_.str(), HasSubstr("\"type\":\"RELATION_TYPE_DOWNGRADE\""));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("RELATION_TYPE_MEETING")));
}

TEST_F(CoolingCommandsTest, PathsLeaveSanctionsAndDowngradesOutUnlessAsked) {
  // The sanction is the only relation of the United States.
  ASSERT_EQ(Run(PathCommand(), {"United States", "India"}), kExitOk) << err_.str();
  EXPECT_EQ(
      out_.str(),
      "No path from United States to India.\n"
      "Every path was removed by --types (default: all but sanction and downgrade); "
      "there is one without it.\n");
  ASSERT_EQ(Run(PathCommand(), {"United States", "India", "--types", "sanction,meeting"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(),
              StartsWith("Path 1 (2 hops): United States -> Pakistan -> India\n"));
  EXPECT_THAT(out_.str(), HasSubstr("sanction"));
  // India and Pakistan stay connected, by a tie: not by the downgrade.
  ASSERT_EQ(Run(PathCommand(), {"Pakistan", "India"}), kExitOk);
  EXPECT_THAT(out_.str(), StartsWith("Path 1 (1 hop): Pakistan -> India\n"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("downgrade")));
  ASSERT_EQ(Run(PathCommand(), {"Pakistan", "India", "--types", "downgrade"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("2019-08-07  downgrade"));
}

TEST_F(CoolingCommandsTest, StatsCountTheCoolingTypes) {
  ASSERT_EQ(Run(StatsCommand(), {}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\nsanction   1\ndowngrade  1\n"));
}

}  // namespace
}  // namespace entente::service::cli
