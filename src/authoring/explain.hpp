// Rule documentation: what a rule checks, why, a tested example and its references.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

struct RuleExample {
  std::string path;     // the rule test it comes from
  std::string excerpt;  // the plan lines around the finding, annotations removed
  Problem finding;
};

// The first rule test in which the rule fires: the built-in pack's embedded tests,
// or the tests/ folder next to the rule's file.
[[nodiscard]] std::optional<RuleExample> find_example(const Engine& engine, const RuleInfo& rule);

[[nodiscard]] std::string explain_text(const RuleInfo& rule, const std::optional<RuleExample>& example);
[[nodiscard]] std::string explain_markdown(const RuleInfo& rule, const std::optional<RuleExample>& example);
// One Markdown page for a pack: every rule in declaration order.
[[nodiscard]] std::string pack_markdown(const Engine& engine, const std::string& pack);

}  // namespace liftlint::authoring
