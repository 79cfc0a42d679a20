// Words that open a trainer's aside among the exercises (`NB: film the set`, `ask Sam about knees`).
#pragma once

#include <string_view>

#include "support/word_set.hpp"

namespace liftlint::plan {

// `NB:`, `TODO:`, `Physio:`: a marker followed by a colon or a dash.
[[nodiscard]] inline bool aside_marker(std::string_view lower_word) {
  static const WordSet markers = {"nb",     "todo",   "fyi",     "ps",         "reminder", "reminders",
                                  "tip",    "tips",   "comment", "comments",   "question", "q",
                                  "memo",   "remark", "aside",   "obs",        "feedback", "trainer",
                                  "physio", "pt",     "info",    "background", "history",  "check"};
  return markers.count(lower_word) > 0;
}

// `Check: deadlift 3x5`, `NB: RDL 3x8`: a marker that may stand before a prescribed exercise.
[[nodiscard]] inline bool aside_label(std::string_view lower_word) {
  return lower_word == "nb" || lower_word == "check" || lower_word == "todo" || lower_word == "tip" ||
         lower_word == "reminder" || lower_word == "fyi" || lower_word == "ps" || lower_word == "q" ||
         lower_word == "question";
}

// `ask`, `film`, `remind`: a verb no exercise name starts with, so a line it opens is said to someone.
[[nodiscard]] inline bool aside_verb(std::string_view lower_word) {
  static const WordSet verbs = {"ask",    "call",     "email",     "e-mail", "text",    "message", "phone",
                                "film",   "video",    "record",    "remind", "discuss", "confirm", "monitor",
                                "review", "reassess", "re-assess", "talk",   "tell",    "book",    "schedule",
                                "chat",   "mention",  "watch",     "send",   "follow",  "update",  "log",
                                "check",  "remember", "see",       "ensure", "don't",   "dont",    "cue"};
  return verbs.count(lower_word) > 0;
}

}  // namespace liftlint::plan
