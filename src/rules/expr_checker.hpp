// Name resolution and type checking of exercises, expressions and rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/ast.hpp"
#include "rules/model.hpp"
#include "rules/name_resolver.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::rules {

class RuleChecker {
 public:
  RuleChecker(NameResolver& names, Diagnostics& diagnostics) : names_(names), diagnostics_(diagnostics) {}

  std::optional<model::Rule> check(const ast::Rule& decl);

 private:
  NameResolver& names_;
  Diagnostics& diagnostics_;
  bool ok_ = true;

  void fail(const Span& span, std::string message, std::vector<std::string> help = {});
  void header(const ast::Rule& decl, model::Rule& out);
  void lifecycle(const ast::Rule& decl, model::Rule& out);
  void body(const ast::Body& body, model::Rule& out);
  void every_body(const ast::Body& body, model::Rule& out);
  void frequency_body(const ast::Body& body, model::Rule& out);
  void rest_body(const ast::Body& body, model::Rule& out);
  void increase_body(const ast::Body& body, model::Rule& out);
  void forbid_body(const ast::Body& body, model::Rule& out);
  void texts(const ast::Rule& decl, model::Rule& out);
  void placeholders(const ast::Value& text, const std::vector<std::string>& allowed);

  std::optional<model::Scope> scope(const ast::Name& name);
  model::Expr filter(const std::optional<ast::Expr>& where, model::Scope scope);
  model::Expr expr(const ast::Expr& e, model::Scope scope);
  model::Expr junction(const ast::Expr& e, model::Scope scope);
  model::Expr quantifier(const ast::Expr& e, model::Scope scope);
  model::Expr count(const ast::Expr& e, model::Scope scope);
  model::Expr count_distinct(const ast::Expr& e, model::Scope scope);
  model::Expr aggregate(const ast::Expr& e, model::Scope scope);
  model::Expr comparison(const ast::Expr& e, model::Scope scope);
  model::Expr compare_value(const ast::Expr& e, const model::AttrInfo& info);
  model::Expr membership(const ast::Expr& e, const model::AttrInfo& info);
  const model::AttrInfo* attribute(const ast::Name& name, model::Scope scope);
  std::optional<model::Bound> bound(const ast::Bound& b, model::Dim dim = model::Dim::count);
  std::optional<double> number(const ast::Value& v, model::Dim dim);
  std::optional<int> ordinal(const ast::Value& v, const model::AttrInfo& info);
  std::optional<std::vector<std::uint32_t>> exercise_names(const std::vector<ast::Value>& names, bool sorted = true);
};

}  // namespace liftlint::rules
