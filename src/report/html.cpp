// The HTML report: one page, no external assets, each plan drawn as a calendar with its findings on it.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "report/html_page.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"
#include "support/names.hpp"

namespace liftlint::report {
namespace {

constexpr std::array<const char*, 7> weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::optional<std::size_t> weekday_column(const SessionReading& s) {
  if (!s.weekday_known) return std::nullopt;
  for (std::size_t d = 0; d < weekdays.size(); ++d) {
    if (s.day.starts_with(weekdays[d])) return d;
  }
  return std::nullopt;
}

// A problem of the report as the page shows it: how it counts, and the waiver or rule that set it aside.
struct Shown {
  const Problem* problem = nullptr;
  std::string status;  // error, warning, info, input-error, waived or moot
  std::string aside;   // why a waived or moot finding does not count
};

std::vector<Shown> shown_problems(const PlanReport& r) {
  std::vector<Shown> out;
  for (const auto& e : r.errors) out.push_back({&e, "input-error", {}});
  for (const auto& f : r.findings) out.push_back({&f, name_of(f.severity), {}});
  for (const auto& s : r.suppressed) {
    std::vector<std::string> by;
    if (!s.waiver.approved_by.empty()) by.push_back(fmt::format("approved by {}", s.waiver.approved_by));
    if (!s.waiver.until.empty()) by.push_back(fmt::format("until {}", s.waiver.until));
    std::string why = fmt::format("waived: {}", s.waiver.reason);
    if (!by.empty()) why += by.size() == 1 ? fmt::format(" ({})", by[0]) : fmt::format(" ({}, {})", by[0], by[1]);
    out.push_back({&s.finding, "waived", why});
  }
  for (const auto& s : r.superseded) out.push_back({&s.finding, "moot", fmt::format("moot: {} applies", s.by)});
  return out;
}

// Where on the calendar a problem goes: an exercise line of a card, or a card itself.
struct Place {
  std::size_t week = 0, session = 0;  // indexes into the reading's weeks and their sessions
  std::optional<std::size_t> line;
  [[nodiscard]] std::tuple<std::size_t, std::size_t, bool, std::size_t> key() const {
    return {week, session, line.has_value(), line.value_or(0)};
  }
  friend bool operator<(const Place& a, const Place& b) { return a.key() < b.key(); }
};

// Finds the cards a problem concerns. A line of the plan may be drawn more than once: a session written
// for several days (`Mon/Thu`), a week that repeats another (`Week 2 - same as week 1`). The problem goes
// on each drawing in the weeks it names.
class Placer {
 public:
  Placer(const PlanReading& reading, const std::string& path) : path_(path), weeks_(reading.weeks) {
    for (std::size_t w = 0; w < weeks_.size(); ++w) {
      for (std::size_t s = 0; s < weeks_[w].sessions.size(); ++s) index_session(weeks_[w].sessions[s], w, s);
    }
  }

  [[nodiscard]] std::vector<Place> cards(const Problem& p) const {
    if (p.location.file != path_ || p.location.line == 0) return {};
    return in_weeks(drawings(p), p.weeks);
  }

 private:
  struct Drawing {
    unsigned column = 0;
    Place place;
  };

  [[nodiscard]] std::vector<Place> drawings(const Problem& p) const {
    const auto& at = p.location;
    if (const auto line = lines_.find(at.line); line != lines_.end()) {
      // Several exercises may share a line: the last one starting at or before the column. Before the
      // first one, on a session's own line, is the session.
      unsigned column = 0;
      for (const auto& d : line->second) {
        if (d.column <= at.column) column = std::max(column, d.column);
      }
      if (column == 0 && !sessions_.contains(at.line)) column = line->second.front().column;
      std::vector<Place> out;
      for (const auto& d : line->second) {
        if (d.column == column) out.push_back(d.place);
      }
      if (!out.empty()) return out;
    }
    // A line of a session that is not drawn (one that could not be read): the session, up to the next one.
    // After the last session, waivers are about the plan.
    const auto next = sessions_.upper_bound(at.line);
    if (next == sessions_.begin()) return {};
    const bool last = next == sessions_.end();
    if (last && (p.rule_id.starts_with("liftlint.waiver") || at.line_text.starts_with("waive"))) return {};
    return std::prev(next)->second;
  }

  [[nodiscard]] std::vector<Place> in_weeks(std::vector<Place> places, const std::vector<int>& weeks) const {
    if (weeks.empty()) return places;
    std::vector<Place> named;
    for (const auto& place : places) {
      const auto& week = weeks_[place.week];
      if (std::any_of(weeks.begin(), weeks.end(), [&](int n) { return n >= week.first && n <= week.last; })) {
        named.push_back(place);
      }
    }
    return named.empty() ? places : named;
  }

