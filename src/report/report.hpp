// Renders plan reports for people (text) and programs (JSON).
#pragma once

#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::report {

struct Counts {
  std::size_t errors = 0, warnings = 0, infos = 0, input_errors = 0, plans = 0;
};
[[nodiscard]] Counts count(const std::vector<PlanReport>& reports);

// rustc-style: location, severity[rule], snippet with carets, notes, help, sources.
[[nodiscard]] std::string render_problem(const Problem& problem, bool color);
[[nodiscard]] std::string render_text(const std::vector<PlanReport>& reports, bool color);
[[nodiscard]] std::string render_summary(const Counts& counts, bool color);
[[nodiscard]] std::string render_json(const std::vector<PlanReport>& reports);
// {"version": 1, "rule_errors": [...]} when the rule packs themselves do not load.
[[nodiscard]] std::string render_rule_errors_json(const std::vector<Problem>& errors);

}  // namespace liftlint::report
