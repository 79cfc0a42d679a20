#include "lsp/features.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "support/ascii.hpp"

namespace liftlint::lsp {
namespace {

// The protocol's kinds of completion item and symbol that liftlint's names map to.
constexpr int item_value = 12, item_keyword = 14, item_constant = 21, item_reference = 18, item_module = 9;
constexpr int symbol_module = 2, symbol_namespace = 3, symbol_function = 12, symbol_constant = 14, symbol_event = 24;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(ascii::lower(static_cast<unsigned char>(c)));
  return out;
}

bool name_char(char c) {
  return ascii::is_alnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}

// The identifier around a byte offset of a line (rule ids, source ids, vocabulary names).
std::pair<std::size_t, std::size_t> word_at(std::string_view line, std::size_t at) {
  std::size_t begin = std::min(at, line.size()), end = begin;
  while (begin > 0 && name_char(line[begin - 1])) --begin;
  while (end < line.size() && name_char(line[end])) ++end;
  // a sentence's full stop is no part of the name before it
  while (end > begin && line[end - 1] == '.') --end;
  return {begin, end};
}

// The quoted string around a byte offset of a line, without its quotes.
std::optional<std::string_view> quoted_at(std::string_view line, std::size_t at) {
  std::optional<std::size_t> open;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != '"') continue;
    if (!open) {
      open = i;
    } else {
      if (*open < at && at <= i) return line.substr(*open + 1, i - *open - 1);
      open.reset();
    }
  }
  return std::nullopt;
}

// The folder of documentation beside an installed liftlint: share/doc/liftlint next to bin/.
std::string installed_docs() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const auto docs = exe.parent_path().parent_path() / "share" / "doc" / "liftlint" / "rules";
  return std::filesystem::is_directory(docs, error) ? docs.string() : std::string{};
}

// Where a rule is explained: its page in the installed documentation, or the rule file that declares it.
std::string rule_docs_link(const RuleInfo& rule) {
  static const std::string docs = installed_docs();
  if (rule.builtin) {
    if (docs.empty()) return {};
    auto anchor = lower(rule.id);
    anchor.erase(std::remove(anchor.begin(), anchor.end(), '.'), anchor.end());
    return fmt::format("{}#{}", uri_of_path(fmt::format("{}/{}.md", docs, rule.pack)), anchor);
  }
  if (rule.location.file.empty()) return {};
  std::error_code error;
  const auto absolute = std::filesystem::absolute(rule.location.file, error);
  return error ? std::string{} : fmt::format("{}#L{}", uri_of_path(absolute.string()), rule.location.line);
}

Json location_json(const Location& l, const Document& d, const LineIndex& index) {
  if (l.file == d.path) return Json{{"uri", d.uri}, {"range", index.range(l.line, l.column, l.length)}};
  // another file: its columns are counted in bytes, which is right for the plain text most lines hold
  const auto start = Json{{"line", l.line > 0 ? l.line - 1 : 0}, {"character", l.column > 0 ? l.column - 1 : 0}};
  const auto end = Json{{"line", start["line"]}, {"character", start["character"].get<unsigned>() + l.length}};
  return Json{{"uri", uri_of_path(l.file)}, {"range", {{"start", start}, {"end", end}}}};
}

std::string citation_line(const Citation& c) {
  auto out = fmt::format("- {}", c.reference);
  if (!c.locator.empty()) out += fmt::format(" ({})", c.locator);
  if (!c.evidence.empty()) out += fmt::format(" [{}]", c.evidence);
  if (!c.url.empty()) out += fmt::format(" <{}>", c.url);
  return out;
}

