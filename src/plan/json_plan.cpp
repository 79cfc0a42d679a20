#include "plan/json_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "json/tree.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"

namespace liftlint::plan {
namespace {

using json::Node;
using K = Node::Kind;
using Keys = std::vector<std::string>;
using Scope = ast::Waiver::Scope;

const Keys plan_keys = {"plan", "client", "exercises", "weeks", "days", "waivers"};
const Keys client_keys = {"conditions", "symptoms",   "cleared",   "cleared_without_restrictions",
                          "cleared_by", "cleared_on", "experience"};
const Keys exercise_keys = {"name",        "aka",    "muscles",   "pattern", "posture", "equipment",
                            "spinal_load", "impact", "supported", "loaded",  "tags"};
const Keys week_keys = {"week", "days", "waivers"};
const Keys day_keys = {"day", "rest", "kind", "minutes", "label", "time", "warmup", "exercises", "cooldown", "waivers"};
const Keys rest_day_keys = {"day", "rest", "waivers"};
const Keys block_keys = {"minutes", "exercises"};
const Keys line_keys = {"exercise",     "sets",        "reps",       "steps", "seconds", "each_side", "load_kg",
                        "load_lb",      "percent_1rm", "bodyweight", "band",  "rpe",     "rir",       "tempo",
                        "rest_seconds", "posture",     "equipment",  "notes", "waivers"};
const Keys waiver_keys = {"rule", "reason", "approved_by", "until", "on"};

bool is_number(const Node& n) { return n.kind == K::integer || n.kind == K::number; }

// "3-1-2" or "3-1-2-0": digits, or x for "as fast as possible", joined by dashes.
bool valid_tempo(const std::string& t) {
  if (t.size() != 5 && t.size() != 7) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool ok = i % 2 == 1 ? c == '-' : (c >= '0' && c <= '9') || c == 'x' || c == 'X';
    if (!ok) return false;
  }
  return true;
}

Span first_char(const Span& s) {
  Span out = s;
  out.length = 1;
  return out;
}

class Reader {
 public:
  Reader(const SourceFile& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  ast::File read(const Node& root) {
    out_.source = &file_;
    out_.json = true;
    if (!object(root, "a plan", plan_keys)) return std::move(out_);
    // In file order, so that errors come out in the order they are read.
    for (const auto& m : root.members) {
      if (m.key == "plan") out_.name = string(m.value, "plan");
      if (m.key == "client") client(m);
      if (m.key == "exercises") each(root, m.key, [&](const Node& e) { exercise(e); });
      if (m.key == "weeks") each(root, m.key, [&](const Node& w) { week(w); });
      if (m.key == "days") each(root, m.key, [&](const Node& d) { out_.loose_days.push_back(day(d)); });
      if (m.key == "waivers") waivers(root, Scope::plan);
    }
    return std::move(out_);
  }

 private:
  const SourceFile& file_;
  Diagnostics& diagnostics_;
  ast::File out_;

  void error(const Span& span, std::string message, std::vector<std::string> help = {}) {
    ++errors_;
    diagnostics_.error(span, std::move(message), std::move(help));
  }

 public:
  // Every error was inside an exercise line that was kept with its dose unknown, as a line of the text
  // notation is: the rest of the plan can be checked. An error anywhere else (a week, a day, the client)
  // leaves too much unknown to check the plan without reporting what is not there.
  [[nodiscard]] bool recovered() const { return errors_ == errors_in_kept_lines_; }

 private:
  std::size_t errors_ = 0;
  std::size_t errors_in_kept_lines_ = 0;

  void wrong_kind(const Node& n, std::string_view key, std::string_view expected) {
    error(n.span, fmt::format("expected \"{}\" to be {}, found {}", key, expected, json::kind_name(n.kind)));
  }

  // Unknown keys are errors: a misspelt key would otherwise be ignored and its value lost.
  bool object(const Node& n, std::string_view what, const Keys& keys) {
    if (n.kind != K::object) {
      error(first_char(n.span),
            fmt::format("expected {} as an object {{ ... }}, found {}", what, json::kind_name(n.kind)));
      return false;
    }
    for (const auto& m : n.members) {
      if (std::find(keys.begin(), keys.end(), m.key) != keys.end()) continue;
      std::vector<std::string> help;
      if (auto hint = did_you_mean(m.key, keys); !hint.empty()) help.push_back(hint);
      help.push_back(fmt::format("{} takes: {}", what, fmt::join(keys, ", ")));
      error(m.key_span, fmt::format("unknown key \"{}\" in {}", shorten(m.key), what), std::move(help));
    }
    return true;
  }

  const Node* required(const Node& object, std::string_view key, std::string_view what, std::string_view example) {
    if (const auto* n = object.find(key)) return n;
    error(first_char(object.span), fmt::format("{} needs \"{}\": {}", what, key, example));
    return nullptr;
  }

  void each(const Node& object, std::string_view key, const std::function<void(const Node&)>& visit) {
    const auto* list = object.find(key);
    if (list == nullptr) return;
    if (list->kind != K::array) return wrong_kind(*list, key, "an array [ ... ]");
    for (const auto& item : list->items) visit(item);
  }

  std::optional<ast::Value> string(const Node& n, std::string_view key) {
    if (n.kind != K::string) return wrong_kind(n, key, "a string"), std::nullopt;
    return ast::Value{ast::Value::Kind::string, n.text, 0, {}, n.span};
  }

  std::optional<ast::Name> name(const Node& n, std::string_view key) {
    auto v = string(n, key);
    if (!v) return std::nullopt;
    return ast::Name{v->text, v->span};
  }

  std::vector<ast::Name> names(const Node& object, std::string_view key) {
    std::vector<ast::Name> out;
    each(object, key, [&](const Node& n) {
      if (auto v = name(n, key)) out.push_back(std::move(*v));
    });
    return out;
  }

  std::optional<bool> boolean(const Node& n, std::string_view key) {
    if (n.kind != K::boolean) return wrong_kind(n, key, "true or false"), std::nullopt;
    return n.boolean;
  }

  // As in the text notation, where a number has at most 15 digits: a dose of 1e308 kg, or of 1e-300 kg,
  // would make every comparison and ratio of the rules meaningless (a rise of inf%).
  bool in_range(const Node& n, std::string_view key) {
    const double size = std::fabs(n.number);
    if (size < 1e15 && (size == 0 || size >= 1e-6)) return true;
    error(n.span,
          fmt::format("expected \"{}\" to be a number from 0.000001 to 999999999999999, found {}", key, n.number));
    return false;
  }

  std::optional<ast::Quantity> number(const Node& n, std::string_view key, std::string unit) {
    if (!is_number(n)) return wrong_kind(n, key, "a number"), std::nullopt;
    if (!in_range(n, key)) return std::nullopt;
    return ast::Quantity{n.number, n.number, std::move(unit), n.span};
  }

  // A number, or [low, high].
  std::optional<ast::Quantity> range(const Node& n, std::string_view key, std::string unit) {
    if (n.kind != K::array) return number(n, key, std::move(unit));
    if (n.items.size() != 2 || !is_number(n.items[0]) || !is_number(n.items[1])) {
      return wrong_kind(n, key, "a number or a range [low, high] of two numbers"), std::nullopt;
    }
    if (!in_range(n.items[0], key) || !in_range(n.items[1], key)) return std::nullopt;
    return ast::Quantity{n.items[0].number, n.items[1].number, std::move(unit), n.span};
  }

  // The resolver checks most numbers; durations cannot be negative in the text notation, so
  // only JSON needs this check.
  std::optional<ast::Quantity> duration(const Node& n, std::string_view key, const char* unit, bool zero_ok) {
    auto q = number(n, key, unit);
    if (q && (q->low < 0 || (!zero_ok && q->low == 0))) {
      error(n.span,
            fmt::format("expected \"{}\" to be {}, found {}", key, zero_ok ? "0 or more" : "more than 0", n.number));
      return std::nullopt;
    }
    return q;
  }

  // --- client and exercise declarations ------------------------------------------

  void client(const json::Member& m) {
    const Node& n = m.value;
    out_.client_spans.push_back(m.key_span);
    if (!object(n, "the client", client_keys)) return;
    ast::Client c;
    c.span = m.key_span;
    c.conditions = names(n, "conditions");
    c.symptoms = names(n, "symptoms");
    if (const auto* v = n.find("cleared")) c.cleared = boolean(*v, "cleared");
    if (const auto* v = n.find("cleared_without_restrictions")) {
      c.without_restrictions = boolean(*v, "cleared_without_restrictions").value_or(false);
    }
    if (const auto* v = n.find("cleared_by")) c.cleared_by = string(*v, "cleared_by").value_or(ast::Value{}).text;
    if (const auto* v = n.find("cleared_on")) c.cleared_on = date(*v, "cleared_on");
    if (const auto* v = n.find("experience")) c.experience = name(*v, "experience");
    out_.client = std::move(c);
  }

  std::optional<ast::Value> date(const Node& n, std::string_view key) {
    auto v = string(n, key);
    if (v && (v->text.size() != 10 || v->text[4] != '-' || v->text[7] != '-')) {
      error(n.span, fmt::format("expected \"{}\" to be a date as \"YYYY-MM-DD\", found \"{}\"", key, shorten(v->text)));
      return std::nullopt;
    }
    return v;
  }

  void exercise(const Node& n) {
    if (!object(n, "an exercise declaration", exercise_keys)) return;
    const auto* name_node = required(n, "name", "an exercise declaration", "its name, such as \"Pallof press\"");
    if (name_node == nullptr) return;
    auto name_value = string(*name_node, "name");
    if (!name_value) return;
    rules::ast::ExerciseDecl decl{*name_value, {}};
    for (const auto& m : n.members) {
      if (m.key != "name") exercise_field(m, decl);
    }
    out_.exercises.push_back(std::move(decl));
  }

  void exercise_field(const json::Member& m, rules::ast::ExerciseDecl& decl) {
    rules::ast::ExerciseField field{ast::Name{m.key, m.key_span}, {}, {}};
    const Node& v = m.value;
    if (m.key == "aka") {
      each_string(v, m.key, [&](ast::Value s) { field.strings.push_back(std::move(s)); });
    } else if (m.key == "muscles" || m.key == "equipment" || m.key == "tags") {
      each_string(v, m.key, [&](ast::Value s) { field.names.push_back(ast::Name{s.text, s.span}); });
    } else if (m.key == "supported" || m.key == "loaded") {
      const auto b = boolean(v, m.key);
      if (!b) return;
      field.names.push_back(ast::Name{*b ? "yes" : "no", v.span});
    } else if (!one_name(v, m.key, field)) {
      return;
    }
    decl.fields.push_back(std::move(field));
  }

  bool one_name(const Node& v, const std::string& key, rules::ast::ExerciseField& field) {
    auto n = name(v, key);
    if (!n) return false;
    static const Keys levels = {"none", "low", "moderate", "high"};
    const bool level = key == "spinal_load" || key == "impact";
    if (level && std::find(levels.begin(), levels.end(), n->text) == levels.end()) {
      error(v.span,
            fmt::format("expected \"{}\" to be one of none, low, moderate, high, found \"{}\"", key, shorten(n->text)));
      return false;
    }
    field.names.push_back(std::move(*n));
    return true;
  }

  void each_string(const Node& list, std::string_view key, const std::function<void(ast::Value)>& visit) {
    if (list.kind != K::array) return wrong_kind(list, key, "an array of strings");
    for (const auto& item : list.items) {
      if (auto s = string(item, key)) visit(std::move(*s));
    }
  }

  // --- calendar -------------------------------------------------------------------

  void week(const Node& n) {
    if (!object(n, "a week", week_keys)) return;
    const auto* number_node = required(n, "week", "a week", "its number, such as 1, or a range such as [1, 4]");
    const auto* days = required(n, "days", "a week", "the days of that week, such as [{\"day\": \"mon\", ...}]");
    if (number_node == nullptr || days == nullptr) return;
    ast::Week w;
    w.span = number_node->span;
    const auto weeks = range(*number_node, "week", {});
    if (!weeks) return;
    w.first = ast::Quantity{weeks->low, weeks->low, {}, weeks->span};
    w.last = ast::Quantity{weeks->high, weeks->high, {}, weeks->span};
    each(n, "days", [&](const Node& d) { w.days.push_back(day(d)); });
    waivers(n, Scope::week);
    out_.weeks.push_back(std::move(w));
  }

  ast::Day day(const Node& n) {
    ast::Day d;
    d.span = n.span;
    const auto* rest_node = n.kind == K::object ? n.find("rest") : nullptr;
    const bool rest = rest_node != nullptr && rest_node->kind == K::boolean && rest_node->boolean;
    if (!object(n, rest ? "a rest day" : "a day", rest ? rest_day_keys : day_keys)) return d;
    if (const auto* v = required(n, "day", "a day", "a weekday such as \"mon\", or a day number 1 to 7")) {
      day_name(*v, d);
    }
    if (const auto* v = n.find("rest")) d.rest = boolean(*v, "rest").value_or(false);
    if (!d.rest) session(n, d);
    waivers(n, Scope::session);
    return d;
  }

  void day_name(const Node& v, ast::Day& d) {
    if (v.kind == K::integer && (v.number < 1 || v.number > 28)) {
      error(v.span, fmt::format("\"day\" numbers the sessions of a week from 1 to 28, found {}", v.number));
      return;
    }
    if (v.kind == K::integer) {
      d.day = ast::Name{fmt::format("day {}", v.number), v.span};
      d.ordered = true;
      d.number = ast::Quantity{v.number, v.number, {}, v.span};
    } else if (auto n = name(v, "day")) {
      d.day = std::move(*n);
    }
  }

  void time_of_day(const Node& v, ast::Day& d) {
    static const std::vector<std::string> parts = {"am", "pm", "morning", "afternoon", "evening", "lunch", "night"};
    const auto text = string(v, "time").value_or(ast::Value{}).text;
    if (std::find(parts.begin(), parts.end(), text) == parts.end()) {
      std::vector<std::string> help;
      if (auto hint = did_you_mean(text, parts); !hint.empty()) help.push_back(hint);
      error(v.span,
            fmt::format("\"time\" is one of am, pm, morning, afternoon, evening, lunch or night, found '{}'",
                        shorten(text)),
            std::move(help));
      return;
    }
    d.part = text;
  }

  void session(const Node& n, ast::Day& d) {
    if (const auto* v = required(n, "kind", "a day", "a session kind such as \"strength\", or \"rest\": true")) {
      if (auto k = name(*v, "kind")) d.kind = std::move(*k);
    }
    if (const auto* v = n.find("minutes")) d.duration = duration(*v, "minutes", "min", false);
    if (const auto* v = n.find("label")) d.label = string(*v, "label").value_or(ast::Value{}).text;
    if (const auto* v = n.find("time")) time_of_day(*v, d);
    if (const auto* m = n.member("warmup")) d.blocks.push_back(block(*m, ast::Block::Kind::warmup));
    ast::Block main;
    each(n, "exercises", [&](const Node& l) { line(l, main); });
    d.blocks.push_back(std::move(main));
    if (const auto* m = n.member("cooldown")) d.blocks.push_back(block(*m, ast::Block::Kind::cooldown));
  }

  ast::Block block(const json::Member& m, ast::Block::Kind kind) {
    ast::Block b;
    b.kind = kind;
    b.span = m.key_span;
    const char* what = kind == ast::Block::Kind::warmup ? "a warm-up" : "a cool-down";
    if (!object(m.value, what, block_keys)) return b;
    if (const auto* v = m.value.find("minutes")) b.duration = duration(*v, "minutes", "min", false);
    if (required(m.value, "exercises", what,
                 "its exercise lines, such as [{\"exercise\": \"cat-cow\", \"reps\": 10}]")) {
      each(m.value, "exercises", [&](const Node& l) { line(l, b); });
    }
    return b;
  }

  // --- exercise lines -------------------------------------------------------------

  void line(const Node& n, ast::Block& block) {
    const auto before = errors_;
    if (!object(n, "an exercise line", line_keys)) return;
    const auto* exercise = required(n, "exercise", "an exercise line", "the exercise's name, such as \"glute bridge\"");
    if (exercise == nullptr) return;
    auto name_value = string(*exercise, "exercise");
    if (!name_value) return;
    ast::Line l;
    l.name = std::move(*name_value);
    l.span = l.name.span;
    for (const auto& m : n.members) line_field(m, n, l);
    one_of(n, {"reps", "steps", "seconds"}, "repetitions, steps or a time per set");
    one_of(n, {"load_kg", "load_lb", "percent_1rm"}, "a load");
    waivers(n, Scope::line);
    if (errors_ > before) {
      l.unreadable = true;
      errors_in_kept_lines_ += errors_ - before;
    }
    block.lines.push_back(std::move(l));
  }

  void one_of(const Node& n, std::initializer_list<std::string_view> keys, std::string_view what) {
    const json::Member* first = nullptr;
    for (const auto& m : n.members) {
      if (std::find(keys.begin(), keys.end(), m.key) == keys.end()) continue;
      if (first == nullptr) {
        first = &m;
        continue;
      }
      error(m.key_span, fmt::format("this line already gives {} in \"{}\"; give one of {}", what, first->key,
                                    fmt::join(keys, ", ")));
    }
  }

  void line_field(const json::Member& m, const Node& line_node, ast::Line& l) {
    const auto& k = m.key;
    const Node& v = m.value;
    if (k == "sets") l.sets = number(v, k, {});
    if (k == "reps") l.reps = range(v, k, {});
    if (k == "steps") l.reps = range(v, k, "steps");
    if (k == "seconds") seconds(v, line_node.find("sets") != nullptr, l);
    if (k == "each_side") l.each_side = boolean(v, k).value_or(false);
    if (k == "bodyweight") l.bodyweight = boolean(v, k).value_or(false);
    if (k == "load_kg" || k == "load_lb") l.load = number(v, k, k == "load_kg" ? "kg" : "lb");
    if (k == "percent_1rm") push(l.amounts, number(v, k, "%"));
    if (k == "rpe") l.rpe = number(v, k, {});
    if (k == "rir") l.rir = number(v, k, {});
    if (k == "rest_seconds") l.rest = duration(v, k, "s", true);
    line_text_field(m, l);
  }

  void line_text_field(const json::Member& m, ast::Line& l) {
    const auto& k = m.key;
    const Node& v = m.value;
    if (k == "band") {
      if (auto b = string(v, k)) l.band = b->text.empty() ? "band" : b->text + " band";
    } else if (k == "tempo") {
      tempo(v, l);
    } else if (k == "posture") {
      l.posture = name(v, k);
    } else if (k == "equipment") {
      each_string(v, k, [&](ast::Value s) { l.equipment.push_back(ast::Name{s.text, s.span}); });
    } else if (k == "notes") {
      each_string(v, k, [&](ast::Value s) { l.notes.push_back(std::move(s.text)); });
    }
  }

  static void push(std::vector<ast::Quantity>& list, std::optional<ast::Quantity> q) {
    if (q) list.push_back(std::move(*q));
  }

  // With sets, a time is the length of each set; alone it is one timed hold, as `30s` is in text.
  void seconds(const Node& v, bool has_sets, ast::Line& l) {
    auto q = range(v, "seconds", "s");
    if (!q) return;
    if (has_sets) {
      l.reps = std::move(q);
    } else {
      l.amounts.push_back(std::move(*q));
    }
  }

  void tempo(const Node& v, ast::Line& l) {
    auto t = string(v, "tempo");
    if (!t) return;
    if (!valid_tempo(t->text)) {
      error(v.span, fmt::format("expected \"tempo\" to be a tempo such as \"3-1-2\" or \"3-1-2-0\", found \"{}\"",
                                shorten(t->text)));
      return;
    }
    l.tempo = std::move(*t);
  }

  // --- waivers --------------------------------------------------------------------

  void waivers(const Node& n, Scope scope) {
    each(n, "waivers", [&](const Node& w) {
      if (auto waiver = read_waiver(w, scope, n.span)) out_.waivers.push_back(std::move(*waiver));
    });
  }

  // A waiver with any error waives nothing: a broken `until` must not become a waiver without an end.
  std::optional<ast::Waiver> read_waiver(const Node& n, Scope scope, const Span& covers) {
    const auto before = errors_;
    auto w = read_waiver_fields(n, scope, covers);
    if (errors_ > before) return std::nullopt;
    return w;
  }

  std::optional<ast::Waiver> read_waiver_fields(const Node& n, Scope scope, const Span& covers) {
    if (!object(n, "a waiver", waiver_keys)) return std::nullopt;
    const auto* rule = required(n, "rule", "a waiver", "the id of the rule it waives, such as \"bp.avoid-deadlift\"");
    const auto* reason = required(n, "reason", "a waiver", "why the rule does not apply here");
    if (rule == nullptr || reason == nullptr) return std::nullopt;
    ast::Waiver w;
    w.scope = scope;
    w.begin = covers.offset;
    w.end = covers.offset + covers.length;
    auto id = name(*rule, "rule");
    auto why = string(*reason, "reason");
    if (!id || !why) return std::nullopt;
    w.rule = std::move(*id);
    w.span = w.rule.span;
    w.reason = why->text;
    w.reason_span = why->span;
    if (const auto* v = n.find("approved_by")) w.approver = string(*v, "approved_by").value_or(ast::Value{}).text;
    if (const auto* v = n.find("until")) w.until = date(*v, "until");
    if (const auto* v = n.find("on")) waiver_day(*v, w);
    return w;
  }

  void waiver_day(const Node& v, ast::Waiver& w) {
    ast::Day d;
    day_name(v, d);
    w.day = d.day;
    w.day_number = d.number;
  }
};

}  // namespace

std::optional<ast::File> parse_json_plan(const SourceFile& file, std::size_t begin, std::size_t end,
                                         std::uint32_t first_line, Diagnostics& diagnostics) {
  if (end - begin > limits::max_file_bytes) {
    diagnostics.error(
        Span{&file, first_line, 1, 1, static_cast<std::uint32_t>(begin)},
        fmt::format("the plan has {} bytes; the limit is {} MiB", end - begin, limits::max_file_bytes / (1024 * 1024)));
    return std::nullopt;
  }
  if (begin == 0 && end == file.text.size()) {
    if (auto problem = limits::check_bytes(file)) {
      diagnostics.add(std::move(*problem));
      return std::nullopt;
    }
  }
  const auto root = json::parse(file, begin, end, first_line, diagnostics);
  if (!root) return std::nullopt;
  Reader reader(file, diagnostics);
  auto out = reader.read(*root);
  if (diagnostics.has_errors() && !reader.recovered()) return std::nullopt;
  return out;
}

}  // namespace liftlint::plan
