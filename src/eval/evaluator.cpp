#include "eval/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "support/ascii.hpp"
#include "support/names.hpp"
#include "support/placeholders.hpp"

namespace liftlint::eval {
namespace {

using model::Attr;
using model::Expr;
using model::Scope;

// Kleene logic: a requirement on a value the plan does not give is not a violation.
enum class Truth { no, yes, unknown };

Truth negate(Truth t) { return t == Truth::yes ? Truth::no : t == Truth::no ? Truth::yes : Truth::unknown; }
Truth truth(bool b) { return b ? Truth::yes : Truth::no; }

constexpr std::array<const char*, 7> day_names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Mon, Mon pm, or Day 2 for a session whose weekday the plan does not give.
std::string day_name(const plan::Session& s) {
  if (!s.weekday_known) return s.label;
  const std::string day = day_names[static_cast<std::size_t>(s.weekday)];
  return s.part.empty() ? day : fmt::format("{} {}", day, s.part);
}

std::string plural(double n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

struct Context {
  const plan::Plan* plan = nullptr;
  int week = 1;
  const plan::WeekBlock* block = nullptr;
  const plan::Session* session = nullptr;
  const plan::Line* line = nullptr;
};

std::string fill(const std::string& text, const Vars& vars) { return fill_placeholders(text, vars); }

class Evaluator {
 public:
  Evaluator(const model::RuleSet& rules, const plan::Plan& plan, const Options& options)
      : rules_(rules), plan_(plan), options_(options) {}

  [[nodiscard]] bool holds(const Expr& e, const Context& c) const { return eval(e, c) == Truth::yes; }
  // Whether a client's condition may hold when the plan is not known: what it says about the plan's
  // sessions and exercises is unknown.
  [[nodiscard]] bool may_hold(const Expr& e, const Context& c) {
    plan_unknown_ = true;
    return eval(e, c) != Truth::no;
  }

  std::vector<Finding> run() {
    Context client{&plan_, 1, nullptr, nullptr, nullptr};
    for (const auto& rule : rules_.rules) {
      if (!runs(rule)) continue;
      if (!rule.when || eval(*rule.when, client) == Truth::yes) active_.push_back(&rule);
    }
    superseders();
    for (const auto* rule : active_) run_rule(*rule);
    return collect();
  }

 private:
  const model::RuleSet& rules_;
  const plan::Plan& plan_;
  const Options& options_;
  std::vector<const model::Rule*> active_;
  bool plan_unknown_ = false;
  std::vector<const model::Rule*> superseded_by_;  // by rule index: the active rule that makes it moot
  // By session: its exercises and the substitutes the first fixes of its lines bring in (first_fresh)
  mutable std::map<const plan::Session*, std::set<std::uint32_t>> proposed_;
  mutable std::map<std::tuple<const plan::Line*, std::uint32_t, double, int>, bool> flagged_substitutes_;

  void superseders() {
    superseded_by_.assign(rules_.rules.size(), nullptr);
    for (const auto* rule : active_) {
      for (const auto index : rule->supersedes) {
        if (superseded_by_[index] == nullptr) superseded_by_[index] = rule;
      }
    }
  }

  [[nodiscard]] bool runs(const model::Rule& rule) const { return eval::runs(rule, options_); }
  std::vector<Finding> findings_;
  int last_week_ = 0;
  mutable const plan::WeekBlock* days_block_ = nullptr;
  mutable unsigned days_used_ = 0;  // while a template week is checked once for all its weeks: the last of them
  std::map<std::tuple<const model::Rule*, const SourceFile*, std::uint32_t, std::uint32_t>, std::size_t> merged_;

  // --- attributes -----------------------------------------------------------------

  [[nodiscard]] std::optional<double> number(Attr a, const Context& c) const {
    const auto* l = c.line;
    const auto* s = c.session;
    switch (a) {
      case Attr::week_number:
      case Attr::session_week:
      case Attr::exercise_week: return c.week;
      case Attr::client_age: return c.plan->client.age;
      case Attr::client_gestational_week: return c.plan->client.gestational_week;
      case Attr::session_gestational_week:
      case Attr::exercise_gestational_week: {
        const auto at_start = c.plan->client.gestational_week;
        return at_start ? std::optional<double>(*at_start + c.week - c.plan->first_week) : std::nullopt;
      }
      case Attr::session_moderate_minutes: return moderate_seconds(*s);
      case Attr::session_duration: return s->duration_seconds;
      case Attr::session_warmup: return s->warmup_seconds;
      case Attr::session_exercises: return static_cast<double>(s->lines.size());
      case Attr::exercise_sets: return l->sets;
      case Attr::exercise_reps: return l->reps;
      case Attr::exercise_reps_max: return l->reps_max;
      case Attr::exercise_hold: return l->hold_seconds;
      case Attr::exercise_load: return l->load_kg;
      case Attr::exercise_rpe: return l->rpe;
      case Attr::exercise_rir: return l->rir;
      case Attr::exercise_percent: return l->percent;
      case Attr::exercise_eccentric: return l->eccentric;
      case Attr::exercise_rest: return l->rest_seconds;
      default: return std::nullopt;
    }
  }

  // Minutes of vigorous activity count double towards a target of moderate activity; light activity does
  // not count.
  [[nodiscard]] static std::optional<double> moderate_seconds(const plan::Session& s) {
    const auto time = s.active_seconds();
    if (!time || !s.intensity) return std::nullopt;
    return *time * (*s.intensity == 2 ? 2 : *s.intensity == 1 ? 1 : 0);
  }

  [[nodiscard]] std::optional<int> ordinal(Attr a, const Context& c) const {
    switch (a) {
      case Attr::client_experience:
        return c.plan->client.has_experience ? std::optional<int>(c.plan->client.experience) : std::nullopt;
      case Attr::session_day: return c.session->weekday;
      case Attr::session_intensity: return c.session->intensity;
      case Attr::exercise_day: return c.session->weekday;
      case Attr::exercise_spinal_load: return static_cast<int>(c.line->exercise->spinal_load);
      case Attr::exercise_impact: return static_cast<int>(c.line->exercise->impact);
      case Attr::exercise_block: return static_cast<int>(c.line->block);
      default: return std::nullopt;
    }
  }

  [[nodiscard]] bool boolean(Attr a, const Context& c) const {
    switch (a) {
      case Attr::client_cleared: return c.plan->client.cleared;
      case Attr::client_cleared_without_restrictions:
        return c.plan->client.cleared && c.plan->client.without_restrictions;
      case Attr::session_cooldown: return c.session->has_cooldown;
      case Attr::session_rest_day:
      case Attr::exercise_rest_day: return c.session->rest_day;
      case Attr::exercise_supported: return c.line->exercise->supported;
      case Attr::exercise_loaded: return c.line->loaded;
      case Attr::exercise_tempo: return c.line->has_tempo;
      case Attr::exercise_each_side: return c.line->each_side;
      case Attr::exercise_bodyweight: return c.line->bodyweight;
      case Attr::week_deload:
      case Attr::session_deload:
      case Attr::exercise_deload: return c.block != nullptr && c.block->deload;
      default: return false;
    }
  }

  [[nodiscard]] std::optional<model::Bits> bits(Attr a, const Context& c) const {
    using model::Category;
    const auto closure = [&](Category cat, std::uint16_t i) { return rules_.vocab(cat).at(i).closure; };
    switch (a) {
      case Attr::client_conditions: return c.plan->client.conditions;
      case Attr::session_kind:
      case Attr::exercise_kind: {
        auto kinds = closure(Category::session_kind, c.session->kind);
        if (c.session->content_kind) kinds |= closure(Category::session_kind, *c.session->content_kind);
        return kinds;
      }
      case Attr::exercise_muscles: return c.line->exercise->muscles;
      case Attr::exercise_muscle_groups: return groups_of(c.line->exercise->muscles);
      case Attr::exercise_pattern: return closure(Category::pattern, c.line->exercise->pattern);
      case Attr::exercise_posture: return closure(Category::posture, c.line->posture);
      case Attr::exercise_equipment: return c.line->equipment;
      case Attr::exercise_tags: return c.line->exercise->tags;
      default: break;
    }
    if (auto o = ordinal(a, c)) {
      model::Bits single;
      single.set(static_cast<std::size_t>(*o));
      return single;
    }
    return std::nullopt;
  }

  // The major groups (legs, back, ...) that any of these muscles belongs to; a muscle in no group, such as
  // the forearms, adds none.
  [[nodiscard]] model::Bits groups_of(const model::Bits& muscles) const {
    const auto& groups = rules_.vocab(model::Category::muscle_group);
    model::Bits out;
    for (std::uint16_t g = 0; g < groups.size(); ++g) {
      if ((groups.at(g).members & muscles).any()) out.set(g);
    }
    return out;
  }

  // What a session works for a rule that compares sessions by muscle: the muscles, or their groups, of
  // the lines the rule counts (by default those of the main block).
  [[nodiscard]] model::Bits worked(const model::Rule& rule, const Context& session) const {
    model::Bits muscles;
    each(Scope::exercise, session, [&](const Context& c) {
      if (c.line->unknown) return;
      const bool counts = rule.sharing_filter.kind == Expr::Kind::always ? c.line->block == model::Block::main
                                                                         : eval(rule.sharing_filter, c) == Truth::yes;
      if (counts) muscles |= c.line->exercise->muscles;
    });
    return rule.sharing_groups ? groups_of(muscles) : muscles & grouped_muscles();
  }

  // Muscles compared one by one are those of the major groups, when the pack declares groups: grip and
  // stabilisers worked in passing are no reason to rest.
  [[nodiscard]] model::Bits grouped_muscles() const {
    const auto& groups = rules_.vocab(model::Category::muscle_group);
    model::Bits out;
    for (std::uint16_t g = 0; g < groups.size(); ++g) out |= groups.at(g).members;
    return groups.size() == 0 ? model::Bits{}.set() : out;
  }

  // --- expressions ------------------------------------------------------------------

  // A line whose exercise or dose could not be read leaves what it would say unknown.
  [[nodiscard]] static bool unknown_here(Attr a, const Context& c) {
    if (c.line == nullptr) return c.session != nullptr && !c.session->weekday_known && a == Attr::session_day;
    if (a == Attr::exercise_day) return !c.session->weekday_known;
    if (a < Attr::exercise_name || a == Attr::exercise_block || a >= Attr::exercise_week) return false;
    if (c.line->unknown) return true;
    return c.line->dose_unknown && a >= Attr::exercise_loaded && a != Attr::exercise_tags;
  }

  Truth eval(const Expr& e, const Context& c) const {
    if (e.kind == Expr::Kind::exercise_in && c.line != nullptr && c.line->unknown) return Truth::unknown;
    if ((e.kind == Expr::Kind::compare_number || e.kind == Expr::Kind::compare_ordinal ||
         e.kind == Expr::Kind::test_bool || e.kind == Expr::Kind::member_any || e.kind == Expr::Kind::member_all) &&
        unknown_here(e.attr, c)) {
      return Truth::unknown;
    }
    switch (e.kind) {
      case Expr::Kind::always: return Truth::yes;
      case Expr::Kind::all_of: return all_of(e, c);
      case Expr::Kind::any_of: return negate(all_of_negated(e, c));
      case Expr::Kind::negate: return negate(eval(e.operands.front(), c));
      case Expr::Kind::compare_number: {
        const auto v = number(e.attr, c);
        return v ? truth(model::compare(*v, e.op, e.number)) : Truth::unknown;
      }
      case Expr::Kind::compare_ordinal: {
        const auto v = ordinal(e.attr, c);
        return v ? truth(model::compare(*v, e.op, e.ordinal)) : Truth::unknown;
      }
      case Expr::Kind::test_bool: return truth(boolean(e.attr, c));
      case Expr::Kind::member_any:
      case Expr::Kind::member_all: return member(e, c);
      case Expr::Kind::exercise_in:
        return truth(std::binary_search(e.exercises.begin(), e.exercises.end(), c.line->exercise_id));
      case Expr::Kind::aggregate: return aggregate(e, c);
      default: return quantified(e, c);
    }
  }

  Truth all_of(const Expr& e, const Context& c) const {
    Truth result = Truth::yes;
    for (const auto& operand : e.operands) {
      const Truth t = eval(operand, c);
      if (t == Truth::no) return Truth::no;
      if (t == Truth::unknown) result = Truth::unknown;
    }
    return result;
  }

  Truth all_of_negated(const Expr& e, const Context& c) const {
    Truth result = Truth::yes;
    for (const auto& operand : e.operands) {
      const Truth t = negate(eval(operand, c));
      if (t == Truth::no) return Truth::no;
      if (t == Truth::unknown) result = Truth::unknown;
    }
    return result;
  }

  Truth member(const Expr& e, const Context& c) const {
    const auto v = bits(e.attr, c);
    if (!v) return Truth::unknown;
    const auto common = *v & e.bits;
    return truth(e.kind == Expr::Kind::member_any ? common.any() : common == e.bits);
  }

  // Calls f(context) for every element of `inner` inside c.
  template <typename F>
  void each(Scope inner, const Context& c, F&& f) const {
    if (c.block == nullptr && c.session == nullptr) {
      each_week(c, [&](const Context& week) { each(inner, week, f); });
      return;
    }
    if (inner == Scope::session) {
      if (c.block == nullptr) return;
      for (const auto& s : c.block->sessions) f(Context{c.plan, c.week, c.block, &s, nullptr});
      return;
    }
    const auto lines_of = [&](const plan::Session& s) {
      for (const auto& l : s.lines) f(Context{c.plan, c.week, c.block, &s, &l});
    };
    if (c.session != nullptr) {
      lines_of(*c.session);
    } else if (c.block != nullptr) {
      for (const auto& s : c.block->sessions) lines_of(s);
    }
  }

  // The weeks of the plan, a template week once.
  template <typename F>
  void each_week(const Context& c, F&& f) const {
    if (c.plan == nullptr) return;
    const plan::WeekBlock* last = nullptr;
    for (int w = c.plan->first_week; w <= c.plan->weeks; ++w) {
      const auto* block = c.plan->week(w);
      if (block == nullptr || block == last) continue;
      last = block;
      f(Context{c.plan, w, block, nullptr, nullptr});
    }
  }

  // How the elements inside c fared against a quantifier's where clause.
  struct Tally {
    std::size_t yes = 0, unknown = 0, total = 0;
    model::Bits distinct;  // for count_distinct: the attribute's values over the matching elements
    [[nodiscard]] double counted(const Expr& e) const {
      return static_cast<double>(e.kind == Expr::Kind::count_distinct ? distinct.count() : yes);
    }
  };

  Tally tally(const Expr& e, const Context& c) const {
    Tally t;
    each(e.inner, c, [&](const Context& inner) {
      const Truth result = eval(e.operands.front(), inner);
      ++t.total;
      if (result == Truth::unknown) ++t.unknown;
      if (result != Truth::yes) return;
      ++t.yes;
      if (e.kind == Expr::Kind::count_distinct) t.distinct |= bits(e.attr, inner).value_or(model::Bits{});
    });
    return t;
  }

  // The sum, least, greatest or mean of a number over the elements the where clause keeps; nullopt
  // when an element's value, or whether it counts, is unknown (`unknown` says how many), or for the least,
  // greatest or mean of nothing.
  struct Total {
    double value = 0;
    std::size_t known = 0, unknown = 0;
  };

  Total total(const Expr& e, const Context& c) const {
    Total t;
    double low = 0, high = 0;
    each(e.inner, c, [&](const Context& inner) {
      const Truth counts = eval(e.operands.front(), inner);
      if (counts == Truth::no) return;
      const auto v = unknown_here(e.attr, inner) ? std::nullopt : number(e.attr, inner);
      if (counts == Truth::unknown || !v) {
        ++t.unknown;
        return;
      }
      low = t.known == 0 ? *v : std::min(low, *v);
      high = t.known == 0 ? *v : std::max(high, *v);
      t.value += *v;
      ++t.known;
    });
    using A = Expr::Aggregate;
    if (e.aggregate == A::min) t.value = low;
    if (e.aggregate == A::max) t.value = high;
    if (e.aggregate == A::average && t.known > 0) t.value /= static_cast<double>(t.known);
    return t;
  }

  // With unknown elements, the known part bounds the whole: a sum (of numbers that are never negative) and
  // a greatest value can only grow, a least value only shrink. A verdict the unknown part cannot change
  // stands.
  Truth aggregate(const Expr& e, const Context& c) const {
    using A = Expr::Aggregate;
    const Total t = total(e, c);
    if (e.aggregate != A::sum && t.known == 0) return Truth::unknown;
    const bool holds = e.bound.holds(t.value);
    if (t.unknown == 0) return truth(holds);
    if (e.aggregate == A::average || e.bound.is_range) return Truth::unknown;
    const auto op = e.bound.op;
    const bool lower_bound = op == model::CmpOp::ge || op == model::CmpOp::gt;
    const bool upper_bound = op == model::CmpOp::le || op == model::CmpOp::lt;
    const bool grows = e.aggregate != A::min;
    if (grows && holds && lower_bound) return Truth::yes;
    if (grows && !holds && upper_bound) return Truth::no;
    if (!grows && holds && upper_bound) return Truth::yes;
    if (!grows && !holds && lower_bound) return Truth::no;
    return Truth::unknown;
  }

  Truth quantified(const Expr& e, const Context& c) const {
    if (plan_unknown_ && c.block == nullptr && c.session == nullptr) return Truth::unknown;
    const Tally t = tally(e, c);
    switch (e.kind) {
      case Expr::Kind::some: return t.yes > 0 ? Truth::yes : t.unknown > 0 ? Truth::unknown : Truth::no;
      case Expr::Kind::none: return t.yes > 0 ? Truth::no : t.unknown > 0 ? Truth::unknown : Truth::yes;
      case Expr::Kind::every:
        return t.yes == t.total ? Truth::yes : t.yes + t.unknown == t.total ? Truth::unknown : Truth::no;
      default: {
        // Elements whose match is unknown could count or not; only a verdict both ways agree on is known.
        const bool low = e.bound.holds(t.counted(e));
        if (e.kind == Expr::Kind::count_distinct || t.unknown == 0) return truth(low);
        const bool high = e.bound.holds(static_cast<double>(t.yes + t.unknown));
        return low == high ? truth(low) : Truth::unknown;
      }
    }
  }

  // --- rule forms -------------------------------------------------------------------

  void run_rule(const model::Rule& rule) {
    switch (rule.form) {
      case model::Form::every: every(rule); return;
      case model::Form::rest: rest(rule); return;
      case model::Form::progression:
        rule.metric == model::Metric::load ? load_progression(rule) : volume_progression(rule);
        return;
    }
  }

  void every(const model::Rule& rule) {
    if (rule.scope == Scope::client) {
      check(rule, Context{&plan_, 1, nullptr, nullptr, nullptr});
      return;
    }
    // A template week gives the same findings in each of its weeks unless the rule asks which week it
    // is, so it is checked once and its findings list all its weeks: time grows with the plan's text,
    // not with the number of weeks it repeats for.
    const bool by_week = uses_week(rule.filter) || uses_week(rule.predicate);
    for (int w = plan_.first_week; w <= plan_.weeks; w = last_week_ + 1) {
      const auto* block = plan_.week(w);
      last_week_ = w;
      while (!by_week && last_week_ < plan_.weeks && plan_.week(last_week_ + 1) == block) ++last_week_;
      const Context week{&plan_, w, block, nullptr, nullptr};
      if (rule.scope == Scope::week) {
        check(rule, week);
      } else {
        each(rule.scope, week, [&](const Context& c) { check(rule, c); });
      }
    }
    last_week_ = 0;
  }

  static bool uses_week(const Expr& e) {
    switch (e.attr) {
      case Attr::week_number:
      case Attr::session_week:
      case Attr::exercise_week:
      case Attr::session_gestational_week:
      case Attr::exercise_gestational_week: return true;
      default: break;
    }
    return std::any_of(e.operands.begin(), e.operands.end(), [](const Expr& o) { return uses_week(o); });
  }

  void check(const model::Rule& rule, const Context& c) {
    if (eval(rule.filter, c) != Truth::yes || eval(rule.predicate, c) != Truth::no) return;
    Vars vars = variables(rule, c);
    Finding f = finding(rule, where(rule.scope, c), vars, c.week);
    if (rule.forbids && rule.scope == Scope::exercise) suggestions(rule, c, f);
    add(std::move(f));
  }

  Span where(Scope scope, const Context& c) const {
    switch (scope) {
      case Scope::exercise: return c.line->span;
      case Scope::session: return c.session->span;
      case Scope::week: return c.block != nullptr ? c.block->span : plan_.span;
      case Scope::client: return plan_.client.span.valid() ? plan_.client.span : plan_.span;
    }
    return plan_.span;
  }

  Vars variables(const model::Rule& rule, const Context& c) const {
    Vars vars{{"week", std::to_string(c.week)}};
    if (c.session != nullptr) {
      vars.emplace_back("day", day_name(*c.session));
      vars.emplace_back("kind", id_as_words(rules_.vocab(model::Category::session_kind).at(c.session->kind).id));
    }
    if (c.line != nullptr) vars.emplace_back("exercise", c.line->exercise->name);
    const auto k = rule.predicate.kind;
    if (k == Expr::Kind::count || k == Expr::Kind::count_distinct) {
      vars.emplace_back("count", fmt::format("{}", tally(rule.predicate, c).counted(rule.predicate)));
      vars.emplace_back("bound", rule.predicate.bound.describe());
    }
    if (k == Expr::Kind::aggregate) {
      const auto dim = model::attribute_info(rule.predicate.attr).dim;
      vars.emplace_back("value", model::quantity_text(total(rule.predicate, c).value, dim));
      vars.emplace_back("bound", rule.predicate.bound.describe(dim));
    }
    return vars;
  }

  Finding finding(const model::Rule& rule, const Span& span, const Vars& vars, int week) const {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.message = fill(rule.message, vars);
    f.span = span;
    f.superseded_by = superseded_by_[static_cast<std::size_t>(&rule - rules_.rules.data())];
    if (!rule.help.empty()) f.help.push_back(fill(rule.help, vars));
    if (plan_.weeks > plan_.first_week && rule.scope != Scope::client) {
      for (int w = week; w <= std::max(week, last_week_); ++w) f.weeks.push_back(w);
    }
    return f;
  }

  // A substitute in the forbidden line's place: its own posture and equipment, the line's dose, or when a
  // dose is given, that many repetitions and a lighter load (no weight, percentage or RPE to judge).
  [[nodiscard]] plan::Line substitute(const plan::Line& line, std::uint32_t id,
                                      std::optional<double> reps = std::nullopt) const {
    plan::Line out = line;
    out.exercise = &rules_.catalogue.at(id);
    out.exercise_id = id;
    out.posture = out.exercise->posture;
    out.equipment = out.exercise->equipment;
    if (reps) {
      out.reps = out.reps_max = reps;
      out.load_kg = out.percent = out.rpe = out.rir = std::nullopt;
    }
    out.loaded = plan::loaded(out);
    return out;
  }

  [[nodiscard]] bool flagged(const plan::Line& candidate, const Context& c) const {
    Context trial = c;
    trial.line = &candidate;
    return std::any_of(active_.begin(), active_.end(), [&](const model::Rule* other) {
      return other->form == model::Form::every && other->scope == Scope::exercise &&
             eval(other->filter, trial) == Truth::yes && eval(other->predicate, trial) == Truth::no;
    });
  }

  // Whether an active rule flags the substitute in the line's place, asked once per line, substitute, dose
  // and week: rules that flag the same line offer the same substitutes, and each answer asks every active
  // exercise rule, so without the memo the cost of a plan would grow with the square of its rules.
  [[nodiscard]] bool substitute_flagged(const plan::Line& line, std::uint32_t id, std::optional<double> reps,
                                        const Context& c) const {
    const auto key = std::make_tuple(&line, id, reps.value_or(-1.0), c.week);
    const auto known = flagged_substitutes_.find(key);
    if (known != flagged_substitutes_.end()) return known->second;
    const bool answer = flagged(substitute(line, id, reps), c);
    flagged_substitutes_.emplace(key, answer);
    return answer;
  }

  // A dose a substitute passes with: the line's own (text empty), body weight, or a number of
  // repetitions with a lighter load.
  struct PassingDose {
    std::string text;  // "", "body weight" or "3 x 10, lighter"
    std::optional<double> reps;
    bool unloaded = false;
  };

  // How the substitute may be done so that no active rule flags it; nothing when no dose will do.
  [[nodiscard]] std::optional<PassingDose> passing_dose(const plan::Line& line, std::uint32_t id,
                                                        const Context& c) const {
    if (!substitute_flagged(line, id, std::nullopt, c)) return PassingDose{};
    // A substitute's dose is a controlled one: at least 8 repetitions, more when the rules ask for more.
    const double fewest = std::max(line.reps.value_or(10.0), 8.0);
    for (const double reps : {fewest, 10.0, 12.0, 15.0}) {
      if (reps < fewest) continue;
      if (substitute_flagged(line, id, reps, c)) continue;
      const auto candidate = substitute(line, id, reps);
      // An unloaded substitute may be a hold (a side plank), whose dose is no count of repetitions.
      if (!candidate.loaded) return PassingDose{"body weight", reps, true};
      const auto sets = line.sets ? fmt::format("{} \u00d7 ", *line.sets) : std::string{};
      return PassingDose{fmt::format("{}{}, lighter", sets, reps), reps, false};
    }
    return std::nullopt;
  }

  // The substitutes a rule names for this exercise, or else those it names for any.
  [[nodiscard]] std::vector<std::uint32_t> named_substitutes(const model::Rule& rule, std::uint32_t exercise) const {
    std::vector<std::uint32_t> own, any;
    for (std::size_t i = 0; i < rule.suggest.size(); ++i) {
      const auto target = i < rule.suggest_for.size() ? rule.suggest_for[i] : model::Rule::any_exercise;
      if (target == exercise) own.push_back(rule.suggest[i]);
      if (target == model::Rule::any_exercise) any.push_back(rule.suggest[i]);
    }
    return own.empty() ? any : own;
  }

  // Offers the substitutes no active exercise rule would flag in the same place, with a dose that passes
  // when the line's own would not: a substitute is most needed where the dose is heaviest.
  void suggestions(const model::Rule& rule, const Context& c, Finding& f) const {
    struct Offer {
      std::uint32_t id;
      const model::Exercise* exercise;
      PassingDose dose;
    };
    std::vector<Offer> fine;
    for (const auto id : named_substitutes(rule, c.line->exercise_id)) {
      if (auto dose = passing_dose(*c.line, id, c)) fine.push_back(Offer{id, &rules_.catalogue.at(id), *dose});
    }
    // Substitutes with the same movement pattern come first; the rest only when none does.
    const auto pattern = c.line->exercise->pattern;
    const auto other_pattern = [&](const Offer& x) { return x.exercise->pattern != pattern; };
    if (!std::all_of(fine.begin(), fine.end(), other_pattern)) {
      fine.erase(std::remove_if(fine.begin(), fine.end(), other_pattern), fine.end());
    }
    if (fine.empty()) return;
    std::vector<std::string> offers;
    std::vector<std::pair<std::uint32_t, SpanFix>> fixes;
    for (const auto& [id, exercise, dose] : fine) {
      offers.push_back(dose.text.empty() ? exercise->name : fmt::format("{} ({})", exercise->name, dose.text));
      if (rule.fix_substitutes && c.line->written.plain && same_purpose(*c.line->exercise, *exercise) &&
          held(*c.line->exercise) == held(*exercise)) {
        if (auto fix = substitution(*c.line, *exercise, dose)) fixes.emplace_back(id, std::move(*fix));
      }
    }
    f.help.push_back(fmt::format("try {} instead", spoken_list(offers, "or")));
    first_fresh(c, fixes);
    for (auto& fix : fixes) f.fixes.push_back(std::move(fix.second));
  }

  // The fix applied first brings in an exercise the session does not have yet, nor is given by the first
  // fix of an earlier line: two crunches become a dead bug and a bird-dog, not two dead bugs.
  void first_fresh(const Context& c, std::vector<std::pair<std::uint32_t, SpanFix>>& fixes) const {
    if (fixes.empty() || c.session == nullptr) return;
    // the session's own exercises, gathered once, then the substitutes its earlier lines' fixes bring in
    auto [at, first_time] = proposed_.try_emplace(c.session);
    auto& taken = at->second;
    if (first_time) {
      for (const auto& l : c.session->lines) taken.insert(l.exercise_id);
    }
    const auto fresh = [&](const auto& fix) { return taken.count(fix.first) == 0; };
    std::stable_partition(fixes.begin(), fixes.end(), fresh);
    taken.insert(fixes.front().first);
  }

  // An exercise whose dose is a time, not repetitions: a stretch, a plank, a hold, a hang. A fix never
  // turns `crunches 3x20` into twenty planks.
  [[nodiscard]] bool held(const model::Exercise& x) const {
    if (rules_.vocab(model::Category::pattern).at(x.pattern).id == "stretch") return true;
    for (const std::string_view word : {"plank", "hold", "hang", "wall sit", "l-sit"}) {
      if (x.name.find(word) != std::string::npos) return true;
    }
    return false;
  }

  // A fix keeps what the exercise trains: the same movement pattern, or trunk work for trunk work (a sit-up
  // becomes a dead bug, a Russian twist a Pallof press), never a carry become a press.
  [[nodiscard]] bool same_purpose(const model::Exercise& forbidden, const model::Exercise& substitute) const {
    if (forbidden.pattern == substitute.pattern) return true;
    static const std::array<std::string_view, 5> trunk{"anti_extension", "anti_rotation", "anti_lateral_flexion",
                                                       "rotation", "spinal_flexion"};
    const auto& patterns = rules_.vocab(model::Category::pattern);
    const auto is_trunk = [&](std::uint16_t p) {
      return std::find(trunk.begin(), trunk.end(), patterns.at(p).id) != trunk.end();
    };
    return is_trunk(forbidden.pattern) && is_trunk(substitute.pattern);
  }

  // The substitute written in the line's place: its name, and the dose it passes with, with no weight,
  // percentage, RPE or RIR (a barbell's load means nothing on a dumbbell). Nothing when the line's text does
  // not show where the name or the dose to change is written.
  [[nodiscard]] static std::optional<SpanFix> substitution(const plan::Line& line, const model::Exercise& exercise,
                                                           const PassingDose& dose) {
    const auto& written = line.written;
    SpanFix fix{
        fmt::format("replace '{}' with '{}'", line.exercise->name, exercise.name), FixApplicability::unsafe, {}};
    const bool loaded =
        std::any_of(written.intensity.begin(), written.intensity.end(), [](const Span& s) { return s.valid(); });
    if (!dose.text.empty()) {
      fix.title += fmt::format(" ({})", dose.text);
    } else if (loaded) {
      fix.title += " (the same sets and repetitions; choose its load)";
    }
    const auto add = [&](std::optional<SpanEdit> edit) {
      if (edit) fix.edits.push_back(std::move(*edit));
      return edit.has_value();
    };
    if (!add(rename_at(written.name, exercise.name))) return std::nullopt;
    if (dose.reps && line.reps != dose.reps) {
      if (!written.reps.valid()) return std::nullopt;
      fix.edits.push_back(SpanEdit{written.reps, fmt::format("{}", *dose.reps)});
    }
    for (const auto& at : written.intensity) {
      if (at.valid() && !add(removal_of(at))) return std::nullopt;
    }
    return fix;
  }

  // --- rest between sessions ----------------------------------------------------------

  struct Visit {
    int day = 0;
    int week = 0;
    const plan::Session* session = nullptr;
    int pass = 0;
  };

  void rest(const model::Rule& rule) {
    for (int w = plan_.first_week; w <= plan_.weeks; w = last_week_ + 1) {
      const auto* block = plan_.week(w);
      last_week_ = w;
      while (!uses_week(rule.filter) && last_week_ < plan_.weeks && plan_.week(last_week_ + 1) == block) ++last_week_;
      if (block != nullptr && !block->weekdays_known()) crowded_week(rule, w, *block);
    }
    last_week_ = 0;
    std::optional<Visit> last;
    std::vector<std::pair<Visit, model::Bits>> worked_before;  // for `sharing muscles`, in calendar order
    const int passes = plan_.cyclic ? 2 : 1;
    for (int pass = 0; pass < passes; ++pass) {
      for (int w = plan_.first_week; w <= plan_.weeks; ++w) {
        const auto* block = plan_.week(w);
        if (block == nullptr) continue;
        last_week_ = repeats_through(rule, w);
        for (const auto& s : block->sessions) {
          if (!s.weekday_known) continue;  // only what is certain: see crowded_week
          const Context c{&plan_, w, block, &s, nullptr};
          if (eval(rule.filter, c) != Truth::yes) continue;
          const Visit now{(pass * (plan_.weeks - plan_.first_week + 1) + w - plan_.first_week) * 7 + s.weekday, w, &s,
                          pass};
          const auto work = rule.sharing_muscles ? worked(rule, c) : model::Bits{};
          const auto previous = rule.sharing_muscles ? latest_sharing(rule, worked_before, work, now) : last;
          if (previous && (pass == 0 || previous->pass == 0)) rest_gap(rule, *previous, now, c);
          last = now;
          if (rule.sharing_muscles && work.any()) worked_before.emplace_back(now, work);
        }
        if (last_week_ > w) skip_to(last_week_, w, last, worked_before);
        w = std::max(w, last_week_);
      }
    }
    last_week_ = 0;
  }

  // From the second week of a template on, each week of it has the gaps the one before had, as long as no
  // gap the rule asks for reaches past the week before. Such a week stands for the rest of the template:
  // the last week it stands for, or 0.
  [[nodiscard]] int repeats_through(const model::Rule& rule, int w) const {
    const bool within_a_week = rule.rest_in_days ? rule.rest_minimum < 7 : rule.rest_minimum < 7 * 24;
    const auto* block = plan_.week(w);
    if (!within_a_week || plan_.cyclic || w == plan_.first_week || plan_.week(w - 1) != block ||
        uses_week(rule.filter)) {
      return 0;
    }
    int through = w;
    while (through < plan_.weeks && plan_.week(through + 1) == block) ++through;
    return through;
  }

  // The visits of week `from` moved to week `to`, as if the weeks between had been walked.
  static void skip_to(int to, int from, std::optional<Visit>& last,
                      std::vector<std::pair<Visit, model::Bits>>& worked_before) {
    const auto move = [&](Visit& v) {
      if (v.week != from) return;
      v.day += (to - from) * 7;
      v.week = to;
    };
    if (last) move(*last);
    for (auto it = worked_before.rbegin(); it != worked_before.rend() && it->first.week == from; ++it) move(it->first);
  }

  // Sessions without weekdays (Day 1, Day 2) can be placed on any day, so only a week with more of them
  // than rest days allow is certain to break the rule.
  void crowded_week(const model::Rule& rule, int w, const plan::WeekBlock& block) {
    if (rule.sharing_muscles || !rule.rest_in_days) return;
    std::vector<const plan::Session*> matching;
    for (const auto& s : block.sessions) {
      if (eval(rule.filter, Context{&plan_, w, &block, &s, nullptr}) == Truth::yes) matching.push_back(&s);
    }
    const int spacing = static_cast<int>(std::ceil(rule.rest_minimum)) + 1;
    const int room = plan_.cyclic ? 7 / spacing : (7 + spacing - 1) / spacing;
    if (static_cast<int>(matching.size()) <= room) return;
    const Context c{&plan_, w, &block, matching[static_cast<std::size_t>(room)], nullptr};
    Vars vars = variables(rule, c);
    Finding f = finding(rule, matching[static_cast<std::size_t>(room)]->span, vars, w);
    std::string labels;
    for (const auto* s : matching) {
      labels += labels.empty() ? "" : ", ";
      labels += day_name(*s);
    }
    f.message = fmt::format("week {} has {} of these sessions ({}); in 7 days they cannot all have {} between them", w,
                            matching.size(), labels, plural(rule.rest_minimum, "rest day", "rest days"));
    f.notes.push_back(Note{"the plan gives no weekdays, so only what no order of the days can avoid is reported", {}});
    f.help.clear();
    f.help.push_back(fmt::format("plan at most {} of these sessions a week, or give them weekdays", room));
    add(std::move(f));
  }

  // The latest earlier session that worked a muscle this one works. Only sessions close enough to break the
  // rule are looked at, so the search is short however long the plan.
  static std::optional<Visit> latest_sharing(const model::Rule& rule,
                                             const std::vector<std::pair<Visit, model::Bits>>& before,
                                             const model::Bits& work, const Visit& now) {
    const auto close = [&](const Visit& v) {
      const int gap = now.day - v.day;
      return rule.rest_in_days ? gap - 1 < rule.rest_minimum : gap * 24 < rule.rest_minimum;
    };
    for (auto it = before.rbegin(); it != before.rend() && close(it->first); ++it) {
      if ((it->second & work).any()) return it->first;
    }
    return std::nullopt;
  }

  void rest_gap(const model::Rule& rule, const Visit& previous, const Visit& now, const Context& c) {
    const int gap = now.day - previous.day;
    const bool too_close = rule.rest_in_days ? gap - 1 < rule.rest_minimum : gap * 24 < rule.rest_minimum;
    if (!too_close) return;
    const int needed = rule.rest_in_days ? static_cast<int>(std::ceil(rule.rest_minimum)) + 1
                                         : static_cast<int>(std::ceil(rule.rest_minimum / 24));
    Vars vars = variables(rule, c);
    vars.emplace_back("previous_day", day_name(*previous.session));
    vars.emplace_back("previous_week", std::to_string(previous.week));
    vars.emplace_back("gap", plural(gap, "day", "days"));
    if (rule.sharing_muscles) vars.emplace_back("shared", shared_names(rule, previous, c));
    vars.emplace_back("required", rule.rest_in_days ? plural(rule.rest_minimum, "rest day", "rest days")
                                                    : fmt::format("{}h between session starts", rule.rest_minimum));
    Finding f = finding(rule, now.session->span, vars, now.week);
    f.notes.push_back(
        Note{fmt::format("the previous {} session is at {}", fill("{kind}", vars), previous.session->span.location()),
             previous.session->span});
    if (rule.help.empty()) f.help.push_back(move_advice(rule, previous, needed, c));
    add(std::move(f));
  }

  // The muscles (or groups) both sessions work, by their labels: "legs and hips and glutes".
  std::string shared_names(const model::Rule& rule, const Visit& previous, const Context& c) const {
    const Context before{&plan_, previous.week, plan_.week(previous.week), previous.session, nullptr};
    // Muscles are named by their groups where the pack declares groups: "the legs" reads better than a list
    // of every muscle of the thighs.
    auto both = worked(rule, before) & worked(rule, c);
    const bool grouped = rule.sharing_groups || rules_.vocab(model::Category::muscle_group).size() > 0;
    if (!rule.sharing_groups && grouped) both = groups_of(both);
    const auto& names = rules_.vocab(grouped ? model::Category::muscle_group : model::Category::muscle);
    std::vector<std::string> labels;
    for (std::uint16_t i = 0; i < names.size(); ++i) {
      if (both.test(i)) labels.push_back(fmt::format("the {}", lowercase_label(names.at(i))));
    }
    return spoken_list(labels, "and");
  }

  static std::string lowercase_label(const model::VocabEntry& e) {
    std::string label = e.label.empty() ? id_as_words(e.id) : e.label;
    if (!label.empty()) label[0] = static_cast<char>(ascii::lower(static_cast<unsigned char>(label[0])));
    return label;
  }

  // The weekdays a block has sessions on, one bit each; kept for the last block asked about, so that
  // advice for every session of a crowded week costs no more than the week.
  unsigned weekdays_used(const plan::WeekBlock& block) const {
    if (days_block_ != &block) {
      days_block_ = &block;
      days_used_ = 0;
      for (const auto& s : block.sessions) {
        if (s.weekday >= 0 && s.weekday < 7) days_used_ |= 1U << static_cast<unsigned>(s.weekday);
      }
    }
    return days_used_;
  }

  std::string move_advice(const model::Rule& rule, const Visit& previous, int needed, const Context& c) const {
    const int target = previous.session->weekday + needed;
    const bool same_week = previous.week == c.week && previous.pass == 0;
    const bool free = same_week && target <= 6 && previous.session->part.empty() &&
                      (weekdays_used(*c.block) & (1U << static_cast<unsigned>(target))) == 0;
    if (free) return fmt::format("move this session to {}", day_names[static_cast<std::size_t>(target)]);
    if (rule.rest_in_days) {
      return fmt::format("leave at least {} between these sessions",
                         plural(rule.rest_minimum, "rest day", "rest days"));
    }
    return fmt::format("leave at least {}h between the starts of these sessions", rule.rest_minimum);
  }

  // --- progression --------------------------------------------------------------------

  struct Peak {
    double load = 0;
    const plan::Line* line = nullptr;
    int week = 0;        // the week it was first lifted
    int held_since = 0;  // the first week of the current run at this load; 0 after a lighter week
  };

  std::unordered_map<std::uint32_t, Peak> peaks(const plan::WeekBlock& block) const {
    std::unordered_map<std::uint32_t, Peak> out;
    for (const auto& s : block.sessions) {
      for (const auto& l : s.lines) {
        if (!l.load_kg || l.unknown) continue;
        auto& p = out[l.exercise_id];
        if (p.line == nullptr || *l.load_kg > p.load) p = Peak{*l.load_kg, &l};
      }
    }
    return out;
  }

  // The highest load so far, and the first week of the unbroken run of weeks it has been lifted in: a
  // lighter week (a deload) ends the run, so the first week back at that load starts a new one.
  static void hold(Peak& best, const Peak& now, int w) {
    if (best.line == nullptr || now.load > best.load + 1e-9) {
      best = Peak{now.load, now.line, w, w};
    } else if (now.load < best.load - 1e-9) {
      best.held_since = 0;
    } else if (best.held_since == 0) {
      best.held_since = w;
    }
  }

  // Each week's load is compared with the highest load already lifted in any earlier week, so returning
  // to the loads of the weeks before a deload is not a jump.
  void load_progression(const model::Rule& rule) {
    std::unordered_map<std::uint32_t, Peak> lifted;
    const plan::WeekBlock* last = nullptr;
    for (int w = plan_.first_week; w <= plan_.weeks; ++w) {
      const auto* now = plan_.week(w);
      // The later weeks of a template lift what its first week lifted, which changes nothing.
      if (now == nullptr || now == last) continue;
      const auto current = peaks(*now);
      if (last != nullptr && now != last) load_jumps(rule, w, current, lifted);
      for (const auto& [id, peak] : current) hold(lifted[id], peak, w);
      last = now;
    }
  }

  void load_jumps(const model::Rule& rule, int w, const std::unordered_map<std::uint32_t, Peak>& current,
                  const std::unordered_map<std::uint32_t, Peak>& previous) {
    {
      for (const auto& [id, peak] : current) {
        const auto it = previous.find(id);
        if (it == previous.end() || it->second.load <= 0) continue;
        const auto& before = it->second;
        // The smallest step the equipment allows is never too much: a lighter dumbbell does not exist. A
        // load held for weeks rises at the rate of the whole period since it was first lifted.
        if (peak.load - before.load <= smallest_step(*peak.line) + 1e-9) continue;
        const int held = before.held_since == 0 ? 1 : std::max(1, w - before.held_since);
        const double increase = (peak.load - before.load) / before.load * 100;
        const double per_week = increase / held;
        if (per_week > rule.max_increase_percent + 1e-9) {
          progression_finding(rule, peak.line->span, w, increase, peak.line->exercise->name, before.week);
        }
      }
    }
  }

  // The smallest step of the line's equipment; when the line may use several (a goblet squat with a
  // dumbbell or a kettlebell), the smallest of them. None when the pack declares no steps.
  [[nodiscard]] double smallest_step(const plan::Line& line) const {
    const auto& equipment = rules_.vocab(model::Category::equipment);
    double step = 0;
    for (std::uint16_t i = 0; i < equipment.size(); ++i) {
      const double s = equipment.at(i).step_kg;
      if (line.equipment.test(i) && s > 0 && (step == 0 || s < step)) step = s;
    }
    // A gym in pounds steps by 5 lb (2.27 kg) where one in kilograms steps by 2 kg.
    constexpr double pound = 0.45359237;
    if (line.pounds && step > 0) step = std::max(5.0, std::round(step / pound / 5) * 5) * pound;
    return step;
  }

  double volume(const plan::WeekBlock& block) const {
    double total = 0;
    for (const auto& s : block.sessions) {
      for (const auto& l : s.lines) {
        if (l.block == model::Block::main && l.sets && l.reps_max) total += *l.sets * *l.reps_max;
      }
    }
    return total;
  }

  // Like loads, a week's volume is compared with the highest weekly volume before it: coming back from a
  // deload week is not an increase.
  void volume_progression(const model::Rule& rule) {
    double highest = 0;
    int highest_week = 0;
    const plan::WeekBlock* last = nullptr;
    for (int w = plan_.first_week; w <= plan_.weeks; ++w) {
      const auto* now = plan_.week(w);
      if (now == nullptr || now == last) continue;  // as for loads
      const double current = volume(*now);
      if (last != nullptr && now != last && highest > 0) {
        const double increase = (current - highest) / highest * 100;
        if (increase > rule.max_increase_percent + 1e-9) {
          progression_finding(rule, now->span, w, increase, "weekly volume", highest_week);
        }
      }
      if (current > highest) highest = current, highest_week = w;
      last = now;
    }
  }

  void progression_finding(const model::Rule& rule, const Span& span, int week, double increase,
                           const std::string& what, int previous_week) {
    Vars vars{{"week", std::to_string(week)},
              {"previous_week", std::to_string(previous_week)},
              {"exercise", what},
              {"increase", fmt::format("{:.0f}%", increase)},
              {"limit", fmt::format("{}%", rule.max_increase_percent)},
              {"metric", rule.metric == model::Metric::load ? "load" : "volume"}};
    add(finding(rule, span, vars, week));
  }

  // --- collection ----------------------------------------------------------------------

  // A template week repeats its findings; report each place once and list the weeks.
  void add(Finding f) {
    const auto key = std::make_tuple(f.rule, f.span.file, f.span.line, f.span.column);
    const auto it = merged_.find(key);
    if (it == merged_.end()) {
      merged_.emplace(key, findings_.size());
      findings_.push_back(std::move(f));
      return;
    }
    auto& weeks = findings_[it->second].weeks;
    weeks.insert(weeks.end(), f.weeks.begin(), f.weeks.end());  // made unique once, in collect()
  }

  std::vector<Finding> collect() {
    for (auto& f : findings_) {
      std::sort(f.weeks.begin(), f.weeks.end());
      f.weeks.erase(std::unique(f.weeks.begin(), f.weeks.end()), f.weeks.end());
      if (f.weeks.size() > 1) f.notes.push_back(Note{fmt::format("this happens in weeks {}", week_list(f.weeks)), {}});
    }
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      const auto& pa = a.span.file ? a.span.file->path : std::string{};
      const auto& pb = b.span.file ? b.span.file->path : std::string{};
      return std::tie(pa, a.span.line, a.span.column, a.rule->id) <
             std::tie(pb, b.span.line, b.span.column, b.rule->id);
    });
    return std::move(findings_);
  }

