// Resolves names, types and citations: ast::File -> model::RuleSet.
#include "rules/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include "rules/expr_checker.hpp"
#include "support/names.hpp"
#include "support/units.hpp"

namespace liftlint::rules {
namespace {

using model::Category;

std::optional<Category> category_of(const std::string& keyword) {
  static const std::map<std::string, Category> table = {{"condition", Category::condition},
                                                        {"symptom", Category::condition},
                                                        {"muscle", Category::muscle},
                                                        {"pattern", Category::pattern},
                                                        {"posture", Category::posture},
                                                        {"equipment", Category::equipment},
                                                        {"session_kind", Category::session_kind},
                                                        {"tag", Category::tag},
                                                        {"muscle_group", Category::muscle_group}};
  const auto it = table.find(keyword);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

class Checker {
 public:
  Checker(const std::vector<ast::File>& files, Diagnostics& diagnostics, model::RuleSet base)
      : files_(files), diagnostics_(diagnostics), set_(std::move(base)), names_(set_, diagnostics) {
    for (const auto& rule : set_.rules) rule_ids_.emplace(rule.id, rule.span);
    for (const auto& source : set_.sources) source_ids_.emplace(source.id, source.span);
  }

  std::optional<model::RuleSet> run() {
    for_each_file([this](const ast::File& f) { schemes(f); });
    for_each_file([this](const ast::File& f) { declare_vocabulary(f); });
    for_each_file([this](const ast::File& f) { link_vocabulary(f); });
    close_vocabulary();
    for_each_file([this](const ast::File& f) { sources(f); });
    for_each_file([this](const ast::File& f) { exercises(f); });
    for_each_file([this](const ast::File& f) { extensions(f); });
    for_each_file([this](const ast::File& f) { rules(f); });
    for_each_file([this](const ast::File& f) { supersessions(f); });
    if (!diagnostics_.has_errors()) circular_supersessions();
    if (diagnostics_.has_errors()) return std::nullopt;
    return std::move(set_);
  }

 private:
  const std::vector<ast::File>& files_;
  Diagnostics& diagnostics_;
  model::RuleSet set_;
  NameResolver names_;
  std::map<std::string, Span> rule_ids_;
  std::unordered_map<std::string, std::uint32_t> rule_indices_;  // filled once the rules are checked
  std::map<std::string, Span> source_ids_;

  template <typename F>
  void for_each_file(F&& f) {
    for (const auto& file : files_) f(file);
  }

  void duplicate(const Span& span, const std::string& what, const Span& first) {
    diagnostics_.add(Diagnostic{Severity::error,
                                {},
                                fmt::format("{} is already declared", what),
                                span,
                                {Note{fmt::format("first declared at {}", first.location()), first}},
                                {}});
  }

  void schemes(const ast::File& file) {
    for (const auto& scheme : file.schemes) {
      const auto clash =
          std::find_if(set_.schemes.begin(), set_.schemes.end(), [&](const auto& s) { return s.id == scheme.id.text; });
      if (clash != set_.schemes.end()) {
        diagnostics_.error(scheme.id.span, fmt::format("evidence scheme '{}' is already declared", scheme.id.text));
        continue;
      }
      model::EvidenceScheme out{scheme.id.text, {}};
      for (const auto& level : scheme.levels) {
        if (std::find(out.levels.begin(), out.levels.end(), level.text) != out.levels.end()) {
          diagnostics_.error(level.span,
                             fmt::format("level '{}' is listed twice in scheme '{}'", level.text, scheme.id.text));
        }
        out.levels.push_back(level.text);
      }
      set_.schemes.push_back(std::move(out));
    }
  }

  void declare_vocabulary(const ast::File& file) {
    for (const auto& decl : file.vocabulary) {
      const Category category = *category_of(decl.category.text);
      auto& vocab = set_.vocab(category);
      if (const auto existing = vocab.find(decl.id.text)) {
        duplicate(decl.id.span, fmt::format("{} '{}'", model::category_name(category), decl.id.text),
                  vocab.at(*existing).span);
        continue;
      }
      if (vocab.size() >= model::max_vocabulary) {
        diagnostics_.error(decl.id.span, fmt::format("too many {} names: at most {} are allowed",
                                                     model::category_name(category), model::max_vocabulary));
        continue;
      }
      model::VocabEntry entry{decl.id.text, decl.label, decl.id.span, {}, decl.category.text == "symptom", {}, {}};
      for (const auto& alias : decl.aliases) {
        if (const auto lists = model::nearness_lists(alias.text)) {
          if (lists->first.empty() || lists->second.empty() || alias.text.find('~') != alias.text.rfind('~')) {
            diagnostics_.error(alias.span, fmt::format("'{}' has one '~' between two lists of phrases, each "
                                                       "separated by '|': write \"lower back|lumbar ~ pain|stiff\"",
                                                       alias.text));
            continue;
          }
          entry.aliases.push_back(alias.text);
          continue;
        }
        if (const auto clash = vocab.lookup(alias.text)) {
          duplicate(alias.span, fmt::format("{} name '{}'", model::category_name(category), alias.text),
                    vocab.at(*clash).span);
          continue;
        }
        entry.aliases.push_back(alias.text);
      }
      vocab.add(std::move(entry));
    }
  }

  void link_vocabulary(const ast::File& file) {
    for (const auto& decl : file.vocabulary) {
      const Category category = *category_of(decl.category.text);
      const auto self = set_.vocab(category).find(decl.id.text);
      if (!self || set_.vocab(category).at(*self).span.line != decl.id.span.line ||
          set_.vocab(category).at(*self).span.file != decl.id.span.file) {
        continue;
      }
      for (const auto& implied : decl.implies) {
        if (const auto target = names_.vocab(category, implied)) {
          set_.vocab(category).mutable_at(*self).closure.set(*target);
        }
      }
      members(decl, category, *self);
      step(decl, category, *self);
    }
  }

  // Transitive closure by repeated widening; vocabularies are small.
  void close_vocabulary() {
    for (auto& vocab : set_.vocabulary) {
      for (bool changed = true; changed;) {
        changed = false;
        for (std::uint16_t i = 0; i < vocab.size(); ++i) {
          model::Bits widened = vocab.at(i).closure;
          for (std::size_t j = 0; j < vocab.size(); ++j) {
            if (vocab.at(i).closure.test(j)) widened |= vocab.at(static_cast<std::uint16_t>(j)).closure;
          }
          if (widened != vocab.at(i).closure) {
            vocab.mutable_at(i).closure = widened;
            changed = true;
          }
        }
      }
    }
  }

  void members(const ast::VocabDecl& decl, Category category, std::uint16_t self) {
    if (decl.includes.empty()) return;
    if (category != Category::muscle_group) {
      diagnostics_.error(decl.includes.front().span, "only a muscle_group lists the muscles it includes",
                         {fmt::format("declare it as: muscle_group {} \"...\" includes ...", decl.id.text)});
      return;
    }
    for (const auto& muscle : decl.includes) {
      if (const auto target = names_.vocab(Category::muscle, muscle)) {
        set_.vocab(category).mutable_at(self).members.set(*target);
      }
    }
  }

  void step(const ast::VocabDecl& decl, Category category, std::uint16_t self) {
    if (!decl.step) return;
    const auto scale = unit_scale(decl.step->unit);
    if (category != Category::equipment || !scale || scale->kind != UnitKind::mass) {
      diagnostics_.error(decl.step->span, "a 'step' is a mass and belongs to equipment",
                         {"write it as: equipment dumbbell \"Dumbbell\" step 2kg"});
      return;
    }
    set_.vocab(category).mutable_at(self).step_kg = decl.step->number * scale->factor;
  }

  void sources(const ast::File& file) {
    for (const auto& decl : file.sources) {
      if (const auto it = source_ids_.find(decl.id.text); it != source_ids_.end()) {
        duplicate(decl.id.span, fmt::format("source '{}'", decl.id.text), it->second);
        continue;
      }
      source_ids_.emplace(decl.id.text, decl.id.span);
      set_.sources.push_back(source(decl));
    }
  }

  model::Source source(const ast::SourceDecl& decl) {
    model::Source out;
    out.id = decl.id.text;
    out.span = decl.id.span;
    std::set<std::string> seen;
    for (const auto& key : decl.field_keys) {
      if (!seen.insert(key.text).second) {
        diagnostics_.error(key.span, fmt::format("source '{}' sets '{}' twice", decl.id.text, key.text));
      }
    }
    for (const auto& [key, value] : decl.fields) text_field(out, key.text) = value.text;
    if (decl.year) {
      if (decl.year->number >= 1000 && decl.year->number <= 2100) {
        out.year = static_cast<int>(decl.year->number);
      } else {
        diagnostics_.error(decl.year->span, "expected a year between 1000 and 2100");
      }
    }
    evidence(decl, out);
    require_source_fields(decl, out);
    return out;
  }

  static std::string& text_field(model::Source& s, const std::string& key) {
    if (key == "author") return s.author;
    if (key == "title") return s.title;
    if (key == "journal") return s.journal;
    if (key == "publisher") return s.publisher;
    if (key == "doi") return s.doi;
    if (key == "url") return s.url;
    if (key == "isbn") return s.isbn;
    return s.note;
  }

  void evidence(const ast::SourceDecl& decl, model::Source& out) {
    if (!decl.scheme) return;
    const auto scheme = std::find_if(set_.schemes.begin(), set_.schemes.end(),
                                     [&](const auto& s) { return s.id == decl.scheme->text; });
    if (scheme == set_.schemes.end()) {
      std::vector<std::string> known;
      for (const auto& s : set_.schemes) known.push_back(s.id);
      names_.unknown(decl.scheme->span, "evidence scheme", decl.scheme->text, known);
      return;
    }
    if (std::find(scheme->levels.begin(), scheme->levels.end(), decl.level->text) == scheme->levels.end()) {
      names_.unknown(decl.level->span, fmt::format("level of evidence scheme '{}'", scheme->id), decl.level->text,
                     scheme->levels);
      return;
    }
    out.scheme = scheme->id;
    out.level = decl.level->text;
  }

  void require_source_fields(const ast::SourceDecl& decl, const model::Source& out) {
    std::vector<std::string> missing;
    if (out.title.empty()) missing.emplace_back("title");
    if (!decl.scheme) missing.emplace_back("evidence");
    if (missing.empty()) return;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    diagnostics_.error(decl.id.span, fmt::format("source '{}' is missing: {}", decl.id.text, list));
  }

  void exercises(const ast::File& file) {
    for (const auto& decl : file.exercises) {
      auto exercise = convert_exercise_decl(decl, names_, diagnostics_);
      if (!exercise) continue;
      std::string clash;
      if (const auto earlier = set_.catalogue.add(std::move(*exercise), &clash)) {
        duplicate(decl.name.span, fmt::format("exercise name '{}'", clash), set_.catalogue.at(*earlier).span);
      }
    }
  }

  void extensions(const ast::File& file) {
    for (const auto& decl : file.extensions) (void)extend_exercise(decl, names_, diagnostics_, set_.catalogue);
  }

  void rules(const ast::File& file) {
    for (const auto& decl : file.rules) {
      if (const auto it = rule_ids_.find(decl.id.text); it != rule_ids_.end()) {
        duplicate(decl.id.span, fmt::format("rule '{}'", decl.id.text), it->second);
        continue;
      }
      rule_ids_.emplace(decl.id.text, decl.id.span);
      if (auto rule = RuleChecker(names_, diagnostics_).check(decl)) set_.rules.push_back(std::move(*rule));
    }
  }

  // Rule ids are known only once every file is read: a rule may supersede one declared after it.
  void supersessions(const ast::File& file) {
    for (const auto& decl : file.rules) {
      const auto self = rule_index(decl.id.text);
      if (!self || set_.rules[*self].span.line != decl.id.span.line ||
          set_.rules[*self].span.file != decl.id.span.file) {
        continue;
      }
      for (const auto& id : decl.supersedes) {
        const auto target = rule_index(id.text);
        if (!target) {
          std::vector<std::string> known;
          for (const auto& r : set_.rules) known.push_back(r.id);
          names_.unknown(id.span, "rule", id.text, known);
        } else if (*target == *self) {
          diagnostics_.error(id.span, fmt::format("rule '{}' cannot supersede itself", id.text));
        } else {
          set_.rules[*self].supersedes.push_back(*target);
        }
      }
    }
  }

  // Two rules that supersede each other, directly or through others, would silence each other.
  void circular_supersessions() {
    std::vector<int> state(set_.rules.size(), 0);  // 0 unvisited, 1 on the path, 2 done
    for (std::uint32_t i = 0; i < set_.rules.size(); ++i) {
      if (state[i] == 0 && on_cycle(i, state)) return;
    }
  }

  // Depth-first, with a stack of its own: a pack may chain thousands of rules.
  bool on_cycle(std::uint32_t start, std::vector<int>& state) {
    std::vector<std::pair<std::uint32_t, std::size_t>> path{{start, 0}};
    state[start] = 1;
    while (!path.empty()) {
      auto& [i, next_edge] = path.back();
      const auto& edges = set_.rules[i].supersedes;
      if (next_edge == edges.size()) {
        state[i] = 2;
        path.pop_back();
        continue;
      }
      const auto next = edges[next_edge++];
      if (state[next] == 1) {
        diagnostics_.error(set_.rules[i].span,
                           fmt::format("rule '{}' supersedes '{}', which supersedes it in turn", set_.rules[i].id,
                                       set_.rules[next].id),
                           {"keep the supersession on the rule that makes the other moot"});
        return true;
      }
      if (state[next] == 0) {
        state[next] = 1;
        path.emplace_back(next, 0);
      }
    }
    return false;
  }

  [[nodiscard]] std::optional<std::uint32_t> rule_index(const std::string& id) {
    if (rule_indices_.size() != set_.rules.size()) {
      rule_indices_.clear();
      for (std::uint32_t i = 0; i < set_.rules.size(); ++i) rule_indices_.emplace(set_.rules[i].id, i);
    }
    const auto it = rule_indices_.find(id);
    return it == rule_indices_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
  }
};

}  // namespace

std::optional<model::RuleSet> check_files(const std::vector<ast::File>& files, Diagnostics& diagnostics,
                                          model::RuleSet base) {
  return Checker(files, diagnostics, std::move(base)).run();
}

}  // namespace liftlint::rules
