// The writer of each format. Each render_* function of report.hpp is begin() + plan() for each report
// + end().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"

namespace liftlint::report {

using Format = ReportFormat;

}  // namespace liftlint::report

namespace liftlint::report {

// One writer per format, and everything a writer writes for these reports at once.
[[nodiscard]] std::unique_ptr<ReportWriter> text_writer(bool color, bool summary);
[[nodiscard]] std::unique_ptr<ReportWriter> json_writer();
[[nodiscard]] std::unique_ptr<ReportWriter> sarif_writer(const std::vector<RuleInfo>& rules);
[[nodiscard]] std::unique_ptr<ReportWriter> junit_writer(const std::vector<RuleInfo>& rules);
[[nodiscard]] std::unique_ptr<ReportWriter> github_writer();
[[nodiscard]] std::string render_all(ReportWriter& writer, const std::vector<PlanReport>& reports,
                                     const std::vector<Severity>& fail_on = {});

// A JSON document printed with two-space indentation and one array left open, so that its items can
// be printed one at a time. The document is printed with `marker` as a string where the array goes.
class JsonArrayStream {
 public:
  JsonArrayStream(std::string document, const std::string& marker);
  [[nodiscard]] std::string head() const;                             // up to the array's '['
  [[nodiscard]] std::string item(const std::string& printed);         // an item printed at depth 0
  [[nodiscard]] std::string tail(const std::string& document) const;  // ']' and the rest of this document

 private:
  std::string marker_;
  std::string head_;
  std::string indent_;  // of the line the array opens on
  bool first_ = true;
};

}  // namespace liftlint::report
