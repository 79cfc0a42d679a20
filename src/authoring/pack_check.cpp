#include "authoring/pack_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>

#include "api/convert.hpp"
#include "api/rule_set.hpp"
#include "eval/evaluator.hpp"
#include "support/names.hpp"

namespace liftlint::authoring {
namespace {

using model::Category;
using model::Expr;
using model::Rule;

bool builtin(const Span& span) { return span.file != nullptr && span.file->path.rfind("builtin/", 0) == 0; }

// --- what the rules and exercises use ------------------------------------------------

struct Usage {
  std::array<model::Bits, model::category_count> vocab;
  std::set<std::uint32_t> sources;
};

Category category_of(model::Attr attr) {
  for (const auto& info : model::attribute_table()) {
    if (info.attr == attr) return info.category;
  }
  return Category::condition;
}

bool names_vocabulary(model::Attr attr) {
  for (const auto& info : model::attribute_table()) {
    if (info.attr == attr) return info.type == model::Type::vocab || info.type == model::Type::vocab_set;
  }
  return false;
}

void collect(const Expr& e, Usage& usage) {
  const bool membership = e.kind == Expr::Kind::member_any || e.kind == Expr::Kind::member_all;
  if (membership && names_vocabulary(e.attr)) usage.vocab[static_cast<std::size_t>(category_of(e.attr))] |= e.bits;
  for (const auto& operand : e.operands) collect(operand, usage);
}

Usage usage_of(const model::RuleSet& set) {
  Usage usage;
  auto& v = usage.vocab;
  const auto at = [](Category c) { return static_cast<std::size_t>(c); };
  for (std::uint32_t i = 0; i < set.catalogue.size(); ++i) {
    const auto& x = set.catalogue.at(i);
    v[at(Category::muscle)] |= x.muscles;
    v[at(Category::equipment)] |= x.equipment;
    v[at(Category::tag)] |= x.tags;
    v[at(Category::pattern)].set(x.pattern);
    v[at(Category::posture)].set(x.posture);
  }
  for (const auto& rule : set.rules) {
    for (const auto& c : rule.citations) usage.sources.insert(c.source);
    if (rule.when) collect(*rule.when, usage);
    collect(rule.filter, usage);
    collect(rule.predicate, usage);
  }
  // A name is in use when it, or anything it implies, is: a client with chronic low back
  // pain is a client with back pain.
  for (std::size_t c = 0; c < model::category_count; ++c) {
    const auto& vocab = set.vocabulary[c];
    const model::Bits direct = v[c];
    for (std::uint16_t i = 0; i < vocab.size(); ++i) {
      if ((vocab.at(i).closure & direct).any()) v[c].set(i);
    }
  }
  return usage;
}

Problem warning(const Span& span, std::string message, std::vector<std::string> help = {}) {
  return problem_of(Diagnostic{Severity::warning, {}, std::move(message), span, {}, std::move(help)});
}

void unused(const model::RuleSet& set, bool extra_packs, std::vector<Problem>& out) {
  const Usage usage = usage_of(set);
  for (std::uint32_t i = 0; i < set.sources.size(); ++i) {
    const auto& s = set.sources[i];
    if (builtin(s.span) == extra_packs || usage.sources.count(i) > 0) continue;
    out.push_back(warning(s.span, fmt::format("source '{}' is declared but no rule cites it", s.id)));
  }
  // Conditions and symptoms are not in this list: they are the names plans describe clients with, used by
  // plans whether or not a rule asks about them (a client with osteoporosis and back pain).
  for (const auto category :
       {Category::muscle, Category::pattern, Category::posture, Category::equipment, Category::tag}) {
    const auto& vocab = set.vocab(category);
    for (std::uint16_t i = 0; i < vocab.size(); ++i) {
      const auto& e = vocab.at(i);
      if (builtin(e.span) == extra_packs || usage.vocab[static_cast<std::size_t>(category)].test(i)) continue;
      out.push_back(warning(e.span, fmt::format("{} '{}' is declared but no rule or exercise uses it",
                                                e.symptom ? "symptom" : model::category_name(category), e.id)));
    }
  }
}

// --- clients a rule applies to ------------------------------------------------------------

void mentioned_conditions(const Expr& e, model::Bits& out) {
  if (e.attr == model::Attr::client_conditions) out |= e.bits;
  for (const auto& operand : e.operands) mentioned_conditions(operand, out);
}

// Every client profile that differs in what the given `when` clauses can see.
template <typename F>
bool some_client(const model::RuleSet& set, const std::vector<const Expr*>& whens, F&& accept) {
  model::Bits mentioned;
  for (const auto* w : whens) mentioned_conditions(*w, mentioned);
  std::vector<std::uint16_t> atoms;
  for (std::uint16_t i = 0; i < model::max_vocabulary; ++i) {
    if (mentioned.test(i)) atoms.push_back(i);
  }
  if (atoms.size() > 12) return true;  // too many to enumerate: assume it can hold
  const auto& conditions = set.vocab(Category::condition);
  for (std::uint32_t mask = 0; mask < (1U << atoms.size()); ++mask) {
    plan::Client client;
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      if ((mask >> a) & 1U) client.conditions |= conditions.at(atoms[a]).closure;
    }
    for (int cleared = 0; cleared < 3; ++cleared) {
      for (int experience = -1; experience < 3; ++experience) {
        client.cleared = cleared >= 1;
        client.without_restrictions = cleared == 2;
        client.has_experience = experience >= 0;
        client.experience = std::max(experience, 0);
        if (accept(client)) return true;
      }
    }
  }
  return false;
}

bool applies_together(const model::RuleSet& set, const Rule& a, const Rule& b) {
  std::vector<const Expr*> whens;
  if (a.when) whens.push_back(&*a.when);
  if (b.when) whens.push_back(&*b.when);
  return some_client(set, whens, [&](const plan::Client& c) {
    return std::all_of(whens.begin(), whens.end(), [&](const Expr* w) { return eval::holds_for_client(set, *w, c); });
  });
}

void impossible_whens(const model::RuleSet& set, bool extra_packs, std::vector<Problem>& out) {
  for (const auto& rule : set.rules) {
    if (!rule.when || builtin(rule.span) == extra_packs) continue;
    const auto& when = *rule.when;
    const bool possible =
        some_client(set, {&when}, [&](const plan::Client& c) { return eval::holds_for_client(set, when, c); });
    if (!possible) {
      out.push_back(warning(rule.when->span, fmt::format("the 'when' of rule '{}' can never hold, so the rule never "
                                                         "runs",
                                                         rule.id)));
    }
  }
}

// --- conflicts ----------------------------------------------------------------------------

struct Interval {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
};

std::optional<Interval> interval_of(const model::Bound& b) {
  if (b.is_range) return Interval{b.low, b.high};
  switch (b.op) {
    case model::CmpOp::ge: return Interval{b.value, Interval{}.high};
    case model::CmpOp::gt: return Interval{std::floor(b.value) + 1, Interval{}.high};
    case model::CmpOp::le: return Interval{Interval{}.low, b.value};
    case model::CmpOp::lt: return Interval{Interval{}.low, std::ceil(b.value) - 1};
    case model::CmpOp::eq: return Interval{b.value, b.value};
    case model::CmpOp::ne: return std::nullopt;
  }
  return std::nullopt;
}

bool same(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.attr != b.attr || a.op != b.op || a.number != b.number || a.ordinal != b.ordinal ||
      a.bits != b.bits || a.exercises != b.exercises || a.inner != b.inner || a.operands.size() != b.operands.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.operands.size(); ++i) {
    if (!same(a.operands[i], b.operands[i])) return false;
  }
  return true;
}

