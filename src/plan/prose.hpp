// What prose about a client says: a clearance to train, an age, a week of pregnancy. The text is what
// prose_for_search (support/names.hpp) makes of a line: lower-cased, each run of white space one space.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace liftlint::plan::prose {

// Where a word of clearance stands: cleared, clearance, all clear, discharged, released, no restrictions and good
// to go when a professional or training is named near them (`all clear from GP`, not `cancer treated in 2016, all
// clear since`), signed (him) off, sign-off, ok'd, okayed, green light, go-ahead, fit to train or exercise; ok, okay,
// fine or safe to (or happy for her to) train, lift, exercise, return, start, progress, load, keep, continue or carry
// on; and said or says, then within eight words fine, ok, keep training, carry on or continue. The first one, as
// [begin, end) of the text.
struct Found {
  std::size_t begin = 0;
  std::size_t end = 0;
};
[[nodiscard]] std::optional<Found> clearance_word(std::string_view text);

// Whether the text says a clearance sets no restrictions: no restrictions, without restrictions, unrestricted, no
// limitations, fully cleared, full clearance, cleared for everything or for all activities; not when it limits
// them (`no restrictions on upper body`, `no restrictions but avoid heavy deadlifts`, `except`, `only`, `until`).
[[nodiscard]] bool says_without_restrictions(std::string_view text);

// Whether the text ends in a negation and at most one more word: "not", "no", "awaiting", "pending",
// "without", "before" (`not yet `, `awaiting `).
[[nodiscard]] bool ends_negated(std::string_view text);

// Whether the text names gym work: gym, weights, strength, resistance, lifting, training, rehab,
// exercise, full.
[[nodiscard]] bool names_gym_work(std::string_view text);

// An age: a number of two or three digits standing alone between commas, semicolons or bars (`Priya, 67`),
// before years or y/o (`72-year-old`, `58 yrs`), or after age (`aged 58`, `age: 61`).
[[nodiscard]] std::optional<double> age_in(std::string_view text);

// A week of pregnancy: `24 weeks pregnant`, `20 wks gestation`, `28/40`.
[[nodiscard]] std::optional<double> pregnancy_week_in(std::string_view text);

}  // namespace liftlint::plan::prose
