// The structure of pasted programmes as the rules see it: several sessions a day, days without
// weekdays, deload weeks, plans that start after week 1, and tables with named columns.
#include <gtest/gtest.h>

#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Pack& rest_pack() {
  static const auto loaded =
      load_pack(base_files, {{"rest.rules",
                              "rule rest {\n  severity error\n  cite shields_psereckis\n"
                              "  require rest >= 1 day between sessions where kind = strength\n}\n"},
                             {"deload.rules",
                              "rule light-deload {\n  severity warning\n  cite shields_psereckis\n"
                              "  require every exercise where deload: not loaded\n}\n"}});
  return *loaded;
}

const Pack& default_rules() {
  static const auto loaded = load_pack(default_pack, {});
  return *loaded;
}

TEST(Structure, TwoStrengthSessionsOnOneDayLeaveNoRestDay) {
  const auto out =
      check_plan(rest_pack(), "Mon am - strength\nGlute bridge 3x12\nMon pm - strength\nGoblet squat 3x10\n");
  EXPECT_NE(out.find("plan.plan:3:1: error[rest]"), std::string::npos) << out;
  EXPECT_NE(out.find("Mon am and Mon pm"), std::string::npos) << out;
}

TEST(Structure, DaysWithoutWeekdaysAreJudgedOnlyOnWhatIsCertain) {
  const std::string day = " - strength\nGlute bridge 3x12\n";
  EXPECT_EQ(finding_ids(rest_pack(), "Day 1" + day + "Day 2" + day + "Day 3" + day), std::vector<std::string>{});
  const auto out = check_plan(rest_pack(), "Day 1" + day + "Day 2" + day + "Day 3" + day + "Day 4" + day);
  EXPECT_NE(out.find("error[rest]: week 1 has 4 of these sessions (Day 1, Day 2, Day 3, Day 4); in 7 days they "
                     "cannot all have 1 rest day between them"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("the plan gives no weekdays"), std::string::npos) << out;
}

TEST(Structure, SportsMachinesAndDistancesAreNotStrengthDays) {
  const std::string strength = " - strength\nGoblet squat 3x10 @ 8kg\n";
  const auto out = check_plan(rest_pack(), "Mon" + strength + "Tue: tennis\nWed: elliptical\nThu - 8 km run\nFri" +
                                               strength + "Sat: Zercher squat 3x5 @ 100kg\n");
  EXPECT_NE(out.find("plan.plan:8:1: error[rest]: strength sessions on Fri and Sat"), std::string::npos) << out;
  EXPECT_EQ(out.find("Mon and Tue"), std::string::npos) << out;
  EXPECT_EQ(out.find("Wed and Thu"), std::string::npos) << out;
}

// Names the catalogue lacks still show by their doses what kind of session they make.
TEST(Structure, UnknownExercisesTellTheKindByTheirDoses) {
  const auto kinds = [](const std::string& text) {
    const SourceFile file{"plan.plan", text};
    Diagnostics diagnostics;
    const auto parsed = plan::parse_plan_file(file, diagnostics);
    const auto resolved = plan::resolve_plan(*parsed, *default_rules().rules, diagnostics);
    std::vector<std::string> out;
    for (const auto& s : resolved->blocks.front().sessions)
      out.push_back(default_rules().rules->vocab(model::Category::session_kind).at(s.kind).id);
    return out;
  };
  EXPECT_EQ(kinds("Mon - 8 km easy\nWed\ntrail thing 45min\nFri: frobnicator 3x5 @ 60kg\nSat\nfrobnicator\n"),
            (std::vector<std::string>{"cardio", "cardio", "strength", "strength"}));
}

TEST(Structure, ADeloadWeekIsReadByRules) {
  const std::string week = "Monday - strength\nGoblet squat 3x10 @ 12kg\n";
  EXPECT_EQ(finding_ids(rest_pack(), "Week 1-3\n" + week + "Week 4 (deload)\n" + week),
            std::vector<std::string>{"light-deload"});
  EXPECT_EQ(finding_ids(rest_pack(), "Week 1-3\n" + week + "Week 4\n" + week), std::vector<std::string>{});
}

TEST(Structure, ComingBackFromADeloadIsNotAJumpInLoad) {
  const auto plan = [](int w1, int w2, int w3, int w4, int w5) {
    std::string out = "Client: conditions chronic low back pain, cleared yes by GP\n";
    const int loads[] = {w1, w2, w3, w4, w5};
    for (int w = 1; w <= 5; ++w) {
      out += "Week " + std::to_string(w) + (w == 4 ? " (deload)" : "") + "\nMonday - strength\nGoblet squat 3x10 @ " +
             std::to_string(loads[w - 1]) + "kg\nThursday - strength\nGlute bridge 3x12\n";
    }
    return out;
  };
  const auto ids = [](const std::vector<std::string>& all) {
    return std::count(all.begin(), all.end(), "bp.gradual-load");
  };
  EXPECT_EQ(ids(finding_ids(default_rules(), plan(10, 11, 12, 8, 12))), 0);
  EXPECT_EQ(ids(finding_ids(default_rules(), plan(10, 11, 12, 8, 16))), 1);
}

TEST(Structure, APlanThatStartsAtWeekFiveHasNoEmptyWeeksBeforeIt) {
  const std::string plan =
      "Client: conditions low back pain, cleared yes\nWeek 5-8\nMonday - strength\n"
      "Glute bridge 3x12\n";
  const auto out = check_plan(default_rules(), plan);
  EXPECT_EQ(out.find("week 1"), std::string::npos) << out;
  EXPECT_NE(out.find("strength sessions in week 5: 1"), std::string::npos) << out;
}

TEST(Structure, ColumnsNameWhatABareNumberMeans) {
  const std::string plan =
      "Monday - strength\nExercise\tSets\tReps\tLoad (kg)\tRest (s)\nGoblet squat\t3\t10\t16\t90\n"
      "Hip thrust\t4\t12/10/8/8\t40/50/60/60\t\n";
  const auto out = check_plan(rest_pack(), plan);
  EXPECT_EQ(out, "") << out;
}

TEST(Structure, AdviceUnderAnAvoidHeadingIsNotPlanned) {
  const std::string plan =
      "Client: conditions chronic low back pain, cleared yes\nMonday - strength\nGlute bridge 3x12\n"
      "Avoid for now:\n- Sit-ups 3x20\n- Toe touches x10\n";
  const auto ids = finding_ids(default_rules(), plan);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "bp.no-crunches-sit-ups"), 0) << ids.size();
  // the same lines without the heading are planned, and flagged
  const auto planned = finding_ids(default_rules(), plan.substr(0, plan.find("Avoid")) + "- Sit-ups 3x20\n");
  EXPECT_EQ(std::count(planned.begin(), planned.end(), "bp.no-crunches-sit-ups"), 1);
}

