// `liftlint check`: evaluate plans against rule packs.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace liftlint::cli {

struct CheckOptions {
  std::vector<std::string> plans;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  bool drafts = false;
  std::optional<std::string> fail_on;
  std::optional<long> max_warnings;
  std::string color = "auto";
  std::vector<std::string> formats;  // empty: text
  std::vector<std::string> outputs;
  std::string config;
  std::string today;
  unsigned jobs = 1;
  bool fix = false;           // apply safe fixes to the plan files
  bool unsafe_fixes = false;  // also the fixes that change the programme
  bool diff = false;          // with fix: show the edits instead of writing them
};

void setup_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

struct ConfigShowOptions {
  std::string dir = ".";
  std::string config;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  bool drafts = false;
  std::optional<std::string> fail_on;
  std::optional<long> max_warnings;
};

// `liftlint config show`: the effective configuration and where each value comes from.
CLI::App* setup_config(CLI::App& app, ConfigShowOptions& options);
int run_config_show(const ConfigShowOptions& options);

}  // namespace liftlint::cli
