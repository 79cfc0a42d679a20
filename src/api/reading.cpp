// What a plan was read as: the resolved plan in the public types, for `liftlint read` and editors.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "api/convert.hpp"
#include "api/engine_impl.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/json_plan.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "support/limits.hpp"

namespace liftlint {
namespace {

using model::Category;

std::vector<std::string> names_in(const model::Vocabulary& vocab, const model::Bits& bits) {
  std::vector<std::string> out;
  for (std::uint16_t i = 0; i < vocab.size(); ++i) {
    if (bits.test(i)) out.push_back(vocab.at(i).id);
  }
  return out;
}

const char* block_name(model::Block block) {
  switch (block) {
    case model::Block::warmup: return "warmup";
    case model::Block::cooldown: return "cooldown";
    default: return "main";
  }
}

std::string day_of(const plan::Session& s) {
  static constexpr std::array<const char*, 7> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  if (!s.weekday_known) return s.label;
  const std::string day = days[static_cast<std::size_t>(s.weekday)];
  return s.part.empty() ? day : fmt::format("{} {}", day, s.part);
}

LineReading line_of(const model::RuleSet& rules, const plan::Line& l) {
  LineReading out;
  out.location = location_of(l.span);
  out.exercise = l.exercise->name;
  out.known = !l.unknown;
  out.dose_read = !l.dose_unknown;
  out.block = block_name(l.block);
  out.group = l.group;
  out.sets = l.sets;
  out.reps = l.reps;
  out.reps_max = l.reps_max;
  out.hold_seconds = l.hold_seconds;
  out.load_kg = l.load_kg;
  out.percent = l.percent;
  out.rpe = l.rpe;
  out.rir = l.rir;
  out.rest_seconds = l.rest_seconds;
  out.distance_m = l.distance_m;
  out.reps_per_set = l.reps_list;
  out.each_side = l.each_side;
  out.amrap = l.amrap;
  out.bodyweight = l.bodyweight;
  out.loaded = l.loaded;
  if (!l.unknown) {
    out.posture = rules.vocab(Category::posture).at(l.posture).id;
    out.equipment = names_in(rules.vocab(Category::equipment), l.equipment);
  }
  return out;
}

SessionReading session_of(const model::RuleSet& rules, const plan::Session& s) {
  SessionReading out;
  out.location = location_of(s.span);
  out.day = day_of(s);
  out.weekday_known = s.weekday_known;
  const auto& kinds = rules.vocab(Category::session_kind);
  out.kind = kinds.at(s.kind).id;
  if (s.content_kind) out.kind += fmt::format(" ({} by its content)", kinds.at(*s.content_kind).id);
  if (s.duration_seconds) out.minutes = *s.duration_seconds / 60;
  static constexpr std::array<const char*, 3> intensities = {"light", "moderate", "vigorous"};
  if (s.intensity) out.intensity = intensities.at(static_cast<std::size_t>(*s.intensity));
  for (const auto& l : s.lines) out.lines.push_back(line_of(rules, l));
  return out;
}

}  // namespace

PlanReading reading_of(const model::RuleSet& rules, const plan::Plan& plan) {
  PlanReading out;
  out.conditions = names_in(rules.vocab(Category::condition), plan.client.conditions);
  out.cleared = plan.client.cleared;
  out.cleared_without_restrictions = plan.client.cleared && plan.client.without_restrictions;
  static constexpr std::array<const char*, 3> levels = {"beginner", "intermediate", "advanced"};
  if (plan.client.has_experience) out.experience = levels[static_cast<std::size_t>(plan.client.experience)];
  out.age = plan.client.age;
  out.gestational_week = plan.client.gestational_week;
  for (const auto& block : plan.blocks) {
    WeekReading week{block.first, block.last, block.deload, {}};
    for (const auto& s : block.sessions) week.sessions.push_back(session_of(rules, s));
    out.weeks.push_back(std::move(week));
  }
  return out;
}

PlanReading Engine::read_text(const std::string& path, std::string text, PlanFormat format) const {
  PlanReading out;
  const auto* rules = &*impl_->rules;
  limits::strip_bom(text);
  const SourceFile file{path, std::move(text)};
  Diagnostics diagnostics;
  const auto parsed = format == PlanFormat::json ? plan::parse_json_plan(file, 0, file.text.size(), 1, diagnostics)
                                                 : plan::parse_plan_file(file, diagnostics);
  std::optional<plan::Plan> plan;
  if (parsed) plan = plan::resolve_plan(*parsed, *rules, diagnostics);
  if (plan) out = reading_of(*rules, *plan);
  out.path = path;
  for (auto& p : problems_of(diagnostics)) (p.rule_id == plan::note_code ? out.notes : out.errors).push_back(p);
  return out;
}

}  // namespace liftlint
