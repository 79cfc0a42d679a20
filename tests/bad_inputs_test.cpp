// Every malformed input in tests/bad gets its expected, positioned error and exit code 2. Each input
// is a test of its own, named after its file, so a failure names the input that broke.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

struct Input {
  std::string path;     // relative to the source directory, as the report names it
  std::string folder;   // "tests/bad/plans" or "tests/bad/rules": where the first error must point
  std::string command;  // the arguments the .expected file was made with
  std::string name;     // the file name with every character outside [A-Za-z0-9_] made '_'
};

// Printed by GoogleTest when an input fails, instead of the bytes of the struct.
void PrintTo(const Input& input, std::ostream* out) { *out << input.path; }

std::string test_name(std::string file_name) {
  std::replace_if(
      file_name.begin(), file_name.end(), [](unsigned char c) { return std::isalnum(c) == 0 && c != '_'; }, '_');
  return file_name;
}

std::vector<Input> inputs() {
  std::vector<Input> out;
  const std::string root = std::string(LIFTLINT_SOURCE_DIR) + "/tests/bad/";
  for (const char* folder : {"plans", "rules"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root + folder)) {
      const auto ext = entry.path().extension().string();
      if (ext != ".plan" && ext != ".rules") continue;
      const auto file_name = entry.path().filename().string();
      const auto relative_folder = "tests/bad/" + std::string(folder);
      const auto relative = relative_folder + "/" + file_name;
      out.push_back(Input{relative, relative_folder,
                          ext == ".plan" ? "check " + relative : "check tests/bad/ok.plan --rules " + relative,
                          test_name(file_name)});
    }
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  return out;
}

TEST(BadInputs, CorpusIsLarge) { EXPECT_GE(inputs().size(), 100U); }

class BadInput : public ::testing::TestWithParam<Input> {};

TEST_P(BadInput, GetsItsExpectedErrorAndExitTwo) {
  const auto& input = GetParam();
  const auto expected_path = std::string(LIFTLINT_SOURCE_DIR) + "/" + input.path + ".expected";
  // read_file gives "" for a missing file; an input without its expected report is not a pass.
  ASSERT_TRUE(std::filesystem::is_regular_file(expected_path))
      << expected_path << " is missing: run tests/bad/regenerate.sh and read the report it writes";
  int code = 0;
  const auto out = run_cli(input.command, code);
  EXPECT_EQ(out + "exit " + std::to_string(code) + "\n", read_file(expected_path));
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out.rfind(input.folder, 0), 0U) << out;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(inputs()),
                         [](const ::testing::TestParamInfo<Input>& info) { return info.param.name; });

}  // namespace
}  // namespace liftlint::testing
