// Rule files: text to syntax tree. Syntax errors become diagnostics.
#pragma once

#include <optional>

#include "rules/ast.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::rules {

[[nodiscard]] std::optional<ast::File> parse_rule_file(const SourceFile& file, Diagnostics& diagnostics);

}  // namespace liftlint::rules
