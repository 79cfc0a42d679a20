// Several reports from one run: each --format paired with its --output.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const char* const plans = "examples/flawed-rest.plan examples/flawed-avoid.plan examples/beginner-routine.plan";

TEST(Reports, EachFormatGoesToItsOwnOutputAndEqualsARunOfItsOwn) {
  TempDir dir;
  const auto sarif = dir.path() + "/a.sarif";
  const auto junit = dir.path() + "/b.xml";
  int code = 0;
  const auto out =
      run_cli(fmt::format("check {} --format sarif -o {} --format junit --output {}", plans, sarif, junit), code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out, "3 plans: 2 errors, 3 warnings, 0 infos\n");
  int alone = 0;
  EXPECT_EQ(read_file(sarif), run_cli(fmt::format("check {} --format sarif", plans), alone, false));
  EXPECT_EQ(read_file(junit), run_cli(fmt::format("check {} --format junit", plans), alone, false));
}

TEST(Reports, OneReportMayGoToStandardOutput) {
  TempDir dir;
  const auto json = dir.path() + "/r.json";
  int code = 0;
  const auto out = run_cli(fmt::format("check {} --format json -o {} --format text", plans, json), code);
  int alone = 0;
  EXPECT_EQ(out, run_cli(fmt::format("check {}", plans), alone));
  EXPECT_EQ(read_file(json), run_cli(fmt::format("check {} --format json", plans), alone, false));
  EXPECT_EQ(code, 1);
}

TEST(Reports, FormatsAndOutputsThatDoNotPairAreUsageErrors) {
  int code = 0;
  EXPECT_EQ(run_cli(fmt::format("check {} --format sarif --format junit", plans), code),
            "liftlint: error: 2 reports would go to standard output; give all but one an --output FILE\n"
            "Run 'liftlint --help' for usage.\n");
  EXPECT_EQ(code, 2);
  EXPECT_EQ(run_cli(fmt::format("check {} --format sarif -o a.sarif -o b.sarif -o c.sarif", plans), code),
            "liftlint: error: 1 --format and 3 --output given; give each format its own output, as in "
            "'--format sarif --output a.sarif --format junit --output b.xml' (one may go to standard output)\n"
            "Run 'liftlint --help' for usage.\n");
  EXPECT_EQ(code, 2);
  TempDir dir;
  const auto same = dir.path() + "/same";
  EXPECT_EQ(run_cli(fmt::format("check {} --format sarif -o {} --format junit -o {}", plans, same, same), code),
            fmt::format("liftlint: error: two reports would be written to '{}'; give each its own --output\n"
                        "Run 'liftlint --help' for usage.\n",
                        same));
  EXPECT_EQ(code, 2);
  EXPECT_FALSE(std::filesystem::exists(same));
}

TEST(Reports, RuleErrorsReachEveryReport) {
  TempDir dir;
  const auto sarif = dir.path() + "/a.sarif";
  const auto json = dir.path() + "/a.json";
  int code = 0;
  run_cli(fmt::format("check examples/flawed-rest.plan --rules tests/golden/bad.rules --format sarif -o {} "
                      "--format json -o {}",
                      sarif, json),
          code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(read_file(sarif), "");
  EXPECT_EQ(nlohmann::json::parse(read_file(json))["rule_errors"][0]["location"]["file"], "tests/golden/bad.rules");
}

TEST(Reports, ADirectoryWithNothingToReadIsAnInputErrorForEveryCommand) {
  TempDir dir;
  const auto empty = dir.path() + "/empty";
  std::filesystem::create_directories(empty);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"check " + empty, "no .plan or .json files"},
      {"fmt " + empty, "no .rules or .plan files"},
      {"test " + empty, "no .plan files"},
      {"check examples/flawed-rest.plan --rules " + empty, "no .rules files"},
  };
  for (const auto& [command, what] : cases) {
    int code = 0;
    const auto out = run_cli(command, code);
    EXPECT_EQ(code, 2) << command;
    const auto error = fmt::format("{}: error: {} in directory '{}'\n", empty, what, empty);
    EXPECT_EQ(out.substr(0, error.size()), error) << command << "\n" << out;
  }
}

// Notes are said in every report that shows input problems, and change neither the counts nor the exit code.
TEST(Reports, NotesAreSaidButNotCounted) {
  const TempDir dir;
  const auto plan = dir.path() + "/notes.plan";
  std::ofstream(plan) << "Client: osteoporosis\nMonday - lower body\nGoblet squat 3x10 @ 12kg\nRach\n";
  int code = 0;
  const auto text = run_cli("check " + plan + " --color never", code);
  EXPECT_EQ(code, 0) << text;
  EXPECT_NE(text.find("notes.plan:4:1: note: 'Rach' read as a note: no exercise the catalogue knows, and no dose"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("; 1 line read as a note\n"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(run_cli("check " + plan + " --format json", code, false));
  EXPECT_EQ(json["plans"][0]["errors"].size(), 0U);
  ASSERT_EQ(json["plans"][0]["notes"].size(), 1U);
  EXPECT_EQ(json["plans"][0]["notes"][0]["location"]["line"], 4);
  const auto sarif = nlohmann::json::parse(run_cli("check " + plan + " --format sarif", code, false));
  bool noted = false;
  for (const auto& r : sarif["runs"][0]["results"]) noted = noted || r["level"] == "note";
  EXPECT_TRUE(noted) << sarif.dump(2);
  EXPECT_NE(run_cli("check " + plan + " --format github", code, false).find("::notice file="), std::string::npos);
}

}  // namespace
}  // namespace liftlint::testing
