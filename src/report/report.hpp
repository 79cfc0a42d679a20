// Renders plan reports for people (text) and programs (JSON).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"

namespace liftlint::report {

using Counts = ReportCounts;
using liftlint::add_counts;
using liftlint::render_summary;
[[nodiscard]] Counts count(const std::vector<PlanReport>& reports);

// What may pass from user text into a report for people.
struct Printable {
  bool tabs = false;
  bool newlines = false;
  std::size_t limit = 1000;  // bytes of the text shown; the rest is cut with "..."
};
// Text from plans, rule files, waivers and file names, made safe for a terminal or a CI log: control
// characters, bidirectional overrides, non-characters and bytes that are not UTF-8 are shown by
// their code (<0x1b>, <U+202E>, <0xff>) instead of acting on the screen, and long text is cut.
[[nodiscard]] std::string printable(std::string_view text, Printable keep = {});

// rustc-style: location, severity[rule], snippet with carets, notes, help, sources.
[[nodiscard]] std::string render_problem(const Problem& problem, bool color);
// A problem under the given head (`error[rule]`, `note`).
[[nodiscard]] std::string render_problem(const Problem& problem, bool color, const std::string& head);
// A line read as the trainer's note, under the head `note`.
[[nodiscard]] std::string render_note(const Problem& note, bool color);
[[nodiscard]] std::string render_text(const std::vector<PlanReport>& reports, bool color);
[[nodiscard]] std::string render_json(const std::vector<PlanReport>& reports);
// The column of a location counted in code points rather than bytes, for formats whose
// readers count characters.
[[nodiscard]] unsigned code_point_column(const Location& location, unsigned byte_column);
// "reference (locator)", as formats without room for notes cite a source.
[[nodiscard]] std::string citation_text(const Citation& citation);

// SARIF 2.1.0: every rule with its citations, results with regions, waived findings
// as results with suppressions. `rules` may repeat ids; the first of each is used.
[[nodiscard]] std::string render_sarif(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules);
// JUnit XML: a test suite per plan, a test case per rule that runs on it; findings at or above
// fail_on are failures, input errors are errors.
[[nodiscard]] std::string render_junit(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules,
                                       Severity fail_on);
// The same with each plan's own fail_on (plans under different configuration files may differ).
[[nodiscard]] std::string render_junit(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules,
                                       const std::vector<Severity>& fail_on);
// GitHub Actions workflow commands: one ::error, ::warning or ::notice line per problem.
[[nodiscard]] std::string render_github(const std::vector<PlanReport>& reports);
// `3 x 8-12, 20 kg, RPE 7, rest 90 s, each side`: the dose as the rules see it, and with `loading`
// whether the line counts as loaded.
[[nodiscard]] std::string dose_text(const LineReading& line, bool loading = true);
// What a plan was read as: its client, weeks, sessions and each line's values, one line each.
[[nodiscard]] std::string render_reading_text(const PlanReading& reading);
[[nodiscard]] std::string render_reading_json(const std::vector<PlanReading>& readings);
// One self-contained HTML page: each plan as a calendar of weeks and weekdays with its findings on the
// sessions and lines they concern (reports need PlanReport::reading for the calendar).
[[nodiscard]] std::unique_ptr<ReportWriter> html_writer(const std::vector<RuleInfo>& rules);
// {"version": 1, "rule_errors": [...]} when the rule packs themselves do not load.
[[nodiscard]] std::string render_rule_errors_json(const std::vector<Problem>& errors);

}  // namespace liftlint::report
