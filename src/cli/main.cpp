// Command-line entry point: parses arguments and dispatches to a subcommand.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

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

int run(int argc, char** argv) {
  CLI::App app{"liftlint: checks workout plans against cited exercise guidelines", "liftlint"};
  app.set_version_flag("--version", std::string("liftlint ") + liftlint::version());
  app.require_subcommand(1);
  app.footer("Run 'liftlint check --help' for the options of a subcommand.");
  liftlint::cli::CheckOptions check;
  liftlint::cli::setup_check(app, check);
  liftlint::cli::TestOptions test;
  liftlint::cli::setup_test(app, test);
  liftlint::cli::RulesOptions rules;
  const auto rules_commands = liftlint::cli::setup_rules(app, rules);
  liftlint::cli::FmtOptions fmt_options;
  liftlint::cli::setup_fmt(app, fmt_options);
  liftlint::cli::ConfigShowOptions config_show;
  auto* config_show_command = liftlint::cli::setup_config(app, config_show);
  liftlint::cli::VocabOptions vocab;
  const auto vocab_commands = liftlint::cli::setup_vocab(app, vocab);
  liftlint::cli::CompletionOptions completions;
  auto* completions_command = liftlint::cli::setup_completions(app, completions);
  liftlint::lsp::ServerOptions lsp_options;
  auto* lsp_command =
      app.add_subcommand("lsp", "Run a Language Server Protocol server on standard input and output, for editors");
  lsp_command->add_option("--today", lsp_options.today, "Compare waiver expiry dates with this date")
      ->type_name("YYYY-MM-DD");
  bool stdio = true;
  lsp_command->add_flag("--stdio", stdio,
                        "Talk over standard input and output (the only transport; for clients that pass it)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "liftlint: error: {}\n{}Run 'liftlint --help' for usage.\n",
               liftlint::report::printable(e.what()), liftlint::cli::subcommand_hint(app, argc, argv));
    return liftlint::cli::exit_input_error;
  }
  if (app.got_subcommand("check")) return liftlint::cli::run_check(check);
  if (app.got_subcommand("test")) return liftlint::cli::run_test(test);
  if (app.got_subcommand("fmt")) return liftlint::cli::run_fmt(fmt_options);
  if (config_show_command->parsed()) return liftlint::cli::run_config_show(config_show);
  if (rules_commands.explain->parsed()) return liftlint::cli::run_explain(rules);
  if (rules_commands.list->parsed()) return liftlint::cli::run_rules_list(rules);
  if (rules_commands.doc->parsed()) return liftlint::cli::run_rules_doc(rules);
  if (rules_commands.check->parsed()) return liftlint::cli::run_rules_check(rules);
  if (vocab_commands.vocab->parsed()) return liftlint::cli::run_vocab(vocab);
  if (vocab_commands.catalog->parsed()) return liftlint::cli::run_catalog(vocab);
  if (vocab_commands.read->parsed()) return liftlint::cli::run_read(vocab);
  if (completions_command->parsed()) return liftlint::cli::run_completions(app, completions);
  if (lsp_command->parsed()) return liftlint::lsp::serve(std::cin, std::cout, lsp_options);
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
