// The command line as CI uses it: batches, machine formats, thresholds, configuration.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

namespace fs = std::filesystem;

std::string example_json(const std::string& name) {
  return read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/json/" + name + ".json");
}

// A line of `config show` with its padding collapsed: "value # origin".
std::string setting(const std::string& shown, const std::string& key) {
  std::istringstream in(shown);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + "  ", 0) != 0) continue;
    const auto value = line.find_first_not_of(' ', key.size());
    const auto hash = line.find("  # ", value);
    auto text = line.substr(value, hash - value);
    text.erase(text.find_last_not_of(' ') + 1);
    return text + " # " + line.substr(hash + 4);
  }
  return "(no line for " + key + ")";
}

const std::string waived_plan = R"(waive bp.avoid-deadlift reason "supervised by the physio" approved by "Dr Lee"
)";

TEST(CiFormats, SarifListsRulesWithCitationsAndResultsWithRegions) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-avoid.plan examples/flawed-rest.plan --format sarif", code, false);
  EXPECT_EQ(code, 1);
  const auto log = nlohmann::json::parse(out);
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "liftlint");
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto rule =
      std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r["id"] == "bp.avoid-deadlift"; });
  ASSERT_NE(rule, rules.end());
  EXPECT_FALSE((*rule)["shortDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE((*rule)["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_NE((*rule)["help"]["text"].get<std::string>().find("Sources:\n- "), std::string::npos);
  EXPECT_FALSE(rule->contains("helpUri"));  // none of its sources has a URL
  const auto who =
      std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r["id"] == "bp.strength-days"; });
  ASSERT_NE(who, rules.end());
  EXPECT_EQ((*who)["helpUri"], "https://www.who.int/publications/i/item/9789240015128");
  EXPECT_EQ((*rule)["properties"]["evidence"],
            nlohmann::json::parse(R"(["advice.expert_opinion", "advice.practitioner"])"));
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "bp.avoid-deadlift");
  EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], "bp.avoid-deadlift");
  EXPECT_EQ(result["level"], "error");
  const auto& region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 19);
  EXPECT_EQ(region["startColumn"], 5);
  EXPECT_EQ(region["endColumn"], 13);
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "examples/flawed-avoid.plan");
}

TEST(CiFormats, SarifColumnsCountCodePoints) {
  TempDir dir;
  // "Bent-over row – 3 × 10": the dash and the times sign are several bytes each.
  const auto plan = dir.write("p.plan", R"(client {
  conditions low_back_pain
  cleared yes
}
mon strength { Bird-dog – 3 × 10; Sit-ups – 3 × 15 }
)");
  int code = 0;
  const auto log = nlohmann::json::parse(run_cli("check " + plan + " --format sarif", code, false));
  const auto& results = log["runs"][0]["results"];
  const auto sit_ups = std::find_if(results.begin(), results.end(),
                                    [](const auto& r) { return r["ruleId"] == "bp.no-crunches-sit-ups"; });
  ASSERT_NE(sit_ups, results.end()) << results.dump();
  const auto& region = (*sit_ups)["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startColumn"], 35);  // byte 38
  EXPECT_EQ(region["endColumn"], 42);
}

