// Exercise names as trainers write them: catalogue names and aliases, abbreviations, and
// modifiers in front of a base movement (`standing barbell overhead press`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/model.hpp"

namespace liftlint::plan {

struct NameReading {
  std::uint32_t exercise = 0;
  std::string posture;    // vocabulary id a modifier sets, or empty
  std::string equipment;  // vocabulary id a modifier sets, or empty
  bool weighted = false;  // `weighted`, or a barbell, dumbbell or kettlebell put on a body-weight movement
  bool banded = false;
};

[[nodiscard]] std::optional<NameReading> read_exercise_name(const model::Catalogue& catalogue, const std::string& text);

// Catalogue names to offer for a name that was not found: none whose posture or equipment
// words contradict a modifier the trainer typed.
[[nodiscard]] std::vector<std::string> compatible_names(const std::vector<std::string>& names,
                                                        const std::string& typed);

}  // namespace liftlint::plan
