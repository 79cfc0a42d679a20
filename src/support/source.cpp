#include "support/source.hpp"

#include <fmt/format.h>

namespace liftlint {

std::string Span::location() const {
  if (file == nullptr) return "<unknown>";
  if (line == 0) return file->path;
  return fmt::format("{}:{}:{}", file->path, line, column);
}

std::string_view Span::line_text() const {
  if (!valid()) return {};
  std::string_view text = file->text;
  std::size_t begin = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    const auto nl = text.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  auto end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

}  // namespace liftlint
