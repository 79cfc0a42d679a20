// A resolved plan: exercises looked up, units converted, calendar laid out.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "liftlint/kinds.hpp"
#include "rules/model.hpp"

namespace liftlint::plan {

// Where a line writes its name and the parts of its dose a substitute changes, for fixes.
struct WrittenDose {
  Span name;
  Span reps;                      // a count of repetitions; empty for a timed set or a list such as 10/8/6
  std::array<Span, 4> intensity;  // load, percentage, RPE, RIR: what a lighter substitute drops
  // Every word of the line is the name, a part of the dose the reader took, or the notation's own
  // (`sets`, `each side`, `@`): nothing a substitute would contradict or leave without meaning.
  bool plain = false;
};

struct Line {
  const model::Exercise* exercise = nullptr;
  std::uint32_t exercise_id = 0;
  Span span;
  WrittenDose written;
  model::Block block = model::Block::main;
  std::optional<double> sets, reps, reps_max, hold_seconds, load_kg, rpe, rir, percent, rest_seconds, eccentric;
  std::optional<double> distance_m;
  std::vector<double> reps_list;  // one count per set, when the plan gives them
  std::string group;              // the superset or circuit the line belongs to; empty when alone
  bool unknown = false;           // the exercise could not be found: what the rules read of it is unknown
  bool dose_unknown = false;      // the dose could not be read: its values are unknown
  bool amrap = false;
  bool alternating = false;
  int implements = 0;  // 2 for a pair of dumbbells or kettlebells
  bool each_side = false;
  bool bodyweight = false;
  bool has_tempo = false;
  bool band = false;  // resistance from a band, which does not load the spine like a weight
  bool loaded = false;
  bool pounds = false;  // the load was written in pounds, where weights come in 5 lb steps
  std::uint16_t posture = 0;
  model::Bits equipment;
};

// A weight on the line, a percentage of a maximum, or a loaded exercise not done with
// body weight or a band.
[[nodiscard]] inline bool loaded(const Line& l) {
  return (l.load_kg && *l.load_kg > 0) || l.percent.has_value() || (l.exercise->loaded && !l.bodyweight && !l.band);
}

struct Session {
  std::uint16_t kind = 0;
  std::optional<std::uint16_t> content_kind;  // strength, for resistance work under another label
  int weekday = 0;            // 0 = Monday; for Day 1, Session A: the place in the week, for ordering only
  bool weekday_known = true;  // false for Day 1, Session A
  std::string part;           // am, pm: one of several sessions on a day
  std::string label;          // Day 1, Session A
  Span span;                  // the day token, where findings about the session point
  std::optional<double> duration_seconds;
  std::optional<double> warmup_seconds;  // 0 when there is no warm-up block
  bool has_cooldown = false;
  std::vector<Line> lines;
  model::Bits main_muscles;
  std::optional<int> intensity;  // 0 light, 1 moderate, 2 vigorous; from the header's words or the RPE
  bool rest_day = false;         // the plan marks the day rest, and gives what is done on it

  // The session's length, or else the time its timed lines add up to.
  [[nodiscard]] std::optional<double> active_seconds() const {
    if (duration_seconds) return duration_seconds;
    double total = 0;
    for (const auto& l : lines) {
      if (l.hold_seconds && !l.unknown) total += *l.hold_seconds * l.sets.value_or(1);
    }
    return total > 0 ? std::optional<double>(total) : std::nullopt;
  }
};

// One `week N..M { }` block; every week in the range repeats it.
struct WeekBlock {
  int first = 1;
  int last = 1;
  Span span;
  std::vector<Session> sessions;  // in weekday order
  bool deload = false;

  [[nodiscard]] bool weekdays_known() const {
    for (const auto& s : sessions) {
      if (!s.weekday_known) return false;
    }
    return true;
  }
};

struct Client {
  model::Bits conditions;  // with everything implied
  bool cleared = false;
  bool without_restrictions = false;  // the clearance says it sets none
  std::string cleared_by;
  std::string cleared_on;
  int experience = 0;
  bool has_experience = false;
  std::optional<double> age;               // years
  std::optional<double> gestational_week;  // at the plan's first week
  Span span;
};

// A waiver with its rule found and the byte ranges of the plan it covers.
struct Waiver {
  const model::Rule* rule = nullptr;
  WaiverScope scope = WaiverScope::plan;
  std::string reason;
  std::string approver;
  std::string until;  // YYYY-MM-DD or empty
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  Span span;  // the rule id in the waiver

  [[nodiscard]] bool covers(const Span& at) const {
    for (const auto& [begin, end] : ranges) {
      if (at.offset >= begin && at.offset < end) return true;
    }
    return false;
  }
};

struct Plan {
  std::string name;
  std::vector<Waiver> waivers;
  Span span;  // plan name, or the start of the file
  Client client;
  std::vector<WeekBlock> blocks;
  int weeks = 0;
  // The first week the plan gives: a block that starts at week 5 (`Week 5-8`) does not make weeks 1-4 empty.
  int first_week = 1;
  bool cyclic = false;             // a single week that repeats: Sunday is followed by Monday
  std::vector<int> block_of_week;  // week number -> index into blocks, -1 for an empty week
  std::deque<model::Exercise> own_exercises;

  [[nodiscard]] const WeekBlock* week(int number) const {
    const int index = block_of_week[static_cast<std::size_t>(number)];
    return index < 0 ? nullptr : &blocks[static_cast<std::size_t>(index)];
  }
};

}  // namespace liftlint::plan
