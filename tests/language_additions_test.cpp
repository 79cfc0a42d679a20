// Precedence between rules, major muscle groups, load steps of equipment, and quantifiers over the whole
// plan: what each accepts, what it refuses (by the exact text of the error), a plan that passes and one
// that fails.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

using Ids = std::vector<std::string>;

const Pack& pack() {
  static const auto loaded =
      load_pack(base_files,
                {{"precedence.rules", read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/packs/precedence.rules")}});
  return *loaded;
}

Ids ids(const std::string& plan) { return finding_ids(pack(), plan); }

std::string errors_of(const std::string& text) {
  const auto pack = load_pack(default_pack, {{"test.rules", text}});
  EXPECT_FALSE(pack->rules.has_value());
  return render(pack->diagnostics);
}

const std::string strength_week =
    "mon strength { goblet squat 3x10 @ 8kg; chest-supported row 3x10 @ 8kg }\n"
    "thu strength { leg press 3x10 @ 40kg; seated dumbbell press 3x10 @ 6kg }\n";

TEST(LanguageAdditions, PackLoads) { ASSERT_TRUE(pack().rules.has_value()) << render(pack().diagnostics); }

TEST(Precedence, ASupersedingRuleSilencesTheOthersForItsClients) {
  const std::string flare = "client {\n  symptoms flare_up\n  cleared yes\n}\n";
  EXPECT_EQ(ids(flare + "mon strength { barbell curl 3x10 @ 10kg }\n"), Ids{"p.pause"})
      << "p.frequency and p.groups are moot while strength training is paused";
  EXPECT_EQ(ids(flare + "mon walking 30min\n"), Ids{}) << "no strength target while in a flare-up";
  EXPECT_EQ(ids("mon strength { barbell curl 3x10 @ 10kg }\n"), (Ids{"p.frequency", "p.groups"}));
}

TEST(Precedence, JsonReportsSupersededFindingsWithTheRuleThatSupersedesThem) {
  int code = 0;
  const auto out = run_cli(
      "check tests/packs/precedence.plan --no-default-rules --rules tests/packs/precedence.rules "
      "--format json",
      code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("\"superseded\": [\n        {\n          \"rule\": \"p.frequency\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"superseded_by\": \"p.pause\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"superseded\": 2"), std::string::npos) << out;
}

TEST(Precedence, SupersededFindingsReadBackAsJson) {
  int code = 0;
  const auto out =
      run_cli("check tests/packs/precedence.plan --no-default-rules --rules tests/packs/precedence.rules --format json",
              code, false);
  const auto report = nlohmann::json::parse(out);
  const auto& plan = report["plans"][0];
  ASSERT_EQ(plan["superseded"].size(), 2U) << out;
  for (const auto& f : plan["superseded"]) EXPECT_EQ(f["superseded_by"], "p.pause");
  EXPECT_EQ(plan["findings"].size(), 1U);
  EXPECT_EQ(report["summary"]["superseded"], 2);
  EXPECT_EQ(report["summary"]["warnings"], 0);
}

TEST(Precedence, ExplainShowsBothSides) {
  int code = 0;
  const auto out = run_cli("explain bp.muscle-recovery", code);
  EXPECT_NE(out.find("Precedence:\n    Superseded by bp.rest-between-strength for the clients that rule applies to.\n"),
            std::string::npos)
      << out;
}

TEST(Precedence, UnknownSupersededRuleSuggestsTheClosestId) {
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n  supersedes bp.strenght-days\n"
                      "  require  clearance\n}\n"),
            "test.rules:4:14: error: unknown rule 'bp.strenght-days'\n"
            "  |\n"
            "4 |   supersedes bp.strenght-days\n"
            "  |              ^^^^^^^^^^^^^^^^\n"
            "  = help: did you mean 'bp.strength-days'?\n");
}

TEST(Precedence, ARuleCannotSupersedeItself) {
  EXPECT_EQ(
      errors_of("rule t.a {\n  severity warning\n  cite     who2020\n  supersedes t.a\n  require  clearance\n}\n"),
      "test.rules:4:14: error: rule 't.a' cannot supersede itself\n"
      "  |\n"
      "4 |   supersedes t.a\n"
      "  |              ^^^\n");
}

TEST(Precedence, TwoRulesCannotSupersedeEachOther) {
  EXPECT_EQ(
      errors_of("rule t.a {\n  severity warning\n  cite     who2020\n  supersedes t.b\n  require  clearance\n}\n"
                "rule t.b {\n  severity warning\n  cite     who2020\n  supersedes t.a\n  require  clearance\n}\n"),
      "test.rules:7:6: error: rule 't.b' supersedes 't.a', which supersedes it in turn\n"
      "  |\n"
      "7 | rule t.b {\n"
      "  |      ^^^\n"
      "  = help: keep the supersession on the rule that makes the other moot\n");
}

TEST(Precedence, SupersedesNeedsRuleIds) {
  EXPECT_EQ(
      errors_of("rule t.a {\n  severity warning\n  cite     who2020\n  supersedes \"x\"\n  require  clearance\n}\n"),
      "test.rules:4:14: error: expected the ids of the rules this one supersedes, such as bp.strength-days, "
      "found '\"x\"'\n"
      "  |\n"
      "4 |   supersedes \"x\"\n"
      "  |              ^^^\n");
}

TEST(MuscleGroups, GripAndStabilisersMakeNoSecondGroup) {
  const auto one =
      ids("mon strength { barbell curl 3x10 @ 10kg; hammer curl 3x10 @ 8kg }\n"
          "thu strength { triceps pushdown 3x12 @ 10kg }\n");
  EXPECT_EQ(std::count(one.begin(), one.end(), "p.groups"), 2) << "biceps, forearms and triceps are one group, arms";
  EXPECT_EQ(ids(strength_week), Ids{});
}

TEST(MuscleGroups, OnlyAMuscleGroupIncludesMuscles) {
  EXPECT_EQ(errors_of("muscle wrists \"Wrists\" includes forearms\n"),
            "test.rules:1:33: error: only a muscle_group lists the muscles it includes\n"
            "  |\n"
            "1 | muscle wrists \"Wrists\" includes forearms\n"
            "  |                                 ^^^^^^^^\n"
            "  = help: declare it as: muscle_group wrists \"...\" includes ...\n");
  EXPECT_EQ(errors_of("muscle_group grip \"Grip\" includes forarms\n"),
            "test.rules:1:35: error: unknown muscle 'forarms'\n"
            "  |\n"
            "1 | muscle_group grip \"Grip\" includes forarms\n"
            "  |                                   ^^^^^^^\n"
            "  = help: did you mean 'forearms'?\n");
}

TEST(MuscleGroups, RecoveryComparesTheMusclesOfTheLinesTheRuleCounts) {
  EXPECT_EQ(ids("mon strength { goblet squat 3x10 @ 8kg; chest-supported row 3x10 @ 8kg }\n"
                "tue strength { leg press 3x10 @ 40kg; seated dumbbell press 3x10 @ 6kg }\n"),
            Ids{"p.recovery"});
  EXPECT_EQ(ids("mon strength { goblet squat 3x10 @ 8kg; chest-supported row 3x10 @ 8kg }\n"
                "tue strength { bodyweight squat 3x10; seated dumbbell press 3x10 @ 6kg }\n"
                "thu strength { leg press 3x10 @ 40kg; lat pulldown 3x10 @ 30kg }\n"),
            Ids{})
      << "unloaded squats are not counted by `of exercises where loaded`";
}

TEST(LoadSteps, TheSmallestStepOfTheEquipmentIsAlwaysAllowed) {
  const auto weeks = [](const std::string& first, const std::string& second) {
    return "week 1 {\n" + first + "}\nweek 2 {\n" + second + "}\n";
  };
  const std::string light = "mon strength { seated dumbbell press 3x10 @ 6kg; leg press 3x10 @ 40kg }\n";
  EXPECT_EQ(ids(weeks(light + strength_week.substr(strength_week.find("thu")),
                      "mon strength { seated dumbbell press 3x10 @ 8kg; leg press 3x10 @ 40kg }\n" +
                          strength_week.substr(strength_week.find("thu")))),
            Ids{})
      << "6 to 8 kg is one pair of dumbbells, though 33%";
  EXPECT_EQ(ids(weeks(light + strength_week.substr(strength_week.find("thu")),
                      "mon strength { seated dumbbell press 3x10 @ 10kg; leg press 3x10 @ 40kg }\n" +
                          strength_week.substr(strength_week.find("thu")))),
            Ids{"p.load"});
}

TEST(LoadSteps, AStepIsAMassOfEquipment) {
  EXPECT_EQ(errors_of("equipment kettlebell_pair \"Two kettlebells\" step 30s\n"),
            "test.rules:1:50: error: a 'step' is a mass and belongs to equipment\n"
            "  |\n"
            "1 | equipment kettlebell_pair \"Two kettlebells\" step 30s\n"
            "  |                                                  ^^^\n"
            "  = help: write it as: equipment dumbbell \"Dumbbell\" step 2kg\n");
}

TEST(WholePlan, AClientConditionMayLookAtThePlansSessionsAndExercises) {
  const std::string back = "client { conditions low_back_pain }\n";
  EXPECT_EQ(ids(back + "mon walking 30min\nwed mobility { cat-cow x10 }\n"), Ids{"p.frequency"})
      << "no weight training, so no clearance is asked for";
  EXPECT_EQ(ids(back + strength_week), Ids{"p.clearance"});
}

TEST(WholePlan, WeeksAreNotQuantifiedFromTheClient) {
  EXPECT_EQ(errors_of("rule t.a {\n  when     some week where deload\n  severity warning\n  cite     who2020\n"
                      "  require  clearance\n}\n"),
            "test.rules:2:17: error: cannot look at each week from a client; a client contains only the plan's "
            "sessions and exercises\n"
            "  |\n"
            "2 |   when     some week where deload\n"
            "  |                 ^^^^\n");
}

TEST(Substitutes, AreOfferedWithADoseThatPasses) {
  int code = 0;
  const auto out = run_cli("check tests/packs/substitutes.plan --color never", code);
  EXPECT_NE(out.find("  = help: try trap-bar deadlift (5 \u00d7 8, lighter) or romanian deadlift (5 \u00d7 8, lighter) "
                     "instead\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  = help: try seated dumbbell press (3 \u00d7 8, lighter) instead\n"), std::string::npos)
      << "a substitute named for the push press comes before those for any abrupt lift\n"
      << out;
}

TEST(Substitutes, ForNamesACatalogueExercise) {
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n  forbid   exercise \"deadlift\"\n"
                      "  suggest  \"trap-bar deadlift\" for \"dedlift\"\n}\n"),
            "test.rules:5:36: error: unknown exercise 'dedlift'\n"
            "  |\n"
            "5 |   suggest  \"trap-bar deadlift\" for \"dedlift\"\n"
            "  |                                    ^^^^^^^^^\n"
            "  = help: did you mean 'deadlift'?\n");
}

