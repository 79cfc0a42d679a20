#include "plan/line_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>
#include <utility>

#include "plan/asides.hpp"
#include "plan/notes.hpp"
#include "support/ascii.hpp"
#include "support/names.hpp"
#include "support/string_index.hpp"
#include "support/units.hpp"
#include "support/word_set.hpp"

namespace liftlint::plan {
namespace {

// Keyword lists: string literals, looked up by the lower-case view of a word.

using K = Token::Kind;

// Words after which a line's name has ended: they only ever start a dose item.
const WordSet dose_words = {"rpe",     "rir",       "tempo", "rest",   "each",  "per",   "amrap", "max",
                            "failure", "sets",      "set",   "reps",   "rep",   "x",     "bw",    "e/s",
                            "ea",      "l/r",       "alt",   "rounds", "round", "steps", "step",  "repetitions",
                            "e/l",     "each/side", "fail",  "ecc",    "waive", "rm",    "e1rm",  "1rm"};

const WordSet band_levels = {"red",     "green",  "blue",   "black", "yellow", "purple", "orange", "grey", "gray",
                             "pink",    "light",  "medium", "heavy", "extra",  "thin",   "thick",  "mini", "x-heavy",
                             "x-light", "strong", "lite",   "brown", "white",  "silver", "gold"};

// Words after a time that make it part of a cue rather than a dose: `2s pause at top`.
// Words after a time or a height that make it part of a cue rather than a dose: `2s pause at top`, `30cm box`.
const WordSet cue_words = {"pause",     "paused", "pauses", "squeeze", "stop",     "at",    "iso",
                           "isometric", "box",    "step",   "bench",   "platform", "block", "blocks",
                           "high",      "height", "tall",   "plinth",  "hurdle"};

// DBs, kettlebells: one in each hand.
bool pair_word(std::string_view w) { return w == "dbs" || w == "kbs" || w == "dumbbells" || w == "kettlebells"; }

bool side_word(std::string_view w) {
  return w == "e/s" || w == "e/l" || w == "ea" || w == "l/r" || w == "each/side" || w == "per/side" || w == "es" ||
         w == "ps";
}

bool limb_word(std::string_view w) {
  return w == "side" || w == "sides" || w == "leg" || w == "legs" || w == "arm" || w == "arms" || w == "way" ||
         w == "direction" || w == "hand" || w == "foot";
}

std::string fmt_number(double v) { return fmt::format("{}", v); }

class Reader {
 public:
  Reader(const SourceFile& file, const std::vector<Token>& t, std::size_t first, std::size_t last,
         const LineContext& context, Diagnostics& d)
      : file_(file), t_(t), i_(first), last_(last), first_(first), context_(context), d_(d) {}

  std::optional<ast::Line> read() {
    if (!head()) return std::nullopt;
    rest_of_cell();
    run_by_jargon();
    cardio_by_time();
    return result();
  }

  // A dose written on a line of its own, for the exercise named above it.
  std::optional<ast::Line> read_dose(const ast::Value& name) {
    line_.name = name;
    line_.span = span(i_, last_ - 1);
    rest_of_cell();
    return result();
  }

  // The exercise cell first, then each other cell with its column's meaning.
  std::optional<ast::Line> read_row(const std::vector<Cell>& cells) {
    const auto exercise =
        std::find_if(cells.begin(), cells.end(), [](const Cell& c) { return c.column.kind == Column::Kind::exercise; });
    if (exercise == cells.end() || exercise->first == exercise->last) return std::nullopt;
    i_ = exercise->first;
    last_ = exercise->last;
    if (!head()) return std::nullopt;
    rest_of_cell();
    for (const auto& cell : cells) {
      if (&cell == &*exercise || cell.first == cell.last || failed_) continue;
      i_ = cell.first;
      last_ = cell.last;
      column_value(cell.column);
      rest_of_cell();
    }
    return result();
  }

 private:
  bool head() {
    skip_bullets();
    const auto before = i_;
    label();
    // `3. A1 Machine chest fly`: a list's number, then the superset's label
    if (i_ > before && line_.group.empty()) label();
    skip_bullets();
    leading_dose();
    if (failed_) return false;
    return name();
  }

  void rest_of_cell() {
    while (i_ < last_ && !failed_) item();
    if (after_at_ && !failed_) fail(last_ - 1, last_ - 1, "expected a load after '@', such as @ 8kg, @ RPE 7 or @ 70%");
    end_note();
  }

  // The first value of a cell, read as its column says; what follows is read like any dose.
  void column_value(const Column& column) {
    using C = Column::Kind;
    if (column.kind == C::dose) return;  // `Prescription`, `Sets x Reps`: read as written
    if (column.kind == C::notes || column.kind == C::other) {
      const auto s = span(i_, last_ - 1);
      line_.notes.emplace_back(file_.text.substr(s.offset, s.length));
      i_ = last_;
      return;
    }
    if (column.kind == C::tempo) return tempo_cell();
    if (!(t_[i_].is(K::number) || t_[i_].is(K::clock))) return;
    const bool times_next = at(i_ + 1) != nullptr && t_[i_ + 1].is(K::times);
    if (times_next && column.kind == C::load && !column.unit.empty()) return pair_cell(column);
    if (times_next) return;
    Q q = quantity();
    if (failed_) return;
    if (!q.unit.empty()) {
      const auto kind = unit_scale(q.unit);
      if (column.kind == C::rest && kind && kind->kind == UnitKind::time) return time(q, true);
      // `65s` under Load: a pair of dumbbells
      if (column.kind == C::load && q.unit == "s" &&
          dumbbell_pair(q, column.unit.empty() ? context_.load_unit : column.unit)) {
        return;
      }
      return bare_quantity(q);
    }
    switch (column.kind) {
      case C::sets: return sets(q);
      case C::reps: return reps(q);
      case C::rpe: return set_once(line_.rpe, q, {}, "an RPE");
      case C::rir: return set_once(line_.rir, q, {}, "repetitions in reserve");
      case C::percent: return percent(q);
      default: break;
    }
    // a load column without its unit, in a plan whose loads are all in one unit: that unit
    // (a number alone: `5.0 km/h` under Load is a speed)
    const bool alone = at(i_) == nullptr || !t_[i_].is(K::word);
    const auto unit = column.unit.empty() && column.kind == C::load && alone ? context_.load_unit : column.unit;
    if (unit.empty()) {
      fail(q.first, q.last,
           fmt::format("'{}' in the {} column has no unit: write {}{}, or name the column with its unit, such as "
                       "'{} ({})'",
                       fmt_number(q.low), column.kind == C::load ? "load" : "rest", fmt_number(q.low),
                       column.kind == C::load ? "kg" : "s", column.kind == C::load ? "Load" : "Rest",
                       column.kind == C::load ? "kg" : "s"));
      return;
    }
    q.unit = unit;
    if (column.kind == C::load) return load(q);
    time(q, true);
  }

  // 2x12 under `Load (kg)`: a pair of 12 kg.
  void pair_cell(const Column& column) {
    const Q count = quantity();
    ++i_;
    if (at(i_) == nullptr || !t_[i_].is(K::number)) return fail(count.first, count.last, "expected a load after 'x'");
    Q q = quantity();
    if (q.unit.empty()) q.unit = column.unit;
    if (count.low <= 2) line_.implements = static_cast<int>(count.low);
    load(q);
  }

  void tempo_cell() {
    const auto& t = t_[i_];
    if (t.is(K::tempo) || (t.is(K::number) && (t.text.size() == 3 || t.text.size() == 4))) {
      line_.tempo = tempo_value(t.text, t.span(file_));
      ++i_;
    }
  }

  std::optional<ast::Line> result() {
    if (failed_) {
      ast::Line bare;
      bare.name = line_.name;
      bare.span = line_.span;
      bare.group = line_.group;
      bare.unreadable = true;
      return bare;
    }
    if (!lists_match_sets()) {
      failed_ = true;
      ast::Line bare;
      bare.name = line_.name;
      bare.span = line_.span;
      bare.unreadable = true;
      return bare;
    }
    finish();
    return std::move(line_);
  }

  const SourceFile& file_;
  const std::vector<Token>& t_;
  std::size_t i_;
  std::size_t last_;
  std::size_t first_;  // where the line starts
  const LineContext& context_;
  Diagnostics& d_;
  ast::Line line_;
  bool failed_ = false;
  bool after_at_ = false;  // the last token was `@`
  bool at_item_ = false;   // the item being read follows `@`
  std::optional<std::size_t> note_first_;
  std::size_t note_last_ = 0;

  // --- token helpers ------------------------------------------------------------

  [[nodiscard]] const Token* at(std::size_t k) const { return k < last_ ? &t_[k] : nullptr; }
  [[nodiscard]] std::string_view word_at(std::size_t k) const { return k < last_ ? t_[k].lower() : std::string_view{}; }
  [[nodiscard]] bool punct_at(std::size_t k, char c) const { return k < last_ && t_[k].is_punct(c); }
  [[nodiscard]] Span span(std::size_t a, std::size_t b) const { return span_between(file_, t_[a], t_[b]); }

  void fail(std::size_t a, std::size_t b, std::string message) {
    if (failed_) return;
    failed_ = true;
    d_.error(span(a, std::max(a, std::min(b, last_ - 1))), std::move(message));
  }

  // An item of the dose that cannot be read, while the rest of the line still can.
  void refuse_item(std::size_t a, std::size_t b, std::string message) {
    if (failed_) return;
    d_.error(span(a, std::max(a, std::min(b, last_ - 1))), std::move(message));
  }

  // --- label and name -----------------------------------------------------------

  // `10 push-ups`, `5 min bike`, `3 x 10 squats`: a dose written before the name. `90/90 hip switch`
  // starts with a name.
  void leading_dose() {
    while (i_ < last_ && (t_[i_].is(K::number) || t_[i_].is(K::clock)) && !failed_) {
      if (t_[i_].is(K::number) && number_in_name(i_, true) != 0) return;
      number_item();
      // `8/side Worlds Greatest Stretch`
      if (punct_at(i_, '/') && at(i_ + 1) != nullptr && at(i_ + 1)->is(K::word) &&
          (at(i_ + 1)->lower() == "side" || at(i_ + 1)->lower() == "leg" || at(i_ + 1)->lower() == "arm")) {
        line_.each_side = true;
        i_ += 2;
      }
      end_note();
      if (punct_at(i_, ',') || (at(i_) != nullptr && t_[i_].is(K::dash))) ++i_;
    }
  }

  void skip_bullets() {
    while (i_ < last_) {
      const auto& t = t_[i_];
      const bool bullet = t.is(K::other) || t.is(K::dash) || t.is(K::times) ||
                          (t.is(K::punct) && std::string_view("*>.~[]|:+=!?").find(t.text[0]) != std::string::npos);
      if (!bullet) return;
      ++i_;
    }
  }

  // `Station 3: Bear crawl 10m`, `Exercise 2 - Goblet squat 3x10`: the place of the exercise in a circuit or list.
  bool numbered_place() {
    static const WordSet places = {"station", "exercise", "ex", "move", "movement", "stop"};
    const Token* word = at(i_);
    const Token* number = at(i_ + 1);
    const Token* mark = at(i_ + 2);
    if (word == nullptr || number == nullptr || mark == nullptr || at(i_ + 3) == nullptr ||
        !places.contains(word->lower()) || !number->is(K::number) || number->mark != 0 ||
        !(mark->is_punct(':') || mark->is_punct('.') || mark->is_punct(')') || mark->is(K::dash))) {
      return false;
    }
    i_ += 3;
    return true;
  }

