#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "api/engine_impl.hpp"
#include "liftlint/liftlint.hpp"
#include "support/limits.hpp"

namespace liftlint {

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

std::vector<std::string> Engine::rule_files() const {
  std::vector<std::string> out;
  if (impl_->loaded.sources) {
    for (const auto& f : impl_->loaded.sources->files()) out.push_back(f.path);
  }
  return out;
}

std::vector<RuleInfo> Engine::rules() const {
  auto out = rule_infos_of(*impl_->rules);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].runs = impl_->runs(impl_->rules->rules[i]);
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

const char* name_of(FixApplicability applicability) {
  return applicability == FixApplicability::safe ? "safe" : "unsafe";
}

const char* version() { return LIFTLINT_VERSION; }

}  // namespace liftlint