const Expr* weekly_count(const Rule& r) {
  const bool counts = r.form == model::Form::every && r.scope == model::Scope::week &&
                      r.predicate.kind == Expr::Kind::count && r.predicate.inner == model::Scope::session;
  return counts ? &r.predicate : nullptr;
}

const Expr* required_exercise(const Rule& r) {
  const auto& p = r.predicate;
  const bool requires_one = r.form == model::Form::every &&
                            (r.scope == model::Scope::session || r.scope == model::Scope::week) &&
                            p.kind == Expr::Kind::some && p.inner == model::Scope::exercise;
  return requires_one ? &p.operands.front() : nullptr;
}

bool forbids_exercises(const Rule& r) { return r.forbids && r.scope == model::Scope::exercise; }

const Expr* posture_set(const Rule& r) {
  const auto& p = r.predicate;
  const bool posture = r.form == model::Form::every && r.scope == model::Scope::exercise &&
                       p.kind == Expr::Kind::member_any && p.attr == model::Attr::exercise_posture;
  return posture ? &p : nullptr;
}

class ConflictFinder {
 public:
  ConflictFinder(const model::RuleSet& set, bool extra_packs, std::vector<Problem>& out)
      : set_(set), extra_packs_(extra_packs), out_(out) {}

  // Pairs of rules can be many more than anyone reads: like input errors, the warnings stop at a limit.
  // Each rule is paired only with the rules that can conflict with it (a pack of thousands of rules
  // forbidding one exercise each is checked in time linear in its size), in the order a walk over every
  // pair would report them.
  void run() {
    index_roles();
    for (std::size_t i = 0; i < set_.rules.size(); ++i) {
      for (const auto j : partners(set_.rules[i])) {
        if (i != j) pair(set_.rules[i], set_.rules[j], i < j);
        if (out_.size() > max_warnings) return cut();
      }
    }
  }

