#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "report/report.hpp"
#include "report/writer.hpp"

namespace liftlint::report {
namespace {

// Styles are empty when colour is off, so the same code prints plain text.
struct Styles {
  fmt::text_style error, warning, info, gutter, emphasis, help;
  explicit Styles(bool color) {
    if (!color) return;
    error = fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
    warning = fmt::fg(fmt::terminal_color::bright_yellow) | fmt::emphasis::bold;
    info = fmt::fg(fmt::terminal_color::bright_cyan) | fmt::emphasis::bold;
    gutter = fmt::fg(fmt::terminal_color::bright_blue) | fmt::emphasis::bold;
    emphasis = fmt::emphasis::bold;
    help = fmt::fg(fmt::terminal_color::bright_green) | fmt::emphasis::bold;
  }
  [[nodiscard]] const fmt::text_style& of(Severity s) const {
    return s == Severity::error ? error : s == Severity::warning ? warning : info;
  }
};

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const unsigned char c : text) width += (c & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

// A report line never starts with a name of the user's choosing that a CI log would read as a
// command, such as "::error::" at the start of a GitHub Actions log line.
std::string file_text(const std::string& file) {
  const auto shown = printable(file);
  return shown.rfind(':', 0) == 0 ? fmt::format("./{}", shown) : shown;
}

std::string location_text(const Location& l) {
  if (l.line == 0) return file_text(l.file);
  return fmt::format("{}:{}:{}", file_text(l.file), l.line, l.column);
}

// The quoted line with carets under the span; tabs are kept so the carets line up.
// Very long lines are cut to a window around the span, marked with "...".
std::pair<std::string, std::size_t> window(const std::string& line, std::size_t start, bool cut_before) {
  constexpr std::size_t before = 60, width = 160;
  if (line.size() <= width && !cut_before) return {line, start};
  std::size_t from = start > before ? start - before : 0;
  while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  std::size_t to = std::min(line.size(), from + width);
  while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
  const std::string head = from > 0 || cut_before ? "..." : "";
  return {head + line.substr(from, to - from) + (to < line.size() ? "..." : ""), start - from + head.size()};
}

std::string snippet(const Location& l, const Styles& st, const fmt::text_style& caret_style) {
  if (l.line == 0 || (l.line_text.empty() && l.column > 1)) return {};
  const std::string number = std::to_string(l.line);
  const std::string pad(number.size(), ' ');
  const auto offset = l.column > l.line_text_column ? l.column - l.line_text_column : 0;
  const auto [raw, raw_start] =
      window(l.line_text, std::min<std::size_t>(offset, l.line_text.size()), l.line_text_column > 1);
  // Shown safely piece by piece, so that the carets still stand under the span.
  const Printable keep{true, false, raw.size() * 8};
  const std::string_view line(raw);
  const auto span_end = std::min(line.size(), raw_start + l.length);
  const std::string before = printable(line.substr(0, raw_start), keep);
  const std::string spanned = printable(line.substr(raw_start, span_end - raw_start), keep);
  const std::string text = before + spanned + printable(line.substr(span_end), keep);
  const std::size_t start = before.size();
  std::string indent;
  for (std::size_t i = 0; i < start; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // one column per character, not per byte
    indent.push_back(c == '\t' ? '\t' : ' ');
  }
  const auto rest = std::string_view(spanned);
  const std::size_t carets = std::max<std::size_t>(1, display_width(rest));
  return fmt::format("{} {}\n{} {} {}\n{} {} {}{}\n", pad, fmt::styled("|", st.gutter), fmt::styled(number, st.gutter),
                     fmt::styled("|", st.gutter), text, pad, fmt::styled("|", st.gutter), indent,
                     fmt::styled(std::string(carets, '^'), caret_style));
}

}  // namespace

}  // namespace liftlint::report

namespace liftlint {

void add_counts(ReportCounts& c, const PlanReport& r) {
  c.plans += r.plan ? 1 : 0;
  c.input_errors += r.errors.size();
  for (const auto& n : r.notes) (n.rule_id == no_condition_code ? c.no_condition : c.notes) += 1;
  c.suppressed += r.suppressed.size();
  c.superseded += r.superseded.size();
  for (const auto& f : r.findings) {
    (f.severity == Severity::error ? c.errors : f.severity == Severity::warning ? c.warnings : c.infos) += 1;
  }
}

}  // namespace liftlint

