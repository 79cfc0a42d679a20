#include "rules/expr_checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "support/dates.hpp"
#include "support/names.hpp"
#include "support/placeholders.hpp"
#include "support/units.hpp"

namespace liftlint::rules {
namespace {

using model::Attr;
using model::Category;
using model::Dim;
using model::Expr;
using model::Scope;
using model::Type;

// Bounds on rule constants, so that every number the evaluator derives from them stays small.
constexpr int max_rest_days = 28;
constexpr int max_increase_percent = 1000;
constexpr std::size_t max_citations = 32;
constexpr std::size_t max_suggestions = 32;
constexpr std::array<const char*, 7> weekday_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<const char*, 3> block_names = {"warmup", "main", "cooldown"};
constexpr std::array<const char*, 3> experience_names = {"beginner", "intermediate", "advanced"};

template <std::size_t N>
std::vector<std::string> to_vector(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

std::vector<std::string> ordinal_names(Type type) {
  switch (type) {
    case Type::weekday: return to_vector(weekday_names);
    case Type::block: return to_vector(block_names);
    case Type::experience: return to_vector(experience_names);
    case Type::level: return {"none", "low", "moderate", "high"};
    case Type::intensity: return {"light", "moderate", "vigorous"};
    default: return {};
  }
}

std::optional<model::CmpOp> cmp_op(const std::string& op) {
  if (op == "=") return model::CmpOp::eq;
  if (op == "!=") return model::CmpOp::ne;
  if (op == "<") return model::CmpOp::lt;
  if (op == "<=") return model::CmpOp::le;
  if (op == ">") return model::CmpOp::gt;
  if (op == ">=") return model::CmpOp::ge;
  return std::nullopt;
}

Expr negate(Expr inner) {
  Expr out;
  out.kind = Expr::Kind::negate;
  out.span = inner.span;
  out.operands.push_back(std::move(inner));
  return out;
}

const char* dim_unit_hint(Dim dim) {
  switch (dim) {
    case Dim::time: return "a duration such as 30s, 5min or 48h";
    case Dim::mass: return "a weight such as 8kg or 17.5lb";
    case Dim::percent: return "a percentage such as 10%";
    case Dim::count: return "a plain number";
  }
  return "";
}

std::optional<UnitKind> unit_kind_for(Dim dim) {
  switch (dim) {
    case Dim::time: return UnitKind::time;
    case Dim::mass: return UnitKind::mass;
    case Dim::percent: return UnitKind::percent;
    case Dim::count: return std::nullopt;
  }
  return std::nullopt;
}

bool is_below(Scope outer, Scope inner) { return static_cast<int>(inner) > static_cast<int>(outer); }

Scope scope_from_word(const std::string& word) {
  if (word.rfind("exercise", 0) == 0) return Scope::exercise;
  if (word.rfind("session", 0) == 0) return Scope::session;
  if (word.rfind("week", 0) == 0) return Scope::week;
  return Scope::client;
}

}  // namespace

// --- names -----------------------------------------------------------------------

void NameResolver::unknown(const Span& span, const std::string& what, const std::string& name,
                           const std::vector<std::string>& candidates) {
  std::vector<std::string> help;
  if (auto hint = did_you_mean(name, candidates); !hint.empty()) help.push_back(std::move(hint));
  diagnostics_.error(span, fmt::format("unknown {} '{}'", what, shorten(name)), std::move(help));
}

std::optional<std::uint16_t> NameResolver::vocab(Category category, const ast::Name& name) {
  const auto& vocabulary = set_.vocab(category);
  if (auto index = vocabulary.find(name.text)) return index;
  unknown(name.span, model::category_name(category), name.text, vocabulary.names());
  return std::nullopt;
}

std::optional<std::uint32_t> NameResolver::exercise(const std::string& name, const Span& span) {
  if (auto index = set_.catalogue.find(name)) return index;
  unknown(span, "exercise", name, set_.catalogue.names());
  return std::nullopt;
}

std::optional<std::uint32_t> NameResolver::source(const ast::Name& name) {
  for (std::uint32_t i = 0; i < set_.sources.size(); ++i) {
    if (set_.sources[i].id == name.text) return i;
  }
  std::vector<std::string> ids;
  for (const auto& s : set_.sources) ids.push_back(s.id);
  unknown(name.span, "source", name.text, ids);
  return std::nullopt;
}

// --- exercises -------------------------------------------------------------------

namespace {

class ExerciseBuilder {
 public:
  ExerciseBuilder(NameResolver& names, Diagnostics& diagnostics) : names_(names), diagnostics_(diagnostics) {}

