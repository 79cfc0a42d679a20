#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace liftlint::report {
namespace {

// `83.91458845000001` (185 lb) is shown as 83.91: a reading is for a person to check.
std::string number(double v) { return fmt::format("{}", std::round(v * 100) / 100); }

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    out += out.empty() ? "" : separator;
    out += item;
  }
  return out;
}

std::string line_text(const LineReading& l) {
  const auto where = fmt::format("{}:{}", l.location.line, l.location.column);
  if (!l.known)
    return fmt::format("      {:<8} {:<8} {} (not in the catalogue: the rules know nothing of it)\n", where, l.block,
                       printable(l.exercise));
  return fmt::format("      {:<8} {:<8} {:<32} {}{}\n", where, printable(l.block), printable(l.exercise), dose_text(l),
                     l.group.empty() ? "" : fmt::format(" [group {}]", printable(l.group)));
}

nlohmann::ordered_json optional(const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; }

nlohmann::ordered_json line_json(const LineReading& l) {
  return {{"line", l.location.line},
          {"column", l.location.column},
          {"exercise", l.exercise},
          {"known", l.known},
          {"dose_read", l.dose_read},
          {"block", l.block},
          {"group", l.group},
          {"sets", optional(l.sets)},
          {"reps", optional(l.reps)},
          {"reps_max", optional(l.reps_max)},
          {"reps_per_set", l.reps_per_set},
          {"hold_seconds", optional(l.hold_seconds)},
          {"distance_m", optional(l.distance_m)},
          {"load_kg", optional(l.load_kg)},
          {"percent_1rm", optional(l.percent)},
          {"rpe", optional(l.rpe)},
          {"rir", optional(l.rir)},
          {"rest_seconds", optional(l.rest_seconds)},
          {"each_side", l.each_side},
          {"amrap", l.amrap},
          {"bodyweight", l.bodyweight},
          {"loaded", l.loaded},
          {"posture", l.posture},
          {"equipment", l.equipment}};
}

}  // namespace

std::string dose_text(const LineReading& l, bool loading) {
  if (!l.dose_read) return "dose not read";
  std::vector<std::string> parts;
  std::string count;
  if (!l.reps_per_set.empty()) {
    std::vector<std::string> each;
    for (const auto r : l.reps_per_set) each.push_back(number(r));
    count = joined(each, "/");
  } else if (l.reps) {
    count = number(*l.reps) + (l.reps_max && *l.reps_max != *l.reps ? "-" + number(*l.reps_max) : "");
  }
  if (l.amrap) count += count.empty() ? "as many as possible" : "+";
  if (l.sets)
    parts.push_back(count.empty() ? fmt::format("{} set{}", number(*l.sets), *l.sets == 1 ? "" : "s")
                                  : number(*l.sets) + " x " + count);
  if (!l.sets && !count.empty()) parts.push_back(count + " reps");
  if (l.hold_seconds) parts.push_back(fmt::format("{} s per set", number(*l.hold_seconds)));
  if (l.distance_m) parts.push_back(fmt::format("{} m", number(*l.distance_m)));
  if (l.load_kg) parts.push_back(fmt::format("{} kg", number(*l.load_kg)));
  if (l.percent) parts.push_back(fmt::format("{}% of 1RM", number(*l.percent)));
  if (l.rpe) parts.push_back(fmt::format("RPE {}", number(*l.rpe)));
  if (l.rir) parts.push_back(fmt::format("RIR {}", number(*l.rir)));
  if (l.rest_seconds) parts.push_back(fmt::format("rest {} s", number(*l.rest_seconds)));
  if (l.each_side) parts.push_back("each side");
  if (l.bodyweight) parts.push_back("body weight");
  if (loading) parts.push_back(l.loaded ? "loaded" : "unloaded");
  return joined(parts);
}

std::string render_reading_text(const PlanReading& reading) {
  std::string out = printable(reading.path) + "\n";
  std::string client = reading.conditions.empty() ? "no conditions" : joined(reading.conditions);
  client += reading.cleared ? "; cleared" : "; not cleared";
  if (reading.cleared_without_restrictions) client += " without restrictions";
  if (!reading.experience.empty()) client += fmt::format("; {}", reading.experience);
  if (reading.age) client += fmt::format("; age {}", number(*reading.age));
  if (reading.gestational_week) client += fmt::format("; week {} of pregnancy", number(*reading.gestational_week));
  out += fmt::format("  client: {}\n", client);
  for (const auto& w : reading.weeks) {
    out += w.first == w.last ? fmt::format("  week {}", w.first) : fmt::format("  weeks {}-{}", w.first, w.last);
    out += w.deload ? " (deload)\n" : "\n";
    for (const auto& s : w.sessions) {
      out += fmt::format("    {}{}, {}{}{}\n", s.day, s.weekday_known ? "" : " (weekday not given)", s.kind,
                         s.minutes ? fmt::format(", {} min", number(*s.minutes)) : "",
                         s.intensity.empty() ? "" : fmt::format(", {}", s.intensity));
      for (const auto& l : s.lines) out += line_text(l);
    }
  }
  if (!reading.errors.empty()) out += fmt::format("  {} input error(s), shown above\n", reading.errors.size());
  if (!reading.notes.empty()) out += fmt::format("  {} line(s) read as notes\n", reading.notes.size());
  // Days, kinds and client text of a JSON plan are not checked for control characters when read.
  return printable(out, {true, true, std::numeric_limits<std::size_t>::max()});
}

std::string render_reading_json(const std::vector<PlanReading>& readings) {
  auto plans = nlohmann::ordered_json::array();
  for (const auto& r : readings) {
    auto weeks = nlohmann::ordered_json::array();
    for (const auto& w : r.weeks) {
      auto sessions = nlohmann::ordered_json::array();
      for (const auto& s : w.sessions) {
        auto lines = nlohmann::ordered_json::array();
        for (const auto& l : s.lines) lines.push_back(line_json(l));
        sessions.push_back(
            {{"line", s.location.line},
             {"day", s.day},
             {"weekday_known", s.weekday_known},
             {"kind", s.kind},
             {"minutes", optional(s.minutes)},
             {"intensity", s.intensity.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.intensity)},
             {"lines", lines}});
      }
      weeks.push_back({{"first", w.first}, {"last", w.last}, {"deload", w.deload}, {"sessions", sessions}});
    }
    plans.push_back({{"path", r.path},
                     {"conditions", r.conditions},
                     {"cleared", r.cleared},
                     {"cleared_without_restrictions", r.cleared_without_restrictions},
                     {"experience", r.experience},
                     {"age", optional(r.age)},
                     {"gestational_week", optional(r.gestational_week)},
                     {"errors", r.errors.size()},
                     {"notes", r.notes.size()},
                     {"weeks", weeks}});
  }
  // A path or a name that is not UTF-8 is shown with U+FFFD rather than ending the run.
  return nlohmann::ordered_json{{"version", 1}, {"plans", plans}}.dump(2, ' ', false,
                                                                       nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace liftlint::report
