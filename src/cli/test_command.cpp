#include "cli/test_command.hpp"

#include <fmt/format.h>

#include <set>

#include "authoring/rule_tests.hpp"
#include "cli/common.hpp"
#include "liftlint/config.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"

namespace liftlint::cli {
namespace {

// Rules under test: those of the packs named with --rules, or else the built-in ones.
std::vector<RuleInfo> tested_rules(const Engine& engine, bool extra_packs) {
  std::vector<RuleInfo> out;
  for (auto& r : engine.running_rules()) {
    if (r.builtin != extra_packs) out.push_back(std::move(r));
  }
  return out;
}

std::size_t report_coverage(const std::vector<RuleInfo>& rules, const std::set<std::string>& fired) {
  std::size_t missing = 0;
  for (const auto& r : rules) {
    if (fired.count(r.id) > 0) continue;
    fmt::print("coverage: rule {} ({}:{}) has no test in which it fires\n", r.id, r.location.file, r.location.line);
    ++missing;
  }
  return missing;
}

}  // namespace

void setup_test(CLI::App& app, TestOptions& o) {
  auto* test = app.add_subcommand("test", "Run rule tests: plans annotated with '# expect: rule-id'");
  test->add_option("paths", o.paths, "Test plans, or directories searched for .plan files")->required();
  test->add_option("--rules", o.rules, "Add a rule file or a directory of .rules files (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  test->add_flag("--no-default-rules", o.no_default_rules, "Do not load the built-in rules");
  test->add_flag("--drafts", o.drafts, "Also run rules whose status is draft");
  test->add_flag("--coverage", o.coverage, "Fail when a tested rule fires in no test");
  test->add_option("--color", o.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  test->footer(
      "A comment '# expect: id[, id]' on a plan line says those rules must report a finding on that line;\n"
      "'# expect-not: id' says a rule must not. Every other finding fails the test.\n\n"
      "Examples:\n"
      "  liftlint test rules/back-pain/tests\n"
      "  liftlint test tests/clinic --rules clinic.rules --no-default-rules --coverage");
}

int run_test(const TestOptions& o) {
  const auto loaded = load_engine(o.rules, o.no_default_rules, o.drafts, o.color);
  if (!loaded) return exit_input_error;
  const Engine& engine = *loaded;
  const bool color = use_color(o.color, stdout);
  std::size_t passed = 0, failed = 0;
  std::vector<Problem> unreadable;
  const auto paths = expand_paths(o.paths, {".plan"}, unreadable);
  print_problems(unreadable, o.color);
  bool input_error = !unreadable.empty();
  std::set<std::string> fired;
  for (const auto& path : paths) {
    const auto result = authoring::run_rule_test(engine, path);
    fired.insert(result.fired.begin(), result.fired.end());
    (result.passed() ? passed : failed) += 1;
    input_error = input_error || !result.errors.empty();
    fmt::print("{} {}\n", result.passed() ? "PASS" : "FAIL", report::printable(path));
    for (const auto& e : result.errors) fmt::print("{}", report::render_problem(e, color));
    for (const auto& f : result.failures) fmt::print("  {}\n", report::printable(f));
  }
  const std::size_t uncovered = o.coverage ? report_coverage(tested_rules(engine, !o.rules.empty()), fired) : 0;
  fmt::print("{} passed, {} failed\n", passed, failed);
  if (input_error) return exit_input_error;
  return failed > 0 || uncovered > 0 ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