TEST(DefaultPack, EveryErrorSaysWhatToDoInstead) {
  const auto pack = load_pack(default_pack, {});
  ASSERT_TRUE(pack->rules.has_value());
  for (const auto& rule : pack->rules->rules) {
    if (rule.severity != Severity::error) continue;
    // Rest findings say which day to move a session to when the rule gives no help of its own.
    EXPECT_TRUE(!rule.help.empty() || rule.form == model::Form::rest) << rule.id;
  }
}

const Pack& activity() {
  static const auto loaded = load_pack(
      base_files, {{"activity.rules", read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/packs/activity.rules")}});
  return *loaded;
}

TEST(Aggregates, PackLoads) { ASSERT_TRUE(activity().rules.has_value()) << render(activity().diagnostics); }

TEST(Aggregates, VigorousMinutesCountDoubleAndLightOnesNotAtAll) {
  const std::string week = "mon: brisk walk 60 min\nwed: intervals 30 min\nfri: easy cycle 40 min\n";
  EXPECT_EQ(finding_ids(activity(), week), Ids{"a.aerobic"}) << "60 + 2 x 30 + 0 = 120 minutes";
  EXPECT_EQ(finding_ids(activity(), week + "sat: moderate swim 30 min\n"), Ids{}) << "150 minutes";
  EXPECT_EQ(
      check_plan(activity(), week)
          .rfind("plan.plan:1:1: warning[a.aerobic]: moderate-equivalent aerobic activity in week 1: 120 min; at least "
                 "150 min a week\n",
                 0),
      0U);
}

TEST(Aggregates, AnUnknownPartDecidesNothingUnlessTheKnownPartAlreadyDoes) {
  EXPECT_EQ(finding_ids(activity(), "mon: walk\nwed: brisk walk 30 min\n"), Ids{})
      << "Monday's walk has no length: the week may reach 150 minutes";
  EXPECT_EQ(finding_ids(activity(), "mon: walk\nwed: brisk walk 160 min\n"), Ids{"a.longest"});
}

TEST(Aggregates, SessionRpeGivesTheIntensity) {
  EXPECT_EQ(finding_ids(activity(),
                        "mon: bike 40 min { bike 40 min @ RPE 7 }\nwed: run 20 min hard\n"
                        "fri: run 20 min tempo\nsat: bike 40 min { bike 40 min @ RPE 5 }\n"),
            Ids{"a.hard-days"})
      << "three vigorous sessions (RPE 7, hard, tempo); 80 + 40 + 40 + 40 = 200 minutes";
}

TEST(Aggregates, RefuseWhatCannotBeAddedUp) {
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n"
                      "  require  every session: sum posture of exercises >= 2\n}\n"),
            "test.rules:4:31: error: 'sum' adds up numbers such as 'duration' or 'sets'; 'posture' is not a number\n"
            "  |\n"
            "4 |   require  every session: sum posture of exercises >= 2\n"
            "  |                               ^^^^^^^\n");
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n"
                      "  require  every week: sum duration sessions >= 150min\n}\n"),
            "test.rules:4:37: error: expected 'of' and what to add up, such as 'of sessions where kind = cardio', "
            "found 'sessions'\n"
            "  |\n"
            "4 |   require  every week: sum duration sessions >= 150min\n"
            "  |                                     ^^^^^^^^\n");
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n"
                      "  require  every week: sum duration of sessions >= 150kg\n}\n"),
            "test.rules:4:52: error: expected a duration such as 30s, 5min or 48h, found '150kg'\n"
            "  |\n"
            "4 |   require  every week: sum duration of sessions >= 150kg\n"
            "  |                                                    ^^^^^\n");
}

