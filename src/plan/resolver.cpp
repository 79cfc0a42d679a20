#include "plan/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "rules/expr_checker.hpp"
#include "support/dates.hpp"
#include "support/names.hpp"
#include "support/units.hpp"

namespace liftlint::plan {
namespace {

using model::Category;

constexpr std::array<const char*, 7> weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> weekday_index(const std::string& word) {
  std::string lower = normalize_name(word);
  static const std::map<std::string, int> spellings = {
      {"mon", 0},       {"monday", 0}, {"tue", 1},      {"tues", 1},  {"tuesday", 1},  {"wed", 2},
      {"wednesday", 2}, {"thu", 3},    {"thur", 3},     {"thurs", 3}, {"thursday", 3}, {"fri", 4},
      {"friday", 4},    {"sat", 5},    {"saturday", 5}, {"sun", 6},   {"sunday", 6}};
  const auto it = spellings.find(lower);
  if (it == spellings.end()) return std::nullopt;
  return it->second;
}

class Resolver {
 public:
  Resolver(const ast::File& file, const model::RuleSet& rules, Diagnostics& diagnostics)
      : file_(file), rules_(rules), diagnostics_(diagnostics), names_(rules, diagnostics) {}

  std::optional<Plan> run() {
    plan_.name = file_.name ? file_.name->text : std::string{};
    plan_.span = file_.name ? file_.name->span : Span{file_.source, 1, 1, 1};
    own_exercises();
    client();
    calendar();
    for (const auto& w : file_.waivers) waiver(w);
    if (diagnostics_.has_errors()) return std::nullopt;
    return std::move(plan_);
  }

 private:
  const ast::File& file_;
  const model::RuleSet& rules_;
  Diagnostics& diagnostics_;
  rules::NameResolver names_;
  Plan plan_;
  std::map<std::string, std::uint32_t> own_names_;
  std::vector<std::string> exercise_names_;

  void error(const Span& span, std::string message, std::vector<std::string> help = {}) {
    diagnostics_.error(span, std::move(message), std::move(help));
  }

  void own_exercises() {
    for (const auto& decl : file_.exercises) {
      auto exercise = rules::convert_exercise_decl(decl, names_, diagnostics_);
      if (!exercise) continue;
      std::vector<std::string> keys{normalize_name(exercise->name)};
      for (const auto& alias : exercise->aliases) keys.push_back(normalize_name(alias));
      if (!register_names(keys, decl.name)) continue;
      plan_.own_exercises.push_back(std::move(*exercise));
    }
  }

  bool register_names(const std::vector<std::string>& keys, const ast::Value& name) {
    for (const auto& key : keys) {
      if (own_names_.count(key) > 0) {
        error(name.span, fmt::format("exercise '{}' is declared twice in this plan", key));
        return false;
      }
      if (rules_.catalogue.find(key)) {
        error(name.span,
              fmt::format("exercise '{}' is already in the catalogue; use it, or give yours another name", key));
        return false;
      }
    }
    const auto id = static_cast<std::uint32_t>(rules_.catalogue.size() + plan_.own_exercises.size());
    for (const auto& key : keys) own_names_.emplace(key, id);
    return true;
  }

  void client() {
    if (file_.client_spans.size() > 1) error(file_.client_spans[1], "the plan has more than one client block");
    if (!file_.client) return;
    const auto& c = *file_.client;
    plan_.client.span = c.span;
    for (const auto* list : {&c.conditions, &c.symptoms}) {
      for (const auto& name : *list) {
        if (auto index = names_.vocab(Category::condition, name)) {
          plan_.client.conditions |= rules_.vocab(Category::condition).at(*index).closure;
        }
      }
    }
    plan_.client.cleared = c.cleared.value_or(false);
    plan_.client.cleared_by = c.cleared_by;
    if (c.cleared_on) {
      if (valid_date(c.cleared_on->text)) {
        plan_.client.cleared_on = c.cleared_on->text;
      } else {
        error(c.cleared_on->span, fmt::format("'{}' is not a date in the calendar", c.cleared_on->text));
      }
    }
    if (c.experience) experience(*c.experience);
  }

