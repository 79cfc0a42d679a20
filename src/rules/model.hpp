// The checked rule set: resolved names, typed expressions, cited rules.
// Knows nothing about syntax; the evaluator reads only this.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/diagnostic.hpp"
#include "support/string_index.hpp"

namespace liftlint::model {

// Each vocabulary holds at most this many names, so sets fit one bitset.
inline constexpr std::size_t max_vocabulary = 256;
using Bits = std::bitset<max_vocabulary>;

enum class Category : std::uint8_t { condition, muscle, pattern, posture, equipment, session_kind, tag, muscle_group };
inline constexpr std::size_t category_count = 8;
[[nodiscard]] const char* category_name(Category category);

struct VocabEntry {
  std::string id;
  std::string label;
  Span span;
  Bits closure;  // itself and everything it implies, transitively
  bool symptom = false;
  std::vector<std::string> aliases;
  Bits members;        // a muscle group's muscles
  double step_kg = 0;  // equipment: the smallest practical increase of load
};

// An alias written as two lists of phrases joined by ` ~ ` (`"lower back|lumbar ~ pain|stiff|niggle"`): prose
// names the entry when a phrase of each list stands within a few words of the other, in either order. It
// describes what no fixed phrase can (`stiff lower back`, `lower back has been stiff`), and names the entry in
// prose only, never as a field's value.
struct Nearness {
  std::uint16_t entry = 0;
  std::vector<std::string> first;   // normalised phrases
  std::vector<std::string> second;  // normalised phrases
};
// Whether an alias is a description (`"lower back ~ pain"`) rather than a name.
[[nodiscard]] inline bool is_description(std::string_view alias) { return alias.find('~') != std::string_view::npos; }
// The two lists of a nearness alias, or nullopt when the alias is a plain name; a list may be empty when the
// alias is malformed, which the checker reports.
[[nodiscard]] std::optional<std::pair<std::vector<std::string>, std::vector<std::string>>> nearness_lists(
    std::string_view alias);

class Vocabulary {
 public:
  [[nodiscard]] std::optional<std::uint16_t> find(const std::string& id) const;
  // The entry a plan means by `name`: its id or an alias, in any case, with spaces, hyphens or plurals.
  [[nodiscard]] std::optional<std::uint16_t> lookup(const std::string& name) const;
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] const VocabEntry& at(std::uint16_t index) const { return entries_[index]; }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // The description aliases of every entry, read from the aliases on first use: most checks read no prose.
  [[nodiscard]] const std::vector<Nearness>& nearness() const;
  std::uint16_t add(VocabEntry entry);
  VocabEntry& mutable_at(std::uint16_t index) {
    forget_nearness();
    return entries_[index];
  }
  // The id and spelling tables, for snapshots, and a vocabulary restored from them without reading each
  // name again; nullopt when a table names an entry that is not there.
  [[nodiscard]] const StringIndex& id_index() const { return index_; }
  [[nodiscard]] const StringIndex& spelling_index() const { return spelled_; }
  [[nodiscard]] static std::optional<Vocabulary> restore(std::vector<VocabEntry> entries, StringIndex ids,
                                                         StringIndex spellings);

 private:
  std::vector<VocabEntry> entries_;
  StringIndex index_;
  StringIndex spelled_;  // normalised ids and aliases
  struct NearnessOnce;
  std::shared_ptr<NearnessOnce> nearness_;  // shared by copies until one of them changes an entry

  void forget_nearness();
};

enum class Level : std::uint8_t { none, low, moderate, high };
[[nodiscard]] std::optional<Level> parse_level(const std::string& text);

struct Exercise {
  std::string name;
  std::vector<std::string> aliases;
  Bits muscles;
  std::uint16_t pattern = 0;
  std::uint16_t posture = 0;
  Bits equipment;
  Bits tags;
  Level spinal_load = Level::low;
  Level impact = Level::none;
  bool supported = false;
  bool loaded = false;
  Span span;
  std::vector<Span> extended_at;  // the `extend exercise` declarations that changed it
};

