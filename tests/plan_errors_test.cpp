// Errors in plan files: the whole text a trainer reads, caret lines included.
#include <gtest/gtest.h>

#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Pack& pack() {
  static const auto loaded = load_pack(default_pack, {});
  return *loaded;
}

std::string errors_of(const std::string& text) { return check_plan(pack(), text, "test.plan"); }

TEST(PlanErrors, UnknownExerciseSuggestsTheClosestName) {
  EXPECT_EQ(errors_of("mon strength 30min {\n  glute bridg 3x12\n}\n"),
            "test.plan:2:3: error: unknown exercise 'glute bridg'\n"
            "  |\n"
            "2 |   glute bridg 3x12\n"
            "  |   ^^^^^^^^^^^\n"
            "  = help: did you mean 'glute bridge'? the line is checked as 'glute bridge' until it is corrected\n"
            "  = help: or declare it in the plan: exercise \"name\" { muscles ... pattern ... posture ... }; "
            "'liftlint catalog WORD' searches the catalogue\n"
            "  = fix: replace 'glute bridg' with 'glute bridge' (--fix)\n");
}

TEST(PlanErrors, ZeroSets) {
  EXPECT_EQ(errors_of("mon strength 30min {\n  glute bridge 0x10\n}\n"),
            "test.plan:2:16: error: sets must be at least 1, found 0\n"
            "  |\n"
            "2 |   glute bridge 0x10\n"
            "  |                ^\n");
}

TEST(PlanErrors, SetsWithoutRepetitions) {
  EXPECT_EQ(errors_of("mon strength 30min {\n  glute bridge 3x\n}\n"),
            "test.plan:2:16: error: expected repetitions after 'x', such as 3x12, 3 x 8-12 or 3 x 30s\n"
            "  |\n"
            "2 |   glute bridge 3x\n"
            "  |                ^^\n");
}

TEST(PlanErrors, NegativeLoad) {
  EXPECT_EQ(errors_of("mon strength 30min {\n  goblet squat 3x10 @ -5kg\n}\n"),
            "test.plan:2:23: error: a load cannot be negative; write the weight lifted, such as @ 5kg\n"
            "  |\n"
            "2 |   goblet squat 3x10 @ -5kg\n"
            "  |                       ^^\n");
}

TEST(PlanErrors, UnknownWeekday) {
  EXPECT_EQ(errors_of("tus strength 30min {\n  glute bridge 3x12\n}\n"),
            "test.plan:1:1: error: unknown day 'tus'; expected a weekday such as mon or Monday, or 'Day N'\n"
            "  |\n"
            "1 | tus strength 30min {\n"
            "  | ^^^\n"
            "  = help: did you mean 'tue'?\n");
}

TEST(PlanErrors, MissingClosingBrace) {
  EXPECT_EQ(errors_of("mon strength 30min {\n  glute bridge 3x12\n"),
            "test.plan:3:1: error: expected '}' before the end of the file\n"
            "  |\n"
            "3 | \n"
            "  | ^\n");
}

TEST(PlanErrors, UnknownConditionAndImpossibleDate) {
  EXPECT_EQ(errors_of("client {\n  conditions chronic_low_back_pian\n  cleared yes by \"GP\" on 2026-02-30\n}\n"),
            "test.plan:2:14: error: unknown condition 'chronic_low_back_pian'\n"
            "  |\n"
            "2 |   conditions chronic_low_back_pian\n"
            "  |              ^^^^^^^^^^^^^^^^^^^^^\n"
            "  = help: did you mean 'chronic_low_back_pain'?\n"
            "  = help: 'liftlint vocab conditions' lists the conditions a plan may name\n"
            "test.plan:3:26: error: '2026-02-30' is not a date in the calendar\n"
            "  |\n"
            "3 |   cleared yes by \"GP\" on 2026-02-30\n"
            "  |                          ^^^^^^^^^^\n");
}

TEST(PlanErrors, RestDayWithASession) {
  EXPECT_EQ(errors_of("week 1 {\n  mon strength { glute bridge 3x12 }\n  mon rest\n}\n"),
            "test.plan:3:3: error: mon is both a rest day and a training day in this week\n"
            "  |\n"
            "3 |   mon rest\n"
            "  |   ^^^\n"
            "  = note: first written at test.plan:2:3\n"
            "  = help: remove 'rest', or move the session to another day\n");
}

TEST(PlanErrors, AnAtWithoutAUnitIsAmbiguous) {
  EXPECT_EQ(errors_of("mon strength {\n  glute bridge 3x12 @ 60\n}\n"),
            "test.plan:2:23: error: '@ 60' has no unit: write a load such as '@ 60kg' or '@ 60lb', or a percentage "
            "such as '@ 60%'\n"
            "  |\n"
            "2 |   glute bridge 3x12 @ 60\n"
            "  |                       ^^\n");
}