  // A1) A1. A1: A) B: 1. 1) (A1): a superset letter or plain numbering. `Check: deadlift 3x5`, `NB: RDL 3x8`:
  // an aside's marker before a prescribed exercise, which is still read and judged.
  void label() {
    if (numbered_place()) return;
    if (const Token* t = at(i_); t != nullptr && t->is(K::word) && aside_label(t->lower()) && at(i_ + 1) != nullptr &&
                                 (at(i_ + 1)->is_punct(':') || at(i_ + 1)->is(K::dash)) && at(i_ + 2) != nullptr) {
      i_ += 2;
      return;
    }
    std::size_t k = i_;
    const bool paren = punct_at(k, '(');
    if (paren) ++k;
    const Token* t = at(k);
    if (t == nullptr) return;
    std::string group;
    // `Z2 run 45 min`: a heart-rate zone, not a superset's letter
    const bool zone = ascii::lower(static_cast<unsigned char>(t->text[0])) == 'z';
    if (t->is(K::word) && t->text.size() <= 2 && ascii::is_alpha(static_cast<unsigned char>(t->text[0])) && !zone &&
        (t->text.size() == 1 || ascii::is_digit(static_cast<unsigned char>(t->text[1])))) {
      group = std::string(1, static_cast<char>(ascii::upper(static_cast<unsigned char>(t->text[0]))));
      ++k;
      if (at(k) != nullptr && at(k)->is(K::number) && at(k)->attached && at(k)->mark == 0) ++k;
    } else if (t->is(K::number) && t->mark == 0 && t->text.size() <= 2 && at(k + 1) != nullptr &&
               at(k + 1)->is(K::other) && at(k + 1)->attached) {
      // 1️⃣: a digit with emoji marks after it
      ++k;
      while (at(k) != nullptr && at(k)->is(K::other) && at(k)->attached) ++k;
      i_ = k;
      return;
    } else if (t->is(K::number) && t->mark == 0 && t->text.size() <= 2) {
      ++k;
      if (at(k) != nullptr && at(k)->is(K::word) && at(k)->attached && at(k)->text.size() == 1) ++k;
    } else {
      return;
    }
    const Token* close = at(k);
    // `A1 -> Hang power clean`, `D → Farmers carry`: the letter, then an arrow
    const bool arrow = !paren && !group.empty() && close != nullptr &&
                       ((close->is(K::dash) && punct_at(k + 1, '>')) || close->text == "\u2192");
    if (arrow) k += close->is(K::dash) ? 2 : 1;
    const bool closes = arrow || (close != nullptr && close->attached &&
                                  (close->is_punct(')') || close->is_punct('.') || close->is_punct(':')));
    if (paren && !(close != nullptr && close->is_punct(')'))) return;
    // `B2 1-arm DB row`: a name that starts with a count of limbs
    const bool limbs = close != nullptr && close->is(K::number) && close->mark == 0 && at(k + 2) != nullptr &&
                       t_[k + 1].is(K::dash) && t_[k + 1].attached && t_[k + 2].is(K::word) && t_[k + 2].attached;
    if (!closes && !(group.size() == 1 && k > i_ + 1 && close != nullptr && (close->is(K::word) || limbs))) {
      // `A1 Goblet squat` without punctuation counts only with the digit.
      return;
    }
    if (closes && !arrow) ++k;
    if (at(k) == nullptr || !(at(k)->is(K::word) || at(k)->is(K::string) || at(k)->is(K::number) ||
                              at(k)->is(K::other) || at(k)->is(K::dash))) {
      return;
    }
    line_.group = group;
    i_ = k;
  }

  [[nodiscard]] bool unit_or_dose(std::size_t k) const {
    auto w = word_at(k);
    if (const auto slash = w.find('/'); slash != std::string_view::npos && slash > 0) w = w.substr(0, slash);
    return w.empty() || dose_words.count(w) > 0 || !unit_word(w).empty() || side_word(w) || w == "of" || w == "kg" ||
           w == "x";
  }

  // A number belongs to the name when words follow it that are not a dose: 90/90 hip switch, Figure 4 stretch.
  // Also `45-degree back extension` and `Landmine 180 3 x 8`, where a number no dose needs
  // comes before the dose.
  [[nodiscard]] std::size_t number_in_name(std::size_t k, bool name_empty) const {
    std::size_t end = k;
    if (t_[k].mark != 0 || t_[k].text.find('.') != std::string_view::npos) return 0;
    ++end;
    bool joined = false;
    while ((punct_at(end, '/') || (at(end) != nullptr && at(end)->is(K::dash))) && t_[end].attached &&
           at(end + 1) != nullptr && at(end + 1)->is(K::number) && at(end + 1)->attached) {
      end += 2;
      joined = true;
    }
    if (at(end) != nullptr && at(end)->is(K::dash) && t_[end].attached && at(end + 1) != nullptr &&
        at(end + 1)->is(K::word) && at(end + 1)->attached) {
      return end + 1;  // 45-degree
    }
    const Token* next = at(end);
    if (!name_empty && !joined && t_[k].value >= 20 && next != nullptr && !t_[k + 1].attached &&
        (next->is(K::number) || next->is(K::times)) && unit_word(word_at(k + 1)).empty()) {
      return end;  // Landmine 180 3 x 8: no dose has 180 before its sets
    }
    if (!name_empty && !joined && t_[k].value >= 10) return 0;
    if (next == nullptr || !next->is(K::word) || unit_or_dose(end) || band_levels.count(next->lower()) > 0) return 0;
    // `1 arm DB row`, `2 leg glute bridge`: one-armed, not one repetition
    const auto limb = word_at(end);
    const bool sided = (t_[k].value == 1 || t_[k].value == 2) && (limb == "arm" || limb == "leg" || limb == "hand");
    if (name_empty && !joined && !sided) return 0;  // `10 push-ups`: a count before the name
    return end;
  }

  bool name() {
    if (i_ < last_ && t_[i_].is(K::string)) {
      const auto& t = t_[i_];
      line_.name =
          ast::Value{ast::Value::Kind::string, std::string(t.text.substr(1, t.text.size() - 2)), 0, {}, t.span(file_)};
      line_.span = line_.name.span;
      ++i_;
      return true;
    }
    const std::size_t begin = i_;
    std::size_t end = i_;  // one past the last name token
    while (i_ < last_) {
      const auto& t = t_[i_];
      if (t.is(K::word)) {
        const auto w = t.lower();
        if (end > begin && (dose_words.count(w) > 0 || side_word(w))) break;
        if (end > begin && (w == "to" || w == "until" || w == "till" || w == "til") &&
            word_at(i_ + 1).starts_with("fail")) {
          break;
        }
        if (end > begin && band_levels.count(w) > 0 && word_at(i_ + 1).starts_with("band")) break;
        if (end > begin && (w == "bodyweight" || w == "alternating") && !word_at(i_ + 1).empty() &&
            unit_or_dose(i_ + 1)) {
          break;
        }
        const bool value_follows = at(i_ + 1) == nullptr || !at(i_ + 1)->is(K::word);
        // `15 min tempo`: after a time or a distance, a tempo run
        const bool tempo_run = w == "tempo" && (line_.distance || line_.reps) && tempo_value_absent(i_ + 1);
        if (end == begin && !tempo_run &&
            (w == "rpe" || w == "rir" || w == "rest" || w == "waive" || (w == "tempo" && value_follows))) {
          break;
        }
        end = ++i_;
      } else if (t.is(K::number) && end > begin && zone_number(i_)) {
        end = ++i_;
      } else if (t.is(K::number)) {
        const auto stop = number_in_name(i_, end == begin);
        if (stop == 0) break;
        end = i_ = stop;
      } else if (t.is_punct('+') && end > begin && session_after(i_ + 1)) {
        // `6 mi easy + Strength A`: another session done the same day, written elsewhere; a note
        note_word(i_);
        note_word(last_ - 1);
        end_note();
        last_ = i_;
        break;
      } else if ((t.is_punct('&') || t.is_punct('/') || t.is_punct('+') || t.is_punct('\'')) && end > begin &&
                 at(i_ + 1) != nullptr && at(i_ + 1)->is(K::word) && !unit_or_dose(i_ + 1)) {
        ++i_;
      } else if (t.is(K::dash) && t.attached && end > begin && at(i_ + 1) != nullptr && at(i_ + 1)->attached &&
                 at(i_ + 1)->is(K::word)) {
        ++i_;
      } else {
        break;
      }
    }
    if (end == begin && line_.distance && begin > first_) return run_by_distance(begin, end);
    if (end == begin) {
      const auto& t = t_[std::min(begin, last_ - 1)];
      d_.error(t.span(file_),
               begin < last_ ? fmt::format("expected an exercise name before '{}', as in 'goblet squat 3x10'", t.text)
                             : std::string("expected an exercise name, as in 'goblet squat 3x10'"));
      return false;
    }
    if (line_.distance && begin > first_ && efforts_only(begin, end)) return run_by_distance(begin, end);
    i_ = end;
    const auto s = span(begin, end - 1);
    line_.name = ast::Value{ast::Value::Kind::string, std::string(file_.text.substr(s.offset, s.length)), 0, {}, s};
    line_.span = s;
    return true;
  }

  // `8km`, `8km easy`, `10 mi steady`: in a running plan a distance alone, or with how to run it, is a run. The
  // words are a note; the name is the distance as written.
  bool run_by_distance(std::size_t begin, std::size_t end) {
    auto d = begin;
    while (d > first_ && !t_[d - 1].is(K::number)) --d;
    if (d > first_) --d;
    const auto s = span(d, begin - 1);
    line_.name = ast::Value{ast::Value::Kind::string, "run", 0, {}, s};
    line_.span = s;
    if (end > begin) {
      const auto words = span(begin, end - 1);
      line_.notes.emplace_back(file_.text.substr(words.offset, words.length));
    }
    i_ = end;
    return true;
  }

  // `LR 16km`, `3km wu`, `2km cd`, `15 min tempo`: a running plan's shorthand for a long run, a warm-up or
  // cool-down jog and a tempo run, with a distance or a time, is a run; the shorthand is a note. Without a
  // distance or time (`LR 3x15`, a lateral raise) it is no run.
  void run_by_jargon() {
    static const WordSet jargon = {"lr", "wu", "cd", "w/u", "c/d", "tempo", "strides"};
    const bool timed = line_.reps && (line_.reps->unit == "min" || line_.reps->unit == "s" || line_.reps->unit == "h");
    if (failed_ || !(line_.distance || timed) || line_.load || line_.reps_list.size() > 0) return;
    if (!jargon.contains(normalize_name(line_.name.text))) return;
    line_.notes.push_back(line_.name.text);
    line_.name.text = "running";
  }

  // `Easy 40 min`, `steady 30 min Z2`: how hard, then ten minutes or more, is light cardio of any kind.
  void cardio_by_time() {
    const auto& n = line_.name;
    if (line_.distance || !line_.reps || n.text == "run" || n.text == "running") return;
    const auto unit = line_.reps->unit;
    const double minutes = unit == "min" ? line_.reps->low : unit == "h" ? 60 * line_.reps->low : 0;
    if (minutes < 10) return;
    std::size_t begin = 0, end = 0;
    for (std::size_t k = 0; k < t_.size(); ++k) {
      if (t_[k].offset == n.span.offset) begin = k;
      if (t_[k].offset < n.span.offset + n.span.length) end = k + 1;
    }
    if (end <= begin || !efforts_only(begin, end)) return;
    line_.notes.push_back(n.text);
    line_.name.text = "light cardio";
  }