  void index_session(const SessionReading& s, std::size_t w, std::size_t index) {
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
      const auto& at = s.lines[l].location;
      lines_[at.line].push_back({at.column, Place{w, index, l}});
    }
    sessions_[s.location.line].push_back(Place{w, index, std::nullopt});
  }

  const std::string& path_;
  const std::vector<WeekReading>& weeks_;
  std::map<unsigned, std::vector<Drawing>> lines_;
  std::map<unsigned, std::vector<Place>> sessions_;  // by the line a session starts on
};

// A row of the calendar: a week of the reading, or weeks between two of them that the plan leaves empty.
struct Row {
  int first = 1, last = 1;
  const WeekReading* week = nullptr;  // none for empty weeks
  std::size_t index = 0;              // of the week in the reading
};

std::vector<Row> rows_of(const PlanReading& reading) {
  std::vector<Row> rows;
  for (std::size_t w = 0; w < reading.weeks.size(); ++w) {
    const auto& week = reading.weeks[w];
    if (!rows.empty() && week.first > rows.back().last + 1) rows.push_back({rows.back().last + 1, week.first - 1});
    rows.push_back({week.first, week.last, &week, w});
  }
  return rows;
}

std::optional<std::size_t> row_naming(const std::vector<Row>& rows, const std::vector<int>& weeks) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const int n : weeks) {
      if (n >= rows[r].first && n <= rows[r].last) return r;
    }
  }
  return std::nullopt;
}

// 102.05828325 kg as 102.06 kg: values converted from pounds or minutes are shown as people write them.
std::string rounded(double value) { return fmt::format("{}", std::round(value * 100) / 100); }

// What a text plan writes after the exercise's name, up to the next exercise on the line or a comment:
// `Goblet squat – 3 × 12, 10, 8 @ 12/14/16kg` gives `3 × 12, 10, 8 @ 12/14/16kg`. Empty for a JSON plan,
// whose lines are not text a trainer typed.
std::string written_dose(const LineReading& l, unsigned next_column) {
  const auto& at = l.location;
  if (at.line_text.empty() || at.column < at.line_text_column || at.line_text.starts_with('{')) return {};
  const std::string_view text = at.line_text;
  const std::size_t from = at.column - at.line_text_column + at.length;
  std::size_t to = next_column > at.column ? next_column - at.line_text_column : text.size();
  if (from >= text.size() || to <= from || text.find('"') != std::string_view::npos) return {};
  to = std::min({to, text.size(), text.find(" #", from)});
  std::string_view dose = text.substr(from, to - from);
  static constexpr std::string_view separators = " \t-:,;|}";
  while (true) {
    const auto before = dose.size();
    dose.remove_prefix(std::min(dose.size(), dose.find_first_not_of(separators)));
    for (const std::string_view dash : {"\u2013", "\u2014"}) {
      if (dose.starts_with(dash)) dose.remove_prefix(dash.size());
    }
    if (dose.size() == before) break;
  }
  const auto last = dose.find_last_not_of(separators);
  return last == std::string_view::npos ? std::string{} : std::string(dose.substr(0, last + 1));
}

// The dose as the plan writes it; else as the rules read it, with a timed line shown as a trainer writes it
// (`30 s`, `20 min`, `3 x 45 s`) rather than as sets of seconds.
std::string card_dose(const LineReading& line, unsigned next_column) {
  if (auto written = written_dose(line, next_column); !written.empty()) return written;
  auto l = line;
  for (auto* value : {&l.load_kg, &l.hold_seconds, &l.rest_seconds, &l.distance_m, &l.percent}) {
    if (*value) *value = std::round(**value * 100) / 100;
  }
  if (!l.dose_read || !l.hold_seconds || l.reps || !l.reps_per_set.empty() || l.amrap) return dose_text(l, false);
  const double seconds = *l.hold_seconds;
  std::string time = seconds >= 120 && static_cast<long long>(seconds) % 60 == 0
                         ? fmt::format("{} min", rounded(seconds / 60))
                         : fmt::format("{} s", rounded(seconds));
  if (l.sets && *l.sets != 1) time = fmt::format("{} x {}", *l.sets, time);
  l.sets.reset();
  l.hold_seconds.reset();
  const auto others = dose_text(l, false);
  return others.empty() ? time : fmt::format("{}, {}", time, others);
}

std::string where_text(const Location& at) {
  if (at.line == 0) return escaped(at.file);
  return fmt::format("{}:{}:{}", escaped(at.file), at.line, at.column);
}

