#include "cli/vocab_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/common.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"
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
      auto read = read_bounded(STDIN_FILENO, limits::max_file_bytes);
      if (!read) {
        fmt::print(stderr, "<stdin>: error: cannot read standard input\n");
        return exit_input_error;
      }
      text = std::move(*read);
    } else {
      std::error_code ec;
      auto read =
          std::filesystem::is_regular_file(path, ec) ? read_bounded(path, limits::max_file_bytes) : std::nullopt;
      if (!read) {
        fmt::print(stderr, "{}: error: cannot read '{}'\n", report::printable(path), report::printable(path));
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
      for (const auto& n : r.notes) fmt::print(stderr, "{}\n", report::render_note(n, false));
    }
  }
  const bool errors =
      std::any_of(readings.begin(), readings.end(), [](const PlanReading& r) { return !r.errors.empty(); });
  return errors ? exit_input_error : exit_clean;
}

int run_vocab(const VocabOptions& o) {
  auto engine = load_engine(o.rules, o.no_default_rules, true, "never", o.format == "json");
  if (!engine) return exit_input_error;
  std::vector<VocabularyList> lists;
  for (const auto& [name, kind] : kinds()) {
    if (o.kind.empty() || o.kind == name) lists.push_back(VocabularyList{name, engine->vocabulary(kind)});
  }
  fmt::print("{}", render_vocabulary(lists, o.format == "json"));
  return exit_clean;
}

int run_catalog(const VocabOptions& o) {
  auto engine = load_engine(o.rules, o.no_default_rules, true, "never", o.format == "json");
  if (!engine) return exit_input_error;
  std::string search;
  for (const auto& w : o.search) {
    if (!search.empty()) search += ' ';
    search += w;
  }
  const auto found = engine->catalogue(search);
  fmt::print("{}", render_catalogue(found, o.format == "json"));
  if (found.empty() && o.format != "json") {
    fmt::print(stderr, "no exercise in the catalogue matches '{}'\n", report::printable(search));
  }
  return found.empty() ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