TEST(CiFormats, WaivedFindingsAreSarifSuppressionsAndJsonSuppressed) {
  TempDir dir;
  const auto plan =
      dir.write("w.plan", waived_plan + read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/flawed-avoid.plan"));
  int code = 0;
  const auto log = nlohmann::json::parse(run_cli("check " + plan + " --format sarif", code, false));
  EXPECT_EQ(code, 0);  // the one error is waived; the rest are warnings
  std::size_t suppressed = 0;
  for (const auto& r : log["runs"][0]["results"]) {
    if (!r.contains("suppressions")) continue;
    ++suppressed;
    EXPECT_EQ(r["ruleId"], "bp.avoid-deadlift");
    EXPECT_EQ(r["suppressions"][0]["kind"], "inSource");
    EXPECT_EQ(r["suppressions"][0]["status"], "accepted");
    EXPECT_EQ(r["suppressions"][0]["justification"], "supervised by the physio");
    EXPECT_EQ(r["suppressions"][0]["properties"]["approvedBy"], "Dr Lee");
  }
  EXPECT_EQ(suppressed, 1U);
  const auto doc = nlohmann::json::parse(run_cli("check " + plan + " --format json", code, false));
  EXPECT_EQ(doc["summary"]["suppressed"], 1);
  EXPECT_EQ(doc["summary"]["errors"], 0);
  EXPECT_EQ(doc["plans"][0]["suppressed"][0]["rule"], "bp.avoid-deadlift");
  EXPECT_EQ(doc["plans"][0]["suppressed"][0]["waiver"]["reason"], "supervised by the physio");
  EXPECT_EQ(doc["plans"][0]["suppressed"][0]["waiver"]["scope"], "plan");
  const auto text = run_cli("check " + plan, code);
  EXPECT_NE(text.find("1 plan: 0 errors, 3 warnings, 0 infos (1 waived)"), std::string::npos) << text;
  EXPECT_NE(text.find(plan +
                      ":20:5: waived[bp.avoid-deadlift]: avoid conventional deadlifts with back pain\n"
                      "   = waived at " +
                      plan + ":1:7: supervised by the physio (approved by Dr Lee)\n"),
            std::string::npos)
      << text;
}

TEST(CiFormats, GithubAnnotations) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --format github", code, false);
  EXPECT_EQ(out,
            "::error file=examples/flawed-rest.plan,line=15,col=1,endColumn=4,title=bp.rest-between-strength::"
            "strength sessions on Mon and Tue of week 1 leave no rest day between them%0Ahelp: move this session to "
            "Wed%0Asource: Shields M, Psereckis R. Is it safe to do weight training when my back hurts? Physiotherapy "
            "clinic article.\n");
  EXPECT_EQ(code, 1);
}

TEST(CiFormats, JunitHasATestCasePerPlanAndRule) {
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan tests/golden/bad-weekday.plan --format junit", code, false);
  EXPECT_EQ(code, 2);
  // The totals add up both plans: 34 rules each, and the input-error test case of the plan that has one.
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"liftlint\" tests=\"69\" "
                      "failures=\"1\" errors=\"1\" skipped=\"0\">\n",
                      0),
            0U)
      << out;
  EXPECT_NE(out.find("<testsuite name=\"examples/flawed-rest.plan\" tests=\"34\" failures=\"1\" errors=\"0\" "
                     "skipped=\"0\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testsuite name=\"tests/golden/bad-weekday.plan\" tests=\"35\" failures=\"0\" errors=\"1\" "
                     "skipped=\"0\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testcase name=\"bp.rest-between-strength\" classname=\"examples/flawed-rest.plan\">\n"
                     "      <failure message=\"strength sessions on Mon and Tue of week 1 leave no rest day between "
                     "them\" type=\"finding\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testcase name=\"liftlint.input-error\" classname=\"tests/golden/bad-weekday.plan\">\n"
                     "      <error message=\"unknown day &apos;tus&apos;"),
            std::string::npos)
      << out;
}

TEST(CiOutput, OutputFileGetsTheReportAndStdoutStaysEmpty) {
  TempDir dir;
  int code = 0;
  const auto report = dir.path() + "/report.sarif";
  const auto out = run_cli("check examples/flawed-rest.plan --format sarif --output " + report, code, false);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out, "");
  EXPECT_EQ(nlohmann::json::parse(read_file(report))["version"], "2.1.0");
  const auto err = run_cli("check examples/flawed-rest.plan --output " + dir.path() + "/no/such/dir/r.txt", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(err, "liftlint: error: cannot write the report to '" + dir.path() +
                     "/no/such/dir/r.txt': no such file or directory\n");
}

TEST(CiOutput, SummaryGoesToStderrForMachineFormats) {
  TempDir dir;
  int code = 0;
  const auto err = run_cli("check examples/flawed-rest.plan --format json --output " + dir.path() + "/r.json", code);
  EXPECT_EQ(err, "1 plan: 1 error, 0 warnings, 0 infos\n");
}

