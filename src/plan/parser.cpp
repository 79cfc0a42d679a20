#include "plan/parser.hpp"

#include "grammar/plan.hpp"
#include "rules/exercise_syntax.hpp"
#include "support/parse_util.hpp"

namespace liftlint::plan {
namespace {

namespace g = grammar;
namespace gp = grammar::plan;
namespace pt = tao::pegtl::parse_tree;
using parse_util::Node;
using rules::field_key;
using rules::is_quoted;
using rules::name_of;
using rules::string_value;

template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        g::string_lit, g::expect_string_lit, g::ident, g::expect_ident, g::expect_level, g::expect_yes_no,
        g::expect_ex_name, g::exercise_decl, g::ex_aka, g::ex_muscles, g::ex_pattern, g::ex_posture, g::ex_equipment,
        g::ex_spinal_load, g::ex_impact, g::ex_supported, g::ex_loaded, g::ex_tags, g::decimal, g::integer, g::unit,
        gp::expect_date, gp::plan_name, gp::client_block, gp::conditions_field, gp::symptoms_field, gp::cleared_field,
        gp::cleared_by, gp::cleared_on, gp::experience_field, gp::week_block, gp::expect_week_range, gp::day_entry,
        gp::day_number, gp::day_word, gp::rest_day, gp::session_kind, gp::duration, gp::expect_duration,
        gp::session_label, gp::warmup_block, gp::cooldown_block, gp::main_block, gp::exercise_line,
        gp::expect_exercise_line, gp::name_words, gp::sets_reps, gp::reps_only, gp::expect_reps, gp::number_range,
        gp::rep_unit, gp::per_side, gp::load, gp::mass, gp::bodyweight, gp::band_level, gp::rpe, gp::rir,
        gp::expect_number, gp::tempo, gp::expect_tempo, gp::rest_period, gp::posture_override, gp::equipment_override,
        gp::note, gp::amount, gp::waiver, gp::expect_waiver_rule, gp::waiver_day_number, gp::waiver_day_word,
        gp::expect_waiver_reason, gp::waiver_approver, gp::waiver_until>>;

class Converter {
 public:
  Converter(const SourceFile& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  ast::File convert(const Node& root) {
    ast::File out;
    out.source = &file_;
    for (const auto& child : root.children) item(*child, out);
    out.waivers = std::move(waivers_);
    return out;
  }

 private:
  const SourceFile& file_;
  Diagnostics& diagnostics_;
  std::vector<ast::Waiver> waivers_;

  [[nodiscard]] Span span(const Node& n) const { return parse_util::span_of(n, file_); }
  [[nodiscard]] ast::Name name(const Node& n) const { return name_of(n, file_); }

  void item(const Node& n, ast::File& out) {
    if (n.is_type<gp::plan_name>()) {
      if (out.name) diagnostics_.error(span(n), "the plan already has a name; write 'plan \"...\"' once");
      out.name = string_value(*n.children.front(), file_);
    } else if (n.is_type<gp::client_block>()) {
      out.client_spans.push_back(span(n));
      out.client = client(n);
    } else if (n.is_type<g::exercise_decl>()) {
      out.exercises.push_back(rules::convert_exercise(n, file_));
    } else if (n.is_type<gp::week_block>()) {
      out.weeks.push_back(week(n));
    } else if (n.is_type<gp::day_entry>()) {
      out.loose_days.push_back(day(n));
    } else if (n.is_type<gp::waiver>()) {
      waiver(n, ast::Waiver::Scope::plan, 0, static_cast<std::uint32_t>(file_.text.size()));
    }
  }

  // The waiver covers the text of the node it is written in, from begin to end.
  void waiver(const Node& n, ast::Waiver::Scope scope, std::uint32_t begin, std::uint32_t end) {
    ast::Waiver w;
    w.scope = scope;
    w.begin = begin;
    w.end = end;
    w.span = span(n);
    for (const auto& part : n.children) waiver_part(*part, w);
    waivers_.push_back(std::move(w));
  }

  void waiver_part(const Node& part, ast::Waiver& w) {
    if (part.is_type<gp::expect_waiver_rule>()) {
      w.rule = name(part);
      w.span = w.rule.span;
    } else if (part.is_type<gp::waiver_day_number>()) {
      w.day = name(part);
      w.day_number = number(*part.children.front());
    } else if (part.is_type<gp::waiver_day_word>()) {
      w.day = name(part);
    } else if (part.is_type<gp::expect_waiver_reason>()) {
      const auto reason = string_value(*part.children.front(), file_);
      w.reason = reason.text;
      w.reason_span = reason.span;
    } else if (part.is_type<gp::waiver_approver>()) {
      w.approver = string_value(*part.children.front(), file_).text;
    } else if (part.is_type<gp::waiver_until>()) {
      const Node& date = *part.children.front();
      w.until = ast::Value{ast::Value::Kind::string, date.string(), 0, {}, span(date)};
    }
  }

  // The children after the first, with the waivers among them taken out: each covers n.
  template <typename Visit>
  void parts(const Node& n, ast::Waiver::Scope scope, Visit&& visit) {
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& part = *n.children[i];
      if (part.is_type<gp::waiver>()) {
        waiver(part, scope, begin_of(n), end_of(n));
      } else {
        visit(part);
      }
    }
  }

