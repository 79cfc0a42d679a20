// Cuts a plan file into statements: lines, and the text between `;`, `{` and `}`.
#pragma once

#include <cstdint>
#include <optional>

#include "support/source.hpp"

namespace liftlint::plan {

struct Statement {
  enum class Kind { text, blank, close };
  Kind kind = Kind::text;
  std::uint32_t begin = 0;  // byte range of the text, trimmed
  std::uint32_t end = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  bool opens = false;  // the statement ended with `{`
};

class StatementCursor {
 public:
  explicit StatementCursor(const SourceFile& file) : text_(file.text) {}

  // The next statement; nullopt at the end of the file. Comments are left out.
  std::optional<Statement> next();
  // Skips to the `}` that closes the brace `opened` ended with; returns the offset after it.
  std::uint32_t skip_block(const Statement& opened);
  [[nodiscard]] std::uint32_t line() const { return line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
  bool line_has_text_ = false;

  void newline();
  [[nodiscard]] bool comment_at(std::size_t i) const;
  [[nodiscard]] bool table_cell_at(std::size_t i) const;
  [[nodiscard]] bool string_at(std::size_t i) const;
  std::size_t skip_string(std::size_t i) const;
};

}  // namespace liftlint::plan
