// The library as an embedding application uses it: engines built from memory, explicit plan
// formats, batches on threads, renderers and configuration, through the public headers only.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "liftlint/config.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/project.hpp"
#include "liftlint/report.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const char* const clinic_rules = R"(include "clinic/extra.rules"
)";
const char* const extra_rules = R"(rule clinic.no-deadlift {
  severity error
  cite     puregym2026
  message  "this clinic keeps {exercise} out of its programmes"
  forbid   exercise "deadlift"
}
)";

const char* const deadlift_plan = "week 1\nmon strength\n  deadlift 3x5\n";

std::vector<std::string> rule_ids(const std::vector<Problem>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule_id);
  return out;
}

EngineResult clinic_engine(std::vector<RuleSetting> settings = {}) {
  EngineOptions options;
  options.default_rules = false;
  options.rule_files = {{"clinic.rules", clinic_rules}, {"clinic/extra.rules", extra_rules}};
  options.rule_settings = std::move(settings);
  options.today = "2026-11-21";
  return Engine::create(options);
}

TEST(Api, PacksLoadFromMemoryWithIncludesBetweenThem) {
  const auto built = clinic_engine();
  ASSERT_TRUE(built) << (built.problems.empty() ? "" : built.problems[0].message);
  EXPECT_TRUE(built.problems.empty());
  const auto report = built.engine->check_text("week.plan", deadlift_plan, PlanFormat::text);
  EXPECT_EQ(rule_ids(report.findings), std::vector<std::string>{"clinic.no-deadlift"});
  EXPECT_EQ(report.findings.at(0).location.line, 3U);
  ASSERT_EQ(report.findings.at(0).citations.size(), 1U);
  EXPECT_EQ(report.findings.at(0).citations[0].source, "puregym2026");
}

TEST(Api, AnEngineThatCannotBeBuiltGivesItsProblemsAndNoEngine) {
  EngineOptions options;
  options.rule_files = {{"broken.rules", "rule x {\n  severity loud\n}\n"}};
  const auto built = Engine::create(options);
  EXPECT_FALSE(built);
  EXPECT_EQ(built.engine, nullptr);
  ASSERT_FALSE(built.problems.empty());
  EXPECT_EQ(built.problems[0].location.file, "broken.rules");
  EXPECT_EQ(built.problems[0].location.line, 2U);
}

TEST(Api, AnInMemoryRuleFileNeedsAFileName) {
  for (const auto& name : {std::string(), std::string("dir/"), std::string("a\0b", 3)}) {
    EngineOptions options;
    options.rule_files = {{name, extra_rules}};
    const auto built = Engine::create(options);
    EXPECT_FALSE(built);
    ASSERT_EQ(built.problems.size(), 1U);
    EXPECT_EQ(
        built.problems[0].message.rfind("a rule file held in memory needs a file name, such as 'clinic.rules'", 0), 0U);
  }
}

TEST(Api, InMemoryPacksDoNotReachTheDiskThroughIncludes) {
  EngineOptions options;
  options.rule_files = {{"a.rules", "include \"CMakeLists.txt\"\n"}};
  const auto built = Engine::create(options);
  ASSERT_FALSE(built);
  EXPECT_EQ(built.problems.at(0).message, "cannot read rule file 'CMakeLists.txt'");
}

TEST(Api, RuleSettingsChangeSeverityOrTurnRulesOff) {
  const auto warning = clinic_engine({RuleSetting{"clinic.no-deadlift", Severity::warning, true, {}}});
  ASSERT_TRUE(warning);
  const auto report = warning.engine->check_text("w.plan", deadlift_plan, PlanFormat::text);
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_EQ(report.findings[0].severity, Severity::warning);
  const auto off = clinic_engine({RuleSetting{"clinic.no-deadlift", std::nullopt, false, {}}});
  ASSERT_TRUE(off);
  EXPECT_TRUE(off.engine->check_text("w.plan", deadlift_plan, PlanFormat::text).findings.empty());
  EXPECT_FALSE(off.engine->rules().at(0).runs);
  EXPECT_TRUE(off.engine->running_rules().empty());
}

TEST(Api, ASettingForAnUnknownRuleIsAProblemWithAHint) {
  const auto built = clinic_engine({RuleSetting{"clinic.no-deadlfit", Severity::info, true, {}}});
  ASSERT_TRUE(built);
  ASSERT_EQ(built.problems.size(), 1U);
  EXPECT_EQ(built.problems[0].message, "the configuration names rule 'clinic.no-deadlfit', which is not loaded");
  EXPECT_EQ(built.problems[0].help.at(0), "did you mean 'clinic.no-deadlift'?");
}