TEST(Structure, ANegatedConditionInAHistoryIsNotTheClients) {
  const auto ids = finding_ids(default_rules(),
                               "Client: Megan\nHistory: no back pain, healthy\nMonday - strength\n"
                               "Deadlift 5x5 @ 100kg\n");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "bp.avoid-deadlift"), 0);
  const auto ill = finding_ids(default_rules(),
                               "Client: Megan\nHistory: chronic low back pain since 2023\n"
                               "Monday - strength\nDeadlift 5x5 @ 100kg\n");
  EXPECT_EQ(std::count(ill.begin(), ill.end(), "bp.avoid-deadlift"), 1);
}

// How many findings of one rule of the default pack a plan gets.
std::ptrdiff_t findings_of(const std::string& rule, const std::string& plan) {
  const auto ids = finding_ids(default_rules(), plan);
  return std::count(ids.begin(), ids.end(), rule);
}

TEST(Structure, ASymptomTheClientHadOrThatComesWithATriggerIsNotAPresentOne) {
  const std::vector<std::pair<const char*, int>> histories = {
      {"currently in a flare", 1},   {"flare-up since Monday", 1}, {"flares with long sitting", 0},
      {"flares up when driving", 0}, {"occasional flare-ups", 0},  {"previous flare-up in 2024", 0}};
  for (const auto& [history, expected] : histories) {
    EXPECT_EQ(findings_of("bp.flare-up", std::string("Client: cleared yes\nHistory: chronic LBP, ") + history +
                                             "\nMonday - strength\nGlute bridge 3x12\n"),
              expected)
        << history;
  }
}

