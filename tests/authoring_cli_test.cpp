// The rule author's commands as users run them: test, explain, rules list/check/doc, fmt.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

std::string temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("liftlint-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST(AuthoringCli, TestPassesOnTheShippedRuleTests) {
  int code = 0;
  const auto out = run_cli("test rules/back-pain/tests --coverage", code);
  EXPECT_EQ(code, 0) << out;
  // Every test file is run and passes; "0 passed, 0 failed" would mean none was found.
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LIFTLINT_SOURCE_DIR) + "/rules/back-pain/tests")) {
    if (entry.path().extension() == ".plan")
      files.push_back("rules/back-pain/tests/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  EXPECT_GE(files.size(), 10U);
  std::string expected;
  for (const auto& file : files) expected += "PASS " + file + "\n";
  EXPECT_EQ(out, expected + std::to_string(files.size()) + " passed, 0 failed\n");
}

TEST(AuthoringCli, TestReportsMissingAndUnexpectedFindings) {
  const auto dir = temp_dir();
  write(dir + "/t.plan",
        "client {\n  conditions low_back_pain\n  cleared yes\n}\n"
        "mon strength 30min {  # expect: bp.flare-up\n  glute bridge 3x12\n}\ntue strength 30min {\n"
        "  glute bridge 3x12\n}\n");
  int code = 0;
  const auto out = run_cli("test " + dir + "/t.plan", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("FAIL " + dir + "/t.plan"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/t.plan:5: missing bp.flare-up"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/t.plan:8: unexpected bp.rest-between-strength: strength sessions on Mon and Tue"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("0 passed, 1 failed\n"), std::string::npos) << out;
}

TEST(AuthoringCli, TestCoverageFailsForARuleThatNeverFires) {
  const auto dir = temp_dir();
  write(dir + "/pack.rules",
        "rule t.fires {\n  severity warning\n  cite who2020\n  forbid exercise \"deadlift\"\n}\n"
        "rule t.silent {\n  severity warning\n  cite who2020\n  forbid exercise \"sit-up\"\n}\n");
  write(dir + "/t.plan", "mon strength {\n  deadlift 3x5  # expect: t.fires\n}\n");
  int code = 0;
  const auto out =
      run_cli("test " + dir + "/t.plan --no-default-rules --rules " + dir + "/pack.rules --coverage", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_EQ(out, "PASS " + dir + "/t.plan\ncoverage: rule t.silent (" + dir +
                     "/pack.rules:6) has no test in which it fires\n1 passed, 0 failed\n");
}

TEST(AuthoringCli, ExplainPrintsWhatWhyExampleAndReferences) {
  int code = 0;
  const auto out = run_cli("explain bp.rest-between-strength", code);
  EXPECT_EQ(code, 0) << out;
  for (const char* part :
       {"bp.rest-between-strength (error, reviewed", "What it checks:", "Why:", "Example (from builtin/",
        "error[bp.rest-between-strength]", "References:", "[evidence: advice.practitioner]"}) {
    EXPECT_NE(out.find(part), std::string::npos) << part << "\n" << out;
  }
  EXPECT_EQ(run_cli("explain bp.rest-betwen-strength", code),
            "liftlint: error: no rule 'bp.rest-betwen-strength'; did you mean 'bp.rest-between-strength'?\n");
  EXPECT_EQ(code, 2);
}

TEST(AuthoringCli, RulesListAsTextAndJson) {
  int code = 0;
  const auto text = run_cli("rules list --pack back-pain", code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(text.find("bp.rest-between-strength"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(run_cli("rules list --format json", code, false));
  EXPECT_GT(json.size(), 10U);
  // Only the built-in pack is loaded, so both list the same rules, one a line in the text.
  EXPECT_EQ(json.size(), static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'))) << text;
  EXPECT_EQ(json[0]["pack"], "back-pain");
}

TEST(AuthoringCli, RulesCheckFindsConflictsUnusedNamesAndImpossibleConditions) {
  const auto dir = temp_dir();
  write(
      dir + "/pack.rules",
      "source lonely {\n  title \"Never cited\"\n  evidence advice.expert_opinion\n}\n"
      "rule t.twice {\n  severity warning\n  cite who2020\n  require count sessions where kind = strength per week <= "
      "1\n}\n"
      "rule t.never {\n  when client has flare_up and not client has flare_up\n  severity warning\n  cite who2020\n"
      "  require clearance\n}\n"
      "rule t.suggests {\n  severity warning\n  cite who2020\n  forbid exercise \"crunch\"\n  suggest \"sit-up\"\n}\n");
  int code = 0;
  const auto out = run_cli("rules check " + dir + "/pack.rules", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("warning: source 'lonely' is declared but no rule cites it"), std::string::npos) << out;
  EXPECT_NE(out.find("warning: the 'when' of rule 't.never' can never hold"), std::string::npos) << out;
  EXPECT_NE(out.find("warning: rules 'bp.strength-days' and 't.twice' conflict: one wants at least 2 sessions a "
                     "week, the other at most 1"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("the first suggests sit-up, which the second forbids"), std::string::npos) << out;
  // Those four and no other.
  const auto last_line = out.substr(out.rfind('\n', out.size() - 2) + 1);
  EXPECT_EQ(last_line.substr(last_line.find(' ')), " rules checked: 4 warnings\n") << out;
}

// The repository's own rules folder holds the built-in pack's files: they are the embedded pack, loaded once.
TEST(AuthoringCli, RulesCheckLoadsTheBuiltInPackOnceWhenItIsGivenAgain) {
  for (const auto* args : {"rules check rules", "rules check rules/back-pain rules/back-pain/guidelines.rules",
                           "rules check --no-default-rules rules/back-pain"}) {
    int code = 0;
    const auto out = run_cli(args, code);
    EXPECT_EQ(out.find("already declared"), std::string::npos) << args << "\n" << out;
    EXPECT_EQ(out.find("error"), std::string::npos) << args << "\n" << out;
    EXPECT_NE(out.find(" rules checked: "), std::string::npos) << args << "\n" << out;
  }
}

TEST(AuthoringCli, RulesDocMatchesTheCommittedPages) {
  const auto dir = temp_dir() + "/rules-doc";
  int code = 0;
  run_cli("rules doc " + dir + " --rules rules/articles --rules rules/who-2020", code);
  ASSERT_EQ(code, 0);
  // The same pages: none missing, none left over from a pack that is gone.
  const auto names = [](const std::string& folder) {
    std::set<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) out.insert(entry.path().filename().string());
    return out;
  };
  const auto generated = names(dir);
  EXPECT_GE(generated.size(), 2U);
  EXPECT_EQ(generated, names(std::string(LIFTLINT_SOURCE_DIR) + "/docs/rules"));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto committed = std::string(LIFTLINT_SOURCE_DIR) + "/docs/rules/" + entry.path().filename().string();
    EXPECT_TRUE(read_file(entry.path().string()) == read_file(committed))
        << committed << " is stale: run `liftlint rules doc docs/rules --rules rules/articles --rules rules/who-2020`";
  }
}

TEST(AuthoringCli, FmtIsIdempotentKeepsCommentsAndChecks) {
  const auto dir = temp_dir();
  const std::string messy =
      "# keep me\nrule   t.x {\n\tseverity error   # and me\n   cite who2020   \n\n\n"
      "  require every session where kind = strength:\n some exercise where muscles has core\n}\n";
  write(dir + "/m.rules", messy);
  int code = 0;
  auto out = run_cli("fmt --check " + dir + "/m.rules", code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out, "--- " + dir + "/m.rules\n+++ " + dir +
                     "/m.rules (formatted)\n"
                     "@@ -1,9 +1,8 @@\n"
                     " # keep me\n"
                     " rule   t.x {\n"
                     "-\tseverity error   # and me\n"
                     "-   cite who2020   \n"
                     "+  severity error   # and me\n"
                     "+  cite     who2020\n"
                     " \n"
                     "-\n"
                     "-  require every session where kind = strength:\n"
                     "- some exercise where muscles has core\n"
                     "+  require  every session where kind = strength:\n"
                     "+           some exercise where muscles has core\n"
                     " }\n");
  EXPECT_EQ(read_file(dir + "/m.rules"), messy) << "--check changes nothing";
  run_cli("fmt " + dir + "/m.rules", code);
  EXPECT_EQ(code, 0);
  const auto formatted = read_file(dir + "/m.rules");
  EXPECT_EQ(formatted,
            "# keep me\nrule   t.x {\n  severity error   # and me\n  cite     who2020\n\n"
            "  require  every session where kind = strength:\n           some exercise where muscles has core\n}\n");
  run_cli("fmt --check " + dir + "/m.rules", code);
  EXPECT_EQ(code, 0) << "formatting is idempotent";
}

TEST(AuthoringCli, FmtLeavesBrokenFilesAlone) {
  const auto dir = temp_dir();
  write(dir + "/b.rules", "rule t.x {\n  severity\n");
  int code = 0;
  const auto out = run_cli("fmt " + dir + "/b.rules", code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, dir +
                     "/b.rules:2:11: error: expected one of: error, warning, info, found end of line\n"
                     "  |\n"
                     "2 |   severity\n"
                     "  |           ^\n");
  EXPECT_EQ(read_file(dir + "/b.rules"), "rule t.x {\n  severity\n");
}

TEST(AuthoringCli, ShippedFilesAreFormatted) {
  int code = 0;
  const auto out = run_cli("fmt --check rules examples tests/packs", code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "");
}

TEST(AuthoringCli, DraftRulesRunOnlyWhenAsked) {
  const auto dir = temp_dir();
  write(dir + "/d.rules",
        "rule t.draft {\n  status draft\n  severity error\n  cite who2020\n  forbid exercise \"deadlift\"\n}\n"
        "rule t.retired {\n  status retired\n  severity error\n  cite who2020\n  forbid exercise \"deadlift\"\n}\n");
  write(dir + "/p.plan", "mon strength {\n  deadlift 3x5\n}\n");
  int code = 0;
  auto out = run_cli("check " + dir + "/p.plan --no-default-rules --rules " + dir + "/d.rules", code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "1 plan: 0 errors, 0 warnings, 0 infos\n");
  out = run_cli("check " + dir + "/p.plan --no-default-rules --drafts --rules " + dir + "/d.rules", code);
  EXPECT_EQ(code, 1) << out;
  // The draft's finding alone: the retired rule stays off.
  EXPECT_EQ(out, dir +
                     "/p.plan:2:3: error[t.draft]: deadlift is not allowed here\n"
                     "  |\n"
                     "2 |   deadlift 3x5\n"
                     "  |   ^^^^^^^^\n"
                     "  = source: World Health Organization (2020). WHO guidelines on physical activity and sedentary "
                     "behaviour. Geneva: World Health Organization. "
                     "https://www.who.int/publications/i/item/9789240015128\n\n"
                     "1 plan: 1 error, 0 warnings, 0 infos\n");
}

}  // namespace
}  // namespace liftlint::testing
