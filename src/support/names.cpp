#include "support/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "support/ascii.hpp"

namespace liftlint {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Drops a plural ending from the word that starts at `begin` of `out`.
void singular(std::string& out, std::size_t begin) {
  const std::string_view word(out.data() + begin, out.size() - begin);
  for (std::string_view es : {"ches", "shes", "sses", "xes"}) {
    if (ends_with(word, es)) {
      out.resize(out.size() - 2);
      return;
    }
  }
  if (word.size() > 3 && word.back() == 's' && !ends_with(word, "ss")) out.pop_back();
}

// Maps one UTF-8 sequence we care about to its ASCII stand-in, or returns 0.
char typographic_stand_in(std::string_view rest, std::size_t& skip) {
  if (static_cast<unsigned char>(rest.front()) != 0xE2) return 0;
  static constexpr std::pair<std::string_view, char> table[] = {
      {"\xE2\x80\x93", ' '}, {"\xE2\x80\x94", ' '}, {"\xE2\x80\x99", '\''}, {"\xE2\x80\x98", '\''}};
  for (const auto& [seq, ch] : table) {
    if (rest.substr(0, seq.size()) == seq) {
      skip = seq.size();
      return ch;
    }
  }
  return 0;
}

}  // namespace

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::size_t word_begin = std::string::npos;
  const auto end_word = [&] {
    if (word_begin != std::string::npos) singular(out, word_begin);
    word_begin = std::string::npos;
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    std::size_t skip = 0;
    char c = typographic_stand_in(name.substr(i), skip);
    if (skip > 0) {
      i += skip - 1;
    } else {
      c = name[i];
    }
    if (c == '\'') continue;
    if (c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      end_word();
      continue;
    }
    if (word_begin == std::string::npos) {
      if (!out.empty()) out.push_back(' ');
      word_begin = out.size();
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  end_word();
  return out;
}

namespace {

// The edit distance, or any number above `bound` as soon as a row of the table shows it will exceed it:
// most candidates are given up after a letter or two.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t bound) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t smallest = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > bound) return smallest;
  }
  return row[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return edit_distance_within(a, b, std::max(a.size(), b.size()));
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Names are short; a long word is no typo of one, and comparing it would cost time for nothing.
  if (word.size() > 64) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit;
  std::size_t best_prefix = 0;
  const auto common_prefix = [&](std::string_view candidate) {
    return static_cast<std::size_t>(std::mismatch(word.begin(), word.end(), candidate.begin(), candidate.end()).first -
                                    word.begin());
  };
  for (const auto& candidate : candidates) {
    const auto gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (gap > best_distance) continue;  // the distance is at least the difference in length
    const std::size_t d = edit_distance_within(word, candidate, best_distance);
    if (d > best_distance) continue;
    // Of two names as close, the one that begins as the word does (`row`: rower, not jog), then the first in
    // alphabetical order, whatever the order of the candidates (a hash table's).
    const auto prefix = common_prefix(candidate);
    if (!best || d < best_distance || prefix > best_prefix || (prefix == best_prefix && candidate < *best)) {
      best_distance = d;
      best_prefix = prefix;
      best = candidate;
    }
  }
  return best;
}

namespace {

// Edit distance counting two swapped neighbours as one slip (optimal string alignment), or bound + 1
// once it is certain to exceed bound.
std::size_t slips_within(std::string_view a, std::string_view b, std::size_t bound) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t smallest = d[i][0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      smallest = std::min(smallest, d[i][j]);
    }
    if (smallest > bound) return bound + 1;
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> certain_correction(std::string_view word, const std::vector<std::string>& candidates) {
  constexpr std::size_t shortest = 5;
  if (word.size() < shortest || word.size() > 64) return std::nullopt;
  const std::size_t allowed = word.size() >= 9 ? 2 : 1;
  std::optional<std::string> best;
  std::size_t best_slips = allowed + 1;
  bool tied = false;
  for (const auto& candidate : candidates) {
    if (candidate.empty() || candidate.front() != word.front()) continue;
    const auto slips = slips_within(word, candidate, allowed);
    if (slips == 0 || slips > allowed) continue;
    if (slips < best_slips) {
      best = candidate;
      best_slips = slips;
      tied = false;
    } else if (slips == best_slips && candidate != *best) {
      tied = true;
    }
  }
  if (tied) return std::nullopt;
  return best;
}

bool plausible_misspelling(std::string_view word, std::string_view match) {
  constexpr std::size_t shortest = 4;
  constexpr std::size_t short_word = 5;  // two slips in so few letters make another word
  if (word.size() < shortest || match.empty()) return false;
  if (slips_within(word, match, 1) <= 1) return true;
  return word.size() > short_word && word.front() == match.front();
}

std::string shorten(std::string_view name) {
  constexpr std::size_t limit = 60;
  if (name.size() <= limit) return std::string(name);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}... ({} characters)", name.substr(0, cut), name.size());
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format("did you mean '{}'?", *match) : std::string{};
}

std::string prose_for_search(std::string_view text, std::size_t limit) {
  std::string out;
  out.reserve(std::min(text.size(), limit));
  for (const char c : text) {
    if (out.size() >= limit) break;
    const auto u = static_cast<unsigned char>(c);
    if (ascii::is_space(u) != 0) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(ascii::lower(u)));
    }
  }
  return out;
}

std::string id_as_words(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

std::string spoken_list(const std::vector<std::string>& items, std::string_view last_joint) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? fmt::format(" {} ", last_joint) : std::string(", ");
    out += items[i];
  }
  return out;
}

}  // namespace liftlint
