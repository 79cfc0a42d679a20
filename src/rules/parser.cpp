#include "rules/parser.hpp"

#include "grammar/parse_util.hpp"
#include "grammar/rules.hpp"
#include "rules/exercise_syntax.hpp"

namespace liftlint::rules {
namespace {

namespace g = grammar;
namespace gr = grammar::rules;
namespace pt = tao::pegtl::parse_tree;
using parse_util::Node;

template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        g::string_lit, g::expect_string_lit, g::ident, g::expect_ident, g::expect_level, g::expect_yes_no,
        g::expect_ex_name, g::exercise_decl, gr::extend_decl, g::ex_aka, g::ex_muscles, g::ex_pattern, g::ex_posture,
        g::ex_equipment, g::ex_spinal_load, g::ex_impact, g::ex_supported, g::ex_loaded, g::ex_tags, g::decimal,
        g::unit, gr::number_value, gr::expect_set, gr::cmp_op, gr::bound_cmp, gr::bound_in, gr::expect_range, gr::attr,
        gr::comparison, gr::cmp_tail, gr::in_tail, gr::has_tail, gr::has_any, gr::has_all, gr::expect_scope,
        gr::where_clause, gr::expect_where, gr::quant_kind, gr::quantified, gr::expect_distinct_attr,
        gr::count_distinct, gr::count_of, gr::count_pred, gr::aggregate_kind, gr::expect_aggregate_attr,
        gr::aggregate_pred, gr::negation, gr::expect_quantity, gr::expect_metric, gr::sharing_muscles,
        gr::expect_muscles, gr::shared_lines, gr::every_form, gr::frequency_form, gr::rest_form, gr::increase_form,
        gr::clearance_form, gr::forbid_names, gr::forbid_where, gr::expect_rule_id, gr::expect_severity, gr::citation,
        gr::expect_string, gr::severity_field, gr::cite_field, gr::message_field, gr::help_field, gr::doc_field,
        gr::when_field, gr::require_field, gr::forbid_field, gr::suggest_field, gr::suggest_item,
        gr::expect_suggest_for, gr::superseded_rule, gr::supersedes_field, gr::rule_decl, gr::text_field_name,
        gr::text_field, gr::expect_year, gr::year_field, gr::evidence_field, gr::source_decl, gr::scheme_decl,
        gr::vocab_kind, gr::vocab_label, gr::vocab_implies, gr::vocab_includes, gr::vocab_step, gr::expect_step,
        gr::vocab_aka, gr::vocab_decl, gr::include_decl, gr::version_field, gr::reviewed_field, gr::status_field,
        gr::expect_version, gr::expect_reviewed_date, gr::expect_status, gr::fix_field, gr::expect_fix_kind>,
    pt::fold_one::on<gr::expect_expr, gr::conjunction>>;

class Converter {
 public:
  Converter(const SourceFile& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  ast::File convert(const Node& root) {
    ast::File out;
    out.source = &file_;
    for (const auto& child : root.children) declaration(*child, out);
    return out;
  }

 private:
  const SourceFile& file_;
  Diagnostics& diagnostics_;

  [[nodiscard]] Span span(const Node& n) const { return parse_util::span_of(n, file_); }
  [[nodiscard]] ast::Name name(const Node& n) const { return name_of(n, file_); }
  [[nodiscard]] ast::Value str(const Node& n) const { return string_value(n, file_); }

  void declaration(const Node& n, ast::File& out) {
    if (n.is_type<gr::include_decl>()) {
      out.includes.push_back(str(*n.children.front()));
    } else if (n.is_type<gr::scheme_decl>()) {
      ast::Scheme scheme{name(*n.children.front()), {}};
      for (std::size_t i = 1; i < n.children.size(); ++i) scheme.levels.push_back(name(*n.children[i]));
      out.schemes.push_back(std::move(scheme));
    } else if (n.is_type<gr::source_decl>()) {
      out.sources.push_back(source(n));
    } else if (n.is_type<gr::vocab_decl>()) {
      out.vocabulary.push_back(vocab(n));
    } else if (n.is_type<g::exercise_decl>()) {
      out.exercises.push_back(convert_exercise(n, file_));
    } else if (n.is_type<gr::extend_decl>()) {
      out.extensions.push_back(convert_exercise(n, file_));
    } else if (n.is_type<gr::rule_decl>()) {
      out.rules.push_back(rule(n));
    }
  }

  ast::SourceDecl source(const Node& n) {
    ast::SourceDecl decl{name(*n.children.front()), {}, {}, {}, {}, {}};
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& field = *n.children[i];
      decl.field_keys.push_back(field_key(field, file_));
      if (field.is_type<gr::text_field>()) {
        decl.fields.emplace_back(name(*field.children[0]), str(*field.children[1]));
      } else if (field.is_type<gr::year_field>()) {
        decl.year = number_literal(*field.children[0]);
      } else if (field.is_type<gr::evidence_field>()) {
        decl.scheme = name(*field.children[0]);
        decl.level = name(*field.children[1]);
      }
    }
    return decl;
  }

