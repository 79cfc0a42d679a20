#include "support/placeholders.hpp"

#include <algorithm>

namespace liftlint {
namespace {

bool name_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// Length of the placeholder name starting after '{' at `open`, or 0 if none.
std::size_t placeholder_at(const std::string& text, std::size_t open) {
  std::size_t end = open + 1;
  while (end < text.size() && name_char(text[end])) ++end;
  if (end == open + 1 || end >= text.size() || text[end] != '}') return 0;
  return end - open - 1;
}

}  // namespace

std::vector<std::string> placeholder_names_in(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1)) {
    if (const auto n = placeholder_at(text, i)) out.push_back(text.substr(i + 1, n));
  }
  return out;
}

std::string fill_placeholders(const std::string& text, const Vars& vars) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto n = text[i] == '{' ? placeholder_at(text, i) : 0;
    if (n == 0) {
      out.push_back(text[i]);
      continue;
    }
    const auto name = text.substr(i + 1, n);
    const auto it = std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
    out += it != vars.end() ? it->second : text.substr(i, n + 2);
    i += n + 1;
  }
  return out;
}

}  // namespace liftlint
