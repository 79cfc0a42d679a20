#include "report/writer.hpp"

#include <fmt/format.h>

#include "report/report.hpp"

namespace liftlint::report {

std::unique_ptr<ReportWriter> make_writer(Format format, WriterOptions options) {
  switch (format) {
    case Format::json: return json_writer();
    case Format::sarif: return sarif_writer(options.rules);
    case Format::junit: return junit_writer(options.rules);
    case Format::github: return github_writer();
    case Format::text: break;
  }
  return text_writer(options.color, options.summary);
}

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
