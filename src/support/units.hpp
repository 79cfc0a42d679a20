// Units people write, converted to seconds, kilograms and percent.
#pragma once

#include <optional>
#include <string_view>

namespace liftlint {

enum class UnitKind { time, mass, percent, distance };

struct UnitScale {
  UnitKind kind;
  double factor;  // to seconds, kilograms, percent or metres
};

[[nodiscard]] std::optional<UnitScale> unit_scale(std::string_view unit);
[[nodiscard]] const char* unit_kind_name(UnitKind kind);

}  // namespace liftlint
