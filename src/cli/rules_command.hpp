// `liftlint explain` and `liftlint rules list|doc|check`: documentation and checks for rule authors.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftlint::cli {

struct PackOptions {
  std::vector<std::string> rules;
  bool no_default_rules = false;
};

struct RulesOptions {
  PackOptions packs;
  std::string rule_id;  // explain
  std::string pack;     // list filter
  std::string format = "text";
  std::string directory;           // doc output
  std::vector<std::string> paths;  // check
  std::string color = "auto";
};

struct RulesCommands {
  CLI::App* explain = nullptr;
  CLI::App* list = nullptr;
  CLI::App* doc = nullptr;
  CLI::App* check = nullptr;
};

RulesCommands setup_rules(CLI::App& app, RulesOptions& options);
int run_explain(const RulesOptions& options);
int run_rules_list(const RulesOptions& options);
int run_rules_doc(const RulesOptions& options);
int run_rules_check(const RulesOptions& options);

}  // namespace liftlint::cli