TEST(Structure, AClinicalNoteHeadNamesThePatientsConditions) {
  const auto ids = finding_ids(default_rules(),
                               "Pt: D. Osei, 36 M\nDx: L5/S1 disc herniation, R S1 radicular pain\n"
                               "Monday - strength\nGlute bridge 3x12\n");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "bp.clearance"), 1);
  EXPECT_TRUE(ids.empty() || ids.front().front() != '<') << ids.front();
}

TEST(Structure, AnExerciseMarkedSkippedIsNotPlanned) {
  const std::vector<std::pair<const char*, int>> lines = {
      {"Sit-ups 3x10 – skip today", 0},      {"Sit-ups 3x10 (skip)", 0},
      {"Sit-ups 3x10 - not this week", 0},   {"Exercise | Sets | Reps | Notes\nSit-ups | 3 | 10 | omit for now", 0},
      {"Sit-ups 3x10 – skip if painful", 1}, {"Sit-ups 3x10 – not too fast", 1}};
  for (const auto& [line, expected] : lines) {
    EXPECT_EQ(findings_of("bp.no-crunches-sit-ups", std::string("Client: conditions chronic low back pain, cleared "
                                                                "yes\nMonday - strength\nGlute bridge 3x12\n") +
                                                        line + "\n"),
              expected)
        << line;
  }
}

TEST(Structure, StretchesAfterTheLastLiftAreTheCoolDown) {
  const std::string client = "Client: conditions chronic low back pain, cleared yes\nMonday - strength\n";
  EXPECT_EQ(findings_of("bp.cool-down", client + "Goblet squat 3x10 @ 12kg\nStretch: hamstrings 2 x 30s\n"), 0);
  EXPECT_EQ(findings_of("bp.cool-down", client + "Hamstring stretch 2 x 30s\nGoblet squat 3x10 @ 12kg\n"), 1);
}

TEST(Structure, ALoadedCircuitLabelledCardioIsStrengthWork) {
  const std::string legs = "Monday - legs\nGoblet squat 3x10 @ 16kg\nGlute bridge 3x12\n";
  const auto circuit = check_plan(rest_pack(), legs +
                                                   "Tuesday - cardio\nKettlebell swing 3x15 @ 16kg\n"
                                                   "Walking lunge 3x10 each leg @ 2x10kg\n");
  EXPECT_NE(circuit.find("plan.plan:4:1: error[rest]"), std::string::npos) << circuit;
  // an ab circuit with one weighted twist stays what its label says
  const auto abs = check_plan(rest_pack(), legs + "Tuesday - core\nRussian twist 3x20 @ 5kg\nDead bug 3x8 each side\n");
  EXPECT_EQ(abs.find("error[rest]"), std::string::npos) << abs;
}

TEST(Structure, ARedFlagThatBeganAfterTheClearanceIsNotCoveredByIt) {
  const auto plan = [](const std::string& symptom) {
    return "client {\n  conditions chronic_low_back_pain\n  symptoms " + symptom +
           "\n  cleared yes by \"GP\" on 2026-03-01\n}\nmon strength { glute bridge 3x12 }\n";
  };
  const auto count = [](const std::vector<std::string>& ids) {
    return std::count(ids.begin(), ids.end(), "bp.warning-signs-in-training");
  };
  EXPECT_EQ(count(finding_ids(default_rules(), plan("sharp pain since 2026-11-20"))), 1);
  EXPECT_EQ(count(finding_ids(default_rules(), plan("sharp pain (new since clearance)"))), 1);
  EXPECT_EQ(count(finding_ids(default_rules(), plan("sharp pain since 2026-02-20"))), 0);
  EXPECT_EQ(count(finding_ids(default_rules(), plan("sharp pain"))), 0);
}

TEST(Structure, RepeatForWeeksMakesTheWeekATemplate) {
  const std::string week =
      "Client: conditions chronic low back pain, cleared yes\nMonday - strength\n"
      "Goblet squat 3x10 @ 12kg\nThursday - strength\nGlute bridge 3x12\n";
  const auto repeated = check_plan(default_rules(), week + "Repeat for 3 weeks\n");
  EXPECT_NE(repeated.find("this happens in weeks 1-3"), std::string::npos) << repeated;
  const auto once = check_plan(default_rules(), week);
  EXPECT_EQ(once.find("this happens in weeks"), std::string::npos) << once;
}

