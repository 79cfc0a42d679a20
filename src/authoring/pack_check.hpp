// Checks a rule pack beyond syntax and names: unused declarations, conditions that
// can never hold, and rules that contradict each other.
#pragma once

#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

// Looks at the rules of the packs named with --rules (extra_packs) or else the built-in
// pack; conflicts are also sought against every other loaded rule.
// The packs are those of `options`, loaded again here: the checks reason about the checked rules
// themselves, which an Engine does not show.
[[nodiscard]] std::vector<Problem> check_packs(const EngineOptions& options, bool extra_packs);

}  // namespace liftlint::authoring
