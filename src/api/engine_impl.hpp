// The engine's state, for the files of src/api that implement Engine's member functions.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "api/convert.hpp"
#include "api/rule_set.hpp"
#include "api/waivers.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/json_plan.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "rules/loader.hpp"
#include "support/dates.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"

namespace liftlint {

// The resolved plan in the public types, without its path and errors.
[[nodiscard]] PlanReading reading_of(const model::RuleSet& rules, const plan::Plan& plan);

struct Engine::Impl {
  LoadedRules loaded;  // owns the texts the rule set's spans point into
  rules::DiskFileSystem disk;
  std::optional<model::RuleSet> rules;
  std::vector<Problem> errors;
  std::optional<CitationTable> citations;  // of `rules`, after the rule settings
  eval::Options eval_options;
  std::string given_today;  // YYYY-MM-DD, or empty for the local date
  bool readings = false;

  explicit Impl(const EngineOptions& options)
      : loaded(load_rules(options)),
        rules(std::move(loaded.rules)),
        errors(std::move(loaded.problems)),
        eval_options{options.drafts},
        given_today(options.today),
        readings(options.readings) {
    if (!rules) return;
    apply(options.rule_settings);
    citations.emplace(*rules);
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

  // Only waivers need the date, and reading the time zone costs a twentieth of a command line's run, so it
  // is read when a plan first has a waiver, once for the engine.
  const std::string& today() const {
    std::call_once(today_read_, [this] { today_ = given_today.empty() ? local_date() : given_today; });
    return today_;
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
    for (auto& p : problems_of(diagnostics)) (p.rule_id == plan::note_code ? report.notes : report.errors).push_back(p);
    // Reading and resolving find errors in two passes; the report lists them in file order.
    std::stable_sort(report.errors.begin(), report.errors.end(), [](const Problem& a, const Problem& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    if (!resolved) return report;
    if (readings) report.reading = read(*resolved, report);
    const auto findings = eval::evaluate(*rules, *resolved, eval_options);
    report.evaluated = true;
    note_awaiting_condition(resolved->client,
                            Span{&file, extent.first_line, 1, 1, static_cast<std::uint32_t>(extent.begin)}, report);
    const auto limit = limits::max_findings_per_plan;
    static const std::string no_date;
    const auto counted =
        apply_waivers(*citations, *resolved, findings, resolved->waivers.empty() ? no_date : today(), limit, report);
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

  [[nodiscard]] std::shared_ptr<const PlanReading> read(const plan::Plan& plan, const PlanReport& report) const {
    auto reading = std::make_shared<PlanReading>(reading_of(*rules, plan));
    reading->path = report.path;
    return reading;
  }

  [[nodiscard]] bool runs(const model::Rule& rule) const { return eval::runs(rule, eval_options); }

  // A plan whose client has no condition recorded is not checked against the rules that wait for one; the
  // reader is told, or a summary of "0 errors" would pass for a plan fit for a client with back pain.
  void note_awaiting_condition(const plan::Client& client, const Span& start, PlanReport& report) const {
    if (client.conditions.any()) return;
    std::call_once(awaiting_found_, [this] { awaiting_ = eval::awaiting_condition(*rules, eval_options); });
    if (awaiting_.rules == 0) return;
    const auto& vocab = rules->vocab(model::Category::condition);
    const auto first = id_as_words(vocab.at(awaiting_.conditions.front()).id);
    const auto* more = awaiting_.conditions.size() > 1 ? " or another condition" : "";
    Problem note;
    note.severity = Severity::info;
    note.rule_id = no_condition_code;
    note.message =
        fmt::format("the plan records no condition of the client, so {} {} for clients with {}{} did not apply",
                    awaiting_.rules, awaiting_.rules == 1 ? "rule" : "rules", first, more);
    note.location = location_of(client.span.file != nullptr ? client.span : start);
    note.help.push_back(
        fmt::format("if the client has one, say so before the first session, as a field (`Client: {}`) or in words "
                    "(`History: {} since 2023, cleared by physio`)",
                    first, first));
    report.notes.insert(report.notes.begin(), std::move(note));
  }

 private:
  mutable std::once_flag awaiting_found_;
  mutable eval::AwaitingCondition awaiting_;
  mutable std::once_flag today_read_;
  mutable std::string today_;
};

}  // namespace liftlint
