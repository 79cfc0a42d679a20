// The built-in pack's snapshot decodes to the same rule set that checking its text gives.
#include "rules/snapshot.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "api/embedded.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

TEST(Snapshot, RoundTripGivesTheSameBytes) {
  const auto pack = load_pack(default_pack, {});
  ASSERT_TRUE(pack->rules.has_value());
  const auto bytes = rules::encode_snapshot(*pack->rules);
  std::vector<const SourceFile*> files;
  Sources sources;
  for (const auto& f : embedded_rule_files()) files.push_back(&sources.add(f.path, std::string(f.text)));
  const auto decoded = rules::decode_snapshot(bytes, files);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(rules::encode_snapshot(*decoded), bytes);
  EXPECT_EQ(decoded->rules.size(), pack->rules->rules.size());
  EXPECT_EQ(decoded->catalogue.find("RDL"), pack->rules->catalogue.find("romanian deadlift"));
}

TEST(Snapshot, TheEmbeddedSnapshotMatchesTheEmbeddedText) {
  const auto pack = load_pack(default_pack, {});
  ASSERT_TRUE(pack->rules.has_value());
  EXPECT_EQ(std::string(embedded_snapshot(true)), rules::encode_snapshot(*pack->rules));
}

// The built-in snapshot, read without checking each record and table, gives what a checked reading gives.
TEST(Snapshot, BuiltInBytesReadUncheckedGiveTheCheckedRuleSet) {
  const std::string_view bytes = embedded_snapshot(true);
  Sources sources;
  std::vector<const SourceFile*> files;
  for (const auto& f : embedded_rule_files()) files.push_back(&sources.add(f.path, std::string(f.text)));
  const auto checked = rules::decode_snapshot(bytes, files, nullptr, Integrity::checked);
  const auto trusted = rules::decode_snapshot(bytes, files, nullptr, Integrity::built_in);
  ASSERT_TRUE(checked.has_value());
  ASSERT_TRUE(trusted.has_value());
  EXPECT_EQ(rules::encode_snapshot(*trusted), rules::encode_snapshot(*checked));
}

// A damaged snapshot is refused or read, never a crash: every count is checked against the bytes left.
TEST(Snapshot, DamagedSnapshotsAreRefusedWithoutCrashing) {
  const std::string bytes(embedded_snapshot(true));
  Sources sources;
  std::vector<const SourceFile*> files;
  for (const auto& f : embedded_rule_files()) files.push_back(&sources.add(f.path, std::string(f.text)));
  const std::size_t step = bytes.size() / 97 + 1;
  for (std::size_t cut = 0; cut < bytes.size(); cut += step) {
    EXPECT_FALSE(rules::decode_snapshot(std::string_view(bytes).substr(0, cut), files).has_value()) << cut;
  }
  for (std::size_t at = 4; at < bytes.size(); at += step) {
    for (const char damage : {'\xFF', '\x7F', '\0'}) {
      auto damaged = bytes;
      damaged[at] = damage;
      (void)rules::decode_snapshot(damaged, files);
    }
  }
}

// A catalogue from a snapshot decodes each exercise when first asked, once, whichever thread asks; a change
// to one copy decodes them all into that copy and leaves the others reading the shared ones.
TEST(Snapshot, ExercisesAreDecodedOnFirstUseAlikeOnEveryThread) {
  const auto pack = load_pack(default_pack, {});
  ASSERT_TRUE(pack->rules.has_value());
  const auto& expected = pack->rules->catalogue;
  const std::string bytes(embedded_snapshot(true));
  Sources sources;
  std::vector<const SourceFile*> files;
  for (const auto& f : embedded_rule_files()) files.push_back(&sources.add(f.path, SourceFile::Borrowed{f.text}));
  const auto decoded = rules::decode_snapshot(bytes, files);
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->catalogue.size(), expected.size());
  const auto names_read = [&](const model::Catalogue& catalogue, bool backwards) {
    std::vector<const model::Exercise*> seen(catalogue.size());
    for (std::size_t k = 0; k < seen.size(); ++k) {
      const auto i = static_cast<std::uint32_t>(backwards ? seen.size() - 1 - k : k);
      seen[i] = &catalogue.at(i);
    }
    return seen;
  };
  std::vector<const model::Exercise*> first, second;
  std::thread other([&] { second = names_read(decoded->catalogue, true); });
  first = names_read(decoded->catalogue, false);
  other.join();
  EXPECT_EQ(first, second) << "one decoded exercise for both threads";
  for (std::uint32_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(first[i]->name, expected.at(i).name);
    EXPECT_EQ(first[i]->aliases, expected.at(i).aliases);
    EXPECT_EQ(first[i]->span.location(), expected.at(i).span.location());
  }
  auto changed = decoded->catalogue;
  changed.mutable_at(0).name = "changed";
  EXPECT_EQ(changed.at(0).name, "changed");
  EXPECT_EQ(decoded->catalogue.at(0).name, expected.at(0).name);
  EXPECT_EQ(&decoded->catalogue.at(1), first[1]);
}

TEST(Snapshot, GarbageIsRejected) {
  EXPECT_FALSE(rules::decode_snapshot("not a snapshot", {}).has_value());
  EXPECT_FALSE(rules::decode_snapshot(std::string_view("LLS1", 4), {}).has_value());
}

}  // namespace
}  // namespace liftlint::testing
