// Every rule and plan example in docs/ is loaded, so the docs cannot drift from the code.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <regex>

#include "liftlint/liftlint.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

struct Block {
  std::string file;
  int line;
  std::string tag;
  std::string text;
};

std::vector<Block> blocks(const std::string& tag) {
  std::vector<Block> out;
  const std::filesystem::path docs = std::string(LIFTLINT_SOURCE_DIR) + "/docs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(docs)) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  files.push_back(std::string(LIFTLINT_SOURCE_DIR) + "/README.md");
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::istringstream in(read_file(path.string()));
    std::string line;
    int number = 0;
    Block* open = nullptr;
    while (std::getline(in, line)) {
      ++number;
      if (open == nullptr && line == "```" + tag) {
        out.push_back(Block{path.filename().string(), number, tag, {}});
        open = &out.back();
      } else if (open != nullptr && line == "```") {
        open = nullptr;
      } else if (open != nullptr) {
        open->text += line + "\n";
      }
    }
  }
  return out;
}

TEST(Docs, RuleExamplesLoadOnTopOfTheDefaultPack) {
  for (const auto& b : blocks("liftlint-rules")) {
    const auto pack = load_pack(default_pack, {{"doc.rules", b.text}});
    EXPECT_TRUE(pack->rules.has_value()) << b.file << ":" << b.line << "\n" << render(pack->diagnostics);
  }
}

TEST(Docs, PlanExamplesResolveAgainstTheDefaultPack) {
  static const auto pack = load_pack(default_pack, {});
  for (const auto& b : blocks("liftlint-plan")) {
    const auto ids = finding_ids(*pack, b.text);
    const bool input_error = !ids.empty() && ids.front().front() == '<';
    EXPECT_FALSE(input_error) << b.file << ":" << b.line << "\n" << ids.front();
  }
}

TEST(Docs, JsonPlanExamplesReadWithoutErrors) {
  for (const auto& b : blocks("liftlint-json-plan")) {
    const auto report = default_engine().check_text(b.file + ".json", b.text, PlanFormat::json);
    std::string errors;
    for (const auto& e : report.errors) errors += e.message + "\n";
    EXPECT_TRUE(report.errors.empty()) << b.file << ":" << b.line << "\n" << errors;
  }
}

// A `$ liftlint ...` line followed by what it prints. A transcript whose files are made earlier in a
// walkthrough, that elides lines (`...`) or that filters with more than `head` cannot be replayed alone.
std::optional<std::string> replayable_command(const Block& b) {
  static const std::regex head_only(R"(^\$ liftlint ([^|<>'"`]*)(\| head -\d+)?$)");
  const auto first_line = b.text.substr(0, b.text.find('\n'));
  std::smatch match;
  if (!std::regex_match(first_line, match, head_only)) return std::nullopt;
  if (b.text.find("\n$ ") != std::string::npos || b.text.find("\n...\n") != std::string::npos) return std::nullopt;
  std::istringstream words(match[1].str());
  for (std::string word; words >> word;) {
    const bool names_a_file = word.front() != '-' && (word.find('/') != std::string::npos ||
                                                      std::regex_search(word, std::regex(R"(\.(plan|rules|json)$)")));
    if (names_a_file && !std::filesystem::exists(std::string(LIFTLINT_SOURCE_DIR) + "/" + word)) return std::nullopt;
  }
  return first_line.substr(std::string("$ liftlint ").size());
}

TEST(Docs, CommandTranscriptsMatchWhatTheCommandPrints) {
  std::size_t replayed = 0;
  for (const auto& b : blocks("text")) {
    const auto command = replayable_command(b);
    if (!command) continue;
    int code = 0;
    auto out = run_cli(*command, code);
    // usage text names the program as it was run
    for (auto at = out.find(LIFTLINT_BINARY); at != std::string::npos; at = out.find(LIFTLINT_BINARY))
      out.replace(at, std::string(LIFTLINT_BINARY).size(), "liftlint");
    EXPECT_EQ(out, b.text.substr(b.text.find('\n') + 1)) << b.file << ":" << b.line << ": $ liftlint " << *command;
    ++replayed;
  }
  EXPECT_GE(replayed, 12U);
}

TEST(Docs, ThereAreExamplesToRun) {
  EXPECT_GE(blocks("liftlint-rules").size(), 3U);
  EXPECT_GE(blocks("liftlint-plan").size(), 3U);
  EXPECT_GE(blocks("liftlint-json-plan").size(), 2U);
}

}  // namespace
}  // namespace liftlint::testing
