#include "support/limits.hpp"

#include <fmt/format.h>

namespace liftlint::limits {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size() || (length == 2 && c < 0xC2)) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (length == 3 && ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0))) return 0;
  if (length == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || c > 0xF4 || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
  return length;
}

Diagnostic at(const SourceFile& file, std::uint32_t line, std::uint32_t column, std::size_t offset,
              std::string message) {
  return Diagnostic{Severity::error,
                    {},
                    std::move(message),
                    Span{&file, line, column, 1, static_cast<std::uint32_t>(offset)},
                    {},
                    {}};
}

}  // namespace

void strip_bom(std::string& text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
}

// Line and column of a byte offset, counted only when there is something to report. Columns count
// bytes, as in every other message.
std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
  return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::optional<Diagnostic> check_bytes(const SourceFile& file) {
  const std::string_view text = file.text;
  if (text.size() > max_file_bytes) {
    // Files are read only up to one byte past the limit, so the true size is not known here.
    return at(file, 1, 1, 0,
              fmt::format("the file is larger than {} MiB, the limit; split it into smaller files",
                          max_file_bytes / (1024 * 1024)));
  }
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {  // the common case: printable ASCII
      ++i;
      continue;
    }
    const auto problem = [&](std::string message) {
      const auto [line, column] = position_of(text, i);
      return at(file, line, column, i, std::move(message));
    };
    if (c == 0) return problem("expected text, found a NUL byte: is this a binary file?");
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      return problem("expected a line ending of LF or CR LF, found a lone CR");
    }
    const auto length = utf8_length(text, i);
    if (length == 0) return problem(fmt::format("expected UTF-8 text, found the byte 0x{:02x}", c));
    i += length;
  }
  return std::nullopt;
}

}  // namespace liftlint::limits
