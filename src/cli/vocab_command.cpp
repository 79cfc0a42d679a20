#include "cli/vocab_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::cli {
namespace {

const std::vector<std::pair<std::string, VocabularyKind>>& kinds() {
  static const std::vector<std::pair<std::string, VocabularyKind>> all = {
      {"conditions", VocabularyKind::conditions}, {"symptoms", VocabularyKind::symptoms},
      {"kinds", VocabularyKind::kinds},           {"postures", VocabularyKind::postures},
      {"equipment", VocabularyKind::equipment},   {"muscles", VocabularyKind::muscles},
      {"patterns", VocabularyKind::patterns}};
  return all;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    out += out.empty() ? "" : ", ";
    out += i;
  }
  return out;
}

void add_common(CLI::App& command, VocabOptions& o) {
  command.add_option("--rules", o.rules, "Add a rule file or a directory of .rules files (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  command.add_flag("--no-default-rules", o.no_default_rules, "Do not load the built-in rules");
  command.add_option("--format", o.format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

std::string vocab_text(const std::string& name, const std::vector<VocabularyEntry>& entries) {
  std::string out = name + "\n";
  for (const auto& e : entries) {
    out += fmt::format("  {:<32} {}", e.id, e.label);
    if (!e.aliases.empty()) out += fmt::format("; also written {}", joined(e.aliases));
    if (!e.implies.empty()) out += fmt::format("; counts as {}", joined(e.implies));
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json vocab_json(const std::vector<VocabularyEntry>& entries) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    list.push_back({{"id", e.id}, {"label", e.label}, {"aliases", e.aliases}, {"implies", e.implies}});
  }
  return list;
}

std::string exercise_text(const ExerciseInfo& x) {
  std::string out = x.read_as.empty() ? x.name : fmt::format("{} (read as {})", x.name, x.read_as);
  out += fmt::format("\n  pattern {}, posture {}, equipment {}, spinal load {}, impact {}{}{}\n", x.pattern, x.posture,
                     x.equipment.empty() ? "none" : joined(x.equipment), x.spinal_load, x.impact,
                     x.loaded ? ", loaded" : "", x.supported ? ", supported" : "");
  out += fmt::format("  muscles {}\n", joined(x.muscles));
  if (!x.aliases.empty()) out += fmt::format("  also written {}\n", joined(x.aliases));
  if (!x.tags.empty()) out += fmt::format("  tags {}\n", joined(x.tags));
  for (const auto& at : x.extended_at) out += fmt::format("  extended at {}:{}:{}\n", at.file, at.line, at.column);
  return out;
}

nlohmann::ordered_json exercise_json(const ExerciseInfo& x) {
  nlohmann::ordered_json j{
      {"name", x.name},       {"aliases", x.aliases},     {"muscles", x.muscles}, {"pattern", x.pattern},
      {"posture", x.posture}, {"equipment", x.equipment}, {"tags", x.tags},       {"spinal_load", x.spinal_load},
      {"impact", x.impact},   {"supported", x.supported}, {"loaded", x.loaded}};
  if (!x.read_as.empty()) j["read_as"] = x.read_as;
  if (!x.extended_at.empty()) {
    auto places = nlohmann::ordered_json::array();
    for (const auto& at : x.extended_at) places.push_back(fmt::format("{}:{}:{}", at.file, at.line, at.column));
    j["extended_at"] = places;
  }
  return j;
}

}  // namespace

VocabCommands setup_vocab(CLI::App& app, VocabOptions& o) {
  VocabCommands c;
  c.vocab = app.add_subcommand("vocab", "List the names a plan may use: conditions, symptoms, session kinds, ...");
  std::vector<std::string> names;
  for (const auto& [name, kind] : kinds()) names.push_back(name);
  c.vocab->add_option("list", o.kind, "One list: " + joined(names))->check(CLI::IsMember(names));
  add_common(*c.vocab, o);
  c.catalog = app.add_subcommand("catalog", "Search the exercise catalogue by name, alias or words");
  c.catalog->add_option("search", o.search, "Words to look for, such as 'split squat' or 'standing DB OHP'");
  c.catalog->alias("catalogue");
  add_common(*c.catalog, o);
  c.read =
      app.add_subcommand("read", "Show what a plan was read as: its client, weeks, sessions and every line's values");
  c.read->add_option("plans", o.plans, "Plan files (.plan or .json), or - for standard input")->required();
  add_common(*c.read, o);
  return c;
}

int run_read(const VocabOptions& o) {
  auto engine = load_engine(o.rules, o.no_default_rules, true, "never", o.format == "json");
  if (!engine) return exit_input_error;
  std::vector<PlanReading> readings;
  for (const auto& path : o.plans) {
    std::string text;
    if (path == "-") {
      text = read_bounded(STDIN_FILENO, limits::max_file_bytes).value_or("");
    } else {
      std::error_code ec;
      auto read =
          std::filesystem::is_regular_file(path, ec) ? read_bounded(path, limits::max_file_bytes) : std::nullopt;
      if (!read) {
        fmt::print(stderr, "{}: error: cannot read '{}'\n", path, path);
        return exit_input_error;
      }
      text = std::move(*read);
    }
    const auto format = path == "-" ? plan_format_of_text(text) : plan_format_for_path(path);
    readings.push_back(engine->read_text(path == "-" ? "<stdin>" : path, std::move(text), format));
  }
  if (o.format == "json") {
    fmt::print("{}", report::render_reading_json(readings));
  } else {
    for (const auto& r : readings) {
      fmt::print("{}", report::render_reading_text(r));
      for (const auto& e : r.errors) fmt::print(stderr, "{}\n", report::render_problem(e, false));
    }
  }
  const bool errors =
      std::any_of(readings.begin(), readings.end(), [](const PlanReading& r) { return !r.errors.empty(); });
  return errors ? exit_input_error : exit_clean;
}

int run_vocab(const VocabOptions& o) {
  auto engine = load_engine(o.rules, o.no_default_rules, true, "never", o.format == "json");
  if (!engine) return exit_input_error;
  std::string text;
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const auto& [name, kind] : kinds()) {
    if (!o.kind.empty() && o.kind != name) continue;
    const auto entries = engine->vocabulary(kind);
    text += (text.empty() ? "" : "\n") + vocab_text(name, entries);
    json[name] = vocab_json(entries);
  }
  fmt::print("{}", o.format == "json" ? json.dump(2) + "\n" : text);
  return exit_clean;
}

int run_catalog(const VocabOptions& o) {
  auto engine = load_engine(o.rules, o.no_default_rules, true, "never", o.format == "json");
  if (!engine) return exit_input_error;
  std::string search;
  for (const auto& w : o.search) search += (search.empty() ? "" : " ") + w;
  const auto found = engine->catalogue(search);
  if (o.format == "json") {
    auto list = nlohmann::ordered_json::array();
    for (const auto& x : found) list.push_back(exercise_json(x));
    fmt::print("{}\n", list.dump(2));
  } else {
    for (const auto& x : found) fmt::print("{}", exercise_text(x));
    if (found.empty()) fmt::print(stderr, "no exercise in the catalogue matches '{}'\n", search);
  }
  return found.empty() ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
