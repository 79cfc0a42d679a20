#include <fmt/format.h>

#include "report/report.hpp"

namespace liftlint::report {
namespace {

// The code point starting at text[i] and its length in bytes; length 0 when the bytes are not UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return {0, 0};
  char32_t cp = c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, length};
}

// Default-ignorable code points that draw nothing: soft hyphen, fillers, variation selectors (but the emoji
// ones, U+FE0E and U+FE0F), invisible operators, interlinear annotation and shorthand format controls.
bool default_ignorable(char32_t cp) {
  const auto in = [cp](char32_t low, char32_t high) { return cp >= low && cp <= high; };
  return cp == 0x00AD || cp == 0x034F || in(0x115F, 0x1160) || in(0x17B4, 0x17B5) || in(0x180B, 0x180F) ||
         in(0x2061, 0x2065) || in(0x206A, 0x206F) || cp == 0x3164 || in(0xFE00, 0xFE0D) || cp == 0xFFA0 ||
         in(0xFFF0, 0xFFFB) || in(0x1BCA0, 0x1BCA3) || in(0x1D173, 0x1D17A) || in(0xE0100, 0xE01EF);
}

// Characters that move the cursor, change colours, end a line, reorder what follows, cannot be seen or are
// not characters at all: each makes two texts that differ look alike, or one text look like two lines.
bool hidden_effect(char32_t cp, const Printable& keep) {
  if (cp == '\t') return !keep.tabs;
  if (cp == '\n') return !keep.newlines;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C) return true;
  // (joiners, 0x200C and 0x200D, stay: emoji and several scripts need them)
  if (cp == 0x200B || cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 || cp == 0x2060 || cp == 0xFEFF)
    return true;
  if (cp >= 0xE0000 && cp <= 0xE007F) return true;  // tag characters
  return cp == 0xFFFE || cp == 0xFFFF || default_ignorable(cp);
}

}  // namespace

std::string printable(std::string_view text, Printable keep) {
  std::string out;
  out.reserve(std::min(text.size(), keep.limit) + 8);
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= keep.limit) {
      out += "...";
      break;
    }
    const auto [cp, length] = decode(text, i);
    if (length == 0) {
      out += fmt::format("<0x{:02x}>", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (hidden_effect(cp, keep)) {
      out += cp < 0x80 ? fmt::format("<0x{:02x}>", static_cast<unsigned>(cp))
                       : fmt::format("<U+{:04X}>", static_cast<unsigned>(cp));
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace liftlint::report
