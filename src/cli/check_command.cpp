#include "cli/check_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "cli/common.hpp"
#include "cli/config.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"
#include "support/dates.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::cli {
namespace {

namespace fs = std::filesystem;

// fail_on has been checked against the three names by the option or the configuration.
Severity severity_of(const std::string& level) { return parse_severity(level).value_or(Severity::error); }

// The plans under one configuration file, checked by one engine.
struct Group {
  Config config;
  std::optional<Engine> engine;
  std::vector<std::size_t> reports;  // indexes into the run's reports
};

struct Item {
  std::size_t group = 0;
  std::string path;  // "-" for standard input: a text plan, a JSON plan or JSON Lines
};

struct Run {
  std::vector<Group> groups;
  std::vector<Item> items;
  std::vector<Problem> setup_errors;  // configuration problems
};

std::string config_for(const std::string& input, const CheckOptions& o) {
  if (!o.config.empty()) return o.config;
  if (input == "-") return find_config(".");
  std::error_code ec;
  const auto dir = fs::is_directory(input, ec) ? fs::path(input) : fs::path(input).parent_path();
  return find_config(dir.empty() ? "." : dir.string());
}

std::size_t group_for(const std::string& config_path, std::map<std::string, std::size_t>& known, Run& run,
                      const CheckOptions& o) {
  if (const auto it = known.find(config_path); it != known.end()) return it->second;
  const Overrides overrides{o.rules, o.no_default_rules, o.drafts, o.fail_on, o.max_warnings};
  run.groups.push_back(Group{effective_config(config_path, overrides, run.setup_errors), std::nullopt, {}});
  known.emplace(config_path, run.groups.size() - 1);
  return run.groups.size() - 1;
}

// A directory with no plans in it is most likely a wrong path in a CI script.
void no_plans_in(const std::string& dir, Run& run) {
  Problem p;
  p.message = fmt::format("no .plan or .json files in directory '{}'", dir);
  p.location.file = dir;
  run.setup_errors.push_back(std::move(p));
}

Run plan_run(const CheckOptions& o) {
  Run run;
  std::map<std::string, std::size_t> known;
  for (const auto& input : o.plans) {
    const auto group = group_for(config_for(input, o), known, run, o);
    if (input == "-") {
      run.items.push_back(Item{group, input});
      continue;
    }
    auto paths = expand_paths({input}, {".plan", ".json"});
    if (paths.empty()) no_plans_in(input, run);
    for (auto& path : paths) run.items.push_back(Item{group, std::move(path)});
  }
  return run;
}

bool load_engines(Run& run, const CheckOptions& o) {
  for (auto& g : run.groups) {
    g.engine = load_engine(g.config.packs.value, !g.config.default_rules.value, g.config.drafts.value, o.color,
                           o.format == "json", o.today);
    if (!g.engine) return false;
    configure_rules(g.config, *g.engine, run.setup_errors);
  }
  return true;
}

// Shown on a terminal once a batch has taken more than a second.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), enabled_(total > 1 && isatty(fileno(stderr)) != 0) {}
  ~Progress() {
    if (shown_) fmt::print(stderr, "\r\033[K");
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void done_one() {
    const auto done = ++done_;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard<std::mutex> lock(mutex_);
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\rchecked {}/{} plans", done, total_);
    std::fflush(stderr);
  }

 private:
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// Plans are checked on worker threads but reported in the order given, so the output
// does not depend on --jobs.
std::vector<PlanReport> check_files(const Run& run, const std::vector<const Item*>& files, unsigned jobs) {
  std::vector<PlanReport> reports(files.size());
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, files.size())));
  Progress progress(files.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (auto i = next++; i < files.size(); i = next++) {
      reports[i] = run.groups[files[i]->group].engine->check_file(files[i]->path);
      progress.done_one();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < jobs; ++t) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  return reports;
}

std::vector<PlanReport> check_all(Run& run, unsigned jobs) {
  std::vector<const Item*> files;
  for (const auto& item : run.items) {
    if (item.path != "-") files.push_back(&item);
  }
  auto file_reports = check_files(run, files, jobs);
  std::vector<PlanReport> out;
  std::size_t next_file = 0;
  for (const auto& item : run.items) {
    if (item.path != "-") {
      run.groups[item.group].reports.push_back(out.size());
      out.push_back(std::move(file_reports[next_file++]));
      continue;
    }
    const std::string text(std::istreambuf_iterator<char>(std::cin), {});
    for (auto& r : run.groups[item.group].engine->check_stdin(text)) {
      run.groups[item.group].reports.push_back(out.size());
      out.push_back(std::move(r));
    }
  }
  return out;
}

