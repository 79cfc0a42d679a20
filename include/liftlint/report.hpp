// Reports in every format liftlint writes, for applications that show or store them.
//
//   auto writer = liftlint::make_report_writer(liftlint::ReportFormat::sarif, {engine.running_rules()});
//   out << writer->begin();
//   for (const auto& report : reports) out << writer->plan(report, liftlint::Severity::error);
//   writer->end([&](std::string_view piece) { out << piece; });
//
// A writer is used by one thread at a time; writers for different outputs may run in parallel.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint {

// html draws each plan as a calendar; it needs reports that hold their reading (EngineOptions::readings).
enum class ReportFormat { text, json, sarif, junit, github, html };
// The format of a name as the command line spells it (text, json, sarif, junit, github, html).
[[nodiscard]] std::optional<ReportFormat> report_format_named(std::string_view name);
[[nodiscard]] const char* name_of(ReportFormat format);

// A report written plan by plan, so that memory holds one plan's findings at a time however many
// plans a run checks: begin(), then plan() for each report, then end().
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

struct ReportOptions {
  std::vector<RuleInfo> rules;  // the rules that ran (Engine::running_rules), for SARIF and JUnit
  bool color = false;           // text only: ANSI colours
  bool summary = true;          // text only: the closing count of findings
};

[[nodiscard]] std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, ReportOptions options);

// The rules as `liftlint rules list` shows them: a table, or a JSON array of their id, severity,
// status, pack, file, line and cited sources.
[[nodiscard]] std::string render_rule_list(const std::vector<RuleInfo>& rules, bool json);

// `liftlint vocab`: each list of names a plan may use, as text or as one JSON object of lists.
struct VocabularyList {
  std::string name;  // conditions, symptoms, kinds, postures, equipment, muscles or patterns
  std::vector<VocabularyEntry> entries;
};
[[nodiscard]] std::string render_vocabulary(const std::vector<VocabularyList>& lists, bool json);
// `liftlint catalog`: catalogue entries with their attributes, as text or as a JSON array.
[[nodiscard]] std::string render_catalogue(const std::vector<ExerciseInfo>& exercises, bool json);

// What a run found, as the summary line counts it.
struct ReportCounts {
  std::size_t errors = 0, warnings = 0, infos = 0, input_errors = 0, plans = 0, suppressed = 0, superseded = 0;
  std::size_t notes = 0;         // lines read as the trainer's notes
  std::size_t no_condition = 0;  // plans that record no condition of their client, while rules wait for one
};
void add_counts(ReportCounts& counts, const PlanReport& report);
// "2 errors, 1 warning in 3 plans", as the text report ends.
[[nodiscard]] std::string render_summary(const ReportCounts& counts, bool color);

// A whole report at once: begin, every plan with fail_on, and end.
[[nodiscard]] std::string render(ReportFormat format, const std::vector<PlanReport>& reports,
                                 const ReportOptions& options, Severity fail_on = Severity::error);

}  // namespace liftlint