  void experience(const ast::Name& name) {
    static const std::vector<std::string> levels = {"beginner", "intermediate", "advanced"};
    const auto it = std::find(levels.begin(), levels.end(), name.text);
    if (it == levels.end()) {
      names_.unknown(name.span, "experience level", name.text, levels);
      return;
    }
    plan_.client.experience = static_cast<int>(it - levels.begin());
    plan_.client.has_experience = true;
  }

  // --- waivers ------------------------------------------------------------------

  void waiver(const ast::Waiver& in) {
    Waiver out;
    out.rule = find_rule(in.rule);
    out.scope = in.scope;
    out.reason = in.reason;
    out.approver = in.approver;
    out.span = in.span;
    bool ok = out.rule != nullptr;
    if (in.reason.find_first_not_of(" \t") == std::string::npos) {
      error(in.reason_span.valid() ? in.reason_span : in.span,
            "the waiver's reason is empty; say why the rule does not apply here");
      ok = false;
    }
    if (in.until) {
      ok = valid_date(in.until->text)
               ? ok
               : (error(in.until->span, fmt::format("'{}' is not a date in the calendar", in.until->text)), false);
      out.until = in.until->text;
    }
    out.ranges.emplace_back(in.begin, in.end);
    if (in.day) ok = narrow_to_day(in, out) && ok;
    if (ok) plan_.waivers.push_back(std::move(out));
  }

  const model::Rule* find_rule(const ast::Name& id) {
    for (const auto& rule : rules_.rules) {
      if (rule.id == id.text) return &rule;
    }
    std::vector<std::string> ids;
    for (const auto& rule : rules_.rules) ids.push_back(rule.id);
    std::vector<std::string> help;
    if (auto hint = did_you_mean(id.text, ids); !hint.empty()) help.push_back(hint);
    help.emplace_back("'liftlint rules list' shows the rules that are loaded");
    error(id.span, fmt::format("the waiver names rule '{}', which is not loaded", shorten(id.text)), std::move(help));
    return nullptr;
  }

  // `on wed` keeps the parts of the waiver's scope that are Wednesday sessions.
  bool narrow_to_day(const ast::Waiver& in, Waiver& out) {
    using S = ast::Waiver::Scope;
    if (in.scope != S::plan && in.scope != S::week) {
      error(in.day->span,
            fmt::format("'on' picks a weekday within a plan or week waiver; this waiver already covers one {}",
                        in.scope == S::line ? "exercise line" : "session"));
      return false;
    }
    ast::Day probe;
    probe.day = *in.day;
    probe.number = in.day_number;
    const auto wanted = day_index(probe);
    if (!wanted) return false;
    out.scope = S::day;
    out.ranges.clear();
    const auto add = [&](const ast::Day& d) {
      const auto at = d.span.offset;
      if (at < in.begin || at >= in.end || quiet_day_index(d) != wanted) return;
      out.ranges.emplace_back(at, at + d.span.length);
    };
    for (const auto& w : file_.weeks) std::for_each(w.days.begin(), w.days.end(), add);
    std::for_each(file_.loose_days.begin(), file_.loose_days.end(), add);
    return true;
  }

  static std::optional<int> quiet_day_index(const ast::Day& day) {
    if (day.number) return static_cast<int>(day.number->low) - 1;
    return weekday_index(day.day.text);
  }

  // --- calendar -----------------------------------------------------------------

  void calendar() {
    if (!file_.loose_days.empty() && !file_.weeks.empty()) {
      error(file_.loose_days.front().day.span, "this day is outside any week block",
            {"put every day inside a 'week N { ... }' block, or use no week blocks at all"});
      return;
    }
    if (!file_.loose_days.empty()) {
      WeekBlock block{1, 1, file_.loose_days.front().day.span, sessions(file_.loose_days)};
      plan_.blocks.push_back(std::move(block));
    }
    for (const auto& week : file_.weeks) week_block(week);
    lay_out_weeks();
  }

