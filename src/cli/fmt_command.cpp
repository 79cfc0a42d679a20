#include "cli/fmt_command.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "authoring/format.hpp"
#include "cli/common.hpp"
#include "liftlint/config.hpp"
#include "report/report.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::cli {
namespace {

enum class Outcome { unchanged, changed, error };

void print_error(const std::string& path, const std::string& message) {
  fmt::print(stderr, "{}: error: {}\n", report::printable(path), message);
}

Outcome format_file(const std::string& path, const FmtOptions& o) {
  const auto extension = std::filesystem::path(path).extension().string();
  if (extension != ".rules" && extension != ".plan") {
    print_error(path, "expected a .rules or .plan file");
    return Outcome::error;
  }
  const auto kind = extension == ".rules" ? authoring::FileKind::rules : authoring::FileKind::plan;
  struct stat st {};
  // Checked before opening: opening a FIFO would wait for a writer.
  if (::stat(path.c_str(), &st) != 0) {
    print_error(path, fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    return Outcome::error;
  }
  if (!S_ISREG(st.st_mode)) {
    print_error(path, "not a regular file; fmt formats regular files only");
    return Outcome::error;
  }
  auto read = read_bounded(path, limits::max_file_bytes);
  if (!read) {
    print_error(path, fmt::format("cannot read '{}'", path));
    return Outcome::error;
  }
  // A byte order mark is kept as it was: layout is fmt's business, the encoding is not.
  const bool bom = read->rfind("\xEF\xBB\xBF", 0) == 0;
  if (bom) read->erase(0, 3);
  const std::string& before = *read;
  const auto layout = authoring::lay_out(path, before, kind);
  if (!layout.errors.empty()) {
    for (const auto& e : layout.errors) fmt::print(stderr, "{}", report::render_problem(e, use_color(o.color, stderr)));
    return Outcome::error;
  }
  const std::string& after = layout.text;
  if (after == before) return Outcome::unchanged;
  if (layout.changes_meaning) {
    print_error(path, "formatting would change the meaning of this file; it was left as it is");
    return Outcome::error;
  }
  if (o.check) {
    print_diff(path, before, after, "formatted");
    return Outcome::changed;
  }
  if (const auto refusal = rewrite_refusal(path, st); !refusal.empty()) {
    print_error(path, fmt::format("{}; it was left as it is", refusal));
    return Outcome::error;
  }
  if (const auto error = write_output(path, bom ? "\xEF\xBB\xBF" + after : after); !error.empty()) {
    print_error(path, fmt::format("cannot write the formatted file ({}); the original is unchanged", error));
    return Outcome::error;
  }
  fmt::print("formatted {}\n", report::printable(path));
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
  std::vector<Problem> unreadable;
  const auto files = expand_paths(o.files, {".rules", ".plan"}, unreadable);
  print_problems(unreadable, o.color);
  bool changed = false;
  bool error = !unreadable.empty();
  for (const auto& path : files) {
    const auto outcome = format_file(path, o);
    changed = changed || outcome == Outcome::changed;
    error = error || outcome == Outcome::error;
  }
  if (error) return exit_input_error;
  return o.check && changed ? exit_findings : exit_clean;
}

}  // namespace liftlint::cli