std::string citation_html(const Citation& c) {
  std::string out = escaped(citation_text(c));
  if (!c.evidence.empty()) out += fmt::format(" <span class=\"evidence\">{}</span>", escaped(c.evidence));
  if (c.url.starts_with("https://") || c.url.starts_with("http://")) {
    out += fmt::format(" <a href=\"{0}\" rel=\"noreferrer\" target=\"_blank\">{0}</a>", escaped(c.url));
  }
  return out;
}

class HtmlWriter : public ReportWriter {
 public:
  explicit HtmlWriter(const std::vector<RuleInfo>& rules) {
    for (const auto& r : rules) docs_.emplace(r.id, r.doc);
  }

  std::string begin() override { return page_head("liftlint report"); }

  std::string plan(const PlanReport& report, Severity /*fail_on*/) override {
    add_counts(counts_, report);
    ++sections_;
    const auto id = fmt::format("plan-{}", sections_);
    index_.push_back(fmt::format("<li><a href=\"#{}\">{}</a>{} <span class=\"counts\">{}</span></li>\n", id,
                                 escaped(report.path), report.plan ? "" : " (not a plan)", plan_counts(report)));
    return plan_section(report, id);
  }

 protected:
  std::string tail() override {
    std::string out = "<header class=\"run\">\n<h1>liftlint report</h1>\n";
    out += fmt::format("<p class=\"summary\">{}</p>\n", escaped(trimmed(render_summary(counts_, false))));
    if (counts_.plans == 0 && counts_.input_errors > 0) {
      out += "<p class=\"unread\">No plan was checked: the problems below stopped the run.</p>\n";
    }
    out += "<nav><h2>Plans</h2>\n<ol class=\"index\">\n";
    for (const auto& item : index_) out += item;
    out += "</ol>\n</nav>\n</header>\n";
    return out + page_foot();
  }

 private:
  static std::string trimmed(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }

  static std::string plan_counts(const PlanReport& r) {
    Counts c;
    add_counts(c, r);
    std::vector<std::string> parts;
    const auto add = [&](std::size_t n, const char* one, const char* many) {
      if (n > 0) parts.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
    };
    add(c.input_errors, "input error", "input errors");
    add(c.errors, "error", "errors");
    add(c.warnings, "warning", "warnings");
    add(c.infos, "info", "infos");
    add(c.suppressed, "waived", "waived");
    add(c.superseded, "moot", "moot");
    if (parts.empty()) return "no findings";
    std::string out;
    for (const auto& p : parts) out += out.empty() ? p : ", " + p;
    return out;
  }

  // The plan's findings that no card or week holds come first: among them, that the findings were cut short.
  std::string plan_section(const PlanReport& report, const std::string& id) {
    const auto problems = shown_problems(report);
    std::string out =
        fmt::format("<section class=\"plan{}\" id=\"{}\">\n<h2>{}{}</h2>\n", report.plan ? "" : " other", id,
                    escaped(report.path), report.plan ? "" : " <span class=\"tag\">not a plan</span>");
    out += fmt::format("<p class=\"plan-summary\">{}</p>\n", plan_counts(report));
    std::vector<const Shown*> unplaced;
    std::string drawn;
    if (report.reading) {
      out += client_line(*report.reading);
      drawn = calendar(*report.reading, report.path, problems, unplaced, id);
    } else {
      for (const auto& p : problems) unplaced.push_back(&p);
      if (report.plan && !report.evaluated) {
        out += "<p class=\"unread\">The plan could not be read; see the errors.</p>\n";
      }
    }
    if (!unplaced.empty()) {
      out += fmt::format("<div class=\"plan-findings\">\n<h3>{}</h3>\n",
                         report.plan ? "About the whole plan" : "Problems");
      for (const auto* p : unplaced) out += problem_html(*p, true);
      out += "</div>\n";
    }
    return out + drawn + "</section>\n";
  }

  static std::string client_line(const PlanReading& r) {
    std::string text = r.conditions.empty() ? "no conditions" : "";
    for (const auto& c : r.conditions) text += text.empty() ? id_as_words(c) : ", " + id_as_words(c);
    text += r.cleared ? "; cleared for exercise" : "; not cleared";
    if (!r.experience.empty()) text += "; " + r.experience;
    if (r.age) text += fmt::format("; age {}", *r.age);
    if (r.gestational_week) text += fmt::format("; week {} of pregnancy", *r.gestational_week);
    return fmt::format("<p class=\"client\">Client: {}</p>\n", escaped(text));
  }