TEST(CiThresholds, MaxWarnings) {
  int code = 0;
  run_cli("check examples/flawed-posture.plan", code);
  EXPECT_EQ(code, 0);
  const auto out = run_cli("check examples/flawed-posture.plan --max-warnings 1", code);
  EXPECT_EQ(code, 1);
  // The report is unchanged; one more line says why the run fails.
  EXPECT_EQ(out, read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/golden/examples/flawed-posture.txt") +
                     "liftlint: 2 warnings, more than --max-warnings 1 allows (command line)\n");
  run_cli("check examples/flawed-posture.plan --max-warnings 2", code);
  EXPECT_EQ(code, 0);
  const auto bad = run_cli("check examples/flawed-posture.plan --max-warnings -1", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(bad,
            "liftlint: error: --max-warnings: Value -1 not in range 0 to 1000000000\n"
            "Run 'liftlint --help' for usage.\n");
  const auto today = run_cli("check examples/flawed-posture.plan --today 2026-13-01", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(today,
            "liftlint: error: --today: expected a date as YYYY-MM-DD, found '2026-13-01'\n"
            "Run 'liftlint --help' for usage.\n");
}

TEST(CiBatches, JsonLinesOnStandardInput) {
  TempDir dir;
  std::string lines;
  for (const auto* name : {"beginner-routine", "flawed-rest"}) {
    auto text = example_json(name);
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    lines += text + "\n";
  }
  lines += "{\"days\": [}\n";
  const auto input = dir.write("plans.jsonl", lines);
  int code = 0;
  const auto out = run_cli("check - --format json < " + input, code, false);
  EXPECT_EQ(code, 2);
  const auto doc = nlohmann::json::parse(out);
  ASSERT_EQ(doc["plans"].size(), 3U);
  EXPECT_EQ(doc["plans"][0]["path"], "<stdin>:1");
  EXPECT_TRUE(doc["plans"][0]["findings"].empty());
  EXPECT_EQ(doc["plans"][1]["findings"][0]["rule"], "bp.rest-between-strength");
  EXPECT_EQ(doc["plans"][1]["findings"][0]["location"]["file"], "<stdin>");
  EXPECT_EQ(doc["plans"][1]["findings"][0]["location"]["line"], 2);
  EXPECT_EQ(doc["plans"][2]["errors"][0]["location"]["line"], 3);
  EXPECT_EQ(doc["plans"][2]["errors"][0]["location"]["column"], 11);
}

// Good, flawed and malformed plans mixed, as a platform's nightly export would be.
TEST(CiBatches, AThousandJsonPlansInOneDirectory) {
  TempDir dir;
  const auto good = example_json("beginner-routine");
  const auto flawed = example_json("flawed-rest");
  const std::vector<std::string> malformed = {
      "{\"plan\": \"cut off\", \"days\": [",
      R"({"days": [{"day": "mon", "kind": "strength", "exercises": [{"exercise": "glute bridge", "sets": "3"}]}]})",
      R"({"weeks": [{"week": 1}]})",
      R"({"days": [{"day": "mon", "kind": "strength", "exercises": [{"exercise": "glute bridge", "sets": 3, "reps": -5}]}]})"};
  for (int i = 0; i < 1000; ++i) {
    const auto name = fmt::format("{}/plan-{:04}.json", i % 7, i);
    dir.write(name, i % 5 == 4   ? malformed[static_cast<std::size_t>(i / 5) % malformed.size()]
                    : i % 2 == 0 ? good
                                 : flawed);
  }
  int code = 0;
  const auto doc = nlohmann::json::parse(run_cli("check " + dir.path() + " --format json --jobs 2", code, false));
  EXPECT_EQ(code, 2);
  ASSERT_EQ(doc["plans"].size(), 1000U);
  std::size_t with_errors = 0, with_findings = 0;
  for (const auto& p : doc["plans"]) {
    if (!p["errors"].empty()) {
      ++with_errors;
      EXPECT_GT(p["errors"][0]["location"]["line"].get<int>(), 0) << p["path"];
      EXPECT_GT(p["errors"][0]["location"]["column"].get<int>(), 0) << p["path"];
    }
    with_findings += p["findings"].empty() ? 0 : 1;
  }
  EXPECT_EQ(with_errors, 200U);
  // A plan whose only fault is one line's dose ("sets": "3", "reps": -5) is still checked: its findings stand
  // beside the error. 400 good and flawed plans have findings, and 100 of the malformed ones.
  EXPECT_EQ(with_findings, 500U);
  EXPECT_EQ(doc["summary"]["plans"], 1000);
}

TEST(CiBatches, OutputDoesNotDependOnTheOrderFilesWereCreated) {
  const std::vector<std::string> names = {"b.json", "a.plan", "sub/c.json", "d.json"};
  const std::vector<std::string> texts = {example_json("flawed-rest"),
                                          read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/flawed-avoid.plan"),
                                          example_json("flawed-dose"), "{\"days\": 3}"};
  std::vector<std::string> outputs;
  for (const bool reversed : {false, true}) {
    const auto root = fs::temp_directory_path() / ("liftlint-order-" + std::to_string(getpid()));
    fs::remove_all(root);
    for (std::size_t k = 0; k < names.size(); ++k) {
      const auto i = reversed ? names.size() - 1 - k : k;
      fs::create_directories((root / names[i]).parent_path());
      std::ofstream(root / names[i]) << texts[i];
    }
    int code = 0;
    outputs.push_back(run_cli("check " + root.string() + " --format sarif --jobs 3", code, false));
    fs::remove_all(root);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  // Each file has a result, and the results come in sorted path order.
  const auto log = nlohmann::json::parse(outputs[0]);
  std::vector<std::string> files;
  for (const auto& result : log["runs"][0]["results"]) {
    const auto uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
    const auto file = uri.substr(uri.find("/liftlint-order-") + 1);
    if (files.empty() || files.back() != file) files.push_back(file);
  }
  const auto root = "liftlint-order-" + std::to_string(getpid()) + "/";
  EXPECT_EQ(files, (std::vector<std::string>{root + "a.plan", root + "b.json", root + "d.json", root + "sub/c.json"}))
      << outputs[0];
}

TEST(CiConfig, FoundFromThePlansDirectoryUpwards) {
  TempDir dir;
  dir.write(".liftlint.json", R"({
  "fail_on": "warning",
  "rules": {
    "bp.supported-rows": {"severity": "off", "reason": "rows are coached one to one here"},
    "bp.no-crunches-sit-ups": {"severity": "info"}
  }
})");
  const auto plan =
      dir.write("clients/anna/week.plan", read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/flawed-avoid.plan"));
  int code = 0;
  const auto out = run_cli("check " + plan, code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out.find("bp.supported-rows"), std::string::npos) << out;
  EXPECT_NE(out.find("info[bp.no-crunches-sit-ups]"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.rfind('\n', out.size() - 2) + 1), "1 plan: 1 error, 1 warning, 1 info\n") << out;
  const auto shown = run_cli("config show " + dir.path() + "/clients/anna", code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(shown.find("config file: " + dir.path() + "/.liftlint.json"), std::string::npos) << shown;
  EXPECT_EQ(setting(shown, "fail_on"), "warning # " + dir.path() + "/.liftlint.json:2:3") << shown;
  EXPECT_EQ(setting(shown, "rule bp.supported-rows"),
            "off: rows are coached one to one here # " + dir.path() + "/.liftlint.json:4:5")
      << shown;
  EXPECT_EQ(setting(shown, "rule bp.no-crunches-sit-ups"), "info # " + dir.path() + "/.liftlint.json:5:5") << shown;
  EXPECT_EQ(setting(shown, "default_rules"), "true # default") << shown;
  const auto overridden = run_cli("config show " + dir.path() + " --fail-on error", code);
  EXPECT_EQ(setting(overridden, "fail_on"), "error # command line") << overridden;
}

TEST(CiConfig, ConfigErrorsArePositionedAndTheBatchGoesOn) {
  TempDir dir;
  const auto config = dir.write("ci.json", R"({
  "fail_onn": "warning",
  "rules": {"bp.avoid-deadlfit": {"severity": "off", "reason": "x"},
            "bp.supported-rows": {"severity": "off"}}
})");
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --config " + config, code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find(config + ":2:3: error: unknown key \"fail_onn\" in the configuration"), std::string::npos) << out;
  EXPECT_NE(out.find("= help: did you mean 'fail_on'?"), std::string::npos) << out;
  EXPECT_NE(out.find(config + ":3:13: error: the configuration names rule 'bp.avoid-deadlfit', which is not loaded"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(config + ":4:47: error: turning rule 'bp.supported-rows' off needs a \"reason\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("error[bp.rest-between-strength]"), std::string::npos) << out;
  const auto invalid = dir.write("broken.json", "{\"packs\": [\"a\",]}");
  run_cli("check examples/flawed-rest.plan --config " + invalid, code);
  EXPECT_EQ(code, 2);
}

TEST(CiConfig, ValuesOfTheWrongKindAreErrors) {
  TempDir dir;
  const auto config =
      dir.write("ci.json", "{\n  \"fail_on\": \"warnings\",\n  \"max_warnings\": -2,\n  \"packs\": \"rules\"\n}\n");
  int code = 0;
  const auto out = run_cli("check examples/flawed-rest.plan --config " + config, code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find(config + ":2:14: error: expected \"fail_on\" to be \"error\", \"warning\" or \"info\", found "
                              "\"warnings\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("= help: did you mean 'warning'?"), std::string::npos) << out;
  EXPECT_NE(out.find(config + ":3:19: error: expected \"max_warnings\" to be a whole number from 0 to 1000000000"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(config + ":4:12: error: expected \"packs\" to be an array of paths, found a string"),
            std::string::npos)
      << out;
  const auto twice = run_cli("check - -", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(twice, "liftlint: error: '-' (standard input) can be given once\nRun 'liftlint --help' for usage.\n");
}

TEST(CiConfig, ShapeErrorsInRuleSettings) {
  TempDir dir;
  const auto list = dir.write("list.json", "[1]");
  int code = 0;
  EXPECT_EQ(run_cli("check examples/beginner-routine.plan --config " + list, code),
            list +
                ":1:1: error: expected the configuration as an object { ... }\n"
                "  |\n"
                "1 | [1]\n"
                "  | ^^^\n\n"
                "1 plan: 0 errors, 0 warnings, 0 infos; 1 input error\n");
  EXPECT_EQ(code, 2);
  const auto rules =
      dir.write("rules.json", R"({"rules": {"bp.cool-down": {"level": "info"}, "bp.warm-up": {"reason": "x"}}})");
  const auto out = run_cli("check examples/beginner-routine.plan --config " + rules, code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find(rules + ":1:29: error: unknown key \"level\" in a rule setting"), std::string::npos) << out;
  EXPECT_NE(out.find(rules + ":1:61: error: a rule setting needs \"severity\": error, warning, info or off"),
            std::string::npos)
      << out;
}

TEST(CiConfig, ConfigErrorsAppearInMachineOutput) {
  TempDir dir;
  const auto config = dir.write("ci.json", "{\"fail_onn\": \"warning\"}");
  int code = 0;
  const auto doc =
      nlohmann::json::parse(run_cli("check examples/flawed-rest.plan --format json --config " + config, code, false));
  EXPECT_EQ(code, 2);
  ASSERT_EQ(doc["plans"].size(), 2U);
  EXPECT_EQ(doc["plans"][0]["path"], config);
  EXPECT_EQ(doc["plans"][0]["errors"][0]["location"]["column"], 2);
  EXPECT_EQ(doc["plans"][1]["path"], "examples/flawed-rest.plan");
}

TEST(CiBatches, AnEmptyDirectoryIsAnError) {
  TempDir dir;
  int code = 0;
  const auto out = run_cli("check " + dir.path(), code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, dir.path() + ": error: no .plan or .json files in directory '" + dir.path() +
                     "'\n\n"
                     "0 plans: 0 errors, 0 warnings, 0 infos; 1 input error\n");
}

TEST(CiOutput, ANewReportFileGetsOrdinaryPermissions) {
  TempDir dir;
  int code = 0;
  const auto report = dir.path() + "/report.txt";
  run_cli("check examples/flawed-rest.plan --output " + report, code);
  EXPECT_EQ(code, 1);
  ASSERT_TRUE(fs::is_regular_file(report));
  const auto permissions = fs::status(report).permissions();
  EXPECT_EQ(permissions & (fs::perms::set_uid | fs::perms::set_gid | fs::perms::sticky_bit | fs::perms::others_write),
            fs::perms::none);
  EXPECT_NE(permissions & fs::perms::owner_read, fs::perms::none);
}

TEST(CiConfig, PacksAreRelativeToTheConfigFile) {
  TempDir dir;
  dir.write("rules/clinic.rules", read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/golden/extra.rules"));
  dir.write(".liftlint.json", R"({"packs": ["rules"]})");
  int code = 0;
  const auto shown = run_cli("config show " + dir.path(), code);
  EXPECT_EQ(setting(shown, "packs"), dir.path() + "/rules # " + dir.path() + "/.liftlint.json:1:2") << shown;
}

}  // namespace
}  // namespace liftlint::testing
