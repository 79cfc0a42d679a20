// Evaluates a rule set against a resolved plan. Linear in plan size times rule count.
#pragma once

#include <vector>

#include "eval/finding.hpp"
#include "plan/model.hpp"
#include "rules/model.hpp"

namespace liftlint::eval {

struct Options {
  bool drafts = false;  // also run rules whose status is draft
};

// Whether a rule runs: reviewed, or a draft when drafts are asked for. A retired rule never runs.
[[nodiscard]] bool runs(const model::Rule& rule, const Options& options);

// Static questions for pack analysis, answered with the same semantics as evaluation.
// True when `when` may hold for the client: what it says about the plan is unknown here.
[[nodiscard]] bool holds_for_client(const model::RuleSet& rules, const model::Expr& when, const plan::Client& client);
// True when an exercise-level expression holds for a catalogue exercise written plainly,
// loaded or not.
[[nodiscard]] bool holds_for_exercise(const model::RuleSet& rules, const model::Expr& e, std::uint32_t exercise,
                                      bool loaded);

// The running rules that a plan recording no condition of its client is not checked against: their `when`
// cannot hold for such a client and names a condition. `conditions` are the conditions they name, each at its
// most general (a spinal fracture counts as back pain), symptoms after the rest, the most rules first.
struct AwaitingCondition {
  std::size_t rules = 0;
  std::vector<std::uint16_t> conditions;
};
[[nodiscard]] AwaitingCondition awaiting_condition(const model::RuleSet& rules, const Options& options = {});

[[nodiscard]] std::vector<Finding> evaluate(const model::RuleSet& rules, const plan::Plan& plan,
                                            const Options& options = {});

}  // namespace liftlint::eval