  // Lists (muscles, equipment, tags) gain the names given; single values (pattern, posture, levels, yes/no)
  // are replaced. Aliases are the caller's, since the catalogue indexes them.
  bool extend(const ast::ExerciseDecl& decl, model::Exercise& target) {
    out_ = target;
    for (const auto& field : decl.fields) {
      if (field.key.text == "aka") continue;
      const auto before = out_;
      apply(field);
      if (field.key.text == "muscles") out_.muscles |= before.muscles;
      if (field.key.text == "equipment") out_.equipment |= before.equipment;
      if (field.key.text == "tags") out_.tags |= before.tags;
    }
    if (!ok_) return false;
    target = std::move(out_);
    return true;
  }

  std::optional<model::Exercise> build(const ast::ExerciseDecl& decl) {
    out_.name = decl.name.text;
    out_.span = decl.name.span;
    if (decl.name.text.find_first_not_of(" \t") == std::string::npos) fail(decl.name.span, "an exercise needs a name");
    for (const auto& field : decl.fields) apply(field);
    for (const char* required : {"muscles", "pattern", "posture"}) {
      if (seen_.count(required) == 0) {
        fail(decl.name.span, fmt::format("exercise '{}' has no '{}'", decl.name.text, required));
      }
    }
    if (!ok_) return std::nullopt;
    return std::move(out_);
  }

 private:
  NameResolver& names_;
  Diagnostics& diagnostics_;
  model::Exercise out_;
  std::set<std::string> seen_;
  bool ok_ = true;

  void fail(const Span& span, std::string message) {
    diagnostics_.error(span, std::move(message));
    ok_ = false;
  }

  void apply(const ast::ExerciseField& field) {
    const auto& key = field.key.text;
    if (!seen_.insert(key).second) fail(field.key.span, fmt::format("'{}' is set twice for this exercise", key));
    if (key == "aka") {
      for (const auto& alias : field.strings) {
        if (alias.text.find_first_not_of(" \t") == std::string::npos) fail(alias.span, "an alias cannot be empty");
        out_.aliases.push_back(alias.text);
      }
    } else if (key == "muscles") {
      out_.muscles = bits(Category::muscle, field.names);
    } else if (key == "equipment") {
      out_.equipment = bits(Category::equipment, field.names);
    } else if (key == "tags") {
      out_.tags = bits(Category::tag, field.names);
    } else if (field.names.empty()) {
      fail(field.key.span, fmt::format("'{}' needs a value", key));
    } else if (key == "pattern") {
      out_.pattern = one(Category::pattern, field.names.front());
    } else if (key == "posture") {
      out_.posture = one(Category::posture, field.names.front());
    } else if (key == "spinal_load" || key == "impact") {
      const auto level = *model::parse_level(field.names.front().text);
      (key == "impact" ? out_.impact : out_.spinal_load) = level;
    } else {
      (key == "supported" ? out_.supported : out_.loaded) = field.names.front().text == "yes";
    }
  }

  model::Bits bits(Category category, const std::vector<ast::Name>& list) {
    model::Bits out;
    for (const auto& name : list) {
      if (auto index = names_.vocab(category, name)) {
        out |= names_.set().vocab(category).at(*index).closure;
      } else {
        ok_ = false;
      }
    }
    return out;
  }