TEST(Api, ThePlanFormatIsWhatTheCallerSaysNotTheName) {
  const auto& engine = default_engine();
  const std::string json = R"({"days": [{"day": "mon", "kind": "mobility", "exercises": [{"exercise": "cat-cow"}]}]})";
  EXPECT_TRUE(engine.check_text("plan.txt", json, PlanFormat::json).errors.empty());
  EXPECT_FALSE(engine.check_text("plan.json", json, PlanFormat::text).errors.empty());
  const auto lines = engine.check("feed", json + "\n" + json + "\n", PlanFormat::json_lines);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[1].path, "feed:2");
  const auto one = engine.check_text("feed", json, PlanFormat::json_lines);
  ASSERT_EQ(one.errors.size(), 1U);
  EXPECT_EQ(one.errors[0].message,
            "JSON Lines holds several plans; check it with Engine::check, which returns one report each");
}

TEST(Api, FormatsFromPathsAndFromText) {
  EXPECT_EQ(plan_format_for_path("a/b.json"), PlanFormat::json);
  EXPECT_EQ(plan_format_for_path("feed.jsonl"), PlanFormat::json_lines);
  EXPECT_EQ(plan_format_for_path("feed.ndjson"), PlanFormat::json_lines);
  EXPECT_EQ(plan_format_for_path("week.plan"), PlanFormat::text);
  EXPECT_EQ(plan_format_of_text("week 1\nmon rest\n"), PlanFormat::text);
  EXPECT_EQ(plan_format_of_text("{\n  \"days\": []\n}\n"), PlanFormat::json);
  EXPECT_EQ(plan_format_of_text("{\"days\": []}\n{\"days\": []}\n"), PlanFormat::json_lines);
  EXPECT_EQ(plan_format_of_text("\xEF\xBB\xBF{\n}\n"), PlanFormat::json);
}

std::vector<PlanInput> example_inputs() {
  std::vector<PlanInput> out;
  for (const auto* name : {"flawed-rest", "flawed-avoid", "beginner-routine", "flawed-dose", "five-day",
                           "flawed-posture", "flawed-red-flags", "flawed-progression"}) {
    const auto path = std::string("examples/") + name + ".plan";
    out.push_back(PlanInput{path, read_file(std::string(LIFTLINT_SOURCE_DIR) + "/" + path), PlanFormat::text});
  }
  return out;
}

TEST(Api, ABatchOnThreadsGivesTheReportsOfOneThreadInOrder) {
  const auto inputs = example_inputs();
  const auto& engine = default_engine();
  const auto one = engine.check_batch(inputs, 1);
  const auto four = engine.check_batch(inputs, 4);
  ASSERT_EQ(one.size(), inputs.size());
  const ReportOptions options{engine.running_rules(), false, true};
  EXPECT_EQ(render(ReportFormat::json, one, options), render(ReportFormat::json, four, options));
  for (std::size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(four[i].path, inputs[i].name);
}

// Each input is checked once and reported in order, and the threads never run far ahead of the report:
// the memory a batch holds does not grow with its size.
TEST(Api, CheckInOrderChecksEachInputOnceAndHoldsFewResults) {
  constexpr std::size_t count = 500;
  std::vector<std::atomic<int>> checked(count);
  std::atomic<std::size_t> reported{0}, most_ahead{0};
  std::vector<std::size_t> order;
  const auto check = [&](std::size_t i) {
    checked[i]++;
    const auto ahead = i - std::min(i, reported.load());
    for (auto seen = most_ahead.load(); ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead);) {
    }
    PlanReport r;
    r.path = std::to_string(i);
    return std::vector<PlanReport>{r, r};
  };
  check_in_order(count, 2, check, [&](std::size_t i, PlanReport&& r) {
    EXPECT_EQ(r.path, std::to_string(i));
    order.push_back(i);
    reported = i;
  });
  ASSERT_EQ(order.size(), 2 * count);
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i / 2);
  for (const auto& c : checked) EXPECT_EQ(c.load(), 1);
  EXPECT_LE(most_ahead.load(), 32U);
}

// The contract: one built engine shared by many threads, each checking and rendering on its own. Run
// under ThreadSanitizer by the sanitizer build.
TEST(Api, OneEngineIsSharedByManyThreads) {
  const auto inputs = example_inputs();
  const auto& engine = default_engine();
  const ReportOptions options{engine.running_rules(), false, true};
  const auto expected = render(ReportFormat::sarif, engine.check_batch(inputs, 1), options);
  std::vector<std::string> seen(6);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      std::vector<PlanReport> reports;
      for (const auto& in : inputs) reports.push_back(engine.check_text(in.name, in.text, in.format));
      (void)engine.catalogue("deadlift");
      seen[t] = render(ReportFormat::sarif, reports, options);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, expected);
}

