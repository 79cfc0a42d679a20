// Errors in rule files: the whole text a rule author reads, caret lines included.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

std::string errors_of(const std::string& text) {
  const auto pack = load_pack(default_pack, {{"test.rules", text}});
  EXPECT_FALSE(pack->rules.has_value());
  return render(pack->diagnostics);
}

TEST(RuleErrors, UnknownConditionSuggestsTheClosestName) {
  EXPECT_EQ(errors_of("rule t.condition {\n  when     client has back_pian\n  severity error\n  cite     who2020\n"
                      "  require  clearance\n}\n"),
            "test.rules:2:23: error: unknown condition 'back_pian'\n"
            "  |\n"
            "2 |   when     client has back_pian\n"
            "  |                       ^^^^^^^^^\n"
            "  = help: did you mean 'back_pain'?\n");
}

TEST(RuleErrors, UnknownExercise) {
  EXPECT_EQ(errors_of("rule t.exercise {\n  severity error\n  cite     who2020\n  forbid   exercise \"deadlfit\"\n}\n"),
            "test.rules:4:21: error: unknown exercise 'deadlfit'\n"
            "  |\n"
            "4 |   forbid   exercise \"deadlfit\"\n"
            "  |                     ^^^^^^^^^^\n"
            "  = help: did you mean 'deadlift'?\n");
}

TEST(RuleErrors, UnknownPosture) {
  EXPECT_EQ(errors_of("rule t.posture {\n  severity warning\n  cite     who2020\n"
                      "  require  every exercise where loaded: posture in {seated, supin}\n}\n"),
            "test.rules:4:61: error: unknown posture 'supin'\n"
            "  |\n"
            "4 |   require  every exercise where loaded: posture in {seated, supin}\n"
            "  |                                                             ^^^^^\n"
            "  = help: did you mean 'supine'?\n");
}

TEST(RuleErrors, UnknownSource) {
  EXPECT_EQ(errors_of("rule t.source {\n  severity warning\n  cite     who2002\n  require  clearance\n}\n"),
            "test.rules:3:12: error: unknown source 'who2002'\n"
            "  |\n"
            "3 |   cite     who2002\n"
            "  |            ^^^^^^^\n"
            "  = help: did you mean 'who2020'?\n");
}

TEST(RuleErrors, UnknownAttributeListsTheScopesAttributes) {
  EXPECT_EQ(errors_of("rule t.attribute {\n  severity warning\n  cite     who2020\n"
                      "  require  every exercise: postur = seated\n}\n"),
            "test.rules:4:28: error: unknown attribute 'postur' of an exercise\n"
            "  |\n"
            "4 |   require  every exercise: postur = seated\n"
            "  |                            ^^^^^^\n"
            "  = help: did you mean 'posture'?\n"
            "  = help: an exercise has: name, muscles, muscle_groups, pattern, posture, equipment, spinal_load, "
            "impact, supported, "
            "loaded, tags, sets, reps, reps_max, hold, load, rpe, rir, percent, tempo, eccentric, rest, block, "
            "each_side, bodyweight, week, day, kind, deload, gestational_week, rest_day\n");
}

TEST(RuleErrors, DuplicateRuleIdPointsAtTheFirst) {
  EXPECT_EQ(errors_of("rule t.dup {\n  severity warning\n  cite     who2020\n  require  clearance\n}\n\n"
                      "rule t.dup {\n  severity error\n  cite     who2020\n  require  clearance\n}\n"),
            "test.rules:7:6: error: rule 't.dup' is already declared\n"
            "  |\n"
            "7 | rule t.dup {\n"
            "  |      ^^^^^\n"
            "  = note: first declared at test.rules:1:6\n");
}

TEST(RuleErrors, RuleWithoutCitation) {
  EXPECT_EQ(errors_of("rule t.uncited {\n  severity warning\n  require  clearance\n}\n"),
            "test.rules:1:6: error: rule 't.uncited' cites no source\n"
            "  |\n"
            "1 | rule t.uncited {\n"
            "  |      ^^^^^^^^^\n"
            "  = help: add 'cite <source>' naming the source that supports it\n");
}

TEST(RuleErrors, MissingClosingBrace) {
  EXPECT_EQ(errors_of("rule t.brace {\n  severity warning\n  cite     who2020\n  require  clearance\n"),
            "test.rules:5:1: error: expected a rule field (severity, cite, message, help, doc, when, require, forbid, "
            "suggest, supersedes, version, reviewed, status, fix) or '}', found end of file\n"
            "  |\n"
            "5 | \n"
            "  | ^\n");
}

TEST(RuleErrors, UnknownPlaceholderListsTheAllowedOnes) {
  EXPECT_EQ(errors_of("rule t.placeholder {\n  severity warning\n  cite     who2020\n"
                      "  message  \"{exercise} on {dya}\"\n  forbid   exercise \"deadlift\"\n}\n"),
            "test.rules:4:12: error: unknown placeholder '{dya}'; this rule can use: {exercise}, {day}, {week}, "
            "{kind}\n"
            "  |\n"
            "4 |   message  \"{exercise} on {dya}\"\n"
            "  |            ^^^^^^^^^^^^^^^^^^^^^\n");
}

TEST(RuleErrors, UnitMustMatchTheAttribute) {
  EXPECT_EQ(errors_of("rule t.type {\n  severity warning\n  cite     who2020\n"
                      "  require  every session: duration >= 30kg\n}\n"),
            "test.rules:4:39: error: expected a duration such as 30s, 5min or 48h, found '30kg'\n"
            "  |\n"
            "4 |   require  every session: duration >= 30kg\n"
            "  |                                       ^^^^\n");
}

TEST(RuleErrors, SetAttributesNeedHas) {
  const auto text = errors_of(
      "rule t.set {\n  severity warning\n  cite     who2020\n"
      "  require  every exercise: muscles = core\n}\n");
  EXPECT_NE(text.find("error: 'muscles' is a set; use 'muscles has ...'"), std::string::npos) << text;
}

TEST(RuleErrors, QuantifierMustLookInward) {
  const auto text = errors_of(
      "rule t.scope {\n  severity warning\n  cite     who2020\n"
      "  require  every exercise: some session where cooldown\n}\n");
  EXPECT_NE(text.find("error: cannot look at each session from an exercise"), std::string::npos) << text;
}

TEST(RuleErrors, IncludeCycleIsReported) {
  const auto pack = load_pack({}, {{"a.rules", "include \"b.rules\"\n"}, {"b.rules", "include \"a.rules\"\n"}});
  EXPECT_EQ(render(pack->diagnostics),
            "b.rules:1:9: error: 'a.rules' includes itself through a cycle of includes\n"
            "  |\n"
            "1 | include \"a.rules\"\n"
            "  |         ^^^^^^^^^\n");
}

TEST(RuleErrors, EveryErrorIsReportedNotJustTheFirst) {
  const auto pack = load_pack(default_pack, {{"test.rules",
                                              "rule t.a {\n  severity warning\n  cite who2002\n"
                                              "  require clearance\n}\nrule t.b {\n  severity warning\n"
                                              "  cite who2020\n  forbid exercise \"dedlift\"\n}\n"}});
  EXPECT_EQ(pack->diagnostics.size(), 2U);
}

TEST(RuleErrors, TheDefaultPackLoadsCleanly) {
  const auto pack = load_pack(default_pack, {});
  EXPECT_TRUE(pack->rules.has_value()) << render(pack->diagnostics);
  EXPECT_GE(pack->rules->catalogue.size(), 150U);
}

}  // namespace
}  // namespace liftlint::testing
