#include "test_support.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "eval/evaluator.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "report/report.hpp"
#include "rules/loader.hpp"

namespace liftlint::testing {

std::unique_ptr<Pack> load_pack(const std::vector<std::string>& builtin, const Files& extra) {
  auto pack = std::make_unique<Pack>();
  rules::MemoryFileSystem fs;
  for (const auto& f : embedded_rule_files()) fs.add(f.path, std::string(f.text));
  for (const auto& [path, text] : extra) fs.add(path, text);
  rules::RuleLoader loader(pack->sources, fs, pack->diagnostics);
  for (const auto& path : builtin) loader.load(path);
  for (const auto& [path, text] : extra) loader.load(path);
  pack->rules = loader.check();
  return pack;
}

std::string render(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += report::render_problem(problem_of(d), false);
  return out;
}

std::string check_plan(const Pack& pack, const std::string& text, const std::string& path) {
  if (!pack.rules) return "pack did not load:\n" + render(pack.diagnostics);
  const SourceFile file{path, text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  std::optional<plan::Plan> resolved;
  if (parsed) resolved = plan::resolve_plan(*parsed, *pack.rules, diagnostics);
  // The input errors alone: tests of findings beside errors go through the engine.
  if (!resolved || diagnostics.has_errors()) return render(diagnostics);
  std::string out;
  const CitationTable citations(*pack.rules);
  for (const auto& f : eval::evaluate(*pack.rules, *resolved)) {
    out += report::render_problem(problem_of(citations, f), false);
  }
  return out;
}

std::vector<std::string> finding_ids(const Pack& pack, const std::string& text) {
  std::vector<std::string> ids;
  const SourceFile file{"plan.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  if (!parsed) return {"<parse error>"};
  const auto resolved = plan::resolve_plan(*parsed, *pack.rules, diagnostics);
  if (!resolved || diagnostics.has_errors()) return {"<input error> " + render(diagnostics)};
  // What a user is told: a finding another rule supersedes is not a violation.
  for (const auto& f : eval::evaluate(*pack.rules, *resolved)) {
    if (f.superseded_by == nullptr) ids.push_back(f.rule->id);
  }
  return ids;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string run_cli(const std::string& arguments, int& exit_code, bool merge_stderr) {
  const std::string command = std::string("cd '") + LIFTLINT_SOURCE_DIR + "' && NO_COLOR=1 '" + LIFTLINT_BINARY + "' " +
                              arguments + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer{};
  while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

const Engine& default_engine() {
  static const auto engine = [] {
    EngineOptions options;
    options.today = "2026-11-21";
    auto built = Engine::create(options);
    if (!built) throw std::runtime_error("the default pack does not load");
    return std::move(built.engine);
  }();
  return *engine;
}

}  // namespace liftlint::testing
