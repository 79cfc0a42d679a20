#include "authoring/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/embedded.hpp"
#include "authoring/rule_tests.hpp"
#include "report/report.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::authoring {
namespace {

using TestFile = std::pair<std::string, std::string>;  // path, text

// Where a rule's tests live: the built-in pack's embedded folder, or tests/ beside the rule's file.
std::string test_folder(const RuleInfo& rule) {
  if (rule.builtin) return "builtin/" + rule.pack + "/tests/";
  return (std::filesystem::path(rule.location.file).parent_path() / "tests").string();
}

std::vector<TestFile> tests_in(const RuleInfo& rule) {
  std::vector<TestFile> out;
  const auto folder = test_folder(rule);
  if (rule.builtin) {
    for (const auto& f : embedded_rule_files()) {
      if (std::string(f.path).rfind(folder, 0) == 0) out.emplace_back(f.path, std::string(f.text));
    }
  } else {
    std::vector<WalkProblem> unreadable;  // an example that cannot be read is simply not shown
    for (const auto& path : files_under(folder, {".plan"}, unreadable)) {
      if (auto text = read_bounded(path, limits::max_file_bytes)) out.emplace_back(path, std::move(*text));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string strip_annotation(std::string line) {
  const auto at = line.find("# expect");
  if (at == std::string::npos) return line;
  line.erase(at);
  line.erase(line.find_last_not_of(" \t") + 1);
  return line;
}

// The plan around `line`: the whole plan when it is short, else a window.
std::string excerpt(const std::string& text, unsigned line) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(strip_annotation(l));
  const std::size_t window = 8;
  std::size_t first = 0, last = lines.size();
  if (lines.size() > 2 * window + 1) {
    first = line > window + 1 ? line - window - 1 : 0;
    last = std::min(lines.size(), static_cast<std::size_t>(line) + window);
  }
  std::string out;
  for (std::size_t i = first; i < last; ++i) out += lines[i] + "\n";
  return out;
}

std::string evidence_suffix(const Citation& c) {
  std::string out;
  if (!c.locator.empty()) out += fmt::format(" ({})", c.locator);
  if (!c.evidence.empty()) out += fmt::format(" [evidence: {}]", c.evidence);
  return out;
}

std::string lifecycle(const RuleInfo& r) {
  std::string out = name_of(r.status);
  if (!r.version.empty()) out += fmt::format(", version {}", r.version);
  if (!r.reviewed.empty()) out += fmt::format(", last reviewed {}", r.reviewed);
  return out;
}

std::string indent(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out += l.empty() ? "\n" : "    " + l + "\n";
  return out;
}

}  // namespace

ExampleFinder::ExampleFinder(const Engine& engine) : engine_(engine) {}
ExampleFinder::~ExampleFinder() = default;

ExampleFinder::Folder& ExampleFinder::folder_of(const RuleInfo& rule) {
  const auto [at, added] = folders_.try_emplace(test_folder(rule));
  if (!added) return at->second;
  for (auto& [path, text] : tests_in(rule)) {
    const auto index = at->second.tests.size();
    TestPlan test{std::move(path), std::move(text), {}, false};
    for (const auto& e : read_expectations(test.text)) {
      if (!e.fires) continue;
      at->second.expected[e.rule].push_back({index, e.line});
      test.shown.emplace(std::pair{e.rule, e.line}, std::nullopt);
    }
    at->second.tests.push_back(std::move(test));
  }
  return at->second;
}

// Checks a test plan once, keeping only the findings its annotations expect: a test plan may have
// hundreds of findings, and every rule's example is looked for in the same few plans.
void ExampleFinder::check_once(TestPlan& test) {
  if (test.checked) return;
  test.checked = true;
  for (auto& f : engine_.check_text(test.path, test.text, plan_format_for_path(test.path)).findings) {
    const auto wanted = test.shown.find(std::pair{f.rule_id, f.location.line});
    if (wanted == test.shown.end() || wanted->second) continue;
    f.location.line_text = strip_annotation(f.location.line_text);
    wanted->second = std::move(f);
  }
}

std::optional<RuleExample> ExampleFinder::find(const RuleInfo& rule) {
  auto& folder = folder_of(rule);
  const auto expected = folder.expected.find(rule.id);
  if (expected == folder.expected.end()) return std::nullopt;
  for (const auto& [index, line] : expected->second) {
    auto& test = folder.tests[index];
    check_once(test);
    if (const auto& shown = test.shown.at(std::pair{rule.id, line})) {
      return RuleExample{test.path, excerpt(test.text, line), *shown};
    }
  }
  return std::nullopt;
}

std::optional<RuleExample> find_example(const Engine& engine, const RuleInfo& rule) {
  return ExampleFinder(engine).find(rule);
}

// Which rules this one silences, and which silence it, for the clients they apply to.
static std::string precedence(const RuleInfo& r, const char* bullet) {
  std::string out;
  const auto list = [](const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
  };
  if (!r.supersedes.empty()) {
    out += fmt::format(
        "{}When it applies to a client, it supersedes: {}. Their findings are reported as superseded, "
        "not as violations.\n",
        bullet, list(r.supersedes));
  }
  if (!r.superseded_by.empty()) {
    out += fmt::format("{}Superseded by {} for the clients that rule applies to.\n", bullet, list(r.superseded_by));
  }
  return out;
}

std::string explain_text(const RuleInfo& r, const std::optional<RuleExample>& example) {
  const char* severity = name_of(r.severity);
  std::string out = fmt::format("{} ({}, {})\n", r.id, severity, lifecycle(r));
  out += fmt::format("pack {}, declared at {}:{}\n\n", report::printable(r.pack), report::printable(r.location.file),
                     r.location.line);
  out += "What it checks:\n" + indent(r.text) + "\n";
  if (!r.doc.empty()) out += "Why:\n" + indent(r.doc) + "\n";
  if (const auto p = precedence(r, "    "); !p.empty()) out += "Precedence:\n" + p + "\n";
  if (example) {
    out += fmt::format("Example (from {}):\n{}\n", report::printable(example->path), indent(example->excerpt));
    out += indent(report::render_problem(example->finding, false)) + "\n";
  }
  out += "References:\n";
  for (const auto& c : r.citations) out += fmt::format("    - {}{}\n", c.reference, evidence_suffix(c));
  return out;
}

std::string explain_markdown(const RuleInfo& r, const std::optional<RuleExample>& example) {
  const char* severity = name_of(r.severity);
  std::string out = fmt::format("## {}\n\nSeverity: {}. Status: {}.\n\n", r.id, severity, lifecycle(r));
  if (!r.doc.empty()) out += fmt::format("{}\n\n", r.doc);
  out += fmt::format("### What it checks\n\n```text\n{}\n```\n\n", r.text);
  if (const auto p = precedence(r, "- "); !p.empty()) out += "### Precedence\n\n" + p + "\n";
  if (example) {
    out += fmt::format("### Example\n\nFrom `{}`:\n\n```text\n{}```\n\nreports:\n\n```text\n{}```\n\n",
                       report::printable(example->path), example->excerpt,
                       report::render_problem(example->finding, false));
  }
  out += "### References\n\n";
  for (const auto& c : r.citations) out += fmt::format("- {}{}\n", c.reference, evidence_suffix(c));
  return out + "\n";
}

std::map<std::string, std::string> pack_pages(const Engine& engine) {
  std::map<std::string, std::string> pages;
  ExampleFinder examples(engine);
  for (const auto& r : engine.rules()) {
    auto [page, added] = pages.try_emplace(r.pack);
    if (added)
      page->second = fmt::format("# Rules of the {} pack\n\nGenerated by `liftlint rules doc`; do not edit.\n\n",
                                 report::printable(r.pack));
    page->second += explain_markdown(r, examples.find(r));
  }
  return pages;
}

}  // namespace liftlint::authoring