  // No tempo is written at `k`: the line ends, or goes on with a separator or a word.
  [[nodiscard]] bool tempo_value_absent(std::size_t k) const {
    return at(k) == nullptr || at(k)->is(K::punct) || at(k)->is(K::dash) || at(k)->is(K::word);
  }

  // `Strength A`, `S&C`, `core`, `gym session`: a session of its own named after `+`, to the end of the line.
  [[nodiscard]] bool session_after(std::size_t k) const {
    static const WordSet sessions = {"strength",   "core", "mobility", "gym",     "s&c",    "conditioning",
                                     "stretching", "yoga", "pilates",  "weights", "lifting"};
    if (!sessions.contains(word_at(k))) return false;
    for (auto j = k + 1; j < last_; ++j) {
      if (t_[j].is(K::number) || t_[j].is(K::times) || t_[j].is(K::clock)) return false;  // `+ core 3x10`: a dose
    }
    return true;
  }

  // `Z2`, `zone 3`: the number of a heart-rate zone, which says how hard, as a word of effort does.
  [[nodiscard]] bool zone_number(std::size_t k) const {
    if (k == 0 || !t_[k].is(K::number) || t_[k].mark != 0 || t_[k].value < 1 || t_[k].value > 5 ||
        t_[k].text.size() != 1) {
      return false;
    }
    const auto before = t_[k - 1].lower();
    return (before == "z" && t_[k].attached) || before == "zone";
  }

  [[nodiscard]] bool efforts_only(std::size_t begin, std::size_t end) const {
    static const WordSet efforts = {"easy",    "steady",         "long",        "tempo",   "recovery", "threshold",
                                    "slow",    "moderate",       "hard",        "aerobic", "shakeout", "progression",
                                    "relaxed", "conversational", "comfortable", "gentle"};
    for (auto k = begin; k < end; ++k) {
      const bool zone = (t_[k].lower() == "z" || t_[k].lower() == "zone") && k + 1 < end && zone_number(k + 1);
      if (zone) ++k;
      if (!zone && (!t_[k].is(K::word) || !efforts.contains(t_[k].lower()))) return false;
    }
    return true;
  }

  // The word before is a number or a dose word, so this word is read as part of the dose.
  [[nodiscard]] bool after_dose() const {
    if (i_ == 0) return false;
    const auto& before = t_[i_ - 1];
    return before.is(K::number) || before.is(K::clock) || before.is(K::times) || dose_words.count(before.lower()) > 0 ||
           side_word(before.lower());
  }

  static std::string slashed(std::string_view dashed) {
    std::string out;
    for (const char c : dashed) out.push_back(c == '-' ? '/' : c);
    return out;
  }

  // `Pause SQ (2ct)`, `Deficit DL (2")`, `@ 75% (165)`: one number in parentheses, with no dose word, says how
  // the exercise is set up or what the percentage comes to. It is a note, not a dose.
  bool qualifier_group() {
    std::size_t close = i_ + 1;
    std::size_t numbers = 0;
    while (close < last_ && !t_[close].is_punct(')')) {
      const auto w = t_[close].lower();
      if (t_[close].is(K::times) || t_[close].is(K::clock) || t_[close].is_punct('@') || side_word(w) ||
          dose_words.count(w) > 0 || w == "each" || w == "per" || w == "rest" || !unit_word(w).empty()) {
        if (unit_word(w).empty() || t_[close].is(K::times)) return false;
      }
      numbers += t_[close].is(K::number) ? 1 : 0;
      ++close;
    }
    if (close >= last_ || numbers != 1) return false;
    const bool before_dose = !line_.sets && !line_.reps && !line_.load;
    const bool after_percent =
        std::any_of(line_.amounts.begin(), line_.amounts.end(), [](const ast::Quantity& q) { return q.unit == "%"; });
    const auto& number =
        *std::find_if(t_.begin() + static_cast<std::ptrdiff_t>(i_), t_.begin() + static_cast<std::ptrdiff_t>(close),
                      [](const Token& x) { return x.is(K::number); });
    const bool bare = number.mark == 0 && close == i_ + 2;
    if (!(before_dose || (after_percent && bare))) return false;
    return group_as_note(close);
  }

  // `3 x 20 steps (10 each leg)`, `2 x 5 heavy (top set ~220)`: after a complete dose, numbers in parentheses
  // restate or explain it. The group is a note; a side in it still counts. Rest, tempo and effort are read.
  bool restated_group() {
    if (!has_count() && !(line_.reps && line_.sets)) return false;
    std::size_t close = i_ + 1;
    bool numbers = false;
    bool side = false;
    while (close < last_ && !t_[close].is_punct(')')) {
      const auto w = t_[close].lower();
      if (w == "rest" || w == "tempo" || w == "rpe" || w == "rir" || t_[close].is_punct('@') ||
          t_[close].is(K::tempo)) {
        return false;
      }
      side = side || side_word(w) ||
             ((w == "each" || w == "per") && close + 1 < last_ && limb_word(t_[close + 1].lower()));
      // `(60kg, pause at top)`: a load or a time in the group is read, not restated
      if (t_[close].is(K::number) && (t_[close].mark != 0 || !unit_word(word_at(close + 1)).empty())) return false;
      numbers = numbers || t_[close].is(K::number);
      ++close;
    }
    if (close >= last_ || !numbers) return false;
    if (side) line_.each_side = true;
    return group_as_note(close);
  }

  // `10 minutes, 3 times a day. Increase by 5 minutes every 2-3 days as able.`: after a dose and a full stop, a
  // sentence starting with a capital is a note to the end of the line.
  bool sentence_after_dose() {
    const Token* next = at(i_ + 1);
    if (next == nullptr || !next->is(K::word) || next->text.empty() ||
        !ascii::is_upper(static_cast<unsigned char>(next->text.front())) || !(line_.sets || line_.reps || line_.load)) {
      return false;
    }
    const auto w = next->lower();
    if (dose_words.contains(w) || !unit_word(w).empty() || w == "hold") return false;
    end_note();
    note_word(i_ + 1);
    note_word(last_ - 1);
    end_note();
    i_ = last_;
    return true;
  }

  // The group in parentheses from here to `close`, said as a note.
  bool group_as_note(std::size_t close) {
    end_note();
    note_first_ = i_ + 1;
    note_last_ = close - 1;
    end_note();
    i_ = close + 1;
    return true;
  }

  // `@ 16kg (↑ from 14kg)`, `(was 3x8)`, `(last week 40kg)`: what the dose was before, a note.
  bool earlier_group() {
    static const WordSet earlier = {"from", "was", "were", "prev", "previously", "previous", "last", "up", "down"};
    std::size_t k = i_ + 1;
    while (k < last_ && t_[k].is(K::other)) ++k;
    if (k >= last_ || !earlier.contains(t_[k].lower())) return false;
    std::size_t close = k;
    while (close < last_ && !t_[close].is_punct(')')) ++close;
    if (close >= last_) return false;
    return group_as_note(close);
  }

  // --- notes --------------------------------------------------------------------

  // A word one letter away from a dose word is a typo, not a note: `each sid`, `3x10 rets 60s`.
  static std::string near_dose_word(std::string_view w) {
    static const std::vector<std::string> words = {"side", "sides",  "reps",    "sets",    "rest",  "tempo",
                                                   "each", "rounds", "seconds", "minutes", "amrap", "failure"};
    if (w.size() < 3 || std::find(words.begin(), words.end(), w) != words.end()) return {};
    static const WordSet fine = {"red",   "sit",   "set",   "rep",   "site",   "steps",  "step",  "tempi", "seat",
                                 "slide", "ride",  "wide",  "tide",  "best",   "west",   "rust",  "test",  "nest",
                                 "reach", "peach", "beach", "round", "second", "minute", "sides", "beats"};
    if (fine.count(w) > 0) return {};
    for (const auto& d : words) {
      if (edit_distance(w, d) == 1 && w.size() >= d.size() - 1) return d;
    }
    return {};
  }

  void note_word(std::size_t k) {
    if (!note_first_) note_first_ = k;
    note_last_ = k;
  }

  void end_note() {
    if (!note_first_) return;
    const auto s = span(*note_first_, note_last_);
    line_.notes.emplace_back(file_.text.substr(s.offset, s.length));
    note_first_.reset();
  }

  // The two tokens at i_ (`-10%`, `Wk1`, `zone 2`) are a note of their own, and read.
  void pair_note() {
    end_note();
    note_word(i_);
    note_word(i_ + 1);
    end_note();
    i_ += 2;
  }

  // --- quantities ---------------------------------------------------------------

  struct Q {
    double low = 0;
    double high = 0;
    std::string unit;  // canonical: s min h kg lb m km mi yd %, or empty
    std::vector<double> list;
    bool plus = false;  // 5+
    std::size_t first = 0;
    std::size_t last = 0;  // last token, inclusive
  };

  static std::string mark_unit(char mark) {
    switch (mark) {
      case '"': return "s";
      case '\'': return "min";
      case '%': return "%";
      case '#': return "lb";
      default: return {};
    }
  }

  // The unit after the number at k (attached or one space away); advances k past it.
  std::string unit_after(std::size_t& k) {
    if (t_[k].mark != 0) return mark_unit(t_[k].mark);
    const auto w = word_at(k + 1);
    // 90s/side, 10kg/hand, 30 sec/side: a unit and a side in one word (one space away when the unit is more
    // than a letter, which a note's word could be)
    if (const auto slash = w.find('/'); slash != std::string_view::npos && (t_[k + 1].attached || slash > 1)) {
      auto u = unit_word(w.substr(0, slash));
      if (!u.empty() && limb_word(w.substr(slash + 1))) {
        if (w.substr(slash + 1) != "hand") line_.each_side = true;
        ++k;
        return u;
      }
    }
    auto u = unit_word(w);
    if (u.empty()) return {};
    // A lone `s` or `m` one space away could be a word of a note; attached it is a unit.
    if (!t_[k + 1].attached && w == "k") return {};
    ++k;
    // 1h30, 1h 30min
    return u;
  }

  [[nodiscard]] bool range_dash(std::size_t k) const {
    const Token* d = at(k);
    if (d == nullptr) return false;
    if (d->is(K::word) && d->lower() == "to") return at(k + 1) != nullptr && at(k + 1)->is(K::number);
    return d->is(K::dash) && at(k + 1) != nullptr && (at(k + 1)->is(K::number) || at(k + 1)->is(K::clock));
  }

