#include "cli/check_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>

#include "cli/common.hpp"
#include "cli/config.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"
#include "support/dates.hpp"
#include "support/diagnostic.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::cli {
namespace {

namespace fs = std::filesystem;

// fail_on has been checked against the three names by the option or the configuration.
Severity severity_of(const std::string& level) { return parse_severity(level).value_or(Severity::error); }

// The plans under one configuration file, checked by one engine.
struct Group {
  Config config;
  std::optional<Engine> engine;
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
  run.groups.push_back(Group{effective_config(config_path, overrides, run.setup_errors), std::nullopt});
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
    const auto unreadable = run.setup_errors.size();
    auto paths = expand_paths({input}, {".plan", ".json"}, run.setup_errors);
    if (paths.empty() && run.setup_errors.size() == unreadable) no_plans_in(input, run);
    for (auto& path : paths) run.items.push_back(Item{group, std::move(path)});
  }
  return run;
}

bool load_engines(Run& run, const CheckOptions& o, std::vector<Problem>& rule_errors) {
  for (auto& g : run.groups) {
    g.engine =
        build_engine(g.config.packs.value, !g.config.default_rules.value, g.config.drafts.value, o.today, rule_errors);
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

// Plans are checked on worker threads but reported in the order given, so the output does not
// depend on --jobs. Workers run only a few plans ahead of the report, so that memory holds the
// findings of a few plans at a time however many plans a run checks.
class OrderedChecks {
 public:
  OrderedChecks(const Run& run, std::vector<const Item*> files, unsigned jobs)
      : run_(run), files_(std::move(files)), slots_(files_.size()), progress_(files_.size()) {
    if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(files_.size()));
    window_ = std::min(jobs, max_workers) + 1;
    if (jobs > 1) start_workers(jobs);
  }
  ~OrderedChecks() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    for (auto& w : workers_) w.join();
  }
  OrderedChecks(const OrderedChecks&) = delete;
  OrderedChecks& operator=(const OrderedChecks&) = delete;

  // As many workers as the system allows, up to `jobs`; with none, the plans are checked on this thread.
  void start_workers(unsigned jobs) {
    for (unsigned t = 0; t < std::min(jobs, max_workers); ++t) {
      try {
        workers_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;
      }
    }
  }

  PlanReport next() {
    const auto i = taken_++;
    if (workers_.empty()) return check(i);
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return slots_[i].has_value(); });
    PlanReport out = std::move(*slots_[i]);
    slots_[i].reset();
    ++consumed_;
    lock.unlock();
    room_.notify_all();
    return out;
  }

 private:
  PlanReport check(std::size_t i) {
    auto report = run_.groups[files_[i]->group].engine->check_file(files_[i]->path);
    progress_.done_one();
    return report;
  }

  void work() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      room_.wait(lock, [&] { return stopping_ || claimed_ >= files_.size() || claimed_ < consumed_ + window_; });
      if (stopping_ || claimed_ >= files_.size()) return;
      const auto i = claimed_++;
      lock.unlock();
      auto report = check(i);
      lock.lock();
      slots_[i] = std::move(report);
      lock.unlock();
      ready_.notify_all();
    }
  }

  static constexpr unsigned max_workers = 256;
  const Run& run_;
  std::vector<const Item*> files_;
  std::vector<std::optional<PlanReport>> slots_;
  Progress progress_;
  std::size_t window_ = 1;
  std::size_t claimed_ = 0, consumed_ = 0, taken_ = 0;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::vector<std::thread> workers_;
};

PlanReport unreadable_stdin(bool too_large) {
  Problem p;
  p.message = too_large ? fmt::format(
                              "standard input has more than {} MiB, the limit for a stream of plans; "
                              "check the plans in several runs",
                              limits::max_stdin_bytes / (1024 * 1024))
                        : std::string("cannot read standard input");
  p.location.file = "<stdin>";
  PlanReport report;
  report.path = "<stdin>";
  report.errors.push_back(std::move(p));
  return report;
}

