// Calendar semantics: weeks, template ranges, wrap-around and merged findings.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Pack& pack() {
  static const auto loaded =
      load_pack(base_files, {{"rest.rules",
                              "rule rest {\n  severity error\n  cite shields_psereckis\n"
                              "  require rest >= 1 day between sessions where kind = strength\n}\n"}});
  return *loaded;
}

const std::string s = " strength { glute bridge 3x12 }\n";

TEST(Calendar, ConsecutiveDaysAcrossWeekBoundariesCount) {
  const auto out = check_plan(pack(), "week 1 {\n  sun" + s + "}\nweek 2 {\n  mon" + s + "  thu" + s + "}\n");
  EXPECT_NE(out.find("plan.plan:5:3: error[rest]"), std::string::npos) << out;
  EXPECT_NE(out.find("Sun and Mon of week 2"), std::string::npos) << out;
}

TEST(Calendar, ASingleTemplateWeekWrapsFromSundayToMonday) {
  EXPECT_EQ(finding_ids(pack(), "mon" + s + "thu" + s + "sun" + s), (std::vector<std::string>{"rest"}));
  EXPECT_EQ(finding_ids(pack(), "mon" + s + "thu" + s + "sat" + s), std::vector<std::string>{});
}

TEST(Calendar, AWeekRangeDoesNotWrapPastItsLastWeek) {
  const auto out = check_plan(pack(), "week 1..4 {\n  mon" + s + "  thu" + s + "  sun" + s + "}\n");
  EXPECT_NE(out.find("this happens in weeks 2-4"), std::string::npos) << out;
  EXPECT_EQ(finding_ids(pack(), "week 1..4 {\n  mon" + s + "  thu" + s + "  sun" + s + "}\n").size(), 1U);
}

TEST(Calendar, FindingsAreInFileOrder) {
  const auto ids = finding_ids(pack(), "mon" + s + "tue" + s + "wed" + s);
  EXPECT_EQ(ids.size(), 2U);
  const auto out = check_plan(pack(), "mon" + s + "tue" + s + "wed" + s);
  EXPECT_LT(out.find("plan.plan:2:1"), out.find("plan.plan:3:1"));
}

}  // namespace
}  // namespace liftlint::testing
