// `liftlint vocab` and `liftlint catalog`: what a plan may say.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftlint::cli {

struct VocabOptions {
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string kind;                 // vocab: one list, or all when empty
  std::vector<std::string> search;  // catalog: words to look for
  std::vector<std::string> plans;   // read: plan files, or - for standard input
  std::string format = "text";
};

struct VocabCommands {
  CLI::App* vocab = nullptr;
  CLI::App* catalog = nullptr;
  CLI::App* read = nullptr;
};

VocabCommands setup_vocab(CLI::App& app, VocabOptions& options);
int run_vocab(const VocabOptions& options);
int run_catalog(const VocabOptions& options);
int run_read(const VocabOptions& options);

}  // namespace liftlint::cli
