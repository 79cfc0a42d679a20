#include "cli/common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "report/report.hpp"

namespace liftlint::cli {

bool use_color(const std::string& mode, std::FILE* stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fileno(stream)) != 0;
}

std::optional<Engine> load_engine(const std::vector<std::string>& rule_paths, bool no_default_rules, bool drafts,
                                  const std::string& color, bool json) {
  Engine engine(EngineOptions{!no_default_rules, expand_paths(rule_paths, ".rules"), drafts});
  if (engine.ok()) return engine;
  if (json) {
    fmt::print("{}", report::render_rule_errors_json(engine.rule_errors()));
  } else {
    for (const auto& e : engine.rule_errors()) {
      fmt::print(stderr, "{}\n", report::render_problem(e, use_color(color, stderr)));
    }
  }
  return std::nullopt;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == extension) found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace liftlint::cli