// Problems in configuration files, and directories without plans, are reported like a plan
// that cannot be read, so that every output format carries them.
std::vector<PlanReport> setup_reports(const Run& run) {
  auto errors = run.setup_errors;
  std::stable_sort(errors.begin(), errors.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  std::vector<PlanReport> out;
  for (const auto& e : errors) {
    if (out.empty() || out.back().path != e.location.file)
      out.push_back(PlanReport{e.location.file, {}, {}, {}, {}, false});
    out.back().errors.push_back(e);
  }
  return out;
}

// The rules that ran, from every engine, for formats that list them.
std::vector<RuleInfo> active_rules(const Run& run) {
  std::vector<RuleInfo> out;
  for (const auto& g : run.groups) {
    for (auto& r : g.engine->rules()) {
      const bool runs = r.status == "reviewed" || (r.status == "draft" && g.config.drafts.value);
      if (runs) out.push_back(std::move(r));
    }
  }
  return out;
}

std::string render(const std::vector<PlanReport>& reports, const Run& run, const CheckOptions& o, bool color) {
  if (o.format == "json") return report::render_json(reports);
  if (o.format == "sarif") return report::render_sarif(reports, active_rules(run));
  if (o.format == "junit") {
    return report::render_junit(reports, active_rules(run), severity_of(run.groups.front().config.fail_on.value));
  }
  if (o.format == "github") return report::render_github(reports);
  const bool summary_here = o.output.empty();
  return report::render_text(reports, color) +
         (summary_here ? report::render_summary(report::count(reports), color) : std::string{});
}

std::size_t warnings_in(const std::vector<PlanReport>& reports, const Group& g) {
  std::size_t warnings = 0;
  for (const auto i : g.reports) {
    for (const auto& f : reports[i].findings) warnings += f.severity == Severity::warning ? 1 : 0;
  }
  return warnings;
}

bool too_many_warnings(const std::vector<PlanReport>& reports, const Group& g) {
  const auto limit = g.config.max_warnings.value;
  return limit >= 0 && warnings_in(reports, g) > static_cast<std::size_t>(limit);
}

// Each group's plans are judged by its own fail_on and max_warnings.
bool failing(const std::vector<PlanReport>& reports, const Group& g) {
  for (const auto i : g.reports) {
    for (const auto& f : reports[i].findings) {
      if (severity_rank(f.severity) >= severity_rank(severity_of(g.config.fail_on.value))) return true;
    }
  }
  return too_many_warnings(reports, g);
}

int exit_code(const std::vector<PlanReport>& reports, const Run& run) {
  bool input_error = !run.setup_errors.empty();
  for (const auto& r : reports) input_error = input_error || !r.errors.empty();
  if (input_error) return exit_input_error;
  const bool any =
      std::any_of(run.groups.begin(), run.groups.end(), [&](const Group& g) { return failing(reports, g); });
  return any ? exit_findings : exit_clean;
}

void warn_max_warnings(const std::vector<PlanReport>& reports, const Run& run) {
  for (const auto& g : run.groups) {
    if (!too_many_warnings(reports, g)) continue;
    fmt::print(stderr, "liftlint: {} warnings, more than --max-warnings {} allows ({})\n", warnings_in(reports, g),
               g.config.max_warnings.value, g.config.max_warnings.origin);
  }
}

constexpr const char* usage_hint = "Run 'liftlint --help' for usage.\n";

bool valid_options(const CheckOptions& o) {
  if (!o.today.empty() && !valid_date(o.today)) {
    fmt::print(stderr, "liftlint: error: --today: expected a date as YYYY-MM-DD, found '{}'\n{}", o.today, usage_hint);
    return false;
  }
  if (std::count(o.plans.begin(), o.plans.end(), "-") > 1) {
    fmt::print(stderr, "liftlint: error: '-' (standard input) can be given once\n{}", usage_hint);
    return false;
  }
  return true;
}

}  // namespace

// The option's type name already says FILE; the validator need not say it again.
CLI::Validator existing_file() { return CLI::Validator(CLI::ExistingFile).description(""); }

