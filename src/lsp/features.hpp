// What the server answers: diagnostics, hovers, completions, code actions, symbols and names.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liftlint/liftlint.hpp"
#include "lsp/protocol.hpp"
#include "lsp/server.hpp"

namespace liftlint::lsp {

// An engine's catalogue, rules, vocabulary and sources, indexed once for every document it serves.
struct Knowledge {
  explicit Knowledge(const Engine& engine);
  std::vector<ExerciseInfo> exercises;
  std::map<std::string, std::size_t> exercise_by_name;  // names and aliases, in lower case
  std::vector<RuleInfo> rules;
  std::map<std::string, std::size_t> rule_by_id;
  std::map<std::string, Citation> sources;  // every source a rule cites, by id
  std::vector<std::pair<VocabularyKind, std::vector<VocabularyEntry>>> vocabulary;
  [[nodiscard]] const ExerciseInfo* exercise(std::string_view name) const;
  [[nodiscard]] const RuleInfo* rule(const std::string& id) const;
};

[[nodiscard]] Json diagnostic_json(const Problem& p, const Document& d, const LineIndex& index);
// Markdown for what is at a 1-based line and byte column: findings there, and the exercise, source,
// rule or name under the cursor. Empty when there is nothing to say.
[[nodiscard]] std::string hover_text(const Document& d, unsigned line, unsigned column, const LineIndex& index);
// Completions for the text of the line before the cursor.
[[nodiscard]] Json completion_items(const Document& d, std::string_view before);
[[nodiscard]] Json actions_for(const Document& d, unsigned first_line, unsigned last_line, const LineIndex& index);
[[nodiscard]] Json plan_symbols(const Document& d, const LineIndex& index);
[[nodiscard]] Json rule_file_symbols(const LineIndex& index);
// Where the name at `offset` is declared (definition) or used (references), in the open rule files and
// the rule files beside the document.
[[nodiscard]] Json find_names(const Document& d, std::size_t offset, const std::vector<const Document*>& open,
                              bool references, bool include_declaration, Encoding encoding);
[[nodiscard]] std::string uri_of_path(const std::string& path);

}  // namespace liftlint::lsp
