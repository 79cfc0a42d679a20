#include "support/names.hpp"

#include <gtest/gtest.h>

#include "support/placeholders.hpp"

namespace liftlint {
namespace {

TEST(Names, NormalisationForgivesCaseHyphensAndPlurals) {
  EXPECT_EQ(normalize_name("Glute Bridges"), "glute bridge");
  EXPECT_EQ(normalize_name("bird-dog"), "bird dog");
  EXPECT_EQ(normalize_name("Farmer\u2019s carry"), "farmer carry");
  EXPECT_EQ(normalize_name("toe touches"), "toe touch");
  EXPECT_EQ(normalize_name("bench press"), "bench press");
  EXPECT_EQ(normalize_name("  cat \u2013 cow "), "cat cow");
}

TEST(Names, DidYouMeanFindsCloseNamesOnly) {
  const std::vector<std::string> names = {"tue", "thu", "wed"};
  EXPECT_EQ(did_you_mean("tus", names), "did you mean 'tue'?");
  EXPECT_EQ(did_you_mean("saturday-ish", names), "");
}

TEST(Placeholders, OnlyBracedNamesAreReplaced) {
  EXPECT_EQ(fill_placeholders("{a} and {b} in { x; y }", {{"a", "1"}, {"b", "2"}}), "1 and 2 in { x; y }");
  EXPECT_EQ(placeholder_names_in("{day} { cat-cow } {week}"), (std::vector<std::string>{"day", "week"}));
}

}  // namespace
}  // namespace liftlint

TEST(Names, ACorrectionMadeWithoutAskingIsACertainTypo) {
  const std::vector<std::string> names{"goblet squat", "glute bridge", "bird dog",   "dead bug", "jog",
                                       "saw",          "tgu",          "seated row", "rower",    "swan"};
  EXPECT_EQ(liftlint::certain_correction("goblet sqaut", names), "goblet squat");  // two letters swapped
  EXPECT_EQ(liftlint::certain_correction("glute brige", names), "glute bridge");   // one missed
  EXPECT_EQ(liftlint::certain_correction("bird dgo", names), "bird dog");
  EXPECT_EQ(liftlint::certain_correction("dead bugg", names), "dead bug");  // one added
  // short words, abbreviations, other words and other first letters are no one's typos
  for (const char* word : {"tom", "wu", "row", "fran", "resisted row", "oblet squat", "goblet swat tat"}) {
    EXPECT_EQ(liftlint::certain_correction(word, names), std::nullopt) << word;
  }
  // two names as close: no correction
  EXPECT_EQ(liftlint::certain_correction("dead bog", {"dead bug", "dead bag"}), std::nullopt);
}