  static constexpr std::size_t max_warnings = 100;

  void cut() {
    Problem p;
    p.location.file = out_[max_warnings].location.file;  // where the first warning not shown is
    p.severity = Severity::warning;
    p.message = fmt::format("more than {} warnings; the rest are not reported", max_warnings);
    out_.resize(max_warnings);
    out_.push_back(std::move(p));
  }

 private:
  const model::RuleSet& set_;
  bool extra_packs_;
  std::vector<Problem>& out_;

  std::vector<std::uint32_t> counting_;    // rules asking for a number of sessions a week
  std::vector<std::uint32_t> posturing_;   // rules naming the postures an exercise may take
  std::vector<std::uint32_t> forbidding_;  // rules forbidding exercises
  std::map<const Expr*, std::vector<std::uint32_t>> matching_;

  void index_roles() {
    for (std::uint32_t i = 0; i < set_.rules.size(); ++i) {
      const auto& r = set_.rules[i];
      if (weekly_count(r) != nullptr) counting_.push_back(i);
      if (posture_set(r) != nullptr) posturing_.push_back(i);
      if (forbids_exercises(r)) forbidding_.push_back(i);
    }
  }

  // The rules that can be the second of a conflicting pair whose first is `a`, in declaration order.
  [[nodiscard]] std::vector<std::uint32_t> partners(const Rule& a) const {
    std::vector<std::uint32_t> out;
    const auto add = [&](const std::vector<std::uint32_t>& role) {
      std::vector<std::uint32_t> merged;
      std::set_union(out.begin(), out.end(), role.begin(), role.end(), std::back_inserter(merged));
      out = std::move(merged);
    };
    if (weekly_count(a) != nullptr || (a.forbids && a.scope == model::Scope::session)) add(counting_);
    if (posture_set(a) != nullptr) add(posturing_);
    if (required_exercise(a) != nullptr || !a.suggest.empty()) add(forbidding_);
    return out;
  }

  [[nodiscard]] bool checked(const Rule& r) const { return builtin(r.span) != extra_packs_; }
  [[nodiscard]] bool runs(const Rule& r) const { return r.status != model::Status::retired; }

  void pair(const Rule& a, const Rule& b, bool ordered) {
    if (!runs(a) || !runs(b) || (!checked(a) && !checked(b))) return;
    if (ordered) frequencies(a, b);
    if (ordered) overlaps(a, b);
    if (ordered) postures(a, b);
    forbidden_but_counted(a, b);
    required_but_forbidden(a, b);
    suggested_but_forbidden(a, b);
  }

  void report(const Rule& a, const Rule& b, const std::string& what) {
    if (!applies_together(set_, a, b)) return;
    Diagnostic d{Severity::warning,
                 {},
                 fmt::format("rules '{}' and '{}' conflict: {}", a.id, b.id, what),
                 b.span,
                 {Note{fmt::format("'{}' is declared at {}", a.id, a.span.location()), a.span}},
                 {}};
    Problem p = problem_of(d);
    for (const auto* r : {&a, &b}) {
      for (const auto& c : r->citations) {
        const auto& s = set_.sources[c.source];
        p.citations.push_back(Citation{s.id, s.reference(), c.locator, s.scheme + "." + s.level, s.url});
      }
    }
    out_.push_back(std::move(p));
  }

  void frequencies(const Rule& a, const Rule& b) {
    const auto* ca = weekly_count(a);
    const auto* cb = weekly_count(b);
    if (ca == nullptr || cb == nullptr || !same(ca->operands.front(), cb->operands.front())) return;
    const auto ia = interval_of(ca->bound);
    const auto ib = interval_of(cb->bound);
    if (!ia || !ib || std::max(ia->low, ib->low) <= std::min(ia->high, ib->high)) return;
    report(a, b, fmt::format("one wants {} sessions a week, the other {}", ca->bound.describe(), cb->bound.describe()));
  }

