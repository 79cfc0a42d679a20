#include "support/names.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

#include "support/ascii.hpp"
#include "support/placeholders.hpp"
#include "support/string_index.hpp"
#include "support/word_set.hpp"

namespace liftlint {
namespace {

TEST(WordSet, FindsEachWordAndNoOther) {
  const WordSet set = {"mon", "monday", "am", "x", "tempo", "mon", "side-lying"};
  for (const auto* w : {"mon", "monday", "am", "x", "tempo", "side-lying"}) EXPECT_TRUE(set.contains(w)) << w;
  // same first byte, same length, a prefix, an extension, another case, empty
  for (const auto* w : {"mot", "mond", "monday2", "a", "Mon", "", "tempos", "side", "y"}) {
    EXPECT_FALSE(set.contains(w)) << w;
  }
  EXPECT_EQ(std::set<std::string_view>(set.begin(), set.end()).size(), 6U) << "a word given twice is held once";
}

TEST(WordSet, HoldsManyWordsThatShareHashSlots) {
  std::vector<std::string> words;
  for (int i = 0; i < 300; ++i) words.push_back(fmt::format("w{}", i * 7));
  const WordSet set(std::vector<std::string_view>(words.begin(), words.end()));
  for (int i = 0; i < 2100; ++i) {
    EXPECT_EQ(set.contains(fmt::format("w{}", i)), i % 7 == 0) << i;
  }
}

TEST(StringIndex, KeepsTheFirstValueOfAKeyAndListsKeysInOrder) {
  StringIndex index;
  EXPECT_FALSE(index.find("squat").has_value()) << "an empty index finds nothing";
  EXPECT_TRUE(index.insert("squat", 3));
  EXPECT_TRUE(index.insert("", 9));
  EXPECT_FALSE(index.insert("squat", 4));
  EXPECT_EQ(index.find("squat"), 3U);
  EXPECT_EQ(index.find(""), 9U);
  EXPECT_FALSE(index.find("squa").has_value());
  EXPECT_FALSE(index.find("squats").has_value());
  EXPECT_EQ(index.keys(), (std::vector<std::string>{"squat", ""}));
}

TEST(StringIndex, KeysAddedWithinWhatWasReservedMoveNothing) {
  StringIndex index;
  index.insert("first", 0);
  index.reserve(100, 100 * 12);
  const auto before = index.tables();
  for (std::uint32_t i = 1; i <= 100; ++i) ASSERT_TRUE(index.insert(fmt::format("exercise {}", i), i));
  const auto after = index.tables();
  EXPECT_EQ(after.entries, before.entries);
  EXPECT_EQ(after.slots, before.slots);
  EXPECT_EQ(after.text.data(), before.text.data());
  EXPECT_EQ(index.find("first"), 0U);
  for (std::uint32_t i = 1; i <= 100; ++i) ASSERT_EQ(index.find(fmt::format("exercise {}", i)), i);
}

TEST(StringIndex, GrowsAndCopiesWhole) {
  StringIndex index;
  for (std::uint32_t i = 0; i < 5000; ++i) ASSERT_TRUE(index.insert(fmt::format("exercise {}", i), i));
  const StringIndex copy = index;
  index = StringIndex{};
  EXPECT_EQ(copy.size(), 5000U);
  for (std::uint32_t i = 0; i < 5000; ++i) ASSERT_EQ(copy.find(fmt::format("exercise {}", i)), i);
  EXPECT_FALSE(copy.find("exercise 5000").has_value());
}

using Entry = StringIndex::Entry;

std::optional<StringIndex> restore(const std::string& text, const std::vector<Entry>& entries,
                                   const std::vector<std::uint32_t>& slots,
                                   StringIndex::Storage storage = StringIndex::Storage::copied) {
  return StringIndex::restore(StringIndex::Tables{text, reinterpret_cast<const char*>(entries.data()), entries.size(),
                                                  reinterpret_cast<const char*>(slots.data()), slots.size()},
                              storage);
}

TEST(StringIndex, RestoresWhatItGaveAndRefusesWhatNoIndexGives) {
  StringIndex index;
  for (std::uint32_t i = 0; i < 100; ++i) index.insert(fmt::format("n{}", i), 2 * i);
  const auto restored = StringIndex::restore(index.tables(), StringIndex::Storage::copied);
  index = StringIndex{};
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->size(), 100U);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(restored->find(fmt::format("n{}", i)), 2 * i);
  EXPECT_FALSE(restored->find("n100").has_value());

