// liftlint: check workout plans against cited exercise guidelines.
//
//   liftlint::Engine engine({});                 // embedded default pack
//   if (!engine.ok()) { /* engine.rule_errors() */ }
//   auto report = engine.check_file("week.plan");
//   for (const auto& f : report.findings) { /* f.rule_id, f.message, f.location ... */ }
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace liftlint {

enum class Severity { error, warning, info };

struct Location {
  std::string file;
  unsigned line = 0;  // 1-based; 0 when the problem is about a whole file
  unsigned column = 0;
  unsigned length = 0;
  // The line the location is on. A long line is quoted only around the location, from byte column
  // line_text_column on, so that many findings on one huge line do not each hold a copy of it.
  std::string line_text;
  unsigned line_text_column = 1;
};

struct Remark {
  std::string text;
  std::optional<Location> location;
};

struct Citation {
  std::string source;     // the source's id in the rule pack
  std::string reference;  // the full reference, ready to print
  std::string locator;    // page or section, if the rule gives one
  std::string evidence;   // scheme.level, such as grade.moderate
  std::string url;
};

// A finding (rule_id set) or an error in an input file (rule_id empty).
struct Problem {
  Severity severity = Severity::error;
  std::string rule_id;
  std::string message;
  Location location;
  std::vector<Remark> notes;
  std::vector<std::string> help;
  std::vector<Citation> citations;
  std::vector<int> weeks;
};

// A waiver written in a plan: why one rule's findings do not count there.
struct Waiver {
  std::string rule_id;
  std::string reason;
  std::string approved_by;  // may be empty
  std::string until;        // YYYY-MM-DD, the last day it holds; may be empty
  std::string scope;        // plan, week, day, session or line
  Location location;        // the waiver's rule id
};

struct Suppressed {
  Problem finding;
  Waiver waiver;
};

// A finding made moot by another rule that applies to the same client: a flare-up pauses strength
// training, so missing the weekly strength target is not a violation. Reported, not counted.
struct Superseded {
  Problem finding;
  std::string by;  // the id of the rule that supersedes it
};

struct PlanReport {
  std::string path;
  std::vector<Problem> errors;         // the plan could not be read or resolved
  std::vector<Problem> findings;       // rule violations and waiver problems, in file order
  std::vector<Suppressed> suppressed;  // findings a waiver covers: reported, not counted
  std::vector<Superseded> superseded;  // findings another rule makes moot: reported, not counted
  bool plan = true;                    // false for a configuration file or an empty directory
  // The rules ran. A plan with input errors is still checked: its findings stand beside the errors,
  // and what could not be read is unknown to the rules.
  bool evaluated = false;
};

struct RuleInfo {
  std::string id;
  Severity severity = Severity::warning;
  std::string message;
  std::string doc;
  Location location;  // where the rule is declared
  bool builtin = false;
  std::string status;  // draft, reviewed or retired
  std::string version;
  std::string reviewed;
  std::string pack;  // "back-pain" for the built-in pack, else the rule file's name without extension
  std::string text;  // the declaration as written
  std::vector<std::string> suggest;
  std::vector<Citation> citations;
  std::vector<std::string> supersedes;     // rules whose findings are moot when this one applies
  std::vector<std::string> superseded_by;  // rules that make this one's findings moot when they apply
};

// A name a plan may use for a condition, symptom, session kind, posture, piece of equipment or muscle.
struct VocabularyEntry {
  std::string id;
  std::string label;
  std::vector<std::string> aliases;  // other spellings a plan may use
  std::vector<std::string> implies;  // for conditions: the broader conditions it counts as
};

enum class VocabularyKind { conditions, symptoms, kinds, postures, equipment, muscles, patterns };

// A catalogue exercise with the attributes rules read.
struct ExerciseInfo {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> muscles;
  std::string pattern;
  std::string posture;
  std::vector<std::string> equipment;
  std::vector<std::string> tags;
  std::string spinal_load;  // none, low, moderate or high
  std::string impact;
  bool supported = false;
  bool loaded = false;
  std::string read_as;  // for a search that names no entry but reads as one: "overhead press, standing, barbell"
  std::vector<Location> extended_at;  // the packs' `extend exercise` declarations that changed the entry
};

// What one exercise line was read as: the values rules see. A value the line does not give is empty.
struct LineReading {
  Location location;
  std::string exercise;   // the catalogue entry, or the name as written when none was found
  bool known = true;      // false: no catalogue entry, so the rules know nothing of it
  bool dose_read = true;  // false: the dose could not be read
  std::string block;      // warmup, main or cooldown
  std::string group;      // superset letter or circuit
  std::optional<double> sets, reps, reps_max, hold_seconds, load_kg, percent, rpe, rir, rest_seconds, distance_m;
  std::vector<double> reps_per_set;
  bool each_side = false;
  bool amrap = false;
  bool bodyweight = false;
  bool loaded = false;
  std::string posture;
  std::vector<std::string> equipment;
};

struct SessionReading {
  Location location;
  std::string day;   // Mon, Mon pm, Day 2, Session 1
  std::string kind;  // the session kind, with `strength` added when its content is resistance work
  bool weekday_known = true;
  std::optional<double> minutes;
  std::string intensity;  // light, moderate or vigorous; empty when the plan does not say
  std::vector<LineReading> lines;
};

struct WeekReading {
  int first = 1;
  int last = 1;
  bool deload = false;
  std::vector<SessionReading> sessions;
};

// What a plan was read as, for a trainer to compare with what they meant.
struct PlanReading {
  std::string path;
  std::vector<Problem> errors;
  std::vector<std::string> conditions;  // with everything they imply
  bool cleared = false;
  std::string experience;
  std::optional<double> age;
  std::optional<double> gestational_week;  // at the plan's first week
  std::vector<WeekReading> weeks;
};

struct EngineOptions {
  // The built-in vocabulary, catalogue and sources are always loaded; this adds the built-in rules.
  bool default_rules = true;
  std::vector<std::string> rule_paths;
  bool drafts = false;  // also run rules whose status is draft
  // The day waiver expiry dates are compared with, as YYYY-MM-DD; empty: today's local date.
  std::string today;
};

class Engine {
 public:
  explicit Engine(const EngineOptions& options);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  [[nodiscard]] bool ok() const;
  [[nodiscard]] const std::vector<Problem>& rule_errors() const;
  [[nodiscard]] std::size_t rule_count() const;
  [[nodiscard]] std::vector<RuleInfo> rules() const;
  [[nodiscard]] PlanReport check_file(const std::string& path) const;
  // Plans whose path ends in .json are read as JSON, others as the text notation.
  [[nodiscard]] PlanReport check_text(const std::string& path, std::string text) const;
  // One JSON plan per non-blank line; each report's path is "<path>:<line>".
  [[nodiscard]] std::vector<PlanReport> check_json_lines(const std::string& path, std::string text) const;
  // What arrives on standard input: one text plan, one JSON plan (pretty-printed or not), or JSON Lines.
  [[nodiscard]] std::vector<PlanReport> check_stdin(std::string text) const;
  [[nodiscard]] std::vector<VocabularyEntry> vocabulary(VocabularyKind kind) const;
  // Reads a plan without checking it: what each line, session and week was read as.
  [[nodiscard]] PlanReading read_text(const std::string& path, std::string text) const;
  // Exercises whose name or alias matches every word of `search` (all when empty), best first; a
  // name written as trainers do (`standing barbell OHP`) also finds the entry it reads as.
  [[nodiscard]] std::vector<ExerciseInfo> catalogue(const std::string& search = {}) const;
  // Changes a loaded rule's severity, or turns it off; false when no rule has that id.
  bool configure_rule(const std::string& id, std::optional<Severity> severity, bool enabled);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend struct EngineAccess;
};

[[nodiscard]] const char* version();

}  // namespace liftlint
