// The default rule pack, compiled into the binary from rules/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liftlint {

struct EmbeddedFile {
  const char* path;  // builtin/<pack>/<file>.rules, and the pack's tests as builtin/<pack>/tests/<file>.plan
  std::string_view text;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embedded_rule_files();
// The built-in pack checked at build time (src/rules/snapshot.hpp), with or without its rules.
[[nodiscard]] std::string_view embedded_snapshot(bool with_rules);

// The file that includes the rest of the default pack.
inline constexpr const char* default_pack_entry = "builtin/back-pain/pack.rules";
// Vocabulary, catalogue and sources only: loaded even without the default rules.
inline constexpr const char* base_pack_entry = "builtin/back-pain/base.rules";

}  // namespace liftlint
