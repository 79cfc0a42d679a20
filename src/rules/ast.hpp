// Syntax tree of a rule file: names as written, with spans, nothing resolved.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/source.hpp"

namespace liftlint::rules::ast {

struct Name {
  std::string text;
  Span span;
};

struct Value {
  enum class Kind { number, string, ident };
  Kind kind = Kind::ident;
  std::string text;  // identifier or unquoted string
  double number = 0;
  std::string unit;  // as written, may be empty
  Span span;
};

struct Bound {
  std::string op;  // >=, <=, =, !=, <, > or "in"
  Value value;
  double low = 0;
  double high = 0;
  Span span;
};

struct Expr {
  enum class Kind {
    all_of,
    any_of,
    negate,
    compare,
    in_set,
    has_one,
    has_any,
    has_all,
    truthy,
    some,
    none,
    every,
    count,
    count_distinct,
    aggregate  // sum, min, max or average of a number over a scope (op)
  };
  Kind kind = Kind::truthy;
  Name attr;  // compare, in_set, has_*, truthy, count_distinct
  std::string op;
  Value value;
  std::vector<Value> set;
  Name scope;  // some, none, every, count
  Bound bound;
  std::vector<Expr> operands;  // all_of/any_of/negate; for quantifiers the optional where clause
  Span span;
};

struct Body {
  enum class Kind { every, frequency, rest, increase, clearance, forbid_names, forbid_where };
  Kind kind = Kind::every;
  Name scope;
  std::optional<Expr> where;
  std::optional<Expr> predicate;
  Bound bound;
  Value quantity;
  bool sharing_muscles = false;
  bool sharing_groups = false;        // `sharing muscle_groups`
  std::optional<Expr> sharing_where;  // `of exercises where ...`: the lines that count
  Name metric;
  std::vector<Value> names;
  Span span;
};

struct Citation {
  Name source;
  std::string locator;
};

struct Rule {
  Name id;
  std::vector<Name> field_keys;  // every field as written, for duplicate checks
  std::optional<Name> severity;
  std::vector<Citation> citations;
  std::optional<Value> message;
  std::optional<Value> help;
  std::optional<Value> doc;
  std::optional<Expr> when;
  std::vector<Body> bodies;
  std::vector<Value> suggest;
  std::vector<std::optional<Value>> suggest_for;  // parallel to suggest: the forbidden exercise it replaces
  std::vector<Name> supersedes;                   // rules whose findings are moot for the clients this rule applies to
  std::optional<Value> version;
  std::optional<Value> reviewed;
  std::optional<Name> status;
  std::optional<Value> fix;  // `fix substitute`
  std::string text;          // the declaration as written, for documentation
  Span span;
};

struct SourceDecl {
  Name id;
  std::vector<Name> field_keys;                // every field as written, for duplicate checks
  std::vector<std::pair<Name, Value>> fields;  // author, title, ... as written
  std::optional<Value> year;
  std::optional<Name> scheme;
  std::optional<Name> level;
};

struct Scheme {
  Name id;
  std::vector<Name> levels;
};

struct VocabDecl {
  Name category;
  Name id;
  std::string label;
  std::vector<Name> implies;
  std::vector<Value> aliases;  // other names a plan may use: `aka "legs", "leg day"`
  std::vector<Name> includes;  // a muscle group's muscles
  std::optional<Value> step;   // equipment: the smallest practical increase of load
};

struct ExerciseField {
  Name key;
  std::vector<Name> names;
  std::vector<Value> strings;
};

struct ExerciseDecl {
  Value name;
  std::vector<ExerciseField> fields;
};

struct File {
  const SourceFile* source = nullptr;
  std::vector<Value> includes;
  std::vector<Scheme> schemes;
  std::vector<SourceDecl> sources;
  std::vector<VocabDecl> vocabulary;
  std::vector<ExerciseDecl> exercises;
  std::vector<ExerciseDecl> extensions;  // `extend exercise "name" { ... }`
  std::vector<Rule> rules;
};

}  // namespace liftlint::rules::ast