class Catalogue {
 public:
  // Adds the exercise; returns the index of an earlier one with a clashing name, if any.
  std::optional<std::uint32_t> add(Exercise exercise, std::string* clashing_name);
  [[nodiscard]] std::optional<std::uint32_t> find(const std::string& name) const;
  // Also matches the name written without spaces or hyphens, or with & and /: pushups, cat/cow.
  [[nodiscard]] std::optional<std::uint32_t> find_loose(const std::string& name) const;
  // Every normalised name and alias, in no particular order.
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] const Exercise& at(std::uint32_t index) const {
    return deferred_ ? deferred_at(index) : exercises_[index];
  }
  Exercise& mutable_at(std::uint32_t index) {
    materialize();
    return exercises_[index];
  }
  // Another name for an entry; false when the name already belongs to an exercise.
  bool add_alias(std::uint32_t index, const std::string& alias);
  [[nodiscard]] std::size_t size() const;
  // The name tables, for snapshots, and a catalogue restored from them without reading each name again;
  // nullopt when a table names an exercise that is not there (not looked for in `built_in` tables).
  [[nodiscard]] const StringIndex& name_index() const { return by_name_; }
  [[nodiscard]] const StringIndex& letters_index() const { return by_letters_; }
  // Its `count` exercises are those `decode` gives one at a time, each when it is first asked for, once,
  // whichever thread asks; `decode` must give one for every index below `count`. A check uses a few of the
  // hundreds a catalogue holds. Adding or changing an exercise decodes them all first.
  using Decoder = std::function<Exercise(std::uint32_t index)>;
  [[nodiscard]] static std::optional<Catalogue> restore_deferred(std::uint32_t count, Decoder decode,
                                                                 StringIndex by_name, StringIndex by_letters,
                                                                 Integrity integrity = Integrity::checked);

 private:
  struct Deferred;
  [[nodiscard]] const Exercise& deferred_at(std::uint32_t index) const;
  void materialize();

  std::vector<Exercise> exercises_;
  std::shared_ptr<Deferred> deferred_;  // set while the exercises are decoded on first use; shared by copies
  StringIndex by_name_;                 // normalised names and aliases
  StringIndex by_letters_;              // the same without spaces: pushup, situp

  static std::string letters_of(const std::string& normalized);
};

struct Source {
  std::string id;
  std::string author, title, journal, publisher, doi, url, isbn, note;
  int year = 0;
  std::string scheme, level;
  Span span;
  // "Author (Year). Title. Journal. doi:..." for reports.
  [[nodiscard]] std::string reference() const;
};

struct Citation {
  std::uint32_t source = 0;
  std::string locator;
};

enum class Scope : std::uint8_t { client, week, session, exercise };
[[nodiscard]] const char* scope_name(Scope scope);
// "a week", "an exercise".
[[nodiscard]] std::string a_scope(Scope scope);

enum class Attr : std::uint8_t {
  client_conditions,
  client_cleared,
  client_cleared_without_restrictions,
  client_experience,
  client_age,
  client_gestational_week,
  week_number,
  week_deload,
  session_kind,
  session_duration,
  session_day,
  session_week,
  session_warmup,
  session_cooldown,
  session_exercises,
  session_deload,
  session_intensity,
  session_moderate_minutes,
  session_gestational_week,
  session_rest_day,
  exercise_name,
  exercise_muscles,
  exercise_muscle_groups,
  exercise_pattern,
  exercise_posture,
  exercise_equipment,
  exercise_spinal_load,
  exercise_impact,
  exercise_supported,
  exercise_loaded,
  exercise_tags,
  exercise_sets,
  exercise_reps,
  exercise_reps_max,
  exercise_hold,
  exercise_load,
  exercise_rpe,
  exercise_rir,
  exercise_percent,
  exercise_tempo,
  exercise_eccentric,
  exercise_rest,
  exercise_block,
  exercise_each_side,
  exercise_bodyweight,
  exercise_week,
  exercise_day,
  exercise_kind,
  exercise_deload,
  exercise_gestational_week,
  exercise_rest_day,
};

enum class Type : std::uint8_t {
  number,
  boolean,
  level,
  vocab,
  vocab_set,
  weekday,
  block,
  experience,
  exercise,
  intensity
};
enum class Dim : std::uint8_t { count, time, mass, percent };

