#include "plan/statements.hpp"

namespace liftlint::plan {
namespace {

bool blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void StatementCursor::newline() {
  ++pos_;
  ++line_;
  line_start_ = pos_;
  line_has_text_ = false;
}

// `#` starts a comment at the start of a statement or after a space; `45#` is pounds, and `| # |` the heading of
// a Markdown table's column of numbers.
bool StatementCursor::comment_at(std::size_t i) const {
  return text_[i] == '#' && (i == 0 || !(digit(text_[i - 1]) || (text_[i - 1] >= 'A' && text_[i - 1] <= 'z'))) &&
         !table_cell_at(i);
}

bool StatementCursor::table_cell_at(std::size_t i) const {
  std::size_t before = i;
  while (before > 0 && blank_byte(text_[before - 1])) --before;
  std::size_t after = i + 1;
  while (after < text_.size() && blank_byte(text_[after])) ++after;
  return before > 0 && text_[before - 1] == '|' && after < text_.size() && text_[after] == '|';
}

// `"` opens a string unless it follows a number, where it means seconds: 30".
bool StatementCursor::string_at(std::size_t i) const { return text_[i] == '"' && (i == 0 || !digit(text_[i - 1])); }

std::size_t StatementCursor::skip_string(std::size_t i) const {
  ++i;
  while (i < text_.size() && text_[i] != '"' && text_[i] != '\n') {
    if (text_[i] == '\\' && i + 1 < text_.size() && text_[i + 1] != '\n') ++i;
    ++i;
  }
  return i < text_.size() && text_[i] == '"' ? i + 1 : i;
}

std::optional<Statement> StatementCursor::next() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (blank_byte(c) || c == ';') {
      ++pos_;
      continue;
    }
    if (c == '\n') {
      const bool blank = !line_has_text_;
      const auto at = static_cast<std::uint32_t>(pos_);
      const auto line = line_;
      newline();
      if (blank) return Statement{Statement::Kind::blank, at, at, line, 1, false};
      continue;
    }
    // `## Week 1`: a Markdown heading pasted from a notes app is read as its text. One `#` is a comment.
    if (c == '#' && !line_has_text_ && pos_ + 1 < text_.size() && text_[pos_ + 1] == '#') {
      while (pos_ < text_.size() && text_[pos_] == '#') ++pos_;
      line_has_text_ = true;
      continue;
    }
    line_has_text_ = true;
    if (comment_at(pos_)) {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      continue;
    }
    Statement s;
    s.begin = static_cast<std::uint32_t>(pos_);
    s.line = line_;
    s.column = static_cast<std::uint32_t>(pos_ - line_start_ + 1);
    if (c == '}') {
      s.kind = Statement::Kind::close;
      s.end = s.begin + 1;
      ++pos_;
      return s;
    }
    std::size_t i = pos_;
    std::size_t last = pos_;  // one past the last byte that is not blank
    while (i < text_.size()) {
      const char x = text_[i];
      if (x == '\n' || x == ';' || x == '{' || x == '}' || comment_at(i)) break;
      if (string_at(i)) {
        i = skip_string(i);
        last = i;
        continue;
      }
      ++i;
      if (!blank_byte(x)) last = i;
    }
    s.end = static_cast<std::uint32_t>(last);
    pos_ = i;
    if (pos_ < text_.size() && text_[pos_] == '{') {
      s.opens = true;
      ++pos_;
    }
    return s;
  }
  return std::nullopt;
}

std::uint32_t StatementCursor::skip_block(const Statement& opened) {
  if (!opened.opens) return opened.end;
  int depth = 1;
  while (pos_ < text_.size() && depth > 0) {
    const char c = text_[pos_];
    if (c == '\n') {
      newline();
      continue;
    }
    if (comment_at(pos_)) {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      continue;
    }
    if (string_at(pos_)) {
      pos_ = skip_string(pos_);
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}') --depth;
    ++pos_;
  }
  line_has_text_ = true;
  return static_cast<std::uint32_t>(pos_);
}

}  // namespace liftlint::plan
