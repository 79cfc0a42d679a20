// The notation trainers type resolves to the same numbers whichever way it is written.
#include <fmt/format.h>
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

// Resolves a one-line session and returns its only line.
plan::Line line_of(const std::string& exercise_line) {
  const SourceFile file{"p.plan", "mon strength {\n  " + exercise_line + "\n}\n"};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  EXPECT_TRUE(parsed.has_value()) << render(diagnostics);
  if (!parsed) return {};
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  EXPECT_TRUE(resolved.has_value()) << render(diagnostics);
  if (!resolved) return {};
  return resolved->blocks.front().sessions.front().lines.front();
}

TEST(PlanNotation, SetsAndRepsInEverySpelling) {
  for (const char* text : {"glute bridge 3x12", "Glute bridge – 3 × 12", "glute bridges 3 X 12", "glute-bridge 3*12"}) {
    const auto l = line_of(text);
    EXPECT_EQ(l.sets, 3) << text;
    EXPECT_EQ(l.reps, 12) << text;
    EXPECT_EQ(l.exercise->name, "glute bridge") << text;
  }
}

TEST(PlanNotation, RepRangesAndSides) {
  const auto l = line_of("bird-dog 3x8-12/side");
  EXPECT_EQ(l.reps, 8);
  EXPECT_EQ(l.reps_max, 12);
  EXPECT_TRUE(l.each_side);
  EXPECT_TRUE(line_of("bird-dog 3 × 10 each side").each_side);
}

TEST(PlanNotation, TimedSetsAndHolds) {
  const auto plank = line_of("side plank 3 × 20–30 seconds each side");
  EXPECT_EQ(plank.sets, 3);
  EXPECT_EQ(plank.hold_seconds, 30);
  EXPECT_FALSE(plank.reps.has_value());
  const auto stretch = line_of("hamstring stretch 30-40s");
  EXPECT_EQ(stretch.sets, 1);
  EXPECT_EQ(stretch.hold_seconds, 40);
  EXPECT_EQ(line_of("plank 2 x 1 min").hold_seconds, 60);
}

TEST(PlanNotation, RepsOnlyAndSteps) {
  EXPECT_EQ(line_of("cat-cow x10").reps, 10);
  EXPECT_EQ(line_of("glute band walk x20 steps").reps, 20);
}

TEST(PlanNotation, LoadsInKilogramsAndPounds) {
  EXPECT_DOUBLE_EQ(*line_of("goblet squat 3x10 @ 8kg").load_kg, 8);
  EXPECT_NEAR(*line_of("goblet squat 3x10 @ 17.5 lb").load_kg, 7.94, 0.01);
  EXPECT_TRUE(line_of("goblet squat 3x10 @ 8kg").loaded);
}

TEST(PlanNotation, IntensityTempoAndRest) {
  const auto l = line_of("goblet squat 3x8 @ RPE 7 tempo 3-1-2 rest 90s");
  EXPECT_EQ(l.rpe, 7);
  EXPECT_TRUE(l.has_tempo);
  EXPECT_EQ(l.eccentric, 3);
  EXPECT_EQ(l.rest_seconds, 90);
  EXPECT_EQ(line_of("goblet squat 3x8 RIR 2").rir, 2);
  EXPECT_EQ(line_of("goblet squat 3x8 70%").percent, 70);
}

TEST(PlanNotation, BodyweightAndBandsAreNotLoaded) {
  EXPECT_FALSE(line_of("split squat 3x10 bodyweight").loaded);
  EXPECT_FALSE(line_of("split squat 3x10 BW").loaded);
  EXPECT_TRUE(line_of("bodyweight squat 3x10").exercise != nullptr);
  const auto band = line_of("clamshell 3x15 @ red band");
  EXPECT_FALSE(band.loaded);
}

TEST(PlanNotation, AWeightOnABareBodyweightNameIsTheLoadedLift) {
  EXPECT_EQ(line_of("squat 3x5 @ 100kg").exercise->name, "back squat");
  EXPECT_EQ(line_of("squat 5x5 @ 75%").exercise->name, "back squat");
  EXPECT_EQ(line_of("squat 3x10 16kg").exercise->name, "dumbbell squat");
  EXPECT_EQ(line_of("lunge 3x10 2x10kg").exercise->name, "dumbbell lunge");
  // what the trainer named, or no weight at all, is kept
  EXPECT_EQ(line_of("squat 3x10").exercise->name, "bodyweight squat");
  EXPECT_EQ(line_of("goblet squat 3x10 16kg").exercise->name, "goblet squat");
  EXPECT_EQ(line_of("squat 3x10 band").exercise->name, "bodyweight squat");
  EXPECT_EQ(line_of("push-up 3x10 +10kg").exercise->name, "push-up");
}

TEST(PlanNotation, OverridesAndNotes) {
  const auto l = line_of("Romanian deadlift (light dumbbells) – 3 × 10 posture seated equipment dumbbell");
  const auto& vocab = pack().rules->vocab(model::Category::posture);
  EXPECT_EQ(vocab.at(l.posture).id, "seated");
  EXPECT_EQ(l.exercise->name, "romanian deadlift");
}

TEST(PlanNotation, QuotedNamesForAnythingAmbiguous) {
  EXPECT_EQ(line_of("\"RDL\" 3x10").exercise->name, "romanian deadlift");
}

TEST(PlanNotation, PlanDeclaredExercise) {
  const SourceFile file{"p.plan",
                        "exercise \"wall sit hold\" {\n  muscles quads\n  pattern squat\n  posture standing\n}\n"
                        "mon strength { wall sit hold 3 x 30s }\n"};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  ASSERT_TRUE(parsed);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  ASSERT_TRUE(resolved) << render(diagnostics);
  EXPECT_EQ(resolved->blocks.front().sessions.front().lines.front().exercise->name, "wall sit hold");
}

