#include "support/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace liftlint {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (const auto s : {Severity::error, Severity::warning, Severity::info}) {
    if (name == severity_name(s)) return s;
  }
  return std::nullopt;
}

int severity_rank(Severity severity) { return severity == Severity::error ? 2 : severity == Severity::warning ? 1 : 0; }

void Diagnostics::add(Diagnostic diagnostic) {
  if (items_.size() > max_items) return;
  // The same problem at the same place once: a session written for several weekdays is read once per day.
  const auto same = [&](const Diagnostic& d) {
    return d.span.file == diagnostic.span.file && d.span.offset == diagnostic.span.offset &&
           d.span.line == diagnostic.span.line && d.message == diagnostic.message;
  };
  if (std::any_of(items_.begin(), items_.end(), same)) return;
  if (items_.size() == max_items) {
    diagnostic.message = fmt::format("more than {} problems; the rest are not reported", max_items);
    diagnostic.severity = Severity::error;
    diagnostic.notes.clear();
    diagnostic.help.clear();
  }
  items_.push_back(std::move(diagnostic));
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace liftlint
