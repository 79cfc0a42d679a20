#include "report/writer.hpp"

#include <fmt/format.h>

#include <array>

#include "report/report.hpp"

namespace liftlint {

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, ReportOptions options) {
  switch (format) {
    case ReportFormat::json: return report::json_writer();
    case ReportFormat::sarif: return report::sarif_writer(options.rules);
    case ReportFormat::junit: return report::junit_writer(options.rules);
    case ReportFormat::github: return report::github_writer();
    case ReportFormat::html: return report::html_writer(options.rules);
    case ReportFormat::text: break;
  }
  return report::text_writer(options.color, options.summary);
}

std::string render(ReportFormat format, const std::vector<PlanReport>& reports, const ReportOptions& options,
                   Severity fail_on) {
  return report::render_all(*make_report_writer(format, options), reports,
                            std::vector<Severity>(reports.size(), fail_on));
}

namespace {
constexpr std::array<const char*, 6> format_names{"text", "json", "sarif", "junit", "github", "html"};
}

std::optional<ReportFormat> report_format_named(std::string_view name) {
  for (std::size_t i = 0; i < format_names.size(); ++i) {
    if (name == format_names[i]) return static_cast<ReportFormat>(i);
  }
  return std::nullopt;
}

const char* name_of(ReportFormat format) { return format_names.at(static_cast<std::size_t>(format)); }

}  // namespace liftlint

namespace liftlint::report {

std::string render_all(ReportWriter& writer, const std::vector<PlanReport>& reports,
                       const std::vector<Severity>& fail_on) {
  std::string out = writer.begin();
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += writer.plan(reports[i], i < fail_on.size() ? fail_on[i] : Severity::error);
  }
  writer.end([&](std::string_view piece) { out += piece; });
  return out;
}

JsonArrayStream::JsonArrayStream(std::string document, const std::string& marker)
    : marker_(fmt::format("\"{}\"", marker)) {
  const auto at = document.find(marker_);
  const auto line_start = document.rfind('\n', at) + 1;
  indent_ = document.substr(line_start, document.find_first_not_of(' ', line_start) - line_start);
  head_ = document.substr(0, at) + "[";
}

std::string JsonArrayStream::head() const { return head_; }

std::string JsonArrayStream::item(const std::string& printed) {
  std::string out = first_ ? "\n" : ",\n";
  first_ = false;
  const std::string indent = indent_ + "  ";
  std::size_t from = 0;
  while (from < printed.size()) {
    const auto end = std::min(printed.find('\n', from), printed.size());
    out += indent;
    out.append(printed, from, end - from);
    if (end < printed.size()) out += '\n';
    from = end + 1;
  }
  return out;
}

std::string JsonArrayStream::tail(const std::string& document) const {
  const auto at = document.find(marker_);
  const std::string close = first_ ? "]" : fmt::format("\n{}]", indent_);
  return close + document.substr(at + marker_.size());
}

}  // namespace liftlint::report