  // Two packs asking the same thing: a plan that breaks one breaks the other, and the client is told twice.
  void overlaps(const Rule& a, const Rule& b) {
    const auto* ca = weekly_count(a);
    const auto* cb = weekly_count(b);
    if (ca == nullptr || cb == nullptr || !same(ca->operands.front(), cb->operands.front())) return;
    if (ca->bound.is_range || cb->bound.is_range || ca->bound.op != cb->bound.op ||
        ca->bound.value != cb->bound.value || supersedes(a, b) || supersedes(b, a)) {
      return;
    }
    if (!applies_together(set_, a, b)) return;
    Diagnostic d{Severity::warning,
                 {},
                 fmt::format("rules '{}' and '{}' overlap: both want {} sessions a week, so a week short of them gets "
                             "two findings",
                             a.id, b.id, ca->bound.describe()),
                 b.span,
                 {Note{fmt::format("'{}' is declared at {}", a.id, a.span.location()), a.span}},
                 {fmt::format("keep one of them, or let one supersede the other: supersedes {}", a.id)}};
    out_.push_back(problem_of(d));
  }

  // A rule that forbids some sessions for a client, beside one that asks that client for such sessions every
  // week: contradictory advice, unless the first supersedes the second.
  void forbidden_but_counted(const Rule& a, const Rule& b) {
    const auto* cb = weekly_count(b);
    if (!a.forbids || a.scope != model::Scope::session || cb == nullptr || supersedes(a, b)) return;
    if (!same(a.filter, cb->operands.front())) return;
    const auto wanted = interval_of(cb->bound);
    if (!wanted || wanted->low < 1) return;
    report(a, b,
           fmt::format("the first forbids these sessions, the second wants {} a week; let the first supersede the "
                       "second for the clients it applies to",
                       cb->bound.describe()));
  }

  [[nodiscard]] bool supersedes(const Rule& a, const Rule& b) const {
    const auto index = static_cast<std::uint32_t>(&b - set_.rules.data());
    return std::find(a.supersedes.begin(), a.supersedes.end(), index) != a.supersedes.end();
  }

  // The catalogue entries a filter matches, found once per filter: one rule meets many others.
  const std::vector<std::uint32_t>& matching(const Expr& filter) {
    const auto [at, added] = matching_.try_emplace(&filter);
    if (!added) return at->second;
    for (std::uint32_t x = 0; x < set_.catalogue.size(); ++x) {
      if (eval::holds_for_exercise(set_, filter, x, false) || eval::holds_for_exercise(set_, filter, x, true)) {
        at->second.push_back(x);
      }
    }
    return at->second;
  }

  void postures(const Rule& a, const Rule& b) {
    const auto* pa = posture_set(a);
    const auto* pb = posture_set(b);
    if (pa == nullptr || pb == nullptr || (pa->bits & pb->bits).any()) return;
    for (const auto x : matching(a.filter)) {
      for (const bool loaded : {false, true}) {
        if (eval::holds_for_exercise(set_, a.filter, x, loaded) &&
            eval::holds_for_exercise(set_, b.filter, x, loaded)) {
          report(a, b,
                 fmt::format("their posture sets have nothing in common, and both apply to {}",
                             set_.catalogue.at(x).name));
          return;
        }
      }
    }
  }

  void required_but_forbidden(const Rule& a, const Rule& b) {
    const auto* wanted = required_exercise(a);
    if (wanted == nullptr || !forbids_exercises(b)) return;
    const auto& candidates = matching(*wanted);
    if (candidates.empty()) return;
    const bool all_forbidden = std::all_of(candidates.begin(), candidates.end(), [&](std::uint32_t x) {
      return eval::holds_for_exercise(set_, b.filter, x, false) && eval::holds_for_exercise(set_, b.filter, x, true);
    });
    if (all_forbidden) {
      report(a, b,
             fmt::format("the first requires an exercise such as {} and the second forbids every one that "
                         "qualifies",
                         set_.catalogue.at(candidates.front()).name));
    }
  }

  void suggested_but_forbidden(const Rule& a, const Rule& b) {
    if (a.suggest.empty() || !forbids_exercises(b)) return;
    std::vector<std::string> forbidden;
    for (const auto x : a.suggest) {
      if (eval::holds_for_exercise(set_, b.filter, x, false)) forbidden.push_back(set_.catalogue.at(x).name);
    }
    if (forbidden.empty()) return;
    report(a, b, fmt::format("the first suggests {}, which the second forbids", spoken_list(forbidden, "and")));
  }
};

}  // namespace

PackCheck check_packs(const EngineOptions& options, bool extra_packs) {
  PackCheck out;
  auto loaded = load_rules(options);
  if (!loaded.rules) {
    out.errors = std::move(loaded.problems);
    return out;
  }
  const auto& set = *loaded.rules;
  out.rules = set.rules.size();
  unused(set, extra_packs, out.warnings);
  impossible_whens(set, extra_packs, out.warnings);
  ConflictFinder(set, extra_packs, out.warnings).run();
  return out;
}

}  // namespace liftlint::authoring
