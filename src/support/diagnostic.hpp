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

// A change a fix makes to the file: the bytes of span replaced by text (an empty span length inserts).
struct SpanEdit {
  Span span;
  std::string text;
};

// What a finding or an error can be fixed with. Safe fixes change nothing beyond the intent of the
// message (a misspelt name corrected); the others change the programme (a substitute exercise).
struct SpanFix {
  std::string title;
  FixApplicability applicability = FixApplicability::safe;
  std::vector<SpanEdit> edits;
};

// An edit that writes `name` where span is: as a JSON string when the span holds one, and with a
// capital first letter when the text there has one, so that a corrected name reads as the trainer's own.
// Nothing when the span is not on one line of its file.
[[nodiscard]] std::optional<SpanEdit> rename_at(const Span& span, std::string_view name);
// An edit that removes span's text with the connector before it (` @ 100kg`, `, RPE 8`).
[[nodiscard]] std::optional<SpanEdit> removal_of(const Span& span);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // rule id for findings, empty for input errors
  std::string message;
  Span span;
  std::vector<Note> notes;
  std::vector<std::string> help;
  std::vector<SpanFix> fixes = {};
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