TEST(Intensity, NamesItsLevels) {
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n"
                      "  require  every session: intensity != hard\n}\n"),
            "test.rules:4:40: error: expected one of light, moderate, vigorous for 'intensity', found 'hard'\n"
            "  |\n"
            "4 |   require  every session: intensity != hard\n"
            "  |                                        ^^^^\n");
}

TEST(ClientAttributes, AgeFromAFieldOrFromProse) {
  const std::string three_days = "mon strength { goblet squat 3x10 }\nwed strength { goblet squat 3x10 }\n";
  const auto walks = "tue: brisk walk 50 min\nthu: brisk walk 50 min\nsat: brisk walk 50 min\n";
  EXPECT_EQ(finding_ids(activity(), "client { age 70 }\n" + three_days + walks), Ids{"a.older-adults"});
  EXPECT_EQ(finding_ids(activity(), "Client: Priya, 71, walks daily\n" + three_days + walks), Ids{"a.older-adults"});
  EXPECT_EQ(finding_ids(activity(), "client { age 50 }\n" + three_days + walks), Ids{});
  EXPECT_EQ(finding_ids(activity(), three_days + walks), Ids{}) << "no age, no verdict";
}

TEST(ClientAttributes, TheWeekOfPregnancyAdvancesWithThePlan) {
  const std::string plan =
      "client { gestational week 18 }\n"
      "week 1 { mon strength { glute bridge 3x10 } }\n"
      "week 3 { mon strength { glute bridge 3x10 } }\n";
  const auto ids = finding_ids(activity(), plan);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "a.no-supine-later"), 1) << "week 3 of the plan is week 20 of pregnancy";
  EXPECT_NE(check_plan(activity(), plan).find("plan.plan:3:"), std::string::npos) << check_plan(activity(), plan);
}