// The session resolved from a plan of one day: its header, then what follows it.
plan::Session session_of(const std::string& text, std::string* errors) {
  const SourceFile file{"p.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  std::optional<plan::Plan> resolved;
  if (parsed) resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  *errors = render(diagnostics);
  if (!resolved || resolved->blocks.empty() || resolved->blocks.front().sessions.empty()) return {};
  return resolved->blocks.front().sessions.front();
}

// A day header that gives the session's title and a count of rounds opens a group of the lines under it.
TEST(PlanNotation, ADayHeaderWithRoundsOpensAGroup) {
  for (const char* header : {"Fri - Circuit 3 rounds", "Thu — Full body circuit x3", "Sat - Conditioning, 3 rounds",
                             "Monday: 3 rounds", "Wed | Core circuit (3 rds)", "Week 1 Day 2 - Circuit x3",
                             "Fri - Kettlebell circuit: 3 rounds", "Friday – HIIT circuit, 3 rounds"}) {
    std::string errors;
    const auto session = session_of(std::string(header) + "\nGoblet squat 10\nPush-up 12\nPlank 30s\n", &errors);
    EXPECT_TRUE(errors.empty()) << header << "\n" << errors;
    ASSERT_EQ(session.lines.size(), 3U) << header;
    for (const auto& l : session.lines) {
      EXPECT_EQ(l.sets, 3) << header << ": " << l.exercise->name;
      EXPECT_FALSE(l.group.empty()) << header << ": " << l.exercise->name;
      EXPECT_EQ(l.group, session.lines.front().group) << header;
    }
  }
}

// An exercise after the day keeps its dose: the rounds are its sets, and no group opens.
TEST(PlanNotation, AnExerciseAfterTheDayWithRoundsStaysAnExercise) {
  for (const char* header :
       {"Mon - Burpees 3 rounds", "Mon - Burpees, 3 rounds", "Tue: 3 rounds of 10 burpees", "Fri - Squat 3 sets"}) {
    std::string errors;
    const auto session = session_of(std::string(header) + "\nPlank 30s\n", &errors);
    EXPECT_TRUE(errors.empty()) << header << "\n" << errors;
    ASSERT_EQ(session.lines.size(), 2U) << header;
    EXPECT_TRUE(session.lines.back().group.empty()) << header;
  }
}

// A day header may give a date (an ordinal, or day/month), a time of day, a session's name and a class's length
// before or after its separator; the lines under it are the session.
TEST(PlanNotation, DayHeadersWithDatesTimesNamesAndLengths) {
  struct Case {
    const char* header;
    int weekday;
    double minutes;  // 0: no length
  };
  for (const auto& c :
       {Case{"Mon 7th", 0, 0}, Case{"Tue 7th — 30 min", 1, 30}, Case{"Thurs 9th 7:30am — Session B (45 mins)", 3, 45},
        Case{"Sunday 19/10 — strength", 6, 0}, Case{"Mon 6pm  PUMP 45", 0, 45},
        Case{"Tues 12:15  LEGS BUMS TUMS (30)", 1, 30}, Case{"Monday - Lower (45)", 0, 45},
        Case{"Tues - Session 1 (50 min)", 1, 50}, Case{"Wed - Workout A", 2, 0}, Case{"Fri 10th Oct: upper", 4, 0}}) {
    std::string errors;
    const auto session = session_of(std::string(c.header) + "\nGoblet squat 3x10\n", &errors);
    EXPECT_TRUE(errors.empty()) << c.header << "\n" << errors;
    ASSERT_EQ(session.lines.size(), 1U) << c.header;
    EXPECT_EQ(session.weekday, c.weekday) << c.header;
    if (c.minutes > 0) {
      ASSERT_TRUE(session.duration_seconds.has_value()) << c.header;
      EXPECT_EQ(*session.duration_seconds, c.minutes * 60) << c.header;
    } else {
      EXPECT_FALSE(session.duration_seconds.has_value()) << c.header;
    }
  }
}

// What each line of a one-day plan was read as: the exercise and its sets, in order. An unknown exercise lives in
// the plan, so the names are read before it goes.
// The plan resolved against the default pack, and what was reported on reading it. Only what the plan holds by
// value is to be read: its spans point into a file that is gone.
std::optional<plan::Plan> read_plan(const std::string& text, std::string* errors) {
  const SourceFile file{"p.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  std::optional<plan::Plan> resolved;
  if (parsed) resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  *errors = render(diagnostics);
  return resolved;
}

std::vector<std::string> lines_of(const std::string& text, std::string* errors) {
  const auto resolved = read_plan(text, errors);
  std::vector<std::string> out;
  if (!resolved || resolved->blocks.empty() || resolved->blocks.front().sessions.empty()) return out;
  for (const auto& l : resolved->blocks.front().sessions.front().lines) {
    out.push_back(fmt::format("{}{}{}", l.exercise->name, l.sets ? fmt::format(" {}", *l.sets) : "",
                              l.block == model::Block::warmup ? " (warm-up)" : ""));
  }
  return out;
}

// `Back squat` then `5x5 @ 80kg`; `Deadlift:` then `3x5`; `Then 5 x 3 @ 85%` after a dosed line: a dose on a line
// of its own belongs to the exercise above it.
TEST(PlanNotation, ADoseOnTheNextLineIsTheExerciseAbove) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nBack squat\n5x5 @ 80kg\nDeadlift:\n3x5 @ 100kg\nBench press 3x8\nThen 2 x 12 @ 40kg\n",
                     &errors),
            (std::vector<std::string>{"back squat 5", "deadlift 3", "bench press 3", "bench press 2"}));
  EXPECT_TRUE(errors.empty()) << errors;
  // a bare dose after a dosed line may be a name left out
  lines_of("Monday\nBird dog 3x10\n- 3x12 @ 10kg\n", &errors);
  EXPECT_NE(errors.find("expected an exercise name"), std::string::npos) << errors;
}

