// The HTML report: one page, no external assets, each plan drawn as a calendar with its findings on it.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "report/html_page.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

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
    std::string why = fmt::format("waived: {}", s.waiver.reason);
    if (!s.waiver.approved_by.empty()) why += fmt::format(" (approved by {})", s.waiver.approved_by);
    if (!s.waiver.until.empty()) why += fmt::format(", until {}", s.waiver.until);
    out.push_back({&s.finding, "waived", why});
  }
  for (const auto& s : r.superseded) out.push_back({&s.finding, "moot", fmt::format("moot: {} applies", s.by)});
  return out;
}

// Where on the calendar each problem goes: an exercise line, a session card, a week row, or the plan.
struct Place {
  std::size_t week = 0, session = 0;
  std::optional<std::size_t> line;
};

class Placer {
 public:
  Placer(const PlanReading& reading, const std::string& path) : path_(path) {
    for (std::size_t w = 0; w < reading.weeks.size(); ++w) {
      const auto& week = reading.weeks[w];
      for (std::size_t s = 0; s < week.sessions.size(); ++s) index_session(week.sessions[s], w, s);
    }
    weeks_ = &reading.weeks;
  }

  [[nodiscard]] std::optional<Place> card(const Location& at) const {
    if (at.file != path_ || at.line == 0) return std::nullopt;
    if (const auto line = lines_.find(at.line); line != lines_.end()) {
      // Several exercises may share a line: the last one starting at or before the column. Before the
      // first one, on a session's own line, is the session.
      std::optional<Place> chosen;
      for (const auto& [column, place] : line->second) {
        if (column <= at.column) chosen = place;
      }
      if (chosen) return chosen;
      if (!sessions_.contains(at.line)) return line->second.front().second;
    }
    const auto session = sessions_.upper_bound(at.line);
    if (session == sessions_.begin()) return std::nullopt;
    const auto& [first, last_and_place] = *std::prev(session);
    if (at.line > last_and_place.first) return std::nullopt;
    return last_and_place.second;
  }

  // The first row of the calendar whose weeks include one the problem names.
  [[nodiscard]] std::optional<std::size_t> row(const std::vector<int>& weeks) const {
    for (std::size_t w = 0; w < weeks_->size(); ++w) {
      for (const int n : weeks) {
        if (n >= (*weeks_)[w].first && n <= (*weeks_)[w].last) return w;
      }
    }
    return std::nullopt;
  }

 private:
  void index_session(const SessionReading& s, std::size_t w, std::size_t index) {
    unsigned last = s.location.line;
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
      const auto& at = s.lines[l].location;
      lines_[at.line].emplace_back(at.column, Place{w, index, l});
      last = std::max(last, at.line);
    }
    sessions_[s.location.line] = {last, Place{w, index, std::nullopt}};
  }

  const std::string& path_;
  const std::vector<WeekReading>* weeks_ = nullptr;
  std::map<unsigned, std::vector<std::pair<unsigned, Place>>> lines_;
  std::map<unsigned, std::pair<unsigned, Place>> sessions_;  // first line -> last line, card
};