  Q quantity() {
    Q q;
    q.first = i_;
    std::size_t k = i_;
    const auto& t = t_[k];
    q.low = q.high = t.value;
    if (t.is(K::clock)) {
      q.unit.push_back('s');
      if (t.text.size() >= 3 && (t.text[t.text.size() - 2] >= '6')) {
        fail(k, k, fmt::format("'{}' is not minutes and seconds: the seconds run from 00 to 59", t.text));
      }
    } else {
      q.unit = unit_after(k);
      hours_and_minutes(q, k);
    }
    // a list: 10/8/6, 12/14/16kg
    if (q.unit.empty() && punct_at(k + 1, '/') && t_[k + 1].attached && at(k + 2) != nullptr &&
        at(k + 2)->is(K::number) && at(k + 2)->attached) {
      q.list.push_back(q.low);
      while (punct_at(k + 1, '/') && at(k + 2) != nullptr && at(k + 2)->is(K::number) && at(k + 2)->attached) {
        k += 2;
        q.list.push_back(t_[k].value);
      }
      q.unit = unit_after(k);
      q.low = *std::min_element(q.list.begin(), q.list.end());
      q.high = *std::max_element(q.list.begin(), q.list.end());
    } else if (const auto tight = tight_commas(k); tight > k) {
      // `5,4,3,3`, `3,3,3,3,7`: counts joined by commas without spaces, one per set
      for (; k < tight; k += 2) q.list.push_back(t_[k].value);
      q.list.push_back(t_[k].value);
      q.low = *std::min_element(q.list.begin(), q.list.end());
      q.high = *std::max_element(q.list.begin(), q.list.end());
    } else if (range_dash(k + 1) && !tempo_ahead(i_)) {
      range(q, k);
    }
    if (punct_at(k + 1, '+') && t_[k + 1].attached && (at(k + 2) == nullptr || !at(k + 2)->is(K::number))) {
      q.plus = true;
      ++k;
    }
    q.last = k;
    i_ = k + 1;
    return q;
  }

  // 1h30: the minutes after an hour.
  void hours_and_minutes(Q& q, std::size_t& k) {
    if (q.unit != "h" || at(k + 1) == nullptr || !at(k + 1)->is(K::number) || !at(k + 1)->attached) return;
    ++k;
    q.low = q.high = q.low * 60 + t_[k].value;
    q.unit = "min";
    if (unit_word(word_at(k + 1)) == "min" && t_[k + 1].attached) ++k;
  }

  // The upper end of a range: 8-12, 20-30s, 20s-30s, 8 to 12. A spaced dash joins only numbers of the
  // same unit, so `3x10 - 60s rest` stays two items.
  void range(Q& q, std::size_t& k) {
    const bool spaced = !t_[k + 1].attached || !t_[k + 2].attached;
    std::size_t h = k + 2;
    const auto& ht = t_[h];
    std::string high_unit = ht.is(K::clock) ? "s" : unit_after(h);
    if (spaced && t_[k + 1].is(K::dash) && high_unit != q.unit && !q.unit.empty()) return;
    if (spaced && t_[k + 1].is(K::dash) && q.unit.empty() && !high_unit.empty()) return;
    // `3×10 – 2×10kg`: the number after a spaced dash starts the next item, and a range never runs backwards
    if (spaced && (ht.value < q.low || (at(h + 1) != nullptr && t_[h + 1].is(K::times)))) return;
    if (!q.unit.empty() && !high_unit.empty() && q.unit != high_unit) return;
    q.high = ht.value;
    if (q.unit.empty()) q.unit = high_unit;
    k = h;
  }

  // 3-1-2, 3-1-X-1: single digits joined by dashes without spaces.
  [[nodiscard]] std::size_t tempo_parts(std::size_t k) const {
    std::size_t parts = 0;
    while (true) {
      const Token* t = at(k);
      const bool digit = t != nullptr && t->is(K::number) && t->text.size() == 1;
      const bool x = t != nullptr && t->is(K::times) && (t->text == "X" || t->text == "x");
      if (!digit && !x) break;
      if (parts > 0 && !t->attached) break;
      ++parts;
      if (!(at(k + 1) != nullptr && at(k + 1)->is(K::dash) && at(k + 1)->attached)) break;
      k += 2;
    }
    return parts;
  }
  [[nodiscard]] bool tempo_ahead(std::size_t k) const { return tempo_parts(k) >= 3; }

  [[nodiscard]] std::string tempo_text(std::size_t& k) {
    const auto parts = tempo_parts(k);
    if (parts > 4) {
      fail(k, k + 2 * parts - 2, "a tempo has 3 or 4 phases, such as 3-1-2 or 3-1-2-0");
      k += 2 * parts;
      return {};
    }
    std::string out;
    for (std::size_t p = 0; p < parts; ++p, k += 2) {
      out += p == 0 ? "" : "-";
      out += static_cast<char>(ascii::upper(static_cast<unsigned char>(t_[k].text[0])));
    }
    return out;
  }

  // --- building the line --------------------------------------------------------

  ast::Quantity as_quantity(const Q& q, std::string unit) const {
    return ast::Quantity{q.low, q.high, std::move(unit), span(q.first, q.last)};
  }

  void set_once(std::optional<ast::Quantity>& slot, const Q& q, std::string unit, const char* what) {
    if (slot) {
      fail(q.first, q.last, fmt::format("this line already gives {}; write it once", what));
      return;
    }
    slot = as_quantity(q, std::move(unit));
  }

  [[nodiscard]] bool has_count() const {
    return (line_.reps && line_.reps->unit != "s" && line_.reps->unit != "min") || line_.amrap;
  }

  void sets(const Q& q) {
    if (!q.unit.empty() || !q.list.empty()) {
      fail(q.first, q.last, "expected a number of sets before 'x', such as 3x10");
      return;
    }
    if (line_.sets && line_.reps && q.first > 0 && t_[q.first - 1].is_punct('/')) {
      // 3x6 / 3x6 / 4x5 / 2x5: one dose for each week of a block
      fail(q.first, q.last,
           "several doses separated by '/' look like one for each week: write each week's dose under its own "
           "week header, or give one dose");
      return;
    }
    set_once(line_.sets, q, {}, "a number of sets");
  }

  void reps(const Q& q) {
    // `12 American KB swings 24/16`, `15 wall balls 9/6`: after the count, a class board's loads for men and women
    if (line_.reps && q.list.size() == 2 && q.list[0] > q.list[1] && q.unit.empty()) {
      line_.notes.push_back(fmt::format("{}/{} for men and women", q.list[0], q.list[1]));
      return;
    }
    if (!q.list.empty()) {
      line_.reps_list = q.list;
      if (!line_.sets)
        line_.sets = ast::Quantity{
            static_cast<double>(q.list.size()), static_cast<double>(q.list.size()), {}, span(q.first, q.last)};
    }
    set_once(line_.reps, q, {}, "repetitions");
    if (q.plus) line_.amrap = true;
    if (word_at(i_) == "reps" || word_at(i_) == "rep" || word_at(i_) == "repetitions") ++i_;
    if (word_at(i_) == "steps" || word_at(i_) == "step") {
      line_.reps->unit = "steps";
      ++i_;
    }
  }

  void time(const Q& q, bool rest) {
    if (rest) {
      set_once(line_.rest, q, q.unit, "a rest period");
    } else if (line_.reps) {
      fail(q.first, q.last, "this line already gives repetitions; a time per set replaces them, write one of them");
    } else {
      line_.reps = as_quantity(q, q.unit);
    }
  }

  // `@ 20kg KB`, `2 DBs`: the implement narrows the exercise's equipment, and with it the smallest load step.
  void implement(const std::string& equipment) {
    if (equipment == "band" || !line_.equipment.empty()) return;
    line_.equipment.push_back(ast::Name{equipment, t_[i_].span(file_)});
  }

  void load(const Q& q) {
    if (!q.list.empty()) line_.load_list = q.list;
    set_once(line_.load, q, q.unit, "a load");
    const auto w = word_at(i_);
    if (const auto e = equipment_word(w); !e.empty()) {
      if (pair_word(w) && line_.implements == 0) line_.implements = 2;
      implement(e);
      ++i_;
    }
    if (word_at(i_) == "each" || word_at(i_) == "ea" || (word_at(i_) == "per" && word_at(i_ + 1) == "hand")) {
      if (line_.implements == 0) line_.implements = 2;
      i_ += word_at(i_) == "per" ? 2 : 1;
    }
  }

  void percent(const Q& q) {
    for (const auto& a : line_.amounts) {
      if (a.unit == "%") return fail(q.first, q.last, "this line already gives a percentage; write it once");
    }
    line_.amounts.push_back(as_quantity(q, "%"));
    // 70% 1RM, 70%1RM, 70% of 1RM, 70% of max, 70% e1RM
    if (word_at(i_) == "of" && (at(i_ + 1) != nullptr)) ++i_;
    if (at(i_) != nullptr && t_[i_].is(K::number) && t_[i_].value == 1 && word_at(i_ + 1) == "rm") {
      i_ += 2;
    } else if (word_at(i_) == "1rm" || word_at(i_) == "e1rm" || word_at(i_) == "rm" || word_at(i_) == "max") {
      ++i_;
    }
  }

  // After `3 x`: reps, a time per set, a distance, a load per hand, or AMRAP.
  void after_times(const Q& count) {
    const auto w = word_at(i_);
    if (w == "amrap" || w == "max" || w == "failure") {
      sets(count);
      line_.amrap = true;
      ++i_;
      if (word_at(i_) == "reps") ++i_;
      return;
    }
    if (at(i_) == nullptr || !(t_[i_].is(K::number) || t_[i_].is(K::clock))) {
      fail(count.first, std::min(i_, last_ - 1), "expected repetitions after 'x', such as 3x12, 3 x 8-12 or 3 x 30s");
      return;
    }
    if (dashed_counts(count)) return;
    // 120x5x4 with no unit: load x reps x sets, or something else?
    if (count.low >= 20 && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::times) && at(i_ + 2) != nullptr &&
        t_[i_ + 2].is(K::number) && t_[i_].is(K::number) && t_[i_].mark == 0) {
      const auto shown = file_.text.substr(t_[count.first].offset, t_[i_ + 2].end() - t_[count.first].offset);
      fail(count.first, i_ + 2,
           fmt::format("'{}' has no unit: for load x reps x sets write '{}kg x {} x {}'", shown, fmt_number(count.low),
                       t_[i_].text, t_[i_ + 2].text));
      return;
    }
    const Q q = quantity();
    // 3 x 12,5kg with no reps on the line: 12 reps at 5 kg, or sets of 12.5 kg?
    if ((q.unit == "kg" || q.unit == "lb") && t_[q.first].text.find(',') != std::string_view::npos && !line_.reps &&
        !at_item_) {
      const auto at = t_[q.first].text;
      fail(q.first, q.last,
           fmt::format("'{}' after 'x' could be repetitions and a load or one load: write {} x {} @ {}kg, or the "
                       "load with a point, such as @ {}kg",
                       at, fmt_number(count.low), at.substr(0, at.find(',')), at.substr(at.find(',') + 1),
                       std::string(at).replace(at.find(','), 1, ".")));
      return;
    }
    if (q.unit == "kg" || q.unit == "lb") {
      if (count.low <= 2) {
        line_.implements = static_cast<int>(count.low);
      } else {
        sets(count);
      }
      load(q);
      return;
    }
    sets(count);
    dose_per_set(q);
  }

  // 3x10-8-6: as many counts joined by dashes as there are sets, one per set.
  bool dashed_counts(const Q& count) {
    std::vector<double> counts{t_[i_].value};
    std::size_t k = i_;
    while (at(k + 2) != nullptr && t_[k + 1].is(K::dash) && t_[k + 1].attached && t_[k + 2].is(K::number) &&
           t_[k + 2].attached && t_[k + 2].mark == 0) {
      k += 2;
      counts.push_back(t_[k].value);
    }
    if (counts.size() < 3 || static_cast<double>(counts.size()) != count.low || count.low != count.high) return false;
    sets(count);
    counts_per_set(counts, k);
    return true;
  }