TEST(ClientAttributes, RefuseAnAgeOutOfRange) {
  EXPECT_EQ(check_plan(activity(), "client { age 300 }\nmon walk 30min\n"),
            "plan.plan:1:14: error: expected an age from 10 to 120, found 300\n"
            "  |\n"
            "1 | client { age 300 }\n"
            "  |              ^^^\n");
}

TEST(Literals, TrueAlwaysHoldsAndFalseNever) {
  const auto with = [](const std::string& rule) { return load_pack(base_files, {{"t.rules", rule}}); };
  const auto on = with(
      "rule t.on {\n  when     true\n  severity warning\n  cite     who2020\n"
      "  require  every session: false\n}\n");
  ASSERT_TRUE(on->rules.has_value()) << render(on->diagnostics);
  EXPECT_EQ(finding_ids(*on, "mon walk 30min\n"), Ids{"t.on"});
  const auto off = with(
      "rule t.off {\n  when     false\n  severity warning\n  cite     who2020\n"
      "  require  every session: false\n}\n");
  ASSERT_TRUE(off->rules.has_value()) << render(off->diagnostics);
  EXPECT_EQ(finding_ids(*off, "mon walk 30min\n"), Ids{});
}

TEST(Literals, AStrayWordAfterAConditionIsReportedWhereItStands) {
  EXPECT_EQ(errors_of("rule t.a {\n  severity warning\n  cite     who2020\n"
                      "  require  every session: cooldown cooldown\n}\n"),
            "test.rules:4:36: error: expected 'and', 'or' or the end of the condition, then the next field (severity, "
            "cite, message, help, doc, when, require, forbid, suggest, fix, supersedes) or '}', found 'cooldown'\n"
            "  |\n"
            "4 |   require  every session: cooldown cooldown\n"
            "  |                                    ^^^^^^^^\n");
}

