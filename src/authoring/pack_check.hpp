// Checks a rule pack beyond syntax and names: unused declarations, conditions that
// can never hold, and rules that contradict each other.
#pragma once

#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

// Looks at the rules of the packs named with --rules (extra_packs) or else the built-in
// pack; conflicts are also sought against every other loaded rule.
// The packs are those of `options`: the checks reason about the checked rules themselves, which an
// Engine does not show.
struct PackCheck {
  std::vector<Problem> errors;    // the packs do not load: nothing else was checked
  std::vector<Problem> warnings;  // unused names, impossible conditions, conflicts
  std::size_t rules = 0;          // how many rules were checked
};
[[nodiscard]] PackCheck check_packs(const EngineOptions& options, bool extra_packs);

}  // namespace liftlint::authoring
