// A user's rules evaluated against a plan, both from one input: the rule text, a line "%%", then the
// plan. Rule constants reach the evaluator's arithmetic only this way.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "liftlint/liftlint.hpp"
#include "properties.hpp"
#include "report/report.hpp"

namespace {

// The engine reads rule files from disk; one temporary file per fuzzing process is rewritten for each input.
const std::string& rules_path() {
  static const std::string path = [] {
    char name[] = "/tmp/liftlint-fuzz-XXXXXX.rules";
    const int fd = mkstemps(name, 6);
    if (fd >= 0) close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liftlint;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto cut = input.find("\n%%\n");
  if (cut == std::string::npos) return 0;
  std::ofstream(rules_path(), std::ios::binary | std::ios::trunc) << input.substr(0, cut);
  const Engine engine(EngineOptions{false, {rules_path()}, true, "2026-11-21"});
  if (!engine.ok()) {
    for (const auto& e : engine.rule_errors()) fuzz::no_control_bytes(report::render_problem(e, false));
    return 0;
  }
  const std::vector<PlanReport> reports{engine.check_text("fuzz.plan", input.substr(cut + 4))};
  fuzz::no_control_bytes(report::render_text(reports, false));
  fuzz::xml_characters(report::render_junit(reports, engine.rules(), Severity::warning));
  fuzz::parses_as_json(report::render_json(reports));
  fuzz::parses_as_json(report::render_sarif(reports, engine.rules()));
  return 0;
}
