// JSON plans on arbitrary bytes: the JSON reader, the plan shape checks, the resolver, the
// evaluator, waivers and every output format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "properties.hpp"
#include "report/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto built = liftlint::Engine::create(liftlint::EngineOptions{true, {}, {}, {}, true, "2026-11-21"});
  const liftlint::Engine& engine = *built.engine;
  static const auto rules = engine.rules();
  if (size == 0) return 0;
  // The first byte picks the reader, so that most runs go to one plan rather than to
  // hundreds of one-line fragments of a pretty-printed file.
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto reports =
      engine.check("fuzz.json", text, data[0] % 4 == 0 ? liftlint::PlanFormat::json_lines : liftlint::PlanFormat::json);
  // Rendering hundreds of one-line reports says nothing the first few do not.
  if (reports.size() > 8) reports.resize(8);
  fuzz::no_control_bytes(liftlint::report::render_text(reports, false));
  fuzz::parses_as_json(liftlint::report::render_sarif(reports, rules));
  fuzz::xml_characters(liftlint::report::render_junit(reports, rules, liftlint::Severity::error));
  fuzz::no_control_bytes(liftlint::report::render_github(reports));
  return 0;
}
