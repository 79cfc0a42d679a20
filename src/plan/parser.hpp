// Plan files: text to syntax tree. Syntax errors become diagnostics.
#pragma once

#include <optional>

#include "plan/ast.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::plan {

[[nodiscard]] std::optional<ast::File> parse_plan_file(const SourceFile& file, Diagnostics& diagnostics);

}  // namespace liftlint::plan
