// The built-in pack's snapshot decodes to the same rule set that checking its text gives.
#include "rules/snapshot.hpp"

#include <gtest/gtest.h>

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

TEST(Snapshot, GarbageIsRejected) {
  EXPECT_FALSE(rules::decode_snapshot("not a snapshot", {}).has_value());
  EXPECT_FALSE(rules::decode_snapshot(std::string_view("LLS1", 4), {}).has_value());
}

}  // namespace
}  // namespace liftlint::testing
