// The notation corpus: single lines as trainers type them, each with what it means, field by field.
// tests/notation/lines.txt says how the file is written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "support/units.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Pack& pack() {
  static const auto loaded = load_pack(default_pack, {});
  return *loaded;
}

struct Case {
  std::string line;
  std::map<std::string, std::string> fields;
  int source_line = 0;
};

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::vector<Case> corpus(const std::string& name) {
  std::ifstream in(std::string(LIFTLINT_SOURCE_DIR) + "/tests/notation/" + name);
  std::vector<Case> out;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (trim(text).empty() || text[0] == '#') continue;
    const auto arrow = text.find("  =>  ");
    if (arrow == std::string::npos) {
      ADD_FAILURE() << name << ":" << number << ": no '  =>  ' separator";
      continue;
    }
    Case c{text.substr(0, arrow), {}, number};
    std::stringstream fields(text.substr(arrow + 6));
    for (std::string field; std::getline(fields, field, '|');) {
      field = trim(field);
      const auto eq = field.find('=');
      if (eq == std::string::npos) {
        c.fields[field] = "yes";
      } else {
        c.fields[field.substr(0, eq)] = field.substr(eq + 1);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s << std::round(v * 1000) / 1000;
  return s.str();
}

std::string range(double low, double high) { return low == high ? number(low) : number(low) + "-" + number(high); }

std::string list(const std::vector<double>& values, double scale = 1) {
  std::string out;
  for (const auto v : values) {
    out += out.empty() ? "" : "/";
    out += number(v * scale);
  }
  return out;
}

double scale_of(const std::string& unit) {
  const auto s = unit_scale(unit);
  return s ? s->factor : 1;
}

// The corpus writes pounds as `45lb`; everything else as the number the reader gives.
std::string expected_value(const std::string& key, const std::string& value) {
  if (key == "load" && value.ends_with("lb")) {
    const auto pounds = value.substr(0, value.size() - 2);
    std::string out;
    std::stringstream parts(pounds);
    for (std::string part; std::getline(parts, part, '/');) {
      const auto dash = part.find('-', 1);
      const auto low = std::stod(part.substr(0, dash)) * 0.45359237;
      const auto high = dash == std::string::npos ? low : std::stod(part.substr(dash + 1)) * 0.45359237;
      out += out.empty() ? "" : "/";
      out += range(low, high);
    }
    return out;
  }
  if (key == "note" || key == "exercise" || key == "band" || key == "tempo" || key == "group" || key == "side" ||
      key == "posture" || key == "equipment") {
    return value;
  }
  // numbers and ranges, normalised the way `range` prints them
  std::string out;
  std::stringstream parts(value);
  for (std::string part; std::getline(parts, part, '/');) {
    const auto dash = part.find('-', 1);
    try {
      const auto low = std::stod(part.substr(0, dash));
      const auto high = dash == std::string::npos ? low : std::stod(part.substr(dash + 1));
      out += out.empty() ? "" : "/";
      out += range(low, high);
    } catch (const std::exception&) {
      return value;
    }
  }
  return out;
}

// What the reader understood, in the corpus's terms.
std::map<std::string, std::string> reading(const plan::ast::Line& a, const plan::Line& m, const model::RuleSet& rules) {
  std::map<std::string, std::string> r;
  r["exercise"] = m.exercise->name;
  if (a.sets) r["sets"] = range(a.sets->low, a.sets->high);
  const bool timed = a.reps && unit_scale(a.reps->unit) && unit_scale(a.reps->unit)->kind == UnitKind::time;
  if (a.reps && !timed) r["reps"] = a.reps_list.empty() ? range(a.reps->low, a.reps->high) : list(a.reps_list);
  if (timed) r["hold"] = range(a.reps->low * scale_of(a.reps->unit), a.reps->high * scale_of(a.reps->unit));
  for (const auto& q : a.amounts) {
    const auto kind = unit_scale(q.unit);
    if (kind && kind->kind == UnitKind::time) r["hold"] = range(q.low * kind->factor, q.high * kind->factor);
    if (kind && kind->kind == UnitKind::percent) r["percent"] = range(q.low, q.high);
    if (kind && kind->kind == UnitKind::mass) r["load"] = range(q.low * kind->factor, q.high * kind->factor);
  }
  if (a.amrap) r["amrap"] = "yes";
  if (a.distance)
    r["distance"] = range(a.distance->low * scale_of(a.distance->unit), a.distance->high * scale_of(a.distance->unit));
  if (a.load) {
    const auto f = scale_of(a.load->unit);
    r["load"] = a.load_list.empty() ? range(a.load->low * f, a.load->high * f) : list(a.load_list, f);
  }
  if (a.implements > 0) r["implements"] = std::to_string(a.implements);
  if (a.bodyweight) r["bodyweight"] = "yes";
  if (!a.band.empty()) r["band"] = a.band;
  if (a.rpe) r["rpe"] = range(a.rpe->low, a.rpe->high);
  if (a.rir) r["rir"] = range(a.rir->low, a.rir->high);
  if (a.tempo) r["tempo"] = a.tempo->text;
  if (a.rest) r["rest"] = range(a.rest->low * scale_of(a.rest->unit), a.rest->high * scale_of(a.rest->unit));
  if (a.each_side) r["side"] = "yes";
  if (a.alternating) r["side"] = "alt";
  if (!a.group.empty()) r["group"] = a.group;
  std::string notes;
  for (const auto& n : a.notes) {
    notes += notes.empty() ? "" : "; ";
    notes += n;
  }
  if (!notes.empty()) r["note"] = notes;
  if (m.posture != m.exercise->posture) r["posture"] = rules.vocab(model::Category::posture).at(m.posture).id;
  if (m.equipment != m.exercise->equipment) {
    for (std::uint16_t i = 0; i < rules.vocab(model::Category::equipment).size(); ++i) {
      if (m.equipment.test(i) && !m.exercise->equipment.test(i)) {
        r["equipment"] = rules.vocab(model::Category::equipment).at(i).id;
        break;
      }
    }
  }
  return r;
}

struct Outcome {
  bool ok = true;
  std::string message;
};

Outcome check_case(const Case& c) {
  const std::string text = "Monday strength\n" + c.line + "\n";
  const SourceFile file{"line.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  std::optional<plan::Plan> resolved;
  if (parsed) resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  const auto errors = render(diagnostics);
  if (c.fields.count("error") > 0) {
    if (!diagnostics.has_errors()) return {false, "read without an error, but the corpus says it must be refused"};
    const auto hint = c.fields.find("hint");
    if (hint != c.fields.end() && errors.find(hint->second) == std::string::npos) {
      return {false, "the error does not mention '" + hint->second + "':\n" + errors};
    }
    return {};
  }
  if (diagnostics.has_errors()) return {false, "refused:\n" + errors};
  const auto& days = parsed->loose_days;
  if (days.empty() || days.front().blocks.empty() || days.front().blocks.front().lines.size() != 1 || !resolved ||
      resolved->blocks.empty() || resolved->blocks.front().sessions.empty() ||
      resolved->blocks.front().sessions.front().lines.size() != 1) {
    return {false, "not read as exactly one exercise line in the session"};
  }
  const auto got = reading(days.front().blocks.front().lines.front(),
                           resolved->blocks.front().sessions.front().lines.front(), *pack().rules);
  std::string diff;
  for (const auto& [key, value] : c.fields) {
    const auto it = got.find(key);
    const auto want = expected_value(key, value);
    if (it == got.end()) {
      diff += "  " + key + ": expected " + want + ", not read\n";
    } else if (it->second != want) {
      diff += "  " + key + ": expected " + want + ", read " + it->second + "\n";
    }
  }
  for (const auto& [key, value] : got) {
    if (c.fields.count(key) == 0) diff += "  " + key + ": read " + value + ", which the corpus does not give\n";
  }
  if (!diff.empty()) return {false, diff};
  return {};
}

class NotationCorpus : public ::testing::TestWithParam<const char*> {};

// Two corpora written apart from each other, each line with what its writer meant.
TEST_P(NotationCorpus, EveryLineReadsAsTheTrainerMeant) {
  const std::string name = GetParam();
  const auto cases = corpus(name);
  ASSERT_GE(cases.size(), 400U);
  std::size_t failed = 0;
  std::string report;
  for (const auto& c : cases) {
    const auto outcome = check_case(c);
    if (outcome.ok) continue;
    ++failed;
    report += name + ":" + std::to_string(c.source_line) + ": " + c.line + "\n" + outcome.message + "\n";
  }
  EXPECT_EQ(failed, 0U) << failed << " of " << cases.size() << " lines misread:\n" << report;
}

INSTANTIATE_TEST_SUITE_P(Files, NotationCorpus, ::testing::Values("lines.txt", "more-lines.txt"));

// Forms an older, stricter reader refused; each now reads without an input error.
TEST(NotationForms, FormsOnceRefusedNowRead) {
  const auto dir = std::string(LIFTLINT_SOURCE_DIR) + "/tests/notation/once-refused";
  int code = 0;
  const auto out = run_cli("check " + dir + " --color never --format json", code, false);
  EXPECT_NE(code, 2) << out;
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

// Line-located findings of a JSON report: rule and line.
std::vector<std::pair<std::string, int>> located(const std::string& json_report) {
  std::vector<std::pair<std::string, int>> out;
  const auto doc = nlohmann::json::parse(json_report);
  for (const auto& f : doc["plans"][0]["findings"]) out.emplace_back(f["rule"], f["location"]["line"].get<int>());
  return out;
}

// The old-school back day, with bad lines of every kind written into its sessions before the lines that
// have findings: each bad line is one error, and every finding of a good line is still reported.
std::string with_bad_lines(int count, std::vector<int>& bad_lines) {
  const auto original = read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/flawed-avoid.plan");
  static const std::vector<std::string> kinds = {"    Zorgblat press 3x10", "    Goblet squat 3x10 @ 6",
                                                 "    Glute bridge 3x",     "    Plank 3 x 1:75",
                                                 "    Deadbug 3x10 rest",   "    Hip thrust 3 sets of"};
  std::string out;
  std::istringstream in(original);
  int line = 0;
  int added = 0;
  for (std::string text; std::getline(in, text);) {
    // before every exercise line of the first session, several bad lines
    if (text.find("Deadlift") != std::string::npos || text.find("Sit-ups") != std::string::npos) {
      const int here = text.find("Deadlift") != std::string::npos ? (count + 1) / 2 : count / 2;
      for (int k = 0; k < here; ++k, ++added) {
        out += kinds[static_cast<std::size_t>(added) % kinds.size()] + "\n";
        bad_lines.push_back(++line);
      }
    }
    out += text + "\n";
    ++line;
  }
  return out;
}

class Recovery : public ::testing::TestWithParam<int> {};

TEST_P(Recovery, EveryBadLineIsAnErrorAndEveryGoodFindingStays) {
  TempDir dir;
  int code = 0;
  const auto clean = located(run_cli("check examples/flawed-avoid.plan --format json", code, false));
  ASSERT_FALSE(clean.empty());
  std::vector<int> bad_lines;
  dir.write("plan.plan", with_bad_lines(GetParam(), bad_lines));
  const auto path = dir.path() + "/plan.plan";
  const auto doc = nlohmann::json::parse(run_cli("check " + path + " --format json", code, false));
  EXPECT_EQ(code, 2);
  const auto& plan = doc["plans"][0];
  ASSERT_EQ(plan["errors"].size(), bad_lines.size()) << plan["errors"].dump(2);
  for (std::size_t i = 0; i < bad_lines.size(); ++i) {
    EXPECT_EQ(plan["errors"][i]["location"]["line"].get<int>(), bad_lines[i]) << plan["errors"][i].dump();
  }
  // The findings of the good lines, at their shifted lines: same rules in the same order.
  std::vector<std::string> rules_now;
  for (const auto& f : plan["findings"]) rules_now.push_back(f["rule"]);
  std::vector<std::string> rules_before;
  for (const auto& [rule, line] : clean) rules_before.push_back(rule);
  EXPECT_EQ(rules_now, rules_before);
  // Every output format carries both.
  for (const std::string format : {"text", "sarif", "junit", "github"}) {
    const auto out = run_cli("check " + path + " --color never --format " + format, code, false);
    EXPECT_EQ(code, 2) << format;
    for (const auto& rule : rules_before) EXPECT_NE(out.find(rule), std::string::npos) << format << " " << rule;
    for (const auto line : bad_lines) {
      const auto at = format == "text"     ? fmt::format("plan.plan:{}:", line)
                      : format == "github" ? fmt::format("line={},", line)
                                           : fmt::format("{}", line);
      EXPECT_NE(out.find(at), std::string::npos) << format << " line " << line;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Lines, Recovery, ::testing::Values(1, 5, 50));

// Whole programmes as trainers paste them: they read without one input error, and their findings are
// kept as golden files (tests/programmes/regenerate.sh writes them; review the diff). Documents pasted whole
// (emails, chats, exports, handouts) keep their golden reports too, input errors included: they show what is
// read and what is refused, line by line.
TEST(Programmes, ReadWithoutInputErrorsAndMatchTheirGoldenFindings) {
  const std::string dir = std::string(LIFTLINT_SOURCE_DIR) + "/tests/programmes";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".plan") continue;
    ++count;
    const auto relative = "tests/programmes/" + entry.path().filename().string();
    int code = 0;
    const auto out = run_cli("check " + relative + " --color never", code);
    EXPECT_NE(code, 2) << relative << "\n" << out;
    EXPECT_EQ(out.find("input error"), std::string::npos) << out;
    auto golden = entry.path();
    golden.replace_extension(".golden");
    EXPECT_EQ(out, read_file(golden.string())) << relative;
  }
  EXPECT_GE(count, 20U);
}

TEST(Programmes, DocumentsPastedWholeMatchTheirGoldenReports) {
  const std::string dir = std::string(LIFTLINT_SOURCE_DIR) + "/tests/pasted-documents";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".plan") continue;
    ++count;
    int code = 0;
    const auto out =
        run_cli("check tests/pasted-documents/" + entry.path().filename().string() + " --color never", code);
    auto golden = entry.path();
    golden.replace_extension(".golden");
    EXPECT_EQ(out, read_file(golden.string())) << entry.path();
  }
  EXPECT_GE(count, 10U);
}

}  // namespace
}  // namespace liftlint::testing
