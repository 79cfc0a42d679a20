// Plans written as JSON: the same model as the text notation, read into the same syntax tree.
#pragma once

#include <cstdint>
#include <optional>

#include "plan/ast.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::plan {

// Reads text[begin, end) of the file, whose first line is first_line, as one JSON plan.
[[nodiscard]] std::optional<ast::File> parse_json_plan(const SourceFile& file, std::size_t begin, std::size_t end,
                                                       std::uint32_t first_line, Diagnostics& diagnostics);

}  // namespace liftlint::plan
