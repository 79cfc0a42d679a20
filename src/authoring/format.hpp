// Canonical layout for rule and plan files. Only white space changes: indentation by
// brace depth, aligned field values, single blank lines, no trailing spaces.
#pragma once

#include <optional>
#include <string>

namespace liftlint::authoring {

enum class FileKind { rules, plan };

[[nodiscard]] std::string format_text(const std::string& text, FileKind kind);
// The same text with all white space removed: formatting must not change it.
[[nodiscard]] std::string without_space(const std::string& text);
// Unified diff of two texts, labelled with the file's path.
[[nodiscard]] std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace liftlint::authoring