  struct Layout {
    std::map<Place, std::vector<const Shown*>> on_card;
    std::map<std::size_t, std::vector<const Shown*>> on_row;
  };

  // Problems by where they go, then the table.
  std::string calendar(const PlanReading& reading, const std::string& path, const std::vector<Shown>& problems,
                       std::vector<const Shown*>& unplaced, const std::string& id) {
    const Placer placer(reading, path);
    const auto rows = rows_of(reading);
    Layout layout;
    for (const auto& p : problems) {
      const auto cards = placer.cards(*p.problem);
      for (const auto& place : cards) layout.on_card[place].push_back(&p);
      if (!cards.empty()) continue;
      if (const auto row = row_naming(rows, p.problem->weeks)) {
        layout.on_row[*row].push_back(&p);
      } else {
        unplaced.push_back(&p);
      }
    }
    bool any_weekday = false, any_other = false;
    for (const auto& w : reading.weeks) {
      for (const auto& s : w.sessions) (weekday_column(s) ? any_weekday : any_other) = true;
    }
    const Columns columns{any_weekday || !any_other, any_other};
    std::string out =
        fmt::format("<table class=\"calendar\" aria-label=\"{} by week\">\n<thead><tr><th>Week</th>", escaped(path));
    if (columns.weekdays) {
      for (const auto* d : weekdays) out += fmt::format("<th>{}</th>", d);
    }
    if (columns.other) out += "<th>Sessions without a weekday</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) out += week_row(rows[r], r, layout, columns, id);
    return out + "</tbody>\n</table>\n";
  }

  struct Columns {
    bool weekdays = true;  // a column per weekday
    bool other = false;    // a column for Day 1, Session A
  };

  std::string week_row(const Row& row, std::size_t r, const Layout& layout, const Columns& columns,
                       const std::string& id) {
    const bool deload = row.week != nullptr && row.week->deload;
    std::string out = fmt::format("<tr class=\"week{}\"><th scope=\"row\"><span class=\"weeks\">{}</span>",
                                  deload                ? " deload"
                                  : row.week == nullptr ? " empty"
                                                        : "",
                                  row.first == row.last ? fmt::format("Week {}", row.first)
                                                        : fmt::format("Weeks {}&ndash;{}", row.first, row.last));
    if (deload) out += "<span class=\"tag\">deload</span>";
    if (row.week == nullptr) out += "<span class=\"tag\">no sessions written</span>";
    if (const auto on = layout.on_row.find(r); on != layout.on_row.end()) {
      for (const auto* p : on->second) out += problem_html(*p, false);
    }
    out += "</th>";
    std::array<std::string, 7> days;
    std::string others;
    const auto sessions = row.week != nullptr ? row.week->sessions.size() : 0;
    for (std::size_t s = 0; s < sessions; ++s) {
      const auto& session = row.week->sessions[s];
      const auto card = session_card(session, Place{row.index, s, std::nullopt}, layout, id);
      if (const auto d = weekday_column(session)) {
        days.at(*d) += card;
      } else {
        others += card;
      }
    }
    // A week of Day 1, Day 2 sessions says nothing of which weekdays are rest.
    const bool scheduled = std::any_of(days.begin(), days.end(), [](const auto& d) { return !d.empty(); });
    const char* free_day = scheduled || others.empty() ? "<td class=\"rest\"><span>rest</span></td>" : "<td></td>";
    if (columns.weekdays) {
      for (const auto& d : days) out += d.empty() ? std::string(free_day) : fmt::format("<td>{}</td>", d);
    }
    if (columns.other) out += others.empty() ? "<td></td>" : fmt::format("<td>{}</td>", others);
    return out + "</tr>\n";
  }

  // The most severe status among the problems and `current`, for the colour of a card.
  static std::string worst(const std::vector<const Shown*>& problems, std::string current) {
    static constexpr std::array<const char*, 4> order = {"input-error", "error", "warning", "info"};
    const auto rank = [](const std::string& status) {
      std::size_t i = 0;
      while (i < order.size() && status != order.at(i)) ++i;
      return i;
    };
    for (const auto* p : problems) {
      if (rank(p->status) < rank(current)) current = p->status;
    }
    return current;
  }

