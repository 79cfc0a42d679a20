// Plans as JSON: the same findings as the text notation, and positioned errors for bad JSON.
#include <gtest/gtest.h>

#include <filesystem>

#include "json/tree.hpp"
#include "liftlint/liftlint.hpp"
#include "report/report.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Engine& engine() { return default_engine(); }

// What a user reads for one JSON plan, without the summary line.
std::string check_json(const std::string& text) {
  const auto report = check_named(engine(), "plan.json", text);
  return report::render_text({report}, false);
}

std::vector<std::pair<std::string, std::string>> findings_of(const PlanReport& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : r.findings) out.emplace_back(f.rule_id, f.message);
  return out;
}

TEST(JsonPlans, EveryExampleGivesTheSameFindingsAsItsTextPlan) {
  const std::string root = LIFTLINT_SOURCE_DIR;
  std::size_t compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/examples/json")) {
    const auto name = entry.path().stem().string();
    const auto json = engine().check_file(entry.path().string()).at(0);
    const auto text = engine().check_file(root + "/examples/" + name + ".plan").at(0);
    EXPECT_TRUE(json.errors.empty()) << name << "\n" << report::render_text({json}, false);
    EXPECT_EQ(findings_of(json), findings_of(text)) << name;
    ++compared;
  }
  EXPECT_EQ(compared, 11U);
}

TEST(JsonPlans, FindingsPointIntoTheJsonFile) {
  const auto report = engine().check_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/json/flawed-rest.json").at(0);
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_EQ(report.findings[0].location.line, 58U);
  EXPECT_EQ(report.findings[0].location.line_text, "      \"day\": \"tue\",");
}

TEST(JsonPlans, InvalidJsonIsAPositionedError) {
  EXPECT_EQ(check_json("{\"plan\": \"x\",\n \"days\": [ {\"day\": \"mon\",, }]}"),
            "plan.json:2:26: error: invalid JSON: syntax error while parsing object key - unexpected ','; expected "
            "string literal\n"
            "  |\n"
            "2 |  \"days\": [ {\"day\": \"mon\",, }]}\n"
            "  |                          ^\n\n");
  EXPECT_NE(check_json("").find("plan.json:1:1: error: invalid JSON: syntax error while parsing value - unexpected "
                                "end of input; expected '[', '{', or a literal"),
            std::string::npos);
  EXPECT_NE(check_json("{} {}").find("plan.json:1:4: error: invalid JSON: syntax error while parsing value - "
                                     "unexpected '{'; expected end of input"),
            std::string::npos);
}

TEST(JsonPlans, SetsAsAStringIsAnError) {
  const auto out = check_json(R"({"days": [{"day": "mon", "kind": "strength", "exercises": [
  {"exercise": "glute bridge", "sets": "3", "reps": 12}]}]})");
  EXPECT_NE(out.find("plan.json:2:40: error: expected \"sets\" to be a number, found a string"), std::string::npos)
      << out;
}

TEST(JsonPlans, NegativeRepsAreAnError) {
  const auto out = check_json(R"({"days": [{"day": "mon", "kind": "strength", "exercises": [
  {"exercise": "glute bridge", "sets": 3, "reps": -5}]}]})");
  EXPECT_NE(out.find("plan.json:2:51: error: repetitions must be at least 1, found -5"), std::string::npos) << out;
}

TEST(JsonPlans, MissingDaysIsAnError) {
  const auto out = check_json(R"({"weeks": [{"week": [1, 4]}]})");
  EXPECT_NE(out.find("plan.json:1:12: error: a week needs \"days\": the days of that week"), std::string::npos) << out;
}

TEST(JsonPlans, UnknownKeysAreErrorsWithASuggestion) {
  const auto out = check_json(R"({"days": [{"day": "mon", "kind": "strength", "exercises": [
  {"exercise": "glute bridge", "sest": 3}]}]})");
  EXPECT_NE(out.find("plan.json:2:32: error: unknown key \"sest\" in an exercise line"), std::string::npos) << out;
  EXPECT_NE(out.find("= help: did you mean 'sets'?"), std::string::npos) << out;
}

TEST(JsonPlans, ShapeErrorsNameWhatWasExpected) {
  EXPECT_NE(check_json("[1, 2]").find("plan.json:1:1: error: expected a plan as an object { ... }, found an array"),
            std::string::npos);
  EXPECT_NE(check_json(R"({"days": {"day": "mon"}})")
                .find("plan.json:1:10: error: expected \"days\" to be an array [ ... ], found an object"),
            std::string::npos);
  EXPECT_NE(
      check_json(R"({"days": [{"day": "mon"}]})")
          .find("plan.json:1:11: error: a day needs \"kind\": a session kind such as \"strength\", or \"rest\": true"),
      std::string::npos);
  EXPECT_NE(check_json(R"({"days": [{"day": "mon", "kind": "strength", "minutes": 0}]})")
                .find("plan.json:1:57: error: expected \"minutes\" to be more than 0, found 0"),
            std::string::npos);
  EXPECT_NE(check_json(R"({"days": [{"day": "mon", "kind": "strength", "exercises": [{"exercise": "plank", "reps": 3,
"seconds": 30}]}]})")
                .find("plan.json:2:1: error: this line already gives repetitions, steps or a time per set in \"reps\""),
            std::string::npos);
  EXPECT_NE(
      check_json(
          R"({"days": [{"day": "mon", "kind": "strength", "exercises": [{"exercise": "plank", "tempo": "fast"}]}]})")
          .find("error: expected \"tempo\" to be a tempo such as \"3-1-2\" or \"3-1-2-0\", found \"fast\""),
      std::string::npos);
}