  // One count per set, read from tokens i_ to last: `10/8/6`, `3x10-8-6`, `5-5-5-5-5`.
  void counts_per_set(const std::vector<double>& counts, std::size_t last) {
    const auto [low, high] = std::minmax_element(counts.begin(), counts.end());
    const Q q{*low, *high, {}, counts, false, i_, last};
    i_ = last + 1;
    reps(q);
  }

  void dose_per_set(const Q& q) {
    const auto kind = unit_scale(q.unit);
    if (q.unit.empty()) {
      reps(q);
      per_set_list();
    } else if (kind && kind->kind == UnitKind::time) {
      time(q, false);
    } else if (kind && kind->kind == UnitKind::distance) {
      set_once(line_.distance, q, q.unit, "a distance");
    } else {
      fail(q.first, q.last,
           fmt::format("expected repetitions or a time per set, found '{}'",
                       file_.text.substr(t_[q.first].offset, t_[q.last].end() - t_[q.first].offset)));
    }
  }

  // Where a run of three whole counts or more joined by commas without spaces (`5,4,3,3`) ends, with no unit after
  // it; `k` when there is none. Two (`2,5`) may be a decimal written with a comma.
  [[nodiscard]] std::size_t tight_commas(std::size_t k) {
    const auto whole = [&](std::size_t j) {
      return at(j) != nullptr && t_[j].is(K::number) && t_[j].mark == 0 && t_[j].value == std::floor(t_[j].value) &&
             t_[j].value < 100;
    };
    if (!whole(k)) return k;
    auto end = k;
    while (punct_at(end + 1, ',') && t_[end + 1].attached && whole(end + 2) && t_[end + 2].attached) end += 2;
    return end >= k + 4 && unit_after(end).empty() ? end : k;
  }

  // 3 x 10, 8, 6: the counts after the first, separated by commas.
  void per_set_list() {
    std::vector<double> counts{line_.reps->low};
    while (punct_at(i_, ',') && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number) && t_[i_ + 1].mark == 0 &&
           unit_word(word_at(i_ + 2)).empty() && !t_[i_ + 1].text.empty() && !range_dash(i_ + 2) &&
           !(punct_at(i_ + 2, '/')) && !(at(i_ + 2) != nullptr && t_[i_ + 2].is(K::times)) &&
           dose_words.count(word_at(i_ + 2)) == 0) {
      counts.push_back(t_[i_ + 1].value);
      i_ += 2;
    }
    if (counts.size() < 2) return;
    line_.reps_list = counts;
    line_.reps->low = *std::min_element(counts.begin(), counts.end());
    line_.reps->high = *std::max_element(counts.begin(), counts.end());
    line_.reps->span.length = t_[i_ - 1].end() - line_.reps->span.offset;
  }

  // --- items --------------------------------------------------------------------

