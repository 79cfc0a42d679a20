// Synthetic, realistic plans for benchmarks: a client, a repeating or changing week
// structure, strength sessions with warm-up, main block and cool-down.
#pragma once

#include <string>

namespace liftlint::bench {

// `weeks` weeks, each written as its own block so every week is evaluated; `seed`
// varies loads and exercises between plans.
[[nodiscard]] std::string generate_plan(int weeks, unsigned seed);

// The same plan as a trainer might get it wrong: each strength session also has crunches and a heavy
// barbell deadlift, and the mobility day becomes a third strength day in a row, so every week has
// findings of several rules (with substitutes, fixes and citations to report).
[[nodiscard]] std::string generate_flawed_plan(int weeks, unsigned seed);

}  // namespace liftlint::bench
