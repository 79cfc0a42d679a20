#include "support/units.hpp"

#include <array>
#include <string>

#include "support/ascii.hpp"

namespace liftlint {

std::optional<UnitScale> unit_scale(std::string_view unit) {
  // Every unit is at most 7 letters, so a longer word is none, and the lower-case copy fits on the stack.
  std::array<char, 7> lower{};
  if (unit.size() > lower.size()) return std::nullopt;
  for (std::size_t i = 0; i < unit.size(); ++i) lower[i] = static_cast<char>(ascii::lower(unit[i]));
  const std::string_view u(lower.data(), unit.size());
  if (u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds") return UnitScale{UnitKind::time, 1};
  if (u == "min" || u == "mins" || u == "minute" || u == "minutes") return UnitScale{UnitKind::time, 60};
  if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours") return UnitScale{UnitKind::time, 3600};
  if (u == "day" || u == "days") return UnitScale{UnitKind::time, 86400};
  if (u == "kg" || u == "kgs") return UnitScale{UnitKind::mass, 1};
  if (u == "lb" || u == "lbs") return UnitScale{UnitKind::mass, 0.45359237};
  if (u == "%") return UnitScale{UnitKind::percent, 1};
  if (u == "m" || u == "metre" || u == "metres" || u == "meter" || u == "meters")
    return UnitScale{UnitKind::distance, 1};
  if (u == "km") return UnitScale{UnitKind::distance, 1000};
  if (u == "cm") return UnitScale{UnitKind::distance, 0.01};
  if (u == "in" || u == "inch" || u == "inches") return UnitScale{UnitKind::distance, 0.0254};
  if (u == "mi" || u == "mile" || u == "miles") return UnitScale{UnitKind::distance, 1609.344};
  if (u == "yd" || u == "yds" || u == "yard" || u == "yards") return UnitScale{UnitKind::distance, 0.9144};
  return std::nullopt;
}

const char* unit_kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::time: return "a duration";
    case UnitKind::mass: return "a weight";
    case UnitKind::percent: return "a percentage";
    case UnitKind::distance: return "a distance";
  }
  return "";
}

}  // namespace liftlint
