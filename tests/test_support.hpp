// Helpers that load packs and plans from strings and render what users would see.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

struct Pack {
  Sources sources;
  Diagnostics diagnostics;
  std::optional<model::RuleSet> rules;
};

// The default pack's vocabulary, catalogue and sources, without its rules.
inline const std::vector<std::string> base_files = {
    "builtin/back-pain/vocabulary.rules", "builtin/back-pain/catalog.rules", "builtin/back-pain/sources.rules"};
inline const std::vector<std::string> default_pack = {"builtin/back-pain/pack.rules"};

// Loads builtin files by path and extra files from text.
std::unique_ptr<Pack> load_pack(const std::vector<std::string>& builtin, const Files& extra);

// Everything the user would read: errors, or findings, rendered without colour.
std::string render(const Diagnostics& diagnostics);
std::string check_plan(const Pack& pack, const std::string& text, const std::string& path = "plan.plan");
// Only the rule ids of the findings, in report order.
std::vector<std::string> finding_ids(const Pack& pack, const std::string& text);

// The default pack, waivers compared with 2026-11-21, built once.
const Engine& default_engine();
// A plan checked in the format its name gives, as the command line reads files.
inline PlanReport check_named(const Engine& engine, const std::string& name, std::string text) {
  return engine.check_text(name, std::move(text), plan_format_for_path(name));
}

// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() / ("liftlint-test-" + std::to_string(getpid()) + "-" + next())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] std::string path() const { return path_.string(); }
  std::string write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
  static std::string next() {
    static int count = 0;
    return std::to_string(++count);
  }
};

std::string read_file(const std::string& path);
// Runs the liftlint binary with arguments; returns its output and sets the exit code.
std::string run_cli(const std::string& arguments, int& exit_code, bool merge_stderr = true);

}  // namespace liftlint::testing
