#include "cli/check_command.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
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
#include <variant>

#include "authoring/format.hpp"
#include "cli/common.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/project.hpp"
#include "liftlint/report.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"
#include "support/dates.hpp"
#include "support/diagnostic.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::cli {
namespace {

namespace fs = std::filesystem;

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

// Where the report goes: standard output, or a file replaced only once the report is complete.
class Sink {
 public:
  explicit Sink(const std::string& path) : to_file_(!path.empty() && path != "-"), path_(path) {}
  [[nodiscard]] bool to_file() const { return to_file_; }
  [[nodiscard]] std::string open() { return to_file_ ? file_.open(path_) : std::string{}; }
  void write(std::string_view text) {
    if (to_file_) {
      file_.write(text);
    } else {
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
  }
  [[nodiscard]] std::string finish() {
    if (to_file_) return file_.finish();
    return std::fflush(stdout) == 0 && std::ferror(stdout) == 0 ? std::string{}
                                                                : std::string("cannot write to standard output");
  }
  [[nodiscard]] std::string commit() {
    if (to_file_) return file_.commit();
    return finish();
  }

 private:
  bool to_file_;
  std::string path_;
  OutputFile file_;
};

// One report asked for: a format and where it goes.
struct Destination {
  ReportFormat format = ReportFormat::text;
  std::string path;  // empty or "-": standard output
  [[nodiscard]] bool to_stdout() const { return path.empty() || path == "-"; }
};

// Rule files that do not load stop the run. Each report asked for still says so, in its own format,
// so that an earlier report at the same path is never left looking current.
void write_rule_errors(const std::vector<Problem>& errors, const Destination& d) {
  std::string text;
  if (d.format == ReportFormat::json) {
    text = report::render_rule_errors_json(errors);
  } else {
    auto writer = make_report_writer(d.format, {{}, false, false});
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
  Sink sink(d.path);
  auto error = sink.open();
  if (error.empty()) sink.write(text), error = sink.commit();
  if (!error.empty())
    fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n", report::printable(d.path), error);
}

int report_rule_errors(const std::vector<Problem>& errors, const std::vector<Destination>& destinations,
                       const std::string& color) {
  const bool json_on_stdout = std::any_of(destinations.begin(), destinations.end(), [](const Destination& d) {
    return d.to_stdout() && d.format == ReportFormat::json;
  });
  if (!json_on_stdout) print_problems(errors, color);
  for (const auto& d : destinations) {
    if (d.format != ReportFormat::text || !d.to_stdout()) write_rule_errors(errors, d);
  }
  return exit_input_error;
}

constexpr const char* usage_hint = "Run 'liftlint --help' for usage.\n";

bool valid_options(const CheckOptions& o) {
  if (!o.today.empty() && !valid_date(o.today)) {
    fmt::print(stderr, "liftlint: error: --today: expected a date as YYYY-MM-DD, found '{}'\n{}",
               report::printable(o.today), usage_hint);
    return false;
  }
  if ((o.unsafe_fixes || o.diff) && !o.fix) {
    fmt::print(stderr, "liftlint: error: {} changes what --fix does; add --fix\n{}",
               o.diff ? "--diff" : "--unsafe-fixes", usage_hint);
    return false;
  }
  if (o.fix && std::count(o.plans.begin(), o.plans.end(), "-") > 0) {
    fmt::print(stderr, "liftlint: error: --fix works on plan files, not on standard input; save the plan first\n{}",
               usage_hint);
    return false;
  }
  if (std::count(o.plans.begin(), o.plans.end(), "-") > 1) {
    fmt::print(stderr, "liftlint: error: '-' (standard input) can be given once\n{}", usage_hint);
    return false;
  }
  return true;
}

}  // namespace

struct FixRun {
  bool changed = false;
  bool failed = false;
};

void print_fix_error(const std::string& path, const std::string& message) {
  fmt::print(stderr, "{}: error: {}\n", report::printable(path), message);
}

// One plan file with its fixes applied: written in its place, or shown as a diff.
bool fix_plan(const Engine& engine, const std::string& path, const CheckOptions& o, FixRun& run) {
  struct stat st {};
  auto text =
      ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? read_bounded(path, limits::max_file_bytes) : std::nullopt;
  if (!text) return true;  // the check that follows says why the plan cannot be read
  const auto format = plan_format_for_path(path);
  if (format == PlanFormat::json_lines) return true;
  auto fixed = engine.fix(path, *text, format, o.unsafe_fixes);
  if (fixed.applied == 0) return true;
  run.changed = true;
  if (o.diff) {
    print_diff(path, *text, fixed.text, "fixed");
    return true;
  }
  if (const auto refusal = rewrite_refusal(path, st); !refusal.empty()) {
    print_fix_error(path, fmt::format("{}; it was left as it is", refusal));
    return false;
  }
  if (const auto error = write_output(path, fixed.text); !error.empty()) {
    print_fix_error(path, fmt::format("cannot write the fixed plan ({}); the original is unchanged", error));
    return false;
  }
  fmt::print(stderr, "liftlint: fixed {} problem{} in {}\n", fixed.applied, fixed.applied == 1 ? "" : "s",
             report::printable(path));
  return true;
}

// --fix: every plan file rewritten with its fixes, before the check reports what remains.
FixRun fix_plans(const Project& project, const CheckOptions& o) {
  FixRun run;
  for (const auto& input : project.inputs) {
    if (input.path == "-") continue;
    if (!fix_plan(*project.groups[input.group].engine, input.path, o, run)) run.failed = true;
  }
  return run;
}

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
  check
      ->add_option("--format", o.formats,
                   "Output format: text, json, sarif, junit, github or html [default: text]; repeat with --output for "
                   "several reports in one run")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "html"}))
      ->allow_extra_args(false)
      ->type_name("FORMAT");
  check
      ->add_option("--output,-o", o.outputs,
                   "Write the report to this file instead of standard output (- is standard output); the n-th "
                   "--output takes the n-th --format's report")
      ->allow_extra_args(false)
      ->type_name("FILE");
  check->add_option("--config", o.config, "Use this configuration file instead of looking for .liftlint.json")
      ->check(existing_file())
      ->type_name("FILE");
  check->add_option("--today", o.today, "Compare waiver expiry dates with this date instead of today's")
      ->type_name("YYYY-MM-DD");
  check->add_flag("--fix", o.fix,
                  "Apply the safe fixes (misspelt exercise names) to the plan files, then report what remains");
  check->add_flag("--unsafe-fixes", o.unsafe_fixes,
                  "With --fix, also apply fixes that change the programme (a substitute for a forbidden exercise)");
  check->add_flag("--diff", o.diff, "With --fix, print the edits as a unified diff instead of writing them");
  check->footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings (or more warnings than --max-warnings),\n"
      "2 bad input or usage.\n\n"
      "Examples:\n"
      "  liftlint check week.plan\n"
      "  liftlint check plans/ --fail-on warning --format sarif --output liftlint.sarif\n"
      "  liftlint check plans/ --format sarif -o liftlint.sarif --format junit -o liftlint.xml\n"
      "  liftlint check week.plan --fix --unsafe-fixes --diff\n"
      "  platform-export | liftlint check - --format json");
}

