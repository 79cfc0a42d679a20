// `liftlint check`: evaluate plans against rule packs.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftlint::cli {

struct CheckOptions {
  std::vector<std::string> plans;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  bool drafts = false;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string format = "text";
  unsigned jobs = 1;
};

void setup_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

}  // namespace liftlint::cli
