// The command line as users run it: output, exit codes, formats.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

std::string golden(const std::string& name) {
  return read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/golden/" + name);
}

TEST(Cli, FlawedExampleMatchesGoldenOutput) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan", code);
  EXPECT_EQ(out, golden("flawed-rest.txt"));
  EXPECT_EQ(code, 1);
}

TEST(Cli, EveryExampleMatchesItsGoldenOutput) {
  const std::string root = LIFTLINT_SOURCE_DIR;
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/examples")) {
    if (entry.path().extension() != ".plan") continue;
    const auto name = entry.path().stem().string();
    int code = 0;
    const auto out = run_cli("check examples/" + name + ".plan", code);
    EXPECT_EQ(out, golden("examples/" + name + ".txt")) << name;
    EXPECT_EQ(std::to_string(code) + "\n", golden("examples/" + name + ".exit")) << name;
    ++checked;
  }
  EXPECT_GE(checked, 10U);
}

TEST(Cli, GoodExamplePassesWithExitZero) {
  int code = 0;
  const auto out = run_cli("check examples/beginner-routine.plan", code);
  EXPECT_EQ(out, "1 plan: 0 errors, 0 warnings, 0 infos\n");
  EXPECT_EQ(code, 0);
}

TEST(Cli, FailOnDecidesTheExitCode) {
  int code = 0;
  run_cli("check tests/golden/warning-only.plan", code);
  EXPECT_EQ(code, 0);
  run_cli("check tests/golden/warning-only.plan --fail-on warning", code);
  EXPECT_EQ(code, 1);
}

TEST(Cli, JsonOutputFollowsTheSchema) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --format json", code, false);
  EXPECT_EQ(code, 1);
  const auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["version"], 1);
  const auto& finding = doc["plans"][0]["findings"][0];
  EXPECT_EQ(finding["rule"], "bp.rest-between-strength");
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["location"]["line"], 15);
  EXPECT_EQ(finding["location"]["column"], 1);
  EXPECT_EQ(finding["notes"][0]["location"]["line"], 8);
  EXPECT_EQ(finding["help"][0], "move this session to Wed");
  EXPECT_EQ(finding["citations"][0]["source"], "shields_psereckis");
  EXPECT_EQ(finding["citations"][0]["evidence"], "advice.practitioner");
  EXPECT_EQ(doc["summary"]["errors"], 1);
}

TEST(Cli, InputErrorsExitTwoAndKeepCheckingTheOtherPlans) {
  int code = 0;
  const auto out = run_cli("check tests/golden/bad-weekday.plan examples/flawed-rest.plan", code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("tests/golden/bad-weekday.plan:3:1: error: unknown day 'tus'"), std::string::npos) << out;
  EXPECT_NE(out.find("error[bp.rest-between-strength]"), std::string::npos) << out;
}

TEST(Cli, MissingPlanFile) {
  int code = 0;
  const auto out = run_cli("check no/such.plan", code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("no/such.plan: error: cannot read plan file 'no/such.plan'"), std::string::npos) << out;
}

TEST(Cli, BadRulePackExitsTwo) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --rules tests/golden/bad.rules", code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("tests/golden/bad.rules:3:12: error: unknown source 'who2002'"), std::string::npos) << out;
}

TEST(Cli, ExtraPackAddsRules) {
  int code = 0;
  const auto out = run_cli("check examples/beginner-routine.plan --rules tests/golden/extra.rules", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("error[clinic.no-back-extension]"), std::string::npos) << out;
}

