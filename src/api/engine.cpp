#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "api/engine_access.hpp"
#include "api/waivers.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/config.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/json_plan.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "rules/loader.hpp"
#include "rules/snapshot.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"

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
    const auto paths = expand_paths(options.rule_paths, {".rules"}, errors);
    // Files given in memory reach the disk through their includes only when the caller gave paths too.
    rules::MemoryFileSystem files(paths.empty() ? nullptr : &disk);
    for (const auto& f : options.rule_files) files.add(f.name, f.text);
    Diagnostics diagnostics;
    rules::RuleLoader loader(sources, files, diagnostics);
    for (const auto* file : files_declaring(*base)) loader.loaded_before(file->text);
    for (const auto& path : paths) loader.load(path);
    for (const auto& f : options.rule_files) loader.load(f.name);
    if (errors.empty()) rules = loader.check(std::move(*base));
    auto found = problems_of(diagnostics);
    errors.insert(errors.end(), found.begin(), found.end());
    if (rules) apply(options.rule_settings);
  }

  void apply(const std::vector<RuleSetting>& settings) {
    std::vector<std::string> ids;
    for (const auto& s : settings) {
      if (apply(s)) continue;
      if (errors.size() >= Diagnostics::max_items) {
        Problem more;
        more.message = fmt::format("more than {} problems; the rest are not reported", Diagnostics::max_items);
        more.location = s.location;
        errors.push_back(std::move(more));
        break;
      }
      if (ids.empty()) {
        for (const auto& r : rules->rules) ids.push_back(r.id);
      }
      Problem p;
      p.message = fmt::format("the configuration names rule '{}', which is not loaded", shorten(s.id));
      p.location = s.location;
      if (auto hint = did_you_mean(s.id, ids); !hint.empty()) p.help.push_back(hint);
      p.help.emplace_back("'liftlint rules list' shows the rules that are loaded");
      errors.push_back(std::move(p));
    }
  }

  bool apply(const RuleSetting& setting) {
    for (auto& rule : rules->rules) {
      if (rule.id != setting.id) continue;
      if (setting.severity) rule.severity = *setting.severity;
      if (!setting.enabled) rule.status = model::Status::retired;
      return true;
    }
    return false;
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

  [[nodiscard]] bool runs(const model::Rule& rule) const {
    return rule.status == model::Status::reviewed || (rule.status == model::Status::draft && eval_options.drafts);
  }
};

EngineResult Engine::create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  EngineResult result;
  result.problems = std::move(impl->errors);
  impl->errors.clear();
  if (impl->rules) result.engine.reset(new Engine(std::move(impl)));
  return result;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::size_t Engine::rule_count() const { return impl_->rules->rules.size(); }

std::vector<RuleInfo> Engine::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& rule : impl_->rules->rules) {
    out.push_back(rule_info_of(*impl_->rules, rule));
    out.back().runs = impl_->runs(rule);
  }
  return out;
}

std::vector<RuleInfo> Engine::running_rules() const {
  auto out = rules();
  out.erase(std::remove_if(out.begin(), out.end(), [](const RuleInfo& r) { return !r.runs; }), out.end());
  return out;
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

PlanReport one_error(const std::string& path, std::string message) {
  PlanReport report{path, {}, {}, {}, {}, true};
  Problem p;
  p.message = std::move(message);
  p.location.file = path;
  report.errors.push_back(std::move(p));
  return report;
}

}  // namespace

PlanReport Engine::check_text(const std::string& name, std::string text, PlanFormat format) const {
  if (format == PlanFormat::json_lines) {
    return one_error(name,
                     "JSON Lines holds several plans; check it with Engine::check, which returns one report each");
  }
  // Reports copy the lines they quote, so the text need not outlive this call.
  limits::strip_bom(text);
  const SourceFile file{name, std::move(text)};
  return impl_->check(file, name, format == PlanFormat::json, Impl::Extent{0, file.text.size(), 1});
}

std::vector<PlanReport> Engine::check(const std::string& name, std::string text, PlanFormat format) const {
  if (format != PlanFormat::json_lines) return {check_text(name, std::move(text), format)};
  std::vector<PlanReport> out;
  limits::strip_bom(text);
  const SourceFile file{name, std::move(text)};
  std::size_t begin = 0;
  std::uint32_t line = 1;
  while (begin < file.text.size()) {
    auto end = file.text.find('\n', begin);
    if (end == std::string::npos) end = file.text.size();
    if (file.text.find_first_not_of(" \t\r", begin) < end) {
      const auto plan_name = fmt::format("{}:{}", name, line);
      if (out.size() == limits::max_plans_per_stream) {
        out.push_back(too_many_plans(plan_name));
        break;
      }
      out.push_back(impl_->check(file, plan_name, true, Impl::Extent{begin, end, line}));
    }
    begin = end + 1;
    ++line;
  }
  return out;
}

PlanFormat plan_format_for_path(std::string_view path) {
  if (path.ends_with(".json")) return PlanFormat::json;
  if (path.ends_with(".jsonl") || path.ends_with(".ndjson")) return PlanFormat::json_lines;
  return PlanFormat::text;
}

PlanFormat plan_format_of_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || text[first] != '{') return PlanFormat::text;
  const auto last = text.find_last_not_of(" \t\r\n");
  // One document over several lines is a pretty-printed plan; one per line is JSON Lines.
  const bool one_document = text.find('\n', first) < last && nlohmann::json::accept(text);
  return one_document ? PlanFormat::json : PlanFormat::json_lines;
}

std::vector<PlanReport> Engine::check_file(const std::string& path) const {
  auto text = impl_->disk.read(path);
  if (!text) return {one_error(path, fmt::format("cannot read plan file '{}'", path))};
  return check(path, std::move(*text), plan_format_for_path(path));
}

std::vector<PlanReport> Engine::check_batch(const std::vector<PlanInput>& inputs, unsigned threads) const {
  std::vector<PlanReport> out;
  out.reserve(inputs.size());
  check_in_order(
      inputs.size(), threads, [&](std::size_t i) { return check(inputs[i].name, inputs[i].text, inputs[i].format); },
      [&](std::size_t, PlanReport&& r) { out.push_back(std::move(r)); });
  return out;
}

const char* name_of(WaiverScope scope) {
  static constexpr std::array<const char*, 5> names{"plan", "week", "day", "session", "line"};
  return names.at(static_cast<std::size_t>(scope));
}

const char* name_of(Severity severity) { return severity_name(severity); }

const char* name_of(RuleStatus status) {
  static constexpr std::array<const char*, 3> names{"draft", "reviewed", "retired"};
  return names.at(static_cast<std::size_t>(status));
}

const char* version() { return LIFTLINT_VERSION; }

}  // namespace liftlint

namespace liftlint {

const model::RuleSet* EngineAccess::rules(const Engine& engine) {
  return engine.impl_->rules ? &*engine.impl_->rules : nullptr;
}

}  // namespace liftlint
