// A run of checks as the command line makes one: plans grouped by the configuration file that
// governs each, an engine per group, and the exit code the run ends with.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "liftlint/config.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"

namespace liftlint {

// Exit codes, stable for scripts and CI.
enum class ExitCode { clean = 0, findings = 1, input_error = 2 };

struct ProjectOptions {
  std::vector<std::string> inputs;  // plan files, directories of plans, or "-" for standard input
  std::string config;               // one configuration file for every input; empty: each input's nearest
  Overrides overrides;              // the command line's settings, over every configuration file
  std::string today;                // for waiver expiry; empty: the local date
};

struct Project {
  // The plans under one configuration file, checked by one engine.
  struct Group {
    Config config;
    std::unique_ptr<Engine> engine;  // set by build_engines
    [[nodiscard]] Severity fail_on() const;
  };
  struct Input {
    std::size_t group = 0;
    std::string path;  // "-" for standard input
  };
  std::vector<Group> groups;
  std::vector<Input> inputs;
  std::vector<Problem> setup_errors;  // configuration problems, unreadable entries, directories without plans
  std::string today;
  bool readings = false;  // EngineOptions::readings, for the HTML report
};

// Finds each input's configuration and lists the plan files under directories.
[[nodiscard]] Project plan_project(const ProjectOptions& options);
// An engine for each group. Problems in rule packs stop the run: they are returned, and no group has
// an engine. Rule settings naming no loaded rule are added to setup_errors.
[[nodiscard]] std::vector<Problem> build_engines(Project& project);
// setup_errors as reports, one per file they concern, so that every output format carries them.
[[nodiscard]] std::vector<PlanReport> setup_reports(const Project& project);
// The rules that run, from every group's engine, for formats that list them.
[[nodiscard]] std::vector<RuleInfo> running_rules(const Project& project);

// What decides the exit code, kept as the reports go by.
class Verdict {
 public:
  explicit Verdict(const Project& project);
  // A report of a plan in `group`; nullopt for a setup report.
  void add(const PlanReport& report, std::optional<std::size_t> group);
  [[nodiscard]] ExitCode exit_code() const;
  // "N warnings, more than --max-warnings M allows (origin)" for each group over its limit.
  [[nodiscard]] std::vector<std::string> warning_limits_passed() const;
  [[nodiscard]] const ReportCounts& counts() const { return counts_; }

 private:
  struct PerGroup {
    std::size_t warnings = 0;
    bool failing = false;  // a finding at or above the group's fail_on
  };
  [[nodiscard]] bool too_many_warnings(std::size_t group) const;
  const Project& project_;
  std::vector<PerGroup> groups_;
  bool input_error_ = false;
  ReportCounts counts_;
};

// Checks every input on up to `jobs` threads (0: one per core) and hands each report, in input order,
// to `report` with its group. Standard input is read by `read_stdin`, which returns the text or the
// reports that say why it could not be read.
using StdinReader = std::function<std::variant<std::string, PlanReport>()>;
void check_project(const Project& project, unsigned jobs, const StdinReader& read_stdin,
                   const std::function<void(const PlanReport&, std::size_t group)>& report);

}  // namespace liftlint
