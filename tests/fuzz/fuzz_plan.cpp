// Plan parser, resolver and evaluator on arbitrary bytes, with the default pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "liftlint/liftlint.hpp"
#include "properties.hpp"
#include "report/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto built = liftlint::Engine::create(liftlint::EngineOptions{true, {}, {}, {}, true, "2026-11-21"});
  const auto report = built.engine->check_text("fuzz.plan", std::string(reinterpret_cast<const char*>(data), size),
                                               liftlint::PlanFormat::text);
  // Rendering touches every span and line the report quotes.
  const auto text = liftlint::report::render_text({report}, false);
  const auto json = liftlint::report::render_json({report});
  fuzz::no_control_bytes(text);
  fuzz::parses_as_json(json);
  fuzz::no_control_bytes(liftlint::report::render_github({report}));
  return 0;
}