  void week_block(const ast::Week& week) {
    const double first = week.first->low;
    const double last = week.last->low;
    if (first < 1 || last < first || last > max_weeks || first != std::floor(first)) {
      error(week.span, last < first ? fmt::format("week range {}..{} runs backwards", first, last)
                                    : fmt::format("week numbers run from 1 to {}", max_weeks));
      return;
    }
    plan_.blocks.push_back(WeekBlock{static_cast<int>(first), static_cast<int>(last), week.span, sessions(week.days)});
  }

  void lay_out_weeks() {
    for (const auto& block : plan_.blocks) plan_.weeks = std::max(plan_.weeks, block.last);
    plan_.block_of_week.assign(static_cast<std::size_t>(plan_.weeks) + 1, -1);
    for (std::size_t i = 0; i < plan_.blocks.size(); ++i) {
      const auto& block = plan_.blocks[i];
      for (int w = block.first; w <= block.last; ++w) {
        auto& slot = plan_.block_of_week[static_cast<std::size_t>(w)];
        if (slot >= 0) {
          diagnostics_.add(Diagnostic{
              Severity::error,
              {},
              fmt::format("week {} is planned twice", w),
              block.span,
              {Note{fmt::format("first planned at {}", plan_.blocks[static_cast<std::size_t>(slot)].span.location()),
                    plan_.blocks[static_cast<std::size_t>(slot)].span}},
              {}});
          break;
        }
        slot = static_cast<int>(i);
      }
    }
    plan_.cyclic = plan_.weeks == 1;
  }

  std::vector<Session> sessions(const std::vector<ast::Day>& days) {
    std::array<const ast::Day*, 7> seen{};
    std::vector<Session> out;
    for (const auto& day : days) {
      const auto weekday = day_index(day);
      if (!weekday) continue;
      if (const auto* first = seen[static_cast<std::size_t>(*weekday)]) {
        diagnostics_.add(
            Diagnostic{Severity::error,
                       {},
                       fmt::format("{} appears twice in this week", weekdays[*weekday]),
                       day.day.span,
                       {Note{fmt::format("first written at {}", first->day.span.location()), first->day.span}},
                       {"write one session per day"}});
        continue;
      }
      seen[static_cast<std::size_t>(*weekday)] = &day;
      if (!day.rest) {
        if (auto s = session(day, *weekday)) out.push_back(std::move(*s));
      }
    }
    std::sort(out.begin(), out.end(), [](const Session& a, const Session& b) { return a.weekday < b.weekday; });
    return out;
  }

  std::optional<int> day_index(const ast::Day& day) {
    if (day.number) {
      const double n = day.number->low;
      if (n >= 1 && n <= 7) return static_cast<int>(n) - 1;
      error(day.number->span, fmt::format("day numbers run from 1 to 7, found {}", day.number->low));
      return std::nullopt;
    }
    if (auto index = weekday_index(day.day.text)) return index;
    std::vector<std::string> help;
    if (auto hint = did_you_mean(normalize_name(day.day.text), {weekdays.begin(), weekdays.end()}); !hint.empty()) {
      help.push_back(hint);
    }
    error(day.day.span,
          fmt::format("unknown day '{}'; expected mon, tue, wed, thu, fri, sat, sun or 'day N'", day.day.text),
          std::move(help));
    return std::nullopt;
  }

  std::optional<Session> session(const ast::Day& day, int weekday) {
    Session s;
    s.weekday = weekday;
    s.span = day.day.span;
    const auto kind = names_.vocab(Category::session_kind, day.kind);
    if (!kind) return std::nullopt;
    s.kind = *kind;
    if (day.duration) s.duration_seconds = seconds(*day.duration);
    s.warmup_seconds = 0;
    for (const auto& block : day.blocks) add_block(block, s);
    return s;
  }