  void item() {
    const auto& t = t_[i_];
    // `@` speaks for the item right after it only.
    if (!t.is_punct('@')) at_item_ = std::exchange(after_at_, false);
    // `@ 4:35/km`, `(~5:00/km)`, `@ 9:15–9:45/mi`, `@ 9:45+/mi`, `5 x 1 mi @ 7:45–7:50`: a running pace, for the
    // runner, not a time. A time right after `@` is never a load.
    if (const auto end = pace_end(i_); end > i_) {
      end_note();
      note_word(i_);
      note_word(end - 1);
      end_note();
      i_ = end;
      return;
    }
    if (t.is(K::number) || t.is(K::clock)) return number_item();
    if (t.is(K::tempo)) {
      end_note();
      line_.tempo = tempo_value(t.text, t.span(file_));
      ++i_;
      return;
    }
    if (t.is(K::times)) return times_first();
    if (t.is(K::word)) return word_item();
    if (t.is(K::string)) {
      note_word(i_++);
      return;
    }
    if (t.is_punct('@')) {
      end_note();
      after_at_ = true;
      ++i_;
      return;
    }
    if (t.is_punct('(') && (qualifier_group() || restated_group() || earlier_group())) return;
    if (t.is_punct('.') && sentence_after_dose()) return;
    if (t.is_punct('/') && at(i_ + 1) != nullptr && limb_word(word_at(i_ + 1))) {
      end_note();
      line_.each_side = true;
      i_ += 2;
      return;
    }
    if (t.is(K::date)) {
      fail(i_, i_, "a date does not belong on an exercise line");
      return;
    }
    // `4x3 -10%`, `+5%`: a change of load from the set before, not a share of a maximum; said as a note
    if ((t.is(K::dash) || t.is_punct('+')) && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number) &&
        t_[i_ + 1].attached && t_[i_ + 1].mark == '%') {
      pair_note();
      return;
    }
    if (t.is(K::dash) && at_item_ && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number) && t_[i_ + 1].attached) {
      fail(i_, i_ + 1, "a load cannot be negative; write the weight lifted, such as @ 5kg");
      return;
    }
    end_note();
    ++i_;
  }

  ast::Value tempo_value(std::string_view text, Span s) const {
    std::string out;
    for (const char c : text) {
      if (c == '-') continue;
      if (!out.empty()) out += '-';
      out += static_cast<char>(ascii::upper(static_cast<unsigned char>(c)));
    }
    return ast::Value{ast::Value::Kind::string, out, 0, {}, s};
  }

  // x10, x 12, x AMRAP: repetitions without sets.
  // Past the `a`, `per`, `each`, `every` or `/` that may join a count to its period.
  [[nodiscard]] std::size_t past_joiner(std::size_t k) const {
    const auto w = word_at(k);
    return punct_at(k, '/') || w == "a" || w == "per" || w == "each" || w == "every" ? k + 1 : k;
  }

  // `daily`, `a day`, `per week`, `/day` at `k`: how often a dose is done, when it follows a count.
  [[nodiscard]] bool frequency_at(std::size_t k) const {
    const auto w = word_at(past_joiner(k));
    return w == "day" || w == "daily" || w == "week" || w == "wk" || w == "weekly" || w == "days";
  }

  // `x2 daily`, `x 3 a day`, `3 times a day`: how often the dose is done, a note from `first` to its last word.
  void frequency_note(std::size_t first, std::size_t k) {
    k = past_joiner(k);
    note_word(first);
    note_word(k);
    end_note();
    i_ = k + 1;
  }

  void times_first() {
    end_note();
    if (at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number) && frequency_at(i_ + 2)) {
      return frequency_note(i_, i_ + 2);
    }
    const std::size_t start = i_++;
    if (has_count() && !line_.sets && at(i_) != nullptr && t_[i_].is(K::number) && t_[i_].mark == 0 &&
        unit_word(word_at(i_ + 1)).empty()) {
      set_once(line_.sets, quantity(), {}, "a number of sets");  // `10 steps each way x 3`: three sets
      return;
    }
    if (at(i_) != nullptr && t_[i_].is(K::number) && (word_at(i_ + 1) == "rounds" || word_at(i_ + 1) == "sets")) {
      const Q q = quantity();
      sets_word(q);  // x 3 rounds of 10
    } else if (at(i_) != nullptr && (t_[i_].is(K::number) || t_[i_].is(K::clock))) {
      dose_per_set(quantity());
    } else if (const auto w = word_at(i_); w == "amrap" || w == "max") {
      line_.amrap = true;
      ++i_;
    } else {
      fail(start, start, "expected repetitions after 'x', such as x10 or 3x12");
    }
  }

  void number_item() {
    end_note();
    const std::size_t start = i_;
    if (t_[i_].is(K::number) && tempo_ahead(i_)) {
      std::size_t k = i_;
      if (tempo_parts(k) >= 5) {
        // 5-5-5-5-5: no tempo has five phases, so one count per set
        std::vector<double> counts;
        for (std::size_t p = 0; p < tempo_parts(i_); ++p) counts.push_back(t_[i_ + 2 * p].value);
        counts_per_set(counts, i_ + 2 * counts.size() - 2);
        return;
      }
      if (!line_.reps && !line_.amrap) {
        // 5-3-1 before any sets and reps: a wave of repetitions, or a tempo?
        const auto parts = tempo_parts(k);
        const auto shown = file_.text.substr(t_[k].offset, t_[k + 2 * parts - 2].end() - t_[k].offset);
        fail(k, k + 2 * parts - 2,
             fmt::format("'{}' could be repetitions per set or a tempo: write 'tempo {}', or reps per set with "
                         "slashes, such as 3 x {}",
                         shown, shown, slashed(shown)));
        return;
      }
      const auto text = tempo_text(k);
      line_.tempo = ast::Value{ast::Value::Kind::string, text, 0, {}, span(start, k - 2)};
      i_ = k - 1;
      return;
    }
    if (t_[i_].is(K::number) && scheme_ahead()) return;
    const Q q = quantity();
    if (q.low < 0) {
      fail(q.first, q.last, "the number is too long; at most 15 digits are read");
      return;
    }
    if (at(i_) != nullptr && t_[i_].is(K::times)) {
      if (how_often(q)) return;
      ++i_;
      if (!q.unit.empty()) return unit_times(q);
      return after_times(q);
    }
    bare_quantity(q);
  }

  // `3x/day`, `2x daily`, `2 x a week`: how often the exercise is done, a note for the reader.
  bool how_often(const Q& q) {
    std::size_t k = i_ + 1;
    if (punct_at(k, '/') || word_at(k) == "a" || word_at(k) == "per") ++k;
    const auto w = word_at(k);
    if (w != "day" && w != "daily" && w != "week" && w != "wk" && w != "d" && w != "weekly" && w != "days") {
      return false;
    }
    if (!note_first_) note_first_ = q.first;
    note_last_ = k;
    i_ = k + 1;
    end_note();
    return true;
  }

  // 10-8-6 on a line: three or more numbers joined by dashes, where one is more than a digit. A rep scheme
  // (21-15-9) is written as a group header; on a line it could be reps per set or a tempo.
  bool scheme_ahead() {
    std::size_t k = i_;
    std::size_t count = 1;
    while (at(k + 1) != nullptr && t_[k + 1].is(K::dash) && t_[k + 1].attached && at(k + 2) != nullptr &&
           t_[k + 2].is(K::number) && t_[k + 2].attached && t_[k + 2].mark == 0) {
      k += 2;
      ++count;
    }
    if (count < 3) return false;
    if (count >= 5) {
      // 10-10-10-10-10: no tempo has five phases, so one count per set
      std::vector<double> counts;
      for (std::size_t p = i_; p <= k; p += 2) counts.push_back(t_[p].value);
      counts_per_set(counts, k);
      return true;
    }
    const auto shown = file_.text.substr(t_[i_].offset, t_[k].end() - t_[i_].offset);
    fail(i_, k,
         fmt::format("'{}' could be repetitions per set or a tempo: write reps per set with slashes, such as "
                     "3 x 10/8/6, or a tempo as 'tempo 3-1-2'",
                     shown));
    return true;
  }

  // 30s x 3, 20kg x 10: the unit comes first.
  void unit_times(const Q& q) {
    if (at(i_) == nullptr || !t_[i_].is(K::number)) {
      fail(q.first, q.last, "expected a number after 'x'");
      return;
    }
    const Q count = quantity();
    const auto kind = unit_scale(q.unit);
    const auto count_kind = unit_scale(count.unit);
    if (kind && kind->kind == UnitKind::mass && count_kind && count_kind->kind == UnitKind::distance) {
      // `45 lb × 40 yd`: a carry, the load over a distance
      load(q);
      set_once(line_.distance, count, count.unit, "a distance");
      return;
    }
    if (!count.unit.empty() || !kind) {
      fail(q.first, count.last, "expected a count after 'x', such as 30s x 3 or 20kg x 10");
      return;
    }
    if (kind->kind == UnitKind::mass) {
      load(q);
      reps(count);
      // 120kg x 5 x 4: load x reps x sets, as powerlifting sheets write it
      if (at(i_) != nullptr && t_[i_].is(K::times) && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number)) {
        ++i_;
        const Q sets_count = quantity();
        sets(sets_count);
      }
    } else {
      set_once(line_.sets, count, {}, "a number of sets");
      dose_per_set(q);
    }
  }

  void bare_quantity(const Q& q) {
    const auto w = word_at(i_);
    if (q.unit.empty() && q.list.empty()) return bare_number(q, w);
    const auto kind = unit_scale(q.unit);
    if (q.list.size() > 0 && q.unit.empty()) {
      reps(q);
      return;
    }
    if (!kind) {
      fail(q.first, q.last, "expected a unit");
      return;
    }
    // `@ 10k pace`, `@ 5km race pace`: a running pace, for the runner, not a dose
    if (at_item_ && kind->kind == UnitKind::distance &&
        (word_at(i_) == "pace" || (word_at(i_ + 1) == "pace" && at(i_) != nullptr && t_[i_].is(K::word)))) {
      if (!note_first_) note_first_ = q.first;
      return;
    }
    if (at_item_ && q.unit == "s" && dumbbell_pair(q)) return;
    if (at_item_ && (kind->kind == UnitKind::time || kind->kind == UnitKind::distance)) {
      fail(q.first, q.last,
           "after '@' write a load such as @ 8kg, an effort such as @ RPE 7 or a percentage such as "
           "@ 70%; a time or distance goes without '@'");
      return;
    }
    switch (kind->kind) {
      case UnitKind::mass: return load(q);
      case UnitKind::percent: return percent(q);
      case UnitKind::distance: {
        if (cue_words.count(word_at(i_)) > 0 || q.unit == "cm" || q.unit == "in") {
          if (!note_first_) note_first_ = q.first;  // 30cm box: the box's height
          note_last_ = q.last;
          return;
        }
        set_once(line_.distance, q, q.unit, "a distance");
        return;
      }
      case UnitKind::time: {
        // `4x10 - 3 sec lower`, `2s pause at the bottom`: how a repetition is done, not a rest
        static const WordSet cues = {"lower",     "lowering", "down",   "eccentric", "eccentrics", "negative",
                                     "negatives", "pause",    "paused", "squeeze",   "up",         "descent"};
        if ((line_.reps || line_.sets) && cues.contains(word_at(i_))) {
          if (!note_first_) note_first_ = q.first;
          note_last_ = i_++;
          return;
        }
        // `DB bench 3x10 w 26s`, `farmers carry 4 x 20m with 32s`: held, so a pair of weights, not a time
        static const WordSet timed = {"rest", "recovery", "break", "between", "off", "on", "hold", "holds", "each"};
        if (q.unit == "s" && held_before(q.first) && !timed.contains(word_at(i_)) && dumbbell_pair(q)) return;
        // `Pause squat 2s 3x4`: a time before the sets and repetitions is how each one is done
        if (!line_.reps && !line_.sets && count_dose_ahead()) {
          if (!note_first_) note_first_ = q.first;
          note_last_ = q.last;
          return;
        }
        return bare_time(q);
      }
    }
  }

  [[nodiscard]] bool held_before(std::size_t k) const {
    if (k == 0) return false;
    const auto w = t_[k - 1].lower();
    return w == "w" || w == "with" || w == "using" || w == "holding" ||
           (w == "/" && k > 1 && t_[k - 2].lower() == "w");  // `w/ 26s`
  }

  // `3x4`, `3 x 8-10`: sets and a count of repetitions, not a time per set.
  [[nodiscard]] bool count_dose_ahead() const {
    if (at(i_ + 2) == nullptr || !t_[i_].is(K::number) || !t_[i_ + 1].is(K::times) || !t_[i_ + 2].is(K::number))
      return false;
    const auto kind = unit_scale(word_at(i_ + 3));
    return !kind || kind->kind != UnitKind::time;
  }

  void bare_time(const Q& q) {
    const auto w = word_at(i_);
    // `every 2-3 hrs`, `for 6 weeks`: when, not how much
    if (const auto before = q.first > 0 ? t_[q.first - 1].lower() : std::string_view{};
        before == "every" || before == "within" || before == "after" || before == "for" || before == "by") {
      if (!note_first_) note_first_ = q.first - 1;
      note_last_ = q.last;
      return;
    }
    if (cue_words.count(w) > 0) {
      if (!note_first_) note_first_ = q.first;
      note_last_ = q.last;
      return;
    }
    if (w == "rest" || w == "recovery" || w == "break" || w == "between" || w == "off") {
      ++i_;
      if (word_at(i_) == "between") ++i_;
      if (word_at(i_) == "sets" || word_at(i_) == "rounds") ++i_;
      time(q, true);
      return;
    }
    // `x10, 5s hold`, `x12, hold 5 sec`: each repetition held, not rest between sets
    const auto before = q.first > 0 ? word_at(q.first - 1) : std::string_view{};
    const bool held_before = before == "hold" || before == "holds" || before == "pause";
    if (held_before && has_count() && w != "rest") {
      line_.amounts.push_back(as_quantity(q, q.unit));
      return;
    }
    if (w == "hold" || w == "holds" || w == "iso") {
      ++i_;
      if (has_count()) {
        line_.amounts.push_back(as_quantity(q, q.unit));
        return;
      }
    }
    if (w == "on" && word_at(i_ + 1) == "off") ++i_;
    // A time after a count of repetitions or a distance is the rest between sets: trainers write it there.
    // After a time per set it could be rest or a second hold, so it is asked for.
    if (line_.reps && !has_count()) {
      const auto shown = file_.text.substr(t_[q.first].offset, t_[q.last].end() - t_[q.first].offset);
      fail(q.first, q.last,
           fmt::format("a second time after the time per set: write 'rest {}' for the rest between sets, or give one "
                       "time per set",
                       shown));
      return;
    }
    time(q, has_count() || line_.distance.has_value());
  }

  void bare_number(const Q& q, std::string_view w) {
    if (w == "rpe") {
      ++i_;
      set_once(line_.rpe, q, {}, "an RPE");
      return;
    }
    if (w == "rir") {
      ++i_;
      set_once(line_.rir, q, {}, "repetitions in reserve");
      return;
    }
    if (w == "sets" || w == "set" || w == "rounds" || w == "round" || w == "circuits") return sets_word(q);
    if (w == "wu" || w == "ramp" || w == "warm-up" || w == "warmup" || w == "feeder" || w == "feeders" || w == "cal" ||
        w == "cals" || w == "calories" || w == "kcal") {
      if (!note_first_) note_first_ = q.first;  // 12 cal: a calorie target on a machine
      note_last_ = i_++;
      end_note();
      return;
    }
    if (w == "times" && frequency_at(i_ + 1)) return frequency_note(q.first, i_ + 1);
    if (w == "times" && !line_.sets && line_.reps && !has_count()) {
      ++i_;  // hold 20 seconds, 3 times: three holds
      set_once(line_.sets, q, {}, "a number of sets");
      return;
    }
    if ((w == "each" || side_word(w)) && !line_.sets && line_.reps && !has_count() && q.unit.empty()) {
      // `Hold 15-20 seconds, 3 each side`: three holds on each side
      set_once(line_.sets, q, {}, "a number of sets");
      line_.each_side = true;
      i_ += w == "each" && limb_word(word_at(i_ + 1)) ? 2 : 1;
      return;
    }
    if (w == "times") ++i_;  // 10 times: ten repetitions
    if ((w == "reps" || w == "repetitions" || w == "rep") && line_.reps && !has_count()) {
      // `hold 5 seconds, 10 repetitions`: ten repetitions, each held
      line_.amounts.push_back(*line_.reps);
      line_.reps.reset();
      reps(q);
      return;
    }
    if (!equipment_word(w).empty() && q.low <= 2 && q.low >= 1) {
      // 2 DBs of 10kg, 2 KB @ 16kg
      line_.implements = static_cast<int>(q.low);
      implement(equipment_word(w));
      ++i_;
      if (word_at(i_) == "of" || punct_at(i_, '@') || (at(i_) != nullptr && t_[i_].is(K::times))) ++i_;
      if (at(i_) != nullptr && t_[i_].is(K::number)) {
        const Q weight = quantity();
        if (weight.unit != "kg" && weight.unit != "lb") {
          fail(weight.first, weight.last, "expected a weight such as 10kg");
          return;
        }
        load(weight);
      }
      return;
    }
    if (at_item_ && q.low <= 10 && context_.heavy_load_beside && !line_.rpe) {
      set_once(line_.rpe, q, {}, "an RPE");
      return;
    }
    if (at_item_ && q.low > 10 && !context_.load_unit.empty()) {
      // `bench 4x6 @ 225` where the plan's loads are all in pounds: that unit
      return load_in(q, context_.load_unit);
    }
    if (at_item_) {
      // Only the load is lost: the sets and repetitions of `OHP 4x6 @ 40` are still read and judged.
      const auto v = fmt_number(q.low);
      refuse_item(q.first, q.last,
                  q.low <= 10
                      ? fmt::format("'@ {}' has no unit: write '@ RPE {}' for effort, or a load with its unit such as "
                                    "'@ {}kg'",
                                    v, v, v)
                      : fmt::format("'@ {}' has no unit: write a load such as '@ {}kg' or '@ {}lb', or a percentage "
                                    "such as '@ {}%'",
                                    v, v, v, v));
      return;
    }
    // `3010`, not `32.5`: four digits
    const auto& text = t_[q.first].text;
    const bool code = q.first == q.last && text.size() == 4 && q.low == q.high && q.list.empty() &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (code && (line_.reps || line_.tempo)) {
      line_.tempo = tempo_value(t_[q.first].text, t_[q.first].span(file_));
      return;
    }
    const auto v = fmt_number(q.low);
    if (code) {
      // `Goblet squat 3010`: no one does 3010 repetitions
      fail(q.first, q.last, fmt::format("'{}' is not a number of repetitions: write 'tempo {}' for a tempo", v, v));
      return;
    }
    if (w == "x") return;
    if (!line_.reps && !line_.amrap) {
      reps(q);
      return;
    }
    if (bare_load(q)) return;
    fail(q.first, q.last,
         fmt::format("what does '{}' count? write '{} reps', '{}s', '{}kg' or 'rest {}s'", v, v, v, v, v));
  }

  // The number read as a load in a unit the line did not write: the plan's, or its column's.
  void load_in(Q q, std::string_view unit) {
    q.unit = std::string(unit);
    load(q);
  }

  // `@ 26s`, `65s` under Load: a pair of dumbbells of 26, in the plan's unit. Without one it is asked about.
  bool dumbbell_pair(const Q& q, std::string_view unit = {}) {
    if (unit.empty()) unit = context_.load_unit;
    const bool letter = q.last == q.first + 1 && t_[q.last].lower() == "s" && t_[q.last].attached;
    if (q.low != q.high || q.low < 3 || !letter) return false;
    if (unit.empty()) {
      const auto v = fmt_number(q.low);
      fail(q.first, q.last,
           fmt::format("'{}s' is a time, which goes without '@'; for a pair of dumbbells write '2x{}kg' or '2x{}lb'", v,
                       v, v));
      return true;
    }
    line_.implements = 2;
    load_in(q, unit);
    return true;
  }

  // `RDL 3x8 90`, `Bench 4x6 72.5`: after a whole dose, one number too large for an effort, in a plan whose loads
  // are all in one unit, is a load in that unit. Without that unit it could as well be a rest in seconds.
  bool bare_load(const Q& q) {
    if (context_.load_unit.empty() || !line_.sets || !line_.reps || line_.load || !q.list.empty() || q.low != q.high ||
        q.low <= 10 || !word_at(i_).empty()) {
      return false;
    }
    load_in(q, context_.load_unit);
    return true;
  }

  // 3 sets of 10, 3 sets x 8 reps, 3-4 sets of 8-12, 3 sets, 30s
  void sets_word(const Q& q) {
    ++i_;
    sets(q);
    if (failed_) return;
    if (word_at(i_) == "of" || (at(i_) != nullptr && t_[i_].is(K::times))) {
      const std::size_t joint = i_++;
      if (at(i_) != nullptr && (t_[i_].is(K::number) || t_[i_].is(K::clock))) {
        dose_per_set(quantity());
      } else if (const auto w = word_at(i_); w == "amrap" || w == "max" || w == "failure") {
        line_.amrap = true;
        ++i_;
      } else {
        fail(joint, joint, fmt::format("expected repetitions after '{}', such as 3 sets of 10", t_[joint].text));
      }
    }
  }

  void word_item() {
    const auto w = t_[i_].lower();
    if (w == "waive") {
      i_ = last_;
      return;
    }
    // `Back squat – Wk1 3x8 @ 155`: the week the dose is for, before it; the doses of later weeks are a remark
    if (!line_.sets && !line_.reps && !line_.load && (w == "wk" || w == "w" || w == "week") && at(i_ + 1) != nullptr &&
        t_[i_ + 1].is(K::number) && (t_[i_ + 1].attached || w == "week") && t_[i_ + 1].mark == 0) {
      pair_note();
      return;
    }
    if (w == "rpe" || w == "rir") return intensity(w);
    // `30 min bike, zone 2`: how hard, kept as a note
    if ((w == "zone" || w == "z") && zone_number(i_ + 1)) {
      pair_note();
      return;
    }
    if (w == "tempo" || w == "t") {
      if (w == "t" && !(at(i_ + 1) != nullptr && (t_[i_ + 1].is(K::tempo) || t_[i_ + 1].is(K::number)))) {
        note_word(i_++);
        return;
      }
      return tempo_item();
    }
    if (w == "rest" || w == "r" || w == "recovery") return rest_item(w);
    if (side_phrase()) return;
    if (w == "alternating" || w == "alt" || w == "alternate") {
      end_note();
      line_.alternating = true;
      ++i_;
      if (punct_at(i_, '.')) ++i_;
      return;
    }
    if (w == "bw" || w == "bodyweight" || (w == "body" && word_at(i_ + 1) == "weight")) return bodyweight(w);
    const bool until = w == "to" || w == "until" || w == "till" || w == "til";
    if (w == "amrap" || w == "max" || w == "failure" || (until && word_at(i_ + 1) == "failure")) {
      end_note();
      line_.amrap = true;
      i_ += until ? 2 : 1;
      if (word_at(i_) == "reps" || word_at(i_) == "effort") ++i_;
      return;
    }
    if (band()) return;
    if ((w == "posture" || w == "equipment") && !note_first_) return override(w);
    if (const auto e = equipment_word(w); !e.empty() && !note_first_) {
      end_note();
      if (pair_word(w) && line_.implements == 0) line_.implements = 2;
      implement(e);
      ++i_;
      return;
    }
    if ((w == "sets" || w == "reps" || w == "set" || w == "rep") && !note_first_) {
      fail(i_, i_, fmt::format("'{}' needs a number before it, such as 3 {}", t_[i_].text, w));
      return;
    }
    // `@ race pace`, `@ HM pace`, `@ easy effort`: a running pace, for the runner, not a dose
    if (at_item_ && !note_first_ && (pace_word(word_at(i_ + 1)) || pace_word(word_at(i_ + 2)))) {
      note_word(i_++);
      return;
    }
    if (at_item_ && !note_first_) {
      fail(i_, i_,
           fmt::format("after '@' write a load such as @ 8kg, an effort such as @ RPE 7, a percentage such as "
                       "@ 70%, bodyweight or a band such as @ red band, found '{}'",
                       t_[i_].text));
      return;
    }
    if (const auto near = after_dose() ? near_dose_word(w) : std::string{}; !near.empty()) {
      fail(i_, i_, fmt::format("'{}' is not a dose word; did you mean '{}'?", t_[i_].text, near));
      return;
    }
    note_word(i_++);
  }

  static bool pace_unit(std::string_view w) { return w == "km" || w == "mi" || w == "mile" || w == "k"; }

  // Past a pace that starts at k, or k.
  [[nodiscard]] std::size_t pace_end(std::size_t k) const {
    if (!t_[k].is(K::clock)) return k;
    auto j = k + 1;
    if (at(j + 1) != nullptr && t_[j].is(K::dash) && t_[j + 1].is(K::clock)) j += 2;
    if (punct_at(j, '+')) ++j;
    if (punct_at(j, '/') && pace_unit(word_at(j + 1))) return j + 2;
    return at_item_ ? j : k;
  }

  static bool pace_word(std::string_view w) { return w == "pace" || w == "effort" || w == "speed"; }

  void intensity(std::string_view w) {
    end_note();
    const std::size_t start = i_++;
    if (punct_at(i_, ':') || punct_at(i_, '@') || punct_at(i_, '=')) ++i_;
    if (at(i_) == nullptr || !t_[i_].is(K::number)) {
      fail(start, start,
           fmt::format("expected a number after '{}', such as {} {}", t_[start].text, t_[start].text,
                       w == "rpe" ? 7 : 2));
      return;
    }
    const Q q = quantity();
    if (!q.unit.empty()) {
      fail(q.first, q.last,
           fmt::format("{} is a number without a unit, such as {} {}", t_[start].text, t_[start].text,
                       w == "rpe" ? 7 : 2));
      return;
    }
    if (w == "rpe") {
      set_once(line_.rpe, q, {}, "an RPE");
    } else {
      set_once(line_.rir, q, {}, "repetitions in reserve");
    }
  }

  void tempo_item() {
    end_note();
    const std::size_t start = i_++;
    if (punct_at(i_, ':')) ++i_;
    const Token* t = at(i_);
    if (t != nullptr && t->is(K::tempo)) {
      line_.tempo = tempo_value(t->text, t->span(file_));
      ++i_;
    } else if (t != nullptr && t->is(K::number) && tempo_ahead(i_)) {
      std::size_t k = i_;
      const auto text = tempo_text(k);
      line_.tempo = ast::Value{ast::Value::Kind::string, text, 0, {}, span(i_, k - 2)};
      i_ = k - 1;
    } else if (t != nullptr && t->is(K::number) && (t->text.size() == 3 || t->text.size() == 4) && t->mark == 0) {
      line_.tempo = tempo_value(t->text, t->span(file_));
      ++i_;
    } else if (t != nullptr && t->is(K::number) && t->text.size() <= 2 && at(i_ + 1) != nullptr &&
               t_[i_ + 1].is(K::times) && t_[i_ + 1].attached) {
      // tempo 30X0 lexed as 30, X, 0
      std::string text(t->text);
      std::size_t k = i_ + 1;
      while (at(k) != nullptr && t_[k].attached && (t_[k].is(K::times) || t_[k].is(K::number))) text += t_[k++].text;
      line_.tempo = tempo_value(text, span(i_, k - 1));
      i_ = k;
    } else {
      fail(start, start, "expected a tempo after 'tempo', such as tempo 3-1-2 or tempo 3010");
    }
  }

  void rest_item(std::string_view w) {
    const std::size_t start = i_;
    std::size_t k = i_ + 1;
    if (punct_at(k, ':') || punct_at(k, '=')) ++k;
    if (at(k) == nullptr || !(t_[k].is(K::number) || t_[k].is(K::clock))) {
      if (w != "rest") {
        note_word(i_++);
        return;
      }
      fail(start, start, "'rest' needs a time after it, such as rest 90s or rest 1:30");
      return;
    }
    end_note();
    i_ = k;
    const Q q = quantity();
    const auto kind = unit_scale(q.unit);
    if (!kind || kind->kind != UnitKind::time) {
      if (w != "rest" && q.unit.empty()) {
        fail(start, q.last,
             fmt::format("'{} {}' has no unit: write rest {}s", t_[start].text, fmt_number(q.low), fmt_number(q.low)));
        return;
      }
      fail(start, q.last,
           fmt::format("'rest {}' has no unit: write rest {}s or rest {}min", fmt_number(q.low), fmt_number(q.low),
                       fmt_number(q.low)));
      return;
    }
    time(q, true);
  }

  // each side, per leg, e/s, ea., L/R, each, each way
  bool side_phrase() {
    const auto w = word_at(i_);
    std::size_t used = 0;
    if ((w == "each" || w == "per" || w == "a" || w == "both" || w == "pr") && limb_word(word_at(i_ + 1))) {
      used = 2;
    } else if (w == "each" || side_word(w)) {
      used = 1;
    } else if ((w == "each" || w == "per") && punct_at(i_ + 1, '/')) {
      used = 1;
    }
    if (used == 0) return false;
    end_note();
    line_.each_side = true;
    i_ += used;
    if (punct_at(i_, '.') && t_[i_].attached) ++i_;
    return true;
  }

  void bodyweight(std::string_view w) {
    end_note();
    line_.bodyweight = true;
    i_ += w == "body" ? 2 : 1;
    if (punct_at(i_, '+') && !(at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number))) {
      fail(i_, i_, "expected the added weight after '+', such as BW+10kg");
      return;
    }
    if (punct_at(i_, '+') && at(i_ + 1) != nullptr && t_[i_ + 1].is(K::number)) {
      ++i_;
      const Q q = quantity();
      if (q.unit != "kg" && q.unit != "lb") {
        fail(q.first, q.last, "expected a weight after '+', such as BW+10kg");
        return;
      }
      load(q);
    }
  }

  // red band, band: green, light resistance band, green mini band
  bool band() {
    const auto w = word_at(i_);
    std::size_t k = i_;
    std::string level;
    if (band_levels.count(w) > 0) {
      level = w;
      ++k;
      while (band_levels.count(word_at(k)) > 0 || word_at(k) == "resistance" || word_at(k) == "loop") ++k;
      if (!word_at(k).starts_with("band")) return false;
      ++k;
    } else if (w == "band" || w == "bands") {
      ++k;
      if (punct_at(k, ':') || punct_at(k, '-')) ++k;
      if (band_levels.count(word_at(k)) > 0) level = word_at(k++);
      if (level.empty()) level = "band";
    } else {
      return false;
    }
    end_note();
    // mini band red: the colour says more than the size
    if ((level == "mini" || level == "band" || level == "loop") && band_levels.count(word_at(k)) > 0)
      level = word_at(k++);
    if (!line_.band.empty()) {
      fail(i_, k - 1, "this line already gives a band; write it once");
      return true;
    }
    line_.band = level;
    i_ = k;
    return true;
  }

  void override(std::string_view w) {
    end_note();
    const std::size_t start = i_++;
    if (at(i_) == nullptr || !t_[i_].is(K::word)) {
      fail(start, start, fmt::format("expected a name after '{}'", w));
      return;
    }
    if (w == "posture") {
      line_.posture = ast::Name{std::string(t_[i_].text), t_[i_].span(file_)};
      ++i_;
      return;
    }
    while (at(i_) != nullptr && t_[i_].is(K::word)) {
      line_.equipment.push_back(ast::Name{std::string(t_[i_].text), t_[i_].span(file_)});
      ++i_;
      if (!punct_at(i_, ',')) break;
      ++i_;
    }
  }

  // 4 x 10, 8, 6 gives four sets but three counts.
  bool lists_match_sets() {
    if (!line_.sets) return true;
    const auto sets = line_.sets->low;
    for (const auto* list : {&line_.reps_list, &line_.load_list}) {
      if (list->empty() || static_cast<double>(list->size()) == sets || line_.sets->high != sets) continue;
      d_.error(line_.sets->span, fmt::format("{} sets, but {} values given one per set; give one per set, or leave "
                                             "the number of sets out",
                                             fmt_number(sets), list->size()));
      return false;
    }
    return true;
  }

  // The circuit or superset the line stands in gives what the line leaves out.
  void finish() {
    if (line_.group.empty()) line_.group = context_.group;
    if (!context_.scheme.empty() && !line_.reps && !line_.distance) {
      line_.reps_list = context_.scheme;
      const auto [low, high] = std::minmax_element(context_.scheme.begin(), context_.scheme.end());
      line_.reps = ast::Quantity{*low, *high, {}, line_.span};
      if (!line_.sets) {
        const auto n = static_cast<double>(context_.scheme.size());
        line_.sets = ast::Quantity{n, n, {}, line_.span};
      }
    }
    if (!line_.sets && context_.rounds) {
      line_.sets = *context_.rounds;
      line_.sets->span = line_.span;
    }
  }
};

}  // namespace