  [[nodiscard]] std::uint32_t begin_of(const Node& n) const {
    return static_cast<std::uint32_t>(n.m_begin.data - file_.text.data());
  }
  [[nodiscard]] std::uint32_t end_of(const Node& n) const {
    return static_cast<std::uint32_t>(n.m_end.data - file_.text.data());
  }

  ast::Client client(const Node& n) {
    ast::Client out;
    out.span = field_key(n, file_).span;
    for (const auto& f : n.children) {
      if (f->is_type<gp::conditions_field>() || f->is_type<gp::symptoms_field>()) {
        auto& list = f->is_type<gp::conditions_field>() ? out.conditions : out.symptoms;
        for (const auto& c : f->children) list.push_back(name(*c));
      } else if (f->is_type<gp::cleared_field>()) {
        if (out.cleared) diagnostics_.error(span(*f), "the client's clearance is already given; write it once");
        cleared(*f, out);
      } else if (f->is_type<gp::experience_field>()) {
        if (out.experience) diagnostics_.error(span(*f), "the client's experience is already given; write it once");
        out.experience = name(*f->children.front());
      }
    }
    return out;
  }

  void cleared(const Node& f, ast::Client& out) {
    out.cleared = f.children.front()->string() == "yes";
    for (std::size_t i = 1; i < f.children.size(); ++i) {
      const Node& part = *f.children[i];
      if (part.is_type<gp::cleared_by>()) out.cleared_by = string_value(*part.children.front(), file_).text;
      if (part.is_type<gp::cleared_on>()) {
        const Node& date = *part.children.front();
        out.cleared_on = ast::Value{ast::Value::Kind::string, date.string(), 0, {}, span(date)};
      }
    }
  }

  ast::Quantity number(const Node& n) {
    const auto value = parse_util::checked_number(n, file_, diagnostics_);
    return ast::Quantity{value, value, {}, span(n)};
  }

  // number_range or integer node, with an optional unit node after it.
  ast::Quantity quantity(const Node& n, const Node* unit) {
    ast::Quantity q;
    if (n.is_type<gp::number_range>()) {
      q = number(*n.children.front());
      q.high = n.children.size() > 1 ? number(*n.children.back()).low : q.low;
      q.span = span(n);
    } else {
      q = number(n);
    }
    if (unit != nullptr) {
      q.unit = unit->string();
      q.span.length = static_cast<std::uint32_t>(unit->m_end.data - n.m_begin.data);
    }
    return q;
  }

  ast::Quantity quantity_of(const Node& n) {
    return quantity(*n.children.front(), n.children.size() > 1 ? n.children.back().get() : nullptr);
  }

  ast::Week week(const Node& n) {
    ast::Week out;
    out.span = field_key(n, file_).span;
    const Node& range = *n.children.front();
    out.first = number(*range.children.front());
    out.last = number(*range.children.back());
    out.span.length = static_cast<std::uint32_t>(range.m_end.data - n.m_begin.data);
    parts(n, ast::Waiver::Scope::week, [&](const Node& child) { out.days.push_back(day(child)); });
    return out;
  }

  ast::Day day(const Node& n) {
    ast::Day out;
    out.span = span(n);
    const Node& head = *n.children.front();
    out.day = name(head);
    if (head.is_type<gp::day_number>()) out.number = number(*head.children.front());
    parts(n, ast::Waiver::Scope::session, [&](const Node& part) { day_part(part, out); });
    return out;
  }

  void day_part(const Node& part, ast::Day& out) {
    if (part.is_type<gp::rest_day>()) {
      out.rest = true;
    } else if (part.is_type<gp::session_kind>()) {
      out.kind = name(part);
    } else if (part.is_type<gp::duration>()) {
      out.duration = quantity_of(part);
    } else if (part.is_type<gp::session_label>()) {
      out.label = string_value(part, file_).text;
    } else if (part.is_type<gp::exercise_line>()) {
      main_block(out).lines.push_back(line(part));
    } else {
      out.blocks.push_back(block(part));
    }
  }

