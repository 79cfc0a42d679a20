// Rule tests written as annotated plans: "# expect: rule-id" on the line where the
// rule must fire, "# expect-not: rule-id" where it must not.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

struct Expectation {
  unsigned line = 0;
  unsigned column = 0;
  std::string rule;
  bool fires = true;
};

struct RuleTestResult {
  std::string path;
  std::vector<Problem> errors;        // the plan or an annotation could not be read
  std::vector<std::string> failures;  // readable lines: missing and unexpected findings
  std::set<std::string> fired;        // rules that fired where a test expected them
  [[nodiscard]] bool passed() const { return errors.empty() && failures.empty(); }
};

[[nodiscard]] std::vector<Expectation> read_expectations(const std::string& text);
[[nodiscard]] RuleTestResult run_rule_test(const Engine& engine, const std::string& path);

}  // namespace liftlint::authoring
