// Canonical layout for rule and plan files. Only white space changes: indentation by
// brace depth, aligned field values, single blank lines, no trailing spaces.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

enum class FileKind { rules, plan };

[[nodiscard]] std::string format_text(const std::string& text, FileKind kind);
// The same text with all white space removed: formatting must not change it.
[[nodiscard]] std::string without_space(const std::string& text);
// A file's text in canonical layout, or why it cannot be given one.
struct Layout {
  std::vector<Problem> errors;   // the file does not read, so it has no layout to fix
  std::string text;              // the formatted text, when there are no errors
  bool changes_meaning = false;  // the layout would change more than white space: nothing may be written
};
// Checks that `text` (the file at `path`, without its byte order mark) reads, lays it out, and checks
// that the result reads the same.
[[nodiscard]] Layout lay_out(const std::string& path, const std::string& text, FileKind kind);

// Unified diff of two texts, labelled with the file's path.
// The new side is labelled with the path and `label`: "formatted", "fixed".
[[nodiscard]] std::string unified_diff(const std::string& path, const std::string& before, const std::string& after,
                                       const std::string& label = "formatted");

}  // namespace liftlint::authoring
