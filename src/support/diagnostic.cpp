#include "support/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace liftlint {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (const auto s : {Severity::error, Severity::warning, Severity::info}) {
    if (name == severity_name(s)) return s;
  }
  return std::nullopt;
}

int severity_rank(Severity severity) { return severity == Severity::error ? 2 : severity == Severity::warning ? 1 : 0; }

namespace {

// The span's bytes, when they lie on one line of the file.
std::optional<std::string_view> on_one_line(const Span& span) {
  if (!span.valid() || span.length == 0) return std::nullopt;
  const std::string_view text = span.file->text;
  if (span.offset + span.length > text.size()) return std::nullopt;
  const auto bytes = text.substr(span.offset, span.length);
  if (bytes.find('\n') != std::string_view::npos) return std::nullopt;
  return bytes;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<SpanEdit> rename_at(const Span& span, std::string_view name) {
  const auto bytes = on_one_line(span);
  if (!bytes) return std::nullopt;
  std::string text(name);
  const bool quoted = bytes->front() == '"';
  const auto first = quoted ? bytes->substr(1) : *bytes;
  if (!first.empty() && std::isupper(static_cast<unsigned char>(first.front())) != 0 && !text.empty()) {
    text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  }
  if (quoted) text = nlohmann::json(text).dump();
  return SpanEdit{span, std::move(text)};
}

namespace {

template <std::size_t N>
bool word_is(std::string_view text, std::size_t begin, std::size_t end, const std::array<std::string_view, N>& words) {
  std::string word;
  for (auto i = begin; i < end; ++i)
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The word that names what a number measures, before it (`RPE 8`, `RIR 2`) or after it (`8 RPE`, `70% 1RM`).
constexpr std::array<std::string_view, 4> measure_words{"rpe", "rir", "1rm", "rm"};
constexpr std::array<std::string_view, 2> connector_words{"at", "with"};

// A JSON member's value: the whole member goes, with the comma that joins it to another.
std::optional<std::pair<std::size_t, std::size_t>> json_member(std::string_view text, std::size_t begin,
                                                               std::size_t end) {
  auto at = begin;
  while (at > 0 && blank(text[at - 1])) --at;
  if (at == 0 || text[at - 1] != ':') return std::nullopt;
  --at;
  while (at > 0 && blank(text[at - 1])) --at;
  if (at == 0 || text[at - 1] != '"') return std::nullopt;
  --at;
  while (at > 0 && text[at - 1] != '"') --at;
  if (at == 0) return std::nullopt;
  --at;  // the key's opening quote
  auto before = at;
  while (before > 0 && (blank(text[before - 1]) || text[before - 1] == '\n' || text[before - 1] == '\r')) --before;
  if (before > 0 && text[before - 1] == ',') return std::pair{before - 1, end};
  auto after = end;
  while (after < text.size() && blank(text[after])) ++after;
  if (after < text.size() && text[after] == ',') {
    ++after;
    while (after < text.size() && blank(text[after])) ++after;
    return std::pair{at, after};
  }
  return std::nullopt;
}

}  // namespace

std::optional<SpanEdit> removal_of(const Span& span) {
  if (!on_one_line(span)) return std::nullopt;
  const std::string_view text = span.file->text;
  std::size_t begin = span.offset, end = span.offset + span.length;
  if (const auto member = json_member(text, begin, end)) {
    std::tie(begin, end) = *member;
    // a member on a line of its own is removed with the comma that ends the line before
    const auto first = text.substr(begin, end - begin).find('\n');
    if (first != std::string_view::npos) return std::nullopt;
    Span cut = span;
    cut.column -= static_cast<std::uint32_t>(span.offset - begin);
    cut.length = static_cast<std::uint32_t>(end - begin);
    cut.offset = static_cast<std::uint32_t>(begin);
    return SpanEdit{cut, {}};
  }
  const auto skip_blanks = [&] {
    while (begin > 0 && blank(text[begin - 1])) --begin;
  };
  const auto word_before = [&] {
    auto start = begin;
    while (start > 0 && std::isalnum(static_cast<unsigned char>(text[start - 1])) != 0) --start;
    return start;
  };
  skip_blanks();
  if (const auto start = word_before(); start < begin && word_is(text, start, begin, measure_words)) {
    begin = start;
    skip_blanks();
  } else {
    auto after = end;
    while (after < text.size() && blank(text[after])) ++after;
    auto stop = after;
    while (stop < text.size() && std::isalnum(static_cast<unsigned char>(text[stop])) != 0) ++stop;
    if (stop > after && word_is(text, after, stop, measure_words)) end = stop;
  }
  if (begin > 0 && (text[begin - 1] == '@' || text[begin - 1] == ',')) {
    --begin;
    skip_blanks();
  } else if (const auto start = word_before(); start < begin && word_is(text, start, begin, connector_words)) {
    begin = start;
    skip_blanks();
  }
  if (begin > 0 && text[begin - 1] == '\n') begin = span.offset;
  Span cut = span;
  cut.column -= static_cast<std::uint32_t>(span.offset - begin);
  cut.length = static_cast<std::uint32_t>(end - begin);
  cut.offset = static_cast<std::uint32_t>(begin);
  return SpanEdit{cut, {}};
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (items_.size() > max_items) return;
  // The same problem at the same place once: a session written for several weekdays is read once per day.
  const auto same = [&](const Diagnostic& d) {
    return d.span.file == diagnostic.span.file && d.span.offset == diagnostic.span.offset &&
           d.span.line == diagnostic.span.line && d.message == diagnostic.message;
  };
  if (std::any_of(items_.begin(), items_.end(), same)) return;
  if (items_.size() == max_items) {
    diagnostic.message = fmt::format("more than {} problems; the rest are not reported", max_items);
    diagnostic.severity = Severity::error;
    diagnostic.notes.clear();
    diagnostic.help.clear();
  }
  items_.push_back(std::move(diagnostic));
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace liftlint
