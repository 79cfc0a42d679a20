// A checked rule set as bytes, so the built-in pack is parsed and checked once, at build
// time, and only decoded when liftlint starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/model.hpp"

namespace liftlint::rules {

[[nodiscard]] std::string encode_snapshot(const model::RuleSet& set);
// Spans are re-attached to `files`, matched by path; nullopt when the bytes are not a snapshot. The rule set
// reads its name tables and exercises in `bytes`, which must outlive it and its copies. `named`, when given,
// receives the files among `files` that the rule set's spans point into. Bytes of `Integrity::built_in` are
// those the build wrote and checked by decoding them (liftlint_packc), and are read without checking each record
// and table again.
[[nodiscard]] std::optional<model::RuleSet> decode_snapshot(std::string_view bytes,
                                                            const std::vector<const SourceFile*>& files,
                                                            std::vector<const SourceFile*>* named = nullptr,
                                                            Integrity integrity = Integrity::checked);

}  // namespace liftlint::rules
