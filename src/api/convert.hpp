// Converts internal diagnostics and findings to the public report types.
#pragma once

#include <vector>

#include "eval/finding.hpp"
#include "liftlint/liftlint.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint {

[[nodiscard]] Location location_of(const Span& span);
[[nodiscard]] Problem problem_of(const Diagnostic& diagnostic);
[[nodiscard]] std::vector<Problem> problems_of(const Diagnostics& diagnostics);
[[nodiscard]] Problem problem_of(const model::RuleSet& rules, const eval::Finding& finding);
[[nodiscard]] RuleInfo rule_info_of(const model::RuleSet& rules, const model::Rule& rule);

}  // namespace liftlint