  void add_block(const ast::Block& block, Session& s) {
    using K = ast::Block::Kind;
    const auto kind = block.kind == K::warmup     ? model::Block::warmup
                      : block.kind == K::cooldown ? model::Block::cooldown
                                                  : model::Block::main;
    const auto length = block.duration ? seconds(*block.duration) : std::nullopt;
    if (kind == model::Block::warmup) s.warmup_seconds = length;
    if (kind == model::Block::cooldown) s.has_cooldown = true;
    for (const auto& line : block.lines) {
      if (auto resolved = resolve_line(line, kind)) {
        if (kind == model::Block::main) s.main_muscles |= resolved->exercise->muscles;
        s.lines.push_back(std::move(*resolved));
      }
    }
  }

  std::optional<double> seconds(const ast::Quantity& q) {
    const auto scale = unit_scale(q.unit);
    if (!scale || scale->kind != UnitKind::time) {
      error(q.span, fmt::format("expected a duration such as 35min, found '{}{}'", q.low, q.unit));
      return std::nullopt;
    }
    return q.high * scale->factor;
  }

  // --- exercise lines -------------------------------------------------------------

  // Every name a plan line may use, built once and only when a name is unknown.
  const std::vector<std::string>& exercise_names() {
    if (exercise_names_.empty()) {
      exercise_names_ = rules_.catalogue.names();
      for (const auto& [own, index] : own_names_) exercise_names_.push_back(own);
    }
    return exercise_names_;
  }

  [[nodiscard]] bool json_plan() const { return file_.source->path.ends_with(".json"); }

  const model::Exercise* find_exercise(const ast::Value& name, std::uint32_t& id) {
    const auto key = normalize_name(name.text);
    if (const auto it = own_names_.find(key); it != own_names_.end()) {
      id = it->second;
      return &plan_.own_exercises[id - rules_.catalogue.size()];
    }
    if (auto index = rules_.catalogue.find(name.text)) {
      id = *index;
      return &rules_.catalogue.at(*index);
    }
    std::vector<std::string> help;
    if (diagnostics_.full()) return nullptr;
    if (auto hint = did_you_mean(key, exercise_names()); !hint.empty()) help.push_back(hint);
    help.emplace_back(json_plan()
                          ? "or declare it in the plan's \"exercises\": [{\"name\": ..., \"muscles\": [...], "
                            "\"pattern\": ..., \"posture\": ...}]"
                          : "or declare it in the plan: exercise \"name\" { muscles ... pattern ... posture ... }");
    error(name.span, fmt::format("unknown exercise '{}'", shorten(name.text)), std::move(help));
    return nullptr;
  }

  std::optional<Line> resolve_line(const ast::Line& in, model::Block block) {
    Line out;
    out.exercise = find_exercise(in.name, out.exercise_id);
    if (out.exercise == nullptr) return std::nullopt;
    out.span = in.span;
    out.block = block;
    out.each_side = in.each_side;
    out.bodyweight = in.bodyweight;
    out.posture = out.exercise->posture;
    out.equipment = out.exercise->equipment;
    bool ok = dose(in, out) && overrides(in, out);
    out.band = !in.band.empty();
    out.loaded = plan::loaded(out);
    if (!ok) return std::nullopt;
    return out;
  }

  bool positive(const ast::Quantity& q, const char* what, double minimum, bool whole = false) {
    if (whole && (q.low != std::floor(q.low) || q.high != std::floor(q.high))) {
      error(q.span,
            fmt::format("{} must be a whole number, found {}", what, q.low != std::floor(q.low) ? q.low : q.high));
      return false;
    }
    if (q.low < minimum) {
      error(q.span, fmt::format("{} must be at least {}, found {}", what, minimum, q.low));
      return false;
    }
    if (q.high < q.low) {
      error(q.span, fmt::format("the range {}-{} runs backwards; write the smaller number first", q.low, q.high));
      return false;
    }
    return true;
  }

