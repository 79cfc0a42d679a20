// Tokens of one plan statement, with their places in the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.hpp"
#include "support/source.hpp"

namespace liftlint::plan {

struct Token {
  enum class Kind { number, clock, date, tempo, word, string, times, dash, punct, other };
  Kind kind = Kind::other;
  std::string_view text;  // as written, pointing into the file
  std::uint32_t offset = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool attached = false;  // no space between this token and the one before
  char mark = 0;          // for numbers: '"' seconds, '\'' minutes, '%' or '#' (pounds), written right after
  double value = 0;       // numbers: the value; clocks: seconds

  [[nodiscard]] bool is(Kind k) const { return kind == k; }
  [[nodiscard]] bool is_punct(char c) const { return kind == Kind::punct && text.size() == 1 && text[0] == c; }
  std::string_view lowered;  // words: the word in lower case, for keyword tests
  // The word in lower case; empty for other kinds.
  [[nodiscard]] std::string_view lower() const { return lowered; }
  [[nodiscard]] Span span(const SourceFile& file) const;
  [[nodiscard]] std::uint32_t end() const { return offset + static_cast<std::uint32_t>(text.size()); }
};

// A span from the start of `first` to the end of `last`.
[[nodiscard]] Span span_between(const SourceFile& file, const Token& first, const Token& last);

// The tokens of one statement, and the lower-case copy of its text their words point into.
struct Tokens {
  std::vector<Token> list;
  std::string lowered;
};

// Cuts the bytes [begin, end) of the file, which start at the given line and column, into
// tokens, replacing what `out` held. An unterminated string and a number too long to read are errors.
[[nodiscard]] bool lex_statement(const SourceFile& file, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                                 std::uint32_t column, Tokens& out, Diagnostics& diagnostics);

}  // namespace liftlint::plan
