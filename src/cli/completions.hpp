// `liftlint completions SHELL`: a completion script for bash, zsh or fish, made from the command line's
// own definition, so that it never lists an option liftlint does not have.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace liftlint::cli {

struct CompletionOptions {
  std::string shell;
};

CLI::App* setup_completions(CLI::App& app, CompletionOptions& options);
// The script for the shell, from every subcommand and option of `app`.
[[nodiscard]] std::string completion_script(const CLI::App& app, const std::string& shell);
int run_completions(const CLI::App& app, const CompletionOptions& options);

}  // namespace liftlint::cli