// Each --format is paired with the --output at the same place: `--format sarif -o a.sarif --format
// junit -o b.xml`. One format may go without an output, to standard output.
// `x.json`, `./x.json`, an absolute path or a link to it: one file, however it is spelled.
bool same_destination(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  const auto real = [&](const std::string& given) {
    fs::path p = fs::absolute(given, ec);
    // a link to a report not written yet: the file it will write
    std::error_code missing;  // the end of the chain need not exist
    for (int hops = 0; hops < 40 && fs::is_symlink(p, missing); ++hops) {
      const auto target = fs::read_symlink(p, missing);
      p = target.is_absolute() ? target : p.parent_path() / target;
    }
    return fs::weakly_canonical(p, ec);
  };
  const auto ra = real(a), rb = real(b);
  return !ec && ra == rb;
}

std::optional<std::vector<Destination>> destinations_of(const CheckOptions& o) {
  const auto formats = o.formats.empty() ? std::vector<std::string>{"text"} : o.formats;
  if (o.outputs.size() > formats.size()) {
    fmt::print(stderr,
               "liftlint: error: {} --format and {} --output given; give each format its own output, as in "
               "'--format sarif --output a.sarif --format junit --output b.xml' (one may go to standard output)\n{}",
               formats.size(), o.outputs.size(), usage_hint);
    return std::nullopt;
  }
  if (std::find(o.outputs.begin(), o.outputs.end(), "") != o.outputs.end()) {
    fmt::print(stderr, "liftlint: error: --output: expected a file name, or '-' for standard output; found ''\n{}",
               usage_hint);
    return std::nullopt;
  }
  std::vector<Destination> out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    out.push_back(Destination{*report_format_named(formats[i]), i < o.outputs.size() ? o.outputs[i] : "-"});
  }
  const auto on_stdout = std::count_if(out.begin(), out.end(), [](const Destination& d) { return d.to_stdout(); });
  if (on_stdout > 1) {
    fmt::print(stderr, "liftlint: error: {} reports would go to standard output; give all but one an --output FILE\n{}",
               on_stdout, usage_hint);
    return std::nullopt;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (out[i].to_stdout() || out[j].to_stdout() || !same_destination(out[i].path, out[j].path)) continue;
      fmt::print(stderr, "liftlint: error: two reports would be written to '{}'; give each its own --output\n{}",
                 report::printable(out[i].path), usage_hint);
      return std::nullopt;
    }
  }
  return out;
}

