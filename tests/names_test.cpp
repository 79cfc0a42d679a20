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
