#include "cli/rules_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include "authoring/explain.hpp"
#include "authoring/pack_check.hpp"
#include "cli/common.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"
#include "report/report.hpp"
#include "support/files.hpp"
#include "support/names.hpp"

namespace liftlint::cli {
namespace {

void add_pack_options(CLI::App& command, PackOptions& o) {
  command.add_option("--rules", o.rules, "Add a rule file or a directory of .rules files (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  command.add_flag("--no-default-rules", o.no_default_rules, "Do not load the built-in rules");
}

// Authors see their draft rules too.
std::unique_ptr<Engine> load(const PackOptions& o, const std::string& color) {
  return load_engine(o.rules, o.no_default_rules, true, color);
}

}  // namespace

RulesCommands setup_rules(CLI::App& app, RulesOptions& o) {
  RulesCommands c;
  c.explain = app.add_subcommand("explain", "Print a rule's documentation: what, why, an example and references");
  c.explain->add_option("rule", o.rule_id, "Rule id, such as bp.rest-between-strength")->required();
  add_pack_options(*c.explain, o.packs);

  auto* rules = app.add_subcommand("rules", "Work with rule packs");
  rules->require_subcommand(1);
  c.list = rules->add_subcommand("list", "List the rules with severity, status, pack and sources");
  c.list->add_option("--pack", o.pack, "Only the rules of this pack (back-pain, or a rule file's name)");
  c.list->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_pack_options(*c.list, o.packs);

  c.doc = rules->add_subcommand("doc", "Write one Markdown page per pack into a directory");
  c.doc->add_option("directory", o.directory, "Where to write the pages, such as docs/rules")->required();
  add_pack_options(*c.doc, o.packs);

  c.check = rules->add_subcommand("check", "Check rule files: errors, unused names, impossible conditions, conflicts");
  c.check->add_option("paths", o.paths, "Rule files or directories; the built-in pack when none is given");
  c.check->add_flag("--no-default-rules", o.packs.no_default_rules, "Do not load the built-in rules");
  c.check->add_option("--color", o.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return c;
}

int run_explain(const RulesOptions& o) {
  const auto engine = load(o.packs, o.color);
  if (!engine) return exit_input_error;
  const auto rules = engine->rules();
  for (const auto& r : rules) {
    if (r.id == o.rule_id) {
      // A rule's text, its sources and its example come from files anyone may have written.
      const auto text = authoring::explain_text(r, authoring::find_example(*engine, r));
      fmt::print("{}", report::printable(text, {true, true, std::numeric_limits<std::size_t>::max()}));
      return exit_clean;
    }
  }
  std::vector<std::string> ids;
  for (const auto& r : rules) ids.push_back(r.id);
  const auto hint = did_you_mean(o.rule_id, ids);
  fmt::print(stderr, "liftlint: error: no rule '{}'{}\n", report::printable(o.rule_id),
             hint.empty() ? std::string() : fmt::format("; {}", report::printable(hint)));
  return exit_input_error;
}

int run_rules_list(const RulesOptions& o) {
  const auto engine = load(o.packs, o.color);
  if (!engine) return exit_input_error;
  auto rules = engine->rules();
  if (!o.pack.empty()) {
    rules.erase(std::remove_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.pack != o.pack; }),
                rules.end());
  }
  fmt::print("{}", render_rule_list(rules, o.format == "json"));
  return exit_clean;
}

int run_rules_doc(const RulesOptions& o) {
  const auto engine = load(o.packs, o.color);
  if (!engine) return exit_input_error;
  std::error_code ec;
  std::filesystem::create_directories(o.directory, ec);
  if (ec) {
    fmt::print(stderr, "liftlint: error: cannot create the directory '{}': {}\n", report::printable(o.directory),
               ec.message());
    return exit_input_error;
  }
  for (const auto& [pack, page] : authoring::pack_pages(*engine)) {
    const auto path = (std::filesystem::path(o.directory) / (pack + ".md")).string();
    // Pages are generated, never edited: a link in their place was put there by someone else, and
    // writing through it would replace whatever it names.
    if (std::error_code ec; std::filesystem::is_symlink(path, ec)) {
      fmt::print(stderr, "liftlint: error: cannot write '{}': it is a symbolic link; remove it first\n",
                 report::printable(path));
      return exit_input_error;
    }
    if (const auto error = write_output(path, page); !error.empty()) {
      fmt::print(stderr, "liftlint: error: cannot write '{}': {}\n", report::printable(path), error);
      return exit_input_error;
    }
    fmt::print("wrote {}\n", report::printable(path));
  }
  return exit_clean;
}

int run_rules_check(const RulesOptions& o) {
  EngineOptions options;
  options.default_rules = !o.packs.no_default_rules;
  options.rule_paths = o.paths;
  options.drafts = true;
  const auto checked = authoring::check_packs(options, !o.paths.empty());
  const bool color = use_color(o.color, stdout);
  const auto& errors = checked.errors;
  if (!errors.empty()) {
    for (const auto& e : errors) fmt::print("{}\n", report::render_problem(e, color));
    fmt::print("{} {}\n", errors.size(), errors.size() == 1 ? "error" : "errors");
    return exit_input_error;
  }
  const auto& warnings = checked.warnings;
  for (const auto& p : warnings) fmt::print("{}\n", report::render_problem(p, color));
  fmt::print("{} rules checked: {} {}\n", checked.rules, warnings.size(),
             warnings.size() == 1 ? "warning" : "warnings");
  return warnings.empty() ? exit_clean : exit_findings;
}

}  // namespace liftlint::cli
