// Every malformed input in tests/bad gets its expected, positioned error and exit code 2.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

struct Input {
  std::string path;
  std::string command;
};

std::vector<Input> inputs() {
  std::vector<Input> out;
  const std::string root = std::string(LIFTLINT_SOURCE_DIR) + "/tests/bad/";
  for (const char* folder : {"plans", "rules"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root + folder)) {
      const auto ext = entry.path().extension().string();
      if (ext != ".plan" && ext != ".rules") continue;
      const auto relative = "tests/bad/" + std::string(folder) + "/" + entry.path().filename().string();
      out.push_back(
          Input{relative, ext == ".plan" ? "check " + relative : "check tests/bad/ok.plan --rules " + relative});
    }
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  return out;
}

TEST(BadInputs, CorpusIsLarge) { EXPECT_GE(inputs().size(), 100U); }

TEST(BadInputs, EachGetsItsExpectedErrorAndExitTwo) {
  for (const auto& input : inputs()) {
    int code = 0;
    const auto out = run_cli(input.command, code);
    const auto expected = read_file(std::string(LIFTLINT_SOURCE_DIR) + "/" + input.path + ".expected");
    EXPECT_EQ(out + "exit " + std::to_string(code) + "\n", expected) << input.path;
    EXPECT_EQ(code, 2) << input.path;
    EXPECT_EQ(out.rfind(input.path.substr(0, input.path.find('/', 10)), 0), 0U) << input.path << "\n" << out;
  }
}

}  // namespace
}  // namespace liftlint::testing