TEST(ExtendExercise, AddsToListsAndReplacesSingleValues) {
  const auto pack = load_pack(base_files, {{"t.rules",
                                            "tag balance \"Balance\"\n"
                                            "extend exercise \"step-up\" {\n  tags balance\n"
                                            "  spinal_load moderate\n  aka \"stair raise\"\n}\n"
                                            "rule t.balance {\n  severity warning\n  cite     who2020\n"
                                            "  forbid   exercise where tags has balance and spinal_load = "
                                            "moderate\n}\n"}});
  ASSERT_TRUE(pack->rules.has_value()) << render(pack->diagnostics);
  const auto& catalogue = pack->rules->catalogue;
  const auto& step_up = catalogue.at(*catalogue.find("step-up"));
  EXPECT_EQ(step_up.extended_at.size(), 1U);
  EXPECT_EQ(catalogue.find("stair raise"), catalogue.find("step-up"));
  EXPECT_EQ(finding_ids(*pack, "mon strength { stair raise 3x10 each side }\n"), Ids{"t.balance"});
  EXPECT_EQ(finding_ids(*pack, "mon strength { split squat 3x10 each side }\n"), Ids{});
}

TEST(ExtendExercise, NamesACatalogueEntryAndANewAlias) {
  EXPECT_EQ(errors_of("extend exercise \"step-upp\" {\n  tags unilateral\n}\n"),
            "test.rules:1:17: error: unknown exercise 'step-upp'\n"
            "  |\n"
            "1 | extend exercise \"step-upp\" {\n"
            "  |                 ^^^^^^^^^^\n"
            "  = help: did you mean 'step up'?\n");
  EXPECT_EQ(errors_of("extend exercise \"step-up\" {\n  aka \"lunge\"\n}\n"),
            "test.rules:2:7: error: the name 'lunge' already belongs to an exercise\n"
            "  |\n"
            "2 |   aka \"lunge\"\n"
            "  |       ^^^^^^^\n");
  EXPECT_EQ(errors_of("extend \"step-up\" {\n  tags unilateral\n}\n"),
            "test.rules:1:8: error: expected 'exercise' after 'extend', found '\"step-up\"'\n"
            "  |\n"
            "1 | extend \"step-up\" {\n"
            "  |        ^^^^^^^^^\n");
}

TEST(ExtendExercise, TheCatalogueSaysWhereAnEntryWasExtended) {
  int code = 0;
  const auto out = run_cli("catalog \"tandem stance\" --rules rules/who-2020", code);
  EXPECT_NE(out.find("  tags balance\n  extended at rules/who-2020/who-2020.rules:"), std::string::npos) << out;
}

// What `liftlint read` prints for a plan.
std::string read_plan(const std::string& text) {
  int code = 0;
  const TempDir dir;
  return run_cli("read " + dir.write("plan.plan", text), code);
}

