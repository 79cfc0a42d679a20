#include "cli/common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "authoring/format.hpp"
#include "liftlint/config.hpp"
#include "report/report.hpp"
#include "support/files.hpp"
#include "support/names.hpp"

namespace liftlint::cli {

bool use_color(const std::string& mode, std::FILE* stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fileno(stream)) != 0;
}

std::unique_ptr<Engine> build_engine(const std::vector<std::string>& rule_paths, bool no_default_rules, bool drafts,
                                     const std::string& today, std::vector<Problem>& errors) {
  EngineOptions options;
  options.default_rules = !no_default_rules;
  options.rule_paths = rule_paths;
  options.drafts = drafts;
  options.today = today;
  auto built = Engine::create(options);
  if (built) return std::move(built.engine);
  errors.insert(errors.end(), built.problems.begin(), built.problems.end());
  return nullptr;
}

std::unique_ptr<Engine> load_engine(const std::vector<std::string>& rule_paths, bool no_default_rules, bool drafts,
                                    const std::string& color, bool json, const std::string& today) {
  std::vector<Problem> errors;
  if (auto engine = build_engine(rule_paths, no_default_rules, drafts, today, errors)) return engine;
  if (json) {
    fmt::print("{}", report::render_rule_errors_json(errors));
  } else {
    print_problems(errors, color);
  }
  return nullptr;
}

void print_problems(const std::vector<Problem>& problems, const std::string& color) {
  for (const auto& e : problems) fmt::print(stderr, "{}\n", report::render_problem(e, use_color(color, stderr)));
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

std::string rewrite_refusal(const std::string& path, const struct stat& st) {
  // A link found in a directory may lead anywhere, even to a file that is not a plan at all.
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    return "the file is a symbolic link; name the file it points to instead";
  }
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) return "the file is read-only";
  if (st.st_nlink > 1) {
    return fmt::format("the file has {} hard links, and only this name would get the new text", st.st_nlink);
  }
  // root keeps the owner of the file it rewrites; anyone else would take the file over.
  if (st.st_uid != ::geteuid() && ::geteuid() != 0) return "the file belongs to another user";
  return {};
}

void print_diff(const std::string& path, const std::string& before, const std::string& after,
                const std::string& label) {
  const report::Printable keep{true, true, std::numeric_limits<std::size_t>::max()};
  fmt::print("{}", report::printable(authoring::unified_diff(report::printable(path), before, after, label), keep));
}

}  // namespace liftlint::cli
