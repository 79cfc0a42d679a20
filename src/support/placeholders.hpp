// Message templates: "{name}" is a placeholder; any other brace is literal text.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace liftlint {

using Vars = std::vector<std::pair<std::string, std::string>>;

[[nodiscard]] std::vector<std::string> placeholder_names_in(const std::string& text);
[[nodiscard]] std::string fill_placeholders(const std::string& text, const Vars& vars);

}  // namespace liftlint
