// Waivers written in plans: what they suppress, and the errors and warnings about them.
#include <gtest/gtest.h>

#include "liftlint/liftlint.hpp"
#include "report/report.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Engine& engine() { return default_engine(); }

std::string example(const std::string& name) {
  return read_file(std::string(LIFTLINT_SOURCE_DIR) + "/examples/" + name + ".plan");
}

// flawed-rest has one finding, bp.rest-between-strength, on "tue" at 15:1.
std::string rest_plan(const std::string& plan_level, const std::string& in_tuesday = "") {
  auto text = example("flawed-rest");
  const std::string tuesday = "tue strength 30min {\n";
  text.insert(text.find(tuesday) + tuesday.size(), in_tuesday);
  return plan_level + text;
}

std::vector<std::string> ids(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.rule_id);
  return out;
}

std::string errors_of(const PlanReport& r) {
  return report::render_text({PlanReport{r.path, r.errors, {}, {}, {}, true}}, false);
}

TEST(Waivers, PlanWaiverSuppressesAndKeepsTheFinding) {
  const auto r =
      check_named(engine(), "w.plan",
                  rest_plan("waive bp.rest-between-strength reason \"split sessions by design\" approved by \"Dr Lee\" "
                            "until 2027-01-31\n"));
  EXPECT_TRUE(r.errors.empty()) << errors_of(r);
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.suppressed.size(), 1U);
  EXPECT_EQ(r.suppressed[0].finding.rule_id, "bp.rest-between-strength");
  EXPECT_EQ(r.suppressed[0].finding.location.line, 16U);
  const auto& w = r.suppressed[0].waiver;
  EXPECT_EQ(w.reason, "split sessions by design");
  EXPECT_EQ(w.approved_by, "Dr Lee");
  EXPECT_EQ(w.until, "2027-01-31");
  EXPECT_EQ(w.scope, WaiverScope::plan);
  EXPECT_EQ(w.location.line, 1U);
  EXPECT_EQ(w.location.column, 7U);
}

TEST(Waivers, SessionWaiverCoversItsSessionOnly) {
  const auto inside =
      check_named(engine(), "w.plan", rest_plan("", "  waive bp.rest-between-strength reason \"ok\"\n"));
  EXPECT_TRUE(inside.findings.empty()) << report::render_text({inside}, false);
  ASSERT_EQ(inside.suppressed.size(), 1U);
  EXPECT_EQ(inside.suppressed[0].waiver.scope, WaiverScope::session);
  // The finding points at Tuesday, so a waiver in Monday's session covers nothing.
  auto text = example("flawed-rest");
  text.insert(text.find("mon strength 30min {\n") + 21, "  waive bp.rest-between-strength reason \"ok\"\n");
  const auto outside = check_named(engine(), "w.plan", text);
  EXPECT_EQ(ids(outside.findings), (std::vector<std::string>{"liftlint.waiver-unused", "bp.rest-between-strength"}));
}

TEST(Waivers, DayWaiverCoversThatWeekdayOnly) {
  const auto tue = check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strength on tue reason \"ok\"\n"));
  EXPECT_TRUE(tue.findings.empty());
  ASSERT_EQ(tue.suppressed.size(), 1U);
  EXPECT_EQ(tue.suppressed[0].waiver.scope, WaiverScope::day);
  const auto wed = check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strength on wed reason \"ok\"\n"));
  EXPECT_EQ(ids(wed.findings), (std::vector<std::string>{"liftlint.waiver-unused", "bp.rest-between-strength"}));
}

