#include <fmt/format.h>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "api/engine_access.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "rules/loader.hpp"
#include "rules/snapshot.hpp"
#include "support/limits.hpp"

namespace liftlint {

struct Engine::Impl {
  Sources sources;
  rules::DiskFileSystem disk;
  std::optional<model::RuleSet> rules;
  std::vector<Problem> errors;
  eval::Options eval_options;

  explicit Impl(const EngineOptions& options) : eval_options{options.drafts} {
    std::vector<const SourceFile*> builtin;
    for (const auto& f : embedded_rule_files()) {
      builtin.push_back(&sources.add(f.path, f.text));
    }
    auto base = rules::decode_snapshot(embedded_snapshot(options.default_rules), builtin);
    Diagnostics diagnostics;
    rules::RuleLoader loader(sources, disk, diagnostics);
    for (const auto& path : options.rule_paths) loader.load(path);
    rules = loader.check(std::move(*base));
    errors = problems_of(diagnostics);
  }

  PlanReport check(const SourceFile& file) const {
    PlanReport report{file.path, {}, {}};
    Diagnostics diagnostics;
    const auto parsed = plan::parse_plan_file(file, diagnostics);
    std::optional<plan::Plan> resolved;
    if (parsed) resolved = plan::resolve_plan(*parsed, *rules, diagnostics);
    report.errors = problems_of(diagnostics);
    if (!resolved) return report;
    const auto findings = eval::evaluate(*rules, *resolved, eval_options);
    const auto shown = std::min(findings.size(), limits::max_findings_per_plan);
    for (std::size_t i = 0; i < shown; ++i) report.findings.push_back(problem_of(*rules, findings[i]));
    if (findings.size() > shown) {
      report.errors.push_back(
          Problem{Severity::error,
                  {},
                  fmt::format("the plan has {} findings; only the first {} are reported", findings.size(), shown),
                  Location{file.path, 1, 1, 1, std::string(Span{&file, 1, 1, 1}.line_text())},
                  {},
                  {},
                  {},
                  {}});
    }
    return report;
  }
};

Engine::Engine(const EngineOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

bool Engine::ok() const { return impl_->rules.has_value(); }
const std::vector<Problem>& Engine::rule_errors() const { return impl_->errors; }
std::size_t Engine::rule_count() const { return impl_->rules ? impl_->rules->rules.size() : 0; }

std::vector<RuleInfo> Engine::rules() const {
  std::vector<RuleInfo> out;
  if (!impl_->rules) return out;
  for (const auto& rule : impl_->rules->rules) out.push_back(rule_info_of(*impl_->rules, rule));
  return out;
}

PlanReport Engine::check_text(const std::string& path, std::string text) const {
  if (!ok()) {
    PlanReport report{path, {}, {}};
    report.errors.push_back(Problem{Severity::error,
                                    {},
                                    "the rule packs did not load, so the plan was not checked",
                                    Location{path, 0, 0, 0, {}},
                                    {},
                                    {},
                                    {},
                                    {}});
    return report;
  }
  // Reports copy the lines they quote, so the text need not outlive this call.
  limits::strip_bom(text);
  const SourceFile file{path, std::move(text)};
  return impl_->check(file);
}

PlanReport Engine::check_file(const std::string& path) const {
  auto text = impl_->disk.read(path);
  if (!text) {
    PlanReport report{path, {}, {}};
    report.errors.push_back(Problem{Severity::error,
                                    {},
                                    fmt::format("cannot read plan file '{}'", path),
                                    Location{path, 0, 0, 0, {}},
                                    {},
                                    {},
                                    {},
                                    {}});
    return report;
  }
  return check_text(path, std::move(*text));
}

const char* version() { return LIFTLINT_VERSION; }

}  // namespace liftlint

namespace liftlint {

const model::RuleSet* EngineAccess::rules(const Engine& engine) {
  return engine.impl_->rules ? &*engine.impl_->rules : nullptr;
}

}  // namespace liftlint
