// Calendar dates written as YYYY-MM-DD.
#pragma once

#include <string>

namespace liftlint {

// True when the text names a day that exists (2026-02-30 does not).
[[nodiscard]] bool valid_date(const std::string& yyyy_mm_dd);

}  // namespace liftlint