std::string exercise_markdown(const ExerciseInfo& x) {
  auto out = fmt::format("**{}** (catalogue)\n\n", x.name);
  const auto row = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out += fmt::format("- {}: {}\n", label, value);
  };
  row("muscles", fmt::format("{}", fmt::join(x.muscles, ", ")));
  row("pattern", x.pattern);
  row("posture", x.posture);
  row("equipment", fmt::format("{}", fmt::join(x.equipment, ", ")));
  row("spinal load", x.spinal_load);
  row("impact", x.impact);
  row("loaded", x.loaded ? "yes" : "no");
  row("supported", x.supported ? "yes" : "no");
  row("tags", fmt::format("{}", fmt::join(x.tags, ", ")));
  row("also written", fmt::format("{}", fmt::join(x.aliases, ", ")));
  return out;
}

std::string rule_markdown(const RuleInfo& r) {
  auto out = fmt::format("**{}** ({}, {} pack)\n\n{}\n", r.id, name_of(r.severity), r.pack, r.message);
  if (!r.doc.empty()) out += fmt::format("\n{}\n", r.doc);
  if (!r.suggest.empty()) out += fmt::format("\nSuggested instead: {}.\n", fmt::join(r.suggest, ", "));
  if (!r.citations.empty()) {
    out += "\nSources:\n";
    for (const auto& c : r.citations) out += citation_line(c) + "\n";
  }
  return out;
}

std::string problem_markdown(const Problem& p, const Knowledge* knowledge) {
  const auto* rule = knowledge != nullptr && !p.rule_id.empty() ? knowledge->rule(p.rule_id) : nullptr;
  auto out = p.rule_id.empty() ? fmt::format("**{}**: {}\n", name_of(p.severity), p.message)
                               : fmt::format("**{}[{}]**: {}\n", name_of(p.severity), p.rule_id, p.message);
  for (const auto& h : p.help) out += fmt::format("\nhelp: {}\n", h);
  for (const auto& n : p.notes) out += fmt::format("\nnote: {}\n", n.text);
  if (rule != nullptr && !rule->doc.empty()) out += fmt::format("\n{}\n", rule->doc);
  if (!p.citations.empty()) {
    out += "\nSources:\n";
    for (const auto& c : p.citations) out += citation_line(c) + "\n";
  }
  return out;
}

bool under(const Location& l, unsigned line, unsigned column) {
  if (l.line != line) return false;
  return l.length == 0 || (column >= l.column && column <= l.column + l.length);
}

const LineReading* line_reading_at(const Document& d, unsigned line) {
  if (!d.reading) return nullptr;
  for (const auto& w : d.reading->weeks) {
    for (const auto& s : w.sessions) {
      for (const auto& l : s.lines) {
        if (l.location.line == line) return &l;
      }
    }
  }
  return nullptr;
}

std::string name_markdown(const Knowledge& k, std::string_view line, std::size_t at) {
  const auto [begin, end] = word_at(line, at);
  const std::string word(line.substr(begin, end - begin));
  if (word.empty()) return {};
  if (const auto it = k.sources.find(word); it != k.sources.end()) {
    return fmt::format("**{}** (source)\n\n{}\n", word, citation_line(it->second).substr(2));
  }
  if (const auto* rule = k.rule(word)) return rule_markdown(*rule);
  for (const auto& [kind, entries] : k.vocabulary) {
    for (const auto& e : entries) {
      if (e.id != word) continue;
      auto out = fmt::format("**{}**: {}\n", e.id, e.label);
      if (!e.aliases.empty()) out += fmt::format("\nalso written: {}\n", fmt::join(e.aliases, ", "));
      if (!e.implies.empty()) out += fmt::format("\ncounts as: {}\n", fmt::join(e.implies, ", "));
      return out;
    }
  }
  return {};
}

}  // namespace