namespace {

using Spelling = std::pair<std::string_view, std::string_view>;  // as written, lower case; what it means

template <std::size_t N>
StringIndex index_of(const std::array<Spelling, N>& table) {
  StringIndex out;
  std::size_t bytes = 0;
  for (const auto& spelling : table) bytes += std::string_view(spelling.first).size();
  out.reserve(N, bytes);
  for (std::uint32_t i = 0; i < N; ++i) out.insert(table[i].first, i);
  return out;
}

// A word's meaning, found with one hash: these tables are asked about most words of a line.
template <std::size_t N>
std::string meaning(const std::array<Spelling, N>& table, const StringIndex& index, std::string_view w) {
  const auto i = index.find(w);
  return i ? std::string(table[*i].second) : std::string{};
}

constexpr std::array<Spelling, 16> equipment_spellings{{
    {"db", "dumbbell"},
    {"dbs", "dumbbell"},
    {"dumbbell", "dumbbell"},
    {"dumbbells", "dumbbell"},
    {"kb", "kettlebell"},
    {"kbs", "kettlebell"},
    {"kettlebell", "kettlebell"},
    {"kettlebells", "kettlebell"},
    {"bb", "barbell"},
    {"barbell", "barbell"},
    {"plate", "plate"},
    {"plates", "plate"},
    {"cable", "cable"},
    {"machine", "machine"},
    {"trx", "band"},
    {"mb", "medicine_ball"},
}};

constexpr std::array<Spelling, 40> unit_spellings{
    {{"s", "s"},      {"sec", "s"},      {"secs", "s"},      {"second", "s"},  {"seconds", "s"}, {"min", "min"},
     {"mins", "min"}, {"minute", "min"}, {"minutes", "min"}, {"h", "h"},       {"hr", "h"},      {"hrs", "h"},
     {"hour", "h"},   {"hours", "h"},    {"kg", "kg"},       {"kgs", "kg"},    {"kilo", "kg"},   {"kilos", "kg"},
     {"lb", "lb"},    {"lbs", "lb"},     {"pound", "lb"},    {"pounds", "lb"}, {"m", "m"},       {"metre", "m"},
     {"metres", "m"}, {"meter", "m"},    {"meters", "m"},    {"km", "km"},     {"k", "km"},      {"mi", "mi"},
     {"mile", "mi"},  {"miles", "mi"},   {"yd", "yd"},       {"yds", "yd"},    {"yard", "yd"},   {"yards", "yd"},
     {"sek", "s"},    {"cm", "cm"},      {"inch", "in"},     {"inches", "in"}}};

}  // namespace

