// Prose is read by scanning for words at word boundaries, as a regular expression would, but without
// compiling one: std::regex takes longer to compile its patterns than liftlint takes to check a plan.
#include "plan/prose.hpp"

#include <algorithm>
#include <array>

namespace liftlint::plan::prose {
namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool digit(char c) { return c >= '0' && c <= '9'; }

// A word starts at `at`: a word character with none before it.
bool word_starts(std::string_view t, std::size_t at) {
  return at < t.size() && word_char(t[at]) && (at == 0 || !word_char(t[at - 1]));
}
// A word ends at `at`: a word character before it and none at it.
bool word_ends(std::string_view t, std::size_t at) {
  return at > 0 && word_char(t[at - 1]) && (at == t.size() || !word_char(t[at]));
}

bool at(std::string_view t, std::size_t i, std::string_view s) { return t.substr(i, s.size()) == s; }

// The end of `s` at i when it stands there as a whole word's end, else npos.
std::size_t whole(std::string_view t, std::size_t i, std::string_view s) {
  return at(t, i, s) && word_ends(t, i + s.size()) ? i + s.size() : std::string_view::npos;
}

std::size_t skip(std::string_view t, std::size_t i, char c) {
  while (i < t.size() && t[i] == c) ++i;
  return i;
}
std::size_t skip_word(std::string_view t, std::size_t i) {
  while (i < t.size() && word_char(t[i])) ++i;
  return i;
}
std::size_t digits_end(std::string_view t, std::size_t i) {
  while (i < t.size() && digit(t[i])) ++i;
  return i;
}

// `signed off`, `signed him off`.
std::size_t signed_off(std::string_view t, std::size_t i) {
  if (!at(t, i, "signed ")) return std::string_view::npos;
  const auto j = i + 7;
  const auto k = skip_word(t, j);
  if (k > j && k < t.size() && t[k] == ' ') {
    if (const auto end = whole(t, k + 1, "off"); end != std::string_view::npos) return end;
  }
  return whole(t, j, "off");
}

std::size_t fit_to(std::string_view t, std::size_t i) {
  if (!at(t, i, "fit to ")) return std::string_view::npos;
  if (const auto end = whole(t, i + 7, "train"); end != std::string_view::npos) return end;
  return whole(t, i + 7, "exercise");
}

// `happy for her to lift`, `ok to return to the gym`, `fine to train`: a permission to train, which needs the
// activity after it (`ok to kneel` is not one).
std::size_t permitted_to(std::string_view t, std::size_t i) {
  std::size_t j = std::string_view::npos;
  for (const std::string_view w : {"ok to ", "okay to ", "fine to ", "safe to "}) {
    if (at(t, i, w)) j = i + w.size();
  }
  if (at(t, i, "happy for ")) {
    const auto k = skip_word(t, i + 10);
    if (k > i + 10 && at(t, k, " to ")) j = k + 4;
  }
  if (j == std::string_view::npos) return j;
  for (const std::string_view w :
       {"train", "lift", "exercise", "return", "start", "progress", "load", "gym", "keep", "continue", "carry"}) {
    if (at(t, j, w)) return skip_word(t, j);
  }
  return std::string_view::npos;
}

// `GP said exercise is fine`, `midwife said carrying on with the gym is fine`, `chiro said keep training`: what a
// professional said, when it ends in a permission within eight words and says no `not` before it.
std::size_t said_fine(std::string_view t, std::size_t i) {
  if (!at(t, i, "said ") && !at(t, i, "says ")) return std::string_view::npos;
  auto j = i + 5;
  for (int words = 0; words < 8 && j < t.size(); ++words) {
    if (at(t, j, "not ") || at(t, j, "no ")) return std::string_view::npos;
    for (const std::string_view w : {"fine", "ok", "okay", "keep training", "carry on", "continue"}) {
      if (const auto end = whole(t, j, w); end != std::string_view::npos) return end;
    }
    j = skip(t, skip_word(t, j), ' ');
    while (j < t.size() && !word_char(t[j]) && t[j] != ' ' && t[j] != ',' && t[j] != '.' && t[j] != ';') ++j;
    if (j < t.size() && (t[j] == ',' || t[j] == '.' || t[j] == ';')) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// `Rheumy + physio (Claire) both want daily movement + regular strength work`, `physio recommends strength
// training`: a clinician, in the 40 characters before, asks for the training.
std::size_t clinician_wants(std::string_view t, std::size_t i) {
  std::size_t j = std::string_view::npos;
  for (const std::string_view w : {"want ", "wants ", "recommend ", "recommends ", "recommended ", "encourage ",
                                   "encourages ", "encouraged ", "prescribed "}) {
    if (at(t, i, w)) j = i + w.size();
  }
  if (j == std::string_view::npos) return j;
  static constexpr std::array<std::string_view, 11> clinicians{"gp",      "doctor",      "dr ",        "physio",
                                                               "rheumy",  "rheumatolog", "consultant", "surgeon",
                                                               "midwife", "specialist",  "sports med"};
  const auto before = t.substr(i > 40 ? i - 40 : 0, i > 40 ? 40 : i);
  const bool clinician = std::any_of(clinicians.begin(), clinicians.end(),
                                     [&](std::string_view w) { return before.find(w) != std::string_view::npos; });
  if (!clinician) return std::string_view::npos;
  for (int words = 0; words < 6 && j < t.size(); ++words) {
    // `wants him off training for now`, `no lifting`
    for (const std::string_view w : {"off", "no", "not", "stop", "avoid", "pause", "less", "without"}) {
      if (whole(t, j, w) != std::string_view::npos) return std::string_view::npos;
    }
    for (const std::string_view w : {"strength", "training", "exercise", "gym", "lifting", "movement"}) {
      if (const auto end = whole(t, j, w); end != std::string_view::npos) return end;
    }
    j = skip(t, skip_word(t, j), ' ');
    while (j < t.size() && !word_char(t[j]) && t[j] != ' ' && t[j] != ',' && t[j] != '.' && t[j] != ';') ++j;
    j = skip(t, j, ' ');
    if (j < t.size() && (t[j] == ',' || t[j] == '.' || t[j] == ';')) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A professional or training named within 40 characters of [begin, end): `all clear from GP`, `discharged by
// physio`, `released to train`; not `cancer treated in 2016, all clear since` or `discharged from hospital`.
bool attested(std::string_view t, std::size_t begin, std::size_t end) {
  const auto from = begin > 40 ? begin - 40 : 0;
  const auto around = t.substr(from, std::min(t.size(), end + 40) - from);
  for (const std::string_view w : {"gp", "doctor", "dr", "physio", "consultant", "surgeon", "surgical", "midwife",
                                   "chiro", "osteo", "specialist", "ortho", "train", "gym", "lift", "exercise"}) {
    for (auto at = around.find(w); at != std::string_view::npos; at = around.find(w, at + 1)) {
      if (word_starts(around, at)) return true;
    }
  }
  return false;
}

// `referred on for graded exercise`, `GP referral`, `exercise referral scheme`: a clinician sent the client to
// exercise. Not a referral elsewhere (`referred to a spinal surgeon`).
std::size_t referred_for_exercise(std::string_view t, std::size_t i) {
  for (const std::string_view w : {"gp referral", "exercise referral", "physio referral", "doctor's referral"}) {
    if (const auto end = whole(t, i, w); end != std::string_view::npos) return end;
  }
  auto end = whole(t, i, "referred");
  if (end == std::string_view::npos) return end;
  end = skip(t, end, ' ');
  if (whole(t, end, "on") != std::string_view::npos) end = skip(t, end + 2, ' ');
  if (whole(t, end, "for") == std::string_view::npos) return std::string_view::npos;
  const auto rest = t.substr(end + 3, 30);
  for (const std::string_view w : {"exercise", "gym", "training", "pilates", "strength", "rehab", "graded"}) {
    if (rest.find(w) != std::string_view::npos) return end + 3;
  }
  return std::string_view::npos;
}

std::size_t clearance_at(std::string_view t, std::size_t i) {
  if (const auto end = permitted_to(t, i); end != std::string_view::npos) return end;
  if (const auto end = said_fine(t, i); end != std::string_view::npos) return end;
  if (const auto end = clinician_wants(t, i); end != std::string_view::npos) return end;
  for (const std::string_view w : {"cleared", "clearance", "exercise is fine", "exercise is ok", "gym is fine",
                                   "gym is ok", "training is fine", "lifting is fine"}) {
    if (const auto end = whole(t, i, w); end != std::string_view::npos) return end;
  }
  for (const std::string_view w :
       {"all clear", "all-clear", "discharged", "good to go", "released", "no restrictions"}) {
    if (const auto end = whole(t, i, w); end != std::string_view::npos && attested(t, i, end)) return end;
  }
  if (const auto end = referred_for_exercise(t, i); end != std::string_view::npos) return end;
  if (const auto end = signed_off(t, i); end != std::string_view::npos) return end;
  for (const std::string_view w : {"sign-off", "ok'd", "okd", "okayed", "green light", "go-ahead", "go ahead"}) {
    if (const auto end = whole(t, i, w); end != std::string_view::npos) return end;
  }
  return fit_to(t, i);
}

// A number of exactly `fewest` to `most` digits at i (a longer run is no such number).
std::optional<std::size_t> number_at(std::string_view t, std::size_t i, std::size_t fewest, std::size_t most) {
  const auto end = digits_end(t, i);
  if (end - i < fewest || end - i > most) return std::nullopt;
  return end;
}

double value_of(std::string_view t, std::size_t begin, std::size_t end) {
  double out = 0;
  for (auto i = begin; i < end; ++i) out = out * 10 + (t[i] - '0');
  return out;
}

bool separator(char c) { return c == ',' || c == ';' || c == '|'; }

// `, 67,` or a line that is only the number: standing alone between separators, and not in a list of numbers
// (`12, 16, 20, 24 kg bells`).
std::optional<double> lone_age(std::string_view t, std::size_t i) {
  const auto alone_from = [&](std::size_t from) -> std::optional<double> {
    const auto end = number_at(t, from, 2, 3);
    if (!end) return std::nullopt;
    const auto after = skip(t, *end, ' ');
    if (after == t.size()) return value_of(t, from, *end);
    const auto next = skip(t, after + 1, ' ');
    if (!separator(t[after])) return std::nullopt;
    // the next item is a number alone too: a list
    if (const auto item = number_at(t, next, 1, 3)) {
      const auto behind = skip(t, *item, ' ');
      if (behind < t.size() && separator(t[behind])) return std::nullopt;
    }
    return value_of(t, from, *end);
  };
  if (i == 0) {
    if (auto age = alone_from(0)) return age;
  }
  if (i < t.size() && separator(t[i])) {
    auto before = i;
    while (before > 0 && t[before - 1] == ' ') --before;
    if (before > 0 && digit(t[before - 1])) return std::nullopt;
    return alone_from(skip(t, i + 1, ' '));
  }
  return std::nullopt;
}

// `72-year-old`, `58 yrs`, `61 y/o`.
std::optional<double> age_before_years(std::string_view t, std::size_t i) {
  if (!word_starts(t, i)) return std::nullopt;
  const auto end = number_at(t, i, 2, 3);
  if (!end) return std::nullopt;
  auto j = skip(t, *end, ' ');
  if (j < t.size() && t[j] == '-') ++j;
  j = skip(t, j, ' ');
  bool unit = at(t, j, "y/o") || at(t, j, "yo");  // no word end needed: `25yo`, and as the pattern had it
  for (const std::string_view w : {"yrs", "yr", "years", "year"})
    unit = unit || whole(t, j, w) != std::string_view::npos;
  return unit ? std::optional<double>(value_of(t, i, *end)) : std::nullopt;
}

// The word that ends before `i`, past spaces and punctuation.
std::string_view word_before(std::string_view t, std::size_t i) {
  auto end = i;
  while (end > 0 && !word_char(t[end - 1])) --end;
  auto begin = end;
  while (begin > 0 && word_char(t[begin - 1])) --begin;
  return t.substr(begin, end - begin);
}

// `aged 58`, `age: 61`; not an age in the past (`dx age 17`, `since age 12`, `at age 40`).
std::optional<double> age_after_word(std::string_view t, std::size_t i) {
  if (!word_starts(t, i) || !at(t, i, "age")) return std::nullopt;
  static const std::array<std::string_view, 9> past = {"dx",    "diagnosed", "at",     "since",  "from",
                                                       "onset", "until",     "before", "injured"};
  if (std::find(past.begin(), past.end(), word_before(t, i)) != past.end()) return std::nullopt;
  auto j = i + 3;
  if (j < t.size() && t[j] == 'd') ++j;
  j = skip(t, j, ' ');
  if (j < t.size() && t[j] == ':') ++j;
  j = skip(t, j, ' ');
  const auto end = number_at(t, j, 2, 3);
  if (!end || !word_ends(t, *end)) return std::nullopt;
  return value_of(t, j, *end);
}

// `24 weeks pregnant`, `20 wks gestation`, `16 weeks of pregnancy`, `29 wks (due 18 May)`, `24 weeks along`.
std::optional<double> weeks_pregnant(std::string_view t, std::size_t i, std::size_t end) {
  static constexpr std::array<std::string_view, 8> after = {"pregnant", "gestation", "of pregnancy", "along",
                                                            "due",      "(due",      "preg",         "pg"};
  const auto after_number = skip(t, end, ' ');
  for (const std::string_view unit : {"weeks", "week", "wks", "wk"}) {
    if (!at(t, after_number, unit)) continue;
    const auto j = skip(t, after_number + unit.size(), ' ');
    for (const auto word : after) {
      // the words read before these three need no end of word (`24 weeks pregnantcleared` as the expressions read it)
      const bool prefix = word == "pregnant" || word == "gestation" || word == "of pregnancy";
      if (!at(t, j, word) || (!prefix && !word_ends(t, j + word.size()))) continue;
      // `6 weeks due to a knee op` is no date of birth
      if (word.ends_with("due") && at(t, skip(t, j + word.size(), ' '), "to")) continue;
      return value_of(t, i, end);
    }
  }
  return std::nullopt;
}

// `28/40`: the week of forty.
std::optional<double> week_of_forty(std::string_view t, std::size_t i, std::size_t end) {
  auto j = skip(t, end, ' ');
  if (j >= t.size() || t[j] != '/') return std::nullopt;
  j = skip(t, j + 1, ' ');
  if (!at(t, j, "40") || !word_ends(t, j + 2)) return std::nullopt;
  return value_of(t, i, end);
}

// The first of the phrases that stands as whole words in the text.
template <std::size_t N>
std::optional<Found> first_of(std::string_view t, const std::array<std::string_view, N>& phrases) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!word_starts(t, i)) continue;
    for (const auto p : phrases) {
      if (const auto end = whole(t, i, p); end != std::string_view::npos) return Found{i, end};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Found> clearance_word(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!word_starts(text, i)) continue;
    if (const auto end = clearance_at(text, i); end != std::string_view::npos) return Found{i, end};
  }
  return std::nullopt;
}

bool says_without_restrictions(std::string_view text) {
  static constexpr std::array<std::string_view, 11> phrases{"no restrictions",
                                                            "no restriction",
                                                            "without restrictions",
                                                            "without restriction",
                                                            "unrestricted",
                                                            "no limitations",
                                                            "fully cleared",
                                                            "full clearance",
                                                            "cleared for everything",
                                                            "cleared fully",
                                                            "cleared for all activities"};
  static constexpr std::array<std::string_view, 12> limits{"except",     "avoid",      "only",       "but no",
                                                           "apart from", "other than", "restricted", "limit",
                                                           "no heavy",   "not yet",    "until",      "light"};
  const auto said = first_of(text, phrases);
  if (!said || first_of(text, limits)) return false;
  // `no restrictions on upper body`: none there, some elsewhere
  const auto rest = text.substr(said->end, 24);
  return !((at(rest, 0, " on ") || at(rest, 0, " for ")) && !names_gym_work(rest));
}

bool ends_negated(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!word_starts(text, i)) continue;
    for (const std::string_view w : {"not", "no", "awaiting", "pending", "without", "before"}) {
      if (!at(text, i, w) || i + w.size() >= text.size() || text[i + w.size()] != ' ') continue;
      const auto next = skip(text, i + w.size(), ' ');
      if (next == text.size()) return true;
      const auto word_end = skip_word(text, next);
      if (word_end > next && word_end < text.size() && text[word_end] == ' ' &&
          skip(text, word_end, ' ') == text.size()) {
        return true;
      }
    }
  }
  return false;
}

bool names_gym_work(std::string_view text) {
  static constexpr std::array<std::string_view, 11> words{
      "gym", "weights", "weight", "strength", "resistance", "lifting", "lift", "training", "rehab", "exercise", "full"};
  return first_of(text, words).has_value();
}

// `arthur – 76 – home plan`, `lachie (15)`: a number of two digits between spaced dashes, or alone in
// parentheses after a word.
std::optional<double> named_age(std::string_view t, std::size_t i) {
  for (const std::string_view dash : {" - ", " \xE2\x80\x93 "}) {
    if (!at(t, i, dash)) continue;
    const auto end = number_at(t, i + dash.size(), 2, 2);
    if (end && (at(t, *end, dash) || *end == t.size())) return value_of(t, i + dash.size(), *end);
  }
  if (i > 0 && word_char(t[i - 1]) && at(t, i, " (")) {
    const auto end = number_at(t, i + 2, 2, 2);
    if (end && *end < t.size() && t[*end] == ')') return value_of(t, i + 2, *end);
  }
  return std::nullopt;
}

std::optional<double> age_in(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (auto age = lone_age(text, i)) return age;
    if (auto age = named_age(text, i)) return age;
    if (auto age = age_before_years(text, i)) return age;
    if (auto age = age_after_word(text, i)) return age;
  }
  return std::nullopt;
}

std::optional<double> pregnancy_week_in(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!word_starts(text, i)) continue;
    const auto end = number_at(text, i, 1, 2);
    if (!end) continue;
    if (auto week = weeks_pregnant(text, i, *end)) return week;
    if (auto week = week_of_forty(text, i, *end)) return week;
  }
  return std::nullopt;
}

}  // namespace liftlint::plan::prose
