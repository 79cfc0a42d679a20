#include "support/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace liftlint {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string singular(std::string word) {
  for (std::string_view es : {"ches", "shes", "sses", "xes"}) {
    if (ends_with(word, es)) return word.substr(0, word.size() - 2);
  }
  if (word.size() > 3 && word.back() == 's' && !ends_with(word, "ss")) word.pop_back();
  return word;
}

// Maps one UTF-8 sequence we care about to its ASCII stand-in, or returns 0.
char typographic_stand_in(std::string_view rest, std::size_t& skip) {
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
  std::string flat;
  flat.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    std::size_t skip = 0;
    char c = typographic_stand_in(name.substr(i), skip);
    if (skip > 0) {
      i += skip - 1;
    } else {
      c = name[i];
    }
    if (c == '\'') continue;
    if (c == '-' || c == '_' || std::isspace(static_cast<unsigned char>(c))) c = ' ';
    flat.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  std::string out;
  std::size_t pos = 0;
  while (pos < flat.size()) {
    const auto begin = flat.find_first_not_of(' ', pos);
    if (begin == std::string::npos) break;
    auto end = flat.find(' ', begin);
    if (end == std::string::npos) end = flat.size();
    if (!out.empty()) out.push_back(' ');
    out += singular(flat.substr(begin, end - begin));
    pos = end;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Names are short; a long word is no typo of one, and comparing it would cost time for nothing.
  if (word.size() > 64) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const auto gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (gap >= best_distance) continue;  // the distance is at least the difference in length
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format("did you mean '{}'?", *match) : std::string{};
}

}  // namespace liftlint
