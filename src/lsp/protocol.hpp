// The Language Server Protocol's transport and positions: JSON-RPC messages framed by a
// Content-Length header, and positions counted in UTF-16 code units or bytes.
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace liftlint::lsp {

using Json = nlohmann::json;

// The next message's body, or nothing at the end of the stream. A frame whose header cannot be read
// is skipped with its body, so that one bad frame does not end the session.
[[nodiscard]] std::optional<std::string> read_frame(std::istream& in);
void write_frame(std::ostream& out, const Json& message);

// How a client counts the characters of a position: UTF-16 code units unless it agreed to bytes.
enum class Encoding { utf16, utf8 };

// A document's lines, for converting liftlint's (1-based line, 1-based byte column) to the protocol's
// (0-based line, 0-based character) and back.
class LineIndex {
 public:
  LineIndex(std::string_view text, Encoding encoding);
  [[nodiscard]] Json position(unsigned line, unsigned byte_column) const;
  // A range from a 1-based line and byte column, `length` bytes long on that line.
  [[nodiscard]] Json range(unsigned line, unsigned byte_column, unsigned length) const;
  // The 0-based byte offset of a protocol position, clamped to its line.
  [[nodiscard]] std::size_t offset(const Json& position) const;
  // 1-based line and byte column of a byte offset.
  [[nodiscard]] std::pair<unsigned, unsigned> line_column(std::size_t offset) const;
  [[nodiscard]] std::string_view line(unsigned line) const;  // 1-based, without its end
  [[nodiscard]] unsigned lines() const { return static_cast<unsigned>(starts_.size()); }
  [[nodiscard]] Json end() const;

 private:
  [[nodiscard]] std::size_t line_end(std::size_t index) const;
  std::string_view text_;
  Encoding encoding_;
  std::vector<std::size_t> starts_;
};

}  // namespace liftlint::lsp
