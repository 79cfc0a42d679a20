#include "cli/common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/config.hpp"
#include "report/report.hpp"
#include "support/names.hpp"

namespace liftlint::cli {

bool use_color(const std::string& mode, std::FILE* stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fileno(stream)) != 0;
}

std::optional<Engine> load_engine(const std::vector<std::string>& rule_paths, bool no_default_rules, bool drafts,
                                  const std::string& color, bool json, const std::string& today) {
  Engine engine(EngineOptions{!no_default_rules, expand_paths(rule_paths, {".rules"}), drafts, today});
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

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      const std::vector<std::string>& extensions) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
      const auto extension = entry.path().extension().string();
      const bool wanted = std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
      if (entry.is_regular_file() && wanted && entry.path().filename() != config_file_name) {
        found.push_back(entry.path().lexically_normal().string());
      }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Writes beside the file and renames over it, so an interrupted run leaves the original whole.
bool write_atomically(const std::string& given, const std::string& text) {
  std::error_code ec;
  // Through a symlink to the file it names, keeping the link; and with the file's own permissions.
  const auto resolved = std::filesystem::canonical(given, ec);
  const std::string path = ec ? given : resolved.string();
  // A new file keeps the permissions it is created with.
  const bool existed = std::filesystem::exists(path, ec);
  const auto permissions = std::filesystem::status(path, ec).permissions();
  const std::string temporary = fmt::format("{}.liftlint-tmp.{}", path, getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return false;
    }
  }
  if (existed) std::filesystem::permissions(temporary, permissions, ec);
  std::filesystem::rename(temporary, path, ec);
  if (ec) std::filesystem::remove(temporary);
  return !ec;
}

std::string subcommand_hint(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return {};
  const std::string typed = argv[1];
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == typed) return {};
    names.push_back(sub->get_name());
  }
  const auto hint = did_you_mean(typed, names);
  return hint.empty() ? std::string{} : hint + "\n";
}

}  // namespace liftlint::cli