// `Comp squat 1@7, 4x5@150`: a top single at an RPE, then back-off sets of the same exercise. A bare number of 10
// or less after `@` beside a load of 20 or more is the single's RPE; `2x16` after `5x5`, with no intensity of its
// own, may be a pair of kettlebells and is not read as more sets.
TEST(PlanNotation, ATopSingleThenBackOffSets) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nComp squat 1@7, 4x5@150kg\nBench 1x1 @8, 3x5 @ 85kg\n", &errors),
            (std::vector<std::string>{"back squat", "back squat 4", "bench press 1", "bench press 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
  lines_of("Monday\nDeadlift x3 @ 8\n", &errors);
  EXPECT_NE(errors.find("'@ 8' has no unit"), std::string::npos) << errors;
  lines_of("Monday\nDouble KB front squat 5x5, 2x16\n", &errors);
  EXPECT_NE(errors.find("already gives a number of sets"), std::string::npos) << errors;
}

// A coach's remark with numbers names no exercise and is a note; one that names an exercise still prescribes it,
// and one certainly misspelt is reported.
TEST(PlanNotation, ACoachsRemarkWithNumbersIsANote) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nDeadlift 5x5 @ 80kg\n  Coach instructions: Add 10 lb per week. Goal is 225.\n"
                     "  Coach: add 10 lb per week\nCue: goblet squat 3x10 @ 16kg\n",
                     &errors),
            (std::vector<std::string>{"deadlift 5", "goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
  lines_of("Monday\nCue: gobelt squat 3x10 @ 16kg\n", &errors);
  EXPECT_NE(errors.find("gobelt squat"), std::string::npos) << errors;
}

// `Then AMRAP 10:`, `Finish with 10 min bike`, `abs:`: words that say what comes next, and headings, are not
// exercises.
TEST(PlanNotation, SequenceWordsAndHeadingsAreNotExercises) {
  std::string errors;
  EXPECT_EQ(
      lines_of("Monday\nGoblet squat 3x10\nabs:\nDead bug 3x8\nThen plank 3 x 30s\nFinish with 10 min bike\n", &errors),
      (std::vector<std::string>{"goblet squat 3", "dead bug 3", "plank 3", "stationary bike 1"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// After `Warm up -`, a count before a name is the first exercise's dose, not the warm-up's length.
TEST(PlanNotation, ACountAfterAWarmUpsDashIsTheFirstExercises) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nwarm up - 2 mins bike, 10 arm circles, 10 hip hinges\nGoblet squat 3x10\n", &errors),
            (std::vector<std::string>{"stationary bike 1 (warm-up)", "arm circle (warm-up)",
                                      "hip hinge drill (warm-up)", "goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `2 mins march, 10 arm circles`: when one item of a list is unknown, the others are still read.
TEST(PlanNotation, AnUnknownItemOfAListCostsOnlyItself) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nGoblet squat 3x10\nWarm up: 2 mins frobnicate, 10 arm circles, 10 hip hinges\n", &errors),
            (std::vector<std::string>{"goblet squat 3", "frobnicate 1 (warm-up)", "arm circle (warm-up)",
                                      "hip hinge drill (warm-up)"}));
  EXPECT_NE(errors.find("unknown exercise 'frobnicate'"), std::string::npos) << errors;
}

// `Mon - Legs: back squat 4x10 | deadlift 4x8`: a title after the day, then exercises parted by bars.
TEST(PlanNotation, ATitleAfterTheDayThenExercisesPartedByBars) {
  std::string errors;
  EXPECT_EQ(lines_of("Mon - Legs: back squat 4x10 | deadlift 4x8 | leg press 3x15\n", &errors),
            (std::vector<std::string>{"back squat 4", "deadlift 4", "leg press 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `C. AMRAP 12: 10 burpees, 15 KB swings`: a part's letter before a group's header, and its first exercises.
TEST(PlanNotation, APartsLetterBeforeAGroupHeader) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nGoblet squat 3x10\n\nC. AMRAP 12: 10 burpees, 15 KB swings\n\nD) 3 rds:\nPush-up 10\n",
                     &errors),
            (std::vector<std::string>{"goblet squat 3", "burpee", "kettlebell swing", "push-up 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `BBB: Bench 5x10 @ 50%`, `Back off: back squat 2x3 @ 80%`: a label before a colon, then what it holds; a
// label that is itself an exercise keeps its dose (`Squat: 4x6 @ 70%`, not a misspelt Saturday).
TEST(PlanNotation, ALabelBeforeAColonThenTheExercise) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nBBB: Bench 5x10 @ 50%\nBack off: back squat 2x3 @ 80%, deadlift 2x3 @ 80%\nSquat: 4x6 "
                     "@ 70%\n",
                     &errors),
            (std::vector<std::string>{"bench press 5", "back squat 2", "deadlift 2", "back squat 4"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Fri – same as Tue`, `Sat - repeat day 2`: the session written on the day referred to, exercises and kind.
TEST(PlanNotation, ASessionWrittenAsAnotherDaysIsCopied) {
  const SourceFile file{"c.plan",
                        "Tue – Strength\nGoblet squat 3x10\nDead bug 3x10\nThu - walk 30 min\nFri – same as Tue\n"};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  ASSERT_TRUE(parsed);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  EXPECT_EQ(render(diagnostics), "");
  ASSERT_TRUE(resolved);
  const auto& sessions = resolved->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 3U);
  ASSERT_EQ(sessions[2].lines.size(), 2U);
  EXPECT_EQ(sessions[2].lines[0].exercise->name, "goblet squat");
  EXPECT_EQ(pack().rules->vocab(model::Category::session_kind).at(sessions[2].kind).id, "strength");
}

// `Thu - S&C: back squat 3x8, RDL 3x8`, `Mon: gym – goblet squat 3x12`, `Tue - 10km w/ 6 x 800m @ 10k pace`: a
// title, then the session's exercises; a run with what it holds.
TEST(PlanNotation, ATitleWithADashOrColonThenTheExercises) {
  std::string errors;
  EXPECT_EQ(lines_of("Thu - S&C: back squat 3x8, RDL 3x8\n", &errors),
            (std::vector<std::string>{"back squat 3", "romanian deadlift 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
  EXPECT_EQ(lines_of("Mon: gym – goblet squat 3x12 @ 20kg, farmer carry 4 x 30m @ 24kg\n", &errors),
            (std::vector<std::string>{"goblet squat 3", "farmer's carry 4"}));
  EXPECT_TRUE(errors.empty()) << errors;
  EXPECT_EQ(lines_of("Tue - 10km w/ 6 x 800m @ 10k pace\n", &errors), (std::vector<std::string>{"running"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Any pain down the leg, stop and text me x`: a sign-off with a kiss is a sentence, not sets.
TEST(PlanNotation, ASignOffWithAKissIsNoExercise) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nGoblet squat 3x10\nAny pain down the leg, stop and text me x\n", &errors),
            (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Day 1 (A1)`, `Day 2 (B1)`: a rotation's letter and number after the day, in parentheses.
TEST(PlanNotation, ARotationsLabelAfterTheDay) {
  std::string errors;
  const auto sessions = lines_of("Day 1 (A1)\nGoblet squat 3x10\n", &errors);
  EXPECT_EQ(sessions, (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
  EXPECT_EQ(lines_of("Day 1 (A1)\nGoblet squat 3x10\nDay 2 (B1)\nPush-up 3x10\n", &errors),
            (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Warm-up as Mon`, `same warm up`, `Cool down as before`: the block written on the day referred to, or on the
// latest earlier session; `Warm up: same` too.
TEST(PlanNotation, AWarmUpOrCoolDownWrittenElsewhereIsCopied) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nWarm up - 5 min bike\nGoblet squat 3x10\n", &errors).size(), 2U);
  const std::string monday = "Monday\nWarm up: cat cow x10\nGoblet squat 3x10\nCool down: child's pose 60s\n";
  for (const char* thursday : {"Thursday\nWarm-up as Mon\nDeadlift 3x5\nCool down as Mon\n",
                               "Thursday\nsame warm up\nDeadlift 3x5\nCool down as before\n",
                               "Thursday\nWarm up: same\nDeadlift 3x5\nCD same as Monday\n"}) {
    const SourceFile file{"p.plan", monday + thursday};
    Diagnostics diagnostics;
    const auto parsed = plan::parse_plan_file(file, diagnostics);
    ASSERT_TRUE(parsed) << thursday;
    const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors()) << thursday << render(diagnostics);
    ASSERT_TRUE(resolved && resolved->blocks.front().sessions.size() == 2) << thursday;
    const auto& session = resolved->blocks.front().sessions.back();
    std::vector<std::string> names;
    for (const auto& l : session.lines) names.push_back(l.exercise->name);
    EXPECT_EQ(names, (std::vector<std::string>{"cat-cow", "deadlift", "child's pose"})) << thursday;
    EXPECT_TRUE(session.has_cooldown) << thursday;
  }
}

// `Circuit A – 4 rounds, 40s on / 20s off`, `Core circuit 2 rounds: dead bug x10, …`, `Main set – 2 rounds, work at
// your own pace`, `PART B — Double KB complex, 5 rounds`: a titled group header, whose lines get its rounds.
TEST(PlanNotation, AGroupHeaderWithATitleBeforeItsRounds) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nCircuit A \u2013 4 rounds, 40s on / 20s off\npush ups\nsquats\n\n"
                     "Core circuit 2 rounds: dead bug x10, side plank 30s e/s\n\n"
                     "Main set \u2013 2 rounds, work at your own pace\nlunges x10\n\n"
                     "PART B \u2014 Double KB complex, 5 rounds, rest 90s between\n2 cleans\n",
                     &errors),
            (std::vector<std::string>{"push-up 4", "bodyweight squat 4", "dead bug 2", "side plank 2", "lunge 2",
                                      "clean 5"}));
  EXPECT_TRUE(errors.empty()) << errors;
  // a title naming an exercise is the exercise, done for rounds
  EXPECT_EQ(lines_of("Monday\nBurpees 3 rounds\n", &errors), (std::vector<std::string>{"burpee 3"}));
}

// `Notes: keep 2 reps in reserve`, `Target: sub 5:00`: a remark's numbers are no dose, and its words no exercise.
// After `Cue:` a dose still makes an exercise line, so that a misspelt name is reported.
TEST(PlanNotation, ARemarkAfterItsLabelIsNoExercise) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nBench press 3x8\nNotes: keep 2 reps in reserve\nTarget: backs sub 5:00, forwards sub "
                     "5:30\nProgression: add 2.5kg a week\nBring: mat, bands, 2 x 5kg plates\n",
                     &errors),
            (std::vector<std::string>{"bench press 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
  lines_of("Monday\nCue: deadlfit 3x5\n", &errors);
  EXPECT_NE(errors.find("unknown exercise 'deadlfit'"), std::string::npos) << errors;
}

// `5 min warm up`, `10 min cool down`: a block given its length first is the whole block; what follows is main
// work. `calf raise like 4 sets of 15`: a word said in passing is no part of the name.
TEST(PlanNotation, ALengthBeforeAWarmUpOrCoolDown) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\n5 min warm up\nsquat 3x5\ncalf raise like 4 sets of 15\n10 min cool down\n", &errors),
            (std::vector<std::string>{"bodyweight squat 3", "calf raise 4"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// A sheet's rows with the weekday in a column of its own, pasted with tabs (a week's number in the first cell, the
// distance and notes in the cells after the session's) or aligned with spaces; a row of totals is for the reader.
TEST(PlanNotation, ASheetsRowsWithTheWeekdayInAColumn) {
  const std::string tabbed =
      "WK\tDAY\tSESSION\tKM\tNOTES\n5\tMON\tRest\t0\t\n\tTUE\tGoblet squat 3x10\t0\tgo light\n"
      "\tWED\tEasy run 45 min\t8\tHR cap 145\n\t\tTOTAL\t8\t\n";
  const SourceFile file{"p.plan", tabbed};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  ASSERT_TRUE(parsed);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << render(diagnostics);
  ASSERT_TRUE(resolved && resolved->blocks.size() == 1);
  EXPECT_EQ(resolved->blocks.front().first, 5);
  std::vector<std::string> names;
  for (const auto& session : resolved->blocks.front().sessions) {
    for (const auto& l : session.lines) names.push_back(l.exercise->name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"goblet squat", "running"}));
  std::string errors;
  EXPECT_EQ(lines_of("  Mon   Comp squat 3x3 @ 82%   |  Comp bench 4x4 @ 80%   |  Pendlay row 4x6\n", &errors),
            (std::vector<std::string>{"back squat 3", "bench press 4", "pendlay row 4"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// A certain misspelling (the only name a letter away) stays an error with its fix, and the line is checked as that
// exercise meanwhile, so that the rules still see it; a guess is only a hint.
TEST(PlanNotation, ACertainMisspellingIsCheckedAsTheExerciseMeant) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nRomainian deadlift 3x8 @ 40kg\nReverse peck deck 4x15\n", &errors),
            (std::vector<std::string>{"romanian deadlift 3", "reverse pec deck 4"}));
  EXPECT_NE(errors.find("unknown exercise 'Romainian deadlift'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("the line is checked as 'romanian deadlift' until it is corrected"), std::string::npos)
      << errors;
  EXPECT_EQ(lines_of("Monday\nglut brdg 3x8\n", &errors), (std::vector<std::string>{"glut brdg 3"}));
  EXPECT_EQ(errors.find("the line is checked as"), std::string::npos) << errors;
}

// An app's list of sets under an exercise (`Set 2: 5 reps @ 75%`) is one set each of that exercise; a circuit's
// places (`Station 3: Bear crawl 10m`) are labels; a header may say what its block is made of (`Cool down stretch
// 5 min:`) or how long each exercise lasts (`per exercise`).
TEST(PlanNotation, SetsListedOneByOneAndStationsOfACircuit) {
  std::string errors;
  EXPECT_EQ(
      lines_of("Thursday\nA. Bench Press\n   Set 1: 5 reps @ 70%\n   Set 2: 3 reps @ 80%\n   Set 3: AMRAP @ 75%\n",
               &errors),
      (std::vector<std::string>{"bench press 1", "bench press 1", "bench press 1"}));
  EXPECT_TRUE(errors.empty()) << errors;
  EXPECT_EQ(lines_of("Saturday\nCircuit 3 rounds\nStation 1: Battle ropes\nStation 2: Bear crawl 10m\n\n"
                     "Block 1 \u2013 Tabata (20s work / 10s rest x 8) per exercise, 1 min between\nPush ups\n",
                     &errors),
            (std::vector<std::string>{"battle rope 3", "bear crawl 3", "push-up 8"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Sess 1 (Mon)`: a rotation's session on the weekday in brackets; `Sess 2 (Wed): same as Monday but ...` copies
// Monday's session, and what changes is left to the reader.
TEST(PlanNotation, ARotationsSessionOnTheWeekdayInBrackets) {
  const std::string text =
      "Sess 1 (Mon)\nGoblet squat 3x10\nSess 2 (Wed): same as Monday but use the 16 for goblet squats\n"
      "Sess 3 (Fri)\nPush ups 3x8\n";
  const SourceFile file{"p.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  ASSERT_TRUE(parsed);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << render(diagnostics);
  ASSERT_TRUE(resolved && resolved->blocks.size() == 1);
  std::vector<std::string> days;
  for (const auto& session : resolved->blocks.front().sessions) {
    days.push_back(
        fmt::format("{} {} {}", session.weekday, session.weekday_known, session.lines.front().exercise->name));
  }
  EXPECT_EQ(days, (std::vector<std::string>{"0 true goblet squat", "2 true goblet squat", "4 true push-up"}));
}

// `Thursday = easy run 5k`: an equals sign parts the day from its session, as a dash does.
TEST(PlanNotation, AnEqualsSignAfterTheDay) {
  std::string errors;
  EXPECT_EQ(lines_of("Thursday = goblet squat 3x10\n", &errors), (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// `Today 18:47` above a text message pasted whole is the message's time, passed over.
TEST(PlanNotation, AMessagesTimeIsPassedOver) {
  std::string errors;
  EXPECT_EQ(lines_of("Mike PT\nToday 18:47\nMonday\nGoblet squat 3x8\nYesterday 9:02 pm\n", &errors),
            (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// A coaching app's export: `Exercise 2 of 6`, the name, then the dose as fields (`Sets: 3 | Reps: 10-12 | Rest:
// 60s`); and a rotation's day with its weekday after a dash and a remark in brackets (`DAY 1 – MON (MD+2)`).
TEST(PlanNotation, AnAppsDoseWrittenAsFields) {
  std::string errors;
  EXPECT_EQ(lines_of("DAY 1 \u2013 MON (MD+2) Lower\nExercise 1 of 2\nLeg Press\nSets: 3 | Reps: 10-12 | Rest: 60s\n"
                     "Exercise 2 of 2\nPlank\nSets: 3 | Time: 30s | Rest: 30s\n",
                     &errors),
            (std::vector<std::string>{"leg press 3", "plank 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// `DB bench 3x10 w 26s`: weights held, written with an s as a pair of dumbbells is, in the plan's unit; not a rest.
TEST(PlanNotation, APairOfWeightsHeldWithAnS) {
  std::string errors;
  const auto load = [&](const std::string& line) {
    return read_plan("Mon\nDeadlift 3x5 @ 100kg\n" + line + "\n", &errors)
        ->blocks.front()
        .sessions.front()
        .lines.back();
  };
  EXPECT_EQ(load("DB bench 3x10 w 26s").load_kg, 26);
  EXPECT_EQ(load("farmers carry 4 x 20m with 32s").implements, 2);
  EXPECT_FALSE(load("DB bench 3x10 w 26s").rest_seconds.has_value());
  EXPECT_EQ(load("Plank 3 x 30s with 30s rest").rest_seconds, 30);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// `Mon – Day 1` in a schedule before the sessions: no session of its own, the weekday of `DAY 1 – ...` written later.
TEST(PlanNotation, AScheduleGivesEachSessionItsWeekday) {
  std::string errors;
  const std::string text =
      "Schedule\n\u25cf\tMon \u2013 Day 1\n\u25cf\tThu \u2013 Day 2\n\u25cf\tFri\u2013Sun \u2013 shifts / rest\n\n"
      "Warm-up (10 min \u2013 if you're short on time skip it)\nHalos x5 each way, 8kg\n\nDAY 1 \u2013 SWING & PRESS\n"
      "Goblet squat, 16kg \u2013 3 x 8\n\nDAY 2 \u2013 LOWER\nLeg press 3x10\n";
  EXPECT_EQ(lines_of(text, &errors), (std::vector<std::string>{"kettlebell halo (warm-up)", "goblet squat 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  const auto plan = read_plan(text, &errors);
  const auto& sessions = plan->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 2U);
  EXPECT_EQ(sessions[0].weekday, 0);
  EXPECT_EQ(sessions[1].weekday, 3);
  EXPECT_EQ(sessions[1].lines.front().block, model::Block::warmup);  // the warm-up before the sessions is each one's
}

// The same schedule on one line: `Mon – Day 1, Thu – Day 2`. A line that also lists something else is no schedule.
TEST(PlanNotation, AScheduleOnOneLine) {
  std::string errors;
  const auto plan = read_plan(
      "Mon \u2013 Day 1, Thu \u2013 Day 2\n\nDay 1 \u2013 Lower\nGoblet squat 3x10\n\n"
      "Day 2 \u2013 Upper\nRing row 3x10\n",
      &errors);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  const auto& sessions = plan->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 2U);
  EXPECT_EQ(sessions[0].weekday, 0);
  EXPECT_EQ(sessions[1].weekday, 3);
  const auto mixed = lines_of("Mon - Day 1, squats 3x5\nGoblet squat 3x10\n", &errors);
  EXPECT_NE(std::find(mixed.begin(), mixed.end(), "bodyweight squat 3"), mixed.end());
}

// `TUES - lower 1`: a session's kind and its number, as `Lower A` has a letter; `Sun salutation 5` stays an exercise.
TEST(PlanNotation, AKindsNumberInTheHeader) {
  std::string errors;
  EXPECT_EQ(lines_of("TUES - lower 1\nGoblet squat 3x10\nSun salutation 5\n", &errors),
            (std::vector<std::string>{"goblet squat 3", "sun salutation"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// A team chat copied whole: the sender and time alone on a line, a Markdown code block around the sheet, a
// superset's letter before an arrow.
TEST(PlanNotation, ATeamChatsSheet) {
  std::string errors;
  EXPECT_EQ(lines_of("Lewis Hartley (S&C)  9:47 AM\n@channel Week 3 below, loads up 5%\n```\nGYM A \u2013 MONDAY\n"
                     "A1 -> Hang power clean 5 x 3\nD \u2192 Farmers carry 4 x 20m\n```\n",
                     &errors),
            (std::vector<std::string>{"hang clean 5", "farmer's carry 4"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// A training log's workout: its title, then the date and time; the exercise's name, then each set on a line of its
// own, warm-up sets marked `W:` (part of the warm-up), an RPE after the load, a carry's load over a distance, a time
// alone.
TEST(PlanNotation, ATrainingLogsWorkout) {
  std::string errors;
  const std::string log =
      "Lower A\nMonday, April 8, 2024 at 6:05 AM\n\nCycling (Stationary)\n6:00\n\nTrap Bar Deadlift\n"
      "W: 95 lb \u00d7 8\nSet 1: 165 lb \u00d7 6 @ 6\nSet 2: 165 lb \u00d7 6 @ 6.5\n\nSuitcase Carry\n"
      "Set 1: 45 lb \u00d7 40 yd\n";
  EXPECT_EQ(lines_of(log, &errors),
            (std::vector<std::string>{"stationary bike 1", "trap-bar deadlift 1 (warm-up)", "trap-bar deadlift 1",
                                      "trap-bar deadlift 1", "suitcase carry 1"}));
  EXPECT_TRUE(errors.empty()) << errors;
  const auto plan = read_plan(log, &errors);
  const auto& session = plan->blocks.front().sessions.front();
  EXPECT_EQ(session.weekday, 0);
  EXPECT_EQ(session.lines[2].rpe, 6);
  EXPECT_EQ(session.lines[4].distance_m.has_value(), true);
  // the app's other marks of a warm-up set: `Set W:`, a tag in brackets
  EXPECT_EQ(lines_of("Mon\nSquat (Barbell)\nSet W: 40 kg \u00d7 10\nSet 1 [Warm-up]: 60 kg \u00d7 5\n"
                     "Set 2: 80 kg \u00d7 5\nBike\n10min\n",
                     &errors),
            (std::vector<std::string>{"back squat 1 (warm-up)", "back squat 1 (warm-up)", "back squat 1",
                                      "stationary bike 1"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// A workout shared from a training app: the user's handle, the workout's figures (notes), warm-up sets written
// out as `Warm-up:` under the exercise.
TEST(PlanNotation, AnAppsSharedWorkout) {
  std::string errors;
  const std::string log =
      "Heavy Lower\n@kiran_lifts\nMonday, Mar 2, 2026 at 6:41pm\n\nDuration: 1h 22min\nVolume: 10,240 kg\n"
      "Sets: 18\nRecords: 2 \U0001F3C6\n\nDeadlift (Barbell)\nWarm-up: 60 kg \u00d7 8\nWarm-up: 100 kg \u00d7 5\n"
      "Set 1: 150 kg \u00d7 3 @ RPE 8 \U0001F3C6\n\nLeg Press\nSet 1: 200 kg \u00d7 12\n";
  EXPECT_EQ(lines_of(log, &errors),
            (std::vector<std::string>{"deadlift 1 (warm-up)", "deadlift 1 (warm-up)", "deadlift 1", "leg press 1"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  EXPECT_NE(errors.find("'Duration: 1h 22min' read as a note: figures of the whole workout"), std::string::npos)
      << errors;
  // `Warm-up: 5 min bike` is still a warm-up block
  EXPECT_EQ(lines_of("Mon\nWarm-up: 5 min bike\nGoblet squat 3x10\n", &errors),
            (std::vector<std::string>{"stationary bike 1 (warm-up)", "goblet squat 3"}));
}

// A home exercise programme printed from an app: the dose in parts between bars under the numbered exercise, then
// how to do it in sentences, cut where the page wrapped.
TEST(PlanNotation, AHomeProgrammesDoseBetweenBars) {
  std::string errors;
  const std::string programme =
      "Mon\n1. Bird Dog\nRepeat 8 times each side | Hold 3 sec | 2 sets | 3x per week\nFrom hands and knees reach "
      "one arm forward.\n\n2. Kettlebell Deadlift\nRepeat 10 times | 3 sets | Daily (esp. on work breaks)\n"
      "Start: 12 kg. Stand over the kettlebell, push your hips back\nHold a dumbbell or kettlebell (8\u201312 kg) at "
      "your chest. Squat\n";
  const auto plan = read_plan(programme, &errors);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  ASSERT_TRUE(plan);
  const auto& lines = plan->blocks.front().sessions.front().lines;
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].sets, 2);
  EXPECT_EQ(lines[0].hold_seconds, 3);
  EXPECT_TRUE(lines[0].each_side);
  EXPECT_EQ(lines[1].sets, 3);
  EXPECT_EQ(lines[1].reps, 10);
  // a hold not said to the reader is no description: it stays a line of the session
  EXPECT_EQ(lines_of("Mon\nDead bug 3x8\nHold a plank for 30 seconds each side.\n", &errors).size(), 2U);
}

// A class's board typed up: each day framed by a rule of `=`, a workout for time with a cap, loads for men and women
// after the count, options for each level, and the class's times under the leaderboard.
TEST(PlanNotation, AClassBoard) {
  std::string errors;
  const std::string board =
      "========== MON 9/3 ==========\nWOD\nFor time \u2013 15 min cap\n21-15-9\nDeadlift 100/70 kg\n"
      "RX / SCALED (200m run, 10 wall balls, step-over)\nFOUNDATIONS / <3 months: NO singles\n\n"
      "========== TUE 10/3 ==========\nEMOM 12\n12 American KB swings 24/16\n15 wall balls 9/6\n\n"
      "========== LEADERBOARD (Mon) ==========\nJonno 7:42 RX\nPriya 6:55 SC\n";
  const auto plan = read_plan(board, &errors);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  ASSERT_TRUE(plan);
  const auto& sessions = plan->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 2U);
  EXPECT_EQ(sessions[0].weekday, 0);
  EXPECT_EQ(sessions[1].weekday, 1);
  ASSERT_EQ(sessions[1].lines.size(), 2U);
  EXPECT_EQ(sessions[1].lines[0].reps, 12);
}

// A page exported from a notes app: its properties, an HTML tag around a callout, a checklist's boxes before the
// days, and a coaching app's numbered sections.
TEST(PlanNotation, ANotesAppsPageAndAnAppsSections) {
  std::string errors;
  const std::string page =
      "Owner: Lena Fischer\nTags: mobility, strength, swim\nLast edited: March 4, 2026 9:12 PM\n\n<aside>\n"
      "Tom, 33, ankylosing spondylitis, well controlled.\n</aside>\n\n- [x] Tue \u2013 Swim 30 min\n- [ ] Thu \u2013 "
      "Goblet squat 3x10\n\n"
      "Fri\nSection 1 \u00b7 Warm Up\nCat cow x10\nSection 2 \u00b7 Main (Regular)\nDB bench press 3x10\n";
  const auto plan = read_plan(page, &errors);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  EXPECT_NE(errors.find("'Tags: mobility, strength, swim' read as a note: a property of the document"),
            std::string::npos)
      << errors;
  ASSERT_TRUE(plan);
  const auto& sessions = plan->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 3U);
  EXPECT_EQ(sessions[0].weekday, 1);
  EXPECT_EQ(sessions[1].weekday, 3);
  EXPECT_EQ(sessions[2].lines.front().block, model::Block::warmup);
  EXPECT_EQ(sessions[2].lines.back().block, model::Block::main);
  // the app's format of the block in brackets says nothing of its length
  EXPECT_EQ(lines_of("Mon\nSection 1 \u00b7 Warm Up (Interval \u00b7 1 round)\nCat cow x10\n", &errors),
            (std::vector<std::string>{"cat-cow (warm-up)"}));
}

// `Crunches + V-ups superset 3x20`: two exercises joined by `+` with one dose are both planned with it.
TEST(PlanNotation, ExercisesJoinedByAPlusShareTheDose) {
  std::string errors;
  EXPECT_EQ(lines_of("Mon\nCrunches + V-ups superset 3x20\nLeg ext / lying leg curl superset 3x15\n", &errors),
            (std::vector<std::string>{"crunch 3", "v-up 3", "leg extension 3", "lying leg curl 3"}));
  EXPECT_TRUE(errors.empty()) << errors;
}

// How often the client trains, written as a field before the sessions, is a note: the sessions say it.
TEST(PlanNotation, HowOftenBeforeTheSessionsIsANote) {
  std::string errors;
  EXPECT_EQ(
      lines_of("Days a week: 3-4\nSessions per week: 3, plus your walks/golf\n\nMon\nGoblet squat 3x10\n", &errors),
      (std::vector<std::string>{"goblet squat 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  EXPECT_NE(errors.find("'Days a week: 3-4' read as a note: how often the client trains"), std::string::npos) << errors;
}

// A weekly schedule that only announces the sessions (`- [x] Mon – Strength A`), then each written out under its title
// and weekday (`## Strength A – Mon`): one session a weekday, the written one.
TEST(PlanNotation, AnAnnouncedScheduleThenTheSessions) {
  std::string errors;
  const std::string page =
      "## Weekly schedule\n- [x] Mon \u2013 Strength A\n- [ ] Wed \u2013 Strength B\n- [ ] Thu \u2013 Swim 30 min\n\n"
      "## Strength A \u2013 Mon\n- Trap bar deadlift 4x5 @ 100kg\n\n## Strength B \u2013 Wed\n- Goblet squat 4x8\n";
  const auto plan = read_plan(page, &errors);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  ASSERT_TRUE(plan);
  const auto& sessions = plan->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 3U);
  EXPECT_EQ(sessions[0].weekday, 0);
  EXPECT_EQ(sessions[0].lines.size(), 1U);
  EXPECT_EQ(sessions[1].weekday, 2);
  EXPECT_EQ(sessions[1].lines.size(), 1U);
  EXPECT_EQ(sessions[2].weekday, 3);
}

// An arrow: at the start of a line, a remark on the line above; between an exercise and another with a dose, what
// replaces the first.
TEST(PlanNotation, ArrowsInACoachsShorthand) {
  std::string errors;
  EXPECT_EQ(lines_of("Mon\nBSQ 3x5 @ 80kg\n\u2192 keep it crisp, NO grinding, out in 50'\n"
                     "drop hurdle hops \u2192 drop jumps 3x4 (30cm)\n",
                     &errors),
            (std::vector<std::string>{"back squat 3", "depth jump 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// Workouts logged with their dates: the same weekday dated again is the next week, not a second session that day.
TEST(PlanNotation, DatedWorkoutsOnTheSameWeekdayAreWeeksApart) {
  const std::string log =
      "Lower A\nMonday, April 8, 2024 at 6:05 AM\nGoblet Squat\nSet 1: 26 lb x 10\n\nUpper B\n"
      "Thursday, April 11, 2024 at 6:10 AM\nBench press 3x8\n\nLower A\nMonday, April 22, 2024 at 6:02 AM\n"
      "Goblet Squat\nSet 1: 30 lb x 10\n";
  std::string errors;
  const auto plan = read_plan(log, &errors);
  ASSERT_EQ(plan->blocks.size(), 2U);
  EXPECT_EQ(plan->blocks[0].sessions.size(), 2U);
  EXPECT_EQ(plan->blocks[1].sessions.size(), 1U);
  EXPECT_EQ(plan->blocks[1].sessions.front().weekday, 0);
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// A physiotherapy app's home programme: fields in any order, a hold with its count of repetitions (three holds of
// 20 seconds), a distance, how often a day and a week (the programme's, not the dose's), a comma inside a value.
TEST(PlanNotation, AHomeProgrammesDoseWrittenAsFields) {
  std::string errors;
  const auto lines = [&](const std::string& text) {
    return read_plan(text, &errors)->blocks.front().sessions.front().lines;
  };
  const auto read = lines(
      "1. Cat / cow (on hands and knees)\nSlowly round your back up, then let it sag.\n"
      "Repetitions: 10 | Sets: 1 | Times a day: 2 | Days a week: 7\n\n2. Knees to chest\n"
      "Hold: 20 seconds | Repetitions: 3 each side | Times a day: 1\n3. Child's pose\n"
      "Hold: 30 seconds | Repetitions: 3 (centre, left, right) | Days a week: 7\n4. Farmer's carry\n"
      "Distance: 30 m | Repetitions: 4 | Rest: 60 seconds | Load: 12 kg\n5. Bridge\n"
      "Sets: 2 | Repetitions: 10 | Hold: 5 seconds\n");
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  ASSERT_EQ(read.size(), 5U);
  EXPECT_EQ(read[0].sets, 1);
  EXPECT_EQ(read[0].reps, 10);
  EXPECT_EQ(read[1].sets, 3);
  EXPECT_EQ(read[1].hold_seconds, 20);
  EXPECT_TRUE(read[1].each_side);
  EXPECT_EQ(read[2].hold_seconds, 30);
  EXPECT_EQ(read[3].distance_m, 30);
  EXPECT_EQ(read[3].load_kg, 12);
  EXPECT_EQ(read[3].rest_seconds, 60);
  EXPECT_EQ(read[4].sets, 2);
  EXPECT_EQ(read[4].reps, 10);
}

// In a list of dosed exercises, one unknown name costs only its own part; a part that says how the one before is
// done (`level 6-7`) is no exercise, and the line is read whole.
TEST(PlanNotation, OneUnknownNameInAListCostsOnlyItsPart) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nfrobnicator press 3x8, leg press 3x10, lying leg curl 3x12\n", &errors),
            (std::vector<std::string>{"frobnicator press 3", "leg press 3", "lying leg curl 3"}));
  EXPECT_NE(errors.find("unknown exercise 'frobnicator press'"), std::string::npos) << errors;
  lines_of("Monday\nStairmaster 15 min, level 6-7\n", &errors);
  EXPECT_EQ(errors.find("unknown exercise 'level'"), std::string::npos) << errors;
}

// A Markdown table with the weekday in its first cell: the session's cell is read, the others are for the reader;
// `Z2` before a movement is how hard, not a superset's letter.
TEST(PlanNotation, AMarkdownTableOfDays) {
  std::string errors;
  EXPECT_EQ(lines_of("| Day | Session | Notes |\n|-----|:-------:|-------|\n"
                     "| Mon | Lower \u2013 Back squat 5x3 @ 82%, RDL 3x8 | keep it easy |\n",
                     &errors),
            (std::vector<std::string>{"back squat 5", "romanian deadlift 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  EXPECT_EQ(lines_of("| Tue | Z2 run 45 min | on grass |\n", &errors), (std::vector<std::string>{"running 1"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// Text a notes app struck out (`~~80~~`) is no longer meant: the load after it is the load, and a line struck out
// whole is not planned.
TEST(PlanNotation, StruckOutTextIsNoLongerMeant) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nBench 3x5 ~~80~~ 82.5kg\n~~Curls 3x10~~\nSquat 3x5\n", &errors),
            (std::vector<std::string>{"bench press 3", "bodyweight squat 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// A chat exported as text (`11/03/2024, 18:05 - Priya (Coach): TUE`): the date, time and sender are passed over,
// a message that names no exercise is a note whatever its numbers, and the lines under a message are read as
// any line is.
TEST(PlanNotation, AChatExportedAsTextIsReadMessageByMessage) {
  std::string errors;
  EXPECT_EQ(lines_of("11/03/2024, 18:05 - Priya (Coach): TUE\n1. Back squat 4x5 @ 85kg\n2. Goblet squat 3x10\n"
                     "12/03/2024, 08:11 - Mark: ha yeah baby up at 3\n3/12/24, 8:12 PM - Mark: Done\n"
                     "- any problems peeing?\n12/03/2024, 08:14 - Priya (Coach): 3. Dead bug 3x8\n",
                     &errors),
            (std::vector<std::string>{"back squat 4", "goblet squat 3", "dead bug 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  lines_of("11/03/2024, 18:05 - Priya (Coach): TUE\n12/03/2024, 08:14 - Priya (Coach): Goblet sqaut 3x8\n", &errors);
  EXPECT_NE(errors.find("unknown exercise 'Goblet sqaut'"), std::string::npos) << errors;
}

// `wu, 6 x 800m @ 5k pace, 90s jog, cd`: among the parts of a line that runs, a warm-up and a cool-down written
// alone are jogs.
TEST(PlanNotation, AWarmUpAndCoolDownAroundARunAreJogs) {
  std::string errors;
  EXPECT_EQ(lines_of("Tue\nwu, 6 x 800m @ 5k pace, 90s jog, cd (~10km)\n", &errors),
            (std::vector<std::string>{"running 6", "running 1", "running"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  lines_of("Tue\nwu, goblet squat 3x10, cd\n", &errors);
  EXPECT_NE(errors.find("error"), std::string::npos) << errors;
}

// A home exercise programme: a numbered exercise, its description, then its dose with how often (`x2 daily`); the
// first such item starts the session even before any day.
TEST(PlanNotation, AHomeExerciseProgrammesItemsDescriptionsAndDoses) {
  std::string errors;
  EXPECT_EQ(lines_of("STAGE 1 (from today)\n\n1. Pelvic tilts (lying)\nLie on your back, knees bent, feet flat.\n"
                     "10 reps, hold 5 seconds. x2 daily\n\n2. Side plank (knees bent)\nLie on your side, prop up on "
                     "your elbow.\nHold 15-20 seconds, 3 each side. x1 daily\n\n3. Walking\n10 minutes, 3 times a "
                     "day. Increase by 5 minutes every 2-3 days as able.\n",
                     &errors),
            (std::vector<std::string>{"pelvic tilt 1", "side plank 3", "walking 1"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// `Exercise   Wk1   Wk2   Wk3   Wk4 DELOAD`: the first week's column is the dose, the later weeks' are notes, said
// once at the header.
TEST(PlanNotation, ATableWithAColumnPerWeek) {
  std::string errors;
  EXPECT_EQ(
      lines_of("DAY 1 (MON)\nExercise          Wk1           Wk2           Wk3 DELOAD\n"
               "Comp bench        4x6@100kg     4x5@105kg     3x5@85kg\nLat pulldown      3x12          3x10       "
               "   2x12\n",
               &errors),
      (std::vector<std::string>{"bench press 4", "lat pulldown 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
  EXPECT_NE(errors.find("the 2 later week columns are read as notes"), std::string::npos) << errors;
}

// `LOWER A (mon)`: a session's title with its weekday in brackets; `warmup evry day` before the first session is
// the warm-up of each session; `3 sec lower` is how a repetition is done, not a rest.
TEST(PlanNotation, TitledWeekdaysAndAWarmUpForEverySession) {
  const SourceFile file{"p.plan",
                        "BACK: L5/S1 disc bulge 2022. no leg sx now\n\nwarmup evry day\n- cat cow x8\n- dead bug 2x8 "
                        "ea\n\nLOWER A (mon)\n1. goblet squat 3x10\nUPPER A (tue)\n2. chest supp row 4x10 - 3 sec "
                        "lower\nFri - rest\n"};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << render(diagnostics);
  const auto& sessions = resolved->blocks.front().sessions;
  ASSERT_EQ(sessions.size(), 2U);
  for (std::size_t k = 0; k < 2; ++k) {
    ASSERT_EQ(sessions[k].lines.size(), 3U);
    EXPECT_EQ(sessions[k].lines.front().block, model::Block::warmup);
    EXPECT_EQ(sessions[k].lines.front().exercise->name, "cat-cow");
  }
  EXPECT_FALSE(sessions[1].lines.back().rest_seconds);
}

// `A) Warm Up`, `1. Cool down`: a list's letter or number before a block's name.
TEST(PlanNotation, AListedBlockHeader) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nA) Warm Up\nBike 5:00 easy\nB) Kettlebell deadlift 3 x 8 @ 24kg\n", &errors),
            (std::vector<std::string>{"stationary bike 1 (warm-up)", "kettlebell deadlift 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// `| # | Exercise | Sets x Reps |`: the heading of a Markdown table's column of numbers is no comment.
TEST(PlanNotation, AMarkdownTablesNumberColumn) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\n| # | Exercise | Sets x Reps | Load | Rest |\n|---|---|---|---|---|\n"
                     "| 1 | Goblet squat | 3 x 10 | 10kg | 90s |\n| 2 | Lat pulldown | 3 x 12 | 25kg | 60s |\n",
                     &errors),
            (std::vector<std::string>{"goblet squat 3", "lat pulldown 3"}));
  EXPECT_EQ(errors.find("error"), std::string::npos) << errors;
}

// The load of a plan's first line in kilograms, and whether reading the plan gave errors.
std::pair<double, bool> load_of(const std::string& text) {
  const SourceFile file{"p.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  const auto resolved = plan::resolve_plan(*parsed, *pack().rules, diagnostics);
  const auto& line = resolved->blocks.front().sessions.front().lines.front();
  return {line.load_kg.value_or(0), diagnostics.has_errors()};
}

// `DB RDL 3x8 @ 26s`, `65s` under Load: a pair of dumbbells in the plan's unit; without one, '26s' is asked about.
TEST(PlanNotation, APairOfDumbbellsWrittenWithAnS) {
  EXPECT_EQ(load_of("Monday\nDB RDL 3x8 @ 26s\nback squat 3x5 @ 100kg\n"), std::pair(26.0, false));
  EXPECT_TRUE(load_of("Monday\nDB RDL 3x8 @ 26s\n").second);
  EXPECT_EQ(load_of("Monday\nExercise\tSets\tReps\tLoad\nIncline DB press\t3\t10\t30s\nBack squat\t3\t5\t100\n"
                    "Goblet squat 3x10 @ 20kg\n"),
            std::pair(30.0, false));
  std::string errors;
  lines_of("Monday\nDB RDL 3x8 @ 26s\n", &errors);
  EXPECT_NE(errors.find("'26s' is a time, which goes without '@'; for a pair of dumbbells write '2x26kg' or '2x26lb'"),
            std::string::npos)
      << errors;
}

// `OHP 4x6 @ 40` in a plan with no unit: the load is refused, and only the load: the sets and repetitions are read.
TEST(PlanNotation, ALoadWithoutAnyUnitCostsOnlyTheLoad) {
  std::string errors;
  EXPECT_EQ(lines_of("Monday\nOHP 4x6 @ 40\n", &errors), (std::vector<std::string>{"overhead press 4"}));
  EXPECT_NE(errors.find("'@ 40' has no unit: write a load such as '@ 40kg' or '@ 40lb', or a percentage such as "
                        "'@ 40%'"),
            std::string::npos)
      << errors;
}

// A load with no unit after `@` is in the plan's unit when every load written with one uses the same (`+5lb`):
// `bench 4x6 @ 225` is 225 lb. In a plan of both units, or of neither, it stays an error, and so does one of 10 or
// less, which may be an effort.
TEST(PlanNotation, ALoadWithoutUnitIsInThePlansUnit) {
  const auto [pounds, pounds_error] = load_of("Monday\nbench 4x6 @ 225\nbarbell row 4x8 @ 185lb\n");
  EXPECT_NEAR(pounds, 102.06, 0.01);
  EXPECT_FALSE(pounds_error);
  EXPECT_TRUE(load_of("Monday\nbench 4x6 @ 225\nbarbell row 4x8 @ 85kg\nback squat 3x5 @ 200lb\n").second);
  EXPECT_TRUE(load_of("Monday\nbench 4x6 @ 225\n").second);
  EXPECT_TRUE(load_of("Monday\nbench 4x6 @ 8\nbarbell row 4x8 @ 85kg\n").second);
}

// `RDL 3x8 90`, `DB row 3x10 32.5`: after a whole dose, a number too large for an effort is a load in the plan's
// unit; without one it is asked about, never dropped, and `32.5` is no tempo.
TEST(PlanNotation, ABareNumberAfterTheDoseIsALoadInThePlansUnit) {
  EXPECT_EQ(load_of("Monday\nRDL 3x8 90\nback squat 3x5 @ 100kg\n"), std::pair(90.0, false));
  EXPECT_EQ(load_of("Monday\nDB row 3x10 32.5\nback squat 3x5 @ 100kg\n"), std::pair(32.5, false));
  EXPECT_TRUE(load_of("Monday\nDB row 3x10 32.5\n").second);
  EXPECT_TRUE(load_of("Monday\nRDL 3x8 8\nback squat 3x5 @ 100kg\n").second);
  EXPECT_TRUE(load_of("Monday\nRDL 3x8 90 slow\nback squat 3x5 @ 100kg\n").second);
}

}  // namespace
}  // namespace liftlint::testing
