// The rule author's commands as users run them: test, explain, rules list/check/doc, fmt.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

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
  EXPECT_NE(out.find(" passed, 0 failed\n"), std::string::npos) << out;
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
  EXPECT_NE(out.find("coverage: rule t.silent (" + dir + "/pack.rules:6) has no test in which it fires"),
            std::string::npos)
      << out;
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
  run_cli("explain bp.rest-betwen-strength", code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(run_cli("explain bp.rest-betwen-strength", code).find("did you mean 'bp.rest-between-strength'?"),
            std::string::npos);
}

TEST(AuthoringCli, RulesListAsTextAndJson) {
  int code = 0;
  const auto text = run_cli("rules list --pack back-pain", code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(text.find("bp.rest-between-strength"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(run_cli("rules list --format json", code, false));
  EXPECT_GT(json.size(), 10U);
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
  EXPECT_NE(out.find("+  cite     who2020"), std::string::npos) << out;
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
  EXPECT_NE(out.find("b.rules:2:11: error: expected one of: error, warning, info"), std::string::npos) << out;
  EXPECT_EQ(read_file(dir + "/b.rules"), "rule t.x {\n  severity\n");
}

TEST(AuthoringCli, ShippedFilesAreFormatted) {
  int code = 0;
  const auto out = run_cli("fmt --check rules examples tests/packs", code);
  EXPECT_EQ(code, 0) << out;
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
  out = run_cli("check " + dir + "/p.plan --no-default-rules --drafts --rules " + dir + "/d.rules", code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("error[t.draft]"), std::string::npos) << out;
  EXPECT_EQ(out.find("t.retired"), std::string::npos) << out;
}

}  // namespace
}  // namespace liftlint::testing
