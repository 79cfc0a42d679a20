// The command line as users run it: output, exit codes, formats.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

std::string golden(const std::string& name) {
  return read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/golden/" + name);
}

// A golden text report without its last line, the summary, which changes when plans are checked together.
std::string without_summary(const std::string& report) {
  const auto end = report.rfind('\n', report.size() - 2);
  return report.substr(0, end + 1);
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
  // The plan records no condition of its client: a note at its first line, then the error.
  EXPECT_EQ(out.rfind("tests/golden/bad-weekday.plan:1:1: note: the plan records no condition of the client", 0), 0U)
      << out;
  EXPECT_NE(out.find("tests/golden/bad-weekday.plan:3:1: error: unknown day 'tus'; expected a weekday such as mon or "
                     "Monday, or 'Day N'\n"
                     "  |\n"
                     "3 | tus strength 30min {\n"
                     "  | ^^^\n"
                     "  = help: did you mean 'tue'?\n\n"),
            std::string::npos)
      << out;
  // The plan after the broken one is reported in full, as when it is checked alone.
  const auto flawed_rest = without_summary(golden("examples/flawed-rest.txt"));
  ASSERT_NE(flawed_rest.find("error[bp.rest-between-strength]"), std::string::npos) << flawed_rest;
  EXPECT_NE(out.find(flawed_rest), std::string::npos) << out;
}

TEST(Cli, MissingPlanFile) {
  int code = 0;
  const auto out = run_cli("check no/such.plan", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out,
            "no/such.plan: error: cannot read plan file 'no/such.plan'\n\n"
            "1 plan: 0 errors, 0 warnings, 0 infos; 1 input error\n");
}

TEST(Cli, BadRulePackExitsTwo) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --rules tests/golden/bad.rules", code);
  EXPECT_EQ(code, 2);
  // No plan is checked when a pack has an error, so there is no summary line either.
  EXPECT_EQ(out,
            "tests/golden/bad.rules:3:12: error: unknown source 'who2002'\n"
            "  |\n"
            "3 |   cite     who2002\n"
            "  |            ^^^^^^^\n"
            "  = help: did you mean 'who2020'?\n\n");
}

const std::string extra_pack_report =
    "examples/beginner-routine.plan:18:5: error[clinic.no-back-extension]: this clinic keeps back extension out of "
    "early rehabilitation\n"
    "   |\n"
    "18 |     Back extension – 3 × 12\n"
    "   |     ^^^^^^^^^^^^^^\n"
    "   = note: this happens in weeks 1-4\n"
    "   = help: try bird-dog instead\n"
    "   = source: PureGym, with Karmadzhieva V (personal trainer) (2026). Strength Training for Lower Back Pain: Safe "
    "Workouts That Support Recovery. PureGym.\n\n"
    "1 plan: 1 error, 0 warnings, 0 infos\n";

TEST(Cli, ExtraPackAddsRules) {
  int code = 0;
  const auto out = run_cli("check examples/beginner-routine.plan --rules tests/golden/extra.rules", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_EQ(out, extra_pack_report);
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
  EXPECT_NE(out.find("1 input error(s), shown above"), std::string::npos) << out;
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
  EXPECT_EQ(out,
            "liftlint: error: --format: yaml not in {text,json,sarif,junit,github,html}\n"
            "Run 'liftlint --help' for usage.\n");
  out = run_cli("", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, "liftlint: error: A subcommand is required\nRun 'liftlint --help' for usage.\n");
  out = run_cli("check", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, "liftlint: error: plans is required\nRun 'liftlint --help' for usage.\n");
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
  // Colour is all that --color adds: without its escape sequences the report is the plain one.
  EXPECT_EQ(std::regex_replace(coloured, std::regex("\x1b\\[[0-9;]*m"), ""), plain);
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

TEST(Cli, AByteOrderMarkIsSkipped) {
  int code = 0;
  const auto out = run_cli("check tests/golden/bom.plan", code);
  // Line 2, column 1 and the quoted line show that the mark counts for no column and is not quoted.
  EXPECT_EQ(out,
            "tests/golden/bom.plan:1:1: note: the plan records no condition of the client, so 32 rules for clients "
            "with back pain or another condition did not apply\n"
            "  |\n"
            "1 | plan \"Block with a byte order mark\"\n"
            "  | ^\n"
            "  = help: if the client has one, say so before the first session, as a field (`Client: back pain`) or in "
            "words (`History: back pain since 2023, cleared by physio`)\n\n"
            "tests/golden/bom.plan:2:1: info[bp.strength-days]: strength sessions in week 1: 0; plan "
            "muscle-strengthening work on at least 2 days a week\n"
            "  |\n"
            "2 | mon rest\n"
            "  | ^^^\n"
            "  = help: plan strength work on at least 2 days a week, with a day between them\n"
            "  = source: World Health Organization (2020). WHO guidelines on physical activity and sedentary "
            "behaviour. Geneva: World Health Organization. https://www.who.int/publications/i/item/9789240015128 "
            "(recommendations for adults aged 18-64)\n"
            "  = source: Spine-health. Strength training with back pain (Spine-health article). (Dos and don'ts for "
            "strength training with back pain)\n\n"
            "1 plan: 0 errors, 0 warnings, 1 info; no client condition recorded\n");
  EXPECT_EQ(code, 0) << out;
}

TEST(Cli, RulesOptionTakesOneValueEachTime) {
  int code = 0;
  const auto out = run_cli("check --rules tests/golden/extra.rules examples/beginner-routine.plan", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_EQ(out, extra_pack_report);
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
  // Every plan of both directories is in the report, not just the first few.
  std::size_t plans = 0;
  for (const char* folder : {"/examples", "/tests/bad/plans"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(LIFTLINT_SOURCE_DIR + std::string(folder))) {
      const auto ext = entry.path().extension();
      plans += entry.is_regular_file() && (ext == ".plan" || ext == ".json") ? 1 : 0;
    }
  }
  EXPECT_NE(serial.find(fmt::format("\n{} plans: ", plans)), std::string::npos) << plans << "\n" << serial;
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
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(LIFTLINT_SOURCE_DIR) + "/tests/bad/plans")) {
    files += entry.path().extension() == ".plan" ? 1 : 0;
  }
  EXPECT_GE(files, 100U);
  ASSERT_EQ(doc["plans"].size(), files);
  for (const auto& plan : doc["plans"]) EXPECT_FALSE(plan["errors"].empty()) << plan["path"];
}

}  // namespace
}  // namespace liftlint::testing