TEST(PlanErrors, OverlappingWeeks) {
  const auto text = errors_of("week 1..4 {\n  mon rest\n}\nweek 3 {\n  mon rest\n}\n");
  EXPECT_NE(text.find("test.plan:4:1: error: week 3 is planned twice"), std::string::npos) << text;
  EXPECT_NE(text.find("note: first planned at test.plan:1:1"), std::string::npos) << text;
}

TEST(PlanErrors, UnknownSessionKind) {
  const auto text = errors_of("mon strenght {\n  glute bridge 3x12\n}\n");
  EXPECT_NE(text.find("error: unknown session kind 'strenght'"), std::string::npos) << text;
  EXPECT_NE(text.find("did you mean 'strength'?"), std::string::npos) << text;
}

TEST(PlanErrors, HugeNumbersAreRejectedNotWrapped) {
  const auto text = errors_of("mon strength {\n  glute bridge 99999999999999999999x12\n}\n");
  EXPECT_NE(text.find("error:"), std::string::npos) << text;
}

// The notes on lines, without the one that says the plan records no condition of its client.
std::vector<Problem> line_notes(const PlanReport& report) {
  std::vector<Problem> out;
  for (const auto& n : report.notes) {
    if (n.rule_id != no_condition_code) out.push_back(n);
  }
  return out;
}

// A line with no dose whose words are no exercise is the trainer's note: said, not an input error.
TEST(PlanNotes, ALineWithNoDoseAndNoExerciseIsReadAsANote) {
  const auto report =
      check_named(default_engine(), "notes.plan",
                  "Monday - lower body\nGoblet squat 3x10 @ 12kg\nBring water and a mat\nFINISHERS\nGlute bridge "
                  "3x12\nlet me know how it goes\nRach\n");
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  ASSERT_EQ(line_notes(report).size(), 3U);
  EXPECT_EQ(line_notes(report)[0].message,
            "'Bring water and a mat' read as a note: no exercise the catalogue knows, and no dose");
  EXPECT_EQ(line_notes(report)[0].location.line, 3);
  EXPECT_EQ(line_notes(report)[0].severity, Severity::info);
  EXPECT_EQ(line_notes(report)[2].message, "'Rach' read as a note: no exercise the catalogue knows, and no dose");
}

// `Mark`, `Tom`, `Fran`: a one-word sign-off or a workout's name is as far from `jerk`, `t2b` or `run` as a
// misspelling could be, but begins otherwise and is two slips away: a note.
TEST(PlanNotes, AWordOnlyDistantlyLikeAnExerciseIsANote) {
  const auto report = check_named(default_engine(), "s.plan", "Monday\nGoblet squat 3x10\nThanks,\nMark\n");
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  ASSERT_EQ(line_notes(report).size(), 1U);
  EXPECT_EQ(line_notes(report).front().message, "'Mark' read as a note: no exercise the catalogue knows, and no dose");
}

// What could still be an exercise stays an error: a misspelt one (it may be one the rules forbid), one with a
// dose, and the only line of a session.
TEST(PlanNotes, WhatMayBeAnExerciseStaysAnError) {
  const auto misspelt = check_named(default_engine(), "a.plan", "Monday\nGoblet squat 3x10\nSqauts\n");
  ASSERT_EQ(misspelt.errors.size(), 1U);
  EXPECT_EQ(misspelt.errors.front().message, "unknown exercise 'Sqauts'");
  const auto dosed = check_named(default_engine(), "b.plan", "Monday\nGoblet squat 3x10\nfrobnicator 3x5\n");
  ASSERT_EQ(dosed.errors.size(), 1U);
  EXPECT_EQ(dosed.errors.front().message, "unknown exercise 'frobnicator'");
  const auto named = check_named(default_engine(), "r.plan", "Monday\nGoblet squat 3x10\nResisted row\n");
  ASSERT_EQ(named.errors.size(), 1U);
  EXPECT_EQ(named.errors.front().message, "unknown exercise 'Resisted row'");
  const auto alone = check_named(default_engine(), "c.plan", "Monday\nGoblet squat 3x10\nSaturday\nfrobnicator\n");
  ASSERT_EQ(alone.errors.size(), 1U);
  EXPECT_TRUE(line_notes(alone).empty());
}

// `glute bridge 3x12 (slow` and `down)` on the next line: the second half of the aside is a note.
TEST(PlanNotes, TheRestOfAnAsideOnTheNextLineIsANote) {
  const auto report =
      check_named(default_engine(), "d.plan", "mon strength 30min {\n  glute bridge 3x12 (slow\n  down)\n}\n");
  EXPECT_TRUE(report.errors.empty());
  ASSERT_EQ(line_notes(report).size(), 1U);
  EXPECT_EQ(line_notes(report).front().location.line, 3);
}

