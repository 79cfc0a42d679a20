// liftlint: check workout plans against cited exercise guidelines.
//
//   auto built = liftlint::Engine::create({});   // the embedded default pack
//   if (!built) { /* built.problems: why the packs did not load */ }
//   const liftlint::Engine& engine = *built.engine;
//   auto report = engine.check_text("week.plan", text, liftlint::PlanFormat::text);
//   for (const auto& f : report.findings) { /* f.rule_id, f.message, f.location ... */ }
//
// Thread safety: a built Engine is immutable. Every const member function may be called from any
// number of threads at once on the same engine, without locking. Reports and the other returned
// values are plain values owned by the caller.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/kinds.hpp"

namespace liftlint {

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

// A change a fix makes: the `location.length` bytes from `location.line` and `location.column` (both
// 1-based; the column counts bytes) replaced by `text`. A length of 0 inserts. The edits of one fix
// never overlap.
struct Edit {
  Location location;
  std::string text;
};

// A change that would resolve a finding or an error, as data: what editors offer as a code action
// and `liftlint check --fix` applies. Safe fixes only (`--fix`) correct what the message says was
// meant; unsafe ones (`--unsafe-fixes`) change the programme.
struct Fix {
  std::string title;  // "replace 'deadlift' with 'glute bridge'"
  FixApplicability applicability = FixApplicability::safe;
  std::vector<Edit> edits;
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
  std::vector<Fix> fixes = {};
};

// A waiver written in a plan: why one rule's findings do not count there.
struct Waiver {
  std::string rule_id;
  std::string reason;
  std::string approved_by;  // may be empty
  std::string until;        // YYYY-MM-DD, the last day it holds; may be empty
  WaiverScope scope = WaiverScope::plan;
  Location location;  // the waiver's rule id
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

struct PlanReading;

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
  // What the plan was read as, for reports that draw it (HTML); set only when the engine was built
  // with EngineOptions::readings and the plan could be read.
  std::shared_ptr<const PlanReading> reading = nullptr;
  // Lines read as the trainer's notes (`Rach`, `same warm up`): no exercise the catalogue knows, and no dose.
  // And, with the code no_condition_code, that the rules for a client's conditions did not apply because the
  // plan records none. Said, not counted: they are neither findings nor input errors.
  std::vector<Problem> notes = {};
};

// The code of the note that says a plan records no condition of its client, so that the rules which apply
// only to a client with one (back pain, pregnancy) were not checked.
inline constexpr std::string_view no_condition_code = "plan.no-condition";

struct RuleInfo {
  std::string id;
  Severity severity = Severity::warning;
  std::string message;
  std::string doc;
  Location location;  // where the rule is declared
  bool builtin = false;
  RuleStatus status = RuleStatus::reviewed;
  bool runs = true;  // this engine evaluates it: reviewed, or a draft when drafts run, and not turned off
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
  // Phrases that name it in prose when they stand near each other: `lower back|lumbar ~ pain|stiff` is read in
  // `stiff lower back` and `lower back has been stiff`.
  std::vector<std::string> described = {};
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
  std::vector<Problem> notes;           // lines read as the trainer's notes, as in PlanReport
  std::vector<std::string> conditions;  // with everything they imply
  bool cleared = false;
  bool cleared_without_restrictions = false;  // the clearance says it sets no restrictions
  std::string experience;
  std::optional<double> age;
  std::optional<double> gestational_week;  // at the plan's first week
  std::vector<WeekReading> weeks;
};

// A rule file held in memory. Its name stands for a path: positions in problems name it, and its
// `include "other.rules"` reaches the in-memory file of that name, relative to its own.
struct RuleFile {
  std::string name;
  std::string text;
};

// A rule's severity changed, or the rule turned off, as a project's configuration does.
struct RuleSetting {
  std::string id;
  std::optional<Severity> severity;  // unchanged when empty
  bool enabled = true;
  Location location;  // where the setting is written, for a problem about it; may be empty
};

struct EngineOptions {
  // The built-in vocabulary, catalogue and sources are always loaded; this adds the built-in rules.
  bool default_rules = true;
  std::vector<std::string> rule_paths;  // rule files, or directories of them
  std::vector<RuleFile> rule_files;     // loaded after rule_paths
  std::vector<RuleSetting> rule_settings;
  bool drafts = false;  // also run rules whose status is draft
  // The day waiver expiry dates are compared with, as YYYY-MM-DD; empty: today's local date.
  std::string today;
  // Each report also holds what its plan was read as (PlanReport::reading), for the HTML report.
  bool readings = false;
};

// The notation a plan is written in. JSON Lines holds one JSON plan per non-blank line.
enum class PlanFormat { text, json, json_lines };
// The convention of the command line: .json is JSON, .jsonl and .ndjson JSON Lines, anything else text.
[[nodiscard]] PlanFormat plan_format_for_path(std::string_view path);
// What a stream holds when nothing names it: text unless it starts with '{'; then one JSON document
// over several lines, or JSON Lines.
[[nodiscard]] PlanFormat plan_format_of_text(std::string_view text);

struct PlanInput {
  std::string name;  // how reports and positions name the plan
  std::string text;
  PlanFormat format = PlanFormat::text;
};

// Applies the edits of `fixes` to `text`, the contents of the file named `file`, and returns how many
// fixes were applied. Edits for other files are skipped; a fix whose edits overlap those of a fix taken
// before it, or point outside the text, is left out whole.
std::size_t apply_fixes(std::string& text, const std::string& file, const std::vector<const Fix*>& fixes);

// A plan with its fixes applied: the text after every pass (a fix may make another possible) and the
// report of what remains.
struct FixedPlan {
  std::string text;
  std::size_t applied = 0;
  PlanReport report;
};

class Engine;

// What Engine::create returns: an engine, or every problem that kept the rule packs from loading.
struct EngineResult {
  std::unique_ptr<Engine> engine;  // empty when a pack did not load
  // Why no engine was built; with an engine, the rule settings that name no loaded rule (left out).
  std::vector<Problem> problems;
  explicit operator bool() const { return engine != nullptr; }
};

class Engine {
 public:
  [[nodiscard]] static EngineResult create(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  [[nodiscard]] std::size_t rule_count() const;
  // The path of every rule file the engine read, includes too, as it was named (built-in files start with
  // "builtin/"): what a report written to a file must never replace.
  [[nodiscard]] std::vector<std::string> rule_files() const;
  [[nodiscard]] std::vector<RuleInfo> rules() const;
  // The rules this engine evaluates (RuleInfo::runs).
  [[nodiscard]] std::vector<RuleInfo> running_rules() const;

  // One plan: text or JSON. Given PlanFormat::json_lines, the report holds one error saying to use check().
  [[nodiscard]] PlanReport check_text(const std::string& name, std::string text, PlanFormat format) const;
  // Every plan a text holds: one for text and JSON, one per non-blank line for JSON Lines, each
  // report named "<name>:<line>".
  [[nodiscard]] std::vector<PlanReport> check(const std::string& name, std::string text, PlanFormat format) const;
  // A plan file, in the format its name gives (plan_format_for_path).
  [[nodiscard]] std::vector<PlanReport> check_file(const std::string& path) const;
  // Checks the inputs on up to `threads` threads (0: one per core) and returns their reports in
  // input order, the same whatever the number of threads.
  [[nodiscard]] std::vector<PlanReport> check_batch(const std::vector<PlanInput>& inputs, unsigned threads) const;
  // Applies the first fix of each finding and error, the safe ones and, with `unsafe`, the others too,
  // pass after pass until none applies. Text and JSON plans; JSON Lines are left as they are.
  [[nodiscard]] FixedPlan fix(const std::string& name, std::string text, PlanFormat format, bool unsafe) const;

  [[nodiscard]] std::vector<VocabularyEntry> vocabulary(VocabularyKind kind) const;
  // Reads a plan (text or JSON) without checking it: what each line, session and week was read as.
  [[nodiscard]] PlanReading read_text(const std::string& path, std::string text, PlanFormat format) const;
  // Exercises whose name or alias matches every word of `search` (all when empty), best first; a
  // name written as trainers do (`standing barbell OHP`) also finds the entry it reads as.
  [[nodiscard]] std::vector<ExerciseInfo> catalogue(const std::string& search = {}) const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Runs check(i) for every i below count on up to `threads` threads, the calling thread among them (0: one
// per core), and hands the reports to `report(i, report)` on the calling thread, in index order and in each
// result's order. Only a few results are held at once however many inputs there are, so a batch of any
// size runs in bounded memory. `check` must be safe to call from several threads at once (every const
// Engine function is).
void check_in_order(std::size_t count, unsigned threads,
                    const std::function<std::vector<PlanReport>(std::size_t)>& check,
                    const std::function<void(std::size_t, PlanReport&&)>& report);

[[nodiscard]] const char* version();

}  // namespace liftlint
