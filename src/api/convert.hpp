// Converts internal diagnostics and findings to the public report types.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "eval/finding.hpp"
#include "liftlint/liftlint.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint {

[[nodiscard]] Location location_of(const Span& span);
[[nodiscard]] Problem problem_of(const Diagnostic& diagnostic);
[[nodiscard]] std::vector<Fix> fixes_of(const std::vector<SpanFix>& fixes);
[[nodiscard]] std::vector<Problem> problems_of(const Diagnostics& diagnostics);

// Each rule's citations in the public form. Formatting a reference costs more than checking a rule, so an
// engine formats a rule's once, when the rule first has a finding, and every finding copies them. A table
// is shared by the threads checking with one engine.
class CitationTable {
 public:
  explicit CitationTable(const model::RuleSet& rules);
  [[nodiscard]] const std::vector<Citation>& of(const model::Rule& rule) const;

 private:
  const model::RuleSet* rules_;
  std::unique_ptr<std::once_flag[]> formatted_;
  std::unique_ptr<std::vector<Citation>[]> by_rule_;
};

[[nodiscard]] Problem problem_of(const CitationTable& citations, const eval::Finding& finding);
// Every rule's public description, in declaration order; `superseded_by` is found in one pass over the rules.
[[nodiscard]] std::vector<RuleInfo> rule_infos_of(const model::RuleSet& rules);

}  // namespace liftlint
