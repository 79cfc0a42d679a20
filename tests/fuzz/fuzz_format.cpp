// The formatter on arbitrary bytes: it must keep every non-space character and be idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "authoring/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liftlint::authoring;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto kind : {FileKind::rules, FileKind::plan}) {
    const auto once = format_text(text, kind);
    if (without_space(once) != without_space(text)) std::abort();
    if (format_text(once, kind) != once) std::abort();
  }
  return 0;
}
