#include "support/source.hpp"

#include <fmt/format.h>

namespace liftlint {

std::string Span::location() const {
  if (file == nullptr) return "<unknown>";
  if (line == 0) return file->path;
  return fmt::format("{}:{}:{}", file->path, line, column);
}

}  // namespace liftlint
