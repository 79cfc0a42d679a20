// One exercise line of trainer notation: an optional label, a name, then dose items in any order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/ast.hpp"
#include "plan/lexer.hpp"

namespace liftlint::plan {

// What the lines around an exercise line say about it: the circuit or superset it is in.
struct LineContext {
  std::string group;
  std::optional<ast::Quantity> rounds;  // sets for each line that gives none
  std::vector<double> scheme;           // 21-15-9: the reps of each round
  std::string load_unit;                // kg or lb when every load written with a unit uses it, else empty
  // Another load on the line, after `@` or with its unit, is 20 or more (`1@7, 4x5@150`, `165 lb × 6 @ 6`): a bare
  // `@ 7` beside it is no weight but an RPE, as powerlifting sheets and training logs write it.
  bool heavy_load_beside = false;
};

// A column of a table pasted from a spreadsheet, named by its header row.
struct Column {
  enum class Kind { exercise, sets, reps, load, rest, tempo, rpe, rir, percent, notes, week, day, unit, dose, other };
  Kind kind = Kind::other;
  std::string unit;        // from the header, as in `Load (kg)` or `Rest (s)`
  bool week_dose = false;  // `Wk1`, `Week 2`: the dose of one week
};

// One row of such a table: the tokens of each cell, [first, last), in column order.
struct Cell {
  Column column;
  std::size_t first = 0;
  std::size_t last = 0;
};

// Reads a table row: a bare number in a cell means what its column says (3 under Sets is 3 sets).
[[nodiscard]] std::optional<ast::Line> read_table_row(const SourceFile& file, const std::vector<Token>& tokens,
                                                      const std::vector<Cell>& cells, const LineContext& context,
                                                      Diagnostics& diagnostics);

// Reads tokens [first, last) as an exercise line. A dose that cannot be read is one error and
// leaves the line with its name and no dose (`unreadable`); nullopt when no name could be read.
[[nodiscard]] std::optional<ast::Line> read_exercise_line(const SourceFile& file, const std::vector<Token>& tokens,
                                                          std::size_t first, std::size_t last,
                                                          const LineContext& context, Diagnostics& diagnostics);

// `Back squat` then `5x5 @ 80kg`: tokens [first, last) that hold a dose and no name, read for the exercise named
// on the line above.
[[nodiscard]] std::optional<ast::Line> read_dose_line(const SourceFile& file, const std::vector<Token>& tokens,
                                                      std::size_t first, std::size_t last, const LineContext& context,
                                                      const ast::Value& name, Diagnostics& diagnostics);

// Index of the word `waive` that starts a line's waiver, or `last` when there is none.
[[nodiscard]] std::size_t waiver_start(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

// The unit a word names (s, min, h, kg, lb, m, km, mi, yd), or empty.
[[nodiscard]] std::string unit_word(std::string_view lower);

// The equipment an implement word names (`kb` and `kettlebells` name kettlebell, `db` dumbbell), or empty.
[[nodiscard]] std::string equipment_word(std::string_view lower);

}  // namespace liftlint::plan
