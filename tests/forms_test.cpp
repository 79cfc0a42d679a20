// Each rule body form (a-h) with a plan that passes and a plan that fails.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

using Ids = std::vector<std::string>;

const Pack& pack() {
  static const auto loaded = load_pack(
      base_files, {{"forms.rules", read_file(std::string(LIFTLINT_SOURCE_DIR) + "/tests/packs/forms.rules")}});
  return *loaded;
}

// A session that satisfies every content and dose rule of the test pack.
std::string good_session(const std::string& day, const std::string& extra = "") {
  return day + " strength 40min {\n  warmup 5min { cat-cow x10 }\n  glute bridge 3x12\n  bird-dog 3x10 each side\n" +
         extra + "  cooldown { hamstring stretch 30s }\n}\n";
}

Ids ids(const std::string& plan) { return finding_ids(pack(), plan); }

TEST(Forms, PackLoads) { ASSERT_TRUE(pack().rules.has_value()) << render(pack().diagnostics); }

TEST(Forms, BaselinePlanPasses) { EXPECT_EQ(ids(good_session("mon") + good_session("thu")), Ids{}); }

TEST(Forms, A_FrequencyTooFewAndTooMany) {
  EXPECT_EQ(ids(good_session("mon")), Ids{"a.frequency"});
  EXPECT_EQ(ids(good_session("mon") + good_session("wed") + good_session("fri") + good_session("sun")),
            (Ids{"a.frequency", "b.rest-days", "b.same-muscles"}));
  EXPECT_EQ(check_plan(pack(), good_session("mon")),
            "plan.plan:1:1: error[a.frequency]: week 1 has 1 strength sessions; 2 to 3 needed\n"
            "  |\n"
            "1 | mon strength 40min {\n"
            "  | ^^^\n"
            "  = source: World Health Organization (2020). WHO guidelines on physical activity and sedentary "
            "behaviour. Geneva: World Health Organization. https://www.who.int/publications/i/item/9789240015128\n");
}

TEST(Forms, B_RestDaysBetweenStrengthSessions) {
  EXPECT_EQ(ids(good_session("mon") + good_session("tue")), (Ids{"b.rest-days", "b.same-muscles"}));
  EXPECT_EQ(ids(good_session("mon") + good_session("wed")), Ids{});
}

bool has(const Ids& found, const std::string& id) { return std::find(found.begin(), found.end(), id) != found.end(); }

TEST(Forms, B_SharingMusclesOnlyCountsSharedGroups) {
  const std::string lower = "mon strength { glute bridge 3x12 }\n";
  const auto apart = ids(lower + "tue strength { chest-supported row 3x10 tempo 3-1-2 }\n");
  EXPECT_TRUE(has(apart, "b.rest-days"));
  EXPECT_FALSE(has(apart, "b.same-muscles"));
  EXPECT_TRUE(has(ids(lower + "tue strength { glute bridge 3x12 }\n"), "b.same-muscles"));
}

TEST(Forms, B_SundayToMondayWrapsInASingleWeek) {
  EXPECT_EQ(ids(good_session("mon") + good_session("thu") + good_session("sun")),
            (Ids{"b.rest-days", "b.same-muscles"}));
}

TEST(Forms, C_PostureWhenLoadingAggravates) {
  const std::string client = "client {\n  symptoms loading_aggravated_pain\n}\n";
  EXPECT_EQ(ids(client + good_session("mon", "  goblet squat 3x10 @ 8kg tempo 3-1-2\n") + good_session("thu")),
            Ids{"c.posture"});
  EXPECT_EQ(ids(client + good_session("mon", "  dumbbell bench press 3x10 @ 8kg tempo 3-1-2\n") + good_session("thu")),
            Ids{});
}

TEST(Forms, D_ContraindicationsAndClearance) {
  // a flare-up is one of back pain, which asks for a clearance too
  EXPECT_EQ(ids("client {\n  symptoms flare_up\n}\n" + good_session("mon") + good_session("thu")),
            (Ids{"d.clearance", "d.flare-up", "d.flare-up"}));
  EXPECT_EQ(ids("client {\n  conditions chronic_low_back_pain\n}\n" + good_session("mon") + good_session("thu")),
            Ids{"d.clearance"});
  EXPECT_EQ(ids("client {\n  conditions chronic_low_back_pain\n  cleared yes by \"GP\"\n}\n" + good_session("mon") +
                good_session("thu")),
            Ids{});
}

TEST(Forms, E_ContentCoreMusclesWarmupCooldown) {
  const std::string bare = "mon strength 30min {\n  leg extension 3x10 tempo 3-1-2\n}\n";
  EXPECT_EQ(ids(bare + good_session("thu")), (Ids{"e.core", "e.muscle-groups", "e.warmup-cooldown"}));
}

TEST(Forms, F_AvoidSuggestsOnlyAllowedSubstitutes) {
  const auto text =
      check_plan(pack(), good_session("mon", "  deadlift 3x10 @ 40kg tempo 3-1-2\n") + good_session("thu"));
  EXPECT_NE(text.find("error[f.avoid]: deadlift is not allowed here"), std::string::npos) << text;
  EXPECT_NE(text.find("= help: try trap-bar deadlift or romanian deadlift instead"), std::string::npos) << text;
  EXPECT_EQ(text.find("back squat instead"), std::string::npos) << "back squat is forbidden by f.no-back-squat";
  EXPECT_EQ(ids(good_session("mon", "  box jump 3x5\n") + good_session("thu")), Ids{"f.avoid-impact"});
}

TEST(Forms, G_DoseDurationRepsTempo) {
  const std::string long_session =
      "mon strength 60min {\n  warmup 5min { cat-cow x10 }\n  glute bridge 3x12\n  bird-dog 3x10\n"
      "  cooldown { hamstring stretch 30s }\n}\n";
  EXPECT_EQ(ids(long_session + good_session("thu")), Ids{"g.session-length"});
  EXPECT_EQ(ids(good_session("mon", "  goblet squat 3x5 @ 12kg tempo 3-1-2\n") + good_session("thu")), Ids{"g.reps"});
  EXPECT_EQ(ids(good_session("mon", "  goblet squat 3x10 @ 12kg\n") + good_session("thu")), Ids{"g.reps"});
  EXPECT_EQ(ids(good_session("mon", "  goblet squat 3x10 @ 12kg tempo 3-1-2\n") + good_session("thu")), Ids{});
}

TEST(Forms, H_ProgressionOfLoadAndVolume) {
  const auto week = [](int n, const std::string& load, const std::string& sets) {
    return "week " + std::to_string(n) + " {\n" +
           good_session("mon", "  goblet squat " + sets + "x10 @ " + load + " tempo 3-1-2\n") + good_session("thu") +
           "}\n";
  };
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "11kg", "3")), Ids{});
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "12kg", "3")), Ids{}) << "one dumbbell step is always allowed";
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "13kg", "3")), Ids{"h.load"});
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "10kg", "3") + week(3, "10kg", "3") + week(4, "13kg", "3")), Ids{})
      << "30% after three weeks at one load is 10% a week";
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "7kg", "3") + week(3, "10kg", "3") + week(4, "13kg", "3")),
            Ids{"h.load"})
      << "a lighter week starts the count again";
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "10kg", "6")), Ids{}) << "162 to 192 reps is under 20%";
  EXPECT_EQ(ids(week(1, "10kg", "3") + week(2, "10kg", "9")), Ids{"h.volume"});
}

}  // namespace
}  // namespace liftlint::testing