  const auto table = [](std::uint32_t size, std::uint32_t entries) {
    std::vector<std::uint32_t> slots(size, StringIndex::empty_slot);
    for (std::uint32_t i = 0; i < entries; ++i) slots[i] = i;
    return slots;
  };
  EXPECT_TRUE(restore("abc", {Entry{0, 3, 0}, Entry{3, 0, 1}}, table(16, 2)).has_value());
  EXPECT_TRUE(restore("", {}, {}).has_value()) << "an empty index";
  EXPECT_FALSE(restore("abc", {Entry{2, 2, 0}}, table(16, 1)).has_value()) << "past the text";
  EXPECT_FALSE(restore("abc", {Entry{4, 0, 0}}, table(16, 1)).has_value()) << "past the text";
  EXPECT_FALSE(restore("abc", {Entry{0xFFFFFFFF, 2, 0}}, table(16, 1)).has_value()) << "past the text";
  EXPECT_FALSE(restore("abc", {Entry{0, 3, 0}}, table(16, 2)).has_value()) << "a slot past the entries";
  EXPECT_FALSE(restore("abc", {Entry{0, 3, 0}}, table(24, 1)).has_value()) << "not a power of two";
  EXPECT_FALSE(restore("abc", {Entry{0, 3, 0}}, {}).has_value()) << "no table";
  EXPECT_FALSE(restore(std::string(40, 'a'), std::vector<Entry>(9, Entry{0, 1, 0}), table(16, 9)).has_value())
      << "more than half full";
}

// A snapshot's tables are read where they lie, aligned or not, and left as they are when a key is added.
TEST(StringIndex, AViewedIndexReadsUnalignedTablesAndCopiesThemBeforeAKeyIsAdded) {
  StringIndex built;
  for (std::uint32_t i = 0; i < 40; ++i) built.insert(fmt::format("name {}", i), i);
  const auto t = built.tables();
  std::string bytes = "x";  // so that the tables below start at an odd address
  bytes.append(t.entries, t.entry_count * sizeof(Entry));
  bytes.append(t.slots, t.slot_count * sizeof(std::uint32_t));
  const std::string before = bytes;
  const StringIndex::Tables unaligned{t.text, bytes.data() + 1, t.entry_count,
                                      bytes.data() + 1 + t.entry_count * sizeof(Entry), t.slot_count};
  auto viewed = StringIndex::restore(unaligned, StringIndex::Storage::viewed);
  ASSERT_TRUE(viewed.has_value());
  EXPECT_EQ(viewed->tables().entries, bytes.data() + 1) << "read in place";
  for (std::uint32_t i = 0; i < 40; ++i) ASSERT_EQ(viewed->find(fmt::format("name {}", i)), i);
  for (std::uint32_t i = 40; i < 100; ++i) ASSERT_TRUE(viewed->insert(fmt::format("name {}", i), i));
  for (std::uint32_t i = 0; i < 100; ++i) ASSERT_EQ(viewed->find(fmt::format("name {}", i)), i);
  EXPECT_NE(viewed->tables().entries, bytes.data() + 1);
  EXPECT_EQ(bytes, before) << "the viewed tables are never written";
  EXPECT_EQ(built.size(), 40U);
}

TEST(Ascii, ClassesAgreeWithTheCLocaleOnEveryByte) {
  for (int c = -128; c < 256; ++c) {
    const int byte = c < 0 ? c + 256 : c;  // what <cctype> is given for a char
    EXPECT_EQ(ascii::is_alpha(c) && c >= 0, std::isalpha(byte) != 0) << c;
    EXPECT_EQ(ascii::is_digit(c) && c >= 0, std::isdigit(byte) != 0) << c;
    EXPECT_EQ(ascii::is_alnum(c) && c >= 0, std::isalnum(byte) != 0) << c;
    EXPECT_EQ(ascii::is_space(c) && c >= 0, std::isspace(byte) != 0) << c;
    EXPECT_EQ(ascii::is_upper(c) && c >= 0, std::isupper(byte) != 0) << c;
    EXPECT_EQ(ascii::is_punct(c) && c >= 0, std::ispunct(byte) != 0) << c;
    if (c >= 0) {
      EXPECT_EQ(ascii::lower(c), std::tolower(c)) << c;
      EXPECT_EQ(ascii::upper(c), std::toupper(c)) << c;
    }
  }
}

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