  std::uint16_t one(Category category, const ast::Name& name) {
    if (auto index = names_.vocab(category, name)) return *index;
    ok_ = false;
    return 0;
  }
};

}  // namespace

std::optional<model::Exercise> convert_exercise_decl(const ast::ExerciseDecl& decl, NameResolver& names,
                                                     Diagnostics& diagnostics) {
  return ExerciseBuilder(names, diagnostics).build(decl);
}

bool extend_exercise(const ast::ExerciseDecl& decl, NameResolver& names, Diagnostics& diagnostics,
                     model::Catalogue& catalogue) {
  const auto index = names.exercise(decl.name.text, decl.name.span);
  if (!index) return false;
  auto& target = catalogue.mutable_at(*index);
  if (!ExerciseBuilder(names, diagnostics).extend(decl, target)) return false;
  for (const auto& field : decl.fields) {
    if (field.key.text != "aka") continue;
    for (const auto& alias : field.strings) {
      if (!catalogue.add_alias(*index, alias.text)) {
        diagnostics.error(alias.span, fmt::format("the name '{}' already belongs to an exercise", alias.text));
        return false;
      }
    }
  }
  catalogue.mutable_at(*index).extended_at.push_back(decl.name.span);
  return true;
}

// --- rules -----------------------------------------------------------------------

void RuleChecker::fail(const Span& span, std::string message, std::vector<std::string> help) {
  diagnostics_.error(span, std::move(message), std::move(help));
  ok_ = false;
}

std::optional<model::Rule> RuleChecker::check(const ast::Rule& decl) {
  model::Rule out;
  out.id = decl.id.text;
  out.span = decl.id.span;
  out.text = decl.text;
  header(decl, out);
  if (decl.bodies.size() != 1) {
    fail(decl.bodies.empty() ? decl.id.span : decl.bodies[1].span,
         decl.bodies.empty()
             ? fmt::format("rule '{}' has no 'require' or 'forbid'", decl.id.text)
             : fmt::format("rule '{}' has more than one 'require' or 'forbid'; split it", decl.id.text));
  } else {
    body(decl.bodies.front(), out);
  }
  if (decl.when) out.when = expr(*decl.when, Scope::client);
  if (!decl.suggest.empty() && !(out.forbids && out.scope == Scope::exercise)) {
    fail(decl.suggest.front().span,
         "'suggest' offers substitutes for forbidden exercises; use it with 'forbid exercise'",
         {"for other rules, put the advice in 'help'"});
  }
  if (ok_) texts(decl, out);
  if (!ok_) return std::nullopt;
  return out;
}

void RuleChecker::header(const ast::Rule& decl, model::Rule& out) {
  std::set<std::string> seen;
  for (const auto& key : decl.field_keys) {
    const bool repeatable = key.text == "cite" || key.text == "require" || key.text == "forbid";
    if (!repeatable && !seen.insert(key.text).second) {
      fail(key.span, fmt::format("'{}' is set twice in rule '{}'", key.text, decl.id.text));
    }
  }
  if (!decl.severity) {
    fail(decl.id.span, fmt::format("rule '{}' has no severity", decl.id.text),
         {"add 'severity error', 'severity warning' or 'severity info'"});
  } else {
    out.severity = parse_severity(decl.severity->text).value_or(Severity::info);
  }
  if (decl.citations.empty()) {
    fail(decl.id.span, fmt::format("rule '{}' cites no source", decl.id.text),
         {"add 'cite <source>' naming the source that supports it"});
  }
  // Every finding carries its rule's citations and substitutes, so their number multiplies the report.
  if (decl.citations.size() > max_citations) {
    fail(decl.citations[max_citations].source.span, fmt::format("rule '{}' cites {} sources; a rule cites at most {}",
                                                                decl.id.text, decl.citations.size(), max_citations));
  }
  if (decl.suggest.size() > max_suggestions) {
    fail(decl.suggest[max_suggestions].span, fmt::format("rule '{}' suggests {} exercises; a rule suggests at most {}",
                                                         decl.id.text, decl.suggest.size(), max_suggestions));
  }
  for (const auto& citation : decl.citations) {
    if (auto index = names_.source(citation.source)) {
      out.citations.push_back(model::Citation{*index, citation.locator});
    } else {
      ok_ = false;
    }
  }
  lifecycle(decl, out);
  // Substitutes keep the order the author gave: it is the order they are offered in.
  if (auto ids = exercise_names(decl.suggest, false)) out.suggest = std::move(*ids);
  for (const auto& target : decl.suggest_for) {
    std::optional<std::uint32_t> id;
    if (target) id = names_.exercise(target->text, target->span);
    if (target && !id) ok_ = false;
    out.suggest_for.push_back(id.value_or(model::Rule::any_exercise));
  }
}

void RuleChecker::lifecycle(const ast::Rule& decl, model::Rule& out) {
  if (decl.version) out.version = decl.version->text;
  if (decl.reviewed) {
    if (valid_date(decl.reviewed->text)) {
      out.reviewed = decl.reviewed->text;
    } else {
      fail(decl.reviewed->span, fmt::format("'{}' is not a date in the calendar", decl.reviewed->text));
    }
  }
  if (decl.fix) {
    if (decl.suggest.empty()) {
      fail(decl.fix->span, "'fix substitute' turns the rule's suggestions into fixes; add 'suggest \"name\", ...'");
    }
    out.fix_substitutes = true;
  }
  if (decl.status) {
    const auto& s = decl.status->text;
    out.status = s == "draft"     ? model::Status::draft
                 : s == "retired" ? model::Status::retired
                                  : model::Status::reviewed;
  }
}

std::optional<Scope> RuleChecker::scope(const ast::Name& name) { return scope_from_word(name.text); }

void RuleChecker::body(const ast::Body& b, model::Rule& out) {
  using K = ast::Body::Kind;
  switch (b.kind) {
    case K::every: every_body(b, out); return;
    case K::frequency: frequency_body(b, out); return;
    case K::rest: rest_body(b, out); return;
    case K::increase: increase_body(b, out); return;
    case K::clearance:
      out.clearance = true;
      out.scope = Scope::client;
      out.predicate.kind = Expr::Kind::test_bool;
      out.predicate.attr = Attr::client_cleared;
      return;
    case K::forbid_names:
    case K::forbid_where: forbid_body(b, out); return;
  }
}

model::Expr RuleChecker::filter(const std::optional<ast::Expr>& where, Scope s) {
  if (!where) return Expr{};
  return expr(*where, s);
}

void RuleChecker::every_body(const ast::Body& b, model::Rule& out) {
  out.scope = *scope(b.scope);
  out.filter = filter(b.where, out.scope);
  out.predicate = expr(*b.predicate, out.scope);
}

void RuleChecker::frequency_body(const ast::Body& b, model::Rule& out) {
  const Scope counted = *scope(b.scope);
  if (counted != Scope::session && counted != Scope::exercise) {
    fail(b.scope.span, fmt::format("expected 'sessions' or 'exercises' to count per week, found '{}'", b.scope.text));
    return;
  }
  out.scope = Scope::week;
  Expr count;
  count.kind = Expr::Kind::count;
  count.inner = counted;
  count.span = b.span;
  count.operands.push_back(filter(b.where, counted));
  if (auto checked = bound(b.bound)) count.bound = *checked;
  out.predicate = std::move(count);
}

void RuleChecker::rest_body(const ast::Body& b, model::Rule& out) {
  if (*scope(b.scope) != Scope::session) {
    fail(b.scope.span, fmt::format("rest is measured between sessions; expected 'sessions', found '{}'", b.scope.text));
    return;
  }
  out.form = model::Form::rest;
  out.scope = Scope::session;
  out.filter = filter(b.where, Scope::session);
  out.sharing_muscles = b.sharing_muscles;
  out.sharing_groups = b.sharing_groups;
  out.sharing_filter = filter(b.sharing_where, Scope::exercise);
  const auto scale = unit_scale(b.quantity.unit);
  if (!scale || scale->kind != UnitKind::time || b.quantity.unit.empty()) {
    fail(b.quantity.span, "expected a rest period in days or hours, such as 1 day or 48h");
    return;
  }
  out.rest_in_days = scale->factor >= 86400;
  out.rest_minimum = out.rest_in_days ? b.quantity.number : b.quantity.number * scale->factor / 3600;
  // A week is the longest gap a plan can show between two sessions of a kind that still repeats.
  if (!(out.rest_minimum >= 0 && out.rest_minimum <= (out.rest_in_days ? max_rest_days : max_rest_days * 24.0))) {
    fail(b.quantity.span, fmt::format("expected a rest period from 0 to {} days (or {}h), found '{}'", max_rest_days,
                                      max_rest_days * 24, b.quantity.text));
  }
}

void RuleChecker::increase_body(const ast::Body& b, model::Rule& out) {
  out.form = model::Form::progression;
  out.scope = Scope::exercise;
  out.metric = b.metric.text == "volume" ? model::Metric::volume : model::Metric::load;
  if (b.quantity.unit != "%") {
    fail(b.quantity.span, "expected a percentage such as 10%");
    return;
  }
  out.max_increase_percent = b.quantity.number;
  if (!(b.quantity.number >= 0 && b.quantity.number <= max_increase_percent)) {
    fail(b.quantity.span,
         fmt::format("expected an increase from 0% to {}%, found '{}'", max_increase_percent, b.quantity.text));
  }
}

void RuleChecker::forbid_body(const ast::Body& b, model::Rule& out) {
  out.forbids = true;
  if (b.kind == ast::Body::Kind::forbid_names) {
    out.scope = Scope::exercise;
    out.filter.kind = Expr::Kind::exercise_in;
    out.filter.attr = Attr::exercise_name;
    out.filter.span = b.span;
    if (auto ids = exercise_names(b.names)) out.filter.exercises = std::move(*ids);
  } else {
    out.scope = *scope(b.scope);
    if (out.scope != Scope::exercise && out.scope != Scope::session) {
      fail(b.scope.span, fmt::format("expected 'exercise' or 'session' after 'forbid', found '{}'", b.scope.text));
      return;
    }
    out.filter = filter(b.where, out.scope);
  }
  out.predicate = negate(Expr{});
}

std::optional<std::vector<std::uint32_t>> RuleChecker::exercise_names(const std::vector<ast::Value>& list,
                                                                      bool sorted) {
  std::vector<std::uint32_t> ids;
  bool ok = true;
  for (const auto& name : list) {
    if (auto id = names_.exercise(name.text, name.span)) {
      ids.push_back(*id);
    } else {
      ok = false;
    }
  }
  if (!ok) {
    ok_ = false;
    return std::nullopt;
  }
  if (!sorted) return ids;
  // Sorted and unique, for the binary search of `name in {...}`.
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// --- messages ----------------------------------------------------------------------

namespace {

std::vector<std::string> placeholder_names(const model::Rule& rule) {
  switch (rule.form) {
    case model::Form::rest:
      if (rule.sharing_muscles)
        return {"day", "previous_day", "week", "previous_week", "gap", "required", "kind", "shared"};
      return {"day", "previous_day", "week", "previous_week", "gap", "required", "kind"};
    case model::Form::progression: return {"exercise", "week", "previous_week", "increase", "limit", "metric"};
    case model::Form::every: break;
  }
  std::vector<std::string> names;
  switch (rule.scope) {
    case Scope::exercise: names = {"exercise", "day", "week", "kind"}; break;
    case Scope::session: names = {"day", "week", "kind"}; break;
    case Scope::week: names = {"week"}; break;
    case Scope::client: break;
  }
  const auto k = rule.predicate.kind;
  if (k == Expr::Kind::count || k == Expr::Kind::count_distinct) {
    names.emplace_back("count");
    names.emplace_back("bound");
  }
  if (k == Expr::Kind::aggregate) {
    names.emplace_back("value");
    names.emplace_back("bound");
  }
  return names;
}

std::string default_message(const model::Rule& rule) {
  if (rule.clearance) return "the client has no clearance from a health professional";
  if (rule.form == model::Form::rest) {
    return "{kind} sessions on {previous_day} and {day} of week {week} are {gap} apart; {required} needed";
  }
  if (rule.form == model::Form::progression) {
    return rule.metric == model::Metric::volume
               ? "weekly volume rises by {increase} from week {previous_week} to week {week}, more than {limit}"
               : "the load of {exercise} rises by {increase} from week {previous_week} to week {week}, more than "
                 "{limit}";
  }
  const bool counted = rule.predicate.kind == Expr::Kind::count || rule.predicate.kind == Expr::Kind::count_distinct;
  switch (rule.scope) {
    case Scope::exercise:
      return rule.forbids ? "{exercise} is not allowed here" : "{exercise} does not meet the requirement";
    case Scope::session:
      return rule.forbids ? "this {kind} session is not allowed"
                          : "the {kind} session on {day} does not meet the requirement";
    case Scope::week:
      if (rule.predicate.kind == Expr::Kind::aggregate) return "week {week} has {value}; {bound} required";
      return counted ? "week {week} has {count}; {bound} required" : "week {week} does not meet the requirement";
    case Scope::client: return "the client profile does not meet the requirement";
  }
  return {};
}

}  // namespace

void RuleChecker::placeholders(const ast::Value& text, const std::vector<std::string>& allowed) {
  for (const auto& name : placeholder_names_in(text.text)) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + ("{" + a + "}");
    fail(text.span,
         fmt::format("unknown placeholder '{{{}}}'; this rule can use: {}", name, list.empty() ? "none" : list));
  }
}

void RuleChecker::texts(const ast::Rule& decl, model::Rule& out) {
  for (const auto* text : {&decl.message, &decl.help, &decl.doc}) {
    if (*text && (*text)->text.find_first_not_of(" \t") == std::string::npos) {
      fail((*text)->span, "this text is empty; write it, or leave the field out");
    }
  }
  const auto allowed = placeholder_names(out);
  if (decl.message) placeholders(*decl.message, allowed);
  if (decl.help) placeholders(*decl.help, allowed);
  out.message = decl.message ? decl.message->text : default_message(out);
  out.help = decl.help ? decl.help->text : std::string{};
  out.doc = decl.doc ? decl.doc->text : std::string{};
}

// --- expressions -------------------------------------------------------------------

model::Expr RuleChecker::expr(const ast::Expr& e, Scope s) {
  using K = ast::Expr::Kind;
  switch (e.kind) {
    case K::all_of:
    case K::any_of:
    case K::negate: return junction(e, s);
    case K::some:
    case K::none:
    case K::every: return quantifier(e, s);
    case K::count: return count(e, s);
    case K::count_distinct: return count_distinct(e, s);
    case K::aggregate: return aggregate(e, s);
    default: return comparison(e, s);
  }
}

model::Expr RuleChecker::junction(const ast::Expr& e, Scope s) {
  Expr out;
  out.span = e.span;
  out.kind = e.kind == ast::Expr::Kind::all_of   ? Expr::Kind::all_of
             : e.kind == ast::Expr::Kind::any_of ? Expr::Kind::any_of
                                                 : Expr::Kind::negate;
  for (const auto& operand : e.operands) out.operands.push_back(expr(operand, s));
  return out;
}

model::Expr RuleChecker::quantifier(const ast::Expr& e, Scope s) {
  Expr out;
  out.span = e.span;
  out.kind = e.kind == ast::Expr::Kind::some   ? Expr::Kind::some
             : e.kind == ast::Expr::Kind::none ? Expr::Kind::none
                                               : Expr::Kind::every;
  out.inner = *scope(e.scope);
  // From the client, a quantifier looks at the sessions and exercises of the whole plan.
  if (!is_below(s, out.inner) || (s == Scope::client && out.inner == Scope::week)) {
    fail(e.scope.span, fmt::format("cannot look at each {} from {}; {} contains only {}", scope_name(out.inner),
                                   model::a_scope(s), model::a_scope(s),
                                   s == Scope::week      ? "sessions and exercises"
                                   : s == Scope::session ? "exercises"
                                                         : "the plan's sessions and exercises"));
    return out;
  }
  out.operands.push_back(e.operands.empty() ? Expr{} : expr(e.operands.front(), out.inner));
  return out;
}

model::Expr RuleChecker::count(const ast::Expr& e, Scope s) {
  ast::Expr as_some = e;
  as_some.kind = ast::Expr::Kind::some;
  Expr out = quantifier(as_some, s);
  out.kind = Expr::Kind::count;
  if (auto b = bound(e.bound)) out.bound = *b;
  return out;
}

model::Expr RuleChecker::aggregate(const ast::Expr& e, Scope s) {
  ast::Expr as_some = e;
  as_some.kind = ast::Expr::Kind::some;
  Expr out = quantifier(as_some, s);
  out.kind = Expr::Kind::aggregate;
  out.aggregate = e.op == "sum"   ? Expr::Aggregate::sum
                  : e.op == "min" ? Expr::Aggregate::min
                  : e.op == "max" ? Expr::Aggregate::max
                                  : Expr::Aggregate::average;
  const auto* info = attribute(e.attr, out.inner);
  if (info == nullptr) return out;
  if (info->type != Type::number) {
    fail(e.attr.span,
         fmt::format("'{}' adds up numbers such as 'duration' or 'sets'; '{}' is not a number", e.op, e.attr.text));
    return out;
  }
  out.attr = info->attr;
  if (auto b = bound(e.bound, info->dim)) out.bound = *b;
  return out;
}

model::Expr RuleChecker::count_distinct(const ast::Expr& e, Scope s) {
  Expr out;
  out.kind = Expr::Kind::count_distinct;
  out.span = e.span;
  out.inner = Scope::exercise;
  if (s != Scope::session && s != Scope::week) {
    fail(e.span, fmt::format("'count distinct' works on a session or a week, not on {}", model::a_scope(s)));
    return out;
  }
  const auto* info = attribute(e.attr, Scope::exercise);
  if (info == nullptr) return out;
  if (info->type != Type::vocab_set && info->type != Type::vocab) {
    fail(e.attr.span, fmt::format("'count distinct' needs a set of names such as 'muscles', not '{}'", e.attr.text));
    return out;
  }
  out.attr = info->attr;
  out.operands.push_back(e.operands.empty() ? Expr{} : expr(e.operands.front(), Scope::exercise));
  if (auto b = bound(e.bound)) out.bound = *b;
  return out;
}

const model::AttrInfo* RuleChecker::attribute(const ast::Name& name, Scope s) {
  std::vector<std::string> here;
  for (const auto& info : model::attribute_table()) {
    if (info.scope != s) continue;
    if (name.text == info.name) return &info;
    here.emplace_back(info.name);
  }
  std::vector<std::string> help;
  if (auto hint = did_you_mean(name.text, here); !hint.empty()) help.push_back(hint);
  std::string list;
  for (const auto& h : here) list += (list.empty() ? "" : ", ") + h;
  help.push_back(fmt::format("{} has: {}", model::a_scope(s), list));
  fail(name.span, fmt::format("unknown attribute '{}' of {}", name.text, model::a_scope(s)), std::move(help));
  return nullptr;
}

model::Expr RuleChecker::comparison(const ast::Expr& e, Scope s) {
  // `true` and `false` are the conditions that always and never hold: `require every session: true` while a
  // rule is drafted, `when false` to switch one off.
  if (e.kind == ast::Expr::Kind::truthy && (e.attr.text == "true" || e.attr.text == "false")) {
    Expr always;
    always.span = e.span;
    return e.attr.text == "true" ? always : negate(std::move(always));
  }
  const auto* info = attribute(e.attr, s);
  if (info == nullptr) return Expr{};
  using K = ast::Expr::Kind;
  if (e.kind == K::truthy) {
    if (info->type != Type::boolean) {
      fail(e.attr.span,
           fmt::format("'{}' is not yes-or-no; compare it, for example '{} = ...'", e.attr.text, e.attr.text));
      return Expr{};
    }
    Expr out;
    out.kind = Expr::Kind::test_bool;
    out.attr = info->attr;
    out.span = e.span;
    return out;
  }
  if (e.kind == K::compare) return compare_value(e, *info);
  return membership(e, *info);
}

std::optional<double> RuleChecker::number(const ast::Value& v, Dim dim) {
  if (v.kind != ast::Value::Kind::number) {
    fail(v.span, fmt::format("expected {}, found '{}'", dim_unit_hint(dim), v.text));
    return std::nullopt;
  }
  const auto wanted = unit_kind_for(dim);
  if (!wanted) {
    if (!v.unit.empty()) fail(v.span, fmt::format("expected a plain number, found '{}'", v.text));
    return v.number;
  }
  const auto scale = unit_scale(v.unit);
  if (!scale || scale->kind != *wanted) {
    fail(v.span, fmt::format("expected {}, found '{}'", dim_unit_hint(dim), v.text));
    return std::nullopt;
  }
  return v.number * scale->factor;
}

std::optional<int> RuleChecker::ordinal(const ast::Value& v, const model::AttrInfo& info) {
  const auto names = ordinal_names(info.type);
  const auto it = std::find(names.begin(), names.end(), v.text);
  if (v.kind == ast::Value::Kind::ident && it != names.end()) return static_cast<int>(it - names.begin());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  std::vector<std::string> help;
  if (auto hint = did_you_mean(v.text, names); !hint.empty()) help.push_back(hint);
  fail(v.span, fmt::format("expected one of {} for '{}', found '{}'", list, info.name, v.text), std::move(help));
  return std::nullopt;
}

model::Expr RuleChecker::compare_value(const ast::Expr& e, const model::AttrInfo& info) {
  Expr out;
  out.span = e.span;
  out.attr = info.attr;
  out.op = *cmp_op(e.op);
  const bool equality = out.op == model::CmpOp::eq || out.op == model::CmpOp::ne;
  switch (info.type) {
    case Type::number:
      out.kind = Expr::Kind::compare_number;
      out.number = number(e.value, info.dim).value_or(0);
      return out;
    case Type::level:
    case Type::weekday:
    case Type::block:
    case Type::experience:
    case Type::intensity:
      out.kind = Expr::Kind::compare_ordinal;
      out.ordinal = ordinal(e.value, info).value_or(0);
      return out;
    case Type::vocab_set:
      fail(e.span,
           fmt::format("'{}' is a set; use '{} has ...' or '{} has any {{...}}'", info.name, info.name, info.name));
      return out;
    default: break;
  }
  if (!equality) {
    fail(e.span, fmt::format("'{}' can only be compared with '=' or '!='", info.name));
    return out;
  }
  ast::Expr as_set = e;
  as_set.kind = ast::Expr::Kind::in_set;
  as_set.set = {e.value};
  Expr member = membership(as_set, info);
  return out.op == model::CmpOp::ne ? negate(std::move(member)) : member;
}

model::Expr RuleChecker::membership(const ast::Expr& e, const model::AttrInfo& info) {
  Expr out;
  out.span = e.span;
  out.attr = info.attr;
  out.kind = e.kind == ast::Expr::Kind::has_all ? Expr::Kind::member_all : Expr::Kind::member_any;
  std::vector<ast::Value> items = e.set;
  if (e.kind == ast::Expr::Kind::has_one) items = {e.value};
  const bool has_form = e.kind != ast::Expr::Kind::in_set;
  if (has_form && info.type != Type::vocab_set) {
    fail(e.span, fmt::format("'has' works on sets such as muscles, equipment or tags; '{}' is a single value — use "
                             "'{} = ...' or '{} in {{...}}'",
                             info.name, info.name, info.name));
    return out;
  }
  if (!has_form && info.type == Type::vocab_set) {
    fail(e.span, fmt::format("'{}' is a set; use '{} has any {{...}}'", info.name, info.name));
    return out;
  }
  if (info.type == Type::boolean) {
    const auto& v = items.front();
    if (items.size() != 1 || (v.text != "yes" && v.text != "no")) {
      fail(v.span, fmt::format("expected 'yes' or 'no' for '{}', found '{}'", info.name, v.text));
      return out;
    }
    Expr test;
    test.kind = Expr::Kind::test_bool;
    test.attr = info.attr;
    test.span = e.span;
    return v.text == "yes" ? test : negate(std::move(test));
  }
  if (info.type == Type::exercise) {
    out.kind = Expr::Kind::exercise_in;
    for (const auto& v : items) {
      if (v.kind != ast::Value::Kind::string)
        fail(v.span, fmt::format("expected an exercise name in double quotes, found '{}'", v.text));
    }
    if (auto ids = exercise_names(items)) out.exercises = std::move(*ids);
    return out;
  }
  if (info.type == Type::number) {
    fail(e.span, fmt::format("'{}' is a number; compare it with >=, <=, = ...", info.name));
    return out;
  }
  for (const auto& v : items) {
    if (info.type == Type::vocab || info.type == Type::vocab_set) {
      const auto index = names_.vocab(info.category, ast::Name{v.text, v.span});
      if (index)
        out.bits.set(*index);
      else
        ok_ = false;
    } else if (auto o = ordinal(v, info)) {
      out.bits.set(static_cast<std::size_t>(*o));
    }
  }
  return out;
}

std::optional<model::Bound> RuleChecker::bound(const ast::Bound& b, Dim dim) {
  model::Bound out;
  if (b.op == "in") {
    out.is_range = true;
    out.low = b.low;
    out.high = b.high;
    if (b.low > b.high) {
      fail(b.span, fmt::format("the range {}..{} is empty; write the smaller number first", b.low, b.high));
      return std::nullopt;
    }
    return out;
  }
  out.op = *cmp_op(b.op);
  const auto value = number(b.value, dim);
  if (!value) return std::nullopt;
  out.value = *value;
  return out;
}

}  // namespace liftlint::rules