TEST(RestDays, WhatIsDoneOnARestDayIsAnActiveRecoverySessionTheRulesSee) {
  const auto pack = load_pack(base_files, {{"t.rules",
                                            "rule t.rest {\n  severity warning\n  cite     who2020\n"
                                            "  forbid   exercise where rest_day and loaded\n}\n"}});
  ASSERT_TRUE(pack->rules.has_value()) << render(pack->diagnostics);
  EXPECT_EQ(finding_ids(*pack, "mon rest {\n  goblet squat 3x10 @ 12kg\n  cat-cow x10\n}\n"), Ids{"t.rest"});
  EXPECT_EQ(finding_ids(*pack, "Sun: rest day - easy walk 30 min\nWed: rest, no training\n"), Ids{});
  const auto out =
      read_plan("Mon: strength\n- goblet squat 3x10\nSun: rest day - easy walk 30 min\nWed: rest - no gym\n");
  EXPECT_NE(out.find("    Sun, active_recovery, 30 min, light\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("Wed"), std::string::npos) << out;
}

TEST(Notation, EmphasisFromANotesAppIsNotATimesSign) {
  const auto out =
      read_plan("Mon: strength\n- **Goblet squat** 3x10\n- Decline sit-ups 2x15 *optional*\n- squat 3 * 10\n");
  EXPECT_NE(out.find("goblet squat                     3 x 10"), std::string::npos) << out;
  EXPECT_NE(out.find("decline sit-up                   2 x 15"), std::string::npos) << out;
  EXPECT_NE(out.find("bodyweight squat                 3 x 10"), std::string::npos) << out;
  EXPECT_EQ(out.find("error"), std::string::npos) << out;
}

// Prose about the client is searched with regular expressions, which match by recursion: a long run of
// spaces or of one word must not overflow the stack.
TEST(Notation, LongProseAboutTheClientIsSearchedSafely) {
  int code = 0;
  const TempDir dir;
  const auto plan = dir.write("long.plan", "Client: Priya\nHistory: cleared 999" + std::string(300000, ' ') +
                                               "yrs old\nBackground: " + std::string(300000, 'a') +
                                               " signed off for gym only\nmon walk 30min\n");
  const auto out = run_cli("check " + plan + " --color never", code);
  EXPECT_TRUE(code == 0 || code == 1) << code << "\n" << out.substr(0, 400);
}

TEST(Notation, ASessionWrittenForSeveralWeekdaysIsOnEachOfThem) {
  const auto out = read_plan(
      "Mon/Thu – gym 40 min\n- goblet squat 3x10\n- chest-supported row 3x10\nTue/Fri - rest\nWed & Sat: walk 30 "
      "min\n");
  for (const auto* day : {"    Mon, strength, 40 min\n", "    Thu, strength, 40 min\n", "    Wed, cardio, 30 min\n",
                          "    Sat, cardio, 30 min\n"}) {
    EXPECT_NE(out.find(day), std::string::npos) << day << out;
  }
  EXPECT_EQ(out.find("error"), std::string::npos) << out;
}

TEST(Notation, AWarmUpAfterADashGoesOnWithItsContent) {
  const auto out = read_plan(
      "Mon – lower 40 min\nWarm up – cat cow x10, glute bridge x12\nGoblet squat 3 x 10 @ 20kg DB\n"
      "Thu – upper 40 min\nWarm up – same as Monday\nSeated DB press 3x10 @ 8kg\n");
  EXPECT_NE(out.find("2:13     warmup   cat-cow"), std::string::npos) << out;
  EXPECT_NE(out.find("3:1      main     goblet squat"), std::string::npos) << out;
  EXPECT_NE(out.find("6:1      main     seated dumbbell press"), std::string::npos) << out;
  EXPECT_EQ(out.find("error"), std::string::npos) << out;
}

// Found by fuzzing: a value written right after its field's name (`aka"x"`) made the field's name `aka"`.
TEST(ExtendExercise, AFieldValueMayFollowItsNameWithoutASpace) {
  const auto pack = load_pack(base_files, {{"t.rules",
                                            "exercise \"slant board squat\" {\n  aka\" * RLD\" muscles quads\n"
                                            "  pattern squat\n  posture standing\n}\n"}});
  ASSERT_TRUE(pack->rules.has_value()) << render(pack->diagnostics);
  EXPECT_TRUE(pack->rules->catalogue.find("slant board squat").has_value());
}

}  // namespace
}  // namespace liftlint::testing
