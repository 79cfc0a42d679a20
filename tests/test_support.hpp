// Helpers that load packs and plans from strings and render what users would see.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

std::string read_file(const std::string& path);
// Runs the liftlint binary with arguments; returns its output and sets the exit code.
std::string run_cli(const std::string& arguments, int& exit_code, bool merge_stderr = true);

}  // namespace liftlint::testing