TEST(JsonPlans, ClientAndDeclarationValuesAreChecked) {
  const auto out = check_json(R"({"client": {"cleared_on": "02/10/2026", "experience": 3},
 "exercises": [{"name": "Pallof hold", "spinal_load": "tiny", "supported": "yes"}],
 "weeks": [7]})");
  EXPECT_NE(out.find("plan.json:1:27: error: expected \"cleared_on\" to be a date as \"YYYY-MM-DD\", found "
                     "\"02/10/2026\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("plan.json:1:55: error: expected \"experience\" to be a string, found a whole number"),
            std::string::npos);
  EXPECT_NE(out.find("plan.json:2:55: error: expected \"spinal_load\" to be one of none, low, moderate, high, found "
                     "\"tiny\""),
            std::string::npos);
  EXPECT_NE(out.find("plan.json:2:76: error: expected \"supported\" to be true or false, found a string"),
            std::string::npos);
  EXPECT_NE(out.find("plan.json:3:12: error: expected a week as an object { ... }, found a whole number"),
            std::string::npos);
}

TEST(JsonPlans, NamesAreCheckedAgainstTheCatalogue) {
  const auto out =
      check_json(R"({"days": [{"day": "mon", "kind": "strength", "exercises": [{"exercise": "glute brige"}]}]})");
  EXPECT_NE(out.find("plan.json:1:73: error: unknown exercise 'glute brige'"), std::string::npos) << out;
  EXPECT_NE(out.find("did you mean 'glute bridge'?"), std::string::npos) << out;
}

TEST(JsonPlans, DuplicateKeysAreErrors) {
  const auto out = check_json("{\"plan\": \"a\",\n \"plan\": \"b\"}");
  EXPECT_NE(out.find("plan.json:2:2: error: duplicate key \"plan\" in this object"), std::string::npos) << out;
  EXPECT_NE(out.find("= note: first given at plan.json:1:2"), std::string::npos) << out;
}

TEST(JsonPlans, DeepNestingIsRefused) {
  const auto out = check_json(std::string(100, '[') + std::string(100, ']'));
  EXPECT_NE(out.find("plan.json:1:65: error: JSON nested deeper than 64 levels"), std::string::npos) << out;
}

TEST(JsonPlans, JsonLinesReportEachLineAsAPlan) {
  const std::string good =
      R"({"days": [{"day": "mon", "kind": "mobility", "exercises": [{"exercise": "cat-cow", "reps": 10}]}]})";
  const auto reports = engine().check("<stdin>", good + "\n\n{\"days\": [}\n" + good + "\n", PlanFormat::json_lines);
  ASSERT_EQ(reports.size(), 3U);
  EXPECT_EQ(reports[0].path, "<stdin>:1");
  EXPECT_TRUE(reports[0].errors.empty());
  EXPECT_EQ(reports[1].path, "<stdin>:3");
  ASSERT_EQ(reports[1].errors.size(), 1U);
  EXPECT_EQ(reports[1].errors[0].location.file, "<stdin>");
  EXPECT_EQ(reports[1].errors[0].location.line, 3U);
  EXPECT_EQ(reports[1].errors[0].location.column, 11U);
  EXPECT_EQ(reports[2].path, "<stdin>:4");
  EXPECT_TRUE(reports[2].errors.empty());
}

TEST(JsonPlans, AJsonLineOverTheSizeLimitIsAnError) {
  const auto reports =
      engine().check("<stdin>", "{}\n\"" + std::string(9U << 20U, 'x') + "\"\n", PlanFormat::json_lines);
  ASSERT_EQ(reports.size(), 2U);
  ASSERT_EQ(reports[1].errors.size(), 1U);
  EXPECT_EQ(reports[1].errors[0].message, "the plan has 9437186 bytes; the limit is 8 MiB");
  EXPECT_EQ(reports[1].errors[0].location.line, 2U);
}

TEST(JsonTree, ValuesKeepTheirPlaces) {
  const SourceFile file{"t.json", "{\n  \"a\": [1, 2.5, true],\n  \"b\": {\"c\": \"x\\\"y\"}\n}"};
  Diagnostics diagnostics;
  const auto root = json::parse(file, diagnostics);
  ASSERT_TRUE(root);
  const auto& a = *root->find("a");
  EXPECT_EQ(a.span.line, 2U);
  EXPECT_EQ(a.span.column, 8U);
  EXPECT_EQ(a.items[1].span.column, 12U);
  EXPECT_EQ(a.items[1].span.length, 3U);
  EXPECT_EQ(a.items[2].span.column, 17U);
  const auto& b = *root->member("b");
  EXPECT_EQ(b.key_span.line, 3U);
  EXPECT_EQ(b.key_span.column, 3U);
  EXPECT_EQ(b.value.find("c")->text, "x\"y");
  EXPECT_EQ(b.value.find("c")->span.length, 6U);
  EXPECT_EQ(root->span.length, file.text.size());
}

}  // namespace
}  // namespace liftlint::testing