  static std::string week_list(std::vector<int> weeks) {
    std::sort(weeks.begin(), weeks.end());
    std::string out;
    for (std::size_t i = 0; i < weeks.size();) {
      std::size_t j = i;
      while (j + 1 < weeks.size() && weeks[j + 1] == weeks[j] + 1) ++j;
      if (!out.empty()) out += ", ";
      out += j > i ? fmt::format("{}-{}", weeks[i], weeks[j]) : std::to_string(weeks[i]);
      i = j + 1;
    }
    return out;
  }
};

}  // namespace

bool runs(const model::Rule& rule, const Options& options) {
  return rule.status == model::Status::reviewed || (rule.status == model::Status::draft && options.drafts);
}

bool holds_for_client(const model::RuleSet& rules, const model::Expr& when, const plan::Client& client) {
  plan::Plan plan;
  plan.client = client;
  const Options options;
  return Evaluator(rules, plan, options).may_hold(when, Context{&plan, 1, nullptr, nullptr, nullptr});
}

bool holds_for_exercise(const model::RuleSet& rules, const model::Expr& e, std::uint32_t exercise, bool loaded) {
  plan::Plan plan;
  plan::Session session;
  plan::Line line;
  line.exercise = &rules.catalogue.at(exercise);
  line.exercise_id = exercise;
  line.posture = line.exercise->posture;
  line.equipment = line.exercise->equipment;
  line.loaded = loaded;
  const Options options;
  return Evaluator(rules, plan, options).holds(e, Context{&plan, 1, nullptr, &session, &line});
}

