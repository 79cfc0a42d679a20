// Command-line entry point: parses arguments and dispatches to a subcommand.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli/check_command.hpp"
#include "cli/common.hpp"
#include "cli/completions.hpp"
#include "cli/fmt_command.hpp"
#include "cli/rules_command.hpp"
#include "cli/test_command.hpp"
#include "cli/vocab_command.hpp"
#include "liftlint/liftlint.hpp"
#include "lsp/server.hpp"
#include "report/report.hpp"

namespace {

// A closed standard descriptor would be taken by the first file the run opens, so a report meant for a
// file could end on the terminal or a temporary file in the report. Each closed one is held by /dev/null,
// opened the wrong way round (input for writing, output for reading), so that using it still fails and
// the run can say so.
void hold_closed_standard_descriptors() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      const int held = open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
      if (held != fd && held >= 0) close(held);  // a lower descriptor was free: nothing else can be taken
    }
  }
}

// A run whose output could not be written has not done what was asked, whatever it found.
int finished(int code) {
  if (std::fflush(stdout) == 0 && std::ferror(stdout) == 0) return code;
  std::fprintf(stderr, "liftlint: error: cannot write to standard output: %s\n", std::strerror(errno));
  return liftlint::cli::exit_input_error;
}

// Building every subcommand's options is a good part of a short run, so a run whose first word names a
// subcommand builds that one alone. Anything else (help, a typo, the completion scripts) gets them all.
class Wanted {
 public:
  Wanted(int argc, char** argv) {
    static constexpr std::array<std::string_view, 10> alone{"check",  "test",  "explain", "rules", "fmt",
                                                            "config", "vocab", "catalog", "read",  "lsp"};
    const std::string_view first = argc > 1 ? argv[1] : "";
    if (std::find(alone.begin(), alone.end(), first) != alone.end()) named_ = first;
  }
  [[nodiscard]] bool operator()(std::string_view name) const { return named_.empty() || named_ == name; }

 private:
  std::string_view named_;
};

bool parsed(const CLI::App* command) { return command != nullptr && command->parsed(); }

// `--stdio` is accepted for the clients that pass it; standard input and output is the only transport.
CLI::App* setup_lsp(CLI::App& app, liftlint::lsp::ServerOptions& options, bool& stdio) {
  auto* command =
      app.add_subcommand("lsp", "Run a Language Server Protocol server on standard input and output, for editors");
  command->add_option("--today", options.today, "Compare waiver expiry dates with this date")->type_name("YYYY-MM-DD");
  command->add_flag("--stdio", stdio,
                    "Talk over standard input and output (the only transport; for clients that pass it)");
  return command;
}

int parse_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  fmt::print(stderr, "liftlint: error: {}\n{}Run 'liftlint --help' for usage.\n", liftlint::report::printable(e.what()),
             liftlint::cli::subcommand_hint(app, argc, argv));
  return liftlint::cli::exit_input_error;
}

int run(int argc, char** argv) {
  CLI::App app{"liftlint: checks workout plans against cited exercise guidelines", "liftlint"};
  app.set_version_flag("--version", std::string("liftlint ") + liftlint::version());
  app.require_subcommand(1);
  app.footer("Run 'liftlint check --help' for the options of a subcommand.");
  const Wanted wanted(argc, argv);
  liftlint::cli::CheckOptions check;
  if (wanted("check")) liftlint::cli::setup_check(app, check);
  liftlint::cli::TestOptions test;
  if (wanted("test")) liftlint::cli::setup_test(app, test);
  liftlint::cli::RulesOptions rules;
  liftlint::cli::RulesCommands rules_commands{};
  if (wanted("rules") || wanted("explain")) rules_commands = liftlint::cli::setup_rules(app, rules);
  liftlint::cli::FmtOptions fmt_options;
  if (wanted("fmt")) liftlint::cli::setup_fmt(app, fmt_options);
  liftlint::cli::ConfigShowOptions config_show;
  auto* config_show_command = wanted("config") ? liftlint::cli::setup_config(app, config_show) : nullptr;
  liftlint::cli::VocabOptions vocab;
  liftlint::cli::VocabCommands vocab_commands{};
  if (wanted("vocab") || wanted("catalog") || wanted("read")) vocab_commands = liftlint::cli::setup_vocab(app, vocab);
  liftlint::cli::CompletionOptions completions;
  auto* completions_command = wanted("completions") ? liftlint::cli::setup_completions(app, completions) : nullptr;
  liftlint::lsp::ServerOptions lsp_options;
  bool stdio = true;
  auto* lsp_command = wanted("lsp") ? setup_lsp(app, lsp_options, stdio) : nullptr;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return parse_error(app, e, argc, argv);
  }
  if (wanted("check") && app.got_subcommand("check")) return liftlint::cli::run_check(check);
  if (wanted("test") && app.got_subcommand("test")) return liftlint::cli::run_test(test);
  if (wanted("fmt") && app.got_subcommand("fmt")) return liftlint::cli::run_fmt(fmt_options);
  if (parsed(config_show_command)) return liftlint::cli::run_config_show(config_show);
  if (parsed(rules_commands.explain)) return liftlint::cli::run_explain(rules);
  if (parsed(rules_commands.list)) return liftlint::cli::run_rules_list(rules);
  if (parsed(rules_commands.doc)) return liftlint::cli::run_rules_doc(rules);
  if (parsed(rules_commands.check)) return liftlint::cli::run_rules_check(rules);
  if (parsed(vocab_commands.vocab)) return liftlint::cli::run_vocab(vocab);
  if (parsed(vocab_commands.catalog)) return liftlint::cli::run_catalog(vocab);
  if (parsed(vocab_commands.read)) return liftlint::cli::run_read(vocab);
  if (parsed(completions_command)) return liftlint::cli::run_completions(app, completions);
  if (parsed(lsp_command)) return liftlint::lsp::serve(std::cin, std::cout, lsp_options);
  return liftlint::cli::exit_input_error;
}

}  // namespace

int main(int argc, char** argv) {
  hold_closed_standard_descriptors();
  try {
    return finished(run(argc, argv));
  } catch (const std::exception& e) {
    // a write to a full disk, a closed pipe or a closed terminal: said once, if anything can still be said
    std::fprintf(stderr, "liftlint: error: %s\n", liftlint::report::printable(e.what()).c_str());
    return liftlint::cli::exit_input_error;
  }
}