std::string uri_of_path(const std::string& path) {
  std::string out = "file://";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (ascii::is_alnum(u) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

Knowledge::Knowledge(const Engine& engine) : exercises(engine.catalogue()), rules(engine.rules()) {
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    exercise_by_name.emplace(lower(exercises[i].name), i);
    for (const auto& a : exercises[i].aliases) exercise_by_name.emplace(lower(a), i);
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    rule_by_id.emplace(rules[i].id, i);
    for (const auto& c : rules[i].citations) sources.emplace(c.source, c);
  }
  for (const auto kind :
       {VocabularyKind::conditions, VocabularyKind::symptoms, VocabularyKind::kinds, VocabularyKind::postures,
        VocabularyKind::equipment, VocabularyKind::muscles, VocabularyKind::patterns}) {
    vocabulary.emplace_back(kind, engine.vocabulary(kind));
  }
}

const ExerciseInfo* Knowledge::exercise(std::string_view name) const {
  const auto it = exercise_by_name.find(lower(name));
  return it == exercise_by_name.end() ? nullptr : &exercises[it->second];
}

const RuleInfo* Knowledge::rule(const std::string& id) const {
  const auto it = rule_by_id.find(id);
  return it == rule_by_id.end() ? nullptr : &rules[it->second];
}

Json diagnostic_json(const Problem& p, const Document& d, const LineIndex& index) {
  const bool here = p.location.file == d.path;
  auto message = here || p.location.file.empty()
                     ? p.message
                     : fmt::format("{}:{}:{}: {}", p.location.file, p.location.line, p.location.column, p.message);
  for (const auto& h : p.help) message += fmt::format("\nhelp: {}", h);
  const auto length =
      p.location.length > 0 ? p.location.length : static_cast<unsigned>(index.line(p.location.line).size());
  Json out{{"range", here ? index.range(p.location.line, p.location.column, length) : index.range(1, 1, 0)},
           {"severity", p.severity == Severity::error     ? 1
                        : p.severity == Severity::warning ? 2
                                                          : 3},
           {"source", "liftlint"},
           {"message", message}};
  if (!p.rule_id.empty()) {
    out["code"] = p.rule_id;
    const auto* rule = d.knowledge ? d.knowledge->rule(p.rule_id) : nullptr;
    if (const auto link = rule != nullptr ? rule_docs_link(*rule) : std::string{}; !link.empty()) {
      out["codeDescription"] = {{"href", link}};
    }
  }
  Json related = Json::array();
  for (const auto& n : p.notes) {
    if (n.location) related.push_back({{"location", location_json(*n.location, d, index)}, {"message", n.text}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

std::string hover_text(const Document& d, unsigned line, unsigned column, const LineIndex& index) {
  std::vector<std::string> parts;
  for (const auto& p : d.problems) {
    if (p.location.file == d.path && under(p.location, line, column)) {
      parts.push_back(problem_markdown(p, d.knowledge.get()));
    }
  }
  if (d.knowledge) {
    const auto text = index.line(line);
    const auto at = std::min<std::size_t>(column - 1, text.size());
    if (d.kind == Document::Kind::rules) {
      const auto quoted = quoted_at(text, at);
      const auto* x = quoted ? d.knowledge->exercise(*quoted) : nullptr;
      auto name = x != nullptr ? exercise_markdown(*x) : name_markdown(*d.knowledge, text, at);
      if (!name.empty()) parts.push_back(std::move(name));
    } else if (const auto* l = line_reading_at(d, line); l != nullptr && l->known) {
      if (const auto* x = d.knowledge->exercise(l->exercise)) parts.push_back(exercise_markdown(*x));
    } else if (auto name = name_markdown(*d.knowledge, text, at); !name.empty()) {
      parts.push_back(std::move(name));  // a rule id in a waiver, a condition in the client block
    }
  }
  return fmt::format("{}", fmt::join(parts, "\n---\n\n"));
}

namespace {

bool ends_with_word_after(std::string_view before, std::string_view keyword) {
  // `... waive ID`: the keyword, blanks, then the name being typed
  auto end = before.size();
  while (end > 0 && name_char(before[end - 1])) --end;
  auto blank = end;
  while (blank > 0 && (before[blank - 1] == ' ' || before[blank - 1] == '\t')) --blank;
  if (blank == end || blank < keyword.size()) return false;
  const auto word = before.substr(blank - keyword.size(), keyword.size());
  return lower(word) == keyword && (blank == keyword.size() || !name_char(before[blank - keyword.size() - 1]));
}

std::string first_word(std::string_view before) {
  std::size_t i = 0;
  while (i < before.size() && (before[i] == ' ' || before[i] == '\t')) ++i;
  std::size_t end = i;
  while (end < before.size() && ascii::is_alpha(static_cast<unsigned char>(before[end])) != 0) ++end;
  return lower(before.substr(i, end - i));
}

Json vocabulary_items(const Knowledge& k, VocabularyKind kind) {
  Json out = Json::array();
  for (const auto& [which, entries] : k.vocabulary) {
    if (which != kind) continue;
    for (const auto& e : entries) {
      out.push_back({{"label", e.id}, {"kind", item_constant}, {"detail", e.label}});
      for (const auto& a : e.aliases) {
        out.push_back({{"label", a}, {"kind", item_constant}, {"detail", fmt::format("{} ({})", e.label, e.id)}});
      }
    }
  }
  return out;
}

std::string exercise_detail(const ExerciseInfo& x) {
  std::vector<std::string> parts;
  if (!x.pattern.empty()) parts.push_back(x.pattern);
  if (!x.posture.empty()) parts.push_back(x.posture);
  if (!x.spinal_load.empty()) parts.push_back(fmt::format("spinal load {}", x.spinal_load));
  if (x.loaded) parts.push_back("loaded");
  return fmt::format("{}", fmt::join(parts, " · "));
}

// Whether a name has a word starting with what is being typed: `sq` finds `goblet squat`.
bool offered(std::string_view label, const std::string& typed) {
  if (typed.empty()) return true;
  const auto name = lower(label);
  for (auto at = name.find(typed); at != std::string::npos; at = name.find(typed, at + 1)) {
    if (at == 0 || !name_char(name[at - 1])) return true;
  }
  return false;
}

Json exercise_items(const Knowledge& k, const std::string& typed) {
  Json out = Json::array();
  for (const auto& x : k.exercises) {
    const bool own = offered(x.name, typed);
    if (own) {
      const Json doc{{"kind", "markdown"}, {"value", exercise_markdown(x)}};
      out.push_back({{"label", x.name}, {"kind", item_value}, {"detail", exercise_detail(x)}, {"documentation", doc}});
    }
    for (const auto& a : x.aliases) {
      if (!offered(a, typed)) continue;
      out.push_back(
          {{"label", a}, {"kind", item_value}, {"detail", fmt::format("= {} · {}", x.name, exercise_detail(x))}});
    }
  }
  return out;
}

// The word being typed before the cursor, in lower case.
std::string typed_word(std::string_view before) {
  auto begin = before.size();
  while (begin > 0 && name_char(before[begin - 1])) --begin;
  return lower(before.substr(begin));
}

Json rule_id_items(const Knowledge& k) {
  Json out = Json::array();
  for (const auto& r : k.rules) out.push_back({{"label", r.id}, {"kind", item_reference}, {"detail", r.message}});
  return out;
}

void append(Json& to, Json more) {
  for (auto& item : more) to.push_back(std::move(item));
}

constexpr std::array<const char*, 7> weekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Json plan_items(const Knowledge& k, std::string_view before) {
  if (ends_with_word_after(before, "waive")) return rule_id_items(k);
  const auto first = first_word(before);
  if (first == "conditions" || first == "condition") return vocabulary_items(k, VocabularyKind::conditions);
  if (first == "symptoms" || first == "symptom") return vocabulary_items(k, VocabularyKind::symptoms);
  const bool day = std::find(weekdays.begin(), weekdays.end(), first.substr(0, 3)) != weekdays.end();
  if (day && first.size() <= 9 && before.find(' ') != std::string_view::npos) {
    return vocabulary_items(k, VocabularyKind::kinds);
  }
  return exercise_items(k, typed_word(before));
}

Json rule_file_items(const Knowledge& k, std::string_view before) {
  // inside a string: an exercise name
  if (std::count(before.begin(), before.end(), '"') % 2 == 1) return exercise_items(k, typed_word(before));
  Json out = Json::array();
  for (const char* word :
       {"rule",   "source",  "scheme",   "include", "condition", "symptom",    "kind",       "posture",  "equipment",
        "muscle", "pattern", "exercise", "extend",  "severity",  "cite",       "message",    "help",     "doc",
        "when",   "require", "forbid",   "suggest", "fix",       "supersedes", "version",    "reviewed", "status",
        "every",  "some",    "no",       "count",   "per",       "week",       "session",    "client",   "where",
        "and",    "or",      "not",      "has",     "any",       "all",        "in",         "rest",     "between",
        "error",  "warning", "info",     "draft",   "reviewed",  "retired",    "substitute", "at"}) {
    out.push_back({{"label", word}, {"kind", item_keyword}});
  }
  for (const auto& [kind, entries] : k.vocabulary) {
    for (const auto& e : entries) out.push_back({{"label", e.id}, {"kind", item_constant}, {"detail", e.label}});
  }
  for (const auto& [id, c] : k.sources) out.push_back({{"label", id}, {"kind", item_module}, {"detail", c.reference}});
  append(out, rule_id_items(k));
  return out;
}

}  // namespace

Json completion_items(const Document& d, std::string_view before) {
  if (!d.knowledge) return Json::array();
  auto items =
      d.kind == Document::Kind::rules ? rule_file_items(*d.knowledge, before) : plan_items(*d.knowledge, before);
  // filtered by the word being typed: asked again as it grows
  return Json{{"isIncomplete", !typed_word(before).empty()}, {"items", std::move(items)}};
}

namespace {

Json text_edit(const Edit& e, const LineIndex& index) {
  return Json{{"range", index.range(e.location.line, e.location.column, e.location.length)}, {"newText", e.text}};
}

Json fix_action(const Fix& fix, const Json& diagnostic, const Document& d, const LineIndex& index) {
  Json edits = Json::array();
  for (const auto& e : fix.edits) {
    if (e.location.file != d.path) return nullptr;
    edits.push_back(text_edit(e, index));
  }
  return Json{{"title", fix.title},
              {"kind", "quickfix"},
              {"diagnostics", Json::array({diagnostic})},
              {"isPreferred", fix.applicability == FixApplicability::safe},
              {"edit", {{"changes", {{d.uri, std::move(edits)}}}}}};
}

// `waive RULE reason "..."`: at the end of an exercise line, or as the plan's first line for a finding
// about a session, a week or the whole plan.
Json waiver_action(const Problem& p, const Json& diagnostic, const Document& d, const LineIndex& index) {
  const auto reason = "reason \"why this does not apply to this client\"";
  Json edit;
  std::string title;
  if (line_reading_at(d, p.location.line) != nullptr) {
    const auto end = static_cast<unsigned>(index.line(p.location.line).size() + 1);
    edit = {{"range", index.range(p.location.line, end, 0)},
            {"newText", fmt::format("  waive {} {}", p.rule_id, reason)}};
    title = fmt::format("waive {} on this line", p.rule_id);
  } else {
    edit = {{"range", index.range(1, 1, 0)}, {"newText", fmt::format("waive {} {}\n", p.rule_id, reason)}};
    title = fmt::format("waive {} for the whole plan", p.rule_id);
  }
  return Json{{"title", title},
              {"kind", "quickfix"},
              {"diagnostics", Json::array({diagnostic})},
              {"edit", {{"changes", {{d.uri, Json::array({edit})}}}}}};
}

}  // namespace

Json actions_for(const Document& d, unsigned first_line, unsigned last_line, const LineIndex& index) {
  Json out = Json::array();
  // in the order of the text, whether errors or findings
  std::vector<const Problem*> here;
  for (const auto& p : d.problems) {
    if (p.location.file == d.path && p.location.line >= first_line && p.location.line <= last_line) here.push_back(&p);
  }
  std::stable_sort(here.begin(), here.end(), [](const Problem* a, const Problem* b) {
    return std::tie(a->location.line, a->location.column) < std::tie(b->location.line, b->location.column);
  });
  for (const auto* problem : here) {
    const auto& p = *problem;
    const auto diagnostic = diagnostic_json(p, d, index);
    for (const auto& fix : p.fixes) {
      if (auto action = fix_action(fix, diagnostic, d, index); !action.is_null()) out.push_back(std::move(action));
    }
    const bool rule_finding = !p.rule_id.empty() && p.rule_id.rfind("liftlint.", 0) != 0;
    if (rule_finding && d.kind == Document::Kind::plan) out.push_back(waiver_action(p, diagnostic, d, index));
  }
  return out;
}

namespace {

unsigned last_line_of(const SessionReading& s) {
  unsigned last = s.location.line;
  for (const auto& l : s.lines) last = std::max(last, l.location.line);
  return last;
}

Json symbol(const std::string& name, const std::string& detail, int kind, const Json& range, const Json& selection) {
  return Json{{"name", name.empty() ? std::string("(unnamed)") : name},
              {"detail", detail},
              {"kind", kind},
              {"range", range},
              {"selectionRange", selection}};
}

Json session_symbol(const SessionReading& s, const LineIndex& index) {
  const auto last = last_line_of(s);
  const Json range{{"start", index.position(s.location.line, 1)},
                   {"end", index.position(last, static_cast<unsigned>(index.line(last).size() + 1))}};
  const auto selection = index.range(s.location.line, s.location.column, s.location.length);
  auto out = symbol(s.day, s.kind, symbol_event, range, selection);
  out["children"] = Json::array();
  for (const auto& l : s.lines) {
    const auto line_range = index.range(l.location.line, l.location.column, l.location.length);
    out["children"].push_back(symbol(l.exercise, l.block, symbol_function, line_range, line_range));
  }
  return out;
}

}  // namespace

Json plan_symbols(const Document& d, const LineIndex& index) {
  Json out = Json::array();
  if (!d.reading) return out;
  for (const auto& w : d.reading->weeks) {
    if (w.sessions.empty()) continue;
    Json sessions = Json::array();
    for (const auto& s : w.sessions) sessions.push_back(session_symbol(s, index));
    const auto first = w.sessions.front().location.line;
    const auto last = last_line_of(w.sessions.back());
    const Json range{{"start", index.position(first, 1)},
                     {"end", index.position(last, static_cast<unsigned>(index.line(last).size() + 1))}};
    const auto name = w.first == w.last ? fmt::format("Week {}", w.first) : fmt::format("Weeks {}-{}", w.first, w.last);
    auto week = symbol(name, w.deload ? "deload" : "", symbol_namespace, range, index.range(first, 1, 0));
    week["children"] = std::move(sessions);
    out.push_back(std::move(week));
  }
  return out;
}

namespace {

// A declaration on a line of a rule file: the keyword, the name and where the name starts.
struct Declared {
  std::string keyword;
  std::string name;
  std::size_t column = 0;  // 0-based byte
};

const std::set<std::string>& declaration_keywords() {
  static const std::set<std::string> words{"rule", "source",  "scheme",    "condition", "symptom",
                                           "kind", "posture", "equipment", "muscle",    "pattern"};
  return words;
}

std::optional<Declared> declared_on(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::size_t end = i;
  while (end < line.size() && ascii::is_alpha(static_cast<unsigned char>(line[end])) != 0) ++end;
  const std::string keyword(line.substr(i, end - i));
  if (!declaration_keywords().count(keyword) || end >= line.size() || line[end] != ' ') return std::nullopt;
  std::size_t begin = end;
  while (begin < line.size() && line[begin] == ' ') ++begin;
  std::size_t stop = begin;
  while (stop < line.size() && name_char(line[stop])) ++stop;
  if (stop == begin) return std::nullopt;
  return Declared{keyword, std::string(line.substr(begin, stop - begin)), begin};
}

// The last line of a block opened on `line`: where its braces balance, strings aside.
unsigned block_end(const LineIndex& index, unsigned line) {
  int depth = 0;
  bool opened = false;
  for (unsigned l = line; l <= index.lines(); ++l) {
    bool in_string = false;
    const auto text = index.line(l);
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string && c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = !in_string;
      } else if (!in_string && c == '{') {
        ++depth;
        opened = true;
      } else if (!in_string && c == '}') {
        --depth;
      }
    }
    if (!opened || depth <= 0) return opened || l > line ? l : line;
  }
  return index.lines();
}

int symbol_kind(const std::string& keyword) {
  if (keyword == "rule") return symbol_function;
  if (keyword == "source" || keyword == "scheme") return symbol_module;
  return symbol_constant;
}

}  // namespace

Json rule_file_symbols(const LineIndex& index) {
  Json out = Json::array();
  for (unsigned l = 1; l <= index.lines(); ++l) {
    const auto declared = declared_on(index.line(l));
    if (!declared) continue;
    const auto last = block_end(index, l);
    const Json range{{"start", index.position(l, 1)},
                     {"end", index.position(last, static_cast<unsigned>(index.line(last).size() + 1))}};
    const auto selection =
        index.range(l, static_cast<unsigned>(declared->column + 1), static_cast<unsigned>(declared->name.size()));
    out.push_back(symbol(declared->name, declared->keyword, symbol_kind(declared->keyword), range, selection));
  }
  return out;
}

namespace {

struct NamedFile {
  std::string uri;
  std::string path;
  std::string text;
};

// The rule files a name may be declared in: those open, then those beside the document.
std::vector<NamedFile> rule_files_near(const Document& d, const std::vector<const Document*>& open) {
  std::vector<NamedFile> out;
  std::set<std::string> seen;
  for (const auto* doc : open) {
    if (doc->kind != Document::Kind::rules) continue;
    out.push_back({doc->uri, doc->path, doc->text});
    seen.insert(doc->path);
  }
  std::error_code error;
  const auto dir = std::filesystem::path(d.path).parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(dir.empty() ? "." : dir, error)) {
    const auto path = entry.path().string();
    if (entry.path().extension() != ".rules" || seen.count(path) || !entry.is_regular_file(error)) continue;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back({uri_of_path(path), path, text.str()});
  }
  return out;
}

bool boundary_before(std::string_view line, std::size_t at) { return at == 0 || !name_char(line[at - 1]); }
bool boundary_after(std::string_view line, std::size_t end) { return end >= line.size() || !name_char(line[end]); }

}  // namespace

Json find_names(const Document& d, std::size_t offset, const std::vector<const Document*>& open, bool references,
                bool include_declaration, Encoding encoding) {
  const LineIndex here(d.text, encoding);
  const auto [line, column] = here.line_column(offset);
  const auto text = here.line(line);
  const auto [begin, end] = word_at(text, column - 1);
  const std::string word(text.substr(begin, end - begin));
  Json out = Json::array();
  if (word.empty()) return references ? out : Json(nullptr);
  for (const auto& file : rule_files_near(d, open)) {
    const LineIndex index(file.text, encoding);
    for (unsigned l = 1; l <= index.lines(); ++l) {
      const auto line_text = index.line(l);
      const auto declared = declared_on(line_text);
      const bool declares = declared && declared->name == word;
      if (!references) {
        if (declares) {
          out.push_back({{"uri", file.uri},
                         {"range", index.range(l, static_cast<unsigned>(declared->column + 1),
                                               static_cast<unsigned>(word.size()))}});
        }
        continue;
      }
      for (auto at = line_text.find(word); at != std::string_view::npos; at = line_text.find(word, at + 1)) {
        if (!boundary_before(line_text, at) || !boundary_after(line_text, at + word.size())) continue;
        if (declares && at == declared->column && !include_declaration) continue;
        out.push_back({{"uri", file.uri},
                       {"range", index.range(l, static_cast<unsigned>(at + 1), static_cast<unsigned>(word.size()))}});
      }
    }
  }
  return out;
}

}  // namespace liftlint::lsp
