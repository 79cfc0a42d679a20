// Name matching that forgives what people type: case, hyphens, plurals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liftlint {

// Lower-cases, turns hyphens, dashes and underscores into spaces, drops
// apostrophes, collapses spaces and strips plural endings word by word.
[[nodiscard]] std::string normalize_name(std::string_view name);

[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate, if it is close enough to be a plausible typo; of equally close ones, the one that
// shares the longest beginning with the word, then the first in alphabetical order.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

// The candidate a word is certainly a misspelling of, for a correction made without asking: a word of at
// least 5 letters, the same first letter, one slip (a letter missed, added, changed, or two swapped;
// two slips from 9 letters on), and no other candidate as close. `Goblet sqaut` is `goblet squat`;
// `Tom`, `WU` and `Resisted row` are no one's typos.
[[nodiscard]] std::optional<std::string> certain_correction(std::string_view word,
                                                            const std::vector<std::string>& candidates);

// Whether `word` could be `match` mistyped, as a line that is no exercise could not: a word of at least 4
// letters one slip from it, or of more than 5 that begins as the match does. `Mark` (two from `jerk`) and
// `Done` are words of their own; `Sqauts` is a squat.
[[nodiscard]] bool plausible_misspelling(std::string_view word, std::string_view match);

// The name as it should appear in a message: long ones are cut, with their length given.
[[nodiscard]] std::string shorten(std::string_view name);

// Prose to search with a regular expression: lower-cased, runs of white space made one space, at most
// `limit` bytes. std::regex matches by recursion, so an unbounded line (a run of 300,000 spaces) would
// overflow the stack; prose about a client says what it says in its first few hundred characters.
[[nodiscard]] std::string prose_for_search(std::string_view text, std::size_t limit = 600);

// `lower_body` as `lower body`: a vocabulary id shown as words.
[[nodiscard]] std::string id_as_words(std::string id);

// "a, b and c" (or "a, b or c"): items as a sentence lists them.
[[nodiscard]] std::string spoken_list(const std::vector<std::string>& items, std::string_view last_joint);

// "did you mean 'x'?" or an empty string.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace liftlint
