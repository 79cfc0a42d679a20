#include "authoring/rule_tests.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "support/files.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"

namespace liftlint::authoring {
namespace {

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> ids;
  std::stringstream in(list);
  std::string id;
  while (std::getline(in, id, ',')) {
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t\r") + 1);
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

// Reads "# expect: a, b", "# expect-not: c" or both, "# expect: a; expect-not: c", from one line's comment.
void read_line(const std::string& line, unsigned number, std::vector<Expectation>& out) {
  const auto hash = line.find('#');
  if (hash == std::string::npos) return;
  const auto negative = line.find("expect-not:", hash);
  const auto positive = line.find("expect:", hash);
  const auto read = [&](std::size_t at, std::size_t keyword, bool fires) {
    if (at == std::string::npos) return;
    const auto other = fires ? negative : positive;
    const auto end = other != std::string::npos && other > at ? line.find_last_of(';', other) : std::string::npos;
    for (const auto& id :
         split_ids(line.substr(at + keyword, end == std::string::npos ? std::string::npos : end - at - keyword))) {
      out.push_back(Expectation{number, static_cast<unsigned>(at + 1), id, fires});
    }
  };
  read(positive, 7, true);
  read(negative, 11, false);
}

std::optional<std::string> read_text(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  return read_bounded(path, limits::max_file_bytes);
}

void check_rule_names(const Engine& engine, const std::string& path, const std::string& text,
                      const std::vector<Expectation>& expectations, RuleTestResult& result) {
  std::vector<std::string> ids;
  for (const auto& r : engine.rules()) ids.push_back(r.id);
  const std::set<std::string> known(ids.begin(), ids.end());
  // Each error quotes its line: an annotation naming thousands of unknown ids would quote it thousands of times.
  constexpr std::size_t max_unknown = 100;
  std::size_t unknown = 0;
  for (const auto& e : expectations) {
    if (known.count(e.rule) > 0) continue;
    if (++unknown > max_unknown) {
      Problem more{
          Severity::error,
          {},
          fmt::format("more than {} unknown rules in test annotations; the rest are not reported", max_unknown),
          {},
          {},
          {},
          {},
          {}};
      more.location = Location{path, e.line, e.column, 0, {}};
      result.errors.push_back(std::move(more));
      return;
    }
    Problem p{Severity::error, {}, fmt::format("unknown rule '{}' in a test annotation", e.rule), {}, {}, {}, {}, {}};
    std::istringstream lines(text);
    std::string line;
    for (unsigned n = 0; n < e.line && std::getline(lines, line);) ++n;
    p.location = Location{path, e.line, e.column, static_cast<unsigned>(line.size() - e.column + 1), line};
    if (auto hint = did_you_mean(e.rule, ids); !hint.empty()) p.help.push_back(hint);
    result.errors.push_back(std::move(p));
  }
}

using Failures = std::vector<std::pair<unsigned, std::string>>;

void compare(const std::vector<Expectation>& expectations, const PlanReport& report, const std::string& path,
             RuleTestResult& result, Failures& failures) {
  std::map<std::pair<unsigned, std::string>, const Problem*> actual;
  for (const auto& f : report.findings) actual.emplace(std::make_pair(f.location.line, f.rule_id), &f);
  std::set<std::pair<unsigned, std::string>> expected;
  for (const auto& e : expectations) {
    const auto key = std::make_pair(e.line, e.rule);
    const bool fired = actual.count(key) > 0;
    if (e.fires) expected.insert(key);
    if (e.fires && fired) result.fired.insert(e.rule);
    if (e.fires && !fired) failures.emplace_back(e.line, fmt::format("{}:{}: missing {}", path, e.line, e.rule));
    if (!e.fires && fired) {
      failures.emplace_back(
          e.line, fmt::format("{}:{}: {} fired but must not: {}", path, e.line, e.rule, actual.at(key)->message));
    }
  }
  for (const auto& entry : actual) {
    const auto& [line, rule] = entry.first;
    if (expected.count(entry.first) > 0) continue;
    const bool forbidden = std::any_of(expectations.begin(), expectations.end(), [&](const Expectation& e) {
      return !e.fires && e.line == entry.first.first && e.rule == entry.first.second;
    });
    if (!forbidden) {
      failures.emplace_back(line, fmt::format("{}:{}: unexpected {}: {}", path, line, rule, entry.second->message));
    }
  }
}

}  // namespace

std::vector<Expectation> read_expectations(const std::string& text) {
  std::vector<Expectation> out;
  std::istringstream lines(text);
  std::string line;
  unsigned number = 0;
  while (std::getline(lines, line)) read_line(line, ++number, out);
  return out;
}

RuleTestResult run_rule_test(const Engine& engine, const std::string& path) {
  RuleTestResult result{path, {}, {}, {}};
  auto text = read_text(path);
  if (!text) {
    result.errors.push_back(Problem{Severity::error,
                                    {},
                                    fmt::format("cannot read test plan '{}'", path),
                                    Location{path, 0, 0, 0, {}},
                                    {},
                                    {},
                                    {},
                                    {}});
    return result;
  }
  const auto expectations = read_expectations(*text);
  check_rule_names(engine, path, *text, expectations, result);
  if (!result.errors.empty()) return result;
  const auto report = engine.check_text(path, *text, plan_format_for_path(path));
  result.errors = report.errors;
  if (!result.errors.empty()) return result;
  Failures failures;
  compare(expectations, report, path, result, failures);
  std::stable_sort(failures.begin(), failures.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, text] : failures) result.failures.push_back(std::move(text));
  return result;
}

}  // namespace liftlint::authoring
