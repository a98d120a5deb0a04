// End to end through the built `entente` binary: extract a small digest,
// import it twice into a fresh store, query it with --db, check --help of
// every command and the messages and exit codes of bad input.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

extern char** environ;

namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A digest in the layout of the published ones, with front matter.
constexpr char kDigest[] =
    "---\n"
    "published: 2026-02-06\n"
    "source: The Astana Times (test)\n"
    "---\n"
    "ASTANA - The Astana Times has collected the week's most notable international "
    "coverage of Kazakhstan.\n"
    "\n"
    "Pakistan, Kazakhstan agree to elevate ties to strategic partnership\n"
    "Kazakhstan and Pakistan agreed to elevate their relations to a strategic "
    "partnership during the visit of Prime Minister Shehbaz Sharif to Astana on "
    "Feb. 4, reported Pakistan Today on Feb. 5.\n"
    "\"The two sides signed a joint declaration on establishing a strategic "
    "partnership between the Republic of Kazakhstan and the Islamic Republic of "
    "Pakistan,\" reads the article.\n"
    "EU and Kazakhstan mark anniversary of diplomatic relations\n"
    "Kazakhstan and the European Union marked the 33rd anniversary of diplomatic "
    "relations on Tuesday, reported Euronews on Feb. 3.\n"
    "\"The European Union and Kazakhstan signed an enhanced partnership and "
    "cooperation agreement and have been strategic partners for years,\" reads the "
    "article.\n";

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class EntenteBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "no temporary directory";
    WriteFile(dir_ + "/digest.txt", kDigest);
  }

  // Runs the binary with `args`, stdout and stderr captured through files.
  Result Run(const std::vector<std::string>& args) {
    std::vector<std::string> argv_storage = {ENTENTE_BIN};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const std::string out_path = dir_ + "/stdout", err_path = dir_ + "/stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    Result result;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      waitpid(pid, &status, 0);
      result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
    return result;
  }

  // Starts `entente serve --db store --listen address` and waits until it
  // says it is serving and holds the store's lock; -1 when it does not.
  pid_t StartServer(const std::string& store, const std::string& address) {
    std::vector<std::string> args = {ENTENTE_BIN, "serve", "--db",   store,
                                     "--listen",  address, "--quiet"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO,
                                     (dir_ + "/serve.log").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    for (int attempt = 0; attempt < 200; ++attempt) {
      usleep(50'000);
      if (ReadFile(dir_ + "/serve.log").find("serving") == std::string::npos) continue;
      int fd = open((store + "/LOCK").c_str(), O_RDONLY);
      if (fd < 0) continue;
      struct flock probe = {};
      probe.l_type = F_WRLCK;
      probe.l_whence = SEEK_SET;
      bool locked = fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
      close(fd);
      if (locked) return pid;
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return -1;
  }

  // The port a server started by StartServer on port 0 says it bound; "" if none.
  std::string ServedPort() const {
    const std::string log = ReadFile(dir_ + "/serve.log");
    const size_t at = log.find("on 127.0.0.1:");
    if (at == std::string::npos) return "";
    const size_t digits = at + 13;
    return log.substr(digits, log.find_first_not_of("0123456789", digits) - digits);
  }

  // SIGTERM, then the server's exit code.
  static int StopServer(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  entente::common::TempDir tmp_{"entente-bin-"};  // Removed after what lives in it.
  const std::string dir_ = tmp_.path();
};

TEST_F(EntenteBinaryTest, ExtractPrintsRelationJsonLines) {
  Result result = Run({"extract", dir_ + "/digest.txt"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_FALSE(result.out.empty());
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_THAT(line, AllOf(StartsWith("{\"type\":\""), HasSubstr("\"provenance\":[")));
  }
  EXPECT_THAT(result.out, HasSubstr("country:PAK"));
}

TEST_F(EntenteBinaryTest, ExtractExplainNamesTheFramesBehindEachRelation) {
  Result result = Run({"extract", "--explain", dir_ + "/digest.txt"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_FALSE(result.out.empty());
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    // Every relation says which data file and line matched, and the clause it read.
    EXPECT_THAT(line, ::testing::MatchesRegex(
                          ".*\"explanation\":\\[\"frames/[a-z]+\\.txt:[0-9]+ .*\\]\\}"));
  }
  Result plain = Run({"extract", dir_ + "/digest.txt"});
  EXPECT_THAT(plain.out, Not(HasSubstr("explanation")));
}

TEST_F(EntenteBinaryTest, ExtractTraceShowsWhatEachItemReadAsOnStderr) {
  Result traced = Run({"extract", "--trace", dir_ + "/digest.txt"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_THAT(traced.err, StartsWith("== item 1\n"));
  // The trace goes to stderr only: stdout is the same JSON Lines as without it.
  Result plain = Run({"extract", dir_ + "/digest.txt"});
  ASSERT_FALSE(plain.out.empty());
  EXPECT_EQ(traced.out, plain.out);
}

TEST_F(EntenteBinaryTest, ExtractWithoutPublicationDateSaysSo) {
  WriteFile(dir_ + "/undated.txt", std::string(kDigest).substr(64));
  Result result = Run({"extract", dir_ + "/undated.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, AllOf(HasSubstr("undated.txt"), HasSubstr("published")));
  EXPECT_EQ(result.out, "");
}

TEST_F(EntenteBinaryTest, ImportTwiceThenQuery) {
  const std::string store = dir_ + "/store";
  Result first = Run({"import", "--db", store, dir_ + "/digest.txt"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("files      1\n"));
  EXPECT_THAT(first.out, Not(HasSubstr("relations  0 new")));

  Result second = Run({"import", "--db", store, dir_ + "/digest.txt"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("relations  0 new, 0 merged, "));
  EXPECT_THAT(second.out, HasSubstr("entities   0 new\n"));

  Result timeline = Run({"timeline", "Kazakhstan", "Pakistan", "--db", store});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_THAT(timeline.out, StartsWith("DATE "));
  EXPECT_THAT(timeline.out, HasSubstr("partnership"));
  EXPECT_THAT(timeline.out, HasSubstr("2026-02-04"));
  EXPECT_THAT(timeline.out, Not(HasSubstr("European Union")));

  Result path = Run({"path", "Pakistan", "European Union", "--db", store, "--json"});
  ASSERT_EQ(path.exit_code, 0) << path.err;
  EXPECT_THAT(path.out, StartsWith("{\"paths\":[{\"entities\":[{\"id\":\"country:PAK\""));
  EXPECT_THAT(path.out, HasSubstr("{\"id\":\"country:KAZ\""));
  EXPECT_EQ(path.out.find('\n'), path.out.size() - 1);

  Result dot = Run({"path", "PAK", "EU", "--db", store, "--dot"});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_THAT(dot.out, AllOf(StartsWith("digraph entente {"), HasSubstr("-> ")));
}

TEST_F(EntenteBinaryTest, HelpOfEveryCommandShowsAnExample) {
  for (const char* command : {"extract", "import", "serve", "path", "timeline", "entity",
                              "entities", "neighbors", "stats"}) {
    Result result = Run({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_THAT(result.out, StartsWith(std::string("Usage: entente ") + command));
    EXPECT_THAT(result.out, HasSubstr(std::string("Examples:\n  entente ") + command))
        << command;
  }
  Result top = Run({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_THAT(top.out, HasSubstr("Commands:\n  extract"));
}

TEST_F(EntenteBinaryTest, BadFileIsRejectedByName) {
  WriteFile(dir_ + "/garbage.bin", std::string("\x00\xff\xfe\x01not a digest\x00", 17));
  Result extract = Run({"extract", dir_ + "/garbage.bin"});
  EXPECT_EQ(extract.exit_code, 1);
  EXPECT_THAT(extract.err,
              AllOf(StartsWith("entente extract: "), HasSubstr("garbage.bin")));

  Result import = Run(
      {"import", "--db", dir_ + "/store", dir_ + "/missing.txt", dir_ + "/digest.txt"});
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_THAT(import.err, HasSubstr("rejected " + dir_ + "/missing.txt"));
  EXPECT_THAT(import.out, HasSubstr("files      2 (1 rejected)\n"));
}

TEST_F(EntenteBinaryTest, UsageErrorsExitTwo) {
  Result no_command = Run({"frobnicate"});
  EXPECT_EQ(no_command.exit_code, 2);
  EXPECT_THAT(no_command.err, HasSubstr("unknown command 'frobnicate'"));
  Result no_db = Run({"import", dir_ + "/digest.txt"});
  EXPECT_EQ(no_db.exit_code, 2);
  EXPECT_THAT(no_db.err, HasSubstr("give exactly one of --db DIR or --server ADDR"));
  Result bad_date = Run({"extract", "--published", "06/02/2026", dir_ + "/digest.txt"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_THAT(bad_date.err, HasSubstr("--published"));
}

TEST_F(EntenteBinaryTest, FlagErrorsNameTheFlagAndExitTwo) {
  const std::string store = dir_ + "/store";
  Result unknown = Run({"path", "PAK", "EU", "--db", store, "--kk", "3"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "entente path: unknown option --kk\n"
            "Run 'entente path --help' for usage.\n");
  Result missing = Run({"path", "PAK", "EU", "--db", store, "--k"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, StartsWith("entente path: option --k needs a value (N)\n"));
  Result swallowed = Run({"timeline", "KAZ", "--since", "--db", store});
  EXPECT_EQ(swallowed.exit_code, 2);
  EXPECT_THAT(swallowed.err,
              StartsWith("entente timeline: option --since needs a value (DATE)\n"));
  Result bad_number = Run({"path", "PAK", "EU", "--db", store, "--k", "three"});
  EXPECT_EQ(bad_number.exit_code, 2);
  EXPECT_THAT(
      bad_number.err,
      StartsWith("entente path: --k must be an integer from 1 to 50, got 'three'"));
}

TEST_F(EntenteBinaryTest, ServerAndDbGiveTheSameAnswers) {
  const std::string store = dir_ + "/store";
  ASSERT_EQ(Run({"import", "--db", store, dir_ + "/digest.txt"}).exit_code, 0);
  pid_t server = StartServer(store, "127.0.0.1:0");
  ASSERT_GT(server, 0) << ReadFile(dir_ + "/serve.log");
  ASSERT_FALSE(ServedPort().empty()) << ReadFile(dir_ + "/serve.log");
  const std::string address = "127.0.0.1:" + ServedPort();

  // Imports are refused with a clear message while the server holds the store.
  Result import = Run({"import", "--db", store, dir_ + "/digest.txt"});
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_THAT(import.err, HasSubstr("open in another process"));
  // ... and go through the server with --server: all of it is already there.
  Result remote_import = Run({"import", "--server", address, dir_ + "/digest.txt"});
  EXPECT_EQ(remote_import.exit_code, 0) << remote_import.err;
  EXPECT_THAT(remote_import.out, HasSubstr("relations  0 new, 0 merged, "));
  // Reads with --db go through a secondary instance and the same stub code
  // as --server, so both print the same.
  for (std::vector<std::string> query :
       {std::vector<std::string>{"timeline", "Kazakhstan", "Pakistan"},
        std::vector<std::string>{"path", "PAK", "EU", "--json"},
        std::vector<std::string>{"stats"}}) {
    std::vector<std::string> with_db = query, with_server = query;
    with_db.insert(with_db.end(), {"--db", store});
    with_server.insert(with_server.end(), {"--server", address});
    Result local = Run(with_db);
    Result remote = Run(with_server);
    EXPECT_EQ(local.exit_code, 0) << local.err;
    EXPECT_EQ(remote.exit_code, 0) << remote.err;
    EXPECT_FALSE(local.out.empty());
    EXPECT_EQ(local.out, remote.out) << query[0];
  }
  EXPECT_EQ(StopServer(server), 0) << ReadFile(dir_ + "/serve.log");
}

TEST_F(EntenteBinaryTest, ReimportingByAnotherPathOrAsACopyAddsNoProvenance) {
  const std::string store = dir_ + "/store";
  auto quotes = [&] {
    Result timeline =
        Run({"timeline", "Kazakhstan", "Pakistan", "--db", store, "--json"});
    EXPECT_EQ(timeline.exit_code, 0) << timeline.err;
    size_t count = 0;
    for (size_t at = timeline.out.find("\"quote\""); at != std::string::npos;
         at = timeline.out.find("\"quote\"", at + 1))
      ++count;
    return std::make_pair(count, timeline.out);
  };
  ASSERT_EQ(Run({"import", "--db", store, dir_ + "/digest.txt"}).exit_code, 0);
  auto [first, first_out] = quotes();
  ASSERT_GT(first, 0u);
  EXPECT_THAT(first_out, HasSubstr("\"digest.txt\""));
  EXPECT_THAT(first_out, Not(HasSubstr(dir_)));  // No directory of this machine.
  WriteFile(dir_ + "/copy-of-digest.txt", ReadFile(dir_ + "/digest.txt"));
  const std::string relative = std::filesystem::relative(dir_ + "/digest.txt").string();
  for (const std::string& path : {relative, dir_ + "/copy-of-digest.txt"}) {
    Result again = Run({"import", "--db", store, path});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_THAT(again.out, HasSubstr("relations  0 new, 0 merged, ")) << path;
  }
  EXPECT_EQ(quotes().first, first);
}

TEST_F(EntenteBinaryTest, JsonLinesPrintOneRecordPerLineThatImportReadsBack) {
  const std::string store = dir_ + "/store";
  ASSERT_EQ(Run({"import", "--db", store, dir_ + "/digest.txt"}).exit_code, 0);
  Result timeline = Run({"timeline", "Kazakhstan", "--db", store, "--jsonl", "--all"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  std::istringstream lines(timeline.out);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_THAT(line, StartsWith("{\"type\":\""));
    EXPECT_THAT(line, Not(HasSubstr("Value\":")));  // No {"intValue":...} wrappers.
  }
  ASSERT_GT(count, 0);
  // The lines are relation JSON Lines: a new store imports them all.
  WriteFile(dir_ + "/timeline.jsonl", timeline.out);
  Result again = Run({"import", "--db", dir_ + "/copy", dir_ + "/timeline.jsonl"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("relations  " + std::to_string(count) + " new"));
  Result path = Run({"path", "PAK", "KAZ", "--db", store, "--jsonl"});
  ASSERT_EQ(path.exit_code, 0) << path.err;
  EXPECT_THAT(path.out, StartsWith("{\"entities\":[\"country:PAK\""));
  Result both = Run({"timeline", "KAZ", "--db", store, "--jsonl", "--json"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_THAT(both.err, HasSubstr("exclude each other"));
}

TEST_F(EntenteBinaryTest, BadListenAddressesAreRefusedBeforeServing) {
  for (const auto& [listen, why] : std::vector<std::pair<std::string, std::string>>{
           {"127.0.0.1:99999", "not a number from 0 to 65535"},
           {"127.0.0.1", "no port"},
           {":50051", "no host"},
           {"::1", "brackets"},
           {"127.0.0.1:5x", "not a number"}}) {
    Result result =
        Run({"serve", "--db", dir_ + "/store", "--listen", listen, "--quiet"});
    EXPECT_EQ(result.exit_code, 1) << listen;
    EXPECT_THAT(result.err,
                AllOf(HasSubstr("--listen '" + listen + "'"), HasSubstr(why)));
  }
}

TEST_F(EntenteBinaryTest, BadHttpAddressesAreRefusedNamingTheFlag) {
  for (const auto& [http, why] : std::vector<std::pair<std::string, std::string>>{
           {"127.0.0.1", "--http '127.0.0.1': no port"},
           {"127.0.0.1:70000", "not a number from 0 to 65535"},
           {"example.invalid:8080",
            "--http: \"example.invalid\" is not an IP address"}}) {
    Result result = Run({"serve", "--db", dir_ + "/store", "--listen", "127.0.0.1:0",
                         "--http", http, "--quiet"});
    EXPECT_EQ(result.exit_code, 1) << http;
    EXPECT_THAT(result.err, HasSubstr(why)) << http;
  }
}

TEST_F(EntenteBinaryTest, ABusyHttpPortFailsNamingTheFlag) {
  pid_t first = StartServer(dir_ + "/store", "127.0.0.1:0");
  ASSERT_GT(first, 0) << ReadFile(dir_ + "/serve.log");
  const std::string port = ServedPort();
  ASSERT_FALSE(port.empty()) << ReadFile(dir_ + "/serve.log");
  Result second = Run({"serve", "--db", dir_ + "/other", "--listen", "127.0.0.1:0",
                       "--http", "127.0.0.1:" + port, "--quiet"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.err, HasSubstr("--http: cannot listen on 127.0.0.1:" + port));
  EXPECT_EQ(StopServer(first), 0) << ReadFile(dir_ + "/serve.log");
}

TEST_F(EntenteBinaryTest, ASecondServerOnABusyPortFailsNamingThePort) {
  pid_t first = StartServer(dir_ + "/store", "127.0.0.1:0");
  ASSERT_GT(first, 0) << ReadFile(dir_ + "/serve.log");
  const std::string port = ServedPort();  // The port the first server bound.
  ASSERT_FALSE(port.empty()) << ReadFile(dir_ + "/serve.log");
  Result second =
      Run({"serve", "--db", dir_ + "/other", "--listen", "127.0.0.1:" + port, "--quiet"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.err, AllOf(HasSubstr("port " + port), HasSubstr("in use")));
  EXPECT_EQ(StopServer(first), 0) << ReadFile(dir_ + "/serve.log");
}

TEST_F(EntenteBinaryTest, QueryOfMissingStoreFails) {
  Result result = Run({"stats", "--db", dir_ + "/nothing"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(dir_ + "/nothing"));
}

}  // namespace