namespace liftlint::report {

Counts count(const std::vector<PlanReport>& reports) {
  Counts c;
  for (const auto& r : reports) add_counts(c, r);
  return c;
}

std::string render_problem(const Problem& p, bool color) {
  return render_problem(
      p, color,
      p.rule_id.empty() ? std::string(name_of(p.severity)) : fmt::format("{}[{}]", name_of(p.severity), p.rule_id));
}

std::string render_note(const Problem& p, bool color) { return render_problem(p, color, "note"); }

std::string render_problem(const Problem& p, bool color, const std::string& head) {
  const Styles st(color);
  const auto& sev = st.of(p.severity);
  std::string out = fmt::format("{}: {}: {}\n", fmt::styled(location_text(p.location), st.emphasis),
                                fmt::styled(head, sev), fmt::styled(printable(p.message), st.emphasis));
  out += snippet(p.location, st, sev);
  const std::string pad(std::max<std::size_t>(1, std::to_string(p.location.line).size()), ' ');
  for (const auto& n : p.notes) {
    out += fmt::format("{} {} note: {}\n", pad, fmt::styled("=", st.gutter), printable(n.text));
  }
  for (const auto& h : p.help) {
    out += fmt::format("{} {} {}: {}\n", pad, fmt::styled("=", st.gutter), fmt::styled("help", st.help), printable(h));
  }
  // the fix `check --fix` would apply, and the flag it needs
  if (!p.fixes.empty()) {
    const auto& fix = p.fixes.front();
    const auto* flags = fix.applicability == FixApplicability::safe ? "--fix" : "--fix --unsafe-fixes";
    out += fmt::format("{} {} {}: {} ({})\n", pad, fmt::styled("=", st.gutter), fmt::styled("fix", st.help),
                       printable(fix.title), flags);
  }
  for (const auto& c : p.citations) {
    out += fmt::format("{} {} source: {}\n", pad, fmt::styled("=", st.gutter), printable(citation_text(c)));
  }
  return out;
}

// Waived findings take two lines: what was found, and the waiver that covers it.
std::string render_waived(const Suppressed& s, bool color) {
  const Styles st(color);
  const auto& w = s.waiver;
  std::string terms;
  if (!w.approved_by.empty()) terms += fmt::format("approved by {}", printable(w.approved_by));
  if (!w.until.empty()) terms += fmt::format("{}until {}", terms.empty() ? "" : ", ", w.until);
  return fmt::format("{}: {}: {}\n   {} waived at {}: {}{}\n",
                     fmt::styled(location_text(s.finding.location), st.emphasis),
                     fmt::styled(fmt::format("waived[{}]", s.finding.rule_id), st.gutter), printable(s.finding.message),
                     fmt::styled("=", st.gutter), location_text(w.location), printable(w.reason),
                     terms.empty() ? "" : fmt::format(" ({})", terms));
}

namespace {

std::string plan_text(const PlanReport& r, bool color) {
  std::string out;
  // Input errors and notes stand in line order among the findings of the lines that could be read.
  struct Item {
    const Problem* problem;
    bool note;
  };
  std::vector<Item> items;
  for (const auto& e : r.errors) items.push_back({&e, false});
  for (const auto& f : r.findings) items.push_back({&f, false});
  for (const auto& n : r.notes) items.push_back({&n, true});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    const auto& x = a.problem->location;
    const auto& y = b.problem->location;
    return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
  });
  for (const auto& i : items)
    out += (i.note ? render_note(*i.problem, color) : render_problem(*i.problem, color)) + "\n";
  for (const auto& s : r.suppressed) out += render_waived(s, color) + "\n";
  return out;
}

class TextWriter : public ReportWriter {
 public:
  TextWriter(bool color, bool summary) : color_(color), summary_(summary) {}
  std::string begin() override { return {}; }
  std::string plan(const PlanReport& report, Severity) override {
    add_counts(counts_, report);
    return plan_text(report, color_);
  }
  std::string tail() override { return summary_ ? render_summary(counts_, color_) : std::string{}; }

 private:
  bool color_;
  bool summary_;
  Counts counts_;
};

}  // namespace

std::unique_ptr<ReportWriter> text_writer(bool color, bool summary) {
  return std::make_unique<TextWriter>(color, summary);
}

std::string render_text(const std::vector<PlanReport>& reports, bool color) {
  return render_all(*text_writer(color, false), reports);
}

}  // namespace liftlint::report

namespace liftlint {

std::string render_summary(const ReportCounts& c, bool color) {
  const report::Styles st(color);
  auto part = [](std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string text = fmt::format("{}: {}, {}, {}", part(c.plans, "plan", "plans"), part(c.errors, "error", "errors"),
                                 part(c.warnings, "warning", "warnings"), part(c.infos, "info", "infos"));
  if (c.suppressed > 0) text += fmt::format(" ({} waived)", c.suppressed);
  if (c.input_errors > 0) text += fmt::format("; {}", part(c.input_errors, "input error", "input errors"));
  if (c.notes > 0) text += fmt::format("; {}", part(c.notes, "line read as a note", "lines read as notes"));
  if (c.no_condition > 0) {
    text += c.plans == 1 ? std::string("; no client condition recorded")
                         : fmt::format("; {} with no client condition recorded", part(c.no_condition, "plan", "plans"));
  }
  return fmt::format("{}\n", fmt::styled(text, st.emphasis));
}

}  // namespace liftlint
