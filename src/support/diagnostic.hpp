// Problems in the user's files are data: a list of diagnostics with spans.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/kinds.hpp"
#include "support/source.hpp"

namespace liftlint {

[[nodiscard]] const char* severity_name(Severity severity);
// The severity named "error", "warning" or "info"; nullopt for any other text.
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view name);
// 2 for errors, 1 for warnings, 0 for infos: how thresholds such as --fail-on compare.
[[nodiscard]] int severity_rank(Severity severity);

struct Note {
  std::string text;
  Span span;  // optional: where the note points
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // rule id for findings, empty for input errors
  std::string message;
  Span span;
  std::vector<Note> notes;
  std::vector<std::string> help;
};

class Diagnostics {
 public:
  void error(const Span& span, std::string message, std::vector<std::string> help = {}) {
    add(Diagnostic{Severity::error, {}, std::move(message), span, {}, std::move(help)});
  }
  void warning(const Span& span, std::string message) {
    add(Diagnostic{Severity::warning, {}, std::move(message), span, {}, {}});
  }
  // A file with a mistake on every line would bury the first ones; after this many, say so and stop.
  static constexpr std::size_t max_items = 100;

  void add(Diagnostic diagnostic);
  [[nodiscard]] bool has_errors() const;
  // True once the cap is reached: callers can skip work whose only product is a message.
  [[nodiscard]] bool full() const { return items_.size() > max_items; }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::size_t size() const { return items_.size(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace liftlint