namespace {

// The conditions an expression asks the client about, as vocabulary bits.
void conditions_named(const Expr& e, model::Bits& out) {
  if ((e.kind == Expr::Kind::member_any || e.kind == Expr::Kind::member_all) && e.attr == Attr::client_conditions) {
    out |= e.bits;
  }
  for (const auto& o : e.operands) conditions_named(o, out);
}

// The most general conditions a condition implies: those that imply nothing further.
model::Bits most_general(const model::Vocabulary& vocab, std::uint16_t condition) {
  model::Bits out;
  const auto& closure = vocab.at(condition).closure;
  for (std::uint16_t i = 0; i < vocab.size(); ++i) {
    if (closure.test(i) && vocab.at(i).closure.count() == 1) out.set(i);
  }
  return out;
}

}  // namespace

AwaitingCondition awaiting_condition(const model::RuleSet& rules, const Options& options) {
  const auto& vocab = rules.vocab(model::Category::condition);
  const plan::Client none;
  AwaitingCondition out;
  std::vector<std::size_t> per_condition(vocab.size(), 0);
  for (const auto& rule : rules.rules) {
    if (!runs(rule, options) || !rule.when) continue;
    model::Bits named;
    conditions_named(*rule.when, named);
    if (named.none() || holds_for_client(rules, *rule.when, none)) continue;
    ++out.rules;
    model::Bits general;
    for (std::uint16_t i = 0; i < vocab.size(); ++i) {
      if (named.test(i)) general |= most_general(vocab, i);
    }
    for (std::uint16_t i = 0; i < vocab.size(); ++i) per_condition[i] += general.test(i) ? 1 : 0;
  }
  for (std::uint16_t i = 0; i < vocab.size(); ++i) {
    if (per_condition[i] > 0) out.conditions.push_back(i);
  }
  std::stable_sort(out.conditions.begin(), out.conditions.end(), [&](std::uint16_t a, std::uint16_t b) {
    return std::pair(vocab.at(a).symptom, per_condition[b]) < std::pair(vocab.at(b).symptom, per_condition[a]);
  });
  return out;
}

namespace {

// A plan that must wait for a clearance, or whose strength sessions must stop (red flags, a flare-up), is
// a matter for a health professional: no substitute is written into it without one reading it.
bool needs_a_professional(const model::Rule& rule) {
  return rule.clearance || (rule.forbids && rule.scope == Scope::session);
}

void keep_only_safe_fixes(std::vector<Finding>& findings) {
  for (auto& f : findings) {
    std::erase_if(f.fixes, [](const SpanFix& fix) { return fix.applicability != FixApplicability::safe; });
  }
}

}  // namespace

std::vector<Finding> evaluate(const model::RuleSet& rules, const plan::Plan& plan, const Options& options) {
  auto findings = Evaluator(rules, plan, options).run();
  if (std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return needs_a_professional(*f.rule); })) {
    keep_only_safe_fixes(findings);
  }
  return findings;
}

}  // namespace liftlint::eval
