#include "liftlint/project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <variant>

#include "support/diagnostic.hpp"

namespace liftlint {
namespace {

namespace fs = std::filesystem;

std::string config_for(const std::string& input, const ProjectOptions& o) {
  if (!o.config.empty()) return o.config;
  if (input == "-") return find_config(".");
  std::error_code ec;
  const auto dir = fs::is_directory(input, ec) ? fs::path(input) : fs::path(input).parent_path();
  return find_config(dir.empty() ? "." : dir.string());
}

}  // namespace

Severity Project::Group::fail_on() const {
  // fail_on has been checked against the three names by the option or the configuration.
  return parse_severity(config.fail_on.value).value_or(Severity::error);
}

Project plan_project(const ProjectOptions& o) {
  Project project;
  project.today = o.today;
  std::map<std::string, std::size_t> known;
  const auto group_for = [&](const std::string& config_path) {
    if (const auto it = known.find(config_path); it != known.end()) return it->second;
    project.groups.push_back(Project::Group{effective_config(config_path, o.overrides, project.setup_errors), {}});
    known.emplace(config_path, project.groups.size() - 1);
    return project.groups.size() - 1;
  };
  for (const auto& input : o.inputs) {
    const auto group = group_for(config_for(input, o));
    if (input == "-") {
      project.inputs.push_back(Project::Input{group, input});
      continue;
    }
    auto paths = expand_paths({input}, {".plan", ".json"}, project.setup_errors);
    for (auto& path : paths) project.inputs.push_back(Project::Input{group, std::move(path)});
  }
  return project;
}

std::vector<Problem> build_engines(Project& project) {
  for (auto& g : project.groups) {
    auto built = build_engine(g.config, project.today, project.readings);
    if (!built) {
      for (auto& other : project.groups) other.engine.reset();
      return std::move(built.problems);
    }
    g.engine = std::move(built.engine);
    project.setup_errors.insert(project.setup_errors.end(), built.problems.begin(), built.problems.end());
  }
  return {};
}

std::vector<PlanReport> setup_reports(const Project& project) {
  auto errors = project.setup_errors;
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

std::vector<RuleInfo> running_rules(const Project& project) {
  std::vector<RuleInfo> out;
  for (const auto& g : project.groups) {
    for (auto& r : g.engine->running_rules()) out.push_back(std::move(r));
  }
  return out;
}

Verdict::Verdict(const Project& project) : project_(project), groups_(project.groups.size()) {}

void Verdict::add(const PlanReport& r, std::optional<std::size_t> group) {
  add_counts(counts_, r);
  input_error_ = input_error_ || !r.errors.empty();
  if (!group) return;
  auto& tally = groups_[*group];
  const auto fail_on = severity_rank(project_.groups[*group].fail_on());
  for (const auto& f : r.findings) {
    tally.warnings += f.severity == Severity::warning ? 1 : 0;
    tally.failing = tally.failing || severity_rank(f.severity) >= fail_on;
  }
}

bool Verdict::too_many_warnings(std::size_t group) const {
  const auto limit = project_.groups[group].config.max_warnings.value;
  return limit >= 0 && groups_[group].warnings > static_cast<std::size_t>(limit);
}

ExitCode Verdict::exit_code() const {
  if (input_error_) return ExitCode::input_error;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (groups_[g].failing || too_many_warnings(g)) return ExitCode::findings;
  }
  return ExitCode::clean;
}

std::vector<std::string> Verdict::warning_limits_passed() const {
  std::vector<std::string> out;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (!too_many_warnings(g)) continue;
    const auto& limit = project_.groups[g].config.max_warnings;
    out.push_back(fmt::format("{} warnings, more than --max-warnings {} allows ({})", groups_[g].warnings, limit.value,
                              limit.origin));
  }
  return out;
}

void check_project(const Project& project, unsigned jobs, const StdinReader& read_stdin,
                   const std::function<void(const PlanReport&, std::size_t group)>& report) {
  const auto& inputs = project.inputs;
  const auto check = [&](std::size_t i) -> std::vector<PlanReport> {
    const auto& engine = *project.groups[inputs[i].group].engine;
    if (inputs[i].path != "-") return engine.check_file(inputs[i].path);
    auto read = read_stdin();
    if (auto* failed = std::get_if<PlanReport>(&read)) return {std::move(*failed)};
    auto& text = std::get<std::string>(read);
    const auto format = plan_format_of_text(text);
    return engine.check("<stdin>", std::move(text), format);
  };
  check_in_order(inputs.size(), jobs, check, [&](std::size_t i, PlanReport&& r) { report(r, inputs[i].group); });
}

}  // namespace liftlint
