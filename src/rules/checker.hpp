// The checker of rule files: parsed files in, a checked rule set out.
#pragma once

#include <optional>
#include <vector>

#include "rules/ast.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::rules {

// Checks parsed files into a rule set, reporting every problem it finds.
[[nodiscard]] std::optional<model::RuleSet> check_files(const std::vector<ast::File>& files, Diagnostics& diagnostics,
                                                        model::RuleSet base);

}  // namespace liftlint::rules
