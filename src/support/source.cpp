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
  const std::size_t at = std::min<std::size_t>(offset, text.size());
  const auto previous = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const std::size_t begin = previous == std::string_view::npos ? 0 : previous + 1;
  auto end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

}  // namespace liftlint
