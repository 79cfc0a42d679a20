// Every example plan, text and JSON notation, in every report format, against its expected report in
// tests/golden/examples/ (made by tests/golden/regenerate.sh). A byte of difference fails: CI tools
// read these formats, so a moved column or a changed count is a changed report.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

namespace fs = std::filesystem;

struct Format {
  std::string name;       // as given to --format
  std::string extension;  // of the golden file
};

const std::vector<Format> formats = {{"text", ".txt"},        {"json", ".json"},     {"sarif", ".sarif"},
                                     {"junit", ".junit.xml"}, {"github", ".github"}, {"html", ".html"}};

struct Example {
  std::string plan;    // relative to the source directory, as users and the goldens name it
  std::string golden;  // the golden files' path without extension, relative to the source directory
  std::string prefix;  // of the test names, so a text plan and its JSON twin are told apart
};

struct Case {
  Example example;
  Format format;
};

// Printed by GoogleTest when a case fails, instead of the bytes of the struct.
void PrintTo(const Case& c, std::ostream* out) { *out << c.example.plan << " --format " << c.format.name; }

const std::string source_dir = LIFTLINT_SOURCE_DIR;

std::vector<Example> examples() {
  std::vector<Example> out;
  const auto add = [&](const std::string& folder, const std::string& extension, const std::string& golden_folder,
                       const std::string& prefix) {
    for (const auto& entry : fs::directory_iterator(source_dir + "/" + folder)) {
      if (!entry.is_regular_file() || entry.path().extension() != extension) continue;
      const auto stem = entry.path().stem().string();
      out.push_back(Example{folder + "/" + entry.path().filename().string(), golden_folder + "/" + stem, prefix});
    }
  };
  add("examples", ".plan", "tests/golden/examples", "");
  add("examples/json", ".json", "tests/golden/examples/json", "json_");
  std::sort(out.begin(), out.end(), [](const Example& a, const Example& b) { return a.plan < b.plan; });
  return out;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& example : examples()) {
    for (const auto& format : formats) out.push_back(Case{example, format});
  }
  return out;
}

std::string test_name(const ::testing::TestParamInfo<Case>& info) {
  const auto& c = info.param;
  auto name = c.example.prefix + fs::path(c.example.golden).filename().string() + "_" + c.format.name;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char ch) { return std::isalnum(ch) == 0 && ch != '_'; }, '_');
  return name;
}

class GoldenFormat : public ::testing::TestWithParam<Case> {};

TEST_P(GoldenFormat, MatchesItsGoldenReportAndExitCode) {
  const auto& [example, format] = GetParam();
  const auto golden = source_dir + "/" + example.golden + format.extension;
  const auto exit_golden = source_dir + "/" + example.golden + ".exit";
  // read_file gives "" for a missing file, which must not pass for an example with no findings.
  ASSERT_TRUE(fs::is_regular_file(golden)) << golden << " is missing: run tests/golden/regenerate.sh";
  ASSERT_TRUE(fs::is_regular_file(exit_golden)) << exit_golden << " is missing: run tests/golden/regenerate.sh";
  int code = 0;
  // The text report ends with the summary line on standard output; the machine formats put it on
  // standard error, so their goldens hold standard output alone, the file a CI tool would read.
  const auto out = run_cli("check " + example.plan + " --format " + format.name, code, format.name == "text");
  EXPECT_EQ(out, read_file(golden));
  // The exit code does not depend on the format.
  EXPECT_EQ(std::to_string(code) + "\n", read_file(exit_golden));
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenFormat, ::testing::ValuesIn(cases()), test_name);

// A golden left behind by a renamed or removed example would never be compared with anything.
TEST(GoldenFormats, EveryExampleHasItsGoldensAndEveryGoldenItsExample) {
  const auto all = examples();
  EXPECT_GE(all.size(), 20U);
  std::set<std::string> expected;
  for (const auto& example : all) {
    expected.insert(example.golden + ".exit");
    for (const auto& format : formats) expected.insert(example.golden + format.extension);
  }
  std::set<std::string> present;
  for (const auto* folder : {"tests/golden/examples", "tests/golden/examples/json"}) {
    for (const auto& entry : fs::directory_iterator(source_dir + "/" + folder)) {
      if (entry.is_regular_file()) present.insert(std::string(folder) + "/" + entry.path().filename().string());
    }
  }
  EXPECT_EQ(present, expected);
}

}  // namespace
}  // namespace liftlint::testing