void setup_check(CLI::App& app, CheckOptions& o) {
  auto* check = app.add_subcommand("check", "Check plans against rule packs and report every finding");
  check
      ->add_option("plans", o.plans,
                   "Plan files (.plan or .json), directories searched for them, or - for standard input (a text plan, "
                   "a JSON plan or JSON Lines)")
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
  check
      ->add_option("--fail-on", o.fail_on,
                   "Lowest severity that makes the exit code 1 [default: error, or fail_on in .liftlint.json]")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  check->add_option("--max-warnings", o.max_warnings, "Exit with 1 when there are more warnings than this")
      ->check(CLI::Range(0L, 1000000000L))
      ->type_name("N");
  check->add_option("--color", o.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}))
      ->capture_default_str();
  check->add_option("--output,-o", o.output, "Write the report to this file instead of standard output")
      ->type_name("FILE");
  check->add_option("--config", o.config, "Use this configuration file instead of looking for .liftlint.json")
      ->check(existing_file())
      ->type_name("FILE");
  check->add_option("--today", o.today, "Compare waiver expiry dates with this date instead of today's")
      ->type_name("YYYY-MM-DD");
  check->footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings (or more warnings than --max-warnings),\n"
      "2 bad input or usage.\n\n"
      "Examples:\n"
      "  liftlint check week.plan\n"
      "  liftlint check plans/ --fail-on warning --format sarif --output liftlint.sarif\n"
      "  platform-export | liftlint check - --format json");
}

int run_check(const CheckOptions& o) {
  if (!valid_options(o)) return exit_input_error;
  auto run = plan_run(o);
  if (!load_engines(run, o)) return exit_input_error;
  auto reports = setup_reports(run);
  auto checked = check_all(run, o.jobs);
  for (auto& g : run.groups) {
    for (auto& i : g.reports) i += reports.size();
  }
  std::move(checked.begin(), checked.end(), std::back_inserter(reports));
  const bool to_file = !o.output.empty();
  const bool color = !to_file && o.format == "text" && use_color(o.color, stdout);
  const auto text = render(reports, run, o, color);
  if (to_file) {
    if (!write_atomically(o.output, text)) {
      fmt::print(stderr, "liftlint: error: cannot write the report to '{}'\n", o.output);
      return exit_input_error;
    }
  } else {
    fmt::print("{}", text);
  }
  if (o.format != "text" || to_file) {
    fmt::print(stderr, "{}", report::render_summary(report::count(reports), use_color(o.color, stderr)));
  }
  warn_max_warnings(reports, run);
  return exit_code(reports, run);
}

CLI::App* setup_config(CLI::App& app, ConfigShowOptions& o) {
  auto* config = app.add_subcommand("config", "Inspect the project configuration");
  config->require_subcommand(1);
  auto* show = config->add_subcommand("show", "Print the effective configuration and where each value comes from");
  show->add_option("dir", o.dir, "Look for .liftlint.json from this directory upwards")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  show->add_option("--config", o.config, "Use this configuration file")->check(existing_file())->type_name("FILE");
  show->add_option("--rules", o.rules, "Add a rule file or directory, as for check")->allow_extra_args(false);
  show->add_flag("--no-default-rules", o.no_default_rules, "As for check");
  show->add_flag("--drafts", o.drafts, "As for check");
  show->add_option("--fail-on", o.fail_on, "As for check")->check(CLI::IsMember({"error", "warning", "info"}));
  show->add_option("--max-warnings", o.max_warnings, "As for check")->check(CLI::Range(0L, 1000000000L));
  return show;
}

int run_config_show(const ConfigShowOptions& o) {
  std::vector<Problem> errors;
  const auto path = o.config.empty() ? find_config(o.dir) : o.config;
  auto config =
      effective_config(path, Overrides{o.rules, o.no_default_rules, o.drafts, o.fail_on, o.max_warnings}, errors);
  auto engine = load_engine(config.packs.value, !config.default_rules.value, config.drafts.value, "auto");
  if (!engine) return exit_input_error;
  configure_rules(config, *engine, errors);
  for (const auto& e : errors) fmt::print(stderr, "{}\n", report::render_problem(e, use_color("auto", stderr)));
  fmt::print("{}", describe(config));
  return errors.empty() ? exit_clean : exit_input_error;
}

}  // namespace liftlint::cli
