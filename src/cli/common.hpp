// Pieces shared by the subcommands.
#pragma once

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::cli {

// Exit codes, stable for scripts and CI.
inline constexpr int exit_clean = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_input_error = 2;

// Colour for "auto" only on a terminal and never with NO_COLOR set.
[[nodiscard]] bool use_color(const std::string& mode, std::FILE* stream);
// Loads the built-in pack and the packs given; on errors prints them (as JSON when asked) and
// returns nullopt.
[[nodiscard]] std::unique_ptr<Engine> load_engine(const std::vector<std::string>& rule_paths, bool no_default_rules,
                                                  bool drafts, const std::string& color, bool json = false,
                                                  const std::string& today = {});

// The built-in pack and the packs given, or nullopt with every problem found in them.
[[nodiscard]] std::unique_ptr<Engine> build_engine(const std::vector<std::string>& rule_paths, bool no_default_rules,
                                                   bool drafts, const std::string& today, std::vector<Problem>& errors);

// A rewritten file (formatted or fixed) replaces the original by a new file of the same name. Where that
// would do more than change the text, the file is left alone: the reason, or empty when it may be rewritten.
[[nodiscard]] std::string rewrite_refusal(const std::string& path, const struct stat& st);

// A file's change as a unified diff on standard output, its new side labelled (`formatted`, `fixed`). The
// diff quotes the file, whose bytes anyone may have written: shown safely, lines and tabs kept.
void print_diff(const std::string& path, const std::string& before, const std::string& after, const std::string& label);

// Input errors on standard error, as the text report shows them.
void print_problems(const std::vector<Problem>& problems, const std::string& color);

// Holds `value` until the process exits, which returns its memory at once: freeing a rule set and its
// catalogue piece by piece costs about as much as checking a one-week plan. Reachable to the end, so
// leak checkers do not count it.
template <typename T>
T& kept_until_exit(T value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  auto held = std::make_shared<T>(std::move(value));
  kept->push_back(held);
  return *held;
}

// "did you mean 'check'?" and a newline when the first argument is a mistyped subcommand; else empty.
[[nodiscard]] std::string subcommand_hint(const CLI::App& app, int argc, char** argv);

}  // namespace liftlint::cli
