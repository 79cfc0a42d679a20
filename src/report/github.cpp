#include <fmt/format.h>

#include "report/report.hpp"
#include "report/writer.hpp"

namespace liftlint::report {
namespace {

// Workflow commands end at a newline and split properties at ':' and ','; both are escaped.
std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

const char* command_of(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "notice";
}

std::string annotation(const Problem& p) {
  const auto& l = p.location;
  std::string properties = fmt::format("file={}", escape_property(printable(l.file)));
  if (l.line > 0) {
    properties += fmt::format(",line={},col={}", l.line, code_point_column(l, l.column));
    // A span that runs past its line (a JSON array over several lines) has no end column on this one.
    if (l.length > 1 && l.column + l.length <= l.line_text_column + l.line_text.size()) {
      properties += fmt::format(",endColumn={}", code_point_column(l, l.column + l.length));
    }
  }
  properties += fmt::format(",title={}", escape_property(p.rule_id.empty() ? "liftlint: input error" : p.rule_id));
  // Text from plans and rule files is made printable first, so none of it can end the command early or
  // start another one; the newlines below are the report's own.
  std::string message = printable(p.message);
  for (const auto& h : p.help) message += fmt::format("\nhelp: {}", printable(h));
  for (const auto& c : p.citations) message += fmt::format("\nsource: {}", printable(citation_text(c)));
  return fmt::format("::{} {}::{}\n", command_of(p.severity), properties, escape_data(message));
}

class GithubWriter : public ReportWriter {
 public:
  std::string begin() override { return {}; }
  std::string plan(const PlanReport& report, Severity) override {
    std::string out;
    for (const auto& e : report.errors) out += annotation(e);
    for (const auto& f : report.findings) out += annotation(f);
    for (const auto& n : report.notes) out += annotation(n);
    return out;
  }
  std::string tail() override { return {}; }
};

}  // namespace

std::unique_ptr<ReportWriter> github_writer() { return std::make_unique<GithubWriter>(); }

std::string render_github(const std::vector<PlanReport>& reports) { return render_all(*github_writer(), reports); }

}  // namespace liftlint::report
