// Accept/reject tables for both grammars and PEGTL's static analysis.
#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/plan.hpp"
#include "grammar/rules.hpp"
#include "plan/parser.hpp"

namespace pegtl = tao::pegtl;
namespace g = liftlint::grammar;

namespace {

template <typename Grammar>
bool accepts(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    return pegtl::parse<Grammar, pegtl::nothing, g::control>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

TEST(Grammar, AnalyzeFindsNoProblems) {
  EXPECT_EQ(pegtl::analyze<g::rules::file>(), 0U);
  EXPECT_EQ(pegtl::analyze<g::plan::statement>(), 0U);
}

class RuleGrammarAccepts : public ::testing::TestWithParam<const char*> {};
TEST_P(RuleGrammarAccepts, Text) { EXPECT_TRUE(accepts<g::rules::file>(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(
    Table, RuleGrammarAccepts,
    ::testing::Values("", "# only a comment\n", "include \"a.rules\"", "evidence_scheme grade { high, low }",
                      "condition back_pain \"Back pain\"", "condition a implies b, c",
                      "source s { title \"T\" year 2020 evidence grade.high }",
                      "exercise \"x\" { muscles core pattern squat posture standing }",
                      "rule a.b-c { severity error cite s require clearance }",
                      "rule r { require every exercise where loaded: posture in {seated, supine} }",
                      "rule r { require count sessions where kind = strength per week >= 2 }",
                      "rule r { require count sessions per week in 2..3 }",
                      "rule r { require rest >= 1 day between sessions where kind = strength }",
                      "rule r { require rest >= 48h between sessions sharing muscles }",
                      "rule r { require increase of load <= 10% per week }",
                      "rule r { forbid exercise \"deadlift\", \"clean and jerk\" suggest \"rdl\" }",
                      "rule r { forbid session where kind = strength }",
                      "rule r { when client has any {a, b} and not cleared require clearance }",
                      "rule r { require every session: count distinct muscles where block = main >= 2 }",
                      "rule r { require every session: (some exercise where muscles has core) or cooldown }",
                      "rule r { cite a at \"p. 12\", b message \"{exercise} x\" require clearance }"));

class RuleGrammarRejects : public ::testing::TestWithParam<const char*> {};
TEST_P(RuleGrammarRejects, Text) { EXPECT_FALSE(accepts<g::rules::file>(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Table, RuleGrammarRejects,
                         ::testing::Values("rule", "rule r {", "rule r { severity fatal }", "rule r { require }",
                                           "rule r { require every exercise posture = x }",
                                           "rule r { require count sessions per week }",
                                           "rule r { require rest >= between sessions }", "rule r { forbid exercise }",
                                           "source s { year twenty }", "exercise \"x\" { muscles }", "condition",
                                           "bogus thing", "rule r { message \"unterminated }",
                                           "rule r { require every session: (cooldown }"));

// The plan notation is read statement by statement; a text is accepted when the reader reports nothing.
bool reads(const std::string& text) {
  const liftlint::SourceFile file{"test.plan", text};
  liftlint::Diagnostics diagnostics;
  const auto parsed = liftlint::plan::parse_plan_file(file, diagnostics);
  return parsed.has_value() && !diagnostics.has_errors();
}

class PlanGrammarAccepts : public ::testing::TestWithParam<const char*> {};
TEST_P(PlanGrammarAccepts, Text) { EXPECT_TRUE(reads(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(
    Table, PlanGrammarAccepts,
    ::testing::Values("", "plan \"x\"", "client { conditions a, b\n cleared yes by \"GP\" on 2026-10-02 }", "mon rest",
                      "day 3 strength", "Monday - lower body\nGoblet squat 3x10", "Week 1-4\nMon\nSquat 3 sets of 10",
                      "Day 1\nA1) goblet squat 3-4 x 8-12 @ RPE 7, 90s rest", "squat 3x10", "mon strength 35min {\n}",
                      "mon strength { glute bridge 3x12 }", "mon strength { glute bridge 3 × 12 }",
                      "mon strength { goblet squat 3x8-12 @ 8kg }", "mon strength { bird-dog 3 × 10 each side }",
                      "mon strength { bird-dog 3x10/side }", "mon strength { side plank 3 × 20–30 s each side }",
                      "mon strength { hamstring stretch 30-40s }", "mon strength { cat-cow x10 }",
                      "mon strength { glute band walk x20 steps }", "mon strength { curl 3x10 @ 17.5 lb }",
                      "mon strength { squat 3x10 bodyweight }", "mon strength { squat 3x10 BW }",
                      "mon strength { squat 3x5 @ RPE 7 }", "mon strength { squat 3x5 RIR 2 }",
                      "mon strength { squat 3x5 70% }", "mon strength { squat 3x5 tempo 3-1-2 }",
                      "mon strength { squat 3x5 rest 90s }", "mon strength { clamshell 3x15 @ red band }",
                      "mon strength { \"90/90 hip switch\" x10 }", "mon strength { squat 3x10 posture seated }",
                      "mon strength { row 3x10 equipment dumbbell }", "mon strength { squat 3x10 (go slow) }",
                      "mon strength { Glute bridge – 3 × 12 }", "mon strength { a 3x1; b 3x2; c x3 }",
                      "mon strength { warmup 5min { cat-cow x10 }\n cooldown { stretch 30s } }",
                      "week 1..4 {\n mon strength { squat 3x10 }\n tue rest\n}",
                      "exercise \"my move\" { muscles core pattern squat posture standing }"));

class PlanGrammarRejects : public ::testing::TestWithParam<const char*> {};
TEST_P(PlanGrammarRejects, Text) { EXPECT_FALSE(reads(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Table, PlanGrammarRejects,
                         ::testing::Values("mon strength { squat 3x }", "mon strength { squat 3x10 @ -5kg }",
                                           "mon strength { squat 3x10", "mon strength { squat 3x10 @ 60 }", "week {",
                                           "week 1 { mon strength 3x }", "plan:", "client { age forty }",
                                           "mon strength { squat 3x10 tempo fast }",
                                           "mon strength { Goblet squat 3010 }", "mon strength { squat 3x10 rest }",
                                           "mon strength { \"squat 3x10 }"));

}  // namespace