  ast::VocabDecl vocab(const Node& n) {
    ast::VocabDecl decl{name(*n.children[0]), name(*n.children[1]), {}, {}, {}, {}, {}};
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const Node& part = *n.children[i];
      if (part.is_type<gr::vocab_label>()) decl.label = str(part).text;
      if (part.is_type<gr::vocab_aka>()) {
        for (const auto& alias : part.children) decl.aliases.push_back(str(*alias));
      }
      if (part.is_type<gr::vocab_implies>()) {
        for (const auto& implied : part.children) decl.implies.push_back(name(*implied));
      }
      if (part.is_type<gr::vocab_step>()) decl.step = number_with_unit(*part.children.front());
      if (part.is_type<gr::vocab_includes>()) {
        for (const auto& member : part.children) decl.includes.push_back(name(*member));
      }
    }
    return decl;
  }

  ast::Rule rule(const Node& n) {
    ast::Rule out;
    out.id = name(*n.children.front());
    out.span = out.id.span;
    out.text = n.string();
    for (std::size_t i = 1; i < n.children.size(); ++i) rule_field(*n.children[i], out);
    return out;
  }

  void rule_field(const Node& f, ast::Rule& out) {
    out.field_keys.push_back(field_key(f, file_));
    if (f.is_type<gr::severity_field>()) {
      out.severity = name(*f.children.front());
    } else if (f.is_type<gr::cite_field>()) {
      for (const auto& c : f.children) {
        ast::Citation citation{name(*c->children.front()), {}};
        if (c->children.size() > 1) citation.locator = str(*c->children.back()).text;
        out.citations.push_back(std::move(citation));
      }
    } else if (f.is_type<gr::message_field>()) {
      out.message = str(*f.children.front());
    } else if (f.is_type<gr::help_field>()) {
      out.help = str(*f.children.front());
    } else if (f.is_type<gr::doc_field>()) {
      out.doc = str(*f.children.front());
    } else if (f.is_type<gr::when_field>()) {
      out.when = expr(*f.children.front());
    } else if (f.is_type<gr::require_field>() || f.is_type<gr::forbid_field>()) {
      out.bodies.push_back(body(*f.children.front()));
    } else if (f.is_type<gr::suggest_field>()) {
      for (const auto& item : f.children) {
        out.suggest.push_back(str(*item->children.front()));
        out.suggest_for.push_back(item->children.size() > 1 ? std::optional(str(*item->children.back()))
                                                            : std::nullopt);
      }
    } else if (f.is_type<gr::supersedes_field>()) {
      for (const auto& id : f.children) out.supersedes.push_back(name(*id));
    } else {
      lifecycle_field(f, out);
    }
  }

  void lifecycle_field(const Node& f, ast::Rule& out) {
    const Node& v = *f.children.front();
    const ast::Value value{ast::Value::Kind::string, v.string(), 0, {}, span(v)};
    if (f.is_type<gr::version_field>()) out.version = value;
    if (f.is_type<gr::reviewed_field>()) out.reviewed = value;
    if (f.is_type<gr::status_field>()) out.status = name(v);
    if (f.is_type<gr::fix_field>()) out.fix = value;
  }

  ast::Body body(const Node& n) {
    ast::Body out;
    out.span = span(n);
    if (n.is_type<gr::every_form>()) out.kind = ast::Body::Kind::every;
    if (n.is_type<gr::frequency_form>()) out.kind = ast::Body::Kind::frequency;
    if (n.is_type<gr::rest_form>()) out.kind = ast::Body::Kind::rest;
    if (n.is_type<gr::increase_form>()) out.kind = ast::Body::Kind::increase;
    if (n.is_type<gr::clearance_form>()) out.kind = ast::Body::Kind::clearance;
    if (n.is_type<gr::forbid_names>()) out.kind = ast::Body::Kind::forbid_names;
    if (n.is_type<gr::forbid_where>()) out.kind = ast::Body::Kind::forbid_where;
    for (const auto& child : n.children) body_part(*child, out);
    return out;
  }

  void body_part(const Node& c, ast::Body& out) {
    if (c.is_type<gr::expect_scope>()) {
      out.scope = name(c);
    } else if (c.is_type<gr::where_clause>() || c.is_type<gr::expect_where>()) {
      out.where = expr(*c.children.front());
    } else if (c.is_type<gr::bound_cmp>() || c.is_type<gr::bound_in>()) {
      out.bound = bound(c);
    } else if (c.is_type<gr::expect_quantity>()) {
      out.quantity = number_with_unit(c);
    } else if (c.is_type<gr::expect_metric>()) {
      out.metric = name(c);
    } else if (c.is_type<gr::sharing_muscles>()) {
      out.sharing_muscles = true;
      out.sharing_groups = c.children.front()->string() == "muscle_groups";
      if (c.children.size() > 1) out.sharing_where = expr(*c.children.back()->children.back()->children.front());
    } else if (c.is_type<g::string_lit>()) {
      out.names.push_back(str(c));
    } else {
      out.predicate = expr(c);
    }
  }

  ast::Value number_literal(const Node& n) {
    ast::Value v{ast::Value::Kind::number, n.string(), 0, {}, span(n)};
    v.number = parse_util::checked_number(n, file_, diagnostics_);
    return v;
  }

