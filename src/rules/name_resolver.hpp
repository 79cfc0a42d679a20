// Names in rule files and plans looked up in a checked rule set, with did-you-mean for unknown ones,
// and the exercise declarations both kinds of file may hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/ast.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::rules {

// Looks names up in a rule set and reports unknown ones with did-you-mean.
class NameResolver {
 public:
  NameResolver(const model::RuleSet& set, Diagnostics& diagnostics) : set_(set), diagnostics_(diagnostics) {}

  std::optional<std::uint16_t> vocab(model::Category category, const ast::Name& name);
  std::optional<std::uint32_t> exercise(const std::string& name, const Span& span);
  std::optional<std::uint32_t> source(const ast::Name& name);
  void unknown(const Span& span, const std::string& what, const std::string& name,
               const std::vector<std::string>& candidates);
  [[nodiscard]] const model::RuleSet& set() const { return set_; }
  [[nodiscard]] Diagnostics& diagnostics() { return diagnostics_; }

 private:
  const model::RuleSet& set_;
  Diagnostics& diagnostics_;
};

// Exercise declarations, which rule files and plans both may hold, checked into catalogue entries.
[[nodiscard]] std::optional<model::Exercise> convert_exercise_decl(const ast::ExerciseDecl& decl, NameResolver& names,
                                                                   Diagnostics& diagnostics);
// Applies `extend exercise "name" { ... }` to a catalogue entry; false, with an error, when it cannot.
bool extend_exercise(const ast::ExerciseDecl& decl, NameResolver& names, Diagnostics& diagnostics,
                     model::Catalogue& catalogue);

}  // namespace liftlint::rules
