// liftlint for JavaScript: the functions the WebAssembly module exports, over the public API only.
//
//   const liftlint = await createLiftlint();
//   const report = JSON.parse(liftlint.check("week.plan", text, ""));   // as `check --format json`
//   const page = liftlint.html("week.plan", text, "");                 // as `check --format html`
#include <emscripten/bind.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"

namespace {

// The engine for the default pack and the rules last given: rebuilt only when the rules change, so
// that checking a plan as it is typed costs a check and not a pack load.
struct Built {
  std::string rules;
  std::unique_ptr<liftlint::Engine> engine;
  std::vector<liftlint::Problem> problems;
};

const Built& engine_for(const std::string& rules) {
  static Built built;
  if (built.engine && built.rules == rules) return built;
  if (!built.engine && !built.problems.empty() && built.rules == rules) return built;
  liftlint::EngineOptions options;
  options.readings = true;
  if (!rules.empty()) options.rule_files.push_back({"playground.rules", rules});
  auto result = liftlint::Engine::create(options);
  built = Built{rules, std::move(result.engine), std::move(result.problems)};
  return built;
}

// Rule-file problems as reports, one per file, as the command line writes them when a pack does not load.
std::vector<liftlint::PlanReport> rule_problem_reports(const std::vector<liftlint::Problem>& problems) {
  std::vector<liftlint::PlanReport> out;
  for (const auto& p : problems) {
    if (out.empty() || out.back().path != p.location.file) {
      out.emplace_back();
      out.back().path = p.location.file;
      out.back().plan = false;
    }
    out.back().errors.push_back(p);
  }
  return out;
}

std::string render(liftlint::ReportFormat format, const std::string& name, const std::string& text,
                   const std::string& rules) {
  const auto& built = engine_for(rules);
  if (!built.engine) return liftlint::render(format, rule_problem_reports(built.problems), {});
  auto reports = built.engine->check(name, text, liftlint::plan_format_for_path(name));
  const liftlint::ReportOptions options{built.engine->running_rules(), false, false};
  return liftlint::render(format, reports, options);
}

std::string check(const std::string& name, const std::string& text, const std::string& rules) {
  return render(liftlint::ReportFormat::json, name, text, rules);
}

std::string html(const std::string& name, const std::string& text, const std::string& rules) {
  return render(liftlint::ReportFormat::html, name, text, rules);
}

// The example plans built into the module: [{"name": "examples/flawed-rest.plan", "text": ...}, ...].
std::string examples() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("/examples")) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".plan" || ext == ".json")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  auto out = nlohmann::json::array();
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({{"name", "examples" + path.string().substr(std::string("/examples").size())}, {"text", text.str()}});
  }
  return out.dump();
}

std::string version() { return liftlint::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(liftlint) {
  emscripten::function("check", &check);
  emscripten::function("html", &html);
  emscripten::function("examples", &examples);
  emscripten::function("version", &version);
}