TEST(Cli, ReadShowsWhatEachLineWasReadAsAndNamesTheLinesItCouldNot) {
  const TempDir dir;
  const auto path =
      dir.write("read.plan", "Week 1\nMon: squat 3x5 @ 100kg RPE 7\nfoo bar baz 3x5\nDay 2\nplank 3 x 30s\n");
  int code = 0;
  const auto out = run_cli("read " + path, code, false);
  EXPECT_NE(out.find("  week 1\n    Mon, strength, vigorous\n"), std::string::npos) << out;
  EXPECT_NE(out.find("back squat                       3 x 5, 100 kg, RPE 7, loaded"), std::string::npos) << out;
  EXPECT_NE(out.find("foo bar baz (not in the catalogue"), std::string::npos) << out;
  EXPECT_NE(out.find("    Day 2 (weekday not given)"), std::string::npos) << out;
  EXPECT_NE(out.find("3 sets, 30 s per set"), std::string::npos) << out;
  EXPECT_NE(out.find("1 line(s) not read"), std::string::npos) << out;
  EXPECT_EQ(code, 2);
  const auto json = nlohmann::json::parse(run_cli("read --format json " + path, code, false));
  const auto& squat = json["plans"][0]["weeks"][0]["sessions"][0]["lines"][0];
  EXPECT_EQ(squat["exercise"], "back squat");
  EXPECT_EQ(squat["load_kg"], 100);
  EXPECT_EQ(json["plans"][0]["errors"], 1);
}

TEST(Cli, NoDefaultRulesKeepsTheVocabularyButNotTheRules) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --no-default-rules", code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "1 plan: 0 errors, 0 warnings, 0 infos\n");
}

TEST(Cli, UsageErrorsExitTwo) {
  int code = 0;
  auto out = run_cli("check examples/flawed-rest.plan --format yaml", code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("liftlint: error: --format: yaml not in {text,json,sarif,junit,github}"), std::string::npos)
      << out;
  out = run_cli("", code);
  EXPECT_EQ(code, 2);
  out = run_cli("check", code);
  EXPECT_EQ(code, 2);
}

TEST(Cli, VersionAndHelp) {
  int code = 0;
  EXPECT_EQ(run_cli("--version", code), "liftlint 0.1.0\n");
  EXPECT_EQ(code, 0);
  const auto help = run_cli("check --help", code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(help.find("liftlint check week.plan"), std::string::npos) << help;
}

TEST(Cli, ColourOnlyWhenAsked) {
  int code = 0;
  const auto plain = run_cli("check examples/flawed-rest.plan", code);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  const auto coloured = run_cli("check examples/flawed-rest.plan --color always", code);
  EXPECT_NE(coloured.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

TEST(Cli, AByteOrderMarkIsSkipped) {
  int code = 0;
  const auto out = run_cli("check tests/golden/bom.plan", code);
  EXPECT_EQ(out.find(": error"), std::string::npos) << out;
  EXPECT_NE(out.find("warning[bp.strength-days]"), std::string::npos) << out;
  EXPECT_EQ(code, 0) << out;
}

TEST(Cli, RulesOptionTakesOneValueEachTime) {
  int code = 0;
  const auto out = run_cli("check --rules tests/golden/extra.rules examples/beginner-routine.plan", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("error[clinic.no-back-extension]"), std::string::npos) << out;
}

TEST(Cli, RuleErrorsAreJsonWhenAsked) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --rules tests/golden/bad.rules --format json", code, false);
  EXPECT_EQ(code, 2);
  const auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["rule_errors"][0]["message"], "unknown source 'who2002'");
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

TEST(Cli, JobsGiveTheSameOutputAsOneJob) {
  int one = 0, many = 0;
  const auto serial = run_cli("check examples tests/bad/plans --jobs 1", one);
  const auto parallel = run_cli("check examples tests/bad/plans --jobs 4", many);
  EXPECT_EQ(serial, parallel);
  EXPECT_EQ(one, many);
  EXPECT_EQ(one, 2);
  EXPECT_NE(serial.find("plans: "), std::string::npos);
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

// Found by fuzzing: an error excerpt cut inside a UTF-8 character made the JSON writer throw.
TEST(Cli, JsonOfEveryBadInputIsValid) {
  int code = 0;
  const auto out = run_cli("check tests/bad/plans --format json", code, false);
  EXPECT_EQ(code, 2);
  const auto doc = nlohmann::json::parse(out);
  EXPECT_GE(doc["plans"].size(), 100U);
}

}  // namespace
}  // namespace liftlint::testing
