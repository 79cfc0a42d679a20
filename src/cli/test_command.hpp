// `liftlint test`: run rule tests written as annotated plans.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftlint::cli {

struct TestOptions {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  bool drafts = false;
  bool coverage = false;
  std::string color = "auto";
};

void setup_test(CLI::App& app, TestOptions& options);
int run_test(const TestOptions& options);

}  // namespace liftlint::cli
