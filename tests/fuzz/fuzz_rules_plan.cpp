// A user's rules evaluated against a plan, both from one input: the rule text, a line "%%", then the
// plan. Rule constants reach the evaluator's arithmetic only this way.
#include <cstddef>
#include <cstdint>
#include <string>

#include "liftlint/liftlint.hpp"
#include "properties.hpp"
#include "report/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liftlint;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto cut = input.find("\n%%\n");
  if (cut == std::string::npos) return 0;
  EngineOptions options;
  options.default_rules = false;
  options.rule_files = {RuleFile{"fuzz.rules", input.substr(0, cut)}};
  options.drafts = true;
  options.today = "2026-11-21";
  const auto built = Engine::create(options);
  for (const auto& e : built.problems) fuzz::no_control_bytes(report::render_problem(e, false));
  if (!built) return 0;
  const Engine& engine = *built.engine;
  const std::vector<PlanReport> reports{engine.check_text("fuzz.plan", input.substr(cut + 4), PlanFormat::text)};
  fuzz::no_control_bytes(report::render_text(reports, false));
  fuzz::xml_characters(report::render_junit(reports, engine.rules(), Severity::warning));
  fuzz::parses_as_json(report::render_json(reports));
  fuzz::parses_as_json(report::render_sarif(reports, engine.rules()));
  return 0;
}
