// Character classes of ASCII text. The <cctype> functions ask the C locale through a call per byte, and a
// plan's words are classified many times a line; these are inlined, and give the same answers as the
// "C" locale, which liftlint never changes. Bytes of UTF-8 characters (negative as char) are in no class.
#pragma once

namespace liftlint::ascii {

constexpr bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool is_punct(int c) { return c > ' ' && c < 0x7F && !is_alnum(c); }
constexpr int lower(int c) { return is_upper(c) ? c - 'A' + 'a' : c; }
constexpr int upper(int c) { return is_lower(c) ? c - 'a' + 'A' : c; }

}  // namespace liftlint::ascii
