// The rule packs an engine is made from, loaded and checked: the built-in pack's snapshot, then the
// rule paths, then the files held in memory. For the engine, and for tools that reason about the
// checked rules themselves (the pack checks of `liftlint rules check`, the benchmarks).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "rules/model.hpp"
#include "support/source.hpp"

namespace liftlint {

struct LoadedRules {
  std::unique_ptr<Sources> sources;     // the texts the rule set's spans point into
  std::optional<model::RuleSet> rules;  // empty when a pack has errors
  std::vector<Problem> problems;
};

[[nodiscard]] LoadedRules load_rules(const EngineOptions& options);

}  // namespace liftlint