TEST(Api, RenderersWriteEveryFormat) {
  const auto& engine = default_engine();
  const auto reports = engine.check_batch(example_inputs(), 2);
  const ReportOptions options{engine.running_rules(), false, false};
  const auto sarif = nlohmann::json::parse(render(ReportFormat::sarif, reports, options));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 17U);
  const auto json = nlohmann::json::parse(render(ReportFormat::json, reports, options));
  EXPECT_EQ(json["plans"].size(), reports.size());
  EXPECT_EQ(render(ReportFormat::github, reports, options).substr(0, 7), "::error");
  EXPECT_EQ(render(ReportFormat::junit, reports, options).substr(0, 38), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  for (const auto* name : {"text", "json", "sarif", "junit", "github", "html"}) {
    ASSERT_TRUE(report_format_named(name).has_value()) << name;
    EXPECT_EQ(std::string(name_of(*report_format_named(name))), name);
  }
  EXPECT_FALSE(report_format_named("yaml").has_value());
}

TEST(Api, ReportsHoldTheirReadingOnlyWhenAsked) {
  const auto plain = default_engine().check_text("week.plan", deadlift_plan, PlanFormat::text);
  EXPECT_EQ(plain.reading, nullptr);
  EngineOptions options;
  options.readings = true;
  const auto built = Engine::create(options);
  ASSERT_TRUE(built);
  const auto report = built.engine->check_text("week.plan", deadlift_plan, PlanFormat::text);
  ASSERT_NE(report.reading, nullptr);
  EXPECT_EQ(report.reading->path, "week.plan");
  ASSERT_EQ(report.reading->weeks.size(), 1U);
  EXPECT_EQ(report.reading->weeks[0].sessions.at(0).lines.at(0).exercise, "deadlift");
  const auto unread = built.engine->check_text("bad.json", "{\"weeks\": [", PlanFormat::json);
  EXPECT_EQ(unread.reading, nullptr);

  const ReportOptions render_options{built.engine->running_rules(), false, false};
  const auto page = render(ReportFormat::html, {report}, render_options);
  EXPECT_NE(page.find("<table class=\"calendar\""), std::string::npos);
  EXPECT_NE(page.find("<code class=\"rule\">bp.strength-days</code>"), std::string::npos);
  const auto without = render(ReportFormat::html, {plain}, render_options);
  EXPECT_EQ(without.find("<table"), std::string::npos);
  EXPECT_NE(without.find("bp.strength-days"), std::string::npos);
}

TEST(Api, ConfigurationIsALibraryCall) {
  TempDir dir;
  dir.write("project/.liftlint.json", R"({"fail_on": "warning", "rules": {"bp.avoid-deadlift": {"severity": "info"},
  "bp.no-such-rule": {"severity": "error"}}})");
  dir.write("project/plans/week.plan", deadlift_plan);
  const auto found = find_config(dir.path() + "/project/plans");
  EXPECT_EQ(found, dir.path() + "/project/.liftlint.json");
  std::vector<Problem> errors;
  auto config = effective_config(found, Overrides{}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(config.fail_on.value, "warning");
  auto built = build_engine(config, "2026-11-21");
  ASSERT_TRUE(built);
  ASSERT_EQ(built.problems.size(), 1U);
  EXPECT_EQ(built.problems[0].location.line, 2U);
  EXPECT_EQ(config.rules.size(), 1U);  // the unknown rule's setting is dropped
}

ExitCode exit_code_of(const std::vector<std::string>& inputs, std::vector<std::string>* paths = nullptr) {
  auto project = plan_project(ProjectOptions{inputs, {}, Overrides{}, "2026-11-21"});
  EXPECT_TRUE(build_engines(project).empty());
  Verdict verdict(project);
  const auto no_stdin = [] { return std::variant<std::string, PlanReport>(std::string()); };
  check_project(project, 2, no_stdin, [&](const PlanReport& r, std::size_t group) {
    verdict.add(r, group);
    if (paths != nullptr) paths->push_back(r.path);
  });
  EXPECT_EQ(verdict.counts().warnings, inputs.size());
  return verdict.exit_code();
}

TEST(Api, AProjectGroupsPlansByConfigurationAndDecidesTheExitCode) {
  TempDir dir;
  const auto one_warning = read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/golden/warning-only.plan");
  dir.write("strict/.liftlint.json", R"({"fail_on": "warning"})");
  const auto strict = dir.write("strict/a.plan", one_warning);
  const auto lenient = dir.write("lenient/b.plan", one_warning);
  std::vector<std::string> paths;
  EXPECT_EQ(exit_code_of({strict, lenient}, &paths), ExitCode::findings);
  EXPECT_EQ(paths, (std::vector<std::string>{strict, lenient}));
  EXPECT_EQ(exit_code_of({lenient}), ExitCode::clean);
  auto project = plan_project(ProjectOptions{{strict, lenient}, {}, Overrides{}, {}});
  ASSERT_EQ(project.groups.size(), 2U);
  EXPECT_EQ(project.groups[0].fail_on(), Severity::warning);
  EXPECT_EQ(project.groups[1].fail_on(), Severity::error);
}

}  // namespace
}  // namespace liftlint::testing