struct AttrInfo {
  const char* name;
  Scope scope;
  Attr attr;
  Type type;
  Dim dim;            // for numbers
  Category category;  // for vocab and vocab_set
  const char* meaning;
};
[[nodiscard]] const std::vector<AttrInfo>& attribute_table();
[[nodiscard]] const AttrInfo& attribute_info(Attr attr);

enum class CmpOp : std::uint8_t { eq, ne, lt, le, gt, ge };
// A number in its dimension's everyday unit: "150 min", "12.5 kg", "60%".
[[nodiscard]] std::string quantity_text(double value, Dim dim);
[[nodiscard]] bool compare(double lhs, CmpOp op, double rhs);

struct Bound {
  bool is_range = false;
  CmpOp op = CmpOp::ge;
  double value = 0;
  double low = 0;
  double high = 0;
  [[nodiscard]] bool holds(double x) const;
  [[nodiscard]] std::string describe(Dim dim = Dim::count) const;  // "at least 2", "2 to 3", "at least 150 min"
};

enum class Block : std::uint8_t { warmup, main, cooldown };
enum class Experience : std::uint8_t { beginner, intermediate, advanced };

struct Expr {
  enum class Kind : std::uint8_t {
    always,
    all_of,
    any_of,
    negate,
    compare_number,
    compare_ordinal,
    test_bool,
    member_any,
    member_all,
    exercise_in,
    some,
    none,
    every,
    count,
    count_distinct,
    aggregate
  };
  enum class Aggregate : std::uint8_t { sum, min, max, average };
  Kind kind = Kind::always;
  Aggregate aggregate = Aggregate::sum;
  Attr attr = Attr::client_cleared;
  CmpOp op = CmpOp::eq;
  double number = 0;
  int ordinal = 0;
  Bits bits;
  std::vector<std::uint32_t> exercises;  // sorted
  Scope inner = Scope::exercise;
  Bound bound;
  std::vector<Expr> operands;  // quantifiers and counts: operands[0] is the where filter, if any
  Span span;
};

enum class Form : std::uint8_t { every, rest, progression };
// Draft rules run only when asked; retired rules never run but stay documented.
enum class Status : std::uint8_t { draft, reviewed, retired };
[[nodiscard]] const char* status_name(Status status);
enum class Metric : std::uint8_t { load, volume };

struct Rule {
  std::string id;
  Severity severity = Severity::warning;
  std::vector<Citation> citations;
  std::string message;  // with {placeholders}
  std::string help;
  std::string doc;
  std::optional<Expr> when;
  Form form = Form::every;
  bool forbids = false;          // desugared from 'forbid'
  bool fix_substitutes = false;  // `fix substitute`: each substitute offered is also an unsafe fix
  bool clearance = false;        // desugared from 'require clearance'
  Scope scope = Scope::exercise;
  Expr filter;     // which elements the rule looks at
  Expr predicate;  // what must hold for each of them
  bool rest_in_days = true;
  double rest_minimum = 0;  // days of rest, or hours between session starts
  bool sharing_muscles = false;
  bool sharing_groups = false;  // compare major muscle groups rather than single muscles
  Expr sharing_filter;          // the lines of a session whose muscles count
  Metric metric = Metric::load;
  double max_increase_percent = 0;
  std::vector<std::uint32_t> suggest;
  // Parallel to suggest: the forbidden exercise a substitute is for, or any_exercise.
  std::vector<std::uint32_t> suggest_for;
  static constexpr std::uint32_t any_exercise = 0xffffffff;
  // Rules (indices into RuleSet::rules) whose findings are moot, not violations, when this rule applies.
  std::vector<std::uint32_t> supersedes;
  Status status = Status::reviewed;
  std::string version;
  std::string reviewed;  // YYYY-MM-DD of the last review
  std::string text;      // the declaration as written
  Span span;
};

struct EvidenceScheme {
  std::string id;
  std::vector<std::string> levels;
};

struct RuleSet {
  std::array<Vocabulary, category_count> vocabulary;
  Catalogue catalogue;
  std::vector<EvidenceScheme> schemes;
  std::vector<Source> sources;
  std::vector<Rule> rules;

  [[nodiscard]] const Vocabulary& vocab(Category c) const { return vocabulary[static_cast<std::size_t>(c)]; }
  Vocabulary& vocab(Category c) { return vocabulary[static_cast<std::size_t>(c)]; }
};

}  // namespace liftlint::model
