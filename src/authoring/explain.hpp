// Rule documentation: what a rule checks, why, a tested example and its references.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::authoring {

struct RuleExample {
  std::string path;     // the rule test it comes from
  std::string excerpt;  // the plan lines around the finding, annotations removed
  Problem finding;
};

// The first rule test in which a rule fires: the built-in pack's embedded tests, or the tests/ folder
// next to the rule's file. Each folder is read, and each test plan checked, at most once, so finding
// the examples of every rule costs what running the tests once does.
class ExampleFinder {
 public:
  explicit ExampleFinder(const Engine& engine);
  ~ExampleFinder();
  [[nodiscard]] std::optional<RuleExample> find(const RuleInfo& rule);

 private:
  struct TestPlan {
    std::string path;
    std::string text;
    // (rule, line) of each annotation expecting a finding -> that finding, once the plan is checked
    std::map<std::pair<std::string, unsigned>, std::optional<Problem>> shown;
    bool checked = false;
  };
  struct Expected {
    std::size_t test;
    unsigned line;
  };
  struct Folder {
    std::vector<TestPlan> tests;                            // in path order
    std::map<std::string, std::vector<Expected>> expected;  // rule id -> where a test expects it to fire
  };
  Folder& folder_of(const RuleInfo& rule);
  void check_once(TestPlan& test);

  const Engine& engine_;
  std::map<std::string, Folder> folders_;
};

[[nodiscard]] std::optional<RuleExample> find_example(const Engine& engine, const RuleInfo& rule);

[[nodiscard]] std::string explain_text(const RuleInfo& rule, const std::optional<RuleExample>& example);
[[nodiscard]] std::string explain_markdown(const RuleInfo& rule, const std::optional<RuleExample>& example);
// One Markdown page for each pack, by pack name: every rule in declaration order.
[[nodiscard]] std::map<std::string, std::string> pack_pages(const Engine& engine);

}  // namespace liftlint::authoring
