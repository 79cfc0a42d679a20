#include "cli/check_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/common.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"

namespace liftlint::cli {
namespace {

int severity_rank(Severity s) { return s == Severity::error ? 2 : s == Severity::warning ? 1 : 0; }

int threshold(const std::string& fail_on) { return fail_on == "error" ? 2 : fail_on == "warning" ? 1 : 0; }

// Plans are checked on worker threads but reported in the order given, so the output
// does not depend on --jobs.
std::vector<PlanReport> check_all(const Engine& engine, const std::vector<std::string>& paths, unsigned jobs) {
  std::vector<PlanReport> reports(paths.size());
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, paths.size())));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (auto i = next++; i < paths.size(); i = next++) reports[i] = engine.check_file(paths[i]);
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < jobs; ++t) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  return reports;
}

}  // namespace

void setup_check(CLI::App& app, CheckOptions& o) {
  auto* check = app.add_subcommand("check", "Check plans against rule packs and report every finding");
  check->add_option("plans", o.plans, "Plan files, or directories searched for .plan files")
      ->required()
      ->type_name("PLAN");
  check->add_option("--jobs,-j", o.jobs, "Check this many plans at once (0: one per core); output is the same")
      ->capture_default_str();
  check->add_option("--rules", o.rules, "Add a rule file or a directory of .rules files (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  check->add_flag("--no-default-rules", o.no_default_rules,
                  "Do not load the built-in rules (the built-in vocabulary, catalogue and sources stay)");
  check->add_flag("--drafts", o.drafts, "Also run rules whose status is draft");
  check->add_option("--fail-on", o.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->capture_default_str();
  check->add_option("--color", o.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  check->footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 bad input or usage.\n\n"
      "Examples:\n"
      "  liftlint check week.plan\n"
      "  liftlint check plans/*.plan --fail-on warning\n"
      "  liftlint check week.plan --rules clinic.rules --format json");
}

int run_check(const CheckOptions& o) {
  const auto engine = load_engine(o.rules, o.no_default_rules, o.drafts, o.color, o.format == "json");
  if (!engine) return exit_input_error;
  const auto reports = check_all(*engine, expand_paths(o.plans, ".plan"), o.jobs);
  if (o.format == "json") {
    fmt::print("{}", report::render_json(reports));
  } else {
    const bool color = use_color(o.color, stdout);
    fmt::print("{}{}", report::render_text(reports, color), report::render_summary(report::count(reports), color));
  }
  bool input_error = false;
  bool failing = false;
  for (const auto& r : reports) {
    input_error = input_error || !r.errors.empty();
    for (const auto& f : r.findings) failing = failing || severity_rank(f.severity) >= threshold(o.fail_on);
  }
  return input_error ? exit_input_error : failing ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