  std::string session_card(const SessionReading& s, Place card, const Layout& layout, const std::string& id) {
    std::string marks, lines, flagged = "none";
    if (const auto on = layout.on_card.find(card); on != layout.on_card.end()) {
      for (const auto* p : on->second) marks += problem_html(*p, false);
      flagged = worst(on->second, flagged);
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
      std::string line_marks;
      if (const auto on = layout.on_card.find(Place{card.week, card.session, l}); on != layout.on_card.end()) {
        for (const auto* p : on->second) line_marks += problem_html(*p, false);
        flagged = worst(on->second, flagged);
      }
      lines += exercise_item(s.lines[l], next_on_line(s, l), line_marks);
    }
    std::string head = fmt::format("<span class=\"day\">{}</span> <span class=\"kind\">{}</span>", escaped(s.day),
                                   escaped(id_as_words(s.kind)));
    if (s.minutes) head += fmt::format(" <span class=\"minutes\">{} min</span>", rounded(*s.minutes));
    if (!s.intensity.empty()) head += fmt::format(" <span class=\"intensity\">{}</span>", escaped(s.intensity));
    return fmt::format("<article class=\"session flag-{}\" id=\"{}-w{}-s{}\"><h4>{}</h4>\n{}{}</article>", flagged, id,
                       card.week + 1, card.session + 1, head, marks,
                       lines.empty() ? std::string{} : fmt::format("<ul class=\"lines\">\n{}</ul>\n", lines));
  }

  // Where the next exercise of the same line starts (`cat-cow x10; hip hinge drill x10`), or 0.
  static unsigned next_on_line(const SessionReading& s, std::size_t index) {
    const auto& at = s.lines[index].location;
    unsigned next = 0;
    for (const auto& other : s.lines) {
      const auto& o = other.location;
      if (o.line == at.line && o.column > at.column && (next == 0 || o.column < next)) next = o.column;
    }
    return next;
  }

  static std::string exercise_item(const LineReading& l, unsigned next_column, const std::string& marks) {
    std::string tags;
    if (l.block != "main")
      tags += fmt::format(" <span class=\"tag\">{}</span>", l.block == "warmup" ? "warm-up" : "cool-down");
    if (!l.group.empty()) tags += fmt::format(" <span class=\"tag\">group {}</span>", escaped(l.group));
    const std::string name =
        l.known ? escaped(l.exercise)
                : fmt::format("{} <span class=\"unknown\">(not in the catalogue)</span>", escaped(l.exercise));
    return fmt::format(
        "<li class=\"line{}\"><span class=\"exercise\">{}</span> <span class=\"dose\">{}</span>{}{}</li>\n",
        marks.empty() ? "" : " flagged", name, escaped(card_dose(l, next_column)), tags, marks);
  }

  std::string problem_html(const Shown& shown, bool with_location) {
    const auto& p = *shown.problem;
    const std::string label = shown.status == "input-error" ? "input error" : shown.status;
    std::string head = fmt::format("<span class=\"severity\">{}</span>", label);
    if (!p.rule_id.empty()) head += fmt::format(" <code class=\"rule\">{}</code>", escaped(p.rule_id));
    head += fmt::format(" <span class=\"message\">{}</span>", escaped(p.message));
    if (with_location || shown.status == "input-error") {
      head += fmt::format(" <span class=\"where\">{}</span>", where_text(p.location));
    }
    std::string body;
    if (!p.rule_id.empty()) body += fmt::format("<p class=\"rule-id\">rule <code>{}</code></p>\n", escaped(p.rule_id));
    if (!shown.aside.empty()) body += fmt::format("<p class=\"aside\">{}</p>\n", escaped(shown.aside));
    if (!p.location.line_text.empty())
      body += fmt::format("<pre class=\"quote\">{}</pre>\n", escaped(p.location.line_text));
    for (const auto& n : p.notes) body += fmt::format("<p class=\"note\">note: {}</p>\n", escaped(n.text));
    for (const auto& h : p.help) body += fmt::format("<p class=\"help\">help: {}</p>\n", escaped(h));
    if (const auto doc = docs_.find(p.rule_id); doc != docs_.end() && !doc->second.empty()) {
      body += fmt::format("<p class=\"doc\">{}</p>\n", escaped(doc->second));
    }
    if (!p.citations.empty()) {
      body += "<ul class=\"citations\">\n";
      for (const auto& c : p.citations) body += fmt::format("<li>{}</li>\n", citation_html(c));
      body += "</ul>\n";
    }
    return fmt::format("<details class=\"finding {}\"><summary>{}</summary>\n{}</details>\n", shown.status, head, body);
  }

  std::map<std::string, std::string> docs_;
  Counts counts_;
  std::size_t sections_ = 0;
  std::vector<std::string> index_;
};

}  // namespace

std::unique_ptr<ReportWriter> html_writer(const std::vector<RuleInfo>& rules) {
  return std::make_unique<HtmlWriter>(rules);
}

}  // namespace liftlint::report
