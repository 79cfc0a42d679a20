// `liftlint fmt`: give rule and plan files one canonical layout.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftlint::cli {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  std::string color = "auto";
};

void setup_fmt(CLI::App& app, FmtOptions& options);
int run_fmt(const FmtOptions& options);

}  // namespace liftlint::cli