  bool dose(const ast::Line& in, Line& out) {
    bool ok = true;
    if (in.sets) {
      ok = positive(*in.sets, "sets", 1, true) && ok;
      out.sets = in.sets->low;
    }
    if (in.reps) ok = reps(*in.reps, out) && ok;
    for (const auto& amount : in.amounts) ok = bare_amount(amount, out) && ok;
    if (in.load) ok = load(*in.load, out) && ok;
    if (in.rpe) {
      out.rpe = in.rpe->low;
      if (in.rpe->low < 1 || in.rpe->low > 10) ok = (error(in.rpe->span, "RPE runs from 1 to 10"), false);
    }
    if (in.rir) {
      ok = positive(*in.rir, "repetitions in reserve", 0) && ok;
      out.rir = in.rir->low;
    }
    if (in.rest) out.rest_seconds = seconds(*in.rest);
    if (in.tempo) tempo(*in.tempo, out);
    return ok;
  }

  bool reps(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    if (scale && scale->kind == UnitKind::time) {
      if (!positive(q, "the time per set", 0) || !more_than_zero(q, "the time per set")) return false;
      out.hold_seconds = q.high * scale->factor;
      return true;
    }
    if (!positive(q, "repetitions", 1, true)) return false;
    if (scale) {
      error(q.span, fmt::format("expected repetitions or a time per set, found {}", unit_kind_name(scale->kind)));
      return false;
    }
    out.reps = q.low;
    out.reps_max = q.high;
    return true;
  }

  bool more_than_zero(const ast::Quantity& q, const char* what) {
    if (q.high > 0) return true;
    error(q.span, fmt::format("{} must be more than 0", what));
    return false;
  }

  bool bare_amount(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    const bool repeated = scale->kind == UnitKind::time      ? out.hold_seconds.has_value()
                          : scale->kind == UnitKind::percent ? out.percent.has_value()
                                                             : out.load_kg.has_value();
    if (repeated) {
      error(q.span, fmt::format("this line already gives {}; write it once", unit_kind_name(scale->kind)));
      return false;
    }
    const char* what = scale->kind == UnitKind::time      ? "the time"
                       : scale->kind == UnitKind::percent ? "the percentage"
                                                          : "the load";
    if (!positive(q, what, 0) || (scale->kind == UnitKind::time && !more_than_zero(q, what))) return false;
    if (scale->kind == UnitKind::time) {
      out.hold_seconds = q.high * scale->factor;
      if (!out.sets) out.sets = 1;
    } else if (scale->kind == UnitKind::percent) {
      out.percent = q.high;
    } else {
      out.load_kg = q.high * scale->factor;
    }
    return true;
  }

  bool load(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    if (out.load_kg || (scale && scale->kind == UnitKind::percent && out.percent)) {
      error(q.span, "this line already gives a load; write it once");
      return false;
    }
    if (!scale || scale->kind == UnitKind::time) {
      error(q.span, "expected a weight such as 8kg or 17.5 lb");
      return false;
    }
    if (!positive(q, "the load", 0)) return false;
    if (scale->kind == UnitKind::percent) {
      out.percent = q.high;
    } else {
      out.load_kg = q.high * scale->factor;
    }
    return true;
  }

  static void tempo(const ast::Value& t, Line& out) {
    out.has_tempo = true;
    const char first = t.text.front();
    if (first >= '0' && first <= '9') out.eccentric = first - '0';
  }

  bool overrides(const ast::Line& in, Line& out) {
    bool ok = true;
    if (in.posture) {
      if (auto p = names_.vocab(Category::posture, *in.posture)) {
        out.posture = *p;
      } else {
        ok = false;
      }
    }
    if (!in.equipment.empty()) {
      out.equipment.reset();
      for (const auto& e : in.equipment) {
        if (auto index = names_.vocab(Category::equipment, e)) {
          out.equipment |= rules_.vocab(Category::equipment).at(*index).closure;
        } else {
          ok = false;
        }
      }
    }
    return ok;
  }
};

}  // namespace

std::optional<Plan> resolve_plan(const ast::File& file, const model::RuleSet& rules, Diagnostics& diagnostics) {
  return Resolver(file, rules, diagnostics).run();
}

}  // namespace liftlint::plan