TEST(Waivers, WeekWaiverCoversItsWeekBlock) {
  const std::string plan = R"(plan "Two blocks"
client {
  conditions low_back_pain
  cleared yes by "physiotherapist" on 2026-09-14
}
week 1 {
  waive bp.rest-between-strength reason "deload week, two short sessions"
  mon strength 30min { goblet squat 3x10 @ 8kg; bird-dog 3x10 each side; glute bridge 3x12 }
  tue strength 30min { split squat 3x10 each side; dead bug 3x10 each side }
}
week 2 {
  mon strength 30min { goblet squat 3x10 @ 8kg; bird-dog 3x10 each side; glute bridge 3x12 }
  tue strength 30min { split squat 3x10 each side; dead bug 3x10 each side }
}
)";
  const auto r = check_named(engine(), "w.plan", plan);
  EXPECT_TRUE(r.errors.empty()) << errors_of(r);
  ASSERT_EQ(r.suppressed.size(), 1U);
  EXPECT_EQ(r.suppressed[0].waiver.scope, WaiverScope::week);
  EXPECT_EQ(r.suppressed[0].finding.location.line, 9U);
  std::vector<unsigned> rest_lines;
  for (const auto& f : r.findings) {
    if (f.rule_id == "bp.rest-between-strength") rest_lines.push_back(f.location.line);
  }
  EXPECT_EQ(rest_lines, (std::vector<unsigned>{13U}));
}

TEST(Waivers, LineWaiverCoversItsLineOnly) {
  auto text = example("flawed-avoid");
  const std::string deadlift = "Deadlift – 3 × 8 @ 50kg";
  text.insert(text.find(deadlift) + deadlift.size(),
              " waive bp.avoid-deadlift reason \"supervised by the physio\" approved by \"J. Ortiz\"");
  const auto r = check_named(engine(), "w.plan", text);
  EXPECT_TRUE(r.errors.empty()) << errors_of(r);
  ASSERT_EQ(r.suppressed.size(), 1U);
  EXPECT_EQ(r.suppressed[0].waiver.scope, WaiverScope::line);
  EXPECT_EQ(r.suppressed[0].finding.rule_id, "bp.avoid-deadlift");
  EXPECT_EQ(ids(r.findings),
            (std::vector<std::string>{"bp.supported-rows", "bp.no-crunches-sit-ups", "bp.avoid-loaded-rotation"}));
}

TEST(Waivers, AWaiverWithoutAReasonIsASyntaxError) {
  const auto r = check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strength\n"));
  EXPECT_EQ(errors_of(r),
            "w.plan:1:31: error: expected 'reason \"...\"' after the rule id: every waiver says why the rule does not "
            "apply, found end of line\n"
            "  |\n"
            "1 | waive bp.rest-between-strength\n"
            "  |                               ^\n\n");
  const auto empty = check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strength reason \"  \"\n"));
  EXPECT_NE(errors_of(empty).find("w.plan:1:39: error: the waiver's reason is empty; say why the rule does not apply "
                                  "here"),
            std::string::npos)
      << errors_of(empty);
}

TEST(Waivers, SyntaxErrorsSayWhatWasExpected) {
  const auto first_line = [](const std::string& waiver) {
    const auto out = errors_of(check_named(engine(), "w.plan", waiver + "\nmon rest\n"));
    return out.substr(0, out.find('\n'));
  };
  EXPECT_EQ(first_line("waive 3x reason \"x\""),
            "w.plan:1:7: error: expected the id of the rule to waive, such as 'bp.avoid-deadlift', found '3x'");
  EXPECT_EQ(first_line("waive bp.rest-between-strength on reason \"x\""),
            "w.plan:1:35: error: expected a weekday such as 'wed' or 'day 3' after 'on', found 'reason'");
  EXPECT_EQ(first_line("waive bp.rest-between-strength reason \"x\" approved \"Dr\""),
            "w.plan:1:52: error: expected 'by' after 'approved', as in 'approved by \"Dr Lee\"', found '\"Dr\"'");
}

TEST(Waivers, AnExpiredWaiverIsAnErrorAndSuppressesNothing) {
  const auto r = check_named(engine(), "w.plan",
                             rest_plan("waive bp.rest-between-strength reason \"trial month\" until 2026-11-20\n"));
  EXPECT_TRUE(r.suppressed.empty());
  ASSERT_EQ(ids(r.findings), (std::vector<std::string>{"liftlint.waiver-expired", "bp.rest-between-strength"}));
  EXPECT_EQ(r.findings[0].severity, Severity::error);  // in file order: the waiver is on line 1
  EXPECT_EQ(r.findings[0].message, "the waiver of rule 'bp.rest-between-strength' expired on 2026-11-20");
  // The last day is still covered.
  const auto last_day = check_named(
      engine(), "w.plan", rest_plan("waive bp.rest-between-strength reason \"trial month\" until 2026-11-21\n"));
  EXPECT_EQ(last_day.suppressed.size(), 1U);
}