  static ast::Block& main_block(ast::Day& day) {
    if (day.blocks.empty() || day.blocks.back().kind != ast::Block::Kind::main || day.blocks.back().span.valid()) {
      day.blocks.push_back(ast::Block{});
    }
    return day.blocks.back();
  }

  ast::Block block(const Node& n) {
    ast::Block out;
    out.span = field_key(n, file_).span;
    out.kind = n.is_type<gp::warmup_block>()     ? ast::Block::Kind::warmup
               : n.is_type<gp::cooldown_block>() ? ast::Block::Kind::cooldown
                                                 : ast::Block::Kind::main;
    for (const auto& child : n.children) {
      if (child->is_type<gp::duration>()) out.duration = quantity_of(*child);
      if (child->is_type<gp::exercise_line>() || child->is_type<gp::expect_exercise_line>()) {
        out.lines.push_back(line(*child));
      }
    }
    return out;
  }

  ast::Line line(const Node& n) {
    ast::Line out;
    const Node& name_node = *n.children.front();
    out.name = is_quoted(name_node) ? string_value(name_node, file_)
                                    : ast::Value{ast::Value::Kind::string, name_node.string(), 0, {}, span(name_node)};
    out.span = out.name.span;
    parts(n, ast::Waiver::Scope::line, [&](const Node& part) { dose(part, out); });
    return out;
  }

  void dose(const Node& d, ast::Line& out) {
    if (d.is_type<gp::sets_reps>() || d.is_type<gp::reps_only>()) once(out.reps.has_value(), d, "sets and repetitions");
    if (d.is_type<gp::sets_reps>()) {
      out.sets = number(*d.children.front());
      out.reps = quantity_of(*d.children.back());
    } else if (d.is_type<gp::reps_only>()) {
      out.reps = quantity_of(*d.children.front());
    } else if (d.is_type<gp::per_side>()) {
      out.each_side = true;
    } else if (d.is_type<gp::load>()) {
      load(*d.children.front(), out);
    } else if (d.is_type<gp::bodyweight>()) {
      out.bodyweight = true;
    } else {
      dose_extra(d, out);
    }
  }

  // A second value would silently replace the first, so it is an error.
  void once(bool already, const Node& d, const char* what) {
    if (already) diagnostics_.error(span(d), fmt::format("this line already gives {}; write it once", what));
  }

  void dose_extra(const Node& d, ast::Line& out) {
    if (d.is_type<gp::rpe>()) {
      once(out.rpe.has_value(), d, "an RPE");
      out.rpe = number(*d.children.front());
    } else if (d.is_type<gp::rir>()) {
      once(out.rir.has_value(), d, "repetitions in reserve");
      out.rir = number(*d.children.front());
    } else if (d.is_type<gp::tempo>()) {
      const Node& t = *d.children.front();
      out.tempo = ast::Value{ast::Value::Kind::string, t.string(), 0, {}, span(t)};
    } else if (d.is_type<gp::rest_period>()) {
      once(out.rest.has_value(), d, "a rest period");
      out.rest = quantity_of(*d.children.front());
    } else if (d.is_type<gp::posture_override>()) {
      out.posture = name(*d.children.front());
    } else if (d.is_type<gp::equipment_override>()) {
      for (const auto& e : d.children) out.equipment.push_back(name(*e));
    } else if (d.is_type<gp::note>()) {
      const auto text = d.string_view();
      out.notes.emplace_back(text.substr(1, text.size() - 2));
    } else if (d.is_type<gp::amount>()) {
      out.amounts.push_back(quantity_of(d));
    }
  }

  void load(const Node& v, ast::Line& out) {
    if (v.is_type<gp::rpe>()) {
      once(out.rpe.has_value(), v, "an RPE");
      out.rpe = number(*v.children.front());
    } else if (v.is_type<gp::bodyweight>()) {
      out.bodyweight = true;
    } else if (v.is_type<gp::band_level>()) {
      once(!out.band.empty(), v, "a band");
      out.band = v.string();
    } else {
      once(out.load.has_value(), v, "a load");
      out.load = quantity_of(v);
    }
  }
};

}  // namespace

std::optional<ast::File> parse_plan_file(const SourceFile& file, Diagnostics& diagnostics) {
  // The plan grammar has no recursion, so it needs no nesting limit.
  auto root = parse_util::parse<grammar::plan::file, selector, tao::pegtl::nothing>(file, diagnostics);
  if (!root) return std::nullopt;
  auto converted = Converter(file, diagnostics).convert(*root);
  if (diagnostics.has_errors()) return std::nullopt;
  return converted;
}

}  // namespace liftlint::plan