std::vector<PlanReport> check_stdin(const Engine& engine) {
  auto text = read_bounded(STDIN_FILENO, limits::max_stdin_bytes);
  if (!text || text->size() > limits::max_stdin_bytes) return {unreadable_stdin(text.has_value())};
  return engine.check_stdin(std::move(*text));
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

// Where the report goes: standard output, or a file replaced only once the report is complete.
class Sink {
 public:
  explicit Sink(const CheckOptions& o) : to_file_(!o.output.empty() && o.output != "-"), path_(o.output) {}
  [[nodiscard]] bool to_file() const { return to_file_; }
  [[nodiscard]] std::string open() { return to_file_ ? file_.open(path_) : std::string{}; }
  void write(std::string_view text) {
    if (to_file_) {
      file_.write(text);
    } else {
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
  }
  [[nodiscard]] std::string commit() {
    if (to_file_) return file_.commit();
    return std::fflush(stdout) == 0 ? std::string{} : std::string("cannot write to standard output");
  }

 private:
  bool to_file_;
  std::string path_;
  OutputFile file_;
};

report::Format format_of(const std::string& name) {
  if (name == "json") return report::Format::json;
  if (name == "sarif") return report::Format::sarif;
  if (name == "junit") return report::Format::junit;
  if (name == "github") return report::Format::github;
  return report::Format::text;
}

// Rule files that do not load stop the run. The report asked for still says so, in its own format, so
// that an earlier report at the same path is never left looking current.
int report_rule_errors(const std::vector<Problem>& errors, const CheckOptions& o) {
  Sink sink(o);
  if (o.format != "json" || sink.to_file()) print_problems(errors, o.color);
  if (o.format == "text" && !sink.to_file()) return exit_input_error;
  std::string text;
  if (o.format == "json") {
    text = report::render_rule_errors_json(errors);
  } else {
    auto writer = report::make_writer(format_of(o.format), {{}, false, false});
    text = writer->begin();
    for (std::size_t i = 0; i < errors.size();) {
      PlanReport r;
      r.path = errors[i].location.file;
      r.plan = false;
      for (; i < errors.size() && errors[i].location.file == r.path; ++i) r.errors.push_back(errors[i]);
      text += writer->plan(r, Severity::error);
    }
    writer->end([&](std::string_view piece) { text += piece; });
  }
  auto error = sink.open();
  if (error.empty()) sink.write(text), error = sink.commit();
  if (!error.empty()) fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n", o.output, error);
  return exit_input_error;
}

// What decides the exit code, kept as the reports go by.
struct Verdict {
  struct PerGroup {
    std::size_t warnings = 0;
    bool failing = false;  // a finding at or above the group's fail_on
  };
  report::Counts counts;
  bool input_error = false;
  std::vector<PerGroup> groups;

  void add(const PlanReport& r, const Group* g, std::size_t group) {
    report::add_counts(counts, r);
    input_error = input_error || !r.errors.empty();
    if (g == nullptr) return;
    auto& tally = groups[group];
    const auto fail_on = severity_rank(severity_of(g->config.fail_on.value));
    for (const auto& f : r.findings) {
      tally.warnings += f.severity == Severity::warning ? 1 : 0;
      tally.failing = tally.failing || severity_rank(f.severity) >= fail_on;
    }
  }
  [[nodiscard]] bool too_many_warnings(const Run& run, std::size_t group) const {
    const auto limit = run.groups[group].config.max_warnings.value;
    return limit >= 0 && groups[group].warnings > static_cast<std::size_t>(limit);
  }
  [[nodiscard]] int exit_code(const Run& run) const {
    if (input_error) return exit_input_error;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].failing || too_many_warnings(run, g)) return exit_findings;
    }
    return exit_clean;
  }
  void warn_max_warnings(const Run& run) const {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!too_many_warnings(run, g)) continue;
      const auto& limit = run.groups[g].config.max_warnings;
      fmt::print(stderr, "liftlint: {} warnings, more than --max-warnings {} allows ({})\n", groups[g].warnings,
                 limit.value, limit.origin);
    }
  }
};