// A report must not replace one of the run's own inputs, such as `check a.plan -o a.plan`.
// `check - -o plan.txt < plan.txt`: the file standard input reads.
bool is_standard_input(const std::string& path) {
  struct stat in {
  }, out{};
  return fstat(STDIN_FILENO, &in) == 0 && stat(path.c_str(), &out) == 0 && S_ISREG(in.st_mode) &&
         in.st_dev == out.st_dev && in.st_ino == out.st_ino;
}

std::optional<std::string> input_at_output(const Project& project, const std::string& output) {
  std::error_code ec;
  if (output.empty() || output == "-" || !fs::is_regular_file(output, ec)) return std::nullopt;
  const auto same = [&](const std::string& path) { return fs::equivalent(path, output, ec) && !ec; };
  for (const auto& input : project.inputs) {
    if (input.path != "-" && same(input.path)) return input.path;
    if (input.path == "-" && is_standard_input(output)) return std::string("standard input");
  }
  for (const auto& g : project.groups) {
    if (!g.config.path.empty() && same(g.config.path)) return g.config.path;
    for (const auto& pack : g.config.packs.value) {
      if (same(pack)) return pack;
      std::vector<WalkProblem> unreadable;  // reported when the packs load
      for (const auto& file :
           fs::is_directory(pack, ec) ? files_under(pack, {".rules"}, unreadable) : std::vector<std::string>{}) {
        if (same(file)) return file;
      }
    }
    if (!g.engine) continue;
    for (const auto& file : g.engine->rule_files()) {
      if (file.rfind("builtin/", 0) != 0 && same(file)) return file;
    }
  }
  return std::nullopt;
}

bool outputs_are_not_inputs(const Project& project, const std::vector<Destination>& destinations) {
  for (const auto& d : destinations) {
    if (const auto input = input_at_output(project, d.path)) {
      fmt::print(stderr, "liftlint: error: --output '{}' is the input '{}'; the report would replace it\n{}",
                 report::printable(d.path), report::printable(*input), usage_hint);
      return false;
    }
  }
  return true;
}

std::variant<std::string, PlanReport> read_stdin() {
  auto text = read_bounded(STDIN_FILENO, limits::max_stdin_bytes);
  if (!text || text->size() > limits::max_stdin_bytes) return unreadable_stdin(text.has_value());
  return std::move(*text);
}

namespace {

// A report being written: its sink, opened before any plan is checked, and its writer.
struct OpenReport {
  explicit OpenReport(const Destination& d) : destination(d), sink(d.path) {}
  Destination destination;
  Sink sink;
  std::unique_ptr<ReportWriter> writer;
};

}  // namespace

// Every report is completed before any is put in place: when one cannot be written, the files of the
// others keep their earlier reports rather than a mix of runs.
bool all_reports_written(std::deque<OpenReport>& reports) {
  const auto failed = [](const OpenReport& open, const std::string& error) {
    fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n",
               report::printable(open.destination.path), error);
    return false;
  };
  bool written = true;
  for (auto& open : reports) {
    open.writer->end([&](std::string_view piece) { open.sink.write(piece); });
    if (const auto error = open.sink.finish(); !error.empty()) written = failed(open, error);
  }
  if (!written) return false;
  for (auto& open : reports) {
    if (const auto error = open.sink.commit(); !error.empty()) written = failed(open, error);
  }
  return written;
}

