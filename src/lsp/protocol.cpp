#include "lsp/protocol.hpp"

#include <algorithm>
#include <charconv>

#include "support/ascii.hpp"

namespace liftlint::lsp {
namespace {

// A header line longer than this, or a body larger than this, is no client's message.
constexpr std::size_t max_header = 1024;
constexpr std::size_t max_body = 64 * 1024 * 1024;

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// UTF-16 code units of the UTF-8 sequence starting with this byte.
unsigned utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

std::optional<std::size_t> content_length(std::string_view header) {
  constexpr std::string_view name = "content-length:";
  if (header.size() < name.size()) return std::nullopt;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (ascii::lower(static_cast<unsigned char>(header[i])) != name[i]) return std::nullopt;
  }
  auto value = header.substr(name.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (error != std::errc{} || n > max_body) return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::string> read_frame(std::istream& in) {
  for (;;) {
    std::optional<std::size_t> length;
    std::string header;
    bool any = false;
    while (std::getline(in, header)) {
      any = true;
      if (!header.empty() && header.back() == '\r') header.pop_back();
      if (header.empty()) break;
      if (header.size() > max_header) continue;
      if (auto n = content_length(header)) length = n;
    }
    if (!any || !in) return std::nullopt;
    if (!length) continue;  // no length: nothing to read, wait for the next header
    std::string body(*length, '\0');
    in.read(body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in.gcount()) != *length) return std::nullopt;
    return body;
  }
}

void write_frame(std::ostream& out, const Json& message) {
  const auto body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

LineIndex::LineIndex(std::string_view text, Encoding encoding) : text_(text), encoding_(encoding) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_end(std::size_t index) const {
  auto end = index + 1 < starts_.size() ? starts_[index + 1] - 1 : text_.size();
  if (end > starts_[index] && text_[end - 1] == '\r') --end;
  return end;
}

std::string_view LineIndex::line(unsigned line) const {
  if (line == 0 || line > starts_.size()) return {};
  const auto begin = starts_[line - 1];
  return text_.substr(begin, line_end(line - 1) - begin);
}

Json LineIndex::position(unsigned line, unsigned byte_column) const {
  if (line == 0) return Json{{"line", 0}, {"character", 0}};
  const auto index = std::min<std::size_t>(line - 1, starts_.size() - 1);
  const auto text = this->line(static_cast<unsigned>(index + 1));
  const auto bytes = std::min<std::size_t>(byte_column > 0 ? byte_column - 1 : 0, text.size());
  std::size_t character = bytes;
  if (encoding_ == Encoding::utf16) {
    character = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (!continuation(c)) character += utf16_units(c);
    }
  }
  return Json{{"line", index}, {"character", character}};
}

Json LineIndex::range(unsigned line, unsigned byte_column, unsigned length) const {
  if (line == 0) return Json{{"start", position(1, 1)}, {"end", position(1, 1)}};
  return Json{{"start", position(line, byte_column)}, {"end", position(line, byte_column + length)}};
}

std::size_t LineIndex::offset(const Json& position) const {
  const auto line = position.value("line", std::size_t{0});
  const auto character = position.value("character", std::size_t{0});
  if (line >= starts_.size()) return text_.size();
  const auto begin = starts_[line];
  const auto end = line_end(line);
  if (encoding_ == Encoding::utf8) return std::min(begin + character, end);
  std::size_t units = 0, at = begin;
  while (at < end && units < character) {
    units += utf16_units(static_cast<unsigned char>(text_[at]));
    ++at;
    while (at < end && continuation(static_cast<unsigned char>(text_[at]))) ++at;
  }
  return at;
}

std::pair<unsigned, unsigned> LineIndex::line_column(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto index = static_cast<std::size_t>(it - starts_.begin()) - 1;
  return {static_cast<unsigned>(index + 1), static_cast<unsigned>(offset - starts_[index] + 1)};
}

Json LineIndex::end() const {
  const auto last = static_cast<unsigned>(starts_.size());
  return position(last, static_cast<unsigned>(line(last).size() + 1));
}

}  // namespace liftlint::lsp