// Every report in order, each written as soon as it is ready and then let go.
void write_reports(Run& run, const CheckOptions& o, report::ReportWriter& writer, Sink& sink, Verdict& verdict) {
  const auto emit = [&](const PlanReport& r, std::optional<std::size_t> group) {
    const Group* g = group ? &run.groups[*group] : nullptr;
    verdict.add(r, g, group.value_or(0));
    sink.write(writer.plan(r, g != nullptr ? severity_of(g->config.fail_on.value) : Severity::error));
  };
  for (const auto& r : setup_reports(run)) emit(r, std::nullopt);
  std::vector<const Item*> files;
  for (const auto& item : run.items) {
    if (item.path != "-") files.push_back(&item);
  }
  OrderedChecks checks(run, std::move(files), o.jobs);
  for (const auto& item : run.items) {
    if (item.path != "-") {
      emit(checks.next(), item.group);
      continue;
    }
    for (const auto& r : check_stdin(*run.groups[item.group].engine)) emit(r, item.group);
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
  check
      ->add_option("--output,-o", o.output,
                   "Write the report to this file instead of standard output (- is standard output)")
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

// The report must not replace one of the run's own inputs, such as `check a.plan -o a.plan`.
std::optional<std::string> input_at_output(const Run& run, const CheckOptions& o) {
  std::error_code ec;
  if (o.output.empty() || o.output == "-" || !fs::is_regular_file(o.output, ec)) return std::nullopt;
  const auto same = [&](const std::string& path) { return fs::equivalent(path, o.output, ec) && !ec; };
  for (const auto& item : run.items) {
    if (item.path != "-" && same(item.path)) return item.path;
  }
  for (const auto& g : run.groups) {
    if (!g.config.path.empty() && same(g.config.path)) return g.config.path;
    for (const auto& pack : g.config.packs.value) {
      if (same(pack)) return pack;
    }
  }
  return std::nullopt;
}

int run_check(const CheckOptions& o) {
  if (!valid_options(o)) return exit_input_error;
  auto run = plan_run(o);
  if (const auto input = input_at_output(run, o)) {
    fmt::print(stderr, "liftlint: error: --output '{}' is the input '{}'; the report would replace it\n{}", o.output,
               *input, usage_hint);
    return exit_input_error;
  }
  if (std::vector<Problem> rule_errors; !load_engines(run, o, rule_errors)) return report_rule_errors(rule_errors, o);
  Sink sink(o);
  if (const auto error = sink.open(); !error.empty()) {
    fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n", o.output, error);
    return exit_input_error;
  }
  const bool color = !sink.to_file() && o.format == "text" && use_color(o.color, stdout);
  auto writer = report::make_writer(format_of(o.format), {active_rules(run), color, !sink.to_file()});
  Verdict verdict;
  verdict.groups.resize(run.groups.size());
  sink.write(writer->begin());
  write_reports(run, o, *writer, sink, verdict);
  writer->end([&](std::string_view piece) { sink.write(piece); });
  if (const auto error = sink.commit(); !error.empty()) {
    fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n", o.output, error);
    return exit_input_error;
  }
  if (o.format != "text" || sink.to_file()) {
    fmt::print(stderr, "{}", report::render_summary(verdict.counts, use_color(o.color, stderr)));
  }
  verdict.warn_max_warnings(run);
  return verdict.exit_code(run);
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
  fmt::print("{}", report::printable(describe(config), {true, true, std::numeric_limits<std::size_t>::max()}));
  return errors.empty() ? exit_clean : exit_input_error;
}

}  // namespace liftlint::cli
