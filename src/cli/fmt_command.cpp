#include "cli/fmt_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/convert.hpp"
#include "authoring/format.hpp"
#include "cli/common.hpp"
#include "plan/parser.hpp"
#include "report/report.hpp"
#include "rules/parser.hpp"

namespace liftlint::cli {
namespace {

enum class Outcome { unchanged, changed, error };

// Diagnostics point into `file`, so it must outlive them.
bool parses(const SourceFile& file, authoring::FileKind kind, Diagnostics& diagnostics) {
  // A plan is read on past a bad line, so its errors, not the result, say whether it can be laid out.
  return kind == authoring::FileKind::rules
             ? rules::parse_rule_file(file, diagnostics).has_value()
             : plan::parse_plan_file(file, diagnostics).has_value() && !diagnostics.has_errors();
}

void print_error(const std::string& path, const std::string& message) {
  fmt::print(stderr, "{}: error: {}\n", path, message);
}

Outcome format_file(const std::string& path, const FmtOptions& o) {
  const auto extension = std::filesystem::path(path).extension().string();
  if (extension != ".rules" && extension != ".plan") {
    print_error(path, "expected a .rules or .plan file");
    return Outcome::error;
  }
  const auto kind = extension == ".rules" ? authoring::FileKind::rules : authoring::FileKind::plan;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    print_error(path, fmt::format("cannot read '{}'", path));
    return Outcome::error;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const SourceFile original{path, buffer.str()};
  const std::string& before = original.text;
  Diagnostics diagnostics;
  if (!parses(original, kind, diagnostics)) {
    for (const auto& d : diagnostics.items()) {
      fmt::print(stderr, "{}", report::render_problem(problem_of(d), use_color(o.color, stderr)));
    }
    return Outcome::error;
  }
  const std::string after = authoring::format_text(before, kind);
  if (after == before) return Outcome::unchanged;
  Diagnostics again;
  const SourceFile formatted{path, after};
  if (authoring::without_space(after) != authoring::without_space(before) || !parses(formatted, kind, again)) {
    print_error(path, "formatting would change the meaning of this file; it was left as it is");
    return Outcome::error;
  }
  if (o.check) {
    fmt::print("{}", authoring::unified_diff(path, before, after));
    return Outcome::changed;
  }
  if (!write_atomically(path, after)) {
    print_error(path, "cannot write the formatted file; the original is unchanged");
    return Outcome::error;
  }
  fmt::print("formatted {}\n", path);
  return Outcome::changed;
}

}  // namespace

void setup_fmt(CLI::App& app, FmtOptions& o) {
  auto* command = app.add_subcommand("fmt", "Give rule and plan files one canonical layout");
  command->add_option("files", o.files, "Files, or directories searched for .rules and .plan files")->required();
  command->add_flag("--check", o.check, "Change nothing; show a diff and exit 1 when a file is not formatted");
  command->add_option("--color", o.color, "Colour error output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

int run_fmt(const FmtOptions& o) {
  std::vector<std::string> files = expand_paths(o.files, {".rules"});
  const auto plans = expand_paths(o.files, {".plan"});
  for (const auto& p : plans) {
    if (std::find(files.begin(), files.end(), p) == files.end()) files.push_back(p);
  }
  bool changed = false;
  bool error = false;
  for (const auto& path : files) {
    const auto outcome = format_file(path, o);
    changed = changed || outcome == Outcome::changed;
    error = error || outcome == Outcome::error;
  }
  if (error) return exit_input_error;
  return o.check && changed ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
