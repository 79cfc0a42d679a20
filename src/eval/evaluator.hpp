// Evaluates a rule set against a resolved plan. Linear in plan size times rule count.
#pragma once

#include <vector>

#include "eval/finding.hpp"
#include "plan/model.hpp"
#include "rules/model.hpp"

namespace liftlint::eval {

[[nodiscard]] std::vector<Finding> evaluate(const model::RuleSet& rules, const plan::Plan& plan);

}  // namespace liftlint::eval
