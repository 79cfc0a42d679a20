#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "api/engine_access.hpp"
#include "api/waivers.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/json_plan.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "rules/loader.hpp"
#include "rules/snapshot.hpp"
#include "support/limits.hpp"

namespace liftlint {

namespace {

// The files whose declarations a rule set holds.
std::set<const SourceFile*> files_declaring(const model::RuleSet& set) {
  std::set<const SourceFile*> out;
  for (const auto& vocab : set.vocabulary) {
    for (std::uint16_t i = 0; i < vocab.size(); ++i) out.insert(vocab.at(i).span.file);
  }
  for (std::size_t i = 0; i < set.catalogue.size(); ++i)
    out.insert(set.catalogue.at(static_cast<std::uint32_t>(i)).span.file);
  for (const auto& s : set.sources) out.insert(s.span.file);
  for (const auto& r : set.rules) out.insert(r.span.file);
  out.erase(nullptr);
  return out;
}

}  // namespace

struct Engine::Impl {
  Sources sources;
  rules::DiskFileSystem disk;
  std::optional<model::RuleSet> rules;
  std::vector<Problem> errors;
  eval::Options eval_options;
  std::string today;

  explicit Impl(const EngineOptions& options)
      : eval_options{options.drafts}, today(options.today.empty() ? local_date() : options.today) {
    std::vector<const SourceFile*> builtin;
    for (const auto& f : embedded_rule_files()) {
      builtin.push_back(&sources.add(f.path, f.text));
    }
    auto base = rules::decode_snapshot(embedded_snapshot(options.default_rules), builtin);
    Diagnostics diagnostics;
    rules::RuleLoader loader(sources, disk, diagnostics);
    for (const auto* file : files_declaring(*base)) loader.loaded_before(file->text);
    for (const auto& path : options.rule_paths) loader.load(path);
    rules = loader.check(std::move(*base));
    errors = problems_of(diagnostics);
  }

  // The part of a file that holds one plan: all of it, or one line of JSON Lines.
  struct Extent {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t first_line = 1;
  };

  PlanReport check(const SourceFile& file, std::string report_path, bool json, const Extent& extent) const {
    PlanReport report{std::move(report_path), {}, {}, {}, {}, true};
    Diagnostics diagnostics;
    const auto parsed = json ? plan::parse_json_plan(file, extent.begin, extent.end, extent.first_line, diagnostics)
                             : plan::parse_plan_file(file, diagnostics);
    std::optional<plan::Plan> resolved;
    if (parsed) resolved = plan::resolve_plan(*parsed, *rules, diagnostics);
    report.errors = problems_of(diagnostics);
    // Reading and resolving find errors in two passes; the report lists them in file order.
    std::stable_sort(report.errors.begin(), report.errors.end(), [](const Problem& a, const Problem& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    if (!resolved) return report;
    const auto findings = eval::evaluate(*rules, *resolved, eval_options);
    report.evaluated = true;
    const auto limit = limits::max_findings_per_plan;
    const auto counted = apply_waivers(*rules, *resolved, findings, today, limit, report);
    if (counted > limit) {
      const Span start{&file, extent.first_line, 1, 1, static_cast<std::uint32_t>(extent.begin)};
      report.errors.push_back(
          problem_of(Diagnostic{Severity::error,
                                {},
                                fmt::format("the plan has {} findings; only the first {} are reported", counted, limit),
                                start,
                                {},
                                {}}));
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

namespace {

PlanReport not_loaded(const std::string& path) {
  PlanReport report{path, {}, {}, {}, {}, true};
  Problem p;
  p.message = "the rule packs did not load, so the plan was not checked";
  p.location.file = path;
  report.errors.push_back(std::move(p));
  return report;
}

}  // namespace

PlanReport Engine::check_text(const std::string& path, std::string text) const {
  if (!ok()) return not_loaded(path);
  // Reports copy the lines they quote, so the text need not outlive this call.
  limits::strip_bom(text);
  const SourceFile file{path, std::move(text)};
  return impl_->check(file, path, path.ends_with(".json"), Impl::Extent{0, file.text.size(), 1});
}

namespace {

// The reports of a stream are returned together, so their number is bounded like everything else.
PlanReport too_many_plans(const std::string& name) {
  PlanReport report;
  report.path = name;
  Problem p;
  p.message = fmt::format("the stream has more than {} plans; this one and the rest are not checked",
                          limits::max_plans_per_stream);
  p.location.file = name;
  report.errors.push_back(std::move(p));
  return report;
}

}  // namespace

std::vector<PlanReport> Engine::check_json_lines(const std::string& path, std::string text) const {
  std::vector<PlanReport> out;
  limits::strip_bom(text);
  const SourceFile file{path, std::move(text)};
  std::size_t begin = 0;
  std::uint32_t line = 1;
  while (begin < file.text.size()) {
    auto end = file.text.find('\n', begin);
    if (end == std::string::npos) end = file.text.size();
    if (file.text.find_first_not_of(" \t\r", begin) < end) {
      const auto name = fmt::format("{}:{}", path, line);
      if (out.size() == limits::max_plans_per_stream) {
        out.push_back(too_many_plans(name));
        break;
      }
      out.push_back(ok() ? impl_->check(file, name, true, Impl::Extent{begin, end, line}) : not_loaded(name));
    }
    begin = end + 1;
    ++line;
  }
  return out;
}

std::vector<PlanReport> Engine::check_stdin(std::string text) const {
  limits::strip_bom(text);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || text[first] != '{') return {check_text("<stdin>", std::move(text))};
  const auto last = text.find_last_not_of(" \t\r\n");
  // One document over several lines is a pretty-printed plan; one per line is JSON Lines.
  const bool one_document = text.find('\n', first) < last && nlohmann::json::accept(text);
  if (!one_document) return check_json_lines("<stdin>", std::move(text));
  if (!ok()) return {not_loaded("<stdin>")};
  const SourceFile file{"<stdin>", std::move(text)};
  return {impl_->check(file, "<stdin>", true, Impl::Extent{0, file.text.size(), 1})};
}

bool Engine::configure_rule(const std::string& id, std::optional<Severity> severity, bool enabled) {
  if (!impl_->rules) return false;
  for (auto& rule : impl_->rules->rules) {
    if (rule.id != id) continue;
    if (severity) rule.severity = *severity;
    if (!enabled) rule.status = model::Status::retired;
    return true;
  }
  return false;
}

PlanReport Engine::check_file(const std::string& path) const {
  auto text = impl_->disk.read(path);
  if (!text) {
    PlanReport report{path, {}, {}, {}, {}, true};
    Problem p;
    p.message = fmt::format("cannot read plan file '{}'", path);
    p.location.file = path;
    report.errors.push_back(std::move(p));
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
