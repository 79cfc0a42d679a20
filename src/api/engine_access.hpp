// Internal access to an engine's checked rule set, for the authoring tools.
#pragma once

#include "liftlint/liftlint.hpp"
#include "rules/model.hpp"

namespace liftlint {

struct EngineAccess {
  static const model::RuleSet* rules(const Engine& engine);
};

}  // namespace liftlint
