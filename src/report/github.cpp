#include <fmt/format.h>

#include "report/report.hpp"

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
  std::string properties = fmt::format("file={}", escape_property(l.file));
  if (l.line > 0) {
    properties += fmt::format(",line={},col={}", l.line, code_point_column(l, l.column));
    if (l.length > 1) properties += fmt::format(",endColumn={}", code_point_column(l, l.column + l.length));
  }
  properties += fmt::format(",title={}", escape_property(p.rule_id.empty() ? "liftlint: input error" : p.rule_id));
  std::string message = p.message;
  for (const auto& h : p.help) message += fmt::format("\nhelp: {}", h);
  for (const auto& c : p.citations) message += fmt::format("\nsource: {}", citation_text(c));
  return fmt::format("::{} {}::{}\n", command_of(p.severity), properties, escape_data(message));
}

}  // namespace

std::string render_github(const std::vector<PlanReport>& reports) {
  std::string out;
  for (const auto& r : reports) {
    for (const auto& e : r.errors) out += annotation(e);
    for (const auto& f : r.findings) out += annotation(f);
  }
  return out;
}

}  // namespace liftlint::report
