// Conversions of numbers read from input, which can be any size a file can spell.
#pragma once

#include <cmath>
#include <limits>

namespace liftlint {

// The nearest int at or below the value, kept within int's range; NaN is 0. A cast would be
// undefined for values outside the range.
[[nodiscard]] inline int saturated_int(double value) {
  if (std::isnan(value)) return 0;
  constexpr double low = std::numeric_limits<int>::min();
  constexpr double high = std::numeric_limits<int>::max();
  if (value <= low) return std::numeric_limits<int>::min();
  if (value >= high) return std::numeric_limits<int>::max();
  return static_cast<int>(std::floor(value));
}

}  // namespace liftlint
