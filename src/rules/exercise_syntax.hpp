// Converts an exercise declaration node; shared by the rule and plan parsers.
#pragma once

#include "grammar/parse_util.hpp"
#include "rules/ast.hpp"

namespace liftlint::rules {

inline ast::Value string_value(const parse_util::Node& node, const SourceFile& file) {
  return ast::Value{
      ast::Value::Kind::string, parse_util::unquote(node.string_view()), 0, {}, parse_util::span_of(node, file)};
}

inline ast::Name name_of(const parse_util::Node& node, const SourceFile& file) {
  return ast::Name{node.string(), parse_util::span_of(node, file)};
}

inline bool is_quoted(const parse_util::Node& node) {
  const auto text = node.string_view();
  return !text.empty() && text.front() == '"';
}

// Field keys are the first word of the field node's text: its letters, digits and underscores, since a value
// may follow without a space (`aka"squat"`).
inline ast::Name field_key(const parse_util::Node& node, const SourceFile& file) {
  const auto text = node.string_view();
  auto end = text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
  if (end == std::string_view::npos) end = text.size();
  auto span = parse_util::span_of(node, file);
  span.length = static_cast<std::uint32_t>(end);
  return ast::Name{std::string(text.substr(0, end)), span};
}

inline ast::ExerciseDecl convert_exercise(const parse_util::Node& node, const SourceFile& file) {
  ast::ExerciseDecl decl;
  decl.name = string_value(*node.children.front(), file);
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    const auto& field_node = *node.children[i];
    ast::ExerciseField field{field_key(field_node, file), {}, {}};
    for (const auto& child : field_node.children) {
      if (is_quoted(*child)) {
        field.strings.push_back(string_value(*child, file));
      } else {
        field.names.push_back(name_of(*child, file));
      }
    }
    decl.fields.push_back(std::move(field));
  }
  return decl;
}

}  // namespace liftlint::rules