TEST(Waivers, AnUnusedWaiverIsAWarning) {
  const auto r = check_named(engine(), "w.plan", rest_plan("waive bp.avoid-deadlift reason \"no deadlifts here\"\n"));
  ASSERT_EQ(ids(r.findings), (std::vector<std::string>{"liftlint.waiver-unused", "bp.rest-between-strength"}));
  EXPECT_EQ(r.findings[0].severity, Severity::warning);
  EXPECT_EQ(r.findings[0].message, "the waiver of rule 'bp.avoid-deadlift' suppresses nothing");
  EXPECT_EQ(r.findings[0].location.line, 1U);
}

TEST(Waivers, UnknownRulesBadDatesAndMisplacedDaysAreErrors) {
  const auto unknown = check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strenght reason \"x\"\n"));
  EXPECT_NE(errors_of(unknown).find("w.plan:1:7: error: the waiver names rule 'bp.rest-between-strenght', which is "
                                    "not loaded"),
            std::string::npos);
  EXPECT_NE(errors_of(unknown).find("did you mean 'bp.rest-between-strength'?"), std::string::npos);
  const auto date =
      check_named(engine(), "w.plan", rest_plan("waive bp.rest-between-strength reason \"x\" until 2026-02-30\n"));
  EXPECT_NE(errors_of(date).find("w.plan:1:49: error: '2026-02-30' is not a date in the calendar"), std::string::npos)
      << errors_of(date);
  const auto on =
      check_named(engine(), "w.plan", rest_plan("", "  waive bp.rest-between-strength on tue reason \"x\"\n"));
  EXPECT_NE(errors_of(on).find("error: 'on' picks a weekday within a plan or week waiver; this waiver already covers "
                               "one session"),
            std::string::npos)
      << errors_of(on);
}

TEST(Waivers, JsonWaiversWorkAtEveryLevel) {
  const std::string plan = R"({
  "client": {"conditions": ["low_back_pain"], "cleared": true},
  "days": [
    {"day": "mon", "kind": "strength", "minutes": 30, "exercises": [
      {"exercise": "deadlift", "sets": 3, "reps": 8, "load_kg": 50,
       "waivers": [{"rule": "bp.avoid-deadlift", "reason": "supervised", "approved_by": "Dr Lee"}]}]},
    {"day": "tue", "kind": "strength", "minutes": 30, "exercises": [{"exercise": "glute bridge", "sets": 3, "reps": 12}],
     "waivers": [{"rule": "bp.rest-between-strength", "reason": "two short sessions"}]}
  ],
  "waivers": [{"rule": "bp.no-crunches-sit-ups", "reason": "not used", "on": "wed"}]
})";
  const auto r = check_named(engine(), "w.json", plan);
  EXPECT_TRUE(r.errors.empty()) << errors_of(r);
  std::vector<std::string> scopes;
  for (const auto& s : r.suppressed) scopes.push_back(s.finding.rule_id + " " + name_of(s.waiver.scope));
  EXPECT_EQ(scopes, (std::vector<std::string>{"bp.avoid-deadlift line", "bp.rest-between-strength session"}));
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.back().rule_id, "liftlint.waiver-unused");
  EXPECT_EQ(r.findings.back().location.line, 10U);
  const auto missing = check_named(engine(), "w.json", R"({"waivers": [{"rule": "bp.avoid-deadlift"}]})");
  EXPECT_NE(errors_of(missing).find("w.json:1:14: error: a waiver needs \"reason\": why the rule does not apply here"),
            std::string::npos)
      << errors_of(missing);
}

}  // namespace
}  // namespace liftlint::testing
