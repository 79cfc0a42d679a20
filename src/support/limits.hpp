// Limits on what liftlint accepts, so that no input can exhaust time or memory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "support/diagnostic.hpp"

namespace liftlint::limits {

inline constexpr std::size_t max_file_bytes = 8 * 1024 * 1024;
// Standard input may carry many plans as JSON Lines, each within max_file_bytes.
inline constexpr std::size_t max_stdin_bytes = 64 * 1024 * 1024;
inline constexpr std::size_t max_plans_per_stream = 100000;
inline constexpr std::size_t max_include_depth = 32;
inline constexpr std::size_t max_findings_per_plan = 10000;

// Drops a UTF-8 byte order mark, which editors on some systems add.
void strip_bom(std::string& text);

// The first problem with the bytes of a file: too large, a NUL byte, or invalid UTF-8.
[[nodiscard]] std::optional<Diagnostic> check_bytes(const SourceFile& file);

}  // namespace liftlint::limits
