// A resolved plan: exercises looked up, units converted, calendar laid out.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "rules/model.hpp"

namespace liftlint::plan {

struct Line {
  const model::Exercise* exercise = nullptr;
  std::uint32_t exercise_id = 0;
  Span span;
  model::Block block = model::Block::main;
  std::optional<double> sets, reps, reps_max, hold_seconds, load_kg, rpe, rir, percent, rest_seconds, eccentric;
  bool each_side = false;
  bool bodyweight = false;
  bool has_tempo = false;
  bool band = false;  // resistance from a band, which does not load the spine like a weight
  bool loaded = false;
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
  int weekday = 0;  // 0 = Monday
  Span span;        // the day token, where findings about the session point
  std::optional<double> duration_seconds;
  std::optional<double> warmup_seconds;  // 0 when there is no warm-up block
  bool has_cooldown = false;
  std::vector<Line> lines;
  model::Bits main_muscles;
};

// One `week N..M { }` block; every week in the range repeats it.
struct WeekBlock {
  int first = 1;
  int last = 1;
  Span span;
  std::vector<Session> sessions;  // in weekday order
};

struct Client {
  model::Bits conditions;  // with everything implied
  bool cleared = false;
  std::string cleared_by;
  std::string cleared_on;
  int experience = 0;
  bool has_experience = false;
  Span span;
};

struct Plan {
  std::string name;
  Span span;  // plan name, or the start of the file
  Client client;
  std::vector<WeekBlock> blocks;
  int weeks = 0;
  bool cyclic = false;             // a single week that repeats: Sunday is followed by Monday
  std::vector<int> block_of_week;  // week number -> index into blocks, -1 for an empty week
  std::deque<model::Exercise> own_exercises;

  [[nodiscard]] const WeekBlock* week(int number) const {
    const int index = block_of_week[static_cast<std::size_t>(number)];
    return index < 0 ? nullptr : &blocks[static_cast<std::size_t>(index)];
  }
};

}  // namespace liftlint::plan