std::optional<std::deque<OpenReport>> open_reports(const std::vector<Destination>& destinations, const Project& project,
                                                   const CheckOptions& o) {
  std::deque<OpenReport> out;
  // Only these formats describe the rules that ran; describing every rule costs more than checking a plan.
  const auto describes_rules = [](const Destination& d) {
    return d.format == ReportFormat::sarif || d.format == ReportFormat::junit || d.format == ReportFormat::html;
  };
  const auto rules = std::any_of(destinations.begin(), destinations.end(), describes_rules) ? running_rules(project)
                                                                                            : std::vector<RuleInfo>{};
  for (const auto& d : destinations) {
    out.emplace_back(d);
    if (const auto error = out.back().sink.open(); !error.empty()) {
      fmt::print(stderr, "liftlint: error: cannot write the report to '{}': {}\n", report::printable(d.path), error);
      return std::nullopt;
    }
    const bool terminal = d.to_stdout() && d.format == ReportFormat::text;
    out.back().writer = make_report_writer(d.format, {rules, terminal && use_color(o.color, stdout), terminal});
  }
  return out;
}

int run_check(const CheckOptions& o) {
  if (!valid_options(o)) return exit_input_error;
  const auto destinations = destinations_of(o);
  if (!destinations) return exit_input_error;
  const Overrides overrides{o.rules, o.no_default_rules, o.drafts, o.fail_on, o.max_warnings};
  auto& project = kept_until_exit(plan_project(ProjectOptions{o.plans, o.config, overrides, o.today}));
  if (!outputs_are_not_inputs(project, *destinations)) return exit_input_error;
  project.readings = std::any_of(destinations->begin(), destinations->end(),
                                 [](const Destination& d) { return d.format == ReportFormat::html; });
  if (const auto rule_errors = build_engines(project); !rule_errors.empty()) {
    return report_rule_errors(rule_errors, *destinations, o.color);
  }
  // again, now that the packs' includes are known
  if (!outputs_are_not_inputs(project, *destinations)) return exit_input_error;
  if (o.fix) {
    const auto fixed = fix_plans(project, o);
    if (o.diff || fixed.failed) return fixed.failed ? exit_input_error : fixed.changed ? exit_findings : exit_clean;
  }
  auto reports = open_reports(*destinations, project, o);
  if (!reports) return exit_input_error;
  Verdict verdict(project);
  Progress progress(project.inputs.size());
  const auto write = [&](const PlanReport& r, std::optional<std::size_t> group) {
    verdict.add(r, group);
    const auto fail_on = group ? project.groups[*group].fail_on() : Severity::error;
    for (auto& open : *reports) open.sink.write(open.writer->plan(r, fail_on));
  };
  for (auto& open : *reports) open.sink.write(open.writer->begin());
  for (const auto& r : setup_reports(project)) write(r, std::nullopt);
  check_project(project, o.jobs, read_stdin, [&](const PlanReport& r, std::size_t group) {
    progress.done_one();
    write(r, group);
  });
  if (!all_reports_written(*reports)) return exit_input_error;
  const bool summary_shown = std::any_of(reports->begin(), reports->end(), [](const OpenReport& r) {
    return r.destination.to_stdout() && r.destination.format == ReportFormat::text;
  });
  if (!summary_shown) fmt::print(stderr, "{}", render_summary(verdict.counts(), use_color(o.color, stderr)));
  for (const auto& line : verdict.warning_limits_passed()) fmt::print(stderr, "liftlint: {}\n", line);
  return static_cast<int>(verdict.exit_code());
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
  auto built = build_engine(config);
  if (!built) {
    print_problems(built.problems, "auto");
    return exit_input_error;
  }
  errors.insert(errors.end(), built.problems.begin(), built.problems.end());
  print_problems(errors, "auto");
  fmt::print("{}", report::printable(describe(config), {true, true, std::numeric_limits<std::size_t>::max()}));
  return errors.empty() ? exit_clean : exit_input_error;
}

}  // namespace liftlint::cli
