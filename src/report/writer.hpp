// Reports written plan by plan, so that a run holds one plan's findings at a time however many plans
// it checks. Each render_* function of report.hpp is begin() + plan() for each report + end().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::report {

enum class Format { text, json, sarif, junit, github };

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  [[nodiscard]] virtual std::string begin() = 0;
  // fail_on matters only to formats that judge a plan (JUnit); plans under different configuration
  // files may have different ones.
  [[nodiscard]] virtual std::string plan(const PlanReport& report, Severity fail_on) = 0;
  // The end is written through `out`, in as many pieces as the format needs.
  using Output = std::function<void(std::string_view)>;
  virtual void end(const Output& out) { out(tail()); }

 protected:
  // What most formats write at the end, all at once.
  [[nodiscard]] virtual std::string tail() { return {}; }
};

struct WriterOptions {
  std::vector<RuleInfo> rules;  // the rules that ran, for formats that list them
  bool color = false;           // text only
  bool summary = true;          // text only: the closing count of findings
};

[[nodiscard]] std::unique_ptr<ReportWriter> make_writer(Format format, WriterOptions options);

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
