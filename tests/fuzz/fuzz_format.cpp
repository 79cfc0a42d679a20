// The formatter and the fixes on arbitrary bytes. The formatter must keep every non-space character
// and be idempotent; fixes must stay inside the text, and a fixed plan must have nothing left to fix.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "authoring/format.hpp"
#include "liftlint/liftlint.hpp"

namespace {

void formats(const std::string& text) {
  using namespace liftlint::authoring;
  for (const auto kind : {FileKind::rules, FileKind::plan}) {
    const auto once = format_text(text, kind);
    if (without_space(once) != without_space(text)) std::abort();
    if (format_text(once, kind) != once) std::abort();
  }
}

// Fixing checks a plan several times over; the property is about edits, which small inputs exercise as
// well as large ones, and a large one would spend the fuzzer's time limit on checks alone.
constexpr std::size_t largest_to_fix = 8 * 1024;

void fixes(const std::string& text) {
  if (text.size() > largest_to_fix) return;
  static const auto built = liftlint::Engine::create(liftlint::EngineOptions{true, {}, {}, {}, true, "2026-11-21"});
  for (const auto format : {liftlint::PlanFormat::text, liftlint::PlanFormat::json}) {
    const auto fixed = built.engine->fix("fuzz.plan", text, format, true);
    if (fixed.applied == 0 && fixed.text != text) std::abort();
    if (fixed.applied > 0 && built.engine->fix("fuzz.plan", fixed.text, format, true).applied != 0) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  formats(text);
  fixes(text);
  return 0;
}
