// Resolves a plan's names against the rule set's vocabulary and catalogue.
#pragma once

#include <optional>

#include "plan/ast.hpp"
#include "plan/model.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::plan {

// Plans longer than this are rejected as a likely typo in a week range.
inline constexpr int max_weeks = 520;

[[nodiscard]] std::optional<Plan> resolve_plan(const ast::File& file, const model::RuleSet& rules,
                                               Diagnostics& diagnostics);

}  // namespace liftlint::plan