// Before the first session, a line of words with no dose is the programme's title, unless it names exercises.
TEST(PlanNotes, ATitleBeforeTheFirstSessionIsANote) {
  const auto titled =
      check_named(default_engine(), "t.plan",
                  "🌸 MAMA STRONG — 4 week return to exercise 🌸\nhome plan while the gym's shut (2 wks)\n"
                  "Monday\nGoblet squat 3x10\n");
  EXPECT_TRUE(titled.errors.empty()) << (titled.errors.empty() ? "" : titled.errors.front().message);
  ASSERT_EQ(line_notes(titled).size(), 2U);
  EXPECT_EQ(line_notes(titled).back().message,
            "'home plan while the gym's shut (2 wks)' read as a note: it comes before the first session and gives no "
            "dose");
  const auto app = check_named(default_engine(), "a.plan", "EVERFIT\n\nMonday\nGoblet squat 3x10\n");
  EXPECT_TRUE(app.errors.empty()) << (app.errors.empty() ? "" : app.errors.front().message);
  ASSERT_EQ(line_notes(app).size(), 1U);
  for (const char* text : {"Core: sit-ups, Russian twists\nMonday\nGoblet squat 3x10\n", "Goblet squat 3010\n",
                           "Deadlifts\nMonday\nGoblet squat 3x10\n", "Sqauts\nMonday\nGoblet squat 3x10\n",
                           "W9999D1 strength\n- goblet squat 3x10\n", "plan Beginner block\n"}) {
    const auto report = check_named(default_engine(), "e.plan", text);
    ASSERT_FALSE(report.errors.empty()) << text;
    EXPECT_EQ(report.errors.front().location.line, 1) << text;
  }
}

bool has_condition(const std::string& text, const char* id) {
  const SourceFile file{"c.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  if (!parsed) return false;
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  const auto& vocab = pack().rules->vocab(model::Category::condition);
  const auto index = vocab.find(id);
  return resolved && index && resolved->client.conditions.test(*index);
}

// A title before the first session says what it says of the client; a class's or a team's title does not
// speak of one client.
TEST(PlanNotes, ATitleSaysWhatItSaysOfTheClient) {
  EXPECT_TRUE(
      has_condition("Prenatal strength - Hannah (24wks, 2nd pregnancy)\nMonday\nGoblet squat 3x10\n", "pregnancy"));
  EXPECT_TRUE(has_condition("Back care after a disc bulge\nMonday\nGoblet squat 3x10\n", "low_back_pain"));
  EXPECT_FALSE(has_condition("Back care class (12 booked)\nSeveral with a disc bulge\nMonday\nGoblet squat 3x10\n",
                             "low_back_pain"));
  EXPECT_FALSE(has_condition("Summer shred, no back pain\nMonday\nGoblet squat 3x10\n", "low_back_pain"));
}

// A flare-up that comes and goes is history, not one the client has now.
TEST(PlanNotes, AFlareUpNowAndThenIsNotACurrentOne) {
  for (const char* history : {"History: chronic LBP, still gets flare ups sometimes", "History: LBP, the odd flare-up",
                              "History: LBP with flare-ups now and then"}) {
    const auto text = std::string(history) + "\nCleared: yes by physio\nMonday\nGoblet squat 3x10\n";
    EXPECT_FALSE(has_condition(text, "flare_up")) << history;
    EXPECT_TRUE(has_condition(text, "low_back_pain")) << history;
  }
  EXPECT_TRUE(has_condition("History: acute flare-up this week\nMonday\nGoblet squat 3x10\n", "flare_up"));
}

// `Wk 2: add tuck jumps 3 x 10` inside a session: a change for a later week, said as a note, not a week that
// swallows it.
TEST(PlanNotes, AChangeForALaterWeekIsANote) {
  const auto report =
      check_named(default_engine(), "w.plan",
                  "Week 1\nMonday\nGoblet squat 3x10\nWk 2: add tuck jumps 3 x 10\nW3: RDL up to 30kg\n");
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  ASSERT_EQ(line_notes(report).size(), 2U);
  EXPECT_EQ(line_notes(report).front().message,
            "'Wk 2: add tuck jumps 3 x 10' read as a note: a change for a later week; write that week out to have it "
            "checked");
  // `Squat: 4×6 @ 70%, wk2 4×5 @ 75%`: week 1's dose, and the later weeks' said as a note
  const auto inline_weeks =
      check_named(default_engine(), "i.plan", "Monday\nGoblet squat 3x10\nSquat: 4x6 @ 70%, wk2 4x5 @ 75%\n");
  EXPECT_TRUE(inline_weeks.errors.empty()) << (inline_weeks.errors.empty() ? "" : inline_weeks.errors.front().message);
  ASSERT_EQ(line_notes(inline_weeks).size(), 1U);
  EXPECT_EQ(line_notes(inline_weeks).front().message,
            "'wk2 4x5 @ 75%' read as a note: the doses of later weeks; write those weeks out to have them checked");
  const auto reading =
      default_engine().read_text("w.plan", "Week 1\nMonday\nGoblet squat 3x10\nWk 2: add 3 x 10\n", PlanFormat::text);
  EXPECT_TRUE(reading.errors.empty());
  EXPECT_EQ(reading.notes.size(), 1U);
}

}  // namespace
}  // namespace liftlint::testing
