// What the evaluator reports: one finding per rule violation.
#pragma once

#include <string>
#include <vector>

#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::eval {

struct Finding {
  const model::Rule* rule = nullptr;
  Severity severity = Severity::warning;
  std::string message;
  Span span;
  std::vector<Note> notes;
  std::vector<std::string> help;
  std::vector<int> weeks;  // the weeks it occurs in, when the plan has weeks
  std::vector<SpanFix> fixes;
  // A rule that applies to this client makes the finding moot: reported as superseded, not as a violation.
  const model::Rule* superseded_by = nullptr;
};

}  // namespace liftlint::eval