// `lower_body` as `lower body`: vocabulary ids shown as words.
std::string words(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

// A timed line as a trainer writes it (`30 s`, `20 min`, `3 x 45 s`) rather than as sets of seconds.
std::string card_dose(const LineReading& l) {
  if (!l.dose_read || !l.hold_seconds || l.reps || !l.reps_per_set.empty() || l.amrap) return dose_text(l, false);
  const double seconds = *l.hold_seconds;
  std::string time = seconds >= 120 && static_cast<long long>(seconds) % 60 == 0 ? fmt::format("{} min", seconds / 60)
                                                                                 : fmt::format("{} s", seconds);
  if (l.sets && *l.sets != 1) time = fmt::format("{} x {}", *l.sets, time);
  auto rest = l;
  rest.sets.reset();
  rest.hold_seconds.reset();
  const auto others = dose_text(rest, false);
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
    out += fmt::format(" <a href=\"{0}\" rel=\"noreferrer\">{0}</a>", escaped(c.url));
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
    index_.push_back(fmt::format("<li><a href=\"#{}\">{}</a> <span class=\"counts\">{}</span></li>\n", id,
                                 escaped(report.path), plan_counts(report)));
    return plan_section(report, id);
  }

 protected:
  std::string tail() override {
    std::string out = "<header class=\"run\">\n<h1>liftlint report</h1>\n";
    out += fmt::format("<p class=\"summary\">{}</p>\n", escaped(trimmed(render_summary(counts_, false))));
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

  std::string plan_section(const PlanReport& report, const std::string& id) {
    const auto problems = shown_problems(report);
    std::string out = fmt::format("<section class=\"plan\" id=\"{}\">\n<h2>{}</h2>\n", id, escaped(report.path));
    out += fmt::format("<p class=\"plan-summary\">{}</p>\n", plan_counts(report));
    std::vector<const Shown*> unplaced;
    if (report.reading) {
      out += client_line(*report.reading);
      out += calendar(*report.reading, report.path, problems, unplaced, id);
    } else {
      for (const auto& p : problems) unplaced.push_back(&p);
      if (report.plan && !report.evaluated)
        out += "<p class=\"unread\">The plan could not be read; see the errors.</p>\n";
    }
    if (!unplaced.empty()) {
      out += "<div class=\"plan-findings\">\n<h3>Findings about the whole plan</h3>\n";
      for (const auto* p : unplaced) out += problem_html(*p, true);
      out += "</div>\n";
    }
    return out + "</section>\n";
  }

  static std::string client_line(const PlanReading& r) {
    std::string text = r.conditions.empty() ? "no conditions" : "";
    for (const auto& c : r.conditions) text += text.empty() ? words(c) : ", " + words(c);
    text += r.cleared ? "; cleared for exercise" : "; not cleared";
    if (!r.experience.empty()) text += "; " + r.experience;
    if (r.age) text += fmt::format("; age {}", *r.age);
    if (r.gestational_week) text += fmt::format("; week {} of pregnancy", *r.gestational_week);
    return fmt::format("<p class=\"client\">Client: {}</p>\n", escaped(text));
  }

  // Problems by where they go, then the table.
  std::string calendar(const PlanReading& reading, const std::string& path, const std::vector<Shown>& problems,
                       std::vector<const Shown*>& unplaced, const std::string& id) {
    const Placer placer(reading, path);
    Layout layout;
    for (const auto& p : problems) {
      if (const auto place = placer.card(p.problem->location)) {
        layout.on_card[{place->week, place->session, place->line}].push_back(&p);
      } else if (const auto row = placer.row(p.problem->weeks)) {
        layout.on_row[*row].push_back(&p);
      } else {
        unplaced.push_back(&p);
      }
    }
    bool any_weekday = false, any_other = false;
    for (const auto& w : reading.weeks) {
      for (const auto& s : w.sessions) (weekday_column(s) ? any_weekday : any_other) = true;
    }
    std::string out =
        fmt::format("<table class=\"calendar\" aria-label=\"{} by week\">\n<thead><tr><th>Week</th>", escaped(path));
    if (any_weekday || !any_other) {
      for (const auto* d : weekdays) out += fmt::format("<th>{}</th>", d);
    }
    if (any_other) out += "<th>Sessions without a weekday</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t w = 0; w < reading.weeks.size(); ++w) {
      out += week_row(reading.weeks[w], w, layout, any_weekday || !any_other, any_other, id);
    }
    return out + "</tbody>\n</table>\n";
  }

  struct Layout {
    std::map<std::tuple<std::size_t, std::size_t, std::optional<std::size_t>>, std::vector<const Shown*>> on_card;
    std::map<std::size_t, std::vector<const Shown*>> on_row;
  };

  std::string week_row(const WeekReading& week, std::size_t w, const Layout& layout, bool weekday_columns,
                       bool other_column, const std::string& id) {
    std::string out = fmt::format("<tr class=\"week{}\"><th scope=\"row\"><span class=\"weeks\">{}</span>",
                                  week.deload ? " deload" : "",
                                  week.first == week.last ? fmt::format("Week {}", week.first)
                                                          : fmt::format("Weeks {}&ndash;{}", week.first, week.last));
    if (week.deload) out += "<span class=\"tag\">deload</span>";
    if (const auto row = layout.on_row.find(w); row != layout.on_row.end()) {
      for (const auto* p : row->second) out += problem_html(*p, false);
    }
    out += "</th>";
    std::array<std::string, 7> days;
    std::string others;
    for (std::size_t s = 0; s < week.sessions.size(); ++s) {
      const auto card = session_card(week.sessions[s], w, s, layout, id);
      if (const auto d = weekday_column(week.sessions[s])) {
        days.at(*d) += card;
      } else {
        others += card;
      }
    }
    if (weekday_columns) {
      for (const auto& d : days) {
        out += d.empty() ? "<td class=\"rest\"><span>rest</span></td>" : fmt::format("<td>{}</td>", d);
      }
    }
    if (other_column) out += others.empty() ? "<td class=\"rest\"></td>" : fmt::format("<td>{}</td>", others);
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

  std::string session_card(const SessionReading& s, std::size_t w, std::size_t index, const Layout& layout,
                           const std::string& id) {
    std::string marks, lines, flagged = "none";
    if (const auto on = layout.on_card.find({w, index, std::nullopt}); on != layout.on_card.end()) {
      for (const auto* p : on->second) marks += problem_html(*p, false);
      flagged = worst(on->second, flagged);
    }
    for (std::size_t l = 0; l < s.lines.size(); ++l) {
      std::string line_marks;
      if (const auto on = layout.on_card.find({w, index, l}); on != layout.on_card.end()) {
        for (const auto* p : on->second) line_marks += problem_html(*p, false);
        flagged = worst(on->second, flagged);
      }
      lines += exercise_item(s.lines[l], line_marks);
    }
    std::string head = fmt::format("<span class=\"day\">{}</span> <span class=\"kind\">{}</span>", escaped(s.day),
                                   escaped(words(s.kind)));
    if (s.minutes) head += fmt::format(" <span class=\"minutes\">{} min</span>", *s.minutes);
    if (!s.intensity.empty()) head += fmt::format(" <span class=\"intensity\">{}</span>", escaped(s.intensity));
    return fmt::format("<article class=\"session flag-{}\" id=\"{}-l{}\"><h4>{}</h4>\n{}{}</article>", flagged, id,
                       s.location.line, head, marks,
                       lines.empty() ? std::string{} : fmt::format("<ul class=\"lines\">\n{}</ul>\n", lines));
  }

  static std::string exercise_item(const LineReading& l, const std::string& marks) {
    std::string tags;
    if (l.block != "main")
      tags += fmt::format(" <span class=\"tag\">{}</span>", l.block == "warmup" ? "warm-up" : "cool-down");
    if (!l.group.empty()) tags += fmt::format(" <span class=\"tag\">group {}</span>", escaped(l.group));
    const std::string name =
        l.known ? escaped(l.exercise)
                : fmt::format("{} <span class=\"unknown\">(not in the catalogue)</span>", escaped(l.exercise));
    return fmt::format(
        "<li class=\"line{}\"><span class=\"exercise\">{}</span> <span class=\"dose\">{}</span>{}{}</li>\n",
        marks.empty() ? "" : " flagged", name, escaped(card_dose(l)), tags, marks);
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