  ast::Value number_with_unit(const Node& n) {
    ast::Value v = number_literal(*n.children.front());
    v.text = n.string();
    v.span = span(n);
    if (n.children.size() > 1) v.unit = n.children.back()->string();
    return v;
  }

  ast::Value value(const Node& n) {
    if (n.is_type<gr::number_value>()) return number_with_unit(n);
    if (is_quoted(n)) return str(n);
    return ast::Value{ast::Value::Kind::ident, n.string(), 0, {}, span(n)};
  }

  std::vector<ast::Value> set(const Node& n) {
    std::vector<ast::Value> out;
    for (const auto& item : n.children) out.push_back(value(*item));
    return out;
  }

  ast::Bound bound(const Node& n) {
    ast::Bound out;
    out.span = span(n);
    if (n.is_type<gr::bound_in>()) {
      out.op = "in";
      const Node& range = *n.children.front();
      out.low = parse_util::checked_number(*range.children[0], file_, diagnostics_);
      out.high = parse_util::checked_number(*range.children[1], file_, diagnostics_);
      return out;
    }
    out.op = n.children[0]->string();
    out.value = value(*n.children[1]);
    return out;
  }

  ast::Expr expr(const Node& n) {
    ast::Expr out;
    out.span = span(n);
    if (n.is_type<gr::expect_expr>() || n.is_type<gr::conjunction>()) {
      out.kind = n.is_type<gr::conjunction>() ? ast::Expr::Kind::all_of : ast::Expr::Kind::any_of;
      for (const auto& child : n.children) out.operands.push_back(expr(*child));
    } else if (n.is_type<gr::negation>()) {
      out.kind = ast::Expr::Kind::negate;
      out.operands.push_back(expr(*n.children.front()));
    } else if (n.is_type<gr::quantified>()) {
      quantified(n, out);
    } else if (n.is_type<gr::count_pred>()) {
      count(n, out);
    } else if (n.is_type<gr::aggregate_pred>()) {
      aggregate(n, out);
    } else if (n.is_type<gr::attr>()) {
      out.kind = ast::Expr::Kind::truthy;
      out.attr = name(n);
    } else {
      comparison(n, out);
    }
    return out;
  }

  void quantified(const Node& n, ast::Expr& out) {
    const auto word = n.children[0]->string();
    out.kind = word == "some" ? ast::Expr::Kind::some : word == "no" ? ast::Expr::Kind::none : ast::Expr::Kind::every;
    out.scope = name(*n.children[1]);
    if (n.children.size() > 2) out.operands.push_back(expr(*n.children[2]->children.front()));
  }

  void count(const Node& n, ast::Expr& out) {
    const Node& what = *n.children[0];
    if (what.is_type<gr::count_distinct>()) {
      out.kind = ast::Expr::Kind::count_distinct;
      out.attr = name(*what.children[0]);
    } else {
      out.kind = ast::Expr::Kind::count;
      out.scope = name(*what.children[0]);
    }
    if (what.children.size() > 1) out.operands.push_back(expr(*what.children[1]->children.front()));
    out.bound = bound(*n.children[1]);
  }

  void aggregate(const Node& n, ast::Expr& out) {
    out.kind = ast::Expr::Kind::aggregate;
    out.op = n.children[0]->string();
    out.attr = name(*n.children[1]);
    out.scope = name(*n.children[2]);
    if (n.children.size() > 4) out.operands.push_back(expr(*n.children[3]->children.front()));
    out.bound = bound(*n.children.back());
  }

  // comparison nodes hold the attribute and at most one tail.
  void comparison(const Node& n, ast::Expr& out) {
    out.attr = name(*n.children.front());
    if (n.children.size() == 1) {
      out.kind = ast::Expr::Kind::truthy;
      return;
    }
    const Node& tail = *n.children[1];
    if (tail.is_type<gr::cmp_tail>()) {
      out.kind = ast::Expr::Kind::compare;
      out.op = tail.children[0]->string();
      out.value = value(*tail.children[1]);
    } else if (tail.is_type<gr::in_tail>()) {
      out.kind = ast::Expr::Kind::in_set;
      out.set = set(*tail.children.front());
    } else {
      has(*tail.children.front(), out);
    }
  }

  void has(const Node& operand, ast::Expr& out) {
    if (operand.is_type<gr::has_any>() || operand.is_type<gr::has_all>()) {
      out.kind = operand.is_type<gr::has_any>() ? ast::Expr::Kind::has_any : ast::Expr::Kind::has_all;
      out.set = set(*operand.children.front());
      return;
    }
    out.kind = ast::Expr::Kind::has_one;
    out.value = value(operand);
  }
};

}  // namespace

std::optional<ast::File> parse_rule_file(const SourceFile& file, Diagnostics& diagnostics) {
  auto root = parse_util::parse<grammar::rules::file, selector>(file, diagnostics);
  if (!root) return std::nullopt;
  auto converted = Converter(file, diagnostics).convert(*root);
  if (diagnostics.has_errors()) return std::nullopt;
  return converted;
}

}  // namespace liftlint::rules