TEST(Structure, SameAsAnEarlierWeekCopiesItsDaysWithNewDoses) {
  const std::string plan =
      "Client: conditions chronic low back pain, cleared yes\nWeek 1\nMonday - strength\nGoblet squat 3x10 @ 10kg\n"
      "Thursday - strength\nDead bug 3x8 each side\nWeek 2 - same as week 1 but:\nGoblet squat 3x10 @ 16kg\n";
  const auto out = check_plan(default_rules(), plan);
  EXPECT_NE(out.find("plan.plan:8:1: warning[bp.gradual-load]: the load of goblet squat rises by 60% from week 1 to "
                     "week 2"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace liftlint::testing

namespace liftlint::testing {
namespace {

std::size_t count_of(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<std::size_t>(std::count(ids.begin(), ids.end(), id));
}

TEST(Structure, AdviceEndsAtTheNextSessionOrBlockWithoutABlankLine) {
  const std::string plan =
      "Client: conditions chronic low back pain, cleared yes\nMonday - strength\nGlute bridge 3x12\n"
      "Do NOT:\n- jump or twist\nThursday - strength\nDeadlift 3x5 @ 100kg\n";
  EXPECT_EQ(count_of(finding_ids(default_rules(), plan), "bp.avoid-deadlift"), 1U);
  const std::string block =
      "Client: conditions chronic low back pain, cleared yes\nMonday - strength\n"
      "Never:\n- round your back\nMain:\n- Deadlift 3x5 @ 100kg\n";
  EXPECT_EQ(count_of(finding_ids(default_rules(), block), "bp.avoid-deadlift"), 1U);
  const std::string superset =
      "Client: conditions chronic low back pain, cleared yes\nMonday - strength\n"
      "Never:\n- round your back\nA1) Deadlift 3x5 @ 100kg\nB1) Glute bridge 3x12\n";
  EXPECT_EQ(count_of(finding_ids(default_rules(), superset), "bp.avoid-deadlift"), 1U);
}

TEST(Structure, ExercisesNamedAtTheTopAreNotTakenForTheClient) {
  const auto out = check_plan(default_rules(),
                              "Core: sit-ups, Russian twists, toe touches\nMonday - strength\n"
                              "Glute bridge 3x12\n");
  EXPECT_NE(out.find("1:1: error: this line is outside any session"), std::string::npos) << out;
  const auto client = check_plan(default_rules(),
                                 "PT notes - Raj K, 52, CLBP, cleared by GP\nMonday - strength\n"
                                 "Deadlift 3x5 @ 60kg\n");
  EXPECT_EQ(client.find("outside any session"), std::string::npos) << client;
  EXPECT_NE(client.find("bp.avoid-deadlift"), std::string::npos) << client;
}

TEST(Structure, ANegationHoldsWithinItsClause) {
  const std::string plan =
      "Raj, 52 - CLBP, no leg pain, pain down the left leg since Tuesday\nMonday - strength\nGlute bridge 3x12\n";
  EXPECT_EQ(count_of(finding_ids(default_rules(), plan), "bp.nerve-signs"), 1U);
  const std::string none = "Raj, 52 - CLBP, no pain down the left leg\nMonday - strength\nGlute bridge 3x12\n";
  EXPECT_EQ(count_of(finding_ids(default_rules(), none), "bp.nerve-signs"), 0U);
}

TEST(Structure, ADayWrittenOutInACopiedWeekReplacesItsCopy) {
  const std::string session = " - strength\nGlute bridge 3x12\nBird dog 3x8 each side\n";
  const std::string plan = "Client: conditions chronic low back pain, cleared yes\nWeek 1\nMon/Thu" + session +
                           "Week 2 - same as week 1\nThursday 6pm" + session;
  EXPECT_EQ(count_of(finding_ids(default_rules(), plan), "bp.rest-between-strength"), 0U);
}

}  // namespace
}  // namespace liftlint::testing
