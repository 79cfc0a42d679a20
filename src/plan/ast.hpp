// Syntax tree of a plan file: what the trainer typed, with spans.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ast.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::plan {

// The code of a line read as the trainer's note (no exercise, no dose): reported, not an input error.
inline constexpr std::string_view note_code = "plan.note";

}  // namespace liftlint::plan

namespace liftlint::plan::ast {

using rules::ast::Name;
using rules::ast::Value;

struct Quantity {
  double low = 0;
  double high = 0;  // equals low unless a range was written
  std::string unit;
  Span span;
};

struct Line {
  Value name;
  std::optional<Quantity> sets;
  std::optional<Quantity> reps;      // unit: "", steps, reps, or a time unit for timed sets
  std::optional<Quantity> load;      // kg or lb
  std::vector<Quantity> amounts;     // bare "30-40s", "70%", "10kg"
  std::optional<Quantity> distance;  // m, km, mi or yd
  std::vector<double> reps_list;     // 10/8/6: one count per set
  std::vector<double> load_list;     // 12/14/16kg: one load per set, in the load's unit
  bool amrap = false;                // as many as possible, to failure, or the + of 5+
  bool alternating = false;
  int implements = 0;       // 2 for a pair such as 2x16kg
  std::string group;        // superset or circuit the line belongs to
  bool unreadable = false;  // the dose could not be read: its values are unknown
  // `5 min bike, cat-cow x10`: the line read as several exercises, and the errors of reading it as one. The
  // resolver uses the parts when each names an exercise, and reports the errors otherwise.
  std::vector<Line> parts;
  std::vector<Diagnostic> errors;
  // Read from a trainer's aside (`film deadlift 10 slow reps`, `NB - ask about knees`): an exercise line when
  // its name is a known exercise, and otherwise a note, with its errors (kept in `errors`) unreported.
  bool aside = false;
  bool warmup_set = false;  // `W: 40 kg × 10` in a training log: a set before the work sets, part of the warm-up
  std::optional<Quantity> rpe;
  std::optional<Quantity> rir;
  std::optional<Quantity> rest;
  std::optional<Value> tempo;
  std::optional<Name> posture;
  std::vector<Name> equipment;
  std::string band;
  std::vector<std::string> notes;
  bool each_side = false;
  bool bodyweight = false;
  Span span;
};

struct Block {
  enum class Kind { main, warmup, cooldown };
  Kind kind = Kind::main;
  std::optional<Quantity> duration;
  std::vector<Line> lines;
  Span span;
};

struct Day {
  Name day;                // "mon", or "day 3"
  std::vector<Name> also;  // `Mon/Thu – gym`: the other weekdays the same session is on
  std::optional<Quantity> number;
  bool ordered = false;   // Day 1, Session A: a place in the week, not a weekday
  std::string part;       // am, pm: one of several sessions on a day
  std::uint32_t end = 0;  // byte offset where the session's text ends
  bool rest = false;
  bool rest_day = false;  // marked rest, with what the client does on it: `Sun: rest day - easy walk 30 min`
  bool copied = false;    // from `same as week N`; the week may write the day again, which replaces it
  Name kind;
  std::optional<Quantity> duration;
  std::string label;
  std::vector<Block> blocks;
  Span span;
};

struct Week {
  std::optional<Quantity> first;
  std::optional<Quantity> last;
  bool deload = false;
  std::uint32_t end = 0;
  std::vector<Day> days;
  Span span;
};

// When a symptom began, as far as the plan says: a date, or new since the clearance.
struct Onset {
  std::size_t symptom = 0;  // index into Client::symptoms
  std::optional<Value> date;
  bool fresh = false;
  Span span;
};

struct Client {
  std::vector<Name> conditions;
  std::vector<Name> symptoms;
  std::optional<bool> cleared;
  bool without_restrictions = false;  // `cleared yes ... without restrictions`, `no restrictions` in prose
  std::string cleared_by;
  std::optional<Value> cleared_on;
  std::optional<Name> experience;
  std::optional<Value> age;
  std::optional<Value> gestational_week;
  std::vector<Name> mentions;  // prose about the client (`History: ...`), searched for conditions
  // The mention that gave the clearance, and the mentions that report what happened later (a chat's messages, a
  // client's comment logged under a session): a symptom reported after the clearance began after it.
  std::optional<std::size_t> cleared_in_chat;
  std::vector<std::size_t> reports;
  std::vector<Onset> onsets;
  Span span;
};

// `waive rule.id reason "..."`: the findings of one rule inside the text the waiver covers
// are suppressed, not counted.
struct Waiver {
  enum class Scope { plan, week, day, session, line };
  Scope scope = Scope::plan;
  Name rule;
  std::string reason;
  Span reason_span;
  std::string approver;
  std::optional<Value> until;  // the last day the waiver holds
  std::optional<Name> day;     // `on wed`: only that weekday's sessions within the scope
  std::optional<Quantity> day_number;
  std::uint32_t begin = 0;  // byte range of the plan, week, session or line it covers
  std::uint32_t end = 0;
  Span span;
};

struct File {
  const SourceFile* source = nullptr;
  bool json = false;  // read from JSON, so help speaks of JSON keys
  std::vector<Waiver> waivers;
  std::optional<Value> name;
  std::optional<Client> client;
  std::vector<rules::ast::ExerciseDecl> exercises;
  std::vector<Week> weeks;
  std::vector<Day> loose_days;     // days written outside any week: one repeating week
  std::vector<Span> client_spans;  // every client block, to reject a second one
  // Lines before the first session with no dose: a title (`MAMA STRONG — 4 week return`), or exercises named
  // out of place (`Core: sit-ups, Russian twists`), which the resolver tells apart by the catalogue.
  std::vector<Value> preamble;
};

}  // namespace liftlint::plan::ast