std::string equipment_word(std::string_view w) {
  static const auto index = index_of(equipment_spellings);
  return meaning(equipment_spellings, index, w);
}

std::string unit_word(std::string_view w) {
  static const auto index = index_of(unit_spellings);
  return meaning(unit_spellings, index, w);
}

std::size_t waiver_start(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k < last; ++k) {
    if (tokens[k].is(Token::Kind::word) && tokens[k].lower() == "waive" && k + 1 < last &&
        tokens[k + 1].is(Token::Kind::word)) {
      return k;
    }
  }
  return last;
}

std::optional<ast::Line> read_table_row(const SourceFile& file, const std::vector<Token>& tokens,
                                        const std::vector<Cell>& cells, const LineContext& context,
                                        Diagnostics& diagnostics) {
  if (cells.empty()) return std::nullopt;
  return Reader(file, tokens, cells.front().first, cells.front().last, context, diagnostics).read_row(cells);
}

namespace {

// What a line says after its dose of later weeks or of its setup, as [end of the dose, start of the remark):
// `Goblet squat 3x10 – add 2kg next week`, `Glute bridge 3x12, progress to single leg in week 3`, `(go up to
// 16kg in wk 2)` after a separator and a word of progression; `, wk2 4×5 @ 75%`, the dose of a later week; `onto the
// 2nd box` before an ordinal; `incl 5 x 3min @ threshold`, what the dose holds. Their numbers are no part of this
// week's dose. Both are `last` when the line has no such remark.
struct Remark {
  std::size_t dose_end;
  std::size_t remark_begin;
  bool later_doses = false;  // the doses of later weeks, which are not checked
};
Remark later_weeks(const std::vector<Token>& t, std::size_t first, std::size_t last) {
  static const WordSet progression = {"add",   "adding",   "progress", "progressing", "increase", "increasing",
                                      "build", "building", "drop",     "dropping",    "go",       "next",
                                      "from",  "move",     "moving",   "until",       "once"};
  bool dosed = false;
  bool named = false;  // a word before the dose: `Easy 40 min Z2`, not `30 min Zone 2 bike`
  for (auto k = first; k + 1 < last; ++k) {
    const auto& x = t[k];
    const bool ordinal =
        x.is(Token::Kind::number) && t[k + 1].attached && t[k + 1].is(Token::Kind::word) &&
        (t[k + 1].lower() == "st" || t[k + 1].lower() == "nd" || t[k + 1].lower() == "rd" || t[k + 1].lower() == "th");
    if (dosed && ordinal) {
      auto begin = k;  // `onto the 2nd box`: the words before the ordinal belong to the remark
      while (begin > first + 1 && begin + 3 > k && t[begin - 1].is(Token::Kind::word) &&
             !dose_words.contains(t[begin - 1].lower())) {
        --begin;
      }
      return {begin, begin};
    }
    // `8km incl 5 x 3min @ threshold`: what the dose holds, described
    // `40 min Z2`, `30 min zone 2`: a heart-rate zone, how hard
    const bool zone = (x.lower() == "z" && t[k + 1].is(Token::Kind::number) && t[k + 1].attached) ||
                      (x.lower() == "zone" && t[k + 1].is(Token::Kind::number));
    if (dosed && named && zone) return {k, k};
    // `10km w/ 6 x 800m @ 10k pace`
    const bool with = x.lower() == "w" && t[k + 1].is_punct('/') && t[k + 1].attached;
    if (dosed && x.is(Token::Kind::word) &&
        (x.lower() == "incl" || x.lower() == "including" || x.lower() == "inc" || x.lower() == "includes" ||
         (with && t[k - 1].is(Token::Kind::word) &&
          (t[k - 1].lower() == "km" || t[k - 1].lower() == "mi" || t[k - 1].lower() == "miles" ||
           t[k - 1].lower() == "k")))) {
      return {k, k};
    }
    if (x.is(Token::Kind::number) || x.is(Token::Kind::times) || x.is(Token::Kind::clock)) dosed = true;
    named = named || (!dosed && x.is(Token::Kind::word));
    const bool separator = x.is_punct(',') || x.is_punct(';') || x.is_punct('(') ||
                           (x.is(Token::Kind::dash) &&
                            !(k > first && t[k - 1].is(Token::Kind::number) && t[k + 1].is(Token::Kind::number)));
    if (dosed && separator && t[k + 1].is(Token::Kind::word) && progression.contains(t[k + 1].lower())) {
      return {k, k + 1};
    }
    // `Squat 4×6 @ 70%, wk2 4×5 @ 75%`, `| W2 3x5 @ 105kg`, `, week 2 3x8`: the doses of later weeks
    const bool week = k + 2 < last && t[k + 1].is(Token::Kind::word) && t[k + 2].is(Token::Kind::number) &&
                      (t[k + 1].lower() == "wk" || t[k + 1].lower() == "w" || t[k + 1].lower() == "week" ||
                       t[k + 1].lower() == "wks" || t[k + 1].lower() == "weeks");
    if (dosed && (separator || x.is_punct('|')) && week) return {k, k + 1, true};
  }
  return {last, last};
}

}  // namespace

std::optional<ast::Line> read_exercise_line(const SourceFile& file, const std::vector<Token>& tokens, std::size_t first,
                                            std::size_t last, const LineContext& context, Diagnostics& diagnostics) {
  // Reading a dose looks ahead along the line, so a line of thousands of signs would take quadratic time; no
  // exercise line a trainer writes comes near this many.
  constexpr std::size_t max_tokens = 256;
  if (last > first + max_tokens) {
    diagnostics.error(tokens[first + max_tokens].span(file),
                      fmt::format("an exercise line has at most {} words, numbers and signs; split this one, or "
                                  "start the rest with '#' to make it a comment",
                                  max_tokens));
    return std::nullopt;
  }
  const auto [cut, remark, later_doses] = later_weeks(tokens, first, last);
  auto line = Reader(file, tokens, first, cut, context, diagnostics).read();
  if (line && cut < last) {
    auto from = remark;
    while (from < last && (tokens[from].is(Token::Kind::punct) || tokens[from].is(Token::Kind::dash))) ++from;
    auto to = last;
    while (to > from && tokens[to - 1].is_punct(')')) --to;
    if (from < to) {
      const auto begin = tokens[from].offset;
      const std::string text(file.text.substr(begin, tokens[to - 1].end() - begin));
      line->notes.push_back(text);
      // said, as for `Wk 2: add tuck jumps` inside a session: what is not checked must not pass unseen
      if (later_doses) {
        add_note(
            diagnostics, span_between(file, tokens[from], tokens[to - 1]),
            fmt::format("'{}' read as a note: the doses of later weeks; write those weeks out to have them checked",
                        shorten(text)));
      }
    }
  }
  return line;
}

std::optional<ast::Line> read_dose_line(const SourceFile& file, const std::vector<Token>& tokens, std::size_t first,
                                        std::size_t last, const LineContext& context, const ast::Value& name,
                                        Diagnostics& diagnostics) {
  constexpr std::size_t max_tokens = 256;
  if (first >= last || last > first + max_tokens) return std::nullopt;
  return Reader(file, tokens, first, last, context, diagnostics).read_dose(name);
}

}  // namespace liftlint::plan
